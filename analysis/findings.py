"""The findings report: the computed tables told in English, as Markdown.

Every number in it is read from the tables that :func:`analysis.build_report`
computed, so the prose cannot drift from the tables and figures beside it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path

import pandas as pd

from .config import PROJ_ROOT
from .store import table_columns
from .selection import is_in, of_kind
from .tables import titles as title_map


def _table_md(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        cells = [f"{v:.3f}" if isinstance(v, float) else str(v).replace("|", "\\|") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _n(count: int, word: str, plural: str | None = None) -> str:
    """``1 page``, ``2 pages``.

    Examples
    --------
    >>> _n(1, "page"), _n(1200, "document")
    ('1 page', '1,200 documents')
    """
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def corpus_label(corpus: Path) -> str:
    """The corpus path as a reader should see it: relative to the project when inside it.

    Parameters
    ----------
    corpus : Path
        A folder or file.

    Returns
    -------
    str
        The path relative to :data:`analysis.config.PROJ_ROOT` when inside it, else as given,
        with ``/`` separators.

    Examples
    --------
    >>> corpus_label(PROJ_ROOT / "seeds")
    'seeds'
    >>> corpus_label(Path("/data/pages"))
    '/data/pages'
    """
    try:
        return corpus.resolve().relative_to(PROJ_ROOT).as_posix()
    except ValueError:
        return corpus.as_posix()


def _lags(rel: pd.DataFrame | None) -> list[str]:
    """A sentence on when related items were published relative to their article, with its unit.

    Examples
    --------
    >>> rel = pd.DataFrame({"days_after_article": [0.0, 1.0, 1119.0], "lag_precision": ["day"] * 3})
    >>> _lags(rel)[0].split(" (")[0]
    'Related items were published 0 to 1,119 days after their article'
    >>> _lags(rel)[0].split(" (")[1]
    "median 1; 0 before it, 1 the same day), in calendar days: an article's dateline gives the day only."
    """
    if rel is None or rel["days_after_article"].notna().sum() == 0:
        return []
    lag = rel["days_after_article"].dropna()

    def days(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

    unit = (", in calendar days: an article's dateline gives the day only" if (rel["lag_precision"] == "day").all()
            else "")
    return [f"Related items were published {days(lag.min())} to {days(lag.max())} days after their article "
            f"(median {days(lag.median())}; {int((lag < 0).sum())} before it, {int((lag == 0).sum())} the same "
            f"day){unit}.", ""]


def _titles(docs: pd.DataFrame, ids: list[str]) -> pd.Series:
    """The titles of documents ``ids``, indexed by ``doc_id`` (those rows alone taken from ``docs``).

    Examples
    --------
    >>> _titles(pd.DataFrame({"doc_id": ["a", "b"], "title": ["甲", "乙"]}), ["b"]).to_dict()
    {'b': '乙'}
    """
    rows = docs.loc[is_in(docs["doc_id"], pd.Series(ids, dtype=docs["doc_id"].dtype)), ["doc_id", "title"]]
    return title_map(rows).pipe(lambda s: s[~s.index.duplicated()])


def _key_rows(table: pd.DataFrame, *, n: int = 5) -> str:
    """The ``n`` strongest key terms of each side of a keyness table, as a Markdown table."""
    rows = pd.concat([table[table["log_likelihood"] > 0].head(n),
                      table[table["log_likelihood"] < 0].sort_values(["log_likelihood", "term"]).head(n)])
    return _table_md(rows[["term", "target_count", "reference_count", "log_likelihood", "log_ratio", "p_adjusted"]])


def _key_terms(t: Mapping[str, pd.DataFrame]) -> list[str]:
    """The keyness and collocation sections, from the report's tables (absent tables give nothing)."""
    out: list[str] = []
    related, month = t.get("keyness_related"), t.get("keyness_busiest_month")
    if related is not None or month is not None:
        out += ["## Key terms", "",
                "Keyness by log-likelihood (G2, signed: negative where the term is relatively more frequent on the "
                "other side) and Log Ratio (binary log of the ratio of relative frequencies; a zero count taken "
                "as 0.5), p-values Holm-corrected for the number of terms compared.", ""]
    for table, heading, figure in ((related, "Related items (target) against articles (reference)",
                                    "keyness_related"),
                                   (month, "The busiest month (target) against the rest (reference)",
                                    "keyness_busiest_month")):
        if table is None:
            continue
        if table.empty:
            out += [f"{heading}: not computed (a side has no document or no term).", ""]
            continue
        sig = int((table["p_adjusted"] < 0.05).sum())
        when = table.attrs.get("month")
        if when is not None:
            heading = heading.replace("The busiest month (target)", f"The busiest month, {when:%B %Y} (target),")
        out += [f"{heading}: {_n(sig, 'term')} significant at 0.05 after correction, of {len(table):,}.",
                "", _key_rows(table), "", f"![{heading}](figures/{figure}.png)", ""]
    pairs = t.get("collocations")
    if pairs is not None and len(pairs):
        out += ["## Strongest word pairs", "",
                "Within five terms of each other, at least twice, ranked by log-likelihood:", "",
                _table_md(pairs.head(10)[["term", "collocate", "count", "log_likelihood", "mi", "logdice"]]), "",
                "![Co-occurrence network](figures/cooccurrence_network.png)", ""]
    return out


