"""The shipped attribute model loads, and its fast path equals scikit-learn's own predict_proba."""

from __future__ import annotations

import pytest

from redact.classify.model import LABELS, AttributeModel, model_text
from redact.errors import ModelMissing
from redact.settings import Settings

TEXTS = [
    "关于申请追加办公经费的请示\n市财政局：\n妥否，请批示。",
    "關於召開工作例會的通知\n各科室：\n請準時參加。",
    "某市停车管理办法\n本办法自2025年1月1日起施行。" * 40,
    "",
]


@pytest.fixture(scope="module")
def model() -> AttributeModel:
    return AttributeModel.load(Settings().models_dir / "attribute")


def test_model_card_metadata_names_the_sklearn_version(model: AttributeModel) -> None:
    assert model.meta["sklearn"] and model.meta["name"] in model.meta["candidates"]


@pytest.mark.parametrize("text", TEXTS)
def test_fast_probabilities_equal_sklearn(model: AttributeModel, text: str) -> None:
    assert model.fast is not None
    fast = model.proba(text)
    slow = model.pipeline.predict_proba([model_text(text)])[0]
    for label, p in zip(model.pipeline.classes_, slow, strict=True):
        assert fast[str(label)] == pytest.approx(p, abs=1e-9)
    assert set(fast) == set(LABELS) and sum(fast.values()) == pytest.approx(1.0)


def test_missing_model_is_a_typed_error(tmp_path) -> None:
    with pytest.raises(ModelMissing):
        AttributeModel.load(tmp_path)
