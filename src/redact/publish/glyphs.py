"""The glyph path: remove the glyphs under redaction boxes from a page's content stream.

A small content-stream interpreter (q/Q/cm, BT/ET, Tf Tc Tw Tz TL Ts, Td TD Tm T*, Tj TJ ' ",
Do of Form and Image XObjects, inline images) computes the centre of every glyph in pdfplumber's
top-left page coordinates. Every glyph whose centre lies in a box is removed — duplicates drawn
for fake bold included — and replaced by one TJ number of the same total advance, so nothing
else on the line moves and the gap holds no per-glyph positions.

The interpreter only edits what it fully understands. ``Unsafe`` is raised (and the caller
rasterizes the page) for: a glyph in a box drawn by a Type3 font, an embedded Type1/CFF font, a
simple font without /Widths, a font without ToUnicode (unless a predefined Unicode CMap), a
vertical or multi-byte CMap other than Identity-H / Uni*-UCS2-H, a glyph inside a Form XObject,
an image under a box, a rotated page or a media box not at the origin.

``used`` records, per font object, the codes still shown after editing: ``fonts.prune`` uses it
to rebuild ToUnicode maps and subset embedded TrueType programs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_UCS2 = re.compile(r"^/(Identity-H|Uni(GB|CNS|JIS|KS)-UCS2-H)$")
MAX_FORM_DEPTH = 8
_STANDARD_ENCODINGS = {"/WinAnsiEncoding", "/MacRomanEncoding", "/StandardEncoding"}
_STANDARD_14 = {
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
}  # fmt: skip


class Unsafe(Exception):
    """The page cannot be edited safely: rasterize it."""


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m × n (PDF row-vector convention: apply m first, then n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


@lru_cache(maxsize=16)
def _predefined_cmap(name: str):
    from pdfminer.cmapdb import CMapDB

    return CMapDB.get_cmap(name)


class Font:
    """Code splitting and glyph widths of one font dictionary."""

    def __init__(self, obj: pikepdf.Object) -> None:
        self.obj = obj
        self.key = obj.objgen if obj.is_indirect else id(obj)
        self.subtype = str(obj.get("/Subtype", ""))
        self.problem: str | None = None
        self.two_byte = self.subtype == "/Type0"
        self.widths: dict[int, float] = {}
        self.default_width = 0.0
        self.cmap_name = ""
        if self.two_byte:
            self._init_type0()
        else:
            self._init_simple()
        fd = (self.descendant if self.two_byte else obj).get("/FontDescriptor")
        embedded = fd is not None and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        encoding = str(obj.get("/Encoding", "/StandardEncoding"))
        standard = not self.two_byte and not embedded and encoding in _STANDARD_ENCODINGS
        if "/ToUnicode" not in obj and not self.cmap_name.startswith("/Uni") and not standard:
            self.problem = self.problem or "no ToUnicode"

    def _init_type0(self) -> None:
        enc = self.obj.get("/Encoding")
        self.cmap_name = str(enc) if isinstance(enc, pikepdf.Name) else ""
        if not _UCS2.match(self.cmap_name):
            self.problem = "unsupported CMap"
        desc = self.obj.DescendantFonts[0]
        self.descendant = desc
        self.default_width = float(desc.get("/DW", 1000))
        w = desc.get("/W", [])
        i = 0
        while i < len(w):
            first = int(w[i])
            if isinstance(w[i + 1], pikepdf.Array):
                for k, v in enumerate(w[i + 1]):
                    self.widths[first + k] = float(v)
                i += 2
            else:
                last, v = int(w[i + 1]), float(w[i + 2])
                if last - first < 70000:
                    for cid in range(first, last + 1):
                        self.widths[cid] = v
                i += 3
        fd = desc.get("/FontDescriptor", {})
        if "/FontFile3" in fd or "/FontFile" in fd:
            self.problem = self.problem or "CFF/Type1 program"

    def _init_simple(self) -> None:
        if self.subtype == "/Type3":
            self.problem = "Type3"
            return
        fd = self.obj.get("/FontDescriptor")
        if fd is not None and ("/FontFile" in fd or "/FontFile3" in fd):
            self.problem = "Type1/CFF program"  # outlines we do not prune: rasterize
        if "/Widths" in self.obj:
            first = int(self.obj.get("/FirstChar", 0))
            for k, v in enumerate(self.obj.Widths):
                self.widths[first + k] = float(v)
            self.default_width = float(fd.get("/MissingWidth", 0)) if fd is not None else 0.0
        elif str(self.obj.get("/BaseFont", ""))[1:] in _STANDARD_14:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            name = str(self.obj.BaseFont)[1:]
            for code in range(32, 256):
                self.widths[code] = stringWidth(bytes([code]).decode("cp1252", "replace"), name, 1000)
        else:
            self.problem = "no Widths"

    def cid(self, code: int) -> int:
        if self.cmap_name == "/Identity-H" or not self.two_byte:
            return code
        cids = list(_predefined_cmap(self.cmap_name[1:]).decode(code.to_bytes(2, "big")))
        return cids[0] if cids else 0

    def split(self, data: bytes) -> list[int]:
        if self.two_byte:
            if len(data) % 2:
                raise Unsafe("odd byte count for a two-byte font")
            return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
        return list(data)

    def encode(self, codes: Sequence[int]) -> bytes:
        return b"".join(c.to_bytes(2, "big") for c in codes) if self.two_byte else bytes(codes)

    def width(self, code: int) -> float:
        return self.widths.get(self.cid(code), self.default_width) / 1000.0


@dataclass
class _TextState:
    font: Font | None = None
    size: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    th: float = 1.0
    tl: float = 0.0
    rise: float = 0.0


@dataclass
class PageResult:
    operations: list = field(default_factory=list)
    removed: int = 0
    changed: bool = False


@dataclass
class Interpreter:
    """Interprets one page (or form) and rewrites text operators whose glyphs fall in ``boxes``."""

    boxes: Sequence[Box]
    page_top: float  # media box top (y of pdfplumber's top = 0)
    used: dict = field(default_factory=lambda: defaultdict(set))  # font key → codes still shown
    fonts_by_key: dict = field(default_factory=dict)
    pruned: set = field(default_factory=set)  # keys of fonts that lost glyphs
    hit_boxes: set = field(default_factory=set)  # indexes of this page's boxes where a glyph was removed
    _font_cache: dict = field(default_factory=dict)

    def font(self, resources: pikepdf.Object, name: pikepdf.Name) -> Font:
        fonts = resources.get("/Font") if resources is not None else None
        obj = fonts.get(name) if fonts is not None else None
        if obj is None:
            raise Unsafe("font not found")
        key = obj.objgen if obj.is_indirect else (id(resources), str(name))
        if key not in self._font_cache:
            self._font_cache[key] = Font(obj)
            self.fonts_by_key[self._font_cache[key].key] = self._font_cache[key]
        return self._font_cache[key]

    def in_box(self, x: float, y: float) -> bool:
        top = self.page_top - y
        for k, b in enumerate(self.boxes):
            if b[0] <= x <= b[2] and b[1] <= top <= b[3]:
                self.hit_boxes.add(k)
                return True
        return False

    def rect_hits(self, m: Matrix) -> bool:
        pts = [apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
        t0, t1 = self.page_top - max(p[1] for p in pts), self.page_top - min(p[1] for p in pts)
        return any(b[0] < x1 and x0 < b[2] and b[1] < t1 and t0 < b[3] for b in self.boxes)

    def run(
        self, owner, resources, ctm: Matrix = IDENTITY, *, edit: bool = True, depth: int = 0
    ) -> PageResult:
        try:
            ops = pikepdf.parse_content_stream(owner)
        except pikepdf.PdfError as exc:
            raise Unsafe("content stream cannot be parsed") from exc
        result = PageResult()
        stack: list[tuple[Matrix, _TextState]] = []
        ts = _TextState()
        tm = tlm = IDENTITY
        for operands, op in ops:
            name = str(op)
            out_ops = None
            if name == "q":
                stack.append((ctm, _TextState(**ts.__dict__)))
            elif name == "Q":
                if stack:
                    ctm, ts = stack.pop()
            elif name == "cm":
                ctm = mul(tuple(float(v) for v in operands), ctm)
            elif name == "BT":
                tm = tlm = IDENTITY
            elif name == "Tf":
                ts.font = self.font(resources, operands[0])
                ts.size = float(operands[1])
            elif name == "Tc":
                ts.tc = float(operands[0])
            elif name == "Tw":
                ts.tw = float(operands[0])
            elif name == "Tz":
                ts.th = float(operands[0]) / 100.0
            elif name == "TL":
                ts.tl = float(operands[0])
            elif name == "Ts":
                ts.rise = float(operands[0])
            elif name in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if name == "TD":
                    ts.tl = -ty
                tm = tlm = mul((1, 0, 0, 1, tx, ty), tlm)
            elif name == "Tm":
                tm = tlm = tuple(float(v) for v in operands)
            elif name == "T*":
                tm = tlm = mul((1, 0, 0, 1, 0, -ts.tl), tlm)
            elif name in ("Tj", "TJ", "'", '"'):
                prefix = []
                if name == '"':
                    ts.tw, ts.tc = float(operands[0]), float(operands[1])
                    prefix = [
                        ([operands[0]], pikepdf.Operator("Tw")),
                        ([operands[1]], pikepdf.Operator("Tc")),
                    ]
                if name in ("'", '"'):
                    tm = tlm = mul((1, 0, 0, 1, 0, -ts.tl), tlm)
                    prefix.append(([], pikepdf.Operator("T*")))
                items = list(operands[0]) if name == "TJ" else [operands[-1]]
                tm, new_items, removed = self._show(items, ts, tm, ctm)
                if removed:
                    if not edit:
                        raise Unsafe("text to remove inside a form")
                    result.removed += removed
                    out_ops = [*prefix, ([pikepdf.Array(new_items)], pikepdf.Operator("TJ"))]
                elif prefix:
                    out_ops = [*prefix, ([pikepdf.Array(new_items)], pikepdf.Operator("TJ"))]
            elif name == "Do":
                self._do(resources, operands[0], ctm, depth)
            elif name == "INLINE IMAGE":
                if self.rect_hits(ctm):
                    raise Unsafe("inline image under a box")
            elif name == "BDC":  # marked content with ActualText/Alt: keep the tag, drop the text
                out_ops = [([operands[0]], pikepdf.Operator("BMC"))]
                result.changed = True
            if out_ops is None:
                result.operations.append((operands, op))
            else:
                result.operations.extend(out_ops)
                result.changed = True
        return result

    def _show(self, items, ts: _TextState, tm: Matrix, ctm: Matrix):
        font = ts.font
        if font is None:
            raise Unsafe("text without a font")
        new_items: list = []
        removed = 0
        gap = 0.0  # pending TJ adjustment (thousandths of text space) for removed glyphs
        kept: list[int] = []
        for item in items:
            if not isinstance(item, pikepdf.String):
                if kept:
                    new_items.append(pikepdf.String(font.encode(kept)))
                    kept = []
                n = float(item)
                gap += n
                tm = mul((1, 0, 0, 1, -n / 1000.0 * ts.size * ts.th, 0), tm)
                continue
            for code in font.split(bytes(item)):
                w0 = font.width(code)
                space = ts.tw if (not font.two_byte and code == 32) else 0.0
                advance = (w0 * ts.size + ts.tc + space) * ts.th
                trm = mul(mul((ts.size * ts.th, 0, 0, ts.size, 0, ts.rise), tm), ctm)
                cx, cy = apply(trm, w0 / 2.0, 0.3)
                if self.in_box(cx, cy):
                    if font.problem:
                        raise Unsafe(
                            f"glyph to remove in a font the glyph path cannot prune ({font.problem})"
                        )
                    if ts.size == 0 or ts.th == 0:
                        raise Unsafe("zero font size")
                    if kept:
                        new_items.append(pikepdf.String(font.encode(kept)))
                        kept = []
                    gap -= advance * 1000.0 / (ts.size * ts.th)
                    removed += 1
                    self.pruned.add(font.key)
                else:
                    if gap:
                        new_items.append(round(gap, 3))
                        gap = 0.0
                    kept.append(code)
                    self.used[font.key].add(code)
                tm = mul((1, 0, 0, 1, advance, 0), tm)
        if kept:
            new_items.append(pikepdf.String(font.encode(kept)))
        if gap:
            new_items.append(round(gap, 3))
        if not removed:
            new_items = list(items)
        return tm, new_items, removed

    def _do(self, resources, name, ctm: Matrix, depth: int) -> None:
        xobjects = resources.get("/XObject") if resources is not None else None
        xo = xobjects.get(name) if xobjects is not None else None
        if xo is None:
            return
        subtype = xo.get("/Subtype")
        if subtype == "/Image":
            if self.rect_hits(ctm):
                raise Unsafe("image under a box")
        elif subtype == "/Form":
            if depth >= MAX_FORM_DEPTH:
                raise Unsafe("forms nested too deep")
            matrix = tuple(float(v) for v in xo.get("/Matrix", IDENTITY))
            self.run(xo, xo.get("/Resources", resources), mul(matrix, ctm), edit=False, depth=depth + 1)
