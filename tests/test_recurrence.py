"""The evidence about a recurring line: how lines are compared, how related the pages holding one are."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.recurrence import Pages, line_key, line_keys, story_share

LETTERS = st.sampled_from(list("台灣新聞已有人分享讚，。！？：:（）() 　０１２３0123456789,.ＡａA…」\u200b")
                          + [chr(c) for c in range(0x110000) if chr(c).isspace()])  # every space Python splits on


@settings(max_examples=300, deadline=None)
@given(st.lists(LETTERS, max_size=30).map("".join))
def test_a_line_has_the_same_key_one_at_a_time_and_a_crawl_at_once(line):
    """The crawl's lines are keyed by pyarrow and counted by the keys' hashes; a candidate's key is made again
    one line at a time: the two must agree, or a line the site prints would be found and not taken out."""
    parents, keys, _ = line_keys(pd.Series([line.replace("\n", " ")]))
    assert keys.to_pylist() == [line_key(line.replace("\n", " "))]


def test_keys_fold_widths_spaces_and_a_counters_number_not_a_row_of_data():
    assert line_key(" 已有３,８１７人分享\u3000LINE ") == line_key("已有93人分享 LINE") == "已有0人分享 LINE"
    assert line_key("第一區：03 11 17") == "第一區:03 11 17"
    assert line_key("今日新增3例。") != line_key("今日新增4例。")  # a sentence's numbers as written


def test_pages_tell_related_pages_and_a_line_inside_the_article():
    texts = ["颱風山陀兒登陸高雄，全台停班停課。\n▌事件始末\n據了解，高雄市區多處淹水。\n下載APP",
             "颱風山陀兒遠離，高雄災損逾億元。\n▌事件始末\n據了解，農損持續統計中。\n下載APP",
             "台股今天大漲三百點，外資買超。\n相關內容如下：\n第一點\n下載APP"]
    docs = pd.DataFrame({"title": ["山陀兒登陸", "山陀兒遠離", "台股大漲"], "text": texts})
    pages = Pages(docs, recurring={"▌事件始末", "下載APP", "第一點"}, wide={"下載APP"})
    assert pages.inside("▌事件始末", np.array([0, 1]))
    assert not pages.inside("下載APP", np.array([0, 1, 2]))
    assert pages.inside("第一點", np.array([2]))  # after its lead-in (…如下：)
    assert pages.shared(np.array([0, 1])) > pages.shared(np.array([0, 2]))
    assert story_share("颱風山陀兒登陸高雄", np.array([0, 1, 2]), dict(enumerate(docs["title"]))) == 2 / 3
