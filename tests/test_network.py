"""Co-occurrence networks: counts and logDice checked by hand, sparse counting, deterministic tables and figures."""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import scipy.sparse as sp

from analysis import document_terms, save_figure, term_frequencies, terms, write_csv
from analysis.network import cooccurrence_network, incidence_matrix, network_nodes, plot_network
from analysis.tables import distinct


def _docs(texts, content_ids=None):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(1, len(texts) + 1)], "title": "", "text": texts})
    if content_ids is not None:
        docs["content_id"] = content_ids
    return docs


# Document mode. Each text segments into exactly the terms written (checked in the first test):
#   d1 台灣 美國 中國 | d2 台灣 美國 | d3 台灣 中國 | d4 台灣 美國 日本 | d5 日本 | d6 a copy of d1 (same content_id)
# Distinct documents holding each term: 台灣 4, 美國 3, 中國 2, 日本 2 (d6 left out: unique=True).
# Pairs: 台灣-美國 3 (d1 d2 d4), 台灣-中國 2 (d1 d3), 台灣-日本 1, 美國-中國 1, 美國-日本 1, 中國-日本 0.
# logDice = 14 + log2(2 f_xy / (f_x + f_y)):
#   台灣-美國 14 + log2(6/7) = 13.777608    台灣-中國 14 + log2(4/6) = 13.415037
#   美國-中國 14 + log2(2/5) = 12.678072    美國-日本 14 + log2(2/5) = 12.678072    台灣-日本 14 + log2(2/6) = 12.415037
# Term order (term_frequencies: count, then term): 台灣 4, 美國 3, 中國 2, 日本 2 (中 U+4E2D before 日 U+65E5).
HAND = _docs(["台灣，美國，中國", "台灣，美國", "台灣，中國", "台灣，美國，日本", "日本", "台灣，美國，中國"],
             content_ids=["a", "b", "c", "d", "e", "a"])


def _rows(edges, measure="logdice"):
    table = edges[["source", "target", "count", measure]]
    return [(s, t, c, round(w, 6)) for s, t, c, w in table.itertuples(index=False)]


def test_hand_corpus_segments_as_written():
    assert document_terms(HAND).tolist() == [["台灣", "美國", "中國"], ["台灣", "美國"], ["台灣", "中國"],
                                             ["台灣", "美國", "日本"], ["日本"], ["台灣", "美國", "中國"]]


def test_document_mode_counts_and_logdice_by_hand():
    edges = cooccurrence_network(HAND)  # min_count=2
    assert list(edges.columns) == ["source", "target", "count", "weight", "logdice", "source_frequency",
                                   "target_frequency"]
    assert _rows(edges) == [("台灣", "美國", 3, 13.777608), ("台灣", "中國", 2, 13.415037)]
    assert edges["weight"].tolist() == edges["logdice"].tolist()
    assert edges[["source_frequency", "target_frequency"]].values.tolist() == [[4, 3], [4, 2]]
    assert edges.loc[0, "logdice"] == pytest.approx(14 + math.log2(6 / 7))


def test_min_count_keeps_the_rarer_pairs_and_orders_ties_by_target():
    edges = cooccurrence_network(HAND, min_count=1)
    assert _rows(edges) == [("台灣", "美國", 3, 13.777608), ("台灣", "中國", 2, 13.415037),
                            ("美國", "中國", 1, 12.678072), ("美國", "日本", 1, 12.678072),
                            ("台灣", "日本", 1, 12.415037)]
    assert cooccurrence_network(HAND, min_count=4).empty
    assert len(cooccurrence_network(HAND, min_count=3)) == 1


def test_unique_false_counts_every_copy():
    # d6 counted: 台灣 5, 美國 4, 中國 3; 台灣-美國 4 -> 14 + log2(8/9) = 13.830075,
    # 台灣-中國 3 -> 14 + log2(6/8) = 13.584963, 美國-中國 2 -> 14 + log2(4/7) = 13.192645.
    edges = cooccurrence_network(HAND, unique=False)
    assert _rows(edges) == [("台灣", "美國", 4, 13.830075), ("台灣", "中國", 3, 13.584963),
                            ("美國", "中國", 2, 13.192645)]


def test_count_measure():
    edges = cooccurrence_network(HAND, min_count=1, measure="count")
    assert list(edges.columns) == ["source", "target", "count", "weight", "source_frequency", "target_frequency"]
    assert edges["weight"].tolist() == [3.0, 2.0, 1.0, 1.0, 1.0]
    assert edges[["source", "target"]].values.tolist()[2:] == [["台灣", "日本"], ["美國", "中國"], ["美國", "日本"]]


def test_top_keeps_the_most_frequent_terms():
    edges = cooccurrence_network(HAND, top=2, min_count=1)
    assert _rows(edges) == [("台灣", "美國", 3, 13.777608)]


