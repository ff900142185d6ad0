"""Real-world-like files for the robustness matrix, built at test time in a temporary folder.

Government documents arrive from Word, WPS and LibreOffice, printed to PDF, scanned, re-saved by
qpdf-based tools with an owner password. This module makes such files from a long 公文 written
for this project (a Flat ODT that LibreOffice turns into DOCX and PDF: tables, header, footer,
footnotes, several pages), from the bundled samples, and from the tools on the machine
(``soffice``, ``qpdf``, ``pdftocairo``, ``pdftoppm``, ``img2pdf``, reportlab, python-docx).
All personal data is fictional. ``build_matrix(folder)`` returns the cases whose tools exist.

Used by ``tests/robustness/test_realworld.py`` and ``bench/robustness.py``.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "intake"
SOFFICE = shutil.which("soffice")
TOOL_TIMEOUT = 180


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(prefix17: str) -> str:
    """A checksummed 18-digit resident id (GB 11643, ISO 7064 MOD 11-2) from its first 17 digits."""
    total = sum(int(d) * w for d, w in zip(prefix17, _ID_WEIGHTS, strict=True))
    return prefix17 + "10X98765432"[total % 11]


#: Fictional people of the long document (name, id, mobile, home address).
PEOPLE = (
    ("王建国", resident_id("35010219880312451"), "13905912345", "福州市仓山区城门镇林浦村12号"),
    ("陈丽华", resident_id("35010219850706232"), "15859107788", "平潭县潭城镇西航路88号3单元502室"),
    ("林志强", resident_id("35018119920115673"), "18650023456", "福清市龙山街道融侨路6号"),
)

#: Public strings a reader must still find in a redacted copy.
PUBLIC = ("平潭综合实验区市场监督管理局", "岚市监处罚〔2024〕17号", "12315", "《中华人民共和国食品安全法》")


@dataclass(frozen=True)
class Case:
    """One file of the matrix and what the contract says must happen to it."""

    name: str
    path: Path
    expect: frozenset[int]  # allowed exit codes of analyze (redact: the same plus 3)
    note: str = ""


# --- the long document -----------------------------------------------------------------------

_P = '<text:p text:style-name="{style}">{text}</text:p>'


def _paragraphs() -> list[str]:
    body: list[str] = [
        _P.format(style="Title", text="平潭综合实验区市场监督管理局"),
        _P.format(style="Title", text="行政处罚决定书"),
        _P.format(style="Center", text="岚市监处罚〔2024〕17号"),
    ]
    for k, (name, rid, phone, addr) in enumerate(PEOPLE, start=1):
        body.append(
            _P.format(
                style="Body",
                text=escape(f"当事人{k}：{name}，身份证号码：{rid}，联系电话：{phone}，住址：{addr}。"),
            )
        )
        body.append(
            _P.format(
                style="Body",
                text=escape(
                    f"经查，当事人{name}于2024年3月{k + 4}日在平潭县潭城镇经营的食品店销售超过保质期的食品，"
                    "违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定"
                )
                + '<text:note text:id="n{k}" text:note-class="footnote"><text:note-citation>{k}</text:note-citation>'
                '<text:note-body><text:p text:style-name="Footnote">{fn}</text:p></text:note-body></text:note>。'.format(
                    k=k, fn=escape(f"案件承办人：{PEOPLE[(k) % 3][0]}，电话0591-24311234。")
                ),
            )
        )
    rows = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>'
            for c in (name, rid, phone, "罚款人民币5000元")
        )
        + "</table:table-row>"
        for name, rid, phone, _ in PEOPLE
    )
    body.append(
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="4"/>'
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
            for h in ("姓名", "身份证号码", "联系电话", "处罚结果")
        )
        + "</table:table-row>"
        + rows
        + "</table:table>"
    )
    filler = (
        "根据《中华人民共和国行政处罚法》第三十二条的规定，本局依法从轻处罚。全区2023年共完成食品抽检3856批次，"
        "合格率98.6%，投诉举报热线12315全天受理。"
    )
    body += [_P.format(style="Body", text=escape(filler))] * 60
    body.append(_P.format(style="Body", text=escape("如不服本处罚决定，可于2024年6月1日前申请行政复议。")))
    body.append(_P.format(style="Right", text="平潭综合实验区市场监督管理局"))
    body.append(_P.format(style="Right", text="2024年5月15日"))
    body.append(_P.format(style="Body", text="（此件主动公开）"))
    return body


def long_fodt(path: Path) -> Path:
    """A multi-page 公文 as Flat ODT: header, footer with page number, footnotes, a table."""
    font = "WenQuanYi Zen Hei"
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="CJK" svg:font-family="'{font}'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Body" style:family="paragraph"><style:text-properties fo:font-size="14pt"
  style:font-name-asian="CJK" style:font-size-asian="14pt"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="20pt" style:font-name-asian="CJK" style:font-size-asian="20pt"/></style:style>
 <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name-asian="CJK" style:font-size-asian="14pt"/></style:style>
 <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/>
  <style:text-properties style:font-name-asian="CJK" style:font-size-asian="14pt"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph"><style:text-properties
  style:font-name-asian="CJK" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties
 fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm"
 fo:margin-left="2.6cm" fo:margin-right="2.6cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
 <style:header><text:p text:style-name="Center">平潭综合实验区市场监督管理局文件</text:p></style:header>
 <style:footer><text:p text:style-name="Center">第<text:page-number text:select-page="current"/>页</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(_paragraphs())}
</office:text></office:body></office:document>
"""
    path.write_text(xml, encoding="utf-8")
    return path


