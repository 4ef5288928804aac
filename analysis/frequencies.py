"""Term frequencies: the terms of documents counted, by group, ranked.

Terms are as :mod:`analysis.vocabulary` defines them and :mod:`analysis.termlists` finds them in a
text; they are counted from their codes (:func:`analysis.termcodes.field_codes`) as sparse
matrices summed into groups, each distinct text once. :func:`terms`, :func:`document_terms`,
:func:`normalize`, :func:`is_term` and :func:`field_codes` are importable from here too, where they
were defined before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .tables import distinct
from .termcodes import FIELDS_BLOCK, field_codes
from .termlists import document_terms, field_terms, terms, text_terms, word_terms  # noqa: F401  (importable from here)
from .typedefs import SegmenterLike, UserDict
from .vocabulary import is_term, normalize, stopwords, variants  # noqa: F401  (importable from here)


def term_frequencies(docs: pd.DataFrame, *, by: str | Sequence[str] | None = None, userdict: UserDict = None,
                     segmenter: SegmenterLike | None = None, unique: bool = True,
                     min_count: int = 1) -> pd.DataFrame:
    """Count terms in the documents' titles and texts.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    by : str or list of str, optional
        Count separately for each value of these columns (e.g. ``"kind"``,
        ``"page_id"``, or a month column you add).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    unique : bool
        Count each distinct text (``content_id``) once, as every function of the kit does by
        default; False counts every copy, as crawled.
    min_count : int
        Drop terms counted fewer times.

    Returns
    -------
    DataFrame
        Columns: the ``by`` columns, then ``term``, ``count``, ``share`` (of all
        terms counted in the group), ``documents`` (how many documents hold the
        term) and ``rank`` (1 for the most frequent in the group). Sorted by
        group, count descending, then term.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國。"]})
    >>> term_frequencies(docs)[["term", "count"]].values.tolist()
    [['台灣', 2], ['美國', 1]]
    """
    return frequencies_at(docs, None, by=by, userdict=userdict, segmenter=segmenter, unique=unique,
                          min_count=min_count)


def _values(column: pd.Series, rows: np.ndarray) -> Iterator[object]:
    """The values of ``column`` at positions ``rows``, read :data:`FIELDS_BLOCK` at a time, as
    :func:`field_codes` takes them (a crawl's texts are never copied at once)."""
    for start in range(0, len(rows), FIELDS_BLOCK):
        yield from column.iloc[rows[start:start + FIELDS_BLOCK]].tolist()


def frequencies_at(docs: pd.DataFrame, rows: np.ndarray | None, *, by: str | Sequence[str] | None = None,
                   userdict: UserDict = None, segmenter: SegmenterLike | None = None, unique: bool = True,
                   min_count: int = 1) -> pd.DataFrame:
    """:func:`term_frequencies` of ``docs.iloc[rows]``, without copying the rows or their texts.

    Each distinct text is counted once and weighted by how many of the documents counted share it:
    with ``unique`` (the default) each ``content_id``'s first copy counts once; without, the copies of
    a ``content_id`` (a digest of title and text) in a group are counted once, times their number.
    Only the texts counted are made Python strings, for their terms to be looked up.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    rows : array of int, optional
        Positions of the documents counted, as ``docs.iloc`` takes them (default: every document).
    by, userdict, segmenter, unique, min_count
        As :func:`term_frequencies` takes them.

    Returns
    -------
    DataFrame
        :func:`term_frequencies`' table of ``docs.iloc[rows]``.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "日本"], "text": ["台灣與美國。", ""]})
    >>> frequencies_at(docs, np.array([1]))[["term", "count"]].values.tolist()
    [['日本', 1]]
    """
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    rows = np.arange(len(docs)) if rows is None else np.asarray(rows, dtype=np.int64)
    content = pd.factorize(docs["content_id"])[0] if "content_id" in docs else None
    if content is not None and unique:  # each text's first copy, in corpus order (as distinct() keeps it)
        rows = rows[~pd.Series(content[rows]).duplicated().to_numpy()]
    if content is not None and not unique:  # each group's copies of a text counted once, times their number
        copies = pd.factorize(_group_codes(docs, rows, keys) * (int(content.max(initial=0)) + 2)
                              + content[rows] + 1)[0]
        weight = np.bincount(copies).astype(np.int64)
        rows = rows[np.unique(copies, return_index=True)[1]]
    else:  # each row once
        weight = np.ones(len(rows), dtype=np.int64)
    group = _group_codes(docs, rows, keys)
    # A sparse matrix of the texts' rows by terms, summed into the ``by`` groups: memory of the order
    # of the corpus's words, not a Python object for every (text, term).
    indptr, codes, vocabulary = field_codes(_values(docs["title"], rows), _values(docs["text"], rows),
                                            userdict=userdict, segmenter=segmenter)
    matrix = sp.csr_matrix((np.ones(len(codes), dtype=np.int32), codes, indptr),
                           shape=(len(rows), len(vocabulary)))
    matrix.sum_duplicates()
    first = np.unique(group, return_index=True)[1]  # a row of each group, for its key values
    weights = sp.csr_matrix((weight, (group, np.arange(len(rows)))), shape=(len(first), len(rows)))
    count = sp.csr_matrix(weights @ matrix)
    held = sp.csr_matrix(weights @ (matrix > 0).astype(np.int64))  # the same places: a count > 0 is held
    count.sort_indices()
    held.sort_indices()
    at = np.repeat(np.arange(count.shape[0]), np.diff(count.indptr))
    terms_ = vocabulary.to_numpy(dtype=object)
    counts = pd.DataFrame({**{k: docs[k].iloc[rows[first]].to_numpy()[at] for k in keys},
                           "term": pd.array(terms_[count.indices], dtype="str"),
                           "count": count.data.astype(np.int64),
                           "documents": held.data.astype(np.int64)})
    totals = counts.groupby(keys, dropna=False)["count"].transform("sum") if keys else counts["count"].sum()
    counts["share"] = counts["count"] / totals
    return _ranked(counts[counts["count"] >= min_count], keys)


def _group_codes(docs: pd.DataFrame, rows: np.ndarray, keys: list[str]) -> np.ndarray:
    """The ``by`` group of each row at ``rows``, numbered in the order first seen (0 for all without keys)."""
    if not keys:
        return np.zeros(len(rows), dtype=np.int64)
    return docs[keys].iloc[rows].groupby(keys, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)


def _ranked(counts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """A frequency table in its order (group, count descending, term), ranked in each group, in its columns."""
    counts = counts.sort_values([*keys, "count", "term"], ascending=[*([True] * len(keys)), False, True],
                                kind="mergesort").reset_index(drop=True)
    counts["rank"] = counts.groupby(keys, dropna=False).cumcount() + 1 if keys else range(1, len(counts) + 1)
    counts[["count", "documents"]] = counts[["count", "documents"]].astype("int64")
    return counts[[*keys, "term", "count", "share", "documents", "rank"]]


def pooled_frequencies(counts: pd.DataFrame, *, by: str | Sequence[str]) -> pd.DataFrame:
    """A grouped :func:`term_frequencies` table summed over its groups: the table of the whole corpus.

    Each distinct text is in one group, so the counts and the documents holding each term add up;
    the result equals ``term_frequencies(docs)`` for ``counts = term_frequencies(docs, by=by)``
    (``min_count`` 1), without segmenting or counting again.

    Parameters
    ----------
    counts : DataFrame
        :func:`term_frequencies` with ``by``.
    by : str or list of str
        Its group columns.

    Returns
    -------
    DataFrame
        ``term``, ``count``, ``share``, ``documents``, ``rank``, sorted as :func:`term_frequencies` sorts.

    Examples
    --------
    >>> docs = pd.DataFrame({"kind": ["article", "related"], "title": ["台灣", "美國"], "text": ["台灣與美國。", ""]})
    >>> pooled_frequencies(term_frequencies(docs, by="kind"), by="kind").values.tolist()
    [['台灣', 2, 0.5, 1, 1], ['美國', 2, 0.5, 2, 2]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    out = counts.drop(columns=[*keys, "share", "rank"]).groupby("term", sort=False)[["count", "documents"]].sum()
    out = out.reset_index()
    out["share"] = out["count"] / out["count"].sum()
    return _ranked(out, [])


def top_terms_by_period(docs: pd.DataFrame, *, freq: str = "YS", top: int = 8, userdict: UserDict = None,
                        segmenter: SegmenterLike | None = None, unique: bool = True) -> pd.DataFrame:
    """The most frequent terms of each period, to see how the vocabulary shifts.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; undated documents are left out.
    freq : str
        A pandas frequency for the periods (``"YS"`` years, ``"QS"`` quarters, ``"MS"`` months).
    top : int
        Terms kept per period.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    unique : bool
        Count each distinct text (``content_id``) once.

    Returns
    -------
    DataFrame
        ``period`` (labelled as :func:`analysis.timeline` labels it), ``period_documents``,
        then ``rank``, ``term``, ``count``, ``share``, ``documents`` (holding the term).

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國"], "text": ["", ""],
    ...                      "published": pd.to_datetime(["2020-09-17", "2021-01-15"])})
    >>> top = top_terms_by_period(docs, top=1)
    >>> top["period"].dt.year.tolist(), top["term"].tolist(), top["period_documents"].tolist()
    ([2020, 2021], ['台灣', '美國'], [1, 1])
    """
    dated = distinct(docs.dropna(subset=["published"]), unique=unique)
    label = pd.Series(pd.NaT, index=dated.index, dtype="datetime64[ns]")
    for period, rows in pd.Series(dated.index, index=dated["published"]).resample(freq):
        label[rows.to_numpy()] = period
    dated = dated.assign(period=label)
    freqs = term_frequencies(dated, by="period", userdict=userdict, segmenter=segmenter, unique=False)
    sizes = dated.groupby("period").size().rename("period_documents")
    out = freqs[freqs["rank"] <= top].merge(sizes, left_on="period", right_index=True)
    return out[["period", "period_documents", "rank", "term", "count", "share", "documents"]].reset_index(drop=True)
