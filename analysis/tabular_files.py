"""Table files (CSV, TSV, JSON Lines, Parquet, Excel; JSON, SQLite and feeds by :mod:`analysis.tabular_formats`)
and pandas DataFrames, one document a row.

:func:`read_table` and :func:`read_frame` read the rows; :mod:`analysis.tabular` makes each a document.

A whole crawl exported as one file is read a block of rows at a time (:func:`iter_table`): a first pass
finds the columns, a second makes the documents; a large UTF-8 file is read from the file as its lines
are needed, never decoded whole (:mod:`analysis.tabular_text`).

Rows are numbered as a spreadsheet user counts them: the header is row 0, the first data row 1
(for JSON Lines, the line number; for a JSON file's or a feed's items, a SQLite table's rows and a DataFrame,
the position + 1). Nested objects are columns with dotted names (:func:`analysis.tabular_cells.flatten`).
Text files (gzipped too, ``*.csv.gz``, ``*.jsonl.gz``) are decoded as text
pages are (:func:`analysis.decoding.decode`: byte-order marks, UTF-8, Big5, GB18030), Excel files
from their first sheet. A CSV or TSV row with more cells than the header keeps the extra cells in columns
of their own, and a quoted cell never closed is flagged, as is a file cut off in the middle of its last character.
A ``*.json`` file of JSON Lines is read as JSON Lines (:func:`analysis.tabular_sniff.json_lines`).
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from .cutoff import CUT, cut_reason
from .decoding import file_format
from .errors import CorpusError, check_errors
from . import tabular
from .tabular import (_UNNAMED, BLOCK_ROWS, FRAME_FORMAT, ColumnMap, Row, Survey, _blank, listing, _Table,
                       unique_names, joined, surveyed)
from .tabular_cells import flatten
from .tabular_formats import read_feed, read_json, read_sqlite
from .tabular_sniff import json_lines
from .tabular_text import TakenLines, table_lines
from .typedefs import Errors

logger = logging.getLogger(__name__)


def _read_delimited(file: Path, fmt: str, encoding: str | None):
    lines = table_lines(file, encoding)
    first = next(lines(), "").rstrip("\r\n")
    delimiter = "\t" if fmt == "tsv" else "," if "," in first else next((d for d in ";\t|" if d in first), ",")
    csv.field_size_limit(2**31 - 1)  # an article's text can be longer than the default 128 KiB
    # First pass: the header, the columns that rows with more cells add, the last record that is not
    # empty and the lines from its start (an unclosed quote runs it to the end of the file).
    names, width, last, tail, survey = None, 0, -1, [], Survey()
    source = TakenLines(lines())
    reader = csv.reader(source, delimiter=delimiter)
    try:
        for i, (cells, taken) in enumerate(source.records(reader)):
            if cells:
                last, tail = i, taken
            else:
                tail.extend(taken)
            if names is None:
                names = unique_names(cells)
                width = len(names)
                continue
            if len(cells) > width:
                names += [f"{_UNNAMED}{j}" for j in range(width, len(cells))]
                width = len(cells)
            survey.see(dict(zip(names, cells)))
    except csv.Error as exc:  # pragma: no cover - the lenient default dialect reads any text
        raise CorpusError(f"cannot read as {fmt.upper()} ({exc})", path=file, line=reader.line_num) from None
    if last < 0:
        raise CorpusError("empty file (no header row)", path=file)
    unclosed = False
    if last > 0:  # the lenient reader runs an unclosed quote to the end of the file; the strict one says so
        try:
            list(csv.reader(tail, delimiter=delimiter, strict=True))
        except csv.Error as exc:
            unclosed = "unexpected end of data" in str(exc)

    def rows() -> Iterator[Row]:
        reader = csv.reader(lines(), delimiter=delimiter)
        header, end = len(unique_names(next(reader, []))), reader.line_num
        for row, cells in enumerate(reader, 1):
            if row > last:
                continue  # blank lines at the end: read to the end, where a file read as needed is checked
            start, end, notes = end + 1, reader.line_num, []
            if len(cells) > header:
                notes.append(("kept", f"{len(cells)} cells, the header has {header} (an unquoted "
                              f"{'tab' if delimiter == chr(9) else delimiter!r} in a cell?); the extra cells are kept "
                              f"in columns {_UNNAMED}{header}...", delimiter.join(cells)))
                header = len(cells)
            if row == last and unclosed:
                notes.append(("merged", "a quoted cell is never closed: the rest of the file was read into this row",
                              ""))
            if row == last and lines.cut and cells and cells[-1].endswith(CUT):
                cells[-1] = cells[-1][:-1]
                notes.append(("unplaced", cut_reason(lines.cut), cells[-1][-200:]))
            yield row, dict(zip(names, cells)), notes, start

    return names, survey, rows


def _read_jsonl(file: Path, fmt: str, encoding: str | None):
    lines = table_lines(file, encoding)

    def parsed() -> Iterator[tuple[int, dict | None, str, str]]:
        """Each line that is not blank: its number, its object (or None), what is wrong with it, the line."""
        for number, line in enumerate(lines(), 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"invalid JSON ({exc.msg}, column {exc.colno})", line
            except (ValueError, RecursionError) as exc:  # too many digits, too deeply nested
                yield number, None, f"invalid JSON ({type(exc).__name__}: {str(exc)[:80]})", line
            else:
                wrong = "" if isinstance(value, dict) else f"not a JSON object but {type(value).__name__}"
                yield number, None if wrong else flatten(value), wrong, line

    names: dict[str, None] = {}
    survey, first = Survey(), None
    for number, value, reason, _ in parsed():
        if reason:
            first = first or (number, reason)
        else:
            names.update(dict.fromkeys(value))
            survey.see(value)
    if not names and first:
        raise CorpusError(f"no JSON object on any line (line {first[0]}: {first[1]})", path=file, line=first[0])

    def rows() -> Iterator[Row]:
        for number, value, reason, line in parsed():
            yield number, value, [("skipped", reason, line)] if reason else [], number

    return list(names), survey, rows


def _read_excel(file: Path, fmt: str, encoding: str | None):
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True)
        try:
            sheets, records = book.sheetnames, [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, key errors) for a damaged file
        raise CorpusError(f"cannot read as Excel ({type(exc).__name__}: {exc})", path=file) from None
    while records and all(_blank(v) for v in records[-1]):
        records.pop()
    if not records:
        raise CorpusError(f"empty first sheet {sheets[0]!r} (no header row)", path=file)
    names = unique_names(records[0])
    rows: list[Row] = [(row, dict(zip(names, cells)), [], None) for row, cells in enumerate(records[1:], 1)]
    if len(sheets) > 1:
        rows.insert(0, (None, None, [("skipped", f"only the first sheet {sheets[0]!r} is read, not "
                                      f"{listing(sheets[1:])}", "")], None))
    return names, surveyed(rows), lambda: iter(rows)


def _frame_rows(frame: pd.DataFrame) -> tuple[list[str], Survey, Callable[[], Iterator[Row]]]:
    """A DataFrame's column names, its survey and its rows, made as they are read (a block at a time)."""
    names = unique_names(frame.columns)

    def rows() -> Iterator[Row]:
        for start in range(0, len(frame), BLOCK_ROWS):
            for i, cells in enumerate(frame.iloc[start:start + BLOCK_ROWS].to_numpy(dtype=object), start + 1):
                yield i, dict(zip(names, cells)), [], None

    return names, surveyed(rows()), rows


