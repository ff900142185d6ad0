"""SYNTHETIC training documents for the attribute model (every document here is invented).

Templates written for this project from the 公文 conventions of GB/T 9704 and the 文种 priors of
shared/docs/disclosure-law.md §1.4; agencies, people, numbers and places are random fillers.
The dev set (bench/devset/classify/) is produced by a separate generator with other templates
and wording and is never used here.

    python models/attribute/synth.py --n 3000 --out models/attribute/train.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

from redact.zh import to_traditional

CITIES = ["江州市", "临川市", "青岚市", "南屿市", "云溪市", "北塘市", "东陵市", "西河市"]
DISTRICTS = ["城关区", "新港区", "白石县", "青山区", "滨江区", "长乐县", "高新区", "河西区"]
BUREAUS = [
    "市场监督管理局",
    "财政局",
    "人力资源和社会保障局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "卫生健康委员会",
    "教育局",
    "民政局",
    "应急管理局",
    "自然资源局",
    "农业农村局",
]
SUBJECTS = [
    "食品安全",
    "安全生产",
    "营商环境",
    "农村人居环境整治",
    "消防安全",
    "校园周边环境",
    "城市管理",
    "医疗保障",
    "生活垃圾分类",
    "知识产权保护",
    "燃气安全",
    "电动自行车管理",
    "药品零售",
    "特种设备",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["建国", "海燕", "志强", "丽华", "明", "静", "伟", "晓东", "秀英", "国平", "春梅", "文斌"]


class Ctx:
    """Random fillers for one document."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.city = rng.choice(CITIES)
        self.district = rng.choice(DISTRICTS)
        self.bureau = rng.choice(BUREAUS)
        self.org = f"{self.city}{self.bureau}"
        self.subject = rng.choice(SUBJECTS)
        self.year = rng.randint(2018, 2025)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.num = rng.randint(1, 160)
        self.abbr = rng.choice(["江", "临", "青", "南", "云", "北", "东", "西"]) + rng.choice(
            ["市监", "财", "人社", "环", "建", "交", "卫健", "教", "民", "应急", "自然资源", "农"]
        )

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def date(self, offset: int = 0) -> str:
        return f"{self.year}年{self.month}月{min(self.day + offset, 28)}日"

    def docno(self, kind: str = "") -> str:
        return f"{self.abbr}{kind}〔{self.year}〕{self.num}号"

    def phone(self) -> str:
        return "1" + self.rng.choice("3589") + "".join(self.rng.choice("0123456789") for _ in range(9))

    def landline(self) -> str:
        return f"0{self.rng.randint(510, 599)}-{self.rng.randint(2000000, 8999999)}"

    def pid(self) -> str:
        return f"{self.rng.randint(110000, 659000)}{self.rng.randint(1960, 2000)}{self.rng.randint(1, 12):02d}{self.rng.randint(1, 28):02d}{self.rng.randint(100, 999)}{self.rng.choice('0123456789X')}"

    def company(self) -> str:
        return (
            self.city
            + self.rng.choice(["恒达", "鑫源", "华兴", "佳美", "顺发", "万和"])
            + self.rng.choice(
                ["商贸有限公司", "食品有限公司", "餐饮管理有限公司", "药房连锁有限公司", "建材有限公司"]
            )
        )

    def para(self, n: int = 2) -> str:
        pool = [
            f"各单位要高度重视{self.subject}工作，切实加强组织领导，明确责任分工，确保各项措施落到实处。",
            f"要坚持问题导向，围绕{self.subject}领域突出问题，开展全面排查，建立问题清单和整改台账。",
            "要加强部门协作，形成工作合力，及时研究解决工作中遇到的困难和问题。",
            f"{self.year}年以来，我局认真贯彻落实上级决策部署，{self.subject}各项工作取得积极成效。",
            "要强化督促检查，对工作推进不力的单位予以通报，确保工作取得实效。",
            "要加强宣传引导，充分利用各类媒体，营造良好氛围。",
        ]
        return "\n".join(self.rng.sample(pool, k=min(n, len(pool))))


