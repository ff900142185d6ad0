"""Font pruning after glyph removal: nothing of a removed character may survive in a font.

For every font that lost glyphs, given the codes still shown anywhere in the output:
the ToUnicode map is rebuilt from those codes only, an embedded TrueType program (Type0
CIDFontType2 / FontFile2) is subset with fontTools keeping only their glyphs (``retain_gids`` so
codes stay valid; glyph names dropped), ``/CIDSet`` is removed, and simple fonts lose the
``/Differences`` names of codes no longer used. The glyph path only edits fonts it can prune
(see ``glyphs.Font.problem``); fonts left unused are dropped by ``remove_unreferenced_resources``.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable

import pikepdf

from redact.publish.glyphs import Font

# fontTools warns on stderr about odd but harmless tables of real-world subsets (a 'modified'
# date of 0 in LibreOffice exports): the CLI's stderr carries one reason line per file, nothing else.
logging.getLogger("fontTools").setLevel(logging.ERROR)


def _read_tounicode(data: bytes) -> dict[int, str]:
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    cmap = FileUnicodeMap()
    CMapParser(cmap, io.BytesIO(data)).run()
    return {int(k): v for k, v in cmap.cid2unichr.items()}


def _write_tounicode(mapping: dict[int, str], two_byte: bool) -> bytes:
    width = 4 if two_byte else 2
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange",
        f"<{'0' * width}> <{'F' * width}>",
        "endcodespacerange",
    ]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for code, text in chunk:
            lines.append(f"<{code:0{width}X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _subset_truetype(data: bytes, gids: set[int]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    options.retain_gids = True
    options.glyph_names = False
    options.notdef_outline = True
    options.legacy_cmap = True  # simple fonts draw through (1,0) and (3,0) subtables
    options.symbol_cmap = True
    options.name_IDs = []
    options.drop_tables += ["post", "GSUB", "GPOS", "GDEF", "morx", "kern"]
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(gids | {0}))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _simple_gids(data: bytes, used: set[int], obj: pikepdf.Object) -> set[int]:
    """Glyphs a simple TrueType font can draw for ``used`` codes, through any of its cmap subtables."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    unicode = _read_tounicode(obj.ToUnicode.read_bytes()) if "/ToUnicode" in obj else {}
    names: set[str] = set()
    for table in font["cmap"].tables:
        for code in used:
            keys = [code]
            if table.platformID == 3 and table.platEncID == 0:
                keys.append(0xF000 + code)
            if (
                table.platformID in (0, 3)
                and table.platEncID != 0
                and code in unicode
                and len(unicode[code]) == 1
            ):
                keys = [ord(unicode[code])]
            names.update(table.cmap[k] for k in keys if k in table.cmap)
    return {font.getGlyphID(n) for n in names}


def prune(pdf: pikepdf.Pdf, font: Font, used: Iterable[int]) -> None:
    """Reduce ``font`` (an object of ``pdf``) to the codes in ``used``."""
    used = set(used)
    obj = font.obj
    if "/ToUnicode" in obj:
        mapping = _read_tounicode(obj.ToUnicode.read_bytes())
        kept = {c: t for c, t in mapping.items() if c in used}
        obj.ToUnicode = pdf.make_stream(_write_tounicode(kept, font.two_byte))
    if font.two_byte:
        desc = font.descendant
        fd = desc.get("/FontDescriptor")
        if fd is not None:
            if "/CIDSet" in fd:
                del fd["/CIDSet"]
            if "/FontFile2" in fd:
                cids = {font.cid(c) for c in used}
                gid_map = desc.get("/CIDToGIDMap")
                if isinstance(gid_map, pikepdf.Stream):
                    table = gid_map.read_bytes()
                    gids = {
                        int.from_bytes(table[2 * c : 2 * c + 2], "big")
                        for c in cids
                        if 2 * c + 2 <= len(table)
                    }
                else:
                    gids = cids
                program = _subset_truetype(fd.FontFile2.read_bytes(), gids)
                stream = pdf.make_stream(program)
                stream.Length1 = len(program)
                fd.FontFile2 = stream
    else:
        fd = obj.get("/FontDescriptor")
        if fd is not None and "/FontFile2" in fd:
            program = _subset_truetype(
                fd.FontFile2.read_bytes(), _simple_gids(fd.FontFile2.read_bytes(), used, obj)
            )
            stream = pdf.make_stream(program)
            stream.Length1 = len(program)
            fd.FontFile2 = stream
        enc = obj.get("/Encoding")
        if isinstance(enc, pikepdf.Dictionary) and "/Differences" in enc:
            diffs, code = [], 0
            for item in enc.Differences:
                if isinstance(item, pikepdf.Name):
                    if code in used:
                        diffs += [code, item]
                    code += 1
                else:
                    code = int(item)
            enc.Differences = pikepdf.Array(diffs)
