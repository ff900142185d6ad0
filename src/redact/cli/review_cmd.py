"""``redact review …``, ``redact users …`` and ``redact web``: the review store for terminal users.

The same ``Store`` (same roles, optimistic locking and audit) as the web UI. ``--user`` names the
reviewer the decision is recorded for; it must be an active reviewer or admin account. Entity
values are personal data: ``review show`` masks them unless ``--reveal`` is given.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from redact.document import LABEL_ZH
from redact.errors import RedactError, ReviewError
from redact.review.store import DocumentRow, Store
from redact.review.workdays import zh_date
from redact.settings import Settings

EXIT_REFUSED = 1
HOME = typer.Option(None, "--home", help="Data folder (default: REDACT_HOME or ./var).")
USER = typer.Option(..., "--user", "-u", help="Reviewer account the decision is recorded for.")
VERSION = typer.Option(None, "--version", help="Document version you reviewed (default: the current one).")

review_app = typer.Typer(help="Review queue: list, show and decide suggestions (audited).", no_args_is_help=True)
users_app = typer.Typer(help="Local accounts of the review UI (roles clerk, reviewer, admin).", no_args_is_help=True)
console = Console()
if not console.is_terminal:  # piped or captured: keep the tables readable
    console.width = 140


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
    app.add_typer(users_app, name="users")
    app.command("web", help="Serve the reviewer web UI (http://WEB_HOST:WEB_PORT/).")(web_command)


def _settings(home: Path | None) -> Settings:
    return Settings(home=home) if home else Settings()


def _store(home: Path | None) -> Store:
    store = Store.from_settings(_settings(home))
    store.migrate()
    return store


def _refuse(err: RedactError) -> typer.Exit:
    typer.echo(f"refused: {err.reason()}", err=True)
    return typer.Exit(EXIT_REFUSED)


def _resolve(store: Store, sha: str) -> DocumentRow:
    """Accept a unique sha256 prefix (≥ 8 characters) as the document id."""
    full = sha if store.get_document(sha) is not None else store.resolve(sha)
    doc = store.get_document(full) if full else None
    if doc is None:
        raise _refuse(ReviewError("no such document (give the sha256 or a unique prefix)"))
    return doc


def _mask(value: str) -> str:
    return value[:1] + "*" * (len(value) - 1) if len(value) > 1 else "*"


# --- review ---------------------------------------------------------------------------------------------


@review_app.command("list")
def list_command(
    status: str = typer.Option("in_review", help="received|analyzed|in_review|approved|withheld|published|all"),
    label: str | None = typer.Option(None, help="public|on_request|non_public"),
    entity_type: str | None = typer.Option(None, "--type", help="Only documents with this entity type."),
    limit: int = typer.Option(50),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    home: Path | None = HOME,
) -> None:
    """Documents oldest first, with the Art. 26 deadline."""
    store = _store(home)
    rows = store.queue(status=None if status == "all" else status, label=label, entity_type=entity_type,
                       limit=limit)
    if as_json:
        for r in rows:
            typer.echo(json.dumps({
                "sha256": r.sha256, "source": r.source, "status": r.status, "received": r.received_at.isoformat(),
                "deadline": r.deadline.isoformat(), "suggested": r.suggested_label, "label": r.label,
                "entities": r.entity_count, "pending": r.pending_count, "version": r.version,
            }, ensure_ascii=False))
        return
    table = Table("sha256", "file", "status", "attribute", "pending/all", "received", "deadline")
    for r in rows:
        lab = r.effective_label
        table.add_row(r.sha256[:12], r.source, r.status, LABEL_ZH.get(lab, "-") if lab else "-",
                      f"{r.pending_count}/{r.entity_count}", zh_date(r.received_at.date()), zh_date(r.deadline))
    console.print(table)
    console.print(f"{store.queue_size(status=None if status == 'all' else status)} document(s); "
                  + ", ".join(f"{k} {v}" for k, v in store.counts().items()))


@review_app.command("show")
def show_command(
    sha: str = typer.Argument(..., help="sha256 (or a unique prefix)."),
    reveal: bool = typer.Option(False, "--reveal", help="Print entity values unmasked (personal data)."),
    as_json: bool = typer.Option(False, "--json"),
    home: Path | None = HOME,
) -> None:
    """One document: suggestions with their ids and states, the attribute and its reasons."""
    store = _store(home)
    detail = store.review(_resolve(store, sha).sha256)
    doc = detail.document
    shown = (lambda v: v) if reveal else _mask
    if as_json:
        typer.echo(json.dumps({
            "sha256": doc.sha256, "status": doc.status, "version": doc.version, "label": doc.label,
            "attribute": None if detail.attribute is None else {
                "label": detail.attribute.label, "confidence": detail.attribute.confidence,
                "reasons": [{k: r.get(k) for k in ("code", "basis")} for r in detail.attribute.reasons]},
            "entities": [{"id": e.id, "type": e.type, "start": e.start, "end": e.end, "text": shown(e.text),
                          "action": e.action, "state": e.state} for e in detail.entities],
            "manual": [{"id": m.id, "type": m.type, "start": m.start, "end": m.end} for m in detail.manual],
        }, ensure_ascii=False))
        return
    console.print(f"{doc.sha256}  {doc.source}  status={doc.status}  version={doc.version}  "
                  f"deadline={zh_date(doc.deadline)}")
    if detail.attribute:
        a = detail.attribute
        console.print(f"attribute: suggested {a.label} ({a.confidence:.2f}); chosen {doc.label or '-'}")
        for r in a.reasons:
            console.print(f"  {r.get('code')}  {r.get('basis')}")
    table = Table("id", "type", "span", "value", "action", "state")
    for e in detail.entities:
        table.add_row(str(e.id), e.type, f"{e.start}-{e.end}", shown(e.text), e.action, e.state)
    for m in detail.manual:
        table.add_row(f"m{m.id}", m.type, f"{m.start}-{m.end}", shown(doc.text[m.start:m.end]), "redact", "manual")
    console.print(table)


def _decide(sha: str, entity_ids: list[int], decision: str, user: str, version: int | None, home: Path | None) -> None:
    store = _store(home)
    doc = _resolve(store, sha)
    v = version if version is not None else doc.version
    try:
        for entity_id in entity_ids:
            v = store.decide_entity(doc.sha256, entity_id, decision, user, v)
    except RedactError as err:
        raise _refuse(err) from err
    typer.echo(f"{decision}ed {len(entity_ids)} suggestion(s); version {v}")


@review_app.command("accept")
def accept_command(sha: str, entity_ids: list[int], user: str = USER, version: int | None = VERSION,
                   home: Path | None = HOME) -> None:
    """Accept suggestions by id (see ``review show``)."""
    _decide(sha, entity_ids, "accept", user, version, home)


@review_app.command("reject")
def reject_command(sha: str, entity_ids: list[int], user: str = USER, version: int | None = VERSION,
                   home: Path | None = HOME) -> None:
    """Reject suggestions by id: they are not redacted."""
    _decide(sha, entity_ids, "reject", user, version, home)


@review_app.command("decide")
def decide_command(
    sha: str,
    user: str = USER,
    all_of_type: str | None = typer.Option(None, "--all-of-type", help="Decide every suggestion of this type."),
    decision: str = typer.Option("accept", help="accept|reject (with --all-of-type)."),
    label: str | None = typer.Option(None, help="Final attribute: public|on_request|non_public."),
    justification: str | None = typer.Option(None, help="Why (required for non_public → public)."),
    manual: list[str] = typer.Option([], "--manual", help="START:END:TYPE code-point span to redact (repeatable)."),
    approve: bool = typer.Option(False, "--approve", help="Sign off afterwards."),
    version: int | None = VERSION,
    home: Path | None = HOME,
) -> None:
    """Several decisions at once: a whole type, manual redactions, the attribute, then sign-off."""
    store = _store(home)
    doc = _resolve(store, sha)
    v = version if version is not None else doc.version
    try:
        if all_of_type:
            v = store.decide_all_of_type(doc.sha256, all_of_type, decision, user, v)
        for spec in manual:
            try:
                start, end, etype = spec.split(":", 2)
                span = int(start), int(end)
            except ValueError as err:
                raise ReviewError("--manual takes START:END:TYPE") from err
            v = store.add_manual_redaction(doc.sha256, span[0], span[1], etype, user, v)
        if label:
            v = store.set_attribute(doc.sha256, label, user, justification, v)
        if approve:
            typer.echo(f"status {store.approve(doc.sha256, user, v)}")
            return
    except RedactError as err:
        raise _refuse(err) from err
    typer.echo(f"version {v}")


@review_app.command("approve")
def approve_command(sha: str, user: str = USER, version: int | None = VERSION, home: Path | None = HOME) -> None:
    """Sign off a fully decided document (approved, or withheld when non_public)."""
    store = _store(home)
    doc = _resolve(store, sha)
    try:
        typer.echo(f"status {store.approve(doc.sha256, user, version if version is not None else doc.version)}")
    except RedactError as err:
        raise _refuse(err) from err


@review_app.command("withhold")
def withhold_command(sha: str, user: str = USER, justification: str | None = typer.Option(None),
                     version: int | None = VERSION, home: Path | None = HOME) -> None:
    """Set the attribute to non_public and sign off: the document is not published."""
    store = _store(home)
    doc = _resolve(store, sha)
    try:
        v = store.set_attribute(doc.sha256, "non_public", user, justification,
                                version if version is not None else doc.version)
        typer.echo(f"status {store.approve(doc.sha256, user, v)}")
    except RedactError as err:
        raise _refuse(err) from err


# --- users ----------------------------------------------------------------------------------------------


@users_app.command("add")
def users_add(
    username: str,
    role: str = typer.Option("reviewer", help="clerk|reviewer|admin"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
    home: Path | None = HOME,
) -> None:
    """Create an account (from the server's terminal; in the web UI only admins may)."""
    try:
        user = _store(home).add_user(username, password, role)
    except RedactError as err:
        raise _refuse(err) from err
    typer.echo(f"added {user.username} ({user.role})")


@users_app.command("list")
def users_list(home: Path | None = HOME) -> None:
    table = Table("username", "role", "active", "created")
    for u in _store(home).list_users():
        table.add_row(u.username, u.role, "yes" if u.active else "no", zh_date(u.created_at.date()))
    console.print(table)


@users_app.command("disable")
def users_disable(username: str, home: Path | None = HOME) -> None:
    """Disable an account (it can no longer log in; its decisions stay in the audit log)."""
    try:
        _store(home).disable_user(username)
    except RedactError as err:
        raise _refuse(err) from err
    typer.echo(f"disabled {username}")


# --- web ------------------------------------------------------------------------------------------------


def web_command(
    host: str | None = typer.Option(None, help="Bind address (default: settings.web_host)."),
    port: int | None = typer.Option(None, help="Port (default: settings.web_port)."),
    https_only: bool = typer.Option(False, "--https-only", help="Secure cookie flag (serve behind TLS)."),
    home: Path | None = HOME,
) -> None:
    import uvicorn

    from redact.web import create_app

    settings = _settings(home)
    app = create_app(settings, _store(home), https_only=https_only)
    uvicorn.run(app, host=host or settings.web_host, port=port or settings.web_port, log_level="info")
