"""Related lists across a crawl: how each page's 相關新聞 list was assembled.

A page holds one article and a list of related items in a given order (``position`` 1, 2...).
:func:`related_items` describes each item against its article: its lag in calendar days
(:func:`analysis.relative_dates`), its TF-IDF cosine similarity to the article (one model for the
corpus, :func:`analysis.tfidf_model`), on how many pages of the corpus its text (``content_id``)
appears, and whether it repeats the article's own lead. :func:`related_lists` sums this up per page,
with the rank correlation (Spearman) of list position with publication time and with similarity, and
:func:`related_summary` answers for the corpus: are the lists ordered by recency, by topic, or made
of the same items recycled from page to page?

Signs: a positive ``order_date_rho`` means later positions hold later items (oldest first); a
negative one, newest first. A negative ``order_similarity_rho`` means the most similar items come
first, as a list ranked by topic would have them.

Every step works on all pages at once, so that its cost grows with the number of items: the lead
test is :mod:`analysis.linking_leads`, the per-page statistics :mod:`analysis.linking_order`, the
verdict :mod:`analysis.linking_summary`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .dates import item_lags
# the constants, repeats_lead, lead_repeats and related_summary stay importable from here, where they were first
from .linking_leads import (  # noqa: F401
    LEAD_MATCH, MIN_LEAD_SENTENCE, OPENING_CHARS, lead_repeats, lead_repeats_at, repeats_lead,
)
from .linking_order import MIN_ITEMS_FOR_RHO, group_median, group_spearman  # noqa: F401
from .linking_summary import ORDER_THRESHOLD, related_summary, text_pages  # noqa: F401
from . import plots
from .plots import _new
from .selection import of_kind, one_chunk
from .tables import only_columns
from .tfidf import DECIMALS, TRANSFORM_BLOCK, TfidfModel, tfidf_model
from .typedefs import SegmenterLike, UserDict

#: Items whose similarity to their article is computed at once (bounds the memory of their terms).
PAIR_BLOCK = 65_536
#: Items summed up into their pages' rows at once (whole pages; bounds the memory of the statistics).
LIST_BLOCK = 200_000

ITEM_COLUMNS = ("page_id", "doc_id", "position", "title", "published", "days_after_article", "similarity",
                "pages", "recycled", "repeats_lead")
LIST_COLUMNS = ("page_id", "article", "items", "dated_items", "before", "same_day", "after", "lag_median_days",
                "lag_min_days", "lag_max_days", "order_date_rho", "order_similarity_rho", "similarity_median",
                "recycled_items", "recycled_share", "lead_repeats")


def _sums_in_order(indptr: np.ndarray, data: np.ndarray) -> np.ndarray:
    """Each row's sum, added value by value in order from 0, as a sparse product adds it."""
    lengths = np.diff(indptr)
    order = np.argsort(-lengths, kind="stable")
    longest_first, starts = lengths[order], indptr[:-1][order]
    sums = np.zeros(len(lengths))
    for j in range(int(longest_first[0]) if len(lengths) else 0):
        k = int(np.searchsorted(-longest_first, -j, side="left"))  # the rows with more than j values
        sums[:k] += data[starts[:k] + j]
    out = np.empty_like(sums)
    out[order] = sums
    return out


def _codes(column: pd.Series) -> np.ndarray:
    """:func:`pandas.factorize` codes of a text column, a missing value coded as the empty string (no copy
    of the column: a crawl's texts filled would be copied)."""
    codes, uniques = pd.factorize(column)
    empty = np.flatnonzero(np.asarray(uniques == "", dtype=bool))
    codes[codes < 0] = empty[0] if len(empty) else len(uniques)
    return codes.astype(np.int64)


def _text_codes(docs: pd.DataFrame) -> np.ndarray:
    """One code per distinct pair of title and text (missing as empty, as :func:`analysis.document_text` joins them)."""
    title, text = _codes(docs["title"]), _codes(docs["text"])
    return pd.factorize(title * (text.max(initial=0) + 1) + text)[0]


def _vectors(docs: pd.DataFrame, rows: np.ndarray, model: TfidfModel) -> sp.csr_matrix:
    """``model.transform(docs.iloc[rows])``, a block of rows taken at a time (never all their texts at once)."""
    step = TRANSFORM_BLOCK
    blocks = [model.transform(docs.iloc[rows[start:start + step]]) for start in range(0, len(rows), step)]
    return sp.vstack(blocks, format="csr") if len(blocks) != 1 else blocks[0]


