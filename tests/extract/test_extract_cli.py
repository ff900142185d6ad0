"""``redact extract``: a table or JSON Lines; a bad file is one ``file: reason`` line and exit 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from extract_builders import build_pdf
from typer.testing import CliRunner

from redact.cli import app
from redact.cli.common import error_record, fail_line, iter_input_files
from redact.errors import CorruptFile

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one good file of each kind and the five bad files of the acceptance list."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    good = build_pdf(root / "good.pdf", [(0, "Droid", 12, 72, 700, "行政处罚决定书")])
    (root / "sub" / "note.txt").write_bytes("会议纪要".encode("gb18030"))
    (root / "bad").mkdir()
    (root / "bad" / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << >> nothing else")
    with pikepdf.open(good) as pdf:
        pdf.save(root / "bad" / "encrypted.pdf", encryption=pikepdf.Encryption(owner="o", user="u"))
    (root / "bad" / "zero.txt").write_bytes(b"")
    (root / "bad" / "setup.pdf").write_bytes(b"MZ\x90\x00" + b"\x00" * 64)
    (root / "bad" / "garbled.txt").write_bytes("正文".encode() + b"\xff\xfe\xfd")
    (root / "ignored.xlsx").write_bytes(b"PK\x03\x04")
    (root / ".hidden.txt").write_text("x")
    return root


BAD = {
    "corrupt.pdf": "[E103]",
    "encrypted.pdf": "[E104]",
    "zero.txt": "[E101]",
    "setup.pdf": "[E102]",
    "garbled.txt": "[E106]",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_gives_one_line_reason_and_exit_2(folder: Path, name: str) -> None:
    path = folder / "bad" / name
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: {BAD[name]} ")
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert isinstance(result.exception, SystemExit)


def test_json_lines_one_object_per_file_errors_included_exit_2(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder), "--json"])
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    by_name = {Path(obj["file"]).name: obj for obj in lines}
    assert set(by_name) == {"good.pdf", "note.txt", *BAD}
    good = by_name["good.pdf"]
    assert (good["format"], good["text"], good["pages"], good["error"]) == ("pdf", "行政处罚决定书", 1, None)
    assert by_name["note.txt"]["encoding"] == "gb18030"
    for name, code in BAD.items():
        assert by_name[name]["error"].startswith(code)


def test_table_lists_good_files_and_exit_0(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["extract", "good.pdf", "sub"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = [line.split("│")[1:-1] for line in result.stdout.splitlines() if line.startswith("│")]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["good.pdf", "pdf", "simplified", "1", "7", "", ""],
        ["sub/note.txt", "txt", "simplified", "1", "4", "gb18030", ""],
    ]


def test_iter_input_files_expands_folders_and_keeps_named_files(folder: Path) -> None:
    files = iter_input_files([folder / "ignored.xlsx", folder])
    assert files[0] == folder / "ignored.xlsx"  # named explicitly: tried (and sniffed) anyway
    assert {p.name for p in files[1:]} == {"good.pdf", "note.txt", *BAD}  # no .xlsx, no hidden file
    assert iter_input_files([folder / "good.pdf", folder / "good.pdf"]) == [folder / "good.pdf"]


def test_fail_line_and_error_record() -> None:
    err = CorruptFile("the PDF is damaged")
    assert fail_line("in/a.pdf", err) == "in/a.pdf: [E103] the PDF is damaged (save or export it again from the original program)"
    assert error_record(Path("in/a.pdf"), err) == {"file": "in/a.pdf", "error": err.reason(), "code": "E103"}


def test_size_limit_comes_from_the_settings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACT_MAX_FILE_MB", "0.001")  # about 1 KB: the PDF is larger, the note is not
    result = runner.invoke(app, ["extract", str(folder / "good.pdf"), str(folder / "sub" / "note.txt"), "--json"])
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["error"][:6] if line["error"] else None for line in lines] == ["[E105]", None]
