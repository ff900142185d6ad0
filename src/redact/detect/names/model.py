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

from redact.detect.names.spans import SCORE_MODEL, Span
from redact.detect.names.surnames import COMPOUND, SINGLE
from redact.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

LABELS = ("PERSON", "ADDRESS")
_CLAUSE_RE = re.compile(r"[^。；;！？!?\n]+")
_CANDIDATE_CHARS = frozenset(SINGLE) | {c[0] for c in COMPOUND} | set("路街巷弄村组号室栋幢楼址住")
MAX_CLAUSE = 400


def default_model_path() -> Path:
    from redact.settings import MODELS_DIR

    return MODELS_DIR / "zh_ner"


@lru_cache(maxsize=4)
def load_model(path: Path) -> Language:
    """The spaCy pipeline at ``path`` (loaded once per process; never downloads anything)."""
    if not (path / "config.cfg").is_file():
        raise ModelMissing(f"name/address model not found at {path.name}/ (rebuild: python models/train_ner.py)")
    import spacy

    nlp = spacy.load(path)
    log.info("loaded name/address model %s (%s)", path.name, ",".join(nlp.pipe_names))
    return nlp


def candidate_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of clauses worth reading: they contain a surname character or an address unit."""
    out = []
    for m in _CLAUSE_RE.finditer(text):
        s, e = m.span()
        if not _CANDIDATE_CHARS.isdisjoint(text[s:e]):
            while e - s > MAX_CLAUSE:  # very long lines (tables flattened to one line): cut at a comma
                cut = max(text.rfind("，", s, s + MAX_CLAUSE), text.rfind(" ", s, s + MAX_CLAUSE))
                cut = cut + 1 if cut > s else s + MAX_CLAUSE
                out.append((s, cut))
                s = cut
            out.append((s, e))
    return out


def model_spans(nlp: Language, text: str, batch_size: int = 256) -> list[Span]:
    """Entities the model finds in Simplified ``text`` (offsets into ``text``)."""
    clauses = candidate_clauses(text)
    out: list[Span] = []
    docs = nlp.pipe((text[s:e] for s, e in clauses), batch_size=batch_size)
    for (s, _e), doc in zip(clauses, docs, strict=True):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                out.append(Span(s + ent.start_char, s + ent.end_char, ent.label_, SCORE_MODEL, "model"))
    return out
