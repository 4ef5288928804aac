"""Each index answers exactly as the kit's own function does: kwic's lines, term_frequencies' counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import kwic, term_frequencies
from analysis import indexes
from analysis.indexes import HitIndex, TermCounts

#: Beyond the vocabulary: a stopword, a part of a name, a phrase of several words, full-width letters,
#: a term inside a longer word (中國 in 中國時報), punctuation, and a string that never occurs.
SPECIAL = ["的", "克拉", "美國國務院", "駐聯合國大使", "ＵＮ", "UN", "中國", "，", "台灣黑熊", "不存在的詞"]


@pytest.fixture(scope="module")
def crawl(seed_docs):
    """The seed page twice, the second copy as another page whose texts repeat the first's (recycled)."""
    copy = seed_docs.assign(doc_id=seed_docs["doc_id"] + "-b", page_id=seed_docs["page_id"] + "-b")
    return pd.concat([seed_docs, copy], ignore_index=True)


@pytest.fixture(scope="module")
def hit_index(seed_docs):
    return HitIndex(seed_docs)


def _sample_terms(docs: pd.DataFrame, every: int = 7) -> list[str]:
    freq = term_frequencies(docs)
    return [*freq["term"].iloc[::every], *SPECIAL]


def test_hits_are_kwic_lines_per_document(seed_docs, hit_index):
    for term in _sample_terms(seed_docs):
        lines = kwic(seed_docs, term).groupby("doc_id").size()
        per_doc = pd.Series(hit_index.hits(term), index=hit_index.doc_ids)
        assert per_doc[per_doc > 0].sort_index().to_dict() == lines.sort_index().to_dict(), term


def test_hits_count_each_distinct_text_once(crawl):
    index = HitIndex(crawl)
    assert len(index.doc_ids) == crawl["content_id"].nunique()
    assert index.hits("克拉夫特").sum() == len(kwic(crawl, "克拉夫特")) > 0


@pytest.mark.parametrize("seed", range(3))
def test_hits_are_kwic_lines_on_random_texts(monkeypatch, seed):
    """Overlapping repeats (哈哈 in 哈哈哈), line breaks in texts and patterns, full-width letters, characters
    that fold to several (… to ...), titles shared by several documents, empty fields, and the index built a
    few fields at a time."""
    monkeypatch.setattr(indexes, "BLOCK_FIELDS", 3)
    rng = np.random.default_rng(seed)
    words = ["哈", "哈哈", "台灣", "ＵＮ", "UN", "\n", "美國", "。", " ", "中國時報", "中國", "說", "…", "㈱"]
    texts = ["".join(rng.choice(words, size=rng.integers(0, 30))) for _ in range(37)]
    texts += ["UN UN UN", "台灣台灣台灣。", "說哈哈哈哈"]  # whole-term hits that overlap: kwic takes the first
    titles = rng.choice(["", "台灣", "美國說", "哈哈哈"], size=40)
    content = [f"c{k % 35 if k < 37 else k}" for k in range(40)]  # two copies among the random texts
    docs = pd.DataFrame({"doc_id": [f"d{k}" for k in range(40)], "content_id": content, "title": titles, "text": texts})
    index = HitIndex(docs)
    patterns = ["哈", "哈哈", "台灣", "UN", "ＵＮ", "\n", "國", "中國", "灣\n美", "。\n", "說台灣", "UN UN", "台灣台灣",
                "...", "(株)", "…台灣"]
    for pattern in patterns:
        lines = kwic(docs, pattern).groupby("doc_id").size()
        per_doc = pd.Series(index.hits(pattern), index=index.doc_ids)
        assert per_doc[per_doc > 0].sort_index().to_dict() == lines.sort_index().to_dict(), pattern


def test_an_empty_pattern_is_refused(hit_index):
    with pytest.raises(ValueError, match="empty"):
        hit_index.hits("")


@pytest.mark.parametrize("select", ["all", "related", "article", "2021-01", "every third"])
def test_group_frequencies_are_term_frequencies(crawl, select):
    counts = TermCounts(crawl)
    month = crawl["published"].dt.strftime("%Y-%m")
    mask = {"all": np.ones(len(crawl), dtype=bool), "related": (crawl["kind"] == "related").to_numpy(),
            "article": (crawl["kind"] == "article").to_numpy(), "2021-01": (month == "2021-01").to_numpy(),
            "every third": np.arange(len(crawl)) % 3 == 0}[select]
    want = term_frequencies(crawl[mask])[["term", "count", "documents"]].sort_values("term", ignore_index=True)
    got = counts.frequencies(mask).sort_values("term", ignore_index=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_totals_rank_terms_by_their_count_over_distinct_texts(seed_docs):
    totals = TermCounts(seed_docs).totals()
    freq = term_frequencies(seed_docs)
    assert totals.to_dict() == dict(zip(freq["term"], freq["count"]))
    assert totals.is_monotonic_decreasing and totals.index[0] == freq["term"].iloc[0]


def test_group_codes_select_each_value_and_order_them():
    group = indexes.GroupCodes.of(pd.Series(["2021-01", None, "2020-09", "2021-01"]))
    assert group.ordered(by_value=True) == ["", "2020-09", "2021-01"]
    assert group.ordered(by_value=False) == ["2021-01", "", "2020-09"]  # most frequent first, ties as they came
    assert group.mask("").tolist() == [False, True, False, False]
    assert not group.mask("1999-01").any() and group.count("1999-01") == 0
