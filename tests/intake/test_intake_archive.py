"""Moving files into the store by sha256: exactly once, never lost, recoverable at every step."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

from redact.intake.archive import Archive, exclusive


def _drop(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p


def _stored(store: Path) -> list[str]:
    return sorted(p.name for p in store.glob("??/*"))


def test_claim_moves_the_file_under_its_sha256_and_keeps_the_bytes(tmp_path: Path) -> None:
    data = "行政处罚决定书\n".encode("gb18030")
    sha = hashlib.sha256(data).hexdigest()
    src = _drop(tmp_path / "intake", "处罚决定.TXT", data)
    archive = Archive(tmp_path / "store")

    drop = archive.claim(src)

    assert drop.sha256 == sha and drop.state == "stored" and not drop.duplicate
    assert not src.exists()
    stored = tmp_path / "store" / sha[:2] / f"{sha}.txt"
    assert Path(drop.stored_path) == stored
    assert stored.read_bytes() == data
    assert [d.id for d in archive.pending()] == [drop.id]  # journaled until analyzed
    archive.forget(drop)
    assert archive.pending() == []


def test_the_same_content_dropped_twice_is_stored_once_and_the_second_is_a_duplicate(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "store")
    first = archive.claim(_drop(tmp_path / "intake", "a.pdf", b"%PDF-same"))
    second = archive.claim(_drop(tmp_path / "intake", "copy of a.pdf", b"%PDF-same"))
    assert not first.duplicate and second.duplicate
    assert second.stored_path == first.stored_path
    assert _stored(tmp_path / "store") == [f"{first.sha256}.pdf"]
    assert list((tmp_path / "intake").iterdir()) == []


def test_recovery_finishes_a_claim_killed_before_the_rename(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "store")
    src = _drop(tmp_path / "intake", "b.docx", b"PK-docx-bytes")
    drop = archive.claim(src)
    # rewind to the moment after the journal entry and the copy, before the rename and unlink
    stored = Path(drop.stored_path)
    os.replace(stored, drop.tmp_path)
    src.write_bytes(b"PK-docx-bytes")
    archive.write(replace(drop, state="claimed"))

    (recovered,) = archive.recover()

    assert recovered.state == "stored"
    assert stored.read_bytes() == b"PK-docx-bytes"
    assert not src.exists() and not Path(drop.tmp_path).exists()


def test_recovery_deletes_copies_that_were_never_journaled_and_keeps_the_intake_file(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "store")
    archive.ensure()
    src = _drop(tmp_path / "intake", "c.txt", b"text")
    (archive.tmp_dir / "0123abcd").write_bytes(b"te")  # killed while copying

    assert archive.recover() == []
    assert list(archive.tmp_dir.iterdir()) == []
    assert src.read_bytes() == b"text"


def test_recovery_drops_a_journal_entry_torn_by_a_kill(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "store")
    drop = archive.claim(_drop(tmp_path / "intake", "e.txt", b"abc"))
    (archive.journal_dir / "0123.json.new").write_text('{"id": "01', encoding="utf-8")

    assert [d.id for d in archive.recover()] == [drop.id]
    assert sorted(p.name for p in archive.journal_dir.iterdir()) == [f"{drop.id}.json"]


def test_quarantine_moves_the_file_with_a_reason_beside_it(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "store")
    drop = archive.claim(_drop(tmp_path / "intake", "坏文件.pdf", b"%PDF-broken"))
    q = tmp_path / "quarantine"

    archive.quarantine(drop, q, "[E103] The file is damaged and cannot be parsed.")
    # the same name again (different content) does not overwrite the first one
    again = archive.claim(_drop(tmp_path / "intake", "坏文件.pdf", b"%PDF-broken-2"))
    archive.quarantine(again, q, "[E103] The file is damaged and cannot be parsed.")

    assert (q / "坏文件.pdf").read_bytes() == b"%PDF-broken"
    assert (q / f"坏文件-{again.sha256[:8]}.pdf").read_bytes() == b"%PDF-broken-2"
    note = (q / "坏文件.pdf.reason.txt").read_text(encoding="utf-8").splitlines()
    assert note == ["[E103] The file is damaged and cannot be parsed.", f"sha256: {drop.sha256}"]
    assert _stored(tmp_path / "store") == [] and archive.pending() == []


def test_the_journal_is_plain_json_in_the_store_only(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "store")
    drop = archive.claim(_drop(tmp_path / "intake", "d.txt", b"abc"))
    entry = json.loads((archive.journal_dir / f"{drop.id}.json").read_text(encoding="utf-8"))
    assert entry["sha256"] == drop.sha256 and entry["name"] == "d.txt" and entry["state"] == "stored"


def test_only_one_sweep_at_a_time_holds_the_store(tmp_path: Path) -> None:
    with exclusive(tmp_path / "store") as first:
        with exclusive(tmp_path / "store") as second:
            assert (first, second) == (True, False)
    with exclusive(tmp_path / "store") as again:
        assert again is True
