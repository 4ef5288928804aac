"""Step 5 of the pipeline: TF-IDF similarity between documents.

scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer` builds
the vectors from the kit's terms (:func:`analysis.terms.document_terms`); rows
are L2-normalised, so cosine similarity is a sparse product. A full matrix is
for a page or a selection; across a corpus use :func:`nearest_neighbours`,
which keeps only the top ``k`` of each row and never holds an N-by-N array.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .terms import document_terms

#: Largest selection :func:`similarity_matrix` will build (the matrix is dense).
MAX_MATRIX_DOCS = 2000
#: Similarities are rounded to this many decimals in tables, so they compare exactly.
DECIMALS = 6


def _identity(terms: list[str]) -> list[str]:
    return terms


def tfidf_vectors(docs: pd.DataFrame, *, userdict=None, min_df: int = 1,
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
    """
    vec = TfidfVectorizer(analyzer=_identity, lowercase=False, min_df=min_df,
                          max_features=max_features, dtype=np.float64)
    X = vec.fit_transform(document_terms(docs, userdict=userdict).tolist())
    return X.tocsr(), vec.get_feature_names_out().tolist()


def similarity_matrix(docs: pd.DataFrame, *, userdict=None) -> pd.DataFrame:
    """Cosine similarity of TF-IDF vectors, as a square table labelled by ``doc_id``.

    Parameters
    ----------
    docs : DataFrame
        A page or a selection of at most :data:`MAX_MATRIX_DOCS` documents.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.

    Returns
    -------
    DataFrame
        Symmetric, with 1 on the diagonal for every document that has a term.

    Raises
    ------
    ValueError
        For more than :data:`MAX_MATRIX_DOCS` documents.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> m = similarity_matrix(load_corpus(SEEDS_DIR))
    >>> m.shape, bool((m.values.diagonal().round(9) == 1).all())
    ((21, 21), True)
    """
    if len(docs) > MAX_MATRIX_DOCS:
        raise ValueError(
            f"similarity_matrix builds a dense {len(docs)}x{len(docs)} table; it is meant for a page "
            f"or a selection of at most {MAX_MATRIX_DOCS} documents. Use nearest_neighbours(docs, k=...) "
            "or similar_pairs(docs, top=...) for a whole corpus."
        )
    X, _ = tfidf_vectors(docs, userdict=userdict)
    S = (X @ X.T).toarray()
    np.clip(S, 0.0, 1.0, out=S)
    ids = docs["doc_id"].tolist()
    return pd.DataFrame(S.round(DECIMALS), index=pd.Index(ids, name="doc_id"),
                        columns=pd.Index(ids, name="doc_id"))


def _top_k_rows(X: sp.csr_matrix, k: int, chunk: int = 2048):
    """Yield (row, col, similarity) of the k most similar other rows of each row, chunk by chunk."""
    XT = X.T.tocsc()
    n = X.shape[0]
    for start in range(0, n, chunk):
        block = (X[start:start + chunk] @ XT).tocsr()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            cols, vals = block.indices[lo:hi], block.data[lo:hi]
            keep = cols != start + r
            cols, vals = cols[keep], vals[keep]
            if len(cols) > k:
                idx = np.argpartition(-vals, k - 1)[:k]
                cols, vals = cols[idx], vals[idx]
            for c, v in zip(cols.tolist(), vals.tolist()):
                yield start + r, c, v


def nearest_neighbours(docs: pd.DataFrame, *, k: int = 5, userdict=None,
                       min_similarity: float = 0.0) -> pd.DataFrame:
    """Each document's ``k`` most similar other documents, by sparse top-k search.

    Memory grows with the number of documents times ``k``, never with its square.

    Parameters
    ----------
    docs : DataFrame
        Any number of documents.
    k : int
        Neighbours kept per document.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    min_similarity : float
        Drop neighbours below this similarity.

    Returns
    -------
    DataFrame
        Columns ``doc_id``, ``neighbour``, ``similarity``, ``rank`` (1 = nearest),
        sorted by document order then rank.
    """
    X, _ = tfidf_vectors(docs, userdict=userdict)
    ids = docs["doc_id"].to_numpy()
    rows = list(_top_k_rows(X, k))
    out = pd.DataFrame(rows, columns=["_row", "_col", "similarity"])
    out["similarity"] = out["similarity"].clip(0.0, 1.0).round(DECIMALS)
    out = out[out["similarity"] > min_similarity] if min_similarity > 0 else out[out["similarity"] > 0]
    out["neighbour"] = ids[out["_col"].to_numpy()]
    out = out.sort_values(["_row", "similarity", "neighbour"], ascending=[True, False, True],
                          kind="mergesort")
    out["doc_id"] = ids[out["_row"].to_numpy()]
    out["rank"] = out.groupby("_row").cumcount() + 1
    return out[["doc_id", "neighbour", "similarity", "rank"]].reset_index(drop=True)


