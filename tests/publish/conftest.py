"""Fixtures that build the adversarial PDFs of the leak table with reportlab."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import WQY


@pytest.fixture(scope="session")
def fonts() -> dict[str, str]:
    """reportlab font names: an embedded TrueType subset (Identity-H) and a predefined CMap font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Wqy", WQY, subfontIndex=0))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return {"ttf": "Wqy", "cmap": "STSong-Light"}


@pytest.fixture
def make_pdf(tmp_path: Path, fonts: dict[str, str]) -> Callable[..., Path]:
    """``make_pdf(pages, name=..., font=...)``: each page a list of lines (y from the top) or a callable(canvas)."""
    from reportlab.pdfgen import canvas

    def build(pages, name: str = "in.pdf", font: str = "ttf", size: float = 12) -> Path:
        path = tmp_path / name
        c = canvas.Canvas(str(path), pagesize=(595, 842))
        c.setAuthor("王五")
        c.setTitle("张三丰的处罚决定")
        for page in pages:
            if callable(page):
                page(c)
            else:
                c.setFont(fonts[font], size)
                for k, line in enumerate(page):
                    c.drawString(72, 770 - 24 * k, line)
            c.showPage()
        c.save()
        return path

    return build