# --- tools --------------------------------------------------------------------------------------


def _run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True, timeout=TOOL_TIMEOUT)


def soffice_convert(source: Path, target_ext: str, folder: Path) -> Path:
    """LibreOffice headless conversion (``pdf``, ``docx``, ``odt``, ``doc``) into ``folder``."""
    profile = folder / ".lo-profile"
    _run(
        SOFFICE or "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        target_ext,
        "--outdir",
        folder,
        source,
    )
    out = folder / f"{source.stem}.{target_ext.split(':')[0]}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out.name}")
    return out


def scanned_pdf(source_pdf: Path, path: Path) -> Path:
    """An image-only PDF (what a scanner makes): pages rendered at 100 dpi, wrapped by img2pdf."""
    import img2pdf

    prefix = path.with_suffix("")
    _run("pdftoppm", "-r", "100", "-gray", "-png", source_pdf, prefix)
    images = sorted(path.parent.glob(f"{prefix.name}*.png"))
    path.write_bytes(img2pdf.convert([str(p) for p in images]))
    for image in images:
        image.unlink()
    return path


def docx_with_image(path: Path) -> Path:
    """A python-docx file with an inline picture, a header and personal data in a table."""
    import docx
    from PIL import Image

    name, rid, phone, addr = PEOPLE[1]
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "平潭综合实验区市场监督管理局"
    d.add_paragraph("关于陈情事项的答复意见")
    d.add_paragraph(f"陈情人{name}（身份证号码：{rid}，手机：{phone}）：")
    d.add_paragraph(f"你反映的{addr}附近噪声扰民问题，我局已于2024年4月2日现场核查。")
    buf = io.BytesIO()
    Image.new("RGB", (240, 120), (200, 30, 30)).save(buf, "PNG")
    buf.seek(0)
    d.add_picture(buf)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "联系电话"
    table.rows[0].cells[1].text = phone
    d.add_paragraph("平潭综合实验区市场监督管理局 2024年4月8日")
    d.save(path)
    return path


def word_wrappers_docx(source: Path, path: Path) -> Path:
    """``source`` with the runs that hold personal data wrapped as Word does it for tagged text:
    ``w:customXml`` around ``w:smartTag`` (PersonName) around the run."""
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                runs = re.findall(
                    r"<w:r>(?:(?!</w:r>).)*?</w:r>|<w:r [^>]*>(?:(?!</w:r>).)*?</w:r>", xml, re.S
                )
                for run in {r for r in runs if any(name in r for name, *_ in PEOPLE)}:
                    xml = xml.replace(
                        run,
                        '<w:customXml w:element="party"><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags"'
                        f' w:element="PersonName">{run}</w:smartTag></w:customXml>',
                    )
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    return path


def txt_file(path: Path, encoding: str) -> Path:
    """The long document's opening as text with CRLF line ends in ``encoding`` (UTF-16 with BOM)."""
    from redact.zh import to_traditional

    name, rid, phone, addr = PEOPLE[0]
    lines = [
        PUBLIC[0],
        PUBLIC[1],
        f"当事人：{name}，身份证号码：{rid}，联系电话：{phone}，住址：{addr}。",
        "投诉举报热线12315全天受理。",
        "2024年5月15日",
    ]
    text = "\r\n".join(lines) + "\r\n"
    if encoding == "big5":
        text = to_traditional(text)
    data = text.encode("utf-16") if encoding == "utf-16" else text.encode(encoding)
    path.write_bytes(data)
    return path


