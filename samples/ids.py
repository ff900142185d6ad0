"""Check-digit helpers that make fictional identifiers valid-looking (shared by the sample and dev-set builders).

Every value built here is invented; the helpers only compute the check characters the real
schemes define, so that detectors which validate checksums accept them.
"""

from __future__ import annotations

_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # A=10 … in the official order


def resident_id(region: str, birth: str, order: str) -> str:
    """18-char PRC resident id (GB 11643): region(6) + YYYYMMDD + order(3) + MOD 11-2 check char."""
    body = f"{region}{birth}{order}"
    assert len(body) == 17 and body.isdigit()
    total = sum(int(d) * w for d, w in zip(body, _RIC_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def luhn(prefix: str) -> str:
    """``prefix`` plus its Luhn check digit (bank cards)."""
    total = 0
    for i, d in enumerate(reversed(prefix)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            n = n - 9 if n > 9 else n
        total += n
    return prefix + str((10 - total % 10) % 10)


def org_code(base: str) -> str:
    """9-char organisation code (GB 11714): 8 chars + check char."""
    total = sum(_USCC_ALPHABET.index(c) * w if c.isdigit() else (ord(c) - 55) * w
                for c, w in zip(base, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return base + {10: "X", 11: "0"}.get(check, str(check))


def uscc(dept_type: str, region: str, org_base: str) -> str:
    """18-char unified social credit code (GB 32100): 2 + region(6) + org code(9) + mod-31 check."""
    body = dept_type + region + org_code(org_base)
    assert len(body) == 17
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


def hk_id(letter: str, digits: str) -> str:
    """Hong Kong identity card number ``A123456(3)`` with its mod-11 check char."""
    assert len(letter) == 1 and len(digits) == 6
    total = 36 * 9 + (ord(letter) - 55) * 8 + sum(int(d) * w for d, w in zip(digits, range(7, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return f"{letter}{digits}({'A' if check == 10 else check})"


def tw_id(letter: str, digits: str) -> str:
    """Taiwan national id: letter + 8 digits (first is the sex digit 1/2) + check digit."""
    assert len(digits) == 8 and digits[0] in "12"
    code = _TW_LETTERS.index(letter) + 10
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(digits, range(8, 0, -1), strict=True))
    return f"{letter}{digits}{(10 - total % 10) % 10}"


def full_width(text: str) -> str:
    """ASCII → full-width forms (U+FF01–FF5E), the way some drafts type numbers."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
