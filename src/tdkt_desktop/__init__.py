"""TĐKT Desktop: offline emulation and commendation work for Vietnamese local government."""

__version__ = "0.1.0"
