"""Names and home addresses in Chinese text: rules (surnames, labels, titles, address grammar)
combined with our trained spaCy model (``models/zh_ner``).

``find_entities`` is the one entry point both Presidio recognizers use; its result is cached per
text so the model reads a document once even though two recognizers ask.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from redact.detect.names.address_rules import find_addresses, has_fine_unit, is_office_address, strip_label
from redact.detect.names.model import default_model_path, load_model, model_spans
from redact.detect.names.person_rules import find_persons, is_anonymised, plausible_name, trim_name_end
from redact.detect.names.spans import Span, merge
from redact.detect.names.surnames import COMPOUND
from redact.errors import ModelMissing
from redact.zh import to_simplified

__all__ = ["Span", "default_model_path", "find_entities", "load_model", "model_available"]

log = logging.getLogger(__name__)


def model_available(path: Path) -> bool:
    try:
        load_model(path)
    except ModelMissing:
        return False
    return True


def _keep_model_span(text: str, s: Span) -> bool:
    """The model proposes; these checks veto what the rules know is never personal data."""
    value = text[s.start : s.end]
    if s.label == "PERSON":
        return plausible_name(value) and not is_anonymised(text, s.start, s.end)
    return has_fine_unit(value) and len(value) >= 5 and not is_office_address(text, s.start)


def _trim(text: str, s: Span) -> Span:
    """Model boundaries, corrected: no label inside an address, no next word or half surname in a name."""
    if s.label == "ADDRESS":
        return Span(strip_label(text, s.start, s.end), s.end, s.label, s.score, s.source)
    start = s.start - 1 if s.start and text[s.start - 1 : s.start + 1] in COMPOUND else s.start  # 范|姜仪静
    return Span(start, trim_name_end(text, start, s.end), s.label, s.score, s.source)


@lru_cache(maxsize=8)
def _find(text: str, model_path: Path | None) -> tuple[Span, ...]:
    simp = to_simplified(text)
    rules = find_persons(simp) + find_addresses(simp)
    found: list[Span] = []
    if model_path is not None:
        found = [_trim(simp, s) for s in model_spans(load_model(model_path), simp)]
        found = [s for s in found if _keep_model_span(simp, s)]
    return tuple(merge(rules, found))


def find_entities(text: str, model_path: Path | None) -> list[Span]:
    """PERSON and ADDRESS spans in ``text`` (Simplified or Traditional; offsets into ``text``).

    ``model_path=None`` runs the rules only.
    """
    return list(_find(text, model_path))
