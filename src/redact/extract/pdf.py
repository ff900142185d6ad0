"""PDF: characters with boxes, deduplicated (fake bold), in reading order, pages separated by ``"\\n"``.

Two readers feed one layout routine (``lay_out``), so they cannot disagree on reading order:

* ``pdfium`` (default, ~20 ms per dense CJK page in CPU time): pypdfium2's text page, skipping
  the characters PDFium generates itself (spaces, line breaks) and dropping duplicate glyphs
  ourselves (``dedupe``); font size = Tf size × text-matrix scale, as pdfplumber's ``size``.
* ``pdfplumber`` (reference, ~100–250 ms/page): ``page.dedupe_chars().chars``. Used for a page
  where PDFium reports a glyph without a Unicode mapping, a rotated glyph or page, or a media box
  not at the origin, so coordinates never need guessing.

``tests/extract/test_extract_pdf.py`` proves both give the same text (and boxes within 0.5 pt) on
the samples and built files, and that the reading order matches pdfplumber's ``extract_text``.
Layout: ``PdfChar(page, x0, top, x1, bottom)`` in pdfplumber's top-left coordinates (points,
from the media box; on a /Rotate page as displayed). Lines are read in the writing frame.
A page without any text (a scan) is ``Page(needs_ocr=True)`` with a warning, not an error; so is
a page where more than 10 % of the glyphs have no Unicode mapping (they are left out of the text).
"""

from __future__ import annotations

import ctypes
import logging
import math
import re
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFException
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from redact.document import Page, PdfChar
from redact.errors import CorruptFile, EncryptedFile, FileTooLarge
from redact.extract.builder import Extracted, TextBuilder

Engine = Literal["auto", "pdfium", "pdfplumber"]

# pdfminer logs every oddity of a damaged file as a WARNING (which Python prints to stderr when no
# logging is configured): the CLI promises one line per bad file, and the typed error says it all.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

#: Glyphs of one line: their bottoms differ by less than this fraction of the font size.
LINE_TOLERANCE = 0.5
#: A horizontal gap wider than this fraction of the font size becomes a space (layout None).
SPACE_GAP = 0.3
#: A page where more than this share of glyphs has no Unicode mapping (``(cid:N)``) needs OCR.
UNMAPPED_SHARE = 0.1
_UNMAPPED = re.compile(r"^\(cid:\d+\)$")
#: Same character drawn within this many points (x0 and top) is one glyph (pdfplumber's default).
DEDUPE_TOLERANCE = 1.0


@dataclass(frozen=True, slots=True)
class Glyph:
    """One drawn character: its text and box in top-left coordinates, and the font size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class RawPage:
    """A page's glyphs; ``width``/``height`` as displayed, ``rotation`` its /Rotate (pdfplumber path)."""

    width: float
    height: float
    glyphs: list[Glyph]
    rotation: int = 0
    annotations: int = 0


def extract_pdf(path: Path, *, max_pages: int | None = None, engine: Engine = "auto") -> Extracted:
    """Read a PDF into text + layout; raises ``EncryptedFile``, ``CorruptFile``, ``FileTooLarge``."""
    if engine == "pdfplumber":
        with _plumber_errors(), pdfplumber.open(path) as pdf:
            _check_pages(len(pdf.pages), max_pages)
            return lay_out([_plumber_page(page) for page in pdf.pages])
    return lay_out(_pdfium_pages(path, max_pages, strict=engine == "pdfium"))


def lay_out(raw_pages: list[RawPage]) -> Extracted:
    """Lines by baseline, glyphs by x; ``"\\n"`` between lines and pages; one space for a wide gap
    or a run of space glyphs (the first one keeps its box)."""
    out = TextBuilder()
    pages: list[Page] = []
    warnings: list[str] = []
    for number, raw in enumerate(raw_pages, start=1):
        if number > 1:
            out.sep("\n")
        start = len(out)
        glyphs = [g for g in raw.glyphs if not _is_control(g.text) and not _UNMAPPED.match(g.text)]
        unmapped = sum(1 for g in raw.glyphs if _UNMAPPED.match(g.text))
        framed = [(_unrotate(g, raw), g) for g in glyphs]
        for i, line in enumerate(_join_wrapped_cells(_lines(framed))):
            if i:
                out.sep("\n")
            prev: Glyph | None = None
            for f, g in line:  # f: the glyph in the page's reading frame, g: as displayed (the layout)
                if prev is not None and f.text.isspace() and prev.text.isspace():
                    continue  # runs of space glyphs count as one (PDFium drops the repeats itself)
                if prev is not None and f.x0 - prev.x1 > SPACE_GAP * max(f.size, prev.size) and not (
                    f.text.isspace() or prev.text.isspace()
                ):
                    out.sep(" ")
                out.add(g.text, PdfChar(number, g.x0, g.top, g.x1, g.bottom))
                prev = f
        visible = sum(1 for g in glyphs if not g.text.isspace())
        needs_ocr = visible == 0 or unmapped > UNMAPPED_SHARE * (visible + unmapped)
        if unmapped:
            warnings.append(f"page {number}: {unmapped} glyphs have no Unicode mapping (left out of the text)")
        if needs_ocr:
            warnings.append(f"page {number} has no text layer (needs OCR)")
        if raw.annotations:
            warnings.append(f"page {number} has {raw.annotations} annotations (links, notes, form fields: not in the text)")
        pages.append(Page(number, start, len(out), raw.width, raw.height, needs_ocr=needs_ocr))
    text, layout = out.build()
    return Extracted(text=text, layout=layout, pages=tuple(pages), warnings=tuple(warnings))


