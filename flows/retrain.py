"""``retrain_models``: rebuild the attribute model with reviewer decisions, install it only if not worse.

Thin on purpose: reviewer decisions (final label per decided document) are exported to
``<home>/retrain/decisions.jsonl`` (our disk only — the text holds personal data), and the
training script's ``retrain(decisions_path, work_dir) -> dict`` (in ``models/train_attribute.py``)
is called when it exists: it must train on base data + decisions, evaluate old vs new on the dev
set and install the new model only if it is not worse. Without it the flow reports
``not available`` instead of pretending. The report holds metrics and counts only.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.runtime import load_settings, open_store
from redact.settings import PROJECT_ROOT

DECIDED = ("approved", "withheld", "published")


def export_decisions(store: Any, path: Path) -> int:
    """Write ``{"sha256","text","label"}`` per reviewer-decided document; returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for status in DECIDED:
            for row in store.queue(status=status, limit=1_000_000):
                doc = store.get_document(row.sha256)
                if doc is None or not doc.label:
                    continue
                fh.write(json.dumps({"sha256": doc.sha256, "text": doc.text, "label": doc.label}, ensure_ascii=False))
                fh.write("\n")
                n += 1
    return n


def training_entry_point() -> Any | None:
    """``models.train_attribute.retrain`` if the training script provides it."""
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    try:
        module = importlib.import_module("models.train_attribute")
    except ImportError:
        return None
    return getattr(module, "retrain", None)


@task(name="retrain_attribute_model", cache_policy=NO_CACHE)
def retrain_task(home: str | None) -> dict[str, Any]:
    settings = load_settings(home)
    work = settings.home / "retrain"
    decisions = export_decisions(open_store(settings), work / "decisions.jsonl")
    retrain = training_entry_point()
    if retrain is None:
        return {"status": "not available", "decisions": decisions,
                "detail": "models/train_attribute.py has no retrain(decisions_path, work_dir)"}
    result = dict(retrain(work / "decisions.jsonl", work))
    result.setdefault("status", "done")
    result["decisions"] = decisions
    return result


@flow(name="retrain_models", log_prints=False)
def retrain_flow(home: str | None = None) -> dict[str, Any]:
    """Retrain with reviewer decisions; the training script installs the new model only if it is not worse."""
    result = retrain_task(home)
    get_run_logger().info("retrain: %s (%d decisions)", result["status"], result["decisions"])
    lines = ["# Retraining", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in result.items() if isinstance(v, int | float | str | bool)]
    create_markdown_artifact(key="retrain", markdown="\n".join(lines) + "\n", description="retraining report")
    return result