def _aligned_similarity(docs: pd.DataFrame, first: np.ndarray, second: np.ndarray, model: TfidfModel) -> np.ndarray:
    """TF-IDF cosine of row ``second[i]`` of ``docs`` with row ``first[i]``, as a similarity matrix gives it.

    Each distinct text is transformed once. For each pair, the terms of the second text are looked
    up in the vector of the first, and the products are added in term order, as
    :func:`analysis.similarity_matrix`'s sparse product adds them; then clipped to [0, 1] and
    rounded to :data:`~analysis.tfidf.DECIMALS` decimals: the same bytes, without a matrix per page.
    Rows are positions; only the distinct texts of the rows compared are ever taken from ``docs``.
    """
    codes = _text_codes(only_columns(docs, ("title", "text")))
    rows = np.concatenate([first, second])
    distinct, where = np.unique(codes[rows], return_index=True)
    X = _vectors(docs, rows[where], model)
    X.sort_indices()
    width = max(X.shape[1], 1)
    keys = np.repeat(np.arange(X.shape[0], dtype=np.int64), np.diff(X.indptr)) * width + X.indices  # ascending
    a, b = np.searchsorted(distinct, codes[first]), np.searchsorted(distinct, codes[second])
    del codes
    sims = []
    for start in range(0, len(a), PAIR_BLOCK):
        rows = X[b[start:start + PAIR_BLOCK]]
        pair = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
        wanted = a[start:start + PAIR_BLOCK][pair].astype(np.int64) * width + rows.indices
        at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        hit = keys[at] == wanted if len(keys) else np.zeros(len(wanted), dtype=bool)
        indptr = np.concatenate(([0], np.cumsum(np.bincount(pair[hit], minlength=rows.shape[0]))))
        sims.append(_sums_in_order(indptr, X.data[at[hit]] * rows.data[hit]))
    sims = np.concatenate(sims) if sims else np.zeros(0)
    np.clip(sims, 0.0, 1.0, out=sims)
    return sims.round(DECIMALS)


