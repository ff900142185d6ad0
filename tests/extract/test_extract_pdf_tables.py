"""A table cell too narrow for an 18-digit id wraps it: the text must still hold the whole id."""

from __future__ import annotations

from extract_builders import build_pdf

from redact.document import PdfChar
from redact.extract import extract


def test_a_wrapped_id_in_a_table_cell_reads_as_one_id(tmp_path):
    src = build_pdf(
        tmp_path / "table.pdf",
        [
            (0, "WQY", 12, 72, 700, "王建国"),
            (0, "WQY", 12, 150, 700, "35010219880312"),
            (0, "WQY", 12, 260, 700, "13905912345"),
            (0, "WQY", 12, 150, 686, "4512"),
            (0, "WQY", 12, 72, 660, "正文第一行，编号2024"),
            (0, "WQY", 12, 72, 646, "0001为另一行"),
        ],
    )
    doc = extract(src)
    assert "王建国 350102198803124512 13905912345\n" in doc.text
    start = doc.text.index("4512")
    assert isinstance(doc.layout[start], PdfChar) and doc.layout[start].top > doc.layout[start - 1].top
    # a paragraph (one run per line) keeps its line break even when it continues digits
    assert "编号2024\n0001为另一行" in doc.text


def test_a_line_not_under_a_cell_start_is_not_moved(tmp_path):
    src = build_pdf(
        tmp_path / "rows.pdf",
        [
            (0, "WQY", 12, 72, 700, "姓名"),
            (0, "WQY", 12, 150, 700, "电话2024"),
            (0, "WQY", 12, 160, 686, "1234"),
        ],
    )
    assert "姓名 电话2024\n1234" in extract(src).text
