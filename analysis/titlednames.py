"""A Chinese name right after a title, read from the characters rather than from jieba's words.

jieba cuts a name it does not know wherever its dictionary leads it, and around a title it often
glues the surname to the title or a name's last character to the next word: ``市議員陳|俞融``,
``律師王|志|中``, ``議員|張家|銨``, ``會|長謝|達雅``, ``曾文|庭受|訪時``. After a title, though, a name
has a shape a reader relies on: a surname (:data:`~analysis.names.SURNAMES`, or a compound one), one
or two characters of a given name, then what follows a speaker's name in the news: a reporting verb
(:data:`~analysis.names.CUES`), a word of time or occasion (``今天``, ``受訪``, ``會後``, ``在``), an
adverb (``則``, ``也``) or a punctuation mark (:data:`FOLLOWERS`), or a word of time or an adverb of
jieba's dictionary (``本月``, ``事後``, ``一再``). :func:`name_after_title` reads
that shape, the longer name first; :mod:`analysis.mentionscan` uses it where a title's end is known.
"""

from __future__ import annotations

import re

from .names import (COMPOUND_SURNAMES, COURTESY_LETTERS, CUES, GLUE, NOT_NAME_ENDINGS, PUNCTUATED_CUES, SURNAMES,
                    TITLES, common_words, han, hant_words, ordinary, surname_size)
from .postags import dictionary_tag
from .surnames import JAPANESE_SURNAMES, RARE_SURNAMES

#: What follows a speaker's name after a title: reporting verbs, another title (發言人司馬青峰法官), words of time
#: and occasion, adverbs, and marks (and a digit: 18日). A name is read only when one of these follows it.
FOLLOWERS = tuple(sorted(CUES | PUNCTUATED_CUES | TITLES | frozenset("""
今天 今日 今年 今早 今晨 今午 昨天 昨日 昨晚 昨晨 明天 稍早 稍後 晚間 晚上 上午 下午 中午 早上 日前 近日 先前
隨後 接著 當天 當時 會後 會中 會上 賽後 賽前
同日 當日 當場 上週 上月 本週 週 周 近期 最近 目前 日昨 隨即 首度 首次 私下 進一步 特別 一再 再度 多次 直接 公開 正式
受訪 接受 出席 親 本人 質詢 答詢 致詞 發言 召開 出面 發文 受邀 透過 率 偕同 帶領 酸說 嗆說 笑說 嘆說
在 則 也 亦 還 更 又 再 就 都 已 並 於 對 向 與 和 跟 及 等 的 以 今 昨 曾
， , 、 ： : 。 （ ( 「 」 ； ;
""".split()), key=len, reverse=True))
# Reporting verbs of two characters or more: a name right before one ends there (廖宗山|呼籲, not 廖宗|山呼)
_CUES = tuple(sorted((c for c in CUES if len(c) > 1), key=len, reverse=True))
#: The words of :data:`FOLLOWERS` of two characters or more: a given name's last character cannot open one.
_JOINED = tuple(f for f in FOLLOWERS if len(f) > 1)
#: Characters no given name after a title holds: particles, prepositions, adverbs and the first
#: characters of the words in :data:`FOLLOWERS` that are no name's.
NOT_GIVEN = frozenset("們的了是在與和及跟也都就將於為並已又仍對向被把讓給從自至到等則而但卻還再更很"
                      "未不沒說表指認透坦呼批回受今昨稍晚這那其此該各每曾週地第某")
#: Last characters no personal name has (:data:`~analysis.names.NOT_NAME_ENDINGS`), but for those
#: common in given names (王建國, 李建軍, 廖宗山).
NOT_ENDINGS = NOT_NAME_ENDINGS - frozenset("國軍星台山")


