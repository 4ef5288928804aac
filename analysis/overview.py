"""What a corpus holds: sizes, lengths and data-quality flags."""

from __future__ import annotations

import pandas as pd

from .termlists import document_terms
from .selection import of_kind
from .text import compact, first_sentence
from .typedefs import SegmenterLike, UserDict


def corpus_summary(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per measure of the corpus: pages, documents, kinds, distinct texts, dates, outlets.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.

    Returns
    -------
    DataFrame
        Columns ``measure`` and ``value`` (counts as int, outlets and dates as str).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> corpus_summary(load_corpus(SEEDS_DIR)).set_index("measure").loc["documents", "value"]
    21
    """
    dated = docs["published"].dropna()
    rows = [
        ("pages", docs["page_id"].nunique()),
        ("documents", len(docs)),
        ("articles", int(of_kind(docs, "article").sum())),
        ("related items", int(of_kind(docs, "related").sum())),
        ("distinct texts (content_id)", docs["content_id"].nunique()),
        ("outlets", ", ".join(sorted(set(docs["outlet"].dropna()) - {""})) or "none"),
        ("first date", f"{dated.min():%Y-%m-%d}" if len(dated) else ""),
        ("last date", f"{dated.max():%Y-%m-%d}" if len(dated) else ""),
        ("undated documents", int(docs["published"].isna().sum())),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


def document_lengths(docs: pd.DataFrame, *, userdict: UserDict = None,
                     segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Length of each document's title and text, in characters and in counted terms.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        ``doc_id``, ``kind``, ``title_chars``, ``text_chars`` (whitespace not counted),
        ``terms`` (words kept by :func:`analysis.vocabulary.is_term` in title and text).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "kind": ["related"], "title": ["台灣"], "text": ["台灣與 美國。"]})
    >>> document_lengths(docs).to_dict("records")
    [{'doc_id': 'a', 'kind': 'related', 'title_chars': 2, 'text_chars': 6, 'terms': 3}]
    """
    def chars(s: pd.Series) -> pd.Series:
        return s.fillna("").map(lambda t: sum(not ch.isspace() for ch in t)).astype("int64")

    return pd.DataFrame({
        "doc_id": docs["doc_id"], "kind": docs["kind"],
        "title_chars": chars(docs["title"]), "text_chars": chars(docs["text"]),
        "terms": document_terms(docs, userdict=userdict, segmenter=segmenter).str.len().astype("int64"),
    }).reset_index(drop=True)


def quality_flags(docs: pd.DataFrame) -> pd.DataFrame:
    """Flag documents a researcher should look at before counting them.

    Flags: ``truncated`` (text cut off mid-sentence), ``repeats_article_lead``
    (a related item whose summary opens with its page's article's first
    sentence), ``duplicate_text`` (its ``content_id`` occurs earlier in the
    corpus), ``undated``, ``no_title``, ``no_text``.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.

    Returns
    -------
    DataFrame
        ``doc_id``, ``title`` and one boolean column per flag, for every document.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> quality_flags(load_corpus(SEEDS_DIR))[["truncated", "repeats_article_lead"]].sum().tolist()
    [1, 1]
    """
    text = docs["text"].astype(object).where(docs["text"].notna(), "")
    lead = {page: compact(first_sentence(t))
            for page, t in zip(docs["page_id"][of_kind(docs, "article")], text[of_kind(docs, "article")])}
    repeats = [
        related and bool(lead.get(page)) and compact(t).startswith(lead[page])
        for related, page, t in zip(of_kind(docs, "related"), docs["page_id"], text)
    ]
    return pd.DataFrame({
        "doc_id": docs["doc_id"].to_numpy(),
        "title": docs["title"].to_numpy(),
        "truncated": docs["truncated"].to_numpy(),
        "repeats_article_lead": repeats,
        "duplicate_text": docs["content_id"].duplicated().to_numpy(),
        "undated": docs["published"].isna().to_numpy(),
        "no_title": (docs["title"].fillna("").str.strip() == "").to_numpy(),
        "no_text": (docs["text"].fillna("").str.strip() == "").to_numpy(),
    })
