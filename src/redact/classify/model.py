"""The learned part: a calibrated char n-gram classifier shipped in ``models/attribute/``.

Rules decide the hard cases; this model weighs in where no hard or decisive rule fired.
The training script (``models/train_attribute.py``) and this loader share ``model_text`` so
that training and inference see the same input.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redact.errors import ModelMissing

log = logging.getLogger(__name__)

LABELS: tuple[str, ...] = ("public", "on_request", "non_public")
MODEL_FILE = "model.joblib"
#: Characters fed to the model: the start of a 公文 (版头, title, 主送, opening) and its end
#: (附注, 版记) carry the signal; the middle of long documents mostly adds time.
HEAD_CHARS = 1500
TAIL_CHARS = 300


def model_text(simplified: str) -> str:
    """The part of the (simplified, width-folded) text the model reads."""
    if len(simplified) <= HEAD_CHARS + TAIL_CHARS:
        return simplified
    return simplified[:HEAD_CHARS] + "\n" + simplified[-TAIL_CHARS:]


@dataclass
class AttributeModel:
    """A fitted scikit-learn pipeline (vectorizer → calibrated classifier) and its metadata."""

    pipeline: Any
    meta: dict[str, Any]

    @classmethod
    def load(cls, directory: Path) -> AttributeModel:
        path = directory / MODEL_FILE
        if not path.is_file():
            raise ModelMissing(f"attribute model not found ({MODEL_FILE})")
        import joblib

        blob = joblib.load(path)
        return cls(pipeline=blob["pipeline"], meta=blob.get("meta", {}))

    def proba(self, simplified: str) -> dict[str, float]:
        """P(label | text) for the three labels."""
        probs = self.pipeline.predict_proba([model_text(simplified)])[0]
        out = dict.fromkeys(LABELS, 1e-6)
        for label, p in zip(self.pipeline.classes_, probs, strict=True):
            out[str(label)] = float(p)
        return out

    def evidence(self, simplified: str, label: str) -> tuple[int, int] | None:
        """The span of the n-gram in the text that pushes most toward ``label`` (for explanations)."""
        vec = self.pipeline.named_steps.get("tfidf")
        linear = self.meta.get("linear")
        if vec is None or linear is None:
            return None
        coefs = linear.get(label)
        if not coefs:
            return None
        text = model_text(simplified)
        best: tuple[float, str] | None = None
        for gram in vec.build_analyzer()(text):
            w = coefs.get(gram)
            if w is not None and len(gram.strip()) >= 2 and (best is None or w > best[0]):
                best = (w, gram)
        if best is None or best[0] <= 0:
            return None
        start = simplified.find(best[1])
        return (start, start + len(best[1])) if start >= 0 else None


def load_model(models_dir: Path) -> AttributeModel | None:
    """The shipped model, or None (rules only) with a warning when it is missing."""
    try:
        return AttributeModel.load(models_dir / "attribute")
    except ModelMissing:
        log.warning("attribute model missing under models/attribute; classifying with rules only")
        return None


def log_odds(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p)
