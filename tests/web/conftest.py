"""The web app over a fresh review store (SQLite and PostgreSQL), with one user per role and a logged-in client factory."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redact.review.store import Store
from redact.settings import Settings
from redact.web import create_app
from tests.review.conftest import make_store

PASSWORDS = {"rita": "reviewer-pass", "rob": "reviewer-pass-2", "carl": "clerk-pass-1", "ada": "admin-pass-1"}
ROLES = {"rita": "reviewer", "rob": "reviewer", "carl": "clerk", "ada": "admin"}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _CSRF.search(html)
    assert match, "page has no form with a CSRF token"
    return match.group(1)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same web tests on both databases (PostgreSQL: a schema of its own, see tests/review)."""
    with contextmanager(make_store)(request.param, tmp_path) as s:
        for name, role in ROLES.items():
            s.add_user(name, PASSWORDS[name], role)
        yield s


@pytest.fixture
def app(store: Store, tmp_path: Path):
    return create_app(Settings(home=tmp_path, secret_key="test-secret"), store)


@pytest.fixture
def login(app) -> Callable[[str], TestClient]:
    """``login("rita")`` → a client with rita's session."""

    def _login(username: str) -> TestClient:
        client = TestClient(app)
        page = client.get("/login")
        r = client.post("/login", data={"csrf_token": csrf_of(page.text), "username": username,
                                        "password": PASSWORDS[username], "next": "/queue"})
        assert r.status_code == 200 and r.url.path == "/queue"
        return client

    return _login
