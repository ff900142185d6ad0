"""Intake: pick up complete files, store them by sha256 crash-safely, analyze in batches, quarantine bad ones."""

from redact.intake.archive import Archive, Drop, exclusive
from redact.intake.scan import candidates, is_temporary, stable_files
from redact.intake.sweep import QueueRow, ReviewSink, SweepSummary, claim_files, process_drops, sweep

__all__ = [
    "Archive",
    "Drop",
    "QueueRow",
    "ReviewSink",
    "SweepSummary",
    "candidates",
    "claim_files",
    "exclusive",
    "is_temporary",
    "process_drops",
    "stable_files",
    "sweep",
]
