"""Whatever breaks in the glyph path, the page is rasterized: never a traceback, never an
unredacted page. Real-world content streams and fonts fail in ways no builder here reproduces,
so these tests make the real code raise where a damaged file would, and check the outcome."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from helpers import make_identity_h_pdf
from test_pdf import BODY, ID, NAME, PHONE, assert_redacted, redact

import redact.publish.pdf as publish_pdf
from redact.publish.glyphs import Interpreter


@pytest.fixture
def src(tmp_path):
    return make_identity_h_pdf(tmp_path / "in.pdf", [f"当事人{NAME}，电话{PHONE}。", f"身份证{ID}", BODY])


def test_an_interpreter_crash_on_a_page_rasterizes_that_page(src, monkeypatch):
    def broken(self, *args, **kwargs):
        raise KeyError("/Font")  # what a page with a dangling font reference makes pikepdf raise

    monkeypatch.setattr(Interpreter, "run", broken)
    out, result = redact(src, ("PERSON", NAME), ("PHONE_NUMBER", PHONE), ("CN_RESIDENT_ID", ID))
    assert result.rasterized_pages == (1,)
    assert_redacted(out, [NAME, PHONE, ID], ["当事人", "电话", BODY])


def test_a_file_qpdf_cannot_open_is_rasterized_from_pdfium(src, monkeypatch):
    real_open = pikepdf.open

    def unreadable(path, *args, **kwargs):  # only the source: the leak gate reads the output with qpdf too
        if Path(path) == src:
            raise pikepdf.PdfError("xref not found")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(publish_pdf.pikepdf, "open", unreadable)
    out, result = redact(src, ("PERSON", NAME), ("PHONE_NUMBER", PHONE))
    assert result.rasterized_pages == (1,)
    assert_redacted(out, [NAME, PHONE], ["当事人", "电话", BODY])


def test_a_crash_after_the_pages_falls_back_to_rasterizing_every_page(src, monkeypatch):
    def broken_prune(*args, **kwargs):
        raise ValueError("bad glyf table")  # fontTools on a damaged embedded subset

    monkeypatch.setattr(publish_pdf, "prune", broken_prune)
    out, result = redact(src, ("PERSON", NAME))
    assert result.rasterized_pages == (1,)
    assert_redacted(out, [NAME], ["当事人", BODY])
