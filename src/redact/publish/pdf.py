"""True PDF redaction: a NEW file built from an allowlist; glyphs removed, or the page rasterized.

Data flow for one file:

1. ``boxes_by_page``: the union of the ``PdfChar`` boxes of every removed character, merged per
   line and padded (coordinates: pdfplumber top-left points, as ``redact.extract`` reports them).
2. **Glyph path** (``glyphs.py``): each page is copied into the new file and its content stream
   re-written without the glyphs whose centre lies in a box (fake-bold duplicates too; one TJ
   number of the same advance per removed run, so nothing moves), then the boxes are drawn.
   After all pages, every font that lost glyphs is pruned (``fonts.py``: ToUnicode rebuilt from
   the codes still shown anywhere, TrueType programs subset with ``retain_gids``).
3. **Raster path**, for pages the glyph path refuses (``glyphs.Unsafe``: Type3 / Type1 / CFF
   fonts with a glyph to remove, no ToUnicode, an image or a Form XObject's text under a box,
   rotation, a box with no glyph found) or for every page with ``rasterize_all``: pypdfium2
   render at 200 dpi with the boxes painted into the pixels, plus an invisible text layer
   (render mode 3, non-embedded fonts) rebuilt from the original characters minus the removed ones.
4. Only page geometry, resources and contents are kept; marked content ``ActualText``/``Alt``
   is stripped; the file holds nothing but the page tree (no /Info, XMP, outlines, annotations,
   AcroForm, attachments, /AF, JavaScript, OpenAction, structure tree, thumbnails, optional
   content) and is saved in full (one ``%%EOF``).

``redact_file`` calls again with ``rasterize_all=True`` if the leak gate refuses the first copy.
"""

from __future__ import annotations

import logging
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from redact.document import Document, PdfChar
from redact.errors import EncryptedFile, RedactionFailed
from redact.publish.fonts import prune
from redact.publish.glyphs import Interpreter, Unsafe

log = logging.getLogger(__name__)

DPI = 200
PAD = 0.6  # points around each character box

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top-left origin, points)

_PAGE_KEYS = ("/Type", "/MediaBox", "/CropBox", "/Rotate", "/Resources", "/Contents", "/UserUnit", "/Group")
_XOBJECT_DROP = ("/Metadata", "/OC", "/PieceInfo", "/StructParent", "/StructParents", "/OPI", "/AF")


@dataclass(frozen=True, slots=True)
class PdfOutcome:
    rasterized_pages: tuple[int, ...]
    boxes: int
    glyph_pages: tuple[int, ...] = ()


def boxes_by_page(doc: Document, removed: Iterable[int]) -> dict[int, list[Box]]:
    """Padded boxes over the removed characters, merged along a line, per 1-based page."""
    lines: dict[int, list[Box]] = defaultdict(list)
    for i in sorted(set(removed)):
        ref = doc.layout[i] if i < len(doc.layout) else None
        if not isinstance(ref, PdfChar) or doc.text[i].isspace():
            continue
        box = (ref.x0 - PAD, ref.top - PAD, ref.x1 + PAD, ref.bottom + PAD)
        cur = lines[ref.page]
        if cur:
            x0, t, x1, b = cur[-1]
            same_line = abs(t - box[1]) < 0.5 * (b - t) and box[0] <= x1 + 2 * PAD + 1 and box[2] >= x0
            if same_line:
                cur[-1] = (min(x0, box[0]), min(t, box[1]), max(x1, box[2]), max(b, box[3]))
                continue
        cur.append(box)
    return dict(lines)


def _page_geometry(page: pikepdf.Page) -> tuple[float, float, float, float, int]:
    """(dx, dy, width, height, rotate) of the page as displayed (pdfplumber's coordinate space)."""
    mb = [float(v) for v in page.mediabox]
    cb = [float(v) for v in page.obj.get("/CropBox", page.mediabox)]
    return _geometry(mb, cb, int(page.obj.get("/Rotate", 0)))


