"""actors, actor_variants and read_aliases (analysis/mentions.py, analysis/names.py).

The texts are written for these tests in the styles of several outlets (中央社's datelines, 自由時報's
and 聯合報's bylines, television copy); none is taken from the seed page or any gold annotation.
"""

from __future__ import annotations

import time

import pandas as pd
import pytest

from analysis import actor_variants, actors, read_aliases
from analysis import config
from analysis.mentions import COLUMNS, EVIDENCE, sentence_of
from analysis.names import TYPES


def frame(*texts: str, titles: tuple[str, ...] = ()) -> pd.DataFrame:
    titles = titles or ("",) * len(texts)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "title": list(titles), "text": list(texts)})


def found(text: str, **kwargs) -> list[tuple[str, str, str]]:
    table = actors(frame(text), **kwargs)
    return list(zip(table["mention"], table["actor"], table["type"]))


# -- what is found, in several outlets' styles ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    pytest.param("（中央社記者林志豪台北5日電）行政院長卓榮泰今天在立法院答詢時表示，政府會持續與美方溝通關稅議題。",
                 [("中央社", "中央社", "organisation"), ("台北", "台北", "place"), ("卓榮泰", "卓榮泰", "person"),
                  ("立法院", "立法院", "organisation"), ("美方", "美國", "place")], id="cna-credit-skipped"),
    pytest.param("〔記者王寓中／台北報導〕國防部發言人孫立方少將受訪時強調，共軍動態全程掌握。",
                 [("台北", "台北", "place"), ("國防部", "國防部", "organisation"), ("孫立方", "孫立方", "person"),
                  ("共軍", "解放軍", "organisation")], id="ltn-byline"),
    pytest.param("台北市議員簡舒培今天質詢時批評，北市府處理京華城案不透明。",
                 [("台北市", "台北市", "place"), ("簡舒培", "簡舒培", "person"),
                  ("北市府", "台北市政府", "organisation")], id="udn-councillor"),
    pytest.param("(聲音來源)民進黨立委 吳思瑤:「在野黨濫權擴權。」",
                 [("民進黨", "民進黨", "organisation"), ("吳思瑤", "吳思瑤", "person")], id="tv-transcript"),
    pytest.param("新竹市議員林志明與里長王大明今天會勘，鄉長謝明達也到場。",
                 [("新竹市", "新竹市", "place"), ("林志明", "林志明", "person"), ("王大明", "王大明", "person"),
                  ("謝明達", "謝明達", "person")], id="unknown-names-after-titles"),
    pytest.param("美國聯邦參議員葛萊斯里與眾議員麥考爾今天抵台。",
                 [("美國", "美國", "place"), ("葛萊斯里", "葛萊斯里", "person"), ("麥考爾", "麥考爾", "person")],
                 id="transliterated-after-titles"),
    pytest.param("白宮發言人柯比（John Kirby）與國務卿布林肯（Antony Blinken）同台。",
                 [("白宮", "白宮", "organisation"), ("柯比", "柯比", "person"), ("John Kirby", "柯比", "person"),
                  ("布林肯", "布林肯", "person"), ("Antony Blinken", "布林肯", "person")], id="latin-glosses"),
    pytest.param("總統蔡英文今天視察，蔡總統表示滿意，小英也在臉書發文。",
                 [("蔡英文", "蔡英文", "person"), ("蔡總統", "蔡英文", "person"), ("小英", "蔡英文", "person")],
                 id="one-president-three-names"),
    pytest.param("立法院長蘇嘉全主持院會，蘇院長會後受訪。",
                 [("蘇嘉全", "蘇嘉全", "person"), ("蘇院長", "蘇嘉全", "person")], id="surname-title-in-document"),
    pytest.param("蘇院長今天視察防疫工作。", [("蘇院長", "蘇貞昌", "person")], id="surname-title-by-alias"),
    pytest.param("林部長今天視察防疫工作。", [("林部長", "林部長", "person")], id="surname-title-as-written"),
    pytest.param("我外交部與陸外交部互相批評，美國國會與日本政府表態，中華民國外交部回應。",
                 [("我外交部", "外交部", "organisation"), ("陸外交部", "中國外交部", "organisation"),
                  ("美國國會", "美國國會", "organisation"), ("日本", "日本", "place"),
                  ("中華民國外交部", "外交部", "organisation")], id="bodies-of-countries"),
    pytest.param("中共軍機擾台，中國與美國關係緊張，中方與陸方都表態，美方回應。",
                 [("中共", "中共", "organisation"), ("中國", "中國", "place"), ("美國", "美國", "place"),
                  ("中方", "中國", "place"), ("陸方", "中國", "place"), ("美方", "美國", "place")],
                 id="party-state-apart-from-country"),
    pytest.param("民眾黨主席黃國昌與民進黨團總召柯建銘交鋒。",
                 [("民眾黨", "民眾黨", "organisation"), ("黃國昌", "黃國昌", "person"),
                  ("民進黨團", "民進黨立法院黨團", "organisation"), ("柯建銘", "柯建銘", "person")],
                 id="title-glued-to-name"),
    pytest.param("紐約市曼哈頓華埠舉行遊行，花蓮縣長徐榛蔚出席。",
                 [("紐約市", "紐約", "place"), ("曼哈頓", "曼哈頓", "place"), ("徐榛蔚", "徐榛蔚", "person")],
                 id="city-and-county-head"),
    pytest.param("花蓮地檢署今天偵結此案。", [("花蓮地檢署", "花蓮地檢署", "organisation")], id="body-by-suffix"),
    pytest.param("新北市黨部與高雄市衛生局發文，美國公司與台灣南部不是機關。",
                 [("新北市黨部", "新北市黨部", "organisation"), ("高雄市衛生局", "高雄市衛生局", "organisation"),
                  ("美國", "美國", "place"), ("台灣", "台灣", "place")], id="offices-of-cities"),
    pytest.param("俄羅斯總統府發言人佩斯科夫則說，莫斯科不接受。",
                 [("俄羅斯總統府", "俄羅斯總統府", "organisation"), ("佩斯科夫", "佩斯科夫", "person"),
                  ("莫斯科", "莫斯科", "place")], id="transliteration-in-pieces"),
    pytest.param("美國國務院次卿柯拉克(Keith Krach)訪台，見蔡總統。",
                 [("美國國務院", "美國國務院", "organisation"), ("柯拉克", "柯拉克", "person"),
                  ("Keith Krach", "柯拉克", "person"), ("蔡總統", "蔡英文", "person")], id="glued-surname-title"),
])
def test_mentions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "他表示將代表國家出賽。", "記者會上，總統強調經濟優先。", "教授曾指出問題所在。", "主委高興地說沒問題。",
    "總統大選明年登場，總統任期四年。", "部長會見官員，院長在記者會上表示歡迎。", "政府單位與民間團體合作。",
    "國際組織與研究中心合辦研討會。", "執政黨與在野黨互相指責，社會大眾關心。",
    "多名立委質詢時批評，藍綠立委爆發衝突。",
    "王姓女子報案，一名陳姓男子受傷。", "全部幹部都到齊，這是一個好機會。", "黃金價格上漲，高度關注。",
    "這位大使表示會再來，董事長夫人出席。", "日前政府公告新制，15日政府宣布。",
])
def test_ordinary_words_titles_alone_and_anonymous_people_are_no_actors(text):
    assert found(text) == []


