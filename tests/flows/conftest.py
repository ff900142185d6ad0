"""One Prefect harness for the whole session (and the intake-drop helpers on the import path).

The harness is Prefect's local mode on a temporary ``PREFECT_HOME`` whose SQLite file the
privacy test reads afterwards (shared/docs/prefect.md: a patient start-up, no telemetry).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for _p in (ROOT, Path(__file__).parent):  # the top-level flows package; intake_drops.py
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Prefect's local mode on a fresh home for the whole session; yields the folder of prefect.db."""
    home = tmp_path_factory.mktemp("prefect-home")
    for key, value in {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}.items():
        os.environ.setdefault(key, value)
    from prefect.settings import (
        PREFECT_API_DATABASE_CONNECTION_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        PREFECT_HOME,
        PREFECT_SERVER_ANALYTICS_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    with temporary_settings(
        updates={
            PREFECT_HOME: str(home),
            PREFECT_API_DATABASE_CONNECTION_URL: f"sqlite+aiosqlite:///{home / 'prefect.db'}",
            PREFECT_SERVER_ANALYTICS_ENABLED: False,
            PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 180,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None,  # heartbeats off in tests (0.3–0.6 s per flow instead of 1.2 s)
        }
    ):
        yield home