def test_terms_restrict_the_nodes_and_set_their_order():
    # Given order: 美國 before 台灣, so 美國 is the source; 中國 is not a node, so its pairs are gone.
    edges = cooccurrence_network(HAND, terms=["美國", "台灣", "日本", "美國", "黑熊"], min_count=1)
    assert _rows(edges) == [("美國", "台灣", 3, 13.777608), ("美國", "日本", 1, 12.678072),
                            ("台灣", "日本", 1, 12.415037)]
    assert cooccurrence_network(HAND, terms=["黑熊"], min_count=1).empty
    assert _rows(cooccurrence_network(HAND, terms=["台灣", "美國"], top=1)) == [("台灣", "美國", 3, 13.777608)]


# Window mode: window=w makes spans of w + 1 consecutive terms of a title or a text; a shorter one is one span.
# (The titles here are empty: an empty span, which holds no term and changes no count.)
#   A 台灣 美國 中國 日本 | B 美國 台灣 | C 日本
# window=1: spans A[台灣 美國] A[美國 中國] A[中國 日本] B[美國 台灣] C[日本]: 5 units.
#   Spans holding each term: 台灣 2, 美國 3, 中國 2, 日本 2.
#   台灣-美國 2 -> 14 + log2(4/5) = 13.678072; 中國-日本 1 -> 14 + log2(2/4) = 13.0;
#   美國-中國 1 -> 14 + log2(2/5) = 12.678072; 台灣-中國 are 2 terms apart in A: no edge (1 in document mode).
#   Term order by count then term: 台灣 2, 日本 2, 美國 2, 中國 1, so 日本 is the source of 日本-中國.
# window=2: spans A[台灣 美國 中國] A[美國 中國 日本] B[美國 台灣] C[日本]: 4 units.
#   台灣 2, 美國 3, 中國 2, 日本 2; 台灣-美國 2 and 美國-中國 2 -> 14 + log2(4/5) = 13.678072;
#   台灣-中國 1, 日本-中國 1 -> 14 + log2(2/4) = 13.0; 日本-美國 1 -> 14 + log2(2/5) = 12.678072.
SPANS = _docs(["台灣，美國，中國，日本", "美國，台灣", "日本"])


def test_window_mode_by_hand():
    assert _rows(cooccurrence_network(SPANS, window=1, min_count=1)) == [
        ("台灣", "美國", 2, 13.678072), ("日本", "中國", 1, 13.0), ("美國", "中國", 1, 12.678072)]
    assert _rows(cooccurrence_network(SPANS, window=2, min_count=1)) == [
        ("台灣", "美國", 2, 13.678072), ("美國", "中國", 2, 13.678072), ("台灣", "中國", 1, 13.0),
        ("日本", "中國", 1, 13.0), ("日本", "美國", 1, 12.678072)]


def test_document_mode_differs_from_window_mode():
    whole = cooccurrence_network(SPANS, min_count=1)
    pairs = set(zip(whole["source"], whole["target"]))
    assert ("台灣", "中國") in pairs and ("台灣", "日本") in pairs  # same document, 2 and 3 terms apart
    near = cooccurrence_network(SPANS, window=1, min_count=1)
    assert not {("台灣", "中國"), ("台灣", "日本")} & set(zip(near["source"], near["target"]))


def test_spans_never_cross_from_the_title_into_the_text():
    docs = pd.DataFrame({"title": ["台灣"], "text": ["美國"]})
    assert cooccurrence_network(docs, window=1, min_count=1).empty
    assert _rows(cooccurrence_network(docs, min_count=1)) == [("台灣", "美國", 1, 14.0)]


def test_a_repeated_term_counts_once_per_span_and_never_pairs_with_itself():
    # 台灣 台灣 美國, window=1: spans [台灣 台灣] [台灣 美國]; 台灣 2, 美國 1, pair 1 -> 14 + log2(2/3) = 13.415037.
    edges = cooccurrence_network(_docs(["台灣台灣美國"]), window=1, min_count=1)
    assert _rows(edges) == [("台灣", "美國", 1, 13.415037)]
    assert edges[["source_frequency", "target_frequency"]].values.tolist() == [[2, 1]]


def test_incidence_is_sparse_and_restricted_to_the_chosen_terms():
    lists = document_terms(SPANS).tolist()
    X = incidence_matrix(lists, terms=["台灣", "中國"], window=1)
    assert isinstance(X, sp.csr_matrix) and X.shape == (5, 2)
    product = X.T @ X
    assert sp.issparse(product) and product.shape == (2, 2)
    assert product.toarray().tolist() == [[2, 0], [0, 2]]
    whole = incidence_matrix(lists, terms=["台灣", "美國", "中國", "日本"])
    assert whole.shape == (3, 4) and whole.toarray().tolist() == [[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 0, 1]]


def test_bad_options_raise():
    with pytest.raises(ValueError, match="measure must be one of logdice, count"):
        cooccurrence_network(HAND, measure="mi")
    with pytest.raises(ValueError, match="window must be None"):
        cooccurrence_network(HAND, window=0)
    with pytest.raises(ValueError, match="layout must be one of"):
        plot_network(cooccurrence_network(HAND), layout="random")


