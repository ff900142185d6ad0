"""Suggest the disclosure attribute of a document, with legal reasons and evidence spans.

Order of decision (shared/docs/disclosure-law.md §2): a hard stop (密级, 内部资料) decides;
else the highest-priority decisive rule (请示, 执法案卷, 处罚决定书, 过程稿…); else the cues,
the 文种 prior, the learned model and the "公开为常态" default are summed as log-odds. A label
written in the draft (R4) is read and checked against the content: hard or decisive content that
disagrees raises ``conflict`` and both sides go into the reasons.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from redact.classify.model import LABELS, AttributeModel, load_model
from redact.classify.rules import DocType, Rule, RuleSet, load_rules
from redact.classify.zones import Zones, blank_page_chrome, docno, split_zones
from redact.document import Attribute, Document, Entity, Reason, normalize_width
from redact.settings import Settings
from redact.zh import to_simplified

#: How much the model's log-probability counts against one unit of rule weight.
MODEL_WEIGHT = 1.5
#: Extra log-odds for a label written in the draft (when no hard/decisive rule disagrees).
DECLARED_WEIGHT = 3.0
PARTIAL_BASIS = "《政府信息公开条例》第三十七条"
MODEL_BASIS = "《政府信息公开条例》第十六条（模型依据相似文稿提示，理由须由审核人确认）"
ENTITY_ZH = {
    "PERSON": "姓名",
    "CN_RESIDENT_ID": "身份证号",
    "PHONE_NUMBER": "电话",
    "EMAIL_ADDRESS": "电子邮箱",
    "ADDRESS": "住址",
    "BANK_CARD": "银行卡号",
    "LICENSE_PLATE": "车牌号",
    "DATE_OF_BIRTH": "出生日期",
}
NON_PUBLIC_LABELS = ("on_request", "non_public")


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that fired, where, and with what weight."""

    rule: Rule
    start: int
    end: int
    weight: float
    more: tuple[tuple[int, int], ...] = ()  # further evidence spans (other signals of the same rule)


