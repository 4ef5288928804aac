"""Collocations: hand-computed measures on a tiny corpus, windows, copies, the seed corpus and scale."""

from __future__ import annotations

import math
import random
import re

import pandas as pd
import pytest
from scipy import sparse

from analysis.association import association, collocations, collocations_of
from analysis.cocounts import cooccurrence
from analysis.frequencies import term_frequencies
from analysis.termlists import terms
from analysis.outputs import write_csv

# The tiny corpus, in Latin letters so that its segmentation is certain (checked below). Its term sequences:
#   S1 (doc a, title)  x y
#   S2 (doc a, text)   x y a b c d
#   S3 (doc b, text)   a b x y c d e f
#   S4 (doc c, text)   g h c d e f g h
# f: x 3, y 3, a 2, b 2, c 3, d 3, e 2, f 2, g 2, h 2; N = 24.
# With window=1 (span 2) the node x has y next to it in S1, S2, S3 (O = 3) and b once (S3: "b x").
TINY = pd.DataFrame({"doc_id": ["a", "b", "c"], "content_id": ["a", "b", "c"], "title": ["x y", "", ""],
                     "text": ["x y a b c d", "a b x y c d e f", "g h c d e f g h"]})


def test_the_tiny_corpus_segments_as_written():
    for field in [*TINY["title"], *TINY["text"]]:
        assert terms(field) == field.split()


def test_counts_of_the_tiny_corpus():
    co = cooccurrence(TINY, window=1)
    assert sparse.issparse(co.matrix)
    assert dict(zip(co.vocabulary, co.counts.tolist())) == dict(x=3, y=3, a=2, b=2, c=3, d=3, e=2, f=2, g=2, h=2)
    assert co.total == 24


def test_every_measure_for_x_and_y_by_hand():
    row = collocations(TINY, "x", window=1, min_count=1).set_index("collocate")
    assert row.index.tolist() == ["y", "b"]  # by log-likelihood: 9.77 before 0.64
    y = row.loc["y"]
    assert (y["count"], y["collocate_count"]) == (3, 3)
    # E = f(x) f(y) span / N = 3 * 3 * 2 / 24 = 0.75
    assert y["expected"] == pytest.approx(0.75)
    # MI = log2(3 / 0.75) = log2(4) = 2
    assert y["mi"] == pytest.approx(2.0)
    # t = (3 - 0.75) / sqrt(3) = 2.25 / 1.7320508 = 1.2990381
    assert y["t_score"] == pytest.approx(1.2990381, abs=1e-6)
    # logDice = 14 + log2(2 * 3 / (3 + 3)) = 14
    assert y["logdice"] == pytest.approx(14.0)
    # 2x2: a = 3, b = 2*3 - 3 = 3, c = 3 - 3 = 0, d = 24 - 6 - 3 + 3 = 18; rows 6, 18; columns 3, 21
    # E: 6*3/24 = 0.75, 6*21/24 = 5.25, 18*3/24 = 2.25, 18*21/24 = 15.75
    # G2 = 2 (3 ln 4 + 3 ln(3/5.25) + 0 + 18 ln(18/15.75))
    #    = 2 (4.1588831 - 1.6788471 + 2.4035652) = 2 * 4.8836012 = 9.7672024
    assert y["log_likelihood"] == pytest.approx(9.7672024, abs=1e-5)


def test_every_measure_for_x_and_b_by_hand():
    b = collocations(TINY, "x", window=1, min_count=1).set_index("collocate").loc["b"]
    assert (b["count"], b["collocate_count"]) == (1, 2)
    # E = 3 * 2 * 2 / 24 = 0.5; MI = log2(1 / 0.5) = 1; t = (1 - 0.5) / 1 = 0.5
    assert (b["expected"], b["mi"], b["t_score"]) == pytest.approx((0.5, 1.0, 0.5))
    # logDice = 14 + log2(2 / 5) = 14 - 1.3219281 = 12.6780719
    assert b["logdice"] == pytest.approx(12.6780719, abs=1e-6)
    # a = 1, b = 6 - 1 = 5, c = 2 - 1 = 1, d = 24 - 6 - 2 + 1 = 17; rows 6, 18; columns 2, 22
    # E: 0.5, 5.5, 1.5, 16.5
    # G2 = 2 (ln 2 + 5 ln(5/5.5) + ln(1/1.5) + 17 ln(17/16.5))
    #    = 2 (0.6931472 - 0.4765509 - 0.4054651 + 0.5075010) = 2 * 0.3186322 = 0.6372644
    assert b["log_likelihood"] == pytest.approx(0.6372644, abs=1e-5)


