"""Bad input: one typed error per situation, decided by content (magic bytes), never a parser's exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from redact.errors import BadInput, CorruptFile, EmptyFile, FileTooLarge, UnsupportedFormat
from redact.extract import extract

WriteFile = Callable[[str, bytes], Path]


@pytest.mark.parametrize(
    "name, data, error",
    [
        ("empty.pdf", b"", EmptyFile),
        ("empty.txt", b"", EmptyFile),
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, UnsupportedFormat),  # a renamed .exe
        ("photo.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, UnsupportedFormat),
        ("program.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, UnsupportedFormat),
        ("blob.txt", b"abc\x00\x00\x01\x02" * 20, UnsupportedFormat),
        ("letter.txt", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", UnsupportedFormat),  # RTF saved as .txt
        ("notes.pdf", "这不是PDF文件".encode(), CorruptFile),
        ("notes.docx", "这不是DOCX文件".encode(), CorruptFile),
    ],
)
def test_bad_files_raise_one_typed_error(tmp_file: WriteFile, name: str, data: bytes, error: type) -> None:
    with pytest.raises(error) as info:
        extract(tmp_file(name, data))
    assert isinstance(info.value, BadInput)
    assert name not in info.value.reason() and "\n" not in info.value.reason()


def test_content_decides_not_the_name(tmp_file: WriteFile) -> None:
    doc = extract(tmp_file("report.pdf.txt", "纯文本".encode()))
    assert doc.format == "txt"
    renamed = tmp_file("misnamed.docx", b"%PDF-1.4\n%%EOF")
    with pytest.raises(CorruptFile):  # sniffed as PDF (and it is a broken one), not as DOCX
        extract(renamed)


def test_plain_text_that_starts_like_a_magic_number_is_still_text(tmp_file: WriteFile) -> None:
    assert extract(tmp_file("cars.txt", "BMW 车辆登记 MZ-001".encode())).text == "BMW 车辆登记 MZ-001"


def test_size_limit_is_checked_before_parsing(tmp_file: WriteFile) -> None:
    path = tmp_file("big.txt", "正文".encode() * 1000)
    with pytest.raises(FileTooLarge):
        extract(path, max_bytes=100)
    assert extract(path, max_bytes=6000).text == "正文" * 1000


def test_missing_file_and_folder_are_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        extract(tmp_path / "missing.pdf")
    with pytest.raises(BadInput):
        extract(tmp_path)


def test_source_and_sha256_identify_the_original_bytes(tmp_file: WriteFile) -> None:
    import hashlib

    data = "正文".encode("gb18030")
    path = tmp_file("a.txt", data)
    doc = extract(path, source="intake/a.txt")
    assert doc.source == "intake/a.txt" and doc.sha256 == hashlib.sha256(data).hexdigest()
    assert extract(path).source == str(path)
    assert path.read_bytes() == data  # the original is never modified


def test_damaged_copies_of_the_samples_give_a_document_or_a_typed_error(samples_dir: Path, tmp_path: Path) -> None:
    """Truncated and byte-flipped samples (seeded): never a parser's own exception, never a traceback."""
    import random

    rng = random.Random(2)
    outcomes = {"document": 0, "typed error": 0}
    for sample in sorted(samples_dir.iterdir()):
        data = sample.read_bytes()
        for variant in range(4):
            damaged = bytearray(data[: rng.randrange(1, len(data))] if variant == 0 else data)
            for _ in range(0 if variant == 0 else 5 * variant):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            path = tmp_path / f"damaged{sample.suffix}"
            path.write_bytes(bytes(damaged))
            try:
                doc = extract(path)
            except BadInput:
                outcomes["typed error"] += 1
            else:
                assert len(doc.layout) == len(doc.text)
                outcomes["document"] += 1
    assert outcomes["typed error"] > 0 and outcomes["document"] > 0