Doc = tuple[str, str, str, str]  # text, label, doc_type, category


def wrap(
    c: Ctx,
    title: str,
    body: str,
    addressee: str | None,
    *,
    kind: str = "",
    full: bool | None = None,
    secret: str | None = None,
    note: str | None = None,
    cc: str | None = None,
) -> str:
    """Lay a body out as a 公文: 版头 (sometimes), title, 主送, body, 署名, 日期, 附注, 版记."""
    full = c.rng.random() < 0.5 if full is None else full
    lines: list[str] = []
    if secret:
        lines += [f"{c.rng.randint(1, 999):06d}", secret]
    if full:
        if c.rng.random() < 0.2:
            lines.append(c.rng.choice(["特急", "加急"]))
        lines += [f"{c.org}文件", c.docno(kind)]
    lines.append(title)
    if addressee:
        lines.append(addressee)
    lines.append(body)
    lines += [c.org, c.date()]
    if note:
        lines.append(note)
    if full and c.rng.random() < 0.7:
        if cc:
            lines.append(f"抄送：{cc}。")
        lines.append(f"{c.org}办公室    {c.date(1)}印发")
    return "\n".join(lines)


def declared(c: Ctx, label: str, p: float = 0.35) -> str | None:
    if c.rng.random() > p:
        return None
    return {
        "public": c.rng.choice(["（此件公开发布）", "（此件主动公开）"]),
        "on_request": "（此件依申请公开）",
        "non_public": c.rng.choice(["（此件不予公开）", "（此件不公开）"]),
    }[label]


# ---------------- public ----------------


def t_gonggao(c: Ctx) -> Doc:
    topic = c.rng.choice(
        [
            "调整部分公交线路",
            "开展燃气安全专项整治",
            "征收集体土地",
            "启用新办公地址",
            "注销部分食品经营许可证",
        ]
    )
    body = (
        f"根据有关规定，现将{topic}有关事项公告如下：\n一、自{c.date()}起实施。\n二、请社会公众予以理解和支持。\n"
        f"咨询电话：{c.landline()}。\n特此公告。"
    )
    return (
        wrap(c, f"{c.org}关于{topic}的公告", body, None, note=declared(c, "public")),
        "public",
        "公告",
        "部门文件",
    )


def t_tonggao(c: Ctx) -> Doc:
    if c.rng.random() < 0.5:
        title = f"关于{c.year}年第{c.rng.randint(1, 12)}期食品安全监督抽检信息的通告"
        body = f"近期，我局组织抽检食品{c.rng.randint(100, 500)}批次，其中不合格样品{c.rng.randint(1, 9)}批次。对抽检发现的不合格食品，已责令生产经营者查清产品流向、召回不合格产品。\n特此通告。"
        cat = "行政执法"
    else:
        road = c.rng.choice(["滨海大道", "人民路", "解放西路", "环城北路"])
        title = f"关于{road}部分路段实施交通管制的通告"
        body = f"因道路施工需要，{c.date()}至{c.date(7)}，{road}部分路段实施交通管制。过往车辆和行人请按照交通标志通行。广大市民请提前规划出行路线。\n特此通告。"
        cat = "部门文件"
    return wrap(c, title, body, None, note=declared(c, "public")), "public", "通告", cat


def t_guifan(c: Ctx) -> Doc:
    thing = c.rng.choice(
        [
            "城市停车管理",
            "住房公积金提取",
            "小微企业创业担保贷款",
            "农村宅基地审批",
            "餐厨垃圾处置",
            "行政规范性文件备案审查",
        ]
    )
    body = (
        f"现将《{c.city}{thing}办法》印发给你们，请认真贯彻执行。\n"
        f"{c.city}{thing}办法\n第一条 为了规范{thing}工作，根据有关法律法规，结合本市实际，制定本办法。\n"
        f"第二条 本办法适用于本市行政区域内的{thing}活动。\n第三条 市{c.bureau}负责本办法的组织实施。\n"
        f"第二十条 本办法自{c.year}年{c.month}月1日起施行，有效期5年。"
    )
    addressee = "各区（县）人民政府，市直各有关单位："
    return (
        wrap(
            c,
            f"关于印发《{c.city}{thing}办法》的通知",
            body,
            addressee,
            kind="规",
            cc="各新闻单位",
            note=declared(c, "public"),
        ),
        "public",
        "通知",
        "部门文件",
    )


