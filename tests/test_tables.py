"""The tidy tables: columns and dtypes, distinct texts, the text terms are counted in, titles beside ids."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import attach_titles, similar_pairs, titles
from analysis.tables import COLUMNS, LINE_COLUMNS, distinct, document_text, documents_frame, lines_frame

RECORD = dict(doc_id="p:00", page_id="p", kind="article", position=0, title="標題", published=None, outlet="",
              reporter="", text="本文。", truncated=False, content_id="c0", dateline="", source="p.txt", line=1)

DTYPES = {"position": "int64", "line": "int64", "truncated": "bool", "published": "datetime64[ns]"}


def test_documents_table_has_the_fixed_columns(seed_docs):
    assert COLUMNS[:3] == ("doc_id", "page_id", "kind") and len(set(COLUMNS)) == len(COLUMNS) == 14
    assert list(seed_docs.columns) == list(COLUMNS)


@pytest.mark.parametrize("records", [
    [],
    [RECORD],                                                           # published all None
    [RECORD, {**RECORD, "doc_id": "p:01", "position": 1, "published": "2020-09-18 07:12:23", "line": 7}],
], ids=["empty", "undated", "dated"])
def test_documents_frame_dtypes(records):
    df = documents_frame(records)
    assert list(df.columns) == list(COLUMNS) and len(df) == len(records)
    assert {c: str(df[c].dtype) for c in DTYPES} == DTYPES


def test_documents_frame_keeps_values_and_drops_unknown_keys():
    df = documents_frame([{**RECORD, "published": "2020-09-18 07:12:23", "extra": 1}])
    assert "extra" not in df
    assert df.loc[0, "published"] == pd.Timestamp("2020-09-18 07:12:23") and df.loc[0, "title"] == "標題"


def test_lines_frame_line_numbers_may_be_missing():
    df = lines_frame([dict(source="a.txt", line=3, reason="r", content="-"),
                      dict(source="a.txt", line=None, reason="file skipped: empty page", content="")])
    assert list(df.columns) == list(LINE_COLUMNS)
    assert str(df["line"].dtype) == "Int64"
    assert df["line"].iloc[0] == 3 and df["line"].isna().tolist() == [False, True]
    assert list(lines_frame([]).columns) == list(LINE_COLUMNS)


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
