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
COMPOUND_SURNAMES = frozenset("歐陽 司馬 上官 諸葛 東方 皇甫 司徒 夏侯 范姜 張簡 鍾離 慕容 令狐 尉遲 公孫 端木 宇文 "
                              "長孫 西門 軒轅 呼延 澹臺 澹台 南宮 万俟".split())


#: Rarer surnames of Hong Kong and Taiwan (鄺, 冼, 霍): read as a surname only where a name is expected (after a
#: title, in a byline).
RARE_SURNAMES = frozenset("鄺冼晏柴戚龐龎霍閻翟繆荀靳隋鞏卜杭湛諶郎邰闞植屈招嵇鈕佟甯欒酆蒯鄞仉亓温朴權卞冷黄容"
                           "費蒙牟閔宓勞練舒廉虞麻惠屠鞠喻項婁竇姬宣區文")
#: Common Japanese surnames, read where a name is expected after a title (留學生中村美咲說, 總教練井端弘和表示).
JAPANESE_SURNAMES = frozenset("""
佐藤 鈴木 高橋 田中 伊藤 渡邊 渡辺 山本 中村 小林 加藤 吉田 山田 佐佐木 佐々木 山口 松本 井上 木村 清水 山崎 池田
橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 齋藤 齊藤 斎藤 福田 太田
西村 藤井 岡本 松田 中川 中野 原田 小野 田村 竹內 竹内 金子 和田 中山 石田 上田 森田 柴田 酒井 工藤 橫山 横山
宮崎 宮本 內田 内田 高木 安藤 谷口 大野 丸山 今井 高田 藤原 河野 小島 村田 武田 上野 杉山 增田 増田 平野 大塚
千葉 久保 松井 小山 岩崎 櫻井 桜井 野口 松尾 野村 木下 菊地 佐野 大西 杉本 新井 濱田 浜田 菅原 市川 水野 小松
島田 古川 小田 吉村 片山 石破 岸田 安倍 野田 井端 大谷 鈴村 茂木 林田 北村 西田 森本 河合 鈴川 秋山 荒木
中西 西川 西山 松下 宮田 小池 赤澤 武藤
""".split())
#: Surnames that are also common words (向, 和, 連, 任, 區, 容, 文, 利): read as one in a byline; 區, 文 and 容,
#: among the rarer, after a title too (:data:`RARE_SURNAMES`).
WORD_SURNAMES = frozenset("向和連任區容雲文利冷巴")


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
