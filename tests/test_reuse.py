"""Text reuse: pairs that share a passage word for word."""

from __future__ import annotations

import itertools
import random

import pandas as pd
import pytest

from analysis import reuse_candidates, text_reuse, wire_agency
from analysis.forking import map_inherited
from analysis.settings import options
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
    assert reuse.columns.tolist() == ["doc_a", "doc_b", "shared_chars", "share_of_shorter", "passage",
                                      "start_a", "end_a", "start_b", "end_b", "agency"]
    assert reuse.values.tolist() == [["a", "b", len(LEAD) + 1, 1.0, LEAD + "。", 0, len(LEAD) + 1,
                                      4, len(LEAD) + 6, ""]]
    b = DOCS["text"][1]
    assert b[4:len(LEAD) + 6] == LEAD[:10] + " " + LEAD[10:] + "。"  # the span as written, with its space


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


def test_spans_locate_the_passage_in_both_texts(seed_docs):
    texts = seed_docs.set_index("doc_id")["text"]
    for r in text_reuse(seed_docs, min_chars=15).itertuples():
        for doc, start, end in ((r.doc_a, r.start_a, r.end_a), (r.doc_b, r.start_b, r.end_b)):
            assert "".join(texts[doc][start:end].split()) == r.passage


@pytest.mark.parametrize("doc, agency", [
    ({"outlet": "中央社", "dateline": "（中央社記者王明台北25日電）", "text": "行政院今天表示。"}, "中央社"),
    ({"outlet": "", "dateline": "", "text": "（法新社巴黎3日電）法國總統表示。"}, "法新社"),
    ({"outlet": "", "dateline": "", "text": "美國總統表示，將訪問亞洲。（路透）"}, "路透社"),
    ({"outlet": "", "dateline": "", "text": "(AP)美國總統表示。"}, "美聯社"),
    ({"outlet": "", "dateline": "", "text": "（APEC峰會）美國總統表示。"}, ""),
    ({"outlet": "自由時報", "dateline": "〔記者王明／台北報導〕", "text": "中央社報導指出，美國總統表示。"}, ""),
])
def test_wire_agency(doc, agency):
    assert wire_agency(doc) == agency


def test_copies_of_a_wire_story_name_the_agency():
    wire = "（法新社華盛頓6日電）" + LEAD + "，並與總統會面。"
    docs = pd.DataFrame({"doc_id": ["copy", "wire", "other"], "title": ["甲", "乙", "丙"],
                         "content_id": ["1", "2", "3"], "outlet": ["自由時報", "", "聯合報"], "dateline": "",
                         "published": pd.to_datetime(["2021-01-08", "2021-01-07", "2021-01-08"]),
                         "text": ["據報導，" + LEAD + "。", wire, "台灣黑熊布偶進入聯合國總部，成為熱門話題。"]})
    reuse = text_reuse(docs, min_chars=10)
    assert reuse[["doc_a", "doc_b", "agency"]].values.tolist() == [["copy", "wire", "法新社"]]


def _planted(seed: int = 0, docs: int = 60, lengths=(20, 40, 60, 80, 120)):
    """Random texts over a small alphabet of Chinese characters, with passages copied between pairs."""
    rng = random.Random(seed)
    alphabet = "的國台美大使聯合訪問總統政府表示會面黑熊布偶外交部宣布合作民主"
    texts = ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(docs)]
    for k, length in enumerate(lengths * 3):
        a, b = rng.sample(range(docs), 2)
        start = rng.randrange(300 - length)
        passage = texts[a][start:start + length]
        at = rng.randrange(len(texts[b]))
        texts[b] = texts[b][:at] + (passage if k % 2 else " ".join([passage[:7], passage[7:]])) + texts[b][at:]
    return pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(docs)], "title": "",
                         "content_id": [str(i) for i in range(docs)], "text": texts})


