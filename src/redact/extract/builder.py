"""What a format reader hands back, and the small builder that keeps text and layout in step."""

from __future__ import annotations

from dataclasses import dataclass, field

from redact.document import CharRef, Page


@dataclass(frozen=True, slots=True)
class Extracted:
    """The format-specific part of a ``Document`` (``extract()`` adds sha256, source and script)."""

    text: str
    layout: tuple[CharRef | None, ...]
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()
    tracked_changes: bool = False
    encoding: str | None = None


@dataclass
class TextBuilder:
    """Appends characters with their ``CharRef`` so ``len(text) == len(layout)`` always holds."""

    chars: list[str] = field(default_factory=list)
    refs: list[CharRef | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.chars)

    def add(self, text: str, ref: CharRef | None) -> None:
        """Every code point of ``text`` gets ``ref`` (a ligature or ``(cid:N)`` shares one glyph)."""
        for c in text:
            self.chars.append(c)
            self.refs.append(ref)

    def sep(self, text: str = "\n") -> None:
        """A separator we insert (line/paragraph/page break, gap space): layout ``None``."""
        self.add(text, None)

    def last(self) -> str:
        return self.chars[-1] if self.chars else ""

    def build(self) -> tuple[str, tuple[CharRef | None, ...]]:
        return "".join(self.chars), tuple(self.refs)
