"""Every bundled sample extracts, and its offsets lead back to where the text sits in the file."""

from __future__ import annotations

import json
import zipfile
from functools import lru_cache
from pathlib import Path

import pdfplumber
from lxml import etree
from typer.testing import CliRunner

from redact.cli import app
from redact.document import DocxChar, PdfChar, TxtChar
from redact.extract import extract
from redact.extract.docx import W

SUFFIXES = {".pdf", ".docx", ".txt"}


def sample_files(samples_dir: Path) -> list[Path]:
    files = sorted(p for p in samples_dir.iterdir() if p.suffix in SUFFIXES)
    assert len(files) >= 12, "samples/intake must hold at least 12 documents"
    return files


def expected_values(samples_dir: Path) -> dict[str, list[str]]:
    """Strings each sample must contain, from samples/expected.json (entities and public strings)."""
    data = json.loads((samples_dir.parent / "expected.json").read_text(encoding="utf-8"))
    return {
        name: [e["text"] for e in spec.get("entities", [])] + list(spec.get("public_strings", []))
        for name, spec in data.items()
    }


def test_every_sample_extracts_with_a_layout_entry_per_character(samples_dir: Path) -> None:
    for path in sample_files(samples_dir):
        doc = extract(path)
        assert doc.text.strip(), path.name
        assert len(doc.layout) == len(doc.text), path.name
        assert not doc.needs_ocr, path.name
        kinds = {type(ref) for ref in doc.layout if ref is not None}
        assert kinds == {{"pdf": PdfChar, "docx": DocxChar, "txt": TxtChar}[doc.format]}, path.name


def test_cli_emits_one_json_object_per_sample(samples_dir: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(samples_dir), "--json"])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(Path(o["file"]).name for o in objects) == [p.name for p in sample_files(samples_dir)]
    assert all(o["error"] is None and o["chars"] == len(o["text"]) for o in objects)


def _find(text: str, value: str) -> int:
    """Offset of ``value`` in ``text``, allowing a PDF line break inside it; -1 if absent."""
    if (i := text.find(value)) >= 0:
        return i
    flat = text.replace("\n", "")
    if (j := flat.find(value)) < 0:
        return -1
    # map the offset in the flattened text back to the original
    seen = -1
    for k, ch in enumerate(text):
        if ch != "\n":
            seen += 1
            if seen == j:
                return k
    return -1


def _chars_of(text: str, start: int, value: str) -> list[int]:
    out, k = [], start
    while len(out) < len(value):
        if text[k] != "\n":
            out.append(k)
        k += 1
    return out


def test_every_expected_value_is_extracted_and_leads_back_to_its_place(samples_dir: Path) -> None:
    checked = 0
    expected = expected_values(samples_dir)
    assert {p.name for p in sample_files(samples_dir)} <= {n for n, values in expected.items() if values}
    for name, values in expected.items():
        path = samples_dir / name
        doc = extract(path)
        for value in values:
            start = _find(doc.text, value)
            assert start >= 0, (name, value)
            offsets = _chars_of(doc.text, start, value)
            if doc.format == "pdf":
                _assert_pdf_boxes(path, doc.text, doc.layout, offsets)
            elif doc.format == "docx":
                _assert_docx_nodes(path, doc.text, doc.layout, offsets)
            else:
                _assert_txt_lines(path, doc.encoding or "utf-8", doc.text, doc.layout, offsets)
            checked += 1
    assert checked >= 50


@lru_cache(maxsize=4)
def _pdf_chars(path: Path) -> list[list[dict]]:
    with pdfplumber.open(path) as pdf:
        return [page.chars for page in pdf.pages]


def _assert_pdf_boxes(path: Path, text: str, layout: tuple, offsets: list[int]) -> None:
    for i in offsets:
        ref = layout[i]
        if text[i] == " " and ref is None:  # a gap we inserted
            continue
        assert isinstance(ref, PdfChar)
        cx, cy = (ref.x0 + ref.x1) / 2, (ref.top + ref.bottom) / 2
        chars = _pdf_chars(path)[ref.page - 1]
        here = [c["text"] for c in chars if c["x0"] <= cx <= c["x1"] and c["top"] <= cy <= c["bottom"]]
        assert text[i] in here, (path.name, text[i], ref)


def _assert_docx_nodes(path: Path, text: str, layout: tuple, offsets: list[int]) -> None:
    with zipfile.ZipFile(path) as zf:
        for i in offsets:
            ref = layout[i]
            if ref is None:
                assert text[i] in "\t\n"
                continue
            assert isinstance(ref, DocxChar)
            nodes = list(etree.fromstring(zf.read(ref.part)).iter(W + "t"))
            assert nodes[ref.node].text[ref.index] == text[i]


def _assert_txt_lines(path: Path, encoding: str, text: str, layout: tuple, offsets: list[int]) -> None:
    lines = path.read_bytes().decode(encoding).splitlines()
    for i in offsets:
        ref = layout[i]
        assert isinstance(ref, TxtChar)
        assert lines[ref.line - 1][ref.column - 1] == text[i]


def test_a_docx_sample_has_a_name_split_across_w_t_nodes(samples_dir: Path) -> None:
    data = json.loads((samples_dir.parent / "expected.json").read_text(encoding="utf-8"))
    split = []
    for name, spec in data.items():
        if not name.endswith(".docx"):
            continue
        doc = extract(samples_dir / name)
        for e in spec.get("entities", []):
            if e["type"] == "PERSON" and (i := doc.text.find(e["text"])) >= 0:
                nodes = {doc.layout[k].node for k in range(i, i + len(e["text"]))}  # type: ignore[union-attr]
                if len(nodes) > 1:
                    split.append((name, e["text"]))
    assert split, "no DOCX sample splits a person's name across runs"
