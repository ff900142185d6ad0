"""The Art. 26 deadline: 20 PRC working days, official holidays and make-up days included."""

from __future__ import annotations

from datetime import date

import pytest

from redact.review.workdays import add_working_days, is_workday, working_days_between, zh_date


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2019, 10, 1), False),  # National Day
        (date(2019, 9, 29), True),  # Sunday worked in exchange
        (date(2019, 10, 12), True),  # Saturday worked in exchange
        (date(2026, 11, 27), True),  # an ordinary Friday
        (date(2027, 1, 9), False),  # beyond the package's calendar: Saturday
        (date(2027, 1, 11), True),  # beyond the package's calendar: Monday
    ],
)
def test_is_workday(day: date, expected: bool) -> None:
    assert is_workday(day) is expected


def test_twenty_working_days_skip_the_spring_festival() -> None:
    # Received Friday 1 February 2019; Spring Festival 4–10 Feb, Saturday 2 and Sunday 3 Feb worked.
    assert add_working_days(date(2019, 2, 1)) == date(2019, 3, 6)


def test_working_days_between_counts_both_directions() -> None:
    assert working_days_between(date(2019, 9, 27), date(2019, 10, 30)) == 20
    assert working_days_between(date(2019, 10, 30), date(2019, 9, 27)) == -20


def test_dates_read_as_reviewers_write_them() -> None:
    assert zh_date(date(2019, 5, 15)) == "2019年5月15日"
