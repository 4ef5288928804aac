"""name_after_title (analysis/titlednames.py) and the names it gives the actors after a title.

The sentences are written for these tests; the names are made up, and cut by jieba in each of the ways
the module describes.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import actors, quotes
from analysis.titlednames import listed_name, name_after_title

from .test_actors import frame


@pytest.mark.parametrize("text, pos, end", [
    ("市議員陳俞融質詢時指出", 3, 6),        # a surname and a given name of two, before an occasion
    ("律師王志中表示", 2, 5),                # before a reporting verb
    ("醫師黃軒強調", 2, 4),                  # a given name of one: 黃軒強 leaves 調
    ("教練李明上週呼籲", 2, 4),              # 上週 is a word of its own: not 李明上
    ("主任辜美近來澄清", 2, 4),              # 近來, from jieba's dictionary of time words
    ("社長范姜耀育首度透露", 2, 6),          # a compound surname
    ("議長王建國18日說", 2, 5),              # 國 ends given names, and a digit follows
    ("議員張家銨", 2, 5),                    # the text's end
])
def test_a_name_after_a_title(text, pos, end):
    assert name_after_title(text, pos) == end


@pytest.mark.parametrize("text, pos", [
    ("議員方面表示", 2),      # a common word, not a name
    ("部長高度肯定", 2),      # nothing a name is followed by after 高度肯 or 高度
    ("主任黃也說", 2),        # 也 is no given name
    ("院長甘願下台", 2),
    ("議員們表示", 2),        # no surname
    ("代表何種意義", 2),
])
def test_no_name_after_a_title(text, pos):
    assert name_after_title(text, pos) is None


@pytest.mark.parametrize("text, person", [
    ("民進黨籍市議員陳俞融質詢時指出，藍線規劃仍未核定。", "陳俞融"),   # 市議員陳|俞融
    ("國民黨籍議員張家銨則認為，審查標準比較嚴格。", "張家銨"),        # 議員|張家|銨
    ("律師王志中表示，這起案件的證據並不充分。", "王志中"),            # 律師王|志|中
    ("主計總處主計長陳淑姿稍早表示，將協助各部會評估。", "陳淑姿"),    # 主計長 is a title
    ("該公司會長謝達雅透露，細節尚未公布。", "謝達雅"),                # 會|長謝|達雅: the title cut
    ("高雄市縣議員曾文庭受訪時說，政策影響很大。", "曾文庭"),          # 曾文|庭受|訪時
    ("校長龔偉嘉會後透露，細節尚未公布。", "龔偉嘉"),                  # 龔|偉嘉會|後
])
def test_the_person_after_a_title_is_named_whole(text, person):
    table = actors(frame(text))
    assert person in set(table.loc[table["type"] == "person", "actor"])


@pytest.mark.parametrize("text", [
    "議員方面表示將持續監督。", "記者王明台北報導。", "部長會議決定延後實施。", "處長官邸昨晚遭竊。",
])
def test_no_person_where_a_title_is_followed_by_no_name(text):
    table = actors(frame(text))
    assert "person" not in set(table["type"])


def test_a_name_found_after_a_title_is_found_again_where_it_stands_alone():
    text = "疾管署副署長鄭喆文在記者會上表示，疫情升溫。鄭喆文說：「重症前兆包括嗜睡。」"
    table = actors(frame(text))
    people = table[table["type"] == "person"]
    assert list(people["mention"]) == ["鄭喆文", "鄭喆文"] and list(people["evidence"]) == ["title", "title"]
    said = quotes(frame(text))
    assert list(said["speaker"]) == ["鄭喆文", "鄭喆文"]


def test_a_name_of_three_letters_found_by_a_rule_is_found_again_where_jieba_cuts_it_into_other_words():
    # 的|謝秋|鳳站|在, 因溫|予澄|去年: the name is the document's wherever it is written
    text = "在竹田村種稻超過30年的謝秋鳳站在田埂上。謝秋鳳說，看天吃飯。"
    table = actors(frame(text))
    assert list(table.loc[table["type"] == "person", "mention"]) == ["謝秋鳳", "謝秋鳳"]
    text = "所謂扣留酬勞是因溫予澄去年多次缺席。創作歌手溫予澄表示，她會提告。"
    table = actors(frame(text))
    assert list(table.loc[table["type"] == "person", "start"]) == [text.index("溫予澄"), text.rindex("溫予澄")]


def test_a_shorter_name_inside_one_found_again_gives_way():
    text = "工會理事長張簡文彬指出，平台決定派單。「平台拿走了利潤。」張簡文彬說，工會要求立法。"
    # (the third: he goes on, 工會要求立法)
    assert list(quotes(frame(text))["speaker"]) == ["張簡文彬", "張簡文彬", "張簡文彬"]


def test_a_name_is_not_found_again_inside_another():
    table = actors(frame("議員王志中表示，支持。王志中華路段將封閉。"))
    assert list(table.loc[table["type"] == "person", "mention"]) == ["王志中"]


@pytest.mark.parametrize("text, person", [
    ("高院發言人司馬青峰法官表示，合議庭認定被告收受款項。", "司馬青峰"),   # a name between two titles
    ("仁愛鄉長伊凡．達道今天上午表示，三個部落受困。", "伊凡．達道"),        # the parts of a name apart by a dot
])
def test_more_names_after_a_title(text, person):
    assert list(quotes(frame(text))["speaker"]) == [person]


@pytest.mark.parametrize("text, person", [
    ("南投縣消防局第二大隊分隊長翁嘉甫指出，消防人員已進入部落。", "翁嘉甫"),      # a role by its ending: 分隊長
    ("香港中華總商會副會長鄺志強接受訪問時說，新關稅勢必影響企業。", "鄺志強"),    # 鄺, read after a title
    ("審判長鄔欣瑀宣判時指出，被告酒測值高達0.87毫克。", "鄔欣瑀"),
    ("長期研究台灣偶戲的策展人東方明指出，補助固然重要。", "東方明"),
])
def test_the_speaker_after_a_role(text, person):
    assert list(quotes(frame(text))["speaker"]) == [person]


@pytest.mark.parametrize("text", [
    "台北市長蔣萬安今天視察防汛整備。市長向媒體表示，市府已做好準備。", "外交部長和國防部長今天一同出席記者會。",
    "董事長魏哲家出席股東會。董事長向股東表示，AI需求強勁。",
])
def test_words_after_a_title_that_are_no_name(text):
    people = set(actors(frame(text)).query("type == 'person'")["mention"])
    assert not people & {"向媒體", "和國防", "向股東"}


@pytest.mark.parametrize("text, start, end, expected", [
    ("，范承祐與鍾語彤一度互嗆", 5, 8, (1, 4)),  # before a person named, opening its clause
    ("候選人鍾語彤與范承祐一度互嗆", 3, 6, (7, 10)),  # after one
    ("由歐陽靖和鍾語彤主持", 5, 8, (1, 4)),  # a surname of two letters
    ("會議由張三和鍾語彤主持", 6, 9, None),  # a given name of one letter after a surname of one
    ("台北市與鍾語彤一起", 4, 7, None),  # no surname
    ("選舉與鍾語彤無關", 3, 6, None),
    ("鍾語彤和陳情書一起送出", 0, 3, None),  # no given name's shape (書 ends none)
])
def test_a_name_in_a_list_beside_a_person(text, start, end, expected):
    assert listed_name(text, start, end) == expected


def test_a_name_in_a_list_with_a_person_named_elsewhere_is_a_person_its_document_knows():
    # 鍾語彤 is read after her title in one paragraph; 范承祐 beside her in another; then 范承祐 alone
    text = ("國民黨候選人鍾語彤說，要改善。\n民進黨提名的范承祐則把矛頭指向地方派系，批評過去十年人口暴增。\n"
            "范承祐與鍾語彤一度為了預算爭執。")
    table = actors(pd.DataFrame({"doc_id": ["d0"], "title": [""], "text": [text]}))
    fan = table[table["mention"] == "范承祐"]
    assert len(fan) == 2 and set(fan["evidence"]) == {"listed"}
    said = quotes(pd.DataFrame({"doc_id": ["d0"], "title": [""], "text": [text]}))
    # the person the words before 的 describe heads the subject, not the party that nominated him
    assert said.loc[said["quote"].str.startswith("過去十年"), "speaker"].tolist() == ["范承祐"]


@pytest.mark.parametrize("text, person", [
    ("捷運局長江明哲回應，輕軌二期進度已達83%。", "江明哲"),  # 局長 and a surname that jieba cuts as 長江
    ("第三分局偵查隊長歐陽靖表示，警方接獲報案。", "歐陽靖"),  # a surname of two, a place's word to jieba
    ("日本經濟產業省官員中西悠斗接受訪問時說，日方將公布。", "中西悠斗"),  # a Japanese name after 官員
])
def test_names_after_fused_and_generic_titles(text, person):
    assert person in actors(pd.DataFrame({"doc_id": ["d0"], "title": [""], "text": [text]}))["mention"].tolist()


@pytest.mark.parametrize("text", ["申請書上的簽名不是她的。", "交通局長期以來沒有改善。", "他們發表白皮書說明立場。"])
def test_no_person_in_documents_or_words_after_a_units_head(text):
    table = actors(pd.DataFrame({"doc_id": ["d0"], "title": [""], "text": [text]}))
    assert table[table["type"] == "person"].empty
