"""Analyze stored files in coarse batches, in a process pool that loads the models once per worker.

``analyze_batch`` is the unit of work (one call = ``settings.batch_size`` documents): it returns
one ``Outcome`` per file, a ``Document`` (without its layout map, which only publication needs)
or the one-line reason of a ``BadInput``. Outcomes travel between processes, so they hold
offsets and labels, never spaCy objects.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from multiprocessing.context import BaseContext
from pathlib import Path

from redact.document import Document
from redact.errors import BadInput, ConfigInvalid, ModelMissing
from redact.pipeline import Pipeline
from redact.settings import Settings

log = logging.getLogger("redact.intake")

#: Code of the quarantine reason when analysis fails for a reason that is our bug, not the file's.
INTERNAL_ERROR = "E900"


@dataclass(frozen=True, slots=True)
class Job:
    """One stored file to analyze: its sha256 and where it is."""

    sha256: str
    path: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one file: ``doc`` when it was analyzed, else ``reason`` (why it is quarantined)."""

    sha256: str
    doc: Document | None = None
    reason: str | None = None
    code: str | None = None


_PIPELINE: Pipeline | None = None


def init_worker(settings: Settings) -> None:
    """Process-pool initializer: build the pipeline and load its models once per worker.

    A forked worker inherits the parent's warmed pipeline (copy-on-write) and loads nothing.
    """
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(settings)
        warm(_PIPELINE)


def warm(pipeline: Pipeline) -> None:
    """Load the detector and classifier now rather than inside the first document's timing."""
    _ = pipeline.detector
    try:
        _ = pipeline.classifier
    except ModuleNotFoundError:  # the classify stage has not landed in this checkout
        pass


def analyze_one(pipeline: Pipeline, job: Job) -> Outcome:
    """Analyze one file; a ``BadInput`` becomes a quarantine reason, other failures an internal-error reason."""
    try:
        doc = pipeline.analyze(Path(job.path), source=job.sha256)
    except BadInput as err:
        return Outcome(job.sha256, reason=err.reason(), code=err.code)
    except (ConfigInvalid, ModelMissing):
        # the installation is broken, not this file: stop the sweep; the journal keeps every
        # stored file for the next sweep instead of quarantining them all
        raise
    except Exception as err:  # the batch edge: one broken document must not stop the sweep
        # the message of a third-party exception may quote document text: type name only, traceback at debug
        log.error("analysis failed for %s (%s)", job.sha256[:12], type(err).__name__)
        log.debug("traceback", exc_info=True)
        reason = f"[{INTERNAL_ERROR}] analysis failed with an internal error ({type(err).__name__}); report it to the operators"
        return Outcome(job.sha256, reason=reason, code=INTERNAL_ERROR)
    return Outcome(job.sha256, doc=replace(doc, layout=()))


def analyze_batch(jobs: Sequence[Job]) -> list[Outcome]:
    """Worker entry point: analyze ``jobs`` with the pipeline built by ``init_worker``."""
    if _PIPELINE is None:  # pragma: no cover - only when called without the initializer
        raise RuntimeError("init_worker() was not called in this process")
    return [analyze_one(_PIPELINE, job) for job in jobs]


def chunks(jobs: Sequence[Job], size: int) -> list[list[Job]]:
    return [list(jobs[i : i + size]) for i in range(0, len(jobs), max(1, size))]


def plan_batches(n: int, settings: Settings) -> tuple[int, int]:
    """``(processes, batch size)``: no pool for a single batch (starting workers costs more than it saves)."""
    workers = max(1, settings.workers)
    if workers == 1 or n <= settings.batch_size:
        return 1, max(1, settings.batch_size)
    return workers, max(1, min(settings.batch_size, math.ceil(n / workers)))


def _context(settings: Settings, pipeline: Pipeline | None) -> BaseContext:
    """fork when this process runs no other thread (workers then share the parent's loaded models),
    else spawn: a process running Prefect's threads and event loop must not be forked."""
    global _PIPELINE
    if threading.active_count() > 1:
        _PIPELINE = None
        return multiprocessing.get_context("spawn")
    _PIPELINE = pipeline or Pipeline(settings)
    warm(_PIPELINE)
    return multiprocessing.get_context("fork")


def run_batches(
    jobs: Sequence[Job],
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Yield an outcome per job as batches finish (in-process for one batch, else a process pool).

    The caller records each outcome as it arrives, so a killed sweep loses at most the batches
    in flight (their journal entries make the next sweep analyze them again).
    """
    if not jobs:
        return
    processes, size = plan_batches(len(jobs), settings)
    if processes == 1:
        pipe = pipeline or Pipeline(settings)
        for job in jobs:
            outcome = analyze_one(pipe, job)
            if progress:
                progress(1)
            yield outcome
        return
    ctx = _context(settings, pipeline)
    with ProcessPoolExecutor(max_workers=processes, mp_context=ctx, initializer=init_worker, initargs=(settings,)) as pool:
        futures: list[Future[list[Outcome]]] = [pool.submit(analyze_batch, b) for b in chunks(jobs, size)]
        for fut in as_completed(futures):
            outcomes = fut.result()
            if progress:
                progress(len(outcomes))
            yield from outcomes