def _is_control(text: str) -> bool:
    """NUL and other control characters a font without ToUnicode entries (or PDFium) may report."""
    if len(text) == 1:
        return text < " " and text != "\t"
    return all(c < " " and c != "\t" for c in text)


def _lines(framed: list[tuple[Glyph, Glyph]]) -> list[list[tuple[Glyph, Glyph]]]:
    """Group glyphs whose bottoms (in the reading frame) are close into lines, top to bottom, each
    sorted left to right; the pairs are (reading-frame glyph, displayed glyph)."""
    lines: list[list[tuple[Glyph, Glyph]]] = []
    anchor = 0.0
    for pair in sorted(framed, key=lambda p: p[0].bottom):
        f = pair[0]
        if lines and f.bottom - anchor <= LINE_TOLERANCE * max(f.size, 1.0):
            lines[-1].append(pair)
        else:
            lines.append([pair])
            anchor = f.bottom
    return [sorted(line, key=lambda p: p[0].x0) for line in lines]


_ALNUM = re.compile(r"[0-9A-Za-z]")
#: A continuation fragment starts this close (points) to the left edge of the cell text above it.
CELL_ALIGN = 1.5

Pair = tuple[Glyph, Glyph]


def _tokens(line: list[Pair]) -> list[list[Pair]]:
    """Runs of a line separated by gaps wider than ``SPACE_GAP`` (table cells, tab stops)."""
    runs: list[list[Pair]] = []
    for pair in line:
        f = pair[0]
        if runs and f.x0 - runs[-1][-1][0].x1 <= SPACE_GAP * max(f.size, runs[-1][-1][0].size):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs


def _join_wrapped_cells(lines: list[list[Pair]]) -> list[list[Pair]]:
    """Put the second line of a wrapped table cell back behind its first line.

    A narrow cell wraps an 18-digit id or a long number: the row is read as one line and the
    cell's last digits come a line later (``王建国 35010219880312 13905912345`` / ``4512``), so
    the detector never sees the whole id. A line whose every run starts (within ``CELL_ALIGN``) at
    the left edge of a run of the row above, directly below it, and continues letters/digits that
    run ends with, is moved behind those runs: the text reads cell by cell.
    """
    out: list[list[Pair]] = []
    for line in lines:
        prev = out[-1] if out else None
        merged = _merge_continuation(prev, line) if prev else None
        if merged is None:
            out.append(line)
        else:
            out[-1] = merged
    return out


def _merge_continuation(above: list[Pair], line: list[Pair]) -> list[Pair] | None:
    cells, parts = _tokens(above), _tokens(line)
    if len(cells) < 2:
        return None  # a paragraph line, not a table row
    size = max(p[0].size for p in above)
    if min(p[0].top for p in line) - max(p[0].bottom for p in above) > 0.8 * size:
        return None
    placed: dict[int, list[Pair]] = {}
    for part in parts:
        home = next((k for k, c in enumerate(cells) if abs(c[0][0].x0 - part[0][0].x0) <= CELL_ALIGN), None)
        if home is None or home in placed:
            return None
        if not (_ALNUM.match(cells[home][-1][0].text) and _ALNUM.match(part[0][0].text)):
            return None
        placed[home] = part
    return [pair for k, cell in enumerate(cells) for pair in (*cell, *placed.get(k, ()))]


def _unrotate(g: Glyph, page: RawPage) -> Glyph:
    """``g`` (displayed, top-left coordinates) in the frame the text was written in, before /Rotate:
    pdfplumber reports rotated pages as displayed, where a line may run top to bottom."""
    w, h = page.width, page.height
    if page.rotation == 90:  # the written top edge is displayed on the right
        return Glyph(g.text, g.top, w - g.x1, g.bottom, w - g.x0, g.size)
    if page.rotation == 180:
        return Glyph(g.text, w - g.x1, h - g.bottom, w - g.x0, h - g.top, g.size)
    if page.rotation == 270:  # the written top edge is displayed on the left
        return Glyph(g.text, h - g.bottom, g.x0, h - g.top, g.x1, g.size)
    return g


