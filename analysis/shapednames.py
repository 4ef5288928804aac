"""Names read from their shapes where no dictionary knows them, the passes of :func:`analysis.mentionscan.scan`
after its names by neighbours and bodies of countries: a name opening a clause before its reporting verb
(蘇芷琪下午在臉書發文回應), names of Taiwan's peoples joined by a dot (哈尤·瓦旦), a name given in place of a
person's own (阿凱（化名）), a body where it speaks (屋宇署發言人表示), who runs a school or hospital (國立中興大學),
a company before its stock code (宏曜電子（3791）), a body by its own name and its form (a company's legal form, a
school's kind, a district court: 永瀚機電工程有限公司, 四林國小, 台中地方法院), a body with the units named after
it as one mention (內政部警政署), a firm's name in 「」 by its kind (「金聖達企業社」), and a body's initials in
brackets after its name (產業安全局（BIS）). Places read from their shapes are :mod:`analysis.shapedplaces`' passes.

Each pass takes the scan's state (its text, words, mentions found and titles: :class:`Scan`) and adds to it.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from .names import (BODY_HEADS, CUES, FUNCTION_CHARS, ORG_SUFFIXES, OWNERS, PROPER_HEADS, SURNAMES, TITLES, UNIT_ENDS,
                    common_words, han)
from .postags import dictionary_tag, jieba_tag
from .titlednames import CLAUSE_OPENERS, FOLLOWERS, NAME_DOTS, dotted_name, name_before_verb, verb_ahead


class Scan(Protocol):
    """What a pass reads and writes of a scan's state (:class:`analysis.mentionscan._Scan`)."""

    text: str
    words: list[str]
    offsets: list[int]
    n: int
    found: dict[int, Any]  # mentions by start: (start, end, actor, type, evidence, pending)
    taken: list[bool]  # words inside a mention
    title_starts: set[int]
    title_ends: set[int]

    def word_of(self, pos: int) -> int: ...

    def add(self, start: int, end: int, actor: str, kind: str, evidence: str, pending=None) -> None: ...

    def add_title(self, start: int, end: int) -> None: ...


_DOT = re.compile("[" + NAME_DOTS + "]")


def overlaps(scan: Scan, start: int, end: int) -> bool:
    """Does a mention found already overlap [start, end)?"""
    return any(f.start < end and start < f.end for f in scan.found.values())


def place_ending(scan: Scan, pos: int) -> Any:
    """The place found that ends at ``pos`` (the first found), None if none does."""
    return next((f for f in scan.found.values() if f.end == pos and f.type == "place"), None)


#: Names in 《》: a book's, a programme's or an outlet's (《香港01》), whose parts are no mentions.
TITLE_MARKS = re.compile(r"《([^《》\n]{1,40})》")


def _rank(name: str) -> int:
    """How high a body stands by its name's end: a government or Yuan (府, 院) 0, a ministry, council or party
    (部, 會, 黨), or a body whose name has no such end (台電, a company) 1, an agency, bureau or committee (署, 局,
    處, 委員會) 2, a unit of one (分局, 科, 隊) 3."""
    if name.endswith(("分局", "分署", "分行", "分院", "分隊", "科", "隊", "組", "室", "所", "系", "股", "辦事處",
                      "辦公室", "中心")):
        return 3
    if name.endswith(("府", "院")) and not name.endswith(("醫院", "學院", "研究院")):
        return 0
    if name.endswith(("部", "黨")) or (name.endswith("會") and not name.endswith("委員會")):
        return 1
    if not name.endswith(("署", "局", "處", "司", "委員會", "院", "館")):
        return 1  # (台電|宜蘭區營業處: a company and its office)
    return 2


#: The ends of the names of a body's units (分局, 分署, 偵查隊, 預防科, 教育處, 研究所, 學系, 分行).
UNIT_HEADS = ("局", "署", "處", "司", "科", "隊", "所", "系", "組", "室", "分行", "支隊", "大隊", "中隊", "分隊",
              "派出所", "中心", "學院")
