"""``redact redact PATH -o OUT [--json]`` as shared/docs/contract.md describes it (exit 0 / 2 / 3)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from redact.cli import app

TEXT = "行政处罚决定书\n当事人联系电话13800138000，邮箱zhangsanfeng@example.cn。\n本决定依法公开。\n"


def test_redacts_and_reports_json(tmp_path):
    src, out = tmp_path / "in.txt", tmp_path / "out" / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(src), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["file"] == str(src) and record["output"] == str(out) and record["leak_check"] == "passed"
    assert record["redacted"] >= 2 and record["by_type"]["PHONE_NUMBER"] == 1
    written = out.read_text(encoding="utf-8")
    assert "13800138000" not in written and "138****8000" in written and "zhangsanfeng" not in written
    assert "本决定依法公开" in written and src.read_text(encoding="utf-8") == TEXT  # original untouched


def test_unreadable_input_exits_2_with_one_line(tmp_path):
    src = tmp_path / "empty.pdf"
    src.write_bytes(b"")
    result = CliRunner().invoke(app, ["redact", str(src), "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"{src}: [E1") and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.pdf").exists()


def test_leak_gate_failure_exits_3_and_writes_nothing(tmp_path, monkeypatch):
    import redact.publish.txt as publish_txt

    def leaky(source, doc, edits, output, encoding):  # a broken redactor: copies the input
        output.write_bytes(source.read_bytes())

    monkeypatch.setattr(publish_txt, "redact_txt", leaky)
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(src), "-o", str(out)])
    assert result.exit_code == 3
    assert "[E300]" in result.stderr and "13800138000" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".redact-*"))


def test_pdf_box_over_text_is_caught_and_exits_3(tmp_path, monkeypatch):
    """A redactor that only draws boxes (the classic failure) never gets a file published."""
    import pikepdf
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    import redact.publish.pdf as publish_pdf

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    src, out = tmp_path / "in.pdf", tmp_path / "out.pdf"
    c = canvas.Canvas(str(src))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 770, "行政处罚决定书")
    c.drawString(72, 740, "当事人联系电话13800138000。")
    c.save()

    def box_over_text(source, doc, removed, output, **_):
        with pikepdf.open(source) as pdf:
            page = pdf.pages[0]
            page.contents_add(pdf.make_stream(b"q 0 g 150 735 90 16 re f Q"), prepend=False)
            pdf.save(output)
        return publish_pdf.PdfOutcome(rasterized_pages=(), boxes=1)

    monkeypatch.setattr(publish_pdf, "redact_pdf", box_over_text)
    result = CliRunner().invoke(app, ["redact", str(src), "-o", str(out), "--json"])
    assert result.exit_code == 3
    record = json.loads(result.stdout)
    assert record["code"] == "E300" and "13800138000" not in result.stdout
    assert not out.exists() and not list(tmp_path.glob(".redact-*"))


def test_output_on_the_original_is_refused_and_the_original_kept(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(src), "-o", str(src), "--json"])
    assert result.exit_code == 2
    assert "original" in json.loads(result.stdout)["error"]
    assert src.read_text(encoding="utf-8") == TEXT


def test_an_unexpected_error_is_one_line_exit_3_and_nothing_written(tmp_path, monkeypatch):
    import redact.publish.txt as publish_txt

    def crash(*args, **kwargs):
        raise MemoryError()  # anything the stages did not foresee

    monkeypatch.setattr(publish_txt, "redact_txt", crash)
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(src), "-o", str(out), "--json"])
    assert result.exit_code == 3
    assert "internal error (MemoryError)" in json.loads(result.stdout)["error"]
    assert not out.exists() and not list(tmp_path.glob(".redact-*"))