def t_zhuanfa(c: Ctx) -> Doc:
    body = (
        f"现将《国务院办公厅关于进一步优化{c.subject}工作的通知》（国办发〔{c.year}〕{c.num}号）转发给你们，"
        f"请结合实际认真贯彻落实。\n{c.para(2)}"
    )
    return (
        wrap(
            c,
            f"关于转发《国务院办公厅关于进一步优化{c.subject}工作的通知》的通知",
            body,
            f"各{c.rng.choice(['区', '县（市、区）'])}人民政府，市政府各部门：",
            note=declared(c, "public"),
        ),
        "public",
        "通知",
        "部门文件",
    )


def t_yijian(c: Ctx) -> Doc:
    body = (
        f"为进一步做好{c.subject}工作，促进就业创业，保障和改善民生，现提出如下实施意见。\n一、总体要求\n{c.para(2)}\n"
        f"二、主要措施\n（一）加大政策支持力度。\n（二）优化公共服务。\n三、保障措施\n本意见自印发之日起施行。"
    )
    return (
        wrap(
            c,
            f"关于进一步做好{c.subject}工作的实施意见",
            body,
            "各区人民政府，市直各部门：",
            kind="规",
            note=declared(c, "public"),
        ),
        "public",
        "意见",
        "部门文件",
    )


def t_guide(c: Ctx) -> Doc:
    item = c.rng.choice(
        [
            "食品经营许可",
            "药品零售企业许可",
            "建筑工程施工许可",
            "道路运输经营许可",
            "排污许可",
            "社会团体成立登记",
        ]
    )
    body = (
        f"一、事项名称：{item}\n二、设定依据：相关法律法规\n三、申请条件：申请人应当具有与经营项目相适应的场所和设备。\n"
        f"四、申请材料：1.申请书；2.营业执照复印件；3.场所平面图。\n五、办理流程：申请—受理—审查—决定—送达。\n"
        f"六、办理时限：法定办结时限20个工作日，承诺办结时限5个工作日。\n七、收费标准：不收费。\n"
        f"八、办理地点：{c.city}政务服务中心{c.rng.randint(1, 3)}楼窗口，办公时间：工作日上午9:00—12:00。\n咨询电话：{c.landline()}"
    )
    return f"{item}办事指南\n{body}", "public", "办事指南", "办事指南"


def t_budget(c: Ctx) -> Doc:
    kind = c.rng.choice(["预算", "决算"])
    body = (
        f"一、部门主要职责\n{c.org}主要职责是贯彻执行国家有关方针政策。\n二、{c.year}年部门{kind}情况说明\n"
        f"{c.year}年收入{kind}{c.rng.randint(1000, 9000)}万元，其中一般公共预算财政拨款收入{c.rng.randint(500, 900)}万元。\n"
        f"三、“三公”经费{kind}情况说明\n因公出国（境）费0万元，公务用车购置及运行费{c.rng.randint(5, 40)}万元，公务接待费{c.rng.randint(1, 9)}万元。"
    )
    return f"{c.org}{c.year}年部门{kind}公开说明\n{body}", "public", "预决算", "财政预决算"


def t_annual(c: Ctx) -> Doc:
    body = (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。"
        f"报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。\n"
        f"一、总体情况\n{c.year}年，{c.org}认真贯彻落实《条例》，主动公开政府信息{c.rng.randint(100, 900)}条。\n"
        f"二、收到和处理政府信息公开申请情况\n本年度新收政府信息公开申请{c.rng.randint(1, 60)}件。"
    )
    return f"{c.org}{c.year}年政府信息公开工作年度报告\n{body}", "public", "年度报告", "其他"


