"""The reviewer web UI: FastAPI with server-rendered Jinja2 templates over the same ``Store`` as the CLI.

Every page needs a session (else a redirect to the login page), every form carries a CSRF token,
roles are enforced by the store, and document text is only ever rendered through Jinja2's
autoescaping. Personal data is shown inside these pages only, never logged.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from redact.errors import PermissionDenied, ReviewError, StaleEdit
from redact.review.auth import ROLE_ZH, may
from redact.review.models import LABELS, STATUSES
from redact.review.store import MANUAL_TYPES, Store, UserRow
from redact.review.workdays import working_days_between, zh_date
from redact.web import labels as zh
from redact.web.render import preview, segments
from redact.web.security import (
    CSRF_FIELD,
    SESSION_COOKIE,
    CsrfRejected,
    LoginRequired,
    check_csrf,
    csrf_token,
    safe_next,
    secret_key,
)

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
PAGE_SIZE = 50
#: Everything is served from this origin; no inline script may run, no page may frame us.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def _version(form: Any) -> int:
    """The document version the page was rendered with; a missing or garbled one counts as stale."""
    try:
        return int(form.get("version", ""))
    except (TypeError, ValueError) as exc:
        raise StaleEdit() from exc


def create_app(settings: Any, store: Store | None = None, *, https_only: bool = False) -> FastAPI:
    """Build the web app. ``https_only`` adds the Secure flag to the session cookie (behind TLS)."""
    if store is None:
        store = Store.from_settings(settings)
        store.migrate()
    app = FastAPI(title="redact 审核", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.settings = settings
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key(settings),
        session_cookie=SESSION_COOKIE,
        max_age=8 * 3600,
        same_site="lax",
        https_only=https_only,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def _security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(
        zh_date=zh_date, STATUS_ZH=zh.STATUS_ZH, LABEL_ZH=zh.LABEL_ZH, TYPE_ZH=zh.TYPE_ZH, STATE_ZH=zh.STATE_ZH,
        ACTION_ZH=zh.ACTION_ZH, EVENT_ZH=zh.EVENT_ZH, ROLE_ZH=ROLE_ZH, CSRF_FIELD=CSRF_FIELD,
    )

    def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        user = request.state.user if hasattr(request.state, "user") else None
        context.update(request=request, user=user, csrf=csrf_token(request),
                       can_decide=bool(user and may(user.role, "decide")))
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def current_user(request: Request) -> UserRow:
        name = request.session.get("user")
        user = store.get_user(name) if name else None
        if user is None or not user.active:
            raise LoginRequired()
        request.state.user = user
        return user

    async def checked_form(request: Request) -> Any:
        form = await request.form()
        check_csrf(request, form)
        return form

    def back_to(sha256: str, anchor: str = "") -> RedirectResponse:
        return RedirectResponse(f"/doc/{sha256}{anchor}", status_code=303)

    # --- errors at the edge -------------------------------------------------------------------------

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, _exc: CsrfRejected) -> Response:
        return render(request, "error.html", 403, message="表单已失效或来源不明（CSRF 校验失败）。请刷新页面后重试。")

    @app.exception_handler(ReviewError)
    async def _review_error(request: Request, exc: ReviewError) -> Response:
        status = 403 if isinstance(exc, PermissionDenied) else 409 if exc.code == "E402" else 400
        log.info("review action refused: %s", exc.code)
        return render(request, "error.html", status, message=zh.error_zh(exc), code=exc.code,
                      back=request.headers.get("referer"))

    # --- login -----------------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse)
    async def login_page(request: Request, next: str = "/queue") -> Response:
        return render(request, "login.html", next=safe_next(next), failed=False)

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await checked_form(request)
        user = store.authenticate(str(form.get("username", "")), str(form.get("password", "")))
        if user is None:
            return render(request, "login.html", 401, next=safe_next(str(form.get("next", ""))), failed=True)
        request.session.clear()  # a fresh session (and CSRF token) after login
        request.session["user"] = user.username
        return RedirectResponse(safe_next(str(form.get("next", ""))), status_code=303)

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        await checked_form(request)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # --- queue -----------------------------------------------------------------------------------

    @app.get("/")
    async def home(request: Request) -> Response:
        current_user(request)
        return RedirectResponse("/queue", status_code=303)

    @app.get("/queue", response_class=HTMLResponse)
    def queue(request: Request, status: str = "in_review", label: str = "", type: str = "", page: int = 1) -> Response:
        current_user(request)
        status = status if status in STATUSES else ""
        label = label if label in LABELS else ""
        type = type if type in MANUAL_TYPES else ""
        page = max(page, 1)
        rows = store.queue(status=status or None, label=label or None, entity_type=type or None,
                           limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        total = store.queue_size(status=status or None, label=label or None, entity_type=type or None)
        today = date.today()
        filters = {"status": status, "label": label, "type": type}
        return render(
            request, "queue.html", rows=rows, total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
            counts=store.counts(), label_counts=store.label_counts(status or None), filters=filters,
            days_left={r.sha256: working_days_between(today, r.deadline) for r in rows},
            statuses=STATUSES, labels=LABELS, types=MANUAL_TYPES,
            page_url=lambda p: "/queue?" + urlencode({**filters, "page": p}),
        )

    # --- one document ------------------------------------------------------------------------------

    @app.get("/doc/{sha256}", response_class=HTMLResponse)
    def document(request: Request, sha256: str) -> Response:
        current_user(request)
        detail = store.review(sha256)
        by_type: OrderedDict[str, list] = OrderedDict()
        for e in detail.entities:
            by_type.setdefault(e.type, []).append(e)
        return render(
            request, "document.html", d=detail, doc=detail.document, audit=detail.audit, segs=segments(detail),
            by_type=by_type,
            preview=preview(detail, settings.masking), types=MANUAL_TYPES, labels=LABELS,
            days_left=working_days_between(date.today(), detail.document.deadline),
        )

    @app.post("/doc/{sha256}/entity/{entity_id}")
    async def decide_entity(request: Request, sha256: str, entity_id: int) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        store.decide_entity(sha256, entity_id, str(form.get("decision")), user.username, _version(form))
        return back_to(sha256, f"#e{entity_id}")

    @app.post("/doc/{sha256}/type/{entity_type}")
    async def decide_type(request: Request, sha256: str, entity_type: str) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        store.decide_all_of_type(sha256, entity_type, str(form.get("decision")), user.username,
                                 _version(form))
        return back_to(sha256, f"#type-{entity_type}")

    @app.post("/doc/{sha256}/manual")
    async def add_manual(request: Request, sha256: str) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        try:
            start, end = int(form.get("start", "")), int(form.get("end", ""))
        except ValueError as exc:
            raise ReviewError("the selection is outside the document text") from exc
        store.add_manual_redaction(sha256, start, end, str(form.get("type")), user.username,
                                   _version(form))
        return back_to(sha256, "#manual")

    @app.post("/doc/{sha256}/manual/{manual_id}/remove")
    async def remove_manual(request: Request, sha256: str, manual_id: int) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        store.remove_manual_redaction(sha256, manual_id, user.username, _version(form))
        return back_to(sha256, "#manual")

    @app.post("/doc/{sha256}/attribute")
    async def set_attribute(request: Request, sha256: str) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        store.set_attribute(sha256, str(form.get("label")), user.username, str(form.get("justification", "")),
                            _version(form))
        return back_to(sha256, "#attribute")

    @app.post("/doc/{sha256}/approve")
    async def approve(request: Request, sha256: str) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        store.approve(sha256, user.username, _version(form))
        return back_to(sha256)

    @app.get("/doc/{sha256}/audit", response_class=HTMLResponse)
    def audit(request: Request, sha256: str) -> Response:
        current_user(request)
        doc = store.get_document(sha256)
        if doc is None:
            raise ReviewError(f"no document {sha256[:12]} in the review store")
        return render(request, "audit.html", doc=doc, audit=store.audit_log(sha256))

    # --- statistics (annual report, Art. 50) --------------------------------------------------------

    @app.get("/stats", response_class=HTMLResponse)
    def stats(request: Request, start: str = "", end: str = "") -> Response:
        current_user(request)
        today = date.today()
        try:
            lo = date.fromisoformat(start) if start else date(today.year, 1, 1)
            hi = date.fromisoformat(end) if end else today
        except ValueError:
            lo, hi = date(today.year, 1, 1), today
        return render(request, "stats.html", stats=store.statistics(lo, hi), start=lo, end=hi)

    # --- users (admins) -------------------------------------------------------------------------------

    @app.get("/users", response_class=HTMLResponse)
    def users(request: Request) -> Response:
        user = current_user(request)
        if not may(user.role, "manage_users"):
            raise PermissionDenied("only admins manage users")
        return render(request, "users.html", users=store.list_users(), roles=("clerk", "reviewer", "admin"))

    @app.post("/users")
    async def add_user(request: Request) -> Response:
        user = current_user(request)
        form = await checked_form(request)
        store.add_user(str(form.get("username", "")), str(form.get("password", "")), str(form.get("role", "")),
                       by=user.username)
        return RedirectResponse("/users", status_code=303)

    @app.post("/users/{username}/disable")
    async def disable_user(request: Request, username: str) -> Response:
        user = current_user(request)
        await checked_form(request)
        store.disable_user(username, by=user.username)
        return RedirectResponse("/users", status_code=303)

    return app
