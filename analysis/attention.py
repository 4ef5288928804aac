"""Bursts of attention: periods when a term, an actor, a story or the corpus itself is unusually frequent.

The model is Kleinberg's (2002, "Bursty and hierarchical structure in streams", KDD; section 4,
the enumerating model for batched arrivals). Time is cut into periods (``freq``). The item is in one
of ``levels + 1`` hidden states; state ``i`` expects the item at rate ``baseline * s**i``. Each
period costs the negative log-likelihood of what was seen there under the state's rate, and moving
up one level costs ``gamma * ln(n)`` (``n`` periods; moving down is free). The cheapest state
sequence (Viterbi) gives the bursts: maximal runs of periods above the base state.

- For a term, an actor or a story (``by="term"``, ``"actor"``, ``"story"``): in period ``t``,
  ``r_t`` of the ``d_t`` dated documents hold the item; state ``i`` has the binomial probability
  ``p_i = p0 * s**i``, where ``p0 = sum(r) / sum(d)`` is the item's share over the whole corpus
  (capped just below 1), so a burst is judged relative to the corpus volume of each period.
- For the corpus itself (``by="documents"``) there is no volume to divide by: the count ``c_t`` of
  documents in period ``t`` is Poisson with mean ``lambda0 * s**i``, ``lambda0`` being the mean count
  per period. We chose this batched form over Kleinberg's continuous model on the gaps between
  publication times because it works on the same periods as :func:`analysis.timeline` and as the
  other items (the figure and the table agree), and because many dates (an article's dateline) are
  known only to the day, which makes gaps within a day meaningless.

Neither Python package on PyPI fits: ``pybursts`` (0.1.1) states no licence and has only the
continuous model; ``burst_detection`` (0.1.3) is "free for non-commercial use" and unmaintained. The
model is small, so it is written here (:func:`burst_states`) and tested against a hand-worked case.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import gammaln

from .termcodes import field_codes
from .mentions import actors
from .plots import _new
from .tables import distinct, only_columns
from .typedefs import SegmenterLike, UserDict

#: What :func:`bursts` can follow.
BY = ("documents", "term", "actor", "story")
#: Columns of :func:`bursts`'s table.
BURST_COLUMNS = ("item", "level", "start", "end", "peak_start", "peak_end", "periods", "count", "total", "rate",
                 "baseline", "weight")
#: Highest share a state may expect (``p_i`` is capped here so that ``ln(1 - p_i)`` stays finite).
MAX_SHARE = 1 - 1e-6
_UNITS = {"MS": "month", "ME": "month", "M": "month", "W": "week", "D": "day", "QS": "quarter", "YS": "year"}
#: Items processed at once (their cost arrays are items x periods x states).
CHUNK = 2000


def binomial_costs(r: np.ndarray, d: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Kleinberg's batched cost: ``-ln[C(d, r) p^r (1 - p)^(d - r)]`` for every item, period and state.

    Parameters
    ----------
    r, d : array of shape (items, periods)
        Documents holding the item, and all documents, in each period.
    p : array of shape (items, states)
        Each state's expected share.

    Returns
    -------
    array of shape (items, periods, states)

    Examples
    --------
    >>> c = binomial_costs(np.array([[1]]), np.array([[2]]), np.array([[0.5]]))
    >>> round(float(c[0, 0, 0]), 4) == round(-math.log(2 * 0.25), 4)
    True
    """
    r = np.asarray(r, dtype=float)[:, :, None]
    d = np.asarray(d, dtype=float)[:, :, None]
    p = np.asarray(p, dtype=float)[:, None, :]
    log_choose = gammaln(d + 1) - gammaln(r + 1) - gammaln(d - r + 1)
    return -(log_choose + r * np.log(p) + (d - r) * np.log1p(-p))


