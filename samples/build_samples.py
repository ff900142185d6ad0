"""Rebuild ``samples/intake/`` and ``samples/expected.json`` from the documents written below.

Every document is fictional (榕江市 is an invented city; all personal data is invented but carries
valid check digits). The text of each document is written once, with inline marks, and both the
files and the expectations are derived from it, so they cannot drift apart:

* ``⟦TYPE|value⟧``  personal datum that must be redacted (``action: redact``)
* ``⟦TYPE+|value⟧`` datum reported but kept (officials signing in their public role, organisation codes)
* ``⟪value⟫``       public string that must survive (文号, dates, amounts, hotlines, citations…)
* ``¦``             a run boundary inside a DOCX paragraph (to split a name across two ``w:r``)

Run: ``.venv/bin/python samples/build_samples.py [OUT_DIR]`` (default ``samples/intake``).
The output is deterministic: TXT and DOCX byte-identical, PDFs with ``invariant=1``.
"""

from __future__ import annotations

import functools
import io
import json
import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from ids import full_width, hk_id, luhn, resident_id, tw_id, uscc  # noqa: E402

AGENCY = "榕江市市场监督管理局"
HOTLINE = "0591-12345678"  # the bureau's published 咨询电话 (public, not an entity)
OFFICE_ADDRESS = "榕江市闽江大道88号"  # the bureau's office address (public, not an entity)
HEAD = "林国栋"  # 局长, signs in his public role
DEPUTY = "郑晓东"  # 副局长

MARK = re.compile(r"⟦([A-Z_]+)(\+?)\|([^⟧]*)⟧|⟪([^⟫]*)⟫")
RUN = "¦"


# --------------------------------------------------------------------------- the document model


@dataclass(frozen=True)
class Block:
    """One line-level element of a 公文 in GB/T 9704 order; ``kind`` decides how it is laid out."""

    kind: str  # mark | org | docno | title | left | p | right | note | footer | table | pagebreak
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Sample:
    """A sample document and what a reviewer should decide about it."""

    file: str
    kind: str
    script: str  # simplified | traditional
    attribute: str  # public | on_request | non_public
    doc_type: str
    category: str
    reason: str  # the article a reviewer cites
    codes: tuple[str, ...]
    blocks: tuple[Block, ...]
    declared: str | None = None
    conflict: bool = False
    encoding: str | None = None  # txt only
    header: str | None = None  # docx only
    convert: bool = True  # traditional samples are written in Simplified and converted; False = written as is

    @property
    def needs_conversion(self) -> bool:
        return self.script == "traditional" and self.convert

    @property
    def format(self) -> str:
        return self.file.rsplit(".", 1)[1]


@dataclass
class Rendered:
    """A block after marks are stripped (and converted to Traditional when needed)."""

    kind: str
    lines: list[list[str]]  # one entry per line (a table has one per row); each line is a list of runs
    spans: list[tuple[str, str, str]] = field(default_factory=list)  # (type|"PUBLIC", action, text)


def p(text: str) -> Block:
    return Block("p", text)


def left(text: str) -> Block:
    return Block("left", text)


def right(text: str) -> Block:
    return Block("right", text)


def table(*rows: Iterable[str]) -> Block:
    return Block("table", rows=tuple(tuple(r) for r in rows))


def e(kind: str, value: str) -> str:
    """Personal datum to redact."""
    return f"⟦{kind}|{value}⟧"


def k(kind: str, value: str) -> str:
    """Datum reported but kept (official in public role, organisation code)."""
    return f"⟦{kind}+|{value}⟧"


def pub(value: str) -> str:
    """Public string that must survive."""
    return f"⟪{value}⟫"


def head_block(docno: str, *, org: str = AGENCY, signer: bool = False) -> list[Block]:
    """发文机关标志 + 发文字号 (with 签发人 for upward documents)."""
    line = pub(docno) + (f"    签发人：{k('PERSON', HEAD)}" if signer else "")
    return [Block("org", org + "文件"), Block("docno", line)]


def signature(date: str, org: str = AGENCY) -> list[Block]:
    return [right(pub(org)), right(pub(date))]


def footer(cc: str, date: str) -> list[Block]:
    return [Block("footer", f"抄送：{cc}。"), Block("footer", f"{pub(AGENCY + '办公室')}    {pub(date)}印发")]


# --------------------------------------------------------------------------- fictional people and codes

ID_CHEN = resident_id("350102", "19850312", "123")
ID_CAI = resident_id("350121", "19910827", "451")
ID_RECRUIT = resident_id("350103", "19990214", "262")
USCC_FENGYUAN = uscc("91", "350102", "MA2Y7K3R")
USCC_HAIXI = uscc("91", "350104", "61537820")
USCC_MINJIANG = uscc("91", "350181", "MA31BN6Q")
BANK_CAI = luhn("621700123804567891")
HK_LEUNG = hk_id("K", "318524")
TW_LIN = tw_id("F", "12638475")


