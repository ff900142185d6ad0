"""Documents as a 政府信息公开 website shows them: a title line, 发布时间/来源/浏览次数 metadata,
no 版头. Published kinds that look like internal ones (答复函 on 建议/提案, 常务会议 news, 政策解读,
government reports read to the 人大) must stay public; the internal look-alikes (局长办公会议纪要,
upward 报告, 报送材料 notices) must not be published. Each case runs in both scripts.
"""

from __future__ import annotations

import pytest

from redact.classify import build_classifier
from redact.zh import to_traditional

CLF = build_classifier()
META = "发布时间：2024-07-10 11:02　来源：清溪区人民政府办公室　浏览次数：215\n【字体：大 中 小】【打印本页】\n"

NPC_REPLY = (
    "清溪区教育局关于区人大十届三次会议第25号建议的答复函\n" + META + "清教函〔2024〕41号\n刘某代表：\n"
    "您提出的《关于加强城区学校周边交通秩序管理的建议》收悉。经认真研究，现答复如下：\n"
    "一、已会同交警部门在城区12所中小学周边设置护学岗。\n二、新增学校周边临时停车泊位200个。\n"
    "感谢您对教育工作的关心。\n特此函复。\n清溪区教育局\n2024年7月8日"
)
CPPCC_REPLY = (
    "关于区政协九届三次会议第0087号提案的答复\n" + META + "杨某委员：\n"
    "您提出的《关于推进茶产业品牌化发展的提案》收悉，现将办理情况答复如下：\n"
    "一、加大品牌培育。二、强化政策扶持，区财政每年安排专项资金800万元。\n特此函复。\n清溪区农业农村局\n2024年7月30日"
)
CONSULT_LETTER = (
    "清溪区发展和改革局关于商请协助提供重点项目用地保障情况的函\n清发改函〔2024〕58号\n清溪区自然资源局：\n"
    "为做好重点项目推进情况的汇总分析，现商请贵局协助提供全区重点项目的用地报批、供地进度等情况，"
    "并于6月20日前反馈我局。盼复。\n清溪区发展和改革局\n2024年6月12日"
)
MEETING_NEWS = (
    "区政府召开第四十三次常务会议\n" + META + "8月15日，区长主持召开区政府第四十三次常务会议，研究防汛救灾、教育民生等工作。\n"
    "会议强调，各乡镇（街道）、各部门要压紧压实防汛责任。\n会议议定事项：同意区教育局提出的2024年秋季学期学位扩容方案。\n"
    "区政府领导班子成员出席会议，区直有关部门负责人列席会议。"
)
BUREAU_MINUTES = (
    "清溪区住房和城乡建设局局长办公会议纪要\n〔2024〕第9期\n2024年5月21日下午，局长在局三楼会议室主持召开局长办公会议，"
    "研究近期重点工作。现将会议议定事项纪要如下：\n一、会议同意由城建股牵头完成施工图设计审查。\n"
    "二、会议原则同意人事股提出的干部轮岗方案。\n出席人员：黄某、陈某、刘某\n列席人员：各股室负责人\n记录人：郑某某"
)
POLICY_INTERP = (
    "《清溪区促进民营经济高质量发展若干措施》政策解读\n" + META + "一、起草背景\n为优化营商环境，区发改局牵头起草了《若干措施》。\n"
    "二、主要内容\n《若干措施》共五个方面二十条，对新认定的专精特新企业给予一次性奖励。\n"
    "三、解读机关：清溪区发展和改革局\n咨询电话：0599-6123456"
)
WORK_REPORT = (
    "2024年清溪区人民政府工作报告\n" + META + "——2024年1月15日在清溪区第十届人民代表大会第四次会议上\n各位代表：\n"
    "现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员和其他列席人员提出意见。\n"
    "一、2023年工作回顾\n二、2024年工作安排\n地区生产总值增长6%左右。"
)
UPWARD_REPORT = (
    "清溪区市场监督管理局关于上半年特种设备安全监察工作情况的报告\n三明市市场监督管理局：\n"
    "根据市局工作部署，现将我局上半年特种设备安全监察工作情况报告如下：\n"
    "开展电梯安全专项检查，检查单位156家，发现隐患78处，已整改72处。\n特此报告。\n清溪区市场监督管理局\n2024年7月5日"
)
RECTIFY_REPORT = (
    "中共清溪区民政局党组关于巡察整改进展情况的通报\n" + META + "按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。\n"
    "反馈的28个问题已完成整改25个。\n欢迎广大干部群众进行监督。"
)
MATERIALS_NOTICE = (
    "关于报送2024年上半年工作总结和下半年工作计划的通知\n各乡镇人民政府、街道办事处，区直各单位：\n"
    "请各单位于6月25日前将本单位上半年工作总结和下半年工作计划报送区政府办公室综合股。\n"
    "联系人：陈某\n清溪区人民政府办公室\n2024年6月12日"
)
IMPLEMENT_NOTICE = (
    "清溪区人民政府办公室关于印发清溪区城区老旧小区改造三年行动方案的通知\n各乡镇人民政府、街道办事处，区直各单位：\n"
    "《清溪区城区老旧小区改造三年行动方案》已经区政府常务会议研究同意，现印发给你们，请认真组织实施。\n"
    "清溪区人民政府办公室\n2024年8月8日"
)

