"""The parser, field by field against the seed page (independent reading of the file)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus, read_corpus
from analysis.datelines import parse_dateline, parse_timestamp
from analysis.tables import COLUMNS
from analysis.text import content_id, is_truncated


def test_shape_and_columns(seed_docs):
    assert len(seed_docs) == 21
    assert list(seed_docs.columns) == list(COLUMNS)
    assert seed_docs["doc_id"].is_unique
    assert seed_docs["kind"].tolist() == ["article"] + ["related"] * 20
    assert seed_docs["position"].tolist() == list(range(21))
    assert (seed_docs["page_id"] == "000_bb4a6ccb6fd5c6e9").all()
    assert seed_docs["published"].dtype.kind == "M"


def test_article_fields(seed_docs, seed_lines):
    art = seed_docs.iloc[0]
    assert art["title"] == seed_lines[0]
    assert art["outlet"] == "新唐人亞太台"
    assert art["published"] == pd.Timestamp("2020-09-17")
    assert art["dateline"] == "【新唐人亞太台 2020 年 09 月 17 日訊】"
    body_first = seed_lines[1][len("【新唐人亞太台 2020 年 09 月 17 日訊】"):]
    assert art["text"] == "\n".join([body_first, seed_lines[2], seed_lines[3]])
    assert "(聲音來源)" in art["text"].split("\n")[1]
    assert art["line"] == 1


def test_related_fields_match_the_file(seed_docs, seed_lines):
    assert seed_lines[4] == "相關新聞"
    related = seed_docs.iloc[1:]
    for k, (_, row) in enumerate(related.iterrows()):
        dash, title, stamped = seed_lines[5 + 3 * k: 8 + 3 * k]
        assert dash == "-"
        assert row["title"] == title
        assert row["published"] == datetime.strptime(stamped[:19], "%Y-%m-%d %H:%M:%S")
        assert row["text"] == stamped[19:]
        assert row["outlet"] == ""
        assert row["line"] == 7 + 3 * k


def test_nothing_lost(seed_docs, seed_file):
    """Every character of the page is in a field, apart from markers and timestamps."""
    _, unplaced = read_corpus(seed_file)
    assert unplaced.empty
    raw = seed_file.read_text(encoding="utf-8")
    for _, row in seed_docs.iterrows():
        assert row["title"] in raw and row["text"].split("\n")[-1] in raw


def test_truncated_flag(seed_docs):
    flagged = seed_docs.loc[seed_docs["truncated"], "title"].tolist()
    assert flagged == ["馬稱克拉夫特來台無用 昔見波頓照片被翻出"]


def test_content_ids(seed_docs):
    assert seed_docs["content_id"].is_unique
    assert content_id("美駐ＵＮ大使", "內文") == content_id("美駐UN大使 ", "內文")
    assert content_id("a", "b") != content_id("a", "c")


@pytest.mark.parametrize("line, outlet, date, reporter, rest", [
    ("【新唐人亞太台 2020 年 09 月 17 日訊】來看到", "新唐人亞太台", "2020-09-17", "", "來看到"),
    ("【新唐人北京時間2020年09月18日訊】本文", "新唐人", "2020-09-18", "", "本文"),
    ("【大紀元2020年09月17日訊】本文", "大紀元", "2020-09-17", "", "本文"),
    ("【大紀元2020年09月17日訊】(大紀元記者王明報導)本文", "大紀元", "2020-09-17", "王明", "本文"),
    ("【大紀元2020年9月7日訊】（大紀元記者李華台北報導）本文", "大紀元", "2020-09-07", "李華台北", "本文"),
    ("【新唐人2020年09月18日讯】简体", "新唐人", "2020-09-18", "", "简体"),
])
def test_parse_dateline(line, outlet, date, reporter, rest):
    d = parse_dateline(line)
    assert (d["outlet"], d["date"], d["reporter"], d["rest"]) == (outlet, pd.Timestamp(date), reporter, rest)


def test_parse_dateline_rejects_body_text():
    assert parse_dateline("來看到,就在美國國務院次卿訪台前") is None


@pytest.mark.parametrize("line, expected, rest", [
    ("2020-09-18 07:12:23來看到", datetime(2020, 9, 18, 7, 12, 23), "來看到"),
    ("2021/01/15 12:56美國", datetime(2021, 1, 15, 12, 56), "美國"),
    ("2021-01-15T12:56:40美國", datetime(2021, 1, 15, 12, 56, 40), "美國"),
    ("2021-01-15 12:56:4014日", datetime(2021, 1, 15, 12, 56, 40), "14日"),
    ("2021-01-15美國", datetime(2021, 1, 15), "美國"),
    ("2021-13-45 99:99:99美國", None, "美國"),
])
def test_parse_timestamp(line, expected, rest):
    m, value = parse_timestamp(line)
    assert m is not None and value == expected and line[m.end():] == rest


@pytest.mark.parametrize("text, cut", [("還發新", True), ("合作。", False), ("「自欺欺人」", False), ("", False)])
def test_is_truncated(text, cut):
    assert is_truncated(text) is cut


def test_missing_path_raises():
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus("/no/such/folder")


def test_list_of_files_and_single_file_agree(seed_file, seed_docs):
    pd.testing.assert_frame_equal(load_corpus([seed_file]), seed_docs)
    pd.testing.assert_frame_equal(load_corpus(str(seed_file)), seed_docs)
