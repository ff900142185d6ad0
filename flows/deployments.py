"""All deployments with their cron schedules from settings, for ``redact serve`` and ``prefect.yaml``."""

from __future__ import annotations

from typing import Any

from prefect import serve

from flows.intake import intake_sweep_flow
from flows.publish import publish_approved_flow
from flows.report import report_flow
from flows.retrain import retrain_flow
from redact.settings import Settings


def deployments(settings: Settings) -> list[Any]:
    """One deployment per flow; sweeps and publication never overlap themselves (concurrency 1)."""
    params = {"home": str(settings.home.resolve())}
    return [
        intake_sweep_flow.to_deployment(
            name="intake-sweep", cron=settings.intake_schedule, parameters=params, concurrency_limit=1
        ),
        publish_approved_flow.to_deployment(
            name="publish-approved", cron=settings.publish_schedule, parameters=params, concurrency_limit=1
        ),
        report_flow.to_deployment(name="monthly-report", cron=settings.report_schedule, parameters=params),
        retrain_flow.to_deployment(
            name="retrain", cron=settings.retrain_schedule, parameters=params, concurrency_limit=1
        ),
    ]


def serve_all(settings: Settings) -> None:
    """Run the schedules in this process until stopped (run it under a service manager)."""
    serve(*deployments(settings), limit=max(1, settings.workers))
