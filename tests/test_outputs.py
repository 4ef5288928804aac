"""Atomic, deterministic, spreadsheet-safe outputs."""

from __future__ import annotations

import os

import pandas as pd
import pytest

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
