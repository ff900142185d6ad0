"""SocialAccountRecognizer: QQ numbers and WeChat ids right after their label."""

import pytest

CASES = [
    ("QQ：12345678", [(3, 11, "12345678")]),
    ("联系QQ号码123456789，", [(6, 15, "123456789")]),
    ("微信号：wx_abc123", [(4, 13, "wx_abc123")]),
    ("微信: zhangsan-1990", [(4, 17, "zhangsan-1990")]),
    ("QQ/微信：１２３４５６７８９", [(6, 15, "１２３４５６７８９")]),
    ("WeChat ID: lily_2020", [(11, 20, "lily_2020")]),
    ("陳情人之微信帳號wxid_k2j8m，", [(8, 18, "wxid_k2j8m")]),
    ("ＱＱ號碼：２３４５６７８９", [(5, 13, "２３４５６７８９")]),
    # no label: a number, a word
    ("编号12345678", []),
    ("使用微信公众号发布", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_social_account(found, text, expected):
    assert found(text, "SOCIAL_ACCOUNT") == expected
