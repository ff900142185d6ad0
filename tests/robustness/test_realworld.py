"""Both contract commands hold up on real-world-like files (``realworld.build_matrix``).

For every file of the matrix, run as the evaluation runs them (a subprocess with a timeout):

* ``redact analyze FILES --json`` prints exactly one JSON line per file, an ``error`` only for the
  files the contract refuses (0 bytes, ODT, DOC, a user password, too many pages, a damaged file),
  and never a traceback. An owner-password-only PDF (empty user password) is read normally.
* ``redact redact FILE -o OUT --json`` exits 0 for every readable file (2 for refused ones, never
  3 on these honest files), prints one JSON line, and the written copy re-extracts without any
  value ``analyze`` marked ``redact`` (checked with the leak gate's checker, independently of the
  redaction code, and by a plain substring search) while the lines without personal data survive.

LibreOffice-made cases need ``soffice`` (``scripts/system-deps.sh`` installs it; CI requires it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from realworld import Case, build_matrix

from redact.extract import extract
from redact.publish import leakcheck
from tests.conftest import require

pytestmark = pytest.mark.slow

#: The installed console script next to this interpreter (what the evaluation calls).
REDACT = [str(Path(sys.executable).with_name("redact"))]
TIMEOUT = 300
#: Share of the lines without personal data a redacted copy must still contain.
KEEP_SHARE = 0.95
_SPACE = re.compile(r"\s+")


def _run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*REDACT, *map(str, args)], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


@pytest.fixture(scope="module")
def matrix(tmp_path_factory) -> dict[str, Case]:
    require(
        shutil.which("soffice") is not None,
        "LibreOffice (soffice) is needed for the real-world PDF/DOCX cases",
    )
    cases = build_matrix(tmp_path_factory.mktemp("realworld"))
    return {c.name: c for c in cases}


@pytest.fixture(scope="module")
def analyzed(matrix) -> tuple[subprocess.CompletedProcess, dict[str, dict]]:
    proc = _run("analyze", *(c.path for c in matrix.values()), "--json")
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    by_name = {Path(d["file"]).name: d for d in lines}
    assert len(by_name) == len(lines) == len(matrix), "one JSON line per file"
    return proc, by_name


@pytest.fixture(scope="module")
def redacted(matrix, tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
    out_dir = tmp_path_factory.mktemp("redacted")

    def one(case: Case) -> tuple[str, tuple[subprocess.CompletedProcess, Path]]:
        out = out_dir / case.name
        return case.name, (_run("redact", case.path, "-o", out, "--json"), out)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, matrix.values()))


def test_matrix_covers_the_real_world_producers(matrix):
    for name in ("long-penalty.pdf", "long-penalty.docx", "owner-password.pdf", "scanned.pdf", "cairo-printed.pdf",
                 "linearized.pdf", "object-streams.pdf", "long-penalty.doc", "long-penalty.odt", "empty.pdf",
                 "huge-pages.pdf", "truncated.pdf", "crlf-big5.txt", "bom-utf16.txt", "with-image.docx"):  # fmt: skip
        assert name in matrix, name


def test_analyze_prints_one_line_per_file_and_no_traceback(matrix, analyzed):
    proc, by_name = analyzed
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2  # some files of the matrix are refused
    for name, case in matrix.items():
        line = by_name[name]
        code = 2 if line.get("error") else 0
        assert code in case.expect, (name, line.get("error"))
        if code == 0:
            assert line["text"] is not None and line["format"] in ("pdf", "docx", "txt")
            for e in line["entities"]:
                assert line["text"][e["start"] : e["end"]] == e["text"]


def test_owner_password_pdfs_are_read_like_the_plain_file(analyzed):
    _, by_name = analyzed
    plain = by_name["long-penalty.pdf"]
    for name in ("owner-password.pdf", "owner-password-rc4.pdf", "linearized.pdf", "object-streams.pdf"):
        assert by_name[name].get("error") is None, name
        assert by_name[name]["text"] == plain["text"], name
    assert "E104" in by_name["user-password.pdf"]["error"]


def test_real_world_files_carry_the_personal_data_to_find(analyzed):
    """The matrix is worth running: its documents hold ids, phones and names the detector finds."""
    _, by_name = analyzed
    found = {
        (e["type"], e["text"]) for e in by_name["long-penalty.pdf"]["entities"] if e["action"] == "redact"
    }
    assert {t for t, _ in found} >= {"CN_RESIDENT_ID", "PHONE_NUMBER", "PERSON"}
    for name in ("long-penalty.pdf", "long-penalty.docx", "cairo-printed.pdf"):
        ids = [e for e in by_name[name]["entities"] if e["type"] == "CN_RESIDENT_ID"]
        assert len(ids) == 6, name  # 3 in the text, 3 in table cells too narrow for them (PDF: wrapped)
    assert by_name["scanned.pdf"]["error"] is None  # a scan is analyzed (pages need OCR), not refused


def _public_lines(line: dict) -> list[str]:
    """Lines of the analyzed text that touch no entity: what a redacted copy must keep."""
    text, spans = line["text"], [(e["start"], e["end"]) for e in line["entities"]]
    kept, pos = [], 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        compact = _SPACE.sub("", raw)
        if len(compact) >= 8 and not any(s < end and start < t for s, t in spans):
            kept.append(compact)
    return kept


@pytest.mark.parametrize(
    "name",
    [
        "long-penalty.pdf", "long-penalty.docx", "lo-request-2024-035.pdf", "lo-request-2024-035.docx",
        "lo-duty-roster-2024-10-tw.pdf", "lo-duty-roster-2024-10-tw.docx", "linearized.pdf", "object-streams.pdf",
        "owner-password.pdf", "owner-password-rc4.pdf", "cairo-printed.pdf", "scanned.pdf", "with-image.docx",
        "crlf-gb18030.txt", "crlf-big5.txt", "bom-utf16.txt", "bom-utf8.txt", "word-wrappers.docx",
        "tagged-bookmarks.pdf", "rotated.pdf",
    ],
)  # fmt: skip
def test_redact_writes_a_clean_copy_that_keeps_public_text(name, matrix, analyzed, redacted):
    proc, out = redacted[name]
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stdout
    [line] = proc.stdout.splitlines()
    result = json.loads(line)
    assert result["leak_check"] == "passed"
    source = analyzed[1][name]
    values = {e["text"] for e in source["entities"] if e["action"] == "redact"}
    assert result["redacted"] >= len(values)  # every value at least once
    copy = extract(out)
    compact = _SPACE.sub("", copy.text)
    leaked = [v for v in values if len(_SPACE.sub("", v)) >= 2 and _SPACE.sub("", v) in compact]
    assert not leaked, f"{len(leaked)} removed values re-extracted"
    assert leakcheck.check_file(out, source["format"], values).passed
    public = _public_lines(source)
    if public:
        survived = sum(1 for p in public if p in compact)
        assert survived >= KEEP_SHARE * len(public), f"{survived}/{len(public)} public lines kept"


@pytest.mark.parametrize(
    "name", ["empty.pdf", "long-penalty.doc", "long-penalty.odt", "user-password.pdf", "huge-pages.pdf"]
)
def test_redact_refuses_unreadable_files_with_one_line(name, redacted):
    proc, out = redacted[name]
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2
    [line] = proc.stdout.splitlines()
    assert json.loads(line)["error"]
    assert not out.exists()


def test_truncated_pdf_is_refused_or_redacted_never_a_crash(matrix, redacted):
    proc, out = redacted["truncated.pdf"]
    assert "Traceback" not in proc.stderr
    assert proc.returncode in matrix["truncated.pdf"].expect
    assert len(proc.stdout.splitlines()) == 1
    assert out.exists() == (proc.returncode == 0)
