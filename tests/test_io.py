"""Atomic, deterministic, spreadsheet-safe outputs."""

from __future__ import annotations

import pandas as pd

from analysis.outputs import atomic_write_text, neutralise_formulas, write_csv


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
