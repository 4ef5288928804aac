"""Cosine similarity of TF-IDF vectors: a matrix for a page, nearest neighbours and pairs for a corpus.

The vectors are L2-normalised (:func:`analysis.tfidf_vectors`), so cosine
similarity is a sparse product. A full matrix is for a page or a selection;
across a corpus use :func:`nearest_neighbours`, which keeps only the top of
each row and never holds an N-by-N array, and :func:`similar_pairs`.

Pass one model fitted on the corpus (``model=tfidf_model(docs)``) to all of
them, and the same pair has the same value in every table. Similarities are
rounded to :data:`~analysis.tfidf.DECIMALS` decimals before they are ranked, so
that equal values are equal on every machine; ties are broken by corpus order
(the earlier document first). Documents that share no term are never
neighbours.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .deprecation import renamed_arguments
from .neighbours import Method, resolve_method, top_k
from .selection import positions
from .tables import distinct
from .tfidf import DECIMALS, TfidfModel, tfidf_model
from .typedefs import SegmenterLike, UserDict

#: Largest selection :func:`similarity_matrix` will build (the matrix is dense).
MAX_MATRIX_DOCS = 2000


def similarity_matrix(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                      segmenter: SegmenterLike | None = None, unique: bool = True) -> pd.DataFrame:
    """Cosine similarity of TF-IDF vectors, as a square table labelled by ``doc_id``.

    Parameters
    ----------
    docs : DataFrame
        A page or a selection of at most :data:`MAX_MATRIX_DOCS` documents.
    model : TfidfModel, optional
        A model fitted on the whole corpus (:func:`analysis.tfidf_model`), so that the matrix agrees
        with the corpus's neighbours and pairs; default: fit one on ``docs`` alone.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).
    unique : bool
        Keep each distinct text (``content_id``) once, under its first ``doc_id``.

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
    docs = distinct(docs, unique=unique)
    if len(docs) > MAX_MATRIX_DOCS:
        raise ValueError(
            f"similarity_matrix builds a dense {len(docs)}x{len(docs)} table; it is meant for a page "
            f"or a selection of at most {MAX_MATRIX_DOCS} documents. Use nearest_neighbours(docs, top=...) "
            "or similar_pairs(docs, top=...) for a whole corpus."
        )
    X = (model or tfidf_model(docs, userdict=userdict, segmenter=segmenter)).transform(docs)
    S = (X @ X.T).toarray()
    np.clip(S, 0.0, 1.0, out=S)
    ids = docs["doc_id"].tolist()
    return pd.DataFrame(S.round(DECIMALS), index=pd.Index(ids, name="doc_id"),
                        columns=pd.Index(ids, name="doc_id"))


@renamed_arguments(k="top")
def nearest_neighbours(docs: pd.DataFrame, *, top: int = 5, model: TfidfModel | None = None,
                       userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                       min_similarity: float = 0.0, unique: bool = True, method: Method = "auto") -> pd.DataFrame:
    """Each document's ``top`` most similar other documents, by sparse top-k search.

    Memory grows with the number of documents times ``top``, never with its square. While the
    exact search's work is at most :data:`analysis.neighbours.EXACT_WORK` (some 300,000 distinct
    texts of a synthetic outlet) the search is exact; beyond, it is approximate (every similarity
    reported is exact, but a neighbour can be missed; see :mod:`analysis.neighbours`, which states
    the recall measured). ``df.attrs["method"]`` says which.

    Parameters
    ----------
    docs : DataFrame
        Any number of documents.
    top : int
        Neighbours kept per document (``k=`` is a deprecated name for it).
    model : TfidfModel, optional
        A model fitted on the corpus (:func:`analysis.tfidf_model`); default: fit one on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).
    min_similarity : float
        Drop neighbours at or below this similarity (documents that share no term are never neighbours).
    unique : bool
        Compare each distinct text (``content_id``) once, under its first ``doc_id``; copies of
        the same text are not each other's neighbours.
    method : {"auto", "exact", "approximate"}
        The search (see :mod:`analysis.neighbours`): exact, approximate, or exact while its work
        is at most :data:`~analysis.neighbours.EXACT_WORK`.

    Returns
    -------
    DataFrame
        Columns ``doc_id``, ``neighbour``, ``similarity``, ``rank`` (1 = nearest),
        sorted by document order then rank; equal similarities ranked in corpus order.
        ``attrs["method"]`` is ``"exact"`` or ``"approximate"``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> nn = nearest_neighbours(load_corpus(SEEDS_DIR), top=1)
    >>> nn.columns.tolist(), len(nn)
    (['doc_id', 'neighbour', 'similarity', 'rank'], 21)
    """
    docs = distinct(docs, unique=unique)
    X = (model or tfidf_model(docs, userdict=userdict, segmenter=segmenter)).transform(docs)
    ids = docs["doc_id"].to_numpy()
    r, c, v = top_k(X, top, method=method)
    out = pd.DataFrame({"_row": r, "_col": c, "similarity": np.minimum(v, 1.0)})
    out = out[out["similarity"] > min_similarity]
    out["neighbour"] = ids[out["_col"].to_numpy()]
    out["doc_id"] = ids[out["_row"].to_numpy()]
    out["rank"] = out.groupby("_row").cumcount() + 1
    out = out[["doc_id", "neighbour", "similarity", "rank"]].reset_index(drop=True)
    out.attrs["method"] = resolve_method(method, X)
    return out


