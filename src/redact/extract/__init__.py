"""Extraction: a file on disk → a ``Document`` with text and a layout entry for every character.

``extract(path)`` sniffs the content (magic bytes, not the name), checks the size limit before
parsing, dispatches to ``pdf``, ``docx`` or ``txt`` and turns every parser failure into one typed
``redact.errors.BadInput``. The original file is only read, never modified.

``Document.layout[i]`` says where ``text[i]`` came from (``None``: a separator we inserted):

* PDF  ``PdfChar(page, x0, top, x1, bottom)``: 1-based page, box in pdfplumber's top-left points.
  ``"\n"`` ends a line and a page, ``" "`` marks a gap wider than 0.3 em (both ``None``).
* DOCX ``DocxChar(part, paragraph, node, index)``: zip member, ``w:p`` index, ``w:t`` index among
  ``part_root.iter(w:t)``, code point in that node. ``"\n"`` between paragraphs, ``"\t"`` between
  the cells of a table row and for ``w:tab``; body, footnotes, endnotes, headers, footers in turn.
* TXT  ``TxtChar(line, column)``: 1-based; ``"\r"``/``"\n"`` are ``None`` and stay in ``text``.

Pages: PDF pages with ``Page.start``/``end`` into ``text``; DOCX and TXT one page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from redact.document import Document, Page, sha256_file
from redact.errors import BadInput, EmptyFile, FileTooLarge
from redact.extract.builder import Extracted
from redact.extract.docx import extract_docx
from redact.extract.pdf import extract_pdf
from redact.extract.sniff import sniff
from redact.extract.txt import decode, layout
from redact.zh import detect_script

__all__ = ["SUPPORTED_SUFFIXES", "extract"]

#: File name endings a directory scan picks up (explicitly named files are sniffed whatever their name).
SUPPORTED_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".txt")

_HEAD = 8192


def extract(
    path: Path,
    *,
    source: str | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
) -> Document:
    """Extract one file. Raises a ``BadInput`` subclass (never a parser's own exception)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise BadInput("the path is not a regular file", hint="give a file or a folder")
        if size == 0:
            raise EmptyFile()
        if max_bytes is not None and size > max_bytes:
            raise FileTooLarge(f"the file is larger than the limit of {max_bytes / 2**20:g} MB")
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
        fmt = sniff(path, head)
        if fmt == "txt":
            data = path.read_bytes()
            sha256 = hashlib.sha256(data).hexdigest()
            text, encoding = decode(data)
            result = Extracted(text=text, layout=layout(text), pages=(Page(1, 0, len(text)),), encoding=encoding)
        else:
            sha256 = sha256_file(path)
            result = extract_pdf(path, max_pages=max_pages) if fmt == "pdf" else extract_docx(path)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise BadInput("the file does not exist", hint="check the path") from exc
    except PermissionError as exc:
        raise BadInput("the file cannot be read (permission denied)") from exc
    except OSError as exc:  # I/O errors of the disk or share, not of the parsers
        raise BadInput("the file cannot be read (input/output error)") from exc
    warnings = result.warnings
    if not result.text.strip() and not any(p.needs_ocr for p in result.pages):
        warnings += ("the document contains no text",)
    return Document(
        sha256=sha256,
        source=source if source is not None else str(path),
        format=fmt,
        text=result.text,
        layout=result.layout,
        pages=result.pages,
        script=detect_script(result.text),
        encoding=result.encoding,
        warnings=warnings,
        tracked_changes=result.tracked_changes,
    )