# Words that end in a unit's head but name no unit (民進黨|當局, 政局, 格局), or that make a group's name a topic's
# (聯合國|事務|工作|小組: a group on the UN's affairs, not one of its units)
_NOT_UNITS = frozenset("當局 大局 格局 布局 結局 騙局 僵局 變局 時局 政局 戰局 全局 出局 飯局 賭局 郵局 書局"
                       " 事務所 研究室 工作室 團隊 研究團隊 查處 懲處 判處 論處 裁處 出處 相處 到處 好處"
                       " 市中心".split())
_TOPICS = frozenset("事務 問題 議題 關係 交流 政策 發展".split())
# Heads that need a proper name before them, as endswith takes them
_PROPER_HEADS = tuple(PROPER_HEADS)
# An ordinal opening a unit's name (第三|分局, 第九|河川|分署)
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+")
# Words that open no body's own name, only a description of one (轄區分局, 當地派出所, 附近醫院)
_NOT_PROPER = frozenset("轄區 當地 附近 相關 主管 所屬 地方 基層 各地 全國 該 本 各 這 那 此 其 某 一家 一間 多家"
                        " 這所 那所 該所 一所 各所 這間 那間 該間 這家 那家 該家".split())
# A name given in place of a person's own (阿凱（化名）), and one in Latin letters right before it (Ricky（化名）)
_PSEUDONYM = re.compile(r"[（(]化名[）)]")
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?$")


def speaking_names(scan: Scan) -> None:
    """A name no rule found yet that opens a clause before a reporting verb, read from its characters
    (:func:`analysis.titlednames.name_before_verb`: 蘇芷琪下午在臉書發文回應, 「…」冷文彥說)."""
    for k in range(scan.n):
        if scan.taken[k]:
            continue
        end = name_before_verb(scan.text, scan.offsets[k])
        if end is not None and not any(scan.taken[k:scan.word_of(end - 1) + 1]):
            scan.add(scan.offsets[k], end, scan.text[scan.offsets[k]:end], "person", "verb")


def dotted_names(scan: Scan) -> None:
    """Names of Taiwan's peoples and transliterated ones whose parts a dot joins, read from the characters
    where no rule found them (:func:`analysis.titlednames.dotted_name`: 巡守隊長哈尤·瓦旦, 族人比令·尤命); not
    inside 《》."""
    text = scan.text
    titled = [(m.start(), m.end()) for m in TITLE_MARKS.finditer(text)]
    for m in _DOT.finditer(text):
        dot = m.start()
        if dot == 0 or not han(text[dot - 1]):
            continue
        span = dotted_name(text, dot)
        if span is None or any(s < span[1] and span[0] < e for s, e in titled):
            continue
        over = [f for f in scan.found.values() if f.start < span[1] and span[0] < f.end]
        if not all(f.type == "person" and f.evidence == "transliteration" and span[0] <= f.start and f.end <= span[1]
                   for f in over):
            continue  # (but its parts read as transliterations give way: 拉夫拉|斯．馬帝靈, 沙力·伊斯瑪哈|單)
        for f in over:
            scan.found.pop(f.start)
        scan.add(*span, text[span[0]:span[1]], "person", "title")
        title = next((n for n in (4, 3, 2) if n <= span[0] and text[span[0] - n:span[0]] in TITLES), 0)
        if title and span[0] not in scan.title_ends:
            scan.add_title(span[0] - title, span[0])  # (神木村長|沙力·伊斯瑪哈單: the person holds the title)


#: Letters that end a dotted name's last part where the segmenter joined them to it (哈洛|威在, 伊斯巴利達|夫說):
#: what follows a name, as one letter.
_AFTER_NAME = frozenset(f for f in FOLLOWERS if len(f) == 1) | frozenset("苦笑卻但而被遭")


