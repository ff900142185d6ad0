"""Publish stage: write a truly redacted copy and prove it with the leak gate.

``redact_file`` is the one entry point (CLI ``redact redact``, the publish flow, benchmarks):
mask every entity (``masking.py``), write the format's copy to a temporary file next to the
output, run the independent leak gate (``leakcheck.py``) on it, and only then move it into
place. A gate hit removes the temporary file and raises ``LeakGateFailed`` (counts only).
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redact.document import Document, Entity
from redact.errors import EncryptedFile, LeakGateFailed, RedactError, RedactionFailed, UnsupportedFormat
from redact.publish import leakcheck
from redact.publish.masking import BOX, Mask, mask_entity, needles

log = logging.getLogger(__name__)

__all__ = ["RedactionResult", "redact_file"]


@dataclass(frozen=True)
class RedactionResult:
    """What was written: counts per type, the mask policy per type, the gate verdict."""

    output: Path
    redacted: int
    by_type: dict[str, int]
    leak_check: str
    masks: dict[str, str]
    rasterized_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    gate_checks: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "output": str(self.output),
            "redacted": self.redacted,
            "by_type": dict(self.by_type),
            "leak_check": self.leak_check,
            "masks": dict(self.masks),
            "rasterized_pages": list(self.rasterized_pages),
            "warnings": list(self.warnings),
            **self.extra,
        }


@dataclass
class _Plan:
    """Per-character edits for all entities of one document."""

    edits: dict[int, str] = field(default_factory=dict)  # doc offset → replacement character
    removed: set[int] = field(default_factory=set)  # offsets whose character is removed
    needles: set[str] = field(default_factory=set)
    removed_chars: set[str] = field(default_factory=set)
    pairs: dict[str, str] = field(default_factory=dict)  # original value → masked value
    by_type: Counter = field(default_factory=Counter)
    masks: dict[str, str] = field(default_factory=dict)
    propagated: int = 0  # further occurrences of removed values the detector did not report


def plan(doc: Document, entities: Sequence[Entity], masking: str) -> _Plan:
    p = _Plan()
    masks: dict[str, Mask] = {}
    for e in entities:
        if not (0 <= e.start < e.end <= len(doc.text)) or doc.text[e.start : e.end] != e.text:
            raise RedactionFailed("an entity does not match the document text (offsets out of date)")
        m: Mask = mask_entity(e, masking)
        _apply(p, doc.text, e.start, m)
        p.needles |= needles(e.text, m)
        p.pairs[e.text] = m.replacement
        masks.setdefault(e.text, m)
        p.by_type[e.type] += 1
        p.masks.setdefault(e.type, m.policy)
    _propagate(p, doc.text, masks)
    return p


def _apply(p: _Plan, text: str, start: int, m: Mask) -> None:
    for s, t in m.removed:
        for k in range(start + s, start + t):
            p.edits[k] = m.replacement[k - start]
            p.removed.add(k)
            p.removed_chars.add(text[k])


_ALNUM = re.compile(r"[0-9A-Za-z]")
_SPACE = re.compile(r"\s+")


def _propagate(p: _Plan, text: str, masks: dict[str, Mask]) -> None:
    """Remove every other occurrence of a removed value (or of a needle piece such as an id's birth
    date) that the detector missed: a name repeated in a footnote, an id that a narrow table cell
    wrapped over two lines. Whitespace is ignored when matching, as the leak gate ignores it: the
    gate would refuse the copy otherwise.

    An exact repeat gets the value's own mask; anything else gets its non-space characters and the
    runs of letters and digits it touches removed (``■`` per character).
    """
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[i] for i in keep)
    for needle in sorted(p.needles, key=len, reverse=True):
        target = _SPACE.sub("", needle)
        if len(target) < 2:
            continue
        at = compact.find(target)
        while at != -1:
            start, end = keep[at], keep[at + len(target) - 1] + 1
            at = compact.find(target, at + len(target))
            m = masks.get(needle)
            if text[start:end] == needle and m is not None:
                if _covered_by_mask(p, start, m):
                    continue
                _apply(p, text, start, m)
            else:
                span = [k for k in range(start, end) if not text[k].isspace()]
                if all(k in p.removed for k in span):
                    continue
                while start > 0 and _ALNUM.match(text[start - 1]) and _ALNUM.match(text[start]):
                    start -= 1
                while end < len(text) and _ALNUM.match(text[end]) and _ALNUM.match(text[end - 1]):
                    end += 1
                for k in range(start, end):
                    if not text[k].isspace():
                        p.edits[k] = BOX
                        p.removed.add(k)
                        p.removed_chars.add(text[k])
            p.propagated += 1


def _covered_by_mask(p: _Plan, start: int, m: Mask) -> bool:
    """True when this occurrence already carries its value's partial mask (kept characters stay)."""
    return all(start + k in p.removed for s, t in m.removed for k in range(s, t))


