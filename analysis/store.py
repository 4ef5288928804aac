"""Open a built report's tables without rebuilding them: lazily, whole or in part, from Parquet.

:func:`analysis.build_report` writes every table twice: as CSV for spreadsheets
(``tables/<name>.csv``) and as Parquet for programs (``tables/<name>.parquet``,
values as computed, types kept). A notebook on a 100,000-page corpus opens the
report with :func:`open_report` and reads only the tables, columns and rows it
needs; nothing is segmented or counted again::

    from analysis import open_report
    rep = open_report("reports")
    rep["term_frequencies"].head()
    rep.read("actors", columns=["actor", "mentions"])
    rep.read("documents", columns=["doc_id", "title"], filters=[("kind", "==", "article")])
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path

import pandas as pd

from .errors import CorpusError
from .outputs import read_parquet_table, write_table
from .typedefs import PathLike


class ReportTables(Mapping):
    """The tables of a built report, read from Parquet on first use and kept.

    A read-only mapping from table name (``"actors"``, ``"documents"``, ...) to DataFrame.

    Parameters
    ----------
    folder : str or Path
        The report folder (its ``tables/`` holds the ``*.parquet`` files).

    Attributes
    ----------
    folder : Path
        The report folder.

    Examples
    --------
    >>> import tempfile
    >>> from analysis import build_report
    >>> from analysis.config import SEEDS_DIR
    >>> out = tempfile.mkdtemp()
    >>> _ = build_report(SEEDS_DIR, out)
    >>> rep = ReportTables(out)
    >>> "actors" in rep, len(rep["documents"])
    (True, 21)
    >>> rep.read("documents", columns=["doc_id"], filters=[("kind", "==", "article")])["doc_id"].tolist()
    ['000_bb4a6ccb6fd5c6e9:00']
    """

    def __init__(self, folder: PathLike) -> None:
        self.folder = Path(folder)
        tables = self.folder / "tables"
        if not tables.is_dir() or not any(tables.glob("*.parquet")):
            raise CorpusError("no Parquet tables in this folder: build the report first "
                              "(python -m analysis report --out FOLDER)", path=self.folder)
        self._paths = {p.stem: p for p in sorted(tables.glob("*.parquet"))}
        self._loaded: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._loaded:
            self._loaded[name] = self.read(name)
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __repr__(self) -> str:
        return f"ReportTables({str(self.folder)!r}: {', '.join(self._paths)})"

    def path(self, name: str) -> Path:
        """The Parquet file of a table.

        Parameters
        ----------
        name : str
            A table name, as in ``tables/<name>.csv``.

        Returns
        -------
        Path

        Raises
        ------
        KeyError
            For a table the report does not have (the message lists those it has).
        """
        if name not in self._paths:
            raise KeyError(f"no table {name!r} in {self.folder}; tables: {', '.join(self._paths)}")
        return self._paths[name]

    def read(self, name: str, *, columns: Sequence[str] | None = None,
             filters: list[tuple] | None = None) -> pd.DataFrame:
        """Read a table, or only some of its columns and rows, without keeping it.

        Parameters
        ----------
        name : str
            A table name.
        columns : list of str, optional
            The columns to read (default: all).
        filters : list of (column, op, value), optional
            Rows to keep, in pyarrow's filter form: ``[("kind", "==", "article")]``,
            ``[("published", ">=", pd.Timestamp("2021-01-01"))]``; the conditions of a list all hold.

        Returns
        -------
        DataFrame
        """
        return read_parquet_table(self.path(name), columns=list(columns) if columns is not None else None,
                                  filters=filters)


class WrittenTables(MutableMapping):
    """The tables of a report being built: each table of at least ``min_rows`` rows is written to
    ``<folder>/<name>.csv`` and ``.parquet`` as soon as it is made, and read back from Parquet
    (:func:`analysis.outputs.read_parquet_table`) each time it is used, so that a crawl's large
    tables are not all held in memory at once; smaller ones are kept.

    Iteration follows the order the tables were set in (:meth:`reorder` changes it).

    Parameters
    ----------
    folder : str or Path
        Where the tables are written (a report's ``tables/``).
    min_rows : int, optional
        Rows from which a table is written at once and not kept (default: none is).
    keep : iterable of str
        Tables always kept in memory, whatever their size (written later by the caller).

    Attributes
    ----------
    seconds : float
        Time spent writing tables so far.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> t = WrittenTables(tempfile.mkdtemp(), min_rows=2)
    >>> t["big"] = pd.DataFrame({"n": [1, 2, 3]})
    >>> t["small"] = pd.DataFrame({"n": [1]})
    >>> list(t), [p.name for p in t.files("big")], t.files("small"), t["big"]["n"].tolist()
    (['big', 'small'], ['big.csv', 'big.parquet'], [], [1, 2, 3])
    """

    def __init__(self, folder: PathLike, *, min_rows: int | None = None, keep: Iterable[str] = ()) -> None:
        self.folder = Path(folder)
        self.min_rows = min_rows
        self.keep = frozenset(keep)
        self.seconds = 0.0
        self._order: dict[str, None] = {}
        self._held: dict[str, pd.DataFrame] = {}
        self._files: dict[str, list[Path]] = {}

    def __setitem__(self, name: str, table: pd.DataFrame) -> None:
        self._order[name] = None
        self._held.pop(name, None)
        self._files.pop(name, None)
        if self.min_rows is not None and len(table) >= self.min_rows and name not in self.keep:
            t0 = time.perf_counter()
            self._files[name] = write_table(table, self.folder, name, index=name == "similarity_matrix")
            self.seconds += time.perf_counter() - t0
        else:
            self._held[name] = table

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name in self._held:
            return self._held[name]
        if name in self._files:
            return read_parquet_table(self._files[name][1])
        raise KeyError(name)

    def __delitem__(self, name: str) -> None:
        del self._order[name]
        self._held.pop(name, None)
        self._files.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __repr__(self) -> str:
        return f"WrittenTables({str(self.folder)!r}: {', '.join(self._order)})"

    def read(self, name: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """A table, or only some of its columns: a written table's are the only ones read back.

        Examples
        --------
        >>> import tempfile
        >>> t = WrittenTables(tempfile.mkdtemp(), min_rows=1)
        >>> t["big"] = pd.DataFrame({"n": [1, 2], "title": ["甲", "乙"]})
        >>> list(t.read("big", columns=["n"]))
        ['n']
        """
        if name in self._files:
            return read_parquet_table(self._files[name][1], columns=list(columns) if columns is not None else None)
        table = self[name]
        return table if columns is None else table[list(columns)]

    def files(self, name: str) -> list[Path]:
        """The files a table was written to when it was set (empty for a table kept in memory)."""
        return list(self._files.get(name, []))

    def rows(self, name: str) -> int:
        """A table's rows, without reading a written one back."""
        if name in self._held:
            return len(self._held[name])
        import pyarrow.parquet as pq

        return pq.read_metadata(self._files[name][1]).num_rows

    def reorder(self, names: Sequence[str]) -> None:
        """Keep only the tables ``names`` names, in that order."""
        for name in [n for n in self._order if n not in names]:
            del self[name]
        self._order = {name: None for name in names if name in self._order}


def table_columns(tables: Mapping[str, pd.DataFrame], name: str, columns: Sequence[str]) -> pd.DataFrame | None:
    """Only ``columns`` of table ``name`` of ``tables`` (None when it has no such table): read from its
    file alone when the tables are :class:`ReportTables` or :class:`WrittenTables` that wrote it away.

    Examples
    --------
    >>> t = {"relative_dates": pd.DataFrame({"title": ["甲"], "days_after_article": [1.0]})}
    >>> table_columns(t, "relative_dates", ["days_after_article"]).columns.tolist(), table_columns(t, "x", [])
    (['days_after_article'], None)
    """
    if name not in tables:
        return None
    if isinstance(tables, (ReportTables, WrittenTables)):
        return tables.read(name, columns=columns)
    return tables[name][list(columns)]


def open_report(folder: PathLike) -> ReportTables:
    """Open a built report's tables: each read from Parquet when first used.

    Parameters
    ----------
    folder : str or Path
        A folder written by ``python -m analysis report`` or :func:`analysis.build_report`.

    Returns
    -------
    ReportTables
        A mapping from table name to DataFrame, with :meth:`ReportTables.read` for parts of a table.

    Raises
    ------
    CorpusError
        When the folder holds no report tables.

    Examples
    --------
    >>> from analysis.config import REPORTS_DIR
    >>> rep = open_report(REPORTS_DIR)
    >>> rep["term_frequencies"].columns.tolist()[:2]
    ['term', 'count']
    """
    return ReportTables(folder)

