"""Batch analysis: one outcome per stored file, the same in a process pool as in this process."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from redact.intake.batch import Job, chunks, plan_batches, run_batches
from redact.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "intake"


@pytest.mark.parametrize(
    "n, workers, batch_size, expected",
    [
        (10, 2, 50, (1, 50)),  # one batch: no pool (starting workers costs more than it saves)
        (60, 2, 50, (2, 30)),  # two workers, batches balanced between them
        (500, 2, 50, (2, 50)),  # a backlog: batches of batch_size
        (500, 1, 50, (1, 50)),  # one worker: in this process
    ],
)
def test_batches_are_planned_for_the_workers(n: int, workers: int, batch_size: int, expected: tuple[int, int]) -> None:
    assert plan_batches(n, Settings(workers=workers, batch_size=batch_size)) == expected


def test_chunks_keep_every_job_once() -> None:
    jobs = [Job(str(i), f"/x/{i}") for i in range(7)]
    assert [len(c) for c in chunks(jobs, 3)] == [3, 3, 1]
    assert [j for c in chunks(jobs, 3) for j in c] == jobs


@pytest.mark.slow
@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_the_process_pool_gives_the_same_results_as_one_process(tmp_path: Path, start: str) -> None:
    """fork shares the parent's loaded models; with another thread running (Prefect) workers are spawned."""
    files = sorted(SAMPLES.glob("*.txt"))[:3]
    jobs = []
    for i, f in enumerate(files):
        shutil.copy2(f, tmp_path / f.name)
        jobs.append(Job(f"sha{i}", str(tmp_path / f.name)))
    (tmp_path / "empty.txt").write_bytes(b"")
    jobs.append(Job("sha-empty", str(tmp_path / "empty.txt")))

    stop = threading.Event()
    other = threading.Thread(target=stop.wait) if start == "spawn" else None
    if other:
        other.start()
    try:
        pooled = {o.sha256: o for o in run_batches(jobs, Settings(workers=2, batch_size=2))}
    finally:
        stop.set()
    local = {o.sha256: o for o in run_batches(jobs, Settings(workers=1, batch_size=50))}

    assert sorted(pooled) == sorted(local) == sorted(j.sha256 for j in jobs)
    assert pooled["sha-empty"].doc is None and pooled["sha-empty"].code == "E101"
    for sha in ("sha0", "sha1", "sha2"):
        a, b = pooled[sha].doc, local[sha].doc
        assert a is not None and b is not None
        assert a.layout == ()  # the layout map stays behind: only publication needs it
        assert (a.text, a.entities, a.attribute) == (b.text, b.entities, b.attribute)


@pytest.mark.slow
def test_auto_approve_is_applied_only_when_the_setting_is_on(tmp_path: Path) -> None:
    from redact.intake import sweep
    from redact.review.store import Store

    for on in (False, True):
        home = tmp_path / f"auto-{on}"
        (home / "intake").mkdir(parents=True)
        for f in sorted(SAMPLES.glob("*.txt"))[:2]:
            shutil.copy2(f, home / "intake" / f.name)
        settings = Settings(home=home, stable_seconds=0, workers=1, auto_approve=on)
        store = Store.from_settings(settings)
        store.migrate()
        summary = sweep(settings, store)
        statuses = {r.status for r in store.queue(limit=10)}
        if on:
            assert statuses <= {"approved", "withheld"} and len(summary.auto_approved) == 2
        else:
            assert statuses == {"in_review"} and summary.auto_approved == {}
        store.close()
