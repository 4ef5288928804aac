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
"""

from __future__ import annotations

from difflib import SequenceMatcher

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from .dates import relative_dates
from .plots import _new
from .similarity import similarity_matrix
from .text import compact, first_sentence
from .tfidf import TfidfModel, tfidf_model
from .typedefs import SegmenterLike, UserDict

#: |rho| from which a list counts as ordered by date or by similarity.
ORDER_THRESHOLD = 0.5
#: Characters of the article's opening an item must share, in one run, to repeat its lead.
LEAD_MATCH = 30
#: Characters of the article's text that count as its opening.
OPENING_CHARS = 150
#: Shortest first sentence whose presence in an item counts as repeating the lead.
MIN_LEAD_SENTENCE = 10
#: Fewest items with a value for a rank correlation to be computed (else NaN).
MIN_ITEMS_FOR_RHO = 3

ITEM_COLUMNS = ("page_id", "doc_id", "position", "title", "published", "days_after_article", "similarity",
                "pages", "recycled", "repeats_lead")
LIST_COLUMNS = ("page_id", "article", "items", "dated_items", "before", "same_day", "after", "lag_median_days",
                "lag_min_days", "lag_max_days", "order_date_rho", "order_similarity_rho", "similarity_median",
                "recycled_items", "recycled_share", "lead_repeats")


def repeats_lead(article_text: str, text: str) -> bool:
    """Whether a text repeats an article's lead: its whole first sentence, or 30 characters of its opening in a run.

    Texts are compared folded (:func:`analysis.text.compact`: NFKC, no whitespace). The first sentence
    counts when it has at least :data:`MIN_LEAD_SENTENCE` characters; the opening is the article's
    first :data:`OPENING_CHARS` characters, of which :data:`LEAD_MATCH` must appear in one run.

    Parameters
    ----------
    article_text : str
        The article's text.
    text : str
        The related item's text (its summary).

    Returns
    -------
    bool

    Examples
    --------
    >>> art = "美國駐聯合國大使克拉夫特今天與我駐紐約辦事處處長李光章共進午餐，這是歷史性的一刻。其後雙方合影。"
    >>> repeats_lead(art, "美國駐聯合國大使克拉夫特今天與我駐紐約辦事處處長李光章共進午餐，這是歷史性的一刻。")
    True
    >>> repeats_lead(art, "克拉夫特今天與我駐紐約辦事處處長李光章共進午餐")
    False
    >>> repeats_lead(art, "")
    False
    """
    art, item = compact(article_text or ""), compact(text or "")
    if not art or not item:
        return False
    lead = compact(first_sentence(article_text))
    if len(lead) >= MIN_LEAD_SENTENCE and lead in item:
        return True
    opening = art[:OPENING_CHARS]
    match = SequenceMatcher(None, opening, item, autojunk=False).find_longest_match(0, len(opening), 0, len(item))
    return match.size >= LEAD_MATCH


def related_items(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Every related item against its page's article: lag, similarity, recycling and lead repeats.

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

    Returns
    -------
    DataFrame
        One row per related item, by page and position: ``page_id``, ``doc_id``, ``position``,
        ``title``, ``published``, ``days_after_article`` (as :func:`analysis.relative_dates` gives it:
        calendar days when either date is known only to the day), ``similarity`` (TF-IDF cosine with
        the page's article; NaN without an article), ``pages`` (how many pages of the corpus hold the
        same text, by ``content_id``, as article or item), ``recycled`` (``pages >= 2``) and
        ``repeats_lead`` (see :func:`repeats_lead`).

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
    rel = docs[docs["kind"] == "related"] if "kind" in docs else docs.iloc[:0]
    if rel.empty:
        return _empty_items(rel)
    model = model if model is not None else tfidf_model(docs, userdict=userdict, segmenter=segmenter)
    lags = relative_dates(docs).set_index("doc_id")["days_after_article"]
    pages = docs.groupby("content_id")["page_id"].nunique() if "content_id" in docs else None
    articles = docs[docs["kind"] == "article"].drop_duplicates("page_id")
    similarity = {}
    for page_id, page in rel.groupby("page_id", sort=False):
        art = articles[articles["page_id"] == page_id]
        if art.empty:
            continue
        m = similarity_matrix(pd.concat([art, page]), model=model, unique=False)
        similarity.update(zip(page["doc_id"], m.iloc[0, 1:].to_numpy()))
    lead_text = articles.set_index("page_id")["text"]
    out = pd.DataFrame({
        "page_id": rel["page_id"], "doc_id": rel["doc_id"], "position": rel["position"], "title": rel["title"],
        "published": rel["published"], "days_after_article": rel["doc_id"].map(lags).astype(float),
        "similarity": rel["doc_id"].map(similarity).astype(float),
        "pages": rel["content_id"].map(pages).fillna(1).astype("int64") if pages is not None else 1,
    })
    out["recycled"] = out["pages"] >= 2
    out["repeats_lead"] = [repeats_lead(lead_text.get(p, ""), t)
                           for p, t in zip(rel["page_id"], rel["text"].fillna(""))]
    return out.sort_values(["page_id", "position"], kind="mergesort").reset_index(drop=True)


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
    dtypes["article"] = _dtype(docs, "doc_id")
    return dtypes


def _rho(x: pd.Series, y: pd.Series) -> float:
    ok = x.notna().to_numpy() & y.notna().to_numpy()
    x, y = x[ok], y[ok]
    if ok.sum() < MIN_ITEMS_FOR_RHO or x.nunique() < 2 or y.nunique() < 2:
        return float("nan")
    return round(float(spearmanr(x, y).statistic), 6)


def related_lists(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None) -> pd.DataFrame:
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
    """
    items = related_items(docs, model=model, userdict=userdict, segmenter=segmenter)
    articles = docs[docs["kind"] == "article"].drop_duplicates("page_id").set_index("page_id")["doc_id"]
    rows = []
    for page_id, page in items.groupby("page_id", sort=True):
        lag = page["days_after_article"].dropna()
        n_dated = len(lag)
        when = page["published"].astype("int64").where(page["published"].notna())
        rows.append({
            "page_id": page_id, "article": articles.get(page_id), "items": len(page), "dated_items": n_dated,
            "before": round(float((lag < 0).mean()), 6) if n_dated else np.nan,
            "same_day": round(float((lag == 0).mean()), 6) if n_dated else np.nan,
            "after": round(float((lag > 0).mean()), 6) if n_dated else np.nan,
            "lag_median_days": float(lag.median()) if n_dated else np.nan,
            "lag_min_days": float(lag.min()) if n_dated else np.nan,
            "lag_max_days": float(lag.max()) if n_dated else np.nan,
            "order_date_rho": _rho(page["position"].astype(float), when),
            "order_similarity_rho": _rho(page["position"].astype(float), page["similarity"]),
            "similarity_median": round(float(page["similarity"].median()), 6),
            "recycled_items": int(page["recycled"].sum()),
            "recycled_share": round(float(page["recycled"].mean()), 6),
            "lead_repeats": int(page["repeats_lead"].sum()),
        })
    dtypes = _list_dtypes(items, docs)
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in LIST_COLUMNS})
    return pd.DataFrame(rows, columns=list(LIST_COLUMNS)).astype(dtypes)


