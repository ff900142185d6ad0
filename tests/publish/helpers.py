"""Builders for the adversarial files of the leak table, and a minimal Document builder.

The production path takes its layout from ``redact.extract``; these tests build the same shape
(one ``PdfChar`` per character from ``page.dedupe_chars()``, one ``DocxChar`` per ``w:t``
character, ``TxtChar`` per character) so every publish test runs on its own.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber
from lxml import etree

from redact.document import Document, DocxChar, Entity, Page, PdfChar, TxtChar, sha256_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def pdf_document(path: Path) -> Document:
    text: list[str] = []
    layout: list = []
    pages = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            start = len(text)
            prev = None
            for ch in page.dedupe_chars().chars:
                if prev is not None and abs(ch["top"] - prev["top"]) > 2:
                    text.append("\n")
                    layout.append(None)
                text.append(ch["text"])
                layout.append(PdfChar(n, ch["x0"], ch["top"], ch["x1"], ch["bottom"]))
                prev = ch
            text.append("\n")
            layout.append(None)
            pages.append(Page(n, start, len(text), float(page.width), float(page.height), start == len(text) - 1))
    return Document(sha256_file(path), str(path), "pdf", "".join(text), tuple(layout), tuple(pages))


def docx_document(path: Path) -> Document:
    """Visible text of body/header/footer/footnote parts: w:t outside w:del/moveFrom/mc:Fallback."""
    text: list[str] = []
    layout: list = []
    with zipfile.ZipFile(path) as zf:
        parts = sorted(n for n in zf.namelist() if re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", n))
        for part in parts:
            root = etree.fromstring(zf.read(part))
            index = {id(t): k for k, t in enumerate(root.iter(W + "t"))}
            for pi, p in enumerate(root.iter(W + "p")):
                for t in p.iter(W + "t"):
                    if any(a.tag.endswith(("}del", "}moveFrom", "}Fallback")) for a in t.iterancestors()):
                        continue
                    if t.getparent() is not None and _enclosing_p(t) is not p:
                        continue
                    for ci, c in enumerate(t.text or ""):
                        text.append(c)
                        layout.append(DocxChar(part, pi, index[id(t)], ci))
                text.append("\n")
                layout.append(None)
    body = "".join(text)
    return Document(sha256_file(path), str(path), "docx", body, tuple(layout), (Page(1, 0, len(body)),))


def _enclosing_p(el):
    for a in el.iterancestors():
        if a.tag == W + "p":
            return a
    return None


def txt_document(path: Path, encoding: str = "utf-8") -> Document:
    body = path.read_bytes().decode(encoding)
    layout = []
    for ln, line in enumerate(body.split("\n"), 1):
        layout.extend(TxtChar(ln, col) for col in range(1, len(line) + 1))
        layout.append(TxtChar(ln, len(line) + 1))
    return Document(
        sha256_file(path), str(path), "txt", body, tuple(layout[: len(body)]), (Page(1, 0, len(body)),), encoding=encoding
    )


def entities(doc: Document, *values: tuple[str, str]) -> list[Entity]:
    """Every occurrence of each (type, value) in the document text."""
    out = []
    for etype, value in values:
        for m in re.finditer(re.escape(value), doc.text):
            out.append(Entity(etype, m.start(), m.end(), value, 0.99, "test"))
    assert out, "the test value must occur in the document"
    return out
