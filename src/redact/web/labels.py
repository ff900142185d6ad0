"""What the reviewer reads: Chinese names of statuses, labels, entity types, events and errors."""

from __future__ import annotations

from redact.document import LABEL_ZH
from redact.errors import PermissionDenied, ReviewError, StaleEdit

STATUS_ZH = {
    "received": "已接收",
    "analyzed": "已分析",
    "in_review": "待审核",
    "approved": "已批准",
    "withheld": "不予公开",
    "published": "已发布",
}

TYPE_ZH = {
    "PERSON": "姓名",
    "CN_RESIDENT_ID": "居民身份证号码",
    "PHONE_NUMBER": "电话号码",
    "EMAIL_ADDRESS": "电子邮箱",
    "ADDRESS": "住址",
    "BANK_CARD": "银行卡号",
    "PASSPORT": "护照号码",
    "HK_ID": "香港身份证号码",
    "MO_ID": "澳门身份证号码",
    "TW_ID": "台湾身份证号码",
    "TRAVEL_PERMIT": "通行证号码",
    "LICENSE_PLATE": "车牌号码",
    "DATE_OF_BIRTH": "出生日期",
    "SOCIAL_ACCOUNT": "社交账号",
    "IP_ADDRESS": "IP地址",
    "CN_USCC": "统一社会信用代码",
    "OTHER": "其他",
}

STATE_ZH = {"pending": "待决定", "accepted": "已接受", "rejected": "已拒绝"}
ACTION_ZH = {"redact": "遮盖", "keep": "保留"}

EVENT_ZH = {
    "received": "接收入库",
    "duplicate": "重复文件",
    "entity_accepted": "接受建议",
    "entity_rejected": "拒绝建议",
    "manual_redaction_added": "添加人工遮盖",
    "manual_redaction_removed": "撤销人工遮盖",
    "attribute_set": "确定公开属性",
    "approved": "审核通过",
    "withheld": "决定不予公开",
    "auto_approved": "自动通过",
    "published": "已发布",
    "sent_back": "退回审核",
    "user_added": "新增用户",
    "user_disabled": "停用用户",
    "login": "登录",
    "login_failed": "登录失败",
}

#: Known ReviewError messages (English, for logs) → what the reviewer reads.
_MESSAGES_ZH = (
    ("justification", "将“不予公开”的建议改为“主动公开”，必须填写书面理由。"),
    ("not decided", "仍有未决定的建议，请逐项接受或拒绝后再签发。"),
    ("attribute has not been chosen", "请先确定公开属性，再签发。"),
    ("outside the document", "所选文字范围无效，请重新选择。"),
    ("not in review", "该文件当前不在审核状态。"),
    ("no document", "找不到该文件。"),
    ("unknown entity type", "未知的信息类型。"),
    ("no such", "找不到该条建议。"),
)


def error_zh(exc: ReviewError) -> str:
    if isinstance(exc, StaleEdit):
        return "该文件已被其他审核人员修改。请刷新页面，查看最新决定后重新操作。"
    if isinstance(exc, PermissionDenied):
        return "您的角色无权执行此操作（只有审核员和管理员可以作出决定，只有管理员可以管理用户）。"
    for needle, text in _MESSAGES_ZH:
        if needle in exc.message:
            return text
    return "操作未能完成。"


__all__ = ["ACTION_ZH", "EVENT_ZH", "LABEL_ZH", "STATE_ZH", "STATUS_ZH", "TYPE_ZH", "error_zh"]
