"""One intake sweep: recover → pick up complete files → store by sha256 → analyze in batches → record.

Idempotent: run it as often as you like, kill it at any point and run it again; every dropped
file ends up exactly once in the store and the review queue (or in quarantine with a reason).
The summary carries sha256 ids, counts and types only, so it may go to Prefect and to logs.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from redact.document import Document
from redact.intake.archive import Archive, Drop, exclusive
from redact.intake.batch import Job, Outcome, run_batches
from redact.intake.scan import stable_files
from redact.pipeline import Pipeline
from redact.settings import Settings

log = logging.getLogger("redact.intake")


class ReviewSink(Protocol):
    """What a sweep needs from the review store (``redact.review.store.Store`` provides it)."""

    def add_document(self, doc: Document, *, stored_path: str, original_name: str) -> bool: ...

    def record_duplicate(self, sha256: str, original_name: str) -> None: ...

    def auto_approve(self, sha256: str, *, enabled: bool) -> str: ...


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One analyzed document as operators see it: no name, no text."""

    sha256: str
    format: str
    script: str
    pages: int
    label: str | None
    confidence: float | None
    entities: dict[str, int]
    chars: int = 0

    @classmethod
    def of(cls, doc: Document) -> QueueRow:
        redact = Counter(e.type for e in doc.entities if e.action == "redact")
        attr = doc.attribute
        return cls(
            sha256=doc.sha256,
            format=doc.format,
            script=doc.script,
            pages=doc.page_count,
            label=attr.label if attr else None,
            confidence=round(attr.confidence, 3) if attr else None,
            entities=dict(sorted(redact.items())),
            chars=len(doc.text),
        )


