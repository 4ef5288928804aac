"""The kit's tidy tables: their columns, how they are built, and the helpers every step shares.

The documents table has one row per document (:data:`COLUMNS`); the problems table
one row per problem the reader found and warned about (:data:`PROBLEM_COLUMNS`): a line
that landed in no field, a line merged into a neighbour, a field left empty, a skipped
file, or lines kept as written but flagged. Steps select the columns they read with
:func:`only_columns`, distinct texts with :func:`distinct`, join title and text with
:func:`document_text`, and label ids with :func:`titles`.
"""

from __future__ import annotations

import warnings

import pandas as pd

from .text import shorten

#: Columns of the documents table, in order.
COLUMNS = (
    "doc_id", "page_id", "kind", "position", "title", "published", "published_precision", "time_zone",
    "outlet", "reporter", "reporter_place", "text", "truncated", "content_id", "dateline", "source", "line",
    "row", "format", "url",
)
#: Columns of the problems table: where (``source``, ``line``), what the reader did (``action``,
#: one of :data:`analysis.errors.ACTIONS`), why (``reason``) and the line itself (``content``).
PROBLEM_COLUMNS = ("source", "line", "action", "reason", "content")
#: Deprecated name of :data:`PROBLEM_COLUMNS`.
LINE_COLUMNS = PROBLEM_COLUMNS

_TEXT = ("doc_id", "page_id", "kind", "title", "published_precision", "time_zone", "outlet", "reporter",
         "reporter_place", "text", "content_id", "dateline", "source", "format", "url")


_FIXED = frozenset(COLUMNS)


def documents_frame(records: list[dict]) -> pd.DataFrame:
    """Build the documents table with its fixed columns and dtypes from parsed records.

    Parameters
    ----------
    records : list of dict
        Documents as :func:`analysis.parse_page` returns them.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``published`` as naive ``datetime64[ns]`` (the date as written,
        in the zone ``time_zone`` names when it names one); ``position`` as ``int64``, ``line`` and
        ``row`` as nullable ``Int64`` (a page's line, a table's row);
        ``truncated`` as bool; the text columns as ``str`` with ``""`` for a missing value (e.g.
        ``published_precision`` when ``published`` is empty), even when there are no records.
        Any other keys of the records (a table's own columns, a web page's ``url``) follow as
        columns of their own, in the order first seen, as given.

    Examples
    --------
    >>> list(documents_frame([]).columns) == list(COLUMNS)
    True
    >>> documents_frame([]).dtypes[["published", "published_precision"]].astype(str).tolist()
    ['datetime64[ns]', 'str']
    >>> from analysis import parse_page
    >>> docs, _ = parse_page("標題\\n【大紀元2020年09月17日訊】內文。", source="p.txt")
    >>> documents_frame([{**docs[0], "url": "https://example.org/1"}]).columns[-1]
    'url'
    """
    extra = list(dict.fromkeys(k for r in records for k in r if k not in _FIXED))
    df = pd.DataFrame.from_records(records, columns=[*COLUMNS, *extra])
    df["published"] = pd.to_datetime(df["published"]).astype("datetime64[ns]")
    df["position"] = df["position"].astype("int64")
    df["line"] = df["line"].astype("Int64")  # a page's line; empty for a table's row
    df["row"] = df["row"].astype("Int64")  # a table's row (1 = the first data row); empty for a page
    df["format"] = df["format"].astype(object).fillna("text")
    df["truncated"] = df["truncated"].astype(bool)
    for column in _TEXT:
        df[column] = df[column].astype("str").fillna("")
    return df


def problems_frame(records: list[dict]) -> pd.DataFrame:
    """Build the problems table from records.

    Parameters
    ----------
    records : list of dict
        Rows as :func:`analysis.errors.problem_row` makes them.

    Returns
    -------
    DataFrame
        Columns :data:`PROBLEM_COLUMNS`; ``line`` is a nullable ``Int64`` (empty for a whole file),
        the others ``str``.

    Examples
    --------
    >>> row = dict(source="a.txt", line=3, action="unplaced", reason="item marker with no item", content="-")
    >>> df = problems_frame([row])
    >>> int(df.loc[0, "line"]), df.loc[0, "action"], str(df["line"].dtype)
    (3, 'unplaced', 'Int64')
    """
    df = pd.DataFrame.from_records(records, columns=list(PROBLEM_COLUMNS))
    df["line"] = df["line"].astype("Int64")
    for column in ("source", "action", "reason", "content"):
        df[column] = df[column].astype("str").fillna("")
    return df


def lines_frame(records: list[dict]) -> pd.DataFrame:
    """Deprecated: use :func:`problems_frame`.

    Parameters
    ----------
    records : list of dict
        Rows as :func:`analysis.errors.problem_row` makes them.

    Returns
    -------
    DataFrame
        :func:`problems_frame`'s table.

    Examples
    --------
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     list(lines_frame([]).columns) == list(PROBLEM_COLUMNS), caught[0].category.__name__
    (True, 'DeprecationWarning')
    """
    warnings.warn("lines_frame() is deprecated; use problems_frame()", DeprecationWarning, stacklevel=2)
    return problems_frame(records)


