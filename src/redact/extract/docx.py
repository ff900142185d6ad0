"""DOCX: every visible ``w:t`` of the body, tables, text boxes, notes, headers and footers, via lxml.

python-docx alone misses runs inside hyperlinks, ``w:ins``, content controls, ``w:fldSimple``,
notes and text boxes (shared/docs/redaction-leaks.md), so the XML of each part is walked directly.

Layout: ``DocxChar(part, paragraph, node, index)`` where ``part`` is the zip member name,
``paragraph`` the index of the ``w:p`` among ``part_root.iter(W + "p")`` and ``node`` the index of
the ``w:t`` among ``part_root.iter(W + "t")`` — ALL of them, in document order, including the
``mc:Fallback`` copies that are not read — and ``index`` the code point inside ``w:t.text``.
The redaction engine finds nodes exactly this way. ``w:tab`` → ``"\\t"``, ``w:br``/``w:cr`` →
``"\\n"``, paragraph breaks → ``"\\n"`` except between the cells of a table row (``"\\t"``, so a
row reads as one line like in a PDF): all separators have layout ``None``.

Not visible, so not in ``text``: tracked deletions (``w:del``, ``w:moveFrom``: ``tracked_changes``
is set), hidden runs (``w:vanish``), field codes (``w:instrText``), comments, the VML fallback copy of
a text box. Each present one adds a warning so the reviewer and the publisher know.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from redact.document import DocxChar, Page
from redact.errors import CorruptFile, EncryptedFile, FileTooLarge, UnsupportedFormat
from redact.extract.builder import Extracted, TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: Largest uncompressed XML part we parse (a guard against ZIP bombs).
MAX_PART_BYTES = 256 * 1024 * 1024

_NOTE_PARTS = ("word/footnotes.xml", "word/endnotes.xml")
_HEADER_FOOTER = re.compile(r"^word/(header|footer)(\d*)\.xml$")
_FALSE = {"0", "false", "off"}

#: Elements whose content is never visible text (properties, field codes, deleted text, fallbacks).
_SKIP = {
    W + "pPr",
    W + "rPr",
    W + "sectPr",
    W + "tblPr",
    W + "tblGrid",
    W + "trPr",
    W + "tcPr",
    W + "sdtPr",
    W + "sdtEndPr",
    W + "instrText",
    W + "delText",
    W + "delInstrText",
    W + "commentReference",
    MC + "Fallback",
}
_DELETED = {W + "del", W + "moveFrom"}
#: Parts whose content is not read as text: the reviewer and the publisher must know they exist.
_UNREAD_PARTS = (
    ("word/media/", "images present (their content is not extracted)"),
    ("word/embeddings/", "embedded objects present (their content is not extracted)"),
    ("word/charts/", "charts present (their text is not extracted)"),
    ("word/diagrams/", "diagrams present (their text is not extracted)"),
)
#: ``w:altChunk``: HTML/RTF/MHT imported by reference (OA systems that build DOCX from web editors);
#: its text lives in another part, is not extracted, and ``redact.publish`` refuses the file.
ALT_CHUNK_WARNING = "imported HTML/RTF chunks present (altChunk: their text is not extracted)"
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def part_names(names: set[str]) -> list[str]:
    """Parts with visible text in reading order: body, footnotes, endnotes, headers, footers."""
    hf = sorted(
        (m.group(1), int(m.group(2) or 0), n) for n in names if (m := _HEADER_FOOTER.match(n))
    )
    return [
        "word/document.xml",
        *(n for n in _NOTE_PARTS if n in names),
        *(n for kind, _, n in hf if kind == "header"),
        *(n for kind, _, n in hf if kind == "footer"),
    ]


def parse_part(data: bytes) -> etree._Element:
    """Parse one XML part safely (no entities, no network); damaged XML → ``CorruptFile``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise CorruptFile("an XML part of the DOCX package is damaged") from exc