def _samples() -> list[Sample]:
    return [
        Sample(
            file="penalty-2024-012.pdf",
            kind="行政处罚决定书（个人当事人，多页）",
            script="simplified",
            attribute="public",
            doc_type="行政处罚决定书",
            category="行政执法",
            reason="《政府信息公开条例》第二十条第（六）项；《行政处罚法》第四十八条；须区分处理（第三十七条）",
            codes=("S20-6", "S15-PRIVACY"),
            blocks=(
                Block("org", AGENCY),
                Block("title", "行政处罚决定书"),
                Block("docno", pub("榕市监罚〔2024〕12号")),
                left(f"当事人：{e('PERSON', '陈建华')}"),
                left(f"公民身份号码：{e('CN_RESIDENT_ID', ID_CHEN)}"),
                left(f"出生日期：{e('DATE_OF_BIRTH', '1985年3月12日')}"),
                left(f"住所：{e('ADDRESS', '榕江市鼓楼区五一北路128号3栋502室')}"),
                left(f"联系电话：{e('PHONE_NUMBER', '138-0013-8000')}；固定电话：{e('PHONE_NUMBER', '0591-83726154')}"),
                p(f"{pub('2024年3月18日')}，本局执法人员依法对当事人经营的建华副食店进行监督检查，发现其货架上摆放的"
                  f"“丰源”牌桃酥（生产日期：2023年12月1日，保质期：90天）已超过保质期，共计{pub('46袋')}。"
                  f"经查，上述桃酥系当事人于2023年12月20日从{pub('榕江市丰源食品贸易有限公司')}"
                  f"（统一社会信用代码：{k('CN_USCC', USCC_FENGYUAN)}）购进，进价每袋8.5元，销售价每袋12元，"
                  f"已售出0袋。当事人店员{pub('张某')}称，因春节期间人手不足未及时检查下架。本局于2024年3月19日予以立案调查。"),
                p("上述事实，有现场检查笔录、询问笔录、进货单据、现场照片、当事人身份证明材料等证据证实，"
                  "证据之间相互印证，足以认定。"),
                p(f"本局认为，当事人经营超过保质期的食品的行为，违反了{pub('《中华人民共和国食品安全法》第三十四条第（十）项')}"
                  f"“禁止生产经营……超过保质期的食品”的规定。依据{pub('《中华人民共和国食品安全法》第一百二十四条第一款第（五）项')}"
                  "的规定，违法生产经营的食品货值金额不足一万元的，并处五万元以上十万元以下罚款。"),
                p(f"本局于{pub('2024年4月10日')}向当事人送达了《行政处罚告知书》（{pub('榕市监罚告〔2024〕12号')}），"
                  "告知当事人拟作出行政处罚的事实、理由、依据及其依法享有的陈述、申辩和要求听证的权利。"
                  "当事人在法定期限内未提出陈述、申辩，也未要求举行听证。"),
                p("鉴于当事人系初次违法，积极配合调查，如实陈述违法事实，主动下架并销毁涉案桃酥，"
                  f"依据{pub('《榕江市市场监督管理行政处罚裁量基准》')}第二十三条，本局决定对当事人从轻处罚。"),
                p("综上，本局决定对当事人作出如下行政处罚："),
                p(f"1．没收超过保质期的桃酥{pub('46袋')}；"),
                p(f"2．罚款人民币{pub('50000元')}（伍万元整）。"),
                p("当事人应当自收到本行政处罚决定书之日起十五日内，通过榕江市非税收入统一缴款系统缴纳罚款。"
                  f"逾期不缴纳罚款的，依据{pub('《中华人民共和国行政处罚法》第七十二条第一款第（一）项')}的规定，"
                  "每日按罚款数额的百分之三加处罚款。"),
                p("当事人如不服本行政处罚决定，可以在收到本行政处罚决定书之日起六十日内向榕江市人民政府申请行政复议，"
                  "或者在六个月内依法向榕江市鼓楼区人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间，"
                  "本行政处罚决定不停止执行，法律另有规定的除外。"),
                *signature("2024年4月28日"),
                Block("note", f"（本局咨询电话：{pub(HOTLINE)}；投诉举报电话：{pub('12315')}）"),
            ),
        ),
        Sample(
            file="request-2024-035.docx",
            kind="请示（上行文，申请经费，含经费测算表）",
            script="simplified",
            attribute="non_public",
            doc_type="请示",
            category="部门文件",
            reason="《政府信息公开条例》第十六条第二款（请示报告等过程性信息）",
            codes=("S16-2-REQUEST-REPORT",),
            header=AGENCY,
            blocks=(
                *head_block("榕市监〔2024〕35号", signer=True),
                Block("title", f"{AGENCY}关于申请增拨2024年度食品安全监督抽检经费的请示"),
                left("榕江市人民政府："),
                p(f"根据《榕江市2024年食品安全监督抽检计划》，我局全年承担食品安全监督抽检任务{pub('3200批次')}，"
                  f"按现行检验收费标准测算需经费{pub('245.4万元')}，年初预算安排{pub('180万元')}，"
                  f"缺口{pub('65.4万元')}。经费测算如下："),
                table(
                    ("抽检品种", "批次", "单价（元）", "金额（万元）"),
                    ("粮食及其制品", "800", "1200", "96.0"),
                    ("肉及肉制品", "600", "1500", "90.0"),
                    ("蔬菜水果", "1200", "400", "48.0"),
                    ("餐饮食品", "600", "190", "11.4"),
                    ("合计", "3200", "—", "245.4"),
                ),
                p(f"为保障全年抽检任务按期完成，特申请增拨食品安全监督抽检专项经费{pub('65.4万元')}。"),
                p("妥否，请批示。"),
                left("附件：2024年度食品安全监督抽检经费测算明细"),
                *signature("2024年5月20日"),
                Block("note", f"（联系人：{e('PERSON', '王丽¦娟')}，联系电话：{e('PHONE_NUMBER', '13905912345')}）"),
            ),
        ),
        Sample(
            file="request-2024-041-tw.txt",
            kind="请示（上行文）却标注（此件主动公开）——声明与内容冲突",
            script="traditional",
            encoding="utf-8",
            attribute="non_public",
            declared="public",
            conflict=True,
            doc_type="请示",
            category="组织机构",
            reason="《政府信息公开条例》第十六条第二款（请示报告）；附注“此件主动公开”与文种冲突",
            codes=("S16-2-REQUEST-REPORT",),
            blocks=(
                *head_block("榕市监〔2024〕41号", signer=True),
                Block("title", f"{AGENCY}关于调整综合行政执法大队内设机构的请示"),
                left("榕江市委机构编制委员会办公室："),
                p("为适应市场监管综合执法改革需要，进一步理顺执法职能，我局拟将综合行政执法大队原设的五个中队"
                  "调整为食品安全、特种设备、价格监督、网络交易、知识产权五个专业执法中队，人员编制总数"
                  f"{pub('58名')}不变，中队长职数不变。"),
                p("调整后，各专业中队按照“谁审批、谁监管”的原则承接相应执法事项，实行市局统一指挥、"
                  "分片包干、专业执法的工作机制。"),
                p("妥否，请批示。"),
                *signature("2024年6月3日"),
                Block("note", "（此件主动公开）"),
                Block("note", f"（联系人：{e('PERSON', '吴雅婷')}，联系电话：{e('PHONE_NUMBER', '135 0591 7788')}）"),
            ),
        ),
        Sample(
            file="minutes-2024-07.txt",
            kind="局长办公会议纪要（出席人员名单）",
            script="simplified",
            encoding="utf-8",
            attribute="on_request",
            doc_type="纪要",
            category="其他",
            reason="《政府信息公开条例》第十六条第二款（讨论记录），可依申请公开",
            codes=("S16-2-DISCUSSION",),
            blocks=(
                Block("org", f"{AGENCY}局长办公会议纪要"),
                Block("docno", "〔2024〕7期"),
                p(f"{pub('2024年7月12日')}上午，局长{k('PERSON', HEAD)}在局三楼会议室主持召开局长办公会议，"
                  "研究上半年消费投诉处理、下半年“双随机、一公开”抽查和机关食堂管理等事项。现将会议议定事项纪要如下："),
                p("一、关于上半年消费投诉处理情况。会议听取了消费者权益保护科的汇报。上半年全局共受理消费投诉"
                  f"{pub('1862件')}，办结{pub('1839件')}，为消费者挽回经济损失{pub('86.7万元')}。会议指出，"
                  f"消费者{pub('李某某')}投诉某电商平台商家一案办理超期，要求消费者权益保护科于7月20日前办结，"
                  f"并由承办人员电话回访投诉人（联系电话：{e('PHONE_NUMBER', '138 0013 8000')}，"
                  f"QQ：{e('SOCIAL_ACCOUNT', '2938475610')}）。"),
                p("二、关于下半年“双随机、一公开”抽查工作。会议同意执法稽查科提出的抽查计划，"
                  f"抽查比例不低于辖区市场主体的{pub('5%')}，抽查结果于结束后20个工作日内通过"
                  "国家企业信用信息公示系统向社会公示。"),
                p("三、关于机关食堂管理。会议要求办公室会同后勤服务中心于8月底前完成食堂承包合同续签前的评估，"
                  "食堂从业人员健康证明每年核验一次。"),
                left(f"出席人员：{k('PERSON', HEAD)}、{k('PERSON', DEPUTY)}、{k('PERSON', '欧阳明辉')}、{k('PERSON', '黄秀英')}"),
                left(f"列席人员：{k('PERSON', '陈志强')}（执法稽查科）、{k('PERSON', '刘芳')}（办公室）"),
                left(f"记录：{k('PERSON', '许静怡')}"),
                Block("footer", f"{pub(AGENCY + '办公室')}    {pub('2024年7月15日')}印发"),
            ),
        ),
        Sample(
            file="notice-regulation-2024-02.pdf",
            kind="印发规范性文件（管理办法）的通知",
            script="simplified",
            attribute="public",
            declared="public",
            doc_type="通知",
            category="部门文件",
            reason="《政府信息公开条例》第二十条第（一）项（规范性文件）",
            codes=("S20-1",),
            blocks=(
                *head_block("榕市监规〔2024〕2号"),
                Block("title", f"{AGENCY}关于印发《榕江市小餐饮登记管理办法》的通知"),
                left("各县（区）市场监督管理局，局机关各科室、各直属单位："),
                p(f"《榕江市小餐饮登记管理办法》已经{pub('2024年5月31日')}局长办公会议审议通过，现印发给你们，请认真贯彻执行。"),
                *signature("2024年6月12日"),
                Block("note", "（此件公开发布）"),
                Block("pagebreak"),
                Block("title", "榕江市小餐饮登记管理办法"),
                p("第一条　为规范小餐饮经营行为，保障食品安全，根据"
                  f"{pub('《中华人民共和国食品安全法》')}{pub('《福建省食品小作坊小餐饮及摊贩管理条例》')}等规定，结合本市实际，制定本办法。"),
                p("第二条　本办法所称小餐饮，是指经营场所使用面积在50平方米以下、从业人员5人以下，"
                  "从事餐饮服务的个体经营者。"),
                p("第三条　市市场监督管理局负责全市小餐饮登记的指导和监督工作，各县（区）市场监督管理局负责辖区内小餐饮登记。"),
                p("第四条　申请小餐饮登记，应当提交登记申请表、经营者身份证明、经营场所使用证明、从业人员健康证明。"
                  "登记机关应当在收到申请之日起5个工作日内作出是否准予登记的决定。"),
                p("第五条　小餐饮登记证有效期为3年。有效期届满需要延续的，经营者应当在届满前30日内提出延续申请。"),
                p(f"第六条　小餐饮登记不收取任何费用。公众可拨打{pub('12315')}投诉举报小餐饮违法经营行为，"
                  f"政策咨询电话：{pub(HOTLINE)}。"),
                p(f"第七条　本办法由{pub(AGENCY)}负责解释。"),
                p(f"第八条　本办法自{pub('2024年7月1日')}起施行，有效期5年。"),
                *footer("榕江市人民政府办公室，市司法局", "2024年6月12日"),
            ),
        ),
        Sample(
            file="duty-roster-2024-10-tw.docx",
            kind="国庆假期值班表（内部，姓名＋手机，表格）",
            script="traditional",
            attribute="on_request",
            doc_type="通知",
            category="其他",
            reason="《政府信息公开条例》第十六条第一款（内部事务：后勤管理、值班安排）；含个人手机须删除",
            codes=("S16-1-LOGISTICS", "S15-PRIVACY"),
            header=f"{AGENCY}办公室",
            blocks=(
                Block("title", f"{AGENCY}2024年国庆节假期值班安排表"),
                p("根据市政府办公室关于做好2024年国庆节假期值班工作的通知要求，现将我局假期值班安排如下。"
                  f"值班地点：局机关一楼总值班室；值班电话：{pub(HOTLINE)}。"),
                table(
                    ("日期", "带班领导", "值班人员", "联系电话"),
                    ("10月1日", k("PERSON", HEAD), e("PERSON", "张伟"), e("PHONE_NUMBER", "13805917654")),
                    ("10月2日", k("PERSON", DEPUTY), e("PERSON", "李娜"), e("PHONE_NUMBER", full_width("13906913579"))),
                    ("10月3日", k("PERSON", "欧阳明辉"), e("PERSON", "司马文静"), e("PHONE_NUMBER", "186-5901-2468")),
                    ("10月4日", k("PERSON", "黄秀英"), e("PERSON", "周涛"), e("PHONE_NUMBER", "+86 150 5910 3366")),
                ),
                p("值班人员须24小时保持通讯畅通，遇突发事件立即报告带班领导，并按规定报告市政府总值班室。"),
                *signature("2024年9月26日", org=AGENCY + "办公室"),
            ),
        ),
        Sample(
            file="guide-food-license-gb18030.txt",
            kind="办事指南（食品经营许可）",
            script="simplified",
            encoding="gb18030",
            attribute="public",
            doc_type="办事指南",
            category="办事指南",
            reason="《政府信息公开条例》第二十条第（五）项（办理行政许可的依据、条件、程序）",
            codes=("S20-5",),
            blocks=(
                Block("title", "食品经营许可（新办）办事指南"),
                left(f"实施机关：{pub(AGENCY)}"),
                left(f"设定依据：{pub('《中华人民共和国食品安全法》第三十五条')}；{pub('《食品经营许可和备案管理办法》')}（国家市场监督管理总局令第78号）"),
                left("申请条件：具有与经营的食品品种、数量相适应的经营场所；有食品安全管理人员和保证食品安全的规章制度。"),
                left("申请材料：1．食品经营许可申请书；2．营业执照复印件；3．与食品经营相适应的主要设备设施布局、操作流程等文件；"
                     "4．食品安全自查、从业人员健康管理、进货查验记录等规章制度。"),
                left(f"填写示例：申请人{pub('张某某')}，法定代表人{pub('王某')}（示例姓名，请按实际填写）。"),
                left("办理流程：申请→受理→审查→决定→送达。"),
                left(f"办理时限：{pub('10个工作日')}（法定时限20个工作日）。"),
                left("收费标准：不收费。"),
                left(f"办理地点：{pub(OFFICE_ADDRESS + '市民服务中心2楼B区')}，市场监管窗口12—18号。"),
                left("办公时间：工作日上午8:30—12:00，下午14:30—17:30（夏季15:00—18:00）。"),
                left(f"咨询电话：{pub(HOTLINE)}；投诉举报电话：{pub('12315')}。"),
                right(pub(AGENCY)),
                right(pub("2024年1月8日")),
            ),
        ),
        Sample(
            file="sampling-announcement-2024-08-tw.pdf",
            kind="食品安全监督抽检信息公告（表格）",
            script="traditional",
            attribute="public",
            declared="public",
            doc_type="公告",
            category="行政执法",
            reason="《政府信息公开条例》第二十条第（十三）项（食品药品监督检查情况）",
            codes=("S20-13",),
            blocks=(
                Block("org", AGENCY),
                Block("title", "关于2024年第8期食品安全监督抽检信息的公告"),
                Block("docno", pub("2024年第8期")),
                p(f"近期，{pub(AGENCY)}组织抽检粮食加工品、肉制品、饮料、糕点等12类食品{pub('420批次')}，"
                  f"其中合格样品{pub('414批次')}，不合格样品{pub('6批次')}，合格率{pub('98.6%')}。"
                  "部分不合格样品信息如下："),
                table(
                    ("序号", "标称生产企业", "统一社会信用代码", "食品名称", "不合格项目"),
                    ("1", "榕江市丰源食品贸易有限公司", k("CN_USCC", USCC_FENGYUAN), "桃酥", "过氧化值"),
                    ("2", "榕江市海西饮品有限公司", k("CN_USCC", USCC_HAIXI), "茉莉花茶饮料", "菌落总数"),
                    ("3", "闽江（榕江）肉类加工有限公司", k("CN_USCC", USCC_MINJIANG), "香肠", "亚硝酸盐"),
                ),
                p("对抽检中发现的不合格食品，本局已责令相关食品生产经营者立即采取封存库存、下架召回等措施，"
                  f"并依法立案调查。消费者如发现上述不合格食品，可拨打{pub('12315')}投诉举报。"),
                p(f"特此公告。咨询电话：{pub(HOTLINE)}。"),
                *signature("2024年8月16日"),
                Block("note", "（此件主动公开）"),
            ),
        ),
        Sample(
            file="recruitment-notice-2024-big5.txt",
            kind="考试录用公务员拟录用人员公示（姓名公示，身份证号已打码，一处漏打码）",
            script="traditional",
            encoding="big5",
            attribute="public",
            doc_type="公示",
            category="其他",
            reason="《政府信息公开条例》第二十条第（十四）项（公务员录用结果）；漏打码的身份证号须删除",
            codes=("S20-14", "S15-PRIVACY"),
            blocks=(
                Block("title", f"{AGENCY}2024年度考试录用公务员拟录用人员公示"),
                p("根据2024年度公务员考试录用工作有关规定，经笔试、面试、体检和考察，确定以下人员为拟录用人员，现予以公示。"),
                table(
                    ("序号", "姓名", "性别", "身份证号", "毕业院校", "拟录用职位"),
                    ("1", k("PERSON", "何雨桐"), "女", pub("350102********4521"), "福建师范大学", "综合管理科科员"),
                    ("2", k("PERSON", "杨志远"), "男", pub("350583********2316"), "厦门大学", "执法稽查科科员"),
                    ("3", k("PERSON", "谢婉清"), "女", e("CN_RESIDENT_ID", ID_RECRUIT), "福州大学", "食品生产安全监管科科员"),
                ),
                p(f"公示时间：{pub('2024年8月5日')}至{pub('2024年8月11日')}（5個工作日）。"
                  f"公示期间如有问题，请向本局人事科反映。监督电话：{pub(HOTLINE)}；"
                  f"来信请寄：{pub(OFFICE_ADDRESS)}{pub(AGENCY)}人事科。"),
                *signature("2024年8月5日"),
            ),
        ),
        Sample(
            file="annual-report-2023.pdf",
            kind="政府信息公开工作年度报告（节选，两页，统计表）",
            script="simplified",
            attribute="public",
            doc_type="报告",
            category="其他",
            reason="《政府信息公开条例》第四十九条、第五十条（年度报告应向社会公布）",
            codes=("S49",),
            blocks=(
                Block("title", f"{AGENCY}2023年政府信息公开工作年度报告（节选）"),
                p(f"本报告根据{pub('《中华人民共和国政府信息公开条例》第五十条')}和国务院办公厅政府信息与政务公开办公室"
                  f"印发的年度报告格式要求编制。本机关政府信息公开工作负责人为副局长{k('PERSON', DEPUTY)}。"),
                p(f"一、总体情况。2023年，本局主动公开政府信息{pub('1268条')}，其中行政处罚决定{pub('312条')}、"
                  f"食品安全抽检信息{pub('24期')}、规范性文件{pub('3件')}。全年受理政府信息公开申请{pub('47件')}，"
                  "均在法定期限内答复。"),
                p("二、主动公开政府信息情况。"),
                table(
                    ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
                    ("规章", "0", "0", "0"),
                    ("行政规范性文件", "3", "1", "17"),
                ),
                table(
                    ("信息内容", "本年处理决定数量"),
                    ("行政许可", "9451"),
                    ("行政处罚", "312"),
                    ("行政强制", "28"),
                ),
                p("三、收到和处理政府信息公开申请情况。本年新收申请47件，上年结转2件。其中予以公开21件，"
                  "部分公开9件，不予公开5件（属于第三方合法权益3件、属于行政执法案卷2件），"
                  "无法提供8件，不予处理2件，其他处理1件，结转下年度继续办理3件。"),
                p(f"四、政府信息公开行政复议、行政诉讼情况。本年因政府信息公开被申请行政复议{pub('2件')}，"
                  "结果维持1件、纠正0件、尚未审结1件；被提起行政诉讼0件。"),
                p("五、存在的主要问题及改进情况。一是部分科室对公文公开属性源头认定把握不准，"
                  "二是行政处罚决定书公开前的去标识化处理仍依赖人工，效率不高。2024年将建立公开属性审查机制，"
                  "引入个人信息自动识别辅助工具，提高区分处理的准确率。"),
                p("六、其他需要报告的事项。本年度未收取信息处理费。"),
                p(f"本报告电子版可在榕江市人民政府门户网站下载。如对本报告有疑问，请联系本局办公室，电话{pub(HOTLINE)}。"),
                *signature("2024年1月25日"),
            ),
        ),
        Sample(
            file="secret-notice-2024-052.txt",
            kind="涉密通知（机密★10年，专项执法行动部署）",
            script="simplified",
            encoding="utf-8",
            attribute="non_public",
            doc_type="通知",
            category="行政执法",
            reason="《政府信息公开条例》第十四条（国家秘密）；《保守国家秘密法》第十条、第十七条",
            codes=("S14-SECRET",),
            blocks=(
                Block("mark", "000123"),
                Block("mark", "机密★10年"),
                Block("mark", "特急"),
                *head_block("榕市监〔2024〕52号"),
                Block("title", "关于开展“清源2024”食品安全专项执法行动的通知"),
                left("各县（区）市场监督管理局，局执法稽查科："),
                p("为严厉打击制售假冒伪劣食品违法犯罪行为，经研究，决定于2024年9月至11月在全市开展“清源2024”"
                  "食品安全专项执法行动。现将有关事项通知如下："),
                p("一、行动时间和方式。行动分三个阶段，采取不打招呼、直奔现场的方式，统一时间集中收网，"
                  "收网时间另行通知，各单位不得提前泄露行动部署。"),
                p(f"二、重点对象。经前期摸排，涉嫌制售假冒白酒的重点对象为{e('PERSON', '赵永福')}"
                  f"（身份证号：{e('CN_RESIDENT_ID', resident_id('350182', '19780605', '317'))}），"
                  f"现住{e('ADDRESS', '榕江市长乐区吴航街道郑和中路66号')}，常用车辆车牌号{e('LICENSE_PLATE', '闽A·7K3M9')}。"),
                p(f"三、工作联络。市局联络员：{e('PERSON', '施梦洁')}，手机：{e('PHONE_NUMBER', '13950126788')}，"
                  f"工作邮箱：{e('EMAIL_ADDRESS', 'shimengjie_rj@163.com')}。"),
                *signature("2024年8月30日"),
                Block("note", "（此件不予公开）"),
                *footer("市公安局食品药品环境犯罪侦查支队", "2024年8月30日"),
            ),
            declared="non_public",
        ),
        Sample(
            file="letter-2024-018-tw.docx",
            kind="函（商洽：商请公安机关协助核查）",
            script="traditional",
            attribute="non_public",
            doc_type="函",
            category="行政执法",
            reason="《政府信息公开条例》第十六条第二款（磋商信函、行政执法案卷信息）",
            codes=("S16-2-CONSULT-LETTER",),
            header=AGENCY,
            blocks=(
                *head_block("榕市监函〔2024〕18号"),
                Block("title", f"{AGENCY}关于商请协助核查网络销售假冒化妆品案件线索的函"),
                left("榕江市公安局："),
                p(f"我局在查办一起网络销售假冒化妆品案件中发现，涉案网店经营者{e('PERSON', '蔡文斌')}"
                  f"（公民身份号码：{e('CN_RESIDENT_ID', ID_CAI)}；护照号码：{e('PASSPORT', 'E39174026')}；"
                  f"往来港澳通行证号码：{e('TRAVEL_PERMIT', 'C58273916')}）使用其本人名下银行卡"
                  f"（卡号{e('BANK_CARD', BANK_CAI)}）收取货款，其网店后台登录IP地址为{e('IP_ADDRESS', '203.0.113.87')}，"
                  f"发货车辆车牌号为{e('LICENSE_PLATE', '闽A·62759')}。"),
                p("因涉案金额较大，可能涉嫌犯罪，为查清资金流向和实际经营人员，商请贵局协助核查上述人员的出入境记录及车辆轨迹信息，"
                  "并于2024年10月31日前函复我局。"),
                table(
                    ("线索类别", "核查事项"),
                    ("人员", "出入境记录"),
                    ("车辆", "9月至10月通行轨迹"),
                ),
                p(f"联系人：本局执法稽查科，联系电话：{pub(HOTLINE)}。"),
                *signature("2024年10月15日"),
            ),
        ),
        Sample(
            file="consultation-draft-2024-tw.pdf",
            kind="公开征求意见的公告（征求意见稿，面向社会公众）",
            script="traditional",
            attribute="public",
            declared="public",
            doc_type="公告",
            category="部门文件",
            reason="《政府信息公开条例》第十九条（需要公众参与决策）；国办发〔2016〕80号（决策预公开）",
            codes=("S19",),
            blocks=(
                Block("org", AGENCY),
                Block("title", "关于公开征求《榕江市电动自行车销售和维修经营规范（征求意见稿）》意见的公告"),
                p("为加强电动自行车销售和维修经营行为管理，预防火灾事故，我局起草了《榕江市电动自行车销售和维修经营规范"
                  "（征求意见稿）》，现向社会公开征求意见。社会各界可通过以下方式提出意见："),
                p(f"一、通过电子邮件发送至{k('EMAIL_ADDRESS', 'rjscjj_zcfg@rongjiang.gov.cn')}，邮件主题请注明“电动自行车规范意见”。"),
                p(f"二、通过信函寄至{pub(OFFICE_ADDRESS)}{pub(AGENCY)}产品质量安全监督管理科（邮编350001），"
                  "信封上请注明“征求意见”字样。"),
                p(f"意见反馈截止时间为{pub('2024年9月30日')}。咨询电话：{pub(HOTLINE)}。"),
                left("附件：榕江市电动自行车销售和维修经营规范（征求意见稿）"),
                *signature("2024年8月30日"),
                Block("note", "（此件公开发布）"),
            ),
        ),
        Sample(
            file="commendation-2024-009.docx",
            kind="通报（表彰先进集体和先进个人）",
            script="simplified",
            attribute="public",
            declared="public",
            doc_type="通报",
            category="动态",
            reason="《政府信息公开条例》第十九条（需要公众广泛知晓的表彰）",
            codes=("S19",),
            header=AGENCY,
            blocks=(
                *head_block("榕市监〔2024〕9号"),
                Block("title", f"{AGENCY}关于表彰2023年度消费维权工作先进集体和先进个人的通报"),
                left("各县（区）市场监督管理局，局机关各科室、各直属单位："),
                p(f"2023年，全市市场监管系统共受理消费投诉举报{pub('3.6万件')}，为消费者挽回经济损失{pub('1520万元')}。"
                  "为表彰先进，经研究，决定对以下先进集体和先进个人予以通报表彰。"),
                table(
                    ("类别", "名单"),
                    ("先进集体", "鼓楼区市场监督管理局消费者权益保护股；台江区市场监督管理局上海街道市场监管所"),
                    ("先进个人", f"{k('PERSON', '林晓燕')}（鼓楼区市场监督管理局）；{k('PERSON', '上官子豪')}（长乐区市场监督管理局）"),
                ),
                p("希望受表彰的集体和个人珍惜荣誉，再接再厉。"),
                *signature("2024年3月15日"),
                Block("note", "（此件主动公开）"),
                *footer("榕江市消费者权益保护委员会", "2024年3月15日"),
            ),
        ),
        Sample(
            file="penalty-2024-027-big5.txt",
            kind="行政处罚决定书（香港居民当事人、台湾居民代理人）",
            script="traditional",
            encoding="big5",
            attribute="public",
            doc_type="行政处罚决定书",
            category="行政执法",
            reason="《政府信息公开条例》第二十条第（六）项；须区分处理（第三十七条）",
            codes=("S20-6", "S15-PRIVACY"),
            blocks=(
                Block("org", AGENCY),
                Block("title", "行政处罚决定书"),
                Block("docno", pub("榕市监罚〔2024〕27号")),
                left(f"当事人：{e('PERSON', '梁嘉欣')}"),
                left(f"香港居民身份证号码：{e('HK_ID', HK_LEUNG)}"),
                left(f"住址：{e('ADDRESS', '香港九龙旺角弥敦道688号12楼B室')}"),
                left(f"联系电话：{e('PHONE_NUMBER', '+852 9123 4567')}；电子邮箱：{e('EMAIL_ADDRESS', 'kayan.leung@netvigator.com')}"),
                left(f"委托代理人：{e('PERSON', '林志伟')}，台湾居民身份证号码：{e('TW_ID', TW_LIN)}"),
                p(f"{pub('2024年6月6日')}，本局根据投诉举报线索，对当事人在某电商平台开设的网店进行检查，发现其销售的"
                  f"“雪莲养颜胶囊”（普通食品）在商品页面宣称“治疗失眠、降血糖”。截至检查之日，该商品销售额为{pub('18600元')}。"),
                p(f"当事人的上述行为违反了{pub('《中华人民共和国食品安全法》第七十三条第一款')}的规定。依据"
                  f"{pub('《中华人民共和国食品安全法》第一百四十条第五款')}的规定，本局决定："),
                p(f"1．责令改正；2．罚款人民币{pub('60000元')}。"),
                p("当事人如不服本决定，可以在收到本决定书之日起六十日内向榕江市人民政府申请行政复议，"
                  "或者在六个月内依法向人民法院提起行政诉讼。"),
                *signature("2024年7月19日"),
            ),
        ),
    ]


