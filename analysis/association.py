"""Collocations: the terms that keep company with a term, and a corpus's strongest pairs of terms.

The counts are :func:`analysis.cocounts.cooccurrence`'s: two terms co-occur when at most ``window``
terms apart in the same title or text, never across a title and its text or across documents.

The measures (:func:`association`) follow Evert (2008, "Corpora and collocations") for
co-occurrence in a textual window, on the 2x2 table of the node's window slots against the rest
of the corpus:

=================  ============================  ==================================
                   the collocate y               any other term
=================  ============================  ==================================
windows of x       O11 = O                       O12 = span * f(x) - O
rest of corpus     O21 = f(y) - O                O22 = N - span * f(x) - f(y) + O
=================  ============================  ==================================

where O is how many tokens of y stand within ``window`` terms of a token of x (summed over the
tokens of x), f(x), f(y) the corpus frequencies, N the number of term tokens and
``span = 2 * window`` (slots on both sides of each token of x). Cells that overlapping windows
would make negative (tiny or very repetitive texts, a node denser than its windows) are set to 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from .vocabulary import is_term, normalize
from .cocounts import Cooccurrence, cooccurrence
from .typedefs import SegmenterLike, UserDict

#: Measure columns, in order, after the counts.
MEASURES = ("expected", "log_likelihood", "mi", "t_score", "logdice")


def association(count, node_count, collocate_count, total: int, *, window: int = 5) -> pd.DataFrame:
    """The association measures of co-occurrence counts in a window of ``window`` terms on each side.

    With O = ``count``, f(x) = ``node_count``, f(y) = ``collocate_count``, N = ``total``,
    span = 2 * ``window`` and the 2x2 table of the module's docstring:

    - ``expected``: E = f(x) * f(y) * span / N, the co-occurrences expected by chance.
    - ``log_likelihood``: G2 = 2 * sum(Oij * ln(Oij / Eij)) over the four cells, Eij = row total *
      column total / table total, 0 * ln 0 = 0 (Dunning 1993, "Accurate methods for the statistics
      of surprise and coincidence"; the form Rayson & Garside 2000 use); negative when O < E11
      (the pair repels).
    - ``mi``: log2(O / E) (Church & Hanks 1990, "Word association norms, mutual information, and
      lexicography", with the window span in E as Stubbs 1995 and Evert 2008 have it).
    - ``t_score``: (O - E) / sqrt(O) (Church et al. 1991).
    - ``logdice``: 14 + log2(2 * O / (f(x) + f(y))) (Rychlý 2008, "A lexicographer-friendly
      association score"); 14 at most when no window overlaps another.

    Parameters
    ----------
    count, node_count, collocate_count : array-like of int
        O, f(x) and f(y), aligned.
    total : int
        N, the number of term tokens.
    window : int
        Terms on each side of the node (span = 2 * window).

    Returns
    -------
    DataFrame
        Columns :data:`MEASURES`.

    Examples
    --------
    >>> association([2], [2], [2], 20, window=1).round(4).values.tolist()
    [[0.4, 7.4581, 2.3219, 1.1314, 14.0]]
    """
    o, fx, fy = (np.asarray(v, dtype=float) for v in (count, node_count, collocate_count))
    out = np.empty((len(o), len(MEASURES)))
    for start in range(0, len(o), CHUNK):  # a crawl's millions of pairs, a bounded slice at a time
        part = slice(start, start + CHUNK)
        out[part] = _measures(o[part], fx[part], fy[part], total, 2 * window)
    return pd.DataFrame(out, columns=list(MEASURES))


#: Pairs measured at a time (:func:`association`): its temporaries are a few dozen floats a pair.
CHUNK = 1 << 18


def _log_likelihood(o: np.ndarray, fx: np.ndarray, fy: np.ndarray, total: int, span: int) -> np.ndarray:
    """Signed G2 of each pair (see :func:`association`), from float arrays."""
    cells = np.stack([o, span * fx - o, fy - o, total - span * fx - fy + o]).clip(min=0)
    n = cells.sum(axis=0)
    rows, cols = (cells[0] + cells[1], cells[2] + cells[3]), (cells[0] + cells[2], cells[1] + cells[3])
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 0.0
        for k, (r, c) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
            e = rows[r] * cols[c] / n
            g2 = g2 + np.where(cells[k] > 0, cells[k] * np.log(cells[k] / e), 0.0)
        return 2 * g2 * np.where(o < rows[0] * cols[0] / n, -1.0, 1.0)


def _measures(o: np.ndarray, fx: np.ndarray, fy: np.ndarray, total: int, span: int) -> np.ndarray:
    """The columns of :data:`MEASURES` side by side, from float arrays."""
    expected = fx * fy * span / total
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.column_stack([expected, _log_likelihood(o, fx, fy, total, span), np.log2(o / expected),
                                (o - expected) / np.sqrt(o), 14 + np.log2(2 * o / (fx + fy))])


def _strongest(o: np.ndarray, fx: np.ndarray, fy: np.ndarray, total: int, span: int, top: int) -> np.ndarray:
    """Positions of the pairs that can be among the ``top`` by G2 (ties at the cut kept), in order.

    All of them when there are no more than ``top`` (or ``top`` is 0), or fewer than ``top`` have a
    G2 at all. G2 is computed a slice at a time, so a crawl's millions of pairs cost 8 bytes each.
    """
    if not 0 < top < len(o):
        return np.arange(len(o))
    ll = np.empty(len(o))
    for start in range(0, len(o), CHUNK):
        part = slice(start, start + CHUNK)
        ll[part] = _log_likelihood(*(np.asarray(v[part], dtype=float) for v in (o, fx, fy)), total, span)
    known = ll[~np.isnan(ll)]
    if len(known) < top:
        return np.arange(len(o))
    return np.flatnonzero(ll >= np.partition(known, -top)[-top])


def collocations(docs: pd.DataFrame, term: str | None, *, window: int = 5, min_count: int = 2, top: int = 100,
                 unique: bool = True, userdict: UserDict = None,
                 segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """The terms that occur near ``term``, or (``term=None``) the corpus's strongest pairs of terms.

    Co-occurrence is counted within ``window`` terms on either side, in each title and each text
    separately (see the module's docstring for the 2x2 table and :func:`association` for the
    measures: log-likelihood after Dunning 1993 and Rayson & Garside 2000, MI after Church & Hanks
    1990 with E = f(x) * f(y) * span / N and span = 2 * window, t-score, Rychlý's logDice).
    A term is never its own collocate.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    term : str or None
        The node, a term as :func:`analysis.terms` gives it (folded with NFKC here); None for
        every pair of terms.
    window : int
        Terms on each side of the node (1 = adjacent terms only).
    min_count : int
        Keep collocates (pairs) that co-occur at least this many times.
    top : int
        Rows kept, the strongest first.
    unique : bool
        Count each distinct text (``content_id``) once; False counts every copy, as crawled.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        For a term: ``collocate``, ``count`` (O, co-occurrences in the window), ``collocate_count``
        (f(y), its corpus frequency), then ``expected``, ``log_likelihood`` (signed), ``mi``,
        ``t_score``, ``logdice``. For None: ``term``, ``collocate``, ``count``, ``term_count``,
        ``collocate_count`` and the measures, each unordered pair once with ``term`` the more
        frequent of the two (the earlier in code-point order on a tie), its measures those of
        ``collocations(docs, term)``. Sorted by ``log_likelihood`` descending, then by the terms.
        Empty when the term does not occur.

    Raises
    ------
    ValueError
        When ``term`` is not a term (a stopword, punctuation or a number), or ``window`` is below 1.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["", ""], "text": ["台灣 美國 日本 韓國", "台灣 美國 法國 德國"]})
    >>> collocations(docs, "台灣", window=1)[["collocate", "count", "collocate_count"]].values.tolist()
    [['美國', 2, 2]]
    >>> collocations(docs, None, window=1)[["term", "collocate", "count"]].values.tolist()
    [['台灣', '美國', 2]]
    """
    # either order in one cell (i <= j): a crawl's pairs are held once
    co = cooccurrence(docs, window=window, unique=unique, directed=False, userdict=userdict, segmenter=segmenter)
    return collocations_of(co, term, window=window, min_count=min_count, top=top)


def collocations_of(co: Cooccurrence, term: str | None, *, window: int = 5, min_count: int = 2,
                    top: int = 100) -> pd.DataFrame:
    """:func:`collocations` from co-occurrence counts already made: to ask about many terms of one
    corpus (the explorer) without counting it again.

    Parameters
    ----------
    co : Cooccurrence
        From :func:`cooccurrence` with the same ``window``: directed or not for a term (its row and its
        column are read; ``directed=False`` holds each pair once, the fewer entries), not directed for
        every pair.
    term : str or None
        As :func:`collocations` takes it.
    window, min_count, top
        As :func:`collocations` takes them.

    Returns
    -------
    DataFrame
        The table of ``collocations(docs, term, window=window, min_count=min_count, top=top)``.

    Raises
    ------
    ValueError
        When ``term`` is not a term (a stopword, punctuation or a number), or is None and ``co`` is
        directed.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["", ""], "text": ["台灣 美國 日本 韓國", "台灣 美國 法國 德國"]})
    >>> co = cooccurrence(docs, window=1, directed=False)  # 美國 after 台灣, before 日本 and 法國
    >>> collocations_of(co, "美國", window=1, min_count=1)[["collocate", "count"]].values.tolist()
    [['台灣', 2], ['日本', 1], ['法國', 1]]
    """
    if term is None:
        m = co.matrix
        i = np.repeat(np.arange(m.shape[0], dtype=m.indices.dtype), np.diff(m.indptr))
        if (m.indices < i).any():  # a pair below the diagonal: counted in one order only
            raise ValueError("collocations_of: every pair of terms needs cooccurrence(..., directed=False)")
        keep = m.data >= min_count
        i, j, count = i[keep], m.indices[keep], m.data[keep]
        keep = i != j  # a term is never its own collocate
        i, j, count = i[keep], j[keep], count[keep]
        first = co.counts[i] >= co.counts[j]
        node, other = np.where(first, i, j), np.where(first, j, i)
        columns = {"term": node, "collocate": other, "count": count,
                   "term_count": co.counts[node], "collocate_count": co.counts[other]}
        fx, keys = columns["term_count"], ["term", "collocate"]
    else:
        node = normalize(term)
        if not is_term(node):
            raise ValueError(f"collocations: {term!r} is not a term (a stopword, punctuation or a number)")
        x = co.vocabulary.index(node) if node in co.vocabulary else None
        cols, count = _either_order(co.matrix, x) if x is not None else (np.zeros(0, dtype=np.int64),) * 2
        keep = (count >= min_count) & (cols != x)
        cols, count = cols[keep], count[keep]
        columns = {"collocate": cols, "count": count, "collocate_count": co.counts[cols]}
        fx, keys = np.full(len(cols), co.counts[x] if x is not None else 0), ["collocate"]
    # only rows that can be among the top (ties at the cut included) are measured and get their
    # words: a crawl has millions of pairs
    total = max(co.total, 1)
    rows = _strongest(columns["count"], fx, columns["collocate_count"], total, 2 * window, top)
    table = pd.DataFrame({name: values[rows] for name, values in columns.items()})
    measures = association(table["count"], fx[rows], table["collocate_count"], total, window=window)
    table = pd.concat([table, measures], axis=1)
    for column in ("count", "term_count", "collocate_count"):
        if column in table:
            table[column] = table[column].astype("int64")
    vocab = np.array(co.vocabulary, dtype=object)
    for column in keys:
        table[column] = pd.Series(vocab[table[column].to_numpy(dtype=np.int64)], index=table.index).astype(str)
    table = table.sort_values(["log_likelihood", *keys], ascending=[False, *[True] * len(keys)], kind="mergesort")
    return table.head(top).reset_index(drop=True)


def _either_order(matrix: sparse.csr_matrix, x: int) -> tuple[np.ndarray, np.ndarray]:
    """The terms counted with term ``x`` in either order and their counts (int64, by term): row ``x``
    of ``matrix`` plus its column ``x``, the column found by one pass over the matrix's indices."""
    row = slice(matrix.indptr[x], matrix.indptr[x + 1])
    at = np.flatnonzero(matrix.indices == x)
    others = np.concatenate([matrix.indices[row], np.searchsorted(matrix.indptr, at, side="right") - 1])
    counts = np.concatenate([matrix.data[row], matrix.data[at]]).astype(np.int64)
    summed = sparse.coo_matrix((counts, (np.zeros(len(others), dtype=np.int64), others)),
                               shape=(1, matrix.shape[1])).tocsr()
    summed.sum_duplicates()  # a term both before and after x; the columns in order
    return summed.indices.astype(np.int64), summed.data
