"""Hong Kong identity card numbers (香港身份證): 1–2 letters, 6 digits, mod-11 check character."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer, digits


def hkid_ok(value: str) -> bool:
    value = digits(value).upper()
    letters, rest = value[:-7], value[-7:]
    if not 1 <= len(letters) <= 2 or not letters.isalpha() or not rest[:6].isdigit():
        return False
    chars = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters] + [int(d) for d in rest[:6]]
    total = sum(v * w for v, w in zip(chars, range(9, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return rest[6] == ("A" if check == 10 else str(check))


class HkIdRecognizer(ZhPatternRecognizer):
    """``A123456(3)``; a valid check character is enough, context raises it to the top tier."""

    ENTITY = "HK_ID"
    VALID_SCORE = 0.6
    PATTERNS = (Pattern("hkid", L + r"[A-Z]{1,2}\d{6} ?(?:[(（][0-9A][)）]|[0-9A])" + R, 0.1),)
    CONTEXT = ("香港身份證", "香港身份证", "身份證", "身份证", "HKID", "香港居民身份")

    def validate_result(self, pattern_text: str) -> bool | None:
        return hkid_ok(pattern_text)
