"""The related list: its headings, joining wrapped lines, item-like body lines, and the list reader on its own."""

from __future__ import annotations

from datetime import datetime

import pytest

from analysis.decoding import LIST_HEADINGS, SITE_LIST_HEADINGS
from analysis.related import (MAX_HEADLINE_LINES, RelatedList, is_list_heading, is_site_list_heading, join_wrapped,
                              looks_like_items, may_be_related)


@pytest.mark.parametrize("line", [
    *LIST_HEADINGS, "相關新聞：", "相關新聞:", "延伸閱讀 ：", "【相關新聞】", "【延伸閱讀】：", "【 推薦閱讀：】",
    "【热门新闻】",
])
def test_list_headings(line):
    assert is_list_heading(line)


@pytest.mark.parametrize("line", [
    "", "相關", "相關新聞報導", "更多新聞請見官網", "相關新聞：立法院三讀", "【相關新聞", "延伸閱讀】", "「相關新聞」",
    "- 相關新聞", "相關新聞-", "熱門", "新聞", "熱門推薦美食", "排行榜出爐", "更多新聞中心", "看更多照片",
    "台積電股價創新高 外資熱門", "相關新聞 >>>",
])
def test_not_list_headings(line):
    assert not is_list_heading(line)


@pytest.mark.parametrize("line", [*SITE_LIST_HEADINGS, "【熱門推薦】", "人氣排行：", "更多壹蘋新聞", "更多TVBS新聞",
                                  "東網熱門", "自由財經 熱門新聞", "更多東森新聞報導"])
def test_site_list_headings(line):
    assert is_list_heading(line) and is_site_list_heading(line)


@pytest.mark.parametrize("line, site, related", [
    ("相關新聞", False, True), ("相關影音", False, True), ("更多相關新聞", False, True),
    ("熱門新聞", True, True), ("【更多新聞】", True, True), ("更多壹蘋新聞", True, True),  # a scraper's only list
    ("熱門推薦", True, False), ("排行榜", True, False), ("最新新闻", True, False),
])
def test_which_lists_may_be_the_related_news(line, site, related):
    assert (is_site_list_heading(line), may_be_related(line)) == (site, related)


@pytest.mark.parametrize("first, second, joined", [
    ("立法院三讀通過", "國防預算", "立法院三讀通過國防預算"),       # CJK, CJK: nothing between
    ("Keep Taiwan", "Free", "Keep Taiwan Free"),                   # Latin, Latin: a space
    ("疫苗到貨7", "月底前", "疫苗到貨7月底前"),                     # digit, CJK: nothing
    ("第2", "0屆", "第2 0屆"),          # digit, digit: a space (a number cut in two looks like two numbers)
    ("ＡＩＴ", "ＤＩＲＥＣＴＯＲ", "ＡＩＴ ＤＩＲＥＣＴＯＲ"),       # full-width Latin
    ("總統府：", "AIT處長", "總統府：AIT處長"),
    ("", "標題", "標題"),
])
def test_join_wrapped(first, second, joined):
    assert join_wrapped(first, second) == joined


@pytest.mark.parametrize("lines, found", [
    (["本文。", "-", "標題", "2021-01-15 12:56摘要"], [1]),
    (["-", "標題", "續", "再續", "2021-01-15摘要"], [0]),                  # a headline over three lines
    (["-", "一", "二", "三", "四", "2021-01-15摘要"], []),                 # four lines is not a headline
    (["-", "2021-01-15摘要"], []),                                         # no headline line
    (["-", "標題", "-", "2021-01-15摘要"], []),
    (["-", "甲", "2021-01-15甲", "-", "乙", "2021-01-16乙"], [0, 3]),
    (["本文。", "第二段。"], []),
])
def test_looks_like_items(lines, found):
    assert looks_like_items(lines) == found
    assert MAX_HEADLINE_LINES == 3


class Recorder:
    """A page parser stand-in that records what the list reader tells it."""

    def __init__(self, lines):
        self.lines = lines
        self.events = []
        self.items = []
        self.placed = set()

    def problem(self, reason, lineno, *, action):
        self.events.append((lineno, action, reason))

    def unplace(self, i, reason):
        self.placed.add(i)
        self.events.append((i + 1, "unplaced", reason))

    def place(self, *indices):
        self.placed.update(indices)

    def add(self, kind, **fields):
        self.items.append((kind, fields["title"], fields["published"], fields["published_precision"],
                           fields["text"], fields["line"]))


def read(lines):
    reader = Recorder(lines)
    RelatedList(reader, [i for i, x in enumerate(lines) if x]).read()
    assert reader.placed == {i for i, x in enumerate(lines) if x}  # every line placed or reported
    return reader


def test_the_list_reader_places_every_line_and_reports_through_the_reader():
    reader = read(["-", "甲的標題", "第二行", "2021/01/15 12:56甲文。", "", "廣告", "-", "乙",
                   "2021-01-16 07:00:01乙文。", "-"])
    assert reader.items == [
        ("related", "甲的標題第二行", datetime(2021, 1, 15, 12, 56), "minute", "甲文。\n廣告", 2),
        ("related", "乙", datetime(2021, 1, 16, 7, 0, 1), "second", "乙文。", 8),
    ]
    assert reader.events == [(3, "merged", "related headline continues on another line"),
                             (6, "merged", "related summary continues on another line"),
                             (10, "unplaced", "item marker with no item")]


def test_an_item_without_dash_after_a_summary_starts_at_a_line_followed_by_a_timestamp():
    reader = read(["甲", "2021-01-15甲文。", "乙", "2021-01-16乙文。"])
    assert [(t, p, x) for _, t, _, p, x, _ in reader.items] == [("甲", "day", "甲文。"), ("乙", "day", "乙文。")]
    assert reader.events == []  # a list that writes no '-' lines misses none
    reader = read(["-", "甲", "2021-01-15甲文。", "乙", "2021-01-16乙文。"])  # one that writes them misses one
    assert [(t, p, x) for _, t, _, p, x, _ in reader.items] == [("甲", "day", "甲文。"), ("乙", "day", "乙文。")]
    assert reader.events == [(4, "kept", "related item has no '-' line")]
