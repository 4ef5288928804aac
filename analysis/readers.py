"""Reading files: one file in its format (a text page, a saved web page, a table), and a chunk of them.

:func:`read_pages` is the task :func:`analysis.corpus.read_corpus` hands to worker processes or Dask;
:func:`read_pages_kept` also makes each page's entry for the cache of parsed pages
(:mod:`analysis.pagecache`) where the page was parsed. A file that cannot be read gives one
``skipped`` problem (or, with ``errors="raise"``, a :class:`analysis.CorpusError`).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from .cutoff import cut_problems, without_cut
from .decoding import decode, file_format, read_bytes
from .errors import CorpusError, CorpusWarning, check_errors, problem_row
from .markdown_pages import read_markdown
from .page import parse_page
from .pagecache import encode_page, page_key
from . import tabular
from .tables import COLUMNS, documents_frame
from .tabular import ColumnMap
from .tabular_files import iter_table, read_table
from .tabular_sniff import text_table
from .typedefs import Errors
from .webpage import read_html

logger = logging.getLogger(__name__)


def read_page(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
              columns: ColumnMap | None = None) -> tuple[list[dict], list[dict]]:
    """Read one file in its format (:data:`READERS`); an unreadable file gives a warning (or raises) and one
    ``skipped`` row.

    Parameters
    ----------
    file : Path
        The page.
    page_id : str
        The page's id in the documents table.
    encoding : str, optional
        Decode with this codec instead of detecting it.
    errors : {"warn", "raise"}
        Warn with :class:`analysis.CorpusWarning` and keep going, or raise.
    columns : mapping, optional
        For a table, which column holds which field (see :func:`analysis.tabular_files.read_table`).

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents and the problems, as :func:`analysis.parse_page` returns them.

    Raises
    ------
    CorpusError
        With ``errors="raise"``, when the file cannot be read, decoded or parsed.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.decoding import corpus_files
    >>> docs, problems = read_page(corpus_files(SEEDS_DIR)[0], page_id="p")
    >>> len(docs), docs[0]["doc_id"], problems
    (21, 'p:00', [])
    >>> read_page(Path("no/such/page.txt"), page_id="x", errors="raise")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: no/such/page.txt: cannot read file (No such file or directory)
    """
    check_errors(errors)
    try:
        reader = READERS[file_format(file) or "text"]  # a file named explicitly is read as a text page
        return reader(file, page_id=page_id, encoding=encoding, errors=errors, columns=columns)
    except CorpusError as exc:
        if errors == "raise":
            raise
        return [], [_skipped(file, exc)]


def _skipped(file: Path, exc: CorpusError) -> dict:
    """A file that cannot be read: its warning, and its ``skipped`` row."""
    warnings.warn(str(exc), CorpusWarning, stacklevel=3)
    return problem_row(file, exc.line, action="skipped", reason=exc.reason)


def read_text_page(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
                   columns: ColumnMap | None = None) -> tuple[list[dict], list[dict]]:
    """Read a text page (the seed's layout): decode its bytes and parse it with :func:`analysis.parse_page`.

    A tab-separated table saved as ``*.txt`` (Excel's "Unicode Text", a scraper's TSV export:
    :func:`analysis.tabular_sniff.text_table`) is read as a TSV table, ``columns`` saying which column is which
    field; the log says which way a file whose first line holds a tab was read. A file cut off in the middle of
    its last character gives the rest of its text and a problem row (:func:`analysis.cutoff.cut_problems`).

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.decoding import corpus_files
    >>> docs, problems = read_text_page(corpus_files(SEEDS_DIR)[0], page_id="p")
    >>> len(docs), docs[0]["format"]
    (21, 'text')
    """
    data = read_bytes(file)
    text, _ = decode(data, path=file, encoding=encoding)
    if text_table(text, columns=columns):
        logger.info("%s: read as a TSV table (its first line names columns, its rows are tab-separated)", file)
        return read_table(file, page_id=page_id, encoding=encoding, errors=errors, columns=columns, fmt="tsv")
    if "\t" in text[:text.find("\n") + 1 or len(text)]:
        logger.info("%s: read as a text page (its first line holds a tab, but names no columns of a table)", file)
    text, cut = without_cut(text, data)
    docs, problems = parse_page(text, source=file, page_id=page_id, errors=errors)
    return docs, problems + cut_problems(cut, text, path=file, errors=errors)


#: The reader of each format (:data:`analysis.decoding.FORMATS`).
READERS = {"text": read_text_page, "html": read_html, "markdown": read_markdown, "csv": read_table, "tsv": read_table,
           "jsonl": read_table, "json": read_table, "parquet": read_table, "excel": read_table, "sqlite": read_table,
           "feed": read_table}


def read_pages(items: list[tuple[Path, str]], *, encoding: str | None = None, errors: Errors = "warn",
               columns: ColumnMap | None = None) -> list[tuple[list[dict], list[dict]]]:
    """Read a chunk of ``(file, page_id)`` pairs: the task that :func:`read_corpus` hands to the executor.

    Parameters
    ----------
    items : list of tuple of (Path, str)
        Each file and its page id.
    encoding : str, optional
        Decode with this codec instead of detecting it.
    errors : {"warn", "raise"}
        As for :func:`read_page`.

    Returns
    -------
    list of tuple of (list of dict, list of dict)
        :func:`read_page`'s result for each item, in order.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.decoding import corpus_files
    >>> [len(docs) for docs, _ in read_pages([(f, "p") for f in corpus_files(SEEDS_DIR)])]
    [21]
    """
    return [read_page(file, page_id=page_id, encoding=encoding, errors=errors, columns=columns)
            for file, page_id in items]


def read_pages_kept(items: list[tuple[Path, str]], *, encoding: str | None = None, errors: Errors = "warn",
                    columns: ColumnMap | None = None) -> list[tuple[list[dict], list[dict], bytes | None]]:
    """:func:`read_pages`, with each page's entry for the cache of parsed pages, made where it was parsed:
    ``(key, value)`` (:func:`analysis.pagecache.page_key`, :func:`analysis.pagecache.encode_page`), or None for
    a page with a problem (parsed again every time) or a file that changed while it was read.

    The key is taken from the file before and after it is parsed, so that an entry never pairs one
    version of a file with the reading of another (a crawler still writing it).

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.decoding import corpus_files
    >>> [(len(docs), len(problems), entry is not None)
    ...  for docs, problems, entry in read_pages_kept([(f, "p") for f in corpus_files(SEEDS_DIR)])]
    [(21, 0, True)]
    """
    out = []
    for file, page_id in items:
        before = page_key(file, encoding=encoding)
        docs, problems = read_page(file, page_id=page_id, encoding=encoding, errors=errors, columns=columns)
        entry = None
        if before is not None and not problems and page_key(file, encoding=encoding) == before:
            value = encode_page(docs, source=str(Path(file)), page_id=page_id)
            entry = None if value is None else (before, value)
        out.append((docs, problems, entry))
    return out


def read_table_frame(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
                     columns: ColumnMap | None = None) -> tuple[pd.DataFrame, list[dict]]:
    """A large table's documents table and problems, its rows read a block at a time
    (:func:`analysis.tabular_files.iter_table`) and made into the table as they come
    (:func:`documents_frame_blocks`): what :func:`read_page` reads, never all held as records.

    A file that cannot be read to its end (damaged, or changed while it was read) gives no documents,
    a warning and a ``skipped`` row, as :func:`read_page` makes it (with ``errors="raise"``, a
    :class:`CorpusError`); the problems of the rows read before stay.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "crawl.jsonl"
    >>> _ = path.write_text('{"title": "美駐聯大使訪台", "views": 3}\\n{"title": "外交部回應"}\\n', encoding="utf-8")
    >>> docs, problems = read_table_frame(path, page_id="c")
    >>> docs[["doc_id", "title", "views"]].values.tolist(), problems
    ([['c:1:00', '美駐聯大使訪台', 3.0], ['c:2:00', '外交部回應', nan]], [])
    >>> folder.cleanup()
    """
    problems: list[dict] = []
    failed: list[CorpusError] = []

    def blocks() -> Iterator[list[dict]]:
        try:
            for docs, block_problems in iter_table(file, page_id=page_id, encoding=encoding, errors=errors,
                                                   columns=columns):
                problems.extend(block_problems)
                yield docs
        except CorpusError as exc:
            if errors == "raise":
                raise
            failed.append(exc)

    logger.info("%s: a large table, read a block of %d rows at a time", file, tabular.BLOCK_ROWS)
    frame = documents_frame_blocks(blocks())
    if failed:
        return documents_frame([]), [*problems, _skipped(file, failed[0])]
    return frame, problems


def documents_frame_blocks(blocks: Iterable[list[dict]]) -> pd.DataFrame:
    """:func:`~analysis.tables.documents_frame` of records that come a block at a time: the same table, without
    the records of every block held together. Each block's fixed columns are typed as they come; ``url``
    and a table's own columns, whose values may be of any type, are kept as records and typed once, at the
    end, over all their values (as :func:`~analysis.tables.documents_frame` types them).

    Parameters
    ----------
    blocks : iterable of list of dict
        Documents as :func:`analysis.parse_page` or :func:`analysis.tabular_files.iter_table` give them.

    Returns
    -------
    DataFrame
        ``documents_frame([r for block in blocks for r in block])``.

    Examples
    --------
    >>> from analysis import parse_page
    >>> docs, _ = parse_page("標題\\n【大紀元2020年09月17日訊】內文。", source="p.txt")
    >>> blocks = [[{**docs[0], "views": 3}], [{**docs[0], "views": None}]]
    >>> documents_frame_blocks(blocks).equals(documents_frame(blocks[0] + blocks[1]))
    True
    """
    fixed, names, kept = [], {"url": None}, []
    for records in blocks:
        if records or not fixed:
            fixed.append(documents_frame([{k: r[k] for k in _TYPED if k in r} for r in records]))
        for r in records:  # each record's other values as a tuple in the order of names (np.nan: not there)
            names.update((k, None) for k in r if k not in _TYPED)
            values = tuple(r.get(k, np.nan) for k in names)
            kept.append(_NOTHING if values == ("",) else values)
    docs = pd.concat(fixed, ignore_index=True) if len(fixed) > 1 else fixed[0] if fixed else documents_frame([])
    del fixed
    width = len(names)  # a record's tuple lacks the names first seen after it: not there either
    own = pd.DataFrame.from_records([v + (np.nan,) * (width - len(v)) if len(v) < width else v for v in kept],
                                    columns=list(names), nrows=len(kept))
    del kept
    docs["url"] = own.pop("url").astype("str").fillna("")  # as documents_frame types it: a table's own values
    return pd.concat([docs, own], axis=1) if len(own.columns) else docs


#: A record with no value of its own but an empty ``url``: one tuple shared by all such records.
_NOTHING = ("",)
#: The documents table's columns whose values a reader always gives in one type (text, a number, a time,
#: None): typed a block at a time. ``url``, a table's own values, is typed with the table's own columns.
_TYPED = frozenset(COLUMNS) - {"url"}
