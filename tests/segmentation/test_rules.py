"""Joining rules after jieba."""

from __future__ import annotations

import pytest

from analysis.segmentation.rules import join_pieces, split_unknown


@pytest.mark.parametrize("pieces, joined", [
    (["16", ",", "250", "人"], ["16,250", "人"]),
    (["1", ".", "3", "萬"], ["1.3萬"]),        # CKIP and GSD keep 1.3萬 whole
    (["3", ",", "400", ",", "000"], ["3,400,000"]),
    (["第", "6", "屆"], ["第6", "屆"]),
    (["第", "二", "次"], ["第二", "次"]),
    (["普魯", "申科"], ["普魯申科"]),
    (["瑪麗", "娜", "說"], ["瑪麗娜", "說"]),
    (["美國", "的"], ["美國", "的"]),        # not transliteration syllables
    (["第", "一線"], ["第", "一線"]),         # not a numeral
    (["1", ",", "他"], ["1", ",", "他"]),     # a comma between words, not a separator
    (["巴", "西"], ["巴", "西"]),             # two characters only
])
def test_join_pieces(pieces, joined):
    assert join_pieces(pieces) == joined
    assert "".join(join_pieces(pieces)) == "".join(pieces)


def test_switches():
    assert join_pieces(["第", "6"], ordinals=False) == ["第", "6"]
    assert join_pieces(["普魯", "申科"], names=False) == ["普魯", "申科"]
    assert join_pieces(["1", ".", "3"], numbers=False) == ["1", ".", "3"]


def test_join_pieces_phrases_from_a_dictionary():
    pieces = ["支持", "de", " ", "facto", " ", "independence", "。"]
    assert join_pieces(pieces, phrases={"de facto"}) == ["支持", "de facto", " ", "independence", "。"]
    assert join_pieces(pieces) == pieces


@pytest.mark.parametrize("pieces, split", [
    (["成了"], ["成", "了"]),                 # unknown: split the aspect particle
    (["山上"], ["山", "上"]),
    (["就走"], ["就", "走"]),                 # unknown: split the adverb
    (["老師們上"], ["老師們上"]),              # the rest is not a known word
    (["為了"], ["為了"]),                     # known words are never split
])
def test_split_unknown(pieces, split):
    known = {"為了", "老師"}.__contains__
    assert split_unknown(pieces, known) == split
    assert "".join(split_unknown(pieces, known)) == "".join(pieces)
