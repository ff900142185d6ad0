"""``retrain_models``: rebuild the attribute model with reviewer decisions, install it only if not worse.

Reviewer decisions (the final label of every decided document) are read from the review store;
``flows/retraining.py`` trains on the synthetic base data + those decisions, scores old and new
on the dev set, installs the new model only if it is not worse, and returns the report (accuracies
and counts). The name model (``models/zh_ner``) is rebuilt by ``models/train_ner.py``; its
retraining from reviewer span decisions is not wired yet and the report says so.
"""

from __future__ import annotations

import json
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.retraining import retrain_attribute
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


@task(name="retrain_attribute_model", cache_policy=NO_CACHE)
def retrain_task(home: str | None, n_synthetic: int) -> dict[str, Any]:
    settings = load_settings(home)
    report = retrain_attribute(settings, reviewer_decisions(open_store(settings)), n_synthetic=n_synthetic)
    folder = settings.home / "retrain"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


@flow(name="retrain_models", log_prints=False)
def retrain_flow(home: str | None = None, n_synthetic: int = 3000) -> dict[str, Any]:
    """Retrain with reviewer decisions; the new model is installed only if it is not worse on the dev set."""
    report = retrain_task(home, n_synthetic)
    report["name_model"] = "not available: retraining zh_ner from reviewer decisions is not wired yet"
    get_run_logger().info("retrain: %s (%d decisions)", report["status"], report["decisions"])
    lines = ["# Retraining", "", "| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in report.items()]
    create_markdown_artifact(key="retrain", markdown="\n".join(lines) + "\n", description="retraining report")
    return report
