"""The ``redact`` command: one Typer app; each stage registers its commands from its own module.

Errors are converted here, at the edge: ``file: reason`` on stderr and the exit codes of
shared/docs/contract.md (2 unreadable input, 3 failed leak gate), never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="redact",
    help="Prepare Chinese government documents for publication (extract, detect, classify, review, publish).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``; the order is the data flow.
_COMMAND_MODULES = (
    "redact.cli.extract_cmd",
    "redact.cli.analyze_cmd",
    "redact.cli.redact_cmd",
    "redact.cli.review_cmd",
    "redact.cli.ops_cmd",
)

for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
