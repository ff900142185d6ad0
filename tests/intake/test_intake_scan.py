"""Which intake files a sweep picks up: complete ones with real names."""

from __future__ import annotations

from pathlib import Path

import pytest

from redact.intake.scan import candidates, is_temporary, stable_files


@pytest.mark.parametrize(
    "name, temporary",
    [
        # documents
        ("通知.pdf", False),
        ("penalty-2024-012.docx", False),
        ("notes.txt", False),
        # written by Office, LibreOffice, browsers, copy tools and editors while they work
        ("~$通知.docx", True),
        (".~lock.report.docx#", True),
        ("report.pdf.part", True),
        ("report.pdf.crdownload", True),
        ("upload.tmp", True),
        ("REPORT.PDF.PART", True),
        ("notes.txt~", True),
        # dotfiles
        (".DS_Store", True),
        (".hidden.pdf", True),
    ],
)
def test_temporary_names_are_recognized(name: str, temporary: bool) -> None:
    assert is_temporary(name) is temporary


def test_candidates_skip_temporary_files_and_reason_notes(tmp_path: Path) -> None:
    for name in ("a.pdf", "~$b.docx", "c.txt.part", "d.pdf.reason.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_bytes(b"y")
    assert [p.relative_to(tmp_path).as_posix() for p in candidates(tmp_path)] == ["a.pdf", "sub/e.txt"]


def test_a_file_that_grows_between_the_two_looks_is_left_for_the_next_sweep(tmp_path: Path) -> None:
    done = tmp_path / "done.txt"
    growing = tmp_path / "growing.txt"
    done.write_text("完整的文件", encoding="utf-8")
    growing.write_text("正在写入", encoding="utf-8")
    waited: list[float] = []

    def sleep(seconds: float) -> None:  # the upload goes on while the sweep waits
        waited.append(seconds)
        with open(growing, "a", encoding="utf-8") as fh:
            fh.write("……")

    complete, changing = stable_files(tmp_path, 2.5, sleep=sleep)
    assert waited == [2.5]
    assert complete == [done]
    assert changing == [growing]


def test_an_empty_intake_folder_does_not_wait(tmp_path: Path) -> None:
    def sleep(seconds: float) -> None:
        raise AssertionError("no need to wait when there is nothing to look at")

    assert stable_files(tmp_path, 5, sleep=sleep) == ([], [])
    assert stable_files(tmp_path / "missing", 5, sleep=sleep) == ([], [])
