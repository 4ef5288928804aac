"""Small text helpers: content hashes, cut-off texts, first sentences, short labels, folding for comparison."""

from __future__ import annotations

import re

import pytest

from analysis.text import compact, content_id, first_sentence, is_truncated, shorten


def test_content_ids():
    assert content_id("美駐ＵＮ大使", "內文") == content_id("美駐UN大使 ", "內文")
    assert content_id("a", "b") != content_id("a", "c")


@pytest.mark.parametrize("a, b", [
    (("美駐ＵＮ大使", ""), ("美駐UN大使", "")),          # width variants
    (("台美  外交", "突破"), ("台美 外交", "突破")),       # runs of spaces
    ((" 標題\u3000", "\n內文\n"), ("標題", "內文")),       # edge spaces, full-width space
    (("標題", "第一段\n\n第二段"), ("標題", "第一段\n第二段")),
])
def test_content_id_ignores_width_and_whitespace(a, b):
    assert content_id(*a) == content_id(*b)


@pytest.mark.parametrize("a, b", [
    (("標題", "內文"), ("標題", "內文。")),
    (("ab", ""), ("a", "b")),            # the title-text boundary counts
    (("台灣", ""), ("臺灣", "")),         # variant characters are different texts
])
def test_content_id_tells_texts_apart(a, b):
    assert content_id(*a) != content_id(*b)


def test_content_id_is_16_hex_digits_and_stable():
    assert re.fullmatch(r"[0-9a-f]{16}", content_id("標題", "內文"))
    assert content_id("標題", "內文") == content_id("標題", "內文")


@pytest.mark.parametrize("text, cut", [("還發新", True), ("合作。", False), ("「自欺欺人」", False), ("", False)])
def test_is_truncated(text, cut):
    assert is_truncated(text) is cut


@pytest.mark.parametrize("text, cut", [
    ("訪台。  \n", False), ("真的嗎？", False), ("好!", False), ("等等…", False), ("(完)", False),
    ("《蘋果日報》", False), ("Kelly Craft.", False), ("   ", False), ("訪台,", True), ("13日", True),
    ("抵台。\n責任編輯：朱家儀\n核稿編輯：翁世航", False), ("報告。\n（譯者：陳昱婷／核稿：林克倫）", False),  # credits
])
def test_is_truncated_more_endings(text, cut):
    assert is_truncated(text) is cut


@pytest.mark.parametrize("text, first", [("甲。乙。", "甲。"), ("無標點", "無標點"), ("再升溫!美國", "再升溫!")])
def test_first_sentence(text, first):
    assert first_sentence(text) == first


@pytest.mark.parametrize("text, first", [
    ("  前後有空白。其後  ", "前後有空白。"), ("問？答。", "問？"), ("", ""), ("嘆！", "嘆！"),
])
def test_first_sentence_more(text, first):
    assert first_sentence(text) == first


@pytest.mark.parametrize("text, width, short", [
    ("美駐UN大使會台代表 允助台參與聯合國事務", 10, "美駐UN大使會台代…"),
    ("剛好十個字剛好十個字", 10, "剛好十個字剛好十個字"),        # exactly the width: not cut
    ("十一個字十一個字十一個", 10, "十一個字十一個字十…"),
    ("  多  個\n空白  ", 14, "多 個 空白"),                   # whitespace folded first
    ("短", 14, "短"),
])
def test_shorten(text, width, short):
    assert shorten(text, width) == short
    assert len(shorten(text, width)) <= width


def test_shorten_default_width_and_non_strings():
    assert shorten("一二三四五六七八九十一二三四五") == "一二三四五六七八九十一二三…"
    assert shorten(12345, 3) == "12…"


@pytest.mark.parametrize("text, folded", [
    ("美駐ＵＮ 大使\n訪台", "美駐UN大使訪台"),
    ("１２３，ａｂ", "123,ab"),
    ("\u3000台灣\t\r\n", "台灣"),
    ("", ""),
])
def test_compact(text, folded):
    assert compact(text) == folded
