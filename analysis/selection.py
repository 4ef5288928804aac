"""A crawl's rows selected and its ids matched without copying its text columns.

pandas holds a crawl's text columns in pyarrow: selecting rows copies every string, and matching ids
with ``isin`` or a dict makes each one a Python object (at 2 million ids, 20 s and 0.8 GB for one
``isin``). These helpers select documents by kind (:func:`of_kind`), match ids with pyarrow's hash
tables (:func:`is_in`, :func:`positions`) and join a table made in parts into one piece per column
(:func:`one_chunk`), so that its Parquet bytes are those of the table made at once; and :func:`with_texts` puts
new texts in, with what is made from them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .text import content_id, is_truncated


def of_kind(docs: pd.DataFrame, kind: str) -> np.ndarray:
    """Which documents are of that ``kind``, as a boolean array: a missing kind (None, NaN, ``pd.NA``)
    or a table without the column is of none.

    Parameters
    ----------
    docs : DataFrame
        A documents table.
    kind : str
        ``"article"``, ``"related"``...

    Returns
    -------
    ndarray of bool
        One per row.

    Examples
    --------
    >>> d = pd.DataFrame({"kind": pd.array(["article", None, "related"], dtype="string")})
    >>> of_kind(d, "related").tolist(), of_kind(d.drop(columns="kind"), "related").tolist()
    ([False, False, True], [False, False, False])
    """
    if "kind" not in docs:
        return np.zeros(len(docs), dtype=bool)
    return (docs["kind"] == kind).to_numpy(dtype=bool, na_value=False)


def _arrow(values: object) -> object:
    """The pyarrow chunked array behind a text column (a Series or Index of pandas's ``str`` dtype), else None."""
    array = getattr(values, "array", None)
    if isinstance(array, pd.arrays.ArrowStringArray):
        import pyarrow as pa

        return pa.chunked_array(array._pa_array) if hasattr(array, "_pa_array") else pa.chunked_array([pa.array(array)])
    return None


def is_in(column: pd.Series, values: object) -> np.ndarray:
    """``column.isin(values)`` as a boolean array, with pyarrow's hash set when both hold text.

    pandas's ``isin`` makes each string of a text column a Python object first: for a crawl's two
    million ``doc_id`` values that is tens of seconds and most of a gigabyte, against well under a
    second with :func:`pyarrow.compute.is_in`. The answer is the same (a missing value is in
    ``values`` when a missing value is).

    Examples
    --------
    >>> ids = pd.Series(["a", "b", None, "c"], dtype="str")
    >>> is_in(ids, pd.Series(["c", "a"], dtype="str")).tolist(), is_in(ids, ["b"]).tolist()
    ([True, False, False, True], [False, True, False, False])
    """
    left, right = _arrow(column), _arrow(values)
    if left is None or right is None:
        return column.isin(values).to_numpy(dtype=bool)
    import pyarrow.compute as pc

    found = pc.is_in(left, value_set=right.combine_chunks(), skip_nulls=False)
    return found.to_numpy().astype(bool) if len(column) else np.zeros(0, dtype=bool)


def positions(column: pd.Series, among: pd.Series) -> np.ndarray:
    """Where each value of ``column`` is in ``among`` (its last place there, as a dict built in order
    would say), as floats: NaN where it is not there. With pyarrow's hash table when both hold text.

    Examples
    --------
    >>> ids = pd.Series(["a", "b", "c", "b"], dtype="str")
    >>> positions(pd.Series(["b", "x", "a"], dtype="str"), ids).tolist()
    [3.0, nan, 0.0]
    """
    left, right = _arrow(column), _arrow(among)
    if left is None or right is None or not len(column):
        order = {value: i for i, value in enumerate(among)}
        return column.map(order).to_numpy(dtype=float)
    import pyarrow.compute as pc

    found = pc.index_in(left, value_set=right.combine_chunks()[::-1]).to_numpy().astype(float)
    return len(right) - 1 - found


def one_chunk(frame: pd.DataFrame, *, in_place: bool = False) -> pd.DataFrame:
    """The table with each text column in one piece: a table put together from parts (blocks of rows)
    then has the values, and the Parquet bytes, of the table made at once (Parquet's pages end where an
    arrow column's pieces do), and rows are taken from it at the cost of the rows taken: pyarrow joins
    a column's pieces to take rows from it, at every take (at 2 million rows in 20 pieces, 0.7 s a take
    of 20,000 rows, against 5 ms).

    With ``in_place``, the columns of ``frame`` itself are replaced, one at a time, and ``frame`` is
    returned: when nothing else holds its pieces, each column's are freed as soon as it is joined (a
    crawl's memory grows by its largest column, not by the table).

    Examples
    --------
    >>> parts = [pd.DataFrame({"t": pd.Series(["甲"], dtype="str")})] * 2
    >>> whole = one_chunk(pd.concat(parts, ignore_index=True))
    >>> whole["t"].tolist(), whole["t"].array._pa_array.num_chunks
    (['甲', '甲'], 1)
    """
    out = frame if in_place else frame.copy(deep=False)
    for column in out.columns:
        array = out[column].array
        if isinstance(array, pd.arrays.ArrowStringArray) and array._pa_array.num_chunks > 1:
            joined = pd.array(array._pa_array.combine_chunks(), dtype=out[column].dtype)
            del array
            out[column] = pd.Series(joined, index=out.index, name=column)
    return out


def with_texts(docs: pd.DataFrame, rows: Sequence[int], texts: Sequence[str]) -> pd.DataFrame:
    """A copy of ``docs`` whose documents at the positions ``rows`` hold ``texts``, their ``truncated`` flag and
    ``content_id`` made again from them (lines taken out of articles' texts: :mod:`analysis.recurring`,
    :mod:`analysis.lineshape`).

    Examples
    --------
    >>> d = pd.DataFrame({"title": ["颱風"], "text": ["颱風逼近。\\n下載APP"], "truncated": [False],
    ...                   "content_id": [""]})
    >>> out = with_texts(d, [0], ["颱風逼近。"])
    >>> out["text"].tolist(), out["content_id"].iat[0] == content_id("颱風", "颱風逼近。"), d["text"].iat[0][-5:]
    (['颱風逼近。'], True, '下載APP')
    """
    docs = docs.copy()
    rows, texts = list(rows), list(texts)
    col = docs.columns.get_loc
    titles = docs["title"].iloc[rows].to_numpy(dtype=object)
    docs.iloc[rows, col("text")] = texts
    docs.iloc[rows, col("truncated")] = [is_truncated(t) for t in texts]
    docs.iloc[rows, col("content_id")] = [content_id(title, t) for title, t in zip(titles, texts)]
    return docs
