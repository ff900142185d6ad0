"""PDF extraction: text in reading order, one box per character, fake bold once, scans flagged."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from extract_builders import PAGE, build_pdf, build_scaled_pdf

from redact.document import PdfChar
from redact.errors import CorruptFile, EncryptedFile, FileTooLarge
from redact.extract import extract
from redact.extract import pdf as pdf_module
from redact.extract.pdf import Glyph, dedupe, extract_pdf

HEIGHT = PAGE[1]


@pytest.fixture
def two_pages(tmp_path: Path) -> Path:
    return build_pdf(
        tmp_path / "two.pdf",
        [
            # drawn bottom line first: reading order must still be top to bottom
            (0, "Droid", 12, 72, 640, "抄送：市人民政府办公室"),
            (0, "Droid", 16, 72, 760, "行政处罚决定书"),
            (0, "STSong-Light", 12, 72, 700, "当事人：张三，电话13800138000"),
            (1, "WQY", 14, 100, 500, "第二页 李四 Room 502"),
        ],
    )


def test_text_is_in_reading_order_with_line_and_page_breaks(two_pages: Path) -> None:
    doc = extract(two_pages)
    assert doc.format == "pdf"
    assert doc.text == "行政处罚决定书\n当事人：张三，电话13800138000\n抄送：市人民政府办公室\n第二页 李四 Room 502"
    assert [(p.number, doc.text[p.start : p.end]) for p in doc.pages] == [
        (1, "行政处罚决定书\n当事人：张三，电话13800138000\n抄送：市人民政府办公室"),
        (2, "第二页 李四 Room 502"),
    ]
    assert doc.pages[0].width == PAGE[0] and doc.pages[0].height == PAGE[1]
    assert doc.script == "simplified"


def test_every_character_has_a_box_and_separators_have_none(two_pages: Path) -> None:
    doc = extract(two_pages)
    assert len(doc.layout) == len(doc.text)
    for ch, ref in zip(doc.text, doc.layout, strict=True):
        if ch == "\n":
            assert ref is None
        else:
            assert isinstance(ref, PdfChar), ch


def test_bbox_of_a_known_string_is_on_its_page_where_it_was_drawn(two_pages: Path) -> None:
    doc = extract(two_pages)
    start = doc.text.index("李四")
    first, second = doc.layout[start], doc.layout[start + 1]
    assert isinstance(first, PdfChar) and isinstance(second, PdfChar)
    assert first.page == second.page == 2 == doc.page_of(start)
    # drawn at x=100, baseline y=500 (from the bottom), 14 pt: "第二页 " is 3 CJK glyphs + a space before it
    baseline = HEIGHT - 500
    assert first.top < baseline < first.bottom
    assert first.bottom - first.top == pytest.approx(14, abs=0.5)
    assert first.x0 > 100 + 3 * 14 and first.x1 == pytest.approx(second.x0, abs=0.01)
    assert second.x1 - second.x0 == pytest.approx(14, abs=0.5)
    # the phone number of page 1, drawn with the non-embedded CID font
    phone = doc.text.index("13800138000")
    boxes = doc.layout[phone : phone + 11]
    assert all(isinstance(b, PdfChar) and b.page == 1 and b.top < HEIGHT - 700 < b.bottom for b in boxes)


def test_boxes_match_what_pdfplumber_finds_at_that_place(two_pages: Path) -> None:
    doc = extract(two_pages)
    with pdfplumber.open(two_pages) as pdf:
        for i, (ch, ref) in enumerate(zip(doc.text, doc.layout, strict=True)):
            if ref is None:
                continue
            assert isinstance(ref, PdfChar)
            cx, cy = (ref.x0 + ref.x1) / 2, (ref.top + ref.bottom) / 2
            here = [
                c["text"]
                for c in pdf.pages[ref.page - 1].chars
                if c["x0"] <= cx <= c["x1"] and c["top"] <= cy <= c["bottom"]
            ]
            assert ch in here, (i, ch)


def test_fake_bold_is_read_once(tmp_path: Path) -> None:
    path = build_pdf(
        tmp_path / "bold.pdf",
        [(0, "Droid", 12, 72, 700, "抄送：市人民政府"), (0, "Droid", 12, 72.3, 700, "抄送：市人民政府")],
    )
    for engine in ("pdfium", "pdfplumber"):
        assert extract_pdf(path, engine=engine).text == "抄送：市人民政府"


@pytest.mark.parametrize(
    "second, kept",
    [
        ((10.3, 20.0), 1),  # fake bold: 0.3 pt to the right
        ((11.0, 21.0), 1),  # exactly at the tolerance, across a grid cell boundary
        ((9.05, 19.5), 1),  # left and up, other cells
        ((11.5, 20.0), 2),  # 1.5 pt apart: a different glyph
        ((10.0, 22.0), 2),
    ],
)
def test_dedupe_drops_the_same_character_drawn_within_one_point(second: tuple[float, float], kept: int) -> None:
    first = Glyph("抄", 10.0, 20.0, 22.0, 32.0, 12.0)
    x, top = second
    again = Glyph("抄", x, top, x + 12, top + 12, 12.0)
    other = Glyph("送", x, top, x + 12, top + 12, 12.0)  # another character at the same place stays
    assert dedupe([first, again]) == [first, again][:kept]
    assert dedupe([first, other]) == [first, other]


def test_a_page_without_text_is_flagged_for_ocr_not_an_error(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "scan.pdf", [(0, "Droid", 12, 72, 700, "第一页")], pages=3)
    doc = extract(path)
    assert [p.needs_ocr for p in doc.pages] == [False, True, True]
    assert doc.needs_ocr and doc.to_dict()["needs_ocr"] == [2, 3]
    assert "page 2 has no text layer (needs OCR)" in doc.warnings
    assert doc.text == "第一页\n\n"


def test_a_document_without_any_text_is_still_returned(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "blank.pdf", [], pages=2)
    doc = extract(path)
    assert doc.text == "\n" and all(p.needs_ocr for p in doc.pages) and doc.page_count == 2


def test_both_readers_give_the_same_text_and_boxes_on_built_files(two_pages: Path, tmp_path: Path) -> None:
    bold = build_pdf(
        tmp_path / "b.pdf",
        [(0, "WQY", 11, 60, 800, "姓名  张三   电话 139 0000 1111"), (0, "WQY", 11, 60.3, 800, "姓名  张三")],
    )
    for path in (two_pages, bold):
        fast, ref = extract_pdf(path, engine="pdfium"), extract_pdf(path, engine="pdfplumber")
        assert fast.text == ref.text
        assert fast.pages == ref.pages
        for a, b in zip(fast.layout, ref.layout, strict=True):
            assert (a is None) == (b is None)
            if a is not None and b is not None:
                assert a.page == b.page
                assert list(a[1:]) == pytest.approx(list(b[1:]), abs=0.5)  # font descent rounding


def test_font_size_in_the_text_matrix_gives_the_same_boxes_and_gaps(tmp_path: Path) -> None:
    path = build_scaled_pdf(
        tmp_path / "tm.pdf",
        [(72, 700, 12, "姓名"), (150, 700, 12, "张三"), (72, 680, 12, "电话 13800138000"), (72, 640, 16, "标题")],
    )
    fast, ref = extract_pdf(path, engine="pdfium"), extract_pdf(path, engine="pdfplumber")
    assert fast.text == ref.text == "姓名 张三\n电话 13800138000\n标题"
    first = fast.layout[fast.text.index("张")]
    assert isinstance(first, PdfChar)
    assert first.bottom - first.top == pytest.approx(12, abs=0.5) and first.x0 == pytest.approx(150, abs=0.01)
    for a, b in zip(fast.layout, ref.layout, strict=True):
        assert a == b or (a is not None and b is not None and list(a) == pytest.approx(list(b), abs=0.5))


def test_rotated_text_is_read_by_the_reference_reader(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    build_pdf(path, [(0, "Droid", 12, 72, 700, "正文")])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:  # a stamp-like rotated line
        font = next(name for name in pdf.pages[0].Resources.Font.keys() if name.startswith("/F2"))
        stamp = f"BT {font} 12 Tf 0.866 0.5 -0.5 0.866 300 300 Tm <0102> Tj ET"  # 正文 again, rotated 30°
        pdf.pages[0].contents_add(stamp.encode(), prepend=False)
        pdf.save(path)
    assert extract(path).text == extract_pdf(path, engine="pdfplumber").text == "正文\n正文"


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_rotated_page_reads_like_the_unrotated_one_with_displayed_boxes(tmp_path: Path, rotate: int) -> None:
    draws = [(0, "WQY", 12, 72, 700, "第一行 张三 13800138000"), (0, "WQY", 12, 72, 680, "第二行"), (0, "WQY", 12, 300, 680, "右侧")]
    upright = extract(build_pdf(tmp_path / "upright.pdf", draws))
    path = build_pdf(tmp_path / "rotated.pdf", draws)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = rotate
        pdf.save(path)
    doc = extract(path)
    assert doc.text == upright.text == "第一行 张三 13800138000\n第二行 右侧"
    assert (doc.pages[0].width, doc.pages[0].height) == ((PAGE[1], PAGE[0]) if rotate != 180 else PAGE)
    with pdfplumber.open(path) as pdf:  # boxes are pdfplumber's displayed coordinates
        chars = [(c["text"], round(c["x0"], 2), round(c["top"], 2)) for c in pdf.pages[0].chars]
    for ch, ref in zip(doc.text, doc.layout, strict=True):
        if ref is not None:
            assert (ch, round(ref.x0, 2), round(ref.top, 2)) in chars


def test_only_the_page_pdfium_cannot_report_goes_through_pdfplumber(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_pdf(tmp_path / "mixed.pdf", [(0, "Droid", 12, 72, 700, "正文"), (1, "Droid", 12, 72, 700, "第二页")])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[1]
        font = next(name for name in page.Resources.Font.keys() if name.startswith("/F2"))
        page.contents_add(f"BT {font} 12 Tf 0.866 0.5 -0.5 0.866 300 300 Tm <01> Tj ET".encode(), prepend=False)
        pdf.save(path)
    calls: list[int] = []
    real = pdf_module._plumber_page
    monkeypatch.setattr(pdf_module, "_plumber_page", lambda page: calls.append(page.page_number) or real(page))
    assert extract(path).text == "正文\n第二页\n正"  # the rotated stamp draws code 1 of the subset: 正
    assert calls == [2]


def test_both_readers_give_the_same_text_on_every_sample_pdf(samples_dir: Path) -> None:
    pdfs = sorted(samples_dir.glob("*.pdf"))
    assert pdfs, "samples/intake has no PDF"
    for path in pdfs:
        assert extract_pdf(path, engine="pdfium").text == extract_pdf(path, engine="pdfplumber").text, path.name


def test_reading_order_and_gap_spaces_agree_with_pdfplumber_extract_text(samples_dir: Path, two_pages: Path) -> None:
    def squeeze(text: str) -> str:  # extract_text turns a drawn U+3000 into " "; we keep the glyph
        return re.sub(r"[ \u3000]+", " ", text)

    for path in [two_pages, *sorted(samples_dir.glob("*.pdf"))]:
        with pdfplumber.open(path) as pdf:
            reference = "\n".join(page.dedupe_chars().extract_text() for page in pdf.pages)
        assert squeeze(extract(path).text) == squeeze(reference), path.name


def test_annotations_are_reported_because_their_text_is_not_extracted(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "link.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.drawString(72, 700, "mail")
    c.linkURL("mailto:zhang@example.cn", (72, 690, 150, 710))
    c.showPage()
    c.save()
    warning = "page 1 has 1 annotations (links, notes, form fields: not in the text)"
    assert warning in extract(path).warnings
    assert warning in extract_pdf(path, engine="pdfplumber").warnings


def test_encrypted_pdf_is_an_encrypted_file_error(two_pages: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(two_pages) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="owner-pw", user="user-pw"))
    with pytest.raises(EncryptedFile):
        extract(locked)
    with pytest.raises(EncryptedFile):
        extract_pdf(locked, engine="pdfplumber")


def test_owner_password_only_pdf_is_readable(two_pages: Path, tmp_path: Path) -> None:
    restricted = tmp_path / "restricted.pdf"
    with pikepdf.open(two_pages) as pdf:
        pdf.save(restricted, encryption=pikepdf.Encryption(owner="owner-pw", user=""))
    assert "张三" in extract(restricted).text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref or trailer",
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
    ],
)
def test_damaged_pdf_is_a_corrupt_file_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(CorruptFile):
        extract(path)
    with pytest.raises(CorruptFile):
        extract_pdf(path, engine="pdfplumber")


def test_truncated_pdf_gives_a_typed_error_or_what_is_left(two_pages: Path, tmp_path: Path) -> None:
    data = two_pages.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        doc = extract(path)
    except CorruptFile:
        return
    assert len(doc.layout) == len(doc.text)


def test_page_limit_is_checked(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "long.pdf", [(0, "Droid", 12, 72, 700, "第一页")], pages=4)
    with pytest.raises(FileTooLarge):
        extract(path, max_pages=3)
    assert extract(path, max_pages=4).page_count == 4


def test_glyphs_without_unicode_mapping_are_left_out_and_the_page_needs_ocr(tmp_path: Path) -> None:
    path = build_pdf(
        tmp_path / "f.pdf", [(0, "Droid", 12, 72, 700, "张三的身份证"), (1, "STSong-Light", 12, 72, 700, "第二页")]
    )
    stripped = tmp_path / "no-tounicode.pdf"
    with pikepdf.open(path) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            if "/ToUnicode" in font:
                del font["/ToUnicode"]  # like a PDF whose embedded subset lost its character map
        pdf.save(stripped)
    doc = extract(stripped)
    assert doc.text == "\n第二页"  # no "(cid:N)" garbage where detection would look
    assert [p.needs_ocr for p in doc.pages] == [True, False]
    assert "page 1: 6 glyphs have no Unicode mapping (left out of the text)" in doc.warnings
