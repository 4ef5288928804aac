"""A research kit for Chinese-language news pages.

Parse a corpus of scraped pages into a tidy table, segment Traditional (and
Simplified) Chinese with jieba, count terms, compare documents by TF-IDF
similarity, and date them::

    from analysis import load_corpus, term_frequencies, similar_pairs, timeline
    docs = load_corpus("seeds")
    term_frequencies(docs).head()

Every name below is importable from ``analysis`` itself; the modules behind them
are loaded on first use, so that ``python -m analysis`` starts quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> module that defines it.
_EXPORTS = {
    "configure": "cache", "segment_many": "cache",
    "content_id": "corpus", "load_corpus": "corpus", "parse_page": "corpus",
    "CorpusError": "errors", "CorpusWarning": "errors",
    "cjk_font": "fonts", "use_cjk_font": "fonts",
    "write_csv": "io",
    "corpus_summary": "overview", "document_lengths": "overview", "first_sentence": "overview",
    "quality_flags": "overview",
    "plot_lengths": "plots", "plot_similarity_heatmap": "plots", "plot_timeline": "plots",
    "plot_top_terms": "plots", "save_figure": "plots", "shorten": "plots",
    "build_report": "report",
    "detect_script": "script",
    "Segmenter": "segmentation", "segment": "segmentation",
    "attach_titles": "similarity", "keywords": "similarity", "nearest_neighbours": "similarity",
    "similar_pairs": "similarity", "similarity_matrix": "similarity", "text_reuse": "similarity",
    "tfidf_vectors": "similarity",
    "document_terms": "frequencies", "term_frequencies": "frequencies", "terms": "frequencies",
    "top_terms_by_period": "frequencies",
    "relative_dates": "dates", "timeline": "dates",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from .cache import configure, segment_many  # noqa: F401
    from .corpus import content_id, load_corpus, parse_page  # noqa: F401
    from .errors import CorpusError, CorpusWarning  # noqa: F401
    from .fonts import cjk_font, use_cjk_font  # noqa: F401
    from .io import write_csv  # noqa: F401
    from .overview import corpus_summary, document_lengths, first_sentence, quality_flags  # noqa: F401
    from .plots import (plot_lengths, plot_similarity_heatmap, plot_timeline, plot_top_terms,  # noqa: F401
                        save_figure, shorten)
    from .report import build_report  # noqa: F401
    from .script import detect_script  # noqa: F401
    from .segmentation import Segmenter, segment  # noqa: F401
    from .similarity import (attach_titles, keywords, nearest_neighbours, similar_pairs,  # noqa: F401
                             similarity_matrix, text_reuse, tfidf_vectors)
    from .frequencies import document_terms, term_frequencies, terms, top_terms_by_period  # noqa: F401
    from .dates import relative_dates, timeline  # noqa: F401