def _actors(t: Mapping[str, pd.DataFrame]) -> list[str]:
    """The actors and voices section, from the report's tables (absent tables give nothing)."""
    named, variants, said = t.get("actors"), t.get("actor_variants"), t.get("speakers")
    if named is None or said is None:
        return []
    out = ["## Actors and voices", ""]
    if named.empty:
        return out + ["No actor is named.", ""]
    out += [f"{_n(int(named['count'].sum()), 'mention')} of {_n(len(named), 'actor')} "
            f"({', '.join(f'{_n(int(n), k)}' for k, n in named.groupby('type')['actor'].size().items())}); "
            "the most named:", "",
            _table_md(named.head(10)[["actor", "type", "count", "documents"]]), ""]
    if variants is not None:
        several = variants.groupby("actor", sort=False).filter(lambda g: len(g) > 1)
        for actor, g in list(several.groupby("actor", sort=False))[:5]:
            out.append(f"- {actor}: " + "、".join(f"{m} ({c})" for m, c in zip(g["mention"], g["count"])))
        if len(several):
            out += ["", "(each actor's names as written, with their counts: `tables/actor_variants.csv`)", ""]
    named_said = said[said["speaker"] != ""]
    out += [f"{_n(int(said['quotes'].sum()), 'quotation or statement', 'quotations or statements')}, "
            f"{int(named_said['quotes'].sum()):,} of them by a named speaker; the most quoted:", "",
            _table_md(named_said.head(8)[["speaker", "speaker_type", "quotes", "documents", "cues"]]), "",
            "![The most named actors](figures/top_actors.png)", "",
            "![Actors named together](figures/actor_network.png)", ""]
    return out


def _reuse(reuse: pd.DataFrame | None) -> list[str]:
    """The text-reuse paragraph: how many pairs of texts share a passage, how many credit an agency, the longest."""
    if reuse is None:
        return []
    credited = reuse.loc[reuse["agency"] != "", "agency"].value_counts()
    out = [f"Text reuse: {_n(len(reuse), 'pair')} of distinct texts share a passage word for word "
           f"(`tables/text_reuse.csv`: candidates found across the whole crawl by MinHash of 50-character chunks, "
           f"then aligned, the longest shared passage of 15 characters or more; shorter or edited passages can "
           f"be missed), {int(credited.sum()):,} of them crediting a news agency"
           + (f" ({', '.join(f'{a} {n:,}' for a, n in credited.head(3).items())})" if len(credited) else "")
           + ("; the longest:" if len(reuse) else "."), ""]
    if len(reuse):
        longest = reuse.head(3).assign(passage=lambda d: d["passage"].str.slice(0, 30)
                                       + d["passage"].str.len().gt(30).map({True: "…", False: ""}))
        out += [_table_md(longest[["doc_a", "doc_b", "shared_chars", "share_of_shorter", "agency", "passage"]]), ""]
    return out


