"""Old argument names keep working for one release, with a DeprecationWarning; old and new together are refused."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import (CorpusError, Segmenter, build_report, document_terms, load_corpus, nearest_neighbours,
                      plot_timeline, plot_top_terms, text_reuse)
from analysis.deprecation import renamed_arguments
from analysis.segmentation import Adjustments
from analysis.segmentation.dictionaries import gsd_adjustments

FREQS = pd.DataFrame({"term": ["台灣", "美國", "聯合國"], "count": [41, 34, 20]})


def yticks(fig) -> list[str]:
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    return labels


@pytest.mark.parametrize("call, old, new", [
    (lambda docs, **kw: nearest_neighbours(docs, **kw), {"k": 2}, {"top": 2}),
    (lambda docs, **kw: text_reuse(docs, **kw), {"k": 2}, {"top": 2}),
])
def test_k_is_top(seed_docs, call, old, new):
    with pytest.warns(DeprecationWarning, match=r"\(k=\.\.\.\) is deprecated; use .*\(top=\.\.\.\)"):
        got = call(seed_docs, **old)
    pd.testing.assert_frame_equal(got, call(seed_docs, **new))


def test_plot_top_terms_n_is_top():
    with pytest.warns(DeprecationWarning, match=r"plot_top_terms\(n=\.\.\.\) is deprecated"):
        old = yticks(plot_top_terms(FREQS, n=2))
    assert old == yticks(plot_top_terms(FREQS, top=2)) == ["台灣", "美國"]


def test_plot_timeline_labels_is_annotate(seed_docs):
    with pytest.warns(DeprecationWarning, match=r"plot_timeline\(labels=\.\.\.\) is deprecated"):
        old = yticks(plot_timeline(seed_docs, labels=False))
    assert old == yticks(plot_timeline(seed_docs, annotate=False)) == []
    with pytest.warns(DeprecationWarning):
        assert len(yticks(plot_timeline(seed_docs, labels=True))) == 21


@pytest.mark.parametrize("call", [
    lambda docs: nearest_neighbours(docs, k=2, top=2),
    lambda docs: text_reuse(docs, k=2, top=2),
    lambda docs: plot_top_terms(FREQS, n=2, top=2),
    lambda docs: plot_timeline(docs, labels=False, annotate=False),
])
def test_old_and_new_name_together_raise_type_error(seed_docs, call):
    with pytest.raises(TypeError, match=r"got both \w+= and \w+=; use \w+="):
        call(seed_docs)


def test_load_corpus_report_still_works(seed_file, seed_docs):
    with pytest.warns(DeprecationWarning, match="read_corpus"):
        docs, unplaced = load_corpus(seed_file, report=True)
    pd.testing.assert_frame_equal(docs, seed_docs)
    assert unplaced.empty


def test_build_report_strict(tmp_path, seed_file):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p.txt").write_bytes(seed_file.read_bytes())
    with pytest.warns(DeprecationWarning, match=r'build_report\(strict=\.\.\.\) is deprecated; use errors="raise"'):
        rep = build_report(corpus, tmp_path / "out", strict=True)
    assert len(rep.docs) == 21 and (tmp_path / "out" / "findings.md").is_file()
    (corpus / "q.txt").write_text("一行沒有日期的字。", encoding="utf-8")
    with pytest.warns(DeprecationWarning), pytest.raises(CorpusError, match=r"q\.txt:1: not a news page"):
        build_report(corpus, tmp_path / "out2", strict=True)  # strict=True is errors="raise"


def test_build_report_strict_and_errors_together_raise_type_error(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(TypeError):
            build_report(tmp_path / "nowhere", tmp_path / "out", strict=False, errors="raise")


def test_segmenter_adjust_takes_adjustments():
    mine = Adjustments(removed={"聯合國"})
    with pytest.warns(DeprecationWarning, match=r"Segmenter\(adjust=Adjustments\(\.\.\.\)\) is deprecated"):
        seg = Segmenter(adjust=mine)
    assert seg.adjustments is mine
    assert seg.fingerprint == Segmenter(adjustments=mine).fingerprint != Segmenter().fingerprint
    assert Segmenter(adjust=True).adjustments is gsd_adjustments() and Segmenter().adjustments is None


def test_segmenter_adjust_and_adjustments_together_raise_type_error():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(TypeError):
            Segmenter(adjust=Adjustments(removed={"a"}), adjustments=Adjustments(removed={"b"}))


def test_document_terms_unique(seed_docs):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")])
    with pytest.warns(DeprecationWarning, match=r"document_terms\(unique=\.\.\.\) is deprecated"):
        once = document_terms(doubled, unique=True)
    assert once.index.equals(seed_docs.index) and len(once) == 21
    pd.testing.assert_series_equal(once, document_terms(seed_docs))
    with pytest.warns(DeprecationWarning):
        assert len(document_terms(doubled, unique=False)) == 42


def test_renamed_arguments_keeps_the_function():
    @renamed_arguments(k="top", n="top")
    def head(items, *, top=2):
        """Docs."""
        return items[:top]

    assert head.__name__ == "head" and head.__doc__ == "Docs." and head([1, 2, 3]) == [1, 2]
    with pytest.warns(DeprecationWarning, match=r"head\(n=\.\.\.\) is deprecated; use head\(top=\.\.\.\)"):
        assert head([1, 2, 3], n=1) == [1]
    with pytest.raises(TypeError, match=r"head\(\) got both k= and top=; use top="):
        head([1, 2, 3], k=1, top=1)


def test_the_report_figures_old_names_still_work_with_a_warning():
    from analysis import rendering, report

    with pytest.warns(DeprecationWarning, match=r"analysis.report.render_report has moved to analysis.rendering"):
        assert report.render_report is rendering.render_report
    with pytest.warns(DeprecationWarning, match="FIGURE_OPTIONS"):
        from analysis.report import FIGURE_OPTIONS
    assert FIGURE_OPTIONS is rendering.FIGURE_OPTIONS
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        _ = report.no_such_name
