"""``statistics_report``: the period's figures (annual-report shape) as Markdown and CSV files.

Scheduled monthly by ``redact serve`` (``settings.report_schedule``) for the previous month; the
files go to ``<home>/reports/``. The artifact holds counts, attribute labels, categories and
reason codes only.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.runtime import load_settings, open_store
from redact.report import render_csv, render_markdown


def previous_month(today: date) -> tuple[date, date]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


@task(name="write_report", cache_policy=NO_CACHE)
def report_task(home: str | None, start: date, end: date) -> tuple[str, str]:
    settings = load_settings(home)
    stats = open_store(settings).statistics(start, end)
    folder = settings.home / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    md, csv_path = folder / f"report-{start}-{end}.md", folder / f"report-{start}-{end}.csv"
    markdown = render_markdown(stats)
    md.write_text(markdown, encoding="utf-8")
    csv_path.write_text(render_csv(stats), encoding="utf-8")
    return markdown, str(md)


@flow(name="statistics_report", log_prints=False)
def report_flow(home: str | None = None, start: str | None = None, end: str | None = None) -> Path:
    """Write the statistics for ``start``..``end`` (YYYY-MM-DD; default: the previous month)."""
    first, last = previous_month(date.today())
    first = date.fromisoformat(start) if start else first
    last = date.fromisoformat(end) if end else last
    markdown, path = report_task(home, first, last)
    create_markdown_artifact(key="statistics-report", markdown=markdown, description="statistics for the period")
    return Path(path)
