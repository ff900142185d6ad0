"""Action per entity: redact personal data, keep what the law says is public (rules in ``policy.yaml``).

- personal data → ``redact`` / ``S15-PRIVACY``;
- organisation credit codes → ``keep`` / ``ORG-PUBLIC`` unless a sole-trader word is nearby;
- the agency's public hotlines and office addresses → not reported (or ``keep``, see ``report``);
- government-domain mailboxes → ``keep``;
- officials in their public role (签发人, 局长 X, signature block) stay ``PERSON`` and follow
  ``Settings.official_names_policy``: ``keep_signatories`` → ``keep`` / ``OFFICIAL-ROLE``,
  ``redact_all`` → ``redact``;
- a PERSON span ending like an agency or company name is dropped (it is not a person).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from redact.detect.tables import header_cells
from redact.document import Entity
from redact.errors import ConfigInvalid

DEFAULT_PATH = Path(__file__).with_name("policy.yaml")
OFFICIAL_POLICIES = ("keep_signatories", "redact_all")
_DATE_LINE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|[〇零○一二三四五六七八九]{4}年|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActionRule(_Strict):
    action: Literal["redact", "keep"] = "redact"
    reason: str = "S15-PRIVACY"


class OrgCodes(_Strict):
    types: list[str]
    reason: str
    personal_words: list[str]
    window: int


class WordRule(_Strict):
    reason: str
    words: list[str]
    window: int
    numbers: list[str] = []
    personal_labels: list[str] = []
    agency_words: list[str] = []
    person_words: list[str] = []
    report: bool = True


class AgencyEmails(_Strict):
    reason: str
    domains: list[str]


class OfficialRoles(_Strict):
    reason: str
    titles: list[str]
    line_labels: list[str]
    affiliation_suffixes: list[str]
    table_columns: list[str]
    table_markers: list[str]
    before_window: int
    after_window: int
    signature_tail: int
    private_signers: list[str]
    signature_date_lines: int


class PolicyConfig(_Strict):
    default: ActionRule
    organisation_codes: OrgCodes
    hotlines: WordRule
    agency_emails: AgencyEmails
    agency_addresses: WordRule
    official_roles: OfficialRoles
    not_person_suffixes: list[str]


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


class Policy:
    """Decides ``action`` and ``reason`` for entities found in ``text`` (width-normalised)."""

    def __init__(self, config: PolicyConfig, official_names_policy: str = "keep_signatories") -> None:
        if official_names_policy not in OFFICIAL_POLICIES:
            raise ConfigInvalid(
                f"official_names_policy must be one of {OFFICIAL_POLICIES}",
                hint="set REDACT_OFFICIAL_NAMES_POLICY",
            )
        self.config = config
        self.keep_officials = official_names_policy == "keep_signatories"
        self._personal = _words(config.organisation_codes.personal_words)
        self._hotline = _words(config.hotlines.words)
        self._phone_label = _words(config.hotlines.words + config.hotlines.personal_labels)
        self._agency_self = _words(config.hotlines.agency_words)
        self._person_word = _words(config.hotlines.person_words)
        self._mobile = re.compile(r"(?:\+?86|0086)?[\s\-()]*1[3-9]")
        self._agency_address = _words(config.agency_addresses.words)
        titles = _words(config.official_roles.titles).pattern
        self._title_before = re.compile(f"(?:{titles})[：:\\s]*$")
        self._title_after = re.compile(f"\\s?(?:{titles})")
        self._not_person = tuple(config.not_person_suffixes)
        roles = config.official_roles
        self._line_label = re.compile(f"\\s*(?:{_words(roles.line_labels).pattern})\\s*[：:]")
        self._private_signer = _words(roles.private_signers)
        self._affiliation = re.compile(
            f"[（(][^（）()\\n]{{1,30}}(?:{_words(roles.affiliation_suffixes).pattern})[）)]"
        )

    @classmethod
    def load(cls, official_names_policy: str = "keep_signatories", path: Path | None = None) -> Policy:
        path = path or DEFAULT_PATH
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            return cls(PolicyConfig.model_validate(data), official_names_policy)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"]))
            raise ConfigInvalid(f"{path.name}: field {where}: {first['msg']}") from exc
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigInvalid(f"cannot read policy file {path.name}: {type(exc).__name__}") from exc

    # --- rules ----------------------------------------------------------------------------------
    def _near(self, rx: re.Pattern[str], text: str, start: int, window: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        return rx.search(text, max(line_start, start - window), start) is not None

    def is_hotline(self, text: str, e: Entity) -> bool:
        """A listed service number, or a landline whose nearest label is a hotline word (咨询电话：),
        or that follows the agency naming itself (请联系本局办公室，电话…) with no person in between.
        Mobiles are people's numbers (咨询张三13800138000): never a hotline unless listed."""
        cfg = self.config.hotlines
        if re.sub(r"\D", "", text[e.start : e.end]) in cfg.numbers:
            return True
        if self._mobile.match(text, e.start):
            return False
        lo = max(0, e.start - cfg.window)
        sentence = max(text.rfind(c, lo, e.start) for c in "。；;！？") + 1
        lo = max(lo, sentence)
        labels = list(self._phone_label.finditer(text, lo, e.start))
        if labels and self._hotline.fullmatch(labels[-1].group()):
            return True
        agency = list(self._agency_self.finditer(text, lo, e.start))
        return bool(agency) and self._person_word.search(text, agency[-1].end(), e.start) is None

    def is_agency_email(self, text: str, e: Entity) -> bool:
        domain = text[e.start : e.end].rpartition("@")[2].lower()
        return any(domain == d or domain.endswith("." + d) for d in self.config.agency_emails.domains)

    def is_official(self, text: str, e: Entity) -> bool:
        roles = self.config.official_roles
        line_start = text.rfind("\n", 0, e.start) + 1
        if self._title_before.search(text, max(line_start, e.start - roles.before_window), e.start):
            return True
        if self._title_after.match(text, e.end, min(len(text), e.end + roles.after_window + 1)):
            return True
        if self._affiliation.match(text, e.end):
            return True
        prefix = text[line_start : e.start]
        label = self._line_label.match(prefix)
        if label and "：" not in prefix[label.end() :] and len(prefix) - label.end() <= 80:
            return True
        return self.is_official_in_table(text, e) or self.is_signature(text, e)

    def is_official_in_table(self, text: str, e: Entity) -> bool:
        """A name in a tab-separated table under a leadership column, or in a table of appointments."""
        roles = self.config.official_roles
        found = header_cells(text, e.start)
        if found is None:
            return False
        header, column = found
        if any(m in cell for cell in header for m in roles.table_markers):
            return True
        return column < len(header) and any(c in header[column] for c in roles.table_columns)

    def is_signature(self, text: str, e: Entity) -> bool:
        """A name alone on its line near the end, with a date line just below it."""
        roles = self.config.official_roles
        if e.start < len(text) - roles.signature_tail:
            return False
        line_start = text.rfind("\n", 0, e.start) + 1
        line_end = text.find("\n", e.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].strip() != text[e.start : e.end].strip():
            return False
        above = text[max(0, line_start - 40) : line_start].rstrip().rsplit("\n", 1)[-1]
        if self._private_signer.search(above):
            return False  # 申请人（签名）：\n张三\n2024年5月20日 is a private person signing
        following = text[line_end:].split("\n", roles.signature_date_lines + 1)[
            : roles.signature_date_lines + 1
        ]
        return any(_DATE_LINE.search(line) for line in following)

    def decide(self, text: str, e: Entity) -> Entity | None:
        """The entity with its action and reason, or None when it is not personal data at all."""
        cfg = self.config
        if e.type in cfg.organisation_codes.types:
            if self._near(self._personal, text, e.start, cfg.organisation_codes.window):
                return dataclasses.replace(e, action=cfg.default.action, reason=cfg.default.reason)
            return dataclasses.replace(e, action="keep", reason=cfg.organisation_codes.reason)
        if e.type == "PHONE_NUMBER" and self.is_hotline(text, e):
            return (
                dataclasses.replace(e, action="keep", reason=cfg.hotlines.reason)
                if cfg.hotlines.report
                else None
            )
        if e.type == "EMAIL_ADDRESS" and self.is_agency_email(text, e):
            return dataclasses.replace(e, action="keep", reason=cfg.agency_emails.reason)
        if e.type == "ADDRESS" and self._near(
            self._agency_address, text, e.start, cfg.agency_addresses.window
        ):
            if not cfg.agency_addresses.report:
                return None
            return dataclasses.replace(e, action="keep", reason=cfg.agency_addresses.reason)
        if e.type == "PERSON":
            if e.end - e.start >= 4 and text[e.start : e.end].endswith(self._not_person):
                return None
            if self.is_official(text, e):
                if self.keep_officials:
                    return dataclasses.replace(e, action="keep", reason=cfg.official_roles.reason)
                return dataclasses.replace(e, action="redact", reason=cfg.default.reason)
        return dataclasses.replace(e, action=cfg.default.action, reason=cfg.default.reason)

    def apply(self, text: str, entities: list[Entity]) -> list[Entity]:
        return [d for e in entities if (d := self.decide(text, e)) is not None]