def t_penalty(c: Ctx) -> Doc:
    co = c.company()
    body = (
        f"{c.docno('市监罚')}\n当事人：{co}\n统一社会信用代码：91{c.rng.randint(100000, 999999)}MA{c.rng.randint(1000000, 9999999)}\n"
        f"法定代表人：{c.name()}\n住所：{c.city}{c.district}{c.rng.choice(['建设路', '和平街', '中山路'])}{c.rng.randint(1, 200)}号\n"
        f"{c.date()}，执法人员对当事人经营场所进行检查，发现当事人销售超过保质期的食品。以上事实有现场检查笔录、询问笔录、"
        f"进货票据等证据为证。\n当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。"
        f"依据《中华人民共和国食品安全法》第一百二十四条的规定，本局决定：没收违法所得，并处罚款{c.rng.randint(5, 50)}000元。\n"
        f"当事人如不服本处罚决定，可以在收到本决定书之日起六十日内申请行政复议，也可以在六个月内依法提起行政诉讼。"
    )
    return f"{c.org}\n行政处罚决定书\n{body}\n{c.org}\n{c.date(2)}", "public", "行政处罚决定书", "行政执法"


def t_recruit(c: Ctx) -> Doc:
    rows = "\n".join(
        f"{i + 1}. {c.name()} 男 准考证号{c.rng.randint(10000000, 99999999)}"
        for i in range(c.rng.randint(2, 5))
    )
    body = (
        f"根据{c.year}年公开招聘工作人员公告，经笔试、面试、体检和考察，现将拟录用人员名单予以公示：\n{rows}\n"
        f"公示期为{c.date()}至{c.date(5)}。公示期间如有异议，请向{c.org}反映。监督电话：{c.landline()}"
    )
    return f"{c.org}{c.year}年公开招聘工作人员拟录用人员公示\n{body}", "public", "公示", "部门文件"


def t_stat(c: Ctx) -> Doc:
    body = (
        f"{c.year}年，全市实现地区生产总值{c.rng.randint(800, 5000)}亿元，比上年增长{c.rng.randint(3, 9)}.{c.rng.randint(0, 9)}%。"
        f"一、农业\n全年粮食产量{c.rng.randint(20, 90)}万吨。\n二、工业和建筑业\n规模以上工业增加值增长{c.rng.randint(2, 12)}%。\n"
        f"注：本公报数据为初步统计数。"
    )
    return f"{c.city}{c.year}年国民经济和社会发展统计公报\n{body}", "public", "公报", "其他"


def t_praise(c: Ctx) -> Doc:
    units = "、".join(c.rng.sample(DISTRICTS, 3))
    body = (
        f"{c.year}年，各地各部门认真落实{c.subject}工作部署，涌现出一批先进集体。为表彰先进，经研究，决定对{units}等单位予以通报表扬。"
        f"希望受表扬的单位珍惜荣誉，再接再厉。"
    )
    return (
        wrap(
            c,
            f"关于对{c.year}年度{c.subject}工作先进集体予以通报表扬的通报",
            body,
            "各区人民政府，市直各部门：",
            note=declared(c, "public"),
        ),
        "public",
        "通报",
        "部门文件",
    )


def t_public_draft(c: Ctx) -> Doc:
    thing = c.rng.choice(
        ["养犬管理规定", "物业服务收费管理办法", "公共场所控制吸烟条例", "历史文化街区保护办法"]
    )
    body = (
        f"为提高立法质量，广泛听取社会各界意见，现将《{c.city}{thing}（征求意见稿）》全文公布，公开征求社会公众意见。"
        f"征求意见期为{c.date()}至{c.date(20)}。意见反馈方式：电子邮箱 zqyj{c.num}@{c.rng.choice(['example', 'sample'])}.gov.cn；信函寄至{c.org}法规科。"
    )
    return f"关于公开征求《{c.city}{thing}（征求意见稿）》意见的公告\n{body}", "public", "公告", "部门文件"


