"""PRC resident identity card numbers (居民身份证, GB 11643)."""

from __future__ import annotations

import datetime as dt

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer, digits

_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"


def plausible_birth_date(yyyymmdd: str) -> bool:
    """A real calendar date between 1900 and today."""
    try:
        born = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


class CnResidentIdRecognizer(ZhPatternRecognizer):
    """18-digit ids with a valid check character and birth date; legacy 15-digit ids only with context."""

    ENTITY = "CN_RESIDENT_ID"
    PATTERNS = (
        Pattern("id18", L + r"[1-9]\d{5}[ -]?(?:18|19|20)\d{2}[ -]?" + _DATE + r"[ -]?\d{3}[0-9Xx]" + R, 0.3),
        # PDF extraction may put a space anywhere in a justified line: checksum + a context word
        Pattern("id18 spaced (weak)", L + r"[1-9](?: ?\d){16} ?[0-9Xx]" + R, 0.3),
        Pattern("id15 (weak)", L + r"[1-9]\d{7}" + _DATE + r"\d{3}" + R, 0.2),
    )
    CONTEXT = ("身份证", "公民身份号码", "证件号码", "身份號碼", "身分證", "身份證", "證件號碼")

    def validate_result(self, pattern_text: str) -> bool | None:
        value = digits(pattern_text).upper()
        if len(value) == 15:
            return None if plausible_birth_date("19" + value[6:12]) else False
        return plausible_birth_date(value[6:14]) and check_char(value[:17]) == value[17]
