"""Loading a corpus: files to the documents table, with one account of every problem the reader found.

:func:`load_corpus` returns the documents; :func:`read_corpus` returns them with
the problems table: one row for each :class:`~analysis.errors.CorpusWarning` raised,
saying what the reader did. Each file is decoded (:mod:`analysis.decoding`) and
parsed (:mod:`analysis.page`); many files are read in worker processes or as
Dask tasks (:mod:`analysis.executor`), with the same result. A page parsed before
without a problem, unchanged, is taken as it was parsed from the session's cache
(:mod:`analysis.pagecache`), so a grown crawl parses only its new pages.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .blobstore import BlobStore
from .decoding import corpus_listing, file_format, page_stem
from .errors import CorpusError, CorpusWarning, check_errors, problem_row
from .executor import run_chunks
from .pagecache import decode_page, open_store, page_key
from .readers import read_pages, read_pages_kept, read_table_frame
from .lineshape import Furniture, drop_furniture
from .recurring import RecurringLines, drop_recurring_lines
from .tabular import ColumnMap
from . import tabular_text
from .tabular_files import TABLE_FORMATS, read_frame
from .selection import one_chunk
from .settings import Engine, check_engine
from .tables import documents_frame, problems_frame
from .typedefs import Errors, PathLike

logger = logging.getLogger(__name__)

#: Below this many files, reading in this process beats starting workers (300 text pages: 0.25 s either
#: way; 1,000: 0.8 s here, 0.6 s with two workers).
PARALLEL_MIN_PAGES = 500
#: Pages parsed before their records become a table (bounds the reader's memory).
READ_BLOCK = 5000


class Corpus(NamedTuple):
    """What :func:`read_corpus` returns: the documents and the problems the reader found.

    A named tuple, so it unpacks as ``docs, problems = read_corpus(...)``.

    Parameters
    ----------
    docs : DataFrame
        The documents table (columns :data:`analysis.tables.COLUMNS`).
    problems : DataFrame
        The problems table (columns :data:`analysis.tables.PROBLEM_COLUMNS`): one row per
        :class:`~analysis.errors.CorpusWarning` raised while reading, in order.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> corpus = read_corpus(SEEDS_DIR)
    >>> corpus._fields, len(corpus.docs), len(corpus.problems)
    (('docs', 'problems'), 21, 0)
    """

    docs: pd.DataFrame
    problems: pd.DataFrame


def _unique_page_ids(files: list[Path], root: Path | None = None) -> list[str]:
    """Each file's page id: its name without the ending that says its format, after the folders between ``root``
    and it (``2024-05-03/setn_1460679``), so that two ``123.txt`` of two folders are two pages; ``~2``, ``~3``...
    after an id already given (``p.txt`` and ``p.csv``).

    Examples
    --------
    >>> _unique_page_ids([Path("c/a/1.txt"), Path("c/b/1.txt"), Path("c/b/1.csv"), Path("c/p.html.gz")], Path("c"))
    ['a/1', 'b/1', 'b/1~2', 'p']
    """
    seen: dict[str, int] = {}
    ids = []
    for f in files:
        stem = page_stem(f)
        if root is not None and f.parent != root:
            stem = f"{f.parent.relative_to(root).as_posix()}/{stem}"
        n = seen.get(stem, 0) + 1
        seen[stem] = n
        ids.append(stem if n == 1 else f"{stem}~{n}")
    return ids


def read_corpus(path: PathLike | Iterable[PathLike] | pd.DataFrame, *, columns: ColumnMap | None = None,
                encoding: str | None = None, errors: Errors = "warn", engine: Engine | None = None,
                recurring_lines: RecurringLines = "drop", furniture: Furniture = "shape") -> Corpus:
    """Load news pages into the documents table, with the table of problems the reader found.

    Parameters
    ----------
    path : str, Path, iterable of them, or DataFrame
        A folder (every file in a format the kit reads, in it and its subfolders, sorted by path: text and
        Markdown pages, saved web pages, tables, JSON, SQLite databases and feeds, by their endings in
        :data:`analysis.decoding.FORMATS`; a page's id is its path from the folder without the ending, and
        every other file of the folder is a ``skipped`` problem), one file, a list of files, or a pandas
        DataFrame (one document a row).
    columns : mapping, optional
        For tables: which column holds which field (``{"title": "標題", "published": "發布時間", ...}``;
        see :func:`analysis.tabular_files.read_table`); without it, common names are recognised.
    encoding : str, optional
        Decode every file with this codec instead of detecting it.
    errors : {"warn", "raise"}
        Warn with :class:`CorpusWarning` and keep going, or raise :class:`CorpusError`
        (see :func:`load_corpus`).
    engine : {"local", "dask"}, optional
        Where to read (default: as :func:`analysis.configure` set it).
    recurring_lines : {"drop", "keep"}
        Take the lines a site prints on many of its pages (its calls to download the app, its copyright, its
        editor's notes) out of the articles' texts, each said once as an ``unplaced`` problem at the first page
        holding it (:mod:`analysis.recurring`), or keep them.
    furniture : {"shape", "rules"}
        Tell the site's lines left in an article's text by their shape too (default; :mod:`analysis.lineshape`: a
        line that does not end a sentence and whose length, marks and place make it the site's is left out, each
        said as an ``unplaced`` problem with its words), or by the page reader's rules alone (``"rules"``). On 30
        pages of 30 outlets it was not fitted on, lines kept that are the article's went from 78% to 94%, and 316 of
        the 318 paragraphs were kept (all 318 with the rules alone).

    Returns
    -------
    Corpus
        A named tuple ``(docs, problems)``: the documents as :func:`load_corpus` returns them,
        and the problems (``source, line, action, reason, content``): exactly one row for each
        :class:`CorpusWarning` raised, in the order raised, with the same file and line.
        ``action`` says what the reader did: ``"unplaced"`` (the line is in no field),
        ``"merged"`` (the line was joined to its neighbour's field: a wrapped headline, a
        continued summary, a stray line between two items), ``"left empty"`` (a field was left
        empty: a malformed date, a missing dateline, headline or summary), ``"skipped"`` (a
        whole file gave no document) or ``"kept"`` (lines read as written, only flagged).

    Raises
    ------
    CorpusError
        When ``path`` does not exist, or with ``errors="raise"``.
    ValueError
        When ``errors`` is neither ``"warn"`` nor ``"raise"``.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> docs, problems = read_corpus(SEEDS_DIR)
    >>> len(docs), list(problems.columns)
    (21, ['source', 'line', 'action', 'reason', 'content'])
    """
    check_errors(errors)
    if recurring_lines not in ("drop", "keep"):
        raise ValueError(f"recurring_lines must be 'drop' or 'keep', not {recurring_lines!r}")
    if furniture not in ("rules", "shape"):
        raise ValueError(f"furniture must be 'rules' or 'shape', not {furniture!r}")
    if engine is not None:
        check_engine(engine)  # said at once, even when every page is taken from the cache
    if isinstance(path, pd.DataFrame):
        docs, problems = read_frame(path, columns=columns, errors=errors)
        docs = documents_frame(docs)
        if recurring_lines == "drop":
            docs, dropped = drop_recurring_lines(docs, errors=errors)
            problems = [*problems, *dropped]
        if furniture == "shape":
            docs, dropped = drop_furniture(docs, errors=errors)
            problems = [*problems, *dropped]
        return Corpus(docs, problems_frame(problems))
    files, unread, root = corpus_listing(path)
    items = list(zip(files, _unique_page_ids(files, root)))
    problem_rows = [_unread(file, reason, errors=errors) for file, reason in unread]
    store = open_store()  # None without a cache, or where the file cannot be used (analysis.blobstore says so)
    # Pages are read a block at a time and each block becomes a table at once: the parsed records of a
    # whole crawl (several times the size of its table) are never held together.
    frames, parsed = [], 0
    try:
        for large, group in _groups(items):
            if large:  # one table of many rows, read here a block of rows at a time
                file, page_id = group[0]
                frame, table_problems = read_table_frame(file, page_id=page_id, encoding=encoding, errors=errors,
                                                         columns=columns)
                frames.append(frame)
                del frame
                problem_rows.extend(table_problems)
                parsed += 1
                continue
            pages, new = _read_block(group, store, encoding=encoding, errors=errors, columns=columns, engine=engine)
            parsed += new
            frames.append(documents_frame([d for page_docs, _ in pages for d in page_docs]))
            problem_rows.extend(p for _, page_problems in pages for p in page_problems)
            del pages
    finally:
        if store is not None:
            store.close()
    docs = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0] if frames else documents_frame([])
    frames.clear()
    if recurring_lines == "drop":  # across the crawl's pages: the site's lines no page shows as such alone
        docs, dropped = drop_recurring_lines(docs, errors=errors)
        problem_rows.extend(dropped)
    if furniture == "shape":  # each article's lines the rules kept, by their shape
        docs, dropped = drop_furniture(docs, errors=errors)
        problem_rows.extend(dropped)
    # each text column in one piece, each column's pieces freed as it is joined: rows are taken from a
    # crawl's columns in every step, and pyarrow would join a column's pieces again at every take
    one_chunk(docs, in_place=True)
    problems = problems_frame(problem_rows)
    logger.info("loaded %d documents from %d files (%d problems; %d files parsed, %d as parsed before)",
                len(docs), len(files), len(problems), parsed, len(files) - parsed)
    return Corpus(docs, problems)


def _unread(file: Path, reason: str, *, errors: Errors) -> dict:
    """A folder's file the kit does not read: a warning (or, with ``errors="raise"``, an error) and a
    ``skipped`` row."""
    if errors == "raise":
        raise CorpusError(reason, path=file)
    warnings.warn(f"{file}: {reason}", CorpusWarning, stacklevel=3)
    return problem_row(file, None, action="skipped", reason=reason)


def _large_table(file: Path) -> bool:
    """Is the file a table of :data:`~analysis.tabular_text.STREAM_MIN_BYTES` or more (read a block of rows at a
    time, not handed whole to a worker)?"""
    try:
        return file_format(file) in TABLE_FORMATS and file.stat().st_size >= tabular_text.STREAM_MIN_BYTES
    except OSError:
        return False  # the reader says why


def _groups(items: list[tuple[Path, str]]) -> Iterator[tuple[bool, list[tuple[Path, str]]]]:
    """The files in order, in blocks of at most :data:`READ_BLOCK`, each large table alone (``True``)."""
    group: list[tuple[Path, str]] = []
    for item in items:
        if _large_table(Path(item[0])):
            if group:
                yield False, group
                group = []
            yield True, [item]
            continue
        group.append(item)
        if len(group) == READ_BLOCK:
            yield False, group
            group = []
    if group:
        yield False, group


def _read_block(items: list[tuple[Path, str]], store: BlobStore | None, *, encoding: str | None, errors: Errors,
                columns: ColumnMap | None, engine: Engine | None) -> tuple[list[tuple[list[dict], list[dict]]], int]:
    """Each page of a block as :func:`read_pages` reads it, those parsed before taken from ``store``
    (:mod:`analysis.pagecache`); the pages parsed now without a problem are stored. Also how many were parsed.

    A cache that cannot be read or written (damaged, locked, on a full or read-only disk) is said in the log
    and passed over by the store itself (:mod:`analysis.blobstore`): the pages are parsed."""
    pages: list = [None] * len(items)
    if store is not None:
        keys = [page_key(file, encoding=encoding) for file, _ in items]
        found = store.get_many([k for k in keys if k is not None])
        for i, key in enumerate(keys):
            if key in found:
                try:
                    pages[i] = (decode_page(found[key], source=str(Path(items[i][0])), page_id=items[i][1]), [])
                except ValueError:  # a damaged entry: the page is parsed again and stored anew
                    pass
    todo = [i for i, page in enumerate(pages) if page is None]
    fresh = run_chunks(read_pages if store is None else read_pages_kept, [items[i] for i in todo],
                       desc="reading pages", unit="page", engine=engine, parallel_min=PARALLEL_MIN_PAGES,
                       min_chunk=50, encoding=encoding, errors=errors, columns=columns) if todo else []
    for i, page in zip(todo, fresh):
        pages[i] = page[:2]
    keep = [page[2] for page in fresh if store is not None and page[2] is not None]
    if keep:
        store.put_many(keep)
    return pages, len(todo)


def load_corpus(path: PathLike | Iterable[PathLike] | pd.DataFrame, *, columns: ColumnMap | None = None,
                encoding: str | None = None, errors: Errors = "warn", engine: Engine | None = None,
                recurring_lines: RecurringLines = "drop", furniture: Furniture = "shape",
                report: bool | None = None):
    """Load news pages into a table with one row per document, in page order.

    Parameters
    ----------
    path : str, Path, iterable of them, or DataFrame
        A folder (every file in a format the kit reads, in it and its subfolders, sorted by path: text and
        Markdown pages, saved web pages, tables, JSON, SQLite databases and feeds, by their endings in
        :data:`analysis.decoding.FORMATS`; a page's id is its path from the folder without the ending, and
        every other file of the folder is a ``skipped`` problem), one file, a list of files, or a pandas
        DataFrame (one document a row).
    columns : mapping, optional
        For tables: which column holds which field (``{"title": "標題", "published": "發布時間", ...}``;
        see :func:`analysis.tabular_files.read_table`); without it, common names are recognised.
    encoding : str, optional
        Decode every file with this codec instead of detecting it.
    errors : {"warn", "raise"}
        ``"warn"`` (default) skips unreadable files and keeps damaged parts with a
        :class:`CorpusWarning` naming file and line; ``"raise"`` raises
        :class:`CorpusError` at the first problem instead.
    engine : {"local", "dask"}, optional
        Read here (and in worker processes for large corpora), or as Dask tasks
        (default: as :func:`analysis.configure` set it). The result is the same.
    recurring_lines : {"drop", "keep"}
        Take the lines a site prints on many of its pages out of the articles' texts (default), or keep them
        (see :func:`read_corpus`).
    furniture : {"shape", "rules"}
        Tell the site's lines by their shape too (default), or by the reader's rules alone (see :func:`read_corpus`).
    report : bool, optional
        Deprecated: use :func:`read_corpus`, which returns the problems table as well.

    Returns
    -------
    pandas.DataFrame
        The documents, with columns ``doc_id, page_id, kind, position, title, published,
        published_precision, time_zone, outlet, reporter, reporter_place, text, truncated,
        content_id, dateline, source, line`` (:data:`analysis.tables.COLUMNS`).
        ``published`` is the date as written (naive; ``time_zone`` names the zone when the
        page states one), known to ``published_precision`` (``"day"``, ``"minute"`` or
        ``"second"``; ``""`` when ``published`` is empty).

    Raises
    ------
    CorpusError
        When ``path`` does not exist, or with ``errors="raise"``.
    ValueError
        When ``errors`` is neither ``"warn"`` nor ``"raise"``.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> docs.loc[0, ["kind", "outlet"]].tolist()
    ['article', '新唐人亞太台']
    """
    corpus = read_corpus(path, columns=columns, encoding=encoding, errors=errors, engine=engine,
                         recurring_lines=recurring_lines, furniture=furniture)
    if report is not None:
        warnings.warn("load_corpus(report=...) is deprecated; use read_corpus(), which returns (docs, problems)",
                      DeprecationWarning, stacklevel=2)
        if report:
            return corpus.docs, corpus.problems
    return corpus.docs
