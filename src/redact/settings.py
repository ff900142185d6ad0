"""One settings object: environment variables (``REDACT_*``) + an optional ``redact.toml``.

The only code that reads the environment. Defaults work on a fresh clone: a SQLite file and
local folders under ``var/``. The CLI, the web app or a flow builds it once and passes it down.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MODELS_DIR = PROJECT_ROOT / "models"


class _TomlSource(PydanticBaseSettingsSource):
    """Reads ``redact.toml`` (path from ``REDACT_CONFIG`` or the working directory) if it exists."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self.path = path

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:  # pragma: no cover
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        if self.path is None or not self.path.is_file():
            return {}
        with open(self.path, "rb") as fh:
            data = tomllib.load(fh)
        return data.get("redact", data)


class Settings(BaseSettings):
    """Every setting of the product, with defaults that work on a fresh clone."""

    model_config = SettingsConfigDict(env_prefix="REDACT_", extra="forbid")

    home: Path = Field(Path("var"), description="Base folder for the default folders and database.")
    intake_dir: Path | None = Field(None, description="Where staff drop drafts (default: <home>/intake).")
    store_dir: Path | None = Field(None, description="Archive of originals by sha256 (default: <home>/store).")
    quarantine_dir: Path | None = Field(None, description="Bad files with a .reason.txt (default: <home>/quarantine).")
    outbox_dir: Path | None = Field(None, description="Published copies (default: <home>/outbox).")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default sqlite:///<home>/redact.db (PostgreSQL for teams)."
    )
    models_dir: Path = Field(MODELS_DIR, description="Where the trained models live.")
    max_file_mb: float = Field(50.0, description="Files larger than this are quarantined.")
    max_pages: int = Field(500, description="Documents with more pages are quarantined.")
    intake_schedule: str = Field("*/10 * * * *", description="Cron schedule of the intake sweep.")
    publish_schedule: str = Field("*/30 * * * *", description="Cron schedule of publication.")
    report_schedule: str = Field("0 6 1 * *", description="Cron schedule of the monthly statistics report.")
    retrain_schedule: str = Field("0 2 * * 0", description="Cron schedule of model retraining.")
    auto_approve: bool = Field(False, description="Publish suggestions without review (off by default).")
    masking: str = Field("local", description="Masking policy: 'local' (张某, 138****1234) or 'full' (■).")
    official_names_policy: str = Field(
        "keep_signatories",
        description="PERSON in a public role (signatories, leadership lists): keep_signatories | redact_all.",
    )
    workers: int = Field(2, description="Worker processes for analysis in a sweep.")
    batch_size: int = Field(50, description="Documents per analysis task.")
    stable_seconds: float = Field(2.0, description="A file must keep size and mtime this long to be picked up.")
    secret_key: str | None = Field(None, description="Session signing key of the web app (generated if unset).")
    web_host: str = Field("127.0.0.1", description="Web UI bind address.")
    web_port: int = Field(8000, description="Web UI port.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        import os

        cfg = os.environ.get("REDACT_CONFIG")
        path = Path(cfg) if cfg else Path("redact.toml")
        return (init_settings, env_settings, _TomlSource(settings_cls, path))

    # Derived folders -----------------------------------------------------------------------
    @property
    def intake(self) -> Path:
        return self.intake_dir or self.home / "intake"

    @property
    def store(self) -> Path:
        return self.store_dir or self.home / "store"

    @property
    def quarantine(self) -> Path:
        return self.quarantine_dir or self.home / "quarantine"

    @property
    def outbox(self) -> Path:
        return self.outbox_dir or self.home / "outbox"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.home / 'redact.db').resolve()}"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def ensure_dirs(self) -> None:
        for d in (self.intake, self.store, self.quarantine, self.outbox / "public", self.outbox / "on_request"):
            d.mkdir(parents=True, exist_ok=True)
