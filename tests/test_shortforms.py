"""A body's short forms in its document (analysis.shortforms), through analysis.actors and analysis.quotes."""

import pandas as pd

from analysis import actors, quotes
from analysis.shortforms import short_forms


def frame(text: str, title: str = "") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d0"], "title": [title], "text": [text]})


def test_a_listed_companys_name_and_first_word_are_the_company_everywhere_in_its_document():
    text = ("被動元件大廠宏曜電子（3791）今天召開法說會。宏曜電子董事長閔振豪坦言，車用需求疲弱。"
            "宏曜發言人回應，年終獎金依公司章程發放。")
    table = actors(frame(text, title="宏曜電子第三季獲利年減2成"))
    bodies = table[table["type"] == "organisation"]
    assert list(zip(bodies["field"], bodies["mention"], bodies["actor"])) == [
        ("title", "宏曜電子", "宏曜電子"), ("text", "宏曜電子", "宏曜電子"), ("text", "宏曜電子", "宏曜電子"),
        ("text", "宏曜", "宏曜電子")]
    said = quotes(frame(text))
    assert said.loc[said["speaker_mention"] == "宏曜", "speaker"].tolist() == ["宏曜電子"]


def test_a_company_by_its_legal_form_then_by_the_first_words_of_its_name():
    text = "歌手控告前東家星曜娛樂經紀股份有限公司扣薪。星曜娛樂發言人表示，合約合法。星曜強調不會退讓。"
    table = actors(frame(text))
    bodies = table[table["type"] == "organisation"]
    assert list(zip(bodies["mention"], bodies["actor"])) == [
        ("星曜娛樂經紀股份有限公司", "星曜娛樂經紀股份有限公司"), ("星曜娛樂", "星曜娛樂經紀股份有限公司"),
        ("星曜", "星曜娛樂經紀股份有限公司")]
    assert quotes(frame(text))["speaker"].tolist() == ["星曜娛樂經紀股份有限公司"] * 2


def test_a_companys_first_words_and_the_word_of_its_trade():
    # 川澄|感測|科技: a verb of two letters after a name's word is inside the name; 鼎晟|投顧 adds its trade
    text = "與在地的川澄感測科技股份有限公司合作。川澄感測總經理說，很好。"
    table = actors(frame(text))
    assert list(zip(table["mention"], table["actor"])) == [
        ("川澄感測科技股份有限公司", "川澄感測科技股份有限公司"), ("川澄感測", "川澄感測科技股份有限公司")]
    table = actors(frame("鼎晟投資顧問有限公司遭搜索。鼎晟投顧負責人表示，會配合調查。"))
    assert list(zip(table["mention"], table["actor"])) == [
        ("鼎晟投資顧問有限公司", "鼎晟投資顧問有限公司"), ("鼎晟投顧", "鼎晟投資顧問有限公司")]
    assert list(actors(frame("公司持續研發感測科技有限公司的產品。"))["mention"]) == []  # (研發|感測: no name)


def test_no_form_that_the_dictionary_holds_as_another_word():
    # 鴻運 is a word for luck: 鴻運國際 is the company's, 鴻運 alone is not
    table = actors(frame("鴻運國際人力仲介有限公司遭搜索。祝大家鴻運當頭，鴻運國際也回應。"))
    assert list(zip(table["mention"], table["actor"])) == [
        ("鴻運國際人力仲介有限公司", "鴻運國際人力仲介有限公司"), ("鴻運國際", "鴻運國際人力仲介有限公司")]


def test_a_units_own_name_alone_is_the_unit_of_the_body_named_before():
    text = "工會向桃園市政府勞動局申請調解。勞動局表示，已排定下月召開調解會議。"
    table = actors(frame(text))
    assert list(zip(table["mention"], table["actor"])) == [("桃園市政府勞動局", "桃園市政府勞動局"),
                                                         ("勞動局", "桃園市政府勞動局")]
    assert quotes(frame(text))["speaker"].tolist() == ["桃園市政府勞動局"]


def test_a_short_form_two_bodies_of_the_document_share_names_neither():
    text = "新北市政府水利局與台北市政府水利局會商。水利局指出，抽水站已啟動。"
    table = actors(frame(text))
    assert list(table["mention"]) == ["新北市政府水利局", "台北市政府水利局"]
    assert quotes(frame(text))["speaker"].tolist() == [""]


def test_a_form_bodies_of_two_fields_share_names_neither():
    docs = pd.DataFrame({"doc_id": ["d0"], "title": ["台北市政府水利局抽水站全開"],
                         "text": ["新北市政府水利局表示，抽水站已啟動。水利局指出，雨量驚人。"]})
    assert "水利局" not in set(actors(docs)["mention"])
    assert quotes(docs)["speaker"].tolist() == ["新北市政府水利局", ""]


def test_short_forms_reads_the_words_of_the_name_only():
    from collections import namedtuple

    m = namedtuple("M", "start end actor type evidence")
    text = "雙鴻科技(3324-TW)營收創高"
    words = ["雙鴻", "科技", "(", "3324", "-", "TW", ")", "營收", "創高"]
    company = m(0, 4, "雙鴻科技", "organisation", "suffix")
    assert short_forms(text, words, [company]) == {"雙鴻科技": "雙鴻科技", "雙鴻": "雙鴻科技"}
    assert short_forms(text, words, [company._replace(type="place")]) == {}
    assert short_forms("雙鴻科技營收創高", ["雙鴻", "科技", "營收", "創高"], [company]) == {}  # no form nor code
    # a unit's ends of three letters or more on a word; not of a body a dictionary knows
    unit = m(0, 12, "台中市政府警察局第三分局", "organisation", "suffix")
    words = ["台中市政府", "警察局", "第三分", "局", "今天"]
    assert short_forms("台中市政府警察局第三分局今天", words, [unit]) == {"警察局第三分局": "台中市政府警察局第三分局",
                                                                 "第三分局": "台中市政府警察局第三分局"}
    assert short_forms("台中市政府警察局第三分局今天", words, [unit._replace(evidence="dictionary")]) == {}