def _short_lines(text: str, max_len: int) -> list[tuple[int, int]]:
    """Spans of non-empty lines that look like marks, not sentences (short, no 。；at the end)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n").strip()
        if body:
            start = raw.index(body[0])
            is_mark = len(body) <= max_len and not body.endswith(("。", ";", "；"))
            spans.append((pos + start, pos + start + len(body)) if is_mark else (-1, -1))
        pos += len(raw)
    return spans


def scopes(text: str, zones: Zones) -> dict[str, list[tuple[int, int]]]:
    """The text windows each rule scope searches (absent zones fall back sensibly)."""
    z = zones.spans
    head = [z[n] for n in ("份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号") if n in z]
    head += [span for span in _short_lines(text[:600], 50)[:4] if span[0] >= 0]
    end = [z[n] for n in ("署名", "成文日期", "附注", "抄送", "印发机关和日期") if n in z]
    offset = max(0, len(text) - 600)
    end += [(a + offset, b + offset) for a, b in _short_lines(text[offset:], 60)[-3:] if a >= 0]
    return {
        "head": head,
        "title": [z["标题"]] if "标题" in z else [],
        "addressee": [z["主送机关"]] if "主送机关" in z else [],
        "body": [z["正文"]] if "正文" in z else [(0, len(text))],
        "end": end,
        "all": [(0, len(text))],
    }


_SPACED = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")  # "行 政 处 罚 决 定 书", "通  告"


def _search(rx: re.Pattern[str], stext: str, a: int, b: int) -> tuple[int, int] | None:
    """Search ``stext[a:b]``; a window over several lines (a wrapped title) is searched joined."""
    window = stext[a:b]
    if "\n" not in window and "  " not in window and not _SPACED.search(window):
        m = rx.search(window)
        return (a + m.start(), a + m.end()) if m and m.end() > m.start() else None
    keep = [i for i, ch in enumerate(window) if ch not in " \t\r\n"]
    m = rx.search("".join(window[i] for i in keep))
    if not m or m.end() <= m.start():
        return None
    return a + keep[m.start()], a + keep[m.end() - 1] + 1


_BLANK = re.compile(r"[ \t\r\n]+")


class Joined:
    """The text with line breaks and spaces removed, built once per document on demand: a PDF text
    layer breaks sentences at the line width ("妥否，请批" / "示"), so the rules that decide
    (hard, decisive) search it too, mapping matches back to offsets in the text."""

    def __init__(self, stext: str) -> None:
        self.stext = stext
        self._text: str | None = None
        self._keep: list[int] | None = None
        self._lost: dict[int, int] = {}

    def _to_joined(self, pos: int) -> int:
        """Offset in the joined text of ``stext[pos]`` (blanks before it are dropped)."""
        if pos not in self._lost:
            self._lost[pos] = pos - len(_BLANK.sub("", self.stext[:pos]))
        return pos - self._lost[pos]

    def _to_text(self, k: int) -> int:
        if self._keep is None:  # only when something matched: rare
            self._keep = [i for i, ch in enumerate(self.stext) if ch not in " \t\r\n"]
        return self._keep[k]

    def search(self, rx: re.Pattern[str], a: int = 0, b: int | None = None) -> tuple[int, int] | None:
        if "\n" not in self.stext:
            return None
        if self._text is None:
            self._text = _BLANK.sub("", self.stext)
        lo = self._to_joined(a) if a else 0
        hi = len(self._text) if b is None or b >= len(self.stext) else self._to_joined(b)
        m = rx.search(self._text, lo, hi)
        if not m or m.end() <= m.start():
            return None
        return self._to_text(m.start()), self._to_text(m.end() - 1) + 1


def _fire(
    rule: Rule,
    stext: str,
    windows: dict[str, list[tuple[int, int]]],
    doc_type: str | None,
    joined: Joined | None = None,
) -> Hit | None:
    if rule.doc_types and doc_type not in rule.doc_types:
        return None
    if doc_type is not None and doc_type in rule.not_doc_types:
        return None
    deciding = rule.kind in ("hard", "decisive")
    if deciding and joined is None:
        joined = Joined(stext)
    spans: list[tuple[int, int]] = []
    weight = 0.0
    for sig in rule.signals:
        for a, b in windows[sig.scope]:
            compact = sig.scope in ("title", "head")
            span = _search(sig.regex, stext, a, b) if compact else None
            if not compact:
                m = sig.regex.search(stext[a:b])
                span = (a + m.start(), a + m.end()) if m and m.end() > m.start() else None
                if span is None and deciding and joined is not None:
                    span = joined.search(sig.regex, a, b)
            if span:
                if all(span[1] <= s or span[0] >= e for s, e in spans):
                    spans.append(span)
                weight = max(weight, sig.weight if sig.weight is not None else rule.weight)
                break
    if not spans:
        return None
    if any(u.search(stext) for u in rule.unless_re):
        return None
    if not all(r.search(stext) or (deciding and joined and joined.search(r)) for r in rule.requires_re):
        return None
    return Hit(rule, spans[0][0], spans[0][1], weight, tuple(spans[1:3]))


def detect_doc_type(stext: str, zones: Zones, types: Sequence[DocType]) -> tuple[DocType, int, int] | None:
    """The 文种 from the title (or the first lines), with the span that shows it."""
    title = zones.get("标题")
    if title:
        a, b = title
        for dt in types:
            for rx in dt.title_re:
                span = _search(rx, stext, a, b)
                if span:
                    return dt, span[0], span[1]
    for dt in types:
        for rx in dt.text_re:
            m = rx.search(stext)
            if m:
                return dt, m.start(), m.end()
    return None


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _softmax(logits: dict[str, float]) -> dict[str, float]:
    top = max(logits.values())
    exps = {k: math.exp(v - top) for k, v in logits.items()}
    total = sum(exps.values())
    return {k: v / total for k, v in exps.items()}


class Classifier:
    """Rules + model, built once; ``classify(doc)`` is pure."""

    def __init__(
        self, rules: RuleSet, model: AttributeModel | None = None, today: date | None = None
    ) -> None:
        self.rules = rules
        self.model = model
        self.today = today
        self._by_kind: dict[str, list[Rule]] = {}
        for r in rules.rules:
            self._by_kind.setdefault(r.kind, []).append(r)

    # --- public API ---

    def classify(self, doc: Document) -> Document:
        """The document with ``attribute`` filled in (personal-data entities feed 区分处理)."""
        return replace(doc, attribute=self.classify_text(doc.text, doc.entities))

    def classify_text(self, text: str, entities: Iterable[Entity] = ()) -> Attribute:
        stext = blank_page_chrome(normalize_width(to_simplified(text)))
        zones = split_zones(stext)
        windows = scopes(stext, zones)
        found = detect_doc_type(stext, zones, self.rules.doc_types)
        doc_type = found[0].name if found else None
        joined = Joined(stext)
        hits = [h for r in self.rules.rules if (h := _fire(r, stext, windows, doc_type, joined))]
        return self._decide(text, stext, zones, found, hits, list(entities))

    # --- decision ---

    def _decide(
        self,
        text: str,
        stext: str,
        zones: Zones,
        found: tuple[DocType, int, int] | None,
        hits: list[Hit],
        entities: list[Entity],
    ) -> Attribute:
        rs = self.rules
        kind = {
            k: [h for h in hits if h.rule.kind == k]
            for k in ("hard", "decisive", "declared", "cue", "redaction")
        }
        doc_type = found[0].name if found else None
        protected = doc_type in rs.protected_doc_types or any(h.rule.id in rs.protected_rules for h in hits)

        logits = dict.fromkeys(LABELS, 0.0)
        logits[rs.default.label] += rs.default.weight
        if found:
            logits[found[0].prior] += found[0].weight
        for h in kind["cue"] + kind["redaction"]:
            if h.rule.label:
                logits[h.rule.label] += h.weight
        model_p: dict[str, float] | None = None
        if self.model is not None and not (kind["hard"] or kind["decisive"]):  # rules already decide
            model_p = self.model.proba(stext)
            for lab in LABELS:
                logits[lab] += MODEL_WEIGHT * math.log(max(model_p[lab], 1e-4))
        soft = _softmax(logits)

        # content label: hard > decisive > soft evidence
        deciding: Hit | None = None
        if kind["hard"]:
            deciding = max(kind["hard"], key=lambda h: h.rule.priority)
        elif kind["decisive"]:
            deciding = max(kind["decisive"], key=lambda h: h.rule.priority)
        if deciding is not None:
            content = deciding.rule.label
            assert content is not None
            conf = deciding.rule.confidence
        else:
            content = max(soft, key=soft.__getitem__)
            conf = soft[content]
            if protected and content == "non_public":
                content, conf = "public", max(soft["public"], 0.6)
            supported = any(h.rule.label == content for h in kind["cue"] + kind["redaction"]) or (
                found is not None and found[0].prior == content
            )
            if content in NON_PUBLIC_LABELS and not supported:
                # principle (a): withholding needs a cited ground and evidence, not only a model score
                content, conf = rs.default.label, max(soft[rs.default.label], 0.5)

        declared_hit = max(kind["declared"], key=lambda h: h.start) if kind["declared"] else None
        declared = declared_hit.rule.label if declared_hit else None
        label, conflict = content, False
        if declared is not None and declared != content:
            both_withheld = declared in NON_PUBLIC_LABELS and content in NON_PUBLIC_LABELS
            if deciding is not None:
                yields = (
                    deciding.rule.kind == "decisive"
                    and deciding.rule.discretionary
                    and not deciding.rule.keep_over_declared
                )
                if both_withheld and deciding.rule.discretionary:
                    label = declared  # Art. 16 is discretionary: the drafter's lawful choice stands
                elif declared == "public" and yields:
                    label, conflict = declared, True  # published by choice; the reviewer sees both sides
                    with_decl = dict(logits)
                    with_decl[declared] += DECLARED_WEIGHT
                    conf = min(_softmax(with_decl)[declared], 1 - deciding.rule.confidence + 0.5)
                else:
                    conflict = True
            elif protected and declared == "non_public":
                conflict = True
            else:
                label = declared
                with_decl = dict(logits)
                with_decl[declared] += DECLARED_WEIGHT
                conf = _softmax(with_decl)[declared]
        elif declared is not None and deciding is None:
            with_decl = dict(logits)
            with_decl[declared] += DECLARED_WEIGHT
            conf = _softmax(with_decl)[declared]

        reasons = self._reasons(text, label, deciding, found, hits, declared_hit)
        red_entities = [e for e in entities if e.action == "redact"]
        needs_redaction = bool(
            red_entities or kind["redaction"] or (declared_hit and declared_hit.rule.needs_redaction)
        )
        if needs_redaction:
            reasons.append(self._partial_reason(text, red_entities, kind["redaction"], declared_hit))
        if label in NON_PUBLIC_LABELS and not any(
            r.label == label and r.start is not None and "条" in r.basis for r in reasons
        ):
            reasons.append(self._fallback_reason(text, stext, label))
        if not reasons:
            reasons.append(self._default_reason(text, zones))

        supporting = [h for h in hits if h.rule.label == label and h.rule.kind != "redaction"]
        discretionary = (
            label in NON_PUBLIC_LABELS
            and bool(supporting)
            and all(h.rule.discretionary for h in supporting if h.rule.kind != "declared")
            and not any(h.rule.id == "R1" for h in hits)
        )
        human_review = any(h.rule.human_review for h in hits)
        extra: dict[str, object] = {
            "zones": zones.to_dict(),
            "title": zones.title or None,
            "annotation": rs.annotations[label],
            "discretionary": discretionary,
            "human_review": human_review,
            "review_date": None,
            "scores": {k: round(v, 4) for k, v in soft.items()},
            "model": {k: round(v, 4) for k, v in model_p.items()} if model_p else None,
            "rules_version": rs.version,
        }
        if label == "non_public":
            extra["review_date"] = zh_date(_add_months(self.today or date.today(), rs.review_months))
        category = self._category(stext, zones, found)
        attr = Attribute(
            label=label,
            confidence=round(min(max(conf, 0.34), 0.999), 3),
            doc_type=doc_type,
            declared=declared,
            conflict=conflict,
            reasons=tuple(reasons),
            category=category,
            needs_redaction=needs_redaction,
            extra=extra,
        )
        return replace(attr, explanation=self._explain(attr, content, red_entities))

    # --- reasons ---

    @staticmethod
    def _reason(text: str, h: Hit) -> Reason:
        return Reason(
            code=h.rule.code,
            basis=h.rule.basis,
            evidence=text[h.start : h.end],
            start=h.start,
            end=h.end,
            label=h.rule.label,
            rule=h.rule.id,
        )

    def _reasons(
        self,
        text: str,
        label: str,
        deciding: Hit | None,
        found: tuple[DocType, int, int] | None,
        hits: list[Hit],
        declared_hit: Hit | None,
    ) -> list[Reason]:
        order = {"hard": 0, "decisive": 1, "cue": 2, "declared": 3, "redaction": 4}
        ranked = sorted(
            (h for h in hits if h.rule.kind != "redaction"),
            key=lambda h: (h.rule.label != label, h is not deciding, order[h.rule.kind], -h.weight),
        )
        out = []
        for h in ranked:
            if h.rule.kind == "declared":
                continue
            out.append(self._reason(text, h))
            if h.rule.kind in ("hard", "decisive"):  # show every piece of evidence of a deciding rule
                out += [self._reason(text, replace(h, start=s, end=e, more=())) for s, e in h.more]
        if found and not any(r.code == found[0].code and r.start == found[1] for r in out):
            dt, s, e = found
            pos = sum(1 for r in out if r.label == label)
            out.insert(
                pos if dt.prior == label else len(out),
                Reason(dt.code, dt.basis, text[s:e], s, e, dt.prior, f"文种:{dt.name}"),
            )
        if declared_hit is not None:
            out.append(self._reason(text, declared_hit))
        return out

    def _partial_reason(
        self, text: str, red: list[Entity], red_hits: list[Hit], declared_hit: Hit | None
    ) -> Reason:
        if red:
            e = min(red, key=lambda x: x.start)
            s, t = e.start, e.end
        elif red_hits:
            s, t = red_hits[0].start, red_hits[0].end
        else:
            assert declared_hit is not None
            s, t = declared_hit.start, declared_hit.end
        return Reason("S37-PARTIAL", PARTIAL_BASIS, text[s:t], s, t, None, "R13")

    def _fallback_reason(self, text: str, stext: str, label: str) -> Reason:
        span = self.model.evidence(stext, label) if self.model is not None else None
        if span is None:
            first = next((ln for ln in text.splitlines() if ln.strip()), "")
            s = text.find(first.strip()) if first.strip() else 0
            span = (s, s + min(len(first.strip()), 40))
        code = "S16-MODEL"
        return Reason(code, MODEL_BASIS, text[span[0] : span[1]], span[0], span[1], label, "MODEL")  # type: ignore[arg-type]

    def _default_reason(self, text: str, zones: Zones) -> Reason:
        d = self.rules.default
        span = zones.get("标题")
        if span is None:
            first = next((ln for ln in text.splitlines() if ln.strip()), "")
            s = text.find(first.strip()) if first.strip() else 0
            span = (s, s + min(len(first.strip()), 40))
        return Reason(d.code, d.basis, text[span[0] : span[1]], span[0], span[1], d.label, d.id)  # type: ignore[arg-type]

    def _category(self, stext: str, zones: Zones, found: tuple[DocType, int, int] | None) -> str:
        title = zones.get("标题")
        if found and found[0].category != "部门文件":
            return found[0].category
        if title:
            for c in self.rules.categories:
                if c.name == "动态" and found:  # "关于召开…会议的通知" is a 公文, not a news item
                    continue
                if any(rx.search(stext[title[0] : title[1]]) for rx in c.regexes):
                    return c.name
        if found or docno(stext[:400]):
            return "部门文件"
        head = stext[:300]
        for c in self.rules.categories:
            if any(rx.search(head) for rx in c.regexes):
                return c.name
        return "其他"

    def _explain(self, attr: Attribute, content: str, red: list[Entity]) -> str:
        zh = self.rules.labels_zh
        label = zh[attr.label] + ("（可裁量）" if attr.extra.get("discretionary") else "")
        main = [r for r in attr.reasons if r.label == attr.label and r.code != "DECLARED"] or list(
            attr.reasons[:1]
        )
        basis = "；".join(dict.fromkeys(r.basis for r in main[:2]))
        rule_names = {r.id: r.name for r in self.rules.rules}
        zones: dict[str, list[int]] = attr.extra.get("zones", {})  # type: ignore[assignment]

        def where(r: Reason) -> str:
            for name in ("标题", "主送机关", "密级和保密期限", "发文字号", "附注"):
                span = zones.get(name)
                if span and r.start is not None and span[0] <= r.start < span[1]:
                    return {"标题": "标题文种" if (r.rule or "").startswith("文种:") else "标题"}.get(
                        name, name
                    )
            body = zones.get("正文")
            if body and r.start is not None and body[1] - 40 <= r.start < body[1]:
                return "结尾"
            return rule_names.get(r.rule or "", (r.rule or "").replace("文种:", "标题文种"))

        ev = "；".join(f"{where(r)}“{r.evidence}”" for r in main[:3] if r.evidence)
        if attr.conflict:
            conflict = f"有（文稿标注“{zh[attr.declared or 'public']}”，内容提示“{zh[content]}”）"
        else:
            conflict = "无"
        if attr.needs_redaction:
            counts = Counter(ENTITY_ZH.get(e.type, "个人信息") for e in red)
            detail = "、".join(f"{k}{v}处" for k, v in counts.items()) or "含个人信息或第三方信息"
            redaction = f"是（{detail}，按第三十七条区分处理）"
        else:
            redaction = "无"
        tips = []
        if attr.extra.get("discretionary"):
            tips.append("属裁量性不公开，如拟公开请确认")
        if attr.extra.get("human_review"):
            tips.append("可能涉及“三安全一稳定”，请按第十七条报保密或公开工作机构确定")
        if attr.extra.get("review_date"):
            tips.append(f"建议于{attr.extra['review_date']}按第十八条复审")
        parts = [
            f"建议属性：{label}",
            f"依据：{basis}",
            f"证据：{ev or '无'}",
            f"冲突：{conflict}",
            f"需删减：{redaction}",
        ]
        if tips:
            parts.append("复核提示：" + "；".join(tips) + "。")
        return "｜".join(parts)


def build_classifier(settings: Settings | None = None, *, rules_path: Path | None = None) -> Classifier:
    """Load the rules (validated) and the shipped model once."""
    settings = settings or Settings()
    return Classifier(load_rules(rules_path), load_model(settings.models_dir))


_DEFAULT: Classifier | None = None


def classify_text(text: str) -> Attribute:
    """Pure convenience for tests and benchmarks: the attribute of a plain text (default settings)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_classifier()
    return _DEFAULT.classify_text(text)
