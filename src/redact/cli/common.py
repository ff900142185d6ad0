"""Helpers every file-taking command shares (``extract``, ``analyze``, ``redact``).

``iter_input_files`` expands folders; ``fail_line`` / ``error_record`` turn a ``RedactError`` into
the one-line reason of shared/docs/contract.md. Typical use::

    failed = False
    for path in iter_input_files(paths):
        try:
            doc = extract(path, source=str(path))
        except BadInput as err:
            failed = True
            typer.echo(fail_line(path, err), err=True)   # or json.dumps(error_record(path, err))
    raise typer.Exit(EXIT_BAD_INPUT if failed else 0)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redact.errors import RedactError
from redact.extract import SUPPORTED_SUFFIXES

#: Exit codes of the contract.
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_LEAK = 3

def iter_input_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly (whatever their ending, even missing ones, so they fail with a reason)
    plus the ``SUPPORTED_SUFFIXES`` files under each folder, recursively, sorted; hidden ones skipped.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found = (
            sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if path.is_dir()
            else [path]
        )
        for p in found:
            if p not in seen:
                seen.add(p)
                files.append(p)
    return files


def fail_line(path: Path | str, err: RedactError) -> str:
    """``file: [E103] the PDF is damaged (hint)`` — the line people see on stderr."""
    return f"{path}: {err.reason()}"


def error_record(path: Path | str, err: RedactError) -> dict[str, Any]:
    """The JSON line of a file that failed: ``file``, ``error`` (the reason) and its stable ``code``."""
    return {"file": str(path), "error": err.reason(), "code": err.code}
