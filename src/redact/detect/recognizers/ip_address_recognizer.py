"""IPv4 and IPv6 addresses, CJK-safe, validated with ``ipaddress``."""

from __future__ import annotations

import ipaddress

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import ZhPatternRecognizer


class IpAddressRecognizer(ZhPatternRecognizer):
    """A valid address passes on its own (0.6); 登录IP/IP地址 raise it."""

    ENTITY = "IP_ADDRESS"
    VALID_SCORE = 0.6
    PATTERNS = (
        Pattern("ipv4", r"(?<![0-9.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9A-Za-z]|\.\d)", 0.1),
        Pattern(
            "ipv6",
            r"(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{1,4}(?:::?[0-9A-Fa-f]{1,4}){1,7}(?:::)?|::[0-9A-Fa-f]{1,4}(?:::?[0-9A-Fa-f]{1,4}){0,6})"
            r"(?![0-9A-Za-z])",
            0.1,
        ),
    )
    CONTEXT = ("IP", "ip地址", "IP地址", "登录地址", "登錄", "登录", "網址", "位址")

    def validate_result(self, pattern_text: str) -> bool | None:
        try:
            ipaddress.ip_address(pattern_text)
        except ValueError:
            return False
        return True
