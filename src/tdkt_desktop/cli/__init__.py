"""The command line: every capability without a screen (``tdkt``; ``python -m tdkt_desktop``).

One parser (:mod:`~tdkt_desktop.cli.main`), one ``--db`` option accepted before or after any command, one
error boundary and one exit-code table (:mod:`~tdkt_desktop.core.exit_codes`, imported through :mod:`~tdkt_desktop.cli.base`); the commands are grouped by
capability, one module each: installation (init, units, demo, start), database (stats, check), targets,
printing, sync (keys, enroll, bundle, conflicts), excel and reports.
"""

from tdkt_desktop.cli.base import EXIT_ATTENTION, EXIT_BUG, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CliError
from tdkt_desktop.cli.main import build_parser, main

__all__ = [
    "EXIT_ATTENTION",
    "EXIT_BUG",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_USAGE",
    "CliError",
    "build_parser",
    "main",
]
