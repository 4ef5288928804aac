"""Terms as numbers (analysis/termcodes.py): each pair's codes are its terms, in any blocks."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.termcodes import field_codes
from analysis.termlists import field_terms


@pytest.mark.parametrize("block, pairs", [(1 << 20, 10_000), (7, 10_000), (1 << 20, 2), (7, 1)])
def test_field_codes_are_the_field_terms(seed_docs, monkeypatch, block, pairs):
    """Each pair's codes name its terms of field_terms, in order, whether terms and pairs are coded all
    at once or a few at a time (the vocabulary grown across blocks of pairs, in the order first seen;
    iterators read once); a vocabulary keeps only its terms."""
    from analysis import termcodes

    monkeypatch.setattr(termcodes, "CODE_BLOCK", block)
    monkeypatch.setattr(termcodes, "FIELDS_BLOCK", pairs)
    titles = [*seed_docs["title"], None, "", "台灣"]
    texts = [*seed_docs["text"], "台灣與美國。", float("nan"), "台灣與美國。"]
    expected = field_terms(titles, texts)
    indptr, codes, vocabulary = field_codes(iter(titles), iter(texts))
    got = [vocabulary[codes[a:b]].tolist() for a, b in zip(indptr[:-1], indptr[1:])]
    assert got == expected and vocabulary.is_unique and len(indptr) == len(titles) + 1
    assert vocabulary.tolist() == list(dict.fromkeys(t for terms in expected for t in terms))  # first seen
    kept = pd.Index(["台灣", "美國", "不在文中"])  # Arrow strings under pandas 3: looked up as text
    indptr, codes, same = field_codes(titles, texts, vocabulary=kept)
    assert same is kept
    got = [kept[codes[a:b]].tolist() for a, b in zip(indptr[:-1], indptr[1:])]
    assert got == [[t for t in terms if t in ("台灣", "美國")] for terms in expected]
    assert field_codes([], [])[0].tolist() == [0]


def test_runs_of_positions_with_empty_and_repeated_runs():
    import numpy as np

    from analysis.termcodes import _runs

    rng = np.random.default_rng(3)
    starts, lengths = rng.integers(0, 40, 200), rng.integers(0, 4, 200)  # a quarter empty, runs repeated
    expected = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, lengths)])
    assert np.array_equal(_runs(starts, lengths, int(lengths.sum())), expected)
    assert _runs(starts[:0], lengths[:0], 0).tolist() == []