def only_columns(docs: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """The table with only those of ``columns`` it has, in that order.

    Select a step's columns before its rows: selecting rows of a crawl's whole documents table
    copies every text with them.

    Parameters
    ----------
    docs : DataFrame
        A documents table.
    columns : tuple of str
        The columns the step reads; those the table lacks are left out.

    Returns
    -------
    DataFrame
        The same rows and index, those columns only (pandas copies their data lazily).

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a"], "text": ["台灣"], "published": [None]})
    >>> only_columns(d, ("doc_id", "content_id", "published")).columns.tolist()
    ['doc_id', 'published']
    """
    return docs[[c for c in columns if c in docs]]


def is_missing(value: object) -> bool:
    """Whether one value is a missing one: None, NaN, ``pd.NA`` or ``NaT``.

    Examples
    --------
    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, pd.NaT, "", 0)]
    [True, True, True, True, False, False]
    """
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def distinct(docs: pd.DataFrame, *, unique: bool = True, by_date: bool = False) -> pd.DataFrame:
    """Keep the first document of each ``content_id`` (all of them when ``unique`` is False).

    Parameters
    ----------
    docs : DataFrame
        A documents table.
    unique : bool
        Drop later copies of the same text.
    by_date : bool
        Keep each text's earliest-published copy instead of its first in corpus order.

    Returns
    -------
    DataFrame
        The rows kept, with their index, in the order of ``docs`` (in date order with ``by_date``);
        ``docs`` itself when ``unique`` is False or it has no ``content_id`` column.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "b", "c"], "content_id": ["x", "y", "x"]})
    >>> distinct(d)["doc_id"].tolist(), len(distinct(d, unique=False))
    (['a', 'b'], 3)
    """
    if not unique or "content_id" not in docs:
        return docs
    if by_date:
        docs = docs.sort_values("published", kind="mergesort")
    return docs.drop_duplicates("content_id")


def document_text(docs: pd.DataFrame) -> pd.Series:
    """Title and text of each document joined by a line break: what terms are counted in.

    Parameters
    ----------
    docs : DataFrame
        With columns ``title`` and ``text``; missing values count as empty.

    Returns
    -------
    Series of str
        Aligned with ``docs``.

    Examples
    --------
    >>> document_text(pd.DataFrame({"title": ["標題"], "text": ["內文"]})).tolist()
    ['標題\\n內文']
    """
    return docs["title"].fillna("") + "\n" + docs["text"].fillna("")


def titles(docs: pd.DataFrame, *, width: int | None = None) -> pd.Series:
    """Each document's title, indexed by ``doc_id`` (shortened to ``width`` characters when given).

    Parameters
    ----------
    docs : DataFrame
        With columns ``doc_id`` and ``title``.
    width : int, optional
        Shorten titles to this many characters (see :func:`analysis.shorten`).

    Returns
    -------
    Series of str
        Named ``title``, indexed by ``doc_id``.

    Examples
    --------
    >>> titles(pd.DataFrame({"doc_id": ["p:00"], "title": ["美駐UN大使會台代表"]}), width=6)["p:00"]
    '美駐UN大…'
    """
    out = pd.Series(docs["title"].to_numpy(), index=docs["doc_id"].to_numpy(), name="title")
    return out.map(lambda s: shorten(s, width)) if width else out


def attach_titles(table: pd.DataFrame, docs: pd.DataFrame, *, columns: tuple[str, ...] = (),
                  width: int | None = None) -> pd.DataFrame:
    """Add a ``<column>_title`` column beside each id column of a table (e.g. ``doc_a``, ``neighbour``).

    Parameters
    ----------
    table : DataFrame
        A table of ``doc_id`` values, such as :func:`analysis.similar_pairs` returns.
    docs : DataFrame
        The documents, for their titles.
    columns : tuple of str
        The id columns (default: every column whose values are all ``doc_id`` s).
    width : int, optional
        Shorten titles to this many characters.

    Returns
    -------
    DataFrame
        A copy of ``table`` with the title columns inserted.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["甲新聞", "乙新聞"]})
    >>> attach_titles(pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "similarity": [0.5]}), docs).columns.tolist()
    ['doc_a', 'doc_a_title', 'doc_b', 'doc_b_title', 'similarity']
    """
    names = titles(docs, width=width).to_dict()
    cols = columns or tuple(c for c in table.columns if table[c].dtype != float and table[c].isin(names).all()
                            and len(table))
    out = table.copy()
    for c in cols:
        out.insert(out.columns.get_loc(c) + 1, f"{c}_title", out[c].map(names))
    return out
