"""``intake_sweep``: pick up complete intake files, store them by sha256, analyze, queue for review.

Scheduled by ``redact serve`` (``settings.intake_schedule``, one run at a time) and run once by
``redact run`` / ``redact demo``. The sweep itself is ``redact.intake`` (idempotent, crash-safe);
this file only wires it into Prefect and writes the operator's artifact.
"""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from flows.runtime import load_settings, open_store, progress
from redact.intake import Archive, SweepSummary, claim_files, exclusive, process_drops


@task(name="claim_files", cache_policy=NO_CACHE)
def claim_task(home: str | None) -> SweepSummary:
    """Finish a killed sweep's moves, then move every complete intake file into the store."""
    settings = load_settings(home)
    summary = SweepSummary()
    claim_files(settings, summary)
    return summary


@task(name="analyze_stored", cache_policy=NO_CACHE)
def analyze_task(home: str | None, summary: SweepSummary) -> SweepSummary:
    """Analyze the stored files in batches; add them to the review queue or quarantine them."""
    settings = load_settings(home)
    drops = Archive(settings.store).recover()  # the journal is the work list (names never pass through Prefect)
    total = sum(1 for d in drops if not d.duplicate and d.state == "stored")
    store = open_store(settings)
    return process_drops(settings, store, drops, summary, progress=progress("analyzing", total))


@flow(name="intake_sweep", log_prints=False)
def intake_sweep_flow(home: str | None = None) -> SweepSummary:
    """One sweep of the intake folder (``home``: the data folder, default from settings)."""
    logger = get_run_logger()
    started = time.perf_counter()
    settings = load_settings(home)
    settings.ensure_dirs()
    with exclusive(settings.store) as mine:  # one sweep per store at a time (recovery touches every entry)
        if not mine:
            logger.info("another sweep is running on this store; skipped")
            return SweepSummary(skipped=True)
        summary = claim_task(home)  # tasks get the folder, not Settings (which may hold a database password)
        summary = analyze_task(home, summary)
    summary.seconds = time.perf_counter() - started
    logger.info("sweep finished: %s", summary.by_status)
    create_markdown_artifact(key="intake-sweep", markdown=summary.to_markdown(), description="intake sweep summary")
    create_table_artifact(
        key="intake-sweep-counts",
        table=[{"group": "status", "name": k, "count": v} for k, v in summary.by_status.items()]
        + [{"group": "entity_type", "name": k, "count": v} for k, v in summary.by_entity_type.items()]
        + [{"group": "label", "name": k, "count": v} for k, v in summary.by_label.items()],
        description="intake sweep counts",
    )
    return summary