def t_pifu(c: Ctx) -> Doc:
    thing = c.rng.choice(
        [f"{c.district}控制性详细规划", f"{c.district}旧城片区房屋征收补偿方案", f"{c.district}新建道路命名"]
    )
    body = (
        f"你局《关于审批{thing}的请示》收悉。经研究，现批复如下：\n一、原则同意{thing}。\n"
        f"二、请你局按照有关规定组织实施，并向社会公布。"
    )
    return (
        wrap(
            c,
            f"{c.city}人民政府关于{thing}的批复",
            body,
            f"{c.city}{c.rng.choice(['自然资源局', '住房和城乡建设局'])}：",
            note=declared(c, "public"),
        ),
        "public",
        "批复",
        "部门文件",
    )


def t_org(c: Ctx) -> Doc:
    body = (
        f"一、主要职责\n（一）贯彻执行国家有关{c.subject}的法律法规和方针政策。\n（二）负责本行政区域内{c.subject}的监督管理。\n"
        f"二、内设机构\n办公室、政策法规科、{c.subject}监管科。\n三、领导信息\n局长：{c.name()}，主持全面工作。\n"
        f"四、办公地址：{c.city}{c.rng.choice(['行政中心', '政务大楼'])}\n办公时间：工作日8:30—17:30\n联系电话：{c.landline()}"
    )
    return f"{c.org}机构职能\n{body}", "public", "机构职能", "组织机构"


def t_news(c: Ctx) -> Doc:
    verb = c.rng.choice(["召开", "举行", "开展", "部署"])
    body = (
        f"{c.date()}，{c.org}{verb}{c.subject}工作推进会。会议传达学习了上级有关会议精神，通报了前一阶段工作情况，"
        f"部署了下一步重点任务。局党组书记、局长{c.name()}出席会议并讲话。会议强调，要{c.para(1)}"
    )
    return f"{c.org}{verb}{c.subject}工作推进会\n{body}", "public", "动态", "动态"


def t_caigou(c: Ctx) -> Doc:
    body = (
        f"为便于供应商及时了解政府采购信息，根据有关规定，现将{c.org}{c.year}年政府采购意向公开如下：\n"
        f"1.{c.subject}宣传服务项目，预算金额{c.rng.randint(10, 90)}万元，预计采购时间{c.year}年{c.month}月。\n"
        "本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关采购公告和采购文件为准。"
    )
    return f"{c.org}{c.year}年政府采购意向公开\n{body}", "public", "方案", "部门文件"


def t_ling(c: Ctx) -> Doc:
    thing = c.rng.choice(["城市绿化管理办法", "生活垃圾分类管理规定", "历史建筑保护办法"])
    body = (
        f"《{c.city}{thing}》已经{c.year}年{c.month}月{c.day}日市人民政府第{c.rng.randint(10, 90)}次常务会议通过，现予公布，"
        f"自{c.year}年{min(c.month + 1, 12)}月1日起施行。\n市长　{c.name()}\n{c.date()}"
    )
    return f"{c.city}人民政府令\n第{c.rng.randint(100, 300)}号\n{body}", "public", "命令", "部门文件"


# ---------------- on request ----------------


