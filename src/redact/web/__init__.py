"""Reviewer web UI (FastAPI + server-rendered Jinja2, every asset served locally)."""

from redact.web.app import create_app

__all__ = ["create_app"]