def test_network_nodes():
    nodes = network_nodes(cooccurrence_network(HAND, min_count=1))
    # logDice sums: 台灣 13.777608 + 13.415037 + 12.415037; 美國 13.777608 + 12.678072 * 2; ...
    assert nodes[["term", "frequency", "degree"]].values.tolist() == [["台灣", 4, 3], ["美國", 3, 3], ["中國", 2, 2],
                                                                      ["日本", 2, 2]]
    assert nodes.loc[0, "strength"] == pytest.approx(13.777608 + 13.415037 + 12.415037, abs=1e-5)
    bare = network_nodes(pd.DataFrame({"source": ["甲"], "target": ["乙"], "weight": [1.0]}))
    assert bare["frequency"].isna().all() and bare["degree"].tolist() == [1, 1]


# -- the seed corpus ------------------------------------------------------------------------------------------------

def test_seed_network_edges_are_among_the_top_terms_and_counts_are_documents(seed_docs):
    edges = cooccurrence_network(seed_docs)
    top = set(term_frequencies(seed_docs)["term"].head(30))
    assert len(edges) > 0 and set(edges["source"]) | set(edges["target"]) <= top
    held = [set(ts) for ts in document_terms(distinct(seed_docs))]
    for s, t, c, fs, ft in edges[["source", "target", "count", "source_frequency",
                                  "target_frequency"]].itertuples(index=False):
        assert c == sum(s in h and t in h for h in held), (s, t)
        assert (fs, ft) == (sum(s in h for h in held), sum(t in h for h in held))
    documents = term_frequencies(seed_docs).set_index("term")["documents"]
    nodes = network_nodes(edges)
    assert nodes["frequency"].tolist() == documents[nodes["term"]].tolist()
    assert (edges["count"] >= 2).all() and (edges["logdice"] <= 14).all()
    assert list(edges.index) == list(edges.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                                                       kind="mergesort").index)


def test_seed_window_counts_match_a_brute_force_count(seed_docs):
    edges = cooccurrence_network(seed_docs, window=5)
    kept = distinct(seed_docs)
    lists = [terms(t) for col in ("title", "text") for t in kept[col].fillna("")]  # each field on its own
    spans = [set(ts[i:i + 6]) for ts in lists for i in range(max(1, len(ts) - 5))]
    assert len(edges) > 0
    for s, t, c, fs in edges[["source", "target", "count", "source_frequency"]].itertuples(index=False):
        assert (c, fs) == (sum(s in u and t in u for u in spans), sum(s in u for u in spans)), (s, t)


def test_tables_are_deterministic(seed_docs, tmp_path):
    first, second = cooccurrence_network(seed_docs, window=3), cooccurrence_network(seed_docs, window=3)
    pd.testing.assert_frame_equal(first, second)
    a, b = write_csv(first, tmp_path / "a.csv"), write_csv(second, tmp_path / "b.csv")
    assert a.read_bytes() == b.read_bytes() and a.read_bytes().startswith(b"\xef\xbb\xbfsource,target,count")


# -- the figure -----------------------------------------------------------------------------------------------------

def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 'Glyph ... missing from font(s)' becomes an error
        fig.canvas.draw()
    plt.close(fig)


@pytest.mark.parametrize("layout", ["spring", "kamada_kawai", "circular"])
def test_figure_renders_every_label(seed_docs, layout):
    edges = cooccurrence_network(seed_docs)
    fig = plot_network(edges, layout=layout)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == sorted(network_nodes(edges)["term"])
    _render(fig)


def test_top_edges_draws_the_heaviest(seed_docs):
    edges = cooccurrence_network(seed_docs)
    fig = plot_network(edges, top_edges=5, title="台灣黑熊")
    heaviest = set(edges["source"][:5]) | set(edges["target"][:5])
    assert sorted(t.get_text() for t in fig.axes[0].texts) == sorted(heaviest)
    assert len(heaviest) < len(network_nodes(edges))
    assert fig.axes[0].get_title() == "台灣黑熊"
    _render(fig)


def test_figure_without_edges_or_frequencies():
    fig = plot_network(cooccurrence_network(HAND, min_count=9))
    assert [t.get_text() for t in fig.axes[0].texts] == ["no edges"]
    _render(fig)
    fig = plot_network(pd.DataFrame({"source": ["台灣"], "target": ["美國"], "weight": [3.0]}))
    assert "node size: degree" in fig.get_supxlabel()
    _render(fig)


def test_saved_figures_are_byte_identical(seed_docs, tmp_path):
    paths = []
    for run in ("a", "b"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            paths.append(save_figure(plot_network(cooccurrence_network(seed_docs)), tmp_path / run / "network"))
    for p, q in zip(*paths):
        assert p.read_bytes() == q.read_bytes()
    assert sorted(x.suffix for x in paths[0]) == [".png", ".svg"]
