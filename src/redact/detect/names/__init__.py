"""Names and home addresses in Chinese text: rules (surnames, labels, titles, address grammar)
combined with our trained spaCy model (``models/zh_ner``).

``find_entities`` is the one entry point both Presidio recognizers use; its result is cached per
text so the model reads a document once even though two recognizers ask.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from redact.detect.names.address_rules import find_addresses, has_fine_unit, is_office_address, strip_label
from redact.detect.names.lexicon import is_common_word
from redact.detect.names.model import default_model_path, load_model, model_spans
from redact.detect.names.person_rules import (
    find_persons,
    is_anonymised,
    plausible_name,
    trim_name_end,
)
from redact.detect.names.spans import Span, merge
from redact.detect.names.surnames import COMPOUND
from redact.detect.names.vocab import PERSON_TRIGGERS
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


#: dictionary frequency above which a word vetoes a model-only name (jieba counts)
WORD_VETO_FREQ = 1000
#: function characters that start a model span far more often as a word than as a rare surname (和, 及)
FUNCTION_CHARS = frozenset("和与及将在从对向被把为是就都也又并等的")
#: what follows a place or an organisation name, not a person's (市长, 村民, 队员 are people again)
_ORG_AFTER_RE = re.compile(
    r"市(?!长|委|民)|县(?!长|委)|省(?!长|委)|区(?!长|委)|镇(?!长)|村(?!民|委)|队(?!长|员)|公司|集团|学社|学会|同学会"
    r"|医院|大学|学院|酒店|宾馆|商场|广场|大厦|工厂|牌|杯赛"
)
#: labels that start with a surname character (陈情人, 申请人…): a model span at their start is the label
LABEL_WORDS = tuple(t for t in PERSON_TRIGGERS if len(t) >= 3)


def _starts_as_word(text: str, start: int, end: int) -> bool:
    """The span is or opens with a very frequent non-name word (普通, 韩国) or its first character ends
    one (世|纪中叶). Only very frequent words veto: the model sees context the rules do not, and a
    lighter check cost real names in news (派出|马晓春, 周一|良, 尉健行|李岚清)."""
    if text[start : start + 2] in COMPOUND:
        return False
    edge = text[start - 1 : start + 1] if start > 0 else ""
    return is_common_word(text[start : start + 2], WORD_VETO_FREQ, proper_nouns=end - start == 2) or (
        bool(edge) and is_common_word(edge, WORD_VETO_FREQ)
    )


def _keep_model_span(text: str, s: Span) -> bool:
    """The model proposes; these checks veto what the rules know is never personal data."""
    value = text[s.start : s.end]
    if s.label == "PERSON":
        if any(text.startswith(t, s.start) for t in LABEL_WORDS):  # 陈情|人 is a label, not 陈情
            return False
        if value[0] in FUNCTION_CHARS or _starts_as_word(text, s.start, s.end):
            return False  # 和贫困, 普通, 勤|劳勇敢, 世|纪中叶: words, not a name
        if _ORG_AFTER_RE.match(text, s.end):
            return False  # 胡志明|市, 张裕|公司, 马德里|队: part of a place or an organisation
        if value[0] == "曾" and is_common_word(text[s.start + 1 : s.start + 3], 200):
            return False  # 记者曾|采访, 教练曾|高兴地说: the adverb 曾 before a word
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
