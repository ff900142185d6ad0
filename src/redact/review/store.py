"""The review store: every document waiting for a human decision, the decisions, and the audit trail.

One library under the web UI, the CLI and the Prefect flows (like Datasette's one object under CLI and
web). SQLite file by default (WAL, foreign keys on), PostgreSQL by URL (``postgresql+psycopg://…``).

Every review action names the acting user (roles are checked here, not in the callers), takes the
document ``version`` the user saw (optimistic locking: a stale version raises ``StaleEdit`` so two
reviewers never overwrite each other) and writes one audit row that holds ids and types, never values.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker, undefer

from redact.document import ENTITY_TYPES, Document, Entity
from redact.errors import PermissionDenied, ReviewError, StaleEdit
from redact.review import auth
from redact.review.models import (
    LABELS,
    ROLES,
    STATUSES,
    AttributeSuggestionTable,
    AuditTable,
    DecisionTable,
    DocumentTable,
    EntitySuggestionTable,
    ManualRedactionTable,
    UserTable,
)
from redact.review.workdays import add_working_days

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
#: Types a reviewer may give a manual redaction: the contract's entity types plus OTHER.
MANUAL_TYPES: tuple[str, ...] = (*ENTITY_TYPES, "OTHER")
DECISIONS = ("accept", "reject")
SYSTEM_ACTOR = "system"


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; everything we write is UTC, so say so."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


# --- rows handed to callers (plain dataclasses: no session, no lazy loading) ------------------------


@dataclass(frozen=True, slots=True)
class DocumentRow:
    sha256: str
    source: str
    format: str
    stored_path: str
    status: str
    received_at: datetime
    updated_at: datetime
    decided_at: datetime | None
    published_at: datetime | None
    deadline: date
    version: int
    script: str
    pages: int
    category: str | None
    suggested_label: str | None
    label: str | None
    published_path: str | None
    entity_count: int = 0
    pending_count: int = 0
    text: str = field(default="", repr=False)

    @property
    def effective_label(self) -> str | None:
        """The reviewer's label once chosen, else the suggestion."""
        return self.label or self.suggested_label


@dataclass(frozen=True, slots=True)
class AttributeRow:
    label: str
    confidence: float
    doc_type: str | None
    declared: str | None
    conflict: bool
    reasons: list[dict[str, Any]]
    category: str | None
    needs_redaction: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: int
    type: str
    start: int
    end: int
    text: str = field(repr=False)
    score: float = 0.0
    recognizer: str = ""
    action: str = "redact"
    reason: str = ""
    page: int | None = None
    state: str = "pending"

    @property
    def redacted(self) -> bool:
        """Removed on publication: accepted and suggested for redaction."""
        return self.state == "accepted" and self.action == "redact"


@dataclass(frozen=True, slots=True)
class ManualRow:
    id: int
    start: int
    end: int
    type: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: int
    target: str
    entity_id: int | None
    decision: str
    label: str | None
    by: str
    at: datetime
    justification: str | None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    event: str
    sha256: str | None
    actor: str
    entity_ids: list[int]
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    username: str
    role: str
    active: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewDetail:
    """Everything the review page shows for one document."""

    document: DocumentRow
    attribute: AttributeRow | None
    entities: list[EntityRow]
    manual: list[ManualRow]
    decisions: list[DecisionRow]
    audit: list[AuditRow]

    @property
    def pending(self) -> int:
        return sum(1 for e in self.entities if e.state == "pending")


@dataclass(frozen=True, slots=True)
class PublicationPlan:
    """What the publish stage removes from one approved document."""

    sha256: str
    stored_path: str
    format: str
    label: str
    entities: list[Entity]