def many_pages_pdf(path: Path, pages: int) -> Path:
    """A reportlab PDF with one short CJK line per page (a page-count stress file)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for n in range(1, pages + 1):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 760, f"平潭综合实验区统计公报 第{n}页 2023年地区生产总值增长6.1%")
        c.showPage()
    c.save()
    return path


# --- the matrix -------------------------------------------------------------------------------

OK, REFUSED = frozenset({0}), frozenset({2})
_TAGGED = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"},"ExportFormFields":{"type":"boolean","value":"true"}}'
)


def build_matrix(folder: Path, *, huge_pages: int = 520) -> list[Case]:
    """Every case whose tools are installed; LibreOffice cases only when ``soffice`` exists."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, make: Callable[[Path], Path], expect: frozenset[int], note: str = "") -> Path | None:
        try:
            path = make(folder / name)
        except (OSError, subprocess.SubprocessError, RuntimeError):
            return None  # a tool missing on this machine: the case is simply not in the matrix
        cases.append(Case(name, path, expect, note))
        return path

    for enc, name in (("gb18030", "crlf-gb18030.txt"), ("big5", "crlf-big5.txt"), ("utf-16", "bom-utf16.txt"),
                      ("utf-8-sig", "bom-utf8.txt")):  # fmt: skip
        add(name, lambda p, e=enc: txt_file(p, e), OK, f"TXT {enc}, CRLF")
    add("with-image.docx", docx_with_image, OK, "python-docx with an inline picture")
    add("empty.pdf", lambda p: (p.write_bytes(b""), p)[1], REFUSED, "0 bytes")
    add("huge-pages.pdf", lambda p: many_pages_pdf(p, huge_pages), REFUSED, f"{huge_pages} pages > max_pages")
    if SOFFICE:
        fodt = long_fodt(folder / "long-penalty.fodt")
        lo_pdf = add("long-penalty.pdf", lambda p: soffice_convert(fodt, "pdf", folder), OK,
                     "LibreOffice PDF: header, footer, footnotes, table, several pages")  # fmt: skip
        add("long-penalty.docx", lambda p: soffice_convert(fodt, "docx:MS Word 2007 XML", folder), OK,
            "LibreOffice DOCX")  # fmt: skip
        lo_docx = folder / "long-penalty.docx"
        if lo_docx.exists():
            add("word-wrappers.docx", lambda p: word_wrappers_docx(lo_docx, p), OK,
                "runs wrapped in w:customXml + w:smartTag")  # fmt: skip
        tagged = folder / "tagged"
        tagged.mkdir(exist_ok=True)
        add("tagged-bookmarks.pdf", lambda p: shutil.move(soffice_convert(fodt, _TAGGED, tagged), p), OK,
            "LibreOffice tagged PDF with bookmarks and form export")  # fmt: skip
        add("long-penalty.odt", lambda p: soffice_convert(fodt, "odt", folder), REFUSED, "ODT: unsupported")
        add("long-penalty.doc", lambda p: soffice_convert(fodt, "doc:MS Word 97", folder), REFUSED,
            "legacy DOC: unsupported")  # fmt: skip
        for sample in ("request-2024-035.docx", "duty-roster-2024-10-tw.docx"):
            sub = folder / "lo-samples"
            sub.mkdir(exist_ok=True)
            add(f"lo-{Path(sample).stem}.pdf", lambda p, s=sample, d=sub: shutil.move(
                soffice_convert(SAMPLES / s, "pdf", d), p), OK, "LibreOffice PDF of a sample DOCX")  # fmt: skip
            add(f"lo-{sample}", lambda p, s=sample, d=sub: shutil.move(
                soffice_convert(SAMPLES / s, "docx:MS Word 2007 XML", d), p), OK,
                "sample DOCX re-saved by LibreOffice")  # fmt: skip
        if lo_pdf is not None:
            add(
                "linearized.pdf",
                lambda p: (_run("qpdf", "--linearize", lo_pdf, p), p)[1],
                OK,
                "qpdf --linearize",
            )
            add("object-streams.pdf", lambda p: (_run("qpdf", "--object-streams=generate", lo_pdf, p), p)[1], OK,
                "qpdf object streams")  # fmt: skip
            add("owner-password.pdf", lambda p: (_run(
                "qpdf", "--encrypt", "", "owner-secret", "256", "--print=none", "--modify=none", "--", lo_pdf, p
            ), p)[1], OK, "AES-256, empty user password: must be read")  # fmt: skip
            add("owner-password-rc4.pdf", lambda p: (_run(
                "qpdf", "--allow-weak-crypto", "--encrypt", "", "owner-secret", "128", "--use-aes=n", "--", lo_pdf, p
            ), p)[1], OK, "RC4-128, empty user password")  # fmt: skip
            add("user-password.pdf", lambda p: (_run(
                "qpdf", "--encrypt", "open-me", "owner-secret", "256", "--", lo_pdf, p
            ), p)[1], REFUSED, "a real user password: refused as encrypted")  # fmt: skip
            add("cairo-printed.pdf", lambda p: (_run("pdftocairo", "-pdf", lo_pdf, p), p)[1], OK,
                "re-printed by cairo (Type0/Identity-H subsets)")  # fmt: skip
            add("rotated.pdf", lambda p: (_run("qpdf", "--rotate=+90:1-2", lo_pdf, p), p)[1], OK,
                "pages 1-2 with /Rotate 90 (scanned sideways, turned in a viewer)")  # fmt: skip
            add("scanned.pdf", lambda p: scanned_pdf(lo_pdf, p), OK, "image-only pages (needs OCR)")
            add("truncated.pdf", lambda p: (p.write_bytes(lo_pdf.read_bytes()[: lo_pdf.stat().st_size // 2]), p)[1],
                frozenset({0, 2}), "the second half of the file is missing")  # fmt: skip
    return cases
