"""TravelPermitRecognizer: 港澳通行证 C+8, 回乡证 H/M+8–10, 台胞证 8 digits — all with context."""

import pytest

CASES = [
    ("港澳通行证号码C12345678", [(7, 16, "C12345678")]),
    ("往來港澳通行證CA1234567，", [(7, 16, "CA1234567")]),
    ("回乡证H1234567801", [(3, 14, "H1234567801")]),
    ("回鄉證：M12345678", [(4, 13, "M12345678")]),
    ("台胞证号码12345678", [(5, 13, "12345678")]),
    ("臺胞證：１２３４５６７８", [(4, 12, "１２３４５６７８")]),
    ("港澳居民來往內地通行證L12149385，", [(11, 20, "L12149385")]),
    ("護照號碼G89772398，通行證號碼L45907325。", [(19, 28, "L45907325")]),
    # without context
    ("批次C12345678", []),
    ("共计12345678元", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_travel_permit(found, text, expected):
    assert found(text, "TRAVEL_PERMIT") == expected
