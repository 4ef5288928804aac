"""The verdict on a crawl's related lists: ordered by recency, by topic, or recycled from page to page.

:func:`related_summary` reads :func:`analysis.related_lists`' table (one row per page) and sums it
up for the corpus in a few measures and one sentence, the verdict, that
:mod:`analysis.findings` quotes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .linking_order import MIN_ITEMS_FOR_RHO
from .selection import of_kind

#: |rho| from which a list counts as ordered by date or by similarity.
ORDER_THRESHOLD = 0.5


def text_pages(docs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """On how many pages each distinct text (``content_id``) is, from the codes of the two columns.

    Returns each row's code (-1: no ``content_id``), each code's number of distinct pages (as
    ``docs.groupby("content_id")["page_id"].nunique()`` counts them) and the ``content_id`` of each code.

    Examples
    --------
    >>> d = pd.DataFrame({"content_id": ["x", "y", "x", None], "page_id": ["p", "p", "q", "q"]})
    >>> codes, pages, ids = text_pages(d)
    >>> codes.tolist(), pages.tolist(), list(ids)
    ([0, 1, 0, -1], [2, 1], ['x', 'y'])
    """
    content, ids = pd.factorize(docs["content_id"])
    page = pd.factorize(docs["page_id"])[0].astype(np.int64)
    ok = (content >= 0) & (page >= 0)  # missing values: no text to count, no page to count it on
    width = int(page.max(initial=0)) + 1
    pairs = np.unique(content[ok].astype(np.int64) * width + page[ok])
    return content, np.bincount(pairs // width, minlength=len(ids)), ids


def related_summary(table: pd.DataFrame, *, docs: pd.DataFrame | None = None,
                    threshold: float = ORDER_THRESHOLD) -> pd.DataFrame:
    """How the corpus's related lists are assembled: by recency, by topic, by recycling; with a verdict.

    Popularity cannot be read from the pages (they show no view counts); an item recycled on many
    pages is the nearest trace of it.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.related_lists`' table.
    docs : DataFrame, optional
        The documents, to count distinct recycled texts and name the most recycled one.
    threshold : float
        |rho| from which a list counts as ordered by date or by similarity.

    Returns
    -------
    DataFrame
        ``measure`` and ``value``, the last row being the ``verdict`` sentence.

    Examples
    --------
    >>> from analysis import load_corpus, related_lists
    >>> from analysis.config import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> summary = related_summary(related_lists(docs), docs=docs).set_index("measure")["value"]
    >>> summary["pages ordered by date"], summary["pages ordered by similarity"]
    (0, 0)
    >>> print(summary["verdict"])  # doctest: +ELLIPSIS
    Related lists are ordered neither by date nor by similarity to the article (median rho ...
    """
    pages = len(table)
    dated = table["dated_items"].sum()
    pooled = {k: round(float((table[k] * table["dated_items"]).sum() / dated), 4) if dated else float("nan")
              for k in ("before", "same_day", "after")}
    date_rho = table["order_date_rho"].median()
    sim_rho = table["order_similarity_rho"].median()
    newest = int((table["order_date_rho"] <= -threshold).sum())
    oldest = int((table["order_date_rho"] >= threshold).sum())
    by_sim = int((table["order_similarity_rho"] <= -threshold).sum())
    items = int(table["items"].sum())
    recycled = int(table["recycled_items"].sum())
    rows = [
        ("pages", pages), ("related items", items),
        ("median list length", float(table["items"].median()) if pages else float("nan")),
        ("share of dated items before the article", pooled["before"]),
        ("share of dated items on the article's day", pooled["same_day"]),
        ("share of dated items after the article", pooled["after"]),
        ("median of the pages' median lags (days)",
         float(table["lag_median_days"].median()) if pages else float("nan")),
        ("median rho of position with date", round(float(date_rho), 4)),
        ("median rho of position with similarity", round(float(sim_rho), 4)),
        ("threshold |rho|", threshold),
        ("pages ordered by date", newest + oldest), ("pages ordered newest first", newest),
        ("pages ordered by similarity", by_sim),
        ("median similarity of an item to its article", round(float(table["similarity_median"].median()), 4)),
        ("recycled items (text on 2+ pages)", recycled),
        ("share of items recycled", round(recycled / items, 4) if items else float("nan")),
        ("items repeating the article's lead", int(table["lead_repeats"].sum())),
    ]
    if docs is not None and "content_id" in docs:
        content, pages_of, ids = text_pages(docs)
        is_rel = of_kind(docs, "related") & (content >= 0)
        on_items = np.zeros(len(ids), dtype=bool)
        on_items[content[is_rel]] = True  # the texts of related items
        counts = np.where(on_items, pages_of, 0)
        rows.append(("distinct recycled texts", int((counts >= 2).sum())))
        if (counts >= 2).any():
            top = np.flatnonzero(counts == counts.max())  # of equals, the first content_id in sorted order
            # (a categorical's order is its categories')
            order = ids[top].codes if isinstance(ids, (pd.Categorical, pd.CategoricalIndex)) else \
                np.asarray(ids[top], dtype=object)
            top_code = top[np.argmin(order)] if len(top) > 1 else top[0]
            title = docs["title"].iloc[int(np.flatnonzero(is_rel & (content == top_code))[0])]
            rows.append(("most recycled item", f"{title} ({int(counts[top_code])} pages)"))
    measurable = (int(table["order_date_rho"].notna().sum()), int(table["order_similarity_rho"].notna().sum()))
    rows.append(("verdict", _verdict(pages, newest, oldest, by_sim, date_rho, sim_rho, recycled, items, threshold,
                                     measurable)))
    return pd.DataFrame(rows, columns=["measure", "value"])


def _verdict(pages: int, newest: int, oldest: int, by_sim: int, date_rho: float, sim_rho: float, recycled: int,
             items: int, threshold: float, measurable: tuple[int, int]) -> str:
    if not pages:
        return "No page has a related list."
    by_date_n, by_sim_n = measurable
    why = (f"a rho needs at least {MIN_ITEMS_FOR_RHO} items with a value (a date against a dated article, "
           "a similarity against an article), not all equal")
    if not by_date_n and not by_sim_n:
        said = (f"The order of the related lists cannot be measured: none of the {pages} pages has a measurable "
                f"rank correlation of position with date or with similarity ({why}).")
    else:
        orders = []  # most of the pages whose order can be measured
        if by_date_n and newest > by_date_n / 2:
            orders.append(f"by recency (newest first: {newest} of {by_date_n} pages)")
        elif by_date_n and oldest > by_date_n / 2:
            orders.append(f"by date (oldest first: {oldest} of {by_date_n} pages)")
        if by_sim_n and by_sim > by_sim_n / 2:
            orders.append(f"by topic (most similar first: {by_sim} of {by_sim_n} pages)")
        parts = []
        for name, rho, n in (("date", date_rho, by_date_n), ("similarity", sim_rho, by_sim_n)):
            parts.append(f"median rho {rho:.2f} with {name}, measurable on {n} of {pages} pages"
                         if n else f"no page has a measurable rho with {name}")
        rhos = f"({'; '.join(parts)}; |rho| >= {threshold} counts)"
        if orders:
            said = f"Related lists are mostly ordered {' and '.join(orders)} {rhos}."
        elif by_date_n and by_sim_n:
            said = f"Related lists are ordered neither by date nor by similarity to the article {rhos}."
        else:
            known, unknown = ("date", "similarity") if by_date_n else ("similarity", "date")
            said = (f"Related lists are not ordered by {known}; their order by {unknown} cannot be measured "
                    f"({why}) {rhos}.")
    share = recycled / items if items else 0.0
    if share > 0.5:
        said += (f" Most items ({share:.0%}) recur on other pages: lists are largely recycled, a trace of "
                 "popularity or of editorial picks.")
    elif share == 0.5:
        said += (f" Half the items ({recycled} of {items}) recur on other pages: a trace of popularity or of "
                 "editorial picks.")
    elif recycled:
        said += f" {recycled} of {items} items recur on other pages."
    else:
        said += " No item recurs on another page, so recycling (a trace of popularity) cannot be seen here."
    return said
