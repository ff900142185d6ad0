"""Synthetic sentences in the style of government documents, with PERSON/ADDRESS gold spans.

Names and address parts come from Faker (zh_CN, zh_TW; MIT) plus our surname lists; sentences
come from templates. ``variant="test"`` uses a disjoint template set (and the caller a different
seed), so the held-out synthetic score measures generalisation, not template recall.
Everything is produced in Simplified script: the recognizers convert input to Simplified first.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from faker import Faker

from redact.detect.names.surnames import COMPOUND, SINGLE
from redact.zh import to_simplified

Example = tuple[str, list[tuple[int, int, str]]]

# --- templates: {PER} person, {ADDR} home address (both annotated); everything else is context ---
TRAIN_TEMPLATES = [
    "当事人：{PER}，{SEX}，{DATE}出生，身份证号码：{ID}，住址：{ADDR}。",
    "当事人{PER}，{SEX}，{AGE}岁，汉族，住{ADDR}。",
    "申请人：{PER}    联系电话：{PHONE}    通讯地址：{ADDR}",
    "申请人{PER}于{DATE}向本机关提出政府信息公开申请，要求公开{TOPIC}。",
    "联系人：{PER}，联系电话：{PHONE}。",
    "经办人：{PER}    审核人：{PER}    签发人：{PER}",
    "抄送：{ORG}，{ORG}，{PER}。",
    "经研究，决定任命{PER}同志为{ORG}{TITLE}，免去{PER}同志的{ORG}{TITLE}职务。",
    "{ORG}{TITLE}{PER}出席会议并讲话。",
    "{PER}、{PER}、{PER}等同志参加了检查。",
    "户籍地：{ADDR}。",
    "家庭住址：{ADDR}，邮编{ZIP}。",
    "法定代表人：{PER}，住所：{ADDR}。",
    "经营者{PER}，经营场所：{ADDR}，统一社会信用代码{USCC}。",
    "被处罚人：{PER}，现住{ADDR}。",
    "（联系人：{PER}，联系电话：{PHONE}）",
    "{ORG}\n{DATE}\n（此件公开发布，联系人：{PER}）",
    "感谢{PER}先生对本次工作的支持。",
    "{PER}女士反映，其位于{ADDR}的房屋存在漏水问题。",
    "举报人{PER}称，{ADDR}附近有违法建设。",
    "姓名：{PER}    性别：{SEX}    民族：汉    住址：{ADDR}",
    "委托代理人：{PER}，{ORG}律师。",
    "房屋坐落于{ADDR}，产权人为{PER}。",
    "{PER}（身份证号：{ID}），户籍所在地{ADDR}。",
]
TEST_TEMPLATES = [
    "被申请人：{PER}；住所地：{ADDR}。",
    "本案当事人{PER}（{SEX}，身份证号{ID}）对处罚决定无异议。",
    "致{PER}：您于{DATE}提交的申请已收悉，现答复如下。",
    "{PER}户现居住于{ADDR}，家庭人口{N}人。",
    "受理人：{PER}  受理日期：{DATE}  承办人：{PER}",
    "经核实，{PER}同志已于{DATE}办理退休手续。",
    "送达地址：{ADDR}  收件人：{PER}",
    "{PER}，{SEX}，{DATE}生，现住{ADDR}，系{ORG}职工。",
    "信访人{PER}反映{TOPIC}问题，本机关已调查处理。",
    "请{PER}于{DATE}前到{ORG}领取。",
    "业主{PER}，房屋地址：{ADDR}。",
    "参加人员：{PER}、{PER}、{PER}、{PER}",
]
NEGATIVE_TRAIN = [
    "根据《中华人民共和国政府信息公开条例》第{N}条第{N}款的规定，现予以答复。",
    "{ORG}关于{TOPIC}的通知\n{DOCNO}",
    "会议地点：{CITY}{ORG}{N}楼会议室。",
    "{CITY}{TOPIC}工作取得明显成效。",
    "当事人{ANON}，{SEX}，住{CITY}。",
    "申请人{ANON}于{DATE}向我局提出申请。",
    "经查，{ANON}、{ANON}于{DATE}在{CITY}从事{TOPIC}活动。",
    "抄送：{ORG}、{ORG}、{ORG}。",
    "{ORG}办公室{DATE}印发",
    "咨询电话：12345，办公地址：{ORG}。",
    "本机关是{ORG}，{TITLE}负责{TOPIC}工作。",
    "{CITY}{N}年常住人口{N}万人，同比增长{N}%。",
]
NEGATIVE_TEST = [
    "依据《条例》第{N}条，{ORG}不予公开。",
    "{DOCNO}\n{ORG}关于{TOPIC}的批复",
    "被申请人{ANON}、{ANON}已缴纳罚款。",
    "{CITY}位于福建省东部，{TOPIC}持续推进。",
    "联系单位：{ORG}，联系电话：12315。",
]

TOPICS = ["城市更新项目审批", "征地补偿安置", "环境影响评价", "财政预算执行", "道路交通安全", "食品安全监督检查",
          "农村危房改造", "老旧小区改造", "安全生产", "市场监管", "违法用地查处", "社会救助资金发放", "义务教育招生",
          "医疗保障", "住房公积金", "河道整治", "乡村振兴", "人才引进补贴", "扶贫项目资金", "营商环境优化"]
AGENCIES = ["人民政府", "人民政府办公室", "发展和改革局", "财政局", "自然资源和规划局", "住房和城乡建设局", "交通运输局",
            "生态环境局", "市场监督管理局", "公安局", "民政局", "教育局", "卫生健康委员会", "农业农村局", "应急管理局",
            "人力资源和社会保障局", "审计局", "信访局", "林业局", "水利局", "司法局", "税务局", "统计局", "城市管理局"]
TITLES = ["局长", "副局长", "主任", "副主任", "科长", "处长", "书记", "副书记", "县长", "副县长", "区长", "镇长", "调研员"]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌俊宇浩然子轩欣怡梓涵雨婷晨阳佳琪思远家豪美玲淑芬淑惠志明俊杰雅婷怡君冠宇宗翰承恩"
CITY_NAMES = ["榕江", "平潭", "福清", "长乐", "闽侯", "连江", "罗源", "永泰", "晋江", "石狮", "南安", "惠安", "仙游",
              "龙海", "漳浦", "建瓯", "武夷山", "邵武", "永安", "沙县", "宁化", "福鼎", "霞浦", "古田", "屏南", "寿宁"]
TOWN = ["潭城", "北厝", "敖东", "苏澳", "流水", "澳前", "芦洋", "中楼", "平原", "白青", "南海", "城关", "古州", "青口", "东张"]
ROAD_WORDS = ["人民", "解放", "建设", "中山", "和平", "西航", "环岛", "文化", "胜利", "新华", "东大", "五四", "湖滨", "滨海",
              "龙山", "万宝", "金井", "麒麟", "北环", "南门", "学府", "工业", "兴港", "澳前"]
ESTATES = ["阳光花园", "金山小区", "龙湖家园", "碧桂园", "世纪新城", "海峡公寓", "幸福里小区", "紫阳新村", "江南名苑", "万科城"]
PROVINCES = ["福建省", "浙江省", "广东省", "江西省", "湖南省", "贵州省", "四川省", "江苏省", "山东省", "河南省", "安徽省"]
NUM_ZH = "一二三四五六七八九十"


class Synth:
    """Fills templates; each call returns one (text, spans) example."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cn = Faker("zh_CN")
        self.tw = Faker("zh_TW")
        self.cn.seed_instance(seed)
        self.tw.seed_instance(seed + 1)
        self.surnames = sorted(SINGLE)
        self.compound = sorted(COMPOUND)

    # --- slot fillers ---
    def person(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.cn.name()
        if r < 0.55:
            return to_simplified(self.tw.name())
        if r < 0.65:
            given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))
            return self.rng.choice(self.compound) + given
        sur = self.rng.choice(self.surnames)
        return sur + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))

    def anon(self) -> str:
        return self.rng.choice(self.surnames) + self.rng.choice(["某", "某某", "某" + self.rng.choice(GIVEN)])

    def city(self) -> str:
        return self.rng.choice(CITY_NAMES) + self.rng.choice(["市", "县", "区"])

    def org(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return self.city() + self.rng.choice(AGENCIES)
        if r < 0.8:
            return self.cn.company()
        return self.rng.choice(self.surnames) + self.rng.choice(["氏", "记", "家"]) + self.rng.choice(["食品店", "商行", "有限公司"])

    def address(self) -> str:
        rng = self.rng
        parts = []
        if rng.random() < 0.3 and rng.random() < 0.5:  # Taiwan style: 台北市大安区忠孝东路四段100号5楼
            return to_simplified(
                rng.choice(["台北市", "新北市", "台中市", "高雄市", "台南市"])
                + rng.choice(["大安区", "信义区", "板桥区", "中正区", "北屯区", "三民区"])
                + rng.choice(ROAD_WORDS) + rng.choice(["路", "街"]) + (rng.choice(NUM_ZH[:5]) + "段" if rng.random() < 0.5 else "")
                + f"{rng.randint(1, 500)}号" + (f"{rng.randint(2, 20)}楼" if rng.random() < 0.6 else "")
            )
        if rng.random() < 0.5:
            parts.append(rng.choice(PROVINCES))
        if rng.random() < 0.7:
            parts.append(rng.choice(CITY_NAMES) + "市")
        parts.append(rng.choice([self.cn.district() + "区", rng.choice(CITY_NAMES) + "县"]))
        if rng.random() < 0.35:  # village
            parts.append(rng.choice(TOWN) + rng.choice(["镇", "乡"]))
            parts.append(self.cn.last_name() + rng.choice(["厝", "家", "坑", "山", "洋", "头"]) + "村")
            if rng.random() < 0.7:
                parts.append(f"{rng.choice(NUM_ZH)}组" if rng.random() < 0.5 else f"{rng.randint(1, 12)}组")
            parts.append(f"{rng.randint(1, 200)}号")
            return "".join(parts)
        if rng.random() < 0.5:
            parts.append(rng.choice(TOWN) + rng.choice(["镇", "街道"]))
        parts.append(rng.choice(ROAD_WORDS) + rng.choice(["路", "街", "大道", "巷"]))
        parts.append(f"{rng.randint(1, 999)}号")
        if rng.random() < 0.5:
            parts.append(rng.choice(ESTATES))
        if rng.random() < 0.6:
            parts.append(f"{rng.randint(1, 30)}" + rng.choice(["栋", "幢", "号楼", "座"]))
            if rng.random() < 0.4:
                parts.append(f"{rng.randint(1, 6)}单元")
            parts.append(f"{rng.randint(1, 33)}{rng.randint(1, 8):02d}室")
        return "".join(parts)

    def fill(self, template: str) -> Example:
        rng = self.rng
        fillers: dict[str, Callable[[], str]] = {
            "PER": self.person, "ADDR": self.address, "ANON": self.anon, "ORG": self.org, "CITY": self.city,
            "SEX": lambda: rng.choice("男女"), "AGE": lambda: str(rng.randint(18, 80)),
            "DATE": lambda: f"{rng.randint(1950, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            "ID": lambda: f"{rng.randint(110000, 659999)}{rng.randint(1950, 2005)}{rng.randint(101, 1228)}{rng.randint(1000, 9999)}",
            "PHONE": lambda: f"1{rng.choice('3578')}{rng.randint(100000000, 999999999)}",
            "ZIP": lambda: str(rng.randint(100000, 999999)), "N": lambda: str(rng.randint(1, 99)),
            "TOPIC": lambda: rng.choice(TOPICS), "TITLE": lambda: rng.choice(TITLES),
            "USCC": lambda: "91350128" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(10)),
            "DOCNO": lambda: f"{rng.choice(['岚政', '榕政办', '平综管', '闽财'])}〔{rng.randint(2015, 2025)}〕{rng.randint(1, 200)}号",
        }
        text, spans, pos = [], [], 0
        for piece in re.split(r"(\{[A-Z]+\})", template):
            if piece.startswith("{") and piece.endswith("}"):
                key = piece[1:-1]
                value = fillers[key]()
                if key in ("PER", "ADDR"):
                    spans.append((pos, pos + len(value), "PERSON" if key == "PER" else "ADDRESS"))
                piece = value
            text.append(piece)
            pos += len(piece)
        return "".join(text), spans

    def table(self) -> Example:
        header = self.rng.choice(["姓名 性别 身份证号 联系电话", "序号\t姓名\t职务\t联系电话", "姓名 性别 住址"])
        lines, spans, pos = [header], [], len(header) + 1
        cols = header.split()
        for i in range(self.rng.randint(2, 5)):
            cells = []
            for c in cols:
                start = pos + sum(len(x) + 1 for x in cells)
                if c == "姓名":
                    v = self.person()
                    spans.append((start, start + len(v), "PERSON"))
                elif c == "住址":
                    v = self.address()
                    spans.append((start, start + len(v), "ADDRESS"))
                elif c == "序号":
                    v = str(i + 1)
                else:
                    v = self.fill({"性别": "{SEX}", "身份证号": "{ID}", "联系电话": "{PHONE}", "职务": "{TITLE}"}[c])[0]
                cells.append(v)
            sep = "\t" if "\t" in header else " "
            line = sep.join(cells)
            lines.append(line)
            pos += len(line) + 1
        return "\n".join(lines), spans


def generate(n: int, seed: int, variant: str = "train") -> list[Example]:
    """``n`` examples: ~65% personal-data templates, ~25% negatives, ~10% name tables."""
    s = Synth(seed)
    pos_t, neg_t = (TRAIN_TEMPLATES, NEGATIVE_TRAIN) if variant == "train" else (TEST_TEMPLATES, NEGATIVE_TEST)
    out = []
    for _ in range(n):
        r = s.rng.random()
        if r < 0.65:
            out.append(s.fill(s.rng.choice(pos_t)))
        elif r < 0.9:
            out.append(s.fill(s.rng.choice(neg_t)))
        else:
            out.append(s.table())
    return out
