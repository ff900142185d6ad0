"""``retrain_models``: rebuild the attribute model with reviewer decisions, install it only if not worse.

Reviewer decisions (the final label of every decided document) are read from the review store;
``flows/retraining.py`` trains on the synthetic base data + those decisions, scores old and new
on the dev set, installs the new model only if it is not worse, and returns the report (accuracies
and counts). The name model (``models/zh_ner``) is retrained the same way from the reviewers'
PERSON/ADDRESS span decisions and manual redactions (``retrain_names``; report ``name_model``).
"""

from __future__ import annotations

import json
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.retraining import NER_TYPES, retrain_attribute, retrain_names
from flows.runtime import load_settings, open_store

DECIDED = ("approved", "withheld", "published")


def reviewer_decisions(store: Any) -> list[tuple[str, str]]:
    """``(text, final label)`` of every document a reviewer decided."""
    out = []
    for status in DECIDED:
        for row in store.queue(status=status, limit=1_000_000):
            doc = store.get_document(row.sha256)
            if doc is not None and doc.label:
                out.append((doc.text, doc.label))
    return out


def name_decisions(store: Any) -> list[tuple[str, list[tuple[int, int, str, bool]]]]:
    """``(text, [(start, end, type, accepted)])`` of decided PERSON/ADDRESS suggestions and manual redactions."""
    out = []
    for status in DECIDED:
        for row in store.queue(status=status, limit=1_000_000):
            detail = store.review(row.sha256)
            spans = [(e.start, e.end, e.type, e.state == "accepted") for e in detail.entities
                     if e.type in NER_TYPES and e.state != "pending"]
            spans += [(m.start, m.end, m.type, True) for m in detail.manual if m.type in NER_TYPES]
            if spans:
                out.append((detail.document.text, spans))
    return out


@task(name="retrain_name_model", cache_policy=NO_CACHE)
def retrain_names_task(home: str | None, name_minutes: float) -> dict[str, Any]:
    settings = load_settings(home)
    return retrain_names(settings, name_decisions(open_store(settings)), minutes=name_minutes)


@task(name="retrain_attribute_model", cache_policy=NO_CACHE)
def retrain_task(home: str | None, n_synthetic: int) -> dict[str, Any]:
    settings = load_settings(home)
    report = retrain_attribute(settings, reviewer_decisions(open_store(settings)), n_synthetic=n_synthetic)
    folder = settings.home / "retrain"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


@flow(name="retrain_models", log_prints=False)
def retrain_flow(home: str | None = None, n_synthetic: int = 3000, name_minutes: float = 10.0) -> dict[str, Any]:
    """Retrain with reviewer decisions; a new model is installed only if it is not worse on held-out data."""
    report = retrain_task(home, n_synthetic)
    names = retrain_names_task(home, name_minutes)
    report["name_model"] = names["status"]
    report.update({f"name_{k}": v for k, v in names.items() if k not in ("model", "status")})
    get_run_logger().info("retrain: %s (%d decisions)", report["status"], report["decisions"])
    lines = ["# Retraining", "", "| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in report.items()]
    create_markdown_artifact(key="retrain", markdown="\n".join(lines) + "\n", description="retraining report")
    return report
