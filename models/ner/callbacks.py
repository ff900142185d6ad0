"""spaCy registry functions the training config names (``redact.time_budget.v1``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from spacy.util import registry


class TimeBudgetExceeded(RuntimeError):
    """Training reached its time budget; the best model so far is on disk."""


@registry.callbacks("redact.time_budget.v1")
def time_budget(minutes: float) -> Callable[[Any, dict], None]:
    """Stop training after ``minutes`` (the model must rebuild in ≤ 45 min on one core)."""
    start = time.monotonic()

    def before_update(nlp: Any, info: dict) -> None:
        if time.monotonic() - start > minutes * 60:
            raise TimeBudgetExceeded(f"time budget of {minutes} min reached at step {info.get('step')}")

    return before_update
