"""Detect personal data: ``build_detector(settings).detect(doc)`` (Presidio, zh, offline)."""

from redact.detect.engine import Detector, build_detector

__all__ = ["Detector", "build_detector"]
