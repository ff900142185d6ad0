"""Render the review store's statistics for a period (``Store.statistics``) as Markdown and CSV.

The shape follows the national annual report on open government information (Art. 50): documents
by disclosure attribute, by information category, and by the reason codes behind the decisions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from typing import Any

from redact.document import LABEL_ZH

#: Section key in the statistics dict → the table's Chinese heading.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("by_label", "按公开属性统计"),
    ("by_category", "按信息类别统计"),
    ("by_reason", "按理由代码统计"),
)
TOTALS: tuple[tuple[str, str], ...] = (("received", "收到文件"), ("decided", "审核完成"), ("published", "已发布"))


def zh_date(iso: str) -> str:
    """``2019-05-15`` → ``2019年5月15日``."""
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _name(section: str, key: str) -> str:
    return f"{LABEL_ZH[key]}（{key}）" if section == "by_label" and key in LABEL_ZH else str(key)


def rows(stats: Mapping[str, Any]) -> list[tuple[str, str, int]]:
    """Every figure as ``(table, item, count)``: the CSV rows and the Markdown tables."""
    out = [("总数", title, int(stats.get(key, 0))) for key, title in TOTALS]
    for key, title in SECTIONS:
        for item, count in (stats.get(key) or {}).items():
            out.append((title, _name(key, item), int(count)))
    return out


def render_markdown(stats: Mapping[str, Any]) -> str:
    """The statistics as Markdown tables with a Chinese title and period."""
    period = f"{zh_date(stats['start'])}至{zh_date(stats['end'])}"
    lines = ["# 政府信息公开工作统计", "", f"统计期间：{period}", ""]
    current = None
    for table, item, count in rows(stats):
        if table != current:
            lines += ["", f"## {table}", "", "| 项目 | 数量 |", "|---|---:|"] if current else [f"## {table}", "", "| 项目 | 数量 |", "|---|---:|"]
            current = table
        lines.append(f"| {item} | {count} |")
    return "\n".join(lines) + "\n"


def render_csv(stats: Mapping[str, Any]) -> str:
    """The statistics as CSV: ``period_start,period_end,table,item,count``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["period_start", "period_end", "table", "item", "count"])
    for table, item, count in rows(stats):
        writer.writerow([stats["start"], stats["end"], table, item, count])
    return buf.getvalue()
