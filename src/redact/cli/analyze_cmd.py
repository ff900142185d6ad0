"""``redact analyze PATH... [--json]``: personal data found in each file (contract JSON Lines).

One code path with the flows and the web app: ``Pipeline(settings).analyze(path)`` and
``Document.to_dict()``. Without ``--json`` a coloured view for people: the text with each entity
highlighted (red = redact, green = keep) and a count per type.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from redact.cli.common import EXIT_BAD_INPUT, EXIT_OK, for_each_document
from redact.document import Document
from redact.pipeline import Pipeline
from redact.settings import Settings

#: texts longer than this are shown as the lines that hold entities only
FULL_TEXT_LIMIT = 4000
_TYPE_STYLE = {
    "PERSON": "bold",
    "ADDRESS": "italic",
}


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)


def analyze_command(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (folders: every .pdf/.docx/.txt, recursively)."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="JSON Lines per shared/docs/contract.md, one per file."
    ),
    full: bool = typer.Option(False, "--full", help="Show the whole text, however long (without --json)."),
) -> None:
    """Find personal data in each file without touching it; exit 2 if any file failed."""
    pipeline = Pipeline(Settings())
    console = Console(highlight=False)
    failed = for_each_document(
        paths,
        lambda path: pipeline.analyze(path, source=str(path)),
        as_json=as_json,
        show=lambda doc: show(console, doc, full=full),
    )
    raise typer.Exit(EXIT_BAD_INPUT if failed else EXIT_OK)


def highlighted(doc: Document, start: int = 0, end: int | None = None) -> Text:
    """``doc.text[start:end]`` with entities styled by action (red/green) and type (bold/italic)."""
    end = len(doc.text) if end is None else end
    text = Text(doc.text[start:end])
    for e in doc.entities:
        if e.end <= start or e.start >= end:
            continue
        colour = "red" if e.action == "redact" else "green"
        style = f"{colour} reverse {_TYPE_STYLE.get(e.type, '')}".strip()
        text.stylize(style, max(e.start, start) - start, min(e.end, end) - start)
    return text


def show(console: Console, doc: Document, *, full: bool = False) -> None:
    """The readable view of one analyzed document."""
    console.rule(
        f"{doc.source}  [dim]{doc.format} · {doc.script} · {doc.page_count} page(s) · {len(doc.text)} chars"
    )
    if full or len(doc.text) <= FULL_TEXT_LIMIT:
        console.print(highlighted(doc))
    else:
        lines = sorted({doc.text.count("\n", 0, e.start) for e in doc.entities})
        starts = [0] + [i + 1 for i, ch in enumerate(doc.text) if ch == "\n"]
        for n in lines:
            line_end = doc.text.find("\n", starts[n])
            out = Text(f"{n + 1:>5} ", style="dim")
            out.append_text(highlighted(doc, starts[n], len(doc.text) if line_end < 0 else line_end))
            console.print(out)
    counts = Counter((e.type, e.action) for e in doc.entities)
    table = Table(title="entities", show_footer=False)
    for name, justify in (("type", "left"), ("action", "left"), ("count", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for (etype, action), n in sorted(counts.items()):
        table.add_row(etype, Text(action, style="red" if action == "redact" else "green"), str(n))
    console.print(table if counts else Text("no personal data found", style="green"))
    if doc.attribute is not None:
        console.print(Text(doc.attribute.explanation or doc.attribute.label, style="bold"))
