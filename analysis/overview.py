"""What a corpus holds: sizes, lengths and data-quality flags."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from .frequencies import document_terms

_SENTENCE = re.compile(r"(?<=[。！？!?])")


def first_sentence(text: str) -> str:
    """The text up to and including its first sentence-final mark (all of it when there is none).

    Examples
    --------
    >>> first_sentence("美台關係再升溫!美國國務卿蓬佩奧宣布。其後")
    '美台關係再升溫!'
    """
    text = text.strip()
    parts = _SENTENCE.split(text, maxsplit=1)
    return parts[0] if parts else text


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def corpus_summary(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per measure of the corpus: pages, documents, kinds, distinct texts, dates, outlets.

    Returns
    -------
    DataFrame
        Columns ``measure`` and ``value``.
    """
    dated = docs["published"].dropna()
    rows = [
        ("pages", docs["page_id"].nunique()),
        ("documents", len(docs)),
        ("articles", int((docs["kind"] == "article").sum())),
        ("related items", int((docs["kind"] == "related").sum())),
        ("distinct texts (content_id)", docs["content_id"].nunique()),
        ("outlets", ", ".join(sorted(set(docs["outlet"].dropna()) - {""})) or "none"),
        ("first date", f"{dated.min():%Y-%m-%d}" if len(dated) else ""),
        ("last date", f"{dated.max():%Y-%m-%d}" if len(dated) else ""),
        ("undated documents", int(docs["published"].isna().sum())),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


def document_lengths(docs: pd.DataFrame, *, userdict=None) -> pd.DataFrame:
    """Length of each document's title and text, in characters and in counted terms.

    Returns
    -------
    DataFrame
        ``doc_id``, ``kind``, ``title_chars``, ``text_chars`` (whitespace not counted),
        ``terms`` (words kept by :func:`analysis.frequencies.is_term` in title and text).
    """
    def chars(s: pd.Series) -> pd.Series:
        return s.fillna("").map(lambda t: sum(not ch.isspace() for ch in t)).astype("int64")

    return pd.DataFrame({
        "doc_id": docs["doc_id"], "kind": docs["kind"],
        "title_chars": chars(docs["title"]), "text_chars": chars(docs["text"]),
        "terms": document_terms(docs, userdict=userdict).str.len().astype("int64"),
    }).reset_index(drop=True)


def quality_flags(docs: pd.DataFrame) -> pd.DataFrame:
    """Flag documents a researcher should look at before counting them.

    Flags: ``truncated`` (text cut off mid-sentence), ``repeats_article_lead``
    (a related item whose summary opens with its page's article's first
    sentence), ``duplicate_text`` (its ``content_id`` occurs earlier in the
    corpus), ``undated``, ``no_title``, ``no_text``.

    Returns
    -------
    DataFrame
        ``doc_id``, ``title`` and one boolean column per flag, for every document.
    """
    lead = {}
    for row in docs[docs["kind"] == "article"].itertuples(index=False):
        lead[row.page_id] = _norm(first_sentence(row.text))
    repeats = [
        kind == "related" and bool(lead.get(page)) and _norm(text).startswith(lead[page])
        for kind, page, text in zip(docs["kind"], docs["page_id"], docs["text"].fillna(""))
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
