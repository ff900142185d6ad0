"""Session key, CSRF tokens and the login guard of the web UI."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from starlette.requests import Request

SESSION_COOKIE = "redact_session"
CSRF_FIELD = "csrf_token"


class LoginRequired(Exception):
    """No (valid) session: the handler turns this into a redirect to the login page."""


class CsrfRejected(Exception):
    """A form arrived without the session's CSRF token."""


def secret_key(settings) -> str:
    """``settings.secret_key``, else a random key kept in ``<home>/web_secret_key`` (mode 0600)."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.home) / "web_secret_key"
    if path.is_file():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use); every form carries it in a hidden field."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, form) -> None:
    expected = request.session.get("csrf")
    sent = form.get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(expected, sent):
        raise CsrfRejected()


def safe_next(target: str | None) -> str:
    """Only local paths after login (no open redirect to another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/queue"
