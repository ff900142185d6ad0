"""Policy: what is personal data (redact) and what the law keeps public (keep)."""

from __future__ import annotations

import pytest

from redact.detect.policy import Policy
from redact.document import Entity
from redact.errors import ConfigInvalid


def decide(policy: Policy, text: str, value: str, entity_type: str) -> tuple[str, str] | None:
    start = text.index(value)
    e = Entity(entity_type, start, start + len(value), value, 0.9, "test")
    out = policy.decide(text, e)
    return None if out is None else (out.action, out.reason)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return Policy.load("keep_signatories")


@pytest.fixture(scope="module")
def reporting() -> Policy:
    """The same rules with agency hotlines and addresses reported as ``keep`` instead of dropped."""
    config = Policy.load().config
    config = config.model_copy(
        update={
            "hotlines": config.hotlines.model_copy(update={"report": True}),
            "agency_addresses": config.agency_addresses.model_copy(update={"report": True}),
        }
    )
    return Policy(config)


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("投诉举报电话：0591-87654321", "0591-87654321", None),
        ("監督電話 0591-87654321", "0591-87654321", None),
        ("可拨打12345热线", "12345", None),
        ("諮詢電話：\n0591-12345678。", "0591-12345678", None),
        ("请联系本局办公室，电话0591-12345678。", "0591-12345678", None),
        ("聯繫人：本局執法稽查科，聯繫電話：0591-12345678。", "0591-12345678", None),
        ("本局已收到申请。申请人电话：13800138000", "13800138000", ("redact", "S15-PRIVACY")),
        ("本局查明，当事人联系电话：13800138000", "13800138000", ("redact", "S15-PRIVACY")),
        ("本局查明，当事人联系电话：0591-87654321", "0591-87654321", ("redact", "S15-PRIVACY")),
        ("请联系本局张科长，手机13800138000", "13800138000", ("redact", "S15-PRIVACY")),
        ("如有疑问请咨询13800138000", "13800138000", ("redact", "S15-PRIVACY")),
        ("当事人联系电话：13800138000", "13800138000", ("redact", "S15-PRIVACY")),
        # the label belongs to an earlier line: not a hotline
        ("咨询电话：0591-87654321\n申请人电话：13800138000", "13800138000", ("redact", "S15-PRIVACY")),
    ],
)
def test_agency_hotlines_are_not_personal_data(policy, reporting, text, value, expected):
    assert decide(policy, text, value, "PHONE_NUMBER") == expected
    assert decide(reporting, text, value, "PHONE_NUMBER") == (expected or ("keep", "AGENCY-HOTLINE"))


def test_agency_office_address_is_not_reported_but_a_home_address_is(policy, reporting):
    assert decide(policy, "办公地址：福州市鼓楼区华林路1号", "福州市鼓楼区华林路1号", "ADDRESS") is None
    assert decide(policy, "来信请寄：福州市鼓楼区华林路1号", "福州市鼓楼区华林路1号", "ADDRESS") is None
    assert decide(reporting, "办公地址：福州市鼓楼区华林路1号", "福州市鼓楼区华林路1号", "ADDRESS") == (
        "keep",
        "AGENCY-ADDRESS",
    )
    assert decide(policy, "住址：福州市鼓楼区华林路1号", "福州市鼓楼区华林路1号", "ADDRESS") == (
        "redact",
        "S15-PRIVACY",
    )


SIGNED = "……特此通知。\n\n福州市某某局\n局长：王建国\n签发人：李明\n\n张伟\n2019年5月15日\n"


@pytest.mark.parametrize(
    "text, value",
    [
        (SIGNED, "王建国"),
        (SIGNED, "李明"),
        (SIGNED, "张伟"),  # alone on a line above the date
        ("会议由王建国局长主持。", "王建国"),
        ("副市长陈红出席会议。", "陈红"),
        ("簽發人：李明", "李明"),
        ("先进个人\t林晓燕（鼓楼区市场监督管理局）；上官子豪（长乐区市场监督管理局）", "上官子豪"),
        ("出席人员：林国栋、郑晓东、欧阳明辉\n", "欧阳明辉"),
        ("列席人员：陈志强（执法稽查科）、刘芳（办公室）\n记录：许静怡\n", "许静怡"),
        ("日期\t帶班領導\t值班人員\n10月1日\t林國棟\t張偉\n10月2日\t鄭曉東\t李娜\n", "鄭曉東"),
        ("序號\t姓名\t擬錄用職位\n1\t何雨桐\t科員\n", "何雨桐"),
    ],
)
def test_officials_in_their_public_role_follow_the_setting(policy, text, value):
    assert decide(policy, text, value, "PERSON") == ("keep", "OFFICIAL-ROLE")
    assert decide(Policy.load("redact_all"), text, value, "PERSON") == ("redact", "S15-PRIVACY")


@pytest.mark.parametrize(
    "text, value",
    [
        ("申请人张伟，男，住福州市。", "张伟"),
        ("日期\t帶班領導\t值班人員\n10月1日\t林國棟\t張偉\n10月2日\t鄭曉東\t李娜\n", "李娜"),
        ("涉案网店经营者蔡文斌（公民身份号码：350102198001011234）", "蔡文斌"),
        ("委托代理人张伟（福建某某律师事务所）", "张伟"),
        ("……特此申请。\n申请人（签名）：\n张伟\n2024年5月20日\n", "张伟"),
        ("当事人：李明\n" + "说明文字" * 200 + "\n2019年5月15日", "李明"),  # named early, not a signature
    ],
)
def test_private_people_are_redacted(policy, text, value):
    assert decide(policy, text, value, "PERSON") == ("redact", "S15-PRIVACY")


def test_agency_and_company_names_are_not_people(policy):
    assert decide(policy, "由王建国公司承办", "王建国公司", "PERSON") is None
    assert decide(policy, "由欧阳建社经营", "欧阳建社", "PERSON") == ("redact", "S15-PRIVACY")
    assert decide(policy, "张局说", "张局", "PERSON") == ("redact", "S15-PRIVACY")


def test_an_unknown_official_names_policy_is_rejected():
    with pytest.raises(ConfigInvalid):
        Policy.load("keep_everything")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("rjscjj_zcfg@rongjiang.gov.cn", ("keep", "AGENCY-CONTACT")),
        ("info@fz.gov.tw", ("keep", "AGENCY-CONTACT")),
        ("shimengjie_rj@163.com", ("redact", "S15-PRIVACY")),
        ("someone@notgov.cn", ("redact", "S15-PRIVACY")),
    ],
)
def test_government_domain_mailboxes_are_kept(policy, value, expected):
    assert decide(policy, f"意见请发送至{value}。", value, "EMAIL_ADDRESS") == expected
