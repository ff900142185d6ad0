"""Macau resident identity card numbers (澳門居民身份證): ``1234567(8)`` or ``1/234567/8``; context only."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer


class MoIdRecognizer(ZhPatternRecognizer):
    """No public checksum: reported only next to a Macau id context word."""

    ENTITY = "MO_ID"
    PATTERNS = (
        Pattern("bracketed", L + r"[1578]/?\d{6}/?[(（]\d[)）]", 0.3),
        Pattern("slashed", L + r"[1578]/\d{6}/\d" + R, 0.3),
        Pattern("plain (weak)", L + r"[1578]\d{7}" + R, 0.15),
    )
    CONTEXT = ("澳门身份证", "澳门居民身份证", "澳門身份證", "澳門居民身份證", "澳門", "澳门", "BIR")
