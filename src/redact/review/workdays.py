"""PRC working days for the Art. 26 answer deadline (20 working days after receipt).

``chinese_calendar`` knows the official holidays and make-up working days for the years the State
Council has announced; beyond those years we fall back to Monday–Friday, which is the best
information available until the package is updated.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

#: 《政府信息公开条例》第三十三条/第二十六条: answer within 20 working days.
DEADLINE_WORKING_DAYS = 20


@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    """True on a PRC working day (official calendar where known, otherwise Monday–Friday)."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start: date, days: int = DEADLINE_WORKING_DAYS) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is earlier."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for i in range(1, (end - start).days + 1) if is_workday(start + timedelta(days=i)))


def zh_date(day: date) -> str:
    """A date as reviewers write it: 2019年5月15日."""
    return f"{day.year}年{day.month}月{day.day}日"