def _stories(t: Mapping[str, pd.DataFrame]) -> list[str]:
    """The stories, bursts and related-lists section, from the report's tables (absent tables give nothing)."""
    table, peaks, summary = t.get("stories"), t.get("bursts"), t.get("related_summary")
    if table is None:
        return []
    several = table[table["documents"] > 1]
    out = ["## Stories, bursts and related lists", "",
           f"{_n(len(table), 'story', 'stories')} (documents on the same event, linked by TF-IDF similarity within "
           f"a time window; `tables/stories.csv`), {len(several):,} of them with more than one document:", ""]
    if len(several):
        out += [_table_md(several.head(5).assign(first=lambda d: d["first"].dt.strftime("%Y-%m-%d"),
                                                 last=lambda d: d["last"].dt.strftime("%Y-%m-%d"))
                          [["story_id", "first", "last", "documents", "headline"]]), ""]
    if peaks is not None and len(peaks):
        out += ["Bursts of attention (documents per month against the corpus's own rate, Kleinberg's model):", "",
                _table_md(peaks.head(3).assign(start=lambda d: d["start"].dt.strftime("%Y-%m"),
                                               end=lambda d: d["end"].dt.strftime("%Y-%m"))
                          [["start", "end", "level", "count", "weight"]]), ""]
    elif peaks is not None:
        out += ["No burst of attention at monthly resolution.", ""]
    out += _reuse(t.get("text_reuse"))
    if summary is not None and len(summary):
        verdict = summary.loc[summary["measure"] == "verdict", "value"]
        if len(verdict):
            out += [f"Related lists: {verdict.iloc[0]}", ""]
    out += ["![Stories](figures/story_timeline.png)", "", "![Bursts](figures/bursts.png)", "",
            "![Related lists](figures/related_lists.png)", ""]
    return out


