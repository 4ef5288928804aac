"""Actors together, over time and by group (analysis.comention), on mention tables written by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.comention import (actor_frequencies, actor_keyness, actor_network, actor_timeline,
                                plot_actor_timeline, speakers)
from analysis.comparison import keyness


@pytest.fixture
def docs():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c"], "kind": ["article", "related", "related"],
        "content_id": ["1", "2", "3"], "title": ["", "", ""], "text": ["x", "y", "z"],
        "published": pd.to_datetime(["2020-09-17", "2020-11-02", "2020-11-20"]),
    })


@pytest.fixture
def mentions():
    rows = [  # doc, field, sentence, actor, type
        ("a", "title", 0, "蔡英文", "person"), ("a", "title", 0, "美國", "place"),
        ("a", "text", 0, "蔡英文", "person"), ("a", "text", 0, "蔡英文", "person"),  # twice in one sentence
        ("a", "text", 0, "美國", "place"), ("a", "text", 1, "中國", "place"),
        ("b", "text", 0, "蔡英文", "person"), ("b", "text", 0, "中國", "place"),
        ("c", "text", 0, "外交部", "organisation"),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "field", "sentence", "actor", "type"])


def test_actor_frequencies_count_mentions_and_documents(docs, mentions):
    f = actor_frequencies(docs, mentions=mentions)
    assert f[["term", "type", "count", "documents"]].values.tolist() == [
        ["蔡英文", "person", 4, 2], ["中國", "place", 2, 2], ["美國", "place", 2, 1], ["外交部", "organisation", 1, 1]]
    assert math.isclose(f["share"].sum(), 1.0)
    assert actor_frequencies(docs, mentions=mentions, types=["organisation"])["term"].tolist() == ["外交部"]


def test_actor_network_by_sentence_counts_each_actor_once_per_unit(docs, mentions):
    edges = actor_network(docs, mentions=mentions)
    by_pair = {(s, t): n for s, t, n in edges[["source", "target", "count"]].itertuples(index=False)}
    # units: a/title/0 {蔡英文, 美國}; a/text/0 {蔡英文, 美國}; a/text/1 {中國}; b/text/0 {蔡英文, 中國}; c {外交部}
    assert by_pair == {("蔡英文", "美國"): 2, ("蔡英文", "中國"): 1}
    row = edges.set_index(["source", "target"]).loc[("蔡英文", "美國")]
    # logDice: 14 + log2(2 * 2 / (3 + 2)), 蔡英文 in 3 units, 美國 in 2
    assert math.isclose(row["logdice"], 14 + math.log2(4 / 5))
    assert (row["source_type"], row["target_type"]) == ("person", "place")


def test_actor_network_by_document(docs, mentions):
    edges = actor_network(docs, mentions=mentions, unit="document", measure="count")
    by_pair = {(s, t): n for s, t, n in edges[["source", "target", "count"]].itertuples(index=False)}
    # 中國 and 蔡英文 are both in two documents; ties go by name, so 中國 is the source
    assert by_pair == {("中國", "蔡英文"): 2, ("蔡英文", "美國"): 1, ("中國", "美國"): 1}
    assert edges["weight"].tolist() == edges["count"].astype(float).tolist()


def test_actor_network_min_count_and_top(docs, mentions):
    assert actor_network(docs, mentions=mentions, min_count=2)["target"].tolist() == ["美國"]
    assert actor_network(docs, mentions=mentions, top=2)[["source", "target"]].values.tolist() == [["蔡英文", "中國"]]


@pytest.mark.parametrize("kwargs, message", [
    ({"unit": "paragraph"}, "unit must be"), ({"measure": "pmi"}, "measure must be"),
    ({"types": ["party"]}, "unknown actor type"),
])
def test_actor_network_rejects_bad_options(docs, mentions, kwargs, message):
    with pytest.raises(ValueError, match=message):
        actor_network(docs, mentions=mentions, **kwargs)


def test_actor_timeline_counts_documents_per_period(docs, mentions):
    t = actor_timeline(docs, mentions=mentions, names=["蔡英文", "外交部"])
    assert t["period"].dt.strftime("%Y-%m").unique().tolist() == ["2020-09", "2020-10", "2020-11"]
    tsai = t[t["actor"] == "蔡英文"]["documents"].tolist()
    assert tsai == [1, 0, 1] and t[t["actor"] == "外交部"]["documents"].tolist() == [0, 0, 1]
    assert t.drop_duplicates("period")["period_documents"].tolist() == [1, 0, 2]
    # 中國 and 蔡英文 are both named in two documents; ties go by name
    assert actor_timeline(docs, mentions=mentions, top=1)["actor"].unique().tolist() == ["中國"]


def test_plot_actor_timeline_draws_one_line_per_actor(docs, mentions):
    fig = plot_actor_timeline(actor_timeline(docs, mentions=mentions, top=2))
    assert sorted(line.get_label() for line in fig.axes[0].get_lines()) == ["中國", "蔡英文"]


def test_actor_keyness_is_keyness_on_actor_counts(docs, mentions):
    key = actor_keyness(docs, "related", by="kind", mentions=mentions)
    assert set(key["term"]) == {"蔡英文", "美國", "中國", "外交部"}
    row = key.set_index("term").loc["美國"]
    assert (row["target_count"], row["reference_count"]) == (0, 2)
    assert key.attrs["target"] == "related" and key.attrs["reference"] == "article"
    assert key.attrs["target_total"] == 3 and key.attrs["reference_total"] == 6
    # the same columns as term keyness
    term_docs = docs.assign(text=["台灣。美國。", "美國。日本。", "日本。"])
    assert list(key.columns) == list(keyness(term_docs, "related", by="kind").columns)


def test_actor_keyness_needs_actors_on_both_sides(docs, mentions):
    with pytest.raises(ValueError, match="names no actor"):
        actor_keyness(docs, "related", by="kind", mentions=mentions[mentions["doc_id"] == "a"])


def test_speakers_counts_each_speaker_as_a_loop_over_speakers_would():
    rng = np.random.default_rng(4)
    n = 400
    quotes = pd.DataFrame({"doc_id": rng.choice(["d1", "d2", "d3", "d4"], size=n),
                           "speaker": rng.choice(["蔡英文", "王永慶", "中天", ""], size=n),
                           "speaker_type": rng.choice(["person", "organisation"], size=n),
                           "cue": rng.choice(["表示", "說", "指出", "認為", "呼籲"], size=n),
                           "kind": rng.choice(["voice", "quotation", "reported"], size=n)})
    table = speakers(quotes, top_cues=2)
    for row in table.itertuples(index=False):
        part = quotes[(quotes["speaker"] == row.speaker) & (quotes["speaker_type"] == row.speaker_type)]
        counts = sorted(part["cue"].value_counts().items(), key=lambda cn: (-cn[1], cn[0]))[:2]
        assert (row.quotes, row.documents) == (len(part), part["doc_id"].nunique())
        assert (row.voice, row.quotation, row.reported) == tuple(int((part["kind"] == k).sum())
                                                                  for k in ("voice", "quotation", "reported"))
        assert row.cues == "、".join(f"{c} {k}" for c, k in counts)
    assert len(table) == len(quotes.groupby(["speaker", "speaker_type"])) and table["speaker"].iloc[-1] == ""
    assert table[table["speaker"] != ""]["quotes"].is_monotonic_decreasing


def test_speakers_when_no_speaker_is_named_is_the_empty_table():
    q = pd.DataFrame({"speaker": [None, None], "speaker_type": [None, None], "doc_id": ["a", "b"],
                      "kind": ["quotation", "reported"], "cue": ["說", "表示"]})
    pd.testing.assert_frame_equal(speakers(q), speakers(q.iloc[:0]))
