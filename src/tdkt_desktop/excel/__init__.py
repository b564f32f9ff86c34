"""Excel in and out: lists to .xlsx, and .xlsx lists (any layout, legacy TCVN3/VNI text) into the registry."""

from tdkt_desktop.excel.errors import ExcelError, ExportCancelled, ImportRefused, MappingNeeded

__all__ = ["ExcelError", "ExportCancelled", "ImportRefused", "MappingNeeded"]
