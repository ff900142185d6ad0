"""End to end through Prefect's local mode: 30 drops → one sweep → review → publish two.

This is the issue's acceptance scenario, and the privacy check of Prefect's own database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from intake_drops import ROOT, IntakeDrop, fill_intake

from redact.review.store import Store
from redact.settings import Settings

pytestmark = [pytest.mark.prefect, pytest.mark.slow]


@dataclass
class World:
    settings: Settings
    store: Store
    drop: IntakeDrop
    growing: Path
    sweep: Any
    published: Any = None
    approved: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def world(prefect_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    home = tmp_path_factory.mktemp("redact-home")
    old = {k: os.environ.get(k) for k in ("REDACT_HOME", "REDACT_STABLE_SECONDS")}
    os.environ.update(REDACT_HOME=str(home), REDACT_STABLE_SECONDS="1.0")
    settings = Settings()
    settings.ensure_dirs()
    store = Store.from_settings(settings)
    store.migrate()
    drop = fill_intake(settings.intake, total=30)
    growing = settings.intake / "still-uploading.txt"
    growing.write_text("正在上传的文件", encoding="utf-8")
    stop = threading.Event()

    def keep_writing() -> None:  # an upload in progress during the whole sweep
        while not stop.wait(0.1):
            with open(growing, "a", encoding="utf-8") as fh:
                fh.write("，继续写入")

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    from flows.intake import intake_sweep_flow

    try:
        summary = intake_sweep_flow(home=str(home))
    finally:
        stop.set()
        writer.join()
    yield World(settings, store, drop, growing, summary)
    store.close()
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def test_thirty_drops_are_counted_by_status(world: World) -> None:
    d = world.drop
    assert len(d.good) + len(d.bad) + len(d.duplicate) + len(d.temporary) + 1 == 30
    status = world.sweep.by_status
    assert status["picked_up"] == len(d.good) + len(d.bad) + len(d.duplicate)
    assert status["analyzed"] == len(d.good)
    assert status["quarantined"] == len(d.bad)
    assert status["duplicate"] == 1
    assert status["still_writing"] == 1


def test_every_good_file_is_in_the_review_queue_with_a_suggestion(world: World) -> None:
    rows = world.store.queue(status="in_review", limit=1000)
    assert len(rows) == len(world.drop.good)
    assert all(r.suggested_label in ("public", "on_request", "non_public") for r in rows)
    assert sum(r.entity_count for r in rows) > len(world.drop.good)  # the samples are full of personal data
    for r in rows:  # stored under its sha256, never under the original name
        assert Path(r.stored_path).name.startswith(r.sha256) and Path(r.stored_path).is_file()


def test_bad_files_are_quarantined_with_a_reason_beside_them(world: World) -> None:
    q = world.settings.quarantine
    for bad in world.drop.bad:
        assert (q / bad.name).is_file(), bad.name
        reason = (q / f"{bad.name}.reason.txt").read_text(encoding="utf-8").splitlines()[0]
        assert reason.startswith("[E1"), reason  # an input problem with its code, not an internal error


def test_the_duplicate_is_reported_and_stored_once(world: World) -> None:
    (dup_sha,) = world.sweep.duplicates
    assert world.store.get_document(dup_sha) is not None
    events = [a.event for a in world.store.audit_log(dup_sha)]
    assert events.count("received") == 1 and events.count("duplicate") == 1
    assert len(list(world.settings.store.glob(f"??/{dup_sha}*"))) == 1


def test_unfinished_uploads_and_temporary_files_stay_in_the_intake_folder(world: World) -> None:
    left = sorted(p.name for p in world.settings.intake.iterdir())
    assert left == sorted([world.growing.name] + [t.name for t in world.drop.temporary])
    assert not any((world.settings.store / ".journal").iterdir())


def test_the_next_sweep_picks_up_the_finished_upload_and_nothing_else(world: World) -> None:
    from flows.intake import intake_sweep_flow

    summary = intake_sweep_flow(home=str(world.settings.home))
    assert summary.by_status["picked_up"] == 1 and summary.by_status["analyzed"] == 1
    assert summary.duplicates == [] and summary.quarantined == {}


@pytest.fixture(scope="module")
def published(world: World) -> World:
    """A reviewer accepts every suggestion of two documents and approves them; then publication runs."""
    store = world.store
    store.add_user("reviewer1", "correct horse battery", "reviewer")
    rows = [
        r
        for r in store.queue(status="in_review", limit=1000)
        if r.suggested_label in ("public", "on_request")
        and any(e.action == "redact" for e in store.review(r.sha256).entities)
    ]
    chosen = [next(r for r in rows if r.format == "pdf"), next(r for r in rows if r.format != "pdf")]
    for row in chosen:
        detail = store.review(row.sha256)
        v = detail.document.version
        for e in detail.entities:
            v = store.decide_entity(row.sha256, e.id, "accept", "reviewer1", v)
        v = store.set_attribute(row.sha256, row.suggested_label, "reviewer1", None, v)
        assert store.approve(row.sha256, "reviewer1", v) == "approved"
    from flows.publish import publish_approved_flow

    world.published = publish_approved_flow(home=str(world.settings.home))
    world.approved = tuple(r.sha256 for r in chosen)
    return world


def test_publication_writes_leak_gated_copies_named_by_sha256(published: World) -> None:
    from redact.extract import extract

    summary, store = published.published, published.store
    assert sorted(summary.published) == sorted(published.approved), summary.sent_back
    for sha in published.approved:
        row = store.get_document(sha)
        assert row is not None and row.status == "published"
        out = Path(row.published_path or "")
        assert out.parent == published.settings.outbox / row.label
        assert out.name == sha[:16] + Path(row.stored_path).suffix
        removed = [e.text for e in store.review(sha).entities if e.redacted]
        assert removed, "the chosen documents had personal data to remove"
        text = extract(out).text
        assert [v for v in removed if v in text] == []
        assert Path(row.stored_path).is_file()  # the original stays in the store, unchanged


def test_the_report_flow_counts_the_published_documents(published: World) -> None:
    from flows.report import report_flow

    today = date.today().isoformat()
    path = report_flow(home=str(published.settings.home), start=today, end=today)
    md = path.read_text(encoding="utf-8")
    assert "| 已发布 | 2 |" in md and "| 审核完成 | 2 |" in md
    assert path.with_suffix(".csv").is_file()


def test_the_retrain_flow_learns_from_the_two_decisions_and_reports(
    published: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.retrain import retrain_flow

    shutil.copytree(ROOT / "models" / "attribute", tmp_path / "models" / "attribute")
    monkeypatch.setenv("REDACT_MODELS_DIR", str(tmp_path / "models"))  # never replace the shipped model here
    report = retrain_flow(home=str(published.settings.home), n_synthetic=300)
    assert report["decisions"] == 2 and isinstance(report["installed"], bool)
    assert (published.settings.home / "retrain" / "report.json").is_file()


def test_prefect_database_holds_no_personal_data(published: World, prefect_home: Path) -> None:
    """Every text column of every table of Prefect's database: logs, parameters, run names, states, artifacts."""
    detected = {
        e.text for r in published.store.queue(limit=1000) for e in published.store.review(r.sha256).entities
        if e.action == "redact" and len(e.text) >= 2
    }
    values = sorted(set(published.drop.personal) | detected)
    db = sqlite3.connect(prefect_home / "prefect.db")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert {"flow_run", "task_run", "log", "artifact"} <= set(tables)
    runs = db.execute("SELECT count(*) FROM flow_run").fetchone()[0]
    assert runs >= 3  # two sweeps and a publication were recorded
    found: dict[str, set[str]] = {}
    for table in tables:
        for row in db.execute(f'SELECT * FROM "{table}"'):
            for cell in row:
                if isinstance(cell, bytes):
                    cell = cell.decode("utf-8", "replace")
                if not isinstance(cell, str):
                    continue
                for v in values:
                    if v in cell or v.encode("unicode_escape").decode() in cell:
                        found.setdefault(table, set()).add(v[:2] + "…")
    assert found == {}
    artifacts = db.execute("SELECT count(*) FROM artifact").fetchone()[0]
    assert artifacts >= 3  # the operators' summaries are there, just without personal data