def _read_parquet(file: Path, fmt: str, encoding: str | None):
    try:
        frame = pd.read_parquet(file)
    except Exception as exc:  # pyarrow raises its own kinds (ArrowInvalid, ArrowNotImplementedError, OSError)
        raise CorpusError(f"cannot read as Parquet ({type(exc).__name__}: {exc})", path=file) from None
    return _frame_rows(frame)


_READERS = {"csv": _read_delimited, "tsv": _read_delimited, "jsonl": _read_jsonl, "excel": _read_excel,
            "parquet": _read_parquet, "json": read_json, "sqlite": read_sqlite, "feed": read_feed}
#: What a format's rows are called in messages (else "row").
_UNITS = {"jsonl": "line", "json": "item", "feed": "item"}
#: The formats of table files (:data:`analysis.decoding.FORMATS`).
TABLE_FORMATS = frozenset(_READERS)


def read_table(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
               columns: ColumnMap | None = None, fmt: str | None = None) -> tuple[list[dict], list[dict]]:
    """Read a table file (CSV, TSV, JSON Lines, JSON, Parquet, Excel's first sheet, a SQLite database's table of
    articles, an RSS or Atom feed) into documents and problems.

    Parameters
    ----------
    file : Path
        The table; its name's ending says its format (:data:`analysis.decoding.FORMATS`).
    page_id : str
        The file's id: a row's page is ``f"{page_id}:{page}"`` with a page column, else ``f"{page_id}:{row}"``.
    encoding : str, optional
        Decode a text table (CSV, TSV, JSON Lines, JSON, a feed) with this codec instead of detecting it.
    errors : {"warn", "raise"}
        Warn with :class:`analysis.CorpusWarning` and keep going, or raise at the first problem.
    columns : mapping, optional
        Field -> column name (see :func:`analysis.tabular.recognise_columns`); other fields are recognised by name.
    fmt : str, optional
        Read the file in this format (a table's of :data:`analysis.decoding.FORMATS`: ``"tsv"`` for a ``*.txt``
        table), not the one its name says; a ``*.json`` file of JSON Lines is read as ``"jsonl"`` unless told.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents in row order, and the problems (:func:`analysis.errors.problem_row`; ``line`` is
        the row number; messages name the file's line where the row starts, for a text file). A
        document has every key of :data:`analysis.tables.COLUMNS`, then the table's other columns:
        ``text`` is the text column's (the summary's when it is empty); ``row`` its row,
        ``line`` None, ``format`` the file's format. ``position`` is the position column's, else the
        row's place among its page's rows (0 without a page column); ``kind`` the kind column's, else
        ``"article"`` at position 0 and ``"related"`` after it; ``doc_id`` is ``f"{page_id}:{position:02d}"``,
        with ``~2``, ``~3``... on a repeat (flagged ``"kept"``).

    Raises
    ------
    CorpusError
        When the file cannot be read at all, has no title or text column, or ``columns`` names a column
        it does not have; with ``errors="raise"``, at the first problem (naming the row).

    Examples
    --------
    >>> import tempfile, warnings
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "crawl.csv"
    >>> _ = path.write_bytes("標題,發布時間,內文\\r\\n美駐聯大使訪台,110/12/23,美國大使將訪問台灣。\\r\\n,,\\r\\n"
    ...                      "蓬佩奧宣布,昨天,國務卿宣布\\r\\n".encode("utf-8-sig"))
    >>> with warnings.catch_warnings(record=True):
    ...     warnings.simplefilter("always")
    ...     docs, problems = read_table(path, page_id="crawl")
    >>> [(d["doc_id"], d["title"], d["published"], d["row"], d["format"]) for d in docs]
    [('crawl:1:00', '美駐聯大使訪台', datetime.datetime(2021, 12, 23, 0, 0), 1, 'csv'), \
('crawl:3:00', '蓬佩奧宣布', None, 3, 'csv')]
    >>> [(p["line"], p["action"], p["reason"]) for p in problems]
    [(2, 'skipped', 'empty row'), (3, 'left empty', "unparseable time '昨天'")]
    >>> read_table(path, page_id="crawl", errors="raise")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: ...crawl.csv:3: row 2: empty row
    >>> folder.cleanup()
    """
    return joined(iter_table(file, page_id=page_id, encoding=encoding, errors=errors, columns=columns, fmt=fmt))


