"""The web app over a fresh SQLite review store, with one user per role and a logged-in client factory."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redact.review.store import Store
from redact.settings import Settings
from redact.web import create_app

PASSWORDS = {"rita": "reviewer-pass", "rob": "reviewer-pass-2", "carl": "clerk-pass-1", "ada": "admin-pass-1"}
ROLES = {"rita": "reviewer", "rob": "reviewer", "carl": "clerk", "ada": "admin"}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _CSRF.search(html)
    assert match, "page has no form with a CSRF token"
    return match.group(1)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'review.db'}")
    s.migrate()
    for name, role in ROLES.items():
        s.add_user(name, PASSWORDS[name], role)
    return s


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
