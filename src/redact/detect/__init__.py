"""Detect personal data: ``build_detector(settings).detect(doc)`` (Presidio, zh, offline).

Layout, in the order the data flows:

- ``recognizers.yaml`` + ``config.py``: which recognizers run, their context words (both scripts)
  and character windows; validated with ``extra="forbid"`` (a bad entry → ``ConfigInvalid``).
- ``recognizers/``: one class per file (``cn_resident_id_recognizer.py`` → ``CnResidentIdRecognizer``
  → ``CN_RESIDENT_ID``), CJK-safe regexes, checksums in ``validate_result``; ``base.py`` gives the
  confidence tiers. Names and addresses (``zh_person_recognizer``, ``zh_address_recognizer``) use the
  trained model in ``models/zh_ner`` (package ``names/``).
- ``context.py``: context words found in a character window (or a table's column header).
- ``engine.py``: one ``AnalyzerEngine`` per ``Detector``; width-normalised text, page/window chunks,
  line-wrap pass, overlap resolution.
- ``policy.yaml`` + ``policy.py``: action and reason per entity (redact personal data; keep
  organisation codes, agency contacts and, by ``Settings.official_names_policy``, officials).

A new recognizer is one file, one entry in ``recognizers.yaml`` and one ``tests/detect/test_<file>.py``
(``tests/detect/test_engine.py`` checks that each exists).
"""

from redact.detect.engine import Detector, build_detector

__all__ = ["Detector", "build_detector"]
