"""The review store, run on SQLite and PostgreSQL: what reviewers may do and what the record shows."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from redact.errors import PermissionDenied, ReviewError, StaleEdit
from redact.review.fixtures import example_document
from redact.review.store import Store, masked_preview


@pytest.fixture
def people(store: Store) -> Store:
    store.add_user("rita", "reviewer-pass", "reviewer")
    store.add_user("carl", "clerk-pass-1", "clerk")
    store.add_user("ada", "admin-pass-1", "admin")
    return store


def _entity_ids(store: Store, sha: str) -> dict[str, int]:
    return {e.type: e.id for e in store.review(sha).entities}


# --- intake side --------------------------------------------------------------------------------------


def test_migrate_twice_is_harmless(store: Store) -> None:
    store.migrate()
    assert store.counts()["total"] == 0


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:
    s = Store(f"sqlite:///{tmp_path / 'wal.db'}")
    s.migrate()
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_added_document_waits_in_review_with_its_suggestions(store: Store) -> None:
    doc = example_document(1)
    assert store.add_document(doc, stored_path="/store/a.txt", original_name="a.txt") is True
    row = store.get_document(doc.sha256)
    assert (row.status, row.source, row.format, row.version) == ("in_review", "a.txt", "txt", 1)
    assert row.text == doc.text
    assert (row.entity_count, row.pending_count, row.suggested_label, row.label) == (4, 4, "public", None)
    detail = store.review(doc.sha256)
    assert [(e.type, e.start, e.end, e.text) for e in detail.entities] == [
        (e.type, e.start, e.end, e.text) for e in sorted(doc.entities, key=lambda e: e.start)
    ]
    assert detail.attribute.reasons[0]["code"] == "S20-6"
    assert [a.event for a in detail.audit] == ["received"]


def test_a_unique_sha256_prefix_resolves(store: Store) -> None:
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    assert store.resolve(doc.sha256[:10]) == doc.sha256
    assert store.resolve(doc.sha256[:4]) is None  # too short to be safe
    assert store.resolve("0" * 12 if not doc.sha256.startswith("0" * 12) else "f" * 12) is None


def test_the_same_content_twice_is_a_duplicate(store: Store) -> None:
    doc = example_document(1)
    assert store.add_document(doc, stored_path="/s/a", original_name="a.txt")
    assert store.add_document(doc, stored_path="/s/b", original_name="copy.txt") is False
    store.record_duplicate(doc.sha256, "copy.txt")
    assert store.counts()["total"] == 1
    assert [a.event for a in store.audit_log(doc.sha256)] == ["received", "duplicate"]


def test_deadline_is_twenty_prc_working_days_after_receipt(store: Store) -> None:
    # Received Friday 27 September 2019: National Day week off, Sunday 29 Sep and Saturday 12 Oct worked.
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt",
                       received_at=datetime(2019, 9, 27, 9, tzinfo=UTC))
    assert store.get_document(doc.sha256).deadline == date(2019, 10, 30)


def test_queue_is_oldest_first_and_filters(store: Store) -> None:
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    newer, older = example_document(1), example_document(2, label="non_public")
    store.add_document(newer, stored_path="/s/1", original_name="1.txt", received_at=t0 + timedelta(days=1))
    store.add_document(older, stored_path="/s/2", original_name="2.txt", received_at=t0)
    no_people = replace(example_document(3), entities=())
    store.add_document(no_people, stored_path="/s/3", original_name="3.txt", received_at=t0 + timedelta(days=2))

    assert [d.sha256 for d in store.queue()] == [older.sha256, newer.sha256, no_people.sha256]
    assert [d.sha256 for d in store.queue(label="non_public")] == [older.sha256]
    assert [d.sha256 for d in store.queue(entity_type="PERSON")] == [older.sha256, newer.sha256]
    assert store.queue(status="approved") == []
    assert [d.sha256 for d in store.queue(limit=1, offset=1)] == [newer.sha256]
    assert store.queue_size(entity_type="PERSON") == 2
    assert store.counts()["in_review"] == 3
    assert store.label_counts() == {"public": 2, "on_request": 0, "non_public": 1}


# --- review actions -----------------------------------------------------------------------------------


def test_reviewer_workflow_ends_in_a_publication_plan(people: Store) -> None:
    s = people
    doc = example_document(1)
    s.add_document(doc, stored_path="/store/a.txt", original_name="a.txt")
    ids = _entity_ids(s, doc.sha256)
    v = s.decide_entity(doc.sha256, ids["PERSON"], "reject", "rita", 1)
    v = s.decide_all_of_type(doc.sha256, "CN_RESIDENT_ID", "accept", "rita", v)
    v = s.decide_entity(doc.sha256, ids["PHONE_NUMBER"], "accept", "rita", v)
    v = s.decide_entity(doc.sha256, ids["ADDRESS"], "accept", "rita", v)
    start = doc.text.find("榕市监罚")
    v = s.add_manual_redaction(doc.sha256, start, start + 4, "OTHER", "rita", v)
    v = s.set_attribute(doc.sha256, "on_request", "rita", None, v)
    assert s.approve(doc.sha256, "rita", v) == "approved"

    plan = s.publication_plan(doc.sha256)
    assert (plan.stored_path, plan.format, plan.label) == ("/store/a.txt", "txt", "on_request")
    value = {e.type: e.text for e in doc.entities}
    assert [(e.type, e.text, e.action) for e in plan.entities] == [
        ("OTHER", "榕市监罚", "redact"),
        ("CN_RESIDENT_ID", value["CN_RESIDENT_ID"], "redact"),
        ("PHONE_NUMBER", value["PHONE_NUMBER"], "redact"),
        ("ADDRESS", value["ADDRESS"], "redact"),
    ]
    assert [d.sha256 for d in s.approved_documents()] == [doc.sha256]

    s.mark_published(doc.sha256, "/outbox/on_request/a.txt")
    row = s.get_document(doc.sha256)
    assert (row.status, row.published_path) == ("published", "/outbox/on_request/a.txt")
    events = [(a.event, a.actor, a.entity_ids) for a in s.audit_log(doc.sha256)]
    assert events[:2] == [("received", "system", []), ("entity_rejected", "rita", [ids["PERSON"]])]
    assert [e for e, _, _ in events] == [
        "received", "entity_rejected", "entity_accepted", "entity_accepted", "entity_accepted",
        "manual_redaction_added", "attribute_set", "approved", "published",
    ]


def test_audit_log_never_holds_personal_data(people: Store) -> None:
    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="张伟的申请.txt")
    people.record_duplicate(doc.sha256, "张伟的申请.txt")
    people.decide_all_of_type(doc.sha256, "PERSON", "accept", "rita", 1)
    dumped = json.dumps([a.details for a in people.audit_log()], ensure_ascii=False)
    for e in doc.entities:
        assert e.text not in dumped
    assert "张伟" not in dumped


def test_kept_and_rejected_suggestions_are_not_redacted(people: Store) -> None:
    doc = example_document(1)
    doc = replace(doc, entities=(replace(doc.entities[0], action="keep"), *doc.entities[1:]))
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    ids = _entity_ids(people, doc.sha256)
    v = people.decide_all_of_type(doc.sha256, "PERSON", "accept", "rita", 1)  # accepted as keep
    v = people.decide_entity(doc.sha256, ids["CN_RESIDENT_ID"], "reject", "rita", v)
    v = people.decide_entity(doc.sha256, ids["PHONE_NUMBER"], "accept", "rita", v)
    v = people.decide_entity(doc.sha256, ids["ADDRESS"], "accept", "rita", v)
    v = people.set_attribute(doc.sha256, "public", "rita", None, v)
    people.approve(doc.sha256, "rita", v)
    assert [e.type for e in people.publication_plan(doc.sha256).entities] == ["PHONE_NUMBER", "ADDRESS"]


def test_a_clerk_cannot_decide(people: Store) -> None:
    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    ids = _entity_ids(people, doc.sha256)
    with pytest.raises(PermissionDenied):
        people.decide_entity(doc.sha256, ids["PERSON"], "accept", "carl", 1)
    with pytest.raises(PermissionDenied):
        people.approve(doc.sha256, "carl", 1)
    with pytest.raises(PermissionDenied):
        people.decide_entity(doc.sha256, ids["PERSON"], "accept", "nobody", 1)
    assert people.get_document(doc.sha256).pending_count == 4


def test_two_reviewers_on_one_document_do_not_overwrite_each_other(people: Store) -> None:
    people.add_user("rob", "reviewer-pass", "reviewer")
    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    ids = _entity_ids(people, doc.sha256)
    seen = people.get_document(doc.sha256).version  # both open the page at the same version
    people.decide_entity(doc.sha256, ids["PERSON"], "accept", "rita", seen)
    with pytest.raises(StaleEdit):
        people.decide_entity(doc.sha256, ids["PERSON"], "reject", "rob", seen)
    detail = people.review(doc.sha256)
    assert next(e.state for e in detail.entities if e.id == ids["PERSON"]) == "accepted"
    assert [(d.by, d.decision) for d in detail.decisions] == [("rita", "accept")]


def test_approval_needs_every_suggestion_decided_and_an_attribute(people: Store) -> None:
    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    with pytest.raises(ReviewError, match="not decided"):
        people.approve(doc.sha256, "rita", 1)
    v = people.decide_all_of_type(doc.sha256, "PERSON", "accept", "rita", 1)
    for t in ("CN_RESIDENT_ID", "PHONE_NUMBER", "ADDRESS"):
        v = people.decide_all_of_type(doc.sha256, t, "accept", "rita", v)
    with pytest.raises(ReviewError, match="attribute"):
        people.approve(doc.sha256, "rita", v)
    with pytest.raises(ReviewError, match="not approved"):
        people.publication_plan(doc.sha256)


def test_overriding_non_public_to_public_needs_a_justification(people: Store) -> None:
    doc = example_document(1, label="non_public")
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    with pytest.raises(ReviewError, match="justification"):
        people.set_attribute(doc.sha256, "public", "rita", "   ", 1)
    assert people.get_document(doc.sha256).version == 1
    v = people.set_attribute(doc.sha256, "public", "rita", "涉密内容已删除，经保密审查同意公开", 1)
    attr = [d for d in people.review(doc.sha256).decisions if d.target == "attribute"]
    assert [(d.decision, d.label, d.justification) for d in attr] == [
        ("edit", "public", "涉密内容已删除，经保密审查同意公开")
    ]
    assert v == 2


def test_non_public_documents_are_withheld(people: Store) -> None:
    doc = replace(example_document(2, label="non_public"), entities=())
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    v = people.set_attribute(doc.sha256, "non_public", "rita", None, 1)
    assert people.approve(doc.sha256, "rita", v) == "withheld"
    assert people.approved_documents() == []


def test_manual_redaction_must_lie_inside_the_text(people: Store) -> None:
    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    with pytest.raises(ReviewError):
        people.add_manual_redaction(doc.sha256, 5, len(doc.text) + 1, "PERSON", "rita", 1)
    with pytest.raises(ReviewError):
        people.add_manual_redaction(doc.sha256, 5, 5, "PERSON", "rita", 1)
    with pytest.raises(ReviewError):
        people.add_manual_redaction(doc.sha256, 1, 3, "NOT_A_TYPE", "rita", 1)


def test_sent_back_documents_return_to_review(people: Store) -> None:
    doc = replace(example_document(1), entities=())
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    v = people.set_attribute(doc.sha256, "public", "rita", None, 1)
    people.approve(doc.sha256, "rita", v)
    people.send_back(doc.sha256, "[E300] leak gate failed")
    row = people.get_document(doc.sha256)
    assert row.status == "in_review"
    assert people.audit_log(doc.sha256)[-1].details == {"reason": "[E300] leak gate failed"}


def test_auto_approval_happens_only_when_enabled_and_asked(people: Store) -> None:
    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    with pytest.raises(ReviewError, match="off"):
        people.auto_approve(doc.sha256, enabled=False)
    assert people.get_document(doc.sha256).status == "in_review"
    assert people.auto_approve(doc.sha256, enabled=True) == "approved"
    assert len(people.publication_plan(doc.sha256).entities) == 4


# --- audit trail, statistics, users -------------------------------------------------------------------


def test_the_audit_log_refuses_update_and_delete(people: Store) -> None:
    people.add_document(example_document(1), stored_path="/s", original_name="a.txt")
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), people.engine.begin() as conn:
            conn.execute(sa.text(statement))
    assert [a.actor for a in people.audit_log()][-1] == "system"


def test_statistics_count_decisions_of_the_period(people: Store) -> None:
    docs = [example_document(1), example_document(2, label="non_public"), example_document(3)]
    for doc in docs:
        people.add_document(replace(doc, entities=()), stored_path="/s", original_name="x.txt")
    for doc, label in zip(docs[:2], ("public", "non_public"), strict=True):
        v = people.set_attribute(doc.sha256, label, "rita", None, 1)
        people.approve(doc.sha256, "rita", v)
    today = datetime.now(UTC).date()
    stats = people.statistics(today - timedelta(days=1), today + timedelta(days=1))
    assert (stats["received"], stats["decided"], stats["published"]) == (3, 2, 0)
    assert stats["by_label"] == {"public": 1, "on_request": 0, "non_public": 1}
    assert stats["by_reason"] == {"S16-2-ENFORCEMENT-FILE": 1, "S20-6": 1}
    assert stats["by_category"] == {"行政处罚": 2}
    assert people.statistics(date(2019, 1, 1), date(2019, 12, 31))["decided"] == 0


def test_users_log_in_with_their_password_until_disabled(people: Store) -> None:
    assert people.authenticate("rita", "reviewer-pass").role == "reviewer"
    assert people.authenticate("rita", "wrong-password") is None
    with pytest.raises(PermissionDenied):
        people.disable_user("rita", by="rita")
    people.disable_user("rita", by="ada")
    assert people.authenticate("rita", "reviewer-pass") is None
    assert [(u.username, u.active) for u in people.list_users()] == [
        ("ada", True), ("carl", True), ("rita", False)
    ]
    with pytest.raises(PermissionDenied):
        people.add_user("eve", "password-123", "admin", by="carl")
    with pytest.raises(ReviewError):
        people.add_user("rita", "password-123", "admin", by="ada")


def test_passwords_are_stored_as_argon2_hashes(people: Store) -> None:
    with people.engine.connect() as conn:
        hashes = conn.execute(sa.text("SELECT password_hash FROM users")).scalars().all()
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any("pass" in h for h in hashes)


def test_masked_preview_keeps_length_and_line_breaks() -> None:
    assert masked_preview("张伟\n电话138", [(0, 2), (2, 5), (5, 8)]) == "■■\n■■■■■"


def test_simultaneous_decisions_on_one_version_let_exactly_one_through(people: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    doc = example_document(1)
    people.add_document(doc, stored_path="/s", original_name="a.txt")
    ids = [e.id for e in people.review(doc.sha256).entities]

    def decide(entity_id: int) -> str:
        try:
            people.decide_entity(doc.sha256, entity_id, "accept", "rita", 1)
        except StaleEdit:
            return "stale"
        return "ok"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = sorted(pool.map(decide, ids))
    assert outcomes == ["ok", "stale", "stale", "stale"]
    assert people.get_document(doc.sha256).pending_count == 3