@pytest.mark.parametrize("text, body", [
    ("台灣國際勞工協會則批評，政府放任仲介剝削移工。", "台灣國際勞工協會"),  # a place opens the name
    ("台灣人權促進會批評，警方濫權。", "台灣人權促進會"),
    ("消費者文教基金會指出，價格偏高。", "消費者文教基金會"),
    ("全國教師工會總聯合會表示，反對修法。", "全國教師工會總聯合會"),  # the longest name, not 全國教師工會
    ("台灣醫療改革基金會說，醫院人力不足。", "台灣醫療改革基金會"),  # 改革: a verbal noun
    ("政府與勞工協會協商。", "勞工協會"),  # 與 ends it
    ("修正草案交付財政委員會審查。", "財政委員會"),  # so does a verb
    ("台灣動物保護協會呼籲飼主，颱風來臨前應將寵物移入室內。", "台灣動物保護協會"),  # a verb of bodies' names
    ("中華民國兒童福利促進聯盟表示，托育補助不足。", "中華民國兒童福利促進聯盟"),
])
def test_a_bodys_name_cut_into_words_is_one_organisation(text, body):
    assert (body, body, "organisation") in found(text)
    assert [m for m, _, kind in found(text) if kind == "organisation"] == [body]


@pytest.mark.parametrize("text", ["市府要求業者加入台北市商業公會。", "業者持續研究發展協會的提案。",
                                  "台北舉辦公會活動。", "台南照顧協會長輩，社工表示很辛苦。"])
