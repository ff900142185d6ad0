"""``publish_approved``: write leak-gated redacted copies of approved documents to the outbox.

For each approved document: the store's publication plan (accepted redactions + manual ones) →
``redact.publish.redact_file`` (which runs the leak gate before anything is written) →
``outbox/public/`` or ``outbox/on_request/`` under a sha256-derived name (the original name may
hold a person's name) → ``mark_published``. A failed gate sends the document back to review with
the reason. Withheld (不予公开) documents are never approved for publication: they stay in the store.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.runtime import load_settings, open_store, progress
from redact.errors import RedactError
from redact.pipeline import Pipeline
from redact.settings import Settings

log = logging.getLogger("redact.publish_flow")

#: Only these labels leave the store, each into its own outbox folder.
OUTBOX_FOLDERS = {"public": "public", "on_request": "on_request"}


@dataclass
class PublishSummary:
    """sha256 ids and counts of one publication run (safe for Prefect)."""

    published: dict[str, str] = field(default_factory=dict)  # sha256 -> label
    sent_back: dict[str, str] = field(default_factory=dict)  # sha256 -> error code
    redacted_by_type: Counter = field(default_factory=Counter)

    def to_markdown(self) -> str:
        labels = Counter(self.published.values())
        lines = ["# Publication", "", "| | count |", "|---|---:|"]
        lines += [f"| published {k} | {v} |" for k, v in sorted(labels.items())]
        lines += [f"| sent back ({code}) | {n} |" for code, n in sorted(Counter(self.sent_back.values()).items())]
        lines += [f"| redacted {k} | {v} |" for k, v in sorted(self.redacted_by_type.items())]
        return "\n".join(lines) + "\n"


def output_path(settings: Settings, sha256: str, label: str, stored_path: str) -> Path:
    """``outbox/<label>/<sha256[:16]><original extension>``: never the original file name."""
    return settings.outbox / OUTBOX_FOLDERS[label] / f"{sha256[:16]}{Path(stored_path).suffix}"


def publish_one(settings: Settings, store: Any, pipeline: Pipeline, sha256: str, summary: PublishSummary) -> None:
    """Publish one approved document, or send it back to review with the reason."""
    from redact.publish import redact_file

    plan = store.publication_plan(sha256)
    if plan.label not in OUTBOX_FOLDERS:  # non_public is withheld, never published
        return
    target = output_path(settings, sha256, plan.label, plan.stored_path)
    try:
        doc = pipeline.extract(Path(plan.stored_path), source=sha256)
        kwargs = {"txt_encoding": doc.encoding} if doc.format == "txt" and doc.encoding else {}
        result = redact_file(Path(plan.stored_path), doc, plan.entities, target, masking=settings.masking, **kwargs)
    except RedactError as err:
        store.send_back(sha256, err.reason())
        summary.sent_back[sha256] = err.code
        log.warning("publish: %s sent back (%s)", sha256[:12], err.code)
        return
    except Exception as err:  # the batch edge: one document must not block the others
        store.send_back(sha256, f"[E900] publication failed with an internal error ({type(err).__name__})")
        summary.sent_back[sha256] = "E900"
        log.error("publish: %s failed (%s)", sha256[:12], type(err).__name__)
        log.debug("traceback", exc_info=True)
        return
    store.mark_published(sha256, str(target))
    summary.published[sha256] = plan.label
    summary.redacted_by_type.update(result.by_type)


def publish_approved(settings: Settings, store: Any) -> PublishSummary:
    """Publish every approved document (library function under the flow; used by tests and the CLI)."""
    summary = PublishSummary()
    pipeline = Pipeline(settings)
    approved = [row.sha256 for row in store.approved_documents()]
    advance = progress("publishing", len(approved))
    for sha in approved:
        publish_one(settings, store, pipeline, sha, summary)
        if advance:
            advance(1)
    return summary


@task(name="publish_documents", cache_policy=NO_CACHE)
def publish_task(home: str | None) -> PublishSummary:
    settings = load_settings(home)
    return publish_approved(settings, open_store(settings))


@flow(name="publish_approved", log_prints=False)
def publish_approved_flow(home: str | None = None) -> PublishSummary:
    """Publish every approved document (``home``: the data folder, default from settings)."""
    summary = publish_task(home)
    get_run_logger().info("published %d, sent back %d", len(summary.published), len(summary.sent_back))
    create_markdown_artifact(key="publication", markdown=summary.to_markdown(), description="publication summary")
    return summary
