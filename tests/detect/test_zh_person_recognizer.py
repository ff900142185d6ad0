"""ZhPersonRecognizer: which strings of a government document are personal names, and which are not.

Runs with the shipped model when it is present (``models/zh_ner``) and checks the rules alone too,
so a rule regression is not hidden by the model.
"""

from __future__ import annotations

import pytest

from redact.detect.names import find_entities
from redact.detect.recognizers.zh_person_recognizer import ZhPersonRecognizer


@pytest.fixture(scope="module")
def recognizer() -> ZhPersonRecognizer:
    return ZhPersonRecognizer()


def names(recognizer: ZhPersonRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"])]


def rule_names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_entities(text, None) if s.label == "PERSON"]


FOUND = [
    # names after a label
    ("当事人：张三，男，1980年5月1日出生。", ["张三"]),
    ("申请人：王小明 申请事项：公开某项目审批信息", ["王小明"]),
    ("申请人张伟向我局提出政府信息公开申请。", ["张伟"]),
    ("联系人：黄晓明  电话：13800000000", ["黄晓明"]),
    ("法定代表人：陈建华", ["陈建华"]),
    ("经办人：李四    审核人：王五", ["李四", "王五"]),
    ("抄送：市财政局、林志强、市审计局。", ["林志强"]),
    # two-character surnames
    ("当事人：欧阳娜娜，女，汉族。", ["欧阳娜娜"]),
    ("委托代理人：诸葛明。", ["诸葛明"]),
    ("申请人：司马光明", ["司马光明"]),
    # titles before and after a name
    ("经研究，任命刘德华同志为办公室主任。", ["刘德华"]),
    ("市公安局副局长陈建国出席会议。", ["陈建国"]),
    ("特此感谢赵丽女士的协助。", ["赵丽"]),
    ("会议由局长曾国强主持，副局长任志强出席。", ["曾国强", "任志强"]),
    # Traditional script
    ("當事人：張偉，男，住址見附件。", ["張偉"]),
    ("聯絡人：歐陽靜雯", ["歐陽靜雯"]),
    ("申請人陳志明向本局提出申請。", ["陳志明"]),
    # lists after a label, with notes in brackets
    ("出席人员：林国栋、郑晓东、欧阳明辉\n列席人员：陈志强（执法稽查科）、刘芳（办公室）",
     ["林国栋", "郑晓东", "欧阳明辉", "陈志强", "刘芳"]),
    ("先进个人\t林晓燕（鼓楼区市场监督管理局）；上官子豪（长乐区市场监督管理局）", ["林晓燕", "上官子豪"]),
    ("涉嫌制售假冒白酒的重点对象为赵永福（身份证号：350182197001011234）", ["赵永福"]),
    ("致陈强：您于2024年3月5日提交的申请已收悉。", ["陈强"]),
    ("拟录用人员名单：王芳、李强、欧阳晓峰。", ["王芳", "李强", "欧阳晓峰"]),
    # labels without a colon, counted lists, compound surnames the model half-sees
    ("登记车主万瑾杰，身份证号350102199001011234", ["万瑾杰"]),
    ("陳情人張穎庭之微信帳號wxid_abc", ["張穎庭"]),
    ("受處分人劉儀持用之金融卡卡號6222000011112222", ["劉儀"]),
    ("民眾許偉璇來電（0931007123）反映", ["許偉璇"]),
    ("大陸居民范姜儀靜，居民身分證號碼", ["范姜儀靜"]),
    ("白刚、邓伟颖、沈敏诗三人系该店股东。", ["白刚", "邓伟颖", "沈敏诗"]),
    ("开户银行：中国银行，户名于宇雪。", ["于宇雪"]),
    # two-character names padded to the width of three in forms
    ("姓\u3000名：李\u3000四\u3000\u3000性\u3000别：男", ["李\u3000四"]),
    ("当事人：张　三，男，汉族。", ["张　三"]),
    # minority names joined with ·
    ("当事人：买买提·艾力，男，维吾尔族。", ["买买提·艾力"]),
]

TABLES = [
    (
        "姓名 性别 身份证号 电话\n张三 男 110101199003071234 13800000000\n诸葛亮 男 110101199003075678 13900000000",
        ["张三", "诸葛亮"],
    ),
    ("序号\t姓名\t职务\n1\t林美玲\t科员\n2\t郑家豪\t科长", ["林美玲", "郑家豪"]),
    ("姓名 性別 電話\n黃淑芬 女 0912345678", ["黃淑芬"]),
    ("日期\t帶班領導\t值班人員\n10月1日\t林國棟\t張偉\n10月2日\t歐陽明輝\t司馬文靜", ["林國棟", "張偉", "歐陽明輝", "司馬文靜"]),
]

NOT_FOUND = [
    # already anonymised: must never be reported
    "当事人：张某，男，1980年出生。",
    "申请人李某某向我局提出申请。",
    "经查，王某某、赵某于2023年5月15日在该处施工。",
    "当事人：陈某明，女。",
    "當事人：張某某，男。",
    # agencies, companies, places, titles, document numbers, citations
    "抄送：市财政局、市审计局、林业局。",
    "联系人：办公室",
    "平潭综合实验区管理委员会办公室关于印发通知的函",
    "根据《中华人民共和国政府信息公开条例》第十五条的规定，",
    "岚政办〔2023〕12号",
    "局长办公会议研究决定如下。",
    "局长和副局长参加了会议。",
    "中华人民共和国主席出席会议，王女士曾三次来访。",
    "感谢各位先生和夫人的支持。",
    "全国政协主席会见了代表团。",
    "福建省平潭县人民政府",
    "会议地点：榕江市政府三楼会议室",
    "咨询电话：12345",
    "联系人：张先生，电话：0591-87654321",  # surname + form of address identifies no one
    "港澳居民来往内地通行证H12345678",
    "依据《中华人民共和国消费者权益保护法》第五十六条",
]


@pytest.mark.parametrize("text, expected", FOUND + TABLES)
def test_finds_names(recognizer: ZhPersonRecognizer, text: str, expected: list[str]) -> None:
    assert sorted(set(names(recognizer, text))) == sorted(expected)


@pytest.mark.parametrize("text, expected", FOUND + TABLES)
def test_rules_alone_find_names(text: str, expected: list[str]) -> None:
    assert sorted(set(rule_names(text))) == sorted(expected)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_does_not_flag(recognizer: ZhPersonRecognizer, text: str) -> None:
    assert names(recognizer, text) == []


def test_offsets_point_into_original_traditional_text(recognizer: ZhPersonRecognizer) -> None:
    text = "抄送：歐陽靜雯、張偉"
    results = recognizer.analyze(text, ["PERSON"])
    assert [(r.start, r.end) for r in results] == [(3, 7), (8, 10)]
    assert all(r.entity_type == "PERSON" and r.score >= 0.85 for r in results)


def test_other_entity_requests_get_nothing(recognizer: ZhPersonRecognizer) -> None:
    assert recognizer.analyze("当事人：张三", ["ADDRESS"]) == []
    assert recognizer.supported_language == "zh"
    assert recognizer.get_supported_entities() == ["PERSON"]
