"""Commands of a later stage (filled in by its issue)."""

import typer


def register(app: typer.Typer) -> None:
    """No commands yet."""
