"""Chinese surnames, for the rules that tell a name from other words: the byline reader's and the actors'.

A leaf of the package, kept apart from :mod:`analysis.names` so that the page grammar (:mod:`analysis.bylines`)
can check a name's shape without loading the actors' dictionaries.
"""

from __future__ import annotations

#: Common Chinese surnames (those that are also function words, such as 向, 連, 和, 任, are left out).
SURNAMES = frozenset(
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫"
    "戴范方宋鄧杜侯傅曹薛丁卓馬阮董唐溫藍蔣石古紀姚馮歐程湯田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳凃"
    "邵錢伍倪于譚駱熊甘秦顧毛章史官萬俞雷粘饒闕凌崔尹孔辛武辜陶段龍韋葛池孟褚殷麥賀賈莫管關包丘梅華裴"
    "樊房佘左魯鮑覃苗習易喬牛耿祝聶宮岳齊鄔邢季畢符滕申艾車冉焦桂單郝寇談谷甄穆蒲臧祁封衛酈郁栗瞿岑"
)
#: Two-character surnames.
COMPOUND_SURNAMES = frozenset("歐陽 司馬 上官 諸葛 東方 皇甫 司徒 夏侯 范姜 張簡 鍾離 慕容 令狐".split())


#: Rarer surnames of Hong Kong and Taiwan (鄺, 冼, 霍): read as a surname only where a name is expected (after a
#: title, in a byline).
RARE_SURNAMES = frozenset("鄺冼晏柴戚龐龎霍閻翟繆荀靳隋鞏卜杭湛諶郎邰闞植屈招")
#: Surnames that are also common words (向, 和, 連, 任, 區, 容, 文, 利): read as one only in a byline.
WORD_SURNAMES = frozenset("向和連任區容雲文利")


def starts_with_surname(name: str) -> bool:
    """Whether a name in a byline has the shape of a Chinese one: a surname (:data:`SURNAMES`, or one of
    :data:`RARE_SURNAMES` and :data:`WORD_SURNAMES`) and one or two letters, or a compound surname
    (:data:`COMPOUND_SURNAMES`) and one or two.

    Examples
    --------
    >>> [starts_with_surname(x) for x in ["陳凱欣", "歐陽慧珊", "社評", "全台停班", "謝謝部長"]]
    [True, True, False, False, False]
    """
    if name[:2] in COMPOUND_SURNAMES:
        return 3 <= len(name) <= 4
    return 2 <= len(name) <= 3 and (name[:1] in SURNAMES or name[:1] in RARE_SURNAMES or name[:1] in WORD_SURNAMES)
