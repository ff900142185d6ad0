"""Load and validate ``rules.yaml``: pydantic models with ``extra="forbid"``, regexes compiled once.

A bad file stops start-up with ``ConfigInvalid`` naming the rule id and the field, so a typo in
a rule never silently turns a rule off.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from redact.errors import ConfigInvalid

RULES_PATH = Path(__file__).with_name("rules.yaml")

Scope = Literal["head", "title", "addressee", "body", "end", "all"]
LabelName = Literal["public", "on_request", "non_public"]
Kind = Literal["hard", "decisive", "declared", "cue", "redaction"]


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from exc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Signal(_Strict):
    """One regex, searched in one zone scope; ``weight`` overrides the rule's for cues."""

    pattern: str
    scope: Scope = "all"
    weight: float | None = Field(None, ge=0, le=10)

    @field_validator("pattern")
    @classmethod
    def _valid_regex(cls, v: str) -> str:
        _compile(v)
        return v

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


class Examples(_Strict):
    positive: list[str] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)


class Rule(_Strict):
    """A row of the rule table (shared/docs/disclosure-law.md §2)."""

    id: str = Field(pattern=r"^R\d+[A-Z0-9-]*$")
    name: str
    kind: Kind
    label: LabelName | None = None
    code: str = Field(pattern=r"^(S\d+[A-Z0-9-]*|DECLARED)$")
    basis: str = Field(min_length=4)
    explain: str
    signals: list[Signal] = Field(min_length=1)
    requires: list[str] = []
    unless: list[str] = []
    doc_types: list[str] = []
    not_doc_types: list[str] = []
    priority: int = 0
    weight: float = Field(1.0, ge=0, le=10)
    confidence: float = Field(0.9, ge=0.5, le=1.0)
    hard_stop: bool = False
    discretionary: bool = False
    needs_redaction: bool = False
    human_review: bool = False
    #: a discretionary decisive rule normally yields to a draft declared 主动公开 (Art. 16 says
    #: "可以不予公开"), with ``conflict`` raised; true keeps the content label (请示 → 不予公开)
    keep_over_declared: bool = False
    examples: Examples

    @field_validator("requires", "unless")
    @classmethod
    def _valid_regexes(cls, v: list[str]) -> list[str]:
        for p in v:
            _compile(p)
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.kind in ("hard", "decisive", "declared", "cue") and self.label is None:
            raise ValueError(f"kind {self.kind!r} needs a label")
        if self.hard_stop != (self.kind == "hard"):
            raise ValueError("hard_stop must be true exactly for kind 'hard'")
        return self

    @cached_property
    def requires_re(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.requires]

    @cached_property
    def unless_re(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.unless]


class DocType(_Strict):
    """A 文种 recognised from the title (or the text start), with its prior (§1.4)."""

    name: str
    title: list[str] = Field(min_length=1)
    text: list[str] = []
    prior: LabelName
    weight: float = Field(ge=0, le=10)
    category: str
    code: str = Field(pattern=r"^S\d+[A-Z0-9-]*$")
    basis: str = Field(min_length=4)

    @cached_property
    def title_re(self) -> list[re.Pattern[str]]:
        return [_compile(p) for p in self.title]

    @cached_property
    def text_re(self) -> list[re.Pattern[str]]:
        return [_compile(p) for p in self.text]


class Category(_Strict):
    name: Literal["组织机构", "部门文件", "动态", "行政执法", "办事指南", "财政预决算", "其他"]
    signals: list[str] = Field(min_length=1)

    @cached_property
    def regexes(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.M) for p in self.signals]


class Default(_Strict):
    id: str
    code: str
    label: LabelName
    weight: float
    basis: str
    explain: str


class RuleSet(_Strict):
    """The whole rule file."""

    version: int
    default: Default
    labels_zh: dict[LabelName, str]
    annotations: dict[LabelName, str]
    review_months: int = Field(ge=1, le=60)
    protected_doc_types: list[str]
    protected_rules: list[str]
    doc_types: list[DocType]
    categories: list[Category]
    rules: list[Rule]

    @model_validator(mode="after")
    def _unique_ids(self) -> RuleSet:
        seen: set[str] = set()
        for r in self.rules:
            if r.id in seen:
                raise ValueError(f"duplicate rule id {r.id}")
            seen.add(r.id)
        unknown = set(self.protected_rules) - seen
        if unknown:
            raise ValueError(f"protected_rules names unknown rules {sorted(unknown)}")
        return self

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def _where(err: dict[str, Any], data: Any) -> str:
    """'rule R5, field signals.0.pattern' for a pydantic error location."""
    loc = list(err.get("loc", ()))
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            rid = data["rules"][loc[1]].get("id", f"#{loc[1]}")
        except (KeyError, IndexError, TypeError, AttributeError):
            rid = f"#{loc[1]}"
        field = ".".join(str(x) for x in loc[2:]) or "(rule)"
        return f"rule {rid}, field {field}"
    return "field " + ".".join(str(x) for x in loc)


def parse_rules(data: Any) -> RuleSet:
    """Validate already-loaded YAML data; raise ``ConfigInvalid`` naming the rule and field."""
    try:
        return RuleSet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        msg = f"rules file invalid: {_where(first, data)}: {first['msg']}"
        raise ConfigInvalid(msg, hint="fix src/redact/classify/rules.yaml") from None


def load_rules(path: Path | None = None) -> RuleSet:
    """Read and validate the rule file (default: the packaged ``rules.yaml``)."""
    path = path or RULES_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigInvalid(f"rules file unreadable: {type(exc).__name__}") from None
    return parse_rules(data)