def related_items(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every related item against its page's article: lag, similarity, recycling and lead repeats.

    The cost grows with the number of items: each distinct text is transformed and folded once,
    and each item's similarity is one row-wise product with its article's vector.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (pages with one ``article`` and ``related`` items with their
        ``position``).
    model : TfidfModel, optional
        One model fitted on the corpus (:func:`analysis.tfidf_model`); default: fitted on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).
    dates : DataFrame, optional
        :func:`analysis.relative_dates`' table of ``docs``, to take each item's lag from it by
        ``doc_id`` (default: computed in the items' order by :func:`analysis.dates.item_lags`, which
        on a crawl is faster and leaner than looking two million ids up).

    Returns
    -------
    DataFrame
        One row per related item, by page and position: ``page_id``, ``doc_id``, ``position``,
        ``title``, ``published``, ``days_after_article`` (as :func:`analysis.relative_dates` gives it:
        calendar days when either date is known only to the day), ``similarity`` (TF-IDF cosine with
        the page's article, as :func:`analysis.similarity_matrix` gives it; NaN without an article),
        ``pages`` (how many pages of the corpus hold the same text, by ``content_id``, as article or
        item), ``recycled`` (``pages >= 2``) and ``repeats_lead`` (see :func:`repeats_lead`).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> items = related_items(load_corpus(SEEDS_DIR))
    >>> items[["position", "days_after_article"]].head(3).values.tolist()
    [[1.0, 1.0], [2.0, 120.0], [3.0, 119.0]]
    >>> int(items["repeats_lead"].sum()), int(items["recycled"].sum())
    (1, 0)
    """
    return _items(docs, model=model, userdict=userdict, segmenter=segmenter, similarity=True, dates=dates)


#: The columns :func:`related_items` reads.
_ITEM_INPUTS = ("doc_id", "page_id", "kind", "position", "title", "text", "published", "published_precision",
                "content_id")


def _items(docs: pd.DataFrame, *, model: TfidfModel | None, userdict: UserDict, segmenter: SegmenterLike | None,
           similarity: bool, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`related_items`' table; with ``similarity=False``, its ``similarity`` column left NaN (no model)."""
    # the columns it reads: a crawl's rows are selected below, never its other columns with them
    docs = only_columns(docs, _ITEM_INPUTS)
    is_rel = of_kind(docs, "related")
    # the items without their texts: a crawl's two million summaries are never copied, only read by position
    rel = docs.loc[is_rel, [c for c in docs.columns if c != "text"]]
    if rel.empty:
        return _empty_items(rel)
    if dates is None:  # each item's lag in its order: nothing looked up by doc_id
        lags = item_lags(docs)["days_after_article"].to_numpy(dtype=float)
    else:
        lags = rel["doc_id"].map(dates.set_index("doc_id")["days_after_article"]).to_numpy(dtype=float)
    pages = _pages_holding(docs)[is_rel]
    # each page's first article, by its position in docs
    art_rows = np.flatnonzero(of_kind(docs, "article"))
    art_pages = docs["page_id"].iloc[art_rows]
    first = ~art_pages.duplicated().to_numpy()
    art_rows = art_rows[first]
    which = pd.Index(art_pages[first]).get_indexer(rel["page_id"])  # -1: the page has no article
    has = which >= 0
    item_rows = np.flatnonzero(is_rel)
    article_of = np.where(has, art_rows[np.maximum(which, 0)] if len(art_rows) else -1, -1)
    sims = np.full(len(rel), np.nan)
    if similarity and has.any():
        model = model if model is not None else tfidf_model(docs, userdict=userdict, segmenter=segmenter)
        sims[has] = _aligned_similarity(docs, article_of[has], item_rows[has], model)
    out = pd.DataFrame({
        "page_id": rel["page_id"], "doc_id": rel["doc_id"], "position": rel["position"], "title": rel["title"],
        "published": rel["published"], "days_after_article": lags, "similarity": sims, "pages": pages,
    }, index=rel.index)
    out["recycled"] = out["pages"] >= 2
    text = docs["text"] if "text" in docs else pd.Series("", index=docs.index, dtype=object)
    out["repeats_lead"] = lead_repeats_at(text, articles=article_of, items=item_rows)
    return out.sort_values(["page_id", "position"], kind="mergesort").reset_index(drop=True)


def _pages_holding(docs: pd.DataFrame) -> np.ndarray:
    """For each row of ``docs``, on how many pages its text (``content_id``) is: 1 without a ``content_id``."""
    if "content_id" not in docs:
        return np.ones(len(docs), dtype=np.int64)
    content, pages, _ = text_pages(docs)
    return np.where(content >= 0, pages[np.maximum(content, 0)] if len(pages) else 1, 1).astype(np.int64)


def _dtype(frame: pd.DataFrame, column: str, default: object = object) -> object:
    """The dtype of a column of ``frame`` (text columns: ``str`` or ``object`` as the corpus has them)."""
    return frame[column].dtype if column in frame else default


def _empty_items(rel: pd.DataFrame) -> pd.DataFrame:
    """:func:`related_items`' table with no row: the same columns, with their dtypes."""
    published = _dtype(rel, "published", "datetime64[ns]")
    if not pd.api.types.is_datetime64_any_dtype(published):
        published = "datetime64[ns]"
    dtypes = {"page_id": _dtype(rel, "page_id"), "doc_id": _dtype(rel, "doc_id"), "position": "int64",
              "title": _dtype(rel, "title"), "published": published, "days_after_article": "float64",
              "similarity": "float64", "pages": "int64", "recycled": "bool", "repeats_lead": "bool"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in ITEM_COLUMNS})


def _list_dtypes(items: pd.DataFrame, docs: pd.DataFrame) -> dict:
    """Dtypes of :func:`related_lists`' columns, the same with rows or without."""
    dtypes = dict.fromkeys(LIST_COLUMNS, "float64")
    dtypes.update(dict.fromkeys(("items", "dated_items", "recycled_items", "lead_repeats"), "int64"))
    dtypes["page_id"] = items["page_id"].dtype
    article = _dtype(docs, "doc_id")
    # a page without an article has none: integer ids in a type that can say so
    integer = pd.api.types.is_integer_dtype(article) and not isinstance(article, pd.api.extensions.ExtensionDtype)
    dtypes["article"] = "Int64" if integer else article
    return dtypes


