"""TF-IDF vectors against a hand computation, and keywords as the highest weights."""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis import tfidf
from analysis import TfidfModel, Weighting, keywords, tfidf_model, tfidf_vectors
from analysis.termlists import document_terms
from tests.conftest import transformed_rows

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["台灣", "美國", "台灣"],
                     "text": ["台灣黑熊。", "美國大使。", "美國黑熊。"]})


def by_hand(docs: pd.DataFrame, *, sublinear: bool = True) -> tuple[np.ndarray, list[str]]:
    """1 + ln(count) (or the raw count) times smoothed IDF, ln((1 + n) / (1 + df)) + 1, rows of unit length."""
    per_doc = [Counter(ts) for ts in document_terms(docs)]
    vocab = sorted(set().union(*per_doc))
    n = len(per_doc)
    idf = {t: math.log((1 + n) / (1 + sum(t in c for c in per_doc))) + 1 for t in vocab}

    def tf(count: int) -> float:
        return (1 + math.log(count) if count else 0.0) if sublinear else count

    rows = np.array([[tf(c[t]) * idf[t] for t in vocab] for c in per_doc])
    return rows / np.linalg.norm(rows, axis=1, keepdims=True), vocab


def test_vectors_match_a_hand_computation():
    X, vocab = tfidf_vectors(DOCS)
    expected, expected_vocab = by_hand(DOCS)
    assert vocab == expected_vocab == ["台灣", "台灣黑熊", "大使", "美國", "黑熊"]
    assert X.shape == (3, 5) and X.format == "csr"
    np.testing.assert_allclose(X.toarray(), expected, atol=1e-12)


def test_seed_vectors_are_unit_rows_in_document_order(seed_docs):
    X, vocab = tfidf_vectors(seed_docs)
    assert X.shape == (21, len(vocab)) and vocab == sorted(vocab)
    np.testing.assert_allclose(np.sqrt(X.multiply(X).sum(axis=1)).A1, 1.0)
    expected, _ = by_hand(seed_docs)
    np.testing.assert_allclose(X.toarray(), expected, atol=1e-12)


@pytest.mark.parametrize("kw, vocab", [
    ({"min_df": 2}, ["台灣", "美國"]),          # in two documents each
    ({"max_features": 2}, ["台灣", "美國"]),    # the two terms counted twice
])
def test_vocabulary_limits(kw, vocab):
    assert tfidf_vectors(DOCS, **kw)[1] == vocab


def test_keywords_are_the_highest_weights(seed_docs):
    kw = keywords(seed_docs, top=3)
    assert kw.groupby("doc_id").size().eq(3).all()
    X, vocab = tfidf_vectors(seed_docs)
    row = X[2].toarray().ravel()
    assert kw[kw["doc_id"] == seed_docs["doc_id"].iloc[2]]["weight"].tolist() == pytest.approx(
        sorted(row, reverse=True)[:3], abs=1e-6)
    assert kw.loc[kw["doc_id"] == seed_docs["doc_id"].iloc[2], "term"].iloc[0] == "台灣黑熊"


def test_keywords_table_and_ties_broken_by_term():
    kw = keywords(DOCS, top=2)
    assert kw.columns.tolist() == ["doc_id", "rank", "term", "weight"]
    assert kw[["doc_id", "rank", "term"]].values.tolist() == [
        ["a", 1, "台灣黑熊"], ["a", 2, "台灣"], ["b", 1, "美國"], ["b", 2, "大使"],
        ["c", 1, "黑熊"], ["c", 2, "台灣"]]  # 台灣 and 美國 weigh the same in c: the first term wins
    c = kw[kw["doc_id"] == "c"]["weight"].tolist()
    expected, vocab = by_hand(DOCS)
    assert c == pytest.approx([expected[2][vocab.index("黑熊")], expected[2][vocab.index("美國")]], abs=1e-6)


def test_keywords_of_a_document_with_no_term():
    docs = pd.DataFrame({"doc_id": ["a", "x"], "title": ["台灣", ""], "text": ["台灣黑熊。", "，。"]})
    kw = keywords(docs, top=5)
    assert set(kw["doc_id"]) == {"a"}


def test_raw_counts_on_request():
    model = tfidf_model(DOCS, weighting=Weighting(sublinear_tf=False))
    np.testing.assert_allclose(model.transform(DOCS).toarray(), by_hand(DOCS, sublinear=False)[0], atol=1e-12)


def test_the_model_is_fitted_on_distinct_texts():
    copies = pd.concat([DOCS.assign(content_id=["1", "2", "3"])] * 3, ignore_index=True)
    copies["doc_id"] = [f"d{i}" for i in range(len(copies))]
    model = tfidf_model(copies)
    assert isinstance(model, TfidfModel) and model.n_texts == 3
    # IDF over three distinct texts, whatever the number of copies: the vectors are those of DOCS.
    np.testing.assert_allclose(model.transform(copies.head(3)).toarray(), by_hand(DOCS)[0], atol=1e-12)
    assert tfidf_model(copies, unique=False).n_texts == 9


