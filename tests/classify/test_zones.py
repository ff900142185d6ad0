"""Zone splitting (GB/T 9704) on a full 公文, on a bare text, and in Traditional script."""

from __future__ import annotations

from redact.classify.zones import ZONE_NAMES, split_zones
from redact.zh import to_simplified, to_traditional

FULL = """000123
机密★10年
特急
江州市市场监督管理局文件
江市监〔2024〕12号
关于申请追加执法装备经费的请示
江州市财政局：
为保障执法工作，特申请追加经费50万元。
妥否，请批示。
附件：1.经费测算表
江州市市场监督管理局
2024年5月15日
（此件不予公开）
抄送：市政府办公室。
江州市市场监督管理局办公室   2024年5月16日印发
"""

EXPECTED = {
    "份号": "000123",
    "密级和保密期限": "机密★10年",
    "紧急程度": "特急",
    "发文机关标志": "江州市市场监督管理局文件",
    "发文字号": "江市监〔2024〕12号",
    "标题": "关于申请追加执法装备经费的请示",
    "主送机关": "江州市财政局：",
    "正文": "为保障执法工作，特申请追加经费50万元。\n妥否，请批示。",
    "附件说明": "附件：1.经费测算表",
    "署名": "江州市市场监督管理局",
    "成文日期": "2024年5月15日",
    "附注": "（此件不予公开）",
    "抄送": "抄送：市政府办公室。",
    "印发机关和日期": "江州市市场监督管理局办公室   2024年5月16日印发",
}


def test_full_document_has_all_fourteen_zones_in_order() -> None:
    zones = split_zones(FULL)
    assert list(zones.spans) == list(ZONE_NAMES)
    assert {name: FULL[s:e] for name, (s, e) in zones.spans.items()} == EXPECTED


def test_traditional_document_gives_the_same_offsets_after_length_preserving_conversion() -> None:
    converted = to_simplified(to_traditional(FULL))
    assert len(converted) == len(FULL)
    assert split_zones(converted).spans == split_zones(FULL).spans


def test_bare_text_is_all_body() -> None:
    text = "近日，某局组织执法人员开展专项检查，共检查经营主体120家，督促整改问题30处。"
    zones = split_zones(text)
    assert zones.spans == {"正文": (0, len(text))}
    assert zones.title == ""


def test_news_item_title_and_body_without_any_header() -> None:
    text = "某局召开安全生产工作推进会\n近日，某局召开安全生产工作推进会，部署下一阶段工作。"
    zones = split_zones(text)
    assert zones.title == "某局召开安全生产工作推进会"
    assert text[slice(*zones.spans["正文"])].startswith("近日")


def test_title_wrapped_over_two_lines_is_joined() -> None:
    text = (
        "某市市场监督管理局2023年政\n府信息公开工作年度报告（节选）\n本报告根据《条例》编制。\n一、总体情况。"
    )
    zones = split_zones(text)
    assert zones.title == "某市市场监督管理局2023年政府信息公开工作年度报告（节选）"


def test_empty_text_has_no_zones() -> None:
    assert split_zones("").spans == {}


def test_title_is_found_below_web_page_metadata_lines() -> None:
    text = (
        "索引号：FJ00123-0200-2024-00001\n发布机构：某市市场监督管理局\n生成日期：2024-05-15\n公开方式：主动公开\n"
        "关于印发某市食品安全监督抽检计划的通知\n各县（区）市场监督管理局：\n现将抽检计划印发给你们。"
    )
    zones = split_zones(text)
    assert zones.title == "关于印发某市食品安全监督抽检计划的通知"
    assert text[slice(*zones.spans["主送机关"])] == "各县（区）市场监督管理局："
