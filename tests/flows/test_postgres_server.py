"""Scale-out check: one sweep through a real ``prefect server start`` whose database is PostgreSQL.

This is the production layout of docs/deploy.md (server on PostgreSQL, flows talking to it over
``PREFECT_API_URL``). It needs PostgreSQL at 127.0.0.1:5432 (trust auth): skipped where there is
none, mandatory under CI=true.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from intake_drops import ROOT, SAMPLES

from tests.conftest import require

pytestmark = [pytest.mark.postgres, pytest.mark.prefect, pytest.mark.slow]


def _pg_user() -> str | None:
    import psycopg

    for user in ("postgres", "root"):
        try:
            with psycopg.connect(f"host=127.0.0.1 port=5432 dbname=postgres user={user} connect_timeout=3"):
                return user
        except psycopg.OperationalError:
            continue
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_database() -> Iterator[tuple[str, str]]:
    """A dedicated, fresh database ``prefect_test_<id>`` with pg_trgm available; dropped afterwards."""
    user = _pg_user()
    require(user is not None, "PostgreSQL not reachable at 127.0.0.1:5432")
    import psycopg

    name = f"prefect_test_{uuid.uuid4().hex[:8]}"
    admin = f"host=127.0.0.1 port=5432 dbname=postgres user={user}"
    with psycopg.connect(admin, autocommit=True) as conn:
        have_trgm = conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").fetchone()
        assert have_trgm, "Prefect's server needs the pg_trgm extension (postgresql-contrib)"
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield user, name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def prefect_server(pg_database: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``prefect server start`` on PostgreSQL; yields its API URL."""
    user, name = pg_database
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path_factory.mktemp("prefect-server-home")),
        "PREFECT_API_DATABASE_CONNECTION_URL": f"postgresql+asyncpg://{user}@127.0.0.1:5432/{name}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    env.pop("PREFECT_API_URL", None)
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    server = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 240
        while True:
            assert server.poll() is None, server.stderr.read()[-3000:] if server.stderr else "server exited"
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "prefect server did not become healthy in 240 s"
            time.sleep(1)
        yield api
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


RUN_SWEEP = """
import json, sys
from flows.intake import intake_sweep_flow
summary = intake_sweep_flow(home=sys.argv[1])
print(json.dumps(summary.by_status))
"""


def test_one_sweep_runs_through_a_prefect_server_on_postgresql(
    prefect_server: str, pg_database: tuple[str, str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / "intake").mkdir(parents=True)
    txts = sorted(SAMPLES.glob("*.txt"))[:2]
    for f in txts:
        shutil.copy2(f, home / "intake" / f.name)
    (home / "intake" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_server,
        "PREFECT_SERVER_EPHEMERAL_ENABLED": "false",  # fail loudly rather than start a local server
        "REDACT_STABLE_SECONDS": "0",
        "REDACT_CONFIG": str(home / "none.toml"),
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run([sys.executable, "-c", RUN_SWEEP, str(home)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    status = json.loads(run.stdout.strip().splitlines()[-1])
    assert status["analyzed"] == len(txts) and status["quarantined"] == 1

    import psycopg

    user, name = pg_database
    with psycopg.connect(f"host=127.0.0.1 port=5432 dbname={name} user={user}") as conn:
        runs = conn.execute(
            "SELECT f.name, r.state_type FROM flow_run r JOIN flow f ON f.id = r.flow_id"
        ).fetchall()
        artifacts = conn.execute("SELECT key FROM artifact WHERE key IS NOT NULL").fetchall()
    assert [(n, str(s).split(".")[-1]) for n, s in runs] == [("intake_sweep", "COMPLETED")]
    assert {"intake-sweep", "intake-sweep-counts"} <= {a[0] for a in artifacts}


def test_prefect_yaml_deploys_every_flow_to_a_process_work_pool(prefect_server: str, pg_database: tuple[str, str]) -> None:
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_SERVER_EPHEMERAL_ENABLED": "false"}
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    pool = subprocess.run([prefect, "work-pool", "create", "redact-process", "--type", "process"],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert pool.returncode == 0, pool.stdout[-2000:] + pool.stderr[-2000:]
    deploy = subprocess.run([prefect, "--no-prompt", "deploy", "--all"],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert deploy.returncode == 0, deploy.stdout[-3000:] + deploy.stderr[-3000:]

    import psycopg

    user, name = pg_database
    with psycopg.connect(f"host=127.0.0.1 port=5432 dbname={name} user={user}") as conn:
        rows = conn.execute(
            "SELECT d.name, s.schedule FROM deployment d JOIN deployment_schedule s ON s.deployment_id = d.id"
        ).fetchall()
    crons = {n: (sched or {}).get("cron") for n, sched in rows}
    assert crons == {
        "intake-sweep": "*/10 * * * *",
        "publish-approved": "*/30 * * * *",
        "monthly-report": "0 6 1 * *",
        "retrain": "0 2 * * 0",
    }


def test_redact_serve_registers_the_schedules_from_settings(
    prefect_server: str, pg_database: tuple[str, str], tmp_path: Path
) -> None:
    import psycopg

    user, name = pg_database
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_server,
        "PREFECT_SERVER_EPHEMERAL_ENABLED": "false",
        "REDACT_INTAKE_SCHEDULE": "*/5 * * * *",
        "REDACT_CONFIG": str(tmp_path / "none.toml"),
    }
    redact = shutil.which("redact", path=str(Path(sys.executable).parent)) or "redact"
    serve = subprocess.Popen([redact, "serve", "--home", str(tmp_path / "home")], env=env, cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    query = (
        "SELECT s.schedule FROM deployment d JOIN deployment_schedule s ON s.deployment_id = d.id "
        "JOIN flow f ON f.id = d.flow_id WHERE d.name = 'intake-sweep' AND s.active"
    )
    try:
        deadline = time.monotonic() + 180
        crons: list[str] = []
        while "*/5 * * * *" not in crons:
            assert serve.poll() is None, serve.stderr.read()[-3000:] if serve.stderr else "serve exited"
            assert time.monotonic() < deadline, f"serve did not register its schedule: {crons}"
            time.sleep(1)
            with psycopg.connect(f"host=127.0.0.1 port=5432 dbname={name} user={user}") as conn:
                crons = [(r[0] or {}).get("cron") for r in conn.execute(query).fetchall()]
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
