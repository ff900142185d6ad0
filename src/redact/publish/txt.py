"""Plain-text redaction: per-character substitution (masks keep length), written in the chosen encoding.

The source is decoded again (``doc.encoding``, else UTF-8 → GB18030 → Big5, strict); when its
text equals ``doc.text`` the offsets apply directly, otherwise (``\\r\\n`` folded by extraction)
each offset is mapped through its ``TxtChar(line, column)``.
"""

from __future__ import annotations

from pathlib import Path

from redact.document import Document, TxtChar, normalize_width
from redact.errors import RedactionFailed, UndecodableText

_ENCODINGS = ("utf-8-sig", "gb18030", "big5")


def _decode(raw: bytes, encoding: str | None) -> str:
    for enc in ((encoding,) if encoding else ()) + _ENCODINGS:
        try:
            return raw.decode("utf-8-sig" if enc.lower() in ("utf-8", "utf8") else enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UndecodableText()


def _offset_map(text: str, doc: Document) -> dict[int, int]:
    """doc offset → source offset via the TxtChar layout (columns 1-based, else 0-based)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    for base in (1, 0):
        mapping: dict[int, int] = {}
        ok = True
        for i, ref in enumerate(doc.layout):
            if not isinstance(ref, TxtChar):
                continue
            j = starts[ref.line - 1] + ref.column - base if ref.line - 1 < len(starts) else -1
            if doc.text[i] in "\r\n":
                continue  # line ends may have been folded by extraction; never redacted
            if not (0 <= j < len(text)) or normalize_width(text[j]) != normalize_width(doc.text[i]):
                ok = False
                break
            mapping[i] = j
        if ok:
            return mapping
    raise RedactionFailed("the text file no longer matches its extracted text")


def redact_txt(
    source: Path, doc: Document, edits: dict[int, str], output: Path, *, encoding: str = "utf-8"
) -> None:
    """Write ``source`` with ``edits`` (doc offset → replacement character) applied, in ``encoding``."""
    text = _decode(source.read_bytes(), doc.encoding)
    chars = list(text)
    if text == doc.text:
        mapping = {i: i for i in edits}
    else:
        mapping = _offset_map(text, doc)
    for i, rep in edits.items():
        if i not in mapping:
            raise RedactionFailed("a redacted character has no position in the text file")
        chars[mapping[i]] = rep
    try:
        data = "".join(chars).encode(encoding)
    except (UnicodeEncodeError, LookupError) as exc:
        raise RedactionFailed("the text cannot be written in the chosen encoding", hint="use UTF-8") from exc
    output.write_bytes(data)
