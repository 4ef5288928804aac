"""Stories across a crawl: documents that report the same event, grouped over pages, outlets and days.

A story is what a journalism researcher traces through a crawl: the wire report, its copies on other
outlets and pages, its rewrites and its follow-ups. :func:`stories` links two documents when their
TF-IDF cosine similarity (one model for the corpus, :func:`analysis.tfidf_model`) is at least
``threshold`` and they were published at most ``window_days`` apart, and takes connected components,
with a guard against chaining: a link is only followed when the story it makes spans at most
``window_days`` from its first to its last dated document, so that a topic the outlet returns to
every week does not become one story over years. Identical texts (same ``content_id``) are always one
story. Candidate links come from a nearest-neighbour search within the time window
(:func:`analysis.storylines_window.window_neighbours`): documents sorted by date, each compared only
with the documents of its window, never an N-by-N matrix.

:func:`story_table` gives one row per story, :func:`plot_story_timeline` draws the largest as lanes
over time. The defaults were chosen on synthetic crawls with planted stories
(``benchmarks/stories.py``).
"""

from __future__ import annotations

import logging

import matplotlib.pyplot as plt
import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from . import plots
from .plots import KIND_COLORS, _new
from .selection import of_kind
from .storylines_window import StoryUnion, window_neighbours
from .tables import distinct
from .text import shorten
from .tfidf import TfidfModel, tfidf_model
from .typedefs import SegmenterLike, UserDict

logger = logging.getLogger(__name__)

#: Defaults measured by ``benchmarks/stories.py`` (adjusted Rand index on planted stories).
THRESHOLD = 0.4
WINDOW_DAYS = 7.0
TOP = 10


def _days(docs: pd.DataFrame) -> np.ndarray:
    """Publication dates as days since the epoch (NaN when undated)."""
    if "published" not in docs:
        return np.full(len(docs), np.nan)
    published = pd.to_datetime(docs["published"], errors="coerce")
    days = (published - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)
    return days.to_numpy(dtype=float, na_value=np.nan)


