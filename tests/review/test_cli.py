"""``redact review`` and ``redact users`` through Typer's CliRunner, on the default SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redact.cli import app
from redact.review.fixtures import example_document
from redact.review.store import Store
from redact.settings import Settings

runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    store = Store.from_settings(Settings(home=tmp_path))
    store.migrate()
    store.add_document(example_document(1), stored_path="/s/1.txt", original_name="penalty-1.txt")
    store.close()
    for name, role in (("rita", "reviewer"), ("carl", "clerk")):
        r = runner.invoke(app, ["users", "add", name, "--role", role, "--home", str(tmp_path)],
                          input="long-password\nlong-password\n")
        assert r.exit_code == 0, r.output
    return tmp_path


def _run(home: Path, *args: str):
    return runner.invoke(app, [*args, "--home", str(home)])


def test_users_are_listed_and_disabled(home: Path) -> None:
    assert "rita" in _run(home, "users", "list").output
    assert _run(home, "users", "disable", "carl").exit_code == 0
    store = Store.from_settings(Settings(home=home))
    assert [(u.username, u.active) for u in store.list_users()] == [("carl", False), ("rita", True)]


def test_list_shows_the_queue_as_json_lines(home: Path) -> None:
    r = _run(home, "review", "list", "--json")
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [(row["source"], row["status"], row["pending"]) for row in rows] == [("penalty-1.txt", "in_review", 4)]


def test_show_masks_values_unless_revealed(home: Path) -> None:
    doc = example_document(1)
    rid = next(e.text for e in doc.entities if e.type == "CN_RESIDENT_ID")
    masked = json.loads(_run(home, "review", "show", doc.sha256[:12], "--json").output)
    assert rid not in json.dumps(masked) and len(masked["entities"]) == 4
    revealed = _run(home, "review", "show", doc.sha256, "--json", "--reveal").output
    assert rid in revealed


def test_a_terminal_review_from_first_decision_to_sign_off(home: Path) -> None:
    doc = example_document(1)
    ids = {e["type"]: e["id"] for e in json.loads(_run(home, "review", "show", doc.sha256, "--json").output)["entities"]}
    r = _run(home, "review", "reject", doc.sha256, str(ids["PERSON"]), "--user", "rita")
    assert r.exit_code == 0, r.output
    r = _run(home, "review", "accept", doc.sha256, str(ids["CN_RESIDENT_ID"]), str(ids["PHONE_NUMBER"]),
             "--user", "rita")
    assert r.exit_code == 0, r.output
    r = _run(home, "review", "decide", doc.sha256, "--user", "rita", "--all-of-type", "ADDRESS",
             "--manual", "10:14:OTHER", "--label", "on_request", "--approve")
    assert r.exit_code == 0 and "status approved" in r.output, r.output
    store = Store.from_settings(Settings(home=home))
    plan = store.publication_plan(doc.sha256)
    assert [e.type for e in plan.entities] == ["OTHER", "CN_RESIDENT_ID", "PHONE_NUMBER", "ADDRESS"]
    assert {a.actor for a in store.audit_log(doc.sha256)} == {"system", "rita"}


def test_a_clerk_is_refused_with_a_reason(home: Path) -> None:
    doc = example_document(1)
    r = _run(home, "review", "accept", doc.sha256, "1", "--user", "carl")
    assert r.exit_code == 1
    assert "[E401]" in r.output


def test_a_stale_version_is_refused(home: Path) -> None:
    doc = example_document(1)
    assert _run(home, "review", "accept", doc.sha256, "1", "--user", "rita").exit_code == 0
    r = _run(home, "review", "reject", doc.sha256, "1", "--user", "rita", "--version", "1")
    assert r.exit_code == 1 and "[E402]" in r.output