@dataclass
class SweepSummary:
    """Counts and sha256 ids of one sweep (safe for Prefect artifacts and logs)."""

    picked_up: int = 0
    recovered: int = 0
    still_writing: int = 0
    analyzed: list[QueueRow] = field(default_factory=list)
    already_known: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    quarantined: dict[str, str] = field(default_factory=dict)  # sha256 -> error code
    auto_approved: dict[str, str] = field(default_factory=dict)  # sha256 -> approved | withheld
    seconds: float = 0.0
    pages: int = 0
    skipped: bool = False  # another sweep held the store's lock

    @property
    def by_status(self) -> dict[str, int]:
        return {
            "picked_up": self.picked_up,
            "recovered": self.recovered,
            "still_writing": self.still_writing,
            "analyzed": len(self.analyzed),
            "already_known": len(self.already_known),
            "duplicate": len(self.duplicates),
            "quarantined": len(self.quarantined),
            "auto_approved": len(self.auto_approved),
        }

    @property
    def by_entity_type(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for row in self.analyzed:
            total.update(row.entities)
        return dict(sorted(total.items()))

    @property
    def by_label(self) -> dict[str, int]:
        return dict(sorted(Counter(r.label or "none" for r in self.analyzed).items()))

    @property
    def by_error(self) -> dict[str, int]:
        return dict(sorted(Counter(self.quarantined.values()).items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.by_status,
            "entity_types": self.by_entity_type,
            "labels": self.by_label,
            "errors": self.by_error,
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
        }

    def to_markdown(self) -> str:
        """The operator's summary of a sweep (a Prefect artifact): counts per status, type, label."""
        lines = ["# Intake sweep", "", f"{len(self.analyzed)} analyzed, {self.pages} pages, {self.seconds:.1f} s", ""]
        for title, counts in (
            ("Status", self.by_status),
            ("Suggested attribute", self.by_label),
            ("Entities to redact by type", self.by_entity_type),
            ("Quarantine reasons", self.by_error),
        ):
            lines += [f"## {title}", "", "| | count |", "|---|---:|"]
            lines += [f"| {k} | {v} |" for k, v in counts.items()] or ["| (none) | 0 |"]
            lines.append("")
        return "\n".join(lines)


def claim_files(
    settings: Settings,
    summary: SweepSummary,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Drop]:
    """Recover a killed sweep's leftovers, then move every complete intake file into the store."""
    archive = Archive(settings.store)
    drops = archive.recover()
    summary.recovered = len(drops)
    complete, changing = stable_files(settings.intake, settings.stable_seconds, sleep=sleep)
    summary.still_writing = len(changing)
    known = {d.sha256 for d in drops}
    for path in complete:
        drops.append(archive.claim(path, known=known))
        summary.picked_up += 1
    log.info("sweep: %d recovered, %d picked up, %d still being written", summary.recovered, summary.picked_up, len(changing))
    return drops


def process_drops(
    settings: Settings,
    sink: ReviewSink,
    drops: list[Drop],
    summary: SweepSummary,
    *,
    pipeline: Pipeline | None = None,
    progress: Callable[[int], None] | None = None,
) -> SweepSummary:
    """Analyze the stored drops, add them to the review store or quarantine them; then record duplicates."""
    archive = Archive(settings.store)
    firsts = [d for d in drops if not d.duplicate]
    for d in firsts:
        if d.state == "quarantining":  # a killed sweep was moving it to quarantine
            archive.quarantine(d, settings.quarantine, _reason_of(d))
            summary.quarantined[d.sha256] = "recovered"
    by_sha = {d.sha256: d for d in firsts if d.state == "stored"}
    jobs = [Job(d.sha256, d.stored_path) for d in by_sha.values()]
    for outcome in run_batches(jobs, settings, pipeline=pipeline, progress=progress):
        _record(outcome, by_sha[outcome.sha256], settings, sink, archive, summary)
    for d in drops:
        if d.duplicate:
            sink.record_duplicate(d.sha256, d.name)
            archive.forget(d)
            summary.duplicates.append(d.sha256)
    log.info("sweep: %s", summary.by_status)
    return summary


def _record(outcome: Outcome, drop: Drop, settings: Settings, sink: ReviewSink, archive: Archive, summary: SweepSummary) -> None:
    if outcome.doc is None:
        archive.quarantine(drop, settings.quarantine, outcome.reason or "")
        summary.quarantined[drop.sha256] = outcome.code or "E100"
        log.info("quarantined %s (%s)", drop.short, outcome.code)
        return
    doc = outcome.doc
    if sink.add_document(doc, stored_path=drop.stored_path, original_name=drop.name):
        summary.analyzed.append(QueueRow.of(doc))
        summary.pages += doc.page_count
        if settings.auto_approve and doc.attribute is not None:  # an explicit policy, off by default
            summary.auto_approved[doc.sha256] = sink.auto_approve(doc.sha256, enabled=True)
    else:  # already in the review store: a rerun after a crash between recording and forgetting
        summary.already_known.append(drop.sha256)
    archive.forget(drop)


def _reason_of(drop: Drop) -> str:
    """The reason a killed sweep already wrote for a drop it was quarantining."""
    if drop.quarantine_path:
        note = f"{drop.quarantine_path}.reason.txt"
        try:
            with open(note, encoding="utf-8") as fh:
                return fh.readline().strip()
        except FileNotFoundError:
            pass
    return "[E100] the file could not be analyzed"


def sweep(
    settings: Settings,
    sink: ReviewSink,
    *,
    pipeline: Pipeline | None = None,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[int], None] | None = None,
) -> SweepSummary:
    """One complete sweep of ``settings.intake`` (what the ``intake_sweep`` flow runs)."""
    started = time.perf_counter()
    settings.ensure_dirs()
    summary = SweepSummary()
    with exclusive(settings.store) as mine:
        if not mine:
            log.info("sweep: another sweep is running on this store; nothing to do")
            summary.skipped = True
            return summary
        drops = claim_files(settings, summary, sleep=sleep)
        process_drops(settings, sink, drops, summary, pipeline=pipeline, progress=progress)
    summary.seconds = time.perf_counter() - started
    return summary
