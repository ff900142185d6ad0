"""Acceptance: ``redact analyze samples/intake --json`` finds exactly the expected personal data.

``samples/expected.json`` lists, per sample, every entity {type, text, action} and the public strings
that must survive. PERSON and ADDRESS (the trained model in ``models/zh_ner``) are checked whenever
their recognizers are enabled in ``recognizers.yaml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redact.cli import app
from redact.detect.config import load_config

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "samples" / "expected.json"
ENABLED = {t for e in load_config().recognizers if e.enabled for t in e.entities}

pytestmark = pytest.mark.skipif(not EXPECTED.is_file(), reason="samples not generated yet")


@pytest.fixture(scope="module")
def analyzed(samples_dir: Path) -> dict[str, dict]:
    result = CliRunner().invoke(app, ["analyze", str(samples_dir), "--json"])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {Path(d["file"]).name: d | {"exit_code": result.exit_code} for d in lines}


def test_every_sample_is_analyzed_and_the_command_exits_0(analyzed):
    assert set(analyzed) == set(_expected())
    assert [(name, d["error"]) for name, d in analyzed.items() if d["error"]] == []
    assert {d["exit_code"] for d in analyzed.values()} == {0}


def _expected() -> dict[str, dict]:
    return json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.is_file() else {}


NAMES = {"PERSON", "ADDRESS"}


def _sets(analyzed: dict[str, dict], name: str, types: set[str]) -> tuple[set, set]:
    doc = analyzed[name]
    assert doc["error"] is None
    assert all(doc["text"][e["start"] : e["end"]] == e["text"] for e in doc["entities"])
    want = {(e["type"], e["text"], e["action"]) for e in _expected()[name]["entities"] if e["type"] in types}
    got = {(e["type"], e["text"], e["action"]) for e in doc["entities"] if e["type"] in types}
    return got, want


@pytest.mark.parametrize("name", sorted(_expected()))
def test_sample_identifiers_are_exactly_the_expected_ones(analyzed, name):
    got, want = _sets(analyzed, name, ENABLED - NAMES)
    assert got == want


@pytest.mark.parametrize("name", sorted(_expected()))
def test_every_reported_name_or_address_is_expected_with_its_action(analyzed, name):
    """Precision and policy (official roles keep, private people redact) for PERSON and ADDRESS."""
    got, want = _sets(analyzed, name, ENABLED & NAMES)
    assert got <= want


@pytest.mark.parametrize("name", sorted(_expected()))
def test_every_expected_name_or_address_is_found(analyzed, name):
    got, want = _sets(analyzed, name, ENABLED & NAMES)
    assert want <= got


@pytest.mark.parametrize("name", sorted(_expected()))
def test_no_public_string_is_marked_redact(analyzed, name):
    doc = analyzed[name]
    text = doc["text"]
    redacted = [(e["start"], e["end"]) for e in doc["entities"] if e["action"] == "redact"]
    for public in _expected()[name]["public_strings"]:
        start = text.find(public)
        while start >= 0:
            end = start + len(public)
            assert not any(s < end and start < e for s, e in redacted), public
            start = text.find(public, start + 1)
