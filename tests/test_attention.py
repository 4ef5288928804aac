"""Kleinberg's burst model: a hand-worked case, planted bursts, the seed page and the figure."""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from analysis import bursts, plot_bursts
from analysis.attention import BURST_COLUMNS, binomial_costs, burst_states, poisson_costs, viterbi

# -- the hand-worked case ------------------------------------------------------------------------------------
# Six periods of d = 10 documents; the item is in r = 1, 1, 6, 7, 1, 1 of them (R = 17 of D = 60).
# Two states (levels=1), s = 2: p0 = 17/60 = 0.28333, p1 = 34/60 = 0.56667.
# The binomial coefficient is the same in both states, so a period's cost difference is
#   sigma0 - sigma1 = r ln(p1/p0) + (d - r) ln((1 - p1)/(1 - p0)) = r ln 2 + (10 - r) ln(26/43)
#   with ln 2 = 0.6931472 and ln(26/43) = -0.5031036:
#   r = 1: 1 * 0.6931472 - 9 * 0.5031036 = -3.834785  (the base state is cheaper)
#   r = 6: 6 * 0.6931472 - 4 * 0.5031036 =  2.146469  (state 1 is cheaper)
#   r = 7: 7 * 0.6931472 - 3 * 0.5031036 =  3.342720
# Periods 3 and 4 in state 1 save 2.146469 + 3.342720 = 5.489188 (Kleinberg's weight of the burst).
# Climbing one level costs gamma ln 6 = gamma * 1.791759 (coming down is free), so the burst is worth it
# while gamma * 1.791759 < 5.489188, i.e. gamma < 3.0636: path 0 0 1 1 0 0 at gamma = 3, all 0 at 3.1.
# Keeping period 5 in state 1 as well would cost 3.834785 more: never cheaper.
R = [1, 1, 6, 7, 1, 1]
D = [10] * 6


def test_hand_worked_costs():
    p0, p1 = 17 / 60, 34 / 60
    costs = binomial_costs(np.array([R]), np.array([D]), np.array([[p0, p1]]))[0]
    saved = costs[:, 0] - costs[:, 1]
    assert saved.tolist() == pytest.approx([-3.834785, -3.834785, 2.146469, 3.342720, -3.834785, -3.834785],
                                           abs=1e-6)
    # the cost itself, not only its difference: r = 1 of 10 at p0 is -ln(10 * p0 * (1 - p0)**9)
    assert costs[0, 0] == pytest.approx(-math.log(10 * p0 * (1 - p0) ** 9))


@pytest.mark.parametrize("gamma, path", [
    (1.0, [0, 0, 1, 1, 0, 0]),
    (3.0, [0, 0, 1, 1, 0, 0]),
    (3.1, [0, 0, 0, 0, 0, 0]),
])
def test_hand_worked_viterbi_path(gamma, path):
    assert burst_states(R, D, levels=1, gamma=gamma).tolist() == path


def test_hand_worked_weight_through_bursts():
    start = pd.Timestamp("2024-01-01")
    docs = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(60)],
        "published": [start + pd.Timedelta(days=t) for t in range(6) for _ in range(10)],
        "title": [("颱風" if j < r else "其他") for r in R for j in range(10)],
        "text": [""] * 60,
    })
    b = bursts(docs, by="term", items=["颱風"], freq="D", levels=1, segmenter=str.split)
    assert b[["item", "level", "periods", "count", "total"]].values.tolist() == [["颱風", 1, 2, 13, 20]]
    assert (b.loc[0, "start"], b.loc[0, "end"]) == (start + pd.Timedelta(days=2), start + pd.Timedelta(days=3))
    assert b.loc[0, "weight"] == pytest.approx(5.489188, abs=1e-6)
    assert b.loc[0, "baseline"] == pytest.approx(17 / 60, abs=1e-6)


def test_viterbi_pays_for_each_level_climbed():
    # one period where state 2 is cheaper than state 0 by 5: worth it when two levels cost 2 * 2 = 4, not 2 * 3
    costs = np.array([[[0, 0, 0], [5, 5, 0], [0, 0, 0]]], dtype=float)
    assert viterbi(costs, up=2.0).tolist() == [[0, 2, 0]]
    assert viterbi(costs, up=3.0).tolist() == [[0, 0, 0]]


def test_poisson_cost_is_the_negative_log_likelihood():
    assert poisson_costs(np.array([[3]]), np.array([[2.0]]))[0, 0, 0] == pytest.approx(
        -math.log(2.0 ** 3 * math.exp(-2.0) / 6))


@pytest.mark.parametrize("bad", [dict(s=1.0), dict(levels=0)])
def test_bad_parameters_raise(bad):
    with pytest.raises(ValueError):
        burst_states([1, 2, 3], **bad)


# -- planted bursts -------------------------------------------------------------------------------------------

