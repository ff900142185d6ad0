"""Values the detector reported once are removed everywhere they occur in the document.

Real documents repeat a name in a footnote or a table, and a narrow table cell wraps an id over
two lines (the first line alone still holds the birth date). Without propagation the leak gate
rightly refuses such a copy (exit 3); with it the copy is written and clean.
"""

from __future__ import annotations

from helpers import txt_document

from redact.document import Entity
from redact.publish import plan, redact_file

ID = "35010219900101123X"
TEXT = f"当事人王建国，身份证号码{ID}。\n附表：王建国 350102199001\n0112 3X\n承办人：王建国\n"


def _first(doc, etype: str, value: str) -> Entity:
    start = doc.text.index(value)
    return Entity(etype, start, start + len(value), value, 0.99, "test")


def test_repeats_get_the_same_mask_and_wrapped_pieces_lose_their_run(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = txt_document(src)
    reported = [_first(doc, "PERSON", "王建国"), _first(doc, "CN_RESIDENT_ID", ID)]
    p = plan(doc, reported, "local")
    assert p.propagated == 3  # the two further 王建国 and the id wrapped over two lines
    out = tmp_path / "out.txt"
    result = redact_file(src, doc, reported, out, masking="local")
    written = out.read_text(encoding="utf-8")
    assert "王建国" not in written and written.count("王某某") == 3
    assert "350102199001" not in written and "0112" not in written
    assert result.extra["propagated"] == 3
    assert "附表" in written and "承办人" in written


def test_a_needle_piece_removes_the_whole_digit_run(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(f"身份证号码{ID}。\n表格：35010219900101\n123X\n", encoding="utf-8")
    doc = txt_document(src)
    p = plan(doc, [_first(doc, "CN_RESIDENT_ID", ID)], "local")
    wrapped = doc.text.rindex("35010219900101")
    assert all(k in p.removed for k in range(wrapped, wrapped + 14))
    assert p.propagated == 1
