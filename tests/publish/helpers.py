"""Builders for the adversarial files of the leak table, and a minimal Document builder.

The production path takes its layout from ``redact.extract``; these tests build the same shape
(one ``PdfChar`` per character from ``page.dedupe_chars()``, one ``DocxChar`` per ``w:t``
character, ``TxtChar`` per character) so every publish test runs on its own.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber
from lxml import etree

from redact.document import Document, DocxChar, Entity, Page, PdfChar, TxtChar, sha256_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def pdf_document(path: Path) -> Document:
    text: list[str] = []
    layout: list = []
    pages = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            start = len(text)
            prev = None
            for ch in page.dedupe_chars().chars:
                if prev is not None and abs(ch["top"] - prev["top"]) > 2:
                    text.append("\n")
                    layout.append(None)
                text.append(ch["text"])
                layout.append(PdfChar(n, ch["x0"], ch["top"], ch["x1"], ch["bottom"]))
                prev = ch
            text.append("\n")
            layout.append(None)
            pages.append(
                Page(n, start, len(text), float(page.width), float(page.height), start == len(text) - 1)
            )
    return Document(sha256_file(path), str(path), "pdf", "".join(text), tuple(layout), tuple(pages))


def docx_document(path: Path) -> Document:
    """Visible text of body/header/footer/footnote parts: w:t outside w:del/moveFrom/mc:Fallback."""
    text: list[str] = []
    layout: list = []
    with zipfile.ZipFile(path) as zf:
        parts = sorted(
            n
            for n in zf.namelist()
            if re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", n)
        )
        for part in parts:
            root = etree.fromstring(zf.read(part))
            nodes = list(root.iter(W + "t"))  # keeps the proxies alive so they stay valid keys
            index = {t: k for k, t in enumerate(nodes)}
            for pi, p in enumerate(root.iter(W + "p")):
                for t in p.iter(W + "t"):
                    if any(a.tag.endswith(("}del", "}moveFrom", "}Fallback")) for a in t.iterancestors()):
                        continue
                    if t.getparent() is not None and _enclosing_p(t) is not p:
                        continue
                    for ci, c in enumerate(t.text or ""):
                        text.append(c)
                        layout.append(DocxChar(part, pi, index[t], ci))
                text.append("\n")
                layout.append(None)
    body = "".join(text)
    return Document(sha256_file(path), str(path), "docx", body, tuple(layout), (Page(1, 0, len(body)),))


def _enclosing_p(el):
    for a in el.iterancestors():
        if a.tag == W + "p":
            return a
    return None


def txt_document(path: Path, encoding: str = "utf-8") -> Document:
    body = path.read_bytes().decode(encoding)
    layout = []
    for ln, line in enumerate(body.split("\n"), 1):
        layout.extend(TxtChar(ln, col) for col in range(1, len(line) + 1))
        layout.append(TxtChar(ln, len(line) + 1))
    return Document(
        sha256_file(path),
        str(path),
        "txt",
        body,
        tuple(layout[: len(body)]),
        (Page(1, 0, len(body)),),
        encoding=encoding,
    )


def entities(doc: Document, *values: tuple[str, str]) -> list[Entity]:
    """Every occurrence of each (type, value) in the document text."""
    out = []
    for etype, value in values:
        for m in re.finditer(re.escape(value), doc.text):
            out.append(Entity(etype, m.start(), m.end(), value, 0.99, "test"))
    assert out, "the test value must occur in the document"
    return out


# ------------------------------------------------------------------- an adversarial DOCX

NAME, PHONE, ID, EMAIL = "张三丰", "13800138000", "350102199001011234", "zsf@example.cn"
DELETED, AUTHOR = "李四光", "王五"
KEPT = ("行政处罚决定书", "申请人", "提交材料", "联系人", "代理人", "页眉", "页脚", "脚注", "文本框", "表格")

_BODY = f"""
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>申请人张</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>三</w:t></w:r><w:r><w:t>丰提交材料。</w:t></w:r></w:p>
<w:p><w:del w:id="91" w:author="{AUTHOR}" w:date="2019-05-15T00:00:00Z"><w:r><w:delText>原联系人{DELETED}</w:delText></w:r></w:del><w:ins w:id="92" w:author="{AUTHOR}" w:date="2019-05-15T00:00:00Z"><w:r><w:t>联系人{NAME}</w:t></w:r></w:ins><w:moveFrom w:id="93" w:author="{AUTHOR}"><w:r><w:t>{DELETED}</w:t></w:r></w:moveFrom></w:p>
<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏{DELETED}</w:t></w:r><w:r><w:t>可见正文。</w:t></w:r></w:p>
<w:sdt><w:sdtPr><w:alias w:val="{NAME}"/><w:tag w:val="{NAME}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>代理人{NAME}</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:hyperlink r:id="rIdMail"><w:r><w:t>邮箱{EMAIL}</w:t></w:r></w:hyperlink></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://gov.example.cn/q?id={ID}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>身份证号{ID}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:fldSimple w:instr=" MERGEFIELD {NAME} "><w:r><w:t>电话{PHONE}</w:t></w:r></w:fldSimple><w:r><w:footnoteReference w:id="2"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1828800" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="5" name="文本框 5" descr="{NAME}的照片" title="{NAME}"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框{NAME}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="tb5" type="#_x0000_t202" alt="{NAME}"><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框{NAME}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:bookmarkStart w:id="7" w:name="{NAME}"/><w:r><w:t>行政处罚决定书</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>
"""

_FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>脚注：当事人{NAME}，电话</w:t></w:r><w:r><w:t>{PHONE[:5]}</w:t></w:r><w:r><w:t>{PHONE[5:]}</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

_PEOPLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="{AUTHOR}"><w15:presenceInfo w15:providerId="None" w15:userId="{AUTHOR}"/></w15:person></w15:people>"""

