"""Selecting a crawl's rows and matching its ids in pyarrow: the same answers as pandas gives."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.selection import is_in, of_kind, one_chunk, positions


def test_of_kind_is_a_boolean_array_with_missing_kinds_of_none():
    for dtype in ("str", object, "string", "category"):
        docs = pd.DataFrame({"kind": pd.Series(["article", None, "related", "related"], dtype=dtype)})
        assert of_kind(docs, "related").tolist() == [False, False, True, True]
        assert of_kind(docs, "article").dtype == bool


def test_is_in_answers_as_pandas_isin():
    rng = np.random.default_rng(0)
    pool = np.array(["甲", "乙", "丙", "a", "", None], dtype=object)
    for _ in range(20):
        column = pd.Series(rng.choice(pool, size=50), dtype="str")
        values = pd.Series(rng.choice(pool, size=int(rng.integers(0, 6))), dtype="str")
        for among in (values, pd.Index(values), values.astype(object), values.tolist()):
            assert is_in(column, among).tolist() == column.isin(among).tolist()
    assert is_in(pd.Series(["a"], dtype=object), pd.Series(["a"], dtype="str")).tolist() == [True]


def test_positions_are_the_last_place_as_a_dict_gives_it():
    rng = np.random.default_rng(1)
    for dtype in ("str", object):
        among = pd.Series(rng.choice(["甲", "乙", "丙", "a", ""], size=30), dtype=dtype)
        column = pd.Series(rng.choice(["甲", "乙", "丁", "a", ""], size=40), dtype=dtype)
        order = {value: i for i, value in enumerate(among)}
        expected = [float(order[v]) if v in order else None for v in column]
        got = positions(column, among).tolist()
        assert [None if np.isnan(g) else g for g in got] == expected


def test_a_table_put_together_from_parts_is_written_as_the_table_made_at_once(tmp_path):
    """Parquet's dictionary pages end where an arrow column's pieces do: 60,000 distinct ids in ten parts."""
    from analysis.outputs import write_parquet

    ids = [f"crawl/page_{i:06d}.txt" for i in range(60_000)]
    whole = pd.DataFrame({"page_id": pd.Series(ids, dtype="str"), "n": range(60_000)})
    parts = pd.concat([pd.DataFrame({"page_id": pd.Series(ids[s:s + 6_000], dtype="str")})
                       for s in range(0, 60_000, 6_000)], ignore_index=True).assign(n=range(60_000))
    joined = one_chunk(parts)
    assert parts["page_id"].array._pa_array.num_chunks == 10 and joined["page_id"].array._pa_array.num_chunks == 1
    pd.testing.assert_frame_equal(joined, whole)
    assert (write_parquet(joined, tmp_path / "joined.parquet").read_bytes()
            == write_parquet(whole, tmp_path / "whole.parquet").read_bytes())
