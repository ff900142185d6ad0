"""Shared base for our pattern recognizers: CJK-safe regexes and confidence tiers.

Presidio's ``PatternRecognizer`` raises every validated match to 1.0, which leaves no room for
context. Here a match starts at its pattern's score; a passing checksum lifts it to
``VALID_SCORE`` and the character-window context enhancer (``redact.detect.context``) adds the
rest, giving the tiers of commercial detectors:
checksum + context (1.0) > checksum (``VALID_SCORE``) > pattern + context > pattern
(weak patterns sit below the engine threshold and only survive with context).
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

#: No ASCII letter or digit may touch a match (Chinese characters may: ``电话13800138000``).
L = r"(?<![0-9A-Za-z])"
R = r"(?![0-9A-Za-z])"


def digits(value: str) -> str:
    """The value without spaces, hyphens, dots or brackets, ASCII or full-width (for checksums)."""
    return re.sub(r"[\s\-().·/（）]", "", value)


class ZhPatternRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` for zh whose subclasses set ``ENTITY``, ``PATTERNS`` and ``CONTEXT``.

    A pattern with a named group ``v`` reports only that group (the rest is a label like ``QQ：``).
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    #: score of a match whose ``validate_result`` returned True (before context)
    VALID_SCORE: ClassVar[float] = 0.85
    #: score of a valid match of a pattern named "... (weak)": still needs a context word
    WEAK_VALID_SCORE: ClassVar[float] = 0.3

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=patterns or list(self.PATTERNS),
            context=context if context is not None else list(self.CONTEXT),
            supported_language=supported_language,
            name=name,
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )
        self._compiled = [(p, re.compile(p.regex, re.DOTALL | re.MULTILINE)) for p in self.patterns]

    def validate_result(self, pattern_text: str) -> bool | None:
        """True: checksum passed; False: drop; None: no check for this form."""
        return None

    def score_match(self, text: str, start: int, end: int, score: float) -> float:
        """Hook to adjust a score from the surrounding text (default: unchanged)."""
        return score

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = []
        for pattern, rx in self._compiled:
            for m in rx.finditer(text):
                group = "v" if "v" in rx.groupindex else 0  # a label may precede the value
                start, end = m.span(group)
                value = m.group(group)
                verdict = self.validate_result(value)
                if verdict is False or self.invalidate_result(value):
                    continue
                score = pattern.score
                if verdict:
                    score = self.WEAK_VALID_SCORE if pattern.name.endswith("(weak)") else self.VALID_SCORE
                score = self.score_match(text, start, end, score)
                if score <= 0:
                    continue
                explanation = self.build_regex_explanation(
                    self.name, pattern.name, pattern.regex, score, verdict, re.DOTALL | re.MULTILINE
                )
                results.append(
                    RecognizerResult(
                        entity_type=self.ENTITY,
                        start=start,
                        end=end,
                        score=score,
                        analysis_explanation=explanation,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return EntityRecognizer.remove_duplicates(results)
