"""Rules applied after jieba: join what its dictionary cuts apart but a reader keeps whole.

- digit groups with separators (``16`` ``,`` ``250`` -> ``16,250``; ``1`` ``.`` ``3`` -> ``1.3``);
- ordinals (``第`` ``6`` -> ``第6``, ``第`` ``一`` -> ``第一``);
- transliterated foreign names: a run of pieces written only in the syllables that
  Chinese uses to transcribe foreign names (``普魯`` ``申科`` -> ``普魯申科``,
  ``瑪麗`` ``娜`` -> ``瑪麗娜``), four characters or more, or three with a single-character piece.

Every rule joins neighbouring pieces, so the output stays lossless.
"""

from __future__ import annotations

import re

#: Syllables of transliterated foreign names (Traditional forms), after the usual transcription tables.
TRANSLIT = frozenset(
    "阿埃艾愛安奧澳巴拜班邦鮑貝本比彼畢波伯勃博布查達戴丹道德迪蒂杜多厄恩爾法範菲費芬佛弗福伏富伽蓋甘"
    "岡戈哥格古瓜圭哈海漢豪赫亨洪胡華霍基吉加迦賈傑金喀卡凱坎康考柯科克肯庫奎昆拉萊蘭朗勞雷蕾黎里利麗"
    "莉林琳柳隆魯路倫羅洛馬瑪麥曼梅門蒙米密敏摩莫默姆穆拿納娜乃奈內尼妮紐努諾歐帕派潘培佩彭皮珀坡普齊"
    "奇恰喬切欽丘薩塞桑瑟森沙莎舍史斯絲索塔泰坦湯唐特提托圖瓦旺威韋維溫沃烏伍西希錫席夏謝辛休雅亞揚耶"
    "伊依英尤約扎詹茲甫申根噶滕敦爾格堡茲騰蘇施修涅俄狄盧伐登杰"
)
_NUMERAL = re.compile(r"[0-9零〇一二三四五六七八九十百千萬億兩]+")


def _translit(piece: str) -> bool:
    return bool(piece) and all(ch in TRANSLIT for ch in piece)


def join_pieces(pieces: list[str], *, numbers: bool = True, ordinals: bool = True,
                names: bool = True) -> list[str]:
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

    Returns
    -------
    list of str
        The pieces, some joined; ``"".join`` of it equals ``"".join(pieces)``.

    Examples
    --------
    >>> join_pieces(["人口", "16", ",", "250", "人"])
    ['人口', '16,250', '人']
    >>> join_pieces(["第", "6", "屆"])
    ['第6', '屆']
    >>> join_pieces(["選手", "普魯", "申科"])
    ['選手', '普魯申科']
    >>> join_pieces(["第", "6", "屆"], ordinals=False)
    ['第', '6', '屆']
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
    return out
