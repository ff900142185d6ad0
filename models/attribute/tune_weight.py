"""Choose ``redact.classify.classify.MODEL_WEIGHT`` on the training data, not the dev set.

Out-of-fold (leave-templates-out) model probabilities on the synthetic training set, combined with
the rules at several weights; prints the accuracy per weight. Result recorded in README.md.

    .venv/bin/python models/attribute/tune_weight.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from synth import generate  # noqa: E402
from train_attribute import CANDIDATES, prepare  # noqa: E402

import redact.classify.classify as classify_module  # noqa: E402
from redact.classify.model import AttributeModel  # noqa: E402
from redact.classify.rules import load_rules  # noqa: E402

WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def main() -> None:
    rows = generate(3000, 7)
    texts = [prepare(r["text"]) for r in rows]
    labels = np.array([r["label"] for r in rows])
    groups = [r["template"] for r in rows]
    rules = load_rules()
    hits: dict[float, list[bool]] = {w: [] for w in WEIGHTS}
    for tr, va in GroupKFold(n_splits=4).split(texts, labels, groups=groups):
        pipe = CANDIDATES["char13-logreg"]().fit([texts[i] for i in tr], labels[tr])
        clf = classify_module.Classifier(rules, AttributeModel(pipe, {}))
        for w in WEIGHTS:
            classify_module.MODEL_WEIGHT = w
            hits[w] += [clf.classify_text(rows[i]["text"]).label == rows[i]["label"] for i in va]
    for w in WEIGHTS:
        print(f"MODEL_WEIGHT={w}: unseen-template accuracy {np.mean(hits[w]):.4f}")


if __name__ == "__main__":
    main()
