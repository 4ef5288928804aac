"""The neighbour search: exact equals brute force, whatever the margin, threads or ties; approximate is
scored exactly and its recall against brute force is stated."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import nearest_neighbours, similar_pairs
from analysis import neighbours as nb


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """The seed page and 30 synthetic pages (recombined sentences, recycled related items)."""
    import sys

    from analysis import load_corpus
    from analysis.config import PROJ_ROOT, SEEDS_DIR

    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    from make_corpus import make_corpus

    folder = tmp_path_factory.mktemp("crawl")
    make_corpus(30, folder, seed=3)
    return load_corpus([*sorted(SEEDS_DIR.glob("*.txt")), *sorted(folder.glob("*.txt"))])


@pytest.fixture(scope="module")
def vectors(crawl):
    from analysis import tfidf_model
    from analysis.tables import distinct

    docs = distinct(crawl)
    return tfidf_model(docs).transform(docs)


def brute_force(X, top: int) -> list[tuple[int, int, float]]:
    """Every row's top neighbours from the full matrix: (similarity rounded, descending; column ascending)."""
    S = (X @ X.T).toarray().round(nb.DECIMALS)
    out = []
    for i, row in enumerate(S):
        cand = [(j, v) for j, v in enumerate(row) if j != i and v > 0]
        cand.sort(key=lambda jv: (-jv[1], jv[0]))
        out += [(i, j, v) for j, v in cand[:top]]
    return out


@pytest.mark.parametrize("margin", [8, 1, 0])
@pytest.mark.parametrize("top", [1, 3, 8])
@pytest.mark.parametrize("workers", [1, 2])
def test_exact_equals_brute_force(vectors, monkeypatch, margin, top, workers):
    monkeypatch.setattr(nb, "TIE_MARGIN", margin)  # 0: every full row's last value ties, searched again
    monkeypatch.setattr(nb.options, "workers", workers)
    r, c, v = nb.top_k(vectors, top, method="exact")
    assert list(zip(r.tolist(), c.tolist(), v.tolist())) == brute_force(vectors, top)


def test_rows_searched_again_give_the_same_neighbours(seed_docs, monkeypatch):
    whole = nearest_neighbours(seed_docs, top=4)
    monkeypatch.setattr(nb, "TIE_MARGIN", 0)
    pd.testing.assert_frame_equal(nearest_neighbours(seed_docs, top=4), whole)


@pytest.mark.parametrize("margin", [8, 0])
def test_ties_beyond_the_margin_still_go_by_corpus_order(monkeypatch, margin):
    # 30 texts with the same terms: every row ties 29 ways, more than the margin retrieves, and the
    # product returns an arbitrary subset of the tied columns; the earliest must still win.
    n = 30
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "content_id": [str(i) for i in range(n)],
                         "title": ["台灣與美國"] * n, "text": ["。" * (i + 1) for i in range(n)]})
    monkeypatch.setattr(nb, "TIE_MARGIN", margin)
    nn = nearest_neighbours(docs, top=3)
    expected = [[f"d{i}", f"d{j}"] for i in range(n) for j in [j for j in range(n) if j != i][:3]]
    assert nn[["doc_id", "neighbour"]].values.tolist() == expected
    assert nn.attrs["method"] == "exact"


#: The recall the approximate search must keep against brute force on the synthetic crawl (its
#: densest case: a few hundred terms shared by every text). Measured: see benchmarks/neighbours.py.
APPROXIMATE_RECALL = 0.90


@pytest.fixture(scope="module")
def larger(tmp_path_factory):
    """300 synthetic pages: about a thousand distinct texts, enough that the graph search is not exhaustive."""
    import sys

    from analysis import load_corpus, tfidf_model
    from analysis.config import PROJ_ROOT
    from analysis.tables import distinct

    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    from make_corpus import make_corpus

    folder = tmp_path_factory.mktemp("larger")
    make_corpus(300, folder, seed=5)
    docs = distinct(load_corpus(folder))
    return tfidf_model(docs).transform(docs)


def test_approximate_is_scored_exactly_and_finds_most_true_neighbours(larger):
    vectors, top = larger, 5
    truth = brute_force(vectors, top)
    r, c, v = nb.top_k(vectors, top, method="approximate")
    found = list(zip(r.tolist(), c.tolist(), v.tolist()))
    exact = {(i, j): s for i, j, s in brute_force(vectors, vectors.shape[0])}
    assert all(exact[(i, j)] == s for i, j, s in found)  # every similarity reported is the exact one
    hits = len({(i, j) for i, j, _ in truth} & {(i, j) for i, j, _ in found})
    recall = hits / len(truth)
    print(f"approximate search: recall {recall:.3f} of {len(truth)} true neighbours ({vectors.shape[0]} texts)")
    assert recall >= APPROXIMATE_RECALL
    assert found == sorted(found, key=lambda x: (x[0], -x[2], x[1]))  # ranked as the exact search ranks
    again = nb.top_k(vectors, top, method="approximate")  # a fixed random state: the same answer twice
    assert all(np.array_equal(a, b) for a, b in zip((r, c, v), again))


def test_auto_switches_at_the_limit(crawl, monkeypatch):
    assert nearest_neighbours(crawl, top=2).attrs["method"] == "exact"
    monkeypatch.setattr(nb, "EXACT_WORK", 10)
    nn = nearest_neighbours(crawl, top=2)
    assert nn.attrs["method"] == "approximate"
    assert similar_pairs(crawl, top=3, method="exact").shape == (3, 3)
    with pytest.raises(ValueError, match="method must be"):
        nearest_neighbours(crawl, method="fast")


def test_exact_work_counts_the_products_multiply_adds(vectors):
    binary = (vectors != 0).astype(np.int64)
    assert nb.exact_work(vectors) == (binary @ binary.T).sum() > 0  # one per (row, row, shared term)


@pytest.mark.parametrize("high", [50, 2 ** 22])  # packed into one key, and rows too many to pack
def test_ranked_order_is_the_three_key_sort(high):
    """With ties in every key (repeated pairs, equal similarities), as np.lexsort orders them."""
    rng = np.random.default_rng(7)
    rows, cols = rng.integers(0, high, 5000), rng.integers(0, high, 5000)
    values = np.round(rng.choice([0.0, 0.1, 0.333333, 0.5, 1.0, 1.000001], 5000) + rng.random(5000) * 1e-3, 6)
    values[::7] = 0.25
    expected = np.lexsort((cols, -values, rows))
    assert np.array_equal(nb.ranked_order(rows, cols, values), expected)
    assert nb.ranked_order(rows[:0], cols[:0], values[:0]).tolist() == []
