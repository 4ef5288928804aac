"""When the documents were published: counts per period, and related items dated against their article."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .selection import of_kind
from .tables import distinct, only_columns


def timeline(docs: pd.DataFrame, *, freq: str = "MS", unique: bool = True) -> pd.DataFrame:
    """Count dated documents per period, empty periods included.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; rows without a ``published`` date are left out.
    freq : str
        A pandas frequency: ``"MS"`` (months, labelled by their first day), ``"W"``,
        ``"D"``, ``"QS"``, ``"YS"``...
    unique : bool
        Count each distinct text (``content_id``) once, at its first date.

    Returns
    -------
    DataFrame
        ``period`` (the start of each period, from the first to the last date),
        ``count``, and one count column per ``kind`` (``article``, ``related``).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> t = timeline(load_corpus(SEEDS_DIR))
    >>> len(t), int(t.loc[t.period == "2021-01-01", "count"].iloc[0])
    (38, 13)
    """
    docs = only_columns(docs, ("doc_id", "kind", "published", "content_id"))  # not a crawl's texts with its rows
    dated = distinct(docs.dropna(subset=["published"]), unique=unique, by_date=True)
    kinds = sorted(docs["kind"].dropna().unique()) if "kind" in docs else []
    if dated.empty:
        return pd.DataFrame(columns=["period", "count", *kinds])
    per_kind = (dated.assign(_n=1).set_index("published").groupby("kind")["_n"]
                .resample(freq).sum().unstack("kind", fill_value=0))
    full = pd.Series(1, index=dated["published"]).resample(freq).sum()
    out = pd.DataFrame({"period": full.index, "count": full.to_numpy()})
    for k in kinds:
        col = per_kind[k] if k in per_kind else pd.Series(dtype="int64")
        out[k] = col.reindex(full.index, fill_value=0).fillna(0).astype("int64").to_numpy()
    out["count"] = out["count"].astype("int64")
    return out


def precision(docs: pd.DataFrame) -> pd.Series:
    """How precisely each document's ``published`` is known: ``"day"``, ``"minute"`` or ``"second"``.

    The ``published_precision`` column when the table has one (the reader fills it from how the
    date was written); otherwise ``"day"`` for a time of exactly midnight and ``"second"`` else.
    Empty where ``published`` is.

    Examples
    --------
    >>> when = pd.to_datetime(["2020-09-17 00:00:00", "2020-09-18 07:12:23", None])
    >>> precision(pd.DataFrame({"published": when})).tolist()
    ['day', 'second', '']
    """
    if "published_precision" in docs:
        return docs["published_precision"].fillna("").astype(str)
    when = docs["published"]
    out = pd.Series("second", index=docs.index, dtype=object)
    out[when == when.dt.normalize()] = "day"
    out[when.isna()] = ""
    return out


def lag_days(later: pd.Series, earlier: pd.Series, *, later_precision: pd.Series,
             earlier_precision: pd.Series) -> pd.Series:
    """Days from ``earlier`` to ``later``: whole calendar days when either is known only to the day.

    An item stamped 2020-09-17 07:12 is 0 days after an article dated 2020-09-17 (a day), not
    0.30; one stamped 2020-09-18 07:12 is 1 day after it. Between two timestamps the lag is
    fractional, rounded to three decimals (about a minute and a half).

    Examples
    --------
    >>> later = pd.Series(pd.to_datetime(["2020-09-17 13:09", "2020-09-18 07:12", "2020-09-18 07:12"]))
    >>> earlier = pd.Series(pd.to_datetime(["2020-09-17 00:00", "2020-09-17 00:00", "2020-09-17 19:12"]))
    >>> lag_days(later, earlier, later_precision=pd.Series(["minute"] * 3),
    ...          earlier_precision=pd.Series(["day", "day", "minute"])).tolist()
    [0.0, 1.0, 0.5]
    """
    by_day = (later_precision.to_numpy() == "day") | (earlier_precision.to_numpy() == "day")
    exact = (later - earlier).dt.total_seconds() / 86400
    calendar = (later.dt.normalize() - earlier.dt.normalize()).dt.days.astype(float)
    return pd.Series(np.where(by_day, calendar, exact.round(3)), index=later.index, dtype=float)


def relative_dates(docs: pd.DataFrame) -> pd.DataFrame:
    """When each related item was published relative to its page's article.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (columns ``doc_id``, ``page_id``, ``kind``, ``title``,
        ``published``, and ``published_precision`` when the reader gave it); a page's first
        article is the one its items are dated against.

    Returns
    -------
    DataFrame
        For every related item: ``doc_id``, ``page_id``, ``title``, ``published``,
        ``article_published``, ``days_after_article`` (negative when the item is older than the
        article; whole calendar days when either date is known only to the day, as an article's
        dateline usually is, else fractional: see :func:`lag_days`) and ``lag_precision``
        (``"day"`` or ``"time"``), sorted by page then date.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> rel = relative_dates(load_corpus(SEEDS_DIR))
    >>> len(rel), float(rel["days_after_article"].min()), rel["lag_precision"].unique().tolist()
    (20, 0.0, ['day'])
    """
    return _item_dates(docs).sort_values(["page_id", "published", "doc_id"], kind="mergesort").reset_index(drop=True)


def _item_dates(docs: pd.DataFrame) -> pd.DataFrame:
    """:func:`relative_dates`' rows in the order of the related items in ``docs``, with their index."""
    lags = item_lags(docs)
    base = only_columns(docs, ("doc_id", "page_id", "kind", "title"))
    out = base.loc[of_kind(base, "related"), ["doc_id", "page_id", "title"]]
    for column in lags:  # by position: the same rows in the same order, with their dtypes
        out[column] = lags[column].set_axis(out.index)
    return out


def item_lags(docs: pd.DataFrame) -> pd.DataFrame:
    """Each related item's date against its article's, in the items' order in ``docs``, with their index.

    :func:`relative_dates`' columns ``published``, ``article_published``, ``days_after_article`` and
    ``lag_precision``, read from ``page_id``, ``kind``, ``published`` and ``published_precision``
    alone: for a step that needs each item's lag beside its other columns, without looking it up
    by ``doc_id`` or copying a crawl's titles.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> lags = item_lags(docs)
    >>> lags.index.equals(docs.index[docs["kind"] == "related"]), float(lags["days_after_article"].iloc[0])
    (True, 1.0)
    """
    # the columns it reads: a crawl's rows are selected below, never its texts with them
    docs = only_columns(docs, ("page_id", "kind", "published", "published_precision"))
    prec = precision(docs)
    is_art = of_kind(docs, "article")
    first = ~docs.loc[is_art, "page_id"].duplicated()
    arts = docs.loc[is_art][first.to_numpy()].set_index("page_id")
    art_prec = prec[is_art][first.to_numpy()]
    art_prec.index = arts.index
    is_rel = of_kind(docs, "related")
    rel = docs[is_rel]
    rel_prec = prec[is_rel]  # by position: an index may repeat labels
    # each item's article's date and precision (none where its page has no article), in their own types
    art_published = arts["published"].reindex(rel["page_id"]).set_axis(rel.index)
    out = pd.DataFrame({"published": rel["published"], "article_published": art_published})
    earlier_prec = art_prec.reindex(rel["page_id"]).fillna("").set_axis(rel.index)
    out["days_after_article"] = lag_days(out["published"], out["article_published"],
                                         later_precision=rel_prec, earlier_precision=earlier_prec)
    out["lag_precision"] = np.where((rel_prec.to_numpy() == "day") | (earlier_prec.to_numpy() == "day"),
                                    "day", "time")
    return out