#: Reporting verbs, the longest first: a dotted name's last part goes on up to one (伊斯瑪哈單|說).
_SAYING = tuple(sorted(CUES, key=len, reverse=True))


def dotted_ends(scan: Scan) -> None:
    """A dotted name's last part ends where its letters do, not where the segmenter's words end: before a
    letter that follows a name (葛瑞格‧哈洛威|在記者會, 伊斯坦大·布蘭|苦笑說), and after all of its letters up
    to a reporting verb (沙力·伊斯瑪哈單|說, 達海‧塔基斯林安|指出: six letters at most after the last dot)."""
    text = scan.text
    for f in sorted(scan.found.values()):
        if f.type != "person" or scan.found.get(f.start) != f:
            continue
        dot = max(text.rfind(d, f.start, f.end) for d in NAME_DOTS)
        if dot <= f.start or dot >= f.end - 1:
            continue
        end = dot + 1
        while end < len(text) and end - dot <= 6 and han(text[end]) and text[end] not in _AFTER_NAME \
                and not text.startswith(FOLLOWERS, end) \
                and not (end - dot > 2 and text[end:end + 2] in common_words()[0]):
            end += 1
        said = text.startswith(_SAYING, end)
        if end == f.end or end == dot + 1 or (end > f.end and (not said or overlaps(scan, f.end, end))):
            continue  # (longer only up to a reporting verb: not 莫侯|隨作品, 夏曼·藍波安|寫的書)
        written = text[f.start:f.end]
        actor = text[f.start:end] if f.actor == written else f.actor
        scan.found[f.start] = f._replace(end=end, actor=actor)


def pseudonyms(scan: Scan) -> None:
    """A name the news gives in place of a person's own, before （化名）: up to three letters back to a title,
    a mark or a letter that is no name's (外送員|阿凱（化名）, 網友小美（化名）: two letters after another letter),
    or a name in Latin letters (市民Ricky（化名）)."""
    text = scan.text
    ends = {f.end: f for f in scan.found.values()}
    for m in _PSEUDONYM.finditer(text):
        end = m.start()
        named = ends.get(end)
        if named is not None and named.type == "person":
            scan.found[named.start] = named._replace(evidence="pseudonym")  # (外送員|阿凱: found after a title)
            continue
        latin = _LATIN_BEFORE.search(text, max(0, end - 24), end)
        if latin is not None:
            start = latin.start()
        else:
            start = end
            while start > end - 3 and start > 0 and han(text[start - 1]) and start not in scan.title_ends \
                    and text[start - 1] not in "的之":
                start -= 1  # (品管員的|小芬: not 的)
            if end - start == 3 and start > 0 and han(text[start - 1]) and start not in scan.title_ends:
                start += 1  # 網友|小美: the last two letters
        if end - start < 2 or end in ends or overlaps(scan, start, end):
            continue
        scan.add(start, end, text[start:end], "person", "pseudonym")


def _speaking_head(word: str, text: str, end: int) -> bool:
    """Whether ``word``, ending at ``end``, ends in a body's head right before 發言人, a colon or a reporting verb."""
    return (word[-1:] in UNIT_ENDS or word.endswith(ORG_SUFFIXES) or word in BODY_HEADS) \
        and (text.startswith(("發言人", "：", ":"), end) or verb_ahead(text, end))


def spokespeoples_brands(scan: Scan) -> None:
    """A brand no dictionary holds, opening a clause right before 發言人, is the body the spokesperson speaks for
    (巧味軒|發言人, 宏曜|發言人): one word of two to four letters that no dictionary holds."""
    words, offsets, text = scan.words, scan.offsets, scan.text
    for k in range(scan.n - 1):
        word, start = words[k], offsets[k]
        if words[k + 1] not in ("發言人", "副發言人") or scan.taken[k] or start in scan.found \
                or not (2 <= len(word) <= 4 and han(word)) or dictionary_tag(word) is not None \
                or (start and text[start - 1] not in CLAUSE_OPENERS) or text[start - 1:start] == "的":
            continue
        scan.add(start, offsets[k + 1], word, "organisation", "suffix")