def redact_file(
    source: Path,
    doc: Document,
    entities: Sequence[Entity],
    output: Path,
    *,
    masking: str = "local",
    txt_encoding: str = "utf-8",
) -> RedactionResult:
    """Write a redacted copy of ``source`` (extracted as ``doc``) to ``output``, leak-gated."""
    source, output = Path(source), Path(output)
    if output.exists() and output.samefile(source):
        raise RedactionFailed("the output path is the original file", hint="originals are never modified")
    p = plan(doc, entities, masking)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".redact-", suffix=f".{doc.format}", dir=output.parent)
    os.close(fd)
    tmp = Path(name)
    rasterized: tuple[int, ...] = ()
    extra: dict[str, object] = {}
    warnings: tuple[str, ...] = ()
    try:
        if doc.format == "pdf":
            from redact.publish.pdf import redact_pdf

            try:
                outcome = redact_pdf(source, doc, p.removed, tmp)
            except Exception as exc:  # anything the glyph path trips on: the all-pixels copy is the fallback
                if isinstance(exc, EncryptedFile):
                    raise
                log.info("publish: glyph path failed (%s); rasterizing all pages", type(exc).__name__)
                outcome = _rasterize_all(source, doc, p.removed, tmp)
            rasterized = outcome.rasterized_pages
            if doc.needs_ocr:
                pages = ",".join(str(pg.number) for pg in doc.pages if pg.needs_ocr)
                warnings = (f"pages without a text layer were not inspected (need OCR): {pages}",)
            report = _gate(tmp, doc.format, p, txt_encoding)
            if not report.passed:  # e.g. a font shared with an untouched page: rasterize everything
                log.info("publish: gate refused the mixed copy (%s); rasterizing all pages", report.summary())
                outcome = _rasterize_all(source, doc, p.removed, tmp)
                rasterized = outcome.rasterized_pages
                report = _gate(tmp, doc.format, p, txt_encoding)
            extra["glyph_pages"] = list(outcome.glyph_pages)
        elif doc.format == "docx":
            from redact.publish.docx import redact_docx

            warnings = redact_docx(source, doc, p.edits, p.pairs, tmp)
            report = _gate(tmp, doc.format, p, txt_encoding)
        elif doc.format == "txt":
            from redact.publish.txt import redact_txt

            redact_txt(source, doc, p.edits, tmp, encoding=txt_encoding)
            report = _gate(tmp, doc.format, p, txt_encoding)
        else:
            raise UnsupportedFormat()
        if not report.passed:
            output.unlink(missing_ok=True)
            raise LeakGateFailed(report.summary())
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    log.info(
        "publish: %s redacted %d values (%s), %s",
        doc.sha256[:12],
        sum(p.by_type.values()),
        ",".join(sorted(p.by_type)),
        report.summary(),
    )
    return RedactionResult(
        output=output,
        redacted=sum(p.by_type.values()),
        by_type=dict(p.by_type),
        leak_check="passed",
        masks=p.masks,
        rasterized_pages=rasterized,
        warnings=warnings,
        gate_checks=len(report.checks),
        extra={**extra, "propagated": p.propagated},
    )


def _rasterize_all(source: Path, doc: Document, removed: set[int], tmp: Path):
    """Every page from pixels; a failure here means the file cannot be redacted safely."""
    from redact.publish.pdf import redact_pdf

    try:
        return redact_pdf(source, doc, removed, tmp, rasterize_all=True)
    except RedactError:
        raise
    except Exception as exc:
        raise RedactionFailed(f"the PDF could not be rasterized ({type(exc).__name__})") from exc


def _gate(path: Path, fmt: str, p: _Plan, encoding: str) -> leakcheck.LeakReport:
    try:
        return leakcheck.check_file(path, fmt, p.needles, removed_chars=p.removed_chars, encoding=encoding)
    except Exception as exc:  # an output the gate cannot read is not proven clean: refuse it
        log.info("publish: the leak gate could not read the output (%s)", type(exc).__name__)
        return leakcheck.LeakReport(fmt, problems=Counter({"unreadable output": 1}))
