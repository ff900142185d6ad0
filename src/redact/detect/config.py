"""Load and check ``recognizers.yaml`` (which recognizers run, context words, windows).

pydantic models with ``extra="forbid"``: a typo stops start-up with ``ConfigInvalid`` naming the entry.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from redact.document import ENTITY_TYPES
from redact.errors import ConfigInvalid

DEFAULT_PATH = Path(__file__).with_name("recognizers.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Window(_Strict):
    before: int = Field(30, ge=0, le=300)
    after: int = Field(10, ge=0, le=300)


class ContextWords(_Strict):
    simplified: list[str] = []
    traditional: list[str] = []

    def all(self) -> list[str]:
        return list(dict.fromkeys(self.simplified + self.traditional))


class RecognizerEntry(_Strict):
    name: str
    class_path: str = Field(alias="class")
    enabled: bool = True
    entities: list[str]
    context: ContextWords | None = None
    context_window: Window | None = None
    #: labels a recognizer may swallow at the start of its span (住址, 戶籍地址…): trimmed off
    trim_prefixes: list[str] = []

    @field_validator("entities")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        unknown = [e for e in value if e not in ENTITY_TYPES]
        if unknown:
            raise ValueError(f"unknown entity type(s) {unknown}; use the names of contract.md")
        return value

    def load_class(self) -> type:
        module, _, name = self.class_path.rpartition(".")
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            raise ConfigInvalid(
                f"recognizer {self.name!r}: cannot import {self.class_path!r}",
                hint="fix the class path or set `enabled: false`",
            ) from exc


class EngineConfig(_Strict):
    language: str = "zh"
    score_threshold: float = Field(0.5, ge=0, le=1)
    context_factor: float = Field(0.35, ge=0, le=1)
    min_score_with_context: float = Field(0.4, ge=0, le=1)
    context_window: Window = Window()
    chunk_chars: int = Field(20000, ge=1000)
    chunk_overlap: int = Field(400, ge=50)
    tokenize: bool = False


class RecognizerConfig(_Strict):
    engine: EngineConfig = EngineConfig()
    recognizers: list[RecognizerEntry]

    @field_validator("recognizers")
    @classmethod
    def _unique_names(cls, value: list[RecognizerEntry]) -> list[RecognizerEntry]:
        names = [r.name for r in value]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate recognizer name(s) {dupes}")
        return value


def _where(err: dict[str, Any], data: Any) -> str:
    loc = list(err.get("loc", ()))
    if len(loc) >= 2 and loc[0] == "recognizers" and isinstance(loc[1], int):
        try:
            name = data["recognizers"][loc[1]].get("name", f"#{loc[1]}")
        except (KeyError, IndexError, TypeError, AttributeError):
            name = f"#{loc[1]}"
        return f"recognizer {name!r} field {'.'.join(map(str, loc[2:])) or '(entry)'}"
    return "field " + ".".join(map(str, loc))


def load_config(path: Path | None = None) -> RecognizerConfig:
    """Read and validate the recognizer file; raise ``ConfigInvalid`` naming the bad entry."""
    path = path or DEFAULT_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigInvalid(f"cannot read recognizer file {path.name}: {type(exc).__name__}") from exc
    try:
        return RecognizerConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigInvalid(
            f"{path.name}: {_where(first, data)}: {first['msg']}",
            hint="see the comments at the top of recognizers.yaml",
        ) from exc
