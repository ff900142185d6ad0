"""Invariants of every suggestion, checked over the whole labelled dev set (both scripts).

Accuracy lives in bench/eval_classify.py; these are the properties that must hold for every
document, whatever the label: offsets, citations, the issue's 100% checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from redact.classify import build_classifier
from redact.zh import to_simplified

DEV = Path(__file__).resolve().parents[2] / "bench" / "devset" / "classify"
ROWS = [
    json.loads(line)
    for f in sorted(DEV.glob("*.jsonl"))
    for line in f.read_text(encoding="utf-8").splitlines()
]
ARTICLE = re.compile(r"第[一二三四五六七八九十]+条")
SECRET = re.compile(r"(绝密|机密|秘密)\s*★")
CLF = build_classifier()


@pytest.fixture(scope="module")
def results() -> list[tuple[dict, object]]:
    return [(r, CLF.classify_text(r["text"])) for r in ROWS]


def test_devset_is_large_enough_and_has_both_scripts() -> None:
    assert len(ROWS) >= 80
    assert {r["script"] for r in ROWS} == {"simplified", "traditional"}


def test_every_evidence_is_the_text_at_its_offsets(results) -> None:
    for row, attr in results:
        for r in attr.reasons:
            assert row["text"][r.start : r.end] == r.evidence, row["id"]


def test_every_withheld_suggestion_cites_an_article_and_evidence(results) -> None:
    for row, attr in results:
        if attr.label != "public":
            assert any(
                r.label == attr.label and ARTICLE.search(r.basis) and r.evidence for r in attr.reasons
            ), row["id"]


def test_secret_marks_and_requests_are_always_non_public(results) -> None:
    for row, attr in results:
        if SECRET.search(to_simplified(row["text"])) or row["doc_type"] == "请示":
            assert attr.label == "non_public", row["id"]


def test_public_notices_penalties_and_annual_reports_are_never_non_public(results) -> None:
    for row, attr in results:
        if row["doc_type"] in {"公告", "通告", "公报", "行政处罚决定书", "年度报告", "命令"}:
            assert attr.label != "non_public", row["id"]


def test_non_public_suggestions_carry_a_review_date_and_annotation(results) -> None:
    for _, attr in results:
        assert attr.extra["annotation"] in ("（此件公开发布）", "（此件依申请公开）", "（此件不予公开）")
        assert (attr.extra["review_date"] is not None) == (attr.label == "non_public")
