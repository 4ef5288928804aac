"""Corpus-wide reuse candidates: the arrays against datasketch's own MinHash and MinHashLSH."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest
from datasketch import MinHash

from analysis import reuse_candidates
from analysis.config import PROJ_ROOT
from analysis.minhash import _chunks, shingle_hashes
from tests.test_reuse import _planted

sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
from reuse import by_datasketch  # noqa: E402  (the benchmark's reference: datasketch's MinHash and MinHashLSH)


@pytest.mark.parametrize("seed, chunk, threshold", [(0, 50, 0.5), (1, 30, 0.5), (2, 50, 0.3), (3, 20, 0.7)])
def test_the_same_pairs_and_counts_as_datasketch(seed, chunk, threshold):
    docs = _planted(seed=seed)
    ours = reuse_candidates(docs, chunk=chunk, threshold=threshold, max_df=None)
    theirs = by_datasketch(docs, chunk=chunk, threshold=threshold, hashfunc=lambda s: int(shingle_hashes(s)[0]))
    assert len(theirs) >= 10
    pd.testing.assert_frame_equal(ours.astype({"chunks": "int64"}), theirs.astype({"chunks": "int64"}))


def test_signatures_are_datasketch_minhashes():
    from analysis.minhash import _signatures

    text = "美國國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪台與蔡總統會面外交部表示歡迎" * 3
    permutations = tuple(MinHash(num_perm=64, seed=7).permutations)
    signatures, owners = _signatures(["短", text], shingle=5, chunk=20, permutations=permutations)
    starts, ends = _chunks(len(text), shingle=5, chunk=20)
    assert owners.tolist() == [1] * len(starts)
    for row, (s, e) in enumerate(zip(starts, ends)):
        m = MinHash(num_perm=64, seed=7, hashfunc=lambda x: int(shingle_hashes(x)[0]))
        m.update_batch([text[j:j + 5] for j in range(s, e)])
        assert np.array_equal(signatures[:, row], m.hashvalues)


def test_a_notice_on_every_page_is_not_reuse():
    """A 57-character notice closing 150 otherwise unrelated texts: without a limit, every pair of
    pages is a candidate; with the default max_df the chunks that are all notice are left out, and
    only chunks that hold part of it and part of a text collide now and then (about one pair in 17
    at a Jaccard similarity of 0.3)."""
    docs = _planted(seed=4, docs=150, lengths=())
    notice = ("本網站所刊載之文字圖片影音內容均受著作權保護"
              "未經授權不得轉載公開播送或以任何方式使用違者將依法追究責任謝謝合作")
    docs["text"] = docs["text"] + notice
    every = 150 * 149 // 2
    assert len(reuse_candidates(docs, max_df=None)) == every
    assert len(reuse_candidates(docs)) < every / 10


def test_texts_are_read_in_blocks(monkeypatch):
    import analysis.minhash as minhash

    docs = _planted(seed=5)
    whole = reuse_candidates(docs)
    monkeypatch.setattr(minhash, "BLOCK_CHARS", 700)  # a block every two or three texts
    assert reuse_candidates(docs).equals(whole)
    assert len(whole) >= 10