def dedupe(glyphs: list[Glyph], tolerance: float = DEDUPE_TOLERANCE) -> list[Glyph]:
    """Drop a glyph when the same character was already drawn within ``tolerance`` (fake bold).

    Glyphs are bucketed on a ``tolerance`` grid so a page is linear, not quadratic, in its glyphs.
    """
    kept: list[Glyph] = []
    cell = 2 * tolerance  # a ±tolerance square touches at most 2×2 cells of this size
    grid: dict[tuple[str, int, int], list[Glyph]] = {}
    get = grid.get
    for g in glyphs:
        x, y, text = g.x0, g.top, g.text
        cx0, cx1 = int((x - tolerance) // cell), int((x + tolerance) // cell)
        cy0, cy1 = int((y - tolerance) // cell), int((y + tolerance) // cell)
        duplicate = False
        for cx in (cx0,) if cx0 == cx1 else (cx0, cx1):
            for cy in (cy0,) if cy0 == cy1 else (cy0, cy1):
                for k in get((text, cx, cy), ()):
                    if abs(x - k.x0) <= tolerance and abs(y - k.top) <= tolerance:
                        duplicate = True
        if not duplicate:
            key = (text, int(x // cell), int(y // cell))
            bucket = get(key)
            if bucket is None:
                grid[key] = [g]
            else:
                bucket.append(g)
            kept.append(g)
    return kept


# --- PDFium (fast path) ---


def _open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFile() from exc
        raise CorruptFile("the PDF is damaged") from exc


def _pdfium_pages(path: Path, max_pages: int | None, *, strict: bool) -> list[RawPage]:
    """Pages via PDFium; a page it cannot report like pdfplumber (unmapped or rotated glyphs, rotated
    page, media box off the origin) is read by pdfplumber instead, unless ``strict``."""
    doc = _open_pdfium(path)
    plumber: pdfplumber.PDF | None = None
    try:
        _check_pages(len(doc), max_pages)
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            try:
                raw = _pdfium_page(page, strict=strict)
            finally:
                page.close()
            if raw is None:
                with _plumber_errors():
                    if plumber is None:
                        plumber = pdfplumber.open(path)
                    raw = _plumber_page(plumber.pages[i])
            pages.append(raw)
        return pages
    except pdfium.PdfiumError as exc:
        raise CorruptFile("the PDF is damaged") from exc
    finally:
        doc.close()
        if plumber is not None:
            with _plumber_errors():  # closing walks the pages again and may hit the same damage
                plumber.close()


def _pdfium_page(page: pdfium.PdfPage, *, strict: bool) -> RawPage | None:
    left, bottom, right, top = page.get_mediabox()
    if not strict and (page.get_rotation() or left or bottom):
        return None
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = textpage.count_chars()
        buffer = (ctypes.c_ushort * (n + 1))()
        pdfium_c.FPDFText_GetText(tp, 0, n, buffer)  # all UTF-16 units at once: index i = character i
        is_generated, map_error = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_HasUnicodeMapError
        get_box, get_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
        get_matrix = pdfium_c.FPDFText_GetMatrix
        rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
        rect_ref, matrix_ref = ctypes.byref(rect), ctypes.byref(matrix)
        glyphs: list[Glyph] = []
        i = 0
        while i < n:
            index, code = i, buffer[i]
            i += 1
            if is_generated(tp, index) == 1:
                continue  # PDFium's own line breaks and spaces
            if not strict and map_error(tp, index) == 1:
                return None  # pdfplumber reports these as (cid:N); lay_out counts them
            if code < 0x20 and code != 0x09:
                continue
            if 0xD800 <= code < 0xDC00 and i < n and 0xDC00 <= buffer[i] < 0xE000:  # outside the BMP
                code = 0x10000 + ((code - 0xD800) << 10) + (buffer[i] - 0xDC00)
                i += 1
            get_box(tp, index, rect_ref)
            get_matrix(tp, index, matrix_ref)
            if not strict and abs(matrix.b) > 1e-3:
                return None  # rotated glyph: pdfplumber's box convention is the reference
            # the Tf size times the vertical scale of the text matrix (Word exports use "Tf 1" + Tm 12):
            # pdfplumber's ``size``
            size = get_size(tp, index) * math.hypot(matrix.c, matrix.d)
            y_bottom = top - rect.bottom
            glyphs.append(Glyph(chr(code), rect.left - left, y_bottom - size, rect.right - left, y_bottom, size))
    finally:
        textpage.close()
    annotations = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    return RawPage(right - left, top - bottom, dedupe(glyphs), annotations=max(annotations, 0))


# --- pdfplumber (reference path) ---


def _plumber_page(page: pdfplumber.page.Page) -> RawPage:
    glyphs = [
        Glyph(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"]) for c in page.dedupe_chars().chars
    ]
    raw = RawPage(
        float(page.width), float(page.height), glyphs, rotation=int(page.rotation) % 360, annotations=len(page.annots)
    )
    page.close()
    return raw


@contextmanager
def _plumber_errors() -> Iterator[None]:
    """pdfminer's exceptions → ``EncryptedFile`` / ``CorruptFile``."""
    try:
        yield
    except (PdfminerException, MalformedPDFException, PDFSyntaxError, PSException, PDFException) as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedFile() from exc
        raise CorruptFile("the PDF is damaged") from exc
    except (KeyError, ValueError, TypeError, IndexError, struct.error, zlib.error) as exc:
        # what pdfminer raises on malformed objects and streams inside pages
        raise CorruptFile("the PDF is damaged") from exc


def _check_pages(count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise FileTooLarge(
            f"the PDF has more pages than the limit of {max_pages}", hint="split it or raise REDACT_MAX_PAGES"
        )
