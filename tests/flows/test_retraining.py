"""Retraining installs a new attribute model only when it is not worse on the dev set."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from redact.classify.model import MODEL_FILE, load_model
from redact.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A copy of the shipped attribute model, so the test never replaces the real one."""
    shutil.copytree(PROJECT_ROOT / "models" / "attribute", tmp_path / "models" / "attribute")
    return Settings(home=tmp_path, models_dir=tmp_path / "models")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_model_trained_with_sound_decisions_is_installed_and_the_old_one_kept_aside(settings: Settings) -> None:
    from flows.retraining import retrain_attribute

    model = settings.models_dir / "attribute" / MODEL_FILE
    before = _digest(model)
    decisions = [("榕江市市场监督管理局关于印发食品经营许可管理办法的通知\n本办法自2025年1月1日起施行。\n（此件主动公开）", "public")]

    report = retrain_attribute(settings, decisions, n_synthetic=400)

    assert report["decisions"] == 1 and report["dev_documents"] > 100
    assert report["dev_accuracy_new"] >= report["dev_accuracy_old"] and report["installed"] is True
    assert _digest(model) != before
    assert _digest(model.with_name(f"previous-{MODEL_FILE}")) == before
    assert load_model(settings.models_dir) is not None  # the installed model loads


def test_a_model_made_worse_by_wrong_decisions_is_not_installed(settings: Settings) -> None:
    from flows.retraining import _training_script, retrain_attribute

    flip = {"public": "non_public", "non_public": "public", "on_request": "public"}
    wrong = [(r["text"], flip[r["label"]]) for r in _training_script().generate(1200, seed=99)]
    model = settings.models_dir / "attribute" / MODEL_FILE
    before = _digest(model)

    report = retrain_attribute(settings, wrong, n_synthetic=300)

    assert report["dev_accuracy_new"] < report["dev_accuracy_old"] and report["installed"] is False
    assert _digest(model) == before


def test_a_name_model_that_is_not_better_is_not_installed_and_the_old_one_still_loads(tmp_path: Path) -> None:
    import spacy

    from flows.retraining import retrain_names
    from tests.conftest import require

    data = PROJECT_ROOT.parent / "shared" / "data" / "ner"
    require(data.is_dir(), "the NER base corpora (../shared/data/ner) are missing")
    shutil.copytree(PROJECT_ROOT / "models" / "zh_ner", tmp_path / "models" / "zh_ner")
    settings = Settings(home=tmp_path, models_dir=tmp_path / "models")
    before = _digest(settings.models_dir / "zh_ner" / "ner" / "model")
    text = "经办人：林晓梅\n住址：榕江市东湖区青年路88号3单元201室\n联系电话：12345"
    decisions = [(text, [(4, 7, "PERSON", True), (11, 30, "ADDRESS", True), (13, 16, "PERSON", False)])]

    report = retrain_names(settings, decisions, minutes=0.5, max_steps=20, base_sentences=300,
                           eval_sentences=100, data=data)

    assert report["decisions"] == 1 and report["gold_spans"] == 2
    assert 0.0 <= report["held_out_f_new"] < report["held_out_f_old"] and report["held_out_f_old"] > 0.3  # 20 steps
    assert report["installed"] is False
    assert _digest(settings.models_dir / "zh_ner" / "ner" / "model") == before
    assert "ner" in spacy.load(settings.models_dir / "zh_ner").pipe_names


def test_without_base_corpora_name_retraining_says_not_available(tmp_path: Path) -> None:
    from flows.retraining import retrain_names

    settings = Settings(home=tmp_path, models_dir=tmp_path / "models")
    report = retrain_names(settings, [], minutes=0.1, data=tmp_path / "missing")
    assert report["status"] == "not available: base corpora missing" and report["installed"] is False
