"""The whole pipeline in one call: tables, figures and a findings report for a corpus.

``python -m analysis report`` runs :func:`build_report`; scripts can too. The
outputs are the same bytes from run to run on the same input.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import plots
from .corpus import read_corpus
from .decoding import corpus_files
from .dates import relative_dates, timeline
from .errors import CorpusError, check_errors
from .findings import corpus_label, findings_markdown
from .frequencies import term_frequencies
from .outputs import atomic_write_text, write_csv
from .similarity import nearest_neighbours, pairs_from_neighbours, similarity_matrix
from .tables import titles
from .tabular import ColumnMap
from .tfidf import TfidfModel, tfidf_model
from .typedefs import Errors, PathLike, UserDict


@dataclass
class Report:
    """What :func:`build_report` computed, and the files it wrote.

    Parameters
    ----------
    docs : DataFrame
        The documents, with ``source`` relative to the project (see :func:`analysis.findings.corpus_label`).
    problems : DataFrame
        Every problem the reader found, with the action it took (see :func:`analysis.read_corpus`).
    tables : dict of str to DataFrame
        Every table written to ``tables/``, by file stem.
    files : list of Path
        Every file written, in order (the manifest excepted).
    findings : str
        The Markdown of ``findings.md``.
    model : TfidfModel or None
        The one TF-IDF model every comparing table used.

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
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    findings: str = ""
    model: TfidfModel | None = None


def _page_for_matrix(docs: pd.DataFrame, page: str | None) -> pd.DataFrame:
    if page is None:
        page = docs["page_id"].iloc[0]
    sel = docs[docs["page_id"] == page]
    if sel.empty:
        raise CorpusError(f"no page {page!r} in the corpus")
    return sel


def build_report(corpus: PathLike, out: PathLike, *, userdict: UserDict = None, top: int = 20,
                 page: str | None = None, columns: ColumnMap | None = None, encoding: str | None = None,
                 errors: Errors = "warn", strict: bool | None = None) -> Report:
    """Load a corpus, compute every table, draw every figure and write them under ``out``.

    Parameters
    ----------
    corpus : str or Path
        A folder or one file, in any format :func:`analysis.load_corpus` reads.
    out : str or Path
        The report folder: ``tables/``, ``figures/`` and ``findings.md`` are written there.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    top : int
        Rows of the top-terms figure and of the most-similar-pairs table.
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

    Returns
    -------
    Report
        The documents, the problems, every table by name, the files written and the findings.

    Raises
    ------
    CorpusError
        When the corpus is missing, empty or (with ``errors="raise"``) damaged, or has no page ``page``.
    ValueError
        When ``errors`` is neither ``"warn"`` nor ``"raise"``.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.config import SEEDS_DIR
    >>> rep = build_report(SEEDS_DIR, tempfile.mkdtemp())
    >>> sorted(rep.tables)[:3], len(rep.files)
    (['documents', 'nearest_neighbours', 'problems'], 18)
    """
    if strict is not None:
        if errors != "warn":
            raise TypeError("build_report() got both strict= and errors=; use errors=")
        warnings.warn('build_report(strict=...) is deprecated; use errors="raise" or errors="warn"',
                      DeprecationWarning, stacklevel=2)
        errors = "raise" if strict else "warn"
    check_errors(errors)
    corpus, out = Path(corpus), Path(out)
    if corpus.is_dir() and not corpus_files(corpus):
        raise CorpusError("no file in a format the kit reads in the corpus folder "
                          "(*.txt, *.html, *.htm, *.csv, *.tsv, *.jsonl, *.parquet, *.xlsx)", path=corpus)
    docs, problems = read_corpus(corpus, columns=columns, encoding=encoding, errors=errors)
    if docs.empty:
        raise CorpusError("no news page could be read from the corpus", path=corpus)
    # Paths in the tables are relative to the project when inside it, so that the same corpus gives the
    # same bytes on every machine and from every working folder.
    for table in (docs, problems):
        labels = {src: corpus_label(Path(src)) for src in table["source"].unique()}
        table["source"] = table["source"].map(labels)
    rep = Report(docs=docs, problems=problems)
    matrix_docs = _page_for_matrix(docs, page)
    t = rep.tables
    t["documents"] = docs
    t["problems"] = problems
    t["term_frequencies"] = term_frequencies(docs, userdict=userdict)
    t["term_frequencies_by_kind"] = term_frequencies(docs, by="kind", userdict=userdict)
    # One TF-IDF model for every comparing table, so that a pair has one value in all of them.
    rep.model = model = tfidf_model(docs, userdict=userdict)
    neighbours = nearest_neighbours(docs, top=max(top, 5), model=model)
    t["similarity_pairs"] = pairs_from_neighbours(neighbours, docs, top=top)
    t["nearest_neighbours"] = neighbours[neighbours["rank"] <= 5].reset_index(drop=True)
    t["similarity_matrix"] = similarity_matrix(matrix_docs, model=model)
    t["timeline"] = timeline(docs)
    t["relative_dates"] = relative_dates(docs)
    for name, table in t.items():
        rep.files.append(write_csv(table, out / "tables" / f"{name}.csv", index=name == "similarity_matrix"))
    figures = {
        "top_terms": plots.plot_top_terms(t["term_frequencies"], top=top,
                                          title=f"The {top} most frequent terms"),
        "top_terms_by_kind": plots.plot_top_terms(t["term_frequencies_by_kind"], top=15, by="kind",
                                                  title="Most frequent terms: articles and related items"),
        "similarity_heatmap": plots.plot_similarity_heatmap(
            t["similarity_matrix"], labels=titles(docs),
            title=f"TF-IDF cosine similarity, page {matrix_docs['page_id'].iloc[0]}"),
        "timeline": plots.plot_timeline(docs),
    }
    for name, fig in figures.items():
        rep.files.extend(plots.save_figure(fig, out / "figures" / name))
    rep.findings = findings_markdown(t, corpus_label=corpus_label(corpus), tfidf=model.describe())
    rep.files.append(atomic_write_text(out / "findings.md", rep.findings))
    return rep
