"""Table files (CSV, TSV, JSON Lines, Parquet, Excel) and pandas DataFrames, one document a row.

:func:`read_table` and :func:`read_frame` read the rows; :mod:`analysis.tabular` makes each a document.

Rows are numbered as a spreadsheet user counts them: the header is row 0, the first data row 1
(for JSON Lines, the line number; for a DataFrame, its position + 1). Text files are decoded as text
pages are (:func:`analysis.decoding.decode`: byte-order marks, UTF-8, Big5, GB18030), Excel files
from their first sheet. A CSV or TSV row with more cells than the header keeps the extra cells in columns
of their own, and a quoted cell never closed is flagged.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from .decoding import LEGACY_ENCODINGS, decode, file_format, read_bytes, split_lines
from .errors import CorpusError, check_errors
from .tabular import _UNNAMED, FRAME_FORMAT, ColumnMap, _blank, _listing, _Table, _unique_names
from .typedefs import Errors

# The commonest characters of Chinese text, Traditional and Simplified: they tell Big5 from GB18030.
_COMMON = frozenset("的一是不了在人有這这中大上來来個个們们國国為为年月日時时說说會会台臺")


def _decoded(file: Path, encoding: str | None) -> str:
    data = read_bytes(file)
    text, codec = decode(data, path=file, encoding=encoding)
    if encoding is None and not codec.startswith("utf"):  # Big5, GB18030 (and a guess) decode each other's
        best = 0  # bytes: the commonest characters of Chinese text tell them apart
        for other in dict.fromkeys([codec, *LEGACY_ENCODINGS]):
            try:
                candidate = data.decode(other)
            except (UnicodeDecodeError, LookupError):
                continue
            score = sum(ch in _COMMON for ch in candidate[:65536])
            if score > best:
                text, best = candidate, score
    return text.lstrip("\ufeff")


def _read_delimited(file: Path, fmt: str, encoding: str | None):
    text = _decoded(file, encoding)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if fmt == "tsv" else "," if "," in first else next((d for d in ";\t|" if d in first), ",")
    csv.field_size_limit(2**31 - 1)  # an article's text can be longer than the default 128 KiB
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
    records, starts, end = [], [], 0  # each record, and the line it starts on
    try:
        for cells in reader:
            records.append(cells)
            starts.append(end + 1)
            end = reader.line_num
    except csv.Error as exc:  # pragma: no cover - the lenient default dialect reads any text
        raise CorpusError(f"cannot read as {fmt.upper()} ({exc})", path=file, line=reader.line_num) from None
    while records and not records[-1]:
        records.pop()  # blank lines at the end of the file
    if not records:
        raise CorpusError("empty file (no header row)", path=file)
    names, notes = _unique_names(records[0]), {}
    for row, cells in enumerate(records[1:], 1):
        if len(cells) > len(names):
            notes[row] = [("kept", f"{len(cells)} cells, the header has {len(names)} (an unquoted "
                           f"{'tab' if delimiter == chr(9) else delimiter!r} in a cell?); the extra cells are kept "
                           f"in columns {_UNNAMED}{len(names)}...", delimiter.join(cells))]
            names += [f"{_UNNAMED}{i}" for i in range(len(names), len(cells))]
    try:  # the lenient reader runs an unclosed quote to the end of the file; the strict one says so
        list(csv.reader(lines[starts[len(records) - 1] - 1:], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc) and len(records) > 1:
            notes.setdefault(len(records) - 1, []).append(("merged", "a quoted cell is never closed: the rest "
                                                          "of the file was read into this row", ""))
    rows = [(row, dict(zip(names, cells))) for row, cells in enumerate(records[1:], 1)]
    return names, rows, notes, dict(enumerate(starts[1:], 1))


def _read_jsonl(file: Path, fmt: str, encoding: str | None):
    names: dict[str, None] = {}
    rows, notes = [], {}
    for number, line in enumerate(split_lines(_decoded(file, encoding)), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            value, reason = None, f"invalid JSON ({exc.msg}, column {exc.colno})"
        except (ValueError, RecursionError) as exc:  # too many digits, too deeply nested
            value, reason = None, f"invalid JSON ({type(exc).__name__}: {str(exc)[:80]})"
        else:
            reason = "" if isinstance(value, dict) else f"not a JSON object but {type(value).__name__}"
        if reason:
            notes[number] = [("skipped", reason, line)]
            value = None
        names.update(dict.fromkeys(value or ()))
        rows.append((number, value))
    if not names and notes:
        first = min(notes)
        raise CorpusError(f"no JSON object on any line (line {first}: {notes[first][0][1]})", path=file, line=first)
    return list(names), rows, notes, {number: number for number, _ in rows}


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
    notes = {None: [("skipped", f"only the first sheet {sheets[0]!r} is read, not {_listing(sheets[1:])}", "")]}
    names = _unique_names(records[0])
    rows = [(row, dict(zip(names, cells))) for row, cells in enumerate(records[1:], 1)]
    return names, [(None, None)] + rows if len(sheets) > 1 else rows, notes, None


def _frame_rows(frame: pd.DataFrame):
    names = _unique_names(frame.columns)
    return names, [(i, dict(zip(names, cells))) for i, cells in enumerate(frame.to_numpy(dtype=object), 1)]


def _read_parquet(file: Path, fmt: str, encoding: str | None):
    try:
        frame = pd.read_parquet(file)
    except Exception as exc:  # pyarrow raises its own kinds (ArrowInvalid, ArrowNotImplementedError, OSError)
        raise CorpusError(f"cannot read as Parquet ({type(exc).__name__}: {exc})", path=file) from None
    return *_frame_rows(frame), {}, None


_READERS = {"csv": _read_delimited, "tsv": _read_delimited, "jsonl": _read_jsonl, "excel": _read_excel,
            "parquet": _read_parquet}


def read_table(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
               columns: ColumnMap | None = None) -> tuple[list[dict], list[dict]]:
    """Read a table file (CSV, TSV, JSON Lines, Parquet, Excel's first sheet) into documents and problems.

    Parameters
    ----------
    file : Path
        The table; its name's ending says its format (:data:`analysis.decoding.FORMATS`).
    page_id : str
        The file's id: a row's page is ``f"{page_id}:{page}"`` with a page column, else ``f"{page_id}:{row}"``.
    encoding : str, optional
        Decode a text table (CSV, TSV, JSON Lines) with this codec instead of detecting it.
    errors : {"warn", "raise"}
        Warn with :class:`analysis.CorpusWarning` and keep going, or raise at the first problem.
    columns : mapping, optional
        Field -> column name (see :func:`analysis.tabular.recognise_columns`); other fields are recognised by name.

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
    check_errors(errors)
    file = Path(file)
    fmt = file_format(file)
    if fmt not in _READERS:
        raise CorpusError(f"not a table ({', '.join(_READERS)})", path=file)
    names, rows, notes, lines = _READERS[fmt](file, fmt, encoding)
    table = _Table(names, source=file, fmt=fmt, prefix=page_id, columns=columns, errors=errors,
                   unit="line" if fmt == "jsonl" else "row", lines=lines)
    return table.read(rows, notes)


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
    names, rows = _frame_rows(frame)
    return _Table(names, source=source, fmt=FRAME_FORMAT, prefix="", columns=columns, errors=errors).read(rows, {})
