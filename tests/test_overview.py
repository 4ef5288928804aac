"""Corpus summary, lengths and data-quality flags."""

from __future__ import annotations

import pandas as pd

from analysis import corpus_summary, document_lengths, quality_flags


def test_summary(seed_docs):
    s = dict(corpus_summary(seed_docs).values.tolist())
    assert (s["pages"], s["documents"], s["articles"], s["related items"]) == (1, 21, 1, 20)
    assert (s["first date"], s["last date"], s["outlets"]) == ("2020-09-17", "2023-10-11", "新唐人亞太台")


def test_lengths_count_characters_without_spaces(seed_docs):
    lengths = document_lengths(seed_docs)
    title = seed_docs["title"].iloc[1]
    assert lengths["title_chars"].iloc[1] == len(title.replace(" ", ""))
    assert (lengths["terms"] > 0).all()


def test_flags_of_the_seed_page(seed_docs):
    flags = quality_flags(seed_docs).set_index("title")
    assert flags.index[flags["truncated"]].tolist() == ["馬稱克拉夫特來台無用 昔見波頓照片被翻出"]
    assert flags.index[flags["repeats_article_lead"]].tolist() == ["美駐UN大使會台代表 允助台參與聯合國事務"]
    assert not flags[["duplicate_text", "undated", "no_title", "no_text"]].any().any()


def test_duplicate_flag(seed_docs):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")], ignore_index=True)
    assert quality_flags(doubled)["duplicate_text"].tolist() == [False] * 21 + [True] * 21


def test_summary_measures_in_order(seed_docs):
    assert corpus_summary(seed_docs)["measure"].tolist() == [
        "pages", "documents", "articles", "related items", "distinct texts (content_id)", "outlets", "first date",
        "last date", "undated documents"]


def test_summary_of_an_undated_corpus_without_outlets(seed_docs):
    docs = seed_docs.assign(published=pd.NaT, outlet="")
    s = dict(corpus_summary(docs).values.tolist())
    assert (s["first date"], s["last date"], s["outlets"], s["undated documents"]) == ("", "", "none", 21)


def test_flags_of_unusual_documents():
    docs = pd.DataFrame({
        "doc_id": ["p:00", "p:01", "p:02", "q:00"], "page_id": ["p", "p", "p", "q"],
        "kind": ["article", "related", "related", "article"],
        "title": ["標題", " ", "乙", "丙"], "text": ["第一句。第二句。", "第一句。其後", "", "第一句。其後"],
        "truncated": [False, True, False, True], "content_id": ["1", "2", "3", "4"],
        "published": pd.to_datetime(["2020-09-17", None, "2020-09-18", "2020-09-19"]),
    })
    flags = quality_flags(docs).set_index("doc_id")
    assert flags["repeats_article_lead"].tolist() == [False, True, False, False]  # an article is never flagged
    assert flags["no_title"].tolist() == [False, True, False, False]
    assert flags["no_text"].tolist() == [False, False, True, False]
    assert flags["undated"].tolist() == [False, True, False, False]
    assert flags["truncated"].tolist() == [False, True, False, True]


def test_lengths_of_a_small_table():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["article", "related"], "title": ["台灣 美國", None],
                         "text": ["台灣與美國。\n", "，。"]}, index=[7, 3])
    assert document_lengths(docs).to_dict("records") == [
        {"doc_id": "a", "kind": "article", "title_chars": 4, "text_chars": 6, "terms": 4},
        {"doc_id": "b", "kind": "related", "title_chars": 0, "text_chars": 2, "terms": 0}]


def test_a_missing_kind_or_text_is_of_no_kind():
    docs = pd.DataFrame({
        "doc_id": ["p:00", "p:01", "p:02"], "page_id": ["p", "p", "p"],
        "kind": pd.array(["article", None, "related"], dtype="string"),
        "title": ["標題", "甲", "乙"], "text": pd.array([None, "第一句。", "第一句。其後"], dtype="string"),
        "truncated": [False, False, False], "content_id": ["1", "2", "3"], "outlet": "",
        "published": pd.to_datetime(["2020-09-17", None, "2020-09-18"]),
    })
    s = dict(corpus_summary(docs).values.tolist())
    assert (s["articles"], s["related items"]) == (1, 1)
    # The article has no text, so no lead to repeat; the row of no kind is never flagged.
    assert quality_flags(docs)["repeats_article_lead"].tolist() == [False, False, False]
    docs.loc[0, "text"] = "第一句。第二句。"
    assert quality_flags(docs)["repeats_article_lead"].tolist() == [False, False, True]
