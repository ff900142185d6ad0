"""Cells of plain-text tables (columns split by tabs, runs of spaces or box-drawing bars).

Extracted PDF/DOCX tables arrive as one line per row. A header line names the columns; the
rows below it, until a blank line, are read by column position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CELL_RE = re.compile(r"[^\s|│┃]+")
#: in a tab-separated line only tabs (and bars) split cells: ``138 5999 9010`` is one phone cell
_TAB_CELL_RE = re.compile(r"[^\s|│┃](?:[^\t|│┃]*[^\s|│┃])?")


def table_cells(text: str, headers: frozenset[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of every cell under a header cell in ``headers``."""
    columns: list[int] = []
    base = 0
    for line in text.split("\n"):
        cells = list((_TAB_CELL_RE if "\t" in line else _CELL_RE).finditer(line))
        values = [c.group() for c in cells]
        header_hits = [i for i, v in enumerate(values) if v in headers]
        if header_hits:
            columns = header_hits
        elif not cells:
            columns = []
        elif columns:
            for idx in columns:
                if idx < len(cells):
                    yield base + cells[idx].start(), base + cells[idx].end()
        base += len(line) + 1
