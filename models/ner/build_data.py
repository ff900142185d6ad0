"""Build the training, dev and held-out test sets of the name/address model as spaCy DocBin files.

Reads the public corpora from ``../shared/data/ner/`` at build time (never copied into the repo)
plus synthetic government-document sentences (``synth.py``). Labels are mapped to PERSON and
ADDRESS only; ORG/LOC/GPE and nominal mentions become plain text (LOC in MSRA is a place name, not
a home address, and our rules already keep agency names). Every text is width-normalised and
converted to Simplified, the form the recognizers feed the model.

    .venv/bin/python models/ner/build_data.py [--data ../shared/data/ner] [--out models/ner/corpus]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import Example, generate

from redact.document import normalize_width
from redact.zh import to_simplified

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"

#: Corpus tag → our label; anything else is outside.
LABEL_MAP = {"PER": "PERSON", "NAME": "PERSON", "PER.NAM": "PERSON", "name": "PERSON", "address": "ADDRESS"}


def tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO/BMES tags → (start, end, mapped label) character spans; unmapped types are dropped."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        if start >= 0 and (prefix in ("O", "B", "S") or t != kind or tag == "O"):
            if kind in LABEL_MAP:
                spans.append((start, i, LABEL_MAP[kind]))
            start, kind = -1, ""
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and start < 0):
            start, kind = i, t
        if prefix in ("E", "S") and start >= 0:
            if kind in LABEL_MAP:
                spans.append((start, i + 1, LABEL_MAP[kind]))
            start, kind = -1, ""
    return spans


def read_columns(path: Path, strip_seg_digit: bool = False) -> Iterator[Example]:
    """``char<ws>TAG`` per line, blank line between sentences (MSRA train, People's Daily, Weibo, Resume)."""
    chars: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        parts = line.rstrip("\n").split()
        if len(parts) < 2:
            if chars:
                yield "".join(chars), tag_spans(tags)
            chars, tags = [], []
            continue
        ch = parts[0]
        if strip_seg_digit and len(ch) > 1 and ch[-1].isdigit():
            ch = ch[:-1]
        if len(ch) != 1:
            ch = ch[:1]
        chars.append(ch)
        tags.append(parts[-1])


def read_msra_split(folder: Path) -> Iterator[Example]:
    """``sentences.txt`` (space-separated characters) + ``tags.txt`` (msra/test)."""
    sents = (folder / "sentences.txt").read_text(encoding="utf-8").splitlines()
    tags = (folder / "tags.txt").read_text(encoding="utf-8").splitlines()
    for s, t in zip(sents, tags, strict=True):
        chars, labels = s.split(), t.split()
        if len(chars) == len(labels) and chars:
            yield "".join(chars), tag_spans(labels)


def read_cluener(path: Path) -> Iterator[Example]:
    """Pretty-printed JSON objects one after another: decode them one by one."""
    text = path.read_text(encoding="utf-8")
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        spans = []
        for kind, surfaces in obj.get("label", {}).items():
            if kind in LABEL_MAP:
                for ranges in surfaces.values():
                    spans.extend((a, b + 1, LABEL_MAP[kind]) for a, b in ranges)
        yield obj["text"], sorted(spans)


def normalise(ex: Example) -> Example:
    text, spans = ex
    return to_simplified(normalize_width(text)), spans


def to_docbin(nlp: spacy.language.Language, examples: Iterable[Example]) -> tuple[DocBin, Counter]:
    db, stats = DocBin(), Counter()
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = []
        for s, e, label in spans:
            span = doc.char_span(s, e, label=label, alignment_mode="contract")
            if span is None or any(span.start < x.end and x.start < span.end for x in ents):
                stats["dropped_span"] += 1
                continue
            ents.append(span)
            stats[label] += 1
        doc.ents = sorted(ents, key=lambda x: x.start)
        db.add(doc)
        stats["docs"] += 1
        stats["chars"] += len(text)
    return db, stats


def build(data: Path, out: Path, seed: int = 13, msra_train: int = 14000, synth_train: int = 14000) -> dict:
    rng = random.Random(seed)
    msra = [normalise(x) for x in read_columns(data / "msra" / "train" / "train.txt")]
    rng.shuffle(msra)
    msra_dev, msra = msra[:800], msra[800:]
    with_per = [x for x in msra if x[1]]
    without = [x for x in msra if not x[1]]
    msra_pick = with_per[: int(msra_train * 0.7)] + without[: int(msra_train * 0.3)]
    weibo = {s: [normalise(x) for x in read_columns(data / "weibo" / f"weiboNER_2nd_conll.{s}", True)]
             for s in ("train", "dev", "test")}
    resume = {s: [normalise(x) for x in read_columns(data / "resume" / f"{s}.char.bmes")] for s in ("train", "dev", "test")}
    cluener_train = [normalise(x) for x in read_cluener(data / "cluener" / "train.json")]
    cluener_dev = [normalise(x) for x in read_cluener(data / "cluener" / "dev.json")]
    pd_dev = [normalise(x) for x in read_columns(data / "people_daily" / "example.dev")]
    pd_test = [normalise(x) for x in read_columns(data / "people_daily" / "example.test")]
    msra_test = [normalise(x) for x in read_msra_split(data / "msra" / "test")]
    synth_train = generate(synth_train, seed=1, variant="train")
    synth_dev = generate(1500, seed=2, variant="train")
    synth_test = generate(2000, seed=99, variant="test")
    half = len(cluener_dev) // 2

    splits = {
        "train": msra_pick + pd_dev + weibo["train"] + resume["train"] + cluener_train + synth_train,
        "dev": weibo["dev"] + resume["dev"] + cluener_dev[:half] + synth_dev + msra_dev,
        "test_msra": msra_test,
        "test_pd": pd_test,
        "test_synth": synth_test,
        "test_cluener": cluener_dev[half:],
        "test_weibo": weibo["test"],
        "test_resume": resume["test"],
    }
    rng.shuffle(splits["train"])
    nlp = spacy.blank("zh")  # char segmenter: one token per character
    out.mkdir(parents=True, exist_ok=True)
    report = {}
    for name, examples in splits.items():
        db, stats = to_docbin(nlp, examples)
        db.to_disk(out / f"{name}.spacy")
        report[name] = dict(stats)
        print(f"{name:13s} {dict(stats)}")
    (out / "stats.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--msra-train", type=int, default=14000)
    ap.add_argument("--synth-train", type=int, default=14000)
    args = ap.parse_args()
    build(args.data, args.out, msra_train=args.msra_train, synth_train=args.synth_train)


if __name__ == "__main__":
    main()
