"""True DOCX redaction with lxml on every part of the package (python-docx misses too much).

Order matters: the ``DocxChar`` layout of ``redact.extract`` numbers the ``w:t`` nodes of the
ORIGINAL part (``root.iter(w:t)``), so the per-character edits are applied first, then:

1. **Safety net by text**: in every ``w:p`` of every ``word/*.xml`` part, the joined ``w:t`` text
   is searched for each original value (and its Simplified/Traditional forms) and rewritten per
   character — this covers the ``mc:Fallback`` (VML) copy of a text box, which is not in the
   layout, and any place extraction did not read. Field codes (``w:instrText``), every XML
   attribute (``w:fldSimple/@w:instr``, bookmark names, content-control tags) and external
   relationship targets (``mailto:``) get the same treatment.
2. **Accept tracked changes**: ``w:del``/``w:moveFrom`` (and deleted table rows) are dropped with
   their text; ``w:ins``/``w:moveTo`` unwrapped; ``*PrChange`` records dropped.
3. **Comments and hidden text**: comment anchors/references removed; runs with ``w:vanish`` removed.
4. **Authors and metadata**: ``w:author``/``w:initials`` attributes removed; core properties
   blanked (dates kept); app.xml company/manager/template/titles blanked; ``attachedTemplate``,
   ``docVars`` and ``mailMerge`` removed; ``docPr``/``cNvPr`` ``descr``/``title`` and VML alt
   texts removed.
5. **Dropped parts** (with their relationships and content-type overrides): comments*,
   people.xml, custom.xml, customXml/, thumbnails, glossary/, embeddings/ and every ``.bin``
   (OLE objects, VBA, printer settings).

Policy for embedded media: OLE objects are **dropped** (their content cannot be inspected);
pictures are **kept** and reported in the warnings returned to the caller, because whether a
picture shows redacted data is unknowable here — the reviewer must check them.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from lxml import etree

from redact.document import Document, DocxChar, normalize_width
from redact.errors import CorruptFile, EncryptedFile, RedactionFailed
from redact.extract.docx import ALT_CHUNK_WARNING, parse_part
from redact.zh import to_simplified, to_traditional

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
V = "{urn:schemas-microsoft-com:vml}"
O = "{urn:schemas-microsoft-com:office:office}"  # noqa: E741

DROP_PARTS = re.compile(
    r"(^|/)(comments[^/]*\.xml|people\.xml|custom\.xml|thumbnail\.[A-Za-z]+|vbaData\.xml)$"
    r"|^customXml/|^word/glossary/|^word/embeddings/|\.bin$",
    re.I,
)
DROP_REL_TYPES = re.compile(
    r"/(comments|commentsExtended|commentsIds|commentsExtensible|people|custom-properties|customXml|"
    r"thumbnail|glossaryDocument|attachedTemplate|oleObject|package|vbaProject|printerSettings|"
    r"mailMergeSource|mailMergeHeaderSource|recipientData)$"
)
_ACCEPT_DROP = (
    "del",
    "moveFrom",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
)
_CHANGE_RECORDS = (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange",
    "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart",
    "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
)  # fmt: skip
_COMMENT_MARKS = ("commentRangeStart", "commentRangeEnd", "commentReference")
_SETTINGS_DROP = ("attachedTemplate", "docVars", "mailMerge", "documentProtection", "writeProtection")
_AUTHOR_ATTRS = {"author", "initials", "userId", "providerId"}
_FALSE = {"0", "false", "off"}


def redact_docx(
    source: Path, doc: Document, edits: dict[int, str], pairs: dict[str, str], output: Path
) -> tuple[str, ...]:
    """Write the redacted package; returns warnings for the reviewer (kept pictures, dropped objects)."""
    node_edits: dict[str, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for i, rep in edits.items():
        ref = doc.layout[i] if i < len(doc.layout) else None
        if isinstance(ref, DocxChar):
            node_edits[ref.part][ref.node][ref.index] = rep
        elif not doc.text[i].isspace():
            raise RedactionFailed("a redacted character has no position in the DOCX package")
    replacer = _Replacer(pairs)
    warnings: list[str] = []
    try:
        zin = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorruptFile("the DOCX package is damaged") from exc
    with zin, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as zout:
        names = [i.filename for i in zin.infolist()]
        if any(i.flag_bits & 0x1 for i in zin.infolist()):
            raise EncryptedFile()
        if ALT_CHUNK_WARNING in doc.warnings:
            raise RedactionFailed(
                "the DOCX imports HTML/RTF chunks (altChunk) whose text cannot be checked",
                hint="open it in Word or WPS and save it again as DOCX",
            )
        dropped = {n for n in names if DROP_PARTS.search(n)}
        if any(n.startswith("word/embeddings/") for n in dropped):
            warnings.append("embedded objects removed")
        media = [n for n in names if n.startswith("word/media/")]
        if media and pairs:
            warnings.append(f"{len(media)} pictures kept: check them for personal data")
        for name in names:
            if name in dropped or _rels_owner(name) in dropped:
                continue
            data = zin.read(name)
            if name.endswith(".rels"):
                data = _clean_rels(name, data, dropped, replacer)
            elif name == "[Content_Types].xml":
                data = _clean_content_types(data, dropped)
            elif name == "docProps/core.xml":
                data = _blank_core(data)
            elif name == "docProps/app.xml":
                data = _blank_app(data)
            elif name.startswith("word/") and name.endswith(".xml"):
                data = _clean_word_part(name, data, node_edits.get(name, {}), replacer)
            zout.writestr(zin.getinfo(name), data)
    return tuple(warnings)


class _Replacer:
    """Replaces original values (any script, full-width folded) by their same-length masks."""

    def __init__(self, pairs: dict[str, str]) -> None:
        self.pairs: dict[str, str] = {}
        for value, rep in pairs.items():
            if len(value) != len(rep) or not value.strip():
                continue
            for v in {value, to_simplified(value), to_traditional(value)}:
                self.pairs.setdefault(normalize_width(v), rep)
        alternatives = sorted(self.pairs, key=len, reverse=True)  # longest first: 张三丰 before 张三
        # a lookahead finds overlapping occurrences too (张三 and 三丰 inside 张三丰)
        self.pattern = (
            re.compile("(?=(" + "|".join(map(re.escape, alternatives)) + "))") if alternatives else None
        )

    def spans(self, text: str) -> list[tuple[int, str]]:
        """(offset, replacement character) for every character of every occurrence."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(normalize_width(text)):
            value, rep = m.group(1), self.pairs[m.group(1)]
            out.extend((m.start() + k, rep[k]) for k in range(len(value)) if value[k] != rep[k])
        return out

    def string(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        chars = list(text)
        for k, c in self.spans(text):
            chars[k] = c
        return "".join(chars)

    def nodes(self, nodes: Iterable[etree._Element]) -> None:
        """Rewrite a paragraph's ``w:t`` nodes so no value survives across run boundaries."""
        nodes = list(nodes)
        texts = [n.text or "" for n in nodes]
        joined = "".join(texts)
        hits = self.spans(joined)
        if not hits:
            return
        owner, pos = [], []
        for k, t in enumerate(texts):
            owner += [k] * len(t)
            pos += range(len(t))
        chars = [list(t) for t in texts]
        for off, c in hits:
            chars[owner[off]][pos[off]] = c
        for n, cs in zip(nodes, chars, strict=True):
            n.text = "".join(cs)


def _dump(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:  # keep the tail text (formatting whitespace) attached to the previous node
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for k, child in enumerate(list(el)):
        parent.insert(index + k, child)
    _remove(el)


def _clean_word_part(name: str, data: bytes, edits: dict[int, dict[int, str]], replacer: _Replacer) -> bytes:
    root = parse_part(data)
    if edits:  # 1. layout edits on the original numbering of w:t nodes
        nodes = list(root.iter(W + "t"))
        for node, chars in edits.items():
            if node >= len(nodes):
                raise RedactionFailed("the DOCX layout does not match the package")
            text = list(nodes[node].text or "")
            for index, c in chars.items():
                if index >= len(text):
                    raise RedactionFailed("the DOCX layout does not match the package")
                text[index] = c
            nodes[node].text = "".join(text)
    # 2. accept tracked changes
    for el in list(root.iter(*(W + t for t in _ACCEPT_DROP))):
        parent = el.getparent()
        if el.tag == W + "del" and parent is not None and parent.tag == W + "trPr":
            row = parent.getparent()
            if row is not None and row.getparent() is not None:
                _remove(row)  # a deleted table row
                continue
        _remove(el)
    for el in list(root.iter(W + "ins", W + "moveTo")):
        if el.getparent() is not None and el.getparent().tag.endswith("Pr"):
            _remove(el)  # a marker on a paragraph mark or row
        else:
            _unwrap(el)
    for el in list(root.iter(*(W + t for t in (*_CHANGE_RECORDS, *_COMMENT_MARKS, "dataBinding")))):
        _remove(el)
    # 3. hidden runs and OLE objects
    for run in list(root.iter(W + "r")):
        rpr = run.find(W + "rPr")
        vanish = rpr.find(W + "vanish") if rpr is not None else None
        if vanish is not None and vanish.get(W + "val", "true").lower() not in _FALSE:
            _remove(run)
    for el in list(root.iter(W + "vanish", W + "specVanish", W + "object", O + "OLEObject")):
        _remove(el)
    if name == "word/settings.xml":
        for el in list(root.iter(*(W + t for t in _SETTINGS_DROP))):
            _remove(el)
    # 4. text safety net (paragraph by paragraph, so values split over runs are found)
    by_paragraph: dict[etree._Element, list[etree._Element]] = defaultdict(list)
    for t in root.iter(W + "t"):
        p = next((a for a in t.iterancestors(W + "p")), None)
        by_paragraph[p].append(t)
    for nodes in by_paragraph.values():
        replacer.nodes(nodes)
    for el in root.iter(W + "instrText", W + "delInstrText"):
        el.text = replacer.string(el.text or "")
    # 5. attributes: authors, picture descriptions, and any attribute that holds a value
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        for attr in list(el.attrib):
            attr_local = etree.QName(attr).localname
            if attr_local in _AUTHOR_ATTRS:
                del el.attrib[attr]
            elif attr_local in ("descr", "title") and local in ("docPr", "cNvPr"):
                del el.attrib[attr]
            elif attr_local in ("alt", "title") and el.tag.startswith(V):
                del el.attrib[attr]
            else:
                el.attrib[attr] = replacer.string(el.attrib[attr])
    for person in list(root.iter("{http://schemas.microsoft.com/office/word/2012/wordml}person")):
        _remove(person)
    return _dump(root)


def _rels_owner(name: str) -> str | None:
    """``word/_rels/comments.xml.rels`` → ``word/comments.xml``."""
    path = PurePosixPath(name)
    if path.parent.name != "_rels" or not name.endswith(".rels"):
        return None
    owner = path.parent.parent / path.name[: -len(".rels")]
    return str(owner).lstrip("./") if str(owner) != "." else None


def _resolve(rels_name: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    owner_dir = PurePosixPath(rels_name).parent.parent
    parts: list[str] = []
    for piece in (owner_dir / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _clean_rels(name: str, data: bytes, dropped: set[str], replacer: _Replacer) -> bytes:
    root = parse_part(data)
    for rel in list(root.iter(PKG_REL + "Relationship")):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            if DROP_REL_TYPES.search(rel.get("Type", "")):
                _remove(rel)
                continue
            clean = replacer.string(unquote(target))
            if clean != unquote(target):
                rel.set("Target", "#")  # the target held a redacted value (mailto:, a URL with an id)
        elif DROP_REL_TYPES.search(rel.get("Type", "")) or _resolve(name, target) in dropped:
            _remove(rel)
    return _dump(root)


def _clean_content_types(data: bytes, dropped: set[str]) -> bytes:
    root = parse_part(data)
    for el in list(root.iter(CT + "Override")):
        if el.get("PartName", "").lstrip("/") in dropped:
            _remove(el)
    return _dump(root)


def _blank_core(data: bytes) -> bytes:
    root = parse_part(data)
    for el in root:
        if etree.QName(el).localname not in ("created", "modified"):
            el.text = None
            for child in list(el):
                el.remove(child)
    return _dump(root)


def _blank_app(data: bytes) -> bytes:
    root = parse_part(data)
    for el in list(root):
        if etree.QName(el).localname in ("Company", "Manager", "HyperlinkBase", "Template", "TitlesOfParts"):
            if etree.QName(el).localname == "TitlesOfParts":
                root.remove(el)
            else:
                el.text = None
    for el in list(root):
        if etree.QName(el).localname == "HeadingPairs":
            root.remove(el)  # counts TitlesOfParts, which is gone
    return _dump(root)
