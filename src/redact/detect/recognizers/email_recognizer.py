"""E-mail addresses, with ASCII-only character classes so preceding Chinese is never swallowed."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import ZhPatternRecognizer


class EmailRecognizer(ZhPatternRecognizer):
    """``联系邮箱lisi@example.com`` → ``lisi@example.com``; no tldextract (offline by construction)."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = (
        Pattern(
            "email",
            r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63})@"
            r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
            0.8,
        ),
    )
    CONTEXT = ("邮箱", "电子邮件", "电邮", "email", "E-mail", "郵箱", "電子郵件", "電郵")
