"""Detection on public prose with injected personal data, and false alarms on real public text.

    .venv/bin/python bench/eval_inject.py [--label after] [--errors]

1. ``bench/devset/inject/inject.jsonl`` (``build_inject.py``): per-type recall (exact and overlap) by
   script and by injection style (labelled / unlabelled / table), and the share of public host strings
   (文号, dates, amounts, 第X条, agency names, hotlines) touched by a ``redact`` entity.
2. False-positive hunt: sentences of public corpora that carry NO person annotation (MSRA test,
   People's Daily test; read from ``/work/shared/data/ner/`` at run time, never committed) and the
   statute quotes of ``/work/shared/docs/disclosure-law.md``. Every PERSON marked ``redact`` there is
   a false alarm; ADDRESS counts only in sentences with no LOC tag; other types are listed too.

Results go under ``runs[label]`` of ``bench/results/inject.json`` so the baseline stays next to later runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from redact.detect import build_detector  # noqa: E402
from redact.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "bench" / "devset" / "inject" / "inject.jsonl"
OUT = ROOT / "bench" / "results" / "inject.json"
NER = Path("/work/shared/data/ner")
LAW = Path("/work/shared/docs/disclosure-law.md")
FP_SENTENCES = 1000  # per corpus

_spec = importlib.util.spec_from_file_location("eval_detect", ROOT / "bench" / "eval_detect.py")
assert _spec and _spec.loader
eval_detect = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_detect)
match, scores = eval_detect.match, eval_detect.scores


def injection(detector, records: list[dict], errors: list[str] | None) -> dict:
    # (slice, type) -> [exact hits, overlap hits, gold]; slices: all, script, style, script/style
    rec_counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    extra: Counter = Counter()
    public = defaultdict(lambda: [0, 0])
    for rec in records:
        text, script = rec["text"], rec["script"]
        found = detector.analyze_text(text)
        for etype in {e["type"] for e in rec["entities"]}:
            pred = [(e.start, e.end) for e in found if e.type == etype]
            for style in {e["style"] for e in rec["entities"] if e["type"] == etype}:
                gold = [
                    (e["start"], e["end"])
                    for e in rec["entities"]
                    if e["type"] == etype and e["style"] == style
                ]
                ex, ov = match(gold, pred, True), match(gold, pred, False)
                for key in ("all", script, style, f"{script}/{style}"):
                    c = rec_counts[(key, etype)]
                    c[0] += ex
                    c[1] += ov
                    c[2] += len(gold)
        gold_spans = [(e["start"], e["end"]) for e in rec["entities"]]
        for e in found:
            if e.action == "redact" and not any(s < e.end and e.start < t for s, t in gold_spans):
                extra[e.type] += 1
                if errors is not None:
                    errors.append(
                        f"{rec['id']} EXTRA {e.type} {e.text!r} …{text[max(0, e.start - 12) : e.end + 6]!r}"
                    )
        redacted = [(e.start, e.end) for e in found if e.action == "redact"]
        for p in rec["public_strings"]:
            touched = any(s < p["end"] and p["start"] < t for s, t in redacted)
            for key in ("all", script):
                public[key][0] += 1
                public[key][1] += touched
            if touched and errors is not None:
                errors.append(f"{rec['id']} PUBLIC {p['text']!r} marked redact")
        if errors is not None:
            for g in rec["entities"]:
                if not any(e.type == g["type"] and e.start < g["end"] and g["start"] < e.end for e in found):
                    errors.append(
                        f"{rec['id']} MISS {g['type']} {g['style']} {g['text']!r} …{text[max(0, g['start'] - 12) : g['end'] + 8]!r}"
                    )
    recall: dict = defaultdict(dict)
    for (key, etype), (ex, ov, n) in sorted(rec_counts.items()):
        recall[key][etype] = {"gold": n, "recall_exact": round(ex / n, 4), "recall_overlap": round(ov / n, 4)}
    for key, per in recall.items():
        for group, (types, goal) in eval_detect.GROUPS.items():
            ov = sum(rec_counts[(key, t)][1] for t in types)
            n = sum(rec_counts[(key, t)][2] for t in types)
            if n:
                per[f"_{group}"] = {"recall_overlap": round(ov / n, 4), "target": goal, "met": ov / n >= goal}
    return {
        "recall": dict(recall),
        "extra_redact_entities": dict(extra),
        "public_strings": {
            k: {"occurrences": n, "marked_redact": t, "share": round(t / n, 4)}
            for k, (n, t) in public.items()
        },
    }


WRAP_WIDTH = 38  # characters per PDF line (A4, 16pt 仿宋 body text)


def wrapped(rec: dict, width: int = WRAP_WIDTH) -> dict:
    """The record as a PDF extracts it: every paragraph hard-wrapped at ``width`` characters
    (tab-separated table rows stay whole); offsets moved with the inserted line breaks."""
    out, shift, col = [], [], 0
    for ch in rec["text"]:
        if ch == "\n":
            col = 0
        elif col == width:
            out.append("\n")
            col = 0
        shift.append(len(out))
        out.append(ch)
        col += ch != "\n"
    text = "".join(out)
    shift.append(len(text))

    def move(span: dict) -> dict:
        start, end = shift[span["start"]], shift[span["end"] - 1] + 1
        return span | {"start": start, "end": end, "text": text[start:end]}

    return rec | {
        "text": text,
        "entities": [move(e) for e in rec["entities"]],
        "public_strings": [move(p) for p in rec["public_strings"]],
    }


def corpus_sentences() -> list[tuple[str, str, bool]]:
    """(corpus, sentence, has_loc) for sentences with no PER tag, FP_SENTENCES per corpus."""
    out: list[tuple[str, str, bool]] = []
    sents = (NER / "msra/test/sentences.txt").read_text(encoding="utf-8").splitlines()
    tags = (NER / "msra/test/tags.txt").read_text(encoding="utf-8").splitlines()
    n = 0
    for s, t in zip(sents, tags, strict=False):
        if "PER" not in t and n < FP_SENTENCES:
            out.append(("msra_test", s.replace(" ", ""), "LOC" in t))
            n += 1
    n, chars, tagset = 0, [], []
    for line in [*(NER / "people_daily/example.test").read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            c, _, tag = line.partition(" ")
            chars.append(c)
            tagset.append(tag)
        elif chars:
            if not any("PER" in t for t in tagset) and n < FP_SENTENCES:
                out.append(("people_daily_test", "".join(chars), any("LOC" in t for t in tagset)))
                n += 1
            chars, tagset = [], []
    return out


def _bio_spans(tags: list[str], kind: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, t in enumerate([*tags, "O"]):
        if start is not None and t != f"I-{kind}":
            spans.append((start, i))
            start = None
        if t == f"B-{kind}":
            start = i
    return spans


def real_names(detector) -> dict:
    """Overlap recall of annotated PER spans in People's Daily test sentences (news: names of public
    figures, so a recall check for the vetoes, not a privacy measure)."""
    sents: list[tuple[str, list[tuple[int, int]]]] = []
    chars: list[str] = []
    tags: list[str] = []
    for line in [*(NER / "people_daily/example.test").read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            c, _, tag = line.partition(" ")
            chars.append(c)
            tags.append(tag)
        elif chars:
            spans = _bio_spans(tags, "PER")
            if spans and len(sents) < FP_SENTENCES:
                sents.append(("".join(chars), spans))
            chars, tags = [], []
    gold = hit = 0
    for i in range(0, len(sents), 40):
        batch = sents[i : i + 40]
        text, offsets, pos = "\n".join(s for s, _ in batch), [], 0
        for s, _ in batch:
            offsets.append(pos)
            pos += len(s) + 1
        found = [(e.start, e.end) for e in detector.analyze_text(text) if e.type == "PERSON"]
        for (_s, spans), off in zip(batch, offsets, strict=True):
            for a, b in spans:
                gold += 1
                hit += any(x < off + b and off + a < y for x, y in found)
    return {"sentences": len(sents), "gold_person_spans": gold, "recall_overlap": round(hit / gold, 4)}


def false_alarms(detector, errors: list[str] | None) -> dict:
    result: dict = {}
    by_corpus: dict[str, Counter] = defaultdict(Counter)
    sentences = corpus_sentences()
    counted: Counter = Counter()
    for i in range(0, len(sentences), 40):  # analyze 40 sentences at a time, one per line
        batch = sentences[i : i + 40]
        text = "\n".join(s for _, s, _ in batch)
        starts, pos = [], 0
        for _, s, _ in batch:
            starts.append(pos)
            pos += len(s) + 1
        for e in detector.analyze_text(text):
            k = max(j for j, st in enumerate(starts) if st <= e.start)
            corpus, sent, has_loc = batch[k]
            if e.action != "redact" or (e.type == "ADDRESS" and has_loc):
                continue
            by_corpus[corpus][e.type] += 1
            if errors is not None:
                errors.append(
                    f"FP {corpus} {e.type} {e.text!r} …{sent[max(0, e.start - starts[k] - 10) : e.end - starts[k] + 6]!r}"
                )
        for corpus, _, _ in batch:
            counted[corpus] += 1
    for corpus, c in by_corpus.items():
        result[corpus] = {"sentences": counted[corpus], "redact_entities": dict(c), "total": sum(c.values())}
    for corpus in counted:
        result.setdefault(corpus, {"sentences": counted[corpus], "redact_entities": {}, "total": 0})
    law = LAW.read_text(encoding="utf-8")
    found = [e for e in detector.analyze_text(law) if e.action == "redact"]
    result["disclosure_law_md"] = {
        "chars": len(law),
        "redact_entities": dict(Counter(e.type for e in found)),
        "total": len(found),
    }
    if errors is not None:
        errors += [f"FP disclosure-law {e.type} {e.text!r}" for e in found]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", default="current", help="run name in the results file (e.g. baseline, after)")
    ap.add_argument("--errors", action="store_true", help="print every miss, extra span and false alarm")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--devset", type=Path, default=DEVSET, help="inject.jsonl or inject_holdout.jsonl")
    args = ap.parse_args()
    devset = args.devset.resolve()
    records = [json.loads(line) for line in devset.read_text(encoding="utf-8").splitlines() if line.strip()]
    detector = build_detector(Settings())
    errors: list[str] | None = [] if args.errors else None
    t0 = time.perf_counter()
    run = {
        "devset": str(devset.relative_to(ROOT)),
        "documents": len(records),
        "entities": sum(len(r["entities"]) for r in records),
    }
    run["injection"] = injection(detector, records, errors)
    run["injection_pdf_wrapped"] = injection(
        detector, [wrapped(r) for r in records if "\t" not in r["text"]], errors
    )
    run["false_alarms_on_public_text"] = false_alarms(detector, errors)
    run["people_daily_person_recall"] = real_names(detector)
    run["seconds"] = round(time.perf_counter() - t0, 1)
    data = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    data.setdefault("devset", str(DEVSET.relative_to(ROOT)))
    data.setdefault("runs", {})[args.label] = run
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    inj = run["injection"]
    for key in ("all", "simplified", "traditional", "labelled", "unlabelled", "table"):
        per = inj["recall"].get(key, {})
        cells = "  ".join(f"{t}={v['recall_overlap']:.3f}" for t, v in per.items() if not t.startswith("_"))
        print(f"{key:<12} {cells}")
    for key in ("all", "simplified", "traditional"):
        per = inj["recall"][key]
        print(
            f"{key:<12} ids+phones={per['_ids_and_phones']['recall_overlap']} "
            f"names+addresses={per['_names_and_addresses']['recall_overlap']} "
            f"public marked redact={inj['public_strings'][key]['share']:.2%}"
        )
    print("extra redact entities (not injected):", inj["extra_redact_entities"])
    wr = run["injection_pdf_wrapped"]["recall"]["all"]
    print(
        f"PDF-wrapped at {WRAP_WIDTH}: "
        + "  ".join(
            f"{t}={v['recall_exact']:.3f}/{v['recall_overlap']:.3f}"
            for t, v in wr.items()
            if not t.startswith("_")
        )
        + "  (exact/overlap)"
    )
    for corpus, v in run["false_alarms_on_public_text"].items():
        print(f"false alarms {corpus}: {v['total']} {v['redact_entities']}")
    print("People's Daily PER recall (overlap):", run["people_daily_person_recall"])
    for line in errors or []:
        print(line)


if __name__ == "__main__":
    main()
