"""Text reuse: pairs that share a passage word for word."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import text_reuse
from tests.conftest import title_of

LEAD = "美國國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪台"
DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"], "title": ["甲", "乙", "丙", "丁"], "content_id": ["1", "2", "3", "4"],
    "text": [LEAD + "。", "據報導，" + LEAD[:10] + " " + LEAD[10:] + "。", "台灣黑熊布偶進入聯合國總部。", ""],
})


def test_text_reuse_finds_the_repeated_lead(seed_docs):
    reuse = text_reuse(seed_docs, min_chars=15)
    top = reuse.iloc[0]
    art, item = seed_docs["doc_id"].iloc[0], title_of(seed_docs, "美駐UN大使會台代表")
    assert (top["doc_a"], top["doc_b"], top["share_of_shorter"]) == (art, item, 1.0)
    assert top["passage"] == "".join(seed_docs["text"].iloc[1].split())
    lead = "美台關係再升溫!美國國務卿蓬佩奧"
    pair = {title_of(seed_docs, "外交部:與AIT協調中"), title_of(seed_docs, "讚台可靠夥伴")}
    shared = reuse[reuse.apply(lambda r: {r.doc_a, r.doc_b} == pair, axis=1)]
    assert len(shared) == 1 and shared["shared_chars"].iloc[0] >= 60
    assert "美國駐聯合國大使克拉夫特,將訪問台灣。蓬佩奧說" in shared["passage"].iloc[0]
    texts = seed_docs.set_index("doc_id")["text"]
    assert all(texts[d].startswith(lead) for d in pair)


def test_shared_passage_ignores_whitespace_and_measures_the_shorter_text():
    reuse = text_reuse(DOCS, min_chars=10)
    assert reuse.columns.tolist() == ["doc_a", "doc_b", "shared_chars", "share_of_shorter", "passage"]
    assert reuse.values.tolist() == [["a", "b", len(LEAD) + 1, 1.0, LEAD + "。"]]


@pytest.mark.parametrize("min_chars, pairs", [(len(LEAD) + 1, [("a", "b")]), (len(LEAD) + 2, [])])
def test_min_chars(min_chars, pairs):
    got = text_reuse(DOCS, min_chars=min_chars)
    assert list(zip(got["doc_a"], got["doc_b"])) == pairs


def test_candidates_limit_the_comparisons():
    none = pd.DataFrame({"doc_a": ["a", "c", "a"], "doc_b": ["c", "d", "d"]})  # an empty text is skipped
    assert text_reuse(DOCS, candidates=none, min_chars=5).empty
    given = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"]})
    assert text_reuse(DOCS, candidates=given, min_chars=10)["doc_b"].tolist() == ["b"]


def test_sorted_longest_first(seed_docs):
    reuse = text_reuse(seed_docs, min_chars=15)
    assert reuse["shared_chars"].is_monotonic_decreasing
    assert ((reuse["share_of_shorter"] > 0) & (reuse["share_of_shorter"] <= 1)).all()
