"""The whole pipeline in one call: tables, figures and a findings report for a corpus.

``python -m analysis report`` runs :func:`build_report`; scripts can too. It reads the corpus,
computes every table (:mod:`analysis.report_steps`) and leaves the figures and findings to
:mod:`analysis.rendering`. The outputs are the same bytes from run to run on the same input, and
``provenance.json`` records what they were made with (the segmenter, its dictionaries, the
stopwords, the library versions: :mod:`analysis.provenance`).
"""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import rendering
from .corpus import read_corpus
from .lineshape import Furniture
from .recurring import RecurringLines
from .deprecation import moved_names
from .decoding import FORMATS, corpus_files
from .errors import CorpusError, check_errors
from .forking import map_beside
from .filler import boilerplate, boilerplate_counts
from .findings import corpus_label
from .frequencies import pooled_frequencies, term_frequencies
from .outputs import atomic_write_text
from .provenance import provenance_json, provenance_record
from .rendering import Report, check_figures, render
from .resources import Clock, fewer_collections, release_freed_memory, trim_heap
from .settings import options
from .store import WrittenTables
from .quotations import actor_blocks, block_tables, joined_blocks
from .report_steps import actor_tables, related_keyness, text_tables
from .tabular import ColumnMap
from .termlists import forget_terms
from .tfidf import tfidf_model
from .typedefs import Errors, PathLike, SegmenterLike, UserDict

logger = logging.getLogger(__name__)

#: The figures and findings moved to :mod:`analysis.rendering`; their old names here keep working for one release.
__getattr__ = moved_names(__name__, ("FIGURES", "FIGURE_FORMATS", "FIGURE_OPTIONS", "FIGURE_WORKERS_MAX_ROWS",
                                     "figure_options", "render_report"), to="analysis.rendering")


def _page_for_matrix(docs: pd.DataFrame, page: str | None) -> pd.DataFrame:
    if page is None:
        page = docs["page_id"].iloc[0]
    sel = docs[docs["page_id"] == page]
    if sel.empty:
        raise CorpusError(f"no page {page!r} in the corpus")
    return sel


#: Documents above which the actors are found after the steps that compare texts, not beside them in a
#: forked worker: at 10,000 pages (210,000 documents) the actors beside the neighbour search took the
#: report's peak to 1.52 GB (summed PSS), against 1.35 GB one after the other.
STEPS_BESIDE_MAX_ROWS = 100_000
#: Beside the text steps, the actors are read in this many blocks (of at least :data:`BESIDE_MIN_BLOCK`
#: distinct documents), so that this process, done with its own steps, takes the blocks the worker has
#: not started (at 1,000 pages the text steps take 2.5 s, the actors 6 s of one core).
BESIDE_BLOCKS = 8
BESIDE_MIN_BLOCK = 100
#: Rows from which a table of a crawl of more than :data:`~analysis.rendering.FIGURE_WORKERS_MAX_ROWS`
#: documents is written as soon as it is made and read back from Parquet when used
#: (:class:`analysis.store.WrittenTables`), not held to the end: the documents and problems excepted.
WRITE_EARLY_MIN_ROWS = 100_000
#: The report's tables (``tables/<name>.csv`` and ``.parquet``), in the order
#: :attr:`~analysis.rendering.Report.tables` holds them.
TABLES = ("documents", "problems", "term_frequencies", "term_frequencies_by_kind", "boilerplate",
          "similarity_pairs", "nearest_neighbours", "similarity_matrix", "timeline", "relative_dates",
          "keyness_related", "keyness_busiest_month", "collocations", "cooccurrence_network",
          "actors", "actor_variants", "quotes", "speakers", "actor_network", "story_members", "stories", "text_reuse",
          "bursts",
          "related_items", "related_lists", "related_summary")


