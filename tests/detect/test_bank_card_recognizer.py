"""BankCardRecognizer: 16–19 digits with a valid Luhn check digit."""

import pytest

CASES = [
    ("银行卡号6222020200000000006。", [(4, 23, "6222020200000000006")]),
    ("卡号：6222 0202 0000 0000 006", [(3, 26, "6222 0202 0000 0000 006")]),
    ("开户账号4532-0151-1283-0366", [(4, 23, "4532-0151-1283-0366")]),
    ("銀行卡：６２２８４８０１２３４５６７８９００", [(4, 22, "６２２８４８０１２３４５６７８９００")]),
    ("转入4532015112830366元", [(2, 18, "4532015112830366")]),
    # Luhn fails
    ("银行卡号6222020200000000007", []),
    ("卡号4532015112830367", []),
    # too short / too long
    ("卡号453201511283036", []),
    ("卡号62220202000000000060", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_bank_card(found, text, expected):
    assert found(text, "BANK_CARD") == expected
