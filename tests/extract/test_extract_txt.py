"""Plain text: explicit decoding (never errors="replace"), text kept as decoded, line/column per character."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from redact.document import TxtChar
from redact.errors import UndecodableText
from redact.extract import extract
from redact.extract.txt import decode

SIMPLIFIED = "行政处罚决定书\n当事人：张伟，身份证号码440106199001011234，住所：榕江市鼓楼区。\n本机关依法作出如下决定，请于十五日内缴纳罚款。\n"
TRADITIONAL = "行政處罰決定書\n當事人：陳大文，身份證號碼A123456789，住所：榕江市鼓樓區。\n本機關依法作出如下決定，請於十五日內繳納罰款。\n"

WriteFile = Callable[[str, bytes], Path]


@pytest.mark.parametrize(
    "data, encoding, text, script",
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED, "simplified"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED, "simplified"),
        (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED, "simplified"),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED, "simplified"),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL, "traditional"),
        # GB18030 also encodes Traditional characters: still GB18030, still Traditional
        (TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL, "traditional"),
    ],
)
def test_encodings_are_detected_and_decoded_exactly(
    tmp_file: WriteFile, data: bytes, encoding: str, text: str, script: str
) -> None:
    doc = extract(tmp_file("doc.txt", data))
    assert (doc.format, doc.encoding, doc.text, doc.script) == ("txt", encoding, text, script)


def test_big5_bytes_that_also_decode_as_gb18030_are_read_as_big5() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # valid GB18030 too: only plausibility can decide
    assert decode(data) == (TRADITIONAL, "big5")


def test_gb18030_bytes_that_also_decode_as_big5_are_read_as_gb18030() -> None:
    text = "关于做好国庆节假期值班工作的通知"
    data = text.encode("gb18030")
    data.decode("big5")  # valid Big5 too
    assert decode(data) == (text, "gb18030")


def test_crlf_stays_in_the_text_and_columns_count_code_points(tmp_file: WriteFile) -> None:
    doc = extract(tmp_file("crlf.txt", "第一行\r\n电话：13800138000\r\n\r\n末行".encode()))
    assert doc.text == "第一行\r\n电话：13800138000\r\n\r\n末行"
    start = doc.text.index("13800138000")
    assert doc.layout[start] == TxtChar(line=2, column=4)
    assert doc.layout[start + 10] == TxtChar(line=2, column=14)
    assert doc.layout[doc.text.index("末")] == TxtChar(line=4, column=1)
    assert [ref for ch, ref in zip(doc.text, doc.layout, strict=True) if ch in "\r\n"] == [None] * 6


def test_line_and_column_address_the_decoded_file_lines(tmp_file: WriteFile) -> None:
    path = tmp_file("big5.txt", TRADITIONAL.encode("big5"))
    doc = extract(path)
    lines = path.read_bytes().decode("big5").split("\n")
    for ch, ref in zip(doc.text, doc.layout, strict=True):
        if ref is not None:
            assert isinstance(ref, TxtChar)
            assert lines[ref.line - 1][ref.column - 1] == ch


def test_full_width_ascii_is_folded_one_to_one_for_detection(tmp_file: WriteFile) -> None:
    doc = extract(tmp_file("fw.txt", "电话：１３９０６９１３５７９，邮箱ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ".encode()))
    assert len(doc.norm_text) == len(doc.text)
    start = doc.norm_text.index("13906913579")
    assert doc.text[start : start + 11] == "１３９０６９１３５７９"
    assert "li@example.cn" in doc.norm_text


@pytest.mark.parametrize(
    "data",
    [
        b"\x81\x30\x81",  # a truncated GB18030 four-byte sequence, invalid in Big5 too
        "正文".encode() + b"\xff\xff\xff",
        b"\xef\xbb\xbf\xff\xfe bad after a UTF-8 BOM",
    ],
)
def test_undecodable_text_is_an_error_not_replacement_characters(tmp_file: WriteFile, data: bytes) -> None:
    with pytest.raises(UndecodableText):
        extract(tmp_file("bad.txt", data))


def test_every_sample_text_round_trips_through_gb18030_and_big5(samples_dir: Path) -> None:
    """Each TXT sample re-encoded both ways is recognised again, even where the bytes are valid in both."""
    from redact.zh import to_traditional

    texts = [extract(p).text for p in sorted(samples_dir.glob("*.txt"))]
    assert texts
    big5 = 0
    for text in texts:
        assert decode(text.encode("gb18030")) == (text, "gb18030")
        traditional = to_traditional(text)
        try:
            data = traditional.encode("big5")
        except UnicodeEncodeError:
            continue  # a character Big5 lacks (e.g. some full-width forms): that file would not be Big5
        assert decode(data) == (traditional, "big5")
        big5 += 1
    assert big5 >= 2
