"""A sweep killed with SIGKILL at any point, then rerun: every file exactly once, none lost.

The sweep runs in a subprocess (the same library code the ``intake_sweep`` flow runs); the test
kills it once while files are being moved into the store and once during analysis, then lets a
third run finish and checks the store, the review database, the quarantine and the intake folder.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from intake_drops import fill_intake

pytestmark = pytest.mark.slow

SWEEP = """
import sys
from redact.intake import sweep
from redact.review.store import Store
from redact.settings import Settings

settings = Settings(home=sys.argv[1], stable_seconds=0, workers=1)
store = Store.from_settings(settings)
store.migrate()
sweep(settings, store)
"""


def _start(home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REDACT_CONFIG": str(home / "none.toml")}
    return subprocess.Popen([sys.executable, "-c", SWEEP, str(home)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _documents(home: Path) -> int:
    db = home / "redact.db"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _kill_when(proc: subprocess.Popen[bytes], ready, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"the sweep ended before the kill point: {proc.stderr.read()[-2000:]!r}"
        assert time.monotonic() < deadline, "kill point never reached"
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sweep_killed_twice_then_rerun_processes_every_file_exactly_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    drop = fill_intake(home / "intake", total=40)
    good = {_sha(p) for p in drop.good}
    bad = {p.name for p in drop.bad}
    journal = home / "store" / ".journal"
    claimable = {p.name for p in drop.good + drop.bad + drop.duplicate}

    # 1. killed while moving files into the store
    proc = _start(home)
    _kill_when(proc, lambda: journal.is_dir() and any(journal.iterdir()))
    assert set(os.listdir(home / "intake")) & claimable, "killed too late: every file was already claimed"

    # 2. killed in the middle of the analysis
    proc = _start(home)
    _kill_when(proc, lambda: _documents(home) >= 3)
    assert _documents(home) < len(good), "killed too late: every document was already analyzed"

    # 3. a run that finishes
    proc = _start(home)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]

    stored = [p for p in (home / "store").glob("??/*")]
    assert sorted(p.name.split(".")[0] for p in stored) == sorted(good)  # once each, none missing
    assert all(_sha(p) == p.name.split(".")[0] for p in stored)  # the bytes are the original bytes
    with sqlite3.connect(home / "redact.db") as conn:
        docs = {r[0] for r in conn.execute("SELECT sha256 FROM documents")}
        received = Counter(r[0] for r in conn.execute("SELECT sha256 FROM audit_log WHERE event = 'received'"))
        duplicates = conn.execute("SELECT count(*) FROM audit_log WHERE event = 'duplicate'").fetchone()[0]
    assert docs == good
    assert set(received.values()) == {1}
    assert duplicates >= 1
    quarantined = {p.name for p in (home / "quarantine").iterdir() if not p.name.endswith(".reason.txt")}
    assert quarantined == bad
    assert all((home / "quarantine" / f"{name}.reason.txt").is_file() for name in bad)
    assert sorted(os.listdir(home / "intake")) == sorted(p.name for p in drop.temporary)
    assert list(journal.iterdir()) == [] and list((home / "store" / ".tmp").iterdir()) == []
