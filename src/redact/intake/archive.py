"""Move intake files into the store under their sha256, crash-safely, with a journal.

Every drop gets a journal entry (``store/.journal/<id>.json``) before anything irreversible
happens, and the entry records how far it got:

1. copy the intake file to ``store/.tmp/<id>`` while hashing it, fsync;
2. journal ``claimed`` (sha256, original name, whether the content is already stored = duplicate);
3. rename the copy to ``store/<sha[:2]>/<sha>.<ext>`` (atomic on one file system), fsync the folder;
4. unlink the intake file; journal ``stored``;
5. (later) analysis or quarantine; then the entry is deleted.

``recover()`` runs first in every sweep and finishes whatever a killed sweep left: a ``claimed``
entry is completed from its copy, stray copies without an entry are deleted (their intake file
is still there). The intake file is unlinked only after the stored copy is durable, so a file is
never lost; content is stored once per sha256, so it is never duplicated. Original bytes are
copied, never modified. The journal holds the original name: it stays in our store, never in Prefect.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

from redact.document import sha256_file

State = Literal["claimed", "stored", "quarantining"]
_EXT_RE = re.compile(r"^\.[a-z0-9]{1,10}$")


@dataclass(frozen=True, slots=True)
class Drop:
    """One file dropped into the intake folder, as the journal records it."""

    id: str
    sha256: str
    name: str
    ext: str
    intake_path: str
    tmp_path: str
    stored_path: str
    duplicate: bool
    state: State = "claimed"
    quarantine_path: str | None = None

    @property
    def short(self) -> str:
        return self.sha256[:12]


class Archive:
    """The store folder: originals by sha256, the journal and the copies in progress."""

    def __init__(self, store: Path) -> None:
        self.root = store
        self.journal_dir = store / ".journal"
        self.tmp_dir = store / ".tmp"

    def ensure(self) -> None:
        for d in (self.root, self.journal_dir, self.tmp_dir):
            d.mkdir(parents=True, exist_ok=True)

    # -- paths ----------------------------------------------------------------------------------
    def stored_path(self, sha: str, ext: str) -> Path:
        return self.root / sha[:2] / f"{sha}{ext}"

    def find_stored(self, sha: str) -> Path | None:
        """The stored original with this content, whatever its extension."""
        folder = self.root / sha[:2]
        if not folder.is_dir():
            return None
        for p in folder.glob(f"{sha}.*"):
            return p
        p = folder / sha
        return p if p.is_file() else None

    # -- journal --------------------------------------------------------------------------------
    def _journal_file(self, drop_id: str) -> Path:
        return self.journal_dir / f"{drop_id}.json"

    def write(self, drop: Drop) -> Drop:
        """Durably record ``drop`` (write a temporary file, fsync, rename over the entry)."""
        target = self._journal_file(drop.id)
        tmp = target.with_suffix(".json.new")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(asdict(drop), fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(self.journal_dir)
        return drop

    def forget(self, drop: Drop) -> None:
        """The drop is finished: delete its journal entry."""
        self._journal_file(drop.id).unlink(missing_ok=True)
        _fsync_dir(self.journal_dir)

    def pending(self) -> list[Drop]:
        """Journal entries of unfinished drops, in the order they were claimed."""
        if not self.journal_dir.is_dir():
            return []
        entries = []
        for f in self.journal_dir.glob("*.json"):
            with open(f, encoding="utf-8") as fh:
                entries.append((f.stat().st_mtime_ns, Drop(**json.load(fh))))
        return [d for _, d in sorted(entries, key=lambda e: (e[0], e[1].id))]

    # -- the move -------------------------------------------------------------------------------
    def claim(self, path: Path, *, known: set[str] | None = None) -> Drop:
        """Copy ``path`` into the store under its sha256 and unlink it from intake (steps 1–4).

        ``known`` holds the sha256 claimed earlier in this sweep; content already stored or
        known is a duplicate: it is journaled (to be reported) but not stored again.
        """
        self.ensure()
        drop_id = uuid.uuid4().hex
        tmp = self.tmp_dir / drop_id
        sha = _copy_and_hash(path, tmp)
        ext = _extension(path.name)
        existing = self.find_stored(sha)
        duplicate = existing is not None or (known is not None and sha in known)
        stored = existing or self.stored_path(sha, ext)
        drop = self.write(
            Drop(
                id=drop_id,
                sha256=sha,
                name=path.name,
                ext=ext,
                intake_path=str(path),
                tmp_path=str(tmp),
                stored_path=str(stored),
                duplicate=duplicate,
            )
        )
        if known is not None:
            known.add(sha)
        return self._finish_claim(drop)

    def _finish_claim(self, drop: Drop) -> Drop:
        tmp, stored, intake = Path(drop.tmp_path), Path(drop.stored_path), Path(drop.intake_path)
        if tmp.exists():
            if drop.duplicate or stored.exists():
                tmp.unlink()
            else:
                stored.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, stored)
                _fsync_dir(stored.parent)
        if intake.exists() and sha256_file(intake) == drop.sha256:
            intake.unlink()
            _fsync_dir(intake.parent)
        return self.write(replace(drop, state="stored"))

    def recover(self) -> list[Drop]:
        """Finish the moves a killed sweep left half-done; return every unfinished drop.

        Claimed drops are completed; stray copies without a journal entry are deleted (their
        intake file was never unlinked). Drops in state ``stored``/``quarantining`` are returned
        for the caller to analyze or quarantine.
        """
        self.ensure()
        for torn in self.journal_dir.glob("*.json.new"):  # killed while writing an entry: the old one stands
            torn.unlink()
        drops = []
        for drop in self.pending():
            drops.append(self._finish_claim(drop) if drop.state == "claimed" else drop)
        live = {Path(d.tmp_path).name for d in drops}
        for stray in self.tmp_dir.iterdir():
            if stray.name not in live:
                stray.unlink()
        return drops

    # -- quarantine -----------------------------------------------------------------------------
    def quarantine(self, drop: Drop, folder: Path, reason: str) -> Drop:
        """Move a bad file out of the store into ``folder`` with ``<name>.reason.txt`` beside it."""
        folder.mkdir(parents=True, exist_ok=True)
        if drop.state != "quarantining":
            drop = self.write(replace(drop, state="quarantining", quarantine_path=str(_free_name(folder, drop))))
        target = Path(drop.quarantine_path or "")
        note = target.with_name(target.name + ".reason.txt")
        note.write_text(f"{reason}\nsha256: {drop.sha256}\n", encoding="utf-8")
        stored = Path(drop.stored_path)
        if stored.exists() and not drop.duplicate:
            shutil.move(stored, target)
        self.forget(drop)
        return drop


@contextmanager
def exclusive(store: Path) -> Iterator[bool]:
    """Hold the store's sweep lock (``store/.sweep.lock``) if no other sweep holds it; yields whether we got it.

    Recovery finishes *every* journal entry, so two sweeps on one store must not overlap: a second
    one gets False and does nothing (the scheduler also runs sweeps with concurrency 1).
    """
    store.mkdir(parents=True, exist_ok=True)
    with open(store / ".sweep.lock", "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _free_name(folder: Path, drop: Drop) -> Path:
    """``folder/<original name>``, or ``<stem>-<sha8><ext>`` when that name is taken."""
    target = folder / drop.name
    if target.exists():
        stem, suffix = os.path.splitext(drop.name)
        target = folder / f"{stem}-{drop.sha256[:8]}{suffix}"
    return target


def _extension(name: str) -> str:
    ext = os.path.splitext(name)[1].lower()
    return ext if _EXT_RE.match(ext) else ""


def _copy_and_hash(src: Path, dst: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while block := fin.read(chunk):
            h.update(block)
            fout.write(block)
        fout.flush()
        os.fsync(fout.fileno())
    shutil.copystat(src, dst)
    return h.hexdigest()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
