"""Mainland travel permits: 港澳通行证 (C + 8), 回乡证 (H/M + 8–10), 台胞证 (8 digits, context only)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import L, R, ZhPatternRecognizer


class TravelPermitRecognizer(ZhPatternRecognizer):
    """The letter forms pass with a context word; bare 8-digit 台胞证 numbers need one too."""

    ENTITY = "TRAVEL_PERMIT"
    PATTERNS = (
        Pattern("hk/mo permit", L + r"C[0-9A-HJ-NP-Z]\d{7}" + R, 0.4),
        Pattern("home return permit", L + r"[HM]\d{8}(?:\d{2})?" + R, 0.4),
        Pattern("letter + 8 digits (weak)", L + r"[A-Z]\d{8}" + R, 0.2),
        Pattern("taiwan compatriot permit (weak)", L + r"\d{8}(?:[(（]\w{1,2}[)）]|\d{2})?" + R, 0.15),
    )
    CONTEXT = (
        "通行证",
        "港澳通行证",
        "回乡证",
        "台胞证",
        "往来内地通行证",
        "来往大陆通行证",
        "通行證",
        "回鄉證",
        "台胞證",
        "臺胞證",
        "往來內地通行證",
        "來往大陸通行證",
    )