def read_parts(path: Path) -> tuple[dict[str, etree._Element], set[str]]:
    """The parsed roots of the text-bearing parts by zip member name, and all member names."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            if "word/document.xml" not in infos:
                raise CorruptFile("the DOCX package has no word/document.xml")
            roots = {}
            for name in part_names(set(infos)):
                info = infos[name]
                if info.flag_bits & 0x1:
                    raise EncryptedFile()
                if info.file_size > MAX_PART_BYTES:
                    raise FileTooLarge("a part of the DOCX package is too large to read")
                roots[name] = parse_part(zf.read(info))
            if not roots["word/document.xml"].tag.startswith(W):
                raise UnsupportedFormat(
                    "the DOCX uses the Strict Open XML variant", hint="save it as a normal Word document (.docx)"
                )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
        NotImplementedError,  # a damaged header announcing an unknown compression method or zip version
    ) as exc:
        raise CorruptFile("the DOCX package is damaged") from exc
    return roots, set(infos)


def extract_docx(path: Path) -> Extracted:
    """Read a DOCX package into text + layout (see the module docstring for the layout contract)."""
    roots, names = read_parts(path)
    out = TextBuilder()
    warnings: set[str] = set()
    if "word/comments.xml" in names:
        warnings.add("comments present (not part of the text)")
    for prefix, warning in _UNREAD_PARTS:
        if any(n.startswith(prefix) for n in names):
            warnings.add(warning)
    if any(next(root.iter(W + "altChunk"), None) is not None for root in roots.values()):
        warnings.add(ALT_CHUNK_WARNING)
    tracked = False
    first = True
    for name, root in roots.items():
        reader = _PartReader(name, root, out, first=first)
        reader.read()
        first = reader.first
        tracked |= reader.tracked
        warnings |= reader.warnings
    if tracked:
        warnings.add("tracked deletions present (not part of the text; removed before publishing)")
    text, layout = out.build()
    return Extracted(
        text=text,
        layout=layout,
        pages=(Page(number=1, start=0, end=len(text)),),
        warnings=tuple(sorted(warnings)),
        tracked_changes=tracked,
    )


class _PartReader:
    """Walks one part: block level (paragraphs, tables, content controls) then runs inside paragraphs."""

    def __init__(self, part: str, root: etree._Element, out: TextBuilder, *, first: bool) -> None:
        self.part = part
        self.root = root
        self.out = out
        self.first = first
        self._t_nodes = list(root.iter(W + "t"))  # keeps the proxies alive so the dict keys stay valid
        self._t_index = {t: i for i, t in enumerate(self._t_nodes)}
        self._p_nodes = list(root.iter(W + "p"))
        self._p_index = {p: i for i, p in enumerate(self._p_nodes)}
        self.tracked = any(True for _ in root.iter(W + "del", W + "moveFrom", W + "delText"))
        self.warnings: set[str] = set()
        self._cell_break = False

    def read(self) -> None:
        for p in self._blocks(self.root):
            self._paragraph(p)

    def _blocks(self, elem: etree._Element) -> Iterator[etree._Element]:
        """The ``w:p`` elements under ``elem`` in reading order (tables and controls are descended)."""
        for child in elem:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag in _DELETED:
                continue
            if tag == W + "p":
                yield child
            elif tag in (W + "footnote", W + "endnote") and child.get(W + "type") in _NOTE_SEPARATORS:
                continue
            elif tag == W + "tc":
                if any(s.tag == W + "tc" for s in child.itersiblings(preceding=True)):
                    self._cell_break = True  # a row reads as one line: cells are joined by a tab
                yield from self._blocks(child)
            else:
                yield from self._blocks(_choice(child) if tag == MC + "AlternateContent" else child)

    def _paragraph(self, p: etree._Element) -> None:
        if not self.first:
            self.out.sep("\t" if self._cell_break else "\n")
        self._cell_break = False
        self.first = False
        nested: list[etree._Element] = []
        self._inline(p, self._p_index[p], nested)
        for box in nested:  # text boxes anchored in this paragraph follow it as paragraphs of their own
            for q in self._blocks(box):
                self._paragraph(q)

    def _inline(self, elem: etree._Element, p_idx: int, nested: list[etree._Element]) -> None:
        for child in elem:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                node = self._t_index[child]
                for i, c in enumerate(child.text or ""):
                    self.out.add(c, DocxChar(self.part, p_idx, node, i))
            elif tag in (W + "tab", W + "ptab"):
                self.out.sep("\t")
            elif tag in (W + "br", W + "cr"):
                self.out.sep("\n")
            elif tag == W + "noBreakHyphen":
                self.out.sep("-")
            elif tag in _DELETED:
                continue
            elif tag == W + "r" and _hidden(child):
                if any(True for _ in child.iter(W + "t")):
                    self.warnings.add("hidden text present (not part of the text)")
            elif tag == W + "txbxContent":
                nested.append(child)
            elif tag == MC + "AlternateContent":
                self._inline(_choice(child), p_idx, nested)
            else:  # runs, hyperlinks, w:ins, w:moveTo, w:sdt, w:sdtContent, w:fldSimple, w:smartTag, drawings…
                self._inline(child, p_idx, nested)


def _choice(alternate: etree._Element) -> etree._Element:
    """The ``mc:Choice`` branch (DrawingML) of an ``mc:AlternateContent``; the VML fallback is a copy."""
    choice = alternate.find(MC + "Choice")
    return choice if choice is not None else etree.Element(MC + "Choice")


def _hidden(run: etree._Element) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val", "true").lower() not in _FALSE
