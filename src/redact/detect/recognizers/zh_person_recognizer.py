"""PERSON in Chinese text: surname/label/title/table rules plus the trained model (``models/zh_ner``)."""

from __future__ import annotations

from redact.detect.names.recognizer import ZhNamesRecognizerBase


class ZhPersonRecognizer(ZhNamesRecognizerBase):
    """Personal names (张三, 欧阳娜娜, 買買提·艾力); never already-anonymised forms (张某, 李某某)."""

    ENTITY = "PERSON"
