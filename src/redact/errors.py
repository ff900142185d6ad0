"""Typed errors with a code and advice for people.

Messages never contain document text or a file name (which may hold a person's name): callers
add the file name at the edge (the CLI prints ``file: reason``; intake writes ``.reason.txt``).
"""

from __future__ import annotations


class RedactError(Exception):
    """Base class: ``code`` is stable (used in quarantine reasons), ``hint`` says what to do."""

    code = "E000"
    hint = ""

    def __init__(self, message: str = "", *, hint: str | None = None) -> None:
        self.message = message or (self.__doc__ or "").strip().splitlines()[0]
        if hint is not None:
            self.hint = hint
        super().__init__(self.message)

    def reason(self) -> str:
        """One line for people: ``[E101] the file is empty``."""
        return f"[{self.code}] {self.message}" + (f" ({self.hint})" if self.hint else "")


class BadInput(RedactError):
    """The input file cannot be read (parent of every input problem)."""

    code = "E100"


class EmptyFile(BadInput):
    """The file is empty (0 bytes)."""

    code = "E101"
    hint = "check that the upload finished"


class UnsupportedFormat(BadInput):
    """The file is not a PDF, DOCX or TXT document."""

    code = "E102"
    hint = "convert it to PDF, DOCX or TXT"


class CorruptFile(BadInput):
    """The file is damaged and cannot be parsed."""

    code = "E103"
    hint = "save or export it again from the original program"


class EncryptedFile(BadInput):
    """The file is password-protected."""

    code = "E104"
    hint = "remove the password and submit it again"


class FileTooLarge(BadInput):
    """The file is larger than the configured limit."""

    code = "E105"
    hint = "split it or raise REDACT_MAX_FILE_MB"


class UndecodableText(BadInput):
    """The text file is not valid UTF-8, GB18030 or Big5."""

    code = "E106"
    hint = "save it as UTF-8"


class NoText(BadInput):
    """The document contains no extractable text."""

    code = "E107"
    hint = "scanned pages need OCR"


class ConfigInvalid(RedactError):
    """A configuration or rule file is invalid."""

    code = "E200"


class ModelMissing(RedactError):
    """A shipped model is missing from models/."""

    code = "E201"
    hint = "run `make models` to rebuild it"


class LeakGateFailed(RedactError):
    """The leak gate found a removed value in the output; nothing was written."""

    code = "E300"


class RedactionFailed(RedactError):
    """The document could not be redacted safely."""

    code = "E301"


class ReviewError(RedactError):
    """A review action is not allowed."""

    code = "E400"


class PermissionDenied(ReviewError):
    """This user's role may not do that."""

    code = "E401"


class StaleEdit(ReviewError):
    """Someone else changed this document since you opened it; reload and decide again."""

    code = "E402"