def _planted_term_corpus(seed: int = 0) -> pd.DataFrame:
    """52 weeks of 40 documents; 颱風 in 5% of them, 40% in weeks 20 to 23."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2023-01-02")  # a Monday
    rows = []
    for week in range(52):
        share = 0.4 if 20 <= week <= 23 else 0.05
        for j in range(40):
            words = "颱風 天氣" if rng.random() < share else "天氣 新聞"
            rows.append({"doc_id": f"w{week}:{j}", "title": words, "text": "",
                         "published": start + pd.Timedelta(days=7 * week + j % 7)})
    return pd.DataFrame(rows)


def test_planted_term_burst_is_found_at_the_planted_weeks():
    docs = _planted_term_corpus()
    b = bursts(docs, by="term", freq="W", segmenter=str.split)
    assert b["item"].tolist() == ["颱風"]  # 天氣 is in every document, 新聞 dips but never bursts
    week = pd.Timestamp("2023-01-02") + pd.Timedelta(weeks=20)
    assert b.loc[0, "peak_start"] <= b.loc[0, "start"] + pd.Timedelta(weeks=1)
    assert b.loc[0, "start"] == week + pd.Timedelta(days=6)  # weeks are labelled by their Sunday
    assert b.loc[0, "periods"] == 4


def test_terms_are_counted_sparse_and_made_dense_a_chunk_at_a_time(monkeypatch):
    """A crawl's terms by periods stay a sparse matrix (period_counts' table is its dense transpose);
    bursts makes CHUNK items dense at a time, with the same bursts for any chunk."""
    from analysis import attention
    from analysis.attention import _period_matrix, period_counts

    docs = _planted_term_corpus()
    docs["title"] = docs["title"] + [f" 詞{i % 97}" for i in range(len(docs))]  # many terms, most rare
    counts, names, R = _period_matrix(docs, by="term", items=None, freq="W", mentions=None, stories=None,
                                      unique=True, userdict=None, segmenter=str.split)
    table = period_counts(docs, by="term", freq="W", segmenter=str.split)
    assert isinstance(R, sp.csr_matrix) and R.shape == (len(names), len(counts))
    assert table.columns[2:].tolist() == names and np.array_equal(table[names].to_numpy().T, R.toarray())
    whole = bursts(docs, by="term", freq="W", segmenter=str.split, top=50)
    monkeypatch.setattr(attention, "CHUNK", 3)
    pd.testing.assert_frame_equal(bursts(docs, by="term", freq="W", segmenter=str.split, top=50), whole)
    assert "颱風" in whole["item"].tolist()


def test_planted_volume_burst_is_found_by_documents():
    rng = np.random.default_rng(1)
    counts = rng.poisson(3, 60)
    counts[30:33] = [25, 30, 22]
    start = pd.Timestamp("2024-03-01")
    when = [start + pd.Timedelta(days=int(day)) for day, c in enumerate(counts) for _ in range(c)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(when))], "published": when,
                         "title": "x", "text": ""})
    b = bursts(docs, freq="D")
    assert len(b) == 1
    assert (b.loc[0, "start"], b.loc[0, "end"]) == (start + pd.Timedelta(days=30), start + pd.Timedelta(days=32))
    assert b.loc[0, "count"] == 77


def test_no_burst_in_a_flat_series():
    start = pd.Timestamp("2024-01-01")
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)], "title": "x", "text": "",
                         "published": [start + pd.Timedelta(days=i) for i in range(30)]})
    b = bursts(docs, freq="D")
    assert b.empty and list(b.columns) == list(BURST_COLUMNS)


def test_actor_and_story_tables_are_accepted():
    docs = _planted_term_corpus()
    holders = docs[docs["title"].str.contains("颱風")]
    mentions = pd.DataFrame({"doc_id": holders["doc_id"], "actor": "中央氣象署"})
    stories = pd.DataFrame({"doc_id": holders["doc_id"], "story_id": 7})
    by_actor = bursts(docs, by="actor", mentions=mentions)
    by_story = bursts(docs, by="story", stories=stories)
    assert by_actor["item"].tolist() == ["中央氣象署"] and by_story["item"].tolist() == ["7"]
    assert by_actor.loc[0, "start"] == by_story.loc[0, "start"]
    with pytest.raises(ValueError, match="stories="):
        bursts(docs, by="story")
    with pytest.raises(ValueError, match="story_id"):
        bursts(docs, by="story", stories=mentions)


def test_unique_counts_a_text_once():
    start = pd.Timestamp("2024-01-01")
    # one text a day for 20 days, and ten more copies of day 5's text on day 5
    when = [start + pd.Timedelta(days=i) for i in range(20)] + [start + pd.Timedelta(days=5)] * 10
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)], "title": "x", "text": "", "published": when,
                         "content_id": [f"c{i}" for i in range(20)] + ["c5"] * 10})
    assert bursts(docs, freq="D").empty  # each text once: a flat series
    as_crawled = bursts(docs, freq="D", unique=False)
    assert as_crawled[["start", "count"]].values.tolist() == [[start + pd.Timedelta(days=5), 11]]


# -- the seed page ---------------------------------------------------------------------------------------------

def test_seed_page_bursts_in_january_2021(seed_docs):
    """13 of the page's 20 items sit in January 2021: the volume's peak, at the highest level."""
    b = bursts(seed_docs, freq="MS")
    assert len(b) == 1
    row = b.iloc[0]
    assert (row["peak_start"], row["peak_end"]) == (pd.Timestamp("2021-01-01"), pd.Timestamp("2021-01-01"))
    assert row["level"] == 3
    nested = bursts(seed_docs, freq="MS", nested=True)
    top = nested[nested["level"] == nested["level"].max()].iloc[0]
    assert (top["start"], top["end"], top["count"]) == (pd.Timestamp("2021-01-01"), pd.Timestamp("2021-01-01"), 13)


def test_plot_bursts_draws_chinese(seed_docs):
    docs = _planted_term_corpus()
    for fig in (plot_bursts(seed_docs, freq="MS"),
                plot_bursts(docs, by="term", freq="W", segmenter=str.split)):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph fails
            fig.canvas.draw()
        plt.close(fig)
    fig = plot_bursts(docs, by="term", freq="W", segmenter=str.split)
    assert "颱風" in fig.axes[0].get_title()
    plt.close(fig)
