"""The shared types and helpers every stage relies on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from redact.document import Document, Entity, Page, TxtChar, normalize_width
from redact.errors import BadInput, EmptyFile, RedactError, StaleEdit
from redact.settings import Settings
from redact.zh import detect_script, to_simplified, to_traditional, variants


def test_full_width_normalisation_keeps_every_offset():
    text = "電話：１３８　００１３　８０００，郵箱ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｏｍ"
    norm = normalize_width(text)
    assert len(norm) == len(text)
    assert "138 0013 8000" in norm and "lisi@example.com" in norm
    start = norm.index("138")
    assert text[start] == "１"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("关于印发榕江市市场监督管理局行政处罚裁量基准的通知", "simplified"),
        ("關於印發榕江市市場監督管理局行政處罰裁量基準的通知", "traditional"),
        ("关于印发市场监督管理局 關於印發市場監督管理局", "mixed"),
        ("2024年5月15日 12315", "simplified"),
    ],
)
def test_script_detection(text, script):
    assert detect_script(text) == script


def test_script_conversion_keeps_length_so_offsets_stay_valid():
    trad = "當事人：陳誌強，住所：臺北市大安區羅斯福路四段1號"
    simp = to_simplified(trad)
    assert len(simp) == len(trad)
    assert simp.startswith("当事人")
    assert len(to_traditional(simp)) == len(simp)
    assert variants("陳誌強") >= {"陳誌強", to_simplified("陳誌強")}


def test_document_json_line_follows_the_contract_and_hides_text_in_repr():
    text = "当事人：王小明，电话13800138000。"
    ent = Entity("PHONE_NUMBER", 10, 21, text[10:21], 0.9, "CnPhoneRecognizer")
    doc = Document(
        sha256="ab" * 32,
        source="x.txt",
        format="txt",
        text=text,
        layout=tuple(TxtChar(1, i + 1) for i in range(len(text))),
        pages=(Page(1, 0, len(text)),),
        entities=(ent,),
    )
    d = doc.to_dict()
    assert {"file", "sha256", "format", "script", "pages", "chars", "text", "entities", "error"} <= d.keys()
    assert "attribute" not in d  # omitted until classification ran, never faked
    e = d["entities"][0]
    assert d["text"][e["start"] : e["end"]] == e["text"] == "13800138000"
    assert e["page"] is None or e["page"] == 1
    assert "13800138000" not in repr(doc) and "王小明" not in repr(doc)
    assert "13800138000" not in repr(ent)
    assert doc.page_of(12) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = ""  # type: ignore[misc]


def test_errors_carry_a_code_and_a_hint_for_people():
    err = EmptyFile()
    assert isinstance(err, BadInput) and isinstance(err, RedactError)
    assert err.reason().startswith("[E101] ")
    assert "upload" in err.reason()
    assert StaleEdit().code == "E402"


def test_settings_defaults_work_on_a_fresh_clone(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REDACT_CONFIG", raising=False)
    s = Settings()
    assert s.db_url.startswith("sqlite:///")
    assert s.auto_approve is False
    assert s.intake == Path("var") / "intake"


def test_settings_read_environment_and_toml(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "redact.toml").write_text('[redact]\nmax_file_mb = 5\nhome = "data"\n', encoding="utf-8")
    monkeypatch.setenv("REDACT_WORKERS", "4")
    s = Settings()
    assert s.max_file_mb == 5 and s.workers == 4 and s.store == Path("data") / "store"
    monkeypatch.setenv("REDACT_MAX_FILE_MB", "7")
    assert Settings().max_file_mb == 7  # environment beats the file
