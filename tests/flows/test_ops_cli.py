"""The operator's commands through the CLI: settings, init, report, and the README's `redact demo`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redact.cli import app
from redact.review.store import Store
from redact.settings import Settings

runner = CliRunner()


def test_settings_lists_every_setting_with_its_environment_variable() -> None:
    result = runner.invoke(app, ["settings"], terminal_width=250)
    assert result.exit_code == 0, result.output
    for name in Settings.model_fields:
        assert f"REDACT_{name.upper()}" in result.output


def test_settings_never_prints_a_database_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACT_DATABASE_URL", "postgresql+psycopg://redact:s3cret-pw@db.internal/redact")
    result = runner.invoke(app, ["settings"], terminal_width=250)
    assert result.exit_code == 0 and "s3cret-pw" not in result.output


def test_init_creates_the_folders_and_the_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "--home", str(tmp_path / "h")])
    assert result.exit_code == 0, result.output
    for sub in ("intake", "store", "quarantine", "outbox/public", "outbox/on_request", "redact.db"):
        assert (tmp_path / "h" / sub).exists(), sub


def test_report_writes_markdown_and_csv_for_a_period(tmp_path: Path) -> None:
    home = tmp_path / "h"
    assert runner.invoke(app, ["init", "--home", str(home)]).exit_code == 0
    out = tmp_path / "report"
    today = date.today().isoformat()
    result = runner.invoke(app, ["report", "--home", str(home), "--from", "2026-01-01", "--to", today, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "按公开属性统计" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "report.csv").read_text(encoding="utf-8").startswith("period_start,period_end,table,item,count")
    bad = runner.invoke(app, ["report", "--home", str(home), "--from", "2026/01/01", "--to", today])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


@pytest.mark.prefect
@pytest.mark.slow
def test_demo_sweeps_the_samples_and_prints_the_review_queue(prefect_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--home", str(home)], terminal_width=200)
    assert result.exit_code == 0, result.output
    samples = sorted((Path(__file__).resolve().parents[2] / "samples" / "intake").iterdir())
    assert f"copied {len(samples)} sample files" in result.output
    rows = Store(f"sqlite:///{home / 'redact.db'}").queue(limit=100)
    quarantined = [p for p in (home / "quarantine").glob("*.reason.txt")]
    assert len(rows) + len(quarantined) == len(samples)
    for row in rows:  # each analyzed sample is a row of the printed queue
        assert row.sha256[:12] in result.output
    assert "redact review list" in result.output and "redact web" in result.output
    header = next(line for line in result.output.splitlines() if "sha256" in line)
    assert all(col in header for col in ("format", "script", "pages", "chars"))
