"""Loading the trained spaCy name/address model once, and running it only where it can matter.

The char-CNN is the slowest part of the detector, so it reads only the clauses that contain a
surname character or an address unit (most sentences of a government document contain neither),
batched with ``nlp.pipe``. The model reads Simplified text; callers convert first.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from redact.detect.names.lexicon import common_words
from redact.detect.names.person_rules import NON_NAME_CHARS
from redact.detect.names.spans import SCORE_MODEL, Span
from redact.detect.names.surnames import COMPOUND, SINGLE
from redact.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

LABELS = ("PERSON", "ADDRESS")
_CLAUSE_RE = re.compile(r"[^。；;！？!?\n]+")
_ADDRESS_HINT_RE = re.compile(r"[0-9一二三四五六七八九十]+(?:号|室|组|栋|幢|楼|弄)|村|住|址")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
NOT_GIVEN_START = frozenset("的了是在和与及等为对也就都而但或把被从向于")
#: Characters of context the model sees on each side of a possible name.
WINDOW_BEFORE, WINDOW_AFTER = 6, 10
MAX_CLAUSE = 400


def name_positions(text: str) -> list[int]:
    """Where a name may start: a surname character not inside a common word."""
    words = common_words()
    out = []
    for i, ch in enumerate(text):
        if ch in SINGLE or text[i : i + 2] in COMPOUND:
            nxt = text[i + 1 : i + 2]
            if not nxt or nxt in NOT_GIVEN_START or nxt in NON_NAME_CHARS or not _HAN_RE.match(nxt):
                continue
            if text[i : i + 2] in words or (i and text[i - 1 : i + 1] in words):
                if text[i : i + 2] not in COMPOUND:
                    continue
            out.append(i)
    return out


def candidate_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) spans worth reading: a window around each possible name, and clauses with an
    address hint (a house number, 村, 住, 址). Merged and cut at line ends."""
    spans = []
    for i in name_positions(text):
        s = max(0, i - WINDOW_BEFORE, text.rfind("\n", 0, i) + 1)
        e = text.find("\n", i)
        e = min(len(text), i + WINDOW_AFTER, e if e != -1 else len(text))
        spans.append((s, e))
    for m in _CLAUSE_RE.finditer(text):
        if _ADDRESS_HINT_RE.search(text, m.start(), m.end()):
            s, e = m.span()
            while e - s > MAX_CLAUSE:  # very long lines (flattened tables): cut at a comma
                cut = max(text.rfind("，", s, s + MAX_CLAUSE), text.rfind(",", s, s + MAX_CLAUSE))
                cut = cut + 1 if cut > s else s + MAX_CLAUSE
                spans.append((s, cut))
                s = cut
            spans.append((s, e))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1] and "\n" not in text[merged[-1][1] : s]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def default_model_path() -> Path:
    from redact.settings import MODELS_DIR

    return MODELS_DIR / "zh_ner"


@lru_cache(maxsize=4)
def load_model(path: Path) -> Language:
    """The spaCy pipeline at ``path`` (loaded once per process; never downloads anything)."""
    if not (path / "config.cfg").is_file():
        raise ModelMissing(
            f"name/address model not found at {path.name}/ (rebuild: python models/train_ner.py)"
        )
    import spacy

    nlp = spacy.load(path)
    log.info("loaded name/address model %s (%s)", path.name, ",".join(nlp.pipe_names))
    return nlp


def model_spans(nlp: Language, text: str, batch_size: int = 256) -> list[Span]:
    """Entities the model finds in Simplified ``text`` (offsets into ``text``)."""
    clauses = candidate_windows(text)
    out: list[Span] = []
    docs = nlp.pipe((text[s:e] for s, e in clauses), batch_size=batch_size)
    for (s, _e), doc in zip(clauses, docs, strict=True):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                out.append(Span(s + ent.start_char, s + ent.end_char, ent.label_, SCORE_MODEL, "model"))
    return out
