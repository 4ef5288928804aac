"""A research kit for Chinese-language news pages.

Parse a corpus of scraped pages into a tidy table, segment Traditional (and
Simplified) Chinese with jieba, count terms, compare documents by TF-IDF
similarity, and date them::

    from analysis import load_corpus, term_frequencies, similar_pairs, timeline
    docs = load_corpus("seeds")
    term_frequencies(docs).head()

Every name below is importable from ``analysis`` itself; the modules behind them
are loaded on first use, so that ``python -m analysis`` starts quickly. The
modules run one way, down the pipeline: settings and helpers, then reading
(``decoding``, ``datelines``, ``page``, ``corpus``), ``segmentation``, terms
(``vocabulary``, ``termlists``, ``termcodes``, ``frequencies``), ``tfidf``,
``similarity``, ``reuse``, ``dates``, ``overview``, ``plots``, ``findings`` and
``report``, and the command line on top.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> module that defines it, in pipeline order.
_EXPORTS = {
    "configure": "settings",
    "CorpusError": "errors", "CorpusWarning": "errors",
    "content_id": "text", "first_sentence": "text", "shorten": "text",
    "parse_page": "page",
    "drop_furniture": "lineshape", "drop_recurring_lines": "recurring", "recurring_lines": "recurring",
    "load_corpus": "corpus", "read_corpus": "corpus",
    "attach_titles": "tables", "titles": "tables",
    "Segmenter": "segmentation", "detect_script": "segmentation", "segment": "segmentation",
    "segment_many": "segmentation",
    "boilerplate": "filler", "boilerplate_counts": "filler", "boilerplate_spans": "filler",
    "read_aliases": "names", "actor_variants": "mentions", "actors": "mentions", "quotes": "quotations",
    "actors_and_quotes": "quotations",
    "document_terms": "termlists", "term_frequencies": "frequencies", "terms": "termlists",
    "top_terms_by_period": "frequencies",
    "kwic": "concordance", "collocations": "association", "dispersion": "comparison", "keyness": "comparison",
    "TfidfModel": "tfidf", "Weighting": "tfidf", "keywords": "tfidf", "tfidf_model": "tfidf",
    "tfidf_vectors": "tfidf",
    "nearest_neighbours": "similarity", "similar_pairs": "similarity", "similarity_matrix": "similarity",
    "reuse_candidates": "minhash", "text_reuse": "reuse", "wire_agency": "reuse",
    "relative_dates": "dates", "timeline": "dates",
    "corpus_summary": "overview", "document_lengths": "overview", "quality_flags": "overview",
    "write_csv": "outputs",
    "accept_words": "discovery", "discover_words": "discovery",
    "cjk_font": "fonts", "use_cjk_font": "fonts",
    "plot_lengths": "plots", "plot_similarity_heatmap": "plots", "plot_timeline": "plots",
    "plot_top_terms": "plots", "save_figure": "plots",
    "plot_dispersion": "termplots", "plot_keyness": "termplots",
    "cooccurrence_network": "network", "network_nodes": "network", "plot_network": "network",
    "actor_frequencies": "comention", "actor_keyness": "comention", "actor_network": "comention",
    "actor_timeline": "comention", "plot_actor_timeline": "comention", "speakers": "comention",
    "plot_story_timeline": "storylines", "stories": "storylines", "story_table": "storylines",
    "bursts": "attention", "plot_bursts": "attention",
    "plot_related_lists": "linking", "related_items": "linking", "related_lists": "linking",
    "related_summary": "linking",
    "Explorer": "explorer", "explore": "explorer",
    "provenance_record": "provenance",
    "build_report": "report",
    "ReportTables": "store", "open_report": "store",
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
    from .association import collocations  # noqa: F401
    from .concordance import kwic  # noqa: F401
    from .corpus import load_corpus, read_corpus  # noqa: F401
    from .dates import relative_dates, timeline  # noqa: F401
    from .discovery import accept_words, discover_words  # noqa: F401
    from .errors import CorpusError, CorpusWarning  # noqa: F401
    from .explorer import Explorer, explore  # noqa: F401
    from .filler import boilerplate, boilerplate_counts, boilerplate_spans  # noqa: F401
    from .mentions import actor_variants, actors  # noqa: F401
    from .names import read_aliases  # noqa: F401
    from .quotations import actors_and_quotes, quotes  # noqa: F401
    from .fonts import cjk_font, use_cjk_font  # noqa: F401
    from .frequencies import term_frequencies, top_terms_by_period  # noqa: F401
    from .termlists import document_terms, terms  # noqa: F401
    from .comparison import dispersion, keyness  # noqa: F401
    from .comention import (actor_frequencies, actor_keyness, actor_network, actor_timeline,  # noqa: F401
                            plot_actor_timeline, speakers)
    from .network import cooccurrence_network, network_nodes, plot_network  # noqa: F401
    from .outputs import write_csv  # noqa: F401
    from .overview import corpus_summary, document_lengths, quality_flags  # noqa: F401
    from .page import parse_page  # noqa: F401
    from .plots import (plot_lengths, plot_similarity_heatmap, plot_timeline, plot_top_terms,  # noqa: F401
                        save_figure)
    from .provenance import provenance_record  # noqa: F401
    from .lineshape import drop_furniture  # noqa: F401
    from .recurring import drop_recurring_lines, recurring_lines  # noqa: F401
    from .attention import bursts, plot_bursts  # noqa: F401
    from .linking import plot_related_lists, related_items, related_lists, related_summary  # noqa: F401
    from .report import build_report  # noqa: F401
    from .store import ReportTables, open_report  # noqa: F401
    from .minhash import reuse_candidates  # noqa: F401
    from .reuse import text_reuse, wire_agency  # noqa: F401
    from .segmentation import Segmenter, detect_script, segment, segment_many  # noqa: F401
    from .settings import configure  # noqa: F401
    from .similarity import nearest_neighbours, similar_pairs, similarity_matrix  # noqa: F401
    from .storylines import plot_story_timeline, stories, story_table  # noqa: F401
    from .tables import attach_titles, titles  # noqa: F401
    from .termplots import plot_dispersion, plot_keyness  # noqa: F401
    from .text import content_id, first_sentence, shorten  # noqa: F401
    from .tfidf import TfidfModel, Weighting, keywords, tfidf_model, tfidf_vectors  # noqa: F401
