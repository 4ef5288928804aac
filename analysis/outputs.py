"""Writing outputs: atomically and deterministically.

Every file is written to a temporary file in the same folder and renamed into
place, so a crash never leaves half a table. CSV tables are UTF-8 with a
byte-order mark (so Excel shows Chinese), with ``\\n`` line ends, and text cells
that a spreadsheet would run as a formula are prefixed with ``'``.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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

    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            s = out[col]
            mask = s.notna() & s.astype(str).str.startswith(FORMULA_PREFIXES)
            if mask.any():
                out[col] = s.where(~mask, "'" + s.astype(str))
    return out


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
    buf = io.StringIO()
    neutralise_formulas(df).to_csv(buf, index=index, lineterminator="\n", float_format="%.6f",
                                   date_format="%Y-%m-%dT%H:%M:%S")
    return atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))
