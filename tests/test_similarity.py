"""Cosine similarity: a symmetric matrix with a unit diagonal, neighbours and pairs that agree with it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import nearest_neighbours, similar_pairs, similarity_matrix
from analysis import similarity as sim_mod
from analysis.similarity import pairs_from_neighbours
from tests.conftest import title_of


@pytest.fixture(scope="module")
def matrix(seed_docs):
    return similarity_matrix(seed_docs)


def test_symmetric_with_unit_diagonal(matrix, seed_docs):
    assert matrix.shape == (21, 21)
    assert list(matrix.index) == list(seed_docs["doc_id"]) == list(matrix.columns)
    assert np.allclose(matrix.to_numpy(), matrix.to_numpy().T)
    assert np.allclose(np.diag(matrix.to_numpy()), 1.0)
    assert ((matrix.to_numpy() >= 0) & (matrix.to_numpy() <= 1)).all()


def test_top_pair_shares_the_lead(seed_docs):
    top = similar_pairs(seed_docs, top=10).iloc[0]
    texts = seed_docs.set_index("doc_id")["text"]
    lead = "美台關係再升溫!美國國務卿蓬佩奧"
    assert texts[top["doc_a"]].startswith(lead) and texts[top["doc_b"]].startswith(lead)


def test_article_nearest_is_the_item_that_repeats_its_lead(seed_docs, matrix):
    article = seed_docs.loc[seed_docs["kind"] == "article", "doc_id"].iloc[0]
    row = matrix.loc[article].drop(article)
    assert row.idxmax() == title_of(seed_docs, "美駐UN大使會台代表 允助台參與聯合國事務")


def test_pairs_agree_with_the_matrix(seed_docs, matrix):
    pairs = similar_pairs(seed_docs, top=15)
    m = matrix.to_numpy().copy()
    iu = np.triu_indices_from(m, k=1)
    expected = np.sort(m[iu])[::-1][:15]
    assert np.allclose(pairs["similarity"].to_numpy(), expected)
    for r in pairs.itertuples():
        assert matrix.loc[r.doc_a, r.doc_b] == pytest.approx(r.similarity)
    assert (pairs["doc_a"] != pairs["doc_b"]).all()
    assert pairs["similarity"].is_monotonic_decreasing


def test_nearest_neighbours_match_the_matrix(seed_docs, matrix):
    nn = nearest_neighbours(seed_docs, top=3)
    assert nn.groupby("doc_id").size().max() == 3
    for doc, group in nn.groupby("doc_id"):
        best = matrix.loc[doc].drop(doc).sort_values(ascending=False).head(3)
        assert np.allclose(group["similarity"].to_numpy(), best.to_numpy())


def test_matrix_refuses_a_corpus_sized_input(seed_docs, monkeypatch):
    monkeypatch.setattr(sim_mod, "MAX_MATRIX_DOCS", 10)
    with pytest.raises(ValueError, match="nearest_neighbours"):
        similarity_matrix(seed_docs)


def test_empty_text_documents_do_not_break(seed_docs):
    extra = pd.DataFrame({"doc_id": ["x"], "title": [""], "text": ["，。"], "content_id": ["x"]})
    docs = pd.concat([seed_docs, extra], ignore_index=True)
    m = similarity_matrix(docs)
    assert (m.loc["x"].drop("x") == 0).all()


def test_unique_keeps_each_text_once(seed_docs):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")], ignore_index=True)
    pd.testing.assert_frame_equal(similarity_matrix(doubled), similarity_matrix(seed_docs))
    pd.testing.assert_frame_equal(similar_pairs(doubled, top=5), similar_pairs(seed_docs, top=5))
    copies = similar_pairs(doubled, top=21, unique=False)
    assert (copies["similarity"] == 1.0).all()  # every text and its copy
    assert set(zip(copies["doc_a"], copies["doc_b"])) == {(d, d + "#2") for d in seed_docs["doc_id"]}


def test_nearest_neighbours_table(seed_docs):
    nn = nearest_neighbours(seed_docs, top=2)
    assert nn.columns.tolist() == ["doc_id", "neighbour", "similarity", "rank"]
    assert nn["doc_id"].unique().tolist() == seed_docs["doc_id"].tolist()  # document order
    assert nn["rank"].tolist() == [1, 2] * 21
    assert (nn["doc_id"] != nn["neighbour"]).all()
    assert (nn.groupby("doc_id", sort=False)["similarity"].diff().dropna() <= 0).all()


def test_min_similarity_drops_weak_neighbours(seed_docs, matrix):
    nn = nearest_neighbours(seed_docs, top=20, min_similarity=0.3)
    assert (nn["similarity"] > 0.3).all()
    m = matrix.to_numpy().copy()
    np.fill_diagonal(m, 0)
    assert len(nn) == int((m > 0.3).sum())


@pytest.mark.parametrize("n", [0, 1])
def test_too_few_documents_have_no_neighbours(seed_docs, n):
    assert nearest_neighbours(seed_docs.head(n), top=3).empty


def test_pairs_from_neighbours():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"]})
    nn = pd.DataFrame({"doc_id": ["a", "b", "c", "d", "d"], "neighbour": ["b", "a", "d", "c", "a"],
                       "similarity": [0.5, 0.5, 0.9, 0.9, 0.5]})
    pairs = pairs_from_neighbours(nn, docs, top=10)
    # each pair once, in corpus order within it; by similarity, then corpus order
    assert pairs.values.tolist() == [["c", "d", 0.9], ["a", "b", 0.5], ["a", "d", 0.5]]
    assert pairs_from_neighbours(nn, docs, top=1).values.tolist() == [["c", "d", 0.9]]


# -- corpora of several different pages: one model, exact top-k ------------------------------------------

@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """The seed page and eight synthetic pages (recombined sentences, recycled related items)."""
    import sys

    from analysis import load_corpus
    from analysis.config import PROJ_ROOT, SEEDS_DIR

    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    from make_corpus import make_corpus

    folder = tmp_path_factory.mktemp("crawl")
    make_corpus(8, folder, seed=3)
    return load_corpus([*sorted(SEEDS_DIR.glob("*.txt")), *sorted(folder.glob("*.txt"))])


def test_ties_are_broken_by_corpus_order():
    docs = pd.DataFrame({"doc_id": list("abcd"), "content_id": list("1234"),
                         "title": ["台灣", "台灣", "台灣", "美國"], "text": ["", "。", "！", ""]})
    nn = nearest_neighbours(docs, top=1)
    # a, b and c are identical in terms (punctuation is not a term) but distinct texts: each one's
    # nearest is the earliest of the other two; d shares nothing and has no neighbour.
    assert nn[["doc_id", "neighbour"]].values.tolist() == [["a", "b"], ["b", "a"], ["c", "a"]]


def test_one_model_gives_every_table_the_same_values(crawl):
    from analysis import keywords, tfidf_model

    model = tfidf_model(crawl)
    pairs = similar_pairs(crawl, top=30, model=model)
    nn = nearest_neighbours(crawl, top=30, model=model)
    page = crawl[crawl["page_id"] == crawl["page_id"].iloc[0]]  # first page: its texts keep their doc_ids
    m = similarity_matrix(page, model=model)
    by_pair = {(a, b): s for a, b, s in nn[["doc_id", "neighbour", "similarity"]].itertuples(index=False)}
    for a, b, s in pairs.itertuples(index=False):
        assert by_pair[(a, b)] == s and by_pair[(b, a)] == s
    inside = [(a, b, s) for (a, b), s in by_pair.items() if a in m.index and b in m.index]
    assert inside, "the page's own pairs are among the neighbours"
    for a, b, s in inside:
        assert m.loc[a, b] == s
    # Without a shared model, the page's matrix is fitted on the page alone and disagrees.
    alone = similarity_matrix(page)
    assert any(alone.loc[a, b] != s for a, b, s in inside)
    assert set(keywords(page, model=model)["term"]) <= set(model.vocabulary)


def _pairs_by_dict(neighbours: pd.DataFrame, docs: pd.DataFrame, top: int) -> pd.DataFrame:
    """The most similar pairs as a dict of corpus places and the ids of every row give them."""
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    a, b = neighbours["doc_id"].map(order).to_numpy(), neighbours["neighbour"].map(order).to_numpy()
    pairs = pd.DataFrame({"doc_a": np.where(a < b, neighbours["doc_id"], neighbours["neighbour"]),
                          "doc_b": np.where(a < b, neighbours["neighbour"], neighbours["doc_id"]),
                          "similarity": neighbours["similarity"].to_numpy(),
                          "_a": np.minimum(a, b), "_b": np.maximum(a, b)}).drop_duplicates(["_a", "_b"])
    pairs = pairs.sort_values(["similarity", "_a", "_b"], ascending=[False, True, True], kind="mergesort")
    return pairs.head(top)[["doc_a", "doc_b", "similarity"]].reset_index(drop=True)


@pytest.mark.parametrize("dtype", ["str", object])
def test_pairs_from_neighbours_as_a_dict_of_places_gives_them(dtype):
    """Repeated and unknown ids, ties, pairs seen from both sides, any index: the same table, dtypes included."""
    rng = np.random.default_rng(5)
    for _ in range(100):
        docs = pd.DataFrame({"doc_id": pd.array([f"d{i}" for i in rng.integers(0, 15, size=rng.integers(1, 12))],
                                                dtype=dtype)})
        m = int(rng.integers(0, 30))
        neighbours = pd.DataFrame({
            "doc_id": pd.array([f"d{i}" for i in rng.integers(0, 16, size=m)], dtype=dtype),
            "neighbour": pd.array([f"d{i}" for i in rng.integers(0, 16, size=m)], dtype=dtype),
            "similarity": rng.choice([0.1, 0.5, 0.9], size=m)}, index=rng.permutation(m) + 5)
        for top in (0, 1, 3, 50):
            got, expected = pairs_from_neighbours(neighbours, docs, top=top), _pairs_by_dict(neighbours, docs, top)
            pd.testing.assert_frame_equal(got, expected)
