"""A fresh review store per test, on SQLite and on PostgreSQL (a schema of its own, dropped afterwards).

PostgreSQL: 127.0.0.1:5432, trust auth, database ``test`` (user ``postgres``, else ``root``). The
PostgreSQL half skips when the server is unreachable, except under CI=true where it fails.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from redact.review.store import Store
from tests.conftest import require


@cache
def pg_dsn() -> str | None:
    """The first libpq DSN that connects, or None."""
    import psycopg

    for user in ("postgres", "root"):
        dsn = f"host=127.0.0.1 port=5432 dbname=test user={user} connect_timeout=3"
        try:
            with psycopg.connect(dsn):
                return dsn
        except psycopg.OperationalError:
            continue
    return None


def make_store(kind: str, tmp_path: Path) -> Iterator[Store]:
    if kind == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'review.db'}")
        s.migrate()
        yield s
        s.close()
        return
    dsn = pg_dsn()
    require(dsn is not None, "PostgreSQL not reachable at 127.0.0.1:5432 (database test)")
    import psycopg

    schema = f"h7_{uuid.uuid4().hex[:12]}"
    user = dsn.split("user=")[1].split()[0]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    s = Store(f"postgresql+psycopg://{user}@127.0.0.1:5432/test?options=-csearch_path%3D{schema}")
    try:
        s.migrate()
        yield s
    finally:
        s.close()
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from make_store(request.param, tmp_path)
