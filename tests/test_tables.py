"""The tidy tables: columns and dtypes, distinct texts, the text terms are counted in, titles beside ids."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import attach_titles, similar_pairs, titles
from analysis.tables import (COLUMNS, LINE_COLUMNS, PROBLEM_COLUMNS, distinct, document_text, documents_frame,
                             is_missing, lines_frame, problems_frame)

RECORD = dict(doc_id="p:00", page_id="p", kind="article", position=0, title="標題", published=None,
              published_precision="", time_zone="", outlet="", reporter="", reporter_place="", text="本文。",
              truncated=False, content_id="c0", dateline="", source="p.txt", line=1)

TEXT = ["doc_id", "page_id", "kind", "title", "published_precision", "time_zone", "outlet", "reporter",
        "reporter_place", "text", "content_id", "dateline", "source"]
DTYPES = {"position": "int64", "line": "Int64", "row": "Int64", "truncated": "bool", "published": "datetime64[ns]",
          **{c: "str" for c in TEXT}}


def test_documents_table_has_the_fixed_columns(seed_docs):
    assert COLUMNS[:3] == ("doc_id", "page_id", "kind") and len(set(COLUMNS)) == len(COLUMNS) == 20
    assert COLUMNS[5:8] == ("published", "published_precision", "time_zone")
    assert COLUMNS[9:11] == ("reporter", "reporter_place")
    assert list(seed_docs.columns) == list(COLUMNS)


@pytest.mark.parametrize("records", [
    [],
    [RECORD],                                                           # published all None
    [RECORD, {**RECORD, "doc_id": "p:01", "position": 1, "published": "2020-09-18 07:12:23",
              "published_precision": "second", "line": 7}],
], ids=["empty", "undated", "dated"])
def test_documents_frame_dtypes(records):
    df = documents_frame(records)
    assert list(df.columns) == list(COLUMNS) and len(df) == len(records)
    assert {c: str(df[c].dtype) for c in DTYPES} == DTYPES


def test_documents_frame_keeps_values_and_other_keys_after_the_fixed_columns():
    df = documents_frame([{**RECORD, "published": "2020-09-18 07:12:23", "time_zone": "Asia/Taipei", "extra": 1},
                          {**RECORD, "doc_id": "p:01", "url": "https://example.org"}])
    assert list(df.columns) == [*COLUMNS, "extra"]
    assert df["extra"].tolist()[0] == 1 and pd.isna(df["extra"].tolist()[1]) and df.loc[1, "url"] == "https://example.org"
    assert df.loc[0, "published"] == pd.Timestamp("2020-09-18 07:12:23") and df.loc[0, "title"] == "標題"
    assert df.loc[0, "time_zone"] == "Asia/Taipei" and df["published"].dt.tz is None  # as written, not converted


def test_documents_frame_fills_missing_text_with_empty_strings():
    record = {k: v for k, v in RECORD.items() if k not in ("published_precision", "time_zone", "reporter_place")}
    df = documents_frame([record])
    assert df.loc[0, ["published_precision", "time_zone", "reporter_place"]].tolist() == ["", "", ""]


PROBLEMS = [dict(source="a.txt", line=3, action="unplaced", reason="r", content="-"),
            dict(source="a.txt", line=None, action="skipped", reason="empty page", content="")]


def test_problems_frame_line_numbers_may_be_missing():
    df = problems_frame(PROBLEMS)
    assert list(df.columns) == list(PROBLEM_COLUMNS) == ["source", "line", "action", "reason", "content"]
    assert str(df["line"].dtype) == "Int64" and {str(df[c].dtype) for c in PROBLEM_COLUMNS if c != "line"} == {"str"}
    assert df["line"].iloc[0] == 3 and df["line"].isna().tolist() == [False, True]
    assert df["action"].tolist() == ["unplaced", "skipped"]
    empty = problems_frame([])
    assert list(empty.columns) == list(PROBLEM_COLUMNS) and str(empty["action"].dtype) == "str"


def test_old_names_of_the_problems_table_still_work():
    assert LINE_COLUMNS == PROBLEM_COLUMNS
    with pytest.warns(DeprecationWarning, match=r"lines_frame\(\) is deprecated; use problems_frame\(\)"):
        df = lines_frame(PROBLEMS)
    pd.testing.assert_frame_equal(df, problems_frame(PROBLEMS))


DUPES = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"],
    "content_id": ["x", "y", "x", "x"],
    "published": pd.to_datetime(["2021-01-02", "2021-01-01", "2020-12-31", None]),
})


@pytest.mark.parametrize("kw, kept", [
    ({}, ["a", "b"]),                            # the first copy in corpus order
    ({"unique": True}, ["a", "b"]),
    ({"unique": False}, ["a", "b", "c", "d"]),
    ({"by_date": True}, ["c", "b"]),             # the earliest-published copy, in date order
    ({"unique": False, "by_date": True}, ["a", "b", "c", "d"]),
])
def test_distinct(kw, kept):
    assert distinct(DUPES, **kw)["doc_id"].tolist() == kept


def test_distinct_without_content_id_keeps_everything():
    docs = pd.DataFrame({"doc_id": ["a", "a"]})
    assert distinct(docs) is docs


def test_document_text_joins_title_and_text_and_fills_missing():
    docs = pd.DataFrame({"title": ["標題", None, "題"], "text": ["內文", "只有內文", None]}, index=[5, 6, 7])
    out = document_text(docs)
    assert out.tolist() == ["標題\n內文", "\n只有內文", "題\n"]
    assert out.index.tolist() == [5, 6, 7]


@pytest.mark.parametrize("width, expected", [
    (None, ["美駐UN大使會台代表", "短"]),
    (6, ["美駐UN大…", "短"]),
    (20, ["美駐UN大使會台代表", "短"]),
])
def test_titles(width, expected):
    docs = pd.DataFrame({"doc_id": ["p:00", "p:01"], "title": ["美駐UN大使會台代表", "短"]})
    out = titles(docs, width=width)
    assert out.index.tolist() == ["p:00", "p:01"] and out.tolist() == expected and out.name == "title"


def test_attach_titles(seed_docs):
    pairs = attach_titles(similar_pairs(seed_docs, top=2), seed_docs, width=8)
    assert list(pairs.columns) == ["doc_a", "doc_a_title", "doc_b", "doc_b_title", "similarity"]
    assert pairs["doc_a_title"].str.len().max() <= 8


def test_attach_titles_finds_id_columns_or_takes_them_given():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["甲新聞", "乙新聞"]})
    table = pd.DataFrame({"doc_id": ["a", "b"], "neighbour": ["b", "a"], "note": ["a", "x"], "similarity": [.5, .5]})
    auto = attach_titles(table, docs)
    assert auto.columns.tolist() == ["doc_id", "doc_id_title", "neighbour", "neighbour_title", "note", "similarity"]
    assert auto["neighbour_title"].tolist() == ["乙新聞", "甲新聞"]
    given = attach_titles(table, docs, columns=("neighbour",))
    assert given.columns.tolist() == ["doc_id", "neighbour", "neighbour_title", "note", "similarity"]
    assert "doc_id_title" not in table  # the input is left as it was
    assert attach_titles(table.iloc[:0], docs).columns.tolist() == table.columns.tolist()


def test_is_missing_as_pandas_says_of_one_value():
    for value in (None, float("nan"), np.float64("nan"), pd.NA, pd.NaT, "", "nan", 0, 0.0, "台灣"):
        assert is_missing(value) == bool(pd.isna(value))
