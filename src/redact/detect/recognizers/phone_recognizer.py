"""Phone numbers: mainland mobiles and landlines, Hong Kong, Macau and Taiwan formats."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import R, ZhPatternRecognizer

#: no digit, letter or ``+`` before the number
_L = r"(?<![0-9A-Za-z+])"
_CN = r"(?:(?:\+|00)86[ -]?|86[ -]|[(（]\+?86[)）] ?)?"
_AREA = r"0(?:10|2\d|[3-9]\d{2})"
_EXT = r"(?:(?:转|轉|-|#|ext\.? ?)\d{1,5})?"


class PhoneRecognizer(ZhPatternRecognizer):
    """Mobiles pass on their own; bare 8-digit and Taiwan forms need a context word."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = (
        Pattern("cn mobile", _L + _CN + r"1[3-9]\d(?:[ -]?\d{4}){2}" + R, 0.6),
        Pattern(
            "cn landline",
            _L + _CN + r"(?:[(（]" + _AREA + r"[)）]|" + _AREA + r")[ -]?[2-9]\d{2,3}[ -]?\d{4}" + _EXT + R,
            0.55,
        ),
        Pattern("cn landline compact", _L + _AREA + r"[2-9]\d{6,7}" + R, 0.5),
        Pattern(
            "cn landline intl",
            _L + r"(?:\+|00)86[ -]?[(（]?(?:10|2\d|[3-9]\d{2})[)）]?[ -]?[2-9]\d{2,3}[ -]?\d{4}" + R,
            0.6,
        ),
        Pattern(
            "area code + local (incl. Taiwan)",
            _L + r"(?:[(（]0\d{1,3}[)）] ?|0\d{1,3}[ -])(?:\d{6,8}|\d{3,4}[ -]\d{4})" + R,
            0.5,
        ),
        Pattern(
            "hk/mo intl", _L + r"(?:(?:\+|00)85[23]|[(（]\+?85[23][)）])[ -]?[2-9]\d{3}[ -]?\d{4}" + R, 0.7
        ),
        Pattern("tw intl", _L + r"(?:\+|00)886[ -]?(?:9\d{2}|[2-8]\d?)[ -]?\d{3,4}[ -]?\d{3,4}" + R, 0.7),
        Pattern("tw mobile", _L + r"09\d{2}[ -]\d{3}[ -]?\d{3}" + R, 0.5),
        Pattern("tw mobile compact", _L + r"09\d{8}" + R, 0.3),
        Pattern("tw landline", _L + r"[(（]0[2-8]\d?[)）] ?\d{3,4}[ -]?\d{4}" + R, 0.3),
        Pattern("local 8 digits", _L + r"[2-9]\d{3}[ -]?\d{4}" + R, 0.2),
    )
    CONTEXT = (
        "电话",
        "手机",
        "联系方式",
        "座机",
        "传真",
        "电话号码",
        "联系电话",
        "電話",
        "手機",
        "聯絡",
        "聯繫",
        "傳真",
    )
