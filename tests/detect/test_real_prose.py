"""Personal data written into ordinary government prose, with no label next to it — and the public
phrases around it that must stay unflagged. These are the cases real documents hold: a news item
names the family that was visited, a reply asks the reader to call someone, a list gives a home.
"""

from __future__ import annotations

import pytest

from redact.detect import Detector


def redacted(detector: Detector, text: str, entity_type: str) -> list[str]:
    return [e.text for e in detector.analyze_text(text) if e.type == entity_type and e.action == "redact"]


BARE_NAMES = [
    ("工作组走访了脱贫户杨春花，详细了解其家庭收入情况。", ["杨春花"]),
    ("春节前夕，镇党委慰问了孤寡老人，看望了五保户何德顺。", ["何德顺"]),
    ("如有疑问，请与周晓燕联系。", ["周晓燕"]),
    ("據陳美鳳介紹，合作社今年增收三成。", ["陳美鳳"]),
    ("退役军人雷鸣在抗洪抢险中表现突出。", ["雷鸣"]),
    ("。邵德华今年72岁，独自居住。", ["邵德华"]),
    ("\n上官婉清家住城关镇。", ["上官婉清"]),
    ("社区工作人员为买买提·吐尔逊办理了低保手续。", ["买买提·吐尔逊"]),
    ("维克多·雨果的作品在图书馆展出。", ["维克多·雨果"]),
]


@pytest.mark.parametrize("text, expected", BARE_NAMES)
def test_bare_names_in_sentences(detector: Detector, text: str, expected: list[str]) -> None:
    assert redacted(detector, text, "PERSON") == expected


BARE_PHONES = [
    ("群众可拨打13905917788反映问题。", ["13905917788"]),
    ("來電0912-345-678反映噪音問題。", ["0912-345-678"]),
    ("如需帮助可致电１３６０５９１２２３４。", ["１３６０５９１２２３４"]),
]


@pytest.mark.parametrize("text, expected", BARE_PHONES)
def test_bare_mobiles(detector: Detector, text: str, expected: list[str]) -> None:
    assert redacted(detector, text, "PHONE_NUMBER") == expected


HOME_ADDRESSES = [
    ("申请人家住平潭县流水镇山门村3组16号。", ["平潭县流水镇山门村3组16号"]),
    ("许某某现居福州市台江区鳌峰路27号4栋1102室。", ["福州市台江区鳌峰路27号4栋1102室"]),
    ("工作人员在晋安区连潘小区8号楼2单元603室见到了他。", ["晋安区连潘小区8号楼2单元603室"]),
]


@pytest.mark.parametrize("text, expected", HOME_ADDRESSES)
def test_home_addresses_without_a_label(detector: Detector, text: str, expected: list[str]) -> None:
    assert redacted(detector, text, "ADDRESS") == expected


PUBLIC_PHRASES = [
    "谨向你致以深切的慰问和诚挚的哀悼。",
    "陳情人所陳情事項，本府已函請工務局辦理。",
    "失業率為3.0%，與上一季相同。",
    "群众如有疑问，可拨打12345政务服务便民热线。",
    "本次共走访企业126家，慰问困难职工和贫困户家庭358户。",
    "会议在福州市鼓楼区湖东路168号召开。",
    "中国·平潭国际旅游岛建设取得新进展。",
    "《中华人民共和国政府信息公开条例》第十五条规定，涉及个人隐私的政府信息不得公开。",
]


@pytest.mark.parametrize("text", PUBLIC_PHRASES)
def test_no_false_alarm_on_public_phrases(detector: Detector, text: str) -> None:
    assert [e.text for e in detector.analyze_text(text) if e.action == "redact"] == []


COMPOUND_SURNAMES = [
    ("\n司马文静今年在社区担任网格员。", ["司马文静"]),
    ("工作人员走访了夏侯志强，了解其就业意向。", ["夏侯志强"]),
    ("。慕容雪表示将按期整改。", ["慕容雪"]),
]


@pytest.mark.parametrize("text, expected", COMPOUND_SURNAMES)
def test_compound_surname_names_without_a_label(detector: Detector, text: str, expected: list[str]) -> None:
    assert redacted(detector, text, "PERSON") == expected


@pytest.mark.parametrize(
    "text", ["每周国际时事竞答（第五期）结果揭晓。", "东方航空公司新增两条航线。", "东方明珠塔今日闭馆。"]
)
def test_compound_surnames_inside_words_are_not_names(detector: Detector, text: str) -> None:
    assert redacted(detector, text, "PERSON") == []


# A PDF page as extracted: body lines wrapped at the same width, anywhere inside a value.
WRAPPED_PAGE = (
    "关于城南片区旧城改造征收补偿情况的公告\n"
    "经核实，被征收房屋位于榕江市城南区桃源路168号3栋\n"
    "502室，产权人已签订补偿协议。如有疑问请与周晓\n"
    "燕联系，或发送邮件至zhouxy@yeah.net咨询。本次\n"
    "共签约住户126户，签约率达到97.6%。附件：补偿\n"
    "标准表（榕政〔2024〕88号）。\n"
)


def test_soft_line_breaks_are_only_inside_wrapped_body_lines() -> None:
    from redact.detect.engine import soft_breaks

    lines = WRAPPED_PAGE.split("\n")
    ends = [sum(len(x) + 1 for x in lines[: k + 1]) - 1 for k in range(len(lines) - 1)]
    assert soft_breaks(WRAPPED_PAGE) == ends[1:5]  # not after the title, not after the last line


def test_values_split_by_a_pdf_line_break_are_found_whole(detector: Detector) -> None:
    assert redacted(detector, WRAPPED_PAGE, "ADDRESS") == ["榕江市城南区桃源路168号3栋\n502室"]
    assert redacted(detector, WRAPPED_PAGE, "PERSON") == ["周晓\n燕"]
    assert [
        e.text
        for e in detector.analyze_text(WRAPPED_PAGE)
        if e.action == "redact" and e.type not in {"ADDRESS", "PERSON"}
    ] == ["zhouxy@yeah.net"]


def test_a_number_ending_a_line_is_not_glued_to_a_date_on_the_next(detector: Detector) -> None:
    page = (
        "当事人：某某公司，联系电话：13905917788；固定电话：0591-83726154\n"
        "2024年3月18日，本局执法人员依法对当事人经营场所进行了检查并制作笔录。\n"
        "现场检查发现其货架上摆放的桃酥已超过保质期，共计四十六袋，货值较小。\n"
    )
    assert redacted(detector, page, "PHONE_NUMBER") == ["13905917788", "0591-83726154"]


def test_an_email_ending_a_line_is_not_glued_to_the_next_line(detector: Detector) -> None:
    page = (
        "香港居民陳家欣，手提電話9123 4567；電子郵箱：kayan.leung@netvigator.com\n"
        "37件，上年结转9件，本年度共办结行政复议案件四十六件，均在法定期限内。\n"
        "本年度共收到政府信息公开申请一百二十件，其中当面申请十件，网络申请。\n"
    )
    assert redacted(detector, page, "EMAIL_ADDRESS") == ["kayan.leung@netvigator.com"]
