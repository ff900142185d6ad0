"""Passport numbers: PRC E/G + 8 digits and EA1234567-style; weaker forms only with context."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer


class PassportRecognizer(ZhPatternRecognizer):
    """Every form needs a context word (护照/護照/passport): bare codes are too common in documents."""

    ENTITY = "PASSPORT"
    PATTERNS = (
        Pattern("cn e/g", L + r"[EG]\d{8}" + R, 0.4),
        Pattern("cn e-letter", L + r"E[A-HJ-NP-Z]\d{7}" + R, 0.4),
        Pattern("cn official (weak)", L + r"(?:1[45]\d{7}|[PSD]E?\d{7})" + R, 0.2),
        Pattern("hk/mo/tw/foreign (weak)", L + r"(?:[KHMR]\d{8}|[A-Z]{1,2}\d{7,8}|\d{9})" + R, 0.2),
    )
    CONTEXT = ("护照", "護照", "passport", "Passport", "PASSPORT")
