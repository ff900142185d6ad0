"""ADDRESS in Chinese text: labelled home addresses and street/village/flat grammar plus the model."""

from __future__ import annotations

from redact.detect.names.recognizer import ZhNamesRecognizerBase


class ZhAddressRecognizer(ZhNamesRecognizerBase):
    """Home addresses down to 路/号/村/组/室; never a bare place name (榕江市) or an office address label."""

    ENTITY = "ADDRESS"
