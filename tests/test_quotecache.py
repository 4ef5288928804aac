"""Statements kept by their document's content (analysis/quotecache.py): found again, the same; changed, found anew."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import quotations as quotations_mod
from analysis.names import lexicon
from analysis.quotations import actors_and_quotes, quotes
from analysis.quotecache import FILE, statements_digest
from analysis.settings import options


def counting(monkeypatch) -> list[str]:
    """The doc_ids whose statements are found (not taken from the cache) from now on."""
    seen: list[str] = []
    find = quotations_mod._quote_rows

    def counted(doc):
        seen.append(doc.doc_id)
        return find(doc)

    monkeypatch.setattr(quotations_mod, "_quote_rows", counted)
    return seen


@pytest.fixture
def docs(seed_and_test_pages):
    return seed_and_test_pages


def uncached(docs: pd.DataFrame, **kwargs) -> pd.DataFrame:
    old = options.use_cache
    options.use_cache = False
    try:
        return quotes(docs, **kwargs)
    finally:
        options.use_cache = old


def test_statements_found_again_are_the_same_and_not_found_again(docs, cache, monkeypatch):
    fresh = uncached(docs)
    assert len(fresh) > 20 and set(fresh["kind"]) == {"voice", "quotation", "reported"}
    seen = counting(monkeypatch)
    first = quotes(docs)
    assert len(seen) == docs["content_id"].nunique() and (cache / FILE).is_file()
    seen.clear()
    again = quotes(docs)
    assert seen == []
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(again, fresh)


def test_actors_and_quotes_in_forked_blocks_take_them_from_the_cache(docs, cache, monkeypatch):
    from analysis.forking import can_fork

    fresh = uncached(docs)
    mentions, first = actors_and_quotes(docs, block=7, workers=2)
    find = quotations_mod._quote_rows

    def refuse(doc):  # inherited by the forked workers: one that found statements again would fail here
        raise AssertionError(f"statements of {doc.doc_id} found again")

    monkeypatch.setattr(quotations_mod, "_quote_rows", refuse)
    mentions_again, again = actors_and_quotes(docs, block=7, workers=2)
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(again, fresh)
    pd.testing.assert_frame_equal(mentions_again, mentions)
    if can_fork():  # the refusal does reach a worker: without the cache, the first block fails there
        monkeypatch.setattr(options, "use_cache", False)
        with pytest.raises(AssertionError, match="found again"):
            actors_and_quotes(docs, block=7, workers=2)
    monkeypatch.setattr(quotations_mod, "_quote_rows", find)
    monkeypatch.setattr(options, "use_cache", False)
    seen = counting(monkeypatch)
    actors_and_quotes(docs, block=7, workers=1)
    assert len(seen) == docs["content_id"].nunique()


def test_a_copy_under_another_id_gets_its_own_id_and_words(cache):
    text = "外交部長吳釗燮今天表示，台灣不會屈服。他說：「我們會堅持下去。」"
    one = pd.DataFrame({"doc_id": ["a"], "title": ["吳釗燮談話"], "text": [text]})
    first = quotes(one)
    copy = quotes(one.assign(doc_id=["b"]))
    assert copy["doc_id"].unique().tolist() == ["b"]
    pd.testing.assert_frame_equal(copy.drop(columns="doc_id"), first.drop(columns="doc_id"))
    assert copy["quote"].tolist() == ["台灣不會屈服", "我們會堅持下去。"]


def test_the_title_is_part_of_the_key(cache, monkeypatch):
    text = "大使表示，將訪台。"
    named = pd.DataFrame({"doc_id": ["a"], "title": ["美國駐聯合國大使克拉夫特將訪台"], "text": [text]})
    bare = named.assign(title=[""])
    expected = uncached(bare)
    assert expected["speaker"].tolist() == [""]  # 大使 with no one named so in the document
    assert quotes(named)["speaker"].tolist() == ["克拉夫特"]
    seen = counting(monkeypatch)
    pd.testing.assert_frame_equal(quotes(bare), expected)
    assert seen == ["a"]  # the same text under another title is found again


def test_other_names_or_another_segmenter_find_them_again(tmp_path, cache, monkeypatch):
    mine = tmp_path / "aliases.txt"
    mine.write_text("美方\tplace\n", encoding="utf-8")
    docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["美方今天宣布，大使將訪台。"]})
    assert quotes(docs)["speaker"].tolist() == ["美國"]
    assert quotes(docs, aliases=mine)["speaker"].tolist() == ["美方"]  # not the cached 美國
    assert quotes(docs)["speaker"].tolist() == ["美國"]
    assert statements_digest(lexicon(), "one segmenter") != statements_digest(lexicon(), "another")
    assert statements_digest(lexicon(), "s") != statements_digest(lexicon(aliases=mine), "s")
    seen = counting(monkeypatch)
    quotes(docs, segmenter=lambda text: list(text))
    assert seen == ["a"]


def test_no_file_without_the_cache(docs, cache, monkeypatch):
    monkeypatch.setattr(options, "use_cache", False)
    quotes(docs)
    actors_and_quotes(docs, block=7, workers=1)
    assert not (cache / FILE).exists()
