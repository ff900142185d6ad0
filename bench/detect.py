"""Detector speed: chars/s and peak RSS of ``Detector.detect`` over >= 1 MB of sample-like text.

    .venv/bin/python bench/detect.py [--chars 1100000] [--out bench/results/detect_speed.json]

Reports wall-clock chars/s and chars per CPU-second of this process (the machine may be shared).
The text is the extracted text of samples/intake, paragraphs shuffled and digits varied per copy
(seeded), cut into documents of ~20,000 characters; one process, so chars/s is per core.
Also reports the time share of each recognizer and of spaCy tokenisation on one 20k-char document.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import sys
import time
from pathlib import Path

# bench/redact.py would shadow the redact package when this file is run as a script
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from redact.detect import build_detector  # noqa: E402
from redact.document import Document, Page  # noqa: E402
from redact.pipeline import Pipeline  # noqa: E402
from redact.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOC_CHARS = 20_000


def corpus(min_chars: int, seed: int = 7) -> list[str]:
    pipeline = Pipeline(Settings())
    paragraphs: list[str] = []
    for path in sorted((ROOT / "samples" / "intake").iterdir()):
        paragraphs += [p for p in pipeline.extract(path).text.split("\n") if p.strip()]
    rng = random.Random(seed)
    docs, current, total = [], [], 0
    while total < min_chars:
        p = rng.choice(paragraphs)
        table = str.maketrans("0123456789", "".join(rng.sample("0123456789", 10)))
        p = p.translate(table) if rng.random() < 0.5 else p
        current.append(p)
        total += len(p) + 1
        if sum(len(x) + 1 for x in current) >= DOC_CHARS:
            docs.append("\n".join(current))
            current = []
    if current:
        docs.append("\n".join(current))
    return docs


def profile(detector, text: str) -> dict[str, float]:
    analyzer = detector.analyzer
    t = time.perf_counter()
    analyzer.nlp_engine.process_text(text, "zh")
    shares = {"spacy_tokenizer": time.perf_counter() - t}
    for rec in analyzer.registry.recognizers:
        t = time.perf_counter()
        rec.analyze(text, rec.supported_entities, None)
        shares[rec.name] = time.perf_counter() - t
    return {k: round(v, 4) for k, v in sorted(shares.items(), key=lambda kv: -kv[1])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_100_000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "detect_speed.json")
    args = ap.parse_args()

    texts = corpus(args.chars)
    t0 = time.perf_counter()
    detector = build_detector(Settings())
    build_s = time.perf_counter() - t0
    detector.analyze_text(texts[0][:2000])  # warm-up (lazy model loads)

    chars = entities = 0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        doc = Document(
            sha256=f"{i:064x}", source=f"bench-{i}", format="txt", text=text, pages=(Page(1, 0, len(text)),)
        )
        entities += len(detector.detect(doc).entities)
        chars += len(text)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0

    result = {
        "chars": chars,
        "bytes_utf8": sum(len(t.encode("utf-8")) for t in texts),
        "documents": len(texts),
        "entities": entities,
        "seconds": round(elapsed, 2),
        "chars_per_second": round(chars / elapsed),
        "cpu_seconds": round(cpu, 2),
        "chars_per_cpu_second": round(chars / cpu),
        "build_seconds": round(build_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "recognizers": detector.recognizer_names,
        "profile_20k_seconds": profile(detector, texts[0][:DOC_CHARS]),
        "target": {"chars_per_second": 50_000, "peak_rss_mb": 1536},
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpu_note": (
            "single process = one core; chars_per_second is wall clock, chars_per_cpu_second divides by "
            "this process's CPU time (fairer on a machine shared with other jobs)"
        ),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
