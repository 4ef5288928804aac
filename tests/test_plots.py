"""Figures render Traditional Chinese: any missing-glyph warning fails the test."""

from __future__ import annotations

import warnings

import matplotlib
import matplotlib.pyplot as plt
import pytest

from analysis import (plot_similarity_heatmap, plot_timeline, plot_top_terms, save_figure, similarity_matrix,
                      term_frequencies)
from analysis.fonts import PROBE, _covers, cjk_font


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


def test_cjk_font_covers_traditional_chinese():
    from matplotlib import font_manager

    family = cjk_font()
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert _covers(path, PROBE + "蓬佩奧歐江安臉書聲音來源")


def test_top_terms_figure(seed_docs):
    _render(plot_top_terms(term_frequencies(seed_docs)))
    _render(plot_top_terms(term_frequencies(seed_docs, by="kind"), by="kind", top=10))


def test_heatmap_figure(seed_docs):
    labels = dict(zip(seed_docs["doc_id"], seed_docs["title"]))
    _render(plot_similarity_heatmap(similarity_matrix(seed_docs), labels=labels))


def test_timeline_figure(seed_docs):
    _render(plot_timeline(seed_docs))
    _render(plot_timeline(seed_docs, annotate=False, freq="QS"))


def test_saved_figures_are_byte_identical(seed_docs, tmp_path):
    paths = []
    for run in ("a", "b"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            paths.append(save_figure(plot_timeline(seed_docs), tmp_path / run / "timeline"))
    for p, q in zip(*paths):
        assert p.read_bytes() == q.read_bytes()
    assert sorted(x.suffix for x in paths[0]) == [".png", ".svg"]


def test_fallback_font_shipped_by_a_registry_package_covers_chinese():
    """On a machine with no CJK font, the font that mplfonts ships is used; it must draw the corpus."""
    from analysis.fonts import _bundled_font

    path = _bundled_font()
    assert path is not None and _covers(str(path), PROBE + "蓬佩奧歐江安臉書聲音來源")