def iter_table(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
               columns: ColumnMap | None = None, block: int | None = None,
               fmt: str | None = None) -> Iterator[tuple[list[dict], list[dict]]]:
    """:func:`read_table` a block of rows at a time: the documents and problems of each ``block`` documents.

    A table of millions of rows (a whole outlet's crawl exported as one JSON Lines or CSV file) is read
    twice, never held whole: a first pass finds its columns and what decides how they are read
    (:class:`analysis.tabular.Survey`), the second makes the documents a block at a time. A UTF-8 file of
    :data:`~analysis.tabular_text.STREAM_MIN_BYTES` or more is read from the file as its lines are needed;
    Parquet, Excel and files in other encodings are read whole first.

    Parameters
    ----------
    file, page_id, encoding, errors, columns, fmt
        As for :func:`read_table`.
    block : int, optional
        Documents a block (default :data:`analysis.tabular.BLOCK_ROWS`; the last block may be shorter, or empty).

    Yields
    ------
    tuple of (list of dict, list of dict)
        The documents and the problems, in the order :func:`read_table` gives them.

    Raises
    ------
    CorpusError
        As :func:`read_table` does, when the first block is asked for (or, with ``errors="raise"``,
        at the first problem).

    Examples
    --------
    >>> import tempfile, warnings
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "crawl.jsonl"
    >>> _ = path.write_text("\\n".join('{"title": "美駐聯大使訪台 %d", "text": "美國大使將訪問台灣。"}' % i
    ...                               for i in range(5)), encoding="utf-8")
    >>> [[d["doc_id"] for d in docs] for docs, _ in iter_table(path, page_id="crawl", block=2)]
    [['crawl:1:00', 'crawl:2:00'], ['crawl:3:00', 'crawl:4:00'], ['crawl:5:00']]
    >>> folder.cleanup()
    """
    check_errors(errors)
    file = Path(file)
    if fmt is None:
        fmt = file_format(file)
        if fmt == "json" and json_lines(table_lines(file, encoding)()):
            logger.info("%s: read as JSON Lines (an object a line), not as one JSON document", file)
            fmt = "jsonl"
    if fmt not in _READERS:
        raise CorpusError(f"not a table ({', '.join(_READERS)})", path=file)
    names, survey, rows = _READERS[fmt](file, fmt, encoding)
    table = _Table(names, survey, source=file, fmt=fmt, prefix=page_id, columns=columns, errors=errors,
                   unit=_UNITS.get(fmt, "row"))
    yield from table.blocks(rows(), size=block or tabular.BLOCK_ROWS)


