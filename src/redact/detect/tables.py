"""Tab-separated tables (DOCX tables, TXT exports): the header row names what a cell holds.

A value in a table has no label next to it (``护照号码`` is the column header, rows away), so both
the context enhancer and the policy ask for the header cell of the value's column.
"""

from __future__ import annotations

#: how many rows up we look for the first line of a table
MAX_ROWS = 300


def header_cells(text: str, pos: int) -> tuple[list[str], int] | None:
    """(header row cells, column of ``pos``) when ``pos`` is in a body row of a tab-separated table."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if "\t" not in text[line_start:line_end]:
        return None
    header_start = line_start
    for _ in range(MAX_ROWS):  # walk up to the first line of this block of tab-separated lines
        if header_start == 0:
            break
        prev = text.rfind("\n", 0, header_start - 1) + 1
        if "\t" not in text[prev : header_start - 1]:
            break
        header_start = prev
    if header_start == line_start:
        return None
    header_end = text.find("\n", header_start)
    return text[header_start:header_end].split("\t"), text.count("\t", line_start, pos)


def header_cell(text: str, pos: int) -> str | None:
    """The header of the column that holds ``pos``, if ``pos`` is in a table body."""
    found = header_cells(text, pos)
    if found is None:
        return None
    cells, column = found
    return cells[column] if column < len(cells) else None