@fewer_collections()  # millions of long-lived objects: full collections walk them all
def build_report(corpus: PathLike, out: PathLike, *, userdict: UserDict = None,
                 segmenter: SegmenterLike | None = None, top: int = 20, page: str | None = None,
                 columns: ColumnMap | None = None, encoding: str | None = None, errors: Errors = "warn",
                 strict: bool | None = None, figures: Sequence[str] | None = None,
                 recurring_lines: RecurringLines = "drop", furniture: Furniture = "shape") -> Report:
    """Load a corpus, compute every table, draw every figure and write them under ``out``.

    Parameters
    ----------
    corpus : str or Path
        A folder or one file, in any format :func:`analysis.load_corpus` reads.
    out : str or Path
        The report folder: ``tables/``, ``figures/``, ``findings.md`` and ``provenance.json`` are
        written there.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, for every table and figure (default: the
        session's, else the kit's); recorded in ``provenance.json``.
    top : int
        Rows of the top-terms and top-actors figures: a presentation option, which changes no table
        (the most-similar-pairs table has :data:`~analysis.report_steps.PAIRS` rows, the collocations
        :data:`~analysis.report_steps.COLLOCATIONS`).
    page : str, optional
        The page whose similarity matrix is drawn (default: the first page).
    columns : mapping, optional
        For tables: which column holds which field (see :func:`analysis.load_corpus`).
    encoding : str, optional
        Decode every file with this codec instead of detecting it.
    errors : {"warn", "raise"}
        Warn about damaged pages and keep going (with :class:`analysis.CorpusWarning`),
        or stop at the first with :class:`analysis.CorpusError`.
    strict : bool, optional
        Deprecated: ``strict=True`` is ``errors="raise"``.
    figures : sequence of str, optional
        The figures to draw, by name (:data:`analysis.rendering.FIGURES`; default: all): a presentation option like
        ``top``. The files of the others are removed and the findings do not link them.
    recurring_lines : {"drop", "keep"}
        Take the lines a site prints on many of its pages out of the articles' texts, or keep them
        (:func:`analysis.read_corpus`).
    furniture : {"shape", "rules"}
        Tell the site's lines in the articles' texts by their shape too (default), or by the reader's rules alone
        (:func:`analysis.read_corpus`).

    Returns
    -------
    Report
        The documents, the problems, every table by name, the files written, the findings and
        the provenance.

    Raises
    ------
    CorpusError
        When the corpus is missing, empty or (with ``errors="raise"``) damaged, or has no page ``page``.
    ValueError
        When ``errors`` is neither ``"warn"`` nor ``"raise"``, or ``userdict`` is given with a
        segmenter of your own.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.config import SEEDS_DIR
    >>> rep = build_report(SEEDS_DIR, tempfile.mkdtemp())
    >>> sorted(rep.tables)[:3], len(rep.files)
    (['actor_network', 'actor_variants', 'actors'], 78)
    """
    if strict is not None:
        if errors != "warn":
            raise TypeError("build_report() got both strict= and errors=; use errors=")
        warnings.warn('build_report(strict=...) is deprecated; use errors="raise" or errors="warn"',
                      DeprecationWarning, stacklevel=2)
        errors = "raise" if strict else "warn"
    check_errors(errors)
    chosen = check_figures(figures)
    release_freed_memory()  # what a step frees is given back, not kept for the steps after it
    corpus, out = Path(corpus), Path(out)
    record = provenance_record(userdict=userdict, segmenter=segmenter)  # fails early on a bad combination
    if corpus.is_dir() and not corpus_files(corpus):
        raise CorpusError("no file in a format the kit reads in the corpus folder or its subfolders "
                          f"({', '.join('*' + e for e in FORMATS)})", path=corpus)
    timings: dict[str, float] = {}
    clock = Clock(timings)
    with clock("reading"):
        docs, problems = read_corpus(corpus, columns=columns, encoding=encoding, errors=errors,
                                     recurring_lines=recurring_lines, furniture=furniture)
    if docs.empty:
        raise CorpusError("no news page could be read from the corpus", path=corpus)
    # Paths in the tables are relative to the project when inside it, so that the same corpus gives the
    # same bytes on every machine and from every working folder.
    for table in (docs, problems):
        labels = {src: corpus_label(Path(src)) for src in table["source"].unique()}
        table["source"] = table["source"].map(labels)
    rep = Report(docs=docs, problems=problems, provenance=record, timings=timings)
    matrix_docs = _page_for_matrix(docs, page)
    # A crawl's large tables are written as soon as made and read back when used, not all held at once.
    large = len(docs) > rendering.FIGURE_WORKERS_MAX_ROWS
    rep.tables = t = WrittenTables(out / "tables", min_rows=WRITE_EARLY_MIN_ROWS if large else None,
                                   keep=("documents", "problems"))
    t["documents"] = docs
    t["problems"] = problems
    seg = {"userdict": userdict, "segmenter": segmenter}
    with clock("segmenting and counting"):
        # by kind, then summed over the kinds: the corpus's texts segmented and counted once
        t["term_frequencies_by_kind"] = by_kind = term_frequencies(docs, by="kind", **seg)
        t["term_frequencies"] = frequencies = pooled_frequencies(by_kind, by="kind")
        top_terms = frequencies["term"].head(30).tolist()  # for the co-occurrence network
    kinds = [by_kind]  # let go of once the related items' keyness has read it
    del by_kind

    def texts() -> None:
        with clock("keyness"):
            # related items against the rest from the counts by kind, where they give it (no text on both sides)
            made = related_keyness(docs, kinds.pop())
            if made is not None:
                t["keyness_related"] = made
            del made
        with clock("boilerplate"):
            # What the counts left out as outlet boilerplate (analysis.filler), so that nothing goes unreported.
            t["boilerplate"] = boilerplate_counts(boilerplate(docs))
        with clock("tf-idf model"):
            # One TF-IDF model for every comparing table, so that a pair has one value in all of them.
            rep.model = model = tfidf_model(docs, **seg)
        text_tables(docs, clock, model=model, matrix_docs=matrix_docs, terms=top_terms, seg=seg, into=t,
                    done=tuple(t), counts=frequencies)

    # Two independent groups of steps side by side: the actors and their voices, a block at a time in a
    # worker forked where the platform allows, as soon as the texts are segmented, and here what compares
    # texts (keyness, the TF-IDF model, neighbours, stories, related lists, collocations; the neighbour
    # search's threads would not survive a fork), then here the actors' blocks the worker has not started.
    # One after the other in this process for a large crawl or with Dask.
    if len(docs) <= STEPS_BESIDE_MAX_ROWS and options.engine == "local":
        starts, state = actor_blocks(docs, blocks=BESIDE_BLOCKS, min_block=BESIDE_MIN_BLOCK, **seg)
        done: list[float] = []
        _, parts = map_beside(block_tables, starts, state, here=lambda: (texts(), done.append(time.perf_counter())))
        del frequencies
        actors = actor_tables(docs, clock, seg=seg, found=joined_blocks(parts), waited=time.perf_counter() - done[0])
        del parts
    else:
        texts()
        del frequencies
        forget_terms()  # the actors need words, not terms: the memory of a crawl's terms is theirs,
        trim_heap()  # and what the steps before them freed is given back before their workers start
        actors = actor_tables(docs, clock, seg=seg)
    t.update(actors)
    del actors
    t.reorder(TABLES)
    if not large:
        rep.tables = dict(t.items())  # all held: a plain dict
    record["corpus"] = corpus_label(corpus)
    render(rep, out, top=top, label=record["corpus"], clock=clock, figures=chosen, write_tables=True)
    rep.files.append(atomic_write_text(out / "provenance.json", provenance_json(record)))
    return rep