def poisson_costs(c: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """The Poisson cost ``-ln[lam^c e^-lam / c!]`` for every item, period and state.

    Parameters
    ----------
    c : array of shape (items, periods)
        Counts per period.
    lam : array of shape (items, states)
        Each state's expected count per period.

    Returns
    -------
    array of shape (items, periods, states)

    Examples
    --------
    >>> round(float(poisson_costs(np.array([[0]]), np.array([[2.0]]))[0, 0, 0]), 6)
    2.0
    """
    c = np.asarray(c, dtype=float)[:, :, None]
    lam = np.asarray(lam, dtype=float)[:, None, :]
    return lam - c * np.log(lam) + gammaln(c + 1)


def viterbi(costs: np.ndarray, *, up: float) -> np.ndarray:
    """The cheapest state sequence of each item: start in state 0, pay ``up`` per level climbed.

    Parameters
    ----------
    costs : array of shape (items, periods, states)
        The cost of each period in each state.
    up : float
        The cost of moving up one level (``gamma * ln(n)``); moving down is free.

    Returns
    -------
    array of int, shape (items, periods)
        The state of each period. Ties go to the lower state.

    Examples
    --------
    >>> costs = np.array([[[0, 5], [9, 1], [9, 1], [0, 5]]], dtype=float)
    >>> viterbi(costs, up=2.0).tolist(), viterbi(costs, up=20.0).tolist()
    ([[0, 1, 1, 0]], [[0, 0, 0, 0]])
    """
    m, n, k = costs.shape
    steps = np.arange(k)
    climb = np.clip(steps[None, :] - steps[:, None], 0, None) * up  # climb[i, j]: from i to j
    total = climb[0][None, :] + costs[:, 0, :] if n else np.zeros((m, k))
    back = np.zeros((m, n, k), dtype=np.int8)
    for t in range(1, n):
        via = total[:, :, None] + climb[None, :, :]  # (items, from, to)
        back[:, t, :] = via.argmin(axis=1)
        total = via.min(axis=1) + costs[:, t, :]
    states = np.zeros((m, n), dtype=np.int64)
    if n:
        states[:, -1] = total.argmin(axis=1)
        rows = np.arange(m)
        for t in range(n - 1, 0, -1):
            states[:, t - 1] = back[rows, t, states[:, t]]
    return states


def burst_states(counts: Sequence[float], totals: Sequence[float] | None = None, *, s: float = 2.0,
                 gamma: float = 1.0, levels: int = 3) -> np.ndarray:
    """Kleinberg's state of each period of one series (0: base; 1, 2...: burst levels).

    Parameters
    ----------
    counts : sequence of numbers
        The item's count in each period (``r_t``).
    totals : sequence of numbers, optional
        All documents in each period (``d_t``): the binomial model. None: the Poisson model of the
        counts alone, around their mean.
    s : float
        Ratio of the rates of two successive levels (> 1).
    gamma : float
        Cost of climbing one level, in units of ``ln(n)``.
    levels : int
        Highest burst level.

    Returns
    -------
    array of int
        One state per period.

    Examples
    --------
    >>> burst_states([1, 1, 6, 7, 1, 1], [10] * 6, levels=1).tolist()
    [0, 0, 1, 1, 0, 0]
    >>> burst_states([0, 1, 0, 9, 8, 0, 1, 0]).tolist()
    [0, 0, 0, 2, 2, 0, 0, 0]
    """
    r = np.asarray(counts, dtype=float)[None, :]
    costs, _ = _costs(r, None if totals is None else np.asarray(totals, dtype=float)[None, :], s=s, levels=levels)
    return viterbi(costs, up=gamma * math.log(max(r.shape[1], 2)))[0]


def _costs(r: np.ndarray, d: np.ndarray | None, *, s: float, levels: int) -> tuple[np.ndarray, np.ndarray]:
    """Costs (items, periods, states) and each item's baseline (a share, or a count per period)."""
    if s <= 1:
        raise ValueError(f"s must be greater than 1, not {s}")
    if levels < 1:
        raise ValueError(f"levels must be at least 1, not {levels}")
    scale = float(s) ** np.arange(levels + 1)
    if d is None:
        base = r.mean(axis=1)
        lam = np.maximum(base, 1e-12)[:, None] * scale[None, :]
        return poisson_costs(r, lam), base
    base = r.sum(axis=1) / np.maximum(d.sum(axis=1), 1)
    p = np.minimum(np.clip(base, 1e-12, None)[:, None] * scale[None, :], MAX_SHARE)
    return binomial_costs(r, d, p), base


def _periods(dated: pd.DataFrame, freq: str) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """The periods from the first to the last date (labelled as :func:`analysis.timeline` labels them),
    and the period of each row of ``dated``."""
    when = pd.Series(np.arange(len(dated)), index=pd.DatetimeIndex(dated["published"]))
    grouped = when.resample(freq)
    labels = grouped.size().index
    where = np.zeros(len(dated), dtype=np.int64)
    for label, rows in grouped.indices.items():
        where[when.iloc[rows].to_numpy()] = labels.get_loc(label)
    return labels, where


def _occurrences(dated: pd.DataFrame, *, by: str, mentions: pd.DataFrame | None, stories: pd.DataFrame | None,
                 userdict: UserDict, segmenter: SegmenterLike | None) -> tuple[list[str], sp.csr_matrix]:
    """The items and a binary documents-by-items matrix: which document holds which item."""
    if by == "term":  # coded, not a Python pair for each term of each document
        indptr, codes, vocabulary = field_codes(dated["title"], dated["text"], userdict=userdict, segmenter=segmenter)
        X = sp.csr_matrix((np.ones(len(codes)), codes, indptr), shape=(len(dated), len(vocabulary)))
        X.sum_duplicates()
        X.data[:] = 1.0
        order = vocabulary.argsort()  # the items in sorted order, as for actors and stories
        return vocabulary[order].tolist(), X[:, order].tocsr()
    else:
        if by == "actor":
            given = mentions if mentions is not None else actors(dated, userdict=userdict, segmenter=segmenter)
            column = "actor"
        else:
            if stories is None:
                raise ValueError('bursts(by="story") needs stories=: a table with columns doc_id and story_id')
            given, column = stories, "story_id"
        missing = {"doc_id", column} - set(given.columns)
        if missing:
            raise ValueError(f"the {by} table lacks the column(s) {', '.join(sorted(missing))}")
        row_of = pd.Series(np.arange(len(dated)), index=dated["doc_id"].to_numpy())
        row_of = row_of[~row_of.index.duplicated()]
        table = pd.DataFrame({"row": given["doc_id"].map(row_of), "item": given[column].astype(str)}).dropna()
    table = table.drop_duplicates()
    items = sorted(table["item"].unique())
    col = pd.Series(np.arange(len(items)), index=items)
    X = sp.csr_matrix((np.ones(len(table)), (table["row"].astype(np.int64), table["item"].map(col))),
                      shape=(len(dated), len(items)))
    return items, X


def _dated(docs: pd.DataFrame, *, unique: bool, by: str = "term", mentions: pd.DataFrame | None = None
           ) -> pd.DataFrame:
    if by in ("documents", "story") or (by == "actor" and mentions is not None):
        # the columns read: a crawl's dated rows are selected and sorted below, never its texts with them
        docs = only_columns(docs, ("doc_id", "content_id", "published"))
    dated = distinct(docs.dropna(subset=["published"]), unique=unique, by_date=True)
    return dated.sort_values("published", kind="mergesort").reset_index(drop=True)


def period_counts(docs: pd.DataFrame, *, by: str = "documents", items: Sequence[str] | None = None,
                  freq: str = "W", mentions: pd.DataFrame | None = None, stories: pd.DataFrame | None = None,
                  unique: bool = True, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Documents per period, and how many of them hold each item: the series :func:`bursts` reads.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; undated documents are left out.
    by, items, freq, mentions, stories, unique, userdict, segmenter
        As for :func:`bursts`.

    Returns
    -------
    DataFrame
        ``period`` and ``total`` (dated documents), then one column per item (none for
        ``by="documents"``), empty periods included.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> c = period_counts(load_corpus(SEEDS_DIR), freq="MS")
    >>> len(c), int(c["total"].max())
    (38, 13)
    """
    out, names, R = _period_matrix(docs, by=by, items=items, freq=freq, mentions=mentions, stories=stories,
                                   unique=unique, userdict=userdict, segmenter=segmenter)
    if R is None:
        return out
    counts = pd.DataFrame(R.T.toarray().astype("int64"), columns=names)
    return pd.concat([out, counts], axis=1)


def _period_matrix(docs: pd.DataFrame, *, by: str, items: Sequence[str] | None, freq: str,
                   mentions: pd.DataFrame | None, stories: pd.DataFrame | None, unique: bool,
                   userdict: UserDict, segmenter: SegmenterLike | None
                   ) -> tuple[pd.DataFrame, list[str], sp.csr_matrix | None]:
    """:func:`period_counts` before it is a table: ``period`` and ``total``, the items, and their
    counts as a sparse items-by-periods matrix (None for ``by="documents"``), so that a crawl's
    hundreds of thousands of terms are never a dense table of every term in every period."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    dated = _dated(docs, unique=unique, by=by, mentions=mentions)
    if dated.empty:
        return pd.DataFrame(columns=["period", "total"]), [], None
    labels, where = _periods(dated, freq)
    P = sp.csr_matrix((np.ones(len(dated)), (where, np.arange(len(dated)))), shape=(len(labels), len(dated)))
    out = pd.DataFrame({"period": labels, "total": np.asarray(P.sum(axis=1)).ravel().astype("int64")})
    if by == "documents":
        return out, [], None
    names, X = _occurrences(dated, by=by, mentions=mentions, stories=stories, userdict=userdict, segmenter=segmenter)
    wanted = None if items is None else set(items)
    keep = [i for i, name in enumerate(names) if wanted is None or name in wanted]
    return out, [names[i] for i in keep], (X[:, keep].T.tocsr() @ P.T).tocsr()


def bursts(docs: pd.DataFrame, *, by: str = "documents", items: Sequence[str] | None = None, freq: str = "W",
           s: float = 2.0, gamma: float = 1.0, levels: int = 3, top: int = 20, min_count: int = 3,
           nested: bool = False, mentions: pd.DataFrame | None = None, stories: pd.DataFrame | None = None,
           unique: bool = True, userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Periods of unusually high attention, by Kleinberg's burst model (see :mod:`analysis.attention`).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; undated documents are left out.
    by : str
        ``"documents"`` (the corpus's own volume against its mean per period, Poisson), ``"term"``
        (each term's share of the documents of each period, binomial), ``"actor"`` (each actor's,
        from ``mentions``) or ``"story"`` (each story's, from ``stories``).
    items : sequence of str, optional
        Only these terms, actors or stories (default: every one found in ``min_count`` documents).
    freq : str
        A pandas frequency for the periods (``"W"`` weeks, ``"MS"`` months, ``"D"`` days).
    s : float
        Ratio of the expected rates of two successive levels (> 1).
    gamma : float
        Cost of climbing one level, in units of ``ln(n)`` for ``n`` periods: higher, fewer bursts.
    levels : int
        Highest burst level (the base state is 0).
    top : int
        Rows kept, the heaviest first.
    min_count : int
        Without ``items``: leave out items found in fewer documents.
    nested : bool
        One row per level (Kleinberg's hierarchy: a level-2 burst lies inside a level-1 burst);
        default: one row per burst, with the highest level it reached.
    mentions : DataFrame, optional
        For ``by="actor"``: :func:`analysis.actors`'s table (columns ``doc_id`` and ``actor``);
        default: computed from ``docs``.
    stories : DataFrame, optional
        For ``by="story"``: a table with columns ``doc_id`` and ``story_id``.
    unique : bool
        Count each distinct text (``content_id``) once, at its first date.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter (terms and actors).
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        One row per burst, heaviest first: ``item`` (``"documents"`` for the corpus's volume),
        ``level`` (the highest it reached), ``start`` and ``end`` (the labels of its first and last
        periods, as :func:`analysis.timeline` labels them), ``peak_start`` and ``peak_end`` (the
        first and last periods at that highest level; with ``nested``, ``start`` and ``end``),
        ``periods``, ``count`` (documents holding the item
        in the burst), ``total`` (all documents in those periods), ``rate`` (``count / total``; for
        ``by="documents"`` documents per period) and ``baseline`` (the item's overall share; for
        ``by="documents"`` its mean per period), ``weight`` (Kleinberg's weight: the cost saved in
        the burst's periods by its state(s) rather than the base state; with ``nested``, by the
        row's level).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> b = bursts(load_corpus(SEEDS_DIR), freq="MS")
    >>> b[["item", "level", "start", "end", "peak_start", "peak_end", "count"]].astype(str).values.tolist()
    [['documents', '3', '2020-09-01', '2021-01-01', '2021-01-01', '2021-01-01', '18']]
    >>> bursts(load_corpus(SEEDS_DIR), freq="MS", nested=True)[["level", "start", "count"]].astype(str).values.tolist()
    [['3', '2021-01-01', '13'], ['2', '2021-01-01', '13'], ['1', '2020-09-01', '18']]
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    counts, names, R = _period_matrix(docs, by=by, items=items, freq=freq, mentions=mentions, stories=stories,
                                      unique=unique, userdict=userdict, segmenter=segmenter)
    empty = pd.DataFrame(columns=list(BURST_COLUMNS))
    if counts.empty:
        return empty
    labels = pd.DatetimeIndex(counts["period"])
    d = counts["total"].to_numpy(dtype=float)
    if by == "documents":
        names, R = ["documents"], sp.csr_matrix(d[None, :])
    elif items is None:
        keep = np.flatnonzero(np.asarray(R.sum(axis=1)).ravel() >= min_count)
        names, R = [names[i] for i in keep], R[keep]
    up = gamma * math.log(max(len(labels), 2))
    rows = []
    for lo in range(0, len(names), CHUNK):  # a chunk of items at a time made dense
        r = R[lo:lo + CHUNK].toarray().astype(float)
        dd = None if by == "documents" else np.broadcast_to(d, r.shape)
        costs, base = _costs(r, dd, s=s, levels=levels)
        states = viterbi(costs, up=up)
        for j in np.flatnonzero(states.max(axis=1) > 0):
            rows += _runs(names[lo + j], states[j], costs[j], r[j], d, base[j], labels, nested=nested,
                          per_period=by == "documents")
    if not rows:
        return empty
    out = pd.DataFrame(rows, columns=list(BURST_COLUMNS))
    out = out.sort_values(["weight", "start", "item", "level"], ascending=[False, True, True, True], kind="mergesort")
    return out.head(top).reset_index(drop=True)


def _runs(item: str, states: np.ndarray, costs: np.ndarray, r: np.ndarray, d: np.ndarray, base: float,
          labels: pd.DatetimeIndex, *, nested: bool, per_period: bool) -> list[tuple]:
    """The bursts of one item: maximal runs at level >= 1 (or >= each level, with ``nested``)."""
    out = []
    for level in range(1, int(states.max()) + 1) if nested else [1]:
        inside = np.r_[False, states >= level, False]
        edges = np.flatnonzero(np.diff(inside.astype(np.int8)))
        for a, b in zip(edges[::2], edges[1::2]):
            held = states[a:b]
            used = np.full(b - a, level) if nested else held
            weight = float((costs[a:b, 0] - costs[np.arange(a, b), used]).sum())
            count, total = int(r[a:b].sum()), int(d[a:b].sum())
            rate = count / (b - a) if per_period else (count / total if total else float("nan"))
            peak = a + np.flatnonzero(held == held.max()) if not nested else np.array([a, b - 1])
            out.append((item, level if nested else int(held.max()), labels[a], labels[b - 1], labels[peak[0]],
                        labels[peak[-1]], b - a, count, total, round(rate, 6), round(float(base), 6),
                        round(weight, 6)))
    return out


def plot_bursts(docs: pd.DataFrame, *, table: pd.DataFrame | None = None, item: str | None = None,
                by: str = "documents", freq: str = "W", mentions: pd.DataFrame | None = None,
                stories: pd.DataFrame | None = None, unique: bool = True, userdict: UserDict = None,
                segmenter: SegmenterLike | None = None, title: str | None = None) -> plt.Figure:
    """Counts per period with the bursts shaded, and each burst's peak (its highest level) darker.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    table : DataFrame, optional
        :func:`bursts`'s table for the same ``by`` and ``freq`` (default: computed with its defaults).
    item : str, optional
        The term, actor or story to draw (default: the heaviest burst's item); ignored for
        ``by="documents"``.
    by, freq, mentions, stories, unique
        As for :func:`bursts`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter (terms and actors).
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    title : str, optional
        The figure's title (default: says what is drawn).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> fig = plot_bursts(load_corpus(SEEDS_DIR), freq="MS")
    >>> fig.axes[0].get_title()
    'Bursts: documents per month'
    """
    options = dict(by=by, freq=freq, mentions=mentions, stories=stories, unique=unique, userdict=userdict,
                   segmenter=segmenter)
    if table is None:
        table = bursts(docs, **options)
    if by != "documents" and item is None:
        if table.empty:
            raise ValueError("no burst to draw: give item=")
        item = str(table["item"].iloc[0])
    counts = period_counts(docs, items=None if by == "documents" else [item], **options)
    fig = _new((10, 3.8))
    ax = fig.subplots()
    if counts.empty:
        ax.set_title(title or "Bursts: no dated document")
        return fig
    periods = pd.DatetimeIndex(counts["period"])
    step = pd.tseries.frequencies.to_offset(freq)
    left = mdates.date2num(periods)
    width = mdates.date2num(periods + step) - left
    ax.bar(left, counts["total"], width=width * 0.9, align="edge", color="#b3b3b3",
           label="all documents" if by != "documents" else "documents")
    if by != "documents":
        held = counts[item] if item in counts else pd.Series(0, index=counts.index)
        ax.bar(left, held, width=width * 0.9, align="edge", color="#2e86c1", label=f"holding {item}")
    shown = table[table["item"] == (item if by != "documents" else "documents")]
    for row in shown.itertuples(index=False):
        a, b = (mdates.date2num(pd.Timestamp(row.start)), mdates.date2num(pd.Timestamp(row.end) + step))
        ax.axvspan(a, b, color="#e67e22", alpha=0.12, lw=0)
        pa = mdates.date2num(pd.Timestamp(row.peak_start))
        ax.axvspan(pa, mdates.date2num(pd.Timestamp(row.peak_end) + step), color="#e67e22", alpha=0.3, lw=0)
        ax.annotate(f"level {row.level}", (pa, 1), xycoords=("data", "axes fraction"), va="top", fontsize=8,
                    xytext=(2, -2), textcoords="offset points")
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_xlabel("period start, as published (bursts shaded)")
    unit = _UNITS.get(freq, f"period ({freq})")
    ax.set_ylabel(f"documents per {unit}")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
    what = "documents" if by == "documents" else f"{by} {item}"
    ax.set_title(title or f"Bursts: {what} per {unit}")
    return fig
