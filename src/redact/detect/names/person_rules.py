"""Rules for personal names: context labels, titles, gender clauses and name-table columns.

Input is Simplified text (``redact.zh.to_simplified`` keeps offsets). Already-anonymised forms
(张某, 李某某, 王某明) are never returned: they are what a published document is supposed to contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redact.detect.names.lexicon import is_common_word, is_dictionary_word, is_frequent_word
from redact.detect.names.spans import SCORE_FRAME, SCORE_RULE, Span
from redact.detect.names.surnames import COMPOUND, surname_at, weak_start
from redact.detect.names.tables import table_cells
from redact.detect.names.vocab import (
    COLON_ONLY,
    NAME_COLUMNS,
    NOT_NAMES,
    ORG_SUFFIXES,
    PERSON_TRIGGERS,
    TITLES,
)

HAN = "\u4e00-\u9fff"
#: Characters that usually follow a name in running text (申请人张伟向我局… → 张伟).
FOLLOW_STOP = frozenset("于在向因称对为与和及等的是就将已经现年系自以从到把被说曾于也均都户持之")
#: Words that often follow a two-character name (信访人张东反映… → 张东, not 张东反).
FOLLOW_WORDS = frozenset(
    {
        "反映",
        "表示",
        "提出",
        "认为",
        "要求",
        "申请",
        "报告",
        "介绍",
        "指出",
        "强调",
        "领取",
        "前往",
        "来到",
        "参加",
        "出席",
        "主持",
        "签字",
        "同意",
        "负责",
        "担任",
        "提交",
        "办理",
        "缴纳",
        "承认",
        "陈述",
        "说明",
        "投诉",
        "举报",
        "询问",
        "回答",
        "居住",
        "涉嫌",
        "驾驶",
        "持有",
        "购买",
        "出售",
        "通过",
        "获得",
        "荣获",
        "先后",
        "多次",
        "一行",
        "一家",
        "夫妇",
        "家属",
        "本人",
        "签收",
        "收到",
        "所有",
        "名下",
        "户籍",
        "代表",
        "家住",
        "现住",
        "住在",
        "住址",
        "现居",
        "户口",
        "系该",
        "经营",
        "持证",
        "来电",
        "来信",
        "来访",
        "持用",
    }
)
#: Function words that follow a title far more often than a surname does (局长任志强 still counts).
AFTER_TITLE_STOP = frozenset("和与及同将于在从对向被把为是就都也又并等的")
#: Conjunctions right after a trigger word join nouns (受灾群众和贫困户), not a name (于, 向 are surnames).
CONJUNCTIONS = frozenset("和与及并或跟")
#: Characters no personal name contains (administrative units, 某 placeholders, grammar words).
NON_NAME_CHARS = frozenset("县省镇乡区市村路街局厅号室某的了是在")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_TRIGGER_RE = re.compile(
    rf"(?<![{HAN}])?(?P<trig>{_alternation(PERSON_TRIGGERS)})(?:[（(][^）)\n]{{0,12}}[）)])?"
    rf"(?P<sep>[ \t\u3000]*[：:][ \t\u3000]*|[ \t\u3000]+)?"
)
_TITLE_RE = re.compile(rf"(?:常务)?副?(?:{_alternation(TITLES)}|委员(?!会))")  # 管理委员会 is no title
_GENDER_RE = re.compile(
    rf"(?P<name>[{HAN}·]{{2,8}})[ \t]*(?:[，,（(、][ \t]*[男女](?:[，,）)、。；;]|性)"
    rf"|[（(][ \t]*(?:身份证|公民身份号码|居民身份证|证件号码|身份号码|性别|男|女))"
)
_NOTE_RE = re.compile(r"[（(][^）)]{0,20}[）)]$")
_ITEM_SPLIT_RE = re.compile(r"[、，,/；;]|[ \t\u3000]+")
_HAN_RUN_RE = re.compile(rf"[{HAN}·]+")


def is_anonymised(text: str, start: int, end: int) -> bool:
    """张某 / 李某某 / 王某明 (or a span glued to a following 某) — a placeholder, not a name."""
    return "某" in text[start:end] or text[end : end + 1] == "某" or "×" in text[start:end]


def plausible_name(name: str) -> bool:
    """Surname + one or two given characters (or a ·-joined minority/foreign name); not a word or an office."""
    if not name or name in NOT_NAMES or any(name.endswith(s) for s in ORG_SUFFIXES):
        return False
    if not NON_NAME_CHARS.isdisjoint(name):
        return False
    if "·" in name:
        parts = name.split("·")
        return all(1 <= len(p) <= 6 for p in parts) and 4 <= len(name) <= 15
    n = surname_at(name, 0)
    if n == 0 or not 1 <= len(name) - n <= 2:
        return False
    return not _TITLE_RE.fullmatch(name, n)  # 张先生, 李局长: a form of address, not a name


def trim_name_end(text: str, start: int, end: int) -> int:
    """张三家住… → 张三: drop a last character that starts a following word."""
    if end - start >= 3 and end - start > surname_at(text, start) + 1:
        nxt = text[end - 1 : end + 1]
        if nxt in FOLLOW_WORDS:  # not any common word: 王建国家住… must stay 王建国
            return end - 1
    return end


def reads_as_words(text: str, start: int, end: int) -> bool:
    """The candidate is better read as ordinary words: 中国国家主席 (国国家), 先生和夫人 (和夫人),
    女士曾三次 (曾三次), 主席兼秘书长 (席兼)."""
    cand = text[start:end]
    first = 2 if cand[:2] in COMPOUND else 0
    for k in range(first, len(cand) - 1):
        if is_common_word(cand[k : k + 2], 200):
            return True
    if end - start == 2 and is_frequent_word(cand):
        return True  # 普通医生: a frequent word before a title, not a surname + given name
    edge = text[start - 1 : start + 1] if start > 0 else ""
    return bool(edge) and (is_common_word(edge, proper_nouns=True) or is_frequent_word(edge))  # 老师|傅传


def name_prefix(run: str) -> int:
    """Length of the name at the start of a Han run (张伟向我局 → 2, 张晓明 → 3, 欧阳娜娜 → 4; 0 if none)."""
    n = surname_at(run, 0)
    if n == 0:
        return 0
    if "·" in run:
        m = re.match(rf"[{HAN}]{{1,6}}(?:·[{HAN}]{{1,6}})+", run)
        return m.end() if m else 0
    rest = run[n:]
    if _TITLE_RE.match(rest) or rest[:1] in FOLLOW_STOP:
        return 0
    if (
        len(rest) >= 2
        and rest[1] not in FOLLOW_STOP
        and not _TITLE_RE.match(rest, 1)
        and rest[1:3] not in FOLLOW_WORDS
        and not is_common_word(rest[1:3], 200)
    ):
        size = n + 2
    else:
        size = n + 1
    if len(rest) < 1:
        return 0
    if is_common_word(run[:2], 200) and run[:2] not in COMPOUND:  # 来往, 权益: a word, not 来/权 + name
        return 0
    return size if plausible_name(run[:size]) else 0


def _trigger_names(text: str) -> Iterator[Span]:
    for m in _TRIGGER_RE.finditer(text):
        pos = m.end()
        has_colon = bool(m.group("sep")) and any(c in m.group("sep") for c in "：:")
        if not has_colon and m.group("trig") in COLON_ONLY:
            continue  # bare verbs/nouns: 审核通过, 学生家长, 致辞 — only with a colon
        line_end = len(text)
        for stop in "\n。":
            i = text.find(stop, pos, pos + 80)
            if i != -1:
                line_end = min(line_end, i)
        segment = text[pos : min(line_end, pos + 80)]
        label = re.search(r"[：:]", segment)
        if label:  # the next label on the same line (申请人：张三 申请事项：…) ends the list
            segment = segment[: label.start()]
        offset = pos
        for k, item in enumerate(_ITEM_SPLIT_RE.split(segment)):
            start = offset
            offset += len(item)
            sep = _ITEM_SPLIT_RE.match(segment, offset - pos)
            if sep:
                offset = pos + sep.end()
            run = _HAN_RUN_RE.match(item)
            if run is None:
                break
            if k == 0 and not m.group("sep") and item[:1] in CONJUNCTIONS:
                break  # 受灾群众和贫困户: a conjunction after the trigger word, no name
            if k == 0:
                whole = plausible_name(run.group()) and not is_common_word(run.group()[:2], 200)
                size = len(run.group()) if whole else name_prefix(run.group())
            else:  # later list items must be a name and nothing else (a note in brackets may follow)
                bare = _NOTE_RE.sub("", item)
                size = len(bare) if run.group() == bare and plausible_name(bare) else 0
            if size == 0:
                if m.group("sep"):
                    continue
                break
            if not is_anonymised(text, start, start + size):
                yield Span(start, start + size, "PERSON", SCORE_RULE, "trigger")
            if not m.group("sep") and m.group("trig") != "抄送":
                break  # 申请人张三向… (no separator): only the first name


_SALUTATION_RE = re.compile(
    rf"(?:^|\n)[ \t\u3000]*(?:致|尊敬的)(?P<name>[{HAN}·]{{2,15}}?)(?:先生|女士|同志)?[：:，,]"
)


def _salutation_names(text: str) -> Iterator[Span]:
    """致张三：/ 尊敬的李四先生： at the start of a line (replies to applicants)."""
    for m in _SALUTATION_RE.finditer(text):
        if plausible_name(m.group("name")) and not is_anonymised(text, m.start("name"), m.end("name")):
            yield Span(m.start("name"), m.end("name"), "PERSON", SCORE_RULE, "salutation")


_PADDED_RE = re.compile(
    rf"(?P<label>[{HAN} \u3000]{{2,12}})[：:][ \t\u3000]*(?P<name>[{HAN}][ \u3000]{{1,2}}[{HAN}])(?=[，,。；;（(\s]|$)"
)
_TRIGGER_SET = frozenset(PERSON_TRIGGERS)


def _padded_names(text: str) -> Iterator[Span]:
    """Forms pad two-character names to the width of three: 姓　名：李　四, 当事人：张　三."""
    for m in _PADDED_RE.finditer(text):
        label = re.sub(r"[ \u3000]", "", m.group("label"))
        if not any(label.endswith(t) for t in _TRIGGER_SET):
            continue
        name = m.group("name")
        if surname_at(name, 0) and plausible_name(name[0] + name[-1]) and not is_anonymised(text, *m.span("name")):
            yield Span(m.start("name"), m.end("name"), "PERSON", SCORE_RULE, "padded")


_COUNTED_LIST_RE = re.compile(
    rf"(?<![{HAN}])(?P<list>[{HAN}·]{{2,4}}(?:、[{HAN}·]{{2,4}})+)(?=等?[一二两三四五六七八九十0-9]+[人名位])"
)


def _counted_list_names(text: str) -> Iterator[Span]:
    """于静欣、黎昊煜、方航三人系该店股东 — an enumeration closed by a head count."""
    for m in _COUNTED_LIST_RE.finditer(text):
        pos, items = m.start("list"), m.group("list").split("、")
        spans = []
        for item in items:
            if plausible_name(item) and not is_anonymised(text, pos, pos + len(item)):
                spans.append(Span(pos, pos + len(item), "PERSON", SCORE_RULE, "list"))
            pos += len(item) + 1
        if len(spans) >= 2:
            yield from spans


def _title_names(text: str) -> Iterator[Span]:
    for m in _TITLE_RE.finditer(text):
        end = m.start()
        j = end
        while j > 0 and j > end - 5 and re.match(rf"[{HAN}]", text[j - 1]):
            j -= 1
        run = text[j:end]
        for size in (4, 3, 2):
            if size > len(run):
                continue
            cand = run[-size:]
            if size == 3 and weak_start(text, end - size) and surname_at(cand, 1):
                continue
            if size == 4 and surname_at(cand, 0) != 2:
                continue
            if plausible_name(cand) and not is_anonymised(text, end - size, end):
                if not reads_as_words(text, end - size, end):
                    yield Span(end - size, end, "PERSON", SCORE_RULE, "title")
                break


def _names_after_titles(text: str) -> Iterator[Span]:
    """副局长陈建国出席 — the name right after a title (leadership lists, signatures)."""
    for m in _TITLE_RE.finditer(text):
        run = _HAN_RUN_RE.match(text, m.end())
        if run is None:
            continue
        at = run.start()
        if text[at] in AFTER_TITLE_STOP:  # 先生和夫人, 女士将于今年: a function word, not a surname
            continue
        size = name_prefix(text[at : run.end()])
        if size and not is_anonymised(text, at, at + size) and not reads_as_words(text, at, at + size):
            yield Span(at, at + size, "PERSON", SCORE_RULE, "title")


def _gender_names(text: str) -> Iterator[Span]:
    for m in _GENDER_RE.finditer(text):
        run = m.group("name")
        if "·" in run:
            lead = re.search(rf"[{HAN}]{{1,6}}(?:·[{HAN}]{{1,6}})+$", run)
            if lead and plausible_name(lead.group()):
                yield Span(m.start("name") + lead.start(), m.end("name"), "PERSON", SCORE_RULE, "gender")
            continue
        for size in (4, 3, 2):
            if size <= len(run) and plausible_name(run[-size:]):
                s = m.end("name") - size
                if size == 3 and weak_start(text, s) and surname_at(run, len(run) - 2):
                    continue
                if not is_anonymised(text, s, m.end("name")):
                    yield Span(s, m.end("name"), "PERSON", SCORE_RULE, "gender")
                break


#: Words that put a private person right after them in news and replies (慰问了王建国，…).
LEFT_FRAMES = ("走访了", "慰问了", "看望了", "探望了", "拜访了", "见到了", "采访了", "走访", "慰问", "看望", "探望",
               "退役军人", "村民", "居民", "市民", "群众", "农户", "脱贫户", "低保户", "五保户", "患者", "考生", "老党员")
_LEFT_FRAME_RE = re.compile(rf"(?:{_alternation(LEFT_FRAMES)})(?=[{HAN}])")
#: What follows a private person at the start of a clause (。林一鸣家住…, ，罗静今年56岁).
_RIGHT_FRAME_RE = re.compile(
    r"家住|现住|现居|居住在|今年[0-9一二三四五六七八九十]+岁|[0-9]+岁|老人|持(?:本人)?(?:居民)?身份证|的(?:银行|账户|存折|社保卡)"
)
#: 请与王建国联系 / 据李芳介绍: a name between two frame words.
_BETWEEN_RE = re.compile(
    rf"(?:请与|可与|请联系|据)(?P<name>[{HAN}·]{{2,12}}?)(?:联系|联络|介绍|说|讲|反映|表示|回忆)"
)
_CLAUSE_START = frozenset("。，,；;：:！？!?\n“”\"（(、")
#: Characters of Chinese transliterations of foreign and minority names (约翰·史密斯, 阿依古丽·买买提).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保贝本比彼毕宾波伯博布查达代戴丹道德迪蒂丁东杜顿多恩尔法菲费芬丰弗福盖甘刚戈格古"
    "哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷蕾里理丽利莉连林琳留卢鲁路伦罗洛玛马迈"
    "麦曼梅门蒙米密明莫姆穆纳娜奈南内尼妮纽努诺帕潘佩彭皮珀普奇乔琼丘萨塞赛桑瑟森沙莎善史斯松苏索塔泰坦汤特"
    "提图托瓦万旺威韦维温沃乌武西希锡夏辛休雅亚扬耶伊依因英尤于扎泽詹兹佐买热孜吾尼娃夫基奇金次仁扎西卓玛"
    "格桑央宗拉姆达瓦平措多吉顿珠旦增古丽孜热合曼力江牙提尔古丽帕提麦麦吐逊克多果雨维科夫耶娃妮茨洛谢廖"
    "莎伦尤里契弗兰茨约翰彼埃琳卡塔丽娜玛格丽特艾哈迈德穆罕默德阿卜杜拉易卜拉欣努尔买合木提亚森"
)
#: share of transliteration characters a ·-joined name needs (维克多·雨果: 雨 is not one)
TRANSLIT_SHARE = 0.6



def _inner_words(name: str) -> bool:
    """The name reads as common words inside (和诚挚): not a name, whatever its context."""
    first = 2 if name[:2] in COMPOUND else 0
    return any(is_common_word(name[k : k + 2], 200) for k in range(first, len(name) - 1))


def _frame_names(text: str) -> Iterator[Span]:
    """Unlabelled private persons in running text, found by the words around them (no label, no title)."""
    for m in _LEFT_FRAME_RE.finditer(text):
        run = _HAN_RUN_RE.match(text, m.end())
        if run is None or text[m.end()] in AFTER_TITLE_STOP:
            continue
        size = name_prefix(run.group())
        if size and not is_anonymised(text, m.end(), m.end() + size) and not _inner_words(run.group()[:size]):
            yield Span(m.end(), m.end() + size, "PERSON", SCORE_FRAME, "frame")
    for m in _BETWEEN_RE.finditer(text):
        name = m.group("name")
        if plausible_name(name) and not is_anonymised(text, m.start("name"), m.end("name")):
            yield Span(m.start("name"), m.end("name"), "PERSON", SCORE_FRAME, "frame")
    for m in _RIGHT_FRAME_RE.finditer(text):
        end = m.start()
        for size in (4, 3, 2):
            start = end - size
            if start < 0 or (start > 0 and text[start - 1] not in _CLAUSE_START):
                continue
            cand = text[start:end]
            if size == 4 and surname_at(cand, 0) != 2:
                continue
            if plausible_name(cand) and not is_anonymised(text, start, end) and not is_common_word(cand[:2], 200):
                yield Span(start, end, "PERSON", SCORE_FRAME, "frame")
                break


#: Characters after which a compound surname starts a name (走访了司徒波, 与欧阳娜娜): grammar words.
_COMPOUND_LEFT = frozenset("了与和及对向给为据请让叫由被把将是")
#: compound surnames that are everyday words first (第五期, 百里挑一, 单于 the title)
_COMPOUND_WORDS = frozenset({"第五", "百里", "单于"})


def _compound_names(text: str) -> Iterator[Span]:
    """欧阳小红, 司徒波 in running text: a compound surname is rare enough outside names to stand on its
    own at a clause start or after a grammar word, if the given name is not a word (东方航空, 东方明珠)."""
    for i in range(len(text) - 2):
        if text[i : i + 2] not in COMPOUND or text[i : i + 2] in _COMPOUND_WORDS:
            continue
        if i and text[i - 1] not in _CLAUSE_START and text[i - 1] not in _COMPOUND_LEFT:
            continue
        run = _HAN_RUN_RE.match(text, i)
        if run is None or is_common_word(text[i + 2 : i + 4], 200) or text[i + 2] in FOLLOW_STOP:
            continue
        if is_common_word(text[i : i + 2], 1000) and is_dictionary_word(text[i + 2 : i + 4]):
            continue  # 东方明珠: a frequent word before a dictionary word
        size = name_prefix(run.group())
        if size >= 3 and not is_anonymised(text, i, i + size):
            yield Span(i, i + size, "PERSON", SCORE_FRAME, "compound")


def _head_part(part: str) -> str:
    """The first ·-part without the words before it: 为买买提 → 买买提 (a run of 2-5 characters that
    starts with a transliteration character after a function word or punctuation)."""
    for k in range(max(0, len(part) - 5), len(part) - 1):
        if part[k] in TRANSLIT and (k == 0 or part[k - 1] in FOLLOW_STOP or is_common_word(part[k - 2 : k], 50)):
            return part[k:]
    return part[-2:] if all(c in TRANSLIT for c in part[-2:]) else ""


def _tail_part(part: str) -> str:
    """The last ·-part without the words after it: 吐尔逊办理了 → 吐尔逊 (stops at a common word or function char)."""
    for k in range(2, len(part)):
        nxt = part[k : k + 2]
        if part[k] in FOLLOW_STOP or nxt in FOLLOW_WORDS or is_common_word(nxt, 200) or _RIGHT_FRAME_RE.match(nxt):
            return part[:k]
    return part[:5]


def _foreign_names(text: str) -> Iterator[Span]:
    """约翰·史密斯, 阿依古丽·买买提: ·-joined parts written in transliteration characters."""
    for m in re.finditer(rf"[{HAN}]{{1,8}}(?:·[{HAN}]{{1,8}}){{1,2}}", text):
        parts = m.group().split("·")
        head, tail = _head_part(parts[0]), _tail_part(parts[-1])
        inner = [head, *parts[1:-1], tail]
        chars = "".join(inner)
        if len(head) < 2 or len(tail) < 2 or sum(c in TRANSLIT for c in chars) < TRANSLIT_SHARE * len(chars):
            continue
        if any(is_common_word(p[:2], 200) or not NON_NAME_CHARS.isdisjoint(p) for p in inner):
            continue  # 中国·平潭, 海峡·两岸: words joined by a dot
        start = m.start() + len(parts[0]) - len(head)
        end = m.end() - len(parts[-1]) + len(tail)
        if not is_anonymised(text, start, end):
            yield Span(start, end, "PERSON", SCORE_FRAME, "foreign")


def _table_names(text: str) -> Iterator[Span]:
    """Rows under a header line that has a 姓名 column: the cell in that column is a name."""
    for start, end in table_cells(text, NAME_COLUMNS):
        if plausible_name(text[start:end]) and not is_anonymised(text, start, end):
            yield Span(start, end, "PERSON", SCORE_RULE, "table")


def find_persons(text: str) -> list[Span]:
    """Every rule-found name in Simplified ``text`` (may overlap; ``spans.merge`` resolves)."""
    out: list[Span] = []
    for finder in (
        _trigger_names,
        _salutation_names,
        _padded_names,
        _counted_list_names,
        _title_names,
        _names_after_titles,
        _gender_names,
        _table_names,
        _frame_names,
        _foreign_names,
        _compound_names,
    ):
        out.extend(finder(text))
    return out
