"""TF-IDF: one model per corpus, its vectors, and each document's keywords.

:func:`tfidf_model` fits scikit-learn's
:class:`~sklearn.feature_extraction.text.TfidfVectorizer` once, on the
corpus's distinct texts (each ``content_id`` once, so that a related item
recycled on 500 pages does not count as 500 documents for IDF), over the kit's
terms (:func:`analysis.document_terms`). Every table that compares documents
(:func:`analysis.similarity_matrix`, :func:`analysis.nearest_neighbours`,
:func:`analysis.similar_pairs`, :func:`analysis.keywords`,
:func:`analysis.text_reuse`) takes ``model=``, so that a script fits once and
every table, figure and notebook gives the same pair the same value. Rows are
L2-normalised, so cosine similarity (:mod:`analysis.similarity`) is a sparse
product.

The weighting (:class:`Weighting`) is sublinear term frequency (1 + log tf)
with smoothed IDF and no ``max_df`` cut: articles are about five times longer
than related items' summaries, and with raw counts an article's vector is
dominated by the few terms it repeats. ``benchmarks/weighting.py`` measures the
choice (see the README's "Similarity" section); every part can be changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .termlists import document_terms
from .termcodes import field_codes
from .selection import positions
from .settings import options
from .tables import distinct
from .typedefs import SegmenterLike, UserDict

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

#: Weights and similarities are rounded to this many decimals in tables, so they compare exactly.
DECIMALS = 6
#: Texts segmented and vectorised at once by :meth:`TfidfModel.transform`: the terms of a crawl's
#: texts are never all held as lists (each row's vector depends on its text alone, so the result is
#: the same).
TRANSFORM_BLOCK = 20_000


def _identity(terms: list[str]) -> list[str]:
    return terms


@dataclass(frozen=True, kw_only=True)
class Weighting:
    """How terms are weighted: the options of scikit-learn's ``TfidfVectorizer`` that the kit exposes.

    Parameters
    ----------
    sublinear_tf : bool
        Weigh a term's count as 1 + log(count) instead of the raw count.
    smooth_idf : bool
        Add one to document frequencies, as if one more text held every term.
    min_df : int or float
        Ignore terms in fewer texts (an int) or a smaller share of texts (a float).
    max_df : int or float
        Ignore terms in more texts (an int) or a larger share of texts (a float); 1.0 keeps all.
    max_features : int, optional
        Keep only the most frequent terms.

    Examples
    --------
    >>> Weighting().sublinear_tf, Weighting(max_df=0.5).max_df
    (True, 0.5)
    """

    sublinear_tf: bool = True
    smooth_idf: bool = True
    min_df: int | float = 1
    max_df: int | float = 1.0
    max_features: int | None = None


class TfidfModel:
    """A TF-IDF model fitted once on a corpus's distinct texts; :func:`tfidf_model` makes one.

    Attributes
    ----------
    vectorizer : sklearn.feature_extraction.text.TfidfVectorizer or None
        The fitted vectorizer (None when no text had a term).
    weighting : Weighting
        The weighting it was fitted with.
    userdict : path or list of paths, or None
        The extra dictionaries its terms were segmented with.
    segmenter : callable or None
        The segmenter of your own its terms were segmented with (None: the kit's).
    n_texts : int
        How many distinct texts it was fitted on.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國"], "text": ["台灣與美國。", ""], "content_id": ["a", "b"]})
    >>> model = tfidf_model(docs)
    >>> model.vocabulary, model.n_texts, model.transform(docs).shape
    (['台灣', '美國'], 2, (2, 2))
    """

    def __init__(self, vectorizer: TfidfVectorizer | None, *, weighting: Weighting, userdict: UserDict,
                 segmenter: SegmenterLike | None = None, n_texts: int):
        self.vectorizer = vectorizer
        self.weighting = weighting
        self.userdict = userdict
        self.segmenter = segmenter
        self.n_texts = n_texts
        self._terms: pd.Index | None = None
        self._kept: tuple[pd.Series, sp.csr_matrix] | None = None

    @property
    def vocabulary(self) -> list[str]:
        """The terms, in column order."""
        return [] if self.vectorizer is None else self.vectorizer.get_feature_names_out().tolist()

    def transform(self, docs: pd.DataFrame) -> sp.csr_matrix:
        """The L2-normalised TF-IDF vectors of ``docs`` (titles and texts), one row per row of ``docs``.

        Terms the model was not fitted on are ignored. The texts are segmented as the model's were.

        Raises
        ------
        ValueError
            When the model was fitted with the kit's segmenter and the session now has another
            (:func:`analysis.configure`): fit a model with it.
        """
        if self.segmenter is None and options.segmenter is not None:
            raise ValueError("this TF-IDF model was fitted with the kit's segmenter, and the session now uses "
                             "another: fit a new model (tfidf_model) to compare documents with it")
        if self.vectorizer is None or not len(docs):
            return sp.csr_matrix((len(docs), len(self.vocabulary)), dtype=np.float64)
        if (kept := self._from_kept(docs)) is not None:
            return kept
        if len(docs) <= TRANSFORM_BLOCK:
            return self._vectors(docs)
        return sp.vstack([self._vectors(docs.iloc[start:start + TRANSFORM_BLOCK])
                          for start in range(0, len(docs), TRANSFORM_BLOCK)], format="csr")

    @contextmanager
    def kept(self, docs: pd.DataFrame) -> Iterator[sp.csr_matrix | None]:
        """Transform ``docs`` once for a block of work: inside it, :meth:`transform` of rows whose every
        ``content_id`` is one of theirs takes their vectors from here (rows taken, not computed again).

        For a script that compares the same texts several ways (neighbours, stories, related lists).
        Rows are taken by ``content_id``, as :func:`analysis.tables.distinct` counts texts: a copy whose
        title and text differ from the kept row's only in character widths or spaces (the same
        ``content_id``) gets the kept row's vector, as it does in the neighbours and stories; with the
        kit's segmenter, or any that ignores spaces and widths, that is the vector :meth:`transform`
        computes for it, to the bit. Rows without a ``content_id``, or with one ``docs`` lacks, are
        transformed as outside the block. The kept vectors are read-only (a matrix :meth:`transform`
        returns may be them) and let go at the block's end; blocks nest.

        Parameters
        ----------
        docs : DataFrame
            The rows whose vectors are kept, each ``content_id`` once (typically
            ``distinct(docs, unique=True)``). Where a ``content_id`` is missing or repeated, nothing is
            kept or computed, and the block yields None.

        Yields
        ------
        scipy.sparse.csr_matrix or None
            The vectors of ``docs``, or None when none are kept.

        Examples
        --------
        >>> docs = pd.DataFrame({"title": ["台灣", "美國"], "text": ["台灣與美國。", "美國。"],
        ...                      "content_id": ["a", "b"]})
        >>> model = tfidf_model(docs)
        >>> with model.kept(docs) as X:
        ...     (model.transform(docs.iloc[::-1]) != X[::-1]).nnz
        0
        """
        ids = docs["content_id"] if "content_id" in docs else None
        usable = ids is not None and bool(ids.notna().all()) and not ids.duplicated().any()
        before = self._kept
        X = self.transform(docs) if usable else None
        if X is not None:
            for array in (X.data, X.indices, X.indptr):
                array.flags.writeable = False
            self._kept = (ids, X)
        try:
            yield X
        finally:
            self._kept = before

    def _from_kept(self, docs: pd.DataFrame) -> sp.csr_matrix | None:
        """The kept vectors of ``docs``' rows (:meth:`kept`), or None when a row's are not kept."""
        if self._kept is None or "content_id" not in docs:
            return None
        ids, X = self._kept
        where = positions(docs["content_id"], ids)
        if np.isnan(where).any():
            return None
        rows = where.astype(np.int64)
        if len(rows) == X.shape[0] and (rows == np.arange(len(rows))).all():
            return X  # the very rows kept: no copy
        return X[rows]

    def _vectors(self, docs: pd.DataFrame) -> sp.csr_matrix:
        """:meth:`transform` of a block of rows: what ``self.vectorizer.transform`` makes of their terms
        (term counts, then the vectorizer's sublinear tf, idf and L2 norm, in its order of operations),
        counted from the terms' codes (:func:`analysis.termcodes.field_codes`) rather than term by term."""
        indptr, codes, columns = field_codes(docs["title"], docs["text"], vocabulary=self._columns(),
                                             userdict=self.userdict, segmenter=self.segmenter)
        X = sp.csr_matrix((np.ones(len(codes)), codes, indptr), shape=(len(docs), len(columns)))
        X.sum_duplicates()
        if self.vectorizer.sublinear_tf:
            np.log(X.data, X.data)
            X.data += 1.0
        if self.vectorizer.use_idf:
            X.data *= self.vectorizer.idf_[X.indices]
        from sklearn.preprocessing import normalize  # imported where used: what only reads or draws a report
        # never pays for scikit-learn's import (0.7 s)
        return normalize(X, norm=self.vectorizer.norm, copy=False).tocsr()

    def _columns(self) -> pd.Index:
        """The terms in column order, as an index to look terms up in (made once)."""
        if self._terms is None:
            self._terms = pd.Index(self.vectorizer.get_feature_names_out(), dtype=object)
        return self._terms

    def describe(self) -> dict:
        """The settings and size of the model, for a report's record.

        Examples
        --------
        >>> tfidf_model(pd.DataFrame({"title": ["台灣"], "text": [""]})).describe()["terms"]
        1
        """
        return {**asdict(self.weighting), "texts": self.n_texts, "terms": len(self.vocabulary)}

    def __repr__(self) -> str:
        return f"TfidfModel({self.n_texts} texts, {len(self.vocabulary)} terms, {self.weighting})"


def tfidf_model(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                weighting: Weighting | None = None, unique: bool = True) -> TfidfModel:
    """Fit one TF-IDF model on a corpus, to be passed as ``model=`` to every comparing function.

    Parameters
    ----------
    docs : DataFrame
        The corpus, from :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's);
        the model keeps it and segments what it transforms with it.
    weighting : Weighting, optional
        How terms are weighted (default: :class:`Weighting`'s defaults).
    unique : bool
        Fit on each distinct text (``content_id``) once.

    Returns
    -------
    TfidfModel

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> model = tfidf_model(load_corpus(SEEDS_DIR))
    >>> model.n_texts, len(model.vocabulary) > 300
    (21, True)
    """
    weighting = weighting or Weighting()
    segmenter = segmenter if segmenter is not None else options.segmenter  # kept: transform segments alike
    texts = distinct(docs, unique=unique)
    rows = document_terms(texts, userdict=userdict, segmenter=segmenter).tolist()
    if not any(rows):  # no text has a term (or there is no text): nothing to weigh
        return TfidfModel(None, weighting=weighting, userdict=userdict, n_texts=len(rows), segmenter=segmenter)
    from sklearn.feature_extraction.text import TfidfVectorizer  # imported where used (see transform)

    vec = TfidfVectorizer(analyzer=_identity, lowercase=False, dtype=np.float64, norm="l2", **asdict(weighting))
    vec.fit(rows)
    return TfidfModel(vec, weighting=weighting, userdict=userdict, n_texts=len(rows), segmenter=segmenter)


def tfidf_vectors(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None, min_df: int = 1,
                  max_features: int | None = None) -> tuple[sp.csr_matrix, list[str]]:
    """TF-IDF vectors of the documents' titles and texts, one L2-normalised row each.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    model : TfidfModel, optional
        A model fitted on the corpus (:func:`tfidf_model`); default: fit one on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).
    min_df : int
        Ignore terms found in fewer texts, when no ``model`` is given.
    max_features : int, optional
        Keep only the most frequent terms, when no ``model`` is given.

    Returns
    -------
    tuple of (scipy.sparse.csr_matrix, list of str)
        The matrix (one row per row of ``docs``, by terms) and the vocabulary in column order.

    Examples
    --------
    >>> X, vocab = tfidf_vectors(pd.DataFrame({"title": ["台灣", "美國"], "text": ["台灣與美國。", ""]}))
    >>> X.shape, vocab
    ((2, 2), ['台灣', '美國'])
    >>> X.toarray().round(3).tolist()
    [[0.922, 0.387], [0.0, 1.0]]
    """
    if model is None:
        model = tfidf_model(docs, userdict=userdict, segmenter=segmenter,
                            weighting=Weighting(min_df=min_df, max_features=max_features))
    return model.transform(docs), model.vocabulary


def keywords(docs: pd.DataFrame, *, top: int = 5, model: TfidfModel | None = None,
             userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """The most distinctive terms of each document: its highest TF-IDF weights.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    top : int
        Keywords per document.
    model : TfidfModel, optional
        A model fitted on the corpus (:func:`tfidf_model`); default: fit one on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).

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
    X, vocab = tfidf_vectors(docs, model=model, userdict=userdict, segmenter=segmenter)
    vocab_arr = np.asarray(vocab, dtype=object)
    rows = []
    for i, doc_id in enumerate(docs["doc_id"]):
        lo, hi = X.indptr[i], X.indptr[i + 1]
        cols, vals = X.indices[lo:hi], X.data[lo:hi].round(DECIMALS)
        order = sorted(range(len(cols)), key=lambda j: (-vals[j], vocab_arr[cols[j]]))[:top]
        for rank, j in enumerate(order, start=1):
            rows.append((doc_id, rank, vocab_arr[cols[j]], float(vals[j])))
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "weight"])
