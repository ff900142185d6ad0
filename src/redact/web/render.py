"""Turn a document and its spans into segments the template can highlight without touching offsets.

Every segment carries ``start`` (a code-point offset into the text), so the browser computes a
selection's offsets from ``data-start`` plus the code points before the caret, never from the
selected string alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from redact.review.store import ReviewDetail, masked_preview

try:  # the publish stage's masking policy, when that stage is installed
    from redact.publish.masking import mask_value
except ImportError:  # pragma: no cover - fallback: ■ per character
    mask_value = None


@dataclass(slots=True)
class Segment:
    start: int
    text: str
    entity_ids: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    manual: bool = False
    evidence: bool = False

    @property
    def css(self) -> str:
        classes = ["seg"]
        if self.entity_ids:
            classes += ["ent", f"t-{self.types[0]}", f"s-{self.states[0]}"]
        if self.manual:
            classes.append("manual")
        if self.evidence:
            classes.append("evidence")
        return " ".join(classes)


def segments(detail: ReviewDetail) -> list[Segment]:
    """Cut the text at every entity, manual-redaction and evidence boundary."""
    text = detail.document.text
    evidence = [
        (r["start"], r["end"])
        for r in (detail.attribute.reasons if detail.attribute else [])
        if isinstance(r.get("start"), int) and isinstance(r.get("end"), int)
    ]
    spans = [(e.start, e.end) for e in detail.entities] + [(m.start, m.end) for m in detail.manual] + evidence
    cuts = sorted({0, len(text), *(p for s in spans for p in s if 0 <= p <= len(text))})
    out = []
    for a, b in pairwise(cuts):
        seg = Segment(start=a, text=text[a:b])
        for e in detail.entities:
            if e.start <= a and b <= e.end:
                seg.entity_ids.append(e.id)
                seg.types.append(e.type)
                seg.states.append(e.state)
        seg.manual = any(m.start <= a and b <= m.end for m in detail.manual)
        seg.evidence = any(s <= a and b <= e for s, e in evidence)
        out.append(seg)
    return out


def preview(detail: ReviewDetail, policy: str = "local") -> str:
    """The text as it would be published now: suggestions not rejected with action redact + manual ones."""
    text = detail.document.text
    targets = [(e.type, e.start, e.end) for e in detail.entities if e.action == "redact" and e.state != "rejected"]
    targets += [(m.type, m.start, m.end) for m in detail.manual]
    if mask_value is None:
        return masked_preview(text, [(s, e) for _, s, e in targets])
    chars = list(text)
    for etype, start, end in targets:
        replacement = mask_value(etype, text[start:end], policy).replacement
        for pos, ch in enumerate(replacement, start):
            # only removed characters are written, so overlapping spans never un-mask each other
            if ch != text[pos] and text[pos] not in "\n\r":
                chars[pos] = ch
    return "".join(chars)
