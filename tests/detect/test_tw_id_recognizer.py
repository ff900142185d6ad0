"""TwIdRecognizer: letter + 1/2 (8/9) + 8 digits with the weighted checksum."""

import pytest

CASES = [
    ("身分證字號：A123456789。", [(6, 16, "A123456789")]),
    ("國民身分證統一編號Ａ１２３４５６７８９", [(9, 19, "Ａ１２３４５６７８９")]),
    ("台湾居民身份证A123456789号", [(7, 17, "A123456789")]),
    # checksum fails, wrong gender digit
    ("身分證字號：A123456788", []),
    ("身分證字號：A323456789", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_tw_id(found, text, expected):
    assert found(text, "TW_ID") == expected