def speaking_bodies(scan: Scan) -> None:
    """A body no rule found yet that opens a clause and speaks: words of letters ending in a unit's or body's
    head (:data:`~analysis.names.UNIT_ENDS`, :data:`~analysis.names.ORG_SUFFIXES`), right before 發言人, a
    colon or a reporting verb (屋宇|署|發言人, 消防|處：, 醫院|管理局|表示); after a body found already, its unit
    (公路局|東區|養護|工程|分局表示 is one body)."""
    words, offsets, text = scan.words, scan.offsets, scan.text
    for k in range(scan.n):
        start = offsets[k]
        known = scan.found.get(start)
        if (scan.taken[k] and (known is None or known.type != "organisation")) \
                or (start and text[start - 1] not in CLAUSE_OPENERS) or text[start - 1:start] == "的":
            continue
        j = scan.word_of(known.end) if known is not None else k
        if known is not None and offsets[j] != known.end:
            continue
        if not any(_speaking_head(words[last], text, offsets[last + 1]) for last in range(j, min(j + 5, scan.n))):
            continue  # (the cheap test first: jieba's tags cost a model's run for a word it does not know)
        best = None  # the longest name ending in a head before the verb (台北市政府|警察局|大安|分局表示)
        for last in range(j, min(j + 5, scan.n)):
            word = words[last]
            tag = jieba_tag(word) or "x"
            place = scan.found.get(offsets[last])
            if known is not None and place is not None and place.type == "place":
                continue  # 台北市政府警察局|大安|分局: a place inside a known body's unit
            if scan.taken[last] or not han(word) or word in CUES or word in FUNCTION_CHARS \
                    or tag[0] in "trdcpumqf" or offsets[last] in scan.title_starts or (last == k and tag[0] == "v"):
                break  # (有|在野黨, 中選會|主委)
            if last == k and known is None and word in _NOT_PROPER:
                break  # (轄區|分局, 當地|派出所: a unit left unnamed)
            end = offsets[last + 1]
            # a head of a body's name: not a verb (街坊|聯署), nor a head that needs a proper name before it
            # (國內|醫院, 經紀公司), nor 政府 or 當局, generic after a name (民進黨|政府); a word alone only a
            # unit's name no dictionary lists as a common noun (屋宇署; not 在野黨, 辦公室)
            unit = word[-1] in UNIT_ENDS and not word.endswith(_PROPER_HEADS)  # (公司)
            head = (unit or word.endswith(ORG_SUFFIXES) or word in BODY_HEADS) and tag[0] != "v" \
                and word not in ("政府", "當局") and (unit or not word.endswith(_PROPER_HEADS)) \
                and (last > k or known is not None or (unit and word not in common_words()[1]))
            if head and end - start >= 3 and last > k - (known is None) and _speaking_head(word, text, end):
                best = end
        if best is not None:
            scan.found.pop(start, None)
            scan.add(start, best, text[start:best], "organisation", "suffix")


#: The kinds of body that :data:`~analysis.names.OWNERS` run (國立|成功大學, 私立|東海大學, 臺北|市立|大安高工).
_OWNED = ("大學", "學院", "醫院", "中學", "小學", "高中", "國中", "國小", "高工", "高商", "高農", "高職", "女中",
          "附中")