def test_only_verbs_of_bodies_names_are_in_them(text):
    """加入 is no verb of a body's name; 研究, 發展 and 照顧 are, but only after a noun that is no place."""
    assert not any(v in m for m, _, _ in found(text) for v in ("加入", "持續", "舉辦", "照顧"))


@pytest.mark.parametrize("text", ["國內醫院表示，人力吃緊。", "私立大學坦言，招生困難。"])
def test_generic_hospitals_and_universities_are_no_bodies(text):
    assert [m for m, _, kind in found(text) if kind == "organisation"] == []


@pytest.mark.parametrize("text", ["昨天協會表示，明天開會。", "該協會表示，將提告。", "各工會都到場。",
                                  "孩子學會游泳後很開心。", "這些問題總會解決。"])
def test_a_heads_word_alone_is_no_body(text):
    assert found(text) == []


def test_every_type_and_evidence_is_one_of_the_documented():
    table = actors(frame("（中央社記者林志豪台北5日電）總統蔡英文與美國聯邦參議員葛萊斯里會面，蔡總統表示歡迎。",
                         "美國國會與花蓮地檢署，國防部發言人孫立方少將表示。"))
    assert set(table["type"]) <= set(TYPES)
    assert set(table["evidence"]) <= set(EVIDENCE)
    assert {"dictionary", "alias", "title", "suffix"} <= set(table["evidence"])


def test_tag_and_transliteration_evidence():
    table = actors(frame("林孟儒與黃宏達昨天在會場外抗議，普萊斯也到場。"))
    assert list(zip(table["mention"], table["evidence"])) == [("林孟儒", "tag"), ("黃宏達", "tag"),
                                                               ("普萊斯", "transliteration")]


# -- the table --------------------------------------------------------------------------------------------

def test_columns_and_types():
    table = actors(frame("總統蔡英文出訪。"))
    assert tuple(table.columns) == COLUMNS
    assert [str(table[c].dtype) for c in ("start", "end", "sentence")] == ["int64"] * 3
    empty = actors(frame("沒有名字的句子。"))
    assert tuple(empty.columns) == COLUMNS and empty.empty


def test_offsets_slice_back_and_sentences_count_from_zero(seed_docs):
    docs = pd.concat([seed_docs, frame("總統蔡英文說。\n美方回應！中共？蔡總統；克拉夫特",
                                       titles=("美駐聯大使：外交部 回應",))], ignore_index=True)
    table = actors(docs)
    by_id = docs.set_index("doc_id")
    for row in table.itertuples():
        text = by_id.loc[row.doc_id, row.field]
        assert text[row.start:row.end] == row.mention
        assert row.sentence == sentence_of(text, row.start)
    last = table[table["doc_id"] == "d0"]
    assert list(zip(last["field"], last["mention"], last["sentence"])) == [
        ("title", "美", 0), ("title", "外交部", 0), ("text", "蔡英文", 0), ("text", "美方", 1), ("text", "中共", 2),
        ("text", "蔡總統", 3),
        ("text", "克拉夫特", 4)]