def pairs_from_neighbours(neighbours: pd.DataFrame, docs: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """The ``top`` most similar distinct pairs, from a :func:`nearest_neighbours` table of at least ``top`` a row.

    Each pair is kept once, however many times it appears (``a``'s neighbour ``b`` and ``b``'s
    neighbour ``a``).

    Parameters
    ----------
    neighbours : DataFrame
        Columns ``doc_id``, ``neighbour`` and ``similarity``.
    docs : DataFrame
        The documents (column ``doc_id``), for the corpus order within and between pairs.
    top : int
        How many pairs to return.

    Returns
    -------
    DataFrame
        Columns ``doc_a``, ``doc_b`` (in corpus order), ``similarity``; sorted by similarity
        descending, then corpus order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    >>> nn = pd.DataFrame({"doc_id": ["a", "b", "c"], "neighbour": ["b", "a", "a"], "similarity": [0.9, 0.9, 0.2]})
    >>> pairs_from_neighbours(nn, docs, top=2).values.tolist()
    [['a', 'b', 0.9], ['a', 'c', 0.2]]
    """
    # ranked by the documents' places in the corpus, and only the pairs kept given their ids again: a
    # crawl's millions of neighbours are never made Python strings
    a, b = positions(neighbours["doc_id"], docs["doc_id"]), positions(neighbours["neighbour"], docs["doc_id"])
    pairs = pd.DataFrame({"similarity": neighbours["similarity"].to_numpy(),
                          "_a": np.minimum(a, b), "_b": np.maximum(a, b)}).drop_duplicates(["_a", "_b"])
    pairs = pairs.sort_values(["similarity", "_a", "_b"], ascending=[False, True, True], kind="mergesort").head(top)
    rows = pairs.index.to_numpy()
    first, second, before = (neighbours["doc_id"].iloc[rows].to_numpy(), neighbours["neighbour"].iloc[rows].to_numpy(),
                             a[rows] < b[rows])
    out = pd.DataFrame({"doc_a": np.where(before, first, second), "doc_b": np.where(before, second, first),
                        "similarity": pairs["similarity"].to_numpy()})
    unknown = [c for c in ("doc_a", "doc_b") if out[c].isna().all()]
    if unknown and len(neighbours):  # no id to tell the column's type: the type the ids of every pair give it
        ids = {c: np.where(a < b, neighbours[x], neighbours[y])
               for c, x, y in (("doc_a", "doc_id", "neighbour"), ("doc_b", "neighbour", "doc_id")) if c in unknown}
        out = out.astype(pd.DataFrame(ids).dtypes.to_dict())
    return out


def similar_pairs(docs: pd.DataFrame, *, top: int = 10, model: TfidfModel | None = None,
                  userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                  unique: bool = True, method: Method = "auto") -> pd.DataFrame:
    """The most similar distinct pairs of documents.

    Exact for the top ``top`` pairs when the neighbour search is: a pair in the overall top
    ``top`` is among the ``top`` nearest neighbours of both its documents, so a sparse top-k
    search finds it without an N-by-N matrix.

    Parameters
    ----------
    docs : DataFrame
        Any number of documents.
    top : int
        How many pairs to return.
    model : TfidfModel, optional
        A model fitted on the corpus (:func:`analysis.tfidf_model`); default: fit one on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).
    unique : bool
        Compare each distinct text once (copies of one text are not a pair).
    method : {"auto", "exact", "approximate"}
        The neighbour search (see :func:`nearest_neighbours`).

    Returns
    -------
    DataFrame
        Columns ``doc_a``, ``doc_b`` (in corpus order within a pair), ``similarity``;
        sorted by similarity descending, then by ``doc_a`` and ``doc_b``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> similar_pairs(load_corpus(SEEDS_DIR), top=1)["similarity"].round(1).tolist()
    [0.8]
    """
    neighbours = nearest_neighbours(docs, top=top, model=model, userdict=userdict, segmenter=segmenter, unique=unique,
                                    method=method)
    return pairs_from_neighbours(neighbours, docs, top=top)