def owned_bodies(scan: Scan) -> None:
    """A school, university or hospital found with who runs it written before it, as one mention: 國立|成功大學,
    私立|東海大學, and a city's or county's with the place before it (臺北|市立|大安高工, 新竹縣|縣立|...); the
    actor stays the body's."""
    text = scan.text
    for f in sorted(scan.found.values()):
        start = f.start
        if f.type != "organisation" or scan.found.get(start) != f or not f.actor.endswith(_OWNED) \
                or text[start - 2:start] not in OWNERS or overlaps(scan, start - 2, start):
            continue
        begin = start - 2
        place = place_ending(scan, begin)
        if place is not None and text[begin:start] in ("市立", "縣立"):
            scan.found.pop(place.start)
            begin = place.start
        scan.found.pop(start)
        scan.add(begin, f.end, f.actor, f.type, f.evidence)


# A listed company's stock code in brackets after its name: 宏曜電子（3791）, 雙鴻科技(3324-TW), 騰訊（0700.HK）
TICKER = re.compile(r"[（(]\s*\d{4,5}(?:\s*[-.．]\s*(?:TW|TWO|HK))?\s*[）)]", re.IGNORECASE)
#: Words of an industry that end a company's name (宏曜|電子, 雙鴻|科技, 中信|金控).
INDUSTRIES = frozenset("""
電子 科技 電機 光電 半導體 精密 工業 生技 醫療 材料 化學 化工 電腦 資訊 通訊 電信 網通 能源 綠能 航運 海運 航空
建設 營造 開發 食品 紡織 鋼鐵 金控 銀行 證券 投信 投顧 產險 壽險 人壽 保險 控股 國際 實業 企業 集團 創投 娛樂 傳媒
光學 微電子 電子材料 生醫 製藥 藥業 汽車 電池 機械 塑膠
""".split())


#: A body's initials in brackets right after its name (產業安全局（BIS）, 北風海能（NWE）).
_INITIALS = re.compile(r"[（(]([A-Z][A-Z0-9&]{1,7})[）)]")
#: A name in 「」 that ends in a body's head (「金聖達企業社」, 「振隆營造工程行」), two to twelve letters.
_QUOTED_BODY = re.compile(r"「([\u4e00-\u9fff]{2,12})」")


def initials(scan: Scan) -> None:
    """A body's initials in brackets right after its name are a mention of it, as a person's name in Latin
    letters is (產業安全局（BIS）: two mentions of one actor)."""
    for m in _INITIALS.finditer(scan.text):
        body = next((f for f in scan.found.values() if f.end == m.start() and f.type == "organisation"), None)
        if body is not None and not overlaps(scan, m.start(1), m.end(1)):
            scan.add(m.start(1), m.end(1), body.actor, "organisation", "alias")


def quoted_bodies(scan: Scan) -> None:
    """A name in 「」 ending in a registered firm's kind, no mention found inside it but a place at its start, is a
    firm's (「金聖達企業社」, 「永鑫水電工程行」): two letters at least before the kind (not 「有限公司」 alone)."""
    for m in _QUOTED_BODY.finditer(scan.text):
        name = m.group(1)
        head = next((h for h in _QUOTED_HEADS if name.endswith(h)), None)
        if head is None or len(name) - len(head) < 2:
            continue
        inside = [f for f in scan.found.values() if m.start(1) <= f.start < m.end(1) or m.start(1) < f.end <= m.end(1)]
        if any(f.start < m.start(1) or f.end > m.end(1) or (f.type != "place" or f.start != m.start(1))
               for f in inside):
            continue
        for f in inside:
            scan.found.pop(f.start)
        scan.add(m.start(1), m.end(1), name, "organisation", "suffix")


