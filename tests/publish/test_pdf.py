"""PDF redaction against the rows of shared/docs/redaction-leaks.md: the secret is gone under every
extractor and from the raw bytes, the rest of the text is still extractable, pixels are right."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2
import pytest
from helpers import WQY, entities, make_identity_h_pdf, pdf_document

from redact.publish import redact_file
from redact.publish.leakcheck import canon, check_pdf
from redact.publish.pdf import boxes_by_page

NAME, PHONE, ID = "张三丰", "13800138000", "350102199001011234"
BODY = "行政处罚决定书正文保留"


def all_texts(path: Path) -> list[str]:
    """The output as four extractors read it (pdfplumber raw chars, pypdfium2, pdftotext, pdfminer)."""
    from pdfminer.high_level import extract_text

    with pdfplumber.open(path) as pdf:
        plumber = "".join(c["text"] for p in pdf.pages for c in p.chars)
    doc = pypdfium2.PdfDocument(str(path))
    pdfium = "".join(p.get_textpage().get_text_range() for p in doc)
    doc.close()
    texts = [plumber, pdfium, extract_text(str(path))]
    if shutil.which("pdftotext"):
        texts.append(subprocess.run(["pdftotext", str(path), "-"], capture_output=True).stdout.decode())
    return [canon(t) for t in texts]


def assert_redacted(out: Path, secrets: list[str], kept: list[str]) -> None:
    for text in all_texts(out):
        for s in secrets:
            assert canon(s) not in text
        for k in kept:
            assert canon(k) in text
    raw = out.read_bytes()
    with pikepdf.open(out) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                raw += obj.read_bytes()
    for s in secrets:
        for enc in ("utf-8", "utf-16-be"):
            assert s.encode(enc) not in raw
    assert raw.count(b"%%EOF") >= 1 and out.read_bytes().count(b"%%EOF") == 1


def redact(path: Path, *values: tuple[str, str], masking: str = "full"):
    doc = pdf_document(path)
    out = path.with_name("out.pdf")
    result = redact_file(path, doc, entities(doc, *values), out, masking=masking)
    return out, result


@pytest.mark.parametrize("font", ["ttf", "cmap"])  # Identity-H embedded subset; UniGB-UCS2-H predefined CMap
def test_name_phone_id_removed_and_rest_kept(make_pdf, font):
    src = make_pdf(
        [[f"当事人{NAME}，电话{PHONE}。", f"身份证号{ID}。", BODY], ["第二页没有个人信息，只有正文。"]],
        font=font,
    )
    out, result = redact(src, ("PERSON", NAME), ("PHONE_NUMBER", PHONE), ("CN_RESIDENT_ID", ID))
    assert result.leak_check == "passed" and result.redacted == 3
    assert result.by_type == {"PERSON": 1, "PHONE_NUMBER": 1, "CN_RESIDENT_ID": 1}
    assert_redacted(out, [NAME, PHONE, ID], ["当事人", "电话", BODY, "第二页没有个人信息"])


def test_local_masking_keeps_surname_and_digits(make_pdf):
    src = make_pdf([[f"当事人{NAME}，电话{PHONE}，身份证号{ID}。"]])
    out, result = redact(
        src, ("PERSON", NAME), ("PHONE_NUMBER", PHONE), ("CN_RESIDENT_ID", ID), masking="local"
    )
    assert result.masks == {
        "PERSON": "local:surname",
        "PHONE_NUMBER": "local:3+4",
        "CN_RESIDENT_ID": "local:6+4",
    }
    assert_redacted(out, [NAME, PHONE, ID, "19900101"], ["当事人张", "电话138", "8000", "350102", "1234"])


def test_text_under_a_preexisting_black_box(make_pdf, fonts):
    def page(c):
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 770, f"申请人{NAME}已经提交材料。")
        c.rect(108, 765, 40, 16, fill=1)  # the classic "redaction" that leaves the glyphs

    src = make_pdf([page])
    out, _ = redact(src, ("PERSON", NAME))
    assert_redacted(out, [NAME], ["申请人", "已经提交材料"])


def test_fake_bold_duplicates_are_all_removed(make_pdf, fonts):
    def page(c):
        for dx in (0, 0.3):
            c.setFont(fonts["ttf"], 12)
            c.drawString(72 + dx, 770, f"抄送：{NAME}同志")

    src = make_pdf([page])
    out, _ = redact(src, ("PERSON", NAME))
    assert_redacted(out, [NAME, "张张三三"], ["抄送", "同志"])


def test_name_split_over_two_text_operators_with_kerning(make_pdf, fonts):
    def page(c):
        t = c.beginText(72, 770)
        t.setFont(fonts["cmap"], 12)
        t.textOut("被申请人张")
        t.textOut("三")
        c.drawText(t)
        c.setFont(fonts["cmap"], 12)
        font = c._doc.getInternalFontName(fonts["cmap"])  # kerning numbers inside the name (UCS-2 codes)
        c._code.append(f"BT 1 0 0 1 72 740 Tm {font} 12 Tf [<5f20> -120 <4e09> 40 <4e30>] TJ ET")
        t2 = c.beginText(72, 710)
        t2.setFont(fonts["cmap"], 12)
        t2.setCharSpace(3)
        t2.textOut("联系人张三丰到场")
        c.drawText(t2)

    src = make_pdf([page])
    doc = pdf_document(src)
    assert doc.text.count("张三") == 3
    out, _ = redact(src, ("PERSON", "张三"))
    assert_redacted(out, ["张三"], ["被申请人", "联系人", "到场"])


def test_image_under_a_box_is_painted(make_pdf, fonts, tmp_path):
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (200, 40), "white")
    ImageDraw.Draw(img).rectangle([0, 0, 200, 40], fill=(200, 0, 0))
    img_path = tmp_path / "seal.png"
    img.save(img_path)

    def page(c):
        c.drawImage(str(img_path), 100, 760, 100, 20)
        c.setFont(fonts["ttf"], 12)
        c.drawString(110, 765, NAME)
        c.drawString(72, 700, BODY)

    src = make_pdf([page])
    out, result = redact(src, ("PERSON", NAME))
    assert 1 in result.rasterized_pages
    assert_redacted(out, [NAME], [BODY])
    with pikepdf.open(out) as pdf:  # the original image stream is gone: only the rendered page image
        images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        assert len(images) == 1 and int(images[0].Width) > 1000


def test_metadata_in_every_place_is_dropped(make_pdf, tmp_path):
    src = make_pdf([[f"当事人{NAME}。", BODY]])
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [NAME]
        pdf.docinfo["/Author"] = NAME
        pdf.Root.Outlines = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines, Title=NAME))
        pdf.Root.OpenAction = pikepdf.Dictionary(
            S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{NAME}')")
        )
        pdf.attachments["note.txt"] = pikepdf.AttachedFileSpec(pdf, NAME.encode("utf-8"))
        annot = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Text,
            Rect=[0, 0, 10, 10],
            Contents=pikepdf.String(NAME),
        )
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(f"mailto:{PHONE}@example.cn")),
        )  # fmt: skip
        pdf.pages[0].Annots = pdf.make_indirect(
            pikepdf.Array([pdf.make_indirect(annot), pdf.make_indirect(link)])
        )
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), DA=pikepdf.String(NAME))
        pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Alt=pikepdf.String(NAME)))
        pdf.save(src)
    out, _ = redact(src, ("PERSON", NAME))
    assert_redacted(out, [NAME, PHONE], [BODY])
    with pikepdf.open(out) as pdf:
        assert set(pdf.Root.keys()) <= {"/Type", "/Pages"}
        assert "/Info" not in pdf.trailer and "/Annots" not in pdf.pages[0]


def test_incremental_save_leaves_one_revision(make_pdf):
    src = make_pdf([[f"旧版本当事人{NAME}。", BODY]])
    data = src.read_bytes()
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    with pikepdf.open(src) as pdf:
        size, root = int(pdf.trailer.Size), pdf.Root.objgen[0]
    obj = b"%d 0 obj\n<< /Title (rev2) /Author (x) >>\nendobj\n" % size
    xref = b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (size, len(data))
    trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size + 1, root, size, prev, len(data) + len(obj)
    )  # fmt: skip
    src.write_bytes(
        data + obj + xref + trailer
    )  # an incremental update: the first revision stays in the file
    assert src.read_bytes().count(b"%%EOF") == 2
    with pikepdf.open(src) as pdf:
        assert str(pdf.docinfo["/Title"]) == "rev2"
    out, _ = redact(src, ("PERSON", NAME))
    assert out.read_bytes().count(b"%%EOF") == 1
    assert_redacted(out, [NAME, "rev2"], [BODY])


def test_page_without_tounicode_is_rasterized(make_pdf, fonts):
    src = make_pdf([[f"当事人{NAME}。", BODY]])
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                del obj["/ToUnicode"]
        pdf.save(src)
    out = src.with_name("out.pdf")
    doc = pdf_document(make_pdf([[f"当事人{NAME}。", BODY]], name="twin.pdf"))  # layout as OCR would give
    result = redact_file(src, doc, entities(doc, ("PERSON", NAME)), out)
    assert result.rasterized_pages == (1,)
    assert_redacted(out, [NAME], [BODY])


def test_pixels_outside_boxes_unchanged_and_inside_filled(make_pdf):
    src = make_pdf([[f"当事人{NAME}，电话{PHONE}。", BODY, "此页其余部分保持原样。"]])
    doc = pdf_document(src)
    ents = entities(doc, ("PERSON", NAME))
    out = src.with_name("out.pdf")
    redact_file(src, doc, ents, out, masking="full")
    scale = 100 / 72
    before = pypdfium2.PdfDocument(str(src))[0].render(scale=scale).to_pil().convert("L")
    after = pypdfium2.PdfDocument(str(out))[0].render(scale=scale).to_pil().convert("L")
    assert before.size == after.size
    removed = range(ents[0].start, ents[0].end)
    (box,) = boxes_by_page(doc, removed)[1]
    x0, top, x1, bottom = (round(v * scale) for v in box)
    inside = [after.getpixel((x, y)) for x in range(x0 + 2, x1 - 2) for y in range(top + 2, bottom - 2)]
    assert max(inside) < 40  # filled black
    w, h = before.size
    diff = outside = 0
    for x in range(0, w, 2):
        for y in range(0, h, 2):
            if x0 - 3 <= x <= x1 + 3 and top - 3 <= y <= bottom + 3:
                continue
            outside += 1
            diff += abs(before.getpixel((x, y)) - after.getpixel((x, y))) > 60
    assert diff / outside < 0.002  # resampling noise only
    before_ink = sum(before.getpixel((x, y)) < 128 for x in range(0, w, 2) for y in range(0, h, 2))
    assert before_ink > 100  # the page has visible text that was kept


@pytest.mark.parametrize("font", ["ttf", "cmap"])
def test_gate_catches_box_drawn_over_text(make_pdf, fonts, font):
    def page(c):
        c.setFont(fonts[font], 12)
        c.drawString(72, 770, f"申请人{NAME}已经提交材料。")
        c.rect(108, 765, 40, 16, fill=1)

    leaky = make_pdf([page])
    report = check_pdf(leaky, [NAME], set(NAME))
    assert not report.passed
    for extractor in ("pdfminer_raw", "pypdfium2", "pdftotext", "pdftotext_raw"):
        assert report.hits[extractor] == 1
    if font == "cmap":  # UCS-2 codes: the value is in the content stream bytes as well
        assert report.hits["content_strings"] == 1
    assert report.problems["info_fields"] == 1  # reportlab wrote /Author and /Title
    assert NAME not in report.summary()


def font_residue(path: Path, chars: str) -> dict[str, int]:
    """How many ToUnicode entries and non-empty embedded glyphs still stand for ``chars``."""
    import io

    from fontTools.ttLib import TTFont

    from redact.publish.leakcheck import _tounicode_chars

    found = {"tounicode": 0, "glyphs": 0}
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                found["tounicode"] += len(set(chars) & _tounicode_chars(obj.ToUnicode.read_bytes()))
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
                font = TTFont(io.BytesIO(obj.FontFile2.read_bytes()))
                cmap = font.getBestCmap() or {}
                glyf = font["glyf"]
                found["glyphs"] += sum(
                    1 for c in chars if ord(c) in cmap and glyf[cmap[ord(c)]].numberOfContours != 0
                )
    return found


def test_identity_h_cid_font_uses_the_glyph_path_and_prunes_the_font(tmp_path):
    src = make_identity_h_pdf(tmp_path / "in.pdf", [f"当事人{NAME}，电话{PHONE}。", BODY])
    assert font_residue(src, NAME) == {"tounicode": 3, "glyphs": 3}
    out, result = redact(src, ("PERSON", NAME), ("PHONE_NUMBER", PHONE))
    assert result.rasterized_pages == ()  # glyphs removed from the content stream, not rasterized
    assert_redacted(out, [NAME, PHONE], ["当事人", "电话", BODY])
    assert font_residue(out, NAME) == {"tounicode": 0, "glyphs": 0}  # 张三丰 appear nowhere else


def test_predefined_cmap_and_simple_truetype_fonts_use_the_glyph_path(make_pdf):
    for font in ("ttf", "cmap"):
        src = make_pdf([[f"当事人{NAME}。", BODY]], name=f"{font}.pdf", font=font)
        out, result = redact(src, ("PERSON", NAME))
        assert result.rasterized_pages == ()
        assert_redacted(out, [NAME], ["当事人", BODY])
        assert font_residue(out, NAME)["tounicode"] == 0 and font_residue(out, NAME)["glyphs"] == 0


def test_a_font_used_only_for_the_secret_is_emptied(make_pdf, fonts):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("WqyBoldName", WQY, subfontIndex=0))

    def page(c):
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 770, "申请人")
        c.setFont("WqyBoldName", 12)
        c.drawString(108, 770, NAME)  # a separate font object holds only 张三丰
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 740, BODY)

    src = make_pdf([page])
    out, result = redact(src, ("PERSON", NAME))
    assert result.rasterized_pages == ()
    assert font_residue(out, NAME) == {"tounicode": 0, "glyphs": 0}
    assert_redacted(out, [NAME], ["申请人", BODY])


def test_glyph_path_pixels_identical_outside_boxes(tmp_path):
    src = make_identity_h_pdf(
        tmp_path / "in.pdf", [f"当事人{NAME}，电话{PHONE}。", BODY, "此页其余部分保持原样。"]
    )
    doc = pdf_document(src)
    ents = entities(doc, ("PERSON", NAME))
    out = tmp_path / "out.pdf"
    result = redact_file(src, doc, ents, out, masking="full")
    assert result.rasterized_pages == ()
    scale = 2
    before = pypdfium2.PdfDocument(str(src))[0].render(scale=scale).to_pil().convert("L")
    after = pypdfium2.PdfDocument(str(out))[0].render(scale=scale).to_pil().convert("L")
    ((x0, top, x1, bottom),) = (
        tuple(round(v * scale) for v in b) for b in boxes_by_page(doc, range(ents[0].start, ents[0].end))[1]
    )
    assert max(after.getpixel((x, y)) for x in range(x0 + 1, x1 - 1) for y in range(top + 1, bottom - 1)) < 20
    w, h = before.size
    changed = [
        (x, y)
        for x in range(w)
        for y in range(0, h, 1)
        if not (x0 - 2 <= x <= x1 + 2 and top - 2 <= y <= bottom + 2)
        and before.getpixel((x, y)) != after.getpixel((x, y))
    ]
    assert changed == []


@pytest.mark.parametrize("font", ["ttf", "cmap", "identity"])
def test_production_extract_layout_drives_the_glyph_path(make_pdf, tmp_path, font):
    from redact.extract import extract

    lines = [f"当事人{NAME}，电话{PHONE}。", BODY]
    src = (
        make_identity_h_pdf(tmp_path / "id.pdf", lines)
        if font == "identity"
        else make_pdf([lines], font=font)
    )
    doc = extract(src)
    out = tmp_path / "out.pdf"
    result = redact_file(src, doc, entities(doc, ("PERSON", NAME), ("PHONE_NUMBER", PHONE)), out)
    assert result.rasterized_pages == ()
    assert_redacted(out, [NAME, PHONE], ["当事人张", "电话138", BODY])


def test_text_inside_a_form_xobject_rasterizes_the_page(make_pdf, fonts):
    def page(c):
        c.beginForm("stamp")
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 770, f"经办人{NAME}")
        c.endForm()
        c.doForm("stamp")
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 740, BODY)

    src = make_pdf([page])
    out, result = redact(src, ("PERSON", NAME))
    assert result.rasterized_pages == (1,)
    assert_redacted(out, [NAME], ["经办人", BODY])


def test_rotated_page_is_redacted(make_pdf, fonts):
    def page(c):
        c.setPageRotation(90)  # reportlab also swaps the media box: 842 × 595, shown turned
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 500, f"当事人{NAME}签收。")
        c.drawString(72, 470, BODY)

    from redact.extract import extract

    src = make_pdf([page])
    doc = extract(src)
    out = src.with_name("out.pdf")
    result = redact_file(src, doc, entities(doc, ("PERSON", NAME)), out, masking="full")
    assert result.rasterized_pages == (1,)
    assert_redacted(out, [NAME], ["当事人", "签收", BODY])
    before = pypdfium2.PdfDocument(str(src))[0].render(scale=1).to_pil().convert("L")
    after = pypdfium2.PdfDocument(str(out))[0].render(scale=1).to_pil().convert("L")
    assert before.size == after.size  # displayed the same way round
    ent = entities(doc, ("PERSON", NAME))[0]
    for x0, top, x1, bottom in boxes_by_page(doc, range(ent.start, ent.end))[
        1
    ]:  # one box per glyph: vertical
        inside = [
            (x, y)
            for x in range(round(x0) + 1, round(x1) - 1)
            for y in range(round(top) + 1, round(bottom) - 1)
        ]
        assert max(after.getpixel(p) for p in inside) < 40  # filled where the name is shown
        assert min(before.getpixel(p) for p in inside) < 128  # and the name was shown there


def test_gap_is_one_number_per_removed_run(tmp_path):
    """No per-glyph positions inside the gap (glyph-position de-redaction): one TJ number per run."""
    src = make_identity_h_pdf(tmp_path / "in.pdf", [f"当事人{NAME}，电话{PHONE}。"])
    out, result = redact(src, ("PERSON", NAME), ("PHONE_NUMBER", PHONE))
    assert result.rasterized_pages == ()
    with pikepdf.open(out) as pdf:
        arrays = [ops[0] for ops, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "TJ"]
    strings = [x for arr in arrays for x in arr if isinstance(x, pikepdf.String)]
    assert len(strings) == 3  # 当事人 | ，电话 | 。
    numbers = [float(x) for arr in arrays for x in arr if not isinstance(x, pikepdf.String)]
    assert len(numbers) == 2 and all(n < -2000 for n in numbers)  # each gap ≥ 3 glyph widths, one number


def test_embedded_type1_outlines_rasterize_the_page(make_pdf, fonts):
    """Type1 /FontFile programs cannot be pruned glyph by glyph: the page is rasterized instead."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics

    folder = Path(reportlab.__file__).parent / "fonts"
    face = pdfmetrics.EmbeddedType1Face(str(folder / "_a______.afm"), str(folder / "_a______.pfb"))
    pdfmetrics.registerTypeFace(face)
    pdfmetrics.registerFont(pdfmetrics.Font("EmbeddedT1", face.name, "WinAnsiEncoding"))

    def page(c):
        c.setFont("EmbeddedT1", 12)
        c.drawString(72, 770, "Applicant: Zhang Sanfeng, passport E12345678.")
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 740, BODY)

    src = make_pdf([page])
    out, result = redact(src, ("PERSON", "Zhang Sanfeng"), ("PASSPORT", "E12345678"))
    assert result.rasterized_pages == (1,)
    assert_redacted(out, ["Zhang Sanfeng", "ZhangSanfeng", "E12345678"], ["Applicant", "passport", BODY])
    with pikepdf.open(out) as pdf:
        assert not any(isinstance(o, pikepdf.Dictionary) and "/FontFile" in o for o in pdf.objects)


def test_font_shared_with_a_form_keeps_the_form_text(make_pdf, fonts):
    """Pruning keeps every code still shown anywhere, including inside Form XObjects."""

    def page(c):
        if not c.hasForm("letterhead"):  # one form object, shown on both pages
            c.beginForm("letterhead")
            c.setFont(fonts["ttf"], 12)
            c.drawString(72, 800, "榕江市市场监督管理局三丰分局")  # shares 三 and 丰 with the name
            c.endForm()
        c.doForm("letterhead")
        c.setFont(fonts["ttf"], 12)
        c.drawString(72, 770, f"当事人{NAME}。")

    src = make_pdf([page, page])
    out, result = redact(src, ("PERSON", NAME))
    assert result.rasterized_pages == ()
    assert_redacted(out, [NAME], ["榕江市市场监督管理局三丰分局", "当事人"])
    assert font_residue(out, "张") == {"tounicode": 0, "glyphs": 0}
