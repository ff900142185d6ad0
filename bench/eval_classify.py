"""Score the attribute classifier on the labelled dev set (never trained on).

Accuracy, per-label precision/recall, confusion matrix, 文种/category accuracy, calibration, the
issue's 100% checks and a rules-only ablation → bench/results/classify.json.

    .venv/bin/python bench/eval_classify.py [--devset FILE.jsonl ...]   (default: every .jsonl in bench/devset/classify/)
"""

# ruff: noqa: E402  (sys.path is fixed before the imports below)
from __future__ import annotations

import sys
from pathlib import Path

# bench/redact.py (another benchmark) would shadow the package when run as a script
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import json
import re
from collections import Counter
from typing import Any

from redact.classify import build_classifier
from redact.classify.classify import Classifier
from redact.classify.rules import load_rules
from redact.document import Attribute
from redact.zh import to_simplified

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("public", "on_request", "non_public")
SECRET_MARK = re.compile(r"(?m)^\s*(\d{6}\s*)?(绝密|机密|秘密)\s*(★.*)?$|(绝密|机密|秘密)\s*★")
PROTECTED_TYPES = {"公告", "通告", "公报", "行政处罚决定书", "年度报告", "命令"}
REGULATION = re.compile(r"(起施行|起实施|有效期)")
ARTICLE = re.compile(r"第[一二三四五六七八九十百]+条")


def per_label(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    out = {}
    for lab in LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        out[lab] = {
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
            "support": sum(g == lab for g in gold),
        }
    return out


def ece(conf: list[float], correct: list[bool], bins: int = 10) -> float:
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(conf) if lo < c <= hi]
        if idx:
            acc = sum(correct[i] for i in idx) / len(idx)
            total += len(idx) / len(conf) * abs(acc - sum(conf[i] for i in idx) / len(idx))
    return round(total, 4)


def evaluate(rows: list[dict[str, Any]], clf: Classifier) -> tuple[dict[str, Any], list[Attribute]]:
    attrs = [clf.classify_text(r["text"]) for r in rows]
    gold = [r["label"] for r in rows]
    pred = [a.label for a in attrs]
    correct = [g == p for g, p in zip(gold, pred, strict=True)]
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    return {
        "documents": len(rows),
        "accuracy": round(sum(correct) / len(rows), 4),
        "per_label": per_label(gold, pred),
        "confusion_matrix_gold_by_pred": confusion,
        "doc_type_accuracy": round(
            sum(a.doc_type == r["doc_type"] for a, r in zip(attrs, rows, strict=True)) / len(rows), 4
        ),
        "category_accuracy": round(
            sum(a.category == r["category"] for a, r in zip(attrs, rows, strict=True)) / len(rows), 4
        ),
        "by_script_accuracy": {
            s: round(
                sum(c for c, r in zip(correct, rows, strict=True) if r["script"] == s)
                / max(1, sum(r["script"] == s for r in rows)),
                4,
            )
            for s in ("simplified", "traditional")
        },
        "calibration": {
            "ece": ece([a.confidence for a in attrs], correct),
            "mean_confidence_correct": round(
                sum(a.confidence for a, c in zip(attrs, correct, strict=True) if c) / max(1, sum(correct)), 4
            ),
            "mean_confidence_wrong": round(
                sum(a.confidence for a, c in zip(attrs, correct, strict=True) if not c)
                / max(1, len(correct) - sum(correct)),
                4,
            ),
        },
    }, attrs


def hard_checks(rows: list[dict[str, Any]], attrs: list[Attribute]) -> dict[str, Any]:
    def share(pairs: list[bool]) -> dict[str, Any]:
        return {
            "documents": len(pairs),
            "passed": sum(pairs),
            "rate": round(sum(pairs) / len(pairs), 4) if pairs else None,
        }

    secret = [
        a.label == "non_public"
        for r, a in zip(rows, attrs, strict=True)
        if SECRET_MARK.search(to_simplified(r["text"]))
    ]
    request = [a.label == "non_public" for r, a in zip(rows, attrs, strict=True) if r["doc_type"] == "请示"]
    protected = [
        a.label != "non_public"
        for r, a in zip(rows, attrs, strict=True)
        if r["doc_type"] in PROTECTED_TYPES or (r["label"] == "public" and REGULATION.search(r["text"]))
    ]
    cited = [
        any(ARTICLE.search(x.basis) and x.start is not None and x.label == a.label for x in a.reasons)
        for a in attrs
        if a.label != "public"
    ]
    spans = [
        all(x.start is None or r["text"][x.start : x.end] == x.evidence for x in a.reasons)
        for r, a in zip(rows, attrs, strict=True)
    ]
    return {
        "secret_mark_to_non_public": share(secret),
        "request_to_non_public": share(request),
        "regulation_notice_penalty_annual_never_non_public": share(protected),
        "non_public_or_on_request_cite_article_and_evidence": share(cited),
        "evidence_equals_text_span": share(spans),
    }