def stories(docs: pd.DataFrame, *, window_days: float = WINDOW_DAYS, threshold: float = THRESHOLD,
            model: TfidfModel | None = None, top: int = TOP, userdict: UserDict = None,
            segmenter: SegmenterLike | None = None, unique: bool = True) -> pd.DataFrame:
    """Group documents that report the same event into stories, across pages, outlets and days.

    Two documents are linked when their TF-IDF cosine similarity is at least ``threshold`` and they
    were published at most ``window_days`` apart; links are followed strongest first, and only while
    the story they make spans at most ``window_days`` from its first to its last dated document (the
    window is measured against the story's first document, not link by link, so that a chain of
    weekly reports on one topic does not become one story over years). Identical texts (same
    ``content_id``) are always one story, whatever their dates, and a text is dated by its first
    publication: a copy recycled months later joins its story without stretching it. An undated document is linked by
    similarity alone; it adds no date, so it cannot stretch a story beyond the window, nor join two
    stories that are more than ``window_days`` apart.

    The defaults were measured on synthetic crawls of planted stories (originals, copies on other
    outlets, rewrites and follow-ups over up to a week, among unrelated documents;
    ``benchmarks/stories.py``): with ``window_days=7`` the adjusted Rand index is .974 at
    ``threshold=0.4`` and .99 from 0.5 up, against .899 at 0.3; without a window, chaining brings it
    below .9 at any threshold. The synthetic texts share more template wording than real news, so
    the default sits at the low end of that plateau, where real rewrites (freer than synthetic ones)
    still link; on the seed page, its same-event pairs are at 0.52 to 0.76 and its other pairs below
    0.37. A lower threshold merges stories on a shared topic; a higher one leaves rewrites and
    follow-ups apart. A story longer than the window (a trial, an election) comes out as several
    stories: raise ``window_days`` to follow it.

    Links are searched within the window only (:func:`analysis.storylines_window.window_neighbours`):
    the texts sorted by date, each compared with the texts dated at most ``window_days`` from it and
    with the undated ones, so that the cost grows with the corpus times the texts of a window, not
    with the square of the corpus (an undated text is compared with every text). The links are the
    ones a brute-force search of the full similarity matrix finds, each text's ``top`` most similar
    among those within the window (``tests/test_storylines.py`` compares them on the seed page and on
    synthetic crawls).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (``doc_id``, ``title``, ``text``; ``published`` and
        ``content_id`` when present).
    window_days : float
        Longest span of a story, first to last dated document, in days (fractions allowed).
    threshold : float
        Lowest cosine similarity of a link.
    model : TfidfModel, optional
        The corpus's TF-IDF model (:func:`analysis.tfidf_model`); default: fit one on ``docs``.
    top : int
        Nearest neighbours of each text searched for links, among the texts dated at most
        ``window_days`` from it (a story of more texts is still connected through its members' links).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).
    unique : bool
        Search neighbours among distinct texts (``content_id``), each once, so that copies of a text
        do not fill each other's ``top`` places; every copy then joins its text's story. False
        searches every document as crawled.

    Returns
    -------
    DataFrame
        One row per document, in the order of ``docs``: ``doc_id``, ``story_id`` (``s0001`` ...,
        numbered by the story's first publication, then by its first document in corpus order;
        stories with no date come last) and ``story_size`` (documents in the story).

    Examples
    --------
    >>> docs = pd.DataFrame({
    ...     "doc_id": ["a", "b", "c", "d"], "content_id": ["1", "2", "3", "1"],
    ...     "title": ["美駐聯大使將訪台", "克拉夫特將訪台", "台灣黑熊進聯合國", "美駐聯大使將訪台"],
    ...     "text": ["國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪問台灣。",
    ...              "蓬佩奧宣布，美國駐聯合國大使克拉夫特將訪問台灣。",
    ...              "台灣黑熊布偶進入聯合國總部。", "國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪問台灣。"],
    ...     "published": pd.to_datetime(["2021-01-07", "2021-01-08", "2021-01-15", "2021-03-01"])})
    >>> stories(docs).values.tolist()
    [['a', 's0001', 3], ['b', 's0001', 3], ['c', 's0002', 1], ['d', 's0001', 3]]
    """
    docs = docs.reset_index(drop=True)
    n = len(docs)
    if n == 0:
        return pd.DataFrame({"doc_id": [], "story_id": [], "story_size": []}).astype(
            {"doc_id": object, "story_id": object, "story_size": "int64"})
    days = _days(docs)
    if "content_id" in docs:  # a text is dated by its first publication: a recycled copy is no new event
        days = pd.Series(days).groupby(docs["content_id"].to_numpy()).transform("min").to_numpy()
        node = pd.factorize(docs["content_id"])[0]  # identical texts: one node, so one story, always
        alone = node < 0  # no content_id: a text of its own
        node[alone] = node.max(initial=-1) + 1 + np.arange(alone.sum())
    else:
        node = np.arange(n)
    first_doc = np.full(node.max() + 1, n)
    np.minimum.at(first_doc, node, np.arange(n))
    found = StoryUnion(days[first_doc])  # a node's documents share their text's date
    model = model or tfidf_model(docs, userdict=userdict, segmenter=segmenter)
    searched = distinct(docs, unique=unique)
    rows = searched.index.to_numpy()
    r, c, v = window_neighbours(model.transform(searched), days[rows], window_days=window_days, top=top)
    v = np.minimum(v, 1.0)
    a, b = rows[r[v >= threshold]], rows[c[v >= threshold]]
    links = pd.DataFrame({"a": np.minimum(a, b), "b": np.maximum(a, b), "similarity": v[v >= threshold]})
    links = links.drop_duplicates(["a", "b"]).sort_values(["similarity", "a", "b"], ascending=[False, True, True],
                                                          kind="mergesort")
    refused = 0
    for i, j in zip(node[links["a"].to_numpy()].tolist(), node[links["b"].to_numpy()].tolist()):
        ri, rj = found.find(i), found.find(j)
        if ri == rj:
            continue
        if found.span(ri, rj) <= window_days:
            found.union(ri, rj)
        else:
            refused += 1
    logger.debug("stories: %d links followed or redundant, %d refused by the window", len(links) - refused, refused)
    roots = np.array([found.find(i) for i in range(len(first_doc))])[node]
    first = pd.Series(days).groupby(roots).min()  # NaN for a story with no date
    order = pd.DataFrame({"root": first.index, "first": first.to_numpy()})
    order["first_doc"] = pd.Series(np.arange(n)).groupby(roots).min().loc[order["root"]].to_numpy()
    order = order.sort_values(["first", "first_doc"], na_position="last", kind="mergesort")
    width = max(4, len(str(len(order))))
    names = pd.Series([f"s{k:0{width}d}" for k in range(1, len(order) + 1)], index=order["root"].to_numpy())
    size = pd.Series(roots).map(pd.Series(roots).value_counts())
    return pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(), "story_id": names.loc[roots].to_list(),
                         "story_size": size.to_numpy(dtype="int64")})


