"""Retrain the attribute model with reviewer decisions; install it only if it is not worse on the dev set.

A thin helper of ``flows/retrain.py`` (no Prefect here, so tests call it directly). It reuses the
training script's own pieces (``models/train_attribute.py``: the synthetic base data, ``prepare``,
the candidate pipelines) and the classifier's loader, and scores old and new with the same
``Classifier`` (rules + model) on the labelled dev set ``bench/devset/classify/`` (never trained on).
The report holds accuracies and counts only.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redact.settings import PROJECT_ROOT, Settings

DEVSETS = (PROJECT_ROOT / "bench/devset/classify/dev.jsonl", PROJECT_ROOT / "bench/devset/classify/handwritten.jsonl")


def _training_script() -> Any:
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    import models.train_attribute as script

    return script


def dev_rows(paths: Sequence[Path] = DEVSETS) -> list[dict[str, Any]]:
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def dev_accuracy(model: Any, rows: list[dict[str, Any]]) -> float:
    """Accuracy of rules + ``model`` on the dev set (the way the product classifies)."""
    from redact.classify.classify import Classifier
    from redact.classify.rules import load_rules

    clf = Classifier(load_rules(), model)
    return sum(clf.classify_text(r["text"]).label == r["label"] for r in rows) / max(1, len(rows))


def retrain_attribute(
    settings: Settings,
    decisions: Sequence[tuple[str, str]],
    *,
    n_synthetic: int = 3000,
    seed: int = 7,
    devsets: Sequence[Path] = DEVSETS,
) -> dict[str, Any]:
    """Fit the shipped model's kind on synthetic base data + ``decisions`` (text, final label); install if not worse."""
    import joblib
    import sklearn

    from redact.classify.model import MODEL_FILE, AttributeModel, load_model

    script = _training_script()
    target = settings.models_dir / "attribute"
    old = load_model(settings.models_dir)
    kind = (old.meta.get("name") if old else None) or "char13-logreg"
    base = script.generate(n_synthetic, seed)
    texts = [script.prepare(r["text"]) for r in base] + [script.prepare(t) for t, _ in decisions]
    labels = [r["label"] for r in base] + [label for _, label in decisions]
    pipeline = script.CANDIDATES[kind]().fit(texts, labels)
    meta = {
        "name": kind,
        "labels": list(script.LABELS),
        "sklearn": sklearn.__version__,
        "trained_on": f"{n_synthetic} synthetic documents (seed {seed}) + {len(decisions)} reviewer decisions",
        "linear": script.linear_evidence(pipeline),
    }
    new = AttributeModel(pipeline=pipeline, meta=meta)
    rows = dev_rows(devsets)
    old_acc = dev_accuracy(old, rows) if old else dev_accuracy(None, rows)
    new_acc = dev_accuracy(new, rows)
    installed = new_acc >= old_acc
    if installed:
        target.mkdir(parents=True, exist_ok=True)
        if (target / MODEL_FILE).exists():
            shutil.copy2(target / MODEL_FILE, target / f"previous-{MODEL_FILE}")
        fd, tmp = tempfile.mkstemp(dir=target, suffix=".joblib")
        os.close(fd)
        joblib.dump({"pipeline": pipeline, "meta": meta}, tmp, compress=3)
        os.replace(tmp, target / MODEL_FILE)  # workers pick up the new model on their next run
    return {
        "model": "attribute",
        "kind": kind,
        "decisions": len(decisions),
        "synthetic": n_synthetic,
        "dev_documents": len(rows),
        "dev_accuracy_old": round(old_acc, 4),
        "dev_accuracy_new": round(new_acc, 4),
        "installed": installed,
        "status": "installed" if installed else "kept the old model (the new one is worse on the dev set)",
    }
