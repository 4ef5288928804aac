"""Rules applied after jieba: join what its dictionary cuts apart but a reader keeps whole.

- digit groups with separators (``16`` ``,`` ``250`` -> ``16,250``; ``1`` ``.`` ``3`` -> ``1.3``);
- ordinals (``第`` ``6`` -> ``第6``, ``第`` ``一`` -> ``第一``);
- transliterated foreign names: a run of pieces written only in the syllables that
  Chinese uses to transcribe foreign names (``普魯`` ``申科`` -> ``普魯申科``,
  ``瑪麗`` ``娜`` -> ``瑪麗娜``), four characters or more, or three with a single-character piece;
- quantities, in CKIP's convention of one word for a numeral and its measure word
  (``十五`` ``座`` -> ``十五座``, ``25`` ``億`` -> ``25億``);
- names written in Latin letters: capitalised words separated by single spaces
  (``Kelly`` ``" "`` ``Craft`` -> ``Kelly Craft``), and the multi-word entries of a dictionary.

:func:`split_unknown` does the opposite for words that no dictionary knows and
jieba's HMM made up: it splits off a particle or localizer that CKIP keeps apart
(``成了`` -> ``成`` ``了``, ``山上`` -> ``山`` ``上``).

Every rule joins or splits neighbouring pieces, so the output stays lossless.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from .conventions import ABBREVIATED_VERBS, ABBREVIATIONS, MEASURES

#: Syllables of transliterated foreign names (Traditional forms), after the usual transcription tables.
TRANSLIT = frozenset(
    "阿埃艾愛安奧澳巴拜班邦鮑貝本比彼畢波伯勃博布查達戴丹道德迪蒂杜多厄恩爾法範菲費芬佛弗福伏富伽蓋甘"
    "岡戈哥格古瓜圭哈海漢豪赫亨洪胡華霍基吉加迦賈傑金喀卡凱坎康考柯科克肯庫奎昆拉萊蘭朗勞雷蕾黎里利麗"
    "莉林琳柳隆魯路倫羅洛馬瑪麥曼梅門蒙米密敏摩莫默姆穆拿納娜乃奈內尼妮紐努諾歐帕派潘培佩彭皮珀坡普齊"
    "奇恰喬切欽丘薩塞桑瑟森沙莎舍史斯絲索塔泰坦湯唐特提托圖瓦旺威韋維溫沃烏伍西希錫席夏謝辛休雅亞揚耶"
    "伊依英尤約扎詹茲甫申根噶滕敦爾格堡茲騰蘇施修涅俄狄盧伐登杰"
)
_NUMERAL = re.compile(r"[0-9零〇一二三四五六七八九十百千萬億兩]+")
#: A numeral that can take a measure word: digits (with a decimal part), Chinese numerals, or an ordinal.
_QUANTITY = re.compile(r"(?:第?(?:[0-9]+(?:\.[0-9]+)?[萬億]?|[零〇一二三四五六七八九十百千萬億兩]{2,}))")
#: The characters a :data:`_QUANTITY` can start with (checked before the pattern, which most pieces fail).
_QUANTITY_FIRST = frozenset("第0123456789零〇一二三四五六七八九十百千萬億兩")
_MEASURES = frozenset(MEASURES)
_TENS = frozenset(("十", "二十", "三十", "四十", "五十", "六十", "七十", "八十", "九十", "百", "千"))
_UNITS = frozenset("一二三四五六七八九")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9'.&-]*")
#: Characters CKIP keeps apart from a word before them: aspect particles, 得, 的, localizers.
FINAL_PARTICLES = frozenset("了著過得的上裡裏中下內外邊")
#: Characters CKIP keeps apart from a word after them: adverbs, the copula, prepositions.
INITIAL_PARTICLES = frozenset("就這那才也都還只很在是不被把對給")


def _translit(piece: str) -> bool:
    return bool(piece) and TRANSLIT.issuperset(piece)


def join_pieces(pieces: list[str], *, numbers: bool = True, ordinals: bool = True,
                names: bool = True, quantities: bool = True, latin: bool = True,
                phrases: Collection[str] = ()) -> list[str]:
    """Apply the joining rules to a segmented text.

    Parameters
    ----------
    pieces : list of str
        The pieces of a segmented text, in order.
    numbers : bool
        Join digit groups separated by ``,`` or ``.``.
    ordinals : bool
        Join ``第`` and the numeral after it.
    names : bool
        Join runs of transliteration syllables (:data:`TRANSLIT`) into one name.
    quantities : bool
        Join a numeral of digits or of two or more Chinese numerals with ``萬``/``億`` and with a
        measure word after it (:data:`analysis.segmentation.conventions.MEASURES`).
    latin : bool
        Join capitalised Latin words separated by single spaces.
    phrases : collection of str
        Multi-word entries (with spaces) to join wherever their pieces appear in sequence.

    Returns
    -------
    list of str
        The pieces, some joined; ``"".join`` of it equals ``"".join(pieces)``.

    Examples
    --------
    >>> join_pieces(["人口", "16", ",", "250", "人"])
    ['人口', '16,250', '人']
    >>> join_pieces(["第", "6", "號"])
    ['第6', '號']
    >>> join_pieces(["選手", "普魯", "申科"])
    ['選手', '普魯申科']
    >>> join_pieces(["第", "6", "號"], ordinals=False)
    ['第', '6', '號']
    >>> join_pieces(["蓋", "了", "十五", "座", "橋", "，", "花", "25", "億"])
    ['蓋', '了', '十五座', '橋', '，', '花', '25億']
    >>> join_pieces(["大使", "Kelly", " ", "Craft", "與", "keep", " ", "going"], phrases={"keep going"})
    ['大使', 'Kelly Craft', '與', 'keep going']
    """
    out: list[str] = []
    i, n = 0, len(pieces)
    while i < n:
        p = pieces[i]
        if numbers and p.isascii() and p.isdigit():
            j, s = i, p
            while j + 2 < n and pieces[j + 1] in (",", ".") and pieces[j + 2].isascii() and pieces[j + 2].isdigit():
                s += pieces[j + 1] + pieces[j + 2]
                j += 2
            if j > i:
                out.append(s)
                i = j + 1
                continue
        if ordinals and p == "第" and i + 1 < n and _NUMERAL.fullmatch(pieces[i + 1]):
            out.append(p + pieces[i + 1])
            i += 2
            continue
        if names and _translit(p):
            j = i
            while j + 1 < n and _translit(pieces[j + 1]):
                j += 1
            run = pieces[i:j + 1]
            size = sum(map(len, run))
            if len(run) > 1 and (size >= 4 or (size == 3 and any(len(r) == 1 for r in run))):
                out.append("".join(run))
                i = j + 1
                continue
        out.append(p)
        i += 1
    if quantities:
        out = _join_quantities(out)
    if latin or phrases:
        out = _join_latin(out, capitalised=latin, phrases=phrases)
    return out


def _join_quantities(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for p in pieces:
        if out and out[-1][:1] in _QUANTITY_FIRST and _QUANTITY.fullmatch(out[-1]):
            if p in ("萬", "億") and out[-1][-1:].isdigit():
                out[-1] += p
                continue
            if p in _MEASURES and not out[-1][-1].isdigit():
                out[-1] += p
                continue
        if out and out[-1] in _TENS and len(p) >= 2 and p[0] in _UNITS and p[1:] in _MEASURES:
            out[-1] += p  # 十 + 五座 -> 十五座
            continue
        out.append(p)
    return out


def _join_latin(pieces: list[str], *, capitalised: bool, phrases: Collection[str]) -> list[str]:
    by_first: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        seq = [x for w in words for x in (w, " ")][:-1]
        by_first.setdefault(seq[0], []).append(seq)
    for seqs in by_first.values():
        seqs.sort(key=len, reverse=True)  # the longest phrase first; stable, so in their given order
    out: list[str] = []
    i, n = 0, len(pieces)
    while i < n:
        p = pieces[i]
        for seq in by_first.get(p, ()):
            if pieces[i:i + len(seq)] == seq:
                out.append("".join(seq))
                i += len(seq)
                break
        else:
            j = i
            if capitalised and "A" <= p[:1] <= "Z" and _CAPITALISED.fullmatch(p):
                while j + 2 < n and pieces[j + 1] == " " and _CAPITALISED.fullmatch(pieces[j + 2]):
                    j += 2
            out.append(p if j == i else "".join(pieces[i:j + 1]))
            i = j + 1
    return out


def split_unknown(pieces: list[str], known: Callable[[str], bool]) -> list[str]:
    """Split a particle off the words that no dictionary knows (jieba's HMM joined them).

    A two-character unknown word, or a longer one whose rest is a known word, loses a final
    :data:`FINAL_PARTICLES` character (成了, 山上) or else an initial :data:`INITIAL_PARTICLES`
    character (就走, 這時候) or abbreviated country (美駐, 美國務院: see
    :data:`analysis.segmentation.conventions.ABBREVIATIONS`). Known words are never split.

    Parameters
    ----------
    pieces : list of str
        The pieces of a segmented text.
    known : callable
        True for a word of the dictionary.

    Returns
    -------
    list of str
        The pieces, some split; ``"".join`` of it equals ``"".join(pieces)``.

    Examples
    --------
    >>> split_unknown(["他", "成了", "山上", "的", "老師"], known={"老師", "成為"}.__contains__)
    ['他', '成', '了', '山', '上', '的', '老師']
    >>> split_unknown(["美駐", "聯合國", "大使"], known={"聯合國", "大使"}.__contains__)
    ['美', '駐', '聯合國', '大使']
    """
    out: list[str] = []
    for p in pieces:
        if len(p) >= 2 and not known(p):
            if p[-1] in FINAL_PARTICLES and (len(p) == 2 or known(p[:-1])):
                out += [p[:-1], p[-1]]
                continue
            if p[0] in INITIAL_PARTICLES and (len(p) == 2 or known(p[1:])):
                out += [p[0], p[1:]]
                continue
            if p[0] in ABBREVIATIONS and (p[1:] in ABBREVIATED_VERBS or len(p) > 2 and known(p[1:])):
                out += [p[0], p[1:]]
                continue
        out.append(p)
    return out