def test_rows_in_document_order_title_first():
    docs = frame("克拉夫特訪台。", "蔡英文出訪。", titles=("中共施壓", "美方回應"))
    table = actors(docs)
    assert list(zip(table["doc_id"], table["field"], table["mention"])) == [
        ("d0", "title", "中共"), ("d0", "text", "克拉夫特"), ("d1", "title", "美方"), ("d1", "text", "蔡英文")]


def test_deterministic(seed_docs):
    pd.testing.assert_frame_equal(actors(seed_docs), actors(seed_docs.copy()))


def test_unique_reads_each_distinct_text_once():
    docs = frame("克拉夫特訪台。", "克拉夫特訪台。")
    docs["content_id"] = ["same", "same"]
    assert actors(docs)["doc_id"].tolist() == ["d0"]
    assert actors(docs, unique=False)["doc_id"].tolist() == ["d0", "d1"]


def test_a_segmenter_of_your_own():
    table = actors(frame("總統蔡英文會見克拉芙特。"), segmenter=list)  # every character a word
    assert list(zip(table["mention"], table["actor"])) == [("蔡英文", "蔡英文"), ("克拉芙特", "克拉夫特")]


# -- the seed page ----------------------------------------------------------------------------------------

def test_seed_page(seed_docs):
    table = actors(seed_docs)
    persons = set(table.loc[table["type"] == "person", "actor"])
    assert {"李光章", "克拉夫特", "歐江安", "蔡英文", "柯拉克", "費鴻泰", "王定宇", "馬英九", "林鶴明", "波頓",
            "小布希", "蓬佩奧", "蘇貞昌", "張惇涵", "童振源", "李登輝", "川普"} == persons
    forms = set(zip(table["mention"], table["actor"]))
    assert {("蔡總統", "蔡英文"), ("馬總統", "馬英九"), ("克拉芙特", "克拉夫特"), ("Kelly Craft", "克拉夫特"),
            ("美方", "美國"), ("中華民國外交部", "外交部"), ("駐紐辦", "駐紐約辦事處"), ("川普", "川普"),
            ("美", "美國"), ("駐紐約台北經濟文化辦事處", "駐紐約辦事處"), ("UN", "聯合國"),
            ("美國務院", "美國國務院")} <= forms
    assert {"中共", "中國"} <= set(table["actor"])
    assert table.loc[table["actor"] == "中共", "type"].unique().tolist() == ["organisation"]


# -- variants ---------------------------------------------------------------------------------------------

def test_actor_variants_counts_and_order():
    table = actors(frame("美方與美國會談，蔡總統出席。", "美方表示，美方支持蔡英文。"))
    assert actor_variants(table).values.tolist() == [
        ["美國", "place", "美方", 3, 2], ["美國", "place", "美國", 1, 1],
        ["蔡英文", "person", "蔡總統", 1, 1], ["蔡英文", "person", "蔡英文", 1, 1]]


def test_actor_variants_of_nothing():
    table = actor_variants(actors(frame("沒有名字。")))
    assert list(table.columns) == ["actor", "type", "mention", "count", "documents"] and table.empty


# -- corrections: aliases and dictionaries ----------------------------------------------------------------

def test_aliases_of_your_own_win(tmp_path):
    mine = tmp_path / "aliases.txt"
    mine.write_text("# my corpus\n川普政府\torganisation\n陳時中\tperson\t阿中部長\n大使館\tnone\n美方\tplace\n",
                    encoding="utf-8")
    text = "川普政府與阿中部長會談，美方表示歡迎。"
    assert found(text) == [("川普", "川普", "person"), ("美方", "美國", "place")]
    assert found(text, aliases=mine) == [("川普政府", "川普政府", "organisation"), ("阿中部長", "陳時中", "person"),
                                         ("美方", "美方", "place")]


