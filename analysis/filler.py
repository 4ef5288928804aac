"""Outlet boilerplate: phrases of a news page that carry no content, found, reported and left out of counts.

TV transcripts open stories with the anchor's filler (來看到, 新聞一開始, 馬上帶您關心, 鏡頭轉到) and pages
end with credits (責任編輯：王明, （新唐人記者王明綜合報導）). Counted as terms, such phrases link unrelated
stories by the outlet's style rather than their topic. The patterns that recognise them are shipped in
``analysis/data/boilerplate.txt`` (:data:`analysis.config.BOILERPLATE_FILE`), each with a category
(``broadcast``, ``transcript``, ``credit``, ``promotion``); a project adds its own in
``dictionaries/boilerplate.txt`` (:data:`analysis.config.PROJECT_BOILERPLATE`), in the same format.

:func:`boilerplate_spans` finds them in one text; :func:`boilerplate` lists every match of a corpus
with its offsets, and :func:`boilerplate_counts` sums them by phrase for the report's
``tables/boilerplate.csv``. :func:`analysis.terms` leaves out the words lying inside a match, so
nothing is dropped without a trace; the text itself is never changed, and :func:`analysis.kwic` shows
the phrases in context. Datelines and opening bylines are not boilerplate here: the page reader
already takes them out of the text (:mod:`analysis.datelines`, :mod:`analysis.bylines`).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from . import config
from .firstchars import first_chars
from .segmentation.script import to_simplified_chars
from .tables import distinct
from .typedefs import PathLike

#: Columns of :func:`boilerplate`, in order.
COLUMNS = ("doc_id", "field", "category", "match", "start", "end")
#: Columns of :func:`boilerplate_counts`, in order.
COUNT_COLUMNS = ("category", "match", "count", "documents")
_CATEGORY = re.compile(r"^[\w\-]+$")


class Span(NamedTuple):
    """One match of a boilerplate pattern: ``text[start:end] == phrase``."""

    start: int
    end: int
    category: str
    phrase: str


class Pattern(NamedTuple):
    """A compiled boilerplate pattern, its category, and where it was written (``file:line``)."""

    category: str
    regex: re.Pattern
    source: str


def read_patterns(path: PathLike) -> list[Pattern]:
    """The patterns of one boilerplate file, with their Simplified forms.

    One pattern a line, ``category<TAB>pattern`` (any run of spaces or tabs after the category);
    ``#`` starts a comment line. A pattern is a Python regular expression; a plain phrase is one.

    Parameters
    ----------
    path : str or Path
        The file (UTF-8).

    Returns
    -------
    list of Pattern
        In file order; a pattern written in Traditional characters is followed by its Simplified
        form when that differs.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    ValueError
        For a line without a pattern, a category that is not one word, a pattern that is not a
        regular expression or one that can match the empty string; the message names file and line.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "boilerplate.txt"
    >>> _ = path.write_text("# mine\\nbroadcast\\t新聞一開始\\n", encoding="utf-8")
    >>> [(p.category, p.regex.pattern) for p in read_patterns(path)]
    [('broadcast', '新聞一開始'), ('broadcast', '新闻一开始')]
    >>> _ = path.write_text("broadcast\\t(新聞\\n", encoding="utf-8")
    >>> read_patterns(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ...boilerplate.txt:1: not a regular expression: missing ), unterminated subpattern ...
    """
    path = Path(path)
    simplified = str.maketrans(to_simplified_chars())
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        parts = line.strip().split(None, 1)
        if len(parts) != 2:
            raise ValueError(f"{where}: expected a category and a pattern, not {line.strip()!r}")
        category, pattern = parts
        if not _CATEGORY.match(category):
            raise ValueError(f"{where}: the category must be one word, not {category!r}")
        for form in dict.fromkeys([pattern, pattern.translate(simplified)]):
            try:
                regex = re.compile(form)
            except re.error as exc:
                raise ValueError(f"{where}: not a regular expression: {exc}") from None
            if regex.fullmatch(""):
                raise ValueError(f"{where}: the pattern {pattern!r} matches the empty string")
            out.append(Pattern(category, regex, where))
    return out


def file_signature(paths: Iterable[Path]) -> tuple:
    """What identifies files' contents cheaply, to know when to read them again.

    Parameters
    ----------
    paths : iterable of Path
        The files.

    Returns
    -------
    tuple
        For each file, its path, size and modification time (path and None when it does not exist).

    Examples
    --------
    >>> file_signature([config.BOILERPLATE_FILE]) == file_signature([config.BOILERPLATE_FILE])
    True
    >>> file_signature([Path("no-such-file.txt")])
    (('no-such-file.txt', None),)
    """
    out = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            out.append((str(path), None))
        else:
            out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=4)
def _load(signature: tuple) -> tuple[tuple[Pattern, ...], str]:
    found: list[Pattern] = []
    digest = hashlib.blake2b(digest_size=16)
    for path, *stat in signature:
        if stat[0] is None:
            continue
        for p in read_patterns(path):
            found.append(p)
            digest.update(f"{p.category}\t{p.regex.pattern}\n".encode())
    return tuple(found), digest.hexdigest()


def _files() -> list[Path]:
    return [config.BOILERPLATE_FILE, config.PROJECT_BOILERPLATE]


def patterns() -> tuple[Pattern, ...]:
    """The patterns in force: the kit's, then the project's own file when it exists.

    Read again when either file changes (its size or modification time), so that an edit in a
    notebook session takes effect at once.

    Returns
    -------
    tuple of Pattern

    Raises
    ------
    ValueError
        When a file holds a bad line (see :func:`read_patterns`).

    Examples
    --------
    >>> {p.category for p in patterns()} >= {"broadcast", "credit"}
    True
    """
    return _load(file_signature(_files()))[0]


def patterns_digest() -> str:
    """A hash of the patterns in force: it changes whenever a boilerplate file does.

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> len(patterns_digest())
    32
    """
    return _load(file_signature(_files()))[1]


def boilerplate_spans(text: str, *, patterns: Sequence[Pattern] | None = None) -> list[Span]:
    """The boilerplate phrases of a text, in order, without overlaps.

    Where matches overlap, the one that starts first wins, then the longest, then the pattern
    listed first. A match never spans a line break (so a title and its text, joined by one, are
    searched separately).

    Parameters
    ----------
    text : str
        Any text, as written.
    patterns : sequence of Pattern, optional
        The patterns (default: :func:`patterns`, the kit's and the project's).

    Returns
    -------
    list of Span
        ``(start, end, category, phrase)`` with ``text[start:end] == phrase``.

    Examples
    --------
    >>> text = "新聞一開始，馬上帶您關心，美方今天宣布。"
    >>> [(s.start, s.end, s.category, s.phrase) for s in boilerplate_spans(text)]
    [(0, 5, 'broadcast', '新聞一開始'), (6, 12, 'broadcast', '馬上帶您關心')]
    >>> boilerplate_spans("美方今天宣布。")
    []
    """
    if not text:
        return []
    pats = _load(file_signature(_files()))[0] if patterns is None else patterns
    union = _LAST_UNION[1] if pats is _LAST_UNION[0] else _remember_union(pats)
    if union is not None and union.search(text) is None:  # most texts hold no boilerplate at all
        return []
    found = []
    for order, p in enumerate(pats):
        for m in p.regex.finditer(text):
            start, end = m.span()
            if end > start and "\n" not in m.group():
                found.append((start, -end, order, p.category))
    found.sort()
    spans, reached = [], 0
    for start, neg_end, _, category in found:
        if start >= reached:
            spans.append(Span(start, -neg_end, category, text[start:-neg_end]))
            reached = -neg_end
    return spans


#: The patterns last searched and their union: the same tuple comes back for every text of a corpus.
_LAST_UNION: list = [None, None]


def _remember_union(pats: Sequence[Pattern]) -> re.Pattern | None:
    _LAST_UNION[:] = [pats, _union(tuple(pats))]
    return _LAST_UNION[1]


@lru_cache(maxsize=8)
def _union(pats: tuple[Pattern, ...]) -> re.Pattern | None:
    """One regex matching wherever any of ``pats`` does, to skip texts none of them matches.

    None when the patterns cannot be joined safely (different flags, or back-references, whose
    numbers change in a union); then every pattern is searched on its own. When the characters a
    match can start with are known (:func:`analysis.firstchars.first_chars`), the union opens with a
    look-ahead for them: Python's ``re`` otherwise tries every alternative at every place of a text
    (13 times as slow on a crawl's texts with the kit's patterns).
    """
    if not pats or len({p.regex.flags for p in pats}) != 1:
        return None
    if any(re.search(r"\\[1-9]|\(\?P=", p.regex.pattern) for p in pats):
        return None
    joined = "|".join(f"(?:{p.regex.pattern})" for p in pats)
    flags = pats[0].regex.flags
    try:
        starts = first_chars(joined, flags)
        return re.compile(joined if starts is None else f"(?=[{starts}])(?:{joined})", flags)
    except re.error:
        return None


def inside_spans(offsets: Sequence[tuple[int, int] | None], spans: Sequence[Span]) -> list[bool]:
    """For each (start, end) piece of a text, whether it lies wholly inside one of ``spans``.

    Parameters
    ----------
    offsets : sequence of (int, int) or None
        Each piece's offsets in the text; None for a piece that could not be placed (never inside).
    spans : sequence of Span
        From :func:`boilerplate_spans` (sorted, not overlapping).

    Returns
    -------
    list of bool
        Aligned with ``offsets``.

    Examples
    --------
    >>> spans = boilerplate_spans("火線新聞，美方宣布")
    >>> inside_spans([(0, 2), (2, 4), (3, 6), (5, 7), None], spans)
    [True, True, False, False, False]
    """
    starts = [s.start for s in spans]
    out = []
    for piece in offsets:
        if piece is None or not spans:
            out.append(False)
            continue
        k = bisect_right(starts, piece[0]) - 1
        out.append(k >= 0 and piece[1] <= spans[k].end)
    return out


def boilerplate(docs: pd.DataFrame, *, unique: bool = True) -> pd.DataFrame:
    """Every boilerplate phrase in the documents' titles and texts, with its offsets.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (columns ``doc_id``, ``title``, ``text``; ``content_id``
        for ``unique``).
    unique : bool
        Search each distinct text (``content_id``) once, as term counts do; False searches every
        copy, as crawled.

    Returns
    -------
    DataFrame
        One row per match: ``doc_id``, ``field`` (``"title"`` or ``"text"``), ``category``,
        ``match`` (as written), ``start`` and ``end`` (offsets in that field:
        ``docs[field][start:end] == match``). In corpus order: document, title before text, offset.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": ["美駐聯大使訪台"],
    ...                      "text": ["火線新聞，馬上帶您關心，美國大使將訪台。"]})
    >>> boilerplate(docs)[["field", "category", "match", "start", "end"]].values.tolist()
    [['text', 'broadcast', '火線新聞', 0, 4], ['text', 'broadcast', '馬上帶您關心', 5, 11]]
    """
    docs = distinct(docs, unique=unique)
    pats, rows = patterns(), []
    for doc_id, title, text in zip(docs["doc_id"], docs["title"], docs["text"]):
        for field, value in (("title", title), ("text", text)):
            value = "" if pd.isna(value) else str(value)
            rows.extend((doc_id, field, s.category, s.phrase, s.start, s.end)
                        for s in boilerplate_spans(value, patterns=pats))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.astype({"start": "int64", "end": "int64"})


def boilerplate_counts(matches: pd.DataFrame) -> pd.DataFrame:
    """How often each boilerplate phrase was found, and in how many documents: what counts left out.

    Parameters
    ----------
    matches : DataFrame
        From :func:`boilerplate`.

    Returns
    -------
    DataFrame
        ``category``, ``match``, ``count`` (matches), ``documents`` (documents holding it), sorted
        by category, count descending, then phrase.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""],
    ...                      "text": ["火線新聞，美方宣布。", "火線新聞，鏡頭轉到紐約。"]})
    >>> boilerplate_counts(boilerplate(docs)).values.tolist()
    [['broadcast', '火線新聞', 2, 2], ['broadcast', '鏡頭轉到', 1, 1]]
    """
    if matches.empty:
        return pd.DataFrame({"category": pd.Series(dtype=object), "match": pd.Series(dtype=object),
                             "count": pd.Series(dtype="int64"), "documents": pd.Series(dtype="int64")})
    counts = (matches.groupby(["category", "match"], sort=True)
              .agg(count=("doc_id", "size"), documents=("doc_id", "nunique")).reset_index())
    counts = counts.sort_values(["category", "count", "match"], ascending=[True, False, True], kind="mergesort")
    counts[["count", "documents"]] = counts[["count", "documents"]].astype("int64")
    return counts[list(COUNT_COLUMNS)].reset_index(drop=True)
