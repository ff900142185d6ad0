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
