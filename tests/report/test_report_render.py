"""The statistics report: the store's figures rendered as annual-report tables (Markdown, CSV)."""

from __future__ import annotations

import csv
import io

from redact.report import render_csv, render_markdown, zh_date

STATS = {
    "start": "2026-01-01",
    "end": "2026-12-31",
    "received": 12,
    "decided": 10,
    "published": 7,
    "by_label": {"public": 6, "on_request": 1, "non_public": 3},
    "by_reason": {"S20-6": 4, "S16-INTERNAL": 3},
    "by_category": {"行政执法": 5, "部门文件": 5},
}


def test_dates_are_written_the_chinese_way() -> None:
    assert zh_date("2019-05-15") == "2019年5月15日"


def test_markdown_has_one_table_per_dimension_with_chinese_labels() -> None:
    md = render_markdown(STATS)
    assert "统计期间：2026年1月1日至2026年12月31日" in md
    for heading in ("## 总数", "## 按公开属性统计", "## 按信息类别统计", "## 按理由代码统计"):
        assert heading in md
    assert "| 主动公开（public） | 6 |" in md
    assert "| 不予公开（non_public） | 3 |" in md
    assert "| S20-6 | 4 |" in md
    assert "| 收到文件 | 12 |" in md


def test_csv_rows_add_up_to_the_figures() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(STATS))))
    by_label = {r["item"]: int(r["count"]) for r in rows if r["table"] == "按公开属性统计"}
    assert sum(by_label.values()) == STATS["decided"]
    assert {r["period_start"] for r in rows} == {"2026-01-01"}
    assert len(rows) == 3 + 3 + 2 + 2
