"""Chinese script helpers shared by every stage (OpenCC, length-preserving conversions).

OpenCC's character-level configs (``t2s``, ``s2t``) keep string length, so offsets computed on
the converted text are valid in the original; the phrase configs (``tw2sp``…) do not and are not used.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

from redact.document import Script


@lru_cache(maxsize=8)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert_same_length(text: str, config: str) -> str:
    out = _converter(config).convert(text)
    if len(out) != len(text):  # never happens with t2s/s2t; fall back per character to be safe
        conv = _converter(config)
        out = "".join(c if len(d := conv.convert(c)) != 1 else d for c in text)
    return out


def to_simplified(text: str) -> str:
    """Traditional → Simplified, same length (offsets stay valid)."""
    return _convert_same_length(text, "t2s")


def to_traditional(text: str) -> str:
    """Simplified → Traditional, same length."""
    return _convert_same_length(text, "s2t")


def detect_script(text: str, sample: int = 20000) -> Script:
    """Simplified, Traditional or mixed, by counting characters that change under t2s / s2t."""
    han = [c for c in text[:sample] if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return "simplified"
    s = "".join(han)
    trad = sum(a != b for a, b in zip(s, to_simplified(s), strict=True))
    simp = sum(a != b for a, b in zip(s, to_traditional(s), strict=True))
    if trad == 0 and simp == 0:
        return "simplified"
    total = trad + simp
    if trad / total >= 0.8:
        return "traditional"
    if simp / total >= 0.8:
        return "simplified"
    return "mixed"


def variants(value: str) -> set[str]:
    """A value in every script form (for leak checks and deny lists)."""
    return {value, to_simplified(value), to_traditional(value)}
