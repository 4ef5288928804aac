"""When the documents were published: counts per period, and related items dated against their article."""

from __future__ import annotations

import pandas as pd

from .tables import distinct


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


def relative_dates(docs: pd.DataFrame) -> pd.DataFrame:
    """When each related item was published relative to its page's article.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (columns ``doc_id``, ``page_id``, ``kind``, ``title``,
        ``published``); a page's first article is the one its items are dated against.

    Returns
    -------
    DataFrame
        For every related item: ``doc_id``, ``page_id``, ``title``, ``published``,
        ``article_published`` and ``days_after_article`` (negative when the item
        is older than the article; fractional, from the timestamps as written),
        sorted by page then date.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> rel = relative_dates(load_corpus(SEEDS_DIR))
    >>> len(rel), float(rel["days_after_article"].min())
    (20, 0.548)
    """
    arts = docs[docs["kind"] == "article"].drop_duplicates("page_id").set_index("page_id")["published"]
    rel = docs[docs["kind"] == "related"]
    out = pd.DataFrame({
        "doc_id": rel["doc_id"], "page_id": rel["page_id"], "title": rel["title"],
        "published": rel["published"], "article_published": rel["page_id"].map(arts),
    })
    out["days_after_article"] = ((out["published"] - out["article_published"]).dt.total_seconds() / 86400).round(3)
    return out.sort_values(["page_id", "published", "doc_id"], kind="mergesort").reset_index(drop=True)