# --- the store ----------------------------------------------------------------------------------------


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # the recommended durability level in WAL mode
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Store:
    """The review database. ``Store(url)`` connects; ``migrate()`` creates or upgrades the schema."""

    def __init__(self, url: str, *, engine: Engine | None = None) -> None:
        self.url = url
        if engine is None:
            if url.startswith("sqlite"):
                self._prepare_sqlite_dir(url)
                engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(url, pool_pre_ping=True)
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_settings(cls, settings: Any) -> Store:
        return cls(settings.db_url)

    @staticmethod
    def _prepare_sqlite_dir(url: str) -> None:
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # --- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _audit(
        s: Session,
        event_name: str,
        sha256: str | None,
        actor: str,
        entity_ids: Iterable[int] = (),
        **details: Any,
    ) -> None:
        s.add(
            AuditTable(
                at=_now(), event=event_name, sha256=sha256, actor=actor,
                entity_ids=list(entity_ids), details=details,
            )
        )
        log.info("audit %s doc=%s actor=%s", event_name, (sha256 or "-")[:12], actor)

    @staticmethod
    def _actor(s: Session, username: str, action: str) -> UserTable:
        user = s.scalar(select(UserTable).where(UserTable.username == username))
        if user is None or not user.active:
            raise PermissionDenied("unknown or disabled user")
        auth.check(user.role, action)
        return user

    @staticmethod
    def _doc(s: Session, sha256: str) -> DocumentTable:
        doc = s.get(DocumentTable, sha256)
        if doc is None:
            raise ReviewError(f"no document {sha256[:12]} in the review store")
        return doc

    def _open_for_review(self, s: Session, sha256: str, expected_version: int) -> DocumentTable:
        """Check the document is in review and bump its version, or raise ``StaleEdit``."""
        doc = self._doc(s, sha256)
        if doc.status != "in_review":
            raise ReviewError(f"document {sha256[:12]} is {doc.status}, not in review")
        result = s.execute(
            update(DocumentTable)
            .where(DocumentTable.sha256 == sha256, DocumentTable.version == expected_version)
            .values(version=DocumentTable.version + 1, updated_at=_now())
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            raise StaleEdit()
        s.refresh(doc)
        return doc

    @staticmethod
    def _row(doc: DocumentTable, *, entity_count: int = 0, pending_count: int = 0, text: str = "") -> DocumentRow:
        return DocumentRow(
            sha256=doc.sha256, source=doc.source, format=doc.format, stored_path=doc.stored_path,
            status=doc.status, received_at=_utc(doc.received_at), updated_at=_utc(doc.updated_at),
            decided_at=_utc(doc.decided_at), published_at=_utc(doc.published_at), deadline=doc.deadline,
            version=doc.version, script=doc.script, pages=doc.pages, category=doc.category,
            suggested_label=doc.suggested_label, label=doc.label, published_path=doc.published_path,
            entity_count=entity_count, pending_count=pending_count, text=text,
        )

    # --- intake side (flows) ---------------------------------------------------------------------

    def add_document(
        self,
        doc: Document,
        *,
        stored_path: str,
        original_name: str,
        received_at: datetime | None = None,
    ) -> bool:
        """Queue an analyzed document for review; False if this sha256 is already in the store."""
        received = received_at or _now()
        attr = doc.attribute
        row = DocumentTable(
            sha256=doc.sha256, source=original_name, format=doc.format, stored_path=stored_path,
            status="in_review", received_at=received, updated_at=received,
            deadline=add_working_days(received.date()), version=1, text=doc.text, script=doc.script,
            pages=len(doc.pages), category=attr.category if attr else None,
            suggested_label=attr.label if attr else None,
        )
        try:
            with self._session.begin() as s:
                if s.get(DocumentTable, doc.sha256) is not None:
                    return False
                s.add(row)
                s.flush()
                if attr is not None:
                    s.add(
                        AttributeSuggestionTable(
                            sha256=doc.sha256, label=attr.label, confidence=attr.confidence,
                            doc_type=attr.doc_type, declared=attr.declared, conflict=attr.conflict,
                            reasons=[
                                {"code": r.code, "basis": r.basis, "evidence": r.evidence,
                                 "start": r.start, "end": r.end, "label": r.label, "rule": r.rule}
                                for r in attr.reasons
                            ],
                            category=attr.category, needs_redaction=attr.needs_redaction,
                            explanation=attr.explanation,
                        )
                    )
                s.add_all(
                    EntitySuggestionTable(
                        sha256=doc.sha256, type=e.type, start=e.start, end=e.end, text=e.text,
                        score=e.score, recognizer=e.recognizer, action=e.action, reason=e.reason,
                        page=e.page, state="pending",
                    )
                    for e in doc.entities
                )
                self._audit(
                    s, "received", doc.sha256, SYSTEM_ACTOR,
                    entities=len(doc.entities), by_type=dict(Counter(e.type for e in doc.entities)),
                    suggested=attr.label if attr else None,
                )
        except IntegrityError:  # inserted concurrently by another worker
            return False
        return True

    def record_duplicate(self, sha256: str, original_name: str) -> None:
        """Note that a file with known content arrived again (the name is not stored: it may hold a name)."""
        with self._session.begin() as s:
            self._audit(s, "duplicate", sha256, SYSTEM_ACTOR, name_length=len(original_name))

    # --- reading -----------------------------------------------------------------------------------

    def get_document(self, sha256: str) -> DocumentRow | None:
        with self._session() as s:
            doc = s.scalar(
                select(DocumentTable).options(undefer(DocumentTable.text)).where(DocumentTable.sha256 == sha256)
            )
            if doc is None:
                return None
            total, pending = self._entity_counts(s, sha256)
            return self._row(doc, entity_count=total, pending_count=pending, text=doc.text)

    def resolve(self, prefix: str) -> str | None:
        """The sha256 that starts with ``prefix`` (at least 8 hex characters) if exactly one does."""
        if len(prefix) < 8 or not all(c in "0123456789abcdef" for c in prefix.lower()):
            return None
        with self._session() as s:
            found = s.scalars(
                select(DocumentTable.sha256).where(DocumentTable.sha256.startswith(prefix.lower())).limit(2)
            ).all()
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _entity_counts(s: Session, sha256: str) -> tuple[int, int]:
        rows = s.execute(
            select(EntitySuggestionTable.state, func.count())
            .where(EntitySuggestionTable.sha256 == sha256)
            .group_by(EntitySuggestionTable.state)
        ).all()
        by_state = dict(rows)
        return sum(by_state.values()), by_state.get("pending", 0)

    def queue(
        self,
        status: str | None = None,
        label: str | None = None,
        entity_type: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[DocumentRow]:
        """Documents oldest first (the Art. 26 deadline runs from receipt), filtered as asked."""
        q = self._filtered(select(DocumentTable), status, label, entity_type)
        q = q.order_by(DocumentTable.received_at, DocumentTable.sha256).limit(limit).offset(offset)
        with self._session() as s:
            docs = s.scalars(q).all()
            # entity counts for this page only (a correlated subquery would also run for skipped rows)
            counts: dict[str, Counter[str]] = {d.sha256: Counter() for d in docs}
            shas = list(counts)
            for i in range(0, len(shas), 500):
                rows = s.execute(
                    select(EntitySuggestionTable.sha256, EntitySuggestionTable.state, func.count())
                    .where(EntitySuggestionTable.sha256.in_(shas[i : i + 500]))
                    .group_by(EntitySuggestionTable.sha256, EntitySuggestionTable.state)
                ).all()
                for sha, state, n in rows:
                    counts[sha][state] = n
            return [
                self._row(d, entity_count=sum(counts[d.sha256].values()), pending_count=counts[d.sha256]["pending"])
                for d in docs
            ]

    @staticmethod
    def _filtered(q: Any, status: str | None, label: str | None, entity_type: str | None) -> Any:
        if status:
            q = q.where(DocumentTable.status == status)
        if label:
            q = q.where(func.coalesce(DocumentTable.label, DocumentTable.suggested_label) == label)
        if entity_type:
            ent = EntitySuggestionTable
            q = q.where(select(ent.id).where(ent.sha256 == DocumentTable.sha256, ent.type == entity_type).exists())
        return q

    def queue_size(self, status: str | None = None, label: str | None = None, entity_type: str | None = None) -> int:
        q = self._filtered(select(func.count()).select_from(DocumentTable), status, label, entity_type)
        with self._session() as s:
            return int(s.scalar(q) or 0)

    def counts(self) -> dict[str, int]:
        """Documents per status (every status present) and ``total``."""
        with self._session() as s:
            rows = dict(s.execute(select(DocumentTable.status, func.count()).group_by(DocumentTable.status)).all())
        out = {st: int(rows.get(st, 0)) for st in STATUSES}
        out["total"] = sum(out.values())
        return out

    def label_counts(self, status: str | None = None) -> dict[str, int]:
        """Documents per effective label (reviewer's choice, else the suggestion)."""
        eff = func.coalesce(DocumentTable.label, DocumentTable.suggested_label)
        q = select(eff, func.count()).group_by(eff)
        if status:
            q = q.where(DocumentTable.status == status)
        with self._session() as s:
            rows = dict(s.execute(q).all())
        return {lab: int(rows.get(lab, 0)) for lab in LABELS}

    def approved_documents(self) -> list[DocumentRow]:
        return self.queue(status="approved", limit=1_000_000)

    def review(self, sha256: str) -> ReviewDetail:
        """The document with its suggestions, decisions, manual redactions and audit trail."""
        doc = self.get_document(sha256)
        if doc is None:
            raise ReviewError(f"no document {sha256[:12]} in the review store")
        with self._session() as s:
            a = s.scalar(select(AttributeSuggestionTable).where(AttributeSuggestionTable.sha256 == sha256))
            attribute = None
            if a is not None:
                attribute = AttributeRow(
                    label=a.label, confidence=a.confidence, doc_type=a.doc_type, declared=a.declared,
                    conflict=a.conflict, reasons=list(a.reasons or []), category=a.category,
                    needs_redaction=a.needs_redaction, explanation=a.explanation,
                )
            ents = s.scalars(
                select(EntitySuggestionTable)
                .where(EntitySuggestionTable.sha256 == sha256)
                .order_by(EntitySuggestionTable.start, EntitySuggestionTable.id)
            ).all()
            manual = s.scalars(
                select(ManualRedactionTable)
                .where(ManualRedactionTable.sha256 == sha256)
                .order_by(ManualRedactionTable.start)
            ).all()
            decisions = s.scalars(
                select(DecisionTable).where(DecisionTable.sha256 == sha256).order_by(DecisionTable.id)
            ).all()
            return ReviewDetail(
                document=doc,
                attribute=attribute,
                entities=[
                    EntityRow(
                        id=e.id, type=e.type, start=e.start, end=e.end, text=e.text, score=e.score,
                        recognizer=e.recognizer, action=e.action, reason=e.reason, page=e.page, state=e.state,
                    )
                    for e in ents
                ],
                manual=[ManualRow(m.id, m.start, m.end, m.type, m.by, _utc(m.at)) for m in manual],
                decisions=[
                    DecisionRow(d.id, d.target, d.entity_id, d.decision, d.label, d.by, _utc(d.at), d.justification)
                    for d in decisions
                ],
                audit=self.audit_log(sha256),
            )

    def audit_log(self, sha256: str | None = None, limit: int = 1000) -> list[AuditRow]:
        q = select(AuditTable).order_by(AuditTable.id).limit(limit)
        if sha256 is not None:
            q = q.where(AuditTable.sha256 == sha256)
        with self._session() as s:
            return [
                AuditRow(a.id, _utc(a.at), a.event, a.sha256, a.actor, list(a.entity_ids or []), dict(a.details or {}))
                for a in s.scalars(q).all()
            ]

    # --- review actions (reviewers and admins) ------------------------------------------------------

    def decide_entity(
        self, sha256: str, entity_id: int, decision: str, user: str, expected_version: int
    ) -> int:
        """Accept or reject one suggested entity; returns the document's new version."""
        return self._decide(sha256, decision, user, expected_version, entity_id=entity_id)

    def decide_all_of_type(
        self, sha256: str, entity_type: str, decision: str, user: str, expected_version: int
    ) -> int:
        """Accept or reject every suggested entity of one type; returns the new version."""
        return self._decide(sha256, decision, user, expected_version, entity_type=entity_type)

    def _decide(
        self,
        sha256: str,
        decision: str,
        user: str,
        expected_version: int,
        *,
        entity_id: int | None = None,
        entity_type: str | None = None,
    ) -> int:
        if decision not in DECISIONS:
            raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}")
        with self._session.begin() as s:
            self._actor(s, user, "decide")
            q = select(EntitySuggestionTable).where(EntitySuggestionTable.sha256 == sha256)
            if entity_id is not None:
                q = q.where(EntitySuggestionTable.id == entity_id)
            else:
                q = q.where(EntitySuggestionTable.type == entity_type)
            targets = s.scalars(q.order_by(EntitySuggestionTable.id)).all()
            if not targets:
                raise ReviewError("no such suggestion in this document")
            doc = self._open_for_review(s, sha256, expected_version)
            state = "accepted" if decision == "accept" else "rejected"
            now = _now()
            for e in targets:
                e.state = state
                s.add(DecisionTable(sha256=sha256, target="entity", entity_id=e.id, decision=decision, by=user, at=now))
            self._audit(
                s, f"entity_{state}", sha256, user, [e.id for e in targets],
                types=sorted({e.type for e in targets}), **({"all_of_type": True} if entity_type else {}),
            )
            return doc.version

    def add_manual_redaction(
        self, sha256: str, start: int, end: int, type: str, user: str, expected_version: int
    ) -> int:
        """Redact ``text[start:end]`` (code points) that detection missed; returns the new version."""
        if type not in MANUAL_TYPES:
            raise ReviewError(f"unknown entity type {type!r}")
        with self._session.begin() as s:
            self._actor(s, user, "decide")
            length = s.scalar(select(func.length(DocumentTable.text)).where(DocumentTable.sha256 == sha256))
            if length is None:
                raise ReviewError(f"no document {sha256[:12]} in the review store")
            if not (0 <= start < end <= length):
                raise ReviewError("the selection is outside the document text")
            doc = self._open_for_review(s, sha256, expected_version)
            manual = ManualRedactionTable(sha256=sha256, start=start, end=end, type=type, by=user, at=_now())
            s.add(manual)
            s.flush()
            s.add(DecisionTable(sha256=sha256, target="manual", entity_id=manual.id, decision="edit", by=user,
                                at=manual.at))
            self._audit(s, "manual_redaction_added", sha256, user, [manual.id], type=type, start=start, end=end)
            return doc.version

    def remove_manual_redaction(self, sha256: str, manual_id: int, user: str, expected_version: int) -> int:
        """Undo a manual redaction (the audit log keeps that it existed)."""
        with self._session.begin() as s:
            self._actor(s, user, "decide")
            manual = s.get(ManualRedactionTable, manual_id)
            if manual is None or manual.sha256 != sha256:
                raise ReviewError("no such manual redaction in this document")
            doc = self._open_for_review(s, sha256, expected_version)
            s.delete(manual)
            s.add(DecisionTable(sha256=sha256, target="manual", entity_id=manual_id, decision="reject", by=user,
                                at=_now()))
            self._audit(s, "manual_redaction_removed", sha256, user, [manual_id])
            return doc.version

    def set_attribute(
        self, sha256: str, label: str, user: str, justification: str | None, expected_version: int
    ) -> int:
        """Choose the final attribute. Overriding a non_public suggestion to public needs a justification."""
        if label not in LABELS:
            raise ReviewError(f"label must be one of {', '.join(LABELS)}")
        justification = (justification or "").strip() or None
        with self._session.begin() as s:
            self._actor(s, user, "decide")
            doc = self._doc(s, sha256)
            suggested = doc.suggested_label
            if suggested == "non_public" and label == "public" and not justification:
                raise ReviewError(
                    "overriding a non_public suggestion to public requires a justification",
                    hint="write why the information may be published",
                )
            doc = self._open_for_review(s, sha256, expected_version)
            doc.label = label
            decision = "accept" if label == suggested else "edit"
            s.add(DecisionTable(sha256=sha256, target="attribute", decision=decision, label=label, by=user,
                                at=_now(), justification=justification))
            self._audit(s, "attribute_set", sha256, user, label=label, suggested=suggested,
                        override=label != suggested, justified=justification is not None)
            return doc.version

    def approve(self, sha256: str, user: str, expected_version: int) -> str:
        """Sign off: every suggestion decided → approved (public/on_request) or withheld (non_public)."""
        with self._session.begin() as s:
            self._actor(s, user, "decide")
            doc = self._doc(s, sha256)
            _, pending = self._entity_counts(s, sha256)
            if pending:
                raise ReviewError(f"{pending} suggestion(s) not decided yet", hint="accept or reject each one")
            label = doc.label
            if label is None:
                raise ReviewError("the attribute has not been chosen", hint="accept or change the suggestion")
            doc = self._open_for_review(s, sha256, expected_version)
            doc.status = "withheld" if label == "non_public" else "approved"
            doc.decided_at = _now()
            self._audit(s, doc.status, sha256, user, label=label)
            return doc.status

    def auto_approve(self, sha256: str, *, enabled: bool) -> str:
        """The ``settings.auto_approve`` policy, only when called explicitly: accept every suggestion as is."""
        if not enabled:
            raise ReviewError("auto-approval is off", hint="set REDACT_AUTO_APPROVE=true to allow it")
        actor = "auto_approve"
        with self._session.begin() as s:
            doc = self._doc(s, sha256)
            if doc.status != "in_review" or doc.suggested_label is None:
                raise ReviewError("only a document in review with an attribute suggestion can be auto-approved")
            now = _now()
            pending = s.scalars(
                select(EntitySuggestionTable).where(
                    EntitySuggestionTable.sha256 == sha256, EntitySuggestionTable.state == "pending"
                )
            ).all()
            for e in pending:
                e.state = "accepted"
                s.add(DecisionTable(sha256=sha256, target="entity", entity_id=e.id, decision="accept", by=actor,
                                    at=now))
            doc.label = doc.suggested_label
            doc.status = "withheld" if doc.label == "non_public" else "approved"
            doc.decided_at = now
            doc.version += 1
            s.add(DecisionTable(sha256=sha256, target="attribute", decision="accept", label=doc.label, by=actor,
                                at=now))
            self._audit(s, "auto_approved", sha256, actor, [e.id for e in pending], label=doc.label)
            return doc.status

    # --- publication side (flows) ----------------------------------------------------------------

    def publication_plan(self, sha256: str) -> PublicationPlan:
        """The entities to remove from an approved document: accepted redact suggestions + manual ones."""
        detail = self.review(sha256)
        doc = detail.document
        if doc.status != "approved" or doc.label is None:
            raise ReviewError(f"document {sha256[:12]} is {doc.status}, not approved")
        if detail.pending:
            raise ReviewError(f"{detail.pending} suggestion(s) not decided yet")
        entities = [
            Entity(type=e.type, start=e.start, end=e.end, text=e.text, score=e.score, recognizer=e.recognizer,
                   action="redact", reason=e.reason, page=e.page)
            for e in detail.entities
            if e.redacted
        ]
        entities += [
            Entity(type=m.type, start=m.start, end=m.end, text=doc.text[m.start:m.end], score=1.0,
                   recognizer="ManualRedaction", action="redact", reason="S15-PRIVACY")
            for m in detail.manual
        ]
        entities.sort(key=lambda e: (e.start, e.end))
        return PublicationPlan(sha256=sha256, stored_path=doc.stored_path, format=doc.format, label=doc.label,
                               entities=entities)

    def mark_published(self, sha256: str, output_path: str, actor: str = "publish_flow") -> None:
        with self._session.begin() as s:
            doc = self._doc(s, sha256)
            if doc.status != "approved":
                raise ReviewError(f"document {sha256[:12]} is {doc.status}, not approved")
            now = _now()
            doc.status, doc.published_path, doc.published_at = "published", output_path, now
            doc.updated_at, doc.version = now, doc.version + 1
            self._audit(s, "published", sha256, actor)

    def send_back(self, sha256: str, reason: str, actor: str = "publish_flow") -> None:
        """Return a document to review (e.g. the leak gate failed); ``reason`` must hold no personal data."""
        with self._session.begin() as s:
            doc = self._doc(s, sha256)
            doc.status, doc.decided_at = "in_review", None
            doc.updated_at, doc.version = _now(), doc.version + 1
            self._audit(s, "sent_back", sha256, actor, reason=reason)

    # --- statistics (annual report, Art. 50) ------------------------------------------------------

    def statistics(self, start: date, end: date) -> dict[str, Any]:
        """Figures for ``start``..``end`` (inclusive): received, decided by attribute, reason code and category."""
        lo = datetime.combine(start, time.min, tzinfo=UTC)
        hi = datetime.combine(end, time.max, tzinfo=UTC)
        with self._session() as s:
            received = s.scalar(
                select(func.count()).select_from(DocumentTable).where(DocumentTable.received_at.between(lo, hi))
            )
            published = s.scalar(
                select(func.count()).select_from(DocumentTable).where(DocumentTable.published_at.between(lo, hi))
            )
            rows = s.execute(
                select(DocumentTable.label, DocumentTable.category, AttributeSuggestionTable.reasons)
                .outerjoin(AttributeSuggestionTable, AttributeSuggestionTable.sha256 == DocumentTable.sha256)
                .where(DocumentTable.decided_at.between(lo, hi))
            ).all()
        by_label: Counter[str] = Counter({lab: 0 for lab in LABELS})
        by_reason: Counter[str] = Counter()
        by_category: Counter[str] = Counter()
        for label, category, reasons in rows:
            by_label[label] += 1
            by_category[category or "未分类"] += 1
            by_reason.update({r["code"] for r in reasons or [] if r.get("code")})
        return {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "received": int(received or 0),
            "decided": len(rows),
            "published": int(published or 0),
            "by_label": dict(by_label),
            "by_reason": dict(sorted(by_reason.items())),
            "by_category": dict(by_category.most_common()),
        }

    # --- users (admins) ---------------------------------------------------------------------------

    def _admin(self, s: Session, by: str | None) -> str:
        """``by=None`` means the server's own terminal (``redact users …``), which may bootstrap accounts."""
        if by is None:
            return SYSTEM_ACTOR
        self._actor(s, by, "manage_users")
        return by

    def add_user(self, username: str, password: str, role: str, *, by: str | None = None) -> UserRow:
        if role not in ROLES:
            raise ReviewError(f"role must be one of {', '.join(ROLES)}")
        if not username.strip() or len(password) < 8:
            raise ReviewError("a user needs a name and a password of at least 8 characters")
        with self._session.begin() as s:
            actor = self._admin(s, by)
            if s.scalar(select(UserTable.id).where(UserTable.username == username)) is not None:
                raise ReviewError("that user name is taken")
            user = UserTable(username=username, password_hash=auth.hash_password(password), role=role, active=True,
                             created_at=_now())
            s.add(user)
            s.flush()
            self._audit(s, "user_added", None, actor, username=username, role=role)
            return self._user_row(user)

    def disable_user(self, username: str, *, by: str | None = None) -> None:
        with self._session.begin() as s:
            actor = self._admin(s, by)
            user = s.scalar(select(UserTable).where(UserTable.username == username))
            if user is None:
                raise ReviewError("no such user")
            user.active = False
            self._audit(s, "user_disabled", None, actor, username=username)

    def list_users(self) -> list[UserRow]:
        with self._session() as s:
            return [self._user_row(u) for u in s.scalars(select(UserTable).order_by(UserTable.username)).all()]

    def get_user(self, username: str) -> UserRow | None:
        with self._session() as s:
            user = s.scalar(select(UserTable).where(UserTable.username == username))
            return self._user_row(user) if user else None

    def authenticate(self, username: str, password: str) -> UserRow | None:
        """The active user with this password, else None (the attempt is audited either way)."""
        with self._session.begin() as s:
            user = s.scalar(select(UserTable).where(UserTable.username == username))
            ok = user is not None and user.active and auth.verify_password(user.password_hash, password)
            self._audit(s, "login" if ok else "login_failed", None, username if user else "?")
            return self._user_row(user) if ok and user else None

    @staticmethod
    def _user_row(u: UserTable) -> UserRow:
        return UserRow(u.id, u.username, u.role, u.active, _utc(u.created_at))


def masked_preview(text: str, spans: Sequence[tuple[int, int]], mark: str = "■") -> str:
    """The text with every span replaced by ``mark`` per character (the TXT-style preview)."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] not in "\n\r":
                chars[i] = mark
    return "".join(chars)
