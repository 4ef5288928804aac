"""TF-IDF similarity: a symmetric matrix with a unit diagonal, and the known pairs of the seed page."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import nearest_neighbours, similar_pairs, similarity_matrix
from analysis import similarity as sim_mod
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


def test_keywords_are_the_highest_weights(seed_docs):
    from analysis import keywords, tfidf_vectors

    kw = keywords(seed_docs, top=3)
    assert kw.groupby("doc_id").size().eq(3).all()
    X, vocab = tfidf_vectors(seed_docs)
    row = X[2].toarray().ravel()
    assert kw[kw["doc_id"] == seed_docs["doc_id"].iloc[2]]["weight"].tolist() == pytest.approx(
        sorted(row, reverse=True)[:3], abs=1e-6)
    assert kw.loc[kw["doc_id"] == seed_docs["doc_id"].iloc[2], "term"].iloc[0] == "台灣黑熊"


def test_text_reuse_finds_the_repeated_lead(seed_docs):
    from analysis import text_reuse

    reuse = text_reuse(seed_docs, min_chars=15)
    top = reuse.iloc[0]
    art, item = seed_docs["doc_id"].iloc[0], title_of(seed_docs, "美駐UN大使會台代表")
    assert (top["doc_a"], top["doc_b"], top["share_of_shorter"]) == (art, item, 1.0)
    assert top["passage"] == "".join(seed_docs["text"].iloc[1].split())
    lead = "美台關係再升溫!美國國務卿蓬佩奧"
    pair = {title_of(seed_docs, "外交部:與AIT協調中"), title_of(seed_docs, "讚台可靠夥伴")}
    shared = reuse[reuse.apply(lambda r: {r.doc_a, r.doc_b} == pair, axis=1)]
    assert len(shared) == 1 and shared["shared_chars"].iloc[0] >= 60
    assert "美國駐聯合國大使克拉夫特,將訪問台灣。蓬佩奧說" in shared["passage"].iloc[0]
    texts = seed_docs.set_index("doc_id")["text"]
    assert all(texts[d].startswith(lead) for d in pair)


def test_attach_titles(seed_docs):
    from analysis import attach_titles

    pairs = attach_titles(similar_pairs(seed_docs, top=2), seed_docs, width=8)
    assert list(pairs.columns) == ["doc_a", "doc_a_title", "doc_b", "doc_b_title", "similarity"]
    assert pairs["doc_a_title"].str.len().max() <= 8
