"""``redact extract PATH... [--json]``: text and layout summary of each file, nothing else."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from redact.cli.common import EXIT_BAD_INPUT, EXIT_OK, for_each_document
from redact.document import Document
from redact.extract import extract
from redact.settings import Settings


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders (folders: every .pdf/.docx/.txt, recursively)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: one Document object per file (with text)."),
) -> None:
    """Extract the text of each file (PDF, DOCX, TXT) with positions; exit 2 if any file failed."""
    settings = Settings()
    table = _table()
    failed = for_each_document(
        paths,
        lambda path: extract(
            path, source=str(path), max_bytes=settings.max_file_bytes, max_pages=settings.max_pages
        ),
        as_json=as_json,
        show=lambda doc: table.add_row(*_row(doc)),
    )
    if not as_json and table.row_count:
        Console().print(table)
    raise typer.Exit(EXIT_BAD_INPUT if failed else EXIT_OK)


def _table() -> Table:
    table = Table(title="extracted documents")
    table.add_column("file", overflow="fold", ratio=2)
    for name in ("format", "script"):
        table.add_column(name, no_wrap=True)
    for name in ("pages", "chars"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("encoding", no_wrap=True)
    table.add_column("notes", overflow="fold", ratio=1)
    return table


def _row(doc: Document) -> tuple[str, ...]:
    notes = []
    if doc.needs_ocr:
        notes.append("needs OCR: pages " + ",".join(str(p.number) for p in doc.pages if p.needs_ocr))
    if doc.tracked_changes:
        notes.append("tracked changes")
    notes.extend(w for w in doc.warnings if "OCR" not in w and "tracked" not in w)
    return (
        doc.source,
        doc.format,
        doc.script,
        str(doc.page_count),
        str(len(doc.text)),
        doc.encoding or "",
        "; ".join(notes),
    )
