"""The neighbour search under :func:`analysis.nearest_neighbours`: each row's most similar rows.

Two methods, both ranking as the kit ranks everywhere (similarity rounded to
:data:`~analysis.tfidf.DECIMALS` decimals, descending; ties in corpus order):

- ``"exact"``: a sparse product that keeps only each row's largest values
  (``sparse_dot_topn``, compiled and threaded). Its cost is that of the product,
  the pairs of documents that share a term: on a corpus that keeps its
  vocabulary, that grows with the square of the corpus.
- ``"approximate"``: candidates from a nearest-neighbour-descent graph
  (``pynndescent``, whose cost grows with the corpus times a slowly growing
  factor), then scored exactly and ranked as above. A true neighbour can be
  missed; every similarity reported is exact. Its recall against the exact
  search is measured by ``tests/test_neighbours.py`` and ``benchmarks/neighbours.py``.

``"auto"`` (the default) is exact while the exact product's work (:func:`exact_work`)
is at most :data:`EXACT_WORK`, approximate beyond: some 300,000 distinct texts of a
synthetic outlet's vocabulary, fewer of a denser one.
"""

from __future__ import annotations

import logging
from typing import Literal

import numpy as np
import scipy.sparse as sp
from sparse_dot_topn import sp_matmul_topn

from .progress import progress
from .settings import options
from .tfidf import DECIMALS

logger = logging.getLogger(__name__)

#: How the neighbours are searched (see the module's documentation).
Method = Literal["auto", "exact", "approximate"]
#: Above this much work of the exact product (:func:`exact_work`), ``method="auto"`` searches
#: approximately. Measured on a 2-core machine, the exact search was the faster and the leaner at
#: every size tried: 60,679 texts of a 30,000-page crawl (work 8e9): 52 s exact, 148 s approximate
#: (beside another run); 200,666 texts of a 100,000-page crawl (work 8.85e10): 262 s exact (peak 0.7 GB above
#: what was held), 508 s approximate (2.0 GB above; its step in a report). Its time grows with the work, the approximate
#: one's with the texts: beyond 2e11 (untried) the approximate search is expected to win.
EXACT_WORK = 2e11
#: Neighbours retrieved beyond ``top`` per document, so that ties at the last place are seen.
TIE_MARGIN = 8
#: Candidates per document in the approximate search, beyond ``top``.
CANDIDATE_MARGIN = 10
#: Candidate pairs scored at once in the approximate search.
PAIR_BLOCK = 500_000


def exact_work(X: sp.spmatrix) -> float:
    """The multiply-adds of the exact search's product ``X @ X.T``: for each term, the square of the
    number of rows holding it (rows that share no term cost nothing).

    Parameters
    ----------
    X : sparse matrix
        The rows searched.

    Returns
    -------
    float

    Examples
    --------
    >>> exact_work(sp.csr_matrix(np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]])))  # 2 rows hold term 0, 1 term 1
    5.0
    """
    X = sp.csr_matrix(X)
    holders = np.bincount(X.indices[X.data != 0], minlength=X.shape[1]).astype(np.float64)
    return float(holders @ holders)


def resolve_method(method: Method, X: sp.spmatrix) -> str:
    """The method used for the rows of ``X``: ``method`` itself, or for ``"auto"`` exact while
    :func:`exact_work` is at most :data:`EXACT_WORK`.

    Parameters
    ----------
    method : {"auto", "exact", "approximate"}
    X : sparse matrix
        The rows searched.

    Returns
    -------
    str
        ``"exact"`` or ``"approximate"``.

    Raises
    ------
    ValueError
        For another method.

    Examples
    --------
    >>> X = sp.csr_matrix(np.ones((1000, 3)))
    >>> resolve_method("auto", X), resolve_method("approximate", X), resolve_method("exact", X)
    ('exact', 'approximate', 'exact')
    """
    if method not in ("auto", "exact", "approximate"):
        raise ValueError(f"method must be 'auto', 'exact' or 'approximate', not {method!r}")
    if method == "auto":
        return "exact" if exact_work(X) <= EXACT_WORK else "approximate"
    return method


