"""Writing outputs: atomically and deterministically.

Every file is written to a temporary file in the same folder and renamed into
place, so a crash never leaves half a table. CSV tables are UTF-8 with a
byte-order mark (so Excel shows Chinese), with ``\\n`` line ends, and text cells
that a spreadsheet would run as a formula are prefixed with ``'``.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # pandas is loaded only when a table is written
    import pandas as pd

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write bytes to ``path`` through a temporary file and an atomic rename.

    Missing folders are created; the file gets mode 0644. On failure the temporary file is removed
    and any earlier file at ``path`` is left as it was.

    Parameters
    ----------
    path : str or Path
        The file, replaced when it exists.
    data : bytes
        Its new content.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> atomic_write_bytes(Path(tempfile.mkdtemp()) / "a" / "b.bin", b"x").read_bytes()
    b'x'
    """
    with atomic_file(path) as fh:
        fh.write(data)
    return Path(path)


@contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: a temporary file beside it, renamed over it on success.

    For outputs too large to build in memory first. Missing folders are created; the file gets mode
    0644. On an error the temporary file is removed and any earlier file at ``path`` is left as it was.

    Parameters
    ----------
    path : str or Path
        The file, replaced when the block ends without an error.

    Yields
    ------
    binary file object

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "b.bin"
    >>> with atomic_file(target) as fh:
    ...     _ = fh.write(b"x")
    >>> target.read_bytes()
    b'x'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically, with ``\\n`` line ends.

    Parameters
    ----------
    path : str or Path
        The file, replaced when it exists.
    text : str
        Its new content, written as given (no newline translation, no byte-order mark).

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> atomic_write_text(Path(tempfile.mkdtemp()) / "f.md", "台灣\\n").read_bytes().decode()
    '台灣\\n'
    """
    return atomic_write_bytes(path, text.encode("utf-8"))


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix ``'`` to text cells that start like a spreadsheet formula.

    Parameters
    ----------
    df : DataFrame
        Any table; only object and string columns are changed.

    Returns
    -------
    DataFrame
        A copy; cells starting with one of :data:`FORMULA_PREFIXES` get a leading ``'``.

    Examples
    --------
    >>> import pandas as pd
    >>> neutralise_formulas(pd.DataFrame({"a": ["=1+1", "ok"]}))["a"].tolist()
    ["'=1+1", 'ok']
    """
    import pandas as pd

    out = df.copy(deep=False)  # only the columns changed are new: a crawl's documents are not copied
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            s = out[col]
            mask = s.notna() & s.astype(str).str.startswith(FORMULA_PREFIXES)
            if mask.any():
                out[col] = s.where(~mask, "'" + s.astype(str))
    return out


#: How a CSV table writes floats and datetimes.
FLOAT_FORMAT = "%.6f"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
#: Rows of a table made CSV text at a time (the text of a crawl's documents is never all in memory).
CSV_ROWS = 20_000


def write_csv(df: pd.DataFrame, path: str | Path, *, index: bool = False) -> Path:
    """Write a table as CSV for spreadsheets and scripts alike, atomically.

    Floats keep 6 decimals; datetimes are ISO 8601; the encoding is UTF-8 with BOM; lines end in
    ``\\n``; formula-like text cells are neutralised (:func:`neutralise_formulas`).

    Parameters
    ----------
    df : DataFrame
        The table.
    path : str or Path
        The file, replaced when it exists; missing folders are created.
    index : bool
        Write the index as the first column.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> path = write_csv(pd.DataFrame({"term": ["台灣"], "share": [1 / 3]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> path.read_bytes().decode("utf-8-sig")
    'term,share\\n台灣,0.333333\\n'
    """
    frame = neutralise_formulas(df)
    with atomic_file(path) as fh:  # streamed: a crawl's documents table is never one string in memory
        fh.write(codecs.BOM_UTF8)
        for start in range(0, max(len(frame), 1), CSV_ROWS):  # rows are written independently of each other
            part = _formatted(frame.iloc[start:start + CSV_ROWS])
            fh.write(part.to_csv(index=index, header=start == 0, lineterminator="\n", float_format=FLOAT_FORMAT,
                                 date_format=DATE_FORMAT).encode("utf-8"))
    return Path(path)


