"""DOCX extraction: every visible w:t once, in reading order, each character traced to its w:t node."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from extract_builders import NSDECL, build_raw_docx, p, r
from lxml import etree

from redact.document import DocxChar
from redact.errors import CorruptFile, EncryptedFile, UnsupportedFormat
from redact.extract import extract
from redact.extract.docx import W


def node_char(path: Path, ref: DocxChar) -> str:
    """What the layout points at, looked up the way the redaction engine does: ``root.iter(w:t)``."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read(ref.part))
    return list(root.iter(W + "t"))[ref.node].text[ref.index]


def assert_layout_points_at_the_text(path: Path) -> None:
    doc = extract(path)
    assert len(doc.layout) == len(doc.text)
    for ch, ref in zip(doc.text, doc.layout, strict=True):
        if ref is None:
            assert ch in "\n\t-"
        else:
            assert isinstance(ref, DocxChar) and node_char(path, ref) == ch


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    """A python-docx document: header, footer, a table with a nested table, a name split across runs."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "榕江市市场监督管理局"
    d.sections[0].footer.paragraphs[0].text = "第1页"
    d.add_paragraph("行政处罚决定书")
    para = d.add_paragraph("当事人：")
    para.add_run("欧阳")
    para.add_run("明辉").bold = True
    para.add_run("，电话13800138000。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "电话"
    table.cell(1, 0).text = "李娜"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "手机"
    inner.cell(0, 1).text = "13906913579"
    d.add_paragraph("特此决定。")
    path = tmp_path / "word.docx"
    d.save(path)
    return path


def test_body_table_nested_table_header_and_footer_in_reading_order(word_file: Path) -> None:
    doc = extract(word_file)
    assert doc.format == "docx" and doc.page_count == 1
    assert doc.text == (
        "行政处罚决定书\n当事人：欧阳明辉，电话13800138000。\n"
        "姓名\t电话\n李娜\t\n手机\t13906913579\n\n特此决定。\n"  # Word keeps a w:p after a nested table
        "榕江市市场监督管理局\n第1页"
    )
    assert not doc.tracked_changes and doc.warnings == ()


def test_a_name_split_across_runs_maps_to_both_w_t_nodes(word_file: Path) -> None:
    doc = extract(word_file)
    start = doc.text.index("欧阳明辉")
    refs = doc.layout[start : start + 4]
    assert all(isinstance(ref, DocxChar) for ref in refs)
    assert [(ref.part, ref.paragraph, ref.index) for ref in refs] == [
        ("word/document.xml", 1, 0),
        ("word/document.xml", 1, 1),
        ("word/document.xml", 1, 0),
        ("word/document.xml", 1, 1),
    ]
    assert refs[0].node == refs[1].node and refs[2].node == refs[1].node + 1
    assert [node_char(word_file, ref) for ref in refs] == list("欧阳明辉")


def test_every_character_of_a_python_docx_file_points_at_its_node(word_file: Path) -> None:
    assert_layout_points_at_the_text(word_file)


def test_header_text_is_traced_to_the_header_part(word_file: Path) -> None:
    doc = extract(word_file)
    ref = doc.layout[doc.text.index("榕江市")]
    assert isinstance(ref, DocxChar) and ref.part.startswith("word/header")


TEXT_BOX = (
    "<w:p>"
    + r("见附件：")
    + "<w:r><mc:AlternateContent>"
    + '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
    + "<w:txbxContent>"
    + p("联系人：王小红")
    + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    + "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    + p("联系人：王小红")
    + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    + "</mc:AlternateContent></w:r></w:p>"
)


@pytest.mark.parametrize(
    "body, text",
    [
        # runs inside a hyperlink are visible text (python-docx misses them)
        (
            '<w:p><w:hyperlink r:id="rId9">' + r("邮箱 zhang@example.cn") + "</w:hyperlink></w:p>",
            "邮箱 zhang@example.cn",
        ),
        # inserted runs are visible
        ("<w:p>" + r("地址：") + "<w:ins w:id='1' w:author='x'>" + r("鼓楼区") + "</w:ins></w:p>", "地址：鼓楼区"),
        # a content control's content is visible, its properties are not
        (
            "<w:p><w:sdt><w:sdtPr><w:alias w:val='name'/></w:sdtPr><w:sdtContent>"
            + r("赵六")
            + "</w:sdtContent></w:sdt></w:p>",
            "赵六",
        ),
        # block-level content control around a paragraph
        ("<w:sdt><w:sdtContent>" + p("块级控件") + "</w:sdtContent></w:sdt>", "块级控件"),
        # a simple field shows its result
        ("<w:p><w:fldSimple w:instr=' PAGE '>" + r("3") + "</w:fldSimple></w:p>", "3"),
        # a complex field: the code (instrText) is not visible, the result is
        (
            "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
            "<w:r><w:instrText> HYPERLINK \"mailto:li@example.cn\" </w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>" + r("点此联系") + "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>",
            "点此联系",
        ),
        # tab and line break are characters we insert (layout None)
        ("<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>", "甲\t乙\n丙"),
        # a text box is stored twice (DrawingML + VML fallback): read once, after its paragraph
        (TEXT_BOX, "见附件：\n联系人：王小红"),
    ],
)
def test_text_python_docx_does_not_reach_is_extracted(tmp_path: Path, body: str, text: str) -> None:
    path = build_raw_docx(tmp_path / "raw.docx", body)
    assert extract(path).text == text
    assert_layout_points_at_the_text(path)


def test_text_box_maps_to_the_choice_copy_counted_among_all_w_t(tmp_path: Path) -> None:
    path = build_raw_docx(tmp_path / "box.docx", TEXT_BOX)
    doc = extract(path)
    ref = doc.layout[doc.text.index("联系人")]
    assert isinstance(ref, DocxChar)
    assert ref.node == 1  # node 0 is "见附件：", node 2 is the fallback copy
    assert ref.paragraph == 1  # the w:p inside the DrawingML text box


def test_tracked_deletions_are_not_text_but_are_reported(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("当事人：")
        + "<w:del w:id='2' w:author='审核人'><w:r><w:delText>张三</w:delText></w:r></w:del>"
        + "<w:ins w:id='3' w:author='审核人'>"
        + r("某某")
        + "</w:ins>"
        + "<w:moveFrom w:id='4'>"
        + r("旧位置")
        + "</w:moveFrom></w:p>"
    )
    doc = extract(build_raw_docx(tmp_path / "tracked.docx", body))
    assert doc.text == "当事人：某某"
    assert doc.tracked_changes
    assert any("tracked deletions" in w for w in doc.warnings)


def test_hidden_text_is_not_text_but_is_reported(tmp_path: Path) -> None:
    body = "<w:p>" + r("公开部分") + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的身份证号</w:t></w:r></w:p>"
    doc = extract(build_raw_docx(tmp_path / "hidden.docx", body))
    assert doc.text == "公开部分"
    assert "hidden text present (not part of the text)" in doc.warnings


def test_footnotes_and_endnotes_follow_the_body(tmp_path: Path) -> None:
    notes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {NSDECL}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1">' + p("注：举报人", "孙七") + "</w:footnote></w:footnotes>"
    )
    endnotes = f'<?xml version="1.0" encoding="UTF-8"?><w:endnotes {NSDECL}><w:endnote w:id="1">{p("尾注")}</w:endnote></w:endnotes>'
    body = "<w:p>" + r("正文") + '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    path = build_raw_docx(
        tmp_path / "notes.docx", body, {"word/footnotes.xml": notes, "word/endnotes.xml": endnotes}
    )
    doc = extract(path)
    assert doc.text == "正文\n注：举报人孙七\n尾注"
    ref = doc.layout[doc.text.index("孙七")]
    assert isinstance(ref, DocxChar) and ref.part == "word/footnotes.xml"
    assert_layout_points_at_the_text(path)


def test_damaged_zip_is_a_corrupt_file(word_file: Path, tmp_path: Path) -> None:
    data = word_file.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFile):
        extract(cut)


def test_package_without_document_xml_is_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(CorruptFile):
        extract(path)


def test_damaged_xml_is_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(CorruptFile):
        extract(path)


def test_spreadsheet_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat):
        extract(path)


def _ole(stream_names: list[str]) -> bytes:
    """The first bytes of an OLE/CFB container with directory entries named ``stream_names``."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entries = b"".join(n.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for n in stream_names)
    return header + entries


def test_password_protected_docx_is_an_encrypted_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(_ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    with pytest.raises(EncryptedFile):
        extract(path)


def test_legacy_doc_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(_ole(["Root Entry", "WordDocument", "1Table"]))
    with pytest.raises(UnsupportedFormat):
        extract(path)


def test_strict_open_xml_is_unsupported_rather_than_silently_empty(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
            "<w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>",
        )
    with pytest.raises(UnsupportedFormat):
        extract(path)


def test_a_document_without_text_is_returned_with_a_warning(tmp_path: Path) -> None:
    doc = extract(build_raw_docx(tmp_path / "blank.docx", "<w:p/><w:p/>"))
    assert doc.text == "\n" and doc.warnings == ("the document contains no text",)


def test_parts_that_are_not_read_are_reported(tmp_path: Path) -> None:
    path = build_raw_docx(
        tmp_path / "media.docx",
        p("见下图"),
        {"word/media/image1.png": "PNG", "word/embeddings/oleObject1.bin": "OLE", "word/comments.xml": "<x/>"},
    )
    assert extract(path).warnings == (
        "comments present (not part of the text)",
        "embedded objects present (their content is not extracted)",
        "images present (their content is not extracted)",
    )
