"""A table's cells as fields' values: paragraphs, HTML left in cells, bylines, nested records."""

from __future__ import annotations


import pytest

from analysis.tabular_cells import flatten, html_text, paragraphs, reporters


@pytest.mark.parametrize("cell, expected", [
    ("颱風&quot;凱米&quot;來襲&amp;停課", '颱風"凱米"來襲&停課'),
    ("第一段<br><br>第二段<br />第三段", "第一段\n第二段\n第三段"),
    ("<p>第一段</p>\n<p>第二段 <a href='/x'>連結</a></p>", "第一段\n第二段 連結"),
    ("A&nbsp;B&#39;s", "A B's"),
    ("<script>var x = 1;</script>本文", "本文"),
    ("5 < 6 & 7 > 2", "5 < 6 & 7 > 2"),  # no markup: as it is
    ("AT&T 與 a<b", "AT&T 與 a<b"),
])
def test_html_left_in_a_cell_is_read_as_text_only_where_there_is_markup(cell, expected):
    assert html_text(cell) == expected


def test_a_list_of_paragraphs_is_the_text_one_a_line():
    assert paragraphs(["第一段", "", "  第二段"]) == "第一段\n第二段"
    assert paragraphs("第一段\n\n第二段") == "第一段\n\n第二段"  # text as written
    assert paragraphs(["<b>甲</b>&amp;乙"]) == "甲&乙"


@pytest.mark.parametrize("cell, expected", [
    ("記者黃柏翰、吳淑芬／新北報導", ("黃柏翰、吳淑芬", "新北")),
    ("文／林宏達", ("林宏達", "")),
    ("記者 王小明 台北報導", ("王小明", "台北")),
    ("記者林小華", ("林小華", "")),
    ("['王家豪', '林承恩']", ("王家豪、林承恩", "")),
    ('["王家豪"]', ("王家豪", "")),
    (["記者王明／台中報導", "李華"], ("王明、李華", "台中")),
    ([{"name": "林宏達", "url": "https://x.tw/a/1"}], ("林宏達", "")),
    ("[]", ("", "")),
    ("綜合報導", ("", "")),
    ("中央社綜合外電報導", ("", "")),
    ("王家豪、林承恩", ("王家豪、林承恩", "")),
    ("John Smith", ("John Smith", "")),
    (None, ("", "")),
])
def test_an_authors_cell_is_read_as_a_byline(cell, expected):
    assert reporters(cell) == expected


def test_nested_records_are_flat_with_dotted_names_and_mongodb_values_plain():
    assert flatten({"_id": {"$oid": "66a1f0"}, "meta": {"title": "颱風", "source": {"name": "TVBS"}},
                    "published": {"$date": "2024-05-03T06:22:00Z"}, "views": {"$numberLong": "12"},
                    "related": [{"title": "停班", "time": {"$date": {"$numberLong": "1714630920000"}}}]}) == {
        "_id": "66a1f0", "meta.title": "颱風", "meta.source.name": "TVBS", "published": "2024-05-03T06:22:00Z",
        "views": "12", "related": [{"title": "停班", "time": "1714630920000"}]}


def test_a_cna_byline_in_an_author_cell():
    assert reporters("中央社記者范姜志明台北4日電") == ("范姜志明", "台北")
