"""Bank card numbers (16–19 digits, optionally in groups of four; 12–15 with context) with a valid Luhn digit."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer, digits


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class BankCardRecognizer(ZhPatternRecognizer):
    """Luhn-valid card numbers; 12–15 digit cards (Amex, JCB, Maestro) need a context word."""

    ENTITY = "BANK_CARD"
    VALID_SCORE = 0.7
    PATTERNS = (
        Pattern("grouped", L + r"[1-9]\d{3}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?" + R, 0.1),
        Pattern("plain", L + r"[1-9]\d{15,18}" + R, 0.1),
        Pattern("short cards 12-15 (weak)", L + r"[1-9]\d{11,14}" + R, 0.1),
    )
    CONTEXT = ("银行卡", "卡号", "账号", "帐号", "开户", "银行账户", "銀行卡", "卡號", "賬號", "帳號", "開戶")

    def validate_result(self, pattern_text: str) -> bool | None:
        value = digits(pattern_text)
        return 12 <= len(value) <= 19 and luhn_ok(value)
