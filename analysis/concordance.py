"""Keyword in context: every hit of a word, phrase or pattern, with the words around it.

:func:`kwic` searches each document's title and text (separately) and gives one row per hit,
with its offsets in the field, so that ``field_text[start:end] == match``. Matching is on whole
words by default, as :func:`analysis.segment` cuts them (``中國`` is not found inside
``中國時報``), on characters anywhere with ``whole_terms=False``. Both the pattern and the text
are folded with Unicode NFKC first (``UN`` finds ``ＵＮ``), as terms are; offsets and the
contexts are given in the text as written, outlet boilerplate included (only counting leaves it
out, see :mod:`analysis.filler`). The table is a DataFrame (:class:`Concordance`) that
Jupyter shows as an aligned concordance and :func:`analysis.outputs.write_csv` writes as a plain CSV.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate, islice
from typing import Literal

import pandas as pd

from .termlists import word_terms
from .segmentation import segment_many
from .tables import distinct
from .typedefs import SegmenterLike, UserDict

#: Columns of a kwic table, in order.
COLUMNS = ("doc_id", "field", "start", "end", "term_index", "left", "match", "right")
#: Line breaks and tabs are shown as spaces in the contexts (one for one: lengths are kept).
_BLANKS = str.maketrans("\n\r\t\v\f", "     ")


class Concordance(pd.DataFrame):
    """A :func:`kwic` table: a plain DataFrame that Jupyter shows as an aligned concordance.

    Left contexts are right-aligned, matches bold and centred, right contexts left-aligned (see
    :func:`concordance_html`). Selections keep the class; any table without ``left``, ``match`` and
    ``right`` is shown as pandas shows it.

    Examples
    --------
    >>> table = Concordance({"left": ["美國駐"], "match": ["聯合國"], "right": ["大使"]})
    >>> "<b>聯合國</b>" in table._repr_html_(), isinstance(table.head(1), Concordance)
    (True, True)
    """

    @property
    def _constructor(self):
        return Concordance

    def _repr_html_(self) -> str | None:
        if {"left", "match", "right"} <= set(self.columns):
            return concordance_html(self, max_rows=pd.get_option("display.max_rows"))
        return super()._repr_html_()


def concordance_html(table: pd.DataFrame, *, max_rows: int | None = None) -> str:
    """An aligned HTML concordance of a :func:`kwic` table, as Jupyter shows it.

    Parameters
    ----------
    table : DataFrame
        With columns ``left``, ``match`` and ``right`` (and ``doc_id``, ``field``, ``start`` when present).
    max_rows : int, optional
        Show this many rows and say how many more there are (default: all).

    Returns
    -------
    str
        An HTML ``<table>``; cells are escaped.

    Examples
    --------
    >>> table = pd.DataFrame({"left": ["a<"], "match": ["b"], "right": ["c"]})
    >>> page = concordance_html(table)
    >>> page.startswith('<table class="analysis-kwic">')
    True
    >>> '<td style="text-align:right;white-space:pre">a&lt;</td>' in page
    True
    >>> '<td style="text-align:center;white-space:pre"><b>b</b></td>' in page
    True
    """
    where = [c for c in ("doc_id", "field", "start") if c in table.columns]
    shown = table if max_rows is None else table.head(max_rows)
    head = "".join(f"<th>{c}</th>" for c in where)
    head += ('<th style="text-align:right">left</th><th style="text-align:center">match</th>'
             '<th style="text-align:left">right</th>')
    rows = []
    for rec in shown[[*where, "left", "match", "right"]].itertuples(index=False):
        cells = "".join(f"<td>{html.escape(str(v))}</td>" for v in rec[:len(where)])
        left, match, right = (html.escape(str(v)) for v in rec[len(where):])
        cells += (f'<td style="text-align:right;white-space:pre">{left}</td>'
                  f'<td style="text-align:center;white-space:pre"><b>{match}</b></td>'
                  f'<td style="text-align:left;white-space:pre">{right}</td>')
        rows.append(f"<tr>{cells}</tr>")
    more = len(table) - len(shown)
    note = f"<p>… and {more} more hits ({len(table)} in all)</p>" if more > 0 else ""
    return (f'<table class="analysis-kwic"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{note}')


def _fold(text: str) -> str:
    """NFKC one character at a time, so that folded and written offsets map word by word."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return "".join(unicodedata.normalize("NFKC", ch) for ch in text)