def related_lists(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None, items: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per page: how its related list was assembled (dates, order, similarity, recycling).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    model : TfidfModel, optional
        One model fitted on the corpus (:func:`analysis.tfidf_model`); default: fitted on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, when no ``model`` is given.
    items : DataFrame, optional
        :func:`related_items`' table of ``docs``, when it is already computed (default: computed).

    Returns
    -------
    DataFrame
        ``page_id``, ``article`` (its ``doc_id``; missing, NaN or None, for a page without an
        article, never an empty string), ``items`` (list length), ``dated_items`` (items
        dated against a dated article), ``before``, ``same_day``, ``after`` (shares of the dated
        items published before the article, on its day (lag 0), after it), ``lag_median_days``,
        ``lag_min_days``, ``lag_max_days`` (calendar days, :func:`analysis.relative_dates`),
        ``order_date_rho`` (Spearman's rho of position with publication time: > 0 oldest first,
        < 0 newest first), ``order_similarity_rho`` (of position with similarity to the article:
        < 0 most similar first), ``similarity_median``, ``recycled_items`` (items whose text is also
        on another page) and ``recycled_share``, ``lead_repeats`` (items repeating the article's
        lead). A rho is NaN with fewer than :data:`MIN_ITEMS_FOR_RHO` values or when one side is
        constant. With no related item, the table has no row but the same columns and dtypes.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> row = related_lists(load_corpus(SEEDS_DIR)).iloc[0]
    >>> int(row["items"]), float(row["before"]), float(row["same_day"]), float(row["lag_median_days"])
    (20, 0.0, 0.05, 116.0)
    >>> round(float(row["order_date_rho"]), 2), round(float(row["order_similarity_rho"]), 2)
    (0.32, -0.29)
    >>> docs = load_corpus(SEEDS_DIR)
    >>> related_lists(docs, items=related_items(docs)).equals(related_lists(docs))  # items computed once
    True
    """
    if items is None:
        items = related_items(docs, model=model, userdict=userdict, segmenter=segmenter)
    return _lists(items, docs)


def _shares(count: np.ndarray, total: np.ndarray) -> list[float]:
    """``count / total`` rounded to 6 decimals as Python rounds it (NaN where ``total`` is 0)."""
    return [round(c / t, 6) if t else np.nan for c, t in zip(count.tolist(), total.tolist())]


def _lists(items: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """:func:`related_lists`' table from :func:`related_items`', whole pages :data:`LIST_BLOCK` items at a time."""
    dtypes = _list_dtypes(items, docs)
    codes, page_ids = pd.factorize(items["page_id"], sort=True)
    # the columns read (never the items' titles), without the items of no page (as groupby, a missing
    # page_id is no page), grouped by page
    values = items[["days_after_article", "position", "published", "similarity", "recycled", "repeats_lead"]]
    keep = codes >= 0
    if not keep.all():
        values, codes = values[keep], codes[keep]
    if not len(values):
        return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in LIST_COLUMNS})
    if (np.diff(codes) < 0).any():
        order = np.argsort(codes, kind="stable")
        values, codes = values.iloc[order], codes[order]
    articles = docs[["kind", "page_id", "doc_id"]]
    articles = articles[of_kind(articles, "article")].drop_duplicates("page_id").set_index("page_id")["doc_id"]
    tables, start = [], 0
    while start < len(codes):
        end = min(start + LIST_BLOCK, len(codes))
        end = int(np.searchsorted(codes, codes[end - 1], side="right"))  # the last page whole
        first, last = int(codes[start]), int(codes[end - 1])
        tables.append(_list_rows(values.iloc[start:end], codes[start:end] - first, page_ids[first:last + 1],
                                 articles))
        start = end
    table = one_chunk(pd.concat(tables, ignore_index=True)) if len(tables) > 1 else tables[0]
    return table.astype(dtypes)


def _list_rows(items: pd.DataFrame, codes: np.ndarray, page_ids: pd.Index, articles: pd.Series) -> pd.DataFrame:
    """:func:`related_lists`' rows of pages ``page_ids``, from their items (``codes``: each one's page)."""
    n = len(page_ids)
    count = np.bincount(codes, minlength=n)
    lag = items["days_after_article"].to_numpy(dtype=float)
    dated = ~np.isnan(lag)
    n_dated = np.bincount(codes[dated], minlength=n)
    extremes = pd.Series(lag).groupby(codes).agg(["min", "max"]).reindex(range(n))
    position = items["position"].astype(float).to_numpy()
    when = items["published"].astype("int64").where(items["published"].notna()).to_numpy(dtype=float)
    similarity = items["similarity"].to_numpy(dtype=float)
    recycled = np.bincount(codes[items["recycled"].to_numpy(dtype=bool)], minlength=n)
    return pd.DataFrame({
        "page_id": page_ids, "article": articles.reindex(page_ids).array, "items": count, "dated_items": n_dated,
        "before": _shares(np.bincount(codes[dated & (lag < 0)], minlength=n), n_dated),
        "same_day": _shares(np.bincount(codes[dated & (lag == 0)], minlength=n), n_dated),
        "after": _shares(np.bincount(codes[dated & (lag > 0)], minlength=n), n_dated),
        "lag_median_days": group_median(codes, lag, n_groups=n),
        "lag_min_days": extremes["min"].to_numpy(dtype=float), "lag_max_days": extremes["max"].to_numpy(dtype=float),
        "order_date_rho": [round(r, 6) for r in group_spearman(codes, position, when, n_groups=n).tolist()],
        "order_similarity_rho": [round(r, 6) for r in group_spearman(codes, position, similarity,
                                                                      n_groups=n).tolist()],
        "similarity_median": [round(m, 6) for m in group_median(codes, similarity, n_groups=n).tolist()],
        "recycled_items": recycled, "recycled_share": _shares(recycled, count),
        "lead_repeats": np.bincount(codes[items["repeats_lead"].to_numpy(dtype=bool)], minlength=n),
    }, columns=list(LIST_COLUMNS))


def _distinct_points(items: pd.DataFrame) -> pd.DataFrame:
    """The distinct (position, days_after_article) pairs of ``items``, in their first rows' order."""
    return items[["position", "days_after_article"]].drop_duplicates()


