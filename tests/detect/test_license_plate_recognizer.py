"""LicensePlateRecognizer: province character + letter + optional separator + 5–6 characters."""

import pytest

CASES = [
    ("车牌号闽A·12345的车辆", [(3, 11, "闽A·12345")]),
    ("車牌：粵B D12345", [(3, 12, "粵B D12345")]),  # Traditional documents write 粵 for 粤
    ("号牌粤BD12345", [(2, 10, "粤BD12345")]),
    ("京Ａ１２３４５违停", [(0, 7, "京Ａ１２３４５")]),
    ("沪C12345D", [(0, 8, "沪C12345D")]),
    ("苏E·A123学", [(0, 8, "苏E·A123学")]),
    ("皖Q-43676", [(0, 8, "皖Q-43676")]),
    ("車牌號碼：ABC-1234", [(5, 13, "ABC-1234")]),
    ("產品型號ABC-1234", []),
    ("反映，EBS-3179之貨車違規", [(3, 11, "EBS-3179")]),
    ("雲T·R0563", [(0, 8, "雲T·R0563")]),  # Taiwan form without context
    # not plates: I/O letters, too short, too long
    ("京I12345", []),
    ("京A1234", []),
    ("京A1234567", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_license_plate(found, text, expected):
    assert found(text, "LICENSE_PLATE") == expected