PARTY_APPOINT = (
    "中共清溪区委关于林某某等同志职务任免的通知\n" + META + "各乡镇党委，区直各单位党组（党委）：\n经区委研究决定：\n"
    "林某某同志任区委办公室副主任；\n免去陈某某同志的区委宣传部副部长职务。\n中共清溪区委\n2024年5月30日"
)
BUREAU_APPOINT = (
    "关于王某某同志试用期满正式任职的通知\n" + META + "局机关各股室：\n王某某同志试用期已满，经考核合格，"
    "局党组研究决定，正式任命王某某同志为局办公室主任。\n清溪区水利局\n2024年5月30日"
)
APPOINT_DECLARED = BUREAU_APPOINT + "\n（此件依申请公开）"

CASES = [
    ("a 任免 notice sent to every unit is 人事信息, published (R12-2-POSTS)", PARTY_APPOINT, "public", "R12-2-POSTS"),
    ("so is a bureau's 任职 notice to its sections", BUREAU_APPOINT, "public", "R12-2-POSTS"),
    ("the drafter's 依申请公开 on a 任免 notice stands", APPOINT_DECLARED, "on_request", None),
    ("答复人大建议的复函 is published (R20-REPLY, R8 unless)", NPC_REPLY, "public", "R20-REPLY"),
    ("答复政协提案 is published", CPPCC_REPLY, "public", "R20-REPLY"),
    ("a 商请 letter between agencies is not", CONSULT_LETTER, "on_request", "R8"),
    ("常务会议 news is 工作动态 (R7 unless)", MEETING_NEWS, "public", None),
    ("a 局长办公会议纪要 is on request, not an enforcement file (R9)", BUREAU_MINUTES, "on_request", "R7"),
    ("政策解读 is published (R20-INTERP)", POLICY_INTERP, "public", "R20-INTERP"),
    ("政府工作报告: 列席人员 in a sentence is not a minutes list", WORK_REPORT, "public", None),
    ("an upward 报告 that mentions 整改 stays non-public (R5-REPORT)", UPWARD_REPORT, "non_public", "R5-REPORT"),
    ("a published 整改进展 通报 stays public", RECTIFY_REPORT, "public", None),
    ("报送总结/计划 notice is internal workflow (R11-WORKFLOW)", MATERIALS_NOTICE, "on_request", "R11-WORKFLOW"),
    ("印发方案 notice stays public", IMPLEMENT_NOTICE, "public", None),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("why", "text", "label", "rule"), CASES, ids=[c[0] for c in CASES])
def test_web_page_attribute(why: str, text: str, label: str, rule: str | None, script: str) -> None:
    if script == "traditional":
        text = to_traditional(text)
    attr = CLF.classify_text(text)
    assert attr.label == label, (why, attr.explanation)
    if rule is not None:
        assert any(r.rule == rule and r.label == label for r in attr.reasons), attr.reasons
    if label != "public":  # a withheld suggestion cites an article and shows its evidence in the text
        assert any("条" in r.basis and r.start is not None and text[r.start : r.end] == r.evidence for r in attr.reasons)


def test_minutes_never_pass_for_an_interview_record() -> None:
    attr = CLF.classify_text(BUREAU_MINUTES)
    assert not any(r.rule == "R9" for r in attr.reasons)


