"""TXT redaction in the reviewer's encoding, the masking conventions, and what the gate searches."""

from __future__ import annotations

import pytest
from helpers import entities, txt_document

from redact.errors import LeakGateFailed
from redact.publish import redact_file
from redact.publish.leakcheck import check_txt
from redact.publish.masking import mask_value, needles

TEXT = "當事人張三豐，手機 138-0013-8000，身份證號碼35010219900101123X。\r\n地址：福建省福州市鼓楼区东街街道八一七北路100号。\n"


@pytest.mark.parametrize(
    "etype, value, policy, expected",
    [
        ("PERSON", "张三", "local", "张某"),
        ("PERSON", "张三丰", "local", "张某某"),
        ("PERSON", "欧阳娜娜", "local", "欧阳某某"),
        ("PERSON", "John", "local", "■■■■"),
        ("PHONE_NUMBER", "13800138000", "local", "138****8000"),
        ("PHONE_NUMBER", "+86 138 0013 8000", "local", "+86 138 **** 8000"),
        ("PHONE_NUMBER", "0591-87654321", "local", "****-****4321"),
        ("CN_RESIDENT_ID", "35010219900101123X", "local", "350102********123X"),
        ("ADDRESS", "福州市鼓楼区东街街道八一七北路100号", "local", "福州市鼓楼区东街街道■■■■■■■■■"),
        ("EMAIL_ADDRESS", "a@b.cn", "local", "■■■■■■"),
        ("PERSON", "张三", "full", "■■"),
        ("PHONE_NUMBER", "13800138000", "full", "■" * 11),
    ],
)
def test_masks_keep_length_and_follow_the_convention(etype, value, policy, expected):
    mask = mask_value(etype, value, policy)
    assert mask.replacement == expected and len(mask.replacement) == len(value)


def test_gate_needles_are_the_full_value_and_long_removed_pieces():
    mask = mask_value("CN_RESIDENT_ID", "35010219900101123X")
    assert needles("35010219900101123X", mask) == {"35010219900101123X", "19900101"}
    assert needles("张三", mask_value("PERSON", "张三")) == {"张三"}


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_txt_redacted_in_the_chosen_encoding(tmp_path, encoding):
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT.encode("big5", "replace") if encoding == "big5" else TEXT.encode(encoding))
    text = TEXT if encoding != "big5" else src.read_bytes().decode("big5")
    doc = txt_document(src, encoding)
    assert doc.text == text
    ents = entities(
        doc, ("PERSON", "張三豐"), ("PHONE_NUMBER", "138-0013-8000"), ("CN_RESIDENT_ID", "35010219900101123X")
    )
    out = tmp_path / "out.txt"
    result = redact_file(src, doc, ents, out, txt_encoding=encoding)
    written = out.read_bytes().decode(encoding)
    assert "張某某" in written and "138-****-8000" in written and "350102********123X" in written
    assert "張三豐" not in written and "张三丰" not in written and "19900101" not in written
    assert (
        written.replace("張某某", "張三豐")
        .replace("138-****-8000", "138-0013-8000")
        .replace("350102********123X", "35010219900101123X")
        == text
    )  # everything else byte-identical, CRLF kept
    assert result.masks == {
        "PERSON": "local:surname",
        "PHONE_NUMBER": "local:3+4",
        "CN_RESIDENT_ID": "local:6+4",
    }


def test_txt_layout_maps_offsets_when_extraction_folded_newlines(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT.encode("utf-8"))
    folded = txt_document(src)
    from dataclasses import replace

    from redact.document import TxtChar

    text = TEXT.replace("\r\n", "\n")
    layout = []
    for ln, line in enumerate(text.split("\n"), 1):
        layout += [TxtChar(ln, c) for c in range(1, len(line) + 2)]
    doc = replace(folded, text=text, layout=tuple(layout[: len(text)]))
    out = tmp_path / "out.txt"
    redact_file(src, doc, entities(doc, ("ADDRESS", "福建省福州市鼓楼区东街街道八一七北路100号")), out)
    assert out.read_bytes().decode() == TEXT.replace("八一七北路100号", "■■■■■■■■■")


def test_txt_gate_finds_values_with_spaces_fullwidth_and_traditional(tmp_path):
    out = tmp_path / "leak.txt"
    out.write_text("联系电话：１３８ ００１３ ８０００，張三豐", encoding="utf-8")
    report = check_txt(out, ["13800138000", "张三丰"])
    assert report.hits["decoded"] == 2


def test_leaky_txt_is_not_written(tmp_path, monkeypatch):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = txt_document(src)
    out = tmp_path / "out.txt"
    import redact.publish.txt as txt

    monkeypatch.setattr(
        txt, "redact_txt", lambda source, doc, edits, output, encoding: output.write_text(TEXT)
    )
    with pytest.raises(LeakGateFailed) as err:
        redact_file(src, doc, entities(doc, ("PERSON", "張三豐")), out)
    assert not out.exists() and "張三豐" not in str(err.value)
    assert not list(tmp_path.glob(".redact-*"))
