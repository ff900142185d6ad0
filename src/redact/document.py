"""The types every stage shares: a ``Document`` flows intake → extract → detect → classify → review → publish.

Each stage returns ``dataclasses.replace(doc, ...)`` and never mutates what it got.
Offsets are Python code points into ``Document.text`` (shared/docs/contract.md).
``text`` fields are ``repr=False`` so tracebacks and logs never show personal data.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

Format = Literal["pdf", "docx", "txt"]
Script = Literal["simplified", "traditional", "mixed"]
Label = Literal["public", "on_request", "non_public"]
Action = Literal["redact", "keep"]

#: Every entity type of the contract; add new ones only with a new name.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "CN_RESIDENT_ID",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "ADDRESS",
    "BANK_CARD",
    "PASSPORT",
    "HK_ID",
    "MO_ID",
    "TW_ID",
    "TRAVEL_PERMIT",
    "LICENSE_PLATE",
    "DATE_OF_BIRTH",
    "SOCIAL_ACCOUNT",
    "IP_ADDRESS",
    "CN_USCC",
)

LABEL_ZH: dict[str, str] = {"public": "主动公开", "on_request": "依申请公开", "non_public": "不予公开"}


# --- where a character came from (one per character of ``Document.text``; None for separators we inserted) ---


class PdfChar(NamedTuple):
    """A glyph on a PDF page: 1-based page, bbox in pdfplumber's top-left coordinates (points)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class DocxChar(NamedTuple):
    """A character inside a DOCX ``w:t`` (or ``w:delText``-free) node.

    ``part`` is the zip member (``word/document.xml``), ``paragraph`` the index of the ``w:p`` in
    document order within that part, ``node`` the index of the ``w:t`` within that part (document
    order, as ``part_root.iter(w:t)`` yields them) and ``index`` the code-point index inside the node text.
    """

    part: str
    paragraph: int
    node: int
    index: int


class TxtChar(NamedTuple):
    """A character of a plain-text file: 1-based line and column (code points)."""

    line: int
    column: int


CharRef = PdfChar | DocxChar | TxtChar


@dataclass(frozen=True, slots=True)
class Page:
    """One page (PDF) or the whole file (DOCX, TXT): ``text[start:end]`` is its text."""

    number: int
    start: int
    end: int
    width: float | None = None
    height: float | None = None
    needs_ocr: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """A piece of detected (or reviewer-added) data at ``text[start:end]``."""

    type: str
    start: int
    end: int
    text: str = field(repr=False)
    score: float
    recognizer: str
    action: Action = "redact"
    reason: str = "S15-PRIVACY"
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Reason:
    """One ground for the attribute suggestion: a reason code, its legal basis and evidence span."""

    code: str
    basis: str
    evidence: str = field(repr=False)
    start: int | None = None
    end: int | None = None
    label: Label | None = None
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Attribute:
    """The suggested disclosure attribute with its reasons (contract ``attribute`` block)."""

    label: Label
    confidence: float
    doc_type: str | None
    declared: Label | None
    conflict: bool
    reasons: tuple[Reason, ...] = ()
    category: str | None = None
    needs_redaction: bool = False
    explanation: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["reasons"] = [asdict(r) for r in self.reasons]
        extra = d.pop("extra")
        d.update(extra)
        return d


@dataclass(frozen=True, slots=True)
class Document:
    """An extracted document and everything later stages learnt about it."""

    sha256: str
    source: str
    format: Format
    text: str = field(repr=False)
    layout: tuple[CharRef | None, ...] = field(repr=False, default=())
    pages: tuple[Page, ...] = ()
    script: Script = "simplified"
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    tracked_changes: bool = False
    entities: tuple[Entity, ...] = ()
    attribute: Attribute | None = None

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def needs_ocr(self) -> bool:
        return any(p.needs_ocr for p in self.pages)

    @property
    def norm_text(self) -> str:
        """``text`` with full-width ASCII folded 1:1 (same length, same offsets) for detection."""
        return normalize_width(self.text)

    def page_of(self, offset: int) -> int | None:
        for p in self.pages:
            if p.start <= offset < p.end or (p.start == p.end == offset):
                return p.number
        return self.pages[-1].number if self.pages and offset >= self.pages[-1].end else None

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        """The contract's JSON object for this document (``redact analyze --json``)."""
        d: dict[str, Any] = {
            "file": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "script": self.script,
            "pages": self.page_count,
            "chars": len(self.text),
        }
        if with_text:
            d["text"] = self.text
        if self.encoding:
            d["encoding"] = self.encoding
        d["needs_ocr"] = [p.number for p in self.pages if p.needs_ocr]
        d["tracked_changes"] = self.tracked_changes
        d["warnings"] = list(self.warnings)
        if self.attribute is not None:
            d["attribute"] = self.attribute.to_dict()
        d["entities"] = [e.to_dict() for e in self.entities]
        d["error"] = None
        return d


_FW_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FW_TABLE[0x3000] = 0x20  # ideographic space


def normalize_width(text: str) -> str:
    """Fold full-width ASCII (U+FF01–FF5E) and the ideographic space to ASCII, 1:1 in length."""
    return text.translate(_FW_TABLE)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
