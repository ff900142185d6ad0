"""Split a 公文 into its GB/T 9704 zones, with offsets, by line heuristics.

Real drafts are messy (no 版头, no 版记, a bare body): every zone is optional and the
splitter never fails; whatever is not recognised stays in 正文. Works on the simplified,
width-folded text (same length as the original, so offsets are valid in both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Zone names in document order (GB/T 9704-2012), as the JSON and tests spell them.
ZONE_NAMES: tuple[str, ...] = (
    "份号",
    "密级和保密期限",
    "紧急程度",
    "发文机关标志",
    "发文字号",
    "标题",
    "主送机关",
    "正文",
    "附件说明",
    "署名",
    "成文日期",
    "附注",
    "抄送",
    "印发机关和日期",
)

_SERIAL = re.compile(r"^\d{6}$")
_SECRET = re.compile(r"^(?:\d{6}\s*)?(绝密|机密|秘密)\s*(★\s*\d+\s*(年|个月)|★)?\s*$")
_URGENCY = re.compile(r"^(特急|加急|特提|平急)\s*$")
_DOCNO = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[(【]\s*\d{4}\s*[〕\])】]\s*\d+\s*号")
_DOCNO_ANY = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(【]\d{4}[〕\])】]\d+号")
_ISSUER = re.compile(r"(文件|人民政府|委员会|办公室|办公厅|局|厅|部|委)$")
_DATE = re.compile(
    r"^\s*(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月\s*[\d〇一二三四五六七八九十]{1,3}\s*日\s*$"
)
_ATTACH = re.compile(r"^附\s*件\s*[:：\d]")
_CC = re.compile(r"^抄\s*送\s*[:：]")
_PRINTED = re.compile(r"印发\s*$|印发\s*[)）]?\s*$|^\S.{0,40}\d{4}年\d{1,2}月\d{1,2}日\s*印发")
_NOTE = re.compile(r"^[(（].{2,80}[)）]$")
_TITLE_END = re.compile(
    r"(的?(请示|批复|通知|通报|报告|决定|决议|意见|公告|通告|公报|函|纪要|命令|议案|办法|规定|细则|方案|规划|指南|决定书|告知书|年度报告|须知|说明|公示|通知书|令|安排表|值班表))"
    r"(\s*[(（][^()（）]{1,12}[)）])?$"
)
_SENTENCE_END = re.compile(r"[。；;！!？?]$")
_KEY_VALUE = re.compile(r"[:：]|^\d{4}[-年/.]\d{1,2}")  # "发布机构：…", dates: page metadata, not a title


#: Lines a 政务公开 web page wraps around a document: site name, breadcrumb, page metadata, tool
#: links, footer. They are not part of the 公文; left in, they push the 密级 mark out of the 版头
#: window and the 附注 out of the closing lines. "公开方式：…" and "文号：…" are kept (they inform).
_CHROME = re.compile(
    r"^(?:"
    r"(?:当前位置|您(?:现在)?的?位置|你(?:现在)?的?位置|所在位置)\s*[:>]?.*"
    r"|首页\s*(?:>|»|›|\||/|-|→).*"
    r"|[^\s]{2,30}(?:门户网站|政府网|人民政府网)"
    r"|(?:索引号|信息分类|主题分类|组配分类|体裁分类|服务对象分类|发布机构|生成日期|发布日期|发布时间|信息来源|来源"
    r"|浏览次数|访问次数|点击(?:数|率|次数|量)|阅读(?:次数|量)|责任编辑|编辑|作者|字号|有效性|时效性|分享到)\s*[:：].*"
    r"|(?:[【\[]\s*(?:字体|字号|打印|关闭|收藏|分享|返回顶部|大|中|小)[^】\]\n]{0,20}[】\]]\s*)+"
    r"|(?:打印本页|关闭窗口|返回顶部|扫一扫|分享到|字体\s*:?\s*大\s*中\s*小)(?:[\s|　]*\S{0,8})*"
    r"|(?:相关链接|主办单位|主办|承办|承办单位|版权所有|网站标识码|技术支持|联系我们|网站地图)\s*[:：].*"
    r"|.{0,60}(?:ICP备|公网安备|网站标识码).*"
    r")$"
)

_INFORMS = re.compile(r"公开(方式|属性|选项|类型|形式|类别)|文号|此件")


def blank_page_chrome(text: str) -> str:
    """``text`` with web-page chrome lines replaced by spaces (same length: offsets stay valid)."""
    out = []
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip() and _CHROME.match(body.strip()) and not _INFORMS.search(body):
            raw = " " * len(body) + raw[len(body) :]
        out.append(raw)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Zones:
    """Offsets ``(start, end)`` of each zone found; ``title`` is the title string (may be empty)."""

    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    title: str = ""

    def get(self, name: str) -> tuple[int, int] | None:
        return self.spans.get(name)

    def to_dict(self) -> dict[str, list[int]]:
        return {k: [s, e] for k, (s, e) in self.spans.items()}


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Non-empty lines as (start, end, stripped text) with offsets of the stripped part."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return out


def _is_title_line(s: str) -> bool:
    return (
        len(s) <= 60 and not _SENTENCE_END.search(s) and (s.startswith("关于") or bool(_TITLE_END.search(s)))
    )


def split_zones(text: str) -> Zones:
    """Find the GB/T 9704 zones of ``text`` (simplified, width-folded); absent zones are omitted."""
    lines = _lines(text)
    spans: dict[str, tuple[int, int]] = {}
    if not lines:
        return Zones()
    i = 0
    # --- 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号 (only in the first few lines) ---
    while i < min(len(lines), 8):
        s, e, t = lines[i]
        if "份号" not in spans and _SERIAL.match(t):
            spans["份号"] = (s, e)
        elif "密级和保密期限" not in spans and _SECRET.match(t):
            m = _SECRET.match(t)
            assert m is not None
            lead = m.start(1)
            spans["密级和保密期限"] = (s + lead, e)
            if lead and "份号" not in spans:
                spans["份号"] = (s, s + 6)
        elif "紧急程度" not in spans and _URGENCY.match(t):
            spans["紧急程度"] = (s, e)
        elif "发文字号" not in spans and _DOCNO.match(t):
            m = _DOCNO.match(t)
            assert m is not None
            spans["发文字号"] = (s, s + m.end())
        elif (
            "发文机关标志" not in spans
            and "发文字号" not in spans
            and len(t) <= 40
            and _ISSUER.search(t)
            and not _KEY_VALUE.search(t)
            and not t.startswith("关于")
            and not _is_title_line(t)
        ):
            spans["发文机关标志"] = (s, e)
        elif t.startswith(("签发人", "签 发 人")):
            pass
        else:
            break
        i += 1
    # --- 标题: up to three lines, the first that looks like a title (else the first short line) ---
    title_parts: list[tuple[int, int, str]] = []
    j = i
    while j < min(len(lines), i + 8):
        if _is_title_line(lines[j][2]) or (
            lines[j][2].startswith("关于") and not _SENTENCE_END.search(lines[j][2])
        ):
            break
        j += 1
    if j < len(lines) and j < i + 8:
        # a wrapped title whose first line(s) do not look like a title ("…2023年政" / "府信息公开…")
        for p in range(max(i, j - 2), j):
            if (
                len(lines[p][2]) <= 40
                and not _SENTENCE_END.search(lines[p][2])
                and not _KEY_VALUE.search(lines[p][2])
            ):
                title_parts.append(lines[p])
            else:
                title_parts.clear()
        title_parts.append(lines[j])
        k = j + 1
        # a title wrapped over two or three lines: continue while the title is not complete
        while (
            k < len(lines)
            and len(title_parts) < 3
            and not _TITLE_END.search(title_parts[-1][2])
            and len(lines[k][2]) <= 40
            and not lines[k][2].endswith((":", "："))
            and not _SENTENCE_END.search(lines[k][2])
        ):
            title_parts.append(lines[k])
            k += 1
        i = k
    elif i < len(lines) and len(lines[i][2]) <= 40 and not _SENTENCE_END.search(lines[i][2]):
        title_parts.append(lines[i])
        i += 1
        # a title cut by the PDF line width ("…经费的请" / "示"): take the next short line(s) only if
        # together they end like a title
        while (
            i < len(lines)
            and len(title_parts) < 3
            and len(lines[i][2]) <= 40
            and not lines[i][2].endswith((":", "："))
            and not _SENTENCE_END.search(lines[i][2])
            and _TITLE_END.search("".join(p[2] for p in title_parts) + lines[i][2])
        ):
            title_parts.append(lines[i])
            i += 1
    title = ""
    if title_parts:
        spans["标题"] = (title_parts[0][0], title_parts[-1][1])
        title = "".join(p[2] for p in title_parts)
    # --- 主送机关: the line after the title that ends with a colon ---
    if i < len(lines):
        s, e, t = lines[i]
        if t.endswith((":", "：")) and len(t) <= 120 and "。" not in t:
            spans["主送机关"] = (s, e)
            i += 1
    body_start = i
    # --- 版记 and the end matter, scanning from the end ---
    end = len(lines)
    for k in range(len(lines) - 1, body_start - 1, -1):
        t = lines[k][2]
        if "印发机关和日期" not in spans and _PRINTED.search(t) and len(t) <= 60:
            spans["印发机关和日期"] = (lines[k][0], lines[k][1])
            end = k
        elif "抄送" not in spans and _CC.match(t):
            spans["抄送"] = (lines[k][0], lines[k][1])
            end = k
        elif k >= len(lines) - 4 and set(t) <= set("-—_─━ "):
            end = k
    date_k = None
    for k in range(end - 1, max(body_start - 1, end - 7), -1):
        if _DATE.match(lines[k][2]):
            date_k = k
            break
    if date_k is not None:
        spans["成文日期"] = (lines[date_k][0], lines[date_k][1])
        # 附注: parenthesised lines right after the date
        notes = [ln for ln in lines[date_k + 1 : end] if _NOTE.match(ln[2])]
        if notes:
            spans["附注"] = (notes[0][0], notes[-1][1])
        # 署名: up to two short lines right before the date
        k = date_k - 1
        sig: list[tuple[int, int, str]] = []
        while (
            k >= body_start
            and len(sig) < 2
            and len(lines[k][2]) <= 30
            and not _SENTENCE_END.search(lines[k][2])
        ):
            if _ATTACH.match(lines[k][2]) or re.match(r"^\d+[.．、]", lines[k][2]):
                break
            sig.insert(0, lines[k])
            k -= 1
        if sig:
            spans["署名"] = (sig[0][0], sig[-1][1])
        body_end = k + 1
    else:
        body_end = end
        notes = [ln for ln in lines[body_start:end][-3:] if _NOTE.match(ln[2]) and "此件" in ln[2]]
        if notes:
            spans["附注"] = (notes[0][0], notes[-1][1])
            body_end = min(body_end, lines.index(notes[0]))
    # --- 附件说明: "附件：" lines inside the body end ---
    for k in range(body_start, body_end):
        if _ATTACH.match(lines[k][2]):
            last = k
            while last + 1 < body_end and re.match(r"^\d+[.．、]", lines[last + 1][2]):
                last += 1
            spans["附件说明"] = (lines[k][0], lines[last][1])
            body_end = k
            break
    if body_start < body_end:
        spans["正文"] = (lines[body_start][0], lines[body_end - 1][1])
    ordered = {name: spans[name] for name in ZONE_NAMES if name in spans}
    return Zones(ordered, title)


def docno(text: str) -> tuple[int, int] | None:
    """The first 发文字号 anywhere (used when the 版头 is missing)."""
    m = _DOCNO_ANY.search(text)
    return (m.start(), m.end()) if m else None
