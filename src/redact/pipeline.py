"""extract → detect → classify for one file, with the expensive objects built once.

The CLI (``redact analyze``), the intake flow and the benchmarks all call ``Pipeline.analyze``:
one code path, one output shape (``Document.to_dict`` = the contract's JSON line).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redact.document import Document
from redact.settings import Settings


@dataclass
class Pipeline:
    """Holds the detector and classifier (models load once) and runs the stages in order."""

    settings: Settings = field(default_factory=Settings)
    _detector: Any = None
    _classifier: Any = None

    @property
    def detector(self) -> Any:
        if self._detector is None:
            from redact.detect import build_detector

            self._detector = build_detector(self.settings)
        return self._detector

    @property
    def classifier(self) -> Any:
        if self._classifier is None:
            from redact.classify import build_classifier

            self._classifier = build_classifier(self.settings)
        return self._classifier

    def extract(self, path: Path, source: str | None = None) -> Document:
        from redact.extract import extract

        return extract(
            path,
            source=source,
            max_bytes=self.settings.max_file_bytes,
            max_pages=self.settings.max_pages,
        )

    def analyze_document(self, doc: Document) -> Document:
        doc = self.detector.detect(doc)
        if importlib.util.find_spec("redact.classify") is None:  # until the classify stage lands
            return doc
        return self.classifier.classify(doc)

    def analyze(self, path: Path, source: str | None = None) -> Document:
        """Extract, detect and classify one file. Raises ``redact.errors.BadInput`` for bad files."""
        return self.analyze_document(self.extract(path, source=source))
