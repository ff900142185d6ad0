"""Build the INJECTION dev set: public host prose with personal data injected in many styles.

It mimics the held-out evaluation (real government documents with injected personal data) without
touching the reserved archive. Hosts: ``hosts.py`` (paragraphs written for this set, Simplified and
Traditional wording) and the statute quotes of ``/work/shared/docs/disclosure-law.md`` (read at build
time). Every host substring is public, so 文号, dates, amounts, percentages, 第X条, agency/company names
and hotlines found in a host by the patterns below become ``public_strings`` that must survive.

Injected data come from the hand lists below (NOT Faker, which the NER training synth uses; names,
streets and templates differ from ``bench/devset/detect``): labelled (姓名：/联系人/申请人/電話/住址…),
unlabelled (经查，王建国于…; 家住…; a bare mobile), and tables (tab-separated, with and without a
header). Numbers vary: full-width, spaced, hyphenated, +86, X check chars, area-code landlines,
bank cards in groups of four. Each entity records its ``style`` (labelled | unlabelled | table).

Deterministic (``random.Random(SEED)``). Run: ``.venv/bin/python bench/devset/inject/build_inject.py``
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "samples"))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from hosts import HOSTS_S, HOSTS_T  # noqa: E402
from ids import full_width, luhn, resident_id, tw_id  # noqa: E402

from redact.zh import to_traditional  # noqa: E402

SEED = 5150427
LAW = Path("/work/shared/docs/disclosure-law.md")
OUT = HERE / "inject.jsonl"

# ------------------------------------------------------------------ hand lists (not the detect dev set's)
SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 田 "
    "董 潘 袁 蔡 蒋 余 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 贾 夏 方 邹 熊 白 孟 "
    "秦 邱 侯 江 尹 薛 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 钱 严 孔 汤 康 易 乔 赖 庄 翁 柯 卓 严 施 洪"
).split()
COMPOUND = "欧阳 司徒 上官 东方 夏侯 诸葛 端木 公孙 慕容 宇文".split()
GIVEN = (
    "建国 国强 秀英 桂兰 玉梅 春生 海燕 志刚 丽华 文杰 子涵 一鸣 雨桐 思远 浩然 欣悦 家豪 梦琪 晓东 明辉 "
    "淑珍 永福 金花 德胜 小红 立新 卫东 红梅 振华 美玲 俊杰 宏伟 丹丹 佳怡 天佑 嘉欣 锦程 若曦 正阳 婉清"
).split()
GIVEN1 = "伟 芳 军 敏 静 磊 勇 艳 杰 涛 斌 霞 刚 娟 鹏 波 辉 琳 健 超".split()
FOREIGN = (
    "约翰·史密斯",
    "玛丽亚·加西亚",
    "阿依古丽·买买提",
    "迪丽娜尔·艾力",
    "彼得·琼斯",
    "安娜·伊万诺娃",
    "扎西·次仁",
)
CITIES = (
    ("福建省", "榕江市", "城南区"),
    ("福建省", "福州市", "仓山区"),
    ("江西省", "赣州市", "章贡区"),
    ("广东省", "深圳市", "南山区"),
    ("浙江省", "温州市", "鹿城区"),
    ("安徽省", "合肥市", "蜀山区"),
)
ROADS = "桃源路 金榕大道 江滨中路 凤凰街 红星路 和平巷 建新路 工业北路 南湖路 滨江东路 仓前路 梅峰路".split()
ESTATES = "金色家园 紫金花园 御景湾 学府名苑 海西新村 榕城公寓 碧桂苑 东湖小区".split()
TOWNS = (
    ("平潭县", "北厝镇", "后楼村"),
    ("闽侯县", "南通镇", "古城村"),
    ("连江县", "琯头镇", "长沙村"),
    ("永泰县", "梧桐镇", "春光村"),
)
MAIL = ("139.com", "163.com", "qq.com", "sohu.com", "aliyun.com", "yeah.net", "icloud.com")
PINYIN = ("wangjg", "lixiuying", "zhanghao", "liu.min", "chen_yi", "yang2019", "huangwei88", "zhao.lei")
REGIONS = ("350102", "350104", "350128", "360702", "440305", "330302", "340104", "352601")
MOBILE_PREFIX = ("135", "138", "139", "150", "152", "158", "177", "181", "186", "189", "199", "166")
AREA = ("0591", "0592", "010", "021", "0797", "0755", "0577")


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def person(self) -> str:
        r = self.r.random()
        if r < 0.08:
            return self.r.choice(FOREIGN)
        if r < 0.2:
            return self.r.choice(COMPOUND) + self.r.choice(GIVEN1 + GIVEN)
        if r < 0.4:
            return self.r.choice(SURNAMES) + self.r.choice(GIVEN1)
        return self.r.choice(SURNAMES) + self.r.choice(GIVEN)

    def mobile(self) -> str:
        n = self.r.choice(MOBILE_PREFIX) + "".join(self.r.choice("0123456789") for _ in range(8))
        style = self.r.randrange(6)
        return [
            n,
            f"{n[:3]}-{n[3:7]}-{n[7:]}",
            f"{n[:3]} {n[3:7]} {n[7:]}",
            f"+86 {n}",
            full_width(n),
            f"+86-{n}",
        ][style]

    def landline(self) -> str:
        area = self.r.choice(AREA)
        local = self.r.choice("2345678") + "".join(
            self.r.choice("0123456789") for _ in range(7 if len(area) == 3 else 6)
        )
        style = self.r.randrange(4)
        return [
            f"{area}-{local}",
            f"（{area}）{local}",
            f"{area} {local}",
            f"{area}-{local}转{self.r.randint(100, 899)}",
        ][style]

    def phone(self) -> str:
        return self.mobile() if self.r.random() < 0.7 else self.landline()

    def resident_id(self) -> str:
        for _ in range(100):
            birth = f"{self.r.randint(1950, 2005)}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}"
            v = resident_id(self.r.choice(REGIONS), birth, f"{self.r.randint(0, 999):03d}")
            if v.endswith("X") or self.r.random() < 0.75:
                break
        return (
            full_width(v)
            if self.r.random() < 0.12
            else (v.lower() if v.endswith("X") and self.r.random() < 0.3 else v)
        )

    def card(self) -> str:
        n = luhn(
            self.r.choice(("622848", "621700", "622202", "623058", "621226"))
            + "".join(self.r.choice("0123456789") for _ in range(12))
        )
        return " ".join(n[i : i + 4] for i in range(0, len(n), 4)) if self.r.random() < 0.5 else n

    def email(self) -> str:
        return f"{self.r.choice(PINYIN)}{self.r.randint(1, 999)}@{self.r.choice(MAIL)}"

    def address(self) -> str:
        k = self.r.randrange(3)
        prov, city, dist = self.r.choice(CITIES)
        lead = self.r.choice((prov + city + dist, city + dist, dist))
        if k == 0:
            return f"{lead}{self.r.choice(ROADS)}{self.r.randint(1, 388)}号{self.r.randint(1, 12)}栋{self.r.randint(1, 30)}0{self.r.randint(1, 6)}室"
        if k == 1:
            county, town, village = self.r.choice(TOWNS)
            pre = self.r.choice(("福建省福州市", "福州市", ""))
            return f"{pre}{county}{town}{village}{self.r.randint(1, 9)}组{self.r.randint(1, 80)}号"
        return f"{lead}{self.r.choice(ESTATES)}{self.r.randint(1, 20)}号楼{self.r.randint(1, 4)}单元{self.r.randint(1, 25)}0{self.r.randint(1, 4)}室"

    def tw_id(self) -> str:
        return tw_id(
            self.r.choice("ABEFHT"),
            self.r.choice("12") + "".join(self.r.choice("0123456789") for _ in range(7)),
        )


# Templates: {TYPE} slots; entity types per slot. ``style`` of each template.
SLOTS = {
    "P": "PERSON",
    "M": "PHONE_NUMBER",
    "I": "CN_RESIDENT_ID",
    "A": "ADDRESS",
    "C": "BANK_CARD",
    "E": "EMAIL_ADDRESS",
    "T": "TW_ID",
}
LABELLED = (
    "联系人：{P}，联系电话：{M}。",
    "申请人{P}，身份证号码{I}，住址：{A}。",
    "当事人：{P}，女，公民身份号码：{I}，住所地：{A}。",
    "举报人{P}（手机{M}）反映，该店铺存在虚假宣传行为。",
    "经办人：{P}　电话：{M}　电子邮箱：{E}",
    "收款人：{P}，开户银行卡号：{C}。",
    "代理人{P}，联系方式{M}，通讯地址{A}。",
    "姓名：{P}\n身份证号：{I}\n户籍地址：{A}\n手机号码：{M}",
    "被申请人：{P}，男，汉族，住{A}。",
    "投诉人{P}，电话{M}，要求退还货款。",
)
UNLABELLED = (
    "经查，{P}于2023年5月在该店购买商品后出现不适。",
    "{P}家住{A}，系当地村民。",
    "据{P}介绍，今年以来合作社共带动农户增收。",
    "{P}、{P}二人在走访中提出了意见。",
    "如有疑问请与{P}联系（{M}）。",
    "群众可直接拨打{M}或发送邮件至{E}反映问题。",
    "{P}的银行账户{C}已依法解除冻结。",
    "据悉，{P}今年56岁，现居{A}。",
    "工作人员随后走访了{P}，了解其家庭生活情况。",
    "村民{P}说，新修的道路让出行方便了许多。",
    "回访中，{P}对处理结果表示满意。",
    "{P}持身份证{I}到窗口办理了相关手续。",
    "退役军人{P}在社区志愿服务中表现突出。",
    "记者在{A}见到了{P}。",
    "{P}老人已于当日领取救助金。",
    "来电{M}反映小区噪音扰民问题。",
)
#: Written after the rules were tuned on the set above and never tuned on: ``--holdout`` builds
#: ``inject_holdout.jsonl`` from these (other seed), an honest estimate of how the rules generalise.
HOLDOUT_UNLABELLED = (
    "{P}是该社区的网格员，每天入户走访。",
    "经调解，{P}与物业公司达成和解协议。",
    "当天上午，{P}带着锦旗来到市信访局表示感谢。",
    "{P}称其于去年12月在网上购买了一台空调。",
    "救助站工作人员联系上了{P}的家人。",
    "{P}（{M}）对本次服务评价为满意。",
    "困难群众{P}的房屋已列入危房改造计划。",
    "获奖者{P}、{P}分别来自城关镇和潭东镇。",
    "该案由{P}于2024年3月向法院提起诉讼。",
    "{P}住在{A}，一家五口靠务农为生。",
    "请{P}于收到本通知之日起十日内到我局领取。",
    "考生{P}的成绩复核结果为维持原成绩。",
    "现将{P}同志的来信转你单位办理。",
    "{P}反映其位于{A}的房屋存在渗漏问题。",
    "家属可拨打{M}咨询探视事宜。",
    "{P}今年8月刚从部队退役回乡创业。",
)
TABLES = (
    ("序号\t姓名\t性别\t身份证号码\t联系电话\t家庭住址", "{n}\t{P}\t{sex}\t{I}\t{M}\t{A}"),
    ("姓名\t银行卡号\t补贴金额（元）", "{P}\t{C}\t{amt}"),
    ("补贴发放花名册", "{n}\t{P}\t{I}\t{amt}元"),  # headerless columns
    ("序号\t户主\t住址\t联系电话", "{n}\t{P}\t{A}\t{M}"),
)
TRAD_LABELLED = (
    "聯絡人：{P}，聯絡電話：{M}。",
    "申請人{P}，身分證統一編號{T}，戶籍地址：{A}。",
    "陳情人{P}，行動電話{M}，電子郵件{E}。",
)


def fill(template: str, g: Gen, style: str, extra: dict[str, str] | None = None) -> tuple[str, list[dict]]:
    """The template with its slots filled; entity offsets relative to the returned string."""
    out, ents, pos = [], [], 0
    for part in re.split(r"(\{[A-Za-z]+\})", template):
        if re.fullmatch(r"\{[A-Z]\}", part):
            kind = part[1]
            value = {
                "P": g.person,
                "M": g.phone,
                "I": g.resident_id,
                "A": g.address,
                "C": g.card,
                "E": g.email,
                "T": g.tw_id,
            }[kind]()
            ents.append(
                {
                    "type": SLOTS[kind],
                    "start": pos,
                    "end": pos + len(value),
                    "text": value,
                    "action": "redact",
                    "style": style,
                }
            )
            part = value
        elif part.startswith("{") and part.endswith("}") and extra:
            part = extra[part[1:-1]]
        out.append(part)
        pos += len(part)
    return "".join(out), ents


def table(g: Gen) -> tuple[str, list[dict]]:
    header, row = g.r.choice(TABLES)
    text, ents = header + "\n", []
    for n in range(1, g.r.randint(2, 4) + 1):
        line, es = fill(
            row, g, "table", {"n": str(n), "sex": g.r.choice("男女"), "amt": str(g.r.randint(3, 40) * 100)}
        )
        ents += [e | {"start": e["start"] + len(text), "end": e["end"] + len(text)} for e in es]
        text += line + "\n"
    return text, ents


PUBLIC_PATTERNS = [
    r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号",  # 文号
    r"\d{2,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日",  # dates
    r"\d[\d,.]*(?:万|亿)?(?:元|人次|人|家|处|户|个|件|张|项|卷|日|%)",  # amounts, statistics
    r"第[一二三四五六七八九十百零\d]+条",  # article citations
    r"[\u4e00-\u9fff]{2,16}?(?:人民政府|市场监督管理局|局|委员会|人民法院|法院|中心|有限公司|政协|常委会|統計處|本府)",
    r"(?<!\d)123\d\d(?!\d)|\d{3,4}-\d{7,8}|\d{4} \d{4}|[A-Z]{4}-\d{4}-\d{4}",  # hotlines, agency numbers, codes
    r"《[^》]{2,40}》",  # cited laws
]


def public_strings(host: str, offset: int) -> list[dict]:
    out = []
    for pattern in PUBLIC_PATTERNS:
        for m in re.finditer(pattern, host):
            out.append({"start": offset + m.start(), "end": offset + m.end(), "text": m.group()})
    return out


def law_quotes() -> list[str]:
    quotes = []
    for line in LAW.read_text(encoding="utf-8").splitlines():
        m = re.match(r"- \*\*第[^*]+\*\*\s*(?:\([^)]*\)\s*)?(.+)", line)
        if m:
            q = re.sub(r"\*\(.*?\)\*|\*", "", m.group(1)).strip()
            if len(q) > 20 and re.search(r"[\u4e00-\u9fff]{8}", q):
                quotes.append(q)
    return quotes


def record(rid: str, host: str, script: str, g: Gen, n_inject: int) -> dict:
    """Insert ``n_inject`` injections at sentence boundaries of ``host``."""
    cuts = [0] + [m.end() for m in re.finditer(r"[。\n]", host)]
    cuts = [*sorted(set(c for c in cuts if c < len(host))), len(host)]
    points = sorted(g.r.sample(cuts, min(n_inject, len(cuts))))
    text, ents, public, last = "", [], [], 0
    trad = script == "traditional"
    for p in points:
        public += public_strings(host[last:p], len(text))
        text += host[last:p]
        last = p
        k = g.r.random()
        if k < 0.15:
            piece, es = table(g)
            piece = ("\n" if text and not text.endswith("\n") else "") + piece
            es = (
                [e | {"start": e["start"] + 1, "end": e["end"] + 1} for e in es]
                if piece.startswith("\n")
                else es
            )
        elif k < 0.55:
            tmpl = g.r.choice(TRAD_LABELLED if trad and g.r.random() < 0.4 else LABELLED)
            piece, es = fill(tmpl, g, "labelled")
        else:
            piece, es = fill(g.r.choice(UNLABELLED), g, "unlabelled")
        if piece[-1] not in "。\n":
            piece += "\n"  # a form block ends its line
        if trad:
            piece = to_traditional(piece)
            for e in es:
                e["text"] = piece[e["start"] : e["end"]]
        ents += [e | {"start": e["start"] + len(text), "end": e["end"] + len(text)} for e in es]
        text += piece
    public += public_strings(host[last:], len(text))
    text += host[last:]
    public = [s for s in public if not any(s["start"] < e["end"] and e["start"] < s["end"] for e in ents)]
    return {
        "id": rid,
        "script": script,
        "format": "txt",
        "text": text,
        "entities": ents,
        "public_strings": public,
    }


def build(holdout: bool = False) -> list[dict]:
    global UNLABELLED
    if holdout:
        UNLABELLED = HOLDOUT_UNLABELLED
    g = Gen(random.Random(SEED + 1 if holdout else SEED))
    recs: list[dict] = []
    for i, host in enumerate(HOSTS_S):
        recs.append(record(f"inj-s{i:02d}a", host, "simplified", g, g.r.randint(2, 4)))
        recs.append(record(f"inj-s{i:02d}b", host, "simplified", g, g.r.randint(2, 4)))
        recs.append(record(f"inj-t{i:02d}c", to_traditional(host), "traditional", g, g.r.randint(2, 4)))
    for i, host in enumerate(HOSTS_T):
        for v in "ab":
            recs.append(record(f"inj-t{i:02d}n{v}", host, "traditional", g, g.r.randint(2, 3)))
    for i, host in enumerate(law_quotes()):
        script = "traditional" if i % 3 == 2 else "simplified"
        recs.append(
            record(f"inj-law{i:02d}", to_traditional(host) if script == "traditional" else host, script, g, 2)
        )
    for rec in recs:
        for e in rec["entities"]:
            assert rec["text"][e["start"] : e["end"]] == e["text"], (rec["id"], e)
    return recs


def main() -> None:
    holdout = "--holdout" in sys.argv
    recs = build(holdout)
    out = HERE / "inject_holdout.jsonl" if holdout else OUT
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    counts = Counter((e["type"], e["style"]) for r in recs for e in r["entities"])
    print(
        f"{len(recs)} records, {sum(counts.values())} entities, "
        f"{sum(len(r['public_strings']) for r in recs)} public strings -> {out.relative_to(ROOT)}"
    )
    for (t, s), n in sorted(counts.items()):
        print(f"  {t:<16}{s:<12}{n}")


if __name__ == "__main__":
    main()
