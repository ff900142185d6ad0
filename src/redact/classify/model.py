"""The learned part: a calibrated char n-gram classifier shipped in ``models/attribute/``.

Rules decide the hard cases; this model weighs in where no hard or decisive rule fired.
The training script (``models/train_attribute.py``) and this loader share ``model_text`` so
that training and inference see the same input.
"""

from __future__ import annotations

import logging
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from redact.errors import ModelMissing

log = logging.getLogger(__name__)

LABELS: tuple[str, ...] = ("public", "on_request", "non_public")
MODEL_FILE = "model.joblib"
#: Characters fed to the model: the start of a 公文 (版头, title, 主送, opening) and its end
#: (附注, 版记) carry the signal; the middle of long documents mostly adds time.
HEAD_CHARS = 800
TAIL_CHARS = 200


def model_text(simplified: str) -> str:
    """The part of the (simplified, width-folded) text the model reads."""
    if len(simplified) <= HEAD_CHARS + TAIL_CHARS:
        return simplified
    return simplified[:HEAD_CHARS] + "\n" + simplified[-TAIL_CHARS:]


_SPACES = re.compile(r"\s\s+")


class FastLinear:
    """TF-IDF (char 1–3-grams, sublinear tf, l2) + multinomial logistic regression without the pipeline.

    Gives the same probabilities as ``pipeline.predict_proba`` (a test checks it) about ten
    times faster for one short document: scikit-learn's per-call overhead dominates there.
    """

    def __init__(self, vec: Any, clf: Any) -> None:
        import numpy as np

        self.lowercase = bool(vec.lowercase)
        self.ngram_range: tuple[int, int] = vec.ngram_range
        self.vocab: dict[str, int] = {str(k): int(v) for k, v in vec.vocabulary_.items()}
        self.idf = np.asarray(vec.idf_, dtype=np.float64)
        self.weights = np.ascontiguousarray(clf.coef_.T, dtype=np.float64)  # (features, classes)
        self.intercept = np.asarray(clf.intercept_, dtype=np.float64)
        self.classes = [str(c) for c in clf.classes_]

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> FastLinear | None:
        steps = getattr(pipeline, "named_steps", {})
        vec, clf = steps.get("tfidf"), steps.get("clf")
        ok = (
            vec is not None
            and getattr(vec, "analyzer", None) == "char"
            and getattr(vec, "sublinear_tf", False)
            and getattr(vec, "norm", None) == "l2"
            and vec.preprocessor is None
            and getattr(vec, "strip_accents", None) is None
            and tuple(vec.ngram_range) == (1, 3)
            and hasattr(clf, "coef_")
            and len(getattr(clf, "classes_", ())) > 2
        )
        return cls(vec, clf) if ok else None

    def grams(self, text: str) -> Counter[str]:
        """Character 1–3-gram counts, as scikit-learn's ``char`` analyzer produces them (C-speed)."""
        if self.lowercase:
            text = text.lower()
        text = _SPACES.sub(" ", text)
        counts = Counter(text)
        if len(text) >= 2:
            bigrams = list(map(operator.add, text, text[1:]))
            counts.update(bigrams)
            if len(text) >= 3:
                counts.update(map(operator.add, bigrams, text[2:]))
        return counts

    def proba(self, text: str) -> dict[str, float]:
        import numpy as np

        counts = self.grams(text)
        n = len(counts)
        cols = np.fromiter(map(self.vocab.get, counts.keys(), repeat(-1, n)), dtype=np.int64, count=n)
        tfs = np.fromiter(counts.values(), dtype=np.float64, count=n)
        known = cols >= 0
        cols, tfs = cols[known], tfs[known]
        z = self.intercept.copy()
        if cols.size:
            v = (1.0 + np.log(tfs)) * self.idf[cols]
            v /= np.sqrt(v @ v)
            z += v @ self.weights[cols]
        e = np.exp(z - z.max())
        e /= e.sum()
        return {c: float(e[i]) for i, c in enumerate(self.classes)}


@dataclass
class AttributeModel:
    """A fitted scikit-learn pipeline (vectorizer → classifier) and its metadata."""

    pipeline: Any
    meta: dict[str, Any]
    fast: FastLinear | None = None

    def __post_init__(self) -> None:
        if self.fast is None:
            self.fast = FastLinear.from_pipeline(self.pipeline)

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
        out = dict.fromkeys(LABELS, 1e-6)
        if self.fast is not None:
            out.update(self.fast.proba(model_text(simplified)))
            return out
        probs = self.pipeline.predict_proba([model_text(simplified)])[0]
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
        for gram in self.fast.grams(text) if self.fast is not None else vec.build_analyzer()(text):
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
