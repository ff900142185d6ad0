"""ZhAddressRecognizer: home addresses down to the street number, village group or flat — not place names."""

from __future__ import annotations

import pytest

from redact.detect.names import find_entities
from redact.detect.recognizers.zh_address_recognizer import ZhAddressRecognizer


@pytest.fixture(scope="module")
def recognizer() -> ZhAddressRecognizer:
    return ZhAddressRecognizer()


def addresses(recognizer: ZhAddressRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["ADDRESS"])]


FOUND = [
    (
        "住址：福建省平潭县潭城镇西航路88号3栋201室，联系电话：13800000000",
        "福建省平潭县潭城镇西航路88号3栋201室",
    ),
    ("户籍地：平潭县北厝镇后楼村3组12号。", "平潭县北厝镇后楼村3组12号"),
    ("当事人张三，男，住榕江市古州镇人民路12号。", "榕江市古州镇人民路12号"),
    ("家庭住址：上海市浦东新区张江路100弄5号602室", "上海市浦东新区张江路100弄5号602室"),
    ("现住北京市朝阳区建国路88号5号楼1单元1203室。", "北京市朝阳区建国路88号5号楼1单元1203室"),
    ("居住地：广东省深圳市南山区桃源街道龙珠花园3栋1202室", "广东省深圳市南山区桃源街道龙珠花园3栋1202室"),
    ("申请人的通讯地址为福州市鼓楼区五四路158号", "福州市鼓楼区五四路158号"),
    # Traditional script
    ("住址：福建省平潭縣潭城鎮西航路88號3棟201室。", "福建省平潭縣潭城鎮西航路88號3棟201室"),
    ("戶籍地：臺北市大安區忠孝東路四段100號5樓", "臺北市大安區忠孝東路四段100號5樓"),
    ("聯絡地址：新北市板橋區文化路一段25號", "新北市板橋區文化路一段25號"),
    # labels glued to the address (no colon): the label is not part of it
    ("身份證號碼Z9785745，住址臺南市東區光復路385號5樓，聯絡電話", "臺南市東區光復路385號5樓"),
    ("統一編號D112571027，戶籍地址高雄市苓雅區博愛路四段199巷102號15樓。", "高雄市苓雅區博愛路四段199巷102號15樓"),
    ("法定代表人苏诗志，户籍地江苏省南京市玄武区人民南路52号阳光城14栋2单元2902室。",
     "江苏省南京市玄武区人民南路52号阳光城14栋2单元2902室"),
    # a name table with an address column
    ("姓名 性别 住址\n张三 男 平潭县潭城镇西航路88号3栋201室", "平潭县潭城镇西航路88号3栋201室"),
]

NOT_FOUND = [
    "榕江市",
    "会议地点：榕江市",
    "户籍所在地：福建省平潭县",
    "福建省平潭县人民政府办公室",
    "住房和城乡建设局关于住房保障工作的通知",
    "单位地址：平潭县西航路1号",
    "住址：同上",
    "根据《中华人民共和国政府信息公开条例》第十五条",
    "岚政办〔2023〕12号",
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_finds_whole_address(recognizer: ZhAddressRecognizer, text: str, expected: str) -> None:
    assert addresses(recognizer, text) == [expected]


@pytest.mark.parametrize("text, expected", FOUND)
def test_rules_alone_find_whole_address(text: str, expected: str) -> None:
    assert [text[s.start : s.end] for s in find_entities(text, None) if s.label == "ADDRESS"] == [expected]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_no_address(recognizer: ZhAddressRecognizer, text: str) -> None:
    assert addresses(recognizer, text) == []


def test_unlabelled_street_number_is_below_the_engine_threshold_without_the_model() -> None:
    """…大道88号 alone is as often the agency's own address (来信请寄): grammar alone scores under 0.5."""
    text = "活动地点位于平潭县潭城镇西航路88号。"
    (span,) = [s for s in find_entities(text, None) if s.label == "ADDRESS"]
    assert text[span.start : span.end] == "平潭县潭城镇西航路88号"
    assert span.score < 0.5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("该户居民位于平潭县潭城镇西航路88号3栋201室。", "平潭县潭城镇西航路88号3栋201室"),
        ("记者在鹿城区南湖路316号2栋2402室见到了他。", "鹿城区南湖路316号2栋2402室"),
        ("記者在福州市倉山區金色家園5號樓4單元201室見到了她。", "福州市倉山區金色家園5號樓4單元201室"),
        ("记者在福州市连江县琯头镇长沙村1组17号见到了他。", "福州市连江县琯头镇长沙村1组17号"),
    ],
)
def test_unlabelled_home_address_down_to_the_flat_is_reported(text: str, expected: str) -> None:
    """A flat, a building unit or a village group is the grain of a home: reported without a label."""
    (span,) = [s for s in find_entities(text, None) if s.label == "ADDRESS"]
    assert text[span.start : span.end] == expected
    assert span.score >= 0.5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("林一鸣家住福州市连江县琯头镇长沙村9组12号。", "福州市连江县琯头镇长沙村9组12号"),
        ("据悉，他今年56岁，现居福建省榕江市城南区江滨中路375号1栋2906室。", "福建省榕江市城南区江滨中路375号1栋2906室"),
        ("卓玉梅家住章贡区建新路261号，系当地村民。", "章贡区建新路261号"),
        ("王某居住在閩侯縣南通鎮古城村6組53號。", "閩侯縣南通鎮古城村6組53號"),
    ],
)
def test_address_after_jiazhu_or_xianju_right_after_a_name(text: str, expected: str) -> None:
    assert [text[s.start : s.end] for s in find_entities(text, None) if s.label == "ADDRESS"] == [expected]


def test_agency_mailing_address_is_not_reported(recognizer: ZhAddressRecognizer) -> None:
    text = "監督電話：0591-12345678；來信請寄：榕江市閩江大道88號榕江市市場監督管理局人事科。"
    assert [r for r in recognizer.analyze(text, ["ADDRESS"]) if r.score >= 0.5] == []


def test_labelled_address_scores_high(recognizer: ZhAddressRecognizer) -> None:
    (result,) = recognizer.analyze("住址：平潭县北厝镇后楼村3组12号", ["ADDRESS"])
    assert result.score >= 0.85 and result.entity_type == "ADDRESS"