def test_log_likelihood_is_negative_when_a_pair_repels():
    # O = 1, f(x) = 2, f(y) = 10, N = 20, window 1: E = 2 * 10 * 2 / 20 = 2 > O
    # a = 1, b = 4 - 1 = 3, c = 10 - 1 = 9, d = 20 - 4 - 10 + 1 = 7; rows 4, 16; columns 10, 10
    # E: 2, 2, 8, 8; G2 = 2 (ln(1/2) + 3 ln(3/2) + 9 ln(9/8) + 7 ln(7/8))
    #    = 2 (-0.6931472 + 1.2163953 + 1.0600470 - 0.9347198) = 1.2971506, signed negative
    m = association([1], [2], [10], 20, window=1).iloc[0]
    assert m["log_likelihood"] == pytest.approx(-1.2971506, abs=1e-6)
    # MI = log2(1/2) = -1; t = (1 - 2) / 1 = -1; logDice = 14 + log2(2 / 12) = 11.4150375
    assert (m["mi"], m["t_score"], m["logdice"]) == pytest.approx((-1.0, -1.0, 11.4150375))


def test_corpus_wide_pairs_by_hand():
    pairs = collocations(TINY, None, window=1)
    # Adjacent pairs seen at least twice: x-y (S1, S2, S3), c-d (S2, S3, S4), a-b (S2, S3), d-e and e-f
    # (S3, S4), g-h (S4 twice); each once, the more frequent term first (x before y on a tie).
    got = {(t, c): n for t, c, n in pairs[["term", "collocate", "count"]].itertuples(index=False)}
    assert got == {("x", "y"): 3, ("c", "d"): 3, ("a", "b"): 2, ("d", "e"): 2, ("e", "f"): 2, ("g", "h"): 2}
    xy = pairs.set_index(["term", "collocate"]).loc[("x", "y")]
    assert xy["log_likelihood"] == pytest.approx(9.7672024, abs=1e-5)  # as by hand above
    assert pairs["log_likelihood"].is_monotonic_decreasing


def test_window_boundaries():
    # S2 = x y a b c d: with window 2, x reaches y and a, not b.
    two = collocations(TINY.iloc[[0]], "x", window=2, min_count=1)
    assert dict(zip(two["collocate"], two["count"])) == {"y": 2, "a": 1}  # y: title and text
    # Never across a title and its text, nor across documents.
    docs = pd.DataFrame({"title": ["p"], "text": ["q"]})
    assert cooccurrence(docs, window=5).matrix.nnz == 0
    docs = pd.DataFrame({"title": ["", ""], "text": ["p", "q"]})
    assert cooccurrence(docs, window=5).matrix.nnz == 0
    with pytest.raises(ValueError, match="window"):
        cooccurrence(TINY, window=0)


def test_a_term_is_not_its_own_collocate_and_a_missing_term_gives_an_empty_table():
    docs = pd.DataFrame({"title": [""], "text": ["x x y"]})
    assert collocations(docs, "x", window=2, min_count=1)["collocate"].tolist() == ["y"]
    empty = collocations(docs, "nothing", min_count=1)
    assert empty.empty and list(empty.columns)[:3] == ["collocate", "count", "collocate_count"]
    with pytest.raises(ValueError, match="not a term"):
        collocations(docs, "的")


def test_unique_counts_each_text_once():
    copies = pd.DataFrame({"doc_id": ["a", "b", "c"], "content_id": ["k", "k", "m"], "title": ["", "", ""],
                           "text": ["x y", "x y", "z w"]})
    once = collocations(copies, "x", window=1, min_count=1)
    every = collocations(copies, "x", window=1, min_count=1, unique=False)
    assert once[["collocate", "count", "collocate_count"]].values.tolist() == [["y", 1, 1]]
    assert every[["collocate", "count", "collocate_count"]].values.tolist() == [["y", 2, 2]]
    assert cooccurrence(copies, unique=False).total == 6 and cooccurrence(copies).total == 4


