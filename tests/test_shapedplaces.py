"""Places read from their shapes (:mod:`analysis.shapedplaces`), through :func:`analysis.actors`."""

import pytest

from .test_shapednames import found


@pytest.mark.parametrize("text, expected", [
    # rivers and creeks jieba takes for names or does not know, and numbered highways
    ("鹿耳門溪水位上漲，台1線車流回堵。", [("鹿耳門溪", "鹿耳門溪", "place"), ("台1線", "台1線", "place")]),
    ("後勁溪出現異味，國道1號北上壅塞。", [("後勁溪", "後勁溪", "place"), ("國道1號", "國道1號", "place")]),
    # water and a stream, not a river's name
    ("溪水暴漲，溪邊居民撤離，小溪旁的橋面淹水。", []),
    # villages no dictionary knows: a word of three letters, or a name or place jieba knows and 里 or 村 alone
    ("豪雨過後，頂寮里、後湖里都傳出淹水災情。", [("頂寮里", "頂寮里", "place"), ("後湖里", "後湖里", "place")]),
    ("救災人員進入玉溪村與德興村協助清淤。", [("玉溪村", "玉溪村", "place"), ("德興村", "德興村", "place")]),
    # nor a count, a kind of village or a village's head (a title by the kit's conventions)
    ("全村居民都到活動中心避難，三公里外的村莊也停電，選手村與地球村照常開放。", []),
    ("坪林村長陳志明說，路斷了。", [("陳志明", "陳志明", "person")]),
])
def test_shaped_places(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # roads and streets: a name's kind or a road's usual name before 路, 街 or 大道, with its section or number
    ("會員在濟南路上拉布條，車隊從基隆路轉入羅斯福路。",
     [("濟南路", "濟南路", "place"), ("基隆路", "基隆路", "place"), ("羅斯福路", "羅斯福路", "place")]),
    ("他走在民生路二段的人行道，中山路100號起火。",
     [("民生路二段", "民生路二段", "place"), ("中山路100號", "中山路100號", "place")]),
    ("群眾聚集在青島東路，迪化街年貨大街開幕。", [("青島東路", "青島東路", "place"), ("迪化街", "迪化街", "place")]),
    ("他住在漢中街。", [("漢中街", "漢中街", "place")]),  # (a name that ends in a direction's letter)
    ("車隊轉入雲南路和海南路。", [("雲南", "雲南", "place")]),  # (雲南|路和海|南路: no road of a word jieba made up)
    # ways that are no road's name, and idioms
    ("這條道路與高速公路都封閉，網路也斷了，柏油路面破損。", []),
    ("走投無路的他，走上英雄末路，這不是康莊大道。", []),
])
def test_roads(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city's district named by its direction is the city's, not any 西區
    ("位於嘉義市西區的診所缺藥。", [("嘉義市", "嘉義市", "place"), ("西區", "嘉義市西區", "place")]),
    # not a word that goes on (西區區長: a title's), nor a direction alone
    ("嘉義市西區區長說，會改善，東區也一樣。", [("嘉義市", "嘉義市", "place")]),
])
def test_a_citys_quarters(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a settlement of Taiwan's peoples by its name before 部落, and the council of its people
    ("步道穿越布農族卡里布安部落的傳統獵場。卡里布安部落會議主席說，依法應諮商。",
     [("卡里布安部落", "place"), ("卡里布安部落會議", "organisation")]),
    ("他在霧鹿部落長大。", [("霧鹿部落", "place")]),
    # not a people's settlements, nor a verb's letters before the word
    ("太魯閣族部落的居民反對。", []),
    ("學校的裁併應經部落會議同意。", []),
])
def test_settlements_of_taiwans_peoples(text, expected):
    assert [(m, t) for m, _, t in found(text) if t != "person"] == expected


def test_hong_kong_housing_estates():
    text = "房委會擬拆觀塘寶欣邨街市，居民要走到安翠邨買餸。公共屋邨輪候時間長。"
    assert [(m, t) for m, _, t in found(text) if t == "place"] == [("觀塘", "place"), ("寶欣邨", "place"),
                                                                   ("安翠邨", "place")]
