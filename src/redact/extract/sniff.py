"""Decide a file's format from its first bytes, not from its name.

A file called ``.pdf`` may be an ``.exe`` someone renamed; a ``.docx`` may be a legacy ``.doc``
or a password-protected OOXML package (an OLE container holding ``EncryptionInfo``). The
extension is only used to tell a damaged PDF/DOCX from a file that is not one at all.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from redact.errors import CorruptFile, EncryptedFile, UnsupportedFormat

Sniffed = Literal["pdf", "docx", "txt"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

#: Binary formats people drop into the intake folder by mistake (magic → what it is).
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"II*\x00", "an image"),
    (b"MM\x00*", "an image"),
    (b"BM", "an image"),
    (b"Rar!", "an archive"),
    (b"7z\xbc\xaf", "an archive"),
    (b"\x1f\x8b", "an archive"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
)

_WEAK_MAGIC = {b"MZ", b"BM"}

#: How far into the file a ``%PDF-`` header may start (Acrobat accepts 1024 bytes of junk).
PDF_HEADER_WINDOW = 1024


def sniff(path: Path, head: bytes) -> Sniffed:
    """The format of ``path`` whose first bytes are ``head`` (≥ 8 KiB unless the file is shorter).

    Raises ``UnsupportedFormat``, ``EncryptedFile`` or ``CorruptFile``.
    """
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:PDF_HEADER_WINDOW]):
        return "pdf"
    if head.startswith(_ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        raise _ole_error(path)
    if head.startswith(_TEXT_BOMS):
        return "txt"
    looks_binary = b"\x00" in head
    for magic, what in _KNOWN_BINARY:
        # "BM"/"MZ" may also start a line of plain text: in a .txt trust them only with NUL bytes
        if head.startswith(magic) and (magic not in _WEAK_MAGIC or suffix != ".txt" or looks_binary):
            raise UnsupportedFormat(f"the file is {what}, not a PDF, DOCX or TXT document")
    if suffix == ".pdf":
        raise CorruptFile("the file has no PDF header")
    if suffix == ".docx":
        raise CorruptFile("the file is not a DOCX (ZIP) package")
    if looks_binary:
        raise UnsupportedFormat("the file is binary, not a PDF, DOCX or TXT document")
    return "txt"


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:  # damaged central directory
        raise CorruptFile("the ZIP container is damaged") from exc
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise UnsupportedFormat("the file is a spreadsheet or presentation, not a PDF, DOCX or TXT document")
    if path.suffix.lower() == ".docx" or "[Content_Types].xml" in names:
        raise CorruptFile("the DOCX package has no word/document.xml")
    raise UnsupportedFormat("the file is a ZIP archive, not a PDF, DOCX or TXT document")


def _ole_error(path: Path) -> Exception:
    """OLE container: encrypted OOXML (has an ``EncryptionInfo`` stream) or a legacy Office file."""
    with open(path, "rb") as fh:
        data = fh.read()  # the directory may sit anywhere; size is already bounded by max_bytes
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return EncryptedFile()
    return UnsupportedFormat("legacy Word/Excel (.doc/.xls) files are not supported")
