"""Each sample in samples/intake gets the attribute samples/expected.json says a reviewer decides.

Runs the real extractor (PDF/DOCX/TXT, GB18030/Big5) and then the classifier, as the pipeline does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redact.classify import build_classifier

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_PATH = ROOT / "samples" / "expected.json"
EXPECTED: dict[str, dict] = (
    json.loads(EXPECTED_PATH.read_text(encoding="utf-8")) if EXPECTED_PATH.is_file() else {}
)
CLF = build_classifier()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_gets_the_expected_attribute(name: str, samples_dir: Path) -> None:
    from redact.extract import extract

    want = EXPECTED[name]
    doc = CLF.classify(extract(samples_dir / name))
    attr = doc.attribute
    assert attr is not None
    assert (attr.label, attr.declared, attr.conflict) == (
        want["attribute"],
        want["declared"],
        want["conflict"],
    )
    for r in attr.reasons:
        assert r.start is not None and doc.text[r.start : r.end] == r.evidence
