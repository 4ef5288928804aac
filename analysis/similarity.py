"""Step 5 of the pipeline: TF-IDF similarity between documents.

scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer` builds
the vectors from the kit's terms (:func:`analysis.frequencies.document_terms`); rows
are L2-normalised, so cosine similarity is a sparse product. A full matrix is
for a page or a selection; across a corpus use :func:`nearest_neighbours`,
which keeps only the top ``k`` of each row and never holds an N-by-N array.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .frequencies import document_terms

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


#: Most similarity values held at once while searching neighbours (a block of rows by all rows).
BLOCK_VALUES = 16_000_000


def _top_k(X: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and values of each row's ``k`` most similar other rows, block by block.

    Each block of rows is multiplied by the whole matrix (sparse), made dense, and cut to its top ``k``
    with one ``argpartition``: memory is bounded by :data:`BLOCK_VALUES`, whatever the corpus size.
    """
    n = X.shape[0]
    k = min(k, n - 1)
    if k <= 0:
        empty = np.array([], dtype=np.int64)
        return empty, empty, np.array([], dtype=np.float64)
    XT = X.T.tocsc()
    step = max(1, min(n, BLOCK_VALUES // max(n, 1)))
    from .progress import progress

    rows, cols, vals = [], [], []
    bar = progress(n, "nearest neighbours", unit="doc")
    for start in range(0, n, step):
        block = (X[start:start + step] @ XT).toarray()
        m = block.shape[0]
        block[np.arange(m), np.arange(start, start + m)] = -np.inf  # not its own neighbour
        idx = np.argpartition(-block, k - 1, axis=1)[:, :k]
        rows.append(np.repeat(np.arange(start, start + m), k))
        cols.append(idx.ravel())
        vals.append(np.take_along_axis(block, idx, axis=1).ravel())
        bar.update(m)
    bar.close()
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def nearest_neighbours(docs: pd.DataFrame, *, k: int = 5, userdict=None, min_similarity: float = 0.0,
                       unique: bool = True) -> pd.DataFrame:
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
        Drop neighbours at or below this similarity (0 drops documents with no shared term).
    unique : bool
        Compare each distinct text (``content_id``) once, under its first ``doc_id``; copies of
        the same text are not each other's neighbours.

    Returns
    -------
    DataFrame
        Columns ``doc_id``, ``neighbour``, ``similarity``, ``rank`` (1 = nearest),
        sorted by document order then rank; ties broken by ``neighbour``.
    """
    if unique and "content_id" in docs:
        docs = docs.drop_duplicates("content_id")
    X, _ = tfidf_vectors(docs, userdict=userdict)
    ids = docs["doc_id"].to_numpy()
    r, c, v = _top_k(X, k)
    out = pd.DataFrame({"_row": r, "_col": c, "similarity": np.clip(v, 0.0, 1.0).round(DECIMALS)})
    out = out[out["similarity"] > min_similarity]
    out["neighbour"] = ids[out["_col"].to_numpy()]
    out = out.sort_values(["_row", "similarity", "neighbour"], ascending=[True, False, True],
                          kind="mergesort")
    out["doc_id"] = ids[out["_row"].to_numpy()]
    out["rank"] = out.groupby("_row").cumcount() + 1
    return out[["doc_id", "neighbour", "similarity", "rank"]].reset_index(drop=True)


def pairs_from_neighbours(neighbours: pd.DataFrame, docs: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """The ``top`` most similar distinct pairs, from a :func:`nearest_neighbours` table with ``k >= top``."""
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    a = neighbours["doc_id"].map(order).to_numpy()
    b = neighbours["neighbour"].map(order).to_numpy()
    pairs = pd.DataFrame({
        "doc_a": np.where(a < b, neighbours["doc_id"], neighbours["neighbour"]),
        "doc_b": np.where(a < b, neighbours["neighbour"], neighbours["doc_id"]),
        "similarity": neighbours["similarity"].to_numpy(),
        "_a": np.minimum(a, b), "_b": np.maximum(a, b),
    }).drop_duplicates(["_a", "_b"])
    pairs = pairs.sort_values(["similarity", "_a", "_b"], ascending=[False, True, True], kind="mergesort")
    return pairs.head(top)[["doc_a", "doc_b", "similarity"]].reset_index(drop=True)


def similar_pairs(docs: pd.DataFrame, *, top: int = 10, userdict=None, unique: bool = True) -> pd.DataFrame:
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
    unique : bool
        Compare each distinct text once (copies of one text are not a pair).

    Returns
    -------
    DataFrame
        Columns ``doc_a``, ``doc_b`` (in corpus order within a pair), ``similarity``;
        sorted by similarity descending, then by ``doc_a`` and ``doc_b``.
    """
    return pairs_from_neighbours(nearest_neighbours(docs, k=top, userdict=userdict, unique=unique), docs, top=top)


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
        candidates = pairs_from_neighbours(nn, docs, top=len(nn))
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
