"""Reading files: one file in its format (a text page, a saved web page, a table), and a chunk of them.

:func:`read_pages` is the task :func:`analysis.corpus.read_corpus` hands to worker processes or Dask;
:func:`read_pages_kept` also makes each page's entry for the cache of parsed pages
(:mod:`analysis.pagecache`) where the page was parsed. A file that cannot be read gives one
``skipped`` problem (or, with ``errors="raise"``, a :class:`analysis.CorpusError`).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from .decoding import decode, file_format, read_bytes
from .errors import CorpusError, CorpusWarning, check_errors, problem_row
from .page import parse_page
from .pagecache import encode_page, page_key
from .tabular import ColumnMap
from .tabular_files import read_table
from .typedefs import Errors
from .webpage import read_html


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
        warnings.warn(str(exc), CorpusWarning, stacklevel=2)
        return [], [problem_row(file, exc.line, action="skipped", reason=exc.reason)]


def read_text_page(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
                   columns: ColumnMap | None = None) -> tuple[list[dict], list[dict]]:
    """Read a text page (the seed's layout): decode its bytes and parse it with :func:`analysis.parse_page`.

    ``columns`` is accepted for a uniform reader signature, and ignored.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.decoding import corpus_files
    >>> docs, problems = read_text_page(corpus_files(SEEDS_DIR)[0], page_id="p")
    >>> len(docs), docs[0]["format"]
    (21, 'text')
    """
    text, _ = decode(read_bytes(file), path=file, encoding=encoding)
    return parse_page(text, source=file, page_id=page_id, errors=errors)


#: The reader of each format (:data:`analysis.decoding.FORMATS`).
READERS = {"text": read_text_page, "html": read_html, "csv": read_table, "tsv": read_table,
           "jsonl": read_table, "parquet": read_table, "excel": read_table}


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
