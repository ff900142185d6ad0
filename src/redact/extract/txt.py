"""Plain text: decode explicitly (never ``errors="replace"``) and map every character to line/column.

Order: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise GB18030 and Big5 are
both tried, and when both decode (Simplified GB bytes are often valid Big5 and vice versa) the
more plausible Chinese wins: the one whose characters, folded to Simplified, are more frequent
in jieba's dictionary. The text is kept exactly as decoded (``\\r\\n`` stays) so offsets map back.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from importlib import resources

from redact.document import TxtChar
from redact.errors import UndecodableText
from redact.zh import to_simplified

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Legacy Chinese encodings tried after UTF-8: Simplified first (preferred on a tie), then Traditional.
LEGACY_FAMILIES: tuple[tuple[str, ...], ...] = (("gb18030",), ("big5", "cp950", "big5hkscs"))


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises ``UndecodableText``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"the text is not valid {encoding.upper()} despite its byte-order mark") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[str, str]] = []
    for family in LEGACY_FAMILIES:  # the first encoding of each family that decodes strictly
        for encoding in family:
            try:
                candidates.append((data.decode(encoding), encoding))
                break
            except UnicodeDecodeError:
                continue
    if not candidates:
        raise UndecodableText()
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda c: plausibility(c[0]))  # max keeps the first on a tie


def plausibility(text: str, sample: int = 4000) -> float:
    """Mean log-frequency of the non-ASCII characters of ``text`` (Han folded to Simplified; kana,
    Cyrillic, box drawing and other mojibake debris count as 0); CJK punctuation is neutral."""
    freq = _char_frequency()
    scores = [
        math.log1p(freq.get(c, 0))
        for c in to_simplified(text[:sample])
        if c > "\x7f" and not ("\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    ]
    return sum(scores) / len(scores) if scores else 0.0


@lru_cache(maxsize=1)
def _char_frequency() -> dict[str, int]:
    """Character frequencies summed over jieba's bundled dictionary (offline, ~350k words)."""
    counts: Counter[str] = Counter()
    with resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            for c in word:
                counts[c] += freq
    return dict(counts)


def layout(text: str) -> tuple[TxtChar | None, ...]:
    """TxtChar(line, column), both 1-based, per character; ``None`` for ``\\r`` and ``\\n``."""
    refs: list[TxtChar | None] = []
    line, column = 1, 1
    prev = ""
    for c in text:
        if c == "\n":
            refs.append(None)
            if prev != "\r":
                line += 1
            column = 1
        elif c == "\r":
            refs.append(None)
            line += 1
            column = 1
        else:
            refs.append(TxtChar(line, column))
            column += 1
        prev = c
    return tuple(refs)
