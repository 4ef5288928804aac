"""What a term is (analysis/vocabulary.py): the term filter, the stopword list's categories, variant characters."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.termlists import text_terms
from analysis.vocabulary import fold_table, is_term, normalize, normalize_with, stopwords, variants


@pytest.mark.parametrize("word, kept", [
    ("台灣", True), ("，", False), (",", False), ("「", False), ("2021", False), ("3.5", False),
    ("50%", False), (" ", False), ("\u3000", False), ("的", False), ("我們", False), ("UN", True),
    ("COVID-19", True), ("13日", True),
])
def test_is_term(word, kept):
    assert is_term(normalize(word)) is kept


def test_width_variants_are_one_term():
    assert normalize("ＵＮ") == "UN" and normalize("，") == ","


@pytest.mark.parametrize("word", [
    "另外", "此外", "對此", "不過", "然而", "因此",   # connectives and discourse markers
    "今天", "昨天", "下週", "目前", "當時", "當地",   # deixis of time and place
    "他們", "自己", "什麼",                          # pronouns
    "一個", "這種", "這些", "那位", "每次",           # determiner-measure words (CKIP: one word)
    "表示", "指出", "說", "強調",                     # reporting verbs
    "的", "了", "嗎",                                # particles
])
def test_function_words_deixis_and_reporting_verbs_are_not_terms(word):
    assert not is_term(normalize(word))


@pytest.mark.parametrize("word", ["中國", "美國", "台灣", "政府", "總統", "外交", "民主", "雙方", "新聞", "未來"])
def test_content_words_researchers_count_are_terms(word):
    assert is_term(normalize(word))


@pytest.mark.parametrize("compound", ["一個", "這種", "這些", "那個", "一位", "該名"])
def test_determiner_measure_words_at_both_granularities(compound):
    """CKIP's 一個 is one word; other segmenters cut 一 + 個: neither is counted."""
    assert not is_term(compound) and not any(is_term(ch) for ch in compound)


def test_the_stopword_file_is_in_categories_without_repeats_or_content_words():
    lines = config.STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) == len(set(entries)) and all(" " not in e for e in entries)
    categories = [line for line in lines if line.startswith("# -- ")]
    assert len(categories) >= 10
    assert not set(entries) & {"中國", "美國", "台灣", "臺灣", "政府", "總統", "國家", "新聞", "發言人"}


def test_variant_spellings_of_stopwords_are_stopwords_too():
    assert {"這裡", "這裏", "為了", "爲了", "这里"} <= stopwords()


def test_stopwords_are_read_again_when_the_file_changes(tmp_path, monkeypatch):
    path = tmp_path / "stopwords.txt"
    path.write_text("的\n", encoding="utf-8")
    monkeypatch.setattr(config, "STOPWORDS_FILE", path)
    text = "台灣與美國的關係。"
    before = text_terms([text])[text]
    assert "台灣" in before and is_term("台灣")
    path.write_text("的\n台灣\n", encoding="utf-8")
    assert not is_term("台灣")
    assert text_terms([text])[text] == [t for t in before if t != "台灣"]  # not the terms kept in memory


def test_the_variant_table():
    table = variants()
    for variant, canonical in [("臺", "台"), ("裏", "裡"), ("着", "著"), ("綫", "線"), ("峯", "峰"), ("羣", "群"),
                               ("爲", "為"), ("衞", "衛"), ("啓", "啟"), ("敎", "教"), ("眞", "真"), ("册", "冊")]:
        assert table[variant] == canonical
    assert not set(table) & set(table.values())  # no chains
    assert all(len(v) == len(c) == 1 and v != c for v, c in table.items())



def test_normalize_is_normalize_with_the_session_s_table():
    for word in ["ＵＮ", " 臺灣 ", "爲了", "，"]:
        assert normalize(word) == normalize_with(word, fold_table())
    assert normalize_with("臺灣", {ord("臺"): "台"}) == "台灣"
