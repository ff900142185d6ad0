"""Documents/s for classification alone (rules + model, no extraction/detection) on one core.

.venv/bin/python bench/classify.py   → bench/results/classify_speed.json   (target ≥ 200 docs/s)
"""

# ruff: noqa: E402  (sys.path is fixed before the imports below)
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
import sys
from pathlib import Path

# bench/redact.py (another benchmark) would shadow the package when run as a script
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


import argparse
import json
import platform
import statistics
import time

from redact.classify import build_classifier
from redact.classify.classify import Classifier
from redact.classify.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def rate(clf: Classifier, texts: list[str], repeats: int) -> tuple[float, list[float]]:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for t in texts:
            clf.classify_text(t)
        runs.append(len(texts) / (time.perf_counter() - t0))
    return max(runs), runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--devset", type=Path, default=ROOT / "bench/devset/classify/dev.jsonl")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/results/classify_speed.json")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = [
        json.loads(line)["text"] for line in args.devset.read_text(encoding="utf-8").splitlines() if line
    ]
    full = build_classifier()
    full.classify_text(texts[0])  # warm-up (OpenCC, regex compilation)
    best, runs = rate(full, texts, args.repeats)
    rules_best, _ = rate(Classifier(load_rules(), None), texts, args.repeats)
    # real drafts are longer than the dev documents: also time ~1,500-character documents
    longer = ["\n".join(texts[(i + k) % len(texts)] for k in range(12)) for i in range(len(texts))]
    long_best, _ = rate(full, longer, args.repeats)
    result = {
        "documents": len(texts),
        "mean_chars": round(statistics.mean(len(t) for t in texts)),
        "docs_per_s_one_core": round(best, 1),
        "docs_per_s_runs": [round(r, 1) for r in runs],
        "rules_only_docs_per_s": round(rules_best, 1),
        "long_documents_mean_chars": round(statistics.mean(len(t) for t in longer)),
        "long_documents_docs_per_s_one_core": round(long_best, 1),
        "target_docs_per_s": 200,
        "meets_target": best >= 200 and long_best >= 200,
        "model": full.model.meta.get("name") if full.model else None,
        "note": "best of repeats on one pinned core; the machine is shared, so the median is noisier",
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
