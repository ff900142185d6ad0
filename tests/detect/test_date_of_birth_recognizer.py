"""DateOfBirthRecognizer: only dates next to 出生/生日 are personal; document dates stay public."""

import pytest

CASES = [
    ("出生日期：1985年3月12日", [(5, 15, "1985年3月12日")]),
    ("张某，男，1985年3月12日出生，汉族", [(5, 15, "1985年3月12日")]),
    ("女，1990年1月生，", [(2, 9, "1990年1月")]),
    ("出生年月：1985-03-12", [(5, 15, "1985-03-12")]),
    ("生日：一九八五年三月十二日", [(3, 13, "一九八五年三月十二日")]),
    ("出生於１９８５年３月１２日", [(3, 13, "１９８５年３月１２日")]),
    ("出生日期1985.03.12", [(4, 14, "1985.03.12")]),
    # public dates
    ("本决定自2019年5月15日起生效。", []),
    ("2019年5月15日生效", []),
    ("二〇一九年五月十五日", []),
    ("于2023年5月1日发生事故", []),
    ("2023-05-01", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_date_of_birth(found, text, expected):
    assert found(text, "DATE_OF_BIRTH") == expected
