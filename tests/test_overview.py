"""Corpus summary, lengths and data-quality flags."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus_summary, document_lengths, first_sentence, quality_flags


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


@pytest.mark.parametrize("text, first", [("甲。乙。", "甲。"), ("無標點", "無標點"), ("再升溫!美國", "再升溫!")])
def test_first_sentence(text, first):
    assert first_sentence(text) == first