def _formatted(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its float and plain datetime columns as the text :func:`write_csv` writes for them.

    The same text pandas writes with :data:`FLOAT_FORMAT` and :data:`DATE_FORMAT`, made a column at
    a time instead of a cell at a time (pandas formats each float and datetime with a Python call
    of its own). Missing values stay missing, written empty as pandas writes them; a column of another
    type (datetimes with a time zone, say) is left to pandas.

    Examples
    --------
    >>> import pandas as pd
    >>> f = _formatted(pd.DataFrame({"x": [1 / 3, float("nan")], "d": pd.to_datetime(["2020-09-18 07:12:23.5", None])}))
    >>> f.iloc[0].tolist(), f.iloc[1].isna().tolist()
    (['0.333333', '2020-09-18T07:12:23'], [True, True])
    """
    import numpy as np
    import pandas as pd

    out = df.copy(deep=False)
    for position, (_, col) in enumerate(df.items()):
        kind = col.dtype.kind if isinstance(col.dtype, np.dtype) else None
        if kind == "f" or isinstance(col.dtype, pd.Float64Dtype | pd.Float32Dtype):
            values = col.to_numpy(dtype=np.float64, na_value=np.nan)
            text = np.array([FLOAT_FORMAT % v for v in values.tolist()], dtype=object)
            missing = np.isnan(values)
        elif kind == "M":
            values = col.to_numpy().astype("datetime64[s]")  # whole seconds, earlier ones down as strftime does
            missing = np.isnat(values)
            text = np.datetime_as_string(values, unit="s").astype(object)
        else:
            continue
        text[missing] = None
        out.isetitem(position, text)
    return out


def write_parquet(df: pd.DataFrame, path: str | Path, *, index: bool = False) -> Path:
    """Write a table as Parquet (pyarrow, zstd), atomically: for reading back fast, whole or in part.

    Values are kept as they are (no rounding, no formula neutralising: this is for programs, not
    spreadsheets); the same table gives the same bytes with the same library versions. Columns of
    mixed Python objects are written as text.

    Parameters
    ----------
    df : DataFrame
        The table.
    path : str or Path
        The file, replaced when it exists; missing folders are created.
    index : bool
        Keep the index as a column.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> path = write_parquet(pd.DataFrame({"term": ["台灣"], "share": [1 / 3]}), Path(tempfile.mkdtemp()) / "t.parquet")
    >>> pd.read_parquet(path).values.tolist()
    [['台灣', 0.3333333333333333]]
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .tables import is_missing

    frame = df.copy(deep=False)
    frame.attrs = {}
    for column in frame.columns:  # a column of mixed values is written as text, its missing ones as nulls
        if frame[column].dtype == object and not frame[column].map(lambda v: v is None or isinstance(v, str)).all():
            frame[column] = frame[column].map(lambda v: v if v is None or isinstance(v, str) else
                                              None if is_missing(v) else str(v))
    table = pa.Table.from_pandas(frame, preserve_index=index)
    # The table's attrs (what a step says about it: the month compared, the search used) go into the
    # file's metadata, as JSON: read_parquet_table gives them back.
    attrs = json.dumps(df.attrs, sort_keys=True, ensure_ascii=False, default=_json_value)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), ATTRS_KEY: attrs.encode()})
    with atomic_file(path) as fh:  # streamed, like write_csv: no copy of the whole file in memory
        pq.write_table(table, fh, compression="zstd")
    return Path(path)


def write_table(df: pd.DataFrame, folder: str | Path, name: str, *, index: bool = False) -> list[Path]:
    """Write a report's table twice: ``<name>.csv`` for spreadsheets (:func:`write_csv`) and
    ``<name>.parquet``, values as computed, for programs (:func:`write_parquet`).

    Parameters
    ----------
    df : DataFrame
        The table.
    folder : str or Path
        The folder of the two files (a report's ``tables/``).
    name : str
        The files' stem.
    index : bool
        Write the index as the first column.

    Returns
    -------
    list of Path
        The CSV file and the Parquet file.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> [p.name for p in write_table(pd.DataFrame({"term": ["台灣"]}), tempfile.mkdtemp(), "terms")]
    ['terms.csv', 'terms.parquet']
    """
    folder = Path(folder)
    return [write_csv(df, folder / f"{name}.csv", index=index),
            write_parquet(df, folder / f"{name}.parquet", index=index)]


#: The key of a table's attrs in the metadata of its Parquet file.
ATTRS_KEY = b"analysis.attrs"


def _json_value(value: object) -> object:
    """Timestamps as tagged ISO strings; anything else JSON cannot hold as its text."""
    import pandas as pd

    if isinstance(value, pd.Timestamp):
        return {"timestamp": value.isoformat()}
    return str(value)


def read_parquet_table(path: str | Path, *, columns: list[str] | None = None,
                       filters: list[tuple] | None = None) -> pd.DataFrame:
    """Read a table written by :func:`write_parquet`, with its attrs.

    Parameters
    ----------
    path : str or Path
        The file.
    columns : list of str, optional
        The columns to read (default: all).
    filters : list of (column, op, value), optional
        Rows to keep, in pyarrow's filter form.

    Returns
    -------
    DataFrame

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> df = pd.DataFrame({"term": ["台灣"]})
    >>> df.attrs["month"] = pd.Timestamp("2021-01-01")
    >>> path = write_parquet(df, Path(tempfile.mkdtemp()) / "t.parquet")
    >>> read_parquet_table(path).attrs
    {'month': Timestamp('2021-01-01 00:00:00')}
    """
    import pandas as pd
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    unknown = [c for c in columns or () if c not in schema.names]
    if unknown:
        raise KeyError(f"{Path(path).name} has no column {', '.join(map(repr, unknown))}; "
                       f"its columns: {', '.join(n for n in schema.names if not n.startswith('__index_level_'))}")
    frame = pd.read_parquet(path, columns=columns, filters=filters)
    raw = (schema.metadata or {}).get(ATTRS_KEY)
    if raw:
        frame.attrs = json.loads(raw, object_hook=lambda d: pd.Timestamp(d["timestamp"]) if set(d) == {"timestamp"}
                                 else d)
    return frame
