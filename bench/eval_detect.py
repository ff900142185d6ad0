"""Detection quality on the dev set: per-type precision / recall / F2, Simplified vs Traditional.

    .venv/bin/python bench/eval_detect.py [--devset bench/devset/detect/devset.jsonl] [--out bench/results/detect.json]

Each dev-set line: {"id", "script", "text", "entities": [{"type", "start", "end", "text"}], "public_strings": [...]}.
Spans are matched on character offsets, per type, one-to-one: ``exact`` (same start and end) and
``overlap`` (any shared character). Every reported entity counts, whatever its action; separately,
``public_strings`` reports the share of public-string occurrences that a ``redact`` entity touches
(target <= 1%). F2 weighs recall four times as much as precision.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

# bench/redact.py would shadow the redact package when this file is run as a script
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from redact.detect import build_detector  # noqa: E402
from redact.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "bench" / "devset" / "detect" / "devset.jsonl"
Span = tuple[int, int]


def match(gold: list[Span], pred: list[Span], exact: bool) -> int:
    """Number of one-to-one matches between gold and predicted spans of one type."""
    used: set[int] = set()
    hits = 0
    for gs, ge in gold:
        for i, (ps, pe) in enumerate(pred):
            if i in used:
                continue
            if (ps, pe) == (gs, ge) if exact else ps < ge and gs < pe:
                used.add(i)
                hits += 1
                break
    return hits


def scores(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f2": round(f2, 4)}


def public_spans(text: str, public: list) -> list[Span]:
    """Public strings as spans: ``{"start", "end"}`` objects, or every occurrence of a plain string."""
    spans = []
    for item in public:
        if isinstance(item, dict):
            spans.append((item["start"], item["end"]))
            continue
        start = text.find(item)
        while start >= 0:
            spans.append((start, start + len(item)))
            start = text.find(item, start + 1)
    return spans


def evaluate(records: list[dict], errors: list[str] | None = None) -> dict:
    detector = build_detector(Settings())
    counts: dict[str, dict[str, dict[str, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: {"exact": [0, 0, 0], "overlap": [0, 0, 0]})
    )
    public = defaultdict(lambda: [0, 0])  # script -> [occurrences, touched by a redact entity]
    chars, t0 = 0, time.perf_counter()
    for rec in records:
        text, script = rec["text"], rec.get("script", "simplified")
        found = detector.analyze_text(text)
        chars += len(text)
        types = {e["type"] for e in rec["entities"]} | {e.type for e in found}
        for etype in types:
            gold = [(e["start"], e["end"]) for e in rec["entities"] if e["type"] == etype]
            pred = [(e.start, e.end) for e in found if e.type == etype]
            for mode in ("exact", "overlap"):
                hits = match(gold, pred, exact=mode == "exact")
                for key in (script, "all"):
                    c = counts[key][etype][mode]
                    c[0] += hits
                    c[1] += len(pred) - hits
                    c[2] += len(gold) - hits
        redacted = [(e.start, e.end) for e in found if e.action == "redact"]
        for start, end in public_spans(text, rec.get("public_strings", [])):
            touched = any(s < end and start < e for s, e in redacted)
            for key in (script, "all"):
                public[key][0] += 1
                public[key][1] += touched
            if touched and errors is not None:
                errors.append(f"{rec.get('id')} PUBLIC {text[start:end]!r} marked redact")
        if errors is not None:
            gold = {(e["type"], e["start"], e["end"]) for e in rec["entities"]}
            pred = {(e.type, e.start, e.end): e for e in found}
            for etype, s_, e_ in sorted(gold - set(pred)):
                errors.append(
                    f"{rec.get('id')} MISS  {etype:<14} {text[s_:e_]!r}  …{text[max(0, s_ - 20) : e_ + 8]!r}"
                )
            for key in sorted(set(pred) - gold):
                e = pred[key]
                errors.append(
                    f"{rec.get('id')} EXTRA {e.type:<14} {e.text!r} {e.action} {e.score}  …{text[max(0, e.start - 20) : e.end + 8]!r}"
                )
    elapsed = time.perf_counter() - t0

    result: dict = {"documents": len(records), "chars": chars, "seconds": round(elapsed, 2), "by_script": {}}
    for key, per_type in sorted(counts.items()):
        block: dict = {}
        for mode in ("exact", "overlap"):
            total = [0, 0, 0]
            block[mode] = {}
            for etype, c in sorted(per_type.items()):
                block[mode][etype] = scores(*c[mode])
                total = [a + b for a, b in zip(total, c[mode], strict=True)]
            block[mode]["_micro"] = scores(*total)
        occurrences, touched = public[key]
        block["public_strings"] = {
            "occurrences": occurrences,
            "marked_redact": touched,
            "share": round(touched / occurrences, 4) if occurrences else 0.0,
        }
        block["targets"] = targets(per_type, block["public_strings"]["share"])
        result["by_script"][key] = block
    return result


#: the issue's acceptance groups (overlap matching): checksummed ids + phones, names + addresses
GROUPS = {
    "ids_and_phones": ({"CN_RESIDENT_ID", "BANK_CARD", "HK_ID", "TW_ID", "CN_USCC", "PHONE_NUMBER"}, 0.995),
    "names_and_addresses": ({"PERSON", "ADDRESS"}, 0.97),
}


def targets(per_type: dict, public_share: float) -> dict:
    out: dict = {}
    for group, (types, goal) in GROUPS.items():
        tp = sum(c["overlap"][0] for t, c in per_type.items() if t in types)
        fn = sum(c["overlap"][2] for t, c in per_type.items() if t in types)
        recall = tp / (tp + fn) if tp + fn else 1.0
        out[group] = {"recall": round(recall, 4), "target": goal, "met": recall >= goal}
    out["public_strings_marked_redact"] = {"share": public_share, "target": 0.01, "met": public_share <= 0.01}
    return out


def show(result: dict) -> None:
    for key, block in result["by_script"].items():
        print(
            f"\n== {key}  (public strings marked redact: {block['public_strings']['share']:.2%}"
            f" of {block['public_strings']['occurrences']})"
        )
        print(
            f"{'type':<16}{'P(ex)':>8}{'R(ex)':>8}{'F2(ex)':>8}{'P(ov)':>8}{'R(ov)':>8}{'F2(ov)':>8}{'gold':>6}"
        )
        for etype, ex in block["exact"].items():
            ov = block["overlap"][etype]
            print(
                f"{etype:<16}{ex['precision']:>8.3f}{ex['recall']:>8.3f}{ex['f2']:>8.3f}"
                f"{ov['precision']:>8.3f}{ov['recall']:>8.3f}{ov['f2']:>8.3f}{ex['tp'] + ex['fn']:>6}"
            )
        for goal, value in block["targets"].items():
            measured = value.get("recall", value.get("share"))
            print(
                f"target {goal}: {measured} (goal {value['target']}) {'met' if value['met'] else 'NOT MET'}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "detect.json")
    ap.add_argument(
        "--errors", action="store_true", help="also print every miss, extra span and flagged public string"
    )
    args = ap.parse_args()
    if not args.devset.is_file():
        sys.exit(f"dev set not found: {args.devset}")
    records = [
        json.loads(line) for line in args.devset.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    result = {
        "devset": str(args.devset.relative_to(ROOT)) if args.devset.is_relative_to(ROOT) else str(args.devset)
    }
    errors: list[str] | None = [] if args.errors else None
    result |= evaluate(records, errors)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    show(result)
    for line in errors or []:
        print(line)


if __name__ == "__main__":
    main()