def listed_companies(scan: Scan) -> None:
    """A company named right before its stock code in brackets, which no dictionary knows: a name's word or two
    (jieba's tags nr, ns, nz, nt, j, unknown to it, or Latin letters) and the words of its industry after them
    (宏曜|電子（3791）, 雙鴻|科技(3324-TW), 聯電(2303)); not the kind of maker before it (被動|元件|大廠,
    光學|鏡頭廠)."""
    text, words, offsets = scan.text, scan.words, scan.offsets
    for m in TICKER.finditer(text):
        k = scan.word_of(m.start())
        if k == 0 or offsets[k] != m.start():
            continue
        first, names = None, 0
        for j in range(k - 1, max(-1, k - 5), -1):
            word = words[j]
            if scan.taken[j] or word.endswith(("廠", "商", "股")):
                break
            tag = jieba_tag(word) if han(word) else None
            proper = (word.isascii() and word.isalpha() and word.isupper()) or (  # (NXR; not Smith（2020）)
                han(word) and len(word) >= 2 and (tag is None or tag.startswith(("nr", "ns", "nz", "nt", "j"))))
            if word in INDUSTRIES and not names:
                first = j
            elif proper and names < 2 and offsets[k] - offsets[j] <= 8:
                first, names = j, names + 1
            else:
                break
        before = words[first - 1] if first else ""
        if len(before) == 1 and before in SURNAMES and before not in FUNCTION_CHARS:
            continue  # 陳|明華（2021）: a person cited with a year, not a company
        if first is not None and names and not overlaps(scan, offsets[first], m.start()):
            scan.add(offsets[first], m.start(), text[offsets[first]:m.start()], "organisation", "suffix")


#: Kinds of registered firm that end a firm's name in 「」 (:func:`quoted_bodies`): not 公司 or 集團, which scare
#: quotes end too (「空殼公司」, 「詐騙集團」).
_QUOTED_HEADS = ("股份有限公司", "有限公司", "企業社", "工程行", "商行", "行號")


#: A company's legal form as jieba cuts it (股份|有限|公司), after the company's own name.
_LEGAL_FORMS = (("股份", "有限", "公司"), ("有限", "公司"), ("股份有限公司",), ("有限公司",))
#: Kinds of school, after a school's own name (四林|國小, 建國|中學 is the dictionary's).
SCHOOL_HEADS = frozenset("國小 國中 高中 高工 高商 高農 高職 國民小學 國民中學 實驗小學 實小 附小 附中 女中".split())
#: Words that say what kind of school a school is, not which (明星|國中, 雙語|國小, 偏鄉|國小).
_SCHOOL_KINDS = frozenset("明星 雙語 偏鄉 偏遠 都會 市區 山區 原民 原住民 實驗 公立 私立 市立 縣立 國立 知名 重點 "
                          "一般 傳統 小型 大型 迷你 特色 貴族 完全 社區 鄰近 鄰校 母校".split())
#: A district court or prosecutors' office (台中|地方|法院, 士林|地院, 台北|地檢署) and the offices every district or
#: township has (安南區|公所, 富里鄉|農會), after its place's name.
_COURTS = (("地方", "法院"), ("地方法院",), ("地院",), ("地檢署",), ("地方", "檢察署"), ("地檢",),
           ("公所",), ("農會",), ("漁會",), ("衛生所",), ("戶政事務所",), ("地政事務所",), ("清潔隊",))


# The words that open a form, so that most words are passed over with one look-up
_FORM_STARTS = frozenset(form[0] for form in _LEGAL_FORMS + _COURTS) | SCHOOL_HEADS


def _form_at(words: list[str], k: int, forms: tuple[tuple[str, ...], ...]) -> int:
    """How many words of one of ``forms`` start at word ``k`` (0 if none does)."""
    return next((len(form) for form in forms if tuple(words[k:k + len(form)]) == form), 0)


#: Words that say whose a company is, not its name (前|東家|…股份有限公司, 旗下|…), or who speaks of it
#: (民眾|爆料|崧達精密股份有限公司).
_RELATIONS = frozenset("東家 老東家 母公司 子公司 旗下 對手 客戶 廠商 業者 被告 原告 告訴人 負責人 委託人"
                       " 民眾 網友 居民 員工 家長 消費者 記者 爆料 檢舉 控告 指控".split())


#: Last letters of words that say what a company is, not which (設備廠, 供應商, 同業, 業者).
_KIND_ENDS = frozenset("廠商業者方")