def read_frame(frame: pd.DataFrame, *, columns: ColumnMap | None = None, errors: Errors = "warn",
               source: str = "<DataFrame>") -> tuple[list[dict], list[dict]]:
    """Read a DataFrame, one document a row, into documents and problems (as :func:`read_table` does).

    A row's ``page_id`` is its page column's value, else ``f"row:{row}"``; ``row`` is its position + 1
    (the index is not read: ``frame.reset_index()`` keeps it as a column); ``format`` is ``"dataframe"``.

    Parameters
    ----------
    frame : DataFrame
        One document a row.
    columns : mapping, optional
        Field -> column name (see :func:`analysis.tabular.recognise_columns`).
    errors : {"warn", "raise"}
        Warn with :class:`analysis.CorpusWarning` and keep going, or raise at the first problem.
    source : str
        The ``source`` column's value, and the name in messages.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents and the problems.

    Raises
    ------
    CorpusError
        When the frame has no title or text column, or ``columns`` names a column it does not have;
        with ``errors="raise"``, at the first problem.

    Examples
    --------
    >>> frame = pd.DataFrame({"page": ["a", "a"], "headline": ["美駐聯大使訪台", "蓬佩奧宣布"],
    ...                       "date": ["2021-12-23", "2021/12/24 10:05"], "views": [10, 3]})
    >>> docs, problems = read_frame(frame)
    >>> [(d["doc_id"], d["kind"], d["published_precision"], d["views"]) for d in docs], problems
    ([('a:00', 'article', 'day', 10), ('a:01', 'related', 'minute', 3)], [])
    """
    check_errors(errors)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"read_frame() takes a pandas DataFrame, not {type(frame).__name__}")
    names, survey, rows = _frame_rows(frame)
    return joined(_Table(names, survey, source=source, fmt=FRAME_FORMAT, prefix="", columns=columns,
                         errors=errors).blocks(rows()))
