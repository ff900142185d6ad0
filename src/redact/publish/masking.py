"""Masking policies: what replaces a redacted value, and which part of it is removed.

Every mask is **length-preserving** (one output character per input character), so DOCX and TXT
edits are per-character substitutions that never shift offsets or break runs, and PDF redaction
boxes cover exactly the removed characters.

Policies (``settings.masking``):

``full``
    every character removed: ``■`` per character in TXT/DOCX, a filled box in PDF.
``local`` (default; the convention of Chinese agencies' published decisions)
    ``PERSON``          张三 → 张某, 张三丰 → 张某某, 欧阳娜娜 → 欧阳某某 (surname kept, two-character
                        surnames kept; a non-Chinese or one-character name is fully removed)
    ``PHONE_NUMBER``    13800138000 → 138****8000 (mobile: first 3 + last 4 digits kept; other
                        numbers: last 4 digits kept); separators stay where they were
    ``CN_RESIDENT_ID``  350102199001011234 → 350102********1234 (first 6 + last 4 kept: the region
                        code and the last digits; the birth date and sequence are removed)
    ``ADDRESS``         kept up to the last 街道/镇/乡 (else 区/县/市); the rest → ■ per character
    anything else       ■ per character (same as ``full``)

In a PDF the kept characters stay as they are and only the removed ones are boxed.

The leak gate cannot search for the removed part of a partial mask on its own (三 alone is
everywhere), so ``needles()`` gives it: the full original value (always, if ≥ 2 characters) and
each removed piece of ≥ 5 characters (an ID's birth date 19900101). Shorter removed pieces are
only identifying together with the kept part, which the full-value search already covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redact.document import Entity

BOX = "■"
POLICIES = ("local", "full")

#: Two-character surnames (复姓) kept whole by the local PERSON mask.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 "
    "澹台 呼延 申屠 公冶 太史 闻人 万俟 赫连 钟离 宗政 濮阳 淳于 单于 仲孙 左丘 东郭 百里 "
    "歐陽 司馬 諸葛 東方 皇甫 尉遲 長孫 軒轅 端木 獨孤 南宮 西門 鍾離 宗政 濮陽".split()
)

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_ADDRESS_TOWN = re.compile(r"(街道|镇|鎮|乡|鄉)")
_ADDRESS_COUNTY = re.compile(r"(区|區|县|縣|市)")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mask:
    """The masked form of one value: ``replacement`` has the same length as the value."""

    policy: str  # name recorded in RedactionResult.masks, e.g. "local:surname"
    replacement: str
    removed: tuple[Span, ...]  # value-relative [start, end) ranges that are removed


def _runs(flags: list[bool]) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = None
    for i, f in enumerate([*flags, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            spans.append((start, i))
            start = None
    return tuple(spans)


def _build(policy: str, value: str, removed: list[bool], fill: str) -> Mask:
    rep = "".join(fill if r else c for c, r in zip(value, removed, strict=True))
    return Mask(policy, rep, _runs(removed))


def _full(value: str) -> Mask:
    return _build("full", value, [not c.isspace() for c in value], BOX)


def _person(value: str) -> Mask:
    name = value.strip()
    if len(name) < 2 or not _HAN.match(name):
        return _full(value)
    lead = len(value) - len(value.lstrip())
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    removed = [lead + keep <= i < lead + len(name) for i in range(len(value))]
    return _build("local:surname", value, removed, "某")


def _digits_kept(value: str, head: int, tail: int, policy: str) -> Mask:
    idx = [i for i, c in enumerate(value) if c.isalnum()]
    if len(idx) <= head + tail:
        return _full(value)
    drop = set(idx[head : len(idx) - tail])
    return _build(policy, value, [i in drop for i in range(len(value))], "*")


def _phone(value: str) -> Mask:
    digits = re.sub(r"\D", "", value)
    mobile = re.search(r"1[3-9]\d{9}$", digits)
    if mobile and len(digits) - 11 <= 4:  # optional +86 / 0086 prefix: keep it plus the first 3
        head = len(digits) - 11 + 3
        return _digits_kept(value, head, 4, "local:3+4")
    return _digits_kept(value, 0, 4, "local:last4")


def _resident_id(value: str) -> Mask:
    return _digits_kept(value, 6, 4, "local:6+4")


def _address(value: str) -> Mask:
    cut = None
    for pattern in (_ADDRESS_TOWN, _ADDRESS_COUNTY):
        found = list(pattern.finditer(value))
        if found:
            cut = found[-1].end()
            break
    if cut is None or cut >= len(value):
        return _full(value)
    removed = [i >= cut and not value[i].isspace() for i in range(len(value))]
    return _build("local:town", value, removed, BOX)


_LOCAL = {
    "PERSON": _person,
    "PHONE_NUMBER": _phone,
    "CN_RESIDENT_ID": _resident_id,
    "ADDRESS": _address,
}


def mask_value(entity_type: str, value: str, policy: str = "local") -> Mask:
    """The mask of ``value`` under ``policy`` ("local" or "full")."""
    if policy not in POLICIES:
        from redact.errors import ConfigInvalid

        raise ConfigInvalid(f"unknown masking policy (expected one of {', '.join(POLICIES)})")
    if policy == "full":
        return _full(value)
    return _LOCAL.get(entity_type, _full)(value)


def mask_entity(entity: Entity, policy: str = "local") -> Mask:
    return mask_value(entity.type, entity.text, policy)


def needles(value: str, mask: Mask) -> set[str]:
    """What the leak gate must not find for this value (see the module docstring)."""
    out = set()
    if len(value.strip()) >= 2:
        out.add(value.strip())
    for s, e in mask.removed:
        piece = value[s:e]
        if len(piece) >= 5:
            out.add(piece)
    return out