# --------------------------------------------------------------------------- marks → text, spans


@functools.cache
def _s2tw():
    import opencc

    return opencc.OpenCC("s2tw")


def _to_traditional(text: str) -> str:
    """Simplified → Taiwan-standard Traditional characters (``s2tw`` is character-level: same length).

    ``s2tw`` rather than ``s2t`` so that the text fits Big5 (為 not 爲, 裡 not 裏).
    """
    out = _s2tw().convert(text)
    assert len(out) == len(text)
    return out


def render_line(marked: str, traditional: bool) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Strip marks from one line; return its runs and the (type, action, text) spans it contains."""
    plain, marks, pos = [], [], 0
    for m in MARK.finditer(marked):
        plain.append(marked[pos:m.start()])
        start = sum(map(len, plain))
        value = m.group(3) if m.group(1) else m.group(4)
        plain.append(value)
        if m.group(1):
            marks.append((m.group(1), "keep" if m.group(2) else "redact", start, start + len(value)))
        else:
            marks.append(("PUBLIC", "keep", start, start + len(value)))
        pos = m.end()
    plain.append(marked[pos:])
    with_runs = "".join(plain)
    text = with_runs.replace(RUN, "")
    if traditional:
        text = _to_traditional(text)
    runs, i = [], 0
    for piece in with_runs.split(RUN):
        runs.append(text[i:i + len(piece)])
        i += len(piece)
    spans = []
    for kind, action, s, end in marks:  # offsets counted with run marks; remove them
        s2 = s - with_runs[:s].count(RUN)
        e2 = end - with_runs[:end].count(RUN)
        spans.append((kind, action, text[s2:e2]))
    return runs, spans


def render(sample: Sample) -> list[Rendered]:
    """Every block with marks stripped; a table has one line per row and one entry per cell."""
    trad = sample.needs_conversion
    out: list[Rendered] = []
    for b in sample.blocks:
        r = Rendered(b.kind, [])
        if b.kind == "table":
            for row in b.rows:
                cells = []
                for cell in row:
                    runs, spans = render_line(cell, trad)
                    cells.append("".join(runs))
                    r.spans.extend(spans)
                r.lines.append(cells)
        else:
            runs, spans = render_line(b.text, trad)
            r.lines.append(runs)
            r.spans.extend(spans)
        out.append(r)
    return out


def sample_text(sample: Sample) -> str:
    """The plain text the builder writes (the TXT file content; PDF/DOCX show the same lines)."""
    lines = [_to_traditional(sample.header) if sample.header and sample.needs_conversion else sample.header]
    lines = [x for x in lines if x]
    for r in render(sample):
        if r.kind == "pagebreak":
            continue
        sep = "\t" if r.kind == "table" else ""
        lines.extend(sep.join(runs) for runs in r.lines)
    return "\n".join(lines) + "\n"


def expectations(sample: Sample) -> dict:
    """The entry of expected.json for one sample."""
    entities, public = [], []
    for r in render(sample):
        for kind, action, text in r.spans:
            if kind == "PUBLIC":
                if text not in public:
                    public.append(text)
            else:
                item = {"type": kind, "text": text, "action": action}
                if item not in entities:
                    entities.append(item)
    return {
        "kind": sample.kind,
        "format": sample.format,
        "script": sample.script,
        "encoding": sample.encoding,
        "attribute": sample.attribute,
        "declared": sample.declared,
        "conflict": sample.conflict,
        "doc_type": sample.doc_type,
        "category": sample.category,
        "reason": sample.reason,
        "reason_codes": list(sample.codes),
        "needs_redaction": any(x["action"] == "redact" for x in entities),
        "entities": entities,
        "public_strings": public,
    }


LABEL_ZH = {"public": "主动公开", "on_request": "依申请公开", "non_public": "不予公开"}
SCRIPT_ZH = {"simplified": "简体", "traditional": "繁體"}
TABLE_START, TABLE_END = "<!-- samples-table:start -->", "<!-- samples-table:end -->"


def readme_table(expected: dict[str, dict]) -> str:
    """The overview table of samples/README.md, derived from expected.json (rewritten on every build)."""
    rows = ["| 文件 | 内容（文种，信息分类） | 格式 / 字形 / 编码 | 审核应作决定（依据） | 须删除（redact） | 保留的人员（公务身份） |",
            "|---|---|---|---|---|---|"]
    for name, x in expected.items():
        redact = "<br>".join(f"{e['type']}：{e['text']}" for e in x["entities"] if e["action"] == "redact") or "无"
        keep = "、".join(e["text"] for e in x["entities"] if e["action"] == "keep" and e["type"] == "PERSON") or "—"
        declared = f"；附注声明：{LABEL_ZH[x['declared']]}" if x["declared"] else ""
        conflict = "；**声明与内容冲突**" if x["conflict"] else ""
        enc = f" / {x['encoding']}" if x["encoding"] else ""
        rows.append(f"| `{name}` | {x['kind']}（{x['doc_type']}，{x['category']}） | {x['format'].upper()} / "
                    f"{SCRIPT_ZH[x['script']]}{enc} | **{LABEL_ZH[x['attribute']]}**（{x['reason']}）{declared}{conflict} "
                    f"| {redact} | {keep} |")
    return "\n".join([TABLE_START, *rows, TABLE_END])


def update_readme(readme: Path, expected: dict[str, dict]) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(TABLE_START), text.index(TABLE_END) + len(TABLE_END)
    readme.write_text(text[:start] + readme_table(expected) + text[end:], encoding="utf-8")


# --------------------------------------------------------------------------- writers


def write_txt(sample: Sample, path: Path) -> None:
    path.write_bytes(sample_text(sample).encode(sample.encoding or "utf-8"))


FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that DOCX output is byte-identical on every run."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def write_docx(sample: Sample, path: Path) -> None:
    import datetime as dt

    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = Docx()
    normal = doc.styles["Normal"]
    normal.font.name = "FangSong"
    normal.font.size = Pt(16)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    props = doc.core_properties
    props.author = AGENCY
    props.last_modified_by = AGENCY
    props.created = props.modified = dt.datetime(2024, 1, 1)
    props.revision = 1
    props.title = ""
    if sample.header:
        header = _to_traditional(sample.header) if sample.needs_conversion else sample.header
        doc.sections[0].header.paragraphs[0].text = header
    align = {"title": WD_ALIGN_PARAGRAPH.CENTER, "org": WD_ALIGN_PARAGRAPH.CENTER,
             "docno": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for r in render(sample):
        if r.kind == "pagebreak":
            doc.add_page_break()
            continue
        if r.kind == "table":
            tbl = doc.add_table(rows=len(r.lines), cols=len(r.lines[0]))
            tbl.style = "Table Grid"
            for i, row in enumerate(r.lines):
                for j, cell in enumerate(row):
                    tbl.cell(i, j).text = cell
            continue
        para = doc.add_paragraph()
        if r.kind in align:
            para.alignment = align[r.kind]
        if r.kind == "p":
            para.paragraph_format.first_line_indent = Pt(32)
        for piece in r.lines[0]:
            run = para.add_run(piece)
            if r.kind == "org":
                run.font.color.rgb = RGBColor(0xCC, 0, 0)
                run.font.size = Pt(26)
            elif r.kind == "title":
                run.font.size = Pt(22)
                run.bold = True
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


NO_LINE_START = set("，。、；：？！）》」』”’")
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


class _PdfWriter:
    """A small GB/T 9704-like page layout on reportlab: A4, 版心 156 × 225 mm, 3号 body text.

    Text uses the embedded Droid Sans Fallback (CJK); glyphs it lacks (ASCII, ★, —) come from
    the embedded WenQuanYi Zen Hei, as real mixed-font PDFs do.
    """

    W, H = 595.27, 841.89
    LEFT, RIGHT, TOP, BOTTOM = 79.0, 74.0, 105.0, 99.0

    def __init__(self, path: Path, keep: list[str]) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        for name, file, kw in (("DroidSansFallback", DROID, {}), ("WenQuanYiZenHei", WQY, {"subfontIndex": 0})):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, file, **kw))
        self.metrics = pdfmetrics
        self.droid = pdfmetrics.getFont("DroidSansFallback").face.charToGlyph
        self.c = canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1)
        self.c.setTitle("")
        self.c.setAuthor(AGENCY)
        self.c.setCreator("redact samples/build_samples.py")
        self.keep = sorted(set(keep), key=len, reverse=True)  # strings never broken across lines
        self.page = 1
        self.y = self.H - self.TOP

    # text with per-glyph font fallback
    def _font(self, ch: str) -> str:
        return "DroidSansFallback" if ord(ch) in self.droid and ord(ch) > 0x2E7F else "WenQuanYiZenHei"

    def _runs(self, text: str) -> list[tuple[str, str]]:
        runs: list[tuple[str, str]] = []
        for ch in text:
            f = self._font(ch)
            if runs and runs[-1][0] == f:
                runs[-1] = (f, runs[-1][1] + ch)
            else:
                runs.append((f, ch))
        return runs

    def width(self, text: str, size: float) -> float:
        return sum(self.metrics.stringWidth(t, f, size) for f, t in self._runs(text))

    def draw(self, x: float, y: float, text: str, size: float) -> None:
        for f, t in self._runs(text):
            self.c.setFont(f, size)
            self.c.drawString(x, y, t)
            x += self.metrics.stringWidth(t, f, size)

    def _atoms(self, text: str) -> list[str]:
        atoms, i = [], 0
        while i < len(text):
            for s in self.keep:
                if s and text.startswith(s, i):
                    atoms.append(s)
                    i += len(s)
                    break
            else:
                atoms.append(text[i])
                i += 1
        return atoms

    def wrap(self, text: str, size: float, first_indent: float) -> list[str]:
        lines, cur, avail = [], "", self.W - self.LEFT - self.RIGHT - first_indent
        for atom in self._atoms(text):
            if cur and atom not in NO_LINE_START and self.width(cur + atom, size) > avail:
                lines.append(cur)
                cur, avail = "", self.W - self.LEFT - self.RIGHT
            cur += atom
        lines.append(cur)
        return lines

    def balanced(self, text: str, size: float) -> list[str]:
        """A centred title wrapped into lines of nearly equal length (no lone last character)."""
        n = len(self.wrap(text, size, 0))
        target = len(text) / n
        lines, cur = [], ""
        for atom in self._atoms(text):
            if cur and len(lines) < n - 1 and len(cur) + len(atom) / 2 > target and atom not in NO_LINE_START:
                lines.append(cur)
                cur = ""
            cur += atom
        return [*lines, cur]

    def newline(self, height: float) -> None:
        if self.y - height < self.BOTTOM:
            self.new_page()
        self.y -= height

    def new_page(self) -> None:
        self.draw_page_number()
        self.c.showPage()
        self.page += 1
        self.y = self.H - self.TOP

    def draw_page_number(self) -> None:
        label = f"— {self.page} —"
        self.draw((self.W - self.width(label, 14)) / 2, 60, label, 14)

    def paragraph(self, text: str, *, size: float = 16, align: str = "left", indent: float = 0,
                  color: tuple[float, float, float] = (0, 0, 0), lead: float = 1.75) -> None:
        self.c.setFillColorRGB(*color)
        lines = self.balanced(text, size) if align == "center" else self.wrap(text, size, indent)
        for i, line in enumerate(lines):
            self.newline(size * lead)
            w = self.width(line, size)
            if align == "center":
                x = (self.W - w) / 2
            elif align == "right":
                x = self.W - self.RIGHT - w - 32
            else:
                x = self.LEFT + (indent if i == 0 else 0)
            self.draw(x, self.y, line, size)
        self.c.setFillColorRGB(0, 0, 0)

    def table(self, rows: list[list[str]]) -> None:
        avail = self.W - self.LEFT - self.RIGHT
        size = 12.0
        ncol = len(rows[0])
        while True:
            widths = [max(self.width(r[j], size) for r in rows) + 10 for j in range(ncol)]
            if sum(widths) <= avail or size <= 7:
                break
            size -= 0.5
        extra = (avail - sum(widths)) / ncol
        widths = [w + extra for w in widths]
        row_h = size * 2
        self.newline(8)
        for row in rows:
            if self.y - row_h < self.BOTTOM:
                self.new_page()
            top, x = self.y, self.LEFT
            for w, cell in zip(widths, row, strict=True):
                self.c.rect(x, top - row_h, w, row_h, stroke=1, fill=0)
                self.draw(x + 5, top - row_h + size * 0.7, cell, size)
                x += w
            self.y = top - row_h

    def save(self) -> None:
        self.draw_page_number()
        self.c.showPage()
        self.c.save()


def write_pdf(sample: Sample, path: Path) -> None:
    rendered = render(sample)
    keep = [t for r in rendered for _, _, t in r.spans]
    pdf = _PdfWriter(path, keep)
    red = (0.8, 0, 0)
    for r in rendered:
        text = "".join(r.lines[0]) if r.lines else ""
        if r.kind == "pagebreak":
            pdf.new_page()
        elif r.kind == "table":
            pdf.table(r.lines)
        elif r.kind == "mark":
            pdf.paragraph(text, size=16)
        elif r.kind == "org":
            pdf.paragraph(text, size=26, align="center", color=red, lead=2.2)
        elif r.kind == "docno":
            pdf.paragraph(text, size=16, align="center")
            pdf.c.setStrokeColorRGB(*red)
            pdf.c.setLineWidth(1.5)
            pdf.c.line(pdf.LEFT, pdf.y - 12, pdf.W - pdf.RIGHT, pdf.y - 12)
            pdf.c.setStrokeColorRGB(0, 0, 0)
            pdf.c.setLineWidth(1)
            pdf.newline(12)
        elif r.kind == "title":
            pdf.paragraph(text, size=22, align="center", lead=1.9)
        elif r.kind == "p":
            pdf.paragraph(text, indent=32)
        elif r.kind == "note":
            pdf.paragraph(text, indent=32)
        elif r.kind == "right":
            pdf.paragraph(text, align="right")
        elif r.kind == "footer":
            pdf.paragraph(text, size=14, indent=14)
        else:
            pdf.paragraph(text)
    pdf.save()


WRITERS = {"txt": write_txt, "docx": write_docx, "pdf": write_pdf}


def build(out_dir: Path, expected_path: Path | None = None) -> list[Path]:
    """Write every sample into ``out_dir`` (and expected.json when a path is given)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    samples = _samples()
    for s in samples:
        target = out_dir / s.file
        WRITERS[s.format](s, target)
        written.append(target)
    if expected_path is not None:
        data = {s.file: expectations(s) for s in samples}
        expected_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        update_readme(expected_path.parent / "README.md", data)
    return written


SAMPLES = _samples


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "intake"
    files = build(out, HERE / "expected.json" if len(sys.argv) <= 1 else None)
    print(f"wrote {len(files)} samples to {out}")
