"""A company's short forms in its document (analysis.companyforms), through analysis.actors and analysis.quotes."""

import pandas as pd

from analysis import actors, quotes
from analysis.companyforms import company_forms


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


def test_no_form_that_the_dictionary_holds_as_another_word():
    # 鴻運 is a word for luck: 鴻運國際 is the company's, 鴻運 alone is not
    table = actors(frame("鴻運國際人力仲介有限公司遭搜索。祝大家鴻運當頭，鴻運國際也回應。"))
    assert list(zip(table["mention"], table["actor"])) == [
        ("鴻運國際人力仲介有限公司", "鴻運國際人力仲介有限公司"), ("鴻運國際", "鴻運國際人力仲介有限公司")]


def test_company_forms_reads_the_words_of_the_name_only():
    from collections import namedtuple

    m = namedtuple("M", "start end actor type")
    text = "雙鴻科技(3324-TW)營收創高"
    words = ["雙鴻", "科技", "(", "3324", "-", "TW", ")", "營收", "創高"]
    assert company_forms(text, words, [m(0, 4, "雙鴻科技", "organisation")]) == {"雙鴻科技": "雙鴻科技",
                                                                                "雙鴻": "雙鴻科技"}
    assert company_forms(text, words, [m(0, 4, "雙鴻科技", "place")]) == {}
    assert company_forms("雙鴻科技營收創高", ["雙鴻", "科技", "營收", "創高"],
                         [m(0, 4, "雙鴻科技", "organisation")]) == {}  # no form nor stock code: not a company
