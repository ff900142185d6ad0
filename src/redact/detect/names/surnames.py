"""Chinese surnames (Simplified; callers convert Traditional text first with ``redact.zh.to_simplified``).

Single-character surnames cover the common ones of the 百家姓 and the national name statistics;
compound surnames are matched before single ones so 欧阳娜娜 starts with 欧阳, not 欧.
"""

from __future__ import annotations

#: Common single-character surnames, roughly by frequency (the first ~100 cover ~90% of people).
SINGLE: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵩帖畅蔚野谯滑宓尉佴傅赖洪萧阎丘元冶凃利勾呼哈奉宾富尧居展嵇干幸戎揭斯昝智"
    "束植檀湛留篮粘茅衡衣鄞闭阴"
)

#: Compound (two-character) surnames.
COMPOUND: frozenset[str] = frozenset(
    {
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "闻人",
        "东郭",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "钟离",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "仲孙",
        "赫连",
        "司空",
        "拓跋",
        "第五",
        "左丘",
        "公羊",
        "梁丘",
        "谷梁",
        "乐正",
        "司寇",
        "巫马",
        "亓官",
        "鲜于",
        "羊舌",
        "范姜",
        "张简",
        "张廖",
    }
)

#: Characters that are surnames but far more often function words right before a name
#: (经王明同志 → 王明, not 经王明).
WEAK_LEFT: frozenset[str] = frozenset(
    "经向对由给和与及同把被让派任免是为将据在从于请令按如但并又也即就已应由致至及或以都普"
)

#: Common words that end in a surname character and often stand right before a name
#: (感谢赵丽女士 → 赵丽, not 谢赵丽).
LEFT_WORDS: frozenset[str] = frozenset(
    {
        "感谢",
        "谢谢",
        "致谢",
        "答谢",
        "鸣谢",
        "由于",
        "关于",
        "对于",
        "属于",
        "位于",
        "等于",
        "至于",
        "鉴于",
        "聘任",
        "担任",
        "兼任",
        "出任",
        "信任",
        "主任",
        "责任",
        "现任",
        "原任",
        "拟任",
        "继任",
        "调任",
        "接任",
        "以及",
        "涉及",
        "波及",
        "普及",
        "会同",
        "陪同",
        "连同",
        "协同",
        "如同",
        "共同",
        "给予",
        "授予",
        "安排",
        "提名",
        "表扬",
        "嘉奖",
        "奖励",
        "慰问",
        "看望",
        "会见",
        "接见",
        "走访",
        "通报",
        "委托",
        "批评",
        "处分",
        "告知",
        "通知",
        "联系",
        "经过",
        "转交",
        "呈报",
        "报送",
        "送达",
        "交由",
        "负责",
        "大力",
        "同时",
        "此时",
        "届时",
        "及时",
        "按时",
        "随时",
        "同期",
        "期间",
        "中间",
        "时间",
        "其间",
    }
)


def weak_start(text: str, i: int) -> bool:
    """``text[i]`` more likely ends the word before a name than starts one (经王明, 感谢赵丽)."""
    return text[i] in WEAK_LEFT or text[max(0, i - 1) : i + 1] in LEFT_WORDS


def surname_at(text: str, i: int) -> int:
    """Length of the surname starting at ``text[i]`` (2 compound, 1 single, 0 none)."""
    if text[i : i + 2] in COMPOUND:
        return 2
    return 1 if text[i : i + 1] in SINGLE else 0
