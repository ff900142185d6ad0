"""Helpers every file-taking command shares (``extract``, ``analyze``, ``redact``).

``iter_input_files`` expands folders; ``fail_line`` / ``error_record`` turn a ``RedactError`` into
the one-line reason of shared/docs/contract.md; ``for_each_document`` is the loop ``extract`` and
``analyze`` share: one JSON line or one readable view per file, one reason line per failure::

    failed = for_each_document(paths, lambda p: extract(p, source=str(p)), as_json=True, show=print)
    raise typer.Exit(EXIT_BAD_INPUT if failed else EXIT_OK)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer

from redact.document import Document
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


def for_each_document(
    paths: Iterable[Path | str],
    work: Callable[[Path], Document],
    *,
    as_json: bool,
    show: Callable[[Document], None],
) -> bool:
    """Run ``work`` on every input file; print its JSON line (``--json``) or ``show`` it.

    Any failure becomes one line (a JSON record on stdout with ``--json``, ``file: reason`` on
    stderr otherwise) and the loop goes on: never a traceback (contract.md). Returns True if any
    file failed, so the caller exits 2.
    """
    failed = False
    for path in iter_input_files(paths):
        try:
            doc = work(path)
        except Exception as exc:  # the edge of the program: every error becomes one line
            err = exc if isinstance(exc, RedactError) else RedactError(f"internal error ({type(exc).__name__})")
            failed = True
            if as_json:
                typer.echo(json.dumps(error_record(path, err), ensure_ascii=False))
            else:
                typer.echo(fail_line(path, err), err=True)
            continue
        if as_json:
            typer.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
        else:
            show(doc)
    return failed