#: The last characters of words that name a role (分隊長, 協調員, 分析師, 法官; 人 in words of three letters or
#: more: 策展人, not 家人).
ROLE_ENDS = frozenset("長員師官人")
# The surnames read right after a title: the common ones and the rarer (鄺, 冼, 霍, and 區 and 文, also words);
# not those also common as function words, which a title is followed by as often (市長向媒體表示, 部長和次長,
# 局長連日). A rarer surname's name is read only where it is no word of the dictionaries and holds no letter of
# place, time or size (經理區永昌; not 市長文宣, 醫生麻醉後, 里長區民大會).
#: Letters of place, time and size that a rarer surname's given name does not hold (練投後, 區民大會).
_NOT_RARE_GIVEN = frozenset("後前時上下中內外大小會")
#: The surnames read where a name is expected: the common ones and the rarer.
NAME_SURNAMES = SURNAMES | RARE_SURNAMES


def role_word(word: str) -> bool:
    """A word of two to four letters that names a role by its ending (:data:`ROLE_ENDS`: 分隊長, 策展人), not
    a frequent word nor a verb, adjective, adverb or pronoun (成長, 延長).

    Examples
    --------
    >>> [role_word(w) for w in ["分隊長", "協調員", "策展人", "審判長", "成長", "家人", "長"]]
    [True, True, True, True, False, False, False]
    """
    if not 2 <= len(word) <= 4 or word[-1] not in ROLE_ENDS or not han(word) or word in common_words()[0] \
            or (word[-1] == "人" and len(word) < 3):
        return False
    tag = dictionary_tag(word) or "n"
    return tag[0] not in "vadr"


def name_after_title(text: str, pos: int) -> int | None:
    """Where the name starting at ``pos``, right after a title, ends: a surname and a given name of two
    characters, or of one, followed by one of :data:`FOLLOWERS` or by the text's end, and no common word
    (``議員方面表示``), nor a common word after the surname (``市長魏媒體``); None if the characters have no
    such shape.

    Parameters
    ----------
    text : str
    pos : int
        Where the title ends.

    Returns
    -------
    int or None

    Examples
    --------
    >>> text = "市議員陳俞融質詢時指出"
    >>> name_after_title(text, 3), name_after_title("醫師黃軒強調", 2), name_after_title("議員方面表示", 2)
    (6, 4, None)
    >>> name_after_title("律師王志中表示", 2), name_after_title("議員張家銨則認為", 2)
    (5, 5)
    >>> name_after_title("市長向媒體表示", 2), name_after_title("董事長魏媒體表示", 3)  # 媒體 is no given name
    (None, None)
    >>> name_after_title("科長廖宗山呼籲", 2), name_after_title("留學生中村美咲說", 3)  # (not 廖宗 before 山呼, a word)
    (5, 7)
    """
    size = 2 if text[pos:pos + 2] in COMPOUND_SURNAMES else 1 if text[pos:pos + 1] in NAME_SURNAMES else 0
    japanese = next((n for n in (3, 2) if text[pos:pos + n] in JAPANESE_SURNAMES), 0)
    if japanese:  # 中村美咲, 井端弘和, 石破茂: a Japanese surname and one or two letters, then what follows a name
        end = next((pos + japanese + given for given in (2, 1) if han(text[pos + japanese:pos + japanese + given])
                    and len(text[pos + japanese:pos + japanese + given]) == given
                    and text.startswith(FOLLOWERS, pos + japanese + given)
                    and (not NOT_GIVEN.intersection(text[pos + japanese:pos + japanese + given])
                         or (given == 2 and text.startswith(_CUES, pos + japanese + 2)))), None)  # (井端弘和表示)
        if end is not None:
            return end
    if not size:
        return None
    rare = size == 1 and text[pos] not in SURNAMES  # (醫生|麻醉, 市長|文宣: a word of the dictionaries, no name)
    for given in (2, 1):
        end = pos + size + given
        name = text[pos + size:end]
        if (given == 1 and name in COURTESY_LETTERS) or (rare and (dictionary_tag(text[pos:end]) is not None
                                                                  or text[pos:end] in hant_words()
                                                                  or _NOT_RARE_GIVEN.intersection(name))):
            continue  # (長者陳伯說: a title of courtesy leaves the person unnamed; 教練|練投後, 里長|區民大會上)
        if given == 2 and not text.startswith(_CUES, end) and (text.startswith(_JOINED, end - 1)
                                                             or _adverbial(text, end - 1)
                                                             or text[pos:end - 1] in common_words()[0]):
            continue  # its last character opens a word (李明|上週, 辜美|近來), or the first two are a word (高興地)
        if len(name) == given and han(name) and not NOT_GIVEN.intersection(name) and name[-1] not in NOT_ENDINGS \
                and name not in common_words()[0] \
                and (end == len(text) or text[end].isdigit() or text.startswith(FOLLOWERS, end)
                     or _adverbial(text, end)) and (not ordinary(text[pos:end]) or (
                         size == 2 and text.startswith(_CUES, end))):  # (歐陽靖表示: a place's word to jieba)
            return end
    if size == 1 and text[pos + 1:pos + 2] in SURNAMES and _given(text, pos + 2, 2) \
            and text.startswith(FOLLOWERS, pos + 4) and not ordinary(text[pos:pos + 4]):
        return pos + 4  # 葉劉淑儀, 陳方安生: a married woman's name in Hong Kong (not 何江明|亦: read first)
    return None


