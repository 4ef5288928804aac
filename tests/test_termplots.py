"""Figures of terms: what they draw, that Chinese renders (a missing glyph fails), byte-identical files."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.termlists import document_terms
from analysis.comparison import dispersion, keyness
from analysis.plots import save_figure
from analysis.termplots import plot_dispersion, plot_keyness

TERMS = ["台灣", "中共", "克拉夫特", "台灣黑熊", "不在語料的詞"]


def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 'Glyph ... missing from font(s)' becomes an error
        fig.canvas.draw()
    plt.close(fig)


def test_keyness_figure_draws_both_sides(seed_docs):
    key = keyness(seed_docs, "related", by="kind")
    fig = plot_keyness(key, top=5)
    ax = fig.axes[0]
    pos = key[key["log_likelihood"] > 0].head(5)
    # the reference's strongest five (ties by term, as on the target's side), the strongest at the bottom
    neg = key[key["log_likelihood"] < 0].sort_values(["log_likelihood", "term"]).head(5).iloc[::-1]
    assert [t.get_text() for t in ax.get_yticklabels()] == pos["term"].tolist() + neg["term"].tolist()
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(pos["log_ratio"].tolist() + neg["log_ratio"].tolist())
    assert ax.get_title() == "Keyness: related against article"
    assert "Log Ratio" in ax.get_xlabel() and "related" in ax.get_xlabel()
    assert len(ax.texts) == 10 and ax.texts[0].get_text().startswith("G²=")
    _render(fig)


def test_keyness_figure_marks_significance():
    table = pd.DataFrame({"term": ["甲", "乙", "丙"], "log_likelihood": [20.0, 3.0, -12.0],
                          "log_ratio": [2.0, 0.5, -1.0], "p_adjusted": [0.0001, 0.2, 0.004]})
    fig = plot_keyness(table, annotate=True, title="測試")
    ax = fig.axes[0]
    assert [p.get_hatch() for p in ax.patches] == [None, "///", None]  # 乙: not significant
    assert [t.get_text() for t in ax.texts] == ["G²=20.0***", "G²=3.0", "G²=-12.0**"]
    assert ax.get_title() == "測試"
    _render(fig)
    fig = plot_keyness(table, annotate=False, alpha=0.001)
    assert [p.get_hatch() for p in fig.axes[0].patches] == [None, "///", "///"] and not fig.axes[0].texts
    _render(fig)


def test_keyness_figure_with_nothing_to_draw():
    table = pd.DataFrame({"term": ["甲"], "log_likelihood": [0.0], "log_ratio": [0.0], "p_value": [1.0]})
    fig = plot_keyness(table)
    assert not fig.axes[0].patches and fig.axes[0].texts[0].get_text() == "no key terms"
    _render(fig)


def test_dispersion_figure_by_order(seed_docs):
    fig = plot_dispersion(seed_docs, TERMS)
    ax = fig.axes[0]
    # Each tick is the term's position in the corpus's terms, documents in corpus order.
    flat = [t for ts in document_terms(seed_docs) for t in ts]
    rows = [sorted(c.get_positions()) for c in ax.collections]
    assert rows == [[float(i) for i, t in enumerate(flat) if t == term] for term in TERMS]
    stats = dispersion(seed_docs, TERMS)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == f"台灣\nn={stats['count'][0]}, DP={stats['dp'][0]:.2f}"
    assert labels[-1] == "不在語料的詞\nn=0, DP=–"
    assert f"{len(flat)} counted terms" in ax.get_xlabel()
    _render(fig)


def test_dispersion_figure_by_date(seed_docs):
    docs = seed_docs.copy()
    docs.loc[docs.index[1], "published"] = pd.NaT
    fig = plot_dispersion(docs, TERMS[:3], by="date", title="依日期")
    ax = fig.axes[0]
    dated = docs.dropna(subset=["published"])
    counts = [len(c.get_positions()) for c in ax.collections]
    assert counts == dispersion(dated, TERMS[:3])["count"].tolist()
    assert "1 undated left out" in ax.get_xlabel() and ax.get_title() == "依日期"
    _render(fig)
    with pytest.raises(ValueError, match="order"):
        plot_dispersion(docs, "台灣", by="page")


def test_saved_figures_are_byte_identical(seed_docs, tmp_path):
    key = keyness(seed_docs, "related", by="kind")
    paths = []
    for run in ("a", "b"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            paths.append(save_figure(plot_keyness(key), tmp_path / run / "keyness")
                         + save_figure(plot_dispersion(seed_docs, TERMS, by="date"), tmp_path / run / "dispersion"))
    for p, q in zip(*paths):
        assert p.read_bytes() == q.read_bytes()
    assert sorted(x.suffix for x in paths[0]) == [".png", ".png", ".svg", ".svg"]
