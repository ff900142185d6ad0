"""`redact serve` and prefect.yaml schedule the same four flows, with the cron schedules from settings."""

from __future__ import annotations

from pathlib import Path

import yaml

from redact.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_serve_builds_one_deployment_per_flow_with_the_schedules_from_settings(tmp_path: Path) -> None:
    from flows.deployments import deployments

    settings = Settings(home=tmp_path, intake_schedule="*/5 * * * *", publish_schedule="15 * * * *")
    deps = {d.name: d for d in deployments(settings)}
    assert sorted(deps) == ["intake-sweep", "monthly-report", "publish-approved", "retrain"]
    assert deps["intake-sweep"].schedules[0].schedule.cron == "*/5 * * * *"
    assert deps["publish-approved"].schedules[0].schedule.cron == "15 * * * *"
    assert deps["monthly-report"].schedules[0].schedule.cron == settings.report_schedule
    assert deps["intake-sweep"].concurrency_limit == 1  # sweeps never overlap
    assert all(d.parameters == {"home": str(tmp_path.resolve())} for d in deps.values())  # a folder, nothing else


def test_prefect_yaml_deploys_the_same_flows_with_the_default_schedules() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    deployed = {d["name"]: d for d in spec["deployments"]}
    defaults = Settings()
    assert deployed["intake-sweep"]["schedules"][0]["cron"] == defaults.intake_schedule
    assert deployed["publish-approved"]["schedules"][0]["cron"] == defaults.publish_schedule
    assert deployed["monthly-report"]["schedules"][0]["cron"] == defaults.report_schedule
    assert deployed["retrain"]["schedules"][0]["cron"] == defaults.retrain_schedule
    for d in deployed.values():
        path, func = d["entrypoint"].split(":")
        assert f"def {func}(" in (ROOT / path).read_text(encoding="utf-8")
        assert d["work_pool"]["name"] == "redact-process"
