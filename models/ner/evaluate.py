"""Held-out evaluation of the name/address model and of the full recognizers (rules + model).

For each test set (msra/test, people_daily test, synthetic test templates, CLUENER dev half,
Weibo test, Resume test) it reports exact-span precision/recall/F per type and person
char-recall, for: the model alone, the rules alone, and rules + model (what the recognizers
return) — on the Simplified text and on the same text converted to Traditional. Then speed.
Writes ``bench/results/ner.json``.

    .venv/bin/python models/ner/evaluate.py [--model models/zh_ner] [--limit 1500]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

from redact.detect.names import find_entities  # noqa: E402
from redact.detect.names import model as names_model  # noqa: E402
from redact.zh import to_simplified, to_traditional  # noqa: E402

TEST_SETS = ("test_msra", "test_pd", "test_synth", "test_cluener", "test_weibo", "test_resume")
LABELS = ("PERSON", "ADDRESS")
#: The detector's score threshold (src/redact/detect/recognizers.yaml engine.score_threshold).
THRESHOLD = 0.5
Gold = list[tuple[str, set[tuple[int, int, str]]]]


def load_gold(path: Path, limit: int) -> Gold:
    nlp = spacy.blank("zh")
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))[:limit]
    return [(d.text, {(e.start_char, e.end_char, e.label_) for e in d.ents}) for d in docs]


def score(gold: Gold, predicted: list[set[tuple[int, int, str]]]) -> dict:
    out = {}
    for label in LABELS:
        tp = fp = fn = 0
        gold_chars = hit_chars = 0
        for (_text, g), p in zip(gold, predicted, strict=True):
            g_l = {x for x in g if x[2] == label}
            p_l = {x for x in p if x[2] == label}
            tp += len(g_l & p_l)
            fp += len(p_l - g_l)
            fn += len(g_l - p_l)
            covered = {i for s, e, _ in p_l for i in range(s, e)}
            for s, e, _ in g_l:
                gold_chars += e - s
                hit_chars += sum(i in covered for i in range(s, e))
        if tp + fn == 0 and fp == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {
            "gold": tp + fn, "predicted": tp + fp, "precision": round(prec, 4), "recall": round(rec, 4),
            "f": round(f, 4), "char_recall": round(hit_chars / gold_chars, 4) if gold_chars else None,
        }
    return out


def predict(texts: list[str], mode: str, model_path: Path) -> list[set[tuple[int, int, str]]]:
    if mode == "model":
        nlp = names_model.load_model(model_path)
        return [{(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in LABELS}
                for d in nlp.pipe(texts, batch_size=256)]
    path = model_path if mode == "rules+model" else None
    return [{(s.start, s.end, s.label) for s in find_entities(t, path) if s.score >= THRESHOLD} for t in texts]


def _cpu_rate(fn, text: str) -> float:
    """chars per CPU-second of ``fn(text)`` (process time: the machine is shared, wall time is not ours)."""
    t = time.process_time()
    fn(text)
    return len(text) / (time.process_time() - t)


def samples_text(folder: Path) -> str:
    """Extracted, width-normalised text of the sample documents ('' when there are none)."""
    if not folder.is_dir():
        return ""
    from redact.document import normalize_width
    from redact.pipeline import Pipeline
    from redact.settings import Settings

    pipeline = Pipeline(Settings())
    return "\n".join(normalize_width(pipeline.extract(f).text) for f in sorted(folder.iterdir()) if f.is_file())


def speed(model_path: Path, texts: list[str], samples: str) -> dict:
    """chars per CPU-second of ``find_entities`` on one long document: rules only, rules + model."""
    out = {}
    docs = {"test_sets": "\n".join(texts)}
    if samples:
        docs["samples_x40"] = "\n".join([samples] * 40)
    names_model.load_model(model_path)
    names_model.common_words()
    for name, doc in docs.items():
        cand = sum(e - s for s, e in names_model.candidate_windows(to_simplified(doc)))
        out[name] = {
            "chars": len(doc),
            "candidate_share": round(cand / len(doc), 3),
            "rules_only_chars_per_cpu_s": round(_cpu_rate(lambda t: find_entities(t, None), doc)),
            "rules_plus_model_chars_per_cpu_s": round(_cpu_rate(lambda t: find_entities(t + " ", model_path), doc)),
        }
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "zh_ner")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--limit", type=int, default=1500, help="sentences per test set")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ner.json")
    ap.add_argument("--samples", type=Path, default=ROOT / "samples" / "intake",
                    help="government documents whose extracted text is the second speed corpus")
    args = ap.parse_args(argv)
    results: dict = {"model": args.model.name, "sets": {}}
    speed_texts: list[str] = []
    for name in TEST_SETS:
        path = args.corpus / f"{name}.spacy"
        if not path.exists():
            continue
        gold = load_gold(path, args.limit)
        texts = [t for t, _ in gold]
        speed_texts += texts
        entry = {"sentences": len(gold)}
        for mode in ("model", "rules", "rules+model"):
            entry[mode] = score(gold, predict(texts, mode, args.model))
        trad = [to_traditional(t) for t in texts]
        entry["traditional rules+model"] = score(gold, predict(trad, "rules+model", args.model))
        results["sets"][name] = entry
        print(name, json.dumps({k: v for k, v in entry.items() if k != "sentences"}, ensure_ascii=False))
    results["speed"] = speed(args.model, speed_texts, samples_text(args.samples))
    results["speed"]["python"] = platform.python_version()
    print("speed", results["speed"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
