"""SQLAlchemy 2 tables of the review store. The schema itself is created by the Alembic migrations.

Personal data (document text, entity values) lives only in ``documents.text`` and
``entity_suggestions.text``; the audit log records events, actors and entity ids, never values.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

STATUSES = ("received", "analyzed", "in_review", "approved", "withheld", "published")
ROLES = ("clerk", "reviewer", "admin")
LABELS = ("public", "on_request", "non_public")


class Base(DeclarativeBase):
    pass


class DocumentTable(Base):
    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(8))
    stored_path: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    deadline: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text, deferred=True)
    script: Mapped[str] = mapped_column(String(16))
    pages: Mapped[int] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(100), nullable=True)
    suggested_label: Mapped[str | None] = mapped_column(String(16), nullable=True)
    label: Mapped[str | None] = mapped_column(String(16), nullable=True)
    published_path: Mapped[str | None] = mapped_column(String(1000), nullable=True)

    __table_args__ = (
        Index("ix_documents_queue", "status", "received_at", "sha256"),
        Index("ix_documents_received", "received_at", "sha256"),
        Index("ix_documents_effective_label", sql_text("coalesce(label, suggested_label)"), "status", "received_at"),
    )


class AttributeSuggestionTable(Base):
    __tablename__ = "attribute_suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), unique=True)
    label: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    doc_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    declared: Mapped[str | None] = mapped_column(String(16), nullable=True)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    reasons: Mapped[list] = mapped_column(JSON)
    category: Mapped[str | None] = mapped_column(String(100), nullable=True)
    needs_redaction: Mapped[bool] = mapped_column(Boolean, default=False)
    explanation: Mapped[str] = mapped_column(Text, default="")


class EntitySuggestionTable(Base):
    __tablename__ = "entity_suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    recognizer: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(32))
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: pending | accepted | rejected (the latest decision; the history is in ``decisions``)
    state: Mapped[str] = mapped_column(String(10), default="pending")

    __table_args__ = (Index("ix_entity_suggestions_type", "type", "sha256"),)


class DecisionTable(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    #: entity | attribute | manual
    target: Mapped[str] = mapped_column(String(10))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: accept | reject | edit
    decision: Mapped[str] = mapped_column(String(8))
    label: Mapped[str | None] = mapped_column(String(16), nullable=True)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    justification: Mapped[str | None] = mapped_column(Text, nullable=True)


class ManualRedactionTable(Base):
    __tablename__ = "manual_redactions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    type: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UserTable(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditTable(Base):
    """Append-only: database triggers refuse UPDATE and DELETE (migration 0001)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    event: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    entity_ids: Mapped[list] = mapped_column(JSON, default=list)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