def test_minhash_candidates_against_brute_force():
    """Every pair sharing 75 characters or more is found (recall 1.0 on this corpus); most of 40 to 74."""
    docs = _planted()
    every = pd.DataFrame(list(itertools.combinations(docs["doc_id"], 2)), columns=["doc_a", "doc_b"])
    truth = text_reuse(docs, candidates=every, min_chars=20)
    found = set(map(tuple, reuse_candidates(docs)[["doc_a", "doc_b"]].values.tolist()))
    long = set(map(tuple, truth.loc[truth["shared_chars"] >= 75, ["doc_a", "doc_b"]].values.tolist()))
    middle = set(map(tuple, truth.loc[truth["shared_chars"].between(40, 74), ["doc_a", "doc_b"]].values.tolist()))
    assert len(long) >= 6 and long <= found
    assert len(middle & found) >= len(middle) / 2
    assert len(found - long - middle) <= 2  # few candidates that share no long passage


def test_minhash_candidates_are_deterministic_and_seeded():
    docs = _planted(seed=1)
    first = reuse_candidates(docs)
    assert first.equals(reuse_candidates(docs))
    assert first.columns.tolist() == ["doc_a", "doc_b", "chunks"]
    assert (first["doc_a"] < first["doc_b"]).all()


def test_shingles_candidates_find_the_seed_pages_long_passages(seed_docs):
    shingles = text_reuse(seed_docs, candidates="shingles")
    neighbours = text_reuse(seed_docs)
    long = neighbours[neighbours["shared_chars"] >= 50]
    assert set(zip(long["doc_a"], long["doc_b"])) <= set(zip(shingles["doc_a"], shingles["doc_b"]))
    assert len(long) == 2
    with pytest.raises(ValueError, match="candidates must be"):
        text_reuse(seed_docs, candidates="everything")


def test_copies_are_not_candidates_of_each_other():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "content_id": ["1", "1"], "text": [LEAD * 3] * 2})
    assert reuse_candidates(docs).empty
    assert reuse_candidates(docs, unique=False)[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]


def test_offsets_are_those_of_the_characters_split_keeps():
    from analysis.reuse import _kept

    rng = random.Random(3)
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    for _ in range(200):
        text = "".join(rng.choice(spaces) if rng.random() < 0.3 else rng.choice("台灣a1，。") for _ in range(30))
        assert "".join(text[i] for i in _kept(text)) == "".join(text.split())


def test_pairs_are_aligned_in_blocks_here_or_in_workers(seed_docs, two_workers, monkeypatch):
    import analysis.reuse as reuse

    monkeypatch.setattr(options, "workers", 1)
    whole = text_reuse(seed_docs, min_chars=15)
    monkeypatch.setattr(reuse, "PAIR_BLOCK", 3)
    assert text_reuse(seed_docs, min_chars=15).equals(whole)  # blocks of three pairs, one after another
    monkeypatch.setattr(options, "workers", 2)
    monkeypatch.setattr(reuse, "MIN_FORKED_BLOCK", 1)
    calls = []
    monkeypatch.setattr(reuse, "map_inherited", lambda *a, **k: calls.append(len(a[1])) or map_inherited(*a, **k))
    assert text_reuse(seed_docs, min_chars=15).equals(whole)  # blocks of three pairs, two workers
    assert calls[0] >= 3 and len(whole) >= 5


@pytest.mark.filterwarnings("ignore:Parsing dates in %d/%m/%Y format")  # pandas guessing, as asked
def test_dates_are_read_as_one_column_and_lone_surrogates_kept():
    """A text column of dates is parsed whole, as one column (its format guessed from all of it), not
    block by block of pairs; a lone surrogate in an object column is a character like another."""
    lead = "美國國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪台"
    docs = pd.DataFrame({"doc_id": ["x", "a", "b"],
                         "text": pd.Series(["無關", "（中央社）" + lead, lead + "\ud800（路透）"], dtype=object),
                         "published": ["13/02/2020", "01/03/2020", "02/01/2020"]})
    pairs = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"]})
    reuse = text_reuse(docs, candidates=pairs, min_chars=5)
    assert reuse["agency"].tolist() == ["路透社"]  # b, 2 January, is the earlier (day first, from 13/02)
    assert reuse["passage"].tolist() == [lead]
