"""Every rule in rules.yaml fires on its positive examples and not on its negative ones.

Examples are checked in both scripts: the rule file is written in Simplified Chinese and the
classifier converts Traditional input first (OpenCC t2s, offsets unchanged).
"""

from __future__ import annotations

import pytest

from redact.classify.classify import _fire, detect_doc_type, scopes
from redact.classify.rules import load_rules
from redact.classify.zones import split_zones
from redact.document import normalize_width
from redact.zh import to_simplified, to_traditional

RULES = load_rules()
CASES = [
    (rule.id, text, polarity)
    for rule in RULES.rules
    for polarity, texts in (("positive", rule.examples.positive), ("negative", rule.examples.negative))
    for text in texts
]


def fires(rule_id: str, text: str) -> bool:
    stext = normalize_width(to_simplified(text))
    zones = split_zones(stext)
    found = detect_doc_type(stext, zones, RULES.doc_types)
    return (
        _fire(RULES.rule(rule_id), stext, scopes(stext, zones), found[0].name if found else None) is not None
    )


@pytest.mark.parametrize(
    ("rule_id", "text", "polarity"), CASES, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)]
)
@pytest.mark.parametrize("script", ["as_written", "traditional"])
def test_rule_examples(rule_id: str, text: str, polarity: str, script: str) -> None:
    if script == "traditional":
        text = to_traditional(text)
    assert fires(rule_id, text) is (polarity == "positive")


def test_every_rule_has_positive_and_negative_examples() -> None:
    for rule in RULES.rules:
        assert rule.examples.positive and rule.examples.negative, rule.id


def test_the_rule_table_r1_to_r18_is_implemented() -> None:
    ids = {r.id.split("-")[0].rstrip("B") for r in RULES.rules} | {RULES.default.id}
    assert {f"R{i}" for i in range(1, 19)} <= ids
