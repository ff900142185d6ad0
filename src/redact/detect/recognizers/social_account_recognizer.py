"""QQ numbers and WeChat ids: only directly after a QQ/微信 label (a bare number is not an account)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import ZhPatternRecognizer

_NUM = r"号码|號碼|账号|帳號|号|號|ID|id"
_LABEL = r"(?:QQ|qq|Qq|扣扣|微信|WeChat|wechat|weixin) ?(?:" + _NUM + r")?"
_LABELS = _LABEL + r"(?:\s*[/、或]\s*" + _LABEL + r")?\s*[:：]?\s*"


class SocialAccountRecognizer(ZhPatternRecognizer):
    """The label is part of the pattern (group ``v`` is the account), so no context words are needed."""

    ENTITY = "SOCIAL_ACCOUNT"
    PATTERNS = (
        Pattern(
            "labelled account",
            _LABELS + r"(?P<v>[1-9]\d{4,10}|[A-Za-z][A-Za-z0-9_\-]{5,19})(?![0-9A-Za-z_\-])",
            0.8,
        ),
    )
    CONTEXT = ()