def test_transform_ignores_unknown_terms_and_keeps_row_order():
    model = tfidf_model(DOCS)
    other = pd.DataFrame({"title": ["聯合國", "台灣"], "text": ["", ""]})
    X = model.transform(other)
    assert X.shape == (2, len(model.vocabulary)) and X[0].nnz == 0 and X[1].nnz == 1


def test_transform_in_blocks_is_the_whole_transform(monkeypatch, seed_docs):
    model = tfidf_model(seed_docs)
    whole = model.transform(seed_docs)
    monkeypatch.setattr(tfidf, "TRANSFORM_BLOCK", 3)  # the seed's 21 documents in 7 blocks
    blocks = model.transform(seed_docs)
    assert blocks.format == "csr" and blocks.shape == whole.shape and blocks.dtype == whole.dtype
    for a, b in ((whole.data, blocks.data), (whole.indices, blocks.indices), (whole.indptr, blocks.indptr)):
        assert np.array_equal(a, b)
    assert model.transform(seed_docs.iloc[:0]).shape == (0, len(model.vocabulary))


def _same(a, b) -> bool:
    """Two CSR matrices with the same shape, indices and values, bit for bit."""
    return (a.shape == b.shape and np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
            and np.array_equal(a.data, b.data))


def test_vectors_kept_for_a_block_are_the_transform_s(monkeypatch, seed_docs):
    from analysis.tables import distinct

    model = tfidf_model(seed_docs)
    texts = distinct(seed_docs, unique=True)
    subset = seed_docs.iloc[[20, 3, 0, 3, 7]]  # rows in another order, one twice, copies of kept texts
    other = seed_docs.iloc[[1, 2]].assign(content_id=["x", "y"])  # ids not kept: transformed
    expected = {name: model.transform(frame) for name, frame in
                (("texts", texts), ("subset", subset), ("other", other), ("no ids", subset.drop(columns="content_id")))}
    calls = transformed_rows(monkeypatch)
    with model.kept(texts) as X:
        assert calls == [len(texts)] and _same(X, expected["texts"])
        assert model.transform(texts) is X  # the rows kept themselves: no copy
        assert _same(model.transform(subset), expected["subset"])
        assert calls == [len(texts)]  # taken, not computed
        assert _same(model.transform(other), expected["other"])
        assert _same(model.transform(subset.drop(columns="content_id")), expected["no ids"])
        assert calls == [len(texts), 2, len(subset)]
    assert _same(model.transform(subset), expected["subset"]) and calls[-1] == len(subset)  # let go at the end


def test_kept_vectors_are_read_only_and_blocks_nest(seed_docs):
    from analysis.tables import distinct

    model = tfidf_model(seed_docs)
    texts = distinct(seed_docs, unique=True)
    with model.kept(texts) as X:
        with pytest.raises(ValueError, match="read-only"):
            model.transform(texts).data[:] = 0.0  # the kept vectors themselves: never changed by a caller
        with model.kept(texts.iloc[:5]) as inner:
            assert _same(inner, X[:5])
        assert model.transform(texts) is X  # the outer block's vectors are kept again after the inner one
    assert model._kept is None


def test_vectors_are_not_kept_for_rows_whose_ids_repeat_or_lack(monkeypatch, seed_docs):
    model = tfidf_model(seed_docs)
    calls = transformed_rows(monkeypatch)
    for ids in (["a"] * len(seed_docs), [None] + [f"b{i}" for i in range(len(seed_docs) - 1)]):
        docs = seed_docs.assign(content_id=ids)
        with model.kept(docs) as X:
            assert X is None and calls == []  # an id that names two texts, or none, names no vector: none made
            assert _same(model.transform(docs.iloc[:3]), model.transform(seed_docs.iloc[:3]))
            assert calls == [3, 3]
        calls.clear()
    with model.kept(seed_docs.drop(columns="content_id")) as X:
        assert X is None and calls == []


def test_describe_names_the_weighting():
    d = tfidf_model(DOCS, weighting=Weighting(max_df=0.5)).describe()
    assert d["max_df"] == 0.5 and d["sublinear_tf"] is True and d["texts"] == 3 and d["terms"] == 3



@pytest.mark.parametrize("weighting", [Weighting(), Weighting(sublinear_tf=False), Weighting(max_df=0.5, min_df=2)])
def test_transform_is_the_vectorizers_own_transform(weighting):
    """Vectors counted from the terms' codes are, to the bit, what the fitted vectorizer makes of the
    documents' term lists: on pages of many outlets' layouts, with missing and repeated texts."""
    from analysis import read_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # their layouts are reported line by line
        docs = read_corpus(Path(__file__).parent / "data" / "outlets")[0]
    docs = pd.concat([docs, docs.head(3).assign(text=None), DOCS], ignore_index=True)
    model = tfidf_model(docs, weighting=weighting)
    ours = model.transform(docs)
    theirs = model.vectorizer.transform(document_terms(docs).tolist()).tocsr()
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype and ours.nnz > 1000
    for a, b in ((ours.data, theirs.data), (ours.indices, theirs.indices), (ours.indptr, theirs.indptr)):
        assert np.array_equal(a, b)
