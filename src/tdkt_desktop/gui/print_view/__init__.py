"""The In ấn (printing) section: preview, print, save the issued PDF, batches of a decision or a campaign."""
