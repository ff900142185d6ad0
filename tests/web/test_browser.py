"""A reviewer drives the real UI in headless Chromium; the database and audit log must show exactly that.

Needs Debian's ``chromium`` (Playwright's own browser download does not work here); skipped without
it locally, mandatory under CI=true. Also refreshes docs/screenshots/queue.png and document.png.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import uvicorn

from redact.review.fixtures import example_document
from redact.review.store import Store
from tests.conftest import ROOT, require

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(app) -> Iterator[str]:
    """The app under uvicorn in a background thread on a free local port."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser_page() -> Iterator:
    require(shutil.which("chromium") is not None and Path(CHROMIUM).exists(), "Debian chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        yield page
        browser.close()


def _select_text(page, target: str) -> None:
    """Drag the mouse across the first occurrence of ``target`` in the document text."""
    box = page.evaluate(
        """(target) => {
            for (const seg of document.querySelectorAll('#doctext [data-start]')) {
                const node = seg.firstChild, at = node ? node.data.indexOf(target) : -1;
                if (at < 0) continue;
                seg.scrollIntoView({block: "center"});
                const r = document.createRange();
                r.setStart(node, at); r.setEnd(node, at + 1);
                const first = r.getBoundingClientRect();
                r.setStart(node, at + target.length - 1); r.setEnd(node, at + target.length);
                const last = r.getBoundingClientRect();
                return {x0: first.left + 1, y0: first.top + first.height / 2,
                        x1: last.right - 1, y1: last.top + last.height / 2};
            }
            return null;
        }""",
        target,
    )
    assert box, "target text not on the page"
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move((box["x0"] + box["x1"]) / 2, box["y1"], steps=5)
    page.mouse.move(box["x1"], box["y1"], steps=5)
    page.mouse.up()


def _submit(page, selector: str) -> None:
    """Click a form button and wait for the page the server redirects to."""
    with page.expect_navigation():
        page.click(selector)


def test_reviewer_reviews_a_document_in_chromium(server: str, browser_page, store: Store) -> None:
    page = browser_page
    now = datetime.now(UTC)
    doc = example_document(7, label="non_public", source="行政处罚决定书-2019-007.txt")
    store.add_document(doc, stored_path="/store/7.txt", original_name=doc.source, received_at=now - timedelta(days=9))
    for n in range(1, 6):  # a few more documents so the queue looks like a queue
        other = example_document(n, label=("public", "on_request")[n % 2])
        store.add_document(other, stored_path=f"/store/{n}.txt", original_name=other.source,
                           received_at=now - timedelta(days=n))
    ids = {e.type: e.id for e in store.review(doc.sha256).entities}

    # log in (unauthenticated requests land on the login page)
    page.goto(f"{server}/queue")
    assert "/login" in page.url
    page.fill("input[name=username]", "rita")
    page.fill("input[name=password]", "reviewer-pass")
    page.click("button:has-text('登录')")
    page.wait_for_url(f"{server}/queue")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "queue.png"), full_page=True)

    # open the sample document from the queue
    page.click(f"a:has-text('{doc.source}')")
    page.wait_for_url(f"{server}/doc/{doc.sha256}")
    assert page.locator("#doctext .t-PERSON").count() == 1

    # reject the person's name, accept the rest type by type
    _submit(page, f"#e{ids['PERSON']} button:has-text('拒绝')")
    for etype in ("CN_RESIDENT_ID", "PHONE_NUMBER", "ADDRESS"):
        _submit(page, f"#type-{etype} button:has-text('全部接受')")

    # select a missed phrase with the mouse and add it as a manual redaction
    target = "经营场所"
    _select_text(page, target)
    expected_start = doc.text.index(target)
    assert page.evaluate("window.getSelection().toString()") == target
    assert page.input_value("#sel-start") == str(expected_start)
    assert page.input_value("#sel-end") == str(expected_start + len(target))
    page.select_option("#manual-form select[name=type]", "ADDRESS")
    _submit(page, "#manual-add")

    # override the non_public suggestion to public, with a justification
    page.select_option("#label-select", "public")
    page.fill("#justification", "经保密审查，涉密内容已删除，可以主动公开。")
    _submit(page, "button:has-text('确定属性')")
    page.screenshot(path=str(SCREENSHOTS / "document.png"), full_page=True)

    _submit(page, "button:has-text('审核通过并签发')")
    assert "已批准" in page.inner_text(".dochead")

    # the database shows exactly what the reviewer did
    detail = store.review(doc.sha256)
    assert detail.document.status == "approved" and detail.document.label == "public"
    assert {e.type: e.state for e in detail.entities} == {
        "PERSON": "rejected", "CN_RESIDENT_ID": "accepted", "PHONE_NUMBER": "accepted", "ADDRESS": "accepted",
    }
    assert [(m.start, m.end, m.type, m.by) for m in detail.manual] == [
        (expected_start, expected_start + len(target), "ADDRESS", "rita")
    ]
    attr = [d for d in detail.decisions if d.target == "attribute"]
    assert [(d.decision, d.label, d.by, d.justification) for d in attr] == [
        ("edit", "public", "rita", "经保密审查，涉密内容已删除，可以主动公开。")
    ]
    assert [(a.event, a.actor, a.entity_ids) for a in detail.audit] == [
        ("received", "system", []),
        ("entity_rejected", "rita", [ids["PERSON"]]),
        ("entity_accepted", "rita", [ids["CN_RESIDENT_ID"]]),
        ("entity_accepted", "rita", [ids["PHONE_NUMBER"]]),
        ("entity_accepted", "rita", [ids["ADDRESS"]]),
        ("manual_redaction_added", "rita", [detail.manual[0].id]),
        ("attribute_set", "rita", []),
        ("approved", "rita", []),
    ]
    plan = store.publication_plan(doc.sha256)
    assert sorted(e.text for e in plan.entities) == sorted(
        [target] + [e.text for e in doc.entities if e.type != "PERSON"]
    )
