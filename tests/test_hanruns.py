"""Runs of Han characters as arrays: edges where runs end, texts' starts, the segmenter's cuts, any block size."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.hanruns import han_runs, is_han


def test_edges_and_characters_outside_the_basic_plane():
    runs = han_runs(["\U00020001甲，乙\n", "", "丙3丁"])
    edge = -1
    assert runs.codes.tolist() == [edge, 0x20001, ord("甲"), edge, ord("乙"), edge, ord("丙"), edge, ord("丁"), edge]
    assert runs.starts.tolist() == [1, 6, 6]
    assert is_han(np.array([0x33FF, 0x3400, 0x9FFF, 0xA000, 0x3134F, 0x31350])).tolist() == \
        [False, True, True, False, True, False]


def test_cuts_that_do_not_add_up_are_refused():
    def short(block):
        for text in block:
            yield [len(text) - 1], [False]

    with pytest.raises(ValueError, match="do not add up.*甲乙丙"):
        han_runs(["甲乙丙"], cuts=short)

    def unflagged(block):
        for text in block:
            yield [len(text)], []

    with pytest.raises(ValueError, match="flags are not one for each piece.*甲乙丙"):
        han_runs(["甲乙丙"], cuts=unflagged)

    def one_short(block):
        for text in block[1:]:
            yield [len(text)], [False]

    with pytest.raises(ValueError, match="block of 2 texts are 1"):
        han_runs(["甲乙丙", "丁"], cuts=one_short)


def test_cuts_mark_where_pieces_and_words_start():
    def cuts(block):
        for text in block:  # 台灣 | 總統府 (unknown: each character a word) | ， | 美國
            assert text == "台灣總統府，美國"
            yield [2, 3, 1, 2], [False, True, False, False]

    runs = han_runs(["台灣總統府，美國"], cuts=cuts)
    # places: edge, 台 灣 總 統 府, edge (the comma), 美 國, edge
    assert runs.pieces.tolist() == [True, True, False, True, False, False, True, True, False, True]
    assert runs.words.tolist() == [True, True, False, True, True, True, True, True, False, True]


@pytest.mark.parametrize("block_chars", [1, 5, 1000])
def test_the_same_whatever_the_block(block_chars):
    texts = ["台灣，美國", "", "日本3韓國", "\U00020001中"]
    a, b = han_runs(texts), han_runs(texts, block_chars=block_chars)
    assert np.array_equal(a.codes, b.codes) and np.array_equal(a.starts, b.starts)
