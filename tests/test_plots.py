"""Figures render Traditional Chinese: any missing-glyph warning fails the test."""

from __future__ import annotations

import warnings

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import (plot_similarity_heatmap, plot_timeline, plot_top_terms, save_figure, similarity_matrix,
                      term_frequencies)
from tests.conftest import svg_of


def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 'Glyph ... missing from font(s)' becomes an error
        fig.canvas.draw()
    plt.close(fig)


def test_the_check_catches_missing_glyphs():
    """Without a CJK font, the same rendering warns: the tests below can fail."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("台灣黑熊")
        with pytest.warns(UserWarning, match="missing from font"):
            fig.canvas.draw()
        plt.close(fig)


def test_top_terms_figure(seed_docs):
    _render(plot_top_terms(term_frequencies(seed_docs)))
    _render(plot_top_terms(term_frequencies(seed_docs, by="kind"), by="kind", top=10))


def test_heatmap_figure(seed_docs):
    labels = dict(zip(seed_docs["doc_id"], seed_docs["title"]))
    _render(plot_similarity_heatmap(similarity_matrix(seed_docs), labels=labels))


def test_timeline_figure(seed_docs):
    _render(plot_timeline(seed_docs))
    _render(plot_timeline(seed_docs, annotate=False, freq="QS"))


def test_a_crawl_s_timeline_is_an_image_in_the_svg(seed_docs, monkeypatch):
    import analysis.plots as plots

    few = svg_of(plot_timeline(seed_docs))
    monkeypatch.setattr(plots, "RASTER_POINTS", 5)  # the seed page's 21 documents count as many
    many = svg_of(plot_timeline(seed_docs))
    assert "<image" not in few and "<image" in many
    assert few.count("<use") > many.count("<use")  # the markers are no longer vector


def test_saved_figures_are_byte_identical(seed_docs, tmp_path):
    paths = []
    for run in ("a", "b"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            paths.append(save_figure(plot_timeline(seed_docs), tmp_path / run / "timeline"))
    for p, q in zip(*paths):
        assert p.read_bytes() == q.read_bytes()
    assert sorted(x.suffix for x in paths[0]) == [".png", ".svg"]


def test_lengths_figure(seed_docs):
    from analysis import document_lengths, plot_lengths

    lengths = document_lengths(seed_docs)
    labels = dict(zip(seed_docs["doc_id"], seed_docs["title"]))
    fig = plot_lengths(lengths, labels=labels, column="terms", width=6)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "terms counted"
    assert [t.get_text() for t in ax.get_yticklabels()][0] == seed_docs["title"].iloc[0][:5] + "…"
    assert [p.get_width() for p in ax.patches] == lengths["terms"].tolist()
    _render(fig)


def test_top_terms_are_the_most_frequent_first():
    freqs = pd.DataFrame({"term": ["乙", "甲", "丙", "丁"], "count": [5, 5, 9, 1]})
    fig = plot_top_terms(freqs, top=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["丙", "乙", "甲"]  # ties by term
    assert [p.get_width() for p in ax.patches] == [9, 5, 5]
    plt.close(fig)


def test_top_terms_panels_per_group():
    freqs = pd.DataFrame({"kind": ["related", "article", "x", "y", "z"], "term": list("甲乙丙丁戊"),
                          "count": [1, 2, 3, 4, 5]})
    fig = plot_top_terms(freqs, by="kind", max_panels=3)
    assert [ax.get_title() for ax in fig.axes] == ["kind = article", "kind = related", "kind = x"]
    plt.close(fig)


@pytest.mark.parametrize("annotate, n, cells", [(None, 3, 2), (False, 3, 0), (True, 3, 2)])
def test_heatmap_labels_and_cell_values(annotate, n, cells):
    m = pd.DataFrame([[1.0, 0.4, 0.05], [0.4, 1.0, 0.05], [0.05, 0.05, 1.0]], index=list("abc"), columns=list("abc"))
    fig = plot_similarity_heatmap(m, labels={"a": "美駐聯大使將訪台灣", "b": "蓬佩奧"}, width=4, annotate=annotate)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0. 美駐聯…", "1. 蓬佩奧", "2. c"]
    assert sorted(t.get_text() for t in ax.texts) == [".40"] * cells  # off the diagonal, 0.1 and up
    plt.close(fig)


def test_save_figure_formats_and_closing(tmp_path):
    fig = plot_top_terms(pd.DataFrame({"term": ["台灣"], "count": [41]}), top=1)
    paths = save_figure(fig, tmp_path / "sub" / "t", formats=("svg",), close=False)
    assert paths == [tmp_path / "sub" / "t.svg"] and plt.fignum_exists(fig.number)
    assert save_figure(fig, tmp_path / "t")[0].read_bytes().startswith(b"\x89PNG")
    assert not plt.fignum_exists(fig.number)


def test_save_figure_lays_out_once_and_gives_the_figure_back(tmp_path):
    """Every format is drawn with the first format's layout; a figure kept open keeps its layout engine."""
    fig = plot_top_terms(pd.DataFrame({"term": ["台灣", "美國"], "count": [41, 7]}), top=2)
    engine = fig.get_layout_engine()
    save_figure(fig, tmp_path / "t", formats=("png",), close=False)
    laid_out = [ax.get_position().bounds for ax in fig.axes]
    calls = []
    original = engine.execute
    engine.execute = lambda f: (calls.append(f), original(f))[1]
    save_figure(fig, tmp_path / "u", formats=("png", "svg", "pdf"), close=False)
    assert len(calls) == 1  # the layout was computed for the PNG only
    # laid out again for this PNG, from the first layout's positions: the same to the last bits or so (on some
    # processors the solver's second pass differs in the 16th digit)
    positions = [ax.get_position().bounds for ax in fig.axes]
    assert len(positions) == len(laid_out)
    assert all(bounds == pytest.approx(first, rel=1e-12, abs=1e-12) for bounds, first in zip(positions, laid_out))
    assert fig.get_layout_engine() is engine
    plt.close(fig)


def test_timeline_draws_each_distinct_text_once(seed_docs):
    """The figure agrees with timeline(): copies of a text are one point, unless unique=False."""
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")], ignore_index=True)
    points = [len(c.get_offsets()) for c in plot_timeline(doubled).axes[0].collections]
    assert sum(points) == len(seed_docs)
    every = [len(c.get_offsets()) for c in plot_timeline(doubled, unique=False).axes[0].collections]
    assert sum(every) == 2 * len(seed_docs)
    plt.close("all")
