"""A research kit for Chinese-language news pages.

Parse a corpus of scraped pages into a tidy table, segment Traditional (and
Simplified) Chinese with jieba, count terms, compare documents by TF-IDF
similarity, and date them::

    from analysis import load_corpus, term_frequencies, similar_pairs, timeline
    docs = load_corpus("seeds")
    term_frequencies(docs).head()
"""

from .cache import configure, segment_many
from .corpus import content_id, load_corpus, parse_page
from .errors import CorpusError, CorpusWarning
from .fonts import cjk_font, use_cjk_font
from .io import write_csv
from .overview import corpus_summary, document_lengths, first_sentence, quality_flags
from .plots import plot_lengths, plot_similarity_heatmap, plot_timeline, plot_top_terms, save_figure, shorten
from .report import build_report
from .script import detect_script
from .segment import Segmenter, segment
from .similarity import (attach_titles, keywords, nearest_neighbours, similar_pairs, similarity_matrix, text_reuse,
                         tfidf_vectors)
from .terms import document_terms, term_frequencies, terms, top_terms_by_period
from .timeline import relative_dates, timeline

__version__ = "0.1.0"

__all__ = [
    "CorpusError", "CorpusWarning", "Segmenter", "attach_titles", "build_report", "cjk_font", "configure",
    "content_id", "corpus_summary", "detect_script", "document_lengths", "document_terms", "first_sentence",
    "keywords", "load_corpus", "nearest_neighbours", "parse_page", "plot_lengths", "plot_similarity_heatmap",
    "plot_timeline", "plot_top_terms", "quality_flags", "relative_dates", "save_figure", "segment",
    "segment_many", "shorten", "similar_pairs", "similarity_matrix", "term_frequencies", "terms",
    "text_reuse", "tfidf_vectors", "timeline", "top_terms_by_period", "use_cjk_font", "write_csv",
]
