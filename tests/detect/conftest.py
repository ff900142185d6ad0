"""One detector per test session (building the analyzer takes a second or two)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redact.detect import Detector, build_detector
from redact.settings import Settings

Spans = Callable[[str, str], list[tuple[int, int, str]]]


@pytest.fixture(scope="session")
def detector() -> Detector:
    return build_detector(Settings())


@pytest.fixture(scope="session")
def found(detector: Detector) -> Spans:
    """``found(text, type)`` → (start, end, text) of every entity of that type the full detector reports."""

    def _found(text: str, entity_type: str) -> list[tuple[int, int, str]]:
        return [(e.start, e.end, e.text) for e in detector.analyze_text(text) if e.type == entity_type]

    return _found
