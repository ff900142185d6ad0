"""Context words on Chinese text: a character window, not lemmas.

Presidio's ``LemmaContextAwareEnhancer`` compares context words with token lemmas; a blank zh
pipeline has per-character tokens and empty lemmas, so context never fires. This enhancer looks
for the recognizer's context words (both scripts) in the raw text ``before`` characters before and
``after`` characters after each match, and records how close the nearest word was so that the
engine can break ties between two types claiming the same span. In a tab-separated table the
column header counts as context too (``护照号码`` heads the column, rows above the value).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from redact.detect.tables import header_cell

DISTANCE_KEY = "context_distance"
#: a context word in the column header of a tab-separated table counts as this far away
TABLE_HEADER_DISTANCE = 100


class CharWindowContextEnhancer(ContextAwareEnhancer):
    """Adds ``factor`` to a match with a context word nearby (at least ``min_score``, at most 1.0)."""

    def __init__(
        self,
        factor: float = 0.35,
        min_score: float = 0.4,
        before: int = 30,
        after: int = 10,
        windows: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(factor, min_score, before, after)
        self.windows = dict(windows or {})
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _pattern(self, recognizer: EntityRecognizer) -> re.Pattern[str] | None:
        key = recognizer.id
        if key not in self._patterns:
            words = sorted({w for w in recognizer.context if w}, key=len, reverse=True)
            self._patterns[key] = re.compile("|".join(map(re.escape, words))) if words else None
        return self._patterns[key]

    def context_distance(self, text: str, start: int, end: int, recognizer: EntityRecognizer) -> int | None:
        """Characters between the match and the nearest context word, or None if there is none."""
        rx = self._pattern(recognizer)
        if rx is None:
            return None
        before, after = self.windows.get(
            recognizer.name, (self.context_prefix_count, self.context_suffix_count)
        )
        best = None
        lo = max(0, start - before)
        for m in rx.finditer(text, lo, start):
            best = start - m.end()
        m = rx.search(text, end, min(len(text), end + after)) if after else None
        if m is not None and (best is None or m.start() - end < best):
            best = m.start() - end
        if best is None and (header := header_cell(text, start)) and rx.search(header):
            best = TABLE_HEADER_DISTANCE
        return best

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts | None,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        by_id = {r.id: r for r in recognizers}
        for result in raw_results:
            meta = result.recognition_metadata or {}
            recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            distance = self.context_distance(text, result.start, result.end, recognizer)
            if distance is None:
                continue
            result.score = min(
                self.MAX_SCORE,
                max(result.score + self.context_similarity_factor, self.min_score_with_context_similarity),
            )
            meta[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            meta[DISTANCE_KEY] = distance
            result.recognition_metadata = meta
        return raw_results
