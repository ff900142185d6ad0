"""EmailRecognizer: the span never swallows the Chinese around it."""

import pytest

CASES = [
    ("联系邮箱lisi@example.com。", [(4, 20, "lisi@example.com")]),
    ("電郵：wang.xiao-ming+gov@mail.fz.gov.cn，", [(3, 36, "wang.xiao-ming+gov@mail.fz.gov.cn")]),
    ("邮箱：ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", [(3, 19, "ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｏｍ")]),
    ("发送至zhang_san@163.com后", [(3, 20, "zhang_san@163.com")]),
    # not e-mail
    ("@某某单位", []),
    ("user@localhost", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_email(found, text, expected):
    assert found(text, "EMAIL_ADDRESS") == expected
