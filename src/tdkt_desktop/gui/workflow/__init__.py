"""The workflow screens: campaigns and their targets, results, nominations, council votes, the overview."""
