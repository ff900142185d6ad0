"""The reviewer web UI through an HTTP client: sessions, roles, CSRF, escaping and a whole review."""

from __future__ import annotations

import re
from dataclasses import replace

from fastapi.testclient import TestClient

from redact.review.fixtures import example_document
from redact.review.store import Store
from tests.web.conftest import csrf_of


def _form(client: TestClient, sha: str) -> dict[str, str]:
    """The hidden fields every review form carries: CSRF token and the version the page showed."""
    page = client.get(f"/doc/{sha}")
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    return {"csrf_token": csrf_of(page.text), "version": version}


def test_pages_without_a_session_redirect_to_login(app) -> None:
    client = TestClient(app)
    for path in ("/", "/queue", "/stats", "/doc/abc", "/users"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"].startswith("/login?next=")
    r = client.post("/doc/abc/approve", data={}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_wrong_password_stays_on_the_login_page(app) -> None:
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf_token": token, "username": "rita", "password": "nope"})
    assert r.status_code == 401 and "用户名或密码错误" in r.text
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_session_cookie_is_httponly_and_samesite_lax(app) -> None:
    client = TestClient(app)
    cookie = client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_pages_forbid_inline_scripts_and_framing(app) -> None:
    headers = TestClient(app).get("/login").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_login_without_csrf_token_is_refused(app) -> None:
    client = TestClient(app)
    client.get("/login")
    r = client.post("/login", data={"username": "rita", "password": "reviewer-pass"})
    assert r.status_code == 403 and "CSRF" in r.text
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_a_form_with_a_wrong_csrf_token_changes_nothing(login, store: Store) -> None:
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    client = login("rita")
    entity = store.review(doc.sha256).entities[0]
    for token in ("forged", None):
        data = {"decision": "reject", "version": "1"} | ({"csrf_token": token} if token else {})
        r = client.post(f"/doc/{doc.sha256}/entity/{entity.id}", data=data)
        assert r.status_code == 403
    assert store.get_document(doc.sha256).pending_count == 4
    assert [a.event for a in store.audit_log(doc.sha256)] == ["received"]


def test_a_clerk_sees_the_document_but_cannot_decide(login, store: Store) -> None:
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    client = login("carl")
    page = client.get(f"/doc/{doc.sha256}")
    assert page.status_code == 200 and "只能查看" in page.text
    assert "全部接受" not in page.text
    entity = store.review(doc.sha256).entities[0]
    r = client.post(f"/doc/{doc.sha256}/entity/{entity.id}",
                    data={"csrf_token": csrf_of(page.text), "decision": "accept", "version": "1"})
    assert r.status_code == 403 and "无权" in r.text
    assert store.get_document(doc.sha256).pending_count == 4
    assert client.get("/users").status_code == 403


def test_html_in_document_text_is_escaped(login, store: Store) -> None:
    doc = example_document(1, extra='<script>alert("x")</script><img src=x onerror=alert(1)>\n')
    store.add_document(doc, stored_path="/s", original_name="<b>name</b>.txt")
    client = login("rita")
    for page in (client.get(f"/doc/{doc.sha256}"), client.get("/queue")):
        assert "<script>alert" not in page.text and "<img src=x" not in page.text and "<b>name" not in page.text
    page = client.get(f"/doc/{doc.sha256}")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text


def test_queue_lists_oldest_first_with_deadline_and_filters(login, store: Store) -> None:
    from datetime import UTC, datetime

    store.add_document(example_document(1), stored_path="/s", original_name="newer.txt",
                       received_at=datetime(2026, 11, 20, tzinfo=UTC))
    store.add_document(replace(example_document(2, label="non_public"), entities=()), stored_path="/s",
                       original_name="older.txt", received_at=datetime(2026, 11, 2, tzinfo=UTC))
    client = login("rita")
    page = client.get("/queue").text
    assert page.index("older.txt") < page.index("newer.txt")
    assert "2026年11月2日" in page and "2026年11月30日" in page  # received, deadline (20 working days)
    assert "newer.txt" not in client.get("/queue?label=non_public").text
    assert "older.txt" not in client.get("/queue?type=PERSON").text
    assert "没有符合条件的文件" in client.get("/queue?status=approved").text


def test_reviewer_workflow_through_the_forms(login, store: Store) -> None:
    doc = example_document(1, label="non_public")
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    client = login("rita")
    ids = {e.type: e.id for e in store.review(doc.sha256).entities}
    sha = doc.sha256

    r = client.post(f"/doc/{sha}/entity/{ids['PERSON']}", data=_form(client, sha) | {"decision": "reject"})
    assert r.status_code == 200 and r.url.path == f"/doc/{sha}"
    for t in ("CN_RESIDENT_ID", "PHONE_NUMBER", "ADDRESS"):
        client.post(f"/doc/{sha}/type/{t}", data=_form(client, sha) | {"decision": "accept"})
    start = doc.text.find("榕市监罚")
    client.post(f"/doc/{sha}/manual", data=_form(client, sha) | {"start": start, "end": start + 4, "type": "OTHER"})

    r = client.post(f"/doc/{sha}/attribute", data=_form(client, sha) | {"label": "public", "justification": ""})
    assert r.status_code == 400 and "必须填写书面理由" in r.text
    client.post(f"/doc/{sha}/attribute", data=_form(client, sha) | {"label": "public", "justification": "已脱密"})
    r = client.post(f"/doc/{sha}/approve", data=_form(client, sha))
    assert r.status_code == 200 and "已批准" in r.text

    plan = store.publication_plan(sha)
    assert [e.type for e in plan.entities] == ["OTHER", "CN_RESIDENT_ID", "PHONE_NUMBER", "ADDRESS"]
    assert plan.label == "public"
    for audit in (client.get(f"/doc/{sha}/audit").text, client.get(f"/doc/{sha}").text):
        assert "拒绝建议" in audit and "添加人工遮盖" in audit and "审核通过" in audit


def test_a_stale_page_cannot_overwrite_a_newer_decision(login, store: Store) -> None:
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    rita, rob = login("rita"), login("rob")
    entity = store.review(doc.sha256).entities[0]
    rita_form, rob_form = _form(rita, doc.sha256), _form(rob, doc.sha256)
    rita.post(f"/doc/{doc.sha256}/entity/{entity.id}", data=rita_form | {"decision": "accept"})
    r = rob.post(f"/doc/{doc.sha256}/entity/{entity.id}", data=rob_form | {"decision": "reject"})
    assert r.status_code == 409 and "其他审核人员" in r.text
    assert store.review(doc.sha256).entities[0].state == "accepted"


def test_a_form_without_a_version_counts_as_stale(login, store: Store) -> None:
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    client = login("rita")
    form = _form(client, doc.sha256) | {"version": "abc", "decision": "accept"}
    r = client.post(f"/doc/{doc.sha256}/type/PERSON", data=form)
    assert r.status_code == 409
    assert store.get_document(doc.sha256).pending_count == 4


def test_preview_masks_suggestions_not_rejected(login, store: Store) -> None:
    doc = example_document(1)
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    client = login("rita")
    page = client.get(f"/doc/{doc.sha256}").text
    preview = page[page.index('id="previewtext"'):]
    preview = preview[: preview.index("</pre>")]
    rid = next(e.text for e in doc.entities if e.type == "CN_RESIDENT_ID")
    assert rid not in preview and "当事人" in preview
    assert next(e.text for e in doc.entities if e.type == "PHONE_NUMBER") not in preview


def test_statistics_page_shows_the_period(login, store: Store) -> None:
    doc = replace(example_document(1), entities=())
    store.add_document(doc, stored_path="/s", original_name="a.txt")
    v = store.set_attribute(doc.sha256, "public", "rita", None, 1)
    store.approve(doc.sha256, "rita", v)
    client = login("carl")
    page = client.get("/stats").text
    assert "作出决定 <b>1</b>" in page and "S20-6" in page and "行政处罚" in page
    assert "作出决定 <b>0</b>" in client.get("/stats?start=2019-01-01&end=2019-12-31").text


def test_admin_adds_and_disables_users(login, store: Store) -> None:
    client = login("ada")
    page = client.get("/users")
    client.post("/users", data={"csrf_token": csrf_of(page.text), "username": "newbie", "password": "long-pass-1",
                                "role": "clerk"})
    client.post("/users/newbie/disable", data={"csrf_token": csrf_of(page.text)})
    assert [(u.username, u.active) for u in store.list_users() if u.username == "newbie"] == [("newbie", False)]