def top_k(X: sp.csr_matrix, k: int, *, method: Method = "auto") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and values of each row's ``k`` most similar other rows.

    Parameters
    ----------
    X : sparse matrix
        L2-normalised rows (a TF-IDF model's vectors).
    k : int
        Neighbours per row.
    method : {"auto", "exact", "approximate"}
        See the module's documentation.

    Returns
    -------
    (ndarray, ndarray, ndarray)
        Rows, columns and similarities (rounded), sorted by row, then similarity descending, then
        column; zero similarities left out.

    Examples
    --------
    >>> X = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]))
    >>> r, c, v = top_k(X, 1)
    >>> r.tolist(), c.tolist(), v.tolist()
    ([0, 1, 2], [1, 2, 1], [0.6, 0.8, 0.8])
    """
    chosen = resolve_method(method, X)
    logger.info("searching %d neighbours of %d texts, %s", k, X.shape[0], chosen)
    k = min(k, X.shape[0] - 1)
    if k <= 0 or X.shape[1] == 0:
        empty = np.array([], dtype=np.int64)
        return empty, empty, np.array([], dtype=np.float64)
    X = X.astype(np.float64).tocsr()
    return _exact(X, k) if chosen == "exact" else _approximate(X, k)


def ranked_order(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The order of pairs by row, similarity descending, then column: ``np.lexsort((cols, -values, rows))``.

    Similarities rounded to :data:`~analysis.tfidf.DECIMALS` decimals, between 0 and 2, are whole
    numbers of millionths: row, similarity and column then pack into one 64-bit key whose stable sort
    is that of the three keys, some four times as fast (rows and columns below 2 ** 21; beyond, or for
    other values, the three keys are sorted).

    Examples
    --------
    >>> ranked_order(np.array([1, 0, 0, 0]), np.array([0, 3, 1, 2]), np.array([0.5, 0.2, 0.2, 0.9])).tolist()
    [3, 2, 1, 0]
    """
    bits = int(max(rows.max(), cols.max())).bit_length() if len(rows) else 1
    if len(rows) and 2 * bits + 21 <= 63 and values.min() >= 0 and values.max() <= 2:
        scale = 10 ** DECIMALS
        below = (1 << 21) - 1 - np.rint(values * scale).astype(np.int64)  # descending similarity
        key = (rows.astype(np.int64) << (bits + 21)) | (below << bits) | cols.astype(np.int64)
        return np.argsort(key, kind="stable")
    return np.lexsort((cols, -values, rows))