def _own_name(scan: Scan, k: int, *, legal: bool) -> int | None:
    """The first word of the own name before word ``k``, None if there is none.

    Before a school's kind or a court: a place found right before it (台中|地方|法院), or a word of a name's kind
    (jieba's tags nr, ns, nz, nt, j, or unknown to it) of two letters or more (四林|國小; not 偏鄉|國小). Before
    a legal form, which only a company's own name precedes: the words of nouns and names before it, up to four
    (鴻運|國際|人力|仲介|有限公司), from a place found before them, without those saying whose it is
    (前|東家|星曜|娛樂|經紀|股份有限公司), and one of them of a name's kind at least (not 好運|來|飲食|有限公司,
    cut where jieba read a verb)."""
    words, offsets = scan.words, scan.offsets
    ends = {f.end: f for f in scan.found.values() if f.type == "place" or (legal and f.type == "organisation")}
    first, named = None, False
    for j in range(k - 1, max(-1, k - 5), -1):
        word, held = words[j], ends.get(offsets[j + 1])
        if held is not None and offsets[scan.word_of(held.start)] == held.start:
            return scan.word_of(held.start)  # (台中|地方法院; 鴻海精密|工業|股份有限公司, a known name and more)
        if scan.taken[j] or not han(word) or word in _NOT_PROPER or word in CUES or word in _RELATIONS \
                or (legal and (word in PROPER_HEADS or word in BODY_HEADS)):
            break  # (經紀|公司|星曜|娛樂|…股份有限公司: a kind of body, then the company's name)
        tag = jieba_tag(word)
        proper = len(word) >= 2 and (tag is None or tag.startswith(("nr", "ns", "nz", "nt", "j")))
        if not legal:
            return j if proper and word not in _SCHOOL_KINDS else None
        if word[-1] in _KIND_ENDS:
            break  # who it is, not its name (設備廠|崧達…, 供應商|…)
        opens = not j or not han(words[j - 1]) or words[j - 1] in FUNCTION_CHARS
        unknown = len(word) >= 2 and dictionary_tag(word) is None \
            and (opens or not (tag or "").startswith("v"))  # no dictionary's word (冠霖; 樂購 opening): a name's
        # (not 研發|感測|科技: a verb no dictionary holds, after another word)
        if tag is not None and not unknown and not tag.startswith(("n", "vn", "j")):
            before = words[j - 1] if j and han(words[j - 1]) else ""
            if not (tag.startswith(("v", "a")) and len(word) >= 2 and len(before) >= 2
                    and (dictionary_tag(before) is None or jieba_tag(before).startswith(("nr", "ns", "nz", "nt")))):
                break
            continue  # a verb or adjective of two letters after a name's word (川澄|感測|科技, 崧達|精密), inside it
        first, named = j, named or proper or (unknown and k - j >= 2)  # (not 生技|有限公司: a kind alone)
    return first if named else None  # (好運|來|飲食|有限公司: no name's word in 飲食)


def formed_bodies(scan: Scan) -> None:
    """Bodies named by their own name and the form of body they are, which no dictionary knows: a company with
    its legal form (永瀚|機電|工程|有限|公司, 星曜|娛樂|經紀|股份|有限|公司), a school and its kind (四林|國小),
    a district court or prosecutors' office or a township's office after its place (台中|地方|法院, 富里鄉|農會).
    Not a kind alone (該公司, 一所國小, 偏鄉|國小: a word of no name's kind before it)."""
    words, offsets, text = scan.words, scan.offsets, scan.text
    k = 0
    while k < scan.n:
        if words[k] not in _FORM_STARTS:
            k += 1
            continue
        legal = _form_at(words, k, _LEGAL_FORMS)
        court = 0 if legal else _form_at(words, k, _COURTS)
        size = legal or court or (1 if words[k] in SCHOOL_HEADS else 0)
        if not size or any(scan.taken[k:k + size]):
            k += 1
            continue
        j = _own_name(scan, k, legal=bool(legal))
        if j is not None:
            start, end = offsets[j], offsets[k + size]
            held = scan.found.get(start)
            if held is not None:
                before = next((f for f in scan.found.values() if f.end == start and f.type == "place"
                               and held.type == "place"), None)
                if before is not None:  # a country's or county's name before its city's (臺灣|臺北|地方|法院)
                    scan.found.pop(before.start)
                    start = before.start
                scan.found.pop(held.start)
            scan.add(start, end, text[start:end], "organisation", "suffix")
        k += size