def findings_markdown(tables: Mapping[str, pd.DataFrame], *, corpus_label: str,
                      tfidf: Mapping[str, object] | None = None, figures: Collection[str] | None = None) -> str:
    """The findings report in English, every number taken from the computed tables.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The tables :func:`analysis.build_report` computed, by name (``documents``,
        ``problems``, ``term_frequencies``, ``similarity_pairs``, ``nearest_neighbours``,
        ``timeline``); the timeline by month, as :func:`analysis.timeline` counts by default.
    corpus_label : str
        How the corpus is named in the text (see :func:`corpus_label`).
    tfidf : mapping, optional
        The TF-IDF model's settings and size (:meth:`analysis.tfidf.TfidfModel.describe`), stated
        under the similarity tables.
    figures : collection of str, optional
        The figures drawn (default: all): the links to the others are left out.

    Returns
    -------
    str
        Markdown, with links to the figures.

    Raises
    ------
    KeyError
        When one of those tables is missing.

    Examples
    --------
    >>> from analysis import nearest_neighbours, read_corpus, term_frequencies, timeline
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.similarity import pairs_from_neighbours
    >>> docs, problems = read_corpus(SEEDS_DIR)
    >>> nn = nearest_neighbours(docs)
    >>> tables = {"documents": docs, "problems": problems, "term_frequencies": term_frequencies(docs),
    ...           "similarity_pairs": pairs_from_neighbours(nn, docs), "nearest_neighbours": nn,
    ...           "timeline": timeline(docs)}
    >>> md = findings_markdown(tables, corpus_label="seeds")
    >>> [line for line in md.splitlines() if line.startswith("## ")]
    ['## The corpus', '## Most frequent terms', '## Most similar pairs (TF-IDF cosine)', '## Timeline']
    >>> md.splitlines()[6]
    '- 1 page, 21 documents: 1 article and 20 related items (21 distinct texts).'
    """
    t = tables
    docs = t["documents"]
    is_article = of_kind(docs, "article")
    n_articles, n_related = int(is_article.sum()), int(of_kind(docs, "related").sum())
    outlets = sorted(set(docs["outlet"][is_article].unique()) - {""})
    problems = t["problems"]
    # files of which no document was read (a page that is no news page, an empty or unreadable file)
    skipped_from = pd.Series(sorted(set(problems.loc[problems["action"] == "skipped", "source"])), dtype="str")
    skipped = int((~is_in(skipped_from, docs["source"])).sum()) if len(skipped_from) and "source" in docs else 0
    dated = docs["published"].dropna()
    tf = t["term_frequencies"].head(10)
    pairs = t["similarity_pairs"].head(5)
    pair_titles = _titles(docs, [*pairs["doc_a"], *pairs["doc_b"]])
    tl = t["timeline"]
    busiest = tl[tl["count"] > 0].sort_values(["count", "period"], ascending=[False, True],
                                             kind="mergesort").head(3)
    # Counts are of distinct texts (the kit's default); say so when copies were set aside.
    unit = "document" if docs["content_id"].is_unique else "distinct text"
    nn = t["nearest_neighbours"]
    nn = nn[nn["rank"] == 1]
    # an article's nearest neighbour a related item: kinds looked up in the columns as they are (a crawl's
    # two million ids are never made Python strings)
    ids_of = {k: docs.loc[of_kind(docs, k), "doc_id"] for k in ("article", "related")}
    art_nn = nn[is_in(nn["doc_id"], ids_of["article"]) & is_in(nn["neighbour"], ids_of["related"])]
    del ids_of
    out = [
        "# Findings",
        "",
        f"Computed by `python -m analysis report` from `{corpus_label}`. Every number below comes from "
        "the tables in `tables/`; rerun the command to refresh them.",
        "",
        "## The corpus",
        "",
        f"- {_n(docs['page_id'].nunique(), 'page')}, {_n(len(docs), 'document')}: "
        f"{_n(n_articles, 'article')} and {_n(n_related, 'related item')} "
        f"({_n(docs['content_id'].nunique(), 'distinct text')}).",
        f"- {int((docs['title'].str.len() + docs['text'].str.len()).sum()):,} characters of headline and text.",
        f"- Dates from {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d} "
        f"({_n(len(tl), 'month')}, {int((tl['count'] == 0).sum())} of them empty)." if len(dated)
        else "- No dates.",
        f"- Outlets named in datelines: {', '.join(outlets) or 'none'}.",
        f"- Data-quality flags: {_n(int(docs['truncated'].sum()), 'text')} cut off mid-sentence; "
        f"{_n(len(t['problems']), 'problem')} found while reading"
        + (f", {_n(skipped, 'file')} skipped whole" if skipped else "") + " (see `tables/problems.csv`).",
        "",
        "## Most frequent terms",
        "",
        _table_md(tf[["rank", "term", "count", "documents"]].rename(columns={"documents": unit + "s"})),
        "",
        "![Top terms](figures/top_terms.png)",
        "",
        "## Most similar pairs (TF-IDF cosine)",
        "",
        _table_md(pairs.assign(a=pairs["doc_a"].map(pair_titles), b=pairs["doc_b"].map(pair_titles))
                  [["a", "b", "similarity"]].rename(columns={"a": "document A", "b": "document B"})),
        "",
    ]
    if tfidf:
        weights = "1 + log(count)" if tfidf.get("sublinear_tf") else "raw counts"
        out += [f"One TF-IDF model for every similarity table and figure: term weights {weights}, "
                f"{'smoothed ' if tfidf.get('smooth_idf') else ''}IDF over {_n(int(tfidf['texts']), 'distinct text')}, "
                f"{_n(int(tfidf['terms']), 'term')} (min_df {tfidf['min_df']}, max_df {tfidf['max_df']}).", ""]
    if nn.attrs.get("method") == "approximate":
        out += ["Nearest neighbours were searched approximately (a nearest-neighbour-descent graph, every "
                "similarity then computed exactly; see `analysis.neighbours` for its measured recall): "
                "a true neighbour can be missing.", ""]
    if len(art_nn) > 5:  # a crawl: say how many, and show the closest pairs only
        out += [f"{len(art_nn):,} of {_n(n_articles, 'article')} are most similar to a related item; "
                "the five closest:", ""]
        art_nn = art_nn.sort_values("similarity", ascending=False, kind="mergesort").head(5)
    titles = _titles(docs, [*art_nn["doc_id"], *art_nn["neighbour"]])
    for row in art_nn.itertuples(index=False):
        out.append(f"The article 「{titles[row.doc_id]}」 is most similar to the related item "
                   f"「{titles[row.neighbour]}」 ({row.similarity:.3f}).")
        out.append("")
    out += [
        "![Similarity heatmap](figures/similarity_heatmap.png)",
        "",
        "## Timeline",
        "",
        "Busiest months: " + "; ".join(f"{r.period:%B %Y} ({_n(r.count, unit)})"
                                       for r in busiest.itertuples(index=False)) + "." if len(busiest)
        else "No document is dated.",
        "",
        *_lags(table_columns(t, "relative_dates", ("days_after_article", "lag_precision"))),
        "![Timeline](figures/timeline.png)",
        "",
    ]
    out += _key_terms(t)
    out += _actors(t)
    out += _stories(t)
    if figures is not None:
        kept = [line for line in out if not ((m := _FIGURE_LINK.fullmatch(line)) and m.group(1) not in figures)]
        if len(kept) < len(out):  # where a link was, no double blank line
            out = [line for k, line in enumerate(kept) if line or k == 0 or kept[k - 1]]
    return "\n".join(out)


#: A line that shows one of the report's figures.
_FIGURE_LINK = re.compile(r"!\[[^\]]*\]\(figures/([\w-]+)\.png\)")
