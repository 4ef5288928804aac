"""TF-IDF vectors of documents, and each document's keywords.

scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer` builds
the vectors from the kit's terms (:func:`analysis.document_terms`), one
L2-normalised row per document, so that cosine similarity
(:mod:`analysis.similarity`) is a sparse product.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .frequencies import document_terms
from .typedefs import UserDict

#: Weights and similarities are rounded to this many decimals in tables, so they compare exactly.
DECIMALS = 6


def _identity(terms: list[str]) -> list[str]:
    return terms


def tfidf_vectors(docs: pd.DataFrame, *, userdict: UserDict = None, min_df: int = 1,
                  max_features: int | None = None) -> tuple[sp.csr_matrix, list[str]]:
    """TF-IDF vectors of the documents' titles and texts, one L2-normalised row each.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    min_df : int
        Ignore terms found in fewer documents.
    max_features : int, optional
        Keep only the most frequent terms.

    Returns
    -------
    tuple of (scipy.sparse.csr_matrix, list of str)
        The matrix (documents by terms) and the vocabulary in column order.

    Examples
    --------
    >>> X, vocab = tfidf_vectors(pd.DataFrame({"title": ["台灣", "美國"], "text": ["台灣與美國。", ""]}))
    >>> X.shape, vocab
    ((2, 2), ['台灣', '美國'])
    >>> X.toarray().round(3).tolist()
    [[0.942, 0.335], [0.0, 1.0]]
    """
    rows = document_terms(docs, userdict=userdict).tolist()
    if not any(rows):  # no document has a term (or there is no document): nothing to weigh
        return sp.csr_matrix((len(rows), 0), dtype=np.float64), []
    vec = TfidfVectorizer(analyzer=_identity, lowercase=False, min_df=min_df,
                          max_features=max_features, dtype=np.float64)
    X = vec.fit_transform(rows)
    return X.tocsr(), vec.get_feature_names_out().tolist()


def keywords(docs: pd.DataFrame, *, top: int = 5, userdict: UserDict = None) -> pd.DataFrame:
    """The most distinctive terms of each document: its highest TF-IDF weights.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; IDF is computed over these documents.
    top : int
        Keywords per document.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.

    Returns
    -------
    DataFrame
        ``doc_id``, ``rank``, ``term``, ``weight`` (TF-IDF, rows L2-normalised);
        ties broken by term.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["台灣", "美國"], "text": ["台灣黑熊。", "美國大使。"]})
    >>> keywords(docs, top=1)[["doc_id", "term"]].values.tolist()
    [['a', '台灣'], ['b', '美國']]
    """
    X, vocab = tfidf_vectors(docs, userdict=userdict)
    vocab_arr = np.asarray(vocab, dtype=object)
    rows = []
    for i, doc_id in enumerate(docs["doc_id"]):
        lo, hi = X.indptr[i], X.indptr[i + 1]
        cols, vals = X.indices[lo:hi], X.data[lo:hi].round(DECIMALS)
        order = sorted(range(len(cols)), key=lambda j: (-vals[j], vocab_arr[cols[j]]))[:top]
        for rank, j in enumerate(order, start=1):
            rows.append((doc_id, rank, vocab_arr[cols[j]], float(vals[j])))
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "weight"])
