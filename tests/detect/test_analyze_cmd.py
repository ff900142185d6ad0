"""``redact analyze``: JSON Lines per the contract, an error line and exit 2 for bad files, a readable view."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from redact.cli import app

ID = "440106199001011235"


def _write(tmp_path: Path) -> Path:
    good = tmp_path / "申请书.txt"
    good.write_text(
        f"申请人身份证号码：{ID}\n咨询电话：0591-87654321\n联系电话：13800138000\n"
        "某某有限公司统一社会信用代码：91110000600037341L\n",
        encoding="utf-8",
    )
    return good


def test_json_lines_carry_the_contract_fields(tmp_path):
    good = _write(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(good), "--json"])
    assert result.exit_code == 0
    (line,) = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert {"file", "sha256", "format", "script", "pages", "chars", "text", "entities", "error"} <= set(line)
    assert "attribute" not in line or {"label", "confidence", "reasons"} <= set(line["attribute"])
    assert line["error"] is None
    by_type = {e["type"]: e for e in line["entities"]}
    assert by_type["CN_RESIDENT_ID"] == {
        "type": "CN_RESIDENT_ID",
        "start": 9,
        "end": 27,
        "text": ID,
        "score": 1.0,
        "recognizer": "CnResidentIdRecognizer",
        "action": "redact",
        "reason": "S15-PRIVACY",
        "page": 1,
    }
    phones = [e["text"] for e in line["entities"] if e["type"] == "PHONE_NUMBER"]
    assert phones == ["13800138000"]  # the agency's 咨询电话 is not personal data
    assert (by_type["CN_USCC"]["action"], by_type["CN_USCC"]["reason"]) == ("keep", "ORG-PUBLIC")
    assert all(line["text"][e["start"] : e["end"]] == e["text"] for e in line["entities"])


def test_a_bad_file_gets_an_error_line_and_exit_2_without_traceback(tmp_path):
    good = _write(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--json"])
    assert result.exit_code == 2
    lines = {Path(d["file"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert lines[good.name]["error"] is None
    assert lines["empty.txt"]["error"].startswith("[E101]")
    assert "Traceback" not in result.output


def test_the_readable_view_highlights_and_counts(tmp_path):
    good = _write(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(good)])
    assert result.exit_code == 0
    assert ID in result.stdout
    assert "CN_RESIDENT_ID" in result.stdout and "PHONE_NUMBER" in result.stdout
    assert "redact" in result.stdout and "keep" in result.stdout


def test_an_unexpected_failure_is_one_error_line_not_a_traceback(tmp_path, monkeypatch):
    from redact.pipeline import Pipeline

    def boom(self, path, source=None):
        raise ValueError("something inside broke")

    monkeypatch.setattr(Pipeline, "analyze", boom)
    good = _write(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(good), "--json"])
    assert result.exit_code == 2
    (line,) = map(json.loads, result.stdout.splitlines())
    assert line["error"] == "[E000] internal error (ValueError)"
    assert "Traceback" not in result.output and "inside broke" not in result.output