def t_meeting(c: Ctx) -> Doc:
    body = (
        f"经局领导同意，定于{c.date()}上午9:00在局{c.rng.randint(2, 9)}楼会议室召开{c.subject}工作例会。现将有关事项通知如下：\n"
        f"一、参会人员：各科室、各直属单位主要负责人。\n二、会议内容：通报近期工作情况，部署下阶段工作。\n"
        f"三、请各科室于{c.date(-1)}前将参会人员名单报办公室。请准时参加，不得缺席。\n联系人：{c.name()}，电话：{c.phone()}"
    )
    return (
        wrap(
            c,
            f"关于召开{c.subject}工作例会的通知",
            body,
            "局机关各科室、各直属单位：",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "通知",
        "部门文件",
    )


def t_training(c: Ctx) -> Doc:
    body = (
        f"为提升干部业务能力，经研究，决定举办{c.subject}业务培训班。现将有关事项通知如下：\n一、培训时间：{c.date()}至{c.date(2)}\n"
        f"二、培训对象：各科室业务骨干。\n三、请各单位于{c.date(-2)}前报送参训人员名单。\n联系人：{c.name()} {c.phone()}"
    )
    return (
        wrap(
            c,
            f"关于举办{c.year}年{c.subject}业务培训班的通知",
            body,
            "各科室、各所：",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "通知",
        "部门文件",
    )


def t_submit(c: Ctx) -> Doc:
    body = (
        f"根据工作安排，请各单位认真总结{c.year}年上半年{c.subject}工作情况，于{c.date()}前将工作总结材料报送至局办公室。"
        f"材料内容包括主要做法、存在问题和下一步打算。逾期未报的，将予以通报。\n联系人：{c.name()}，电话：{c.landline()}"
    )
    return (
        wrap(
            c,
            f"关于报送{c.year}年上半年{c.subject}工作总结材料的通知",
            body,
            "各科室、各直属单位：",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "通知",
        "部门文件",
    )


def t_appoint(c: Ctx) -> Doc:
    names = [c.name() for _ in range(c.rng.randint(1, 3))]
    body = (
        "经局党组研究决定：\n"
        + "\n".join(
            f"{n}同志任{c.rng.choice(['办公室主任', '法规科科长', '监管科副科长'])}，试用期一年；"
            for n in names
        )
        + "\n免去其原任职务。"
    )
    title = c.rng.choice([f"关于{names[0]}等同志职务任免的通知", f"关于{names[0]}同志职级晋升的通知"])
    return (
        wrap(c, title, body, "局机关各科室：", note=declared(c, "on_request")),
        "on_request",
        "通知",
        "部门文件",
    )


def t_duty(c: Ctx) -> Doc:
    holiday = c.rng.choice(["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节"])
    rows = "\n".join(
        f"{c.date(i)} 带班领导：{c.name()} 值班人员：{c.name()} 电话：{c.phone()}" for i in range(3)
    )
    body = f"为做好{holiday}期间各项工作，现将值班安排通知如下：\n{rows}\n值班人员要坚守岗位，遇有重大情况及时报告。"
    return (
        wrap(
            c,
            f"关于{c.year}年{holiday}假期值班安排的通知",
            body,
            "局机关各科室：",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "通知",
        "部门文件",
    )


def t_car(c: Ctx) -> Doc:
    thing = c.rng.choice(
        ["公务用车使用管理", "办公用品采购领用", "机关食堂管理", "固定资产管理", "机关考勤管理"]
    )
    body = (
        f"第一条 为加强机关{thing}，规范内部工作流程，制定本制度。\n第二条 本制度适用于局机关各科室。\n"
        f"第三条 办公室负责{thing}的日常工作。\n第四条 本制度自印发之日起执行。"
    )
    return (
        wrap(
            c,
            f"关于印发《{c.org}机关{thing}制度》的通知",
            body,
            "局机关各科室：",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "通知",
        "部门文件",
    )


def t_supervise(c: Ctx) -> Doc:
    body = (
        f"根据年度工作计划，局办公室对各科室{c.subject}重点工作推进情况进行了督查。现将督查情况通报如下：\n"
        f"一、总体情况：大部分科室能够按时完成工作任务。\n二、存在问题：个别科室工作进度滞后，台账资料不完整。\n"
        f"三、下一步要求：请相关科室于{c.date()}前完成整改，并将整改情况报局办公室。"
    )
    return (
        wrap(
            c,
            f"关于{c.year}年第{c.rng.randint(1, 4)}季度重点工作督查情况的通报",
            body,
            "局机关各科室：",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "通报",
        "部门文件",
    )


def t_letter(c: Ctx) -> Doc:
    other = c.city + c.rng.choice(["公安局", "税务局", "城市管理局", "交通运输局"])
    body = (
        f"为做好{c.subject}联合检查工作，现商请贵局于{c.date()}派员参加联合检查，请将参加人员名单于{c.date(-2)}前函告我局。"
        f"请予支持为盼。\n联系人：{c.name()}，电话：{c.phone()}"
    )
    return (
        wrap(
            c,
            f"关于商请协助开展{c.subject}联合检查的函",
            body,
            f"{other}：",
            kind="函",
            note=declared(c, "on_request"),
        ),
        "on_request",
        "函",
        "部门文件",
    )


def t_assess(c: Ctx) -> Doc:
    rows = "、".join(c.name() for _ in range(4))
    body = f"根据公务员年度考核有关规定，经考核委员会审核，{rows}等同志{c.year}年度考核确定为优秀等次。请各科室做好考核结果运用工作。"
    return (
        wrap(c, f"关于{c.year}年度考核结果的通报", body, "局机关各科室：", note=declared(c, "on_request")),
        "on_request",
        "通报",
        "部门文件",
    )


# ---------------- non-public ----------------


def t_qingshi(c: Ctx) -> Doc:
    need = c.rng.choice(
        ["追加执法装备经费", "增加人员编制", "购置执法车辆", "召开全市现场会", "调整办公用房"]
    )
    body = (
        f"为保障{c.subject}工作顺利开展，我局拟{need}，现将有关情况请示如下：\n一、基本情况\n{c.para(1)}\n"
        f"二、具体事项\n拟申请经费{c.rng.randint(10, 300)}万元。\n{c.rng.choice(['妥否，请批示。', '以上请示，请予审批。', '特此请示。'])}"
    )
    return (
        wrap(c, f"关于{need}的请示", body, f"{c.city}人民政府：", kind="", cc=None),
        "non_public",
        "请示",
        "部门文件",
    )


def t_report(c: Ctx) -> Doc:
    body = (
        f"根据市政府工作部署，我局开展了{c.subject}专项检查，现将有关情况报告如下：\n一、工作开展情况\n{c.para(2)}\n"
        f"二、存在的问题\n部分经营主体主体责任落实不到位。\n三、下一步工作打算\n继续加大监管力度。\n特此报告。"
    )
    return (
        wrap(c, f"关于{c.year}年{c.subject}专项检查情况的报告", body, f"{c.city}人民政府："),
        "non_public",
        "报告",
        "部门文件",
    )


def t_minutes(c: Ctx) -> Doc:
    body = (
        f"{c.date()}，局长{c.name()}主持召开局长办公会议，研究{c.subject}等事项。现将会议议定事项纪要如下：\n"
        f"一、会议原则同意{c.subject}工作方案，由相关科室抓紧修改完善。\n二、会议要求各科室加强协调配合。\n"
        f"出席人员：{c.name()}、{c.name()}、{c.name()}\n列席人员：{c.name()}\n记录人：{c.name()}"
    )
    return (
        f"{c.org}局长办公会议纪要\n〔{c.year}〕第{c.rng.randint(1, 30)}期\n{body}",
        "on_request",
        "纪要",
        "部门文件",
    )


def t_internal_draft(c: Ctx) -> Doc:
    thing = c.rng.choice(["专项资金管理办法", "监管工作考核办法", "执法责任制实施细则"])
    body = (
        f"现将《{c.city}{c.subject}{thing}（征求意见稿）》送你们，请结合工作实际认真研究，"
        f"并于{c.date()}前将书面修改意见反馈我局法规科。逾期未反馈视为无意见。"
    )
    return (
        wrap(
            c,
            f"关于征求《{c.city}{c.subject}{thing}（征求意见稿）》意见的函",
            body,
            "各区人民政府，市直有关单位：",
            kind="函",
        ),
        "non_public",
        "函",
        "部门文件",
    )


def t_record(c: Ctx) -> Doc:
    kind = c.rng.choice(["询问笔录", "现场检查笔录", "调查笔录"])
    body = (
        f"时间：{c.date()} 9时30分至10时40分\n地点：{c.company()}经营场所\n检查人员：{c.name()}、{c.name()} 记录人：{c.name()}\n"
        f"被询问人：{c.name()}，身份证号码：{c.pid()}，联系电话：{c.phone()}\n问：我们是{c.org}执法人员，现依法对你进行询问，你是否清楚？\n答：清楚。"
    )
    return f"{kind}\n{body}", "non_public", "执法文书", "行政执法"


def t_case_approval(c: Ctx) -> Doc:
    body = (
        f"案由：涉嫌销售不符合食品安全标准的食品\n当事人：{c.company()}\n案件来源：投诉举报\n"
        f"承办人意见：经初步核查，当事人涉嫌违法，建议立案调查。\n承办机构负责人意见：同意。\n局负责人意见：同意立案。"
    )
    return f"立案审批表\n{body}", "non_public", "执法文书", "行政执法"


def t_secret(c: Ctx) -> Doc:
    mark = c.rng.choice(["秘密★5年", "机密★10年", "秘密", "机密★长期"])
    body = f"{c.para(3)}\n请各单位严格控制知悉范围。"
    return (
        wrap(
            c,
            f"关于{c.subject}专项工作有关事项的通知",
            body,
            "各区人民政府，市直有关单位：",
            full=True,
            secret=mark,
        ),
        "non_public",
        "通知",
        "部门文件",
    )


def t_internal(c: Ctx) -> Doc:
    body = f"{c.para(3)}"
    return (
        f"内部资料 注意保存\n{c.org}工作简报\n第{c.rng.randint(1, 40)}期\n关于近期{c.subject}工作情况的通报\n{body}",
        "non_public",
        "通报",
        "部门文件",
    )


def t_stability(c: Ctx) -> Doc:
    body = (
        f"当前正值敏感时期，为切实做好重点人员稳控工作，防止发生群体性事件，现将有关要求通知如下：\n"
        f"一、各单位要落实维稳责任，逐一排查重点人员。\n二、{c.para(1)}"
    )
    return (
        wrap(c, "关于做好敏感时期维稳安保工作的通知", body, "各区人民政府，市直有关单位："),
        "non_public",
        "通知",
        "部门文件",
    )


TEMPLATES: dict[str, list[Callable[[Ctx], Doc]]] = {
    "public": [
        t_gonggao,
        t_tonggao,
        t_guifan,
        t_zhuanfa,
        t_yijian,
        t_guide,
        t_budget,
        t_annual,
        t_penalty,
        t_recruit,
        t_stat,
        t_praise,
        t_public_draft,
        t_pifu,
        t_org,
        t_news,
        t_caigou,
        t_ling,
    ],
    "on_request": [
        t_meeting,
        t_training,
        t_submit,
        t_appoint,
        t_duty,
        t_car,
        t_supervise,
        t_letter,
        t_assess,
        t_minutes,
    ],
    "non_public": [
        t_qingshi,
        t_report,
        t_internal_draft,
        t_record,
        t_case_approval,
        t_secret,
        t_internal,
        t_stability,
    ],
}


def generate(n: int, seed: int = 7, traditional_share: float = 0.35) -> list[dict[str, str]]:
    """``n`` synthetic labelled documents; labels balanced, ~35% in Traditional script."""
    rng = random.Random(seed)
    out = []
    labels = list(TEMPLATES)
    for i in range(n):
        label = labels[i % len(labels)]
        tpl = rng.choice(TEMPLATES[label])
        text, lab, doc_type, category = tpl(Ctx(rng))
        assert lab == label
        script = "simplified"
        if rng.random() < traditional_share:
            text, script = to_traditional(text), "traditional"
        out.append(
            {
                "id": f"synth-{i:05d}",
                "synthetic": True,
                "template": tpl.__name__,
                "script": script,
                "text": text,
                "label": lab,
                "doc_type": doc_type,
                "category": category,
            }
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("train.jsonl"))
    args = ap.parse_args()
    rows = generate(args.n, args.seed)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} synthetic documents to {args.out}")


if __name__ == "__main__":
    main()