def _headlines(merged: pd.DataFrame) -> pd.Series:
    """Each story's earliest article's title, else its commonest title (the earliest of equally common).

    ``merged`` is in date order; titles that are empty or blank are left out; a story without a
    title is left out of the result.
    """
    titled = merged[merged["title"].fillna("").str.strip() != ""]
    titled = pd.DataFrame({"story_id": titled["story_id"].to_numpy(), "title": titled["title"].to_numpy(),
                           "kind": titled["kind"].to_numpy() if "kind" in titled else None,
                           "at": np.arange(len(titled))})
    counts = titled.groupby(["story_id", "title"], sort=False).agg(n=("at", "size"), at=("at", "min")).reset_index()
    best = counts.sort_values(["story_id", "n", "at"], ascending=[True, False, True], kind="mergesort")
    headline = best.drop_duplicates("story_id").set_index("story_id")["title"]
    articles = titled[of_kind(titled, "article")].drop_duplicates("story_id").set_index("story_id")["title"]
    return articles.combine_first(headline)


def story_table(docs: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """One row per story: when it ran, how many documents and texts, which outlets, and a headline.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    stories : DataFrame
        From :func:`analysis.stories` (``doc_id``, ``story_id``).

    Returns
    -------
    DataFrame
        ``story_id``, ``first`` and ``last`` (earliest and latest publication of its distinct texts,
        each text dated by its first publication, as :func:`analysis.stories` dates it: a copy
        recycled later does not stretch the story; NaT for a story with no date), ``last_copy`` (the
        latest publication of any of its documents, copies included: later than ``last`` when a text
        was recycled), ``documents``, ``distinct_texts`` (distinct ``content_id``), ``outlets``
        (the outlets named, sorted, joined by ``、``; empty when none is), ``headline`` (the title
        of the story's earliest article, as the outlet itself headlined the event; for a story of
        related items only, the title most often given to its documents, the earliest of equally
        common ones); sorted by ``documents`` descending, then ``first``, then ``story_id``.

    Examples
    --------
    Document ``d`` is a copy of ``a`` (same ``content_id``) recycled in March: it is dated by its
    text's first publication, so story ``s0001`` still runs from 7 to 8 January, and ``last_copy``
    shows the recycling.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "kind": ["related", "article", "related", "related"],
    ...                      "title": ["美駐聯大使將訪台", "克拉夫特訪台", "台灣黑熊", "美駐聯大使將訪台"],
    ...                      "content_id": ["1", "2", "3", "1"], "outlet": ["", "新唐人", "中央社", ""],
    ...                      "published": pd.to_datetime(["2021-01-07", "2021-01-08", "2021-01-15", "2021-03-01"])})
    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "story_id": ["s0001", "s0001", "s0002", "s0001"]})
    >>> table = story_table(docs, s)
    >>> table[["story_id", "documents", "distinct_texts", "outlets", "headline"]].values.tolist()
    [['s0001', 3, 2, '新唐人', '克拉夫特訪台'], ['s0002', 1, 1, '中央社', '台灣黑熊']]
    >>> [f"{t:%m-%d}" for t in table.loc[0, ["first", "last", "last_copy"]]]
    ['01-07', '01-08', '03-01']
    """
    cols = ["doc_id", "title"] + [c for c in ("kind", "published", "outlet", "content_id") if c in docs]
    merged = stories[["doc_id", "story_id"]].merge(docs[cols], on="doc_id", how="left", validate="one_to_one")
    if "published" not in merged:
        merged["published"] = pd.NaT
    merged["published"] = pd.to_datetime(merged["published"], errors="coerce")
    if "content_id" not in merged:
        merged["content_id"] = merged["doc_id"]
    # a text is dated by its first publication, as stories() dates it: a recycled copy is no new event
    text = merged["content_id"].where(merged["content_id"].notna(), merged["doc_id"])
    merged["_dated"] = merged["published"].groupby(text.to_numpy()).transform("min")
    merged["_order"] = np.arange(len(merged))
    merged = merged.sort_values(["published", "_order"], na_position="last", kind="mergesort")
    merged = merged[merged["story_id"].notna()]
    by_story = merged.groupby("story_id", sort=True)
    table = pd.DataFrame({"first": by_story["_dated"].min(), "last": by_story["_dated"].max(),
                          "last_copy": by_story["published"].max(), "documents": by_story.size(),
                          "distinct_texts": by_story["content_id"].nunique()})
    outlets, headlines = _outlets(merged), _headlines(merged).to_dict()
    table["outlets"] = [outlets.get(story_id, "") for story_id in table.index]
    table["headline"] = [headlines.get(story_id, "") for story_id in table.index]
    table = table.rename_axis("story_id").reset_index()
    return table.sort_values(["documents", "first", "story_id"], ascending=[False, True, True],
                             na_position="last", kind="mergesort").reset_index(drop=True)


def _outlets(merged: pd.DataFrame) -> dict:
    """Each story's outlets, the names that are not blank, sorted and joined by ``、`` (stories with one)."""
    if "outlet" not in merged:
        return {}
    named = merged[["story_id", "outlet"]].dropna()
    named = named[np.array([bool(str(o).strip()) for o in named["outlet"]], dtype=bool)].drop_duplicates()
    named = named.sort_values(["story_id", "outlet"], kind="mergesort")
    joined: dict = {}
    for story_id, outlet in zip(named["story_id"].tolist(), named["outlet"].tolist()):
        joined.setdefault(story_id, []).append(outlet)
    return {story_id: "、".join(outlets) for story_id, outlets in joined.items()}


def plot_story_timeline(docs: pd.DataFrame, stories: pd.DataFrame, *, top: int = 15, width: int = 20,
                        title: str = "The largest stories over time",
                        table: pd.DataFrame | None = None) -> plt.Figure:
    """The ``top`` largest stories as lanes over time: a mark where a story has documents, a line from
    first to last.

    Documents of one kind published at the same time in the same story share one mark (a recycled
    item's copies on many pages), so the figure grows with the stories' dates, not their copies;
    above :data:`analysis.plots.RASTER_POINTS` marks they are an image inside the SVG.

    The line runs from the story's first to its last text (:func:`analysis.story_table`); a dotted
    line carries it on to copies of its texts recycled later.

    Articles are drawn as stars, related items as dots (the colours of :func:`analysis.plot_timeline`);
    each lane is labelled with the story's headline, shortened, and its number of documents.
    Undated documents cannot be placed and are counted in the axis label.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    stories : DataFrame
        From :func:`analysis.stories`.
    top : int
        Stories drawn, the largest first (as :func:`analysis.story_table` sorts them).
    width : int
        Characters kept of each headline.
    title : str
        The figure's title.
    table : DataFrame, optional
        :func:`analysis.story_table`'s table of ``docs`` and ``stories``, when it is already computed
        (default: computed).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> found = stories(docs)
    >>> fig = plot_story_timeline(docs, found, top=5)
    >>> len(fig.axes[0].get_yticklabels())
    5
    >>> fig = plot_story_timeline(docs, found, top=5, table=story_table(docs, found))  # not computed again
    """
    table = (table if table is not None else story_table(docs, stories)).head(top)
    lanes = {s: k for k, s in enumerate(table["story_id"])}
    cols = ["doc_id"] + [c for c in ("kind", "published") if c in docs]
    drawn = stories[stories["story_id"].isin(lanes)].merge(docs[cols], on="doc_id", how="left")
    if "published" not in drawn:
        drawn["published"] = pd.NaT
    drawn["published"] = pd.to_datetime(drawn["published"], errors="coerce")
    undated = int(drawn["published"].isna().sum())
    drawn = drawn.dropna(subset=["published"])
    fig = _new((11, 0.38 * max(len(table), 1) + 1.8))
    ax = fig.subplots()
    for row in table.itertuples(index=False):
        if pd.notna(row.first):
            ax.plot([row.first, row.last], [lanes[row.story_id]] * 2, color="#7f8c8d", lw=1.5, zorder=1)
        if pd.notna(row.last_copy) and row.last_copy > row.last:  # recycled copies, after the story itself
            ax.plot([row.last, row.last_copy], [lanes[row.story_id]] * 2, color="#7f8c8d", lw=1, ls=":", zorder=1)
    kinds = drawn["kind"] if "kind" in drawn else pd.Series("related", index=drawn.index)
    # one mark per date and story of a kind: a recycled item's copies on many pages draw the same mark
    marks = pd.DataFrame({"published": drawn["published"], "lane": drawn["story_id"].map(lanes),
                          "kind": kinds.where(kinds.isin(["article", "related"]), "other")}).drop_duplicates()
    dense = len(marks) > plots.RASTER_POINTS  # many marks: an image in the SVG
    for kind, marker, size, color in (("related", "o", 26, KIND_COLORS.get("related", "grey")),
                                      ("article", "*", 150, KIND_COLORS.get("article", "grey")),
                                      ("other", "o", 26, "grey")):
        sel = marks[marks["kind"] == kind]
        if len(sel):
            ax.scatter(sel["published"], sel["lane"], marker=marker, s=size, color=color, label=kind, zorder=3,
                       rasterized=dense)
    ax.set_yticks(range(len(table)), labels=[f"{shorten(h, width)} ({d})" for h, d in
                                             zip(table["headline"], table["documents"])], fontsize=8)
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_ylabel("story (headline, documents)")
    ax.set_xlabel("publication date, as written on the page"
                  + (f" ({undated} undated document(s) not drawn)" if undated else ""))
    if len(drawn):
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title)
    return fig
