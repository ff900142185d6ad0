"""PassportRecognizer: E/G + 8 digits and EA1234567 forms; every form needs 护照/護照 nearby."""

import pytest

CASES = [
    ("护照号码E12345678。", [(4, 13, "E12345678")]),
    ("護照：EA1234567", [(3, 12, "EA1234567")]),
    ("护照号Ｇ１２３４５６７８", [(3, 12, "Ｇ１２３４５６７８")]),
    ("持因公护照P1234567入境", [(5, 13, "P1234567")]),
    # no context: a product code, a form number
    ("型号E12345678", []),
    ("表格P1234567", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_passport(found, text, expected):
    assert found(text, "PASSPORT") == expected
