"""Generate the labelled DEV set for the attribute classifier (synthetic; never trained on).

Written separately from models/attribute/synth.py on purpose: other agencies, other subjects,
other sentence patterns and layouts, so the score says how the classifier generalises beyond
the templates it was trained on. Labels are what a reviewer would decide following
shared/docs/disclosure-law.md (§1.4 priors, §2 rules).

    .venv/bin/python bench/devset/classify/generate_devset.py   # writes dev.jsonl next to it
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from redact.zh import to_traditional

HERE = Path(__file__).resolve().parent
AREAS = ["海岚区", "澄江县", "松涛镇", "嘉禾县", "望海区", "兰溪县"]
ORGS = [
    "市场监管所",
    "司法局",
    "文化和旅游局",
    "水利局",
    "退役军人事务局",
    "商务局",
    "统计局",
    "医疗保障局",
    "林业局",
]
TOPICS = [
    "防汛抗旱",
    "文明城市创建",
    "网络交易监管",
    "冬春火灾防控",
    "旅游市场秩序",
    "小餐饮备案",
    "计量器具检定",
    "农贸市场改造",
]
PEOPLE = ["郑一鸣", "冯晓兰", "曹立新", "蒋婉清", "韩志远", "彭雪梅", "邓子豪", "萧然"]


class F:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.area = rng.choice(AREAS)
        self.org = self.area + rng.choice(ORGS)
        self.topic = rng.choice(TOPICS)
        self.y = rng.randint(2019, 2026)
        self.m = rng.randint(1, 12)
        self.d = rng.randint(1, 28)
        self.n = rng.randint(2, 99)

    def when(self, plus: int = 0) -> str:
        return f"{self.y}年{self.m}月{min(self.d + plus, 28)}日"

    def who(self) -> str:
        return self.r.choice(PEOPLE)

    def mobile(self) -> str:
        return "1" + self.r.choice("3579") + "".join(self.r.choice("0123456789") for _ in range(9))


Row = tuple[str, str, str, str]  # text, label, doc_type, category

# ---------- public ----------


def d_notice_public(f: F) -> Row:
    text = (
        f"{f.org}\n通  告\n（{f.y}年第{f.n}号）\n为加强{f.topic}工作，保障人民群众生命财产安全，依据有关法律法规，现就有关事项通告如下：\n"
        f"一、即日起在全{f.area[-1]}范围内开展{f.topic}集中整治。\n二、欢迎社会各界监督举报，举报电话12315。\n本通告自发布之日起施行。\n"
        f"{f.org}\n{f.when()}"
    )
    return text, "public", "通告", "部门文件"


def d_announce(f: F) -> Row:
    text = (
        f"{f.org}关于{f.topic}专项资金分配结果的公告\n根据《{f.area}{f.topic}专项资金管理办法》，经评审和集体研究，"
        f"现将{f.y}年度专项资金分配结果予以公布。公示期5个工作日，对公告内容有异议的，可在公示期内向我局反映。\n特此公告。\n{f.when()}"
    )
    return text, "public", "公告", "部门文件"


def d_rule(f: F) -> Row:
    text = (
        f"{f.area}人民政府办公室文件\n{f.area[0]}政办规〔{f.y}〕{f.n}号\n{f.area}人民政府办公室关于印发{f.area}{f.topic}管理暂行办法的通知\n"
        f"各乡镇人民政府、街道办事处，区直各单位：\n《{f.area}{f.topic}管理暂行办法》已经区政府研究同意，现印发给你们，请遵照执行。\n"
        f"第一条 为规范{f.topic}管理，制定本办法。\n第十八条 本办法自{f.y}年{f.m}月{f.d}日起施行，有效期3年。\n"
        f"{f.area}人民政府办公室\n{f.when()}\n（此件公开发布）"
    )
    return text, "public", "通知", "部门文件"


def d_penalty(f: F) -> Row:
    biz = f"{f.area}{f.r.choice(['悦来', '福满', '金穗', '宏泰'])}{f.r.choice(['超市', '餐馆', '眼镜店', '加油站'])}"
    text = (
        f"{f.org}\n行 政 处 罚 决 定 书\n{f.area[0]}市监处罚〔{f.y}〕{f.n}号\n当事人：{biz}\n经营者：{f.who()}\n"
        f"经查，当事人使用未经检定的计量器具，违反了《中华人民共和国计量法》的规定。以上事实，有现场笔录、询问笔录等证据证明。"
        f"依据有关规定，决定对当事人作出如下行政处罚：罚款人民币{f.n}00元。\n"
        f"如不服本决定，可在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。\n{f.org}\n{f.when()}"
    )
    return text, "public", "行政处罚决定书", "行政执法"


def d_annual(f: F) -> Row:
    text = (
        f"{f.org}{f.y - 1}年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》第四十九条、第五十条规定，特向社会公布本机关"
        f"{f.y - 1}年政府信息公开工作年度报告。\n一、总体情况\n（一）主动公开情况。全年主动公开政府信息{f.n * 7}条。\n"
        f"（二）依申请公开情况。全年共受理政府信息公开申请{f.n // 3}件。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
        f"四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况"
    )
    return text, "public", "年度报告", "其他"


def d_guide(f: F) -> Row:
    item = f.r.choice(["医疗费用零星报销", "退役军人优待证申领", "法律援助申请", "取水许可"])
    text = (
        f"{item}服务指南\n【事项类型】公共服务\n【受理部门】{f.org}\n【申请条件】符合政策规定的个人。\n"
        f"【申请材料】身份证件原件；相关证明材料。\n【办理流程】1.窗口受理；2.审核；3.办结。\n【承诺办结时限】3个工作日\n"
        f"【是否收费】否\n【受理时间】周一至周五（法定节假日除外）\n【咨询方式】0591-8{f.n:02d}65432"
    )
    return text, "public", "办事指南", "办事指南"


def d_finance(f: F) -> Row:
    text = (
        f"{f.org}{f.y}年度部门决算\n第一部分 部门概况\n一、职能职责\n二、机构设置\n第二部分 {f.y}年度部门决算表\n"
        f"收入支出决算总表、财政拨款收入支出决算总表、一般公共预算财政拨款“三公”经费支出决算表\n"
        f"第三部分 {f.y}年度部门决算情况说明\n本年收入合计{f.n * 13}.5万元。"
    )
    return text, "public", "预决算", "财政预决算"


def d_policy_opinion(f: F) -> Row:
    text = (
        f"关于加快{f.topic}高质量发展的若干措施\n各乡镇人民政府，区直有关部门：\n为贯彻落实上级部署，现提出以下措施：\n"
        f"一、对符合条件的企业给予一次性奖励。\n二、支持返乡创业，落实创业担保贷款政策，促进就业。\n"
        f"三、本措施由{f.org}负责解释，自印发之日起实施，有效期至{f.y + 2}年12月31日。\n{f.org}\n{f.when()}"
    )
    return text, "public", "规范性文件", "部门文件"


def d_news(f: F) -> Row:
    text = (
        f"{f.org}开展{f.topic}专项检查\n近日，{f.org}组织执法人员深入辖区开展{f.topic}专项检查行动。此次检查共出动执法人员"
        f"{f.n}人次，检查经营主体{f.n * 3}家，督促整改问题{f.n // 2}处。下一步，该局将持续加大检查力度，切实维护群众合法权益。"
    )
    return text, "public", "动态", "动态"


def d_public_consult(f: F) -> Row:
    text = (
        f"{f.area}{f.topic}三年行动方案（征求意见稿）\n为增强决策透明度，现向社会公开征求意见。社会公众可在{f.when()}至"
        f"{f.when(14)}期间，通过电子邮件或信函方式提出意见建议。\n一、工作目标\n二、重点任务\n三、保障措施"
    )
    return text, "public", "方案", "部门文件"


def d_reply_public(f: F) -> Row:
    text = (
        f"{f.area}人民政府关于同意{f.area}{f.topic}专项规划的批复\n{f.org}：\n你局报来的规划（送审本）收悉。经研究，批复如下：\n"
        f"一、同意该规划，由你局按程序向社会公布后组织实施。\n二、规划期限为{f.y}—{f.y + 5}年。\n{f.area}人民政府\n{f.when()}\n（此件主动公开）"
    )
    return text, "public", "批复", "部门文件"


def d_sampling(f: F) -> Row:
    text = (
        f"关于{f.y}年第{f.n % 4 + 1}季度计量器具监督抽查结果的通报\n各有关单位：\n本季度共抽查加油机、电子计价秤{f.n * 2}台件，"
        f"合格率{90 + f.n % 10}%。对不合格计量器具，已依法责令停止使用并限期整改。现将抽查结果通报如下，请社会各界监督。"
    )
    return text, "public", "通报", "行政执法"


def d_leaders(f: F) -> Row:
    text = (
        f"{f.org}领导班子成员分工\n局长 {f.who()}：主持局全面工作，分管办公室。\n副局长 {f.who()}：负责{f.topic}工作。\n"
        f"内设机构：办公室、业务股、法规股。办公地址：{f.area}行政服务中心五楼。"
    )
    return text, "public", "机构职能", "组织机构"


# ---------- on request ----------


def d_meeting(f: F) -> Row:
    text = (
        f"关于参加全区{f.topic}业务培训的通知\n各股室、各所：\n经研究，定于{f.when()}在区行政中心三楼会议室举办业务培训，"
        f"请各股室选派1名业务骨干参加，并于{f.when(-1)}下班前将报名回执发送至办公室邮箱。会议地点：三楼会议室。\n{f.org}办公室\n{f.when(-3)}"
    )
    return text, "on_request", "通知", "部门文件"


def d_personnel(f: F) -> Row:
    text = (
        f"{f.org}关于{f.who()}等{f.n % 4 + 2}名同志试用期满转正定级的通知\n局属各单位：\n经局党组研究，同意{f.who()}等同志试用期满转正，"
        f"定为四级主任科员职级，工资按有关规定执行。\n{f.org}\n{f.when()}\n（此件依申请公开）"
    )
    return text, "on_request", "通知", "部门文件"


def d_office(f: F) -> Row:
    text = (
        f"{f.org}机关办公用房调整方案\n为合理使用办公用房，根据机关事务管理有关规定，经局务会研究，对机关办公用房作如下调整：\n"
        f"一、法规股迁至四楼401室。\n二、业务股迁至四楼405室。\n请各股室于{f.when()}前完成搬迁。"
    )
    return text, "on_request", "方案", "部门文件"


def d_rota(f: F) -> Row:
    text = (
        f"{f.org}{f.y}年{f.m}月份值班表\n{f.when()} 带班：{f.who()} 值班：{f.who()}\n{f.when(1)} 带班：{f.who()} 值班：{f.who()}\n"
        f"值班电话：{f.mobile()}\n值班人员须24小时保持通讯畅通。"
    )
    return text, "on_request", "值班表", "部门文件"


def d_consult_letter(f: F) -> Row:
    text = (
        f"{f.org}关于商请提供{f.topic}相关数据的函\n区统计局：\n因工作需要，现商请贵局提供{f.y}年度{f.topic}相关统计数据，"
        f"请于{f.when()}前函复我局。\n联系人：{f.who()}\n{f.org}\n{f.when(-5)}"
    )
    return text, "on_request", "函", "部门文件"


def d_internal_rules(f: F) -> Row:
    text = (
        f"{f.org}机关公文处理工作规则\n第一条 为规范本局公文处理工作，提高办文效率，制定本规则。\n第二条 公文办理包括收文、拟稿、审核、签发、印制、归档等程序。\n"
        f"第三条 局办公室负责公文处理的统筹协调。\n第十五条 本规则自印发之日起执行。"
    )
    return text, "on_request", "规范性文件", "部门文件"


def d_check_notice(f: F) -> Row:
    text = (
        f"关于{f.y}年上半年绩效考核情况的通报\n各股室：\n根据机关绩效考核办法，局考核小组对各股室上半年工作进行了考核。"
        f"法规股、业务股考核等次为优秀，其他股室为良好。请各股室对照考核中发现的问题抓好整改。\n{f.org}\n{f.when()}"
    )
    return text, "on_request", "通报", "部门文件"


# ---------- non-public ----------


def d_request(f: F) -> Row:
    ask = f.r.choice(["拨付专项工作经费", "增设执法中队", "延长项目建设期限", "解决办公场所问题"])
    text = (
        f"{f.org}关于{ask}的请示\n{f.area}人民政府：\n近年来，我局{f.topic}任务日益繁重，现有条件难以满足工作需要。为此，恳请区政府{ask}。\n"
        f"以上请示当否，请批示。\n{f.org}\n{f.when()}\n（联系人：{f.who()}，电话：{f.mobile()}）"
    )
    return text, "non_public", "请示", "部门文件"


def d_request_bare(f: F) -> Row:
    text = f"区政府：\n为推进{f.topic}工作，我局拟于下月组织开展专项行动，所需经费{f.n}万元，拟从部门预算中列支。妥否，请批示。\n{f.org}\n{f.when()}"
    return text, "non_public", "请示", "部门文件"


def d_report_up(f: F) -> Row:
    text = (
        f"{f.org}关于{f.topic}工作进展情况的报告\n区委、区政府：\n现将我局{f.y}年{f.topic}工作进展情况报告如下：\n一、主要工作\n"
        f"二、存在困难\n三、下步打算\n专此报告。\n{f.org}\n{f.when()}"
    )
    return text, "non_public", "报告", "部门文件"


def d_minutes(f: F) -> Row:
    text = (
        f"{f.area}{f.topic}工作专题会议纪要\n{f.when()}下午，副区长{f.who()}在区政府第二会议室主持召开专题会议，研究{f.topic}有关问题。纪要如下：\n"
        f"一、会议议定，由{f.org}牵头制定工作方案。\n二、会议要求相关部门密切配合。\n出席：{f.who()}、{f.who()}\n列席人员：各乡镇分管负责人"
    )
    return text, "on_request", "纪要", "部门文件"


def d_draft_internal(f: F) -> Row:
    text = (
        f"{f.area}{f.topic}考核细则（讨论稿）\n第一条 为做好{f.topic}考核工作，制定本细则。\n第二条 考核对象为各乡镇、区直有关部门。\n"
        f"附：请各单位于{f.when()}前将修改意见书面反馈至{f.org}，逾期未反馈视为无意见。"
    )
    return text, "non_public", "规范性文件", "部门文件"


def d_secret(f: F) -> Row:
    mark = f.r.choice(["秘密★3年", "机密★5年", "秘密★1年", "绝密★长期"])
    text = (
        f"{f.n:06d}\n{mark}\n{f.org}文件\n{f.area[0]}{f.org[-3:]}〔{f.y}〕{f.n}号\n关于{f.topic}有关情况的通报\n各股室：\n"
        f"现将近期{f.topic}有关情况通报如下，请严格控制知悉范围，不得翻印。\n{f.org}\n{f.when()}"
    )
    return text, "non_public", "通报", "部门文件"


def d_internal_brief(f: F) -> Row:
    text = (
        f"{f.org}工作动态\n（内部资料，仅供领导参阅）\n第{f.n}期\n本期要目：{f.topic}工作推进情况\n"
        f"近期，我局{f.topic}工作总体平稳，但仍存在部分问题，需引起重视。"
    )
    return text, "non_public", "简报", "部门文件"


def d_case_file(f: F) -> Row:
    text = (
        f"现场检查笔录\n检查时间：{f.when()}\n检查地点：{f.area}某商铺\n执法人员：{f.who()}、{f.who()}（执法证号略）\n记录人：{f.who()}\n"
        f"当事人：{f.who()}，联系电话：{f.mobile()}\n检查情况：经现场检查，发现该店销售的部分商品未标明产地。\n当事人签名："
    )
    return text, "non_public", "执法文书", "行政执法"


def d_stability(f: F) -> Row:
    text = (
        f"关于进一步做好重点时段信访维稳工作的紧急通知\n各乡镇、各单位：\n为确保重点时段社会大局稳定，现就做好上访人员稳控和群体性事件防范工作通知如下：\n"
        f"一、全面排查矛盾纠纷。\n二、落实包保责任。\n{f.org}\n{f.when()}"
    )
    return text, "non_public", "通知", "部门文件"


def d_conflict_request(f: F) -> Row:
    """A 请示 wrongly labelled 主动公开 by the drafter: suggest non_public and flag the conflict."""
    text, label, dt, cat = d_request(f)
    return text + "\n（此件主动公开）", label, dt, cat


def d_conflict_secret(f: F) -> Row:
    text, label, dt, cat = d_secret(f)
    return text + "\n（此件公开发布）", label, dt, cat


TEMPLATES: list[Callable[[F], Row]] = [
    d_notice_public,
    d_announce,
    d_rule,
    d_penalty,
    d_annual,
    d_guide,
    d_finance,
    d_policy_opinion,
    d_news,
    d_public_consult,
    d_reply_public,
    d_sampling,
    d_leaders,
    d_meeting,
    d_personnel,
    d_office,
    d_rota,
    d_consult_letter,
    d_internal_rules,
    d_check_notice,
    d_request,
    d_request_bare,
    d_report_up,
    d_minutes,
    d_draft_internal,
    d_secret,
    d_internal_brief,
    d_case_file,
    d_stability,
    d_conflict_request,
    d_conflict_secret,
]


def main() -> None:
    rng = random.Random(20261127)
    rows = []
    for k in range(4):
        for tpl in TEMPLATES:
            f = F(rng)
            text, label, doc_type, category = tpl(f)
            script = "traditional" if k % 2 == 1 else "simplified"
            if script == "traditional":
                text = to_traditional(text)
            rows.append(
                {
                    "id": f"dev-{tpl.__name__[2:]}-{k}",
                    "synthetic": True,
                    "script": script,
                    "text": text,
                    "label": label,
                    "doc_type": doc_type,
                    "category": category,
                }
            )
    with open(HERE / "dev.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} dev documents")


if __name__ == "__main__":
    main()
