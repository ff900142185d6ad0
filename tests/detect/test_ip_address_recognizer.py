"""IpAddressRecognizer: valid IPv4/IPv6 addresses, glued to Chinese or not."""

import pytest

CASES = [
    ("登录IP192.168.1.10，", [(4, 16, "192.168.1.10")]),
    ("地址10.0.0.1访问", [(2, 10, "10.0.0.1")]),
    ("IP位址：２０２．１０８．２２．５", [(5, 17, "２０２．１０８．２２．５")]),
    ("IPv6地址2001:db8::8a2e:370:7334。", [(6, 29, "2001:db8::8a2e:370:7334")]),
    ("IP地址：9f38:8c21:92e2:253a:8af6:44d:eec5:fba1。", [(5, 43, "9f38:8c21:92e2:253a:8af6:44d:eec5:fba1")]),
    ("來源::1", [(2, 5, "::1")]),
    # not addresses: octet > 255, version numbers, article numbers
    ("IP 256.1.1.1", []),
    ("版本1.2.3", []),
    ("第1.2.3.4.5条", []),
    ("时间10:30", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_ip_address(found, text, expected):
    assert found(text, "IP_ADDRESS") == expected