def _geometry(mb: Sequence[float], cb: Sequence[float], rotate: int) -> tuple[float, float, float, float, int]:
    """(dx, dy, width, height, rotate) from a media box, a crop box and /Rotate.

    Unrotated: the crop box offset from the media box top-left and its size. Rotated pages are
    handled in displayed space (width and height swapped, offsets ignored): pdfplumber reports
    their characters there and pypdfium2 renders them that way, so the raster page needs no /Rotate.
    """
    cx0, cy0, cx1, cy1 = max(cb[0], mb[0]), max(cb[1], mb[1]), min(cb[2], mb[2]), min(cb[3], mb[3])
    rotate = rotate % 360
    if rotate in (90, 270):
        return 0.0, 0.0, cy1 - cy0, cx1 - cx0, rotate
    if rotate:
        return 0.0, 0.0, cx1 - cx0, cy1 - cy0, rotate
    return cx0 - mb[0], mb[3] - cy1, cx1 - cx0, cy1 - cy0, rotate


def _render(pdf_path: Path, index: int, boxes: Sequence[Box], geometry, dpi: int):
    """The page as displayed (rotation applied), with the boxes painted black."""
    from PIL import ImageDraw

    dx, dy, _, _, _ = geometry
    scale = dpi / 72
    with _pdfium_page(pdf_path, index) as page:
        image = page.render(scale=scale, may_draw_forms=False, draw_annots=False).to_pil().convert("RGB")
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle(
            [(x0 - dx) * scale, (top - dy) * scale, (x1 - dx) * scale, (bottom - dy) * scale], fill=(0, 0, 0)
        )
    return image


@contextmanager
def _pdfium_page(pdf_path: Path, index: int) -> Iterator:
    """Page ``index`` of ``pdf_path`` opened with PDFium (which reads files qpdf refuses)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf_path))
    try:
        page = doc[index]
        try:
            yield page
        finally:
            page.close()
    finally:
        doc.close()


def _pdfium_geometry(pdf_path: Path, index: int) -> tuple[float, float, float, float, int]:
    """``_page_geometry`` for a file pikepdf cannot open."""
    with _pdfium_page(pdf_path, index) as page:
        return _geometry(page.get_mediabox(), page.get_cropbox(), page.get_rotation())


def _text_fonts(pdf: pikepdf.Pdf) -> tuple[pikepdf.Object, pikepdf.Object]:
    """The fonts of the invisible text layer: nothing embedded, so no outline or ToUnicode to prune.

    CJK: STSong-Light with the predefined CMap UniGB-UCS2-H (codes are UCS-2, every extractor maps
    them back); ASCII: Helvetica (pdfium drops ASCII drawn with UCS-2 CID fonts).
    """
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/STSongStd-Light"), Flags=6,
        FontBBox=[-25, -254, 1000, 880], ItalicAngle=0, Ascent=752, Descent=-271, CapHeight=737, StemV=58,
    )  # fmt: skip
    cid = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0, BaseFont=pikepdf.Name("/STSong-Light"),
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("GB1"), Supplement=2),
        FontDescriptor=pdf.make_indirect(descriptor), DW=1000,
    )  # fmt: skip
    cjk = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/STSong-Light"),
        Encoding=pikepdf.Name("/UniGB-UCS2-H"), DescendantFonts=[pdf.make_indirect(cid)],
    )  # fmt: skip
    latin = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )  # fmt: skip
    return pdf.make_indirect(cjk), pdf.make_indirect(latin)


def _text_layer(chars: Sequence[tuple[str, PdfChar]], geometry) -> bytes:
    """Render-mode-3 text: one TJ per run of same-font characters, each glyph at its original x."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    dx, dy, _, height, _ = geometry
    ops = ["BT 3 Tr"]
    run: list[tuple[str, PdfChar]] = []

    def flush() -> None:
        if not run:
            return
        latin = run[0][0].isascii()
        first = run[0][1]
        size = max(1.0, first.bottom - first.top)
        baseline = height - (first.bottom - dy) + 0.12 * size
        parts = []
        for k, (ch, ref) in enumerate(run):
            code = ch.encode("latin-1") if latin else ch.encode("utf-16-be")
            parts.append("<" + code.hex() + ">")
            if k + 1 < len(run):
                advance = (stringWidth(ch, "Helvetica", 1000) if latin else 1000) * size / 1000
                gap = run[k + 1][1].x0 - ref.x0
                parts.append(f"{(advance - gap) * 1000 / size:.1f}")
        ops.append(f"/{'FL' if latin else 'FC'} {size:.2f} Tf 1 0 0 1 {first.x0 - dx:.2f} {baseline:.2f} Tm")
        ops.append("[" + " ".join(parts) + "] TJ")
        run.clear()

    for ch, ref in chars:
        if ord(ch) > 0xFFFF or (ch.isascii() and not ch.isprintable()):
            continue
        if run:
            prev_ch, prev = run[-1]
            same_line = abs(ref.top - prev.top) < 0.3 * (prev.bottom - prev.top) and ref.x0 >= prev.x0
            same_size = abs((ref.bottom - ref.top) - (prev.bottom - prev.top)) < 0.5
            if not (same_line and same_size and ch.isascii() == prev_ch.isascii()):
                flush()
        run.append((ch, ref))
    flush()
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def _raster_page(out: pikepdf.Pdf, image, chars: Sequence[tuple[str, PdfChar]], geometry, fonts) -> None:
    """Append one page to ``out``: the image full-size plus the invisible text layer."""
    from PIL import ImageChops

    _, _, width, height, _ = geometry
    r, g, b = image.split()
    gray = ImageChops.difference(r, g).getbbox() is None and ImageChops.difference(r, b).getbbox() is None
    pixels = (r if gray else image).tobytes()
    xobject = pikepdf.Stream(out, zlib.compress(pixels, 6))
    xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    xobject.Width, xobject.Height, xobject.BitsPerComponent = image.width, image.height, 8
    xobject.ColorSpace = pikepdf.Name.DeviceGray if gray else pikepdf.Name.DeviceRGB
    xobject.Filter = pikepdf.Name.FlateDecode
    content = f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /Im0 Do Q\n".encode() + _text_layer(chars, geometry)
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, width, height],
        Resources=pikepdf.Dictionary(
            XObject=pikepdf.Dictionary(Im0=xobject), Font=pikepdf.Dictionary(FC=fonts[0], FL=fonts[1])
        ),
        Contents=pikepdf.Stream(out, zlib.compress(content)),
    )
    page.Contents.Filter = pikepdf.Name.FlateDecode
    out.pages.append(pikepdf.Page(page))