def similar_pairs(docs: pd.DataFrame, *, top: int = 10, userdict=None) -> pd.DataFrame:
    """The most similar distinct pairs of documents.

    Exact for the top ``top`` pairs: a pair in the overall top ``top`` is among
    the ``top`` nearest neighbours of both its documents, so a sparse top-k
    search finds it without an N-by-N matrix.

    Parameters
    ----------
    docs : DataFrame
        Any number of documents.
    top : int
        How many pairs to return.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.

    Returns
    -------
    DataFrame
        Columns ``doc_a``, ``doc_b`` (in corpus order within a pair), ``similarity``;
        sorted by similarity descending, then by ``doc_a`` and ``doc_b``.
    """
    nn = nearest_neighbours(docs, k=top, userdict=userdict)
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    a = nn["doc_id"].map(order)
    b = nn["neighbour"].map(order)
    pairs = pd.DataFrame({
        "doc_a": np.where(a < b, nn["doc_id"], nn["neighbour"]),
        "doc_b": np.where(a < b, nn["neighbour"], nn["doc_id"]),
        "similarity": nn["similarity"],
        "_a": np.minimum(a, b), "_b": np.maximum(a, b),
    }).drop_duplicates(["_a", "_b"])
    pairs = pairs.sort_values(["similarity", "_a", "_b"], ascending=[False, True, True], kind="mergesort")
    return pairs.head(top)[["doc_a", "doc_b", "similarity"]].reset_index(drop=True)


def keywords(docs: pd.DataFrame, *, top: int = 5, userdict=None) -> pd.DataFrame:
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


def attach_titles(table: pd.DataFrame, docs: pd.DataFrame, *, columns: tuple[str, ...] = (),
                  width: int | None = None) -> pd.DataFrame:
    """Add a ``<column>_title`` column beside each id column of a table (e.g. ``doc_a``, ``neighbour``).

    Parameters
    ----------
    table : DataFrame
        A table of ``doc_id`` values, such as :func:`similar_pairs` returns.
    docs : DataFrame
        The documents, for their titles.
    columns : tuple of str
        The id columns (default: every column whose values are all ``doc_id`` s).
    width : int, optional
        Shorten titles to this many characters.
    """
    from .plots import shorten

    titles = dict(zip(docs["doc_id"], docs["title"]))
    cols = columns or tuple(c for c in table.columns if table[c].dtype != float and table[c].isin(titles).all()
                            and len(table))
    out = table.copy()
    for c in cols:
        pos = out.columns.get_loc(c) + 1
        t = out[c].map(titles)
        out.insert(pos, f"{c}_title", t.map(lambda s: shorten(s, width)) if width else t)
    return out


def text_reuse(docs: pd.DataFrame, *, min_chars: int = 15, candidates: pd.DataFrame | None = None,
               k: int = 5, userdict=None) -> pd.DataFrame:
    """Pairs of documents that share a passage of at least ``min_chars`` characters, word for word.

    Comparing every pair is quadratic, so only candidate pairs are compared: by
    default each document's ``k`` nearest neighbours by TF-IDF (texts that share
    a long passage also share its terms).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    min_chars : int
        Shortest shared passage reported (whitespace ignored).
    candidates : DataFrame, optional
        Pairs to compare, with columns ``doc_a`` and ``doc_b``.
    k : int
        Neighbours per document when ``candidates`` is not given.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.

    Returns
    -------
    DataFrame
        ``doc_a``, ``doc_b``, ``shared_chars`` (the longest shared passage),
        ``share_of_shorter`` (its length over the shorter text's), ``passage``;
        longest first.
    """
    from difflib import SequenceMatcher

    if candidates is None:
        nn = nearest_neighbours(docs, k=k, userdict=userdict)
        order = {d: i for i, d in enumerate(docs["doc_id"])}
        a, b = nn["doc_id"].map(order), nn["neighbour"].map(order)
        candidates = pd.DataFrame({"doc_a": np.where(a < b, nn["doc_id"], nn["neighbour"]),
                                   "doc_b": np.where(a < b, nn["neighbour"], nn["doc_id"])}).drop_duplicates()
    texts = dict(zip(docs["doc_id"], ("".join(t.split()) for t in docs["text"].fillna(""))))
    rows = []
    for a, b in candidates[["doc_a", "doc_b"]].itertuples(index=False):
        ta, tb = texts[a], texts[b]
        if not ta or not tb:
            continue
        m = SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match(0, len(ta), 0, len(tb))
        if m.size >= min_chars:
            rows.append((a, b, m.size, round(m.size / min(len(ta), len(tb)), DECIMALS), ta[m.a:m.a + m.size]))
    out = pd.DataFrame(rows, columns=["doc_a", "doc_b", "shared_chars", "share_of_shorter", "passage"])
    return out.sort_values(["shared_chars", "doc_a", "doc_b"], ascending=[False, True, True],
                           kind="mergesort").reset_index(drop=True)
