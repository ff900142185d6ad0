"""MoIdRecognizer: Macau ids (no public checksum) only next to a Macau id context word."""

import pytest

CASES = [
    ("澳門居民身份證編號1234567(8)", [(9, 19, "1234567(8)")]),
    ("澳门身份证：5/123456/7", [(6, 16, "5/123456/7")]),
    ("澳門身份證：１２３４５６７（８）", [(6, 16, "１２３４５６７（８）")]),
    ("澳门居民身份证号71234567", [(8, 16, "71234567")]),
    # no context
    ("编号1234567(8)", []),
    ("文件5/123456/7", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_mo_id(found, text, expected):
    assert found(text, "MO_ID") == expected