def _strip_marked_content(stream_owner: pikepdf.Object) -> None:
    """Replace ``BDC`` property lists carrying ActualText/Alt/E by a plain ``BMC``."""
    try:
        ops = pikepdf.parse_content_stream(stream_owner)
    except pikepdf.PdfError as exc:
        raise RedactionFailed("a page content stream cannot be parsed") from exc
    changed = False
    out = []
    for operands, op in ops:
        if str(op) == "BDC" and len(operands) == 2:
            props = operands[1]
            if isinstance(props, pikepdf.Dictionary) and any(
                k in props for k in ("/ActualText", "/Alt", "/E")
            ):
                out.append(([operands[0]], pikepdf.Operator("BMC")))
                changed = True
                continue
        out.append((operands, op))
    if changed:
        data = pikepdf.unparse_content_stream(out)
        if isinstance(stream_owner, pikepdf.Page):
            stream_owner.obj.Contents = stream_owner.obj.owner.make_stream(data)
        else:
            stream_owner.write(data)


def _clean_resources(res: pikepdf.Object, seen: set) -> None:
    if not isinstance(res, pikepdf.Dictionary):
        return
    xobjects = res.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for _, xo in xobjects.items():
            key = xo.objgen
            if key in seen:
                continue
            seen.add(key)
            for k in _XOBJECT_DROP:
                if k in xo:
                    del xo[k]
            if xo.get("/Subtype") == "/Form":
                _strip_marked_content(xo)
                _clean_resources(xo.get("/Resources"), seen)


def _copy_clean_page(out: pikepdf.Pdf, page: pikepdf.Page) -> None:
    out.pages.append(page)
    new = out.pages[-1]
    for key in list(new.obj.keys()):
        if key not in _PAGE_KEYS:
            del new.obj[key]
    if "/Contents" in new.obj:
        new.contents_coalesce()
        _strip_marked_content(new)
    _clean_resources(new.obj.get("/Resources"), set())