def body_units(scan: Scan) -> None:
    """A body and the units named after it are one mention, the longest name (內政部|警政署,
    台中市政府警察局|第三|分局, 花蓮縣警察局|新城|分局|偵查隊): another body found right after it, or
    words of letters and ordinals ending in a unit's head (:data:`UNIT_HEADS`). Its actor is the last
    body's where a dictionary or alias knows that one (警政署), else the name as written."""
    words, offsets, text = scan.words, scan.offsets, scan.text
    for f in sorted(scan.found.values()):
        if f.type != "organisation" or scan.found.get(f.start) != f:
            continue
        end, actor, evidence = f.end, f.actor, f.evidence
        while end < len(text):
            nxt = scan.found.get(end)
            if nxt is not None and nxt.type == "organisation" and _rank(text[nxt.start:nxt.end]) \
                    > _rank(text[f.start:end]):  # (食環署|渠務署: two departments, a list)
                end, actor, evidence = nxt.end, nxt.actor, nxt.evidence
                scan.found.pop(nxt.start)
                continue
            k = scan.word_of(end)
            if offsets[k] != end:
                break
            unit = None
            topical = False
            for last in range(k, min(k + 6, scan.n)):  # (成功大學|水利|及|海洋|工程|學系)
                word = words[last]
                if word in ("及", "與", "暨") and last > k:
                    continue  # 教育部|國民|及|學前|教育署: one unit's name
                held = scan.found.get(offsets[last])
                if held is not None and held.type == "place" and held.end == offsets[last + 1] and last + 1 < scan.n \
                        and words[last + 1].startswith("分") and words[last + 1].endswith(UNIT_HEADS):
                    continue  # 水土保持署|南投|分署, 苗栗縣警察局|頭份|分局: a branch named for its place
                if scan.taken[last] or not (han(word) or _ORDINAL.fullmatch(word)) or word in CUES \
                        or word in FUNCTION_CHARS or (jieba_tag(word) or "x")[0] in "trdcpuqf" \
                        or offsets[last] in scan.title_starts:
                    break
                if word in _NOT_UNITS or (last == k and jieba_tag(word) == "v" and not word.endswith(UNIT_HEADS)):
                    break  # (國際貿易署|成立|專案|小組: the body's act, not its unit)
                topical = topical or word in _TOPICS
                if word.endswith(UNIT_HEADS) and (len(word) > 1 or last > k):
                    if text.startswith("長", offsets[last + 1]) or (topical and word.endswith("組")):
                        break  # 第九河川分署|副分署|長: the unit's head, a title; 聯合國|事務|工作|小組: a group on
                        # its business (but 勞工|關係|學系, 農村|發展|及|水土保持署 are units)
                    unit = offsets[last + 1]
                    break
            if unit is None:
                break
            end, actor, evidence = unit, None, "suffix"
        if end == f.end:
            continue
        for inner in [g for g in scan.found.values() if f.end <= g.start and g.end <= end]:
            scan.found.pop(inner.start)  # (the place a branch is named for)
        scan.found.pop(f.start)
        keep = actor if evidence in ("dictionary", "alias") else text[f.start:end]
        scan.add(f.start, end, keep, "organisation", evidence if evidence in ("dictionary", "alias") else "suffix")
