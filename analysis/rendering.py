"""The report's figures and findings, drawn from its tables: what :func:`analysis.build_report` writes
last, and :func:`render_report` writes again when only a presentation option changed. Each figure
(:data:`FIGURES`) is drawn by a package function from the tables alone, so it is the same bytes whether
drawn after the tables were computed or from ``tables/*.parquet``; the presentation options each reads
(:data:`FIGURE_OPTIONS`) tell which figures an option changes.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Collection, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from . import plots
from .attention import plot_bursts
from .findings import findings_markdown
from .fonts import cjk_font
from .forking import map_inherited
from .linking import plot_related_lists
from .network import plot_network
from .outputs import atomic_write_text, write_table
from .resources import Clock
from .storylines import plot_story_timeline
from .store import WrittenTables, open_report, table_columns
from .tables import titles
from .termplots import plot_keyness
from .tfidf import TfidfModel
from .typedefs import PathLike

logger = logging.getLogger(__name__)


#: Documents above which the tables are written and the figures drawn in the report's process, one
#: after another, not side by side by forked workers: redrawing a 100,000-page report (2.1 million
#: documents), two workers took 41 s and a peak of 7.1 GB (summed PSS), this process alone 56 s and 5.1 GB.
FIGURE_WORKERS_MAX_ROWS = 500_000


@dataclass
class Report:
    """What :func:`analysis.build_report` computed, and the files it wrote.

    Parameters
    ----------
    docs : DataFrame
        The documents, with ``source`` relative to the project (see :func:`analysis.findings.corpus_label`).
    problems : DataFrame
        Every problem the reader found, with the action it took (see :func:`analysis.read_corpus`).
    tables : mapping of str to DataFrame
        Every table written to ``tables/``, by file stem: a dict; for a crawl of more than
        :data:`FIGURE_WORKERS_MAX_ROWS` documents, a :class:`analysis.store.WrittenTables` that reads
        its large tables back from ``tables/*.parquet`` each time one is used.
    files : list of Path
        Every file written, in order (the manifest excepted).
    findings : str
        The Markdown of ``findings.md``.
    model : TfidfModel or None
        The one TF-IDF model every comparing table used.
    provenance : dict
        What the report was made with, as written to ``provenance.json``
        (see :func:`analysis.provenance.provenance_record`), and from (``corpus``: the corpus as the
        findings name it, :func:`analysis.findings.corpus_label`).
    timings : dict of str to float
        Seconds spent in each step, in order (reading, counting, each table, each figure, writing):
        where the time goes. Logged at level INFO (``python -m analysis report -v``); never written,
        so that the outputs stay the same bytes.

    Examples
    --------
    >>> from analysis import read_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> rep = Report(*read_corpus(SEEDS_DIR))
    >>> len(rep.docs), rep.tables, rep.files
    (21, {}, [])
    """

    docs: pd.DataFrame
    problems: pd.DataFrame
    tables: MutableMapping[str, pd.DataFrame] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    findings: str = ""
    model: TfidfModel | None = None
    provenance: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


#: The report's figures (``figures/<name>.png`` and ``.svg``), in the order drawn: what ``figures=`` chooses from.
FIGURES = ("top_terms", "top_terms_by_kind", "similarity_heatmap", "timeline", "keyness_related",
           "keyness_busiest_month", "cooccurrence_network", "top_actors", "actor_network", "story_timeline",
           "bursts", "related_lists")
#: The files of each figure (``figures/<name>.<format>``).
FIGURE_FORMATS = ("png", "svg")
#: The presentation options each figure is drawn with (:func:`figure_options`); the figures not listed
#: draw the same whatever they are, so that changing one (``--top``) redraws only the figures it changes.
FIGURE_OPTIONS: dict[str, tuple[str, ...]] = {"top_terms": ("top",), "top_actors": ("top",)}


def check_figures(figures: Sequence[str] | None) -> tuple[str, ...]:
    """The figures chosen, in the order drawn (all of :data:`FIGURES` for None).

    Parameters
    ----------
    figures : sequence of str, optional
        Names from :data:`FIGURES`.

    Returns
    -------
    tuple of str

    Raises
    ------
    ValueError
        For a name that is not a figure of the report; the message lists them.

    Examples
    --------
    >>> check_figures(["timeline", "top_terms"])
    ('top_terms', 'timeline')
    """
    if figures is None:
        return FIGURES
    unknown = [f for f in figures if f not in FIGURES]
    if unknown:
        raise ValueError(f"no figure {unknown[0]!r} in the report; its figures: {', '.join(FIGURES)}")
    return tuple(f for f in FIGURES if f in set(figures))


def figure_options(figures: Sequence[str] | None = None, *, top: int = 20) -> dict[str, dict]:
    """What each chosen figure is drawn with besides the tables: the presentation options it reads
    (:data:`FIGURE_OPTIONS`) and the font its Chinese is drawn in.

    ``python -m analysis report`` records this in its manifest, and when only a presentation option
    changed, redraws the figures whose record differs (:func:`render_report`'s ``unchanged``).

    Parameters
    ----------
    figures : sequence of str, optional
        Names from :data:`FIGURES` (default: all).
    top : int
        Rows of the top-terms and top-actors figures.

    Returns
    -------
    dict of str to dict
        For each chosen figure, in the order drawn, its options by name.

    Examples
    --------
    >>> wanted = figure_options(["timeline", "top_terms"], top=7)
    >>> list(wanted), wanted["top_terms"]["top"], "top" in wanted["timeline"]
    (['top_terms', 'timeline'], 7, False)
    """
    given = {"top": top}
    font = cjk_font()  # the family every figure is drawn in; nothing set here
    return {name: {"font": font, **{option: given[option] for option in FIGURE_OPTIONS.get(name, ())}}
            for name in check_figures(figures)}


def _figures(t: dict[str, pd.DataFrame], *, top: int) -> dict[str, Callable[[], plt.Figure]]:
    """Every figure of the report, drawn from its tables alone (so that a presentation option only redraws)."""
    busiest = t["keyness_busiest_month"].attrs.get("month")
    docs = t["documents"]
    page = docs.loc[(docs["doc_id"] == t["similarity_matrix"].index[0]).to_numpy(), "page_id"].iloc[0]
    return {
        "top_terms": lambda: plots.plot_top_terms(t["term_frequencies"], top=top,
                                                  title=f"The {top} most frequent terms"),
        "top_terms_by_kind": lambda: plots.plot_top_terms(t["term_frequencies_by_kind"], top=15, by="kind",
                                                          title="Most frequent terms: articles and related items"),
        "similarity_heatmap": lambda: plots.plot_similarity_heatmap(
            t["similarity_matrix"], labels=titles(t["documents"]),
            title=f"TF-IDF cosine similarity, page {page}"),
        "timeline": lambda: plots.plot_timeline(t["documents"]),
        "keyness_related": lambda: plot_keyness(t["keyness_related"], top=15,
                                                title="Key terms: related items (right) against articles (left)"),
        "keyness_busiest_month": lambda: plot_keyness(
            t["keyness_busiest_month"], top=15,
            title=f"Key terms: {busiest:%B %Y} (right) against the rest (left)" if busiest is not None
            else "Key terms of the busiest month (no dated documents)"),
        "cooccurrence_network": lambda: plot_network(
            t["cooccurrence_network"], seed=0, top_edges=60,
            title="Co-occurrence of the 30 most frequent terms (within 5 terms)"),
        "top_actors": lambda: plots.plot_top_terms(t["actors"].rename(columns={"actor": "term"}), top=top,
                                                   title=f"The {top} most named actors (mentions)"),
        "actor_network": lambda: plot_network(t["actor_network"], seed=0, top_edges=60,
                                              title="Actors named in the same sentence (the 30 most named)"),
        "story_timeline": lambda: plot_story_timeline(t["documents"], t["story_members"], top=15, table=t["stories"]),
        "bursts": lambda: plot_bursts(t["documents"], table=t["bursts"], by="documents", freq="MS",
                                      title="Documents per month and bursts of attention (Kleinberg)"),
        "related_lists": lambda: plot_related_lists(
            t["documents"], lists=t["related_lists"],
            items=table_columns(t, "related_items", ("position", "days_after_article", "recycled", "repeats_lead"))),
    }


def _output(item: tuple[str, str], state: tuple[dict[str, pd.DataFrame], dict[str, Callable[[], plt.Figure]], Path]
            ) -> tuple[list[Path], float]:
    """Write one table (CSV and Parquet) or draw one figure (PNG and SVG, then closed): its files and seconds."""
    kind, name = item
    tables, draws, out = state
    t0 = time.perf_counter()
    if kind == "table":
        # CSV for spreadsheets; Parquet, values as computed, for notebooks to open lazily (analysis.store)
        files = write_table(tables[name], out / "tables", name, index=name == "similarity_matrix")
    else:
        files = plots.save_figure(draws[name](), out / "figures" / name, formats=FIGURE_FORMATS)
    return files, time.perf_counter() - t0


def render(rep: Report, out: Path, *, top: int, label: str, clock: Clock, figures: tuple[str, ...],
           write_tables: bool = False, unchanged: Collection[str] = ()) -> None:
    """Write the tables (with ``write_tables``: :func:`analysis.build_report`), draw the chosen figures
    from them (but those ``unchanged`` whose files are there), remove the files of the other figures,
    and write the findings; ``rep.files`` gets every file, ``clock`` the seconds of each.

    Tables and figures are independent: written and drawn side by side by forked workers that inherit
    the tables where the platform allows (:func:`analysis.forking.map_inherited`), the largest tables
    first; one after another for a large crawl, where each worker would hold its own copy of what it
    derives from the documents.

    Parameters
    ----------
    rep : Report
        Its ``tables`` and ``docs``; its ``files`` and ``findings`` are filled in.
    out : Path
        The report folder.
    top : int
        Rows of the top-terms and top-actors figures.
    label : str
        How the findings name the corpus.
    clock : Clock
        Times each table written and each figure drawn.
    figures : tuple of str
        The chosen figures (:func:`check_figures`).
    write_tables : bool
        Write the tables too (those not already written as made).
    unchanged : collection of str
        Figures kept as they are where both their files are there (see :func:`render_report`).

    Examples
    --------
    >>> import tempfile
    >>> from analysis import build_report
    >>> from analysis.config import SEEDS_DIR
    >>> built = build_report(SEEDS_DIR, out := Path(tempfile.mkdtemp()))
    >>> rep = Report(built.docs, built.problems, tables=built.tables)
    >>> render(rep, out, top=5, label="seeds", clock=Clock(rep.timings), figures=("bursts",))
    >>> [p.name for p in rep.files], (out / "figures" / "timeline.png").exists()
    (['bursts.png', 'bursts.svg', 'findings.md'], False)
    """
    draws = _figures(rep.tables, top=top)
    for name in draws:
        if name not in figures:  # not chosen: no stale copy of an earlier run is left beside the findings
            for fmt in FIGURE_FORMATS:
                (out / "figures" / f"{name}.{fmt}").unlink(missing_ok=True)
    # the tables written when they were made (a crawl's large ones) are not written again
    early = {name: rep.tables.files(name) for name in rep.tables} if isinstance(rep.tables, WrittenTables) else {}
    tables = [name for name in rep.tables if not early.get(name)] if write_tables else []
    tables.sort(key=lambda name: -len(rep.tables[name]))  # all held in memory
    files = {name: [out / "figures" / f"{name}.{fmt}" for fmt in FIGURE_FORMATS] for name in unchanged}
    kept = {name: files[name] for name in figures if name in files and all(f.is_file() for f in files[name])}
    # the figures first, then the tables, the largest first: each worker takes the next item when done with
    # its last, and small tables last leave neither waiting long for the other at the end
    items = [*(("figure", name) for name in figures if name not in kept), *(("table", name) for name in tables)]
    workers = 1 if len(rep.docs) > FIGURE_WORKERS_MAX_ROWS else None
    done = dict(zip(items, map_inherited(_output, items, (rep.tables, draws, out), workers=workers)))
    if write_tables:
        clock.record("writing tables", sum(done["table", name][1] for name in tables)
                     + (rep.tables.seconds if early else 0.0))
        for name in rep.tables:  # the files listed in the tables' order, whatever order they were written in
            rep.files.extend(early.get(name) or done["table", name][0])
    for name in figures:
        if name in kept:
            logger.info("figure %s: unchanged, kept", name)
            rep.files.extend(kept[name])
            continue
        files, seconds = done["figure", name]
        clock.record(f"figure {name}", seconds)
        rep.files.extend(files)
    with clock("findings"):
        rep.findings = findings_markdown(rep.tables, corpus_label=label, figures=figures,
                                         tfidf=rep.tables["nearest_neighbours"].attrs.get("tfidf"))
    rep.files.append(atomic_write_text(out / "findings.md", rep.findings))


def render_report(out: PathLike, *, top: int = 20, corpus_label: str | None = None,
                  figures: Sequence[str] | None = None, unchanged: Collection[str] = ()) -> Report:
    """Draw a built report's figures and findings again from its tables, computing nothing.

    For a presentation option (``top``) changed after :func:`analysis.build_report`: the tables are read
    back from ``out/tables/*.parquet`` (:func:`analysis.open_report`), and the figures, the findings
    and nothing else are written again, the same bytes that :func:`analysis.build_report` writes with that
    option. ``python -m analysis report`` does this by itself when only such an option changed.

    Parameters
    ----------
    out : str or Path
        A report folder written by :func:`analysis.build_report`.
    top : int
        Rows of the top-terms and top-actors figures.
    corpus_label : str, optional
        How the findings name the corpus (default: as the report's ``provenance.json`` records it).
    figures : sequence of str, optional
        The figures to draw (:data:`FIGURES`; default: all).
    unchanged : collection of str, optional
        Figures whose files already hold what would be drawn (the same tables and
        :func:`figure_options`: ``python -m analysis report`` knows from its manifest): kept as they
        are, not drawn again, where both their files are there. At 1,000 pages, changing ``top``
        redraws two figures of twelve.

    Returns
    -------
    Report
        The tables read, the files written or kept (figures and findings) and the findings.

    Raises
    ------
    CorpusError
        When ``out`` holds no report tables.

    Examples
    --------
    >>> import tempfile
    >>> from analysis import build_report
    >>> from analysis.config import SEEDS_DIR
    >>> out = tempfile.mkdtemp()
    >>> built = build_report(SEEDS_DIR, out, top=10)
    >>> again = render_report(out, top=10)
    >>> again.findings == built.findings, len(again.files)
    (True, 25)
    >>> kept = render_report(out, top=10, unchanged=figure_options(top=10))  # every figure kept as it is
    >>> kept.files == again.files, "figure top_terms" in kept.timings
    (True, False)
    """
    chosen = check_figures(figures)
    out = Path(out)
    tables = open_report(out)
    t = {name: tables[name] for name in tables}
    if corpus_label is None:
        made = out / "provenance.json"
        corpus_label = json.loads(made.read_text(encoding="utf-8")).get("corpus", str(out)) if made.is_file() \
            else str(out)
    timings: dict[str, float] = {}
    rep = Report(docs=t["documents"], problems=t["problems"], tables=t, timings=timings)
    render(rep, out, top=top, label=corpus_label, clock=Clock(timings), figures=chosen, unchanged=unchanged)
    return rep