def plot_related_lists(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                       segmenter: SegmenterLike | None = None, title: str = "How the related lists are ordered",
                       lists: pd.DataFrame | None = None, items: pd.DataFrame | None = None) -> plt.Figure:
    """Two panels: each item's lag by list position, and each page's order correlations.

    Items at the same position and lag share one mark (of their kind: plain, recycled, repeating
    the lead), so the figure's cost and its SVG's size grow with the distinct lags, not the crawl.

    Pass the tables already computed (``lists=``, ``items=``) and nothing is computed again; the
    lags panel needs no similarity, so with ``lists`` alone no TF-IDF vector is computed.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    model : TfidfModel, optional
        One model fitted on the corpus; default: fitted on ``docs`` when a similarity is needed.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, when no ``model`` is given.
    title : str
        The figure's title.
    lists : DataFrame, optional
        :func:`related_lists`' table of ``docs`` (default: computed).
    items : DataFrame, optional
        :func:`related_items`' table of ``docs`` (default: computed).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> fig = plot_related_lists(docs)
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['position in the related list', 'rank correlation of position with publication time']
    >>> fig = plot_related_lists(docs, lists=related_lists(docs))  # the table already computed
    """
    if items is None:  # similarities only for the table when it is to be computed
        items = _items(docs, model=model, userdict=userdict, segmenter=segmenter, similarity=lists is None)
    table = lists if lists is not None else _lists(items, docs)
    fig = _new((11, 4.4))
    ax, bx = fig.subplots(1, 2, width_ratios=[3, 2])
    shown = items.dropna(subset=["days_after_article"])
    plain = ~(shown["recycled"] | shown["repeats_lead"])
    # one mark per distinct (position, lag) of a kind: the same opaque mark drawn again changes nothing
    # seen, and a crawl's two million items hold some thousands of them (lags are mostly whole days)
    drawn = [(_distinct_points(shown[sel]), marker, size, color, label)
             for sel, marker, size, color, label in (
                 (plain, "o", 26, "#2e86c1", "item"),
                 (shown["recycled"], "s", 34, "#8e44ad", "text on other pages too"),
                 (shown["repeats_lead"], "D", 34, "#c0392b", "repeats the article's lead"))]
    dense = sum(len(points) for points, *_ in drawn) > plots.RASTER_POINTS  # many marks: an image in the SVG
    for points, marker, size, color, label in drawn:
        if label == "item" or len(points):
            ax.scatter(points["position"], points["days_after_article"], s=size, marker=marker, color=color,
                       label=label, rasterized=dense)
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_yscale("symlog", linthresh=1)
    if len(shown):
        # the axis goes below 0 only as far as the data does: no negative decades for lags that are all >= 0
        low = float(shown["days_after_article"].min())
        ax.set_ylim(bottom=-0.5 if low >= 0 else 1.5 * low)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("position in the related list")
    ax.set_ylabel("days after the article (calendar days; symlog)")
    ax.grid(alpha=0.3)
    if len(shown):
        # "best" tests every point against each place: a crawl's items leave no empty corner to find
        ax.legend(loc="upper right" if dense else "best", fontsize=8)
    ax.set_title(title)
    bx.axvspan(-ORDER_THRESHOLD, ORDER_THRESHOLD, color="grey", alpha=0.08, lw=0)
    bx.axhspan(-ORDER_THRESHOLD, ORDER_THRESHOLD, color="grey", alpha=0.08, lw=0)
    bx.scatter(table["order_date_rho"], table["order_similarity_rho"], s=30, color="#2e86c1",
               rasterized=len(table) > plots.RASTER_POINTS)
    bx.set_xlim(-1.05, 1.05)
    bx.set_ylim(-1.05, 1.05)
    bx.set_xlabel("rank correlation of position with publication time")
    bx.set_ylabel("... with similarity to the article")
    bx.set_title(f"One dot per page (unordered: |rho| < {ORDER_THRESHOLD})", fontsize=10)
    bx.grid(alpha=0.3)
    return fig
