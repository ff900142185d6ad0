"""Unified social credit codes (统一社会信用代码, GB 32100): 18 characters with a mod-31 check."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_ok(code: str) -> bool:
    """GB 32100 check character (same algorithm as ``stdnum.cn.uscc``, checksum only)."""
    code = code.upper()
    if len(code) != 18 or any(c not in _ALPHABET for c in code):
        return False
    total = sum(_ALPHABET.index(c) * w for c, w in zip(code, _WEIGHTS, strict=False))
    return _ALPHABET[(31 - total) % 31] == code[17]


class CnUsccRecognizer(ZhPatternRecognizer):
    """Organisation codes are public (policy keeps them); a sole trader's code is personal data."""

    ENTITY = "CN_USCC"
    VALID_SCORE = 0.8
    PATTERNS = (Pattern("uscc", L + r"[1-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}" + R, 0.1),)
    CONTEXT = ("统一社会信用代码", "信用代码", "社会信用代码", "統一社會信用代碼", "信用代碼")

    #: an all-digit code may also be a Luhn-valid bank card: without context the card wins (redact)
    ALL_DIGIT_SCORE = 0.6

    def score_match(self, text: str, start: int, end: int, score: float) -> float:
        return min(score, self.ALL_DIGIT_SCORE) if text[start:end].isdigit() else score

    def validate_result(self, pattern_text: str) -> bool | None:
        return uscc_ok(pattern_text)
