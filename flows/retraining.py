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


#: Entity types the name model predicts; only reviewer spans of these types become gold.
NER_TYPES = ("PERSON", "ADDRESS")
NameDecision = tuple[str, Sequence[tuple[int, int, str, bool]]]


def _ner_modules() -> tuple[Any, Any, Any]:
    """``build_data``, ``callbacks`` (registers the time budget) and ``evaluate`` of ``models/ner``."""
    folder = str(PROJECT_ROOT / "models" / "ner")
    other = sys.modules.pop("synth", None)  # models/attribute has a ``synth`` module too
    sys.path.insert(0, folder)
    try:
        import build_data
        import callbacks
        import evaluate
    finally:
        sys.path.remove(folder)
        sys.modules.pop("synth", None)
        if other is not None:
            sys.modules["synth"] = other
    return build_data, callbacks, evaluate


def decision_examples(decisions: Sequence[NameDecision]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """One training example per non-empty line; gold = accepted PERSON/ADDRESS spans inside it."""
    from redact.document import normalize_width
    from redact.zh import to_simplified

    out = []
    for text, spans in decisions:
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            gold = sorted({(s - start, e - start, label) for s, e, label, ok in spans
                           if ok and label in NER_TYPES and start <= s < e <= end})
            if line.strip():
                out.append((to_simplified(normalize_width(line)), gold))  # both length-preserving
            start = end + 1
    return out


def _micro_f(scores: dict[str, Any]) -> float:
    tp = sum(round(v["recall"] * v["gold"]) for v in scores.values())
    gold = sum(v["gold"] for v in scores.values())
    predicted = sum(v["predicted"] for v in scores.values())
    return 2 * tp / (gold + predicted) if gold + predicted else 0.0


def retrain_names(
    settings: Settings,
    decisions: Sequence[NameDecision],
    *,
    minutes: float,
    max_steps: int | None = None,
    base_sentences: int = 3000,
    eval_sentences: int = 400,
    min_gain: float = 0.0,
    data: Path | None = None,
) -> dict[str, Any]:
    """Train ``zh_ner`` on a base corpus slice + reviewer spans; install it if its held-out F is not worse.

    ``decisions``: (text, [(start, end, label, accepted)]); rejected spans are simply not gold.
    The new model must beat the old one by ``min_gain`` (0 = "not worse") on the same held-out
    slice (MSRA test + synthetic test templates) to replace ``settings.models_dir / "zh_ner"``.
    """
    import itertools

    import spacy
    from spacy.cli.train import train

    build_data, callbacks, evaluate = _ner_modules()
    data = data or build_data.DEFAULT_DATA
    report: dict[str, Any] = {"model": "zh_ner", "decisions": len(decisions), "installed": False}
    if not data.is_dir():
        return report | {"status": "not available: base corpora missing"}
    target = settings.models_dir / "zh_ner"
    if not (target / "config.cfg").is_file():
        return report | {"status": "not available: no installed name model to compare with"}
    if not any(ok for _, spans in decisions for *_, ok in spans):
        return report | {"status": "skipped: no accepted reviewer name spans"}
    extra = decision_examples(decisions)
    msra = (build_data.normalise(x) for x in build_data.read_columns(data / "msra" / "train" / "train.txt"))
    base = list(itertools.islice(msra, base_sentences))
    dev = list(itertools.islice(msra, max(100, eval_sentences // 2)))
    synth = build_data.generate(base_sentences // 2, seed=1, variant="train")
    held_out = [build_data.normalise(x)
                for x in itertools.islice(build_data.read_msra_split(data / "msra" / "test"), eval_sentences)]
    held_out += build_data.generate(eval_sentences // 2, seed=99, variant="test")
    nlp = spacy.blank("zh")
    with tempfile.TemporaryDirectory(prefix="retrain-ner-") as tmp:
        work = Path(tmp)
        for name, examples in (("train", base + synth + extra * 3), ("dev", dev), ("test", held_out)):
            build_data.to_docbin(nlp, examples)[0].to_disk(work / f"{name}.spacy")
        steps = max_steps or 14000
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "training.before_update.minutes": minutes,
            "training.max_steps": steps,
            "training.eval_frequency": max(1, min(500, steps // 2)),
        }
        try:
            train(PROJECT_ROOT / "models" / "ner" / "config.cfg", work / "out", use_gpu=-1, overrides=overrides)
        except callbacks.TimeBudgetExceeded:
            pass  # the best checkpoint so far is on disk
        best = work / "out" / "model-best"
        if not (best / "config.cfg").exists():
            return report | {"status": "kept the old model (training stopped before its first evaluation)"}
        gold = evaluate.load_gold(work / "test.spacy", len(held_out))
        texts = [t for t, _ in gold]
        old_scores = evaluate.score(gold, evaluate.predict(texts, "model", target))
        new_scores = evaluate.score(gold, evaluate.predict(texts, "model", best))
        old_f, new_f = _micro_f(old_scores), _micro_f(new_scores)
        installed = new_f >= old_f + min_gain
        if installed:
            staged = target.with_name("zh_ner.new")
            shutil.rmtree(staged, ignore_errors=True)
            shutil.copytree(best, staged)
            previous = target.with_name("previous-zh_ner")
            shutil.rmtree(previous, ignore_errors=True)
            if target.exists():
                target.rename(previous)
            staged.rename(target)  # workers pick up the new model when they next start
    return report | {
        "gold_spans": sum(len(g) for _, g in extra),
        "train_sentences": len(base) + len(synth) + len(extra),
        "held_out_sentences": len(held_out),
        "held_out_f_old": round(old_f, 4),
        "held_out_f_new": round(new_f, 4),
        "installed": installed,
        "status": "installed" if installed else "kept the old model (the new one is not better enough on held-out)",
    }