def test_none_stops_a_word_being_an_actor(tmp_path):
    mine = tmp_path / "aliases.txt"
    mine.write_text("台北\tnone\n", encoding="utf-8")
    assert found("台北今天下雨，總統蔡英文出訪。", aliases=[mine]) == [("蔡英文", "蔡英文", "person")]


def test_project_aliases_file_is_read(tmp_path, monkeypatch):
    project = tmp_path / "aliases.txt"
    project.write_text("小英\tperson\n", encoding="utf-8")
    monkeypatch.setattr(config, "PROJECT_ALIASES", project)
    assert found("小英出訪。") == [("小英", "小英", "person")]
    monkeypatch.setattr(config, "PROJECT_ALIASES", tmp_path / "missing.txt")
    assert found("小英出訪。") == [("小英", "蔡英文", "person")]


def test_a_name_of_your_own_dictionary(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("阿中 nr\n綠色和平 nt\n", encoding="utf-8")
    assert found("阿中與綠色和平今天抗議。") == []
    assert found("阿中與綠色和平今天抗議。", userdict=words) == [("阿中", "阿中", "person"),
                                                              ("綠色和平", "綠色和平", "organisation")]


def test_shipped_aliases_are_readable_and_every_form_names_one_actor():
    forms = read_aliases(config.ALIASES_FILE)
    assert forms["美方"] == ("美國", "place") and forms["中方"] == ("中國", "place")
    assert forms["中共"] == ("中共", "organisation") and forms["中國"] == ("中國", "place")
    assert forms["Kelly Craft"] == ("克拉夫特", "person")


@pytest.mark.parametrize("content, message", [
    ("蔡英文 person 蔡總統\n", r"aliases\.txt, line 1: expected a name, a TAB and its type"),
    ("# comment\n\n蔡英文\tpeople\t蔡總統\n", r"aliases\.txt, line 3: unknown type 'people'"),
    ("\tperson\t蔡總統\n", r"aliases\.txt, line 1: the canonical name is empty"),
    ("蔡英文\tperson\t小英\n賴清德\tperson\t小英\n", r"aliases\.txt, line 2: '小英' is already given on line 1"),
])
def test_bad_aliases_lines_name_file_and_line(tmp_path, content, message):
    path = tmp_path / "aliases.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_aliases(path)
    with pytest.raises(ValueError, match=message):
        actors(frame("蔡英文出訪。"), aliases=path)


def test_missing_aliases_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="aliases file not found"):
        actors(frame("蔡英文出訪。"), aliases=tmp_path / "nope.txt")


# -- scale ------------------------------------------------------------------------------------------------

def test_a_thousand_distinct_documents_take_seconds(seed_docs):
    sentences = [s + "。" for t in seed_docs["text"] for s in t.split("。") if len(s) > 8]
    texts = [f"第{i}則：" + sentences[i % len(sentences)] + sentences[(i * 7) % len(sentences)] for i in range(1000)]
    docs = frame(*texts)
    docs["content_id"] = docs["doc_id"]
    start = time.perf_counter()
    table = actors(docs)
    assert time.perf_counter() - start < 30
    assert table["doc_id"].nunique() > 900


# -- the annotation conventions: generic words, longest spans, one-character names ------------------------