def _rank(r: np.ndarray, c: np.ndarray, v: np.ndarray, k: int | None
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop self and zero pairs, sort by (row, similarity descending, column) and keep ``k`` a row."""
    keep = (c != r) & (v > 0)
    r, c, v = r[keep], c[keep], v[keep]
    order = ranked_order(r, c, v)
    r, c, v = r[order], c[order], v[order]
    if k is None:
        return r, c, v
    top = np.arange(len(r)) - np.searchsorted(r, r) < k
    return r[top], c[top], v[top]


def _exact(X: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``k`` most similar other rows, exactly (``X`` float64 CSR, ``0 < k < rows``).

    A sparse product that keeps only each row's largest values (``sparse_dot_topn``, compiled,
    in as many threads as :func:`analysis.configure` allows workers: each row is computed by one
    thread, so the result does not depend on their number) gives each row its ``k`` best plus
    :data:`TIE_MARGIN` more; values are rounded to :data:`DECIMALS` and ranked by (similarity
    descending, column ascending). A row whose last retrieved value ties the ``k``-th after
    rounding may have more ties beyond the margin: such rows are computed again in full. Zero
    similarities are left out. The result equals a brute-force ranking of the full matrix; the cost
    is that of the sparse product (pairs of rows sharing a term), memory about ``n * k``.
    """
    n = X.shape[0]
    XT = X.T.tocsr()
    want = k + 1 + TIE_MARGIN  # the row itself, k others, and a margin for ties
    with progress(1, "nearest neighbours", unit="search") as bar:
        C = sp_matmul_topn(X, XT, top_n=want, threshold=0.0, sort=True, n_threads=_threads())
        bar.update(1)
    counts = np.diff(C.indptr)
    r = np.repeat(np.arange(n), counts)
    c, v = C.indices.astype(np.int64), np.round(C.data, DECIMALS)
    # A full row's smallest retrieved value bounds what was not retrieved: when it ties the k-th
    # value after rounding, an unretrieved column could rank above a retrieved one.
    full = counts >= want
    last = np.full(n, np.inf)
    ends = C.indptr[1:] - 1
    last[full] = v[ends[full]]
    r, c, v = _rank(r, c, v, None)
    rank = np.arange(len(r)) - np.searchsorted(r, r)
    kth = np.full(n, -np.inf)
    at_k = rank == k - 1
    kth[r[at_k]] = v[at_k]
    redo = np.flatnonzero(full & (last >= kth))
    take = (rank < k) & ~np.isin(r, redo)
    r, c, v = r[take], c[take], v[take]
    if len(redo):
        rr, cc, vv = _exact_rows(X, XT, redo, k)
        r, c, v = _rank(np.concatenate([r, rr]), np.concatenate([c, cc]), np.concatenate([v, vv]), None)
    return r, c, v


def _exact_rows(X: sp.csr_matrix, XT: sp.csr_matrix, rows: np.ndarray, k: int
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The top ``k`` of the given rows from their full rows of the product (ranked as :func:`_exact` ranks)."""
    out_r, out_c, out_v = [], [], []
    for start in range(0, len(rows), 256):
        sel = rows[start:start + 256]
        P = (X[sel] @ XT).tocoo()
        r, c, v = _rank(sel[P.row], P.col.astype(np.int64), np.round(P.data, DECIMALS), k)
        out_r.append(r)
        out_c.append(c)
        out_v.append(v)
    return np.concatenate(out_r), np.concatenate(out_c), np.concatenate(out_v)


def _threads() -> int | None:
    """Threads for the sparse product: the configured workers (None, i.e. one thread, for one)."""
    n = options.n_workers
    return n if n > 1 else None


def _approximate(X: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``k`` most similar other rows among its nearest-neighbour-descent candidates, scored exactly
    (``X`` float64 CSR, ``0 < k < rows``).

    The graph is built with a fixed random state, so the same matrix gives the same candidates.
    """
    from pynndescent import NNDescent  # compiles on first use (numba): only loaded for large corpora

    n = X.shape[0]
    with progress(1, "nearest neighbours (approximate)", unit="search") as bar:
        index = NNDescent(X.astype(np.float32), metric="cosine", n_neighbors=min(n, k + 1 + CANDIDATE_MARGIN),
                          random_state=0, n_jobs=max(1, options.n_workers), low_memory=True, verbose=False)
        candidates, _ = index.neighbor_graph
        bar.update(1)
    rows = np.repeat(np.arange(n), candidates.shape[1])
    cols = candidates.ravel().astype(np.int64)
    ok = (cols >= 0) & (cols != rows)
    rows, cols = rows[ok], cols[ok]
    values = np.empty(len(rows))
    for start in range(0, len(rows), PAIR_BLOCK):  # exact cosine of each candidate pair
        a, b = rows[start:start + PAIR_BLOCK], cols[start:start + PAIR_BLOCK]
        values[start:start + PAIR_BLOCK] = np.asarray(X[a].multiply(X[b]).sum(axis=1)).ravel()
    return _rank(rows, cols, np.round(values, DECIMALS), k)