def _brute_force(docs: pd.DataFrame, node: str, window: int) -> dict[str, int]:
    """Co-occurrences counted with plain loops over each field's terms."""
    found: dict[str, int] = {}
    for field in [*docs["title"], *docs["text"]]:
        ts = terms(field)
        for i, t in enumerate(ts):
            if t != node:
                continue
            for j in range(max(0, i - window), min(len(ts), i + window + 1)):
                if j != i and ts[j] != node:
                    found[ts[j]] = found.get(ts[j], 0) + 1
    return found


def test_seed_counts_agree_with_plain_loops_and_term_frequencies(seed_docs):
    table = collocations(seed_docs, "克拉夫特", window=5, min_count=1, top=10**6)
    assert dict(zip(table["collocate"], table["count"])) == _brute_force(seed_docs, "克拉夫特", 5)
    freq = term_frequencies(seed_docs).set_index("term")["count"]
    assert (table["collocate_count"].to_numpy() == freq[table["collocate"]].to_numpy()).all()
    co = cooccurrence(seed_docs)
    assert co.total == freq.sum()
    assert table["log_likelihood"].is_monotonic_decreasing


def test_a_pair_row_equals_the_row_of_its_term(seed_docs):
    pairs = collocations(seed_docs, None, top=5)
    for row in pairs.itertuples(index=False):
        mine = collocations(seed_docs, row.term, top=10**6).set_index("collocate").loc[row.collocate]
        assert mine["count"] == row.count and mine["log_likelihood"] == pytest.approx(row.log_likelihood)
        assert row.term_count >= row.collocate_count


def test_same_input_same_bytes(seed_docs, tmp_path):
    a = write_csv(collocations(seed_docs, None), tmp_path / "a.csv").read_bytes()
    b = write_csv(collocations(seed_docs.copy(), None), tmp_path / "b.csv").read_bytes()
    assert a == b and a.startswith("\ufeffterm,collocate,count".encode())


def test_scale_synthetic_corpus_of_3000_documents(seed_docs):
    """Shuffled seed sentences in 3,000 documents: counted sparsely, measures finite."""
    sentences = sorted({s for t in seed_docs["text"] for s in re.split(r"(?<=。)", t) if len(s) > 5})
    rng = random.Random(13)
    texts = ["".join(rng.sample(sentences, 4)) for _ in range(3000)]
    docs = pd.DataFrame({"doc_id": [f"s{i}" for i in range(3000)], "content_id": [f"s{i}" for i in range(3000)],
                         "title": [rng.choice(seed_docs["title"].tolist()) for _ in range(3000)], "text": texts})
    co = cooccurrence(docs)
    assert sparse.issparse(co.matrix) and co.matrix.format == "csr"
    assert co.matrix.nnz < len(co.vocabulary) ** 2
    pairs = collocations(docs, None, top=20)
    assert len(pairs) == 20 and all(math.isfinite(v) for v in pairs["log_likelihood"])
    assert len(collocations(docs, "克拉夫特")) > 0


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("compact", [False, True])
def test_collocations_of_counts_made_once_are_collocations(seed_docs, directed, compact):
    co = cooccurrence(seed_docs, window=5, directed=directed, compact=compact)
    # every eleventh term, and terms folded, absent, or parts of others
    for term in [*term_frequencies(seed_docs)["term"].iloc[::11], "克拉", "美國國務院", "駐聯合國大使", "ＵＮ", "UN",
                 "中國", "台灣黑熊", "不存在的詞"]:
        for min_count in (1, 2):
            want = collocations(seed_docs, term, top=10, min_count=min_count)
            pd.testing.assert_frame_equal(collocations_of(co, term, top=10, min_count=min_count), want, obj=term)
    assert collocations_of(co, "克拉夫特訪台從未出現").empty  # a term the corpus does not have


def test_collocations_of_a_node_that_is_not_a_term(seed_docs):
    with pytest.raises(ValueError, match="not a term"):
        collocations_of(cooccurrence(seed_docs, window=5), "的")


def test_every_pair_needs_undirected_counts(seed_docs):
    want = collocations(seed_docs, None, top=20)
    counts = cooccurrence(seed_docs, directed=False, compact=True)
    pd.testing.assert_frame_equal(collocations_of(counts, None, top=20), want)
    with pytest.raises(ValueError, match="directed=False"):
        collocations_of(cooccurrence(seed_docs), None)
