"""quotes (analysis/quotations.py): who speaks, with which verb, saying what.

The texts are written for these tests in the styles of several outlets (中央社, 自由時報, 聯合報,
television transcripts); none is taken from the seed page or any gold annotation.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import actors, actors_and_quotes, load_corpus, quotes
from analysis.quotations import COLUMNS, KINDS


def frame(*texts: str, titles: tuple[str, ...] = ()) -> pd.DataFrame:
    titles = titles or ("",) * len(texts)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "title": list(titles), "text": list(texts)})


def said(text: str, **kwargs) -> list[tuple[str, str, str, str, str]]:
    table = quotes(frame(text), **kwargs)
    return list(zip(table["speaker"], table["speaker_mention"], table["cue"], table["kind"], table["quote"]))


@pytest.mark.parametrize("text, expected", [
    pytest.param("外交部長吳釗燮今天表示，台灣不會屈服。他說：「我們會堅持下去。」",
                 [("吳釗燮", "吳釗燮", "表示", "reported", "台灣不會屈服"),
                  ("吳釗燮", "他", "說", "quotation", "我們會堅持下去。")], id="cna-reported-then-quoted"),
    pytest.param("國民黨立委翁曉玲質疑行政院。「政院應該把談判內容公開，」翁曉玲說。",
                 [("翁曉玲", "翁曉玲", "說", "quotation", "政院應該把談判內容公開，")], id="cna-speaker-after"),
    pytest.param("台灣不會屈服，吳釗燮說。", [("吳釗燮", "吳釗燮", "說", "reported", "台灣不會屈服")],
                 id="cna-verb-last"),
    pytest.param("〔記者王寓中／台北報導〕國防部發言人孫立方少將受訪時強調，國軍全程掌握。",
                 [("孫立方", "孫立方", "強調", "reported", "國軍全程掌握")], id="ltn-spokesperson-named"),
    pytest.param("行政院長蘇貞昌10日受訪時，表示非常歡迎。", [("蘇貞昌", "蘇貞昌", "表示", "reported", "非常歡迎")],
                 id="udn-subject-a-clause-back"),
    pytest.param("立法院今天再度爆發衝突。\n(聲音來源)民進黨立委 吳思瑤:「在野黨濫權擴權。」\n"
                 "(聲音來源)行政院:「尊重立法院的職權。」",
                 [("吳思瑤", "吳思瑤", "(聲音來源)", "voice", "在野黨濫權擴權。"),
                  ("行政院", "行政院", "(聲音來源)", "voice", "尊重立法院的職權。")], id="tv-sound-bites"),
    pytest.param("台積電董事長魏哲家坦言，成本比較高。他強調，不會放慢腳步。",
                 [("魏哲家", "魏哲家", "坦言", "reported", "成本比較高"),
                  ("魏哲家", "他", "強調", "reported", "不會放慢腳步")], id="pronoun"),
    pytest.param("總統府發言人表達誠摯歡迎。", [("總統府", "總統府", "表達", "reported", "誠摯歡迎")],
                 id="unnamed-spokesperson-speaks-for-the-body"),
    pytest.param("警方表示，嫌犯已落網。", [("", "警方", "表示", "reported", "嫌犯已落網")], id="unnamed-source"),
    pytest.param("駐紐約辦事處推文發出照片，推文還寫到：「我們希望有朝一日可以進到那裡。」",
                 [("駐紐約辦事處", "駐紐約辦事處", "寫到", "quotation", "我們希望有朝一日可以進到那裡。")],
                 id="a-post-speaks-for-its-poster"),
    pytest.param("克拉夫特還推文點名川普帳號，「台灣有位值得信賴的朋友，以及一個倡議的政府。」",
                 [("克拉夫特", "克拉夫特", "「」", "quotation", "台灣有位值得信賴的朋友，以及一個倡議的政府。")],
                 id="quotation-without-verb"),
    pytest.param("僑委會委員長童振源應邀出席，感謝僑界的貢獻，並說台灣名列前茅。",
                 [("童振源", "童振源", "感謝", "reported", "僑界的貢獻"),
                  ("童振源", "童振源", "說", "reported", "台灣名列前茅")], id="carried-subject"),
    pytest.param("中國外交部發言人汪文斌回應稱，美方應停止挑釁。",
                 [("汪文斌", "汪文斌", "稱", "reported", "美方應停止挑釁")], id="two-verbs"),
    pytest.param("國民黨立院黨團總召費鴻泰昨天在節目中表示，克拉夫特「不是好客，是惡客，不應該要來」，引發批評。",
                 [("費鴻泰", "費鴻泰", "表示", "quotation", "不是好客，是惡客，不應該要來")], id="chain-of-names"),
    pytest.param("美國大使視訊稱「蔡總統」。", [("", "美國大使", "稱", "quotation", "蔡總統")],
                 id="short-quote-right-after-verb"),
    pytest.param("馬英九說：“兩岸應該和平。”", [("馬英九", "馬英九", "說", "quotation", "兩岸應該和平。")],
                 id="curly-quotes"),
    pytest.param("吳釗燮強調：『台灣不會屈服。』", [("吳釗燮", "吳釗燮", "強調", "quotation", "台灣不會屈服。")],
                 id="double-corner-quotes"),
    pytest.param('馬英九說:"兩岸應該和平。"', [("馬英九", "馬英九", "說", "quotation", "兩岸應該和平。")],
                 id="straight-quotes"),
    pytest.param("吳釗燮說：「美方說『台灣是夥伴』，我們感謝。」",
                 [("吳釗燮", "吳釗燮", "說", "quotation", "美方說『台灣是夥伴』，我們感謝。")], id="nested-quotes"),
    pytest.param("克拉夫特提到，她將布偶帶進聯合國大會廳，今天駐紐約辦事處推文發出照片，證實布偶真的被帶進聯合國。",
                 [("克拉夫特", "克拉夫特", "提到", "reported", "她將布偶帶進聯合國大會廳"),
                  ("駐紐約辦事處", "駐紐約辦事處", "證實", "reported", "布偶真的被帶進聯合國")],
                 id="new-speaker-ends-one"),
    pytest.param("美國國務院次卿再發推文，稱台灣是偉大夥伴，另外，駐紐約辦事處今天在社群媒體發文。",
                 [("", "美國國務院次卿", "稱", "reported", "台灣是偉大夥伴")], id="title-with-no-name"),
    pytest.param("美國在台協會（AIT）發言人今天回應媒體詢問時表示，美方支持台灣。外交部對此表達感謝。",
                 [("美國在台協會", "美國在台協會", "表示", "reported", "美方支持台灣"),
                  ("外交部", "外交部", "表達", "reported", "感謝")], id="the-verb-that-says-it"),
    pytest.param("日本防衛大臣中谷元也說，自衛隊會加強防衛。", [("", "大臣", "說", "reported", "自衛隊會加強防衛")],
                 id="the-title-not-the-country"),
    pytest.param("國民黨立委馬文君質詢時指出,潛艦國造進度落後,國防部應說明清楚。",
                 [("馬文君", "馬文君", "指出", "reported", "潛艦國造進度落後,國防部應說明清楚")],
                 id="what-someone-should-explain-is-part-of-the-statement-not-one-of-its-own"),
    pytest.param("有市民接受訪問時說：「公車班次太少，等很久。」",
                 [("", "市民", "說", "quotation", "公車班次太少，等很久。")], id="an-unnamed-citizen"),
    pytest.param("受傷駕駛直言，「對方車速太快」。", [("", "駕駛", "直言", "quotation", "對方車速太快")],
                 id="an-unnamed-driver"),
])
def test_statements(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text", [
    "大使帶「台灣黑熊」進聯合國。", "這是「歷史性」的會面。", "且展現出「一個自由的中國」所能達成的成就。",
    "引發民進黨立委王定宇的譴責。", "他怎麼不批評美方。", "他遭民進黨立委批評。", "國民黨立委翁曉玲質疑行政院。",
    "在一篇譴責中共鎮壓香港的聲明中，他再度出席。", "駐紐約辦事處在最新一期「時代雜誌」刊登廣告。",
    "據了解，相關單位表示歡迎。", "部長必須說明，為何延宕。", "國防部應說明清楚。", "政府需要表示歉意。",
    # a modal, then adverbs or a preposition and its object, before the verb
    "國防部必須公開說明採購細節。", "國防部須向立院說明預算用途。", "國防部應該立即向社會大眾說明採購細節。",
])
def test_scare_quotes_nouns_and_denials_are_no_statements(text):
    assert said(text) == []


@pytest.mark.parametrize("text", ["國防部向立院說明，預算如期。", "外交部隨即向媒體表示，台美關係穩固。"])
def test_a_preposition_or_an_adverb_without_a_modal_leaves_the_statement(text):
    assert len(said(text)) == 1


def test_a_headline_colon_and_a_title_resolved_in_the_document():
    docs = frame("美國駐聯合國大使克拉夫特呼籲，世界需要台灣。", titles=("美駐聯大使：缺少台灣的聯合國是欺騙世界",))
    table = quotes(docs)
    assert list(zip(table["field"], table["speaker"], table["speaker_mention"], table["cue"], table["quote"])) == [
        ("title", "克拉夫特", "美駐聯大使", "：", "缺少台灣的聯合國是欺騙世界"),
        ("text", "克拉夫特", "克拉夫特", "呼籲", "世界需要台灣")]
    alone = quotes(frame("大使將訪台。", titles=("美駐聯大使：將訪台 外交部：歡迎",)))
    assert alone[["speaker", "speaker_mention", "quote"]].values.tolist() == [["", "美駐聯大使", "將訪台"],
                                                                            ["外交部", "外交部", "歡迎"]]
    assert said("外交部：歡迎大使來訪") == []  # a colon in the text is no headline


def test_columns_kinds_and_offsets(seed_docs):
    docs = pd.concat([seed_docs, frame("外交部長吳釗燮今天表示，台灣不會屈服。他說：「我們會堅持下去。」")],
                     ignore_index=True)
    table = quotes(docs)
    assert tuple(table.columns) == COLUMNS
    assert set(table["kind"]) == set(KINDS)
    assert str(table["start"].dtype) == str(table["end"].dtype) == "int64"
    by_id = docs.set_index("doc_id")
    for row in table.itertuples():
        assert by_id.loc[row.doc_id, row.field][row.start:row.end] == row.quote
    empty = quotes(frame("沒有引述的句子。"))
    assert tuple(empty.columns) == COLUMNS and empty.empty


def test_rows_in_document_order_and_deterministic(seed_docs):
    table = quotes(seed_docs)
    order = {d: i for i, d in enumerate(seed_docs["doc_id"])}
    keys = [(order[d], f != "title", s) for d, f, s in zip(table["doc_id"], table["field"], table["start"])]
    assert keys == sorted(keys)
    pd.testing.assert_frame_equal(table, quotes(seed_docs.copy()))


def test_speakers_of_the_seed_page(seed_docs):
    table = quotes(seed_docs)
    speakers = set(table["speaker"])
    assert {"歐江安", "克拉夫特", "蔡英文", "費鴻泰", "馬英九", "林鶴明", "蓬佩奧", "張惇涵", "蘇貞昌", "童振源",
            "駐紐約辦事處"} <= speakers
    voice = table[table["kind"] == "voice"]
    assert voice["speaker"].tolist() == ["歐江安"] and voice["quote"].str.startswith("我們駐紐約").all()
    post = table[table["cue"] == "寫到"]
    assert post[["speaker", "quote"]].values.tolist() == [["駐紐約辦事處", "我們希望有朝一日可以進到那裡。"]]
    assert not table["quote"].isin(["歷史性", "台灣黑熊", "自欺欺人", "走路有風"]).any()


def test_speakers_follow_your_aliases(tmp_path):
    mine = tmp_path / "aliases.txt"
    mine.write_text("美方\tplace\n", encoding="utf-8")
    text = "美方今天宣布，大使將訪台。"
    assert said(text) == [("美國", "美方", "宣布", "reported", "大使將訪台")]
    assert said(text, aliases=mine) == [("美方", "美方", "宣布", "reported", "大使將訪台")]


def test_unique_reads_each_distinct_text_once():
    docs = frame("蘇貞昌表示，非常歡迎。", "蘇貞昌表示，非常歡迎。")
    docs["content_id"] = ["x", "x"]
    assert quotes(docs)["doc_id"].tolist() == ["d0"]
    assert quotes(docs, unique=False)["doc_id"].tolist() == ["d0", "d1"]


PIECES = ["蔡總統", "表示", "，", "「", "」", "說：", "(聲音來源)", "外交部", "\n", " ", "他", "美方", "「好」",
          "台北市長", "：", "。", "記者", "王", "大使", "（", "）", "Kelly Craft", "柯比", "稱", "“", "”", "發言人",
          "陸", "並說", "推文"]


@given(st.lists(st.sampled_from(PIECES), max_size=30), st.lists(st.sampled_from(PIECES), max_size=8))
def test_any_text_gives_offsets_that_slice_back(text_pieces, title_pieces):
    docs = frame("".join(text_pieces), titles=("".join(title_pieces),))
    for table, column in ((quotes(docs), "quote"), (actors(docs), "mention")):
        for row in table.itertuples():
            assert docs.loc[0, row.field][row.start:row.end] == getattr(row, column)


# -- headlines: one-character verbs, colons, words before the verb; pronouns -------------------------------

def headline(title: str, text: str) -> list[tuple[str, str, int]]:
    table = quotes(frame(text, titles=(title,)))
    table = table[table["field"] == "title"]
    return list(zip(table["speaker"], table["cue"], table["start"]))


@pytest.mark.parametrize("title, text, expected", [
    pytest.param("英國首相讚台可靠夥伴:將深化合作", "英國首相施凱爾今天訪問。",
                 [("施凱爾", "讚", 5), ("施凱爾", ":", 11)], id="fused-verb-and-colon"),
    pytest.param("英國首相接見外長 允助台參與國際組織", "英國首相施凱爾今天接見外長。",
                 [("施凱爾", "允", 10)], id="verb-taking-the-subject-of-the-part-before"),
    pytest.param("陳建仁會見日本議員 行政院證實", "", [("行政院", "證實", 0)], id="words-before-the-verb"),
    pytest.param("立委籲政府加強防疫", "立委王美花今天受訪。", [("王美花", "籲", 3)], id="one-character-appeal"),
    pytest.param("2024 10:30 會議開始", "", [], id="a-time-is-no-colon"),
])
def test_headlines(title, text, expected):
    assert headline(title, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("外交部長林佳龍說，巴拉圭總統潘尼亞將來訪。他強調，雙方關係穩固。",
                 ["林佳龍", "林佳龍"], id="he-is-the-speaker-not-a-person-in-the-statement"),
    pytest.param("陸委會副主委兼發言人梁文傑表示，兩岸應對話。", ["梁文傑"], id="two-titles-joined-by-jian"),
    pytest.param("國民黨立院黨團書記長洪孟楷強調，改革必須推動。", ["洪孟楷"], id="caucus-secretary-general"),
    pytest.param("外交部政務次長田中光說：「我方將討論經濟合作。」", ["田中光"], id="political-deputy-minister"),
    pytest.param("經濟部常務次長林全能表示，台美將簽署協議。", ["林全能"], id="administrative-deputy-minister"),
    pytest.param("外交部代理發言人歐江安表示，台灣感謝。", ["歐江安"], id="acting-spokesperson"),
    pytest.param("氣象局預報員林定宜指出：「颱風暴風圈已經觸碰到恆春半島。」", ["林定宜"], id="forecaster"),
    pytest.param("國立政治大學國際關係研究中心研究員嚴震生分析，布林肯此行主要在恢復溝通管道。", ["嚴震生"],
                 id="the-titled-person-after-words-that-are-no-name"),
    pytest.param("一名的士司機則向《香港01》表示，「打風冒險開工，加少少錢好合理」。", [""],
                 id="not-the-place-in-a-name"),
    # a unit's head (交通局|長): jieba cuts 交通局|長謝|慧鶯 and 社家署|長|簡慧娟
    pytest.param("台北市交通局長謝慧鶯今天表示，票價維持不變。", ["謝慧鶯"], id="a-units-head-fused-with-the-name"),
    pytest.param("衛福部社家署長簡慧娟指出，長照預算將增加。", ["簡慧娟"], id="a-units-head-after-its-ministry"),
    pytest.param("移民署長鐘景琨說明，查緝將加強。", ["鐘景琨"], id="a-known-units-head-fused-with-the-name"),
    pytest.param("交通局長期關注路口安全，局長表示將改善。", [""], id="long-term-is-no-head"),
    # the person a title names, though a body stands before and words of time after (今天受訪時)
    pytest.param("台大醫院急診部主任顏瑞昇今天受訪時指出，急診壅塞嚴重。", ["顏瑞昇"], id="title-then-adjuncts"),
    pytest.param("台積電財務長黃仁昭指出，毛利率將維持。", ["黃仁昭"], id="a-chief-officer"),
    pytest.param("柯文哲的妻子陳佩琪說，不會放棄。", ["陳佩琪"], id="a-person-of-a-person"),
])
def test_speakers(text, expected):
    assert list(quotes(frame(text))["speaker"]) == expected


@pytest.mark.parametrize("text, speaker", [
    ("家長代表王大明表示，學校應加強安全。", "王大明"), ("司機王先生說，路況不好。", "王先生"),
    ("公車駕駛張志明指出，路線太長。", "張志明"), ("市民表示，很滿意。", ""),
])
def test_a_group_word_before_a_name_leaves_the_speaker_to_the_name(text, speaker):
    assert list(quotes(frame(text))["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a body, a word for what someone is there, then their name: the person speaks
    ("高雄高工教師莫雅帆說，溪水異常要通報。", "莫雅帆"), ("高雄高工老師莫雅帆說，溪水異常要通報。", "莫雅帆"),
    ("外交部對柯拉克次卿來訪表達誠摯歡迎。", "外交部"),  # whom the body welcomes, after a preposition
    # a title that jieba cut across two words (顯宮里|長黃|柏甯)
    ("顯宮里長黃柏甯指出，里內有不少獨居長者。", "黃柏甯"), ("豐南村長宋德勇表示，橋梁沖毀後很不便。", "宋德勇"),
    ("家長會長柯品妤指出，若併校，學生要通勤。", "柯品妤"),
])
def test_the_person_after_a_body_or_a_cut_title_speaks(text, speaker):
    assert list(quotes(frame(text))["speaker"]) == [speaker]


@pytest.mark.parametrize("text, mention", [
    ("台大醫院一名急診主治醫師私下透露，急診已經滿床。", "台大醫院一名急診主治醫師"),  # counted: not the hospital
    ("一名市府官員坦言，「補貼預算確實吃緊。」", "市府官員"), ("警方人士透露，嫌犯已到案。", "警方人士"),
    ("市民表示，很滿意。", "市民"), ("一名經濟部官員說，電價不會調漲。", "經濟部官員"),  # not the ministry
    ("一名民進黨高層人士透露，名單將公布。", "民進黨高層人士"), ("柯文哲的律師表示，將上訴。", "柯文哲的律師"),
    ("鴻運國際人力仲介有限公司的游姓負責人則在電話中說，扣款都寫在契約裡。", "鴻運國際人力仲介有限公司的游姓負責人"),
    ("台電公司的陳姓員工表示，停電已修復。", "台電公司的陳姓員工"),  # its employee, not the company
])
def test_unnamed_speakers_are_the_group_as_written(text, mention):
    table = quotes(frame(text))
    assert list(zip(table["speaker"], table["speaker_mention"])) == [("", mention)]


def cues_of(text: str, title: str = "") -> list[tuple[str, str]]:
    table = quotes(frame(text, titles=(title,)))
    return list(zip(table["speaker"], table["cue"]))


@pytest.mark.parametrize("text, expected", [
    pytest.param("經濟部長王美花今天表示，產業布局不會改變，並重申政府會全力支持中小企業。",
                 [("王美花", "表示"), ("王美花", "重申")], id="second-verb-bing"),
    pytest.param("國民黨主席朱立倫今天在台中受訪時說，油電價格一再調漲，呼籲政府盡快提出配套。",
                 [("朱立倫", "說"), ("朱立倫", "呼籲")], id="second-verb-bare"),
    pytest.param("國台辦發言人馬曉光15日在例行記者會上稱，兩岸交流應當恢復正常。",
                 [("馬曉光", "稱")], id="time-place-between"),
    pytest.param("中共東部戰區今天宣布，在東海展開演習，國防部晚間表示，國軍已嚴密監控。",
                 [("東部戰區", "宣布"), ("國防部", "表示")], id="new-subject-ends-statement"),
    pytest.param("市長蔣萬安除了表示歡迎外賓，代表蔡英文政府致意以外，也承諾將擴大交流。",
                 [("蔣萬安", "表示"), ("蔣萬安", "承諾")], id="chule-yiwai"),
])
def test_later_clauses_and_fused_verbs(text, expected):
    assert [x for x in cues_of(text) if x[1] != "「」"] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("屏東縣長周春米表示，縣府已撤離山區居民逾千人，「寧可多撤一人，不要少撤一人」。",
                 [("周春米", "表示", "reported", "縣府已撤離山區居民逾千人"),
                  ("周春米", "表示", "quotation", "寧可多撤一人，不要少撤一人")], id="quoted-words-end-the-statement"),
    pytest.param("習近平說：「中美兩國應該相互尊重。中方尊重美國的利益。\n「同樣，美國也要尊重中國。」\n外交部表示，台灣歡迎。",
                 [("習近平", "說", "quotation", "中美兩國應該相互尊重。中方尊重美國的利益。"),
                  ("習近平", "說", "quotation", "同樣，美國也要尊重中國。"),
                  ("外交部", "表示", "reported", "台灣歡迎")], id="a-quotation-over-two-paragraphs"),
    pytest.param("習近平說：「中美兩國應該相互尊重。」\n「台灣黑熊」很可愛。",
                 [("習近平", "說", "quotation", "中美兩國應該相互尊重。")], id="a-closed-quotation-does-not-go-on"),
    pytest.param("外交部長吳釗燮說：「第一段話還沒說完\n第二段沒有引號，是記者的敘述。\n「這是另一件事情必須處理」，立委王美惠說。",
                 [("吳釗燮", "說", "quotation", "第一段話還沒說完"),
                  ("王美惠", "說", "quotation", "這是另一件事情必須處理")], id="only-into-the-next-paragraph"),
    pytest.param("外交部長吳釗燮說：「第一段話還沒說完\n「這是另一件事情必須處理」，立委王美惠說。",
                 [("吳釗燮", "說", "quotation", "第一段話還沒說完"),
                  ("王美惠", "說", "quotation", "這是另一件事情必須處理")], id="a-verb-after-it-wins"),
    pytest.param("記者詢問時，外交部長吳釗燮表示不清楚，但網友留言，「這根本是一場騙局吧」。",
                 [("吳釗燮", "表示", "reported", "不清楚，但網友留言"),
                  ("", "「」", "quotation", "這根本是一場騙局吧")], id="not-after-a-new-subject"),
    pytest.param('這款筆電搭載14"螢幕，華碩董事長施崇棠表示，銷售會成長。',
                 [("施崇棠", "表示", "reported", "銷售會成長")], id="an-inch-mark-is-no-quotation"),
    pytest.param("國民黨團批評『鏡電視案，行政院長蘇貞昌表示，會檢討。",
                 [("國民黨立法院黨團", "批評", "reported", "『鏡電視案"), ("蘇貞昌", "表示", "reported", "會檢討")],
                 id="an-unclosed-double-corner-mark-is-no-quotation"),
])
def test_quotations_that_go_on(text, expected):
    table = quotes(frame(text))
    assert list(zip(table["speaker"], table["cue"], table["kind"], table["quote"])) == expected


def test_a_channel_is_not_the_speaker():
    title = "紐約時報刊廣告:台灣值得信賴"
    text = "駐美代表處在最新一期「紐約時報」刊登全頁廣告，提到台灣是美國值得信賴的夥伴。"
    got = cues_of(text, title)
    assert got[0] == ("駐美代表處", ":")
    assert ("駐美代表處", "提到") in got


@pytest.mark.parametrize("block", [None, 1, 2, 7])
@pytest.mark.parametrize("unique", [True, False])
@pytest.mark.parametrize("rows_at_once", [200_000, 40])
@pytest.mark.parametrize("workers", [1, 2])
def test_actors_and_quotes_in_blocks_equal_actors_and_quotes(seed_file, block, unique, rows_at_once, workers,
                                                            monkeypatch):
    from analysis import quotations

    monkeypatch.setattr(quotations, "ROWS_AT_ONCE", rows_at_once)  # 40: the rows made columns in parts
    # the seed page and the test pages of other outlets: 100+ documents, repeated texts included
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = load_corpus([seed_file, seed_file, *sorted((Path(__file__).parent / "data" / "pages").glob("*.txt"))])
    mentions, said = actors_and_quotes(docs, block=block, unique=unique, workers=workers)  # 2: blocks in workers
    assert len(said) > 20 and len(mentions) > 200
    expected = {"mentions": actors(docs, unique=unique), "said": quotes(docs, unique=unique)}
    pd.testing.assert_frame_equal(mentions, expected["mentions"])
    pd.testing.assert_frame_equal(said, expected["said"])
    for table in (mentions, said):  # made in parts, written as made at once (see tests/test_tables.py)
        assert all(table[c].array._pa_array.num_chunks == 1 for c in table.columns
                   if isinstance(table[c].array, pd.arrays.ArrowStringArray))


def test_actors_and_quotes_in_workers_without_a_cache(seed_file):
    from analysis.settings import options

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the test pages' headlines that wrap
        docs = load_corpus([seed_file, *sorted((Path(__file__).parent / "data" / "pages").glob("*.txt"))])
    use_cache = options.use_cache
    options.use_cache = False  # each worker segments its block itself
    try:
        mentions, said = actors_and_quotes(docs, block=5, workers=2)
    finally:
        options.use_cache = use_cache
    pd.testing.assert_frame_equal(mentions, actors(docs))
    pd.testing.assert_frame_equal(said, quotes(docs))


@pytest.mark.parametrize("text, speaker", [
    ("民進黨籍市議員陳俞融質詢時指出，藍線規劃仍未核定。", "陳俞融"),
    ("律師王志中表示，這起案件的證據並不充分。", "王志中"),
    ("台北市副市長童薇炘受訪時回應，預算應該用在刀口上。", "童薇炘"),
])
def test_the_speaker_after_a_title_is_the_name_whole(text, speaker):
    table = quotes(pd.DataFrame({"doc_id": ["d0"], "title": [""], "text": [text]}))
    assert list(table["speaker"]) == [speaker]


def _said_as(text: str, title: str = "") -> list[tuple[str, str, str, str, str]]:
    table = quotes(frame(text, titles=(title,)))
    return list(zip(table["speaker"], table["speaker_mention"], table["cue"], table["kind"], table["quote"]))


@pytest.mark.parametrize("text, expected", [
    # after 「…」X說， the speaker goes on, and quoted words that end the sentence are theirs
    pytest.param("「我們不會漲價。」董事長王文淵說，但成本壓力確實存在，「明年再看市場情況」。",
                 [("王文淵", "王文淵", "說", "quotation", "我們不會漲價。"),
                  ("王文淵", "王文淵", "說", "reported", "但成本壓力確實存在"),
                  ("王文淵", "王文淵", "「」", "quotation", "明年再看市場情況")], id="the-speaker-goes-on"),
    pytest.param("「我們會再努力。」市長蔣萬安說，並隨即步出會場。",
                 [("蔣萬安", "蔣萬安", "說", "quotation", "我們會再努力。")], id="but-not-into-narration"),
    pytest.param("「我真的很對不起大家。」她說，眼眶泛紅。", [("", "她", "說", "quotation", "我真的很對不起大家。")],
                 id="nor-into-what-the-reporter-sees"),
    pytest.param("海委會主委管碧玲指出，海巡艦艇全程監控，中國海警船約兩小時後駛離，「海巡守護國門，不會退讓」。",
                 [("管碧玲", "管碧玲", "指出", "reported", "海巡艦艇全程監控，中國海警船約兩小時後駛離"),
                  ("管碧玲", "管碧玲", "指出", "quotation", "海巡守護國門，不會退讓")],
                 id="a-subject-inside-what-was-said-is-no-new-speaker"),
    pytest.param("「台灣不會屈服。」賴清德說，國軍已提高警戒，家屬則悲痛不已。",
                 [("賴清德", "賴清德", "說", "quotation", "台灣不會屈服。"),
                  ("賴清德", "賴清德", "說", "reported", "國軍已提高警戒")], id="up-to-a-clause-with-its-own-subject"),
    # 指 before a comma reports speech (not 這裡指的是)
    pytest.param("立法會議員陳克勤在社交媒體發文指，政府應加快興建公屋。這裡指的是公營房屋。",
                 [("陳克勤", "陳克勤", "指", "reported", "政府應加快興建公屋")], id="zhi-before-a-comma"),
    # whom it was said to is not who said it; whose lawyer
    pytest.param("死者的兒子向記者表示，父親生前很少出門。",
                 [("", "兒子", "表示", "reported", "父親生前很少出門")], id="said-to-a-reporter"),
    pytest.param("他的辯護律師林俊宏說：「我們會上訴。」",
                 [("林俊宏", "林俊宏", "說", "quotation", "我們會上訴。")], id="his-lawyer"),
    pytest.param("李女士的兒子表示，媽媽很堅強。", [("", "李女士的兒子", "表示", "reported", "媽媽很堅強")],
                 id="her-son-not-her"),
    pytest.param("柯文哲昨天出庭。他的辦公室發出聲明表示，尊重司法。",
                 [("柯文哲", "他", "表示", "reported", "尊重司法")], id="his-office-speaks-for-him"),
    pytest.param("陳翁美惠表示，她會繼續為鄉親服務。",
                 [("陳翁美惠", "陳翁美惠", "表示", "reported", "她會繼續為鄉親服務")],
                 id="a-married-womans-name-is-no-one-unnamed"),
    pytest.param("他所指，是去年的那次會議。紐約中華公所認為，僑社應團結。",
                 [("紐約中華公所", "紐約中華公所", "認為", "reported", "僑社應團結")],
                 id="what-he-meant-is-no-statement"),
    # someone the news leaves unnamed by a surname
    pytest.param("住在三重的林姓男子受訪時說，水一下子就淹到膝蓋。",
                 [("", "林姓男子", "說", "reported", "水一下子就淹到膝蓋")], id="an-unnamed-man"),
    pytest.param("「我不知道那是贓款。」陳男在警詢時說。",
                 [("", "陳男", "說", "quotation", "我不知道那是贓款。")], id="a-surname-and-man"),
    pytest.param("王某表示，他不知道那是贓款。",
                 [("", "王某", "表示", "reported", "他不知道那是贓款")], id="a-surname-and-mou"),
    # a verb with no subject of its own after what an earlier verb reports: the earlier verb's speaker, not a name
    # inside what it reports; but a clause a name opens speaks for itself
    pytest.param("台積電發表聲明表示，部分款項是因王大明違約而暫停撥付，公司將在法庭上說明，「不會隔空交火」。",
                 [("台積電", "台積電", "表示", "reported", "部分款項是因王大明違約而暫停撥付"),
                  ("台積電", "台積電", "說明", "quotation", "不會隔空交火")], id="not-a-name-inside-what-is-reported"),
    # a spokesperson written alone speaks for the one body whose spokesperson the document named
    pytest.param("台積電發言人回應，年終獎金依章程發放。發言人強調，今年沒有裁員計畫。",
                 [("台積電", "台積電", "回應", "reported", "年終獎金依章程發放"),
                  ("台積電", "發言人", "強調", "reported", "今年沒有裁員計畫")], id="a-spokesperson-alone"),
    pytest.param("台積電發言人與聯電發言人都說，沒有裁員。發言人強調，今年沒有計畫。",
                 [("台積電", "台積電", "說", "reported", "沒有裁員"),
                  ("", "發言人", "強調", "reported", "今年沒有計畫")],
                 id="the-spokespeople-of-two-bodies"),
    # after a quotation and 指 (Hong Kong's 說), the speaker goes on; a number of people speak unnamed
    pytest.param("「我們連冷氣都是自己買的。」何伯指，每月生果金扣除租金後所剩無幾。",
                 [("", "何伯", "指", "quotation", "我們連冷氣都是自己買的。"),
                  ("", "何伯", "指", "reported", "每月生果金扣除租金後所剩無幾")], id="he-goes-on-after-zhi"),
    pytest.param("兩人表示，是在社群平台看到徵人貼文。", [("", "兩人", "表示", "reported", "是在社群平台看到徵人貼文")],
                 id="two-people"),
    # a kind of body alone, or after 該, opening the clause: the one body of that kind the document names
    pytest.param("台灣外送平台協會發布聲明指出，報酬過高恐轉嫁消費者。協會並表示，尊重政府立法。",
                 [("台灣外送平台協會", "台灣外送平台協會", "指出", "reported", "報酬過高恐轉嫁消費者"),
                  ("台灣外送平台協會", "協會", "表示", "reported", "尊重政府立法")], id="the-association"),
    pytest.param("台積電與聯電今天公布營收。該公司表示，訂單回穩。",
                 [("台積電", "台積電", "公布", "reported", "營收"), ("", "該公司", "表示", "reported", "訂單回穩")],
                 id="one-of-two-companies"),
    pytest.param("企業工會今天抗議。工會理事長褚家瑋批評，公司獲利創新高。",
                 [("褚家瑋", "褚家瑋", "批評", "reported", "公司獲利創新高")], id="the-unions-head-speaks"),
    # the press asking is no statement: whoever answers speaks
    pytest.param("記者追問，發言人說，今年沒有裁員計畫。", [("", "發言人", "說", "reported", "今年沒有裁員計畫")],
                 id="the-press-asking"),
    pytest.param("王大明提到，布偶已帶進會場，今天台積電發出照片，證實布偶真的被帶進會場。",
                 [("王大明", "王大明", "提到", "reported", "布偶已帶進會場"),
                  ("台積電", "台積電", "證實", "reported", "布偶真的被帶進會場")], id="a-clause-a-name-opens"),
    pytest.param("立法院長韓國瑜今天透過幕僚轉述，他尊重院會決議。",
                 [("韓國瑜", "韓國瑜", "轉述", "reported", "他尊重院會決議")], id="through-his-staff"),
    # a body's spokesperson speaks for it
    pytest.param("港鐵公司發言人表示，列車服務已回復正常。",
                 [("港鐵公司", "港鐵公司", "表示", "reported", "列車服務已回復正常")], id="a-bodys-spokesperson"),
])
def test_more_ways_of_saying_who_said_it(text, expected):
    assert _said_as(text) == expected


@pytest.mark.parametrize("title, expected", [
    ("颱風假爭議 林俊憲：地方首長要負責", [("林俊憲", "林俊憲", "：", "quotation", "地方首長要負責")]),
    ("國民黨批政府失能", [("國民黨", "國民黨", "批", "reported", "政府失能")]),
    ("快訊：台北地震規模5.1", []),
    ("余震：花蓮再傳規模5地震", []),  # a topic, not a name
    # people the headline leaves unnamed, after a space or opening it
    ("颱風過後道路中斷　居民：三天沒水電", [("", "居民", "：", "quotation", "三天沒水電")]),
    ("學生家長：孩子不該買單", []),  # (a group with more before it: not read)
])
def test_headlines_that_say_who_said_it(title, expected):
    assert _said_as("本文。", title) == expected


@pytest.mark.parametrize("text, expected", [
    # a reported statement, then quoted words of its own clause: two statements of one speaker
    pytest.param("交通部長陳世凱昨天受訪時表示，票價會維持不變，「請旅客不必擔心漲價」。",
                 [("陳世凱", "陳世凱", "表示", "reported", "票價會維持不變"),
                  ("陳世凱", "陳世凱", "表示", "quotation", "請旅客不必擔心漲價")], id="reported-then-quoted"),
    # a verb in a condition inside what someone said reports nothing
    pytest.param("柯建銘說，在野黨若認為預算太多，可以提案刪減，「而不是天天喊口號」。",
                 [("柯建銘", "柯建銘", "說", "reported", "在野黨若認為預算太多，可以提案刪減"),
                  ("柯建銘", "柯建銘", "說", "quotation", "而不是天天喊口號")], id="a-condition-is-no-statement"),
    # a name in other letters in brackets between the name and the verb
    pytest.param("香港大學社會科學學院講師司徒子朗（Tsz-long Szeto）指出，租金持續上升。",
                 [("司徒子朗", "司徒子朗", "指出", "reported", "租金持續上升")], id="a-latin-name-in-brackets"),
    # an unnamed group opened by a count, and a surname with a courtesy title
    pytest.param("一名資深藍委私下透露，黨團仍有不同意見。", [("", "資深藍委", "透露", "reported", "黨團仍有不同意見")],
                 id="a-counted-group"),
    pytest.param("多名信義區居民向記者抱怨，巷口常塞車。", [("", "信義區居民", "抱怨", "reported", "巷口常塞車")],
                 id="a-counted-group-after-a-place"),
    pytest.param("住在觀塘的李太向記者說，她等了兩小時。", [("", "李太", "說", "reported", "她等了兩小時")],
                 id="a-surname-and-courtesy-title"),
    # a name no dictionary knows, opening a clause before the verb
    pytest.param("邱妤萱下午在臉書發文回應，自己從未收過任何款項。",
                 [("邱妤萱", "邱妤萱", "回應", "reported", "自己從未收過任何款項")],
                 id="an-unknown-name-before-its-verb"),
    pytest.param("「我們會再補件。」黃聖閔說。", [("黃聖閔", "黃聖閔", "說", "quotation", "我們會再補件。")],
                 id="an-unknown-name-after-the-quotation"),
    # a body no dictionary knows, before its spokesperson or verb
    pytest.param("水務處發言人表示，雨水渠已完成清理。", [("水務處", "水務處", "表示", "reported", "雨水渠已完成清理")],
                 id="an-unknown-bodys-spokesperson"),
    pytest.param("公路局北區養護工程分局表示，便道今晚開放。",
                 [("公路局北區養護工程分局", "公路局北區養護工程分局", "表示", "reported", "便道今晚開放")],
                 id="a-known-body-and-its-unit"),
])
def test_speakers_the_rules_did_not_know(text, expected):
    assert _said_as(text) == expected


@pytest.mark.parametrize("text", ["國內醫院表示，人力吃緊。", "這局比賽表示他狀況很好。", "單季第5轟說明了一切。",
                                  "中環街坊聯署表示反對。"])
def test_no_speaker_made_up_from_common_words(text):
    assert [who for who, *_ in _said_as(text) if who] == []


def test_a_condition_is_a_word_not_a_part_of_a_name():
    expected = [("鄧若涵", "鄧若涵", "說", "reported", "水溫連續三週超過30度")]
    assert _said_as("鄧若涵說，水溫連續三週超過30度。") == expected


@pytest.mark.parametrize("text, expected", [
    # a question and an answer in a council's session
    pytest.param("簡舒培質詢時問：「捷運什麼時候通車？」蔣萬安答：「我們會在年底前公布時程。」",
                 [("簡舒培", "簡舒培", "問", "quotation", "捷運什麼時候通車？"),
                  ("蔣萬安", "蔣萬安", "答", "quotation", "我們會在年底前公布時程。")], id="asked-and-answered"),
    # a counted group with a modifier, and a surname, 姓 and a title
    pytest.param("一名長期經營夜市的攤商透露，租金已經漲了三成。",
                 [("", "長期經營夜市的攤商", "透露", "reported", "租金已經漲了三成")],
                 id="a-counted-group-with-its-modifier"),
    pytest.param("王姓議員說，他會再質詢局長。", [("", "王姓議員", "說", "reported", "他會再質詢局長")],
                 id="a-surname-and-a-title-unnamed"),
    # after 「…」X強調， the speaker goes on
    pytest.param("「這不是補助，是投資。」卓榮泰強調，政府明年會再加碼。",
                 [("卓榮泰", "卓榮泰", "強調", "quotation", "這不是補助，是投資。"),
                  ("卓榮泰", "卓榮泰", "強調", "reported", "政府明年會再加碼")], id="he-goes-on-after-any-verb"),
    # where it was said, with 的 and a place inside, between the name and the verb
    pytest.param("台灣大學公共衛生學院流行病學研究室研究員林奏延今天在台北舉行的記者會上指出，流感疫苗仍有餘量。",
                 [("林奏延", "林奏延", "指出", "reported", "流感疫苗仍有餘量")], id="an-occasion-before-the-verb"),
    # a title in quotation marks inside a statement is not a quotation of its own
    pytest.param("經濟部長郭智輝表示，經濟部已推動「中小企業數位轉型計畫」，並會再加碼。",
                 [("郭智輝", "郭智輝", "表示", "reported", "經濟部已推動「中小企業數位轉型計畫」，並會再加碼")],
                 id="a-title-quoted-inside-a-statement"),
    # quoted words ending a clause of a statement, before a comma
    pytest.param("林佳龍受訪時說，他正在準備，「出訪的行程還沒有完全確定」，但會盡快公布。",
                 [("林佳龍", "林佳龍", "說", "reported", "他正在準備"),
                  ("林佳龍", "林佳龍", "說", "quotation", "出訪的行程還沒有完全確定")], id="quoted-words-mid-sentence"),
])
def test_more_shapes_of_who_said_it(text, expected):
    assert _said_as(text) == expected


def test_a_reminder_issued_is_no_one_reminding():
    text = "侯友宜批評，市府接到通報，卻沒有即時發布提醒，「至少應該讓家長知道可以彈性上學」。"
    said_by = [who for who, *_ in _said_as(text)]
    assert set(said_by) == {"侯友宜"}


@pytest.mark.parametrize("text, expected", [
    # a name given in place of a person's own, found again on its own
    pytest.param("台中的外送員阿凱（化名）說，他每天跑12小時。阿凱說，收入不如預期。",
                 [("阿凱", "阿凱", "說", "reported", "他每天跑12小時"),
                  ("阿凱", "阿凱", "說", "reported", "收入不如預期")],
                 id="a-pseudonym"),
    # the verb opening a sentence, its subject left out: the speaker of the sentence before
    pytest.param("陳時中表示，疫苗已經到貨。並表示，下週開打。",
                 [("陳時中", "陳時中", "表示", "reported", "疫苗已經到貨"),
                  ("陳時中", "陳時中", "表示", "reported", "下週開打")],
                 id="a-sentence-without-its-subject"),
    # Hong Kong's forms of address for people left unnamed, also right before the verb
    pytest.param("70歲的梁伯說，他每個月要覆診兩次。", [("", "梁伯", "說", "reported", "他每個月要覆診兩次")],
                 id="an-elder-by-surname"),
    # a place after 在 is where someone is, not who speaks
    pytest.param("「菜價又漲了。」在三重賣菜的林太太說。", [("", "林太太", "說", "quotation", "菜價又漲了。")],
                 id="where-the-speaker-is"),
    # a known body and its unit with a place's name
    pytest.param("台北市政府警察局信義分局表示，已調閱監視器。",
                 [("台北市政府警察局信義分局", "台北市政府警察局信義分局", "表示", "reported", "已調閱監視器")],
                 id="a-body-its-unit-and-a-place"),
])
def test_people_the_news_does_not_name_in_full(text, expected):
    assert _said_as(text) == expected


@pytest.mark.parametrize("text", ["許多人說，年終獎金恐怕又要縮水。", "轄區分局表示，已調閱監視器。",
                                  "球員最近承受不少壓力，「今天這場勝利對球隊士氣很重要」。"])
def test_no_speaker_from_words_for_people_or_things(text):
    assert [who for who, *_ in _said_as(text) if who] == []


def test_a_surname_and_title_goes_to_the_one_person_of_that_surname():
    said = _said_as("陳其邁今天到議會備詢。陳市長強調，工期年底前確定。")
    assert [(who, as_written) for who, as_written, *_ in said] == [("陳其邁", "陳市長")]


def test_a_known_name_is_not_read_as_a_married_name():
    assert [who for who, *_ in _said_as("區議員何江明亦指出，政府要交代。")] == ["何江明"]


def test_a_place_before_whom_it_describes_does_not_speak():
    text = "與孫兒同住牛頭角道一個劏房的何伯說，業主要加租。"
    assert _said_as(text) == [("", "何伯", "說", "reported", "業主要加租")]


def test_a_place_speaks_after_a_date_in_brackets():
    assert [who for who, *_ in _said_as("美方今天(8日)宣布，克拉夫特將訪台。")] == ["美國"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("在同區住了半世紀的何伯慨嘆，街坊都搬走了。", [("", "何伯", "慨嘆", "reported", "街坊都搬走了")],
                 id="a-courtesy-title-before-a-verb-of-feeling"),
    pytest.param("陳時中到場。他在記者會尾聲笑說，疫苗一定夠。",
                 [("陳時中", "他", "說", "reported", "疫苗一定夠")], id="how-he-said-it"),
    # where the facts come from is not who speaks; a bureau every city has speaks unnamed
    pytest.param("根據中央氣象署資料，週末鋒面接近，水利局提醒居民提前準備。",
                 [("", "水利局", "提醒", "reported", "居民提前準備")], id="a-source-of-facts-is-no-speaker"),
    # the verb that says it comes later in the clause
    pytest.param("屋宇署回覆本報查詢指，已向業主發出命令。",
                 [("屋宇署", "屋宇署", "指", "reported", "已向業主發出命令")], id="replied-to-an-enquiry-saying"),
])
def test_how_and_where_from(text, expected):
    assert _said_as(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb that takes a noun: what was admitted or denied is no statement; the verb after it says something
    ("林男到案後坦承犯行，全案依法送辦。", []),
    ("王姓男子坦承犯案，警方依詐欺罪嫌送辦。", []),
    ("陳男否認犯行，辯稱只是借錢。", [("陳男", "只是借錢")]),
    ("林嫌坦承犯案，並說是因為缺錢。", [("林嫌", "是因為缺錢")]),
    ("他坦承自己一時糊塗，願意道歉。", [("他", "自己一時糊塗，願意道歉")]),  # a clause, not a noun
])
def test_an_admission_of_a_noun_is_no_statement(text, expected):
    table = quotes(frame(text))
    assert list(zip(table["speaker_mention"], table["quote"])) == expected


@pytest.mark.parametrize("text, expected", [
    # a surname and a title of courtesy after another title, which jieba may glue to the surname (律師王|先生)
    ("委任律師王先生說，會上訴。", [("王先生", "會上訴")]),
    ("退休教師李先生受訪時說，他很擔心。", [("李先生", "他很擔心")]),
])
def test_a_courtesy_name_after_a_title_speaks(text, expected):
    table = quotes(frame(text))
    assert list(zip(table["speaker"], table["quote"])) == expected


@pytest.mark.parametrize("text, speaker", [
    # people left unnamed: a surname and what they do, a count and who they are, a long description before them
    ("住在冬山鄉茄苳村的吳姓老農說，家裡從昨晚停電到現在。", "吳姓老農"),
    ("參與抗議的一名部落青年說，族人不是反對所有建設。", "部落青年"),
    ("一名在王功養蚵超過30年的蚵農說，這片海是他們一家三代的飯碗。", "蚵農"),
    # the group after 的 heads the subject, not one inside what describes it
    ("研究青年移動的學者指出，打工度假原本是文化交流。", "學者"),
])
def test_unnamed_speakers_of_trades_and_ages(text, speaker):
    table = quotes(frame(text))
    assert len(table) == 1 and table["speaker"].iloc[0] == "" and table["speaker_mention"].iloc[0].endswith(speaker)


@pytest.mark.parametrize("text, cue", [
    ("她促請環境局參考首階段經驗，給予業界半年寬限期。", "促請"),  # Hong Kong's "urges"
    ("她今日在社群平台發文，指控公司扣留她8個月演出酬勞。", "指控"),
])
def test_verbs_of_urging_and_accusing_report_speech(text, cue):
    assert [c for _, _, c, _, _ in said(text)] == [cue]




@pytest.mark.parametrize("text, pronoun_quote", [
    # a pronoun after someone left unnamed is theirs, not the person named before them
    ("金門縣長陳福海說，縣府已與對岸聯繫。船長的妻子許太太在親友陪同下受訪，她哽咽說：「他出海三十年，從來沒有出過事。」",
     "他出海三十年"),
    ("醫管局總監徐樂堅說，會加床。在急症室外等候的李太帶同兒子求診，她說由凌晨1時等到中午仍未見醫生。", "由凌晨1時"),
    ("醫管局總監徐樂堅說，會加床。一名吳姓母親說，買不到藥。她坦言，女兒換藥後又發作兩次。", "女兒換藥後"),
])
def test_a_pronoun_after_someone_unnamed(text, pronoun_quote):
    table = quotes(frame(text))
    assert table.loc[table["quote"].str.startswith(pronoun_quote), "speaker"].tolist() == [""]


def test_a_pronoun_after_a_named_person_is_theirs():
    table = quotes(frame("市長陳其邁說，會處理。他強調，預算足夠。"))
    assert table["speaker"].tolist() == ["陳其邁", "陳其邁"]


@pytest.mark.parametrize("text, speaker, cue", [
    # a reporting verb whose first letter jieba glued to the name before it (闕宛|蓉認|為)
    ("國立彰化師範大學生物學系副教授闕宛蓉認為，能源轉型與生態保育不必二選一。", "闕宛蓉", "認為"),
    # figures and examples reported by who gives them, before a comma
    ("富里鄉農會初步統計，全鄉約有1200公頃稻田受損。", "富里鄉農會", "統計"),
    ("魏苡萱舉例，南投縣一座媽祖廟曾因類似爭議纏訟多年。", "魏苡萱", "舉例"),
    # Hong Kong's prosecution, unnamed
    ("控方透露，警方在被告身上驗出酒精。", "", "透露"),
])
def test_more_reporting_verbs_and_speakers(text, speaker, cue):
    assert [(s, c) for s, _, c, _, _ in said(text)] == [(speaker, cue)]


@pytest.mark.parametrize("text", ["根據統計，今年死亡人數增加。", "大門僅貼出一紙「內部整修」公告，會員損失慘重。"])
def test_statistics_and_notices_as_nouns_report_nothing(text):
    assert said(text) == []


def test_a_headlines_title_is_the_first_holder_its_story_names():
    # two councillors in the story: the headline's 議員 is the one its lead names
    table = quotes(frame("新北市議會今天進行總質詢，新北市議員邢若嵐關注積水問題。市議員溫家瑜也說，應加強清淤。",
                         titles=("議員轟市府：抽水站蓋好卻形同虛設",)))
    assert set(table.loc[table["field"] == "title", "speaker"]) == {"邢若嵐"}  # (轟 and the colon: two statements)


def test_a_title_before_a_dotted_name_is_its_holders():
    table = quotes(frame("神木村長沙力·伊斯瑪哈單說，土石流發生時很可怕。", titles=("村長：路斷了我們出不去",)))
    assert table.loc[table["field"] == "title", "speaker"].tolist() == ["沙力·伊斯瑪哈單"]


@pytest.mark.parametrize("text, mention", [
    # a group with a 的 later in its clause still speaks (the 的 heads no group or title there)
    ("警方在昨天的記者會上表示，嫌犯已落網。", "警方"),
    ("水利局在稍早的新聞稿中提醒，民眾注意。", "水利局"),
    ("市府官員在今天的市政會議中指出，預算不足。", "市府官員"),
])
def test_a_group_speaks_over_a_later_de(text, mention):
    assert [(s, m) for s, m, _, _, _ in said(text)] == [("", mention)]


@pytest.mark.parametrize("text, speakers", [
    # someone unnamed as an object, inside a quotation or of the other sex leaves a pronoun to the person named
    ("消防隊員林大明昨天救出一名受困的民眾。他說，當時火勢很大。", ["林大明"]),
    ("市長盧秀燕今天探視一名受傷的學生。她說，市府會全力協助。", ["盧秀燕"]),
    ("里長王大同說，李太在巷口跌倒後送醫。他說，路面要改善。", ["王大同", "王大同"]),
    ("衛生局長王大明說，民眾夏天要注意飲食衛生。他強調，要勤洗手。", ["王大明", "王大明"]),
])
def test_a_pronoun_keeps_its_named_person(text, speakers):
    assert quotes(frame(text))["speaker"].tolist() == speakers


@pytest.mark.parametrize("text, speaker", [
    # a body speaking about a person the words before 的 name keeps the statement
    ("陸委會針對中共的習近平講話表示，台灣不會接受一國兩制。", "陸委會"),
    ("外交部對日本的石破茂發言表示歡迎。", "外交部"),
])
def test_a_body_speaks_about_a_person(text, speaker):
    assert quotes(frame(text))["speaker"].tolist() == [speaker]


def test_a_headlines_title_goes_to_its_exact_holder():
    text = "副總統蕭美琴今天前往花蓮勘災。總統賴清德表示，國軍將全力協助。"
    table = quotes(frame(text, titles=("總統：國軍將全力救災",)))
    assert set(table.loc[table["field"] == "title", "speaker"]) == {"賴清德"}


@pytest.mark.parametrize("text", ["副教授闕宛蓉認為的方向，與政府不同。", "店家在門口張貼公告，表示即日起暫停營業。"])
def test_no_statement_from_a_verb_used_as_a_modifier_or_a_notice(text):
    assert [c for _, _, c, _, _ in said(text)] in ([], ["表示"])
