"""The leak gate: proves a redacted output no longer holds any removed value.

Deliberately independent of the redaction code (it imports nothing from ``pdf.py``/``docx.py``/
``txt.py``): it re-reads the *output file* the way an outsider would and searches every removed
value in normalised forms (no whitespace or hyphens, full-width folded, Simplified and
Traditional, case-folded).

PDF: three independent text extractors — pdfminer (raw: every glyph in content order, no layout
analysis; pdfplumber reads the same objects), pypdfium2 and poppler ``pdftotext`` (layout and
``-raw``) — plus a
fourth, raw reading: the text-showing string operands of every content stream (escapes resolved,
so UCS-2 codes of predefined-CMap fonts are found), every decompressed non-image stream and
string (pikepdf = qpdf's ``--qdf`` view) and the file outside its streams, each in UTF-8,
UTF-16BE, GB18030, Big5 and hex forms; the font ToUnicode maps and embedded TrueType cmaps (a
removed character that appears nowhere in the output text must not be mapped); and structure:
one ``%%EOF``, no /Info author, XMP, outlines, annotations, forms, attachments, JavaScript,
structure tree, ActualText/Alt.
DOCX: every zip part, decoded, XML-unescaped, percent-decoded and with tags stripped (a name
split over runs), and structure: no ``w:del``/``w:moveFrom``, comments, authors, custom
properties, customXml, people, thumbnails, glossary, OLE objects, hidden runs.
TXT: the bytes decoded in the output encoding.

The report carries counts per check and problem labels, never a value.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from redact.document import normalize_width
from redact.zh import to_simplified, to_traditional

_STRIP = re.compile(r"[\s\-‐‑‒–—―_·・]+")


def canon(text: str) -> str:
    """The form both needles and haystacks are compared in."""
    return to_simplified(_STRIP.sub("", normalize_width(text))).casefold()


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _surface_forms(needle: str) -> set[str]:
    """Forms a value can take in raw bytes (no normalisation possible there)."""
    forms = set()
    for v in {needle, to_simplified(needle), to_traditional(needle)}:
        for w in {v, _STRIP.sub("", v), _fullwidth(v), _fullwidth(_STRIP.sub("", v))}:
            if len(w) >= 2:
                forms.add(w)
    return forms


def _encoded(forms: Iterable[str]) -> set[bytes]:
    out: set[bytes] = set()
    for f in forms:
        for enc in ("utf-8", "utf-16-be", "gb18030", "big5"):
            try:
                b = f.encode(enc)
            except UnicodeEncodeError:
                continue
            if len(b) >= 3:
                out.add(b)
        u16 = f.encode("utf-16-be")
        out.add(u16.hex().encode())
        if not f.isascii():
            out.add(f.encode("utf-8").hex().encode())
    return out


@dataclass
class LeakReport:
    """What the gate found: ``hits`` per check (value matches), ``problems`` (structure)."""

    format: str
    needles: int = 0
    hits: Counter = field(default_factory=Counter)
    problems: Counter = field(default_factory=Counter)
    checks: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.hits and not self.problems

    def summary(self) -> str:
        """Counts and check names only (safe for logs and exception messages)."""
        if self.passed:
            return f"leak gate passed ({self.needles} values, {len(self.checks)} checks)"
        parts = [f"{k}={v}" for k, v in sorted(self.hits.items())]
        parts += [f"{k}={v}" for k, v in sorted(self.problems.items())]
        return "leak gate failed: " + ", ".join(parts)


class _Searcher:
    def __init__(self, needles: Iterable[str], report: LeakReport) -> None:
        self.values = sorted({n.strip() for n in needles if len(canon(n)) >= 2})
        self.canon = [canon(v) for v in self.values]
        self.raw = [_encoded(_surface_forms(v)) for v in self.values]
        self.report = report
        report.needles = len(self.values)

    def text(self, check: str, text: str) -> None:
        self.report.checks.append(check)
        hay = canon(text)
        n = sum(1 for c in self.canon if c in hay)
        if n:
            self.report.hits[check] += n

    def raw_bytes(self, check: str, data: bytes) -> None:
        self.report.checks.append(check)
        low = data.lower()
        n = 0
        for forms in self.raw:
            if any(f in data or (f.isascii() and f.lower() in low) for f in forms):
                n += 1
        if n:
            self.report.hits[check] += n


# ----------------------------------------------------------------------------------- PDF


def _pdfminer_raw(path: Path) -> str:
    """pdfminer without layout analysis: every glyph's Unicode in content-stream order."""
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class _Collector(PDFTextDevice):
        def __init__(self, rsrcmgr: PDFResourceManager) -> None:
            super().__init__(rsrcmgr)
            self.chars: list[str] = []

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            try:
                self.chars.append(font.to_unichr(cid))
            except Exception:  # no Unicode for this code: nothing readable
                pass
            return font.char_width(cid) * fontsize * scaling

    manager = PDFResourceManager(caching=True)
    device = _Collector(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as fh:
        for page in PDFPage.get_pages(fh):
            interpreter.process_page(page)
            device.chars.append("\n")
    return "".join(device.chars)


def _pdf_texts(path: Path) -> dict[str, str]:
    import pypdfium2

    texts: dict[str, str] = {"pdfminer_raw": _pdfminer_raw(path)}
    doc = pypdfium2.PdfDocument(str(path))
    try:
        parts = []
        for page in doc:
            tp = page.get_textpage()
            parts.append(tp.get_text_range())
            tp.close()
            page.close()
        texts["pypdfium2"] = "\n".join(parts)
    finally:
        doc.close()
    if shutil.which("pdftotext"):
        for name, flags in (("pdftotext", []), ("pdftotext_raw", ["-raw"])):
            run = subprocess.run(
                ["pdftotext", "-q", *flags, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=300
            )
            texts[name] = run.stdout.decode("utf-8", "replace")
    return texts


_STREAM_BODY = re.compile(rb"stream\r?\n.*?endstream", re.S)
_TOUNI_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _tounicode_chars(data: bytes) -> set[str]:
    """Every character a ToUnicode CMap can produce (bfchar and bfrange destinations)."""
    chars: set[str] = set()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        hexes = _TOUNI_HEX.findall(block)
        for dst in hexes[1::2]:
            chars.update(_u16(dst))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in re.findall(rb"<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*(?:<[0-9A-Fa-f]+>|\[[^\]]*\])", block):
            hexes = _TOUNI_HEX.findall(line)
            lo, hi = int(hexes[0], 16), int(hexes[1], 16)
            if b"[" in line:
                for dst in hexes[2:]:
                    chars.update(_u16(dst))
            else:
                start = _u16(hexes[2])
                if start:
                    base = ord(start[-1])
                    prefix = start[:-1]
                    for k in range(min(hi - lo, 0xFFFF) + 1):
                        if base + k <= 0x10FFFF:
                            chars.update(prefix + chr(base + k))
    return chars


def _u16(hexstr: bytes) -> str:
    b = bytes.fromhex(hexstr.decode() + ("0" if len(hexstr) % 2 else ""))
    return b.decode("utf-16-be", "ignore")


_PDF_ROOT_FORBIDDEN = (
    "/Metadata", "/Outlines", "/AcroForm", "/Names", "/OpenAction", "/AA", "/StructTreeRoot",
    "/OCProperties", "/AF", "/PieceInfo", "/Threads", "/Dests", "/Collection", "/Perms",
)  # fmt: skip
_PDF_KEYS_FORBIDDEN = (
    "/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/AF", "/ActualText", "/Alt", "/Annots",
    "/Thumb", "/Metadata", "/OCProperties", "/URI", "/StructParents", "/PieceInfo",
)  # fmt: skip
_INFO_ALLOWED = {"/Producer", "/CreationDate", "/ModDate"}


def check_pdf(path: Path, needles: Iterable[str], removed_chars: Iterable[str] = ()) -> LeakReport:
    import pikepdf

    report = LeakReport("pdf")
    search = _Searcher(needles, report)
    data = path.read_bytes()
    eofs = data.count(b"%%EOF")
    report.checks.append("eof")
    if eofs != 1:
        report.problems["eof_count"] += 1
    search.raw_bytes("raw_file", _STREAM_BODY.sub(b"stream\nendstream", data))  # streams: decoded below

    texts = _pdf_texts(path)
    for name, text in texts.items():
        search.text(name, text)
    output_chars = set("".join(texts.values()))

    blob = io.BytesIO()
    strings = io.BytesIO()  # text-showing operands, escapes resolved (UCS-2 codes of CMap fonts)
    tounicode: set[str] = set()
    with pikepdf.open(path) as pdf:
        report.checks.append("structure")
        info = pdf.trailer.get("/Info")
        if info is not None and set(info.keys()) - _INFO_ALLOWED:
            report.problems["info_fields"] += 1
        for key in _PDF_ROOT_FORBIDDEN:
            if key in pdf.Root:
                report.problems["catalog" + key] += 1
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                for key in _PDF_KEYS_FORBIDDEN:
                    if key in obj:
                        report.problems["key" + key] += 1
            if isinstance(obj, pikepdf.Stream):
                if obj.get("/Subtype") == "/Image":
                    continue
                try:
                    content = obj.read_bytes()
                except pikepdf.PdfError:
                    content = obj.read_raw_bytes()
                blob.write(content + b"\n")
                if _is_content(obj) and b"begincmap" not in content:  # CMaps are checked as font maps
                    strings.write(_string_operands(obj))
            elif isinstance(obj, pikepdf.String):
                blob.write(bytes(obj) + b"\n")
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                tounicode |= _tounicode_chars(obj.ToUnicode.read_bytes())
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
                tounicode |= _truetype_cmap_chars(obj.FontFile2.read_bytes())
            if isinstance(obj, pikepdf.Dictionary) and "/Type" in obj and obj.Type == "/Annot":
                report.problems["annotation"] += 1
    streams = blob.getvalue()
    search.raw_bytes("decompressed_streams", streams)
    search.raw_bytes("content_strings", strings.getvalue())
    report.checks.append("marked_content")
    if b"/ActualText" in streams or re.search(rb"/Alt\s*[(<]", streams):
        report.problems["marked_content_text"] += 1
    report.checks.append("font_maps")
    orphan = {c for c in removed_chars if not c.isspace()} - output_chars
    residue = orphan & {to_simplified(c) for c in tounicode} | orphan & tounicode
    if residue:
        report.hits["font_maps"] += len(residue)
    return report


def _is_content(obj) -> bool:
    if "/Length1" in obj or "/Length2" in obj or ("/Subtype" in obj and obj.Subtype != "/Form"):
        return False
    return "/Type" not in obj or obj.Type == "/XObject"


def _string_operands(obj) -> bytes:
    import pikepdf

    out = bytearray()
    try:
        ops = pikepdf.parse_content_stream(obj)
    except (pikepdf.PdfError, TypeError, ValueError):
        return b""
    for operands, _ in ops:
        for operand in operands:
            items = operand if isinstance(operand, pikepdf.Array) else [operand]
            for item in items:
                if isinstance(item, pikepdf.String):
                    out += bytes(item)
        out += b"\n"
    return bytes(out)


def _truetype_cmap_chars(data: bytes) -> set[str]:
    """Characters an embedded TrueType font maps to a non-empty glyph."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data), lazy=True)
        cmap = font.getBestCmap() or {}
        glyf = font["glyf"] if "glyf" in font else None
        out = set()
        for cp, name in cmap.items():
            if glyf is not None and name in glyf and glyf[name].numberOfContours == 0:
                continue
            out.add(chr(cp))
        return out
    except Exception:  # an unparsable font maps nothing we can read
        return set()


# ---------------------------------------------------------------------------------- DOCX

_DOCX_FORBIDDEN_PARTS = re.compile(
    r"(^|/)(comments[^/]*\.xml|people\.xml|custom\.xml|thumbnail\.[a-z]+)$|^customXml/|^word/glossary/|"
    r"^word/embeddings/.*ole|\.bin$",
    re.I,
)
_TAG = re.compile(r"<[^>]+>")


def check_docx(path: Path, needles: Iterable[str]) -> LeakReport:
    report = LeakReport("docx")
    search = _Searcher(needles, report)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            report.checks.append("part_structure")
            if _DOCX_FORBIDDEN_PARTS.search(name):
                report.problems["forbidden_part"] += 1
            search.raw_bytes("part_bytes", data)
            if not (name.endswith((".xml", ".rels")) or name.endswith(".txt")):
                continue
            xml = data.decode("utf-8", "replace")
            text = html.unescape(xml)
            search.text("part_text", text)
            search.text("part_text_untagged", html.unescape(_TAG.sub("", xml)))
            search.text("part_text_unquoted", unquote(text))
            _docx_structure(name, xml, report)
    return report


def _docx_structure(name: str, xml: str, report: LeakReport) -> None:
    if re.search(r"<w:(del|delText|moveFrom|moveFromRangeStart)\b", xml):
        report.problems["tracked_deletion"] += 1
    if re.search(r"<w:(ins|moveTo|rPrChange|pPrChange)\b", xml):
        report.problems["tracked_change"] += 1
    if re.search(r"<w:comment(Reference|RangeStart|RangeEnd)?\b", xml):
        report.problems["comment"] += 1
    if re.search(r'\b(w:author|w15:author|w:initials)="[^"]+', xml) or "<w15:person" in xml:
        report.problems["author"] += 1
    if re.search(r"<w:(object|docVars|attachedTemplate)\b", xml) or "<o:OLEObject" in xml:
        report.problems["embedded_or_template"] += 1
    if (
        name.startswith("word/")
        and re.search(r"<w:vanish\s*/>", xml)
        and not name.endswith(("styles.xml", "numbering.xml"))
    ):
        report.problems["hidden_text"] += 1
    if name == "docProps/core.xml" and re.search(
        r"<(dc:creator|cp:lastModifiedBy|dc:title|dc:subject|cp:keywords|dc:description)>[^<]+<", xml
    ):
        report.problems["core_properties"] += 1
    if name == "docProps/app.xml" and re.search(r"<(Company|Manager|HyperlinkBase)>[^<]+<", xml):
        report.problems["app_properties"] += 1
    if re.search(r'\b(descr|title)="[^"]+"', xml) and name.startswith("word/") and "docPr" in xml:
        if re.search(r'<wp:docPr[^>]*\b(descr|title)="[^"]+"', xml):
            report.problems["picture_description"] += 1


# ----------------------------------------------------------------------------------- TXT


def check_txt(path: Path, needles: Iterable[str], encoding: str = "utf-8") -> LeakReport:
    report = LeakReport("txt")
    search = _Searcher(needles, report)
    data = path.read_bytes()
    search.raw_bytes("bytes", data)
    search.text("decoded", data.decode(encoding, "replace"))
    return report


def check_file(
    path: Path,
    fmt: str,
    needles: Iterable[str],
    *,
    removed_chars: Iterable[str] = (),
    encoding: str = "utf-8",
) -> LeakReport:
    """Run the gate for one output file of format ``fmt`` ("pdf", "docx" or "txt")."""
    needles = list(needles)
    if fmt == "pdf":
        return check_pdf(path, needles, removed_chars)
    if fmt == "docx":
        return check_docx(path, needles)
    return check_txt(path, needles, encoding)
