"""A candidate span found by a rule or the model, before it becomes a Presidio result."""

from __future__ import annotations

from dataclasses import dataclass

#: Scores: model and rule agree > context-triggered rule > grammar alone / model alone.
SCORE_AGREE = 0.95
SCORE_RULE = 0.85
#: Below the engine threshold (0.5) on purpose: an unlabelled street address is as often the agency's
#: own (来信请寄：…大道88号) as a person's; it is reported only when the model agrees.
SCORE_GRAMMAR = 0.4
#: ... but a street address down to a flat, a building unit or a village group is a home.
SCORE_GRAMMAR_HOME = 0.65
SCORE_MODEL = 0.6
#: Unlabelled names found by the words around them (走访了…, …家住, 请与…联系) or a transliteration.
SCORE_FRAME = 0.7


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` is a name or an address; ``source`` says which rule or model found it."""

    start: int
    end: int
    label: str
    score: float
    source: str


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def merge(rule_spans: list[Span], model_spans: list[Span]) -> list[Span]:
    """Rule spans win on boundaries; a model span that overlaps a rule span raises its score.

    Model spans nobody else found are kept with the medium model score; overlapping spans of the
    same label are resolved longest-first so each character is reported once.
    """
    out: list[Span] = []
    for r in rule_spans:
        agree = any(overlaps(r, m) and m.label == r.label for m in model_spans)
        out.append(
            Span(
                r.start,
                r.end,
                r.label,
                max(r.score, SCORE_AGREE) if agree else r.score,
                r.source + ("+model" if agree else ""),
            )
        )
    for m in model_spans:
        if not any(overlaps(m, r) and m.label == r.label for r in rule_spans):
            out.append(m)
    out.sort(key=lambda s: (-(s.end - s.start), -s.score, s.start))
    kept: list[Span] = []
    for s in out:
        if not any(overlaps(s, k) and s.label == k.label for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end))
