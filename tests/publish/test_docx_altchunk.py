"""A DOCX that imports HTML by ``w:altChunk`` (web-editor OA systems) keeps that text in a part
extraction does not read: analysis warns, and redaction refuses rather than publish unseen text."""

from __future__ import annotations

import zipfile

import docx
import pytest

from redact.errors import RedactionFailed
from redact.extract import extract
from redact.extract.docx import ALT_CHUNK_WARNING
from redact.publish import redact_file

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHUNK = "<html><body><p>联系人王建国，手机13905912345</p></body></html>"


def _altchunk_docx(path):
    base = path.with_name("base.docx")
    d = docx.Document()
    d.add_paragraph("关于做好2024年防汛工作的通知")
    d.save(base)
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item).decode("utf-8") if item.filename.endswith((".xml", ".rels")) else zin.read(item)
            if item.filename == "word/document.xml":
                data = data.replace("<w:sectPr", f'<w:altChunk xmlns:r="{R}" r:id="rIdChunk1"/><w:sectPr', 1)
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    f'<Relationship Id="rIdChunk1" Type="{R}/aFChunk" Target="htmlChunk1.htm"/></Relationships>',
                )
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Default Extension="htm" ContentType="text/html"/></Types>')
            zout.writestr(item, data)
        zout.writestr("word/htmlChunk1.htm", CHUNK.encode("utf-8"))
    return path


def test_altchunk_is_reported_and_never_published(tmp_path):
    src = _altchunk_docx(tmp_path / "chunk.docx")
    doc = extract(src)
    assert "防汛工作" in doc.text and "王建国" not in doc.text
    assert ALT_CHUNK_WARNING in doc.warnings
    out = tmp_path / "out.docx"
    with pytest.raises(RedactionFailed):
        redact_file(src, doc, [], out)
    assert not out.exists()
