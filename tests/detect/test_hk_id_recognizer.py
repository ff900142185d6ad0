"""HkIdRecognizer: 1–2 letters + 6 digits + mod-11 check character."""

import pytest

CASES = [
    ("香港身份證號碼A123456(3)。", [(7, 17, "A123456(3)")]),
    ("身份证：A1234563", [(4, 12, "A1234563")]),
    ("持有香港身份证A123456 (3)", [(7, 18, "A123456 (3)")]),
    ("ＨＫＩＤ：Ａ１２３４５６（３）", [(5, 15, "Ａ１２３４５６（３）")]),
    # wrong check character
    ("香港身份證A123456(4)", []),
    ("香港身份證A123456(A)", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_hk_id(found, text, expected):
    assert found(text, "HK_ID") == expected
