"""Classify stage: suggest the disclosure attribute (主动公开 / 依申请公开 / 不予公开) with reasons.

``build_classifier(settings).classify(doc)`` is what ``redact.pipeline.Pipeline`` calls;
``classify_text(text)`` is the pure entry point for tests and benchmarks.
"""

from redact.classify.classify import Classifier, build_classifier, classify_text
from redact.classify.rules import RuleSet, load_rules
from redact.classify.zones import ZONE_NAMES, Zones, split_zones

__all__ = [
    "ZONE_NAMES",
    "Classifier",
    "RuleSet",
    "Zones",
    "build_classifier",
    "classify_text",
    "load_rules",
    "split_zones",
]
