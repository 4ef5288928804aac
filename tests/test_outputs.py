"""Atomic, deterministic, spreadsheet-safe outputs."""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.outputs import (atomic_write_bytes, atomic_write_text, neutralise_formulas, read_parquet_table, write_csv,
                              write_parquet)


def test_csv_has_bom_and_neutralised_formulas(tmp_path):
    df = pd.DataFrame({"term": ["=HYPERLINK(\"x\")", "+1", "-2", "@A1", "台灣"], "count": [1, -2, 3, 4, 5]})
    path = write_csv(df, tmp_path / "t.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["term"].tolist() == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@A1", "台灣"]
    assert back["count"].tolist() == [1, -2, 3, 4, 5]  # numbers are left alone
    assert b"\r\n" not in raw


def test_neutralise_leaves_input_untouched():
    df = pd.DataFrame({"a": ["=1"]})
    neutralise_formulas(df)
    assert df["a"].iloc[0] == "=1"


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    atomic_write_text(tmp_path / "sub" / "f.md", "一\n")
    atomic_write_text(tmp_path / "sub" / "f.md", "二\n")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["f.md"]
    assert (tmp_path / "sub" / "f.md").read_text(encoding="utf-8") == "二\n"


@pytest.mark.parametrize("cell, written", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("台灣", "台灣"), ("a=1", "a=1"), ("", ""),
])
def test_neutralise_formulas(cell, written):
    assert neutralise_formulas(pd.DataFrame({"a": [cell]}))["a"].iloc[0] == written


def test_neutralise_leaves_numbers_and_missing_values_alone():
    df = pd.DataFrame({"n": [-1.5, 2.0], "s": [None, "-x"]})
    out = neutralise_formulas(df)
    assert out["n"].tolist() == [-1.5, 2.0]
    assert pd.isna(out["s"].iloc[0]) and out["s"].iloc[1] == "'-x"


def test_csv_formats_floats_dates_and_the_index(tmp_path):
    df = pd.DataFrame({"share": [1 / 3, 2.0], "published": pd.to_datetime(["2020-09-18 07:12:23", None])},
                      index=pd.Index(["a", "b"], name="doc_id"))
    text = write_csv(df, tmp_path / "t.csv").read_bytes().decode("utf-8-sig")
    assert text == "share,published\n0.333333,2020-09-18T07:12:23\n2.000000,\n"
    with_index = write_csv(df, tmp_path / "i.csv", index=True).read_bytes().decode("utf-8-sig")
    assert with_index.splitlines()[:2] == ["doc_id,share,published", "a,0.333333,2020-09-18T07:12:23"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "f.md"
    atomic_write_text(target, "old\n")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.md"]


def test_written_files_are_readable_by_others(tmp_path):
    path = atomic_write_bytes(tmp_path / "x.bin", b"x")
    assert path.stat().st_mode & 0o777 == 0o644


def test_parquet_writes_a_mixed_column_as_text_and_its_missing_values_as_nulls(tmp_path):
    df = pd.DataFrame({"measure": ["pages", "rho", "share", "verdict", "none"],
                       "value": [34, float("nan"), 0.5, "ordered by date", None]})
    back = read_parquet_table(write_parquet(df, tmp_path / "t.parquet"))
    assert back["value"].isna().tolist() == [False, True, False, False, True]  # not the text "nan"
    assert back["value"].iloc[[0, 2, 3]].tolist() == ["34", "0.5", "ordered by date"]


def test_reading_a_column_a_table_lacks_names_it_and_the_columns_it_has(tmp_path):
    path = write_parquet(pd.DataFrame({"term": ["台灣"], "count": [1]}), tmp_path / "t.parquet")
    with pytest.raises(KeyError, match=r"t.parquet has no column 'nope'; its columns: term, count"):
        read_parquet_table(path, columns=["term", "nope"])


def _pandas_csv(df: pd.DataFrame, *, index: bool = False) -> bytes:
    """The CSV pandas writes in one call with the kit's options: what write_csv's column-at-a-time
    formatting and block-at-a-time writing must reproduce byte for byte."""
    return ("\ufeff" + neutralise_formulas(df).to_csv(index=index, lineterminator="\n", float_format="%.6f",
                                                      date_format="%Y-%m-%dT%H:%M:%S")).encode("utf-8")


def test_csv_is_the_csv_pandas_writes_for_awkward_values(tmp_path):
    df = pd.DataFrame({
        "x": [float("nan"), -0.0, 1 / 3, 1e20, -1e-7, float("inf"), -float("inf"), 2.5e-7, 5e-7, 0.1234565],
        "f32": pd.array([1.5, None, 2.25, 0.1, -3, 1e-8, 7, 8, 9, 10], dtype="float32"),
        "nullable": pd.array([1.5, None, 2.25, 0.1, -3, 1e-8, 7, 8, None, 10], dtype="Float64"),
        "when": pd.to_datetime(["1969-12-31 23:59:59.7", "2020-09-18 07:12:23.999999", None, "1677-09-22 00:12:43",
                                "2262-04-11", "2020-01-01", None, "2000-02-29 12:00:00", "1999-12-31", "2021-06-01"],
                               format="mixed"),
        "seconds": np.array(["0900-01-01", "2020-01-01T10:00:01", "NaT", "12000-01-01", "-0100-01-01"] * 2,
                            dtype="datetime64[s]"),  # years not of four digits
        "aware": pd.to_datetime(["2020-09-18 07:12:23"] * 10).tz_localize("Asia/Taipei"),
        "text": ["-1", "a,b", 'say "hi"', "line\nbreak", None, "=1", "台灣", "", " x", "\rx"],
        "n": range(10), "flag": [True, False] * 5,
    }, index=pd.Index([f"d{i}" for i in range(10)], name="doc_id"))
    for index in (False, True):
        assert write_csv(df, tmp_path / "t.csv", index=index).read_bytes() == _pandas_csv(df, index=index)
    alone = pd.DataFrame({"x": [float("nan")], "d": pd.to_datetime([None])})  # a row of empty fields
    assert write_csv(alone[["x"]], tmp_path / "a.csv").read_bytes() == _pandas_csv(alone[["x"]])
    assert write_csv(alone, tmp_path / "b.csv").read_bytes() == _pandas_csv(alone)
    empty = df.iloc[:0]
    assert write_csv(empty, tmp_path / "e.csv").read_bytes() == _pandas_csv(empty)


def test_csv_of_many_blocks_is_one_table(tmp_path, monkeypatch):
    import analysis.outputs as outputs

    monkeypatch.setattr(outputs, "CSV_ROWS", 3)  # blocks of three rows: 3 full blocks and one of one
    df = pd.DataFrame({"x": [i / 7 for i in range(10)], "t": [f"第{i}" for i in range(10)],
                       "d": pd.date_range("2020-01-01", periods=10, freq="37h")})
    path = write_csv(df, tmp_path / "t.csv")
    assert path.read_bytes() == _pandas_csv(df)
    assert path.read_bytes().count(b"x,t,d") == 1  # one header


@given(st.lists(st.tuples(st.floats(allow_nan=True, allow_infinity=True, width=64),
                          st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1678, 1, 1),
                                                            max_value=dt.datetime(2261, 12, 31))),
                          st.text(max_size=5)), max_size=30))
@settings(max_examples=150, deadline=None)
def test_csv_is_the_csv_pandas_writes(tmp_path_factory, rows):
    df = pd.DataFrame(rows, columns=["x", "when", "text"])
    df["when"] = pd.to_datetime(df["when"])
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    assert write_csv(df, path).read_bytes() == _pandas_csv(df)
