"""CnUsccRecognizer: 18-character codes with the GB 32100 mod-31 check; kept unless a sole trader's."""

import pytest

CASES = [
    ("统一社会信用代码：91110000600037341L", [(9, 27, "91110000600037341L")]),
    ("統一社會信用代碼91350100MA2333330R）", [(8, 26, "91350100MA2333330R")]),
    ("代码１２３５００００００３５９１２３４Ｑ", [(2, 20, "１２３５００００００３５９１２３４Ｑ")]),
    # bad check character, letters outside the alphabet
    ("统一社会信用代码：91110000600037341M", []),
    ("统一社会信用代码：91110000600037341I", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_uscc(found, text, expected):
    assert found(text, "CN_USCC") == expected


@pytest.mark.parametrize(
    "text, action, reason",
    [
        ("某某科技有限公司（统一社会信用代码：91110000600037341L）", "keep", "ORG-PUBLIC"),
        ("个体工商户李某经营的小店，统一社会信用代码92350102MA3ABC121H", "redact", "S15-PRIVACY"),
        ("個體工商戶，統一社會信用代碼92350102MA3ABC121H", "redact", "S15-PRIVACY"),
    ],
)
def test_uscc_action_depends_on_who_it_identifies(detector, text, action, reason):
    (e,) = [e for e in detector.analyze_text(text) if e.type == "CN_USCC"]
    assert (e.action, e.reason) == (action, reason)


def test_an_all_digit_code_that_is_also_a_valid_card_is_redacted_as_a_card(detector):
    # 628040591797258504 passes both the GB 32100 check and Luhn
    (e,) = detector.analyze_text("转账至628040591797258504。")
    assert (e.type, e.action) == ("BANK_CARD", "redact")
    (e,) = detector.analyze_text("统一社会信用代码：628040591797258504。")
    assert (e.type, e.action) == ("CN_USCC", "keep")
