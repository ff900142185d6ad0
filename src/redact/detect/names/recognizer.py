"""The Presidio side shared by ``ZhPersonRecognizer`` and ``ZhAddressRecognizer``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redact.detect.names import default_model_path, find_entities, model_available

log = logging.getLogger(__name__)


class ZhNamesRecognizerBase(EntityRecognizer):
    """Runs ``redact.detect.names.find_entities`` and keeps the spans of one entity type.

    The model is optional at run time: without ``models/zh_ner`` the rules still run (logged once),
    so a missing model degrades recall instead of stopping a batch.
    """

    ENTITY: ClassVar[str] = ""

    def __init__(self, model_path: Path | None = None, supported_language: str = "zh") -> None:
        self.model_path = model_path or default_model_path()
        self._use_model: Path | None = None
        super().__init__(
            supported_entities=[self.ENTITY], name=type(self).__name__, supported_language=supported_language
        )

    def load(self) -> None:
        if model_available(self.model_path):
            self._use_model = self.model_path
        else:
            log.warning("%s: model %s missing, rules only", self.name, self.model_path.name)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        results = []
        for span in find_entities(text, self._use_model):
            if span.label != self.ENTITY:
                continue
            explanation = AnalysisExplanation(
                recognizer=self.name, original_score=span.score, textual_explanation=span.source
            )
            results.append(
                RecognizerResult(
                    entity_type=self.ENTITY,
                    start=span.start,
                    end=span.end,
                    score=span.score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