HEADER = "清溪区人民政府门户网站\n您现在的位置：首页>>信息公开>>部门信息公开\n【字体：大 中 小】【打印本页】\n"
FOOTER = "\n【打印本页】【关闭窗口】\n相关链接：国务院 福建省人民政府\n主办：清溪区人民政府办公室　闽ICP备05012345号"
SECRET = "机密★5年\n特急\n关于做好重要时期安全保卫工作的通知\n各乡镇人民政府，区直有关单位：\n现就有关工作通知如下。\n清溪区人民政府办公室\n2024年9月20日"
LIMITED = "关于加强机关干部考勤管理的通知\n局机关各股室：\n实行上下班打卡制度。\n清溪区司法局\n2024年2月28日\n（此件发至各股室）"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_page_chrome_does_not_hide_the_secret_mark_or_the_note(script: str) -> None:
    """Site name, breadcrumb and footer around a document leave the 版头 and 附注 readable."""
    conv = to_traditional if script == "traditional" else str
    secret = CLF.classify_text(conv(HEADER + SECRET + FOOTER))
    assert secret.label == "non_public"
    assert any(r.rule == "R1" and r.evidence == conv("机密★5年") for r in secret.reasons)
    limited = CLF.classify_text(conv(HEADER + LIMITED + FOOTER))
    assert any(r.rule == "R3" for r in limited.reasons)
    assert limited.extra["title"] == "关于加强机关干部考勤管理的通知"  # zones are read in simplified form


def test_chrome_blanking_keeps_offsets_and_the_declared_label() -> None:
    from redact.classify.zones import blank_page_chrome

    page = HEADER + "索引号：QX-2024-01\n公开方式：主动公开\n文号：清政〔2024〕9号\n" + LIMITED + FOOTER
    blanked = blank_page_chrome(page)
    assert len(blanked) == len(page)
    assert "门户网站" not in blanked and "ICP" not in blanked and "索引号" not in blanked
    assert "公开方式：主动公开" in blanked and "文号：清政〔2024〕9号" in blanked  # these inform the attribute
    assert blanked.endswith("\n" + " " * len("主办：清溪区人民政府办公室　闽ICP备05012345号"))
    one_row = "索引号：QX-2024-01　发布机构：清溪区司法局　公开方式：依申请公开\n"  # a metadata table row
    assert blank_page_chrome(one_row) == one_row
    assert CLF.classify_text(one_row + LIMITED).declared == "on_request"


WRAPPED_REQUEST = (  # a PDF text layer: one line per printed line, the title and 妥否请批示 cut
    "嘉禾县水利局关于申请拨付防汛物资采购经费的请\n示\n县人民政府：\n今年汛期将至，我局防汛物资储备不足，急需\n"
    "采购救生衣、沙袋等物资，所需经费38万元。妥否，请批\n示。\n嘉禾县水利局\n2024年4月10日"
)
WRAPPED_DRAFT = (
    "嘉禾县冬春火灾防控考核细则（讨论稿）\n第一条 为做好冬春火灾防控考核工作，制定本细\n则。\n"
    "附：请各单位于2022年7月28日前将修改意\n见书面反馈至县市场监管局，逾期未反馈视为\n无意见。"
)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_pdf_line_breaks_do_not_hide_a_request_or_an_internal_draft(script: str) -> None:
    conv = to_traditional if script == "traditional" else str
    request = CLF.classify_text(conv(WRAPPED_REQUEST))
    assert request.label == "non_public"
    assert request.doc_type == "请示"
    assert request.extra["title"] == "嘉禾县水利局关于申请拨付防汛物资采购经费的请示"
    r5 = [r for r in request.reasons if r.rule == "R5"]
    assert r5 and all(conv(WRAPPED_REQUEST)[r.start : r.end] == r.evidence for r in r5)
    draft = CLF.classify_text(conv(WRAPPED_DRAFT))
    assert draft.label == "non_public" and any(r.rule == "R6" for r in draft.reasons)


def test_line_breaks_alone_do_not_make_a_cue_fire() -> None:
    """Only the deciding rules read across line breaks; the cues keep to one line."""
    text = "关于开展消防演练的通知\n各单位：\n本次演练请各单位于5月\n20日前报送参演人员名单。\n特此通知。"
    attr = CLF.classify_text(text)
    assert not any(r.rule == "R11-WORKFLOW" for r in attr.reasons)
    assert any(r.rule == "R11-WORKFLOW" for r in CLF.classify_text(text.replace("5月\n20日", "5月20日")).reasons)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_report_declared_public_is_published_with_the_conflict_shown(script: str) -> None:
    """Art. 16 says 可以不予公开: a drafter may publish an upward 报告; the reviewer sees both sides.
    A 请示 stays 不予公开 whatever the draft says (keep_over_declared)."""
    conv = to_traditional if script == "traditional" else str
    report = CLF.classify_text(conv("公开方式：主动公开\n" + UPWARD_REPORT))
    assert (report.label, report.declared, report.conflict) == ("public", "public", True)
    assert any(r.rule == "R5-REPORT" and r.label == "non_public" for r in report.reasons)
    assert report.confidence < 0.9
    request = CLF.classify_text(conv("公开方式：主动公开\n" + WRAPPED_REQUEST))
    assert (request.label, request.declared, request.conflict) == ("non_public", "public", True)
