"""The whole pipeline in one call: tables, figures and a findings report for a corpus.

``python -m analysis report`` runs :func:`build_report`; scripts can too. The
outputs are the same bytes from run to run on the same input.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import plots
from .corpus import load_corpus
from .errors import CorpusError, CorpusWarning
from .io import atomic_write_text, write_csv
from .similarity import nearest_neighbours, pairs_from_neighbours, similarity_matrix
from .frequencies import term_frequencies
from .dates import timeline

logger = logging.getLogger(__name__)


@dataclass
class Report:
    """What :func:`build_report` computed, and the files it wrote."""

    docs: pd.DataFrame
    unplaced: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    findings: str = ""


def _page_for_matrix(docs: pd.DataFrame, page: str | None) -> pd.DataFrame:
    if page is None:
        page = docs["page_id"].iloc[0]
    sel = docs[docs["page_id"] == page]
    if sel.empty:
        raise CorpusError(f"no page {page!r} in the corpus")
    return sel


def _table_md(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        cells = [f"{v:.3f}" if isinstance(v, float) else str(v).replace("|", "\\|") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _n(count: int, word: str, plural: str | None = None) -> str:
    """``1 page``, ``2 pages``."""
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def corpus_label(corpus: Path) -> str:
    """The corpus path as a reader should see it: relative to the project when inside it."""
    from .config import PROJ_ROOT

    try:
        return corpus.resolve().relative_to(PROJ_ROOT).as_posix()
    except ValueError:
        return corpus.as_posix()


def findings_markdown(rep: Report, *, corpus_label: str) -> str:
    """The findings report in English, every number taken from the computed tables."""
    docs, t = rep.docs, rep.tables
    titles = dict(zip(docs["doc_id"], docs["title"]))
    arts, rel = docs[docs["kind"] == "article"], docs[docs["kind"] == "related"]
    dated = docs["published"].dropna()
    tf = t["term_frequencies"].head(10)
    pairs = t["similarity_pairs"].head(5).assign(
        a=lambda d: d["doc_a"].map(titles), b=lambda d: d["doc_b"].map(titles))
    tl = t["timeline"]
    busiest = tl.sort_values(["count", "period"], ascending=[False, True], kind="mergesort").head(3)
    nn = t["nearest_neighbours"]
    art_nn = nn[(nn["doc_id"].isin(arts["doc_id"])) & (nn["rank"] == 1)
                & nn["neighbour"].isin(rel["doc_id"])]
    out = [
        "# Findings",
        "",
        f"Computed by `python -m analysis report` from `{corpus_label}`. Every number below comes from "
        "the tables in `tables/`; rerun the command to refresh them.",
        "",
        "## The corpus",
        "",
        f"- {_n(docs['page_id'].nunique(), 'page')}, {_n(len(docs), 'document')}: "
        f"{_n(len(arts), 'article')} and {_n(len(rel), 'related item')} "
        f"({_n(docs['content_id'].nunique(), 'distinct text')}).",
        f"- {int((docs['title'].str.len() + docs['text'].str.len()).sum()):,} characters of headline and text.",
        f"- Dates from {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d} "
        f"({_n(len(tl), 'month')}, {int((tl['count'] == 0).sum())} of them empty)." if len(dated)
        else "- No dates.",
        f"- Outlets named in datelines: {', '.join(sorted(set(arts['outlet']) - {''})) or 'none'}.",
        f"- Data-quality flags: {_n(int(docs['truncated'].sum()), 'text')} cut off mid-sentence; "
        f"{_n(len(rep.unplaced), 'line')} not placed in any field (see `tables/unplaced_lines.csv`).",
        "",
        "## Most frequent terms",
        "",
        _table_md(tf[["rank", "term", "count", "documents"]]),
        "",
        "![Top terms](figures/top_terms.png)",
        "",
        "## Most similar pairs (TF-IDF cosine)",
        "",
        _table_md(pairs[["a", "b", "similarity"]].rename(columns={"a": "document A", "b": "document B"})),
        "",
    ]
    for row in art_nn.itertuples(index=False):
        out.append(f"The article 「{titles[row.doc_id]}」 is most similar to the related item "
                   f"「{titles[row.neighbour]}」 ({row.similarity:.3f}).")
        out.append("")
    out += [
        "![Similarity heatmap](figures/similarity_heatmap.png)",
        "",
        "## Timeline",
        "",
        "Busiest months: " + "; ".join(f"{r.period:%B %Y} ({_n(r.count, 'document')})"
                                       for r in busiest.itertuples(index=False)) + ".",
        "",
        "![Timeline](figures/timeline.png)",
        "",
    ]
    return "\n".join(out)


def build_report(corpus: str | Path, out: str | Path, *, userdict=None, top: int = 20,
                 page: str | None = None, encoding: str | None = None, strict: bool = False) -> Report:
    """Load a corpus, compute every table, draw every figure and write them under ``out``.

    Parameters
    ----------
    corpus : str or Path
        A folder of ``*.txt`` pages or one file.
    out : str or Path
        The report folder: ``tables/``, ``figures/`` and ``findings.md`` are written there.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    top : int
        Rows of the top-terms figure and of the most-similar-pairs table.
    page : str, optional
        The page whose similarity matrix is drawn (default: the first page).
    encoding : str, optional
        Decode every file with this codec instead of detecting it.
    strict : bool
        Stop at the first damaged page instead of warning.

    Returns
    -------
    Report

    Raises
    ------
    CorpusError
        When the corpus is missing, empty or (with ``strict``) damaged.
    """
    corpus, out = Path(corpus), Path(out)
    if corpus.is_dir() and not any(p.is_file() for p in corpus.glob("*.txt")):
        raise CorpusError("no *.txt pages in the corpus folder", path=corpus)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        docs, unplaced = load_corpus(corpus, encoding=encoding, errors="raise" if strict else "warn",
                                     report=True)
    for w in caught:
        logger.warning("%s", w.message)
    if docs.empty:
        raise CorpusError("no news page could be read from the corpus", path=corpus)
    # Paths in the tables are relative to the project when inside it, so that the same corpus gives the
    # same bytes on every machine and from every working folder.
    for table in (docs, unplaced):
        labels = {src: corpus_label(Path(src)) for src in table["source"].unique()}
        table["source"] = table["source"].map(labels)
    rep = Report(docs=docs, unplaced=unplaced)
    matrix_docs = _page_for_matrix(docs, page)
    t = rep.tables
    t["documents"] = docs
    t["unplaced_lines"] = unplaced
    t["term_frequencies"] = term_frequencies(docs, userdict=userdict)
    t["term_frequencies_by_kind"] = term_frequencies(docs, by="kind", userdict=userdict)
    neighbours = nearest_neighbours(docs, k=max(top, 5), userdict=userdict)
    t["similarity_pairs"] = pairs_from_neighbours(neighbours, docs, top=top)
    t["nearest_neighbours"] = neighbours[neighbours["rank"] <= 5].reset_index(drop=True)
    t["similarity_matrix"] = similarity_matrix(matrix_docs, userdict=userdict)
    t["timeline"] = timeline(docs)
    for name, table in t.items():
        rep.files.append(write_csv(table, out / "tables" / f"{name}.csv", index=name == "similarity_matrix"))
    figures = {
        "top_terms": plots.plot_top_terms(t["term_frequencies"], n=top,
                                          title=f"The {top} most frequent terms"),
        "top_terms_by_kind": plots.plot_top_terms(t["term_frequencies_by_kind"], n=15, by="kind",
                                                  title="Most frequent terms: articles and related items"),
        "similarity_heatmap": plots.plot_similarity_heatmap(
            t["similarity_matrix"], labels=dict(zip(docs["doc_id"], docs["title"])),
            title=f"TF-IDF cosine similarity, page {matrix_docs['page_id'].iloc[0]}"),
        "timeline": plots.plot_timeline(docs),
    }
    for name, fig in figures.items():
        rep.files.extend(plots.save_figure(fig, out / "figures" / name))
    rep.findings = findings_markdown(rep, corpus_label=corpus_label(corpus))
    rep.files.append(atomic_write_text(out / "findings.md", rep.findings))
    return rep
