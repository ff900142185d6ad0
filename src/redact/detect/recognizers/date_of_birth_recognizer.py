"""Dates of birth: a date next to 出生日期/生日/出生于 or followed by 出生/生. Other dates are public."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, ZhPatternRecognizer

_CN_DIGIT = "〇零○Ｏ一二三四五六七八九"
_CN_NUM = "一二三四五六七八九十"
#: "…年…月…日出生", "…生，", but not 生效/生产/发生
_AFTER = re.compile(r"(?:出生|生[，,、；;）)\s。]|生$|生人)")


class DateOfBirthRecognizer(ZhPatternRecognizer):
    """Every date pattern scores below the threshold; only context lifts it (plain dates stay public)."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (
        Pattern("ymd zh", L + r"(?:19|20)\d{2} ?年 ?\d{1,2} ?月(?: ?\d{1,2} ?[日号])?", 0.2),
        Pattern("roc (minguo) year", r"民[國国] ?\d{1,3} ?年 ?\d{1,2} ?月(?: ?\d{1,2} ?[日号])?", 0.2),
        Pattern("ymd numeric", L + r"(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![0-9])", 0.2),
        Pattern(
            "ymd chinese numerals",
            "[" + _CN_DIGIT + "]{4}年[" + _CN_NUM + "]{1,2}月(?:[" + _CN_NUM + "]{1,3}[日号])?",
            0.2,
        ),
    )
    CONTEXT = ("出生日期", "出生年月", "生日", "出生于", "出生時間", "出生时间", "出生於", "出生")
    #: score when the date is directly followed by 出生/生
    AFTER_SCORE = 0.85

    def score_match(self, text: str, start: int, end: int, score: float) -> float:
        return self.AFTER_SCORE if _AFTER.match(text, end, min(len(text), end + 3)) else score
