"""Taiwan national identification numbers (國民身分證統一編號): letter + 1/2 + 8 digits, weighted checksum."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer

#: letter → two-digit code (I, O, W, X, Y, Z are out of alphabetical order)
_CODES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))


def twid_ok(value: str) -> bool:
    value = value.upper()
    if len(value) != 10 or value[0] not in _CODES or not value[1:].isdigit():
        return False
    code = _CODES[value[0]]
    nums = [code // 10, code % 10] + [int(d) for d in value[1:]]
    weights = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
    return sum(n * w for n, w in zip(nums, weights, strict=True)) % 10 == 0


class TwIdRecognizer(ZhPatternRecognizer):
    """``A123456789``; also new resident certificates (second digit 8/9)."""

    ENTITY = "TW_ID"
    VALID_SCORE = 0.7
    PATTERNS = (Pattern("twid", L + r"[A-Z][1289]\d{8}" + R, 0.1),)
    CONTEXT = ("身分證", "身分證字號", "統一編號", "國民身分證", "身份证", "身份證", "台湾居民", "臺灣")

    def validate_result(self, pattern_text: str) -> bool | None:
        return twid_ok(pattern_text)