def _origin(text: str) -> list[int]:
    """For each character of ``_fold(text)``, the offset of the written character it came from."""
    if unicodedata.is_normalized("NFKC", text):
        return list(range(len(text)))
    return [i for i, ch in enumerate(text) for _ in unicodedata.normalize("NFKC", ch)]


def _find(folded: str, needle: str, bounds: set[int] | None) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``needle``, left to right; with ``bounds``, only those that start
    and end on a word boundary."""
    hits, i = [], folded.find(needle)
    while i >= 0:
        j = i + len(needle)
        if bounds is None or (i in bounds and j in bounds):
            hits.append((i, j))
            i = folded.find(needle, j)
        else:
            i = folded.find(needle, i + 1)
    return hits


def _field_hits(text: str, words: list[str] | None, pattern: str, *, regex: bool,
                whole_terms: bool) -> list[tuple[int, int]]:
    """(start, end) of each hit in ``text`` as written; ``words`` is its segmentation (None: not needed)."""
    folded = _fold(text)
    if whole_terms and regex:
        rx, hits, pos = re.compile(pattern), [], 0
        for w in words or ():
            fw = _fold(w)
            if fw.strip() and rx.fullmatch(fw):
                hits.append((pos, pos + len(fw)))
            pos += len(fw)
    elif regex:
        hits = [m.span() for m in re.finditer(pattern, folded) if m.end() > m.start()]
    else:
        bounds = None
        if whole_terms:
            bounds, pos = {0}, 0
            for w in words or ():
                pos += len(_fold(w))
                bounds.add(pos)
        hits = _find(folded, _fold(pattern), bounds)
    if hits and folded is not text:
        origin = _origin(text)
        hits = [(origin[i], origin[j - 1] + 1) for i, j in hits]
    return hits


def _contexts(text: str, words: list[str], offsets: list[int], start: int, end: int, window: int,
              unit: str) -> tuple[str, str, str, str]:
    """Left and right context of a hit, and their sort keys (nearest word first); ``offsets`` are the
    words' start offsets and the text's length."""
    if unit == "chars":
        left, right = text[max(0, start - window):start], text[end:end + window]
        return left, right, _fold(left)[::-1], _fold(right)
    first, last = bisect_right(offsets, start) - 1, bisect_right(offsets, end - 1) - 1
    if window == 0:
        return "", "", "", ""
    before = list(islice((k for k in range(first - 1, -1, -1) if words[k].strip()), window))
    after = list(islice((k for k in range(last + 1, len(words)) if words[k].strip()), window))
    # A hit inside a word (character matching) takes the rest of that word into its contexts.
    head, tail = text[offsets[first]:start], text[end:offsets[last + 1]]
    left = text[offsets[before[-1]] if before else offsets[first]:start]
    right = text[end:offsets[after[-1] + 1] if after else offsets[last + 1]]
    lkey = [_fold(head)] if head.strip() else []
    rkey = [_fold(tail)] if tail.strip() else []
    lkey += [_fold(words[k]) for k in before]
    rkey += [_fold(words[k]) for k in after]
    return left, right, "\0".join(lkey), "\0".join(rkey)


def kwic(docs: pd.DataFrame, pattern: str, *, window: int = 10, unit: Literal["words", "chars"] = "words",
         regex: bool = False, whole_terms: bool = True, sort: Literal["left", "right"] | None = None,
         unique: bool = True, userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> Concordance:
    """Keyword in context: every hit of ``pattern`` in the titles and texts, with its context.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (columns ``doc_id``, ``title``, ``text``; ``content_id``
        for ``unique``).
    pattern : str
        A word or phrase, or a regular expression with ``regex=True``. Folded with NFKC like the
        text (a regular expression is not: it is matched as written against the folded text).
    window : int
        How much context on each side: words (``unit="words"``, punctuation written as it is, spaces
        and line breaks not counted) or characters (``unit="chars"``).
    unit : {"words", "chars"}
        What ``window`` counts.
    regex : bool
        ``pattern`` is a regular expression: matched against each whole word (``re.fullmatch``)
        when ``whole_terms``, else searched for anywhere in the characters.
    whole_terms : bool
        A hit must start and end on word boundaries of :func:`analysis.segment` (a phrase of several
        words is found too); False finds the characters anywhere, inside words included.
    sort : {"left", "right"}, optional
        Order hits as AntConc does: by the left context read outwards from the hit (the nearest word
        first; characters with ``unit="chars"``), or by the right context, in code-point order of the
        NFKC-folded words; ties, and None, keep the corpus order (document, title before text, offset).
    unique : bool
        Search each distinct text (``content_id``) once; False searches every copy, as crawled.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    Concordance
        A DataFrame, one row per hit: ``doc_id``, ``field`` (``"title"`` or ``"text"``), ``start``
        and ``end`` (character offsets in that field, ``docs[field][start:end] == match``),
        ``term_index`` (how many terms of the field end before the hit: for a hit on a term, its
        index in ``analysis.terms(field)``), ``left``, ``match``, ``right`` (as written, line breaks
        and tabs shown as spaces). Jupyter shows it aligned (:func:`concordance_html`).

    Raises
    ------
    ValueError
        For an empty pattern, a negative window or an unknown ``unit`` or ``sort``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["中國時報報導，中國與美國會談。"]})
    >>> kwic(docs, "中國", window=2)[["start", "end", "left", "match", "right"]].values.tolist()
    [[7, 9, '報導，', '中國', '與美國']]
    >>> kwic(docs, "中國", whole_terms=False, unit="chars", window=2)[["start", "left", "right"]].values.tolist()
    [[0, '', '時報'], [7, '導，', '與美']]
    >>> kwic(docs, r"中國\\w*", regex=True)["match"].tolist()
    ['中國時報', '中國']
    """
    if not pattern:
        raise ValueError("kwic: the pattern is empty")
    if window < 0:
        raise ValueError(f"kwic: window must be 0 or more, not {window}")
    if unit not in ("words", "chars"):
        raise ValueError(f'kwic: unit must be "words" or "chars", not {unit!r}')
    if sort not in (None, "left", "right"):
        raise ValueError(f'kwic: sort must be "left", "right" or None, not {sort!r}')
    if regex:
        re.compile(pattern)  # a bad expression fails here, with re's own message
    docs = distinct(docs, unique=unique)
    fields = [(doc_id, field, "" if pd.isna(text) else str(text)) for doc_id, title, body in
              zip(docs["doc_id"], docs["title"], docs["text"]) for field, text in (("title", title), ("text", body))]
    if whole_terms and regex:
        todo = [text for _, _, text in fields]
    else:
        needle = None if regex else _fold(pattern)
        rx = re.compile(pattern) if regex else None
        todo = [t for _, _, t in fields if (needle in _fold(t) if rx is None else rx.search(_fold(t)))]
    words_of = segment_many(todo, userdict=userdict, segmenter=segmenter) if todo else {}
    rows = []
    for doc_id, field, text in fields:
        words = words_of.get(text)
        if words is None:
            continue
        hits = _field_hits(text, words, pattern, regex=regex, whole_terms=whole_terms)
        if not hits:
            continue
        offsets = list(accumulate((len(w) for w in words), initial=0))
        term_ends = [offsets[k + 1] for k, t in enumerate(word_terms(text, words)) if t is not None]
        for start, end in hits:
            left, right, lkey, rkey = _contexts(text, words, offsets, start, end, window, unit)
            rows.append((doc_id, field, start, end, bisect_right(term_ends, start), left.translate(_BLANKS),
                         text[start:end], right.translate(_BLANKS), lkey, rkey))
    table = pd.DataFrame(rows, columns=[*COLUMNS, "_left", "_right"])
    table = table.astype({"start": "int64", "end": "int64", "term_index": "int64"})
    if sort is not None:
        table = table.sort_values(f"_{sort}", kind="mergesort").reset_index(drop=True)
    return Concordance(table[list(COLUMNS)])