#: What joins two people's names in a list (范承祐與鍾語彤, 陳大明、林小華).
LIST_MARKS = "與和及跟、"


def listed_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name written in a list next to the person named at ``[start, end)``, right after a mark of
    :data:`LIST_MARKS` or right before one: a surname (of one letter or two) and a given name of two letters (of
    one after a surname of two), no common word, opening a clause or ending one (范承祐與鍾語彤一度…,
    由鍾語彤與范承祐辯論); None where no such letters stand there.

    Examples
    --------
    >>> text = "，范承祐與鍾語彤一度互嗆"
    >>> listed_name(text, 5, 8), listed_name("會議由張三和鍾語彤主持", 6, 9)
    ((1, 4), None)
    """
    spans = []
    if start >= 2 and text[start - 1] in LIST_MARKS:
        spans += [(start - 1 - n, start - 1) for n in (3, 4)]  # before it: it opens its clause
    if end < len(text) and text[end] in LIST_MARKS:
        spans += [(end + 1, end + 1 + n) for n in (3, 4)]  # after it: its clause goes on after the name
    for s, e in spans:
        size = surname_size(text[s:e])
        if not size or e - s - size not in ((2,) if size == 1 else (1, 2)) or e > len(text) or s < 0:
            continue
        if s < start and s and text[s - 1] not in CLAUSE_OPENERS and text[s - 1] not in GLUE:
            continue  # (a name opens its clause, or follows a verb or preposition: 由歐陽靖和…)
        if e > end and e < len(text) and han(text[e]) and text[e] not in NOT_GIVEN \
                and not text.startswith(FOLLOWERS, e) and dictionary_tag(text[e:e + 2]) is None:
            continue  # (the name ends where a word starts: …與范承祐|一度)
        if _given(text, s + size, e - s - size) and (size == 2 or (not ordinary(text[s:e])
                                                                and text[s:e] not in hant_words())):
            # (歐陽靖, a place's word to jieba; not 陳情書, a word of the Taiwan dictionary)
            return s, e
    return None


def _given(text: str, pos: int, size: int) -> bool:
    """Are the ``size`` characters at ``pos`` a given name's shape: letters, none of :data:`NOT_GIVEN`, no common
    word, not ending in one of :data:`NOT_ENDINGS`?"""
    name = text[pos:pos + size]
    return len(name) == size and han(name) and not NOT_GIVEN.intersection(name) and name[-1] not in NOT_ENDINGS \
        and name not in common_words()[0]


# Last letters of words for people, not of given names (許多人, 業者, 專家, 農民, 職員), and letters of counting
_NOT_SPEAKER_ENDS = frozenset("人者家民員")
_COUNTING = frozenset("多少有些各每")
#: What a name that opens a clause follows: the text's start, a mark, a quotation's close or 的 (住在…的陳太).
CLAUSE_OPENERS = frozenset("，,。：:；;！？!?」』”）)\n \u3000的")
# A reporting verb after a name, with at most a few words of time, place or occasion between (下午在臉書發文回應)
_VERB_AHEAD = re.compile("[^，,。：:；;！？!?「」『』“”（）()的\\s]{0,10}?(?:"
                         + "|".join(sorted(CUES, key=len, reverse=True))
                         + "|(?:" + "|".join(sorted(PUNCTUATED_CUES)) + ")[，,：:])")


#: Dots between the parts of a name of Taiwan's peoples or a transliterated one (哈尤·瓦旦, 撒萬．達給伐歷).
NAME_DOTS = "．·‧・•"
# Words before a name of Taiwan's peoples that are no part of it: who the person is (族人比令·尤命, 耆老)
_PEOPLE_BEFORE = ("族人", "居民", "村民", "耆老", "頭目", "牧師", "長老", "部落", "原民", "青年", "的")
# What a dotted name's first part starts after: a title or one of those words
_BEFORE_NAME = tuple(TITLES) + _PEOPLE_BEFORE


def dotted_name(text: str, dot: int) -> tuple[int, int] | None:
    """The span of a name whose parts a dot at ``dot`` joins (巡守隊長哈尤·瓦旦說, 族人比令·尤命（Pilin
    Yumin）): one to four letters before it, from a title's end, a word for who the person is (族人) or a mark,
    and one to four after each dot, up to what follows a name (:data:`FOLLOWERS`) or a common word; None if the
    letters have no such shape.

    Examples
    --------
    >>> text = "巡守隊長哈尤·瓦旦說，族人阿莉·達道擔心"
    >>> [text[slice(*dotted_name(text, i))] for i, ch in enumerate(text) if ch in NAME_DOTS]
    ['哈尤·瓦旦', '阿莉·達道']
    """
    before = _BEFORE_NAME
    start = dot
    while start > dot - 4 and start > 0 and han(text[start - 1]) and not text[:start].endswith(before):
        start -= 1
    if start == dot or (start == dot - 4 and start > 0 and han(text[start - 1]) and not text[:start].endswith(before)):
        return None  # (no letters, or more than four: not a name's first part)
    end = dot
    while end < len(text) and text[end] in NAME_DOTS:
        part = end + 1
        while part < len(text) and part - end <= 4 and han(text[part]) and not text.startswith(FOLLOWERS, part) \
                and not (part - end > 2 and text[part:part + 2] in common_words()[0]):
            part += 1  # (阿莉·達道|擔心: a word after two letters ends the part)
        if part == end + 1:
            return None
        end = part
    return start, end


def verb_ahead(text: str, pos: int) -> bool:
    """Whether a reporting verb follows ``pos``, perhaps after a few words of time, place or occasion and no mark."""
    return _VERB_AHEAD.match(text, pos) is not None


def name_before_verb(text: str, pos: int) -> int | None:
    """Where a name of three or four letters ends that opens a clause at ``pos`` and speaks: the shape of
    :func:`name_after_title` (a surname, a given name, then what follows a name), then a reporting verb within a
    few words of time or place; None otherwise. A name no dictionary knows is read so where nothing else
    announces it (蘇芷琪下午在臉書發文回應, 「…」冷文彥說).

    Examples
    --------
    >>> name_before_verb("，蘇芷琪下午在臉書發文回應", 1), name_before_verb("郭文賢今天上午召開記者會", 0)
    (4, None)
    >>> name_before_verb("的林佳慧向記者說", 1), name_before_verb("在高度表示", 1)  # (高度 is a word)
    (4, None)
    """
    if pos and text[pos - 1] not in CLAUSE_OPENERS:
        return None
    end = name_after_title(text, pos)
    if end is None or end - pos < 3 or text[end:end + 1].isdigit() or not verb_ahead(text, end) \
            or text[end - 1] in _NOT_SPEAKER_ENDS or _COUNTING.intersection(text[pos + 1:end]):
        return None  # (許多人說, 莊稼人說, 房仲業者坦言: a surname's letter opening a word for people)
    return end


def _adverbial(text: str, pos: int) -> bool:
    """Does a word of time or an adverb of jieba's dictionary (本月, 事後, 一再) start at ``pos``?"""
    for size in (4, 3, 2):
        tag = dictionary_tag(text[pos:pos + size]) if pos + size <= len(text) else None
        if tag is not None and (tag[0] in "td" or tag == "ad"):
            return True
    return False