@pytest.mark.parametrize("text, expected", [
    pytest.param("國會今天休會，院會延到下週，黨團協商破局。", [], id="generic-bodies-alone"),
    pytest.param("美國國會議員訪台。", [("美國國會", "美國國會", "organisation")],
                 id="generic-body-in-a-longer-name"),
    pytest.param("國民黨立院黨團與民眾黨團聯手，民進黨團反對。",
                 [("國民黨立院黨團", "國民黨立法院黨團", "organisation"),
                  ("民眾黨團", "民眾黨立法院黨團", "organisation"),
                  ("民進黨團", "民進黨立法院黨團", "organisation")], id="party-caucus-one-span"),
    pytest.param("中共解放軍東部戰區昨天宣布演習，中共東部戰區今天再發布影片。",
                 [("中共解放軍東部戰區", "東部戰區", "organisation"), ("中共東部戰區", "東部戰區", "organisation")],
                 id="nested-command-one-span"),
    pytest.param("中國國務院台灣事務辦公室今天開記者會。", [("中國國務院台灣事務辦公室", "國台辦", "organisation")],
                 id="full-name-of-an-office"),
    pytest.param("拜登政府與日本政府會談，民進黨政府回應。",
                 [("拜登", "拜登", "person"), ("日本", "日本", "place"), ("民進黨", "民進黨", "organisation")],
                 id="government-after-a-name-is-generic"),
    pytest.param("蔡政府推動新南向政策。", [("蔡", "蔡英文", "person")], id="surname-for-an-administration"),
    pytest.param("宏國外長訪問北京，台海情勢緊張，新北與紐約市合作。",
                 [("宏國", "宏都拉斯", "place"), ("北京", "北京", "place"), ("台海", "台灣海峽", "place"),
                  ("新北", "新北市", "place"), ("紐約市", "紐約", "place")], id="short-forms"),
    pytest.param("中華民國與台灣都是我們的名字。", [("中華民國", "台灣", "place"), ("台灣", "台灣", "place")],
                 id="republic-of-china-is-taiwan"),
    pytest.param("宏都拉斯外交部長雷伊納抵達北京。",
                 [("宏都拉斯", "宏都拉斯", "place"), ("雷伊納", "雷伊納", "person"), ("北京", "北京", "place")],
                 id="a-place-before-a-minister-is-a-mention"),
    pytest.param("馬英九基金會執行長今天表示歡迎。", [("馬英九基金會", "馬英九基金會", "organisation")],
                 id="a-body-named-for-a-person"),
])
def test_conventions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("title, expected", [
    pytest.param("美駐聯合國大使下週訪問", [("美", "美國"), ("聯合國", "聯合國")], id="country-before-a-post"),
    pytest.param("美UN大使出席會議", [("美", "美國"), ("UN", "聯合國")], id="country-before-a-name-and-title"),
    pytest.param("外交部長會台代表", [("台", "台灣")], id="glued-country-before-a-title"),
    pytest.param("美台關係升溫 議員訪台", [], id="pairs-and-verbs-are-no-mentions"),
    pytest.param("美食節登場 美麗島嶼迎客", [], id="beautiful-is-no-country"),
    pytest.param("馬稱合作無用", [("馬", "馬英九")], id="surname-before-a-headline-verb"),
])
def test_one_character_names(title, expected):
    table = actors(frame("", titles=(title,)))
    assert list(zip(table["mention"], table["actor"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("農委會今天統計農損。\n（編輯：林沂鋒）1120618", ["農委會"]),  # the editor of a credit is no actor
    ("一名司機向《香港01》表示，生意不好。", []),  # 香港 is part of the outlet's name
    ("《紐約時報》報導，美方將派員訪台。", ["紐約時報", "美國"]),  # the whole name in 《》 is one
])
def test_credits_and_parts_of_names_in_title_marks_are_no_actors(text, expected):
    table = actors(pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [text]}))
    assert table["actor"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("部落頭目瓦歷斯．諾幹說，道路需要修復。", [("瓦歷斯．諾幹", "瓦歷斯．諾幹", "person")],
                 id="a-name-apart-by-a-dot"),
    # a dotted name's parts of up to six letters, not the word after it; its last part alone later is the person
    pytest.param("洋投馬丁．羅德里格斯連續三局失分，羅德里格斯說很抱歉。",
                 [("馬丁．羅德里格斯", "馬丁．羅德里格斯", "person"), ("羅德里格斯", "馬丁．羅德里格斯", "person")],
                 id="a-dotted-name-and-its-last-part"),
    pytest.param("參議院主席托馬什．諾瓦克今天抵台。諾瓦克表示，將深化合作。",
                 [("參議院", "參議院", "organisation"), ("托馬什．諾瓦克", "托馬什．諾瓦克", "person"),
                  ("諾瓦克", "托馬什．諾瓦克", "person")], id="a-dotted-name-after-a-cut-letter"),
    # a last part two dotted names share is neither's
    pytest.param("洋投馬丁．羅德里格斯與洋投荷西．羅德里格斯都上場。羅德里格斯說很抱歉。",
                 [("馬丁．羅德里格斯", "馬丁．羅德里格斯", "person"),
                  ("荷西．羅德里格斯", "荷西．羅德里格斯", "person"), ("羅德里格斯", "羅德里格斯", "person")],
                 id="a-last-part-two-names-share"),
    # a hospital's name opening the text, whatever the text ends with
    pytest.param("嘉惠醫院上週起缺藥，病床剩300", [("嘉惠醫院", "嘉惠醫院", "organisation")],
                 id="a-brand-opening-the-text"),
    # universities, hospitals, leagues and teams of the gazetteer, under the names the press uses most
    pytest.param("中職今天開罰，桃猿與悍將都不服；傷者送往高雄榮民總醫院，輔大學生也到場。",
                 [("中職", "中華職棒", "organisation"), ("桃猿", "樂天桃猿", "organisation"),
                  ("悍將", "富邦悍將", "organisation"), ("高雄榮民總醫院", "高雄榮總", "organisation"),
                  ("輔大", "輔仁大學", "organisation")], id="sports-hospitals-universities"),
    # a unit's head's 長 glued to a surname of two letters (副分署|長范|姜振宇), and a year before 公司 (no brand)
    pytest.param("水利署河川分署副分署長張簡文彬表示，分署接獲通報。", [("張簡文彬", "張簡文彬", "person")],
                 id="a-units-head-and-a-surname-of-two"),
    pytest.param("她透露，2022年起公司以疫情為由延後撥款。", [], id="a-year-before-a-company"),
    # posts in a company or a team, and a resident, before a name
    pytest.param("會議由投顧協理聶宇澄主持。", [("聶宇澄", "聶宇澄", "person")], id="a-post-in-a-company"),
    pytest.param("球隊領隊卜宥霖親自出面道歉。", [("卜宥霖", "卜宥霖", "person")], id="a-post-in-a-team"),
    pytest.param("居民陳素琴經營早餐店多年。", [("陳素琴", "陳素琴", "person")], id="a-resident"),
    # a surname and 某 leaves the person unnamed
    pytest.param("都被經紀人杜某以各種理由推託。", [], id="a-surname-and-mou"),
    pytest.param("天文台台長鄭明典今早表示，雨勢減弱。", [("鄭明典", "鄭明典", "person")], id="a-title-jieba-cuts"),
    pytest.param("科長王宗山呼籲，民眾勿食生蠔。", [("王宗山", "王宗山", "person")], id="a-given-name-before-a-verb"),
    pytest.param("協會理事長嵇文華認為，法規應修正。", [("嵇文華", "嵇文華", "person")], id="a-rare-surname"),
    pytest.param("日本留學生佐藤美咲說，房租太貴。", [("日本", "日本", "place"), ("佐藤美咲", "佐藤美咲", "person")],
                 id="a-japanese-name-after-a-role"),
    pytest.param("香港大學與港鐵公司合作，科技公司與美國公司也加入。",
                 [("香港大學", "香港大學", "organisation"), ("港鐵公司", "港鐵公司", "organisation"),
                  ("美國", "美國", "place")], id="bodies-by-their-heads"),
    pytest.param("英國大學的學費上漲。", [("英國", "英國", "place")], id="a-countrys-universities"),
])
def test_more_names_read_from_their_shape(text, expected):
    assert found(text) == expected


def test_a_name_keeps_its_strongest_evidence_in_its_document():
    table = actors(frame("柯昱廷表示，會再說明。市議員柯昱廷今天也到場。"))
    assert list(zip(table["mention"], table["evidence"])) == [("柯昱廷", "title"), ("柯昱廷", "title")]
