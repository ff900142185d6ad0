"""Build the detection DEV set: ``devset.jsonl`` (text with exact code-point offsets) and ``files/`` (PDF/DOCX).

Never train on it. Names, addresses and sentences come from the hand-written lists and templates
below (no Faker, which the NER training data uses), and the Traditional half is written in
Traditional wording (Taiwan/Hong Kong/Macau usage), not converted from Simplified, so the set
measures generalisation. Deterministic: ``random.Random(SEED)``.

Run: ``.venv/bin/python bench/devset/detect/build_devset.py``
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "samples"))

import build_samples as samples  # noqa: E402
from ids import full_width, hk_id, luhn, resident_id, tw_id, uscc  # noqa: E402

SEED = 20241127
N_DOCS = 72

# --------------------------------------------------------------------------- hand-written vocabularies

SURNAMES_S = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 "
              "潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 "
              "秦 邱 侯 江 尹 薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 欧 莫 孔 向 常 汤 康 易 乔 赖 文 "
              "欧阳 司马 诸葛 上官 皇甫 令狐 慕容 东方 尉迟 公孙").split()
GIVEN_S = ("伟 芳 娜 秀 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂 英 华 玉 兰 萍 红 建 国 志 文 辉 鹏 宇 浩 "
           "婷 雪 琳 晨 欣 怡 佳 悦 梓 涵 子 轩 睿 博 思 雨 彤 诗 若 嘉 俊 航 铭 泽 凯 晓 燕 春 梅 海 波 斌 飞 云 德 福 "
           "荣 蓉 慧 颖 倩 瑶 璐 晗 逸 昊 然 宸 钰 瑾 煜 锦 瀚 沁 蕾").split()
SURNAMES_T = ("陳 林 黃 張 李 王 吳 劉 蔡 楊 許 鄭 謝 郭 洪 曾 邱 廖 賴 周 葉 蘇 莊 呂 江 何 蕭 羅 高 潘 簡 朱 鍾 彭 游 詹 胡 "
              "施 沈 余 盧 梁 趙 顏 柯 翁 魏 孫 戴 范 方 宋 鄧 杜 傅 侯 曹 薛 丁 卓 馬 阮 董 唐 溫 藍 蔣 石 古 紀 姚 連 馮 "
              "歐陽 司馬 諸葛 張簡 范姜").split()
GIVEN_T = ("志 明 俊 傑 建 宏 家 豪 冠 宇 柏 翰 承 恩 怡 君 雅 婷 淑 芬 美 玲 佳 穎 欣 宗 詩 涵 品 妤 郁 庭 筱 嵐 彥 廷 "
           "偉 誠 瑋 婕 儀 慧 萱 蓁 瑜 禎 駿 鴻 凱 維 哲 賢 瑞 麗 鳳 嬌 蘭 燕 龍 耀 輝 韻 靜 曉 穎 鈺 璇 綺 蕙").split()

CN_PLACES = (("福建省福州市", "鼓楼区", "350102"), ("福建省厦门市", "思明区", "350203"), ("广东省广州市", "天河区", "440106"),
             ("浙江省杭州市", "西湖区", "330106"), ("江苏省南京市", "玄武区", "320102"), ("四川省成都市", "武侯区", "510107"),
             ("湖北省武汉市", "洪山区", "420111"), ("山东省青岛市", "市南区", "370202"), ("河南省郑州市", "金水区", "410105"),
             ("陕西省西安市", "雁塔区", "610113"), ("福建省泉州市", "丰泽区", "350503"), ("湖南省长沙市", "岳麓区", "430104"))
CN_STREETS = ("东大路 温泉支路 湖东路 鼓屏路 华林路 杨桥中路 白马南路 体育东路 文三路 中山北路 人民南路 珞喻路 香港中路 "
              "花园路 小寨东路 田安北路 麓山南路 六一北路 湖滨南路 建设路 解放大道 新华街 光明巷 学府路 江滨西大道").split()
CN_COMMUNITIES = "金山花园 阳光城 翠湖小区 锦绣家园 幸福里 怡景新村 世纪华庭 碧水湾 紫荆苑 枫林苑".split()
TW_CITIES = (("臺北市", "大安區"), ("臺北市", "信義區"), ("新北市", "板橋區"), ("桃園市", "中壢區"), ("臺中市", "西屯區"),
             ("臺南市", "東區"), ("高雄市", "苓雅區"), ("新竹市", "東區"), ("基隆市", "仁愛區"), ("嘉義市", "西區"))
TW_ROADS = "忠孝東路 仁愛路 信義路 文化路 中山北路 民生東路 中正路 復興南路 健康路 四維三路 光復路 博愛路 自由路".split()
HK_PLACES = ("九龍旺角彌敦道", "九龍觀塘開源道", "新界沙田大圍積運街", "香港島北角英皇道", "新界荃灣沙咀道", "九龍深水埗長沙灣道")
HK_ESTATES = "顯徑邨顯華樓 美孚新邨 太古城 黃埔花園 麗港城 德福花園".split()
MO_STREETS = ("澳門氹仔孫逸仙大馬路", "澳門新口岸友誼大馬路", "澳門黑沙環馬場東大馬路", "澳門路環石排灣馬路")
EMAIL_DOMAINS = ("163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "gmail.com", "yahoo.com.tw",
                 "hotmail.com", "outlook.com", "netvigator.com", "macau.ctm.net")
PINYIN = ("zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin luo gao zheng liang xie song tang "
          "xiaoming jianhua lihua yuting jiahao weiwei xinyi zihan haoran ming ting").split()
PLATE_PROVINCES = "京 津 沪 渝 冀 豫 云 辽 黑 湘 皖 鲁 新 苏 浙 赣 鄂 桂 甘 晋 蒙 陕 吉 闽 贵 粤 川 琼".split()
PLATE_PROVINCES_T = "京 津 滬 渝 冀 豫 雲 遼 黑 湘 皖 魯 蘇 浙 贛 鄂 桂 甘 晉 陝 吉 閩 貴 粵 川 瓊".split()
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
MOBILE_PREFIXES = tuple("130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 "
                        "172 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 196 "
                        "197 198 199".split())

# agency → the prefix of its document numbers (文号 / 發文字號)
AGENCIES_S = {"榕江市市场监督管理局": "榕市监罚", "榕江市鼓楼区市场监督管理局": "榕鼓市监罚", "榕江市卫生健康委员会": "榕卫",
              "榕江市商务局": "榕商务", "榕江市城市管理局": "榕城管罚", "榕江市人力资源和社会保障局": "榕人社"}
AGENCIES_T = {"榕江市市場監督管理局": "榕市監罰", "臺北市政府衛生局": "北市衛食藥字第", "香港食物環境衞生署": "食環署檔號",
              "澳門市政署": "市政署批示第", "新北市政府消費者服務中心": "新北消字第", "高雄市政府經濟發展局": "高市經發字第"}
COMPANIES_S = ("榕江市恒泰食品有限公司", "福建闽越茶业股份有限公司", "榕江市鑫源超市有限公司", "榕江市百佳汇商贸有限公司",
               "福州市海峡药业连锁有限公司")
COMPANIES_T = ("統一超商股份有限公司", "榕江市恆泰食品有限公司", "全聯實業股份有限公司", "香港百佳超級市場有限公司",
               "臺灣菸酒股份有限公司")
LAWS_S = ("《中华人民共和国食品安全法》第一百二十四条", "《中华人民共和国产品质量法》第四十九条",
          "《中华人民共和国消费者权益保护法》第五十六条", "《中华人民共和国行政处罚法》第五十一条",
          "《中华人民共和国广告法》第五十五条", "《价格违法行为行政处罚规定》第七条")
LAWS_T = ("《食品安全衛生管理法》第四十四條", "《消費者保護法》第五十八條", "《公平交易法》第二十一條",
          "《中華人民共和國食品安全法》第一百二十四條", "《商品標示法》第十五條", "《個人資料保護法》第四十一條")
HOTLINES = ("12315", "12345", "110", "12331", "1999", "1823")


# --------------------------------------------------------------------------- generators


class Gen:
    """Draws fictional values; every draw comes from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, seq):
        return self.r.choice(seq)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def name(self, trad: bool) -> str:
        sur, giv = (SURNAMES_T, GIVEN_T) if trad else (SURNAMES_S, GIVEN_S)
        n = 1 if self.r.random() < 0.3 else 2
        return self.pick(sur) + "".join(self.pick(giv) for _ in range(n))

    def birth(self) -> tuple[int, int, int]:
        return self.r.randint(1950, 2004), self.r.randint(1, 12), self.r.randint(1, 28)

    def resident_id(self) -> str:
        region = self.pick(CN_PLACES)[2]
        y, m, d = self.birth()
        value = resident_id(region, f"{y}{m:02d}{d:02d}", self.digits(3))
        return value.lower() if value.endswith("X") and self.r.random() < 0.5 else value

    def legacy_id(self) -> str:
        y, m, d = self.birth()
        return f"{self.pick(CN_PLACES)[2]}{y % 100:02d}{m:02d}{d:02d}{self.digits(3)}"

    def mobile(self, style: str | None = None) -> str:
        n = self.pick(MOBILE_PREFIXES) + self.digits(8)
        style = style or self.pick(("plain", "plain", "dash", "space", "plus86", "full"))
        return {"plain": n, "dash": f"{n[:3]}-{n[3:7]}-{n[7:]}", "space": f"{n[:3]} {n[3:7]} {n[7:]}",
                "plus86": f"+86 {n}", "full": full_width(n)}[style]

    def landline(self) -> str:
        area = self.pick(("0591", "0592", "020", "0571", "025", "028", "027", "0532"))
        local = self.pick("2345678") + self.digits(7 if len(area) == 3 else 6 + self.r.randint(0, 1))
        form = self.r.randint(0, 2)
        if form == 0:
            return f"{area}-{local}"
        if form == 1:
            return f"({area}){local}"
        return f"{area}-{local}转{self.r.randint(100, 899)}"

    def tw_phone(self) -> str:
        if self.r.random() < 0.6:
            n = "09" + self.digits(8)
            return self.pick((f"{n[:4]}-{n[4:7]}-{n[7:]}", n, f"+886 {n[1:4]} {n[4:7]} {n[7:]}"))
        return f"(0{self.r.randint(2, 8)}){self.digits(4)}-{self.digits(4)}"

    def hk_phone(self) -> str:
        return f"+852 {self.pick('5679')}{self.digits(3)} {self.digits(4)}"

    def mo_phone(self) -> str:
        return f"+853 6{self.digits(3)} {self.digits(4)}"

    def email(self) -> str:
        user = self.pick(PINYIN) + self.pick(("", ".", "_")) + self.pick(PINYIN) + self.pick(("", self.digits(2), self.digits(4)))
        return f"{user}@{self.pick(EMAIL_DOMAINS)}"

    def bank_card(self) -> str:
        n = luhn(self.pick(("6222", "6217", "6228", "6212", "6225", "4367", "6013")) + self.digits(11 + self.pick((0, 3))))
        return " ".join(n[i:i + 4] for i in range(0, len(n), 4)) if self.r.random() < 0.4 else n

    def passport(self) -> str:
        return self.pick("EEG") + self.digits(8)

    def travel_permit(self) -> str:
        return self.pick(("C" + self.digits(8), "H" + self.digits(8), "M" + self.digits(8), "L" + self.digits(8)))

    def hk_id(self) -> str:
        v = hk_id(self.pick("ABCDEGHKMPRVYZ"), self.digits(6))
        return v if self.r.random() < 0.7 else v.replace("(", "").replace(")", "")

    def mo_id(self) -> str:
        return f"{self.pick('1578')}{self.digits(6)}({self.r.randint(0, 9)})"

    def tw_id(self) -> str:
        return tw_id(self.pick("ABCDEFGHJKLMNPQRSTUVXYWZIO"), self.pick("12") + self.digits(7))

    def plate(self, trad: bool) -> str:
        if trad and self.r.random() < 0.4:
            return f"{''.join(self.pick(PLATE_LETTERS) for _ in range(3))}-{self.digits(4)}"
        prov = self.pick(PLATE_PROVINCES_T if trad else PLATE_PROVINCES)
        tail = self.pick(("D", "F")) + self.digits(5) if self.r.random() < 0.25 else (
            self.pick(PLATE_LETTERS) + self.digits(4) if self.r.random() < 0.5 else self.digits(5))
        return f"{prov}{self.pick(PLATE_LETTERS)}{self.pick(('·', '', '·'))}{tail}"

    def dob(self, trad: bool) -> str:
        y, m, d = self.birth()
        if trad and self.r.random() < 0.5 and y >= 1912:
            return f"民國{y - 1911}年{m}月{d}日"
        return self.pick((f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m:02d}.{d:02d}"))

    def qq(self) -> str:
        return str(self.r.randint(10000000, 3999999999))

    def wechat(self) -> str:
        return self.pick(("wxid_" + "".join(self.pick("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(14)),
                          self.pick(PINYIN) + "_" + self.pick(PINYIN) + self.digits(2)))

    def ip(self) -> str:
        return ".".join(str(self.r.randint(1, 223) if i == 0 else self.r.randint(0, 254)) for i in range(4))

    def uscc(self) -> str:
        base = "".join(self.pick("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        return uscc(self.pick(("91", "92", "93", "52", "12")), self.pick(CN_PLACES)[2], base)

    def address(self, trad: bool) -> str:
        if not trad:
            prov, dist, _ = self.pick(CN_PLACES)
            road = self.pick(CN_STREETS)
            if self.r.random() < 0.5:
                return (f"{prov}{dist}{road}{self.r.randint(1, 399)}号{self.pick(CN_COMMUNITIES)}"
                        f"{self.r.randint(1, 30)}栋{self.r.randint(1, 4)}单元{self.r.randint(1, 32)}0{self.r.randint(1, 6)}室")
            return f"{prov[3:] if self.r.random() < 0.5 else prov}{dist}{road}{self.r.randint(1, 399)}号{self.r.randint(1, 28)}0{self.r.randint(1, 8)}室"
        kind = self.r.random()
        if kind < 0.5:
            city, dist = self.pick(TW_CITIES)
            sec = self.pick(("", "一段", "二段", "三段", "四段"))
            lane = self.pick(("", f"{self.r.randint(1, 300)}巷", f"{self.r.randint(1, 300)}巷{self.r.randint(1, 20)}弄"))
            return f"{city}{dist}{self.pick(TW_ROADS)}{sec}{lane}{self.r.randint(1, 400)}號{self.r.randint(2, 20)}樓"
        if kind < 0.8:
            return (f"香港{self.pick(HK_PLACES)}{self.r.randint(1, 300)}號{self.pick(HK_ESTATES)}"
                    f"{self.r.randint(1, 40)}樓{self.pick('ABCDEFGH')}室")
        return f"{self.pick(MO_STREETS)}{self.r.randint(1, 500)}號{self.r.randint(1, 30)}樓{self.pick('ABCD')}座"

    # public strings
    def date(self) -> str:
        return f"{self.r.randint(2019, 2025)}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def docno(self, trad: bool, agency: str | None = None) -> str:
        agencies = AGENCIES_T if trad else AGENCIES_S
        prefix = agencies[agency] if agency else self.pick(tuple(agencies.values()))
        year = self.r.randint(2019, 2025)
        if prefix.endswith("第"):
            return f"{prefix}{year - 1911}{self.digits(7)}號" if "北" in prefix or "高" in prefix else f"{prefix}{self.r.randint(1, 300)}/{year}號"
        if prefix.endswith("檔號"):
            return f"{prefix}FEHD/{year}/{self.digits(4)}"
        return f"{prefix}〔{year}〕{self.r.randint(1, 300)}{'號' if trad else '号'}"

    def money(self, trad: bool) -> str:
        return self.pick((f"{self.r.randint(2, 200)}000元", f"{self.r.randint(1, 99)}.{self.r.randint(1, 9)}万元" if not trad
                          else f"新臺幣{self.r.randint(3, 300)}萬元", f"{self.r.randint(1000, 999999):,}元"))

    def count(self) -> str:
        return str(self.r.randint(120, 98000))

    def percent(self) -> str:
        return f"{self.r.randint(85, 99)}.{self.r.randint(0, 9)}%"

    def agency_phone(self) -> str:
        return self.pick(("0591-12345678", "0591-87110315", "(02)2720-8889", "2868 0000", "0591-12315"))

    def order_no(self) -> str:
        """A long public number (order/waybill); never one that passes Luhn, so it is a fair negative."""
        while True:
            n = self.pick(("20" + self.digits(16), "SF" + self.digits(13), "YT" + self.digits(13), "JD" + self.digits(12)))
            digits = n.lstrip("SFYTJD")
            if luhn(digits[:-1]) != digits:
                return n


# --------------------------------------------------------------------------- templates (one list per script)

# {TYPE} is a personal datum (the contract type; `:variant` picks a generator), {p:kind} a public string.
ENTITY_TEMPLATES_S = (
    "当事人{PERSON}，{p:sex}，出生日期{DATE_OF_BIRTH}，公民身份号码{CN_RESIDENT_ID}，住{ADDRESS}。",
    "申请人{PERSON}（联系电话：{PHONE_NUMBER}）于{p:date}向本局提交了食品经营许可申请材料。",
    "经办人：{PERSON}，手机{PHONE_NUMBER}，电子邮箱{EMAIL_ADDRESS}。",
    "投诉人{PERSON}反映，其于{p:date}在{p:company}购买的商品存在质量问题，要求将退款汇入其银行卡{BANK_CARD}。",
    "经核查，涉案车辆号牌为{LICENSE_PLATE}，登记车主{PERSON}，身份证号{CN_RESIDENT_ID}。",
    "举报人{PERSON}（QQ：{SOCIAL_ACCOUNT:qq}）称，该网店后台登录IP地址为{IP_ADDRESS}。",
    "当事人持中华人民共和国护照（护照号{PASSPORT}），往来港澳通行证号码{TRAVEL_PERMIT}。",
    "香港居民{PERSON}，香港身份证号码{HK_ID}，港澳居民来往内地通行证{TRAVEL_PERMIT}，电话{PHONE_NUMBER:hk}。",
    "澳门居民{PERSON}，澳门居民身份证编号{MO_ID}，联系电话{PHONE_NUMBER:mo}。",
    "台湾居民{PERSON}，台湾身份证号码{TW_ID}，住址{ADDRESS:t}。",
    "请{PERSON}先生于{p:date}前到{p:agency}接受询问，联系人{PERSON}女士，座机{PHONE_NUMBER:land}。",
    "{p:company}（统一社会信用代码：{CN_USCC}）法定代表人{PERSON}，户籍地{ADDRESS}。",
    "{PERSON}、{PERSON}、{PERSON}三人系该店股东，由{p:company}统一供货。",
    "性别：女；出生年月日：{DATE_OF_BIRTH}；民族：汉族；现住址：{ADDRESS}。",
    "该商户微信号{SOCIAL_ACCOUNT:wx}，收款账户{BANK_CARD}，户名{PERSON}。",
    "当事人提交的旧版营业执照载明其身份证号为{CN_RESIDENT_ID:legacy}。",
    "网店经营者{PERSON}的注册邮箱为{EMAIL_ADDRESS}，最近一次登录IP为{IP_ADDRESS}。",
    "{p:company}（统一社会信用代码{CN_USCC}）的联系人{PERSON}，邮箱{EMAIL_ADDRESS}。",
    "台胞{PERSON}，台湾居民身份证号{TW_ID}，台湾居民来往大陆通行证{TRAVEL_PERMIT}。",
    "快递员{PERSON}的手机为{PHONE_NUMBER}，车牌{LICENSE_PLATE}。",
    "{PERSON}同志为本案承办人，办公电话{PHONE_NUMBER:land}。",
)
ENTITY_TEMPLATES_T = (
    "當事人{PERSON}，{p:sex}，出生年月日{DATE_OF_BIRTH}，國民身分證統一編號{TW_ID}，戶籍地址{ADDRESS}。",
    "申請人{PERSON}（聯絡電話：{PHONE_NUMBER:tw}）於{p:date}向本局提出陳情。",
    "承辦人：{PERSON}，行動電話{PHONE_NUMBER:tw}，電子郵件{EMAIL_ADDRESS}。",
    "檢舉人{PERSON}表示，其於{p:date}在{p:company}購買之商品有瑕疵，請將退款匯入其帳戶{BANK_CARD}。",
    "經查，涉案車輛車牌號碼{LICENSE_PLATE}，車主{PERSON}，身分證字號{TW_ID}。",
    "香港居民{PERSON}，香港身份證號碼{HK_ID}，住址{ADDRESS}，聯絡電話{PHONE_NUMBER:hk}。",
    "澳門居民{PERSON}，澳門居民身份證編號{MO_ID}，聯絡電話{PHONE_NUMBER:mo}，電郵{EMAIL_ADDRESS}。",
    "大陸居民{PERSON}，居民身分證號碼{CN_RESIDENT_ID}，護照號碼{PASSPORT}，通行證號碼{TRAVEL_PERMIT}。",
    "該網站管理者之登入IP位址為{IP_ADDRESS}，聯絡信箱{EMAIL_ADDRESS}。",
    "性別：男；出生日期：{DATE_OF_BIRTH}；通訊地址：{ADDRESS}。",
    "{PERSON}先生、{PERSON}小姐與{PERSON}女士共同具名申訴。",
    "{p:company}（統一社會信用代碼：{CN_USCC}）負責人{PERSON}，營業登記地址不另列。",
    "陳情人{PERSON}之微信帳號{SOCIAL_ACCOUNT:wx}、QQ號碼{SOCIAL_ACCOUNT:qq}均已查證。",
    "民眾{PERSON}來電（{PHONE_NUMBER:tw}）反映，{LICENSE_PLATE}之貨車違規傾倒廢棄物。",
    "受處分人{PERSON}持用之金融卡卡號{BANK_CARD}已遭凍結，護照號碼{PASSPORT}。",
    "旅客{PERSON}，港澳居民來往內地通行證{TRAVEL_PERMIT}，手提電話{PHONE_NUMBER:hk}。",
)
PUBLIC_TEMPLATES_S = (
    "{p:agency}于{p:date}依法作出行政处罚决定，罚款人民币{p:money}。",
    "依据{p:law}的规定，责令当事人立即改正违法行为。",
    "今年以来，全市共检查食品经营主体{p:count}家次，抽检合格率{p:percent}。",
    "如对本决定有异议，可拨打{p:hotline}或本局咨询电话{p:agencyphone}。",
    "涉案订单编号{p:order}，已调取相关交易记录。",
    "本案由{p:agency}办理，文号{p:docno}。",
    "店员{p:anon}称对涉案商品来源不知情。",
    "全年受理投诉举报{p:count}件，为消费者挽回经济损失{p:money}。",
)
PUBLIC_TEMPLATES_T = (
    "{p:agency}於{p:date}依法裁處罰鍰{p:money}。",
    "依{p:law}規定，限期改正。",
    "本年度共稽查業者{p:count}家次，抽驗合格率{p:percent}。",
    "如有疑義，請撥打{p:hotline}或本局服務專線{p:agencyphone}。",
    "相關交易編號{p:order}已調閱完畢。",
    "本案由{p:agency}承辦，發文字號{p:docno}。",
    "涉案員工{p:anon}已遭解僱。",
    "全年受理消費申訴{p:count}件，協助消費者追回{p:money}。",
)
SLOT = re.compile(r"\{(p:)?([A-Za-z_]+)(?::([a-z]+))?\}")


def _value(g: Gen, kind: str, variant: str | None, trad: bool) -> str:
    table: dict[str, Callable[[], str]] = {
        "PERSON": lambda: g.name(trad),
        "CN_RESIDENT_ID": g.legacy_id if variant == "legacy" else g.resident_id,
        "PHONE_NUMBER": {"hk": g.hk_phone, "mo": g.mo_phone, "tw": g.tw_phone, "land": g.landline}.get(variant or "", g.mobile),
        "EMAIL_ADDRESS": g.email,
        "ADDRESS": lambda: g.address(trad or variant == "t"),
        "BANK_CARD": g.bank_card,
        "PASSPORT": g.passport,
        "HK_ID": g.hk_id,
        "MO_ID": g.mo_id,
        "TW_ID": g.tw_id,
        "TRAVEL_PERMIT": g.travel_permit,
        "LICENSE_PLATE": lambda: g.plate(trad),
        "DATE_OF_BIRTH": lambda: g.dob(trad),
        "SOCIAL_ACCOUNT": g.wechat if variant == "wx" else g.qq,
        "IP_ADDRESS": g.ip,
        "CN_USCC": g.uscc,
    }
    return table[kind]()


def _public(g: Gen, kind: str, trad: bool) -> str:
    table: dict[str, Callable[[], str]] = {
        "sex": lambda: g.pick(("男", "女")),
        "date": g.date,
        "agency": lambda: g.pick(tuple(AGENCIES_T if trad else AGENCIES_S)),
        "company": lambda: g.pick(COMPANIES_T if trad else COMPANIES_S),
        "law": lambda: g.pick(LAWS_T if trad else LAWS_S),
        "money": lambda: g.money(trad),
        "count": g.count,
        "percent": g.percent,
        "hotline": lambda: g.pick(HOTLINES),
        "agencyphone": g.agency_phone,
        "order": g.order_no,
        "docno": lambda: g.docno(trad),
        "anon": lambda: g.pick(("張某", "李某某", "王某", "陳某某")) if trad else g.pick(("张某", "李某某", "王某", "陈某某")),
    }
    return table[kind]()


def fill(g: Gen, template: str, trad: bool) -> list[tuple[str, str | None]]:
    """A template as segments: (text, None) literal, (text, TYPE) entity, (text, "PUBLIC") public string."""
    segs: list[tuple[str, str | None]] = []
    pos = 0
    for m in SLOT.finditer(template):
        segs.append((template[pos:m.start()], None))
        if m.group(1):
            kind = m.group(2)
            segs.append((_public(g, kind, trad), None if kind == "sex" else "PUBLIC"))
        else:
            segs.append((_value(g, m.group(2), m.group(3), trad), m.group(2)))
        pos = m.end()
    segs.append((template[pos:], None))
    return segs


class Deck:
    """Deals templates round-robin in a shuffled order, so every template (and type) is used about equally."""

    def __init__(self, g: Gen, templates: tuple[str, ...]) -> None:
        self.g, self.templates, self.queue = g, templates, []

    def deal(self) -> str:
        if not self.queue:
            self.queue = list(self.templates)
            self.g.r.shuffle(self.queue)
        return self.queue.pop()


def make_doc(g: Gen, i: int, decks: dict[tuple[bool, bool], Deck]) -> tuple[dict, list[list[tuple[str, str | None]]]]:
    trad = i % 2 == 1
    agency = _public(g, "agency", trad)
    lines = [[(agency, "PUBLIC"), ("　", None), (g.docno(trad, agency), "PUBLIC")]]
    body = ([decks[trad, True].deal() for _ in range(g.r.randint(2, 4))]
            + [decks[trad, False].deal() for _ in range(g.r.randint(2, 3))])
    g.r.shuffle(body)
    lines += [fill(g, t, trad) for t in body]
    lines.append([(g.date(), "PUBLIC")])
    text, entities, public = "", [], []
    for line in lines:
        for seg, kind in line:
            start = len(text)
            text += seg
            if kind == "PUBLIC":
                public.append({"start": start, "end": len(text), "text": seg})
            elif kind:
                entities.append({"type": kind, "start": start, "end": len(text), "text": seg,
                                 "action": "keep" if kind == "CN_USCC" else "redact"})
        text += "\n"
    doc = {"id": f"dev-{i + 1:03d}", "script": "traditional" if trad else "simplified", "format": "txt",
           "text": text, "entities": entities, "public_strings": public}
    return doc, lines


def _marked(lines: list[list[tuple[str, str | None]]]) -> list[str]:
    """The same lines in the sample builder's mark-up, so its PDF/DOCX writers can lay them out."""
    out = []
    for line in lines:
        parts = []
        for seg, kind in line:
            if kind == "PUBLIC":
                parts.append(samples.pub(seg))
            elif kind:
                parts.append((samples.k if kind == "CN_USCC" else samples.e)(kind, seg))
            else:
                parts.append(seg)
        out.append("".join(parts))
    return out


FILE_FORMATS = ("pdf", "docx", "pdf", "docx", "pdf", "docx", "pdf", "docx")


def build(out_dir: Path = HERE) -> list[dict]:
    g = Gen(random.Random(SEED))
    decks = {(False, True): Deck(g, ENTITY_TEMPLATES_S), (True, True): Deck(g, ENTITY_TEMPLATES_T),
             (False, False): Deck(g, PUBLIC_TEMPLATES_S), (True, False): Deck(g, PUBLIC_TEMPLATES_T)}
    docs, layouts = [], []
    for i in range(N_DOCS):
        doc, lines = make_doc(g, i, decks)
        docs.append(doc)
        layouts.append(lines)
    with open(out_dir / "devset.jsonl", "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    files = out_dir / "files"
    files.mkdir(exist_ok=True)
    annotations = {}
    for j, fmt in enumerate(FILE_FORMATS):
        doc, lines = docs[j], layouts[j]
        marked = _marked(lines)
        blocks = [samples.Block("title", marked[0])] + [samples.p(x) for x in marked[1:-1]] + [samples.right(marked[-1])]
        sample = samples.Sample(file=f"{doc['id']}.{fmt}", kind="dev", script=doc["script"], attribute="public",
                                doc_type="", category="", reason="", codes=(), blocks=tuple(blocks), convert=False)
        samples.WRITERS[fmt](sample, files / sample.file)
        annotations[sample.file] = {
            "id": doc["id"], "script": doc["script"],
            "entities": [{"type": e["type"], "text": e["text"], "action": e["action"]} for e in doc["entities"]],
            "public_strings": [p["text"] for p in doc["public_strings"]],
        }
    (files / "annotations.json").write_text(json.dumps(annotations, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return docs


def type_counts(docs: list[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = {"simplified": Counter(), "traditional": Counter()}
    for d in docs:
        out[d["script"]].update(e["type"] for e in d["entities"])
    return out


if __name__ == "__main__":
    built = build()
    counts = type_counts(built)
    print(f"wrote {len(built)} documents; entities per type:")
    for t in sorted(set(counts["simplified"]) | set(counts["traditional"])):
        print(f"  {t:16s} simplified={counts['simplified'][t]:3d} traditional={counts['traditional'][t]:3d}")
