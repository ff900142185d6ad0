"""The attribute suggestion: labels, reasons with evidence spans, conflicts, both scripts.

Built once from the shipped rules and model (``build_classifier``), as the pipeline does.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from redact.classify import build_classifier
from redact.classify.classify import Classifier
from redact.classify.rules import RULES_PATH, load_rules
from redact.document import Document, Entity
from redact.errors import ConfigInvalid
from redact.zh import to_traditional

CLF = build_classifier()
FIXED = Classifier(CLF.rules, CLF.model, today=date(2026, 11, 27))
ARTICLE = re.compile(r"第[一二三四五六七八九十]+条")

REQUEST = """江州市市场监督管理局文件
江市监〔2024〕35号
江州市市场监督管理局关于申请增拨食品安全抽检经费的请示
江州市人民政府：
我局全年承担抽检任务3200批次，经费缺口65.4万元。
妥否，请批示。
江州市市场监督管理局
2024年6月3日
"""
REGULATION = """江州市人民政府办公室关于印发江州市停车管理办法的通知
各区人民政府，市直各单位：
现将《江州市停车管理办法》印发给你们，请认真贯彻执行。
第一条 为规范停车管理，制定本办法。
第二十条 本办法自2025年1月1日起施行，有效期5年。
江州市人民政府办公室
2024年12月1日
（此件公开发布）
"""
PENALTY = """江州市市场监督管理局
行政处罚决定书
江市监罚〔2024〕12号
当事人：江州市某某商贸有限公司
经查，当事人销售过期食品。以上事实有现场检查笔录、询问笔录等证据为证。
依据《中华人民共和国食品安全法》第一百二十四条，决定罚款5000元。
江州市市场监督管理局
2024年8月1日
"""
SECRET = "000045\n秘密★5年\n关于专项行动部署的通知\n各科室：\n请严格控制知悉范围。\n某局\n2024年8月30日\n"
MEETING = """关于召开第三季度工作例会的通知
局机关各科室：
定于9月5日上午9:00在局三楼会议室召开工作例会，请各科室主要负责人准时参加。
某局办公室
2024年9月1日
"""
ANNUAL = "江州市市场监督管理局2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况"


@pytest.mark.parametrize(
    ("text", "label", "doc_type"),
    [
        (REQUEST, "non_public", "请示"),
        (REGULATION, "public", "通知"),
        (PENALTY, "public", "行政处罚决定书"),
        (SECRET, "non_public", "通知"),
        (MEETING, "on_request", "通知"),
        (ANNUAL, "public", "年度报告"),
    ],
)
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_label_and_doc_type_in_both_scripts(text: str, label: str, doc_type: str, script: str) -> None:
    if script == "traditional":
        text = to_traditional(text)
    attr = FIXED.classify_text(text)
    assert (attr.label, attr.doc_type) == (label, doc_type)


@pytest.mark.parametrize("text", [REQUEST, REGULATION, PENALTY, SECRET, MEETING, ANNUAL])
def test_every_reason_evidence_is_the_text_at_its_offsets(text: str) -> None:
    for t in (text, to_traditional(text)):
        attr = FIXED.classify_text(t)
        assert attr.reasons
        for r in attr.reasons:
            assert r.start is not None and t[r.start : r.end] == r.evidence


@pytest.mark.parametrize("text", [REQUEST, SECRET, MEETING])
def test_withheld_suggestions_cite_an_article_and_an_evidence_span(text: str) -> None:
    attr = FIXED.classify_text(text)
    assert attr.label != "public"
    assert any(r.label == attr.label and ARTICLE.search(r.basis) and r.evidence for r in attr.reasons)


def test_request_is_discretionary_non_public_with_review_date() -> None:
    attr = FIXED.classify_text(REQUEST)
    assert attr.reasons[0].code == "S16-2-REQUEST-REPORT"
    assert attr.reasons[0].basis == "《政府信息公开条例》第十六条第二款"
    assert attr.extra["discretionary"] is True
    assert attr.extra["review_date"] == "2027年11月27日"
    assert attr.extra["annotation"] == "（此件不予公开）"
    assert attr.explanation.startswith(
        "建议属性：不予公开（可裁量）｜依据：《政府信息公开条例》第十六条第二款"
    )
    assert "冲突：无" in attr.explanation


def test_secret_mark_is_a_hard_stop_and_not_discretionary() -> None:
    attr = FIXED.classify_text(SECRET)
    assert attr.reasons[0].code == "S14-SECRET" and attr.reasons[0].evidence == "秘密★5年"
    assert attr.extra["discretionary"] is False


def test_declared_public_on_a_request_is_a_conflict_showing_both_sides() -> None:
    text = REQUEST + "（此件主动公开）\n"
    attr = FIXED.classify_text(text)
    assert (attr.label, attr.declared, attr.conflict) == ("non_public", "public", True)
    labels = {(r.code, r.label) for r in attr.reasons}
    assert ("S16-2-REQUEST-REPORT", "non_public") in labels and ("DECLARED", "public") in labels
    assert "冲突：有（文稿标注“主动公开”，内容提示“不予公开”）" in attr.explanation


def test_declared_label_that_agrees_is_not_a_conflict() -> None:
    attr = FIXED.classify_text(REGULATION)
    assert (attr.declared, attr.conflict) == ("public", False)


def test_declared_on_request_for_a_discretionary_request_is_respected() -> None:
    attr = FIXED.classify_text(REQUEST + "（此件依申请公开）\n")
    assert (attr.label, attr.declared, attr.conflict) == ("on_request", "on_request", False)


def test_declared_non_public_on_a_public_notice_is_a_conflict() -> None:
    text = "关于某路段交通管制的通告\n因施工需要，实施交通管制。广大市民请提前规划出行路线。\n特此通告。\n（此件不予公开）"
    attr = FIXED.classify_text(text)
    assert (attr.label, attr.declared, attr.conflict) == ("public", "non_public", True)


def test_entities_to_redact_make_a_public_document_need_partial_disclosure() -> None:
    text = PENALTY
    start = text.index("江州市某某商贸有限公司")
    doc = Document(sha256="0" * 64, source="x.txt", format="txt", text=text)
    ent = Entity("PERSON", start, start + 4, text[start : start + 4], 0.9, "Test")
    out = FIXED.classify(replace(doc, entities=(ent,)))
    assert out.attribute is not None and out.attribute.label == "public"
    assert out.attribute.needs_redaction is True
    partial = [r for r in out.attribute.reasons if r.code == "S37-PARTIAL"]
    assert partial and partial[0].basis == "《政府信息公开条例》第三十七条"
    assert "需删减：是（姓名1处" in out.attribute.explanation
    assert doc.attribute is None  # the input is never modified


def test_category_suggestions() -> None:
    assert FIXED.classify_text(PENALTY).category == "行政执法"
    assert FIXED.classify_text(REGULATION).category == "部门文件"
    guide = "食品经营许可办事指南\n一、申请条件\n二、申请材料\n三、办理流程"
    assert FIXED.classify_text(guide).category == "办事指南"


def test_attribute_block_serialises_with_the_contract_fields() -> None:
    d = FIXED.classify_text(REQUEST).to_dict()
    assert {"label", "confidence", "doc_type", "declared", "conflict", "reasons"} <= d.keys()
    assert {"code", "basis", "evidence", "start", "end"} <= d["reasons"][0].keys()
    assert 0 < d["confidence"] <= 1 and "zones" in d and "annotation" in d


def test_a_bad_rule_file_names_the_rule_and_the_field(tmp_path: Path) -> None:
    bad = RULES_PATH.read_text(encoding="utf-8").replace(
        "    label: non_public\n    code: S14-SECRET\n", "    label: secret\n    code: S14-SECRET\n", 1
    )
    path = tmp_path / "rules.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigInvalid, match=r"rule R1, field label"):
        load_rules(path)


def test_an_unknown_field_in_a_rule_is_rejected(tmp_path: Path) -> None:
    bad = RULES_PATH.read_text(encoding="utf-8").replace("  - id: R3\n", "  - id: R3\n    colour: red\n", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigInvalid, match=r"rule R3, field colour"):
        load_rules(path)


def test_secret_mark_below_a_long_first_line_is_still_found() -> None:
    text = "首页 > 政务公开 > 文件通知 > 本页面内容由某市某局提供，如需转载请注明出处，谢谢合作与支持配合\n秘密★1年\n关于某事项的通知\n各科室：\n内容。"
    assert FIXED.classify_text(text).label == "non_public"
