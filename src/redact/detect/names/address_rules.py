"""Address grammar: 省/市/区/县/镇/乡/街道/路/街/巷/弄/村/组/号/栋/幢/单元/室/楼, anchored by a label.

Input is Simplified text. A home address is reported when a label (住址/户籍地/住…) introduces it
(high score) or when the grammar alone finds a street number, village group or flat (medium score).
A bare place name (榕江市, 平潭县) is never an address: it must reach a fine unit (路, 村, 号, 室…).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redact.detect.names.spans import SCORE_GRAMMAR, SCORE_GRAMMAR_HOME, SCORE_RULE, Span
from redact.detect.names.tables import table_cells
from redact.detect.names.vocab import ADDRESS_COLUMNS, ADDRESS_TRIGGER_BLOCKERS, ADDRESS_TRIGGERS, FINE_UNITS

HAN = "\u4e00-\u9fff"
NUM = "0-9一二三四五六七八九十百零〇"
_BODY = rf"[{HAN}0-9A-Za-z\-－—#()（）·]"
#: Characters that end the words before an address (我局位于平潭县… → 平潭县…).
LEFT_STOP = frozenset("位于在住是到往至和与为将从的了及或被向系由经即：:，,。；;、")

_TRIGGER_RE = re.compile(
    "(?P<trig>" + "|".join(sorted(map(re.escape, ADDRESS_TRIGGERS), key=len, reverse=True)) + ")"
    r"(?:[（(][^）)\n]{0,10}[）)])?(?:[ \t\u3000]*(?:为|是|在)?[ \t\u3000]*[：:]?[ \t\u3000]*)"
)
#: 住 on its own: "，住福建省平潭县…" / "现住平潭县…" (not 住房, 住建局: the body must still parse).
_LIVE_RE = re.compile(
    rf"(?:(?:(?<=[，,。；;\s（(])|^)(?:现|家)?住(?:在|于)?|家住|现住|现居住?(?:在|于)?|居住(?:在|于)|定居(?:在|于)?)"
    rf"(?![址所房宿院户])(?=[{HAN}])"
)
#: A flat, a building unit or a village group: the grain of a home, not of an office street address.
_HOME_GRAIN_RE = re.compile(
    r"[0-9]+(?:[\-－—][0-9]+)?室$|单元|[0-9]+号楼[0-9]+|栋[0-9]+|幢[0-9]+|村(?:委会)?[0-9一二三四五六七八九十]+(?:组|社|队)"
)
#: A label inside a span (户籍地址高雄市… → 高雄市…): the address starts after it.
_LABEL_IN_RE = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, ADDRESS_TRIGGERS), key=len, reverse=True))
    + ")[ \t\u3000]*[：:]?[ \t\u3000]*"
)
_UNIT_END_RE = re.compile(
    r"(?:号楼|号院|号|室|栋|幢|座|单元|层|楼|组|村|社区|小区|弄|巷|里|苑|园|大厦|公寓|宿舍|新城|城|街道|镇|乡|路|街|大道|胡同|屯|寨|区|县|市)"
    r"(?:[0-9A-Za-z]+(?:[\-－—][0-9A-Za-z]+)*)?"
)
#: Fine-grained cores the grammar accepts without a label: a street number, a village group, a flat.
_CORE_RE = re.compile(
    rf"[{HAN}0-9]{{1,24}}?(?:路|街|大道|巷|弄|胡同|道)(?:[{NUM}]+段)?[0-9]+(?:[\-－—][0-9]+)?号(?:院|楼)?"
    rf"(?:[{HAN}]{{2,8}}?(?:小区|花园|公寓|新村|家园|名苑|苑|大厦|宿舍|新城|城|园))?"
    rf"(?:[0-9A-Za-z]+(?:[\-－—][0-9A-Za-z]+)*(?:号楼|栋|幢|座|单元|层|楼|室|号))*"
    rf"|[{HAN}]{{1,24}}?村(?:委会)?[{NUM}]+(?:组|社|队)(?:[0-9]+号)?"
    rf"|[{HAN}0-9]{{1,24}}?(?:小区|花园|公寓|新村|家园|苑|大厦|宿舍)[0-9A-Za-z]+(?:号楼|栋|幢|座)"
    rf"(?:[0-9]+单元)?(?:[0-9]+(?:[\-－—][0-9]+)?(?:室|号))?"
)


def has_fine_unit(text: str) -> bool:
    return any(u in text for u in FINE_UNITS)


def _trim(text: str, start: int, end: int) -> int:
    """End of the address: after its last unit (or the flat number that follows it)."""
    last = 0
    for m in _UNIT_END_RE.finditer(text, start, end):
        last = m.end()
    return last


def strip_label(text: str, start: int, end: int) -> int:
    """Start of the address proper when ``text[start:end]`` begins with or contains its label."""
    for m in _LABEL_IN_RE.finditer(text, start, end):
        if m.end() < end:
            start = m.end()
    return start


def _left_trim(text: str, start: int, end: int) -> int:
    start = strip_label(text, start, end)
    for i in range(end - 1, start - 1, -1):
        if text[i] in LEFT_STOP:
            return i + 1
    return start


_BLOCKED_RE = re.compile(
    "(?:"
    + "|".join(map(re.escape, ADDRESS_TRIGGER_BLOCKERS))
    + r")(?:地址|住所|场所|地点)[ \t\u3000]*[：:为是在]?[ \t\u3000]*$"
)


def is_office_address(text: str, at: int) -> bool:
    """单位地址：… / 办公地址：… — an office address, not a person's."""
    return _BLOCKED_RE.search(text, max(0, at - 12), at) is not None


def _labelled(text: str) -> Iterator[Span]:
    anchors = [(m.end(), False) for m in _TRIGGER_RE.finditer(text)]
    anchors += [(m.end(), True) for m in _LIVE_RE.finditer(text)]
    for pos, bare in anchors:
        if is_office_address(text, pos):
            continue
        body = re.compile(_BODY + "{2,80}").match(text, pos)
        if body is None:
            continue
        end = _trim(text, pos, body.end())
        value = text[pos:end]
        if end - pos < 4 or not has_fine_unit(value):
            continue
        if bare and not re.search(r"[0-9]|村.*组", value):  # 住房… / 住宿…: 住 alone needs a number or group
            continue
        yield Span(pos, end, "ADDRESS", SCORE_RULE, "label")


def _grammar(text: str) -> Iterator[Span]:
    for m in _CORE_RE.finditer(text):
        start = _left_trim(text, m.start(), m.end())
        for live in _LIVE_RE.finditer(text, start, m.end()):  # 许某现居福州市… → 福州市…
            start = live.end()
        if m.end() - start >= 5 and not is_office_address(text, start):
            # a flat or a village group is a home even without a label (记者在…2单元301室见到…)
            home = _HOME_GRAIN_RE.search(text, start, m.end()) is not None
            yield Span(start, m.end(), "ADDRESS", SCORE_GRAMMAR_HOME if home else SCORE_GRAMMAR, "grammar")


def _table(text: str) -> Iterator[Span]:
    """Cells of a 住址/地址 column."""
    for start, end in table_cells(text, ADDRESS_COLUMNS):
        if has_fine_unit(text[start:end]) and end - start >= 5:
            yield Span(start, end, "ADDRESS", SCORE_RULE, "table")


def find_addresses(text: str) -> list[Span]:
    """Every rule-found address in Simplified ``text`` (may overlap; ``spans.merge`` resolves)."""
    return [*_labelled(text), *_grammar(text), *_table(text)]