def redact_pdf(
    source: Path,
    doc: Document,
    removed: Iterable[int],
    output: Path,
    *,
    rasterize_all: bool = False,
    dpi: int = DPI,
) -> PdfOutcome:
    """Write a redacted copy of ``source`` to ``output``; ``removed`` are offsets into ``doc.text``.

    A file qpdf cannot parse (PDFium read it for extraction) is rasterized page by page from PDFium.
    """
    removed = set(removed)
    boxes = boxes_by_page(doc, removed)
    keep_chars: dict[int, list[tuple[str, PdfChar]]] = defaultdict(list)
    for i, ref in enumerate(doc.layout):
        if isinstance(ref, PdfChar) and i not in removed and not doc.text[i].isspace():
            keep_chars[ref.page].append((doc.text[i], ref))
    try:
        src = pikepdf.open(source)
    except pikepdf.PasswordError as exc:
        raise EncryptedFile() from exc
    except Exception as exc:  # qpdf gives up on damage PDFium tolerates: every page from pixels
        log.info("publish: qpdf cannot parse the PDF (%s); rasterizing every page", type(exc).__name__)
        return _rasterize_file(source, doc, boxes, keep_chars, output, dpi)
    rasterized: list[int] = []
    glyph_pages: list[int] = []
    with src:
        out = pikepdf.new()
        fonts = None
        interp = Interpreter(boxes=(), page_top=0.0)  # one registry of fonts and used codes for the file
        for index, page in enumerate(src.pages):
            number = index + 1
            page_boxes = boxes.get(number, [])
            if not rasterize_all and _glyph_page(out, page, page_boxes, interp):
                if page_boxes:
                    glyph_pages.append(number)
                continue
            geometry = _page_geometry(page)
            image = _render(source, index, page_boxes, geometry, dpi)
            fonts = fonts or _text_fonts(out)
            _raster_page(out, image, keep_chars.get(number, ()), geometry, fonts)
            rasterized.append(number)
        for key in interp.pruned:
            prune(out, interp.fonts_by_key[key], interp.used[key])
        _save(out, output)
    return PdfOutcome(tuple(rasterized), sum(len(v) for v in boxes.values()), tuple(glyph_pages))


def _rasterize_file(
    source: Path,
    doc: Document,
    boxes: dict[int, list[Box]],
    keep_chars: dict[int, list[tuple[str, PdfChar]]],
    output: Path,
    dpi: int,
) -> PdfOutcome:
    """Every page as pixels plus the invisible text layer, reading the source with PDFium only."""
    out = pikepdf.new()
    fonts = _text_fonts(out)
    for page in doc.pages:
        index = page.number - 1
        geometry = _pdfium_geometry(source, index)
        image = _render(source, index, boxes.get(page.number, []), geometry, dpi)
        _raster_page(out, image, keep_chars.get(page.number, ()), geometry, fonts)
    _save(out, output)
    return PdfOutcome(tuple(p.number for p in doc.pages), sum(len(v) for v in boxes.values()))


def _save(out: pikepdf.Pdf, output: Path) -> None:
    """Only what the pages use, saved in full (one ``%%EOF``)."""
    with out:
        out.remove_unreferenced_resources()
        out.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


def _glyph_page(out: pikepdf.Pdf, page: pikepdf.Page, boxes: Sequence[Box], interp: Interpreter) -> bool:
    """Copy ``page`` into ``out`` with the glyphs under ``boxes`` removed and boxes drawn; False = rasterize.

    Any failure on the page (``Unsafe``, or whatever a real-world content stream makes pikepdf or
    the interpreter raise) removes the half-made copy and rasterizes the page: never an unredacted page.
    """
    mb = [float(v) for v in page.mediabox]
    if boxes and (int(page.obj.get("/Rotate", 0)) % 360 or mb[0] or mb[1]):
        return False
    pages_before = len(out.pages)
    try:
        _copy_clean_page(out, page)
        new = out.pages[-1]
        interp.boxes, interp.page_top, interp.hit_boxes = boxes, mb[3], set()
        result = interp.run(new, new.obj.get("/Resources"), edit=True) if "/Contents" in new.obj else None
        if len(interp.hit_boxes) < len(boxes):  # a box with no glyph found under it: layout and page disagree
            raise Unsafe("no glyph under a box")
        if boxes and result is not None:
            fill = "".join(
                f"{b[0]:.2f} {mb[3] - b[3]:.2f} {b[2] - b[0]:.2f} {b[3] - b[1]:.2f} re " for b in boxes
            )
            content = (
                b"q\n" + pikepdf.unparse_content_stream(result.operations) + f"\nQ\nq 0 g {fill}f Q\n".encode()
            )
            new.obj.Contents = out.make_stream(content)
    except Exception as exc:  # Unsafe, RedactionFailed, or a parser error on a real-world page
        if not isinstance(exc, Unsafe | RedactionFailed):
            log.info("publish: glyph path failed on a page (%s); rasterizing it", type(exc).__name__)
        while len(out.pages) > pages_before:
            del out.pages[-1]
        return False
    return True
