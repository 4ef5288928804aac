"""Statistics of many small lists at once: rank correlations and medians by group, without a loop.

:func:`analysis.related_lists` describes every related list of a crawl (a page's items in their
order); these helpers compute one value per list for all lists together, with a sort and
:func:`numpy.bincount`, so that the cost grows with the number of items, not with the number of
lists times a per-list call.

:func:`group_spearman` gives, bit for bit, what :func:`scipy.stats.spearmanr` gives list by list:
average ranks, their means and the sums of products of their deviations are exact in floating
point (halves and quarters of small integers), and the last steps are the ones
:func:`numpy.corrcoef` takes, in its order.
"""

from __future__ import annotations

import numpy as np

#: Fewest items with a value for a rank correlation to be computed (else NaN).
MIN_ITEMS_FOR_RHO = 3


def _average_ranks(groups: np.ndarray, values: np.ndarray, n_groups: int) -> tuple[np.ndarray, np.ndarray]:
    """Ranks within each group (1 = smallest, ties averaged), and each group's number of distinct values."""
    order = np.lexsort((values, groups))
    g, v = groups[order], values[order]
    n = len(g)
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = g[1:] != g[:-1]
    new_value = new_group.copy()
    new_value[1:] |= v[1:] != v[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(n), 0))
    pos = np.arange(n) - group_start  # 0-based position within the group
    run = np.cumsum(new_value) - 1
    run_first = pos[new_value]
    run_last = np.append(pos[np.flatnonzero(new_value)[1:] - 1], pos[-1:])
    ranks = np.empty(n)
    ranks[order] = (run_first[run] + run_last[run]) / 2 + 1
    distinct = np.bincount(g[new_value], minlength=n_groups)
    return ranks, distinct


def group_spearman(groups: np.ndarray, x: np.ndarray, y: np.ndarray, *, n_groups: int,
                   min_items: int = MIN_ITEMS_FOR_RHO) -> np.ndarray:
    """Spearman's rho of ``x`` with ``y`` within each group, as :func:`scipy.stats.spearmanr` gives it.

    Pairs with a NaN are left out. A group's rho is NaN with fewer than ``min_items`` pairs or when
    ``x`` or ``y`` is constant in it. Exact for groups of up to about 100,000 pairs (sums of squared
    rank deviations below 2**51).

    Parameters
    ----------
    groups : array of int
        Each pair's group, from 0 to ``n_groups - 1``.
    x, y : array of float
        The pairs.
    n_groups : int
        How many groups (a group with no pair gets NaN).
    min_items : int
        Fewest pairs for a rho.

    Returns
    -------
    array of float
        One rho per group, unrounded.

    Examples
    --------
    >>> g = np.array([0, 0, 0, 0, 1, 1, 1])
    >>> group_spearman(g, np.array([1., 2, 3, 4, 1, 2, 3]), np.array([10., 30, 20, 40, 5, 5, 5]), n_groups=3)
    array([0.8, nan, nan])
    """
    groups = np.asarray(groups, dtype=np.int64)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = ~(np.isnan(x) | np.isnan(y))
    groups, x, y = groups[ok], x[ok], y[ok]
    out = np.full(n_groups, np.nan)
    if not len(groups):
        return out
    n = np.bincount(groups, minlength=n_groups)
    rx, distinct_x = _average_ranks(groups, x, n_groups)
    ry, distinct_y = _average_ranks(groups, y, n_groups)
    mean = np.bincount(groups, weights=rx, minlength=n_groups) / np.maximum(n, 1)  # (n + 1) / 2, exactly
    dx = rx - mean[groups]
    mean = np.bincount(groups, weights=ry, minlength=n_groups) / np.maximum(n, 1)
    dy = ry - mean[groups]
    sxx = np.bincount(groups, weights=dx * dx, minlength=n_groups)
    syy = np.bincount(groups, weights=dy * dy, minlength=n_groups)
    sxy = np.bincount(groups, weights=dy * dx, minlength=n_groups)
    keep = (n >= max(min_items, 2)) & (distinct_x >= 2) & (distinct_y >= 2)
    scale = 1.0 / (n[keep] - 1)  # numpy.cov multiplies by 1 / (n - 1)
    # numpy.corrcoef: c[1, 0] divided by the standard deviation of y (its row), then of x (its column)
    rho = (sxy[keep] * scale / np.sqrt(syy[keep] * scale)) / np.sqrt(sxx[keep] * scale)
    out[keep] = np.clip(rho, -1.0, 1.0)
    return out


def group_median(groups: np.ndarray, values: np.ndarray, *, n_groups: int) -> np.ndarray:
    """The median of ``values`` within each group, NaN left out (NaN for a group without a value).

    The middle value, or the mean of the two middle values computed as ``(a + b) / 2``, as
    :meth:`pandas.Series.median` computes it.

    Parameters
    ----------
    groups : array of int
        Each value's group, from 0 to ``n_groups - 1``.
    values : array of float
        The values.
    n_groups : int
        How many groups.

    Returns
    -------
    array of float

    Examples
    --------
    >>> group_median(np.array([0, 0, 0, 1, 1, 1]), np.array([3., 1, 2, 4, np.nan, 1]), n_groups=3)
    array([2. , 2.5, nan])
    """
    groups = np.asarray(groups, dtype=np.int64)
    values = np.asarray(values, dtype=float)
    ok = ~np.isnan(values)
    groups, values = groups[ok], values[ok]
    order = np.lexsort((values, groups))
    v = values[order]
    n = np.bincount(groups, minlength=n_groups)
    start = np.concatenate(([0], np.cumsum(n)[:-1]))
    out = np.full(n_groups, np.nan)
    has = n > 0
    lo = v[start[has] + (n[has] - 1) // 2]
    hi = v[start[has] + n[has] // 2]
    out[has] = np.where(n[has] % 2 == 1, lo, (lo + hi) / 2)
    return out
