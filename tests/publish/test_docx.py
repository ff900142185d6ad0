"""DOCX redaction: one package with the secret in every place of the leak table (body runs,
tracked changes, comment, hidden run, content control, hyperlink target, field codes, footnote,
text box in both copies, header, footer, table, metadata parts, template path)."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest
from helpers import AUTHOR, DELETED, EMAIL, ID, KEPT, NAME, PHONE, entities, make_adversarial_docx

from redact.errors import LeakGateFailed
from redact.extract import extract
from redact.publish import redact_file
from redact.publish.leakcheck import canon, check_docx

SECRETS = (NAME, PHONE, ID, EMAIL, DELETED, AUTHOR)


def every_part_text(path: Path) -> dict[str, str]:
    """Each zip part as text in three readings: raw, XML-unescaped, tags stripped (runs joined)."""
    out = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            raw = zf.read(name).decode("utf-8", "replace")
            out[name] = canon(
                raw + html.unescape(raw) + unquote(raw) + html.unescape(re.sub(r"<[^>]+>", "", raw))
            )
    return out


@pytest.fixture
def redacted(tmp_path):
    src = make_adversarial_docx(tmp_path / "in.docx")
    doc = extract(src)
    ents = entities(
        doc, ("PERSON", NAME), ("PHONE_NUMBER", PHONE), ("CN_RESIDENT_ID", ID), ("EMAIL_ADDRESS", EMAIL)
    )
    out = tmp_path / "out.docx"
    result = redact_file(src, doc, ents, out)
    return src, out, result


def test_the_input_really_hides_the_secrets_everywhere(tmp_path):
    src = make_adversarial_docx(tmp_path / "in.docx")
    parts = every_part_text(src)
    for secret in SECRETS:
        assert any(canon(secret) in t for t in parts.values())
    assert sum(canon(NAME) in t for t in parts.values()) >= 4  # body, header, footnotes, core properties


def test_no_secret_in_any_part(redacted):
    _, out, result = redacted
    assert result.leak_check == "passed"
    for name, text in every_part_text(out).items():
        for secret in SECRETS:
            assert canon(secret) not in text, f"{name} still holds a secret"


def test_masks_applied_and_formatting_kept(redacted):
    _, out, result = redacted
    assert result.masks["PERSON"] == "local:surname" and result.by_type["PERSON"] >= 6
    text = extract(out).text
    assert "申请人张某某提交材料" in text and "138****8000" in text and "350102********1234" in text
    for kept in KEPT:
        assert kept in text
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "<w:b/></w:rPr><w:t>申请人张</w:t>" in body and "<w:i/></w:rPr><w:t>某</w:t>" in body  # runs kept
    assert body.count("文本框张某某") == 2  # DrawingML copy (from the layout) and VML fallback (by text)


def test_structure_is_clean(redacted):
    _, out, _ = redacted
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if re.search(r"comments|people|custom|thumbnail|customXml", n)]
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    for tag in ("w:del ", "w:moveFrom", "w:ins ", "w:vanish", "w:commentReference", "w:author"):
        assert tag not in body
    assert 'Target="#"' in zipfile.ZipFile(out).read("word/_rels/document.xml.rels").decode()
    assert check_docx(out, SECRETS).passed
    opened = docx.Document(str(out))  # still a valid package
    assert opened.core_properties.author == "" and opened.sections[0].header.paragraphs[0].text.startswith(
        "页眉"
    )


def test_full_masking_uses_boxes(tmp_path):
    src = make_adversarial_docx(tmp_path / "in.docx")
    doc = extract(src)
    out = tmp_path / "out.docx"
    result = redact_file(src, doc, entities(doc, ("PERSON", NAME)), out, masking="full")
    assert result.masks == {"PERSON": "full"}
    assert "申请人■■■提交材料" in extract(out).text


def test_gate_flags_a_naive_run_replace(tmp_path, monkeypatch):
    """python-docx per-run replacement misses the name split over runs, notes, tracked changes…"""
    src = make_adversarial_docx(tmp_path / "in.docx")
    doc = extract(src)

    def naive(source, doc, edits, pairs, output):
        d = docx.Document(str(source))
        for p in d.paragraphs:
            for r in p.runs:
                r.text = r.text.replace(NAME, "张某某")
        d.save(output)
        return ()

    import redact.publish.docx as publish_docx

    monkeypatch.setattr(publish_docx, "redact_docx", naive)
    out = tmp_path / "out.docx"
    with pytest.raises(LeakGateFailed) as err:
        redact_file(src, doc, entities(doc, ("PERSON", NAME)), out)
    assert not out.exists() and NAME not in str(err.value)
    report = check_docx(src, [NAME])
    assert report.problems["tracked_deletion"] and report.problems["comment"] and report.problems["author"]
