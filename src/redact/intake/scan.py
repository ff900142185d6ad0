"""Find the files in the intake folder that are complete and meant for us.

A file is picked up only when its size and mtime are unchanged across two looks separated by
``settings.stable_seconds`` (a copy or an upload still in progress changes one of them), and when
its name is not a temporary one written by Office, browsers or copy tools.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: Suffixes of files that are still being written by a browser, a copy tool or an editor.
TEMP_SUFFIXES: tuple[str, ...] = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", ".lock")
#: Names written alongside a document by Office (``~$x.docx``), LibreOffice (``.~lock.x#``) and editors.
TEMP_PREFIXES: tuple[str, ...] = ("~$", ".", "~")


def is_temporary(name: str) -> bool:
    """True for names that are not (yet) a document: temp/lock files, dotfiles, partial downloads."""
    low = name.lower()
    return low.startswith(TEMP_PREFIXES) or low.endswith(TEMP_SUFFIXES) or low.endswith("~")


@dataclass(frozen=True, slots=True)
class Look:
    """What one look at a file saw."""

    size: int
    mtime_ns: int


def candidates(folder: Path) -> list[Path]:
    """Regular files under ``folder`` (recursively) that do not have a temporary name, oldest name first."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not is_temporary(d))
        for name in sorted(files):
            if is_temporary(name) or name.endswith(".reason.txt"):
                continue
            path = Path(root) / name
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def _look(path: Path) -> Look | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return Look(st.st_size, st.st_mtime_ns)


def stable_files(
    folder: Path, stable_seconds: float, *, sleep: Callable[[float], None] = time.sleep
) -> tuple[list[Path], list[Path]]:
    """Two looks ``stable_seconds`` apart: ``(complete, still_changing)``.

    ``sleep`` is injectable so tests can change a file between the looks without waiting.
    """
    first = {p: _look(p) for p in candidates(folder)}
    if not first:
        return [], []
    sleep(stable_seconds)
    complete: list[Path] = []
    changing: list[Path] = []
    for path, seen in first.items():
        again = _look(path)
        if seen is None or again is None:
            continue
        (complete if again == seen else changing).append(path)
    return complete, changing
