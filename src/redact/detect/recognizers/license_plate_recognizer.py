"""Vehicle license plates (车牌): province character + letter + optional ``·`` + 5–6 characters."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import R, ZhPatternRecognizer

#: Simplified province abbreviations, then their Traditional forms (as Traditional documents write them)
PROVINCES = (
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领" + "滬遼魯蘇贛晉陝閩貴粵寧瓊雲領"
)


class LicensePlateRecognizer(ZhPatternRecognizer):
    """``闽A·12345``, ``粤B D12345`` (new energy, 6 characters); Taiwan ``ABC-1234`` only with context."""

    ENTITY = "LICENSE_PLATE"
    PATTERNS = (
        Pattern(
            "plate",
            "["
            + PROVINCES
            + r"][A-HJ-NP-Z][·•・. \-]?(?:[DF][A-HJ-NP-Z0-9]\d{4}|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]|\d{5}[DF])"
            + R,
            0.6,
        ),
        Pattern(
            "taiwan (weak)", r"(?<![0-9A-Za-z\-])(?:[A-Z]{2,3}-\d{3,4}|\d{4}-[A-Z]{2})(?![0-9A-Za-z\-])", 0.2
        ),
    )
    CONTEXT = ("车牌", "车牌号", "号牌", "车辆", "牌照", "車牌", "號牌", "車輛")
