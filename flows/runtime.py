"""What every flow needs: Prefect's environment, the settings, the review store, a progress hook.

This module never imports Prefect, so the CLI can configure the environment first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from redact.settings import Settings

#: Local mode on an offline machine (shared/docs/prefect.md): no telemetry, a patient start-up.
PREFECT_DEFAULTS: dict[str, str] = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def configure_prefect(settings: Settings, **extra: str) -> dict[str, str]:
    """Set Prefect's environment defaults (never overriding what the operator set); call before ``import prefect``.

    Without ``PREFECT_API_URL`` the first flow starts Prefect's temporary local server with its
    SQLite database in ``PREFECT_HOME`` (default ``<home>/prefect``).
    """
    wanted = dict(PREFECT_DEFAULTS)
    wanted["PREFECT_HOME"] = str((settings.home / "prefect").resolve())
    wanted.update(extra)
    applied = {}
    for key, value in wanted.items():
        if key not in os.environ:
            os.environ[key] = value
            applied[key] = value
    return applied


def load_settings(home: str | None) -> Settings:
    """The flow's settings: the environment/redact.toml, with ``home`` (a folder, no personal data) if given."""
    return Settings(home=Path(home)) if home else Settings()


def open_store(settings: Settings) -> Any:
    """The review store (``redact.review.store.Store``), migrated."""
    from redact.review.store import Store

    store = Store.from_settings(settings)
    store.migrate()
    return store


_progress_factory: Callable[[str, int], Callable[[int], None]] | None = None


@contextmanager
def progress_bars(factory: Callable[[str, int], Callable[[int], None]]) -> Iterator[None]:
    """Let the CLI show progress (``factory(description, total) -> advance``) of flows it runs in-process."""
    global _progress_factory
    _progress_factory = factory
    try:
        yield
    finally:
        _progress_factory = None


def progress(description: str, total: int) -> Callable[[int], None] | None:
    return _progress_factory(description, total) if _progress_factory and total else None
