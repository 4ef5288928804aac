"""Nearest neighbours within a time window, and stories that stay within it: :func:`analysis.stories`' machinery.

Documents are sorted by date and compared block by block: a block of consecutive documents with
the documents dated within ``window_days`` of it (and the undated ones), by one sparse product of
L2-normalised TF-IDF rows. The cost grows with the corpus times the number of documents in a
window, not with the square of the corpus; memory is bounded by :data:`BLOCK_VALUES`. The result
is the same as a brute-force ranking of the full similarity matrix with every pair more than
``window_days`` apart left out (``tests/test_storylines.py`` checks it). :class:`StoryUnion` then
follows the links, a story never spanning more than the window.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .neighbours import ranked_order
from .tfidf import DECIMALS

#: Most similarity values held at once (a block of documents by its candidates).
BLOCK_VALUES = 4_000_000
#: Documents per block, at most.
BLOCK_ROWS = 1024
#: Documents per block, at least: a block spans at most ``window_days`` unless it would have fewer.
MIN_BLOCK_ROWS = 64
#: Days added to each side of a block's window when its candidates are sliced out by date, so that
#: rounding in ``day - window_days`` can never leave out a document the exact test keeps.
MARGIN_DAYS = 1e-6


def _block_end(when: np.ndarray, start: int, end: int, window_days: float) -> int:
    """Where a block of date-sorted rows starting at ``start`` ends: one window long, within the bounds."""
    stop = int(np.searchsorted(when[start:end], when[start] + window_days, side="right")) + start
    return min(end, start + BLOCK_ROWS, max(stop, start + MIN_BLOCK_ROWS))


def _top(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, k: int) -> tuple[np.ndarray, ...]:
    """Each row's ``k`` largest values, equal ones in ``cols`` order: (rows, cols, values), by row then rank."""
    order = ranked_order(rows, cols, values)
    rows, cols, values = rows[order], cols[order], values[order]
    keep = np.arange(len(rows)) - np.searchsorted(rows, rows) < k
    return rows[keep], cols[keep], values[keep]


def window_neighbours(X: sp.csr_matrix, days: np.ndarray, *, window_days: float,
                      top: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``top`` most similar other rows among those dated at most ``window_days`` from it.

    An undated row (NaN) is a candidate of every row, and every row is a candidate of an undated
    one. Similarities are rounded to :data:`~analysis.tfidf.DECIMALS` decimals before they are
    ranked, and equal ones are ranked in row order, as :func:`analysis.nearest_neighbours` ranks
    them; rows that share no term are never neighbours. Only the products of rows that share a term
    are held, a block at a time.

    Parameters
    ----------
    X : scipy.sparse.csr_matrix
        L2-normalised rows (:meth:`analysis.TfidfModel.transform`).
    days : array of float
        Each row's date in days (NaN when undated).
    window_days : float
        Farthest apart two rows may be dated to be compared.
    top : int
        Neighbours kept per row.

    Returns
    -------
    tuple of arrays
        ``rows``, ``cols`` and ``values``: one entry per neighbour, by row, then rank.

    Examples
    --------
    >>> X = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [1.0, 0.0]]))
    >>> rows, cols, values = window_neighbours(X, np.array([0.0, 1.0, 30.0]), window_days=7, top=5)
    >>> rows.tolist(), cols.tolist(), values.tolist()
    ([0, 1], [1, 0], [0.6, 0.6])
    """
    n = X.shape[0]
    k = min(top, n - 1)
    empty = np.array([], dtype=np.int64)
    if k <= 0 or X.shape[1] == 0:
        return empty, empty, np.array([], dtype=np.float64)
    days = np.asarray(days, dtype=float)
    dated = np.flatnonzero(~np.isnan(days))
    order = np.concatenate([dated[np.argsort(days[dated], kind="stable")], np.flatnonzero(np.isnan(days))])
    n_dated = len(dated)
    when = days[order]
    Xs = X[order].tocsr()
    out = []
    start = 0
    while start < n:
        end = n_dated if start < n_dated else n
        stop = _block_end(when, start, end, window_days) if start < n_dated else min(n, start + BLOCK_ROWS)
        while True:
            if start < n_dated:  # dated rows: the dated rows of their window, and the undated
                lo = np.searchsorted(when[:n_dated], when[start] - window_days - MARGIN_DAYS, side="left")
                hi = np.searchsorted(when[:n_dated], when[stop - 1] + window_days + MARGIN_DAYS, side="right")
                cand = np.concatenate([np.arange(lo, hi), np.arange(n_dated, n)])
            else:  # undated rows: every row
                cand = np.arange(n)
            if stop - start == 1 or (stop - start) * len(cand) <= BLOCK_VALUES:
                break
            stop = start + max(1, (stop - start) // 2)
        block = (Xs[start:stop] @ Xs[cand].T.tocsr()).tocoo()
        r, c = block.row.astype(np.int64) + start, cand[block.col]
        v = np.round(block.data, DECIMALS)
        with np.errstate(invalid="ignore"):
            keep = (v > 0) & (r != c) & ~(np.abs(when[r] - when[c]) > window_days)  # NaN (undated): kept
        out.append(_top(order[r[keep]], order[c[keep]], v[keep], k))
        start = stop
    rows, cols, values = (np.concatenate(parts) for parts in zip(*out))
    by_row = np.argsort(rows, kind="stable")  # each row's neighbours stay in rank order
    return rows[by_row], cols[by_row], values[by_row]


def _fmin(a: float, b: float) -> float:
    """The smaller of two days, NaN (undated) left out, as :func:`numpy.fmin`."""
    return b if a != a else a if b != b else min(a, b)


def _fmax(a: float, b: float) -> float:
    """The larger of two days, NaN (undated) left out, as :func:`numpy.fmax`."""
    return b if a != a else a if b != b else max(a, b)


class StoryUnion:
    """Union-find over texts (copies of a text are one node), each story knowing its first and last date.

    :func:`analysis.stories` follows a link only while the story it makes spans at most its window,
    from the first to the last dated document: :meth:`span` says how long that would be.

    Examples
    --------
    >>> found = StoryUnion(np.array([0.0, 5.0, np.nan]))
    >>> found.span(0, 1), found.span(0, 2)
    (5.0, 0.0)
    >>> found.union(1, 0); found.union(2, 1); found.find(2), found.first[0], found.last[0]
    (0, 0.0, 5.0)
    """

    def __init__(self, dates: np.ndarray) -> None:
        self.parent = list(range(len(dates)))
        self.first = dates.tolist()
        self.last = dates.tolist()

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def span(self, a: int, b: int) -> float:
        """Days from the first to the last dated document of the two roots' stories together (0 undated)."""
        days = _fmax(self.last[a], self.last[b]) - _fmin(self.first[a], self.first[b])
        return 0.0 if days != days else days

    def union(self, a: int, b: int) -> None:
        a, b = sorted((a, b))  # the earlier text's root stays the root: deterministic
        self.parent[b] = a
        self.first[a] = _fmin(self.first[a], self.first[b])
        self.last[a] = _fmax(self.last[a], self.last[b])
