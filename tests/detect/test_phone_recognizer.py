"""PhoneRecognizer: mainland mobiles and landlines, HK/MO/TW numbers; weak forms need context."""

import pytest

CASES = [
    # mainland mobiles: plain, glued, +86/0086, spaces, hyphens, full-width
    ("联系电话13800138000。", [(4, 15, "13800138000")]),
    ("电话：+86 138 0013 8000", [(3, 20, "+86 138 0013 8000")]),
    ("手机008613800138000", [(2, 17, "008613800138000")]),
    ("手机号138-0013-8000转告", [(3, 16, "138-0013-8000")]),
    ("手機：１３８００１３８０００", [(3, 14, "１３８００１３８０００")]),
    # landlines with area code and extension
    ("电话：0591-87654321转123", [(3, 20, "0591-87654321转123")]),
    ("座机(010)62345678", [(2, 15, "(010)62345678")]),
    ("电话059187654321", [(2, 14, "059187654321")]),
    ("拨打01062345678", [(2, 13, "01062345678")]),
    # Hong Kong, Macau, Taiwan
    ("電話：+852 9123 4567", [(3, 17, "+852 9123 4567")]),
    ("電話：+853 6612 3456", [(3, 17, "+853 6612 3456")]),
    ("手機：0912-345-678", [(3, 15, "0912-345-678")]),
    ("電話：(02)2345-6789", [(3, 16, "(02)2345-6789")]),
    ("聯絡電話 9123 4567", [(5, 14, "9123 4567")]),
    # Taiwan landlines and mainland numbers in international form
    ("電話：03-9608377", [(3, 13, "03-9608377")]),
    ("電話 (02) 21865707", [(3, 16, "(02) 21865707")]),
    ("聯絡電話：099 49622830", [(5, 17, "099 49622830")]),
    ("电话+86 591 8765 4321", [(2, 19, "+86 591 8765 4321")]),
    # not phones: too many digits, amounts, bare 8 digits without context, a document number
    ("编号138001380001", []),
    ("罚款12345678元", []),
    ("2019年第12345678号", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_phone(found, text, expected):
    assert found(text, "PHONE_NUMBER") == expected


@pytest.mark.parametrize(
    "value",
    [
        "86-15013402508",
        "(852) 5808 9799",
        "(+853) 6612 3456",
        "02-2147-2277",
        "0950-754-465",
        "+86-591-8765-4321",
    ],
)
def test_more_written_forms_after_a_label(found, value):
    assert found(f"联系电话：{value}。", "PHONE_NUMBER") == [(5, 5 + len(value), value)]


def test_full_width_brackets_and_plus(found):
    assert found("電話：（０５９１）８７６５４３２１", "PHONE_NUMBER") == [
        (3, 17, "（０５９１）８７６５４３２１")
    ]
    assert found("電話：＋８５２ ９１２３ ４５６７", "PHONE_NUMBER") == [
        (3, 17, "＋８５２ ９１２３ ４５６７")
    ]
