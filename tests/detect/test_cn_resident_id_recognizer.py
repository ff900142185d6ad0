"""CnResidentIdRecognizer: 18-digit ids need the GB 11643 check character and a real birth date."""

import pytest

ID = "11010519491231002X"  # check character X

CASES = [
    # valid check character, alone and glued to Chinese
    (f"身份证号码：{ID}。", [(6, 24, ID)]),
    (f"公民身份号码{ID}", [(6, 24, ID)]),
    ("申请人440106199001011235于今日", [(3, 21, "440106199001011235")]),
    ("610103197806153218", [(0, 18, "610103197806153218")]),
    # lower-case x, full-width digits, spaced groups
    ("身份证：11010519491231002x", [(4, 22, "11010519491231002x")]),
    ("身份证：４４０１０６１９９００１０１１２３５", [(4, 22, "４４０１０６１９９００１０１１２３５")]),
    ("身份证 440106 19900101 1235 已核实", [(4, 24, "440106 19900101 1235")]),
    ("身份证号 350102-19850312-123X", [(5, 25, "350102-19850312-123X")]),
    ("公民身份号码350102 1985 0312 123X", [(6, 27, "350102 1985 0312 123X")]),
    ("身份证号码：3501021 985031212 3X。", [(6, 26, "3501021 985031212 3X")]),
    ("编号 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8", []),
    ("统计表 3501021 985031212 3X 12 7", []),  # spaced digits need a context word
    # Traditional context
    ("身分證字號：350102200002294562", [(6, 24, "350102200002294562")]),
    # invalid: wrong check character, impossible date, future date, inside a longer number
    ("身份证号码：440106199001011234", []),
    ("身份证号码：440106199002301236", []),
    ("身份证号码：440106209901011234", []),
    ("账号1440106199001011235", []),
    ("身份证号码：440106199001011235A", []),
    # legacy 15 digits: only with context
    ("身份证号码：440106900101123", [(6, 21, "440106900101123")]),
    ("编号440106900101123", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_resident_id(found, text, expected):
    assert found(text, "CN_RESIDENT_ID") == expected


def test_resident_id_with_context_scores_higher_than_without(detector):
    with_ctx = detector.analyze_text(f"身份证号码：{ID}")[0]
    without = detector.analyze_text(f"号码是{ID}")[0]
    assert with_ctx.score > without.score >= 0.8
