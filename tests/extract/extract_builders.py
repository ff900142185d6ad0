"""Small files the extraction tests build themselves (reportlab PDFs, raw-XML DOCX packages)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"  # CJK only: no ASCII glyphs
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"  # CJK and Latin
PAGE = (595.0, 842.0)  # A4 in points

#: One drawn string: (page index, font, size, x, y from the bottom (PDF user space), text).
Draw = tuple[int, str, float, float, float, str]


def _register_fonts() -> None:
    if "Droid" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Droid", DROID))
        pdfmetrics.registerFont(TTFont("WQY", WQY, subfontIndex=0))
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def build_pdf(path: Path, draws: Sequence[Draw], pages: int | None = None) -> Path:
    """A PDF with the given strings; pages without draws stay empty (like a scan without text layer)."""
    _register_fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    count = pages if pages is not None else 1 + max(d[0] for d in draws)
    for page in range(count):
        for p, font, size, x, y, text in draws:
            if p == page:
                c.setFont(font, size)
                c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="wps"'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def build_raw_docx(path: Path, body: str, parts: dict[str, str] | None = None) -> Path:
    """A minimal DOCX whose body is the given ``w:body`` inner XML; ``parts`` adds e.g. word/footnotes.xml."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {NSDECL}><w:body>{body}</w:body></w:document>')
        for name, xml in (parts or {}).items():
            zf.writestr(name, xml)
    return path


def p(*runs: str) -> str:
    """A paragraph of plain runs."""
    return "<w:p>" + "".join(r(t) for t in runs) + "</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def build_scaled_pdf(path: Path, draws: Sequence[tuple[float, float, float, str]], font: str = "WQY") -> Path:
    """One page drawn the way Word/WPS exports do: ``Tf 1`` and the size in the text matrix (``Tm``)."""
    _register_fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    text = c.beginText()
    text.setFont(font, 1)
    for x, y, size, s in draws:
        text.setTextTransform(size, 0, 0, size, x, y)
        text.textOut(s)
    c.drawText(text)
    c.showPage()
    c.save()
    return path