_CUSTOM = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="承办人"><vt:lpwstr>{AUTHOR}</vt:lpwstr></property></Properties>"""


def make_adversarial_docx(path: Path) -> Path:
    """A DOCX with the secret in every place of the leak table (see KEPT for text that must stay)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    d = docx.Document()
    d.core_properties.author = AUTHOR
    d.core_properties.last_modified_by = AUTHOR
    d.core_properties.title = f"{NAME}处罚决定"
    d.core_properties.comments = f"{NAME}"
    d.add_paragraph("表格之前的正文。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "表格当事人"
    table.cell(0, 1).text = f"{NAME}，{ID}"
    run = d.add_paragraph("批注所在段落。").runs[0]
    d.add_comment(run, text=f"请核实{DELETED}的电话{PHONE}", author=AUTHOR, initials="WW")
    section = d.sections[0]
    section.header.paragraphs[0].text = f"页眉 {NAME} {PHONE}"
    section.footer.paragraphs[0].text = f"页脚 {ID}"
    d.part.relate_to(f"mailto:{EMAIL}", RT.HYPERLINK, is_external=True)
    rid_mail = next(
        r for r, rel in d.part.rels.items() if rel.is_external and rel.target_ref.startswith("mailto:")
    )
    d.save(path)

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    doc_xml = parts["word/document.xml"].decode()
    body = _BODY.replace("rIdMail", rid_mail)
    doc_xml = doc_xml.replace("<w:sectPr", body + "<w:sectPr", 1)
    parts["word/document.xml"] = doc_xml.encode()
    parts["word/footnotes.xml"] = _FOOTNOTES.encode()
    parts["word/people.xml"] = _PEOPLE.encode()
    parts["docProps/custom.xml"] = _CUSTOM.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="rIdPpl" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>'
        "</Relationships>",
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    root_rels = (
        parts["_rels/.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdCu" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
        )
    )
    parts["_rels/.rels"] = root_rels.encode()
    ct = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
            '<Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>'
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
        )
    )
    parts["[Content_Types].xml"] = ct.encode()
    settings = parts["word/settings.xml"].decode()
    settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdTpl"/>', settings, count=1)
    if "xmlns:r=" not in settings.split(">", 2)[1]:
        settings = settings.replace(
            "<w:settings ",
            '<w:settings xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1,
        )
    parts["word/settings.xml"] = settings.encode()
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdTpl" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Users/{AUTHOR}/Templates/Normal.dotm" TargetMode="External"/></Relationships>'
    ).encode()
    app = parts["docProps/app.xml"].decode()
    app = app.replace(
        "</Properties>", f"<Company>{AUTHOR}工作室</Company><Manager>{AUTHOR}</Manager></Properties>"
    )
    parts["docProps/app.xml"] = app.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def make_identity_h_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF whose text uses a Type0 / Identity-H CIDFontType2 with ToUnicode (as Word/WPS export),
    written by pdfium from a TrueType subset of WenQuanYi Zen Hei."""
    import ctypes
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    font = TTCollection(WQY).fonts[0]
    subsetter = subset.Subsetter(subset.Options())
    subsetter.populate(unicodes={ord(c) for c in "".join(lines)})
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    font_handle = raw.FPDFText_LoadFont(
        pdf.raw, (ctypes.c_uint8 * len(data)).from_buffer_copy(data), len(data), raw.FPDF_FONT_TRUETYPE, True
    )
    for k, line in enumerate(lines):
        obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font_handle, 12.0)
        encoded = line.encode("utf-16-le") + b"\0\0"
        raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, 770 - 24 * k)
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    return path
