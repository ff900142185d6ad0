"""The detector: one Presidio ``AnalyzerEngine`` for zh, built offline once, run over a Document.

The analyzer sees the text with full-width digits, letters and identifier symbols folded to ASCII
(``fold_width``: 1:1, same offsets, original script, Chinese punctuation kept for the name model);
entities carry the ORIGINAL characters. Long pages are analyzed in overlapping windows
whose ownership ranges tile the page, so each offset is counted once. Overlaps between types are
resolved by score, then length, then nearest context word; the policy then sets action and reason.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import math
import re
from collections.abc import Iterable, Iterator

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from redact.detect.config import RecognizerConfig, load_config
from redact.detect.context import DISTANCE_KEY, CharWindowContextEnhancer
from redact.detect.policy import Policy
from redact.document import Document, Entity
from redact.errors import ConfigInvalid
from redact.settings import Settings

log = logging.getLogger(__name__)

#: full-width digits, letters and the symbols inside identifiers → ASCII, 1:1 (offsets unchanged).
#: Unlike ``normalize_width`` this keeps Chinese punctuation （，：；（）…) and the ideographic space:
#: the name model was trained on them, and patterns accept both bracket forms.
_FOLD = {cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_FOLD |= {ord(c): ord(c) - 0xFEE0 for c in "＋－．＠＿／＃"}


def fold_width(text: str) -> str:
    """The text the analyzer sees: identifiers in ASCII, everything else as written."""
    return text.translate(_FOLD)


#: a line break inside a number (PDF lines wrap anywhere): ``3501021985\n0312123X``
WRAPPED = re.compile(r"(?<=[0-9])\n(?=[0-9Xx])|(?<=[0-9\-])\n(?=[0-9])")
#: characters of context kept on each side of a wrapped line break
WRAP_WINDOW = 40
#: digits around a wrapped break that could make an identifier (the shortest is an 8-digit phone)
WRAP_MIN_DIGITS = 8
_LEFT_RUN = re.compile(r"[0-9 \-]*$")
_RIGHT_RUN = re.compile(r"[0-9Xx \-]*")


#: a line that ends within this many characters of the text's usual line width was wrapped by the
#: layout (PDF body lines differ by a character or two of punctuation width; titles are shorter)
SOFT_WRAP_SLACK = 2
SOFT_WRAP_MIN_LINE = 16
#: a wrapped text has at least this many full-width lines
SOFT_WRAP_MIN_LINES = 3
_HARD_END = frozenset("。！？!?：:；;\t ")


_TRAILING_DIGITS = re.compile(r"[0-9]{4,}$")
_LEADING_DATE = re.compile(r"[0-9]{1,4}[年月日]")


_TRAILING_DOMAIN = re.compile(r"\.[A-Za-z]{2,}$")


def _numbers_meet(line: str, nxt: str) -> bool:
    """A value ends the line and another starts the next (0591-83726154|2024年, …@netvigator.com|37件):
    joining could glue two values into one, so ``Detector._wrapped`` tries both readings instead."""
    if nxt[:1].isascii() and nxt[:1].isalnum() and _TRAILING_DOMAIN.search(line):
        return True
    if not (line[-1:].isdigit() and nxt[:1].isdigit()):
        return False
    return bool(_TRAILING_DIGITS.search(line) or _LEADING_DATE.match(nxt))


def soft_breaks(text: str) -> list[int]:
    """Offsets of line breaks the layout inserted inside a sentence (PDF lines wrap anywhere:
    ``…福州市鼓楼\n区东街1号``). A break is soft when its line is nearly as long as the text's usual
    line width (90th percentile), neither line is a table row, and the line does not end a sentence."""
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < SOFT_WRAP_MIN_LINES:
        return []
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = max(SOFT_WRAP_MIN_LINE, width - SOFT_WRAP_SLACK)
    if sum(n >= full for n in lengths) < SOFT_WRAP_MIN_LINES:
        return []
    out, pos = [], 0
    for line, nxt in itertools.pairwise(lines):
        pos += len(line)
        if (
            len(line) >= full
            and line[-1] not in _HARD_END
            and nxt[:1].strip()
            and not _numbers_meet(line, nxt)
            and "\t" not in line
            and "\t" not in nxt
        ):
            out.append(pos)
        pos += 1
    return out


def blank_zh_engine(language: str, max_length: int) -> SpacyNlpEngine:
    """A SpacyNlpEngine over ``spacy.blank("zh")`` (char segmenter): no model, no download."""
    nlp = spacy.blank("zh")
    nlp.max_length = max_length
    engine = SpacyNlpEngine(models=[{"lang_code": language, "model_name": "blank:zh"}])
    engine.nlp = {language: nlp}
    return engine


def trim(result: RecognizerResult, text: str, prefixes: tuple[str, ...]) -> RecognizerResult:
    """Drop label words the recognizer swallowed at the start of its span (住址福州市… → 福州市…)."""
    changed = True
    while changed and result.end - result.start > 1:
        changed = False
        for prefix in prefixes:
            if text.startswith(prefix, result.start) and result.end - result.start > len(prefix):
                result.start += len(prefix)
                changed = True
                break
    return result


def build_registry(config: RecognizerConfig) -> tuple[RecognizerRegistry, dict[str, tuple[int, int]]]:
    """Instantiate the enabled recognizers of the config; return them and their context windows."""
    lang = config.engine.language
    registry = RecognizerRegistry(supported_languages=[lang])
    windows: dict[str, tuple[int, int]] = {}
    for entry in config.recognizers:
        if not entry.enabled:
            continue
        recognizer = entry.load_class()()
        if recognizer.supported_language != lang:
            raise ConfigInvalid(f"recognizer {entry.name!r} does not support language {lang!r}")
        recognizer.name = entry.name
        if entry.context is not None:
            recognizer.context = entry.context.all()
        window = entry.context_window or config.engine.context_window
        windows[entry.name] = (window.before, window.after)
        registry.add_recognizer(recognizer)
    if not registry.recognizers:
        raise ConfigInvalid("no recognizer is enabled", hint="enable at least one in recognizers.yaml")
    return registry, windows


def chunks(start: int, end: int, size: int, overlap: int) -> Iterator[tuple[int, int, int, int]]:
    """Windows ``(lo, hi, own_lo, own_hi)`` over [start, end): a result belongs to the window whose
    ownership range contains its start; ``overlap`` must exceed the longest entity plus context."""
    if end - start <= size:
        yield start, end, start, end
        return
    step = size - overlap
    lo = start
    while True:
        hi = min(end, lo + size)
        own_lo = start if lo == start else lo + overlap // 2
        own_hi = end if hi == end else hi - overlap // 2
        yield lo, hi, own_lo, own_hi
        if hi == end:
            return
        lo += step


def resolve_overlaps(results: Iterable[RecognizerResult]) -> list[RecognizerResult]:
    """Keep non-overlapping results: higher score, then longer span, then nearer context word."""

    def rank(r: RecognizerResult) -> tuple[float, int, float, str]:
        distance = (r.recognition_metadata or {}).get(DISTANCE_KEY)
        return (
            -round(r.score, 6),
            -(r.end - r.start),
            math.inf if distance is None else distance,
            r.entity_type,
        )

    starts: list[int] = []
    chosen: list[RecognizerResult] = []
    for r in sorted(results, key=rank):
        i = bisect.bisect_right(starts, r.start)
        if i > 0 and chosen[i - 1].end > r.start:
            continue
        if i < len(chosen) and chosen[i].start < r.end:
            continue
        starts.insert(i, r.start)
        chosen.insert(i, r)
    return chosen


class Detector:
    """Finds personal data; build once (``build_detector``), call ``detect`` per document."""

    def __init__(self, settings: Settings, config: RecognizerConfig, policy: Policy) -> None:
        self.settings = settings
        self.config = config
        self.policy = policy
        eng = config.engine
        registry, windows = build_registry(config)
        enhancer = CharWindowContextEnhancer(
            factor=eng.context_factor,
            min_score=eng.min_score_with_context,
            before=eng.context_window.before,
            after=eng.context_window.after,
            windows=windows,
        )
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=blank_zh_engine(eng.language, eng.chunk_chars + 10),
            supported_languages=[eng.language],
            default_score_threshold=eng.score_threshold,
            context_aware_enhancer=enhancer,
        )
        #: entity types a line wrap can split (every type but names and addresses)
        self._number_types = sorted(
            {t for r in self.analyzer.registry.recognizers for t in r.supported_entities}
            - {"PERSON", "ADDRESS"}
        )
        # No recognizer of ours reads tokens (patterns and the names model see raw text; context is a
        # character window), so unless the config asks for it we skip spaCy tokenisation, which
        # would otherwise cost most of the detector's time.
        self._trim = {
            e.name: tuple(sorted(e.trim_prefixes, key=len, reverse=True))
            for e in config.recognizers
            if e.trim_prefixes
        }
        self._artifacts: NlpArtifacts | None = None
        if not eng.tokenize:
            nlp = self.analyzer.nlp_engine.nlp[eng.language]
            self._artifacts = NlpArtifacts(
                [], Doc(nlp.vocab, words=[]), [], [], self.analyzer.nlp_engine, eng.language
            )

    @property
    def recognizer_names(self) -> list[str]:
        return [r.name for r in self.analyzer.registry.recognizers]

    def find(self, norm_text: str, spans: Iterable[tuple[int, int]]) -> list[RecognizerResult]:
        """Raw results over ``norm_text``, analyzed span by span (pages) in overlapping windows."""
        eng = self.config.engine
        found: list[RecognizerResult] = []
        for span_start, span_end in spans:
            for lo, hi, own_lo, own_hi in chunks(span_start, span_end, eng.chunk_chars, eng.chunk_overlap):
                if not norm_text[lo:hi].strip():
                    continue
                for r in self.analyzer.analyze(
                    norm_text[lo:hi],
                    language=eng.language,
                    score_threshold=eng.score_threshold,
                    nlp_artifacts=self._artifacts,
                ):
                    r.start += lo
                    r.end += lo
                    if own_lo <= r.start < own_hi:
                        name = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
                        found.append(trim(r, norm_text, self._trim[name]) if name in self._trim else r)
            found += self._wrapped(norm_text, span_start, span_end)
        return resolve_overlaps(found)

    def _wrapped(self, norm_text: str, span_start: int, span_end: int) -> list[RecognizerResult]:
        """Entities broken by a line break: analyze the two line ends joined, keep what spans the break."""
        eng = self.config.engine
        out = []
        for m in WRAPPED.finditer(norm_text, span_start, span_end):
            j = m.start()
            lo, hi = max(span_start, j - WRAP_WINDOW), min(span_end, j + 1 + WRAP_WINDOW)
            left = _LEFT_RUN.search(norm_text, lo, j)
            right = _RIGHT_RUN.match(norm_text, j + 1, hi)
            run = (left.group() if left else "") + (right.group() if right else "")
            if sum(c.isdigit() for c in run) < WRAP_MIN_DIGITS:
                continue  # 表1\n2019年, 12\n34: too short to be an identifier
            joined = norm_text[lo:j] + norm_text[j + 1 : hi]
            for r in self.analyzer.analyze(
                joined,
                language=eng.language,
                entities=self._number_types,
                score_threshold=eng.score_threshold,
                nlp_artifacts=self._artifacts,
            ):
                start = lo + r.start + (1 if lo + r.start >= j else 0)
                end = lo + r.end + (1 if lo + r.end > j else 0)
                if start < j < end:
                    r.start, r.end = start, end
                    out.append(r)
        return out

    def _find_unwrapped(self, norm: str, spans: list[tuple[int, int]]) -> list[RecognizerResult]:
        """``find`` over the text with soft line breaks removed; offsets mapped back (an entity that
        spans a removed break includes it, so the whole value is redacted on both lines)."""
        breaks = soft_breaks(norm)
        if not breaks:
            return self.find(norm, spans)
        cut = set(breaks)
        keep = [i for i in range(len(norm)) if i not in cut]  # joined offset -> original offset
        joined = "".join(norm[i] for i in keep)

        def to_joined(pos: int) -> int:
            return bisect.bisect_left(keep, pos)

        results = self.find(joined, [(to_joined(a), to_joined(b)) for a, b in spans])
        for r in results:
            r.start, r.end = keep[r.start], keep[r.end - 1] + 1
        return results

    def _entities(
        self, text: str, norm: str, spans: Iterable[tuple[int, int]], doc: Document | None
    ) -> list[Entity]:
        entities = [
            Entity(
                type=r.entity_type,
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                score=round(r.score, 4),
                recognizer=(r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, ""),
                page=doc.page_of(r.start) if doc is not None else None,
            )
            for r in self._find_unwrapped(norm, list(spans))
        ]
        return sorted(self.policy.apply(norm, entities), key=lambda e: (e.start, e.end, e.type))

    def analyze_text(self, text: str) -> list[Entity]:
        """Entities of a bare string (no pages), with actions."""
        return self._entities(text, fold_width(text), [(0, len(text))], None)

    def detect(self, doc: Document) -> Document:
        """The document with ``entities`` filled in (sorted by offset)."""
        spans = [(p.start, p.end) for p in doc.pages if p.end > p.start] or [(0, len(doc.text))]
        entities = self._entities(doc.text, fold_width(doc.text), spans, doc)
        log.info("detect %s: %d entities", doc.sha256[:12], len(entities))
        return dataclasses.replace(doc, entities=tuple(entities))


def build_detector(settings: Settings | None = None) -> Detector:
    """Load recognizers.yaml and policy.yaml and build the analyzer once (offline)."""
    settings = settings or Settings()
    return Detector(settings, load_config(), Policy.load(settings.official_names_policy))