CHROME_HEAD = "清溪区人民政府门户网站\n您现在的位置：首页>>信息公开>>部门信息公开\n【字体：大 中 小】【打印本页】\n"
CHROME_FOOT = "\n【打印本页】【关闭窗口】\n相关链接：国务院 福建省人民政府\n主办：清溪区人民政府办公室　闽ICP备05012345号"


def pdf_wrapped(text: str, width: int = 28) -> str:
    """The text as a PDF text layer gives it: one line per printed line (28 字/行), a page number."""
    lines = [ln[i : i + width] for ln in text.split("\n") for i in range(0, max(len(ln), 1), width)]
    lines.insert(len(lines) // 2, "— 1 —")
    return "\n".join(lines)


VARIANTS = {
    "web_page_chrome": lambda t: CHROME_HEAD + t + CHROME_FOOT,
    "pdf_line_wrapped": pdf_wrapped,
    "pdf_line_wrapped_20": lambda t: pdf_wrapped(t, 20),
}


def robustness(rows: list[dict[str, Any]], clf: Classifier) -> dict[str, Any]:
    """Accuracy when the same documents arrive wrapped in page chrome or as PDF-wrapped lines."""
    out = {}
    for name, f in VARIANTS.items():
        variant = [{**r, "text": f(r["text"])} for r in rows]
        res, attrs = evaluate(variant, clf)
        checks = hard_checks(variant, attrs)
        out[name] = {"accuracy": res["accuracy"]} | {
            k: checks[k]["rate"]
            for k in (
                "secret_mark_to_non_public",
                "request_to_non_public",
                "regulation_notice_penalty_annual_never_non_public",
            )
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--devset",
        type=Path,
        nargs="+",
        default=sorted((ROOT / "bench/devset/classify").glob("*.jsonl")),
    )
    ap.add_argument("--out", type=Path, default=ROOT / "bench/results/classify.json")
    args = ap.parse_args()
    rows = []
    for path in args.devset:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append({**json.loads(line), "file": str(path.resolve().relative_to(ROOT))})
    clf = build_classifier()
    result, attrs = evaluate(rows, clf)
    result["checks_100_percent"] = hard_checks(rows, attrs)
    rules_only, _ = evaluate(rows, Classifier(load_rules(), None))
    result["ablation_rules_only_accuracy"] = rules_only["accuracy"]
    result["robustness"] = robustness(rows, clf)
    result["model"] = clf.model.meta.get("name") if clf.model else None
    result["devset"] = sorted({r["file"] for r in rows})
    result["by_file"] = {
        f: evaluate([r for r in rows if r["file"] == f], clf)[0] for f in result["devset"]
    }
    late = [(r, a) for r, a in zip(rows, attrs, strict=True) if r.get("after_tuning")]
    result["after_tuning_accuracy"] = {  # pages written after the last rule change, labelled before a run
        "documents": len(late),
        "accuracy": round(sum(a.label == r["label"] for r, a in late) / len(late), 4) if late else None,
    }
    result["by_file_accuracy"] = {
        f: round(
            sum(a.label == r["label"] for r, a in zip(rows, attrs, strict=True) if r["file"] == f)
            / sum(r["file"] == f for r in rows),
            4,
        )
        for f in result["devset"]
    }
    result["errors"] = [
        {
            "id": r["id"],
            "file": Path(r["file"]).name,
            "gold": r["label"],
            "pred": a.label,
            "confidence": a.confidence,
            "doc_type": a.doc_type,
        }
        for r, a in zip(rows, attrs, strict=True)
        if r["label"] != a.label
    ]
    result["conflicts_flagged"] = Counter(a.conflict for a in attrs).get(True, 0)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {
                k: result[k]
                for k in (
                    "accuracy",
                    "by_file_accuracy",
                    "after_tuning_accuracy",
                    "robustness",
                    "ablation_rules_only_accuracy",
                    "per_label",
                )
            },
            ensure_ascii=False,
        )
    )
    print(json.dumps(result["checks_100_percent"], ensure_ascii=False))
    print("errors:", json.dumps(result["errors"], ensure_ascii=False))


if __name__ == "__main__":
    main()
