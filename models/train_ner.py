"""Rebuild the name/address model ``models/zh_ner`` from scratch (one command, offline, one core).

    .venv/bin/python models/train_ner.py            # build data, train, evaluate, install
    .venv/bin/python models/train_ner.py --minutes 10 --skip-data   # quicker retrain

Steps: ``models/ner/build_data.py`` writes the corpora (gitignored) → ``spacy train`` with
``models/ner/config.cfg`` under a time budget → the best checkpoint (by dev F) is copied to
``models/zh_ner`` → ``models/ner/evaluate.py`` writes ``bench/results/ner.json``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE / "ner"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=40.0, help="training time budget")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--skip-data", action="store_true", help="reuse models/ner/corpus")
    ap.add_argument("--skip-eval", action="store_true")
    ap.add_argument("--out", type=Path, default=HERE / "zh_ner")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the machine is shared

    import build_data
    import callbacks
    from spacy.cli.train import train

    corpus = HERE / "ner" / "corpus"
    if not args.skip_data or not (corpus / "train.spacy").exists():
        build_data.build(build_data.DEFAULT_DATA, corpus)
    work = HERE / "ner" / "training-data" / "output"
    overrides = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "training.before_update.minutes": args.minutes,
    }
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    t0 = time.monotonic()
    try:
        train(HERE / "ner" / "config.cfg", work, use_gpu=-1, overrides=overrides)
    except callbacks.TimeBudgetExceeded as exc:
        print(f"[train_ner] {exc}; using model-best")
    minutes = (time.monotonic() - t0) / 60
    best = work / "model-best"
    if not (best / "config.cfg").exists():
        sys.exit("[train_ner] no model-best was written (training stopped before the first evaluation)")
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best, args.out)
    (args.out / "TRAINING_MINUTES").write_text(f"{minutes:.1f}\n")
    print(f"[train_ner] installed {args.out} after {minutes:.1f} min")
    if not args.skip_eval:
        import evaluate

        evaluate.main([])


if __name__ == "__main__":
    main()
