"""Traditional or Simplified, and full-width folding."""

from __future__ import annotations

import random

import pytest

from analysis.segmentation.script import (_script_chars, detect_script, detect_scripts, fold_width, opencc_table,
                                         to_simplified_chars)


@pytest.mark.parametrize("text, script", [
    ("美國駐聯合國大使將訪問台灣", "hant"), ("美国驻联合国大使将访问台湾", "hans"), ("2021 UN", "hant")])
def test_detect_script(text, script):
    assert detect_script(text) == script


@pytest.mark.parametrize("text, script", [
    ("", "hant"),                          # nothing to go by: the corpus's own script
    ("台灣", "hant"),                       # characters common to both scripts count for neither
    ("國务", "hant"),                       # a tie stays Traditional
    ("国务卿說", "hans"),                   # more Simplified-only than Traditional-only characters
    ("【新唐人北京时间2021年01月07日讯】", "hans"),
])
def test_detect_script_counts_script_specific_characters(text, script):
    assert detect_script(text) == script


def test_detect_scripts_gives_each_text_what_detect_script_gives():
    trad, simp = (sorted(chars)[:200] for chars in _script_chars())
    rng = random.Random(0)
    pool = trad + simp + list("台灣的 ，2021UN\n\U00020001") + ["\ud800"]
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(500)]
    texts += ["", "国务卿說", "國务"]
    scripts = detect_scripts(texts)
    assert scripts == [detect_script(t) for t in texts]
    assert 100 < scripts.count("hans") < 400  # both answers are exercised
    assert detect_scripts([]) == []


def test_fold_width_keeps_length():
    s = "ＵＮ　１２３，"
    assert len(fold_width(s)) == len(s) and fold_width(s) == "UN 123,"


@pytest.mark.parametrize("text, folded", [
    ("美駐ＵＮ大使１３日", "美駐UN大使13日"),
    ("ｋｅｌｌｙ　ｃｒａｆｔ", "kelly craft"),
    ("！～", "!~"),                          # the ends of the full-width block
    ("，。「」、", ",。「」、"),                # the full-width comma folds; CJK punctuation is kept
    ("", ""),
])
def test_fold_width(text, folded):
    assert fold_width(text) == folded and len(fold_width(text)) == len(text)


def test_opencc_tables():
    t2s, s2t = opencc_table("TSCharacters.txt"), opencc_table("STCharacters.txt")
    assert t2s["臺"] == ["台"] and t2s["國"] == ["国"]
    assert "台" in s2t and {"臺", "颱"} <= set(s2t["台"])
    assert opencc_table("TSCharacters.txt") is t2s  # read once


def test_to_simplified_chars_is_one_to_one():
    table = to_simplified_chars()
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())
    assert "美國駐聯合國大使".translate(str.maketrans(table)) == "美国驻联合国大使"