def related_summary(table: pd.DataFrame, *, docs: pd.DataFrame | None = None,
                    threshold: float = ORDER_THRESHOLD) -> pd.DataFrame:
    """How the corpus's related lists are assembled: by recency, by topic, by recycling; with a verdict.

    Popularity cannot be read from the pages (they show no view counts); an item recycled on many
    pages is the nearest trace of it.

    Parameters
    ----------
    table : DataFrame
        :func:`related_lists`'s table.
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
    >>> from analysis import load_corpus
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
        ("median lag (days)", float(table["lag_median_days"].median()) if pages else float("nan")),
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
    if docs is not None:
        on_pages = docs.groupby("content_id")["page_id"].nunique()
        rel = docs[docs["kind"] == "related"]
        counts = on_pages[on_pages.index.isin(rel["content_id"])]
        rows.append(("distinct recycled texts", int((counts >= 2).sum())))
        if (counts >= 2).any():
            top_id = counts.sort_values(ascending=False, kind="mergesort").index[0]
            title = rel.loc[rel["content_id"] == top_id, "title"].iloc[0]
            rows.append(("most recycled item", f"{title} ({int(counts[top_id])} pages)"))
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
        orders = []
        if newest > pages / 2:
            orders.append("by recency (newest first)")
        elif oldest > pages / 2:
            orders.append("by date (oldest first)")
        if by_sim > pages / 2:
            orders.append("by topic (most similar first)")
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


def plot_related_lists(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                       segmenter: SegmenterLike | None = None,
                       title: str = "How the related lists are ordered") -> plt.Figure:
    """Two panels: each item's lag by list position, and each page's order correlations.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    model : TfidfModel, optional
        One model fitted on the corpus; default: fitted on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, when no ``model`` is given.
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> fig = plot_related_lists(load_corpus(SEEDS_DIR))
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['position in the related list', 'rank correlation of position with publication time']
    """
    model = model if model is not None else tfidf_model(docs, userdict=userdict, segmenter=segmenter)
    items = related_items(docs, model=model)
    table = related_lists(docs, model=model)
    fig = _new((11, 4.4))
    ax, bx = fig.subplots(1, 2, width_ratios=[3, 2])
    shown = items.dropna(subset=["days_after_article"])
    plain = ~(shown["recycled"] | shown["repeats_lead"])
    ax.scatter(shown["position"][plain], shown["days_after_article"][plain], s=26, color="#2e86c1", label="item")
    for column, marker, color, label in (("recycled", "s", "#8e44ad", "text on other pages too"),
                                         ("repeats_lead", "D", "#c0392b", "repeats the article's lead")):
        sel = shown[column]
        if sel.any():
            ax.scatter(shown["position"][sel], shown["days_after_article"][sel], s=34, marker=marker, color=color,
                       label=label)
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
        ax.legend(loc="best", fontsize=8)
    ax.set_title(title)
    bx.axvspan(-ORDER_THRESHOLD, ORDER_THRESHOLD, color="grey", alpha=0.08, lw=0)
    bx.axhspan(-ORDER_THRESHOLD, ORDER_THRESHOLD, color="grey", alpha=0.08, lw=0)
    bx.scatter(table["order_date_rho"], table["order_similarity_rho"], s=30, color="#2e86c1")
    bx.set_xlim(-1.05, 1.05)
    bx.set_ylim(-1.05, 1.05)
    bx.set_xlabel("rank correlation of position with publication time")
    bx.set_ylabel("... with similarity to the article")
    bx.set_title(f"One dot per page (unordered: |rho| < {ORDER_THRESHOLD})", fontsize=10)
    bx.grid(alpha=0.3)
    return fig
