"""The terms of texts: each text's words folded and filtered, boilerplate left out, each text once.

The same :func:`terms` (:func:`text_terms` for many texts at once, segmented
once in this process and cached on disk by :func:`analysis.segment_many`) feed
the frequency tables, keyness, collocations and the TF-IDF vectors, so counts and
similarities always agree on what a word is (:mod:`analysis.vocabulary`), and
nothing inside outlet boilerplate (:mod:`analysis.filler`: 新聞一開始,
責任編輯：王明) is counted.
"""

from __future__ import annotations

import hashlib
import sys
import warnings
from collections.abc import Iterable, Sequence
from functools import partial

import pandas as pd

from .filler import boilerplate_spans, inside_spans, patterns
from .segmentation import get_segmenter, segment_many
from .tables import distinct, is_missing
from .settings import options
from .termcache import TermStore, terms_digest
from .typedefs import SegmenterLike, UserDict
from .vocabulary import fold_table, normalize_with, is_term, stopwords, vocabulary_digest


def terms(text: str, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> list[str]:
    """The terms of a text, in order.

    Parameters
    ----------
    text : str
        Any text.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    list of str
        The words of :func:`analysis.segment` folded with :func:`normalize`, kept when
        :func:`is_term` and not inside outlet boilerplate (:func:`analysis.boilerplate_spans`);
        repeats included.

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.

    Examples
    --------
    >>> terms("美國駐聯合國大使克拉夫特，2020年訪問台灣。")
    ['美國', '駐', '聯合國', '大使', '克拉夫特', '訪問', '台灣']
    >>> terms("火線新聞，馬上帶您關心，克拉夫特訪問台灣。")
    ['克拉夫特', '訪問', '台灣']
    """
    words = get_segmenter(userdict=userdict, segmenter=segmenter)(text)
    return [t for t in word_terms(text, words) if t is not None]


def word_terms(text: str, words: Sequence[str]) -> list[str | None]:
    """Each word's term, or None where the word is not counted.

    Parameters
    ----------
    text : str
        The text as written.
    words : sequence of str
        Its words, in order (from :func:`analysis.segment` or a segmenter of your own; a word the
        segmenter changed cannot be placed in the text, and is never taken for boilerplate).

    Returns
    -------
    list of str or None
        Aligned with ``words``: the word folded with :func:`normalize`, or None when it is not a
        term (:func:`is_term`) or lies wholly inside a boilerplate phrase.

    Examples
    --------
    >>> word_terms("火線新聞，美方宣布", ["火線", "新聞", "，", "美方", "宣布"])
    [None, None, None, '美方', '宣布']
    """
    return _word_terms(text, words, _term_table(), stopwords(), fold_table(), patterns())


#: Each word seen and its term (or None), by vocabulary (:func:`vocabulary_digest`): a word is folded
#: and tested once, and every occurrence of a term shares one string (the memo below stays small).
_TERM_TABLES: dict[str, dict[str, str | None]] = {}
_TERM_TABLE_MAX = 2_000_000


def _term_table(*, variants: bool | None = None) -> dict[str, str | None]:
    """The word-to-term table of the current vocabulary, variants folded as the session says or as
    ``variants`` (emptied when it grows past :data:`_TERM_TABLE_MAX`)."""
    table = _TERM_TABLES.setdefault(vocabulary_digest(variants=variants), {})
    if len(table) > _TERM_TABLE_MAX:
        table.clear()
    return table


def _word_terms(text: str, words: Sequence[str], table: dict[str, str | None], stop: frozenset[str],
                fold: dict[int, str] | None, pats: Sequence) -> list[str | None]:
    out: list[str | None] = []
    for w in words:
        try:
            out.append(table[w])
        except KeyError:
            term = normalize_with(w, fold)
            out.append(table.setdefault(w, term if is_term(term, stop=stop) else None))
    spans = boilerplate_spans(text, patterns=pats)
    if spans:
        for k, inside in enumerate(inside_spans(_word_offsets(text, words), spans)):
            if inside:
                out[k] = None
    return out


def terms_of(texts: list[str], words: list[list[str]], *, variants: bool) -> list[list[str]]:
    """Each text's terms from its words (what :func:`text_terms` keeps), with variants folded or not.

    What :func:`analysis.segment_many` makes of the words it cuts (``then=``), in a worker process or
    Dask task as well as here: the vocabulary's one session setting, ``variants``, is an argument
    (a Dask worker does not inherit the session's settings).

    Examples
    --------
    >>> terms_of(["台灣與美國。"], [["台灣", "與", "美國", "。"]], variants=False)
    [['台灣', '美國']]
    """
    stop, fold, pats, table = stopwords(), fold_table(variants=variants), patterns(), _term_table(variants=variants)
    return [[t for t in _word_terms(text, w, table, stop, fold, pats) if t is not None]
            for text, w in zip(texts, words)]


def _word_offsets(text: str, words: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where each word lies in the text; None for a word that is not there as written.

    The kit's segmentation is lossless (its words join into the text); a segmenter of one's own may
    drop spaces or change a word, so each word is looked for a little ahead.
    """
    out, pos = [], 0
    for w in words:
        i = pos if text.startswith(w, pos) else text.find(w, pos, pos + len(w) + 64) if w else -1
        if i < 0:
            out.append(None)
        else:
            out.append((i, i + len(w)))
            pos = i + len(w)
    return out


#: Terms of texts already seen in this process, by segmenter fingerprint, vocabulary (stopwords,
#: boilerplate, variants: :func:`vocabulary_digest`) and the text's digest (:func:`_text_key`): not the
#: text itself, which would keep every text of a crawl alive (some 300 MB at 100,000 pages).
_MEMO: dict[tuple[str, str, bytes], list[str]] = {}
_MEMO_MAX = 500_000
#: Texts segmented at a time by :func:`text_terms`.
TERMS_BLOCK = 20_000


def _text_key(text: str) -> bytes:
    """A 128-bit digest of a text, its key in the memo of :func:`text_terms`."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def forget_terms() -> None:
    """Empty this process's memo of terms (:func:`text_terms`), for a step that needs no terms to use the
    memory: the terms of a crawl's distinct texts (about 500 MB for 300,000 texts) are read again from the
    terms kept on disk when next asked for.

    Examples
    --------
    >>> terms_ = text_terms(["台灣與美國。"])
    >>> forget_terms()
    >>> text_terms(["台灣與美國。"]) == terms_
    True
    """
    _MEMO.clear()


def text_terms(texts: Iterable[str], *, userdict: UserDict = None,
               segmenter: SegmenterLike | None = None) -> dict[str, list[str]]:
    """The terms of each distinct text, segmenting each once (and never again in this process).

    Texts not seen before in this process are taken from the terms kept on disk
    (:mod:`analysis.termcache`), else segmented together by :func:`analysis.segment_many` (cached, in
    parallel for large batches) and kept.

    Parameters
    ----------
    texts : iterable of str
        The texts; repeats cost nothing.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    dict of str to list of str
        Each distinct text and its terms, as :func:`terms` gives them, in the order of ``texts``.

    Examples
    --------
    >>> text_terms(["台灣與美國。", "台灣與美國。"])
    {'台灣與美國。': ['台灣', '美國']}
    """
    fingerprint = get_segmenter(userdict=userdict, segmenter=segmenter).fingerprint
    vocabulary = vocabulary_digest()
    out: dict[str, list[str]] = {}
    todo = []
    wanted = dict.fromkeys(texts)
    for t in wanted:
        hit = _MEMO.get((fingerprint, vocabulary, _text_key(t)))
        if hit is None:
            todo.append(t)
        else:
            out[t] = hit
    if not todo:
        return out  # all from the memo, in order
    if len(_MEMO) + len(todo) > _MEMO_MAX:
        _MEMO.clear()
    with TermStore(terms_digest(fingerprint, vocabulary)) as store:  # terms made before, in any process
        for text, terms_ in store.get_many(todo).items():
            out[text] = _MEMO[(fingerprint, vocabulary, _text_key(text))] = terms_
        todo = [t for t in todo if t not in out]
        # a block of texts at a time: the words of a whole crawl are never held together, only its terms,
        # made from the words where they are made (in the workers: only the terms come back)
        then = partial(terms_of, variants=options.variants)
        for start in range(0, len(todo), TERMS_BLOCK):
            made = segment_many(todo[start:start + TERMS_BLOCK], userdict=userdict, segmenter=segmenter, then=then)
            for text, terms_ in made.items():
                made[text] = terms_ = [sys.intern(t) for t in terms_]  # one copy of each term, whoever made it
                out[text] = _MEMO[(fingerprint, vocabulary, _text_key(text))] = terms_
            store.put_many(made)
            del made
    return {t: out[t] for t in wanted}  # in the texts' order, wherever each was found


def document_terms(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                   unique: bool | None = None) -> pd.Series:
    """The terms of each document's title and text, as a Series of lists aligned with ``docs``.

    Each distinct text is segmented once, however many documents share it.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    unique : bool, optional
        Deprecated: select distinct texts first, with ``docs.drop_duplicates("content_id")``.

    Returns
    -------
    Series
        One list of terms per row of ``docs``, with the same index.

    Examples
    --------
    >>> document_terms(pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國。"]})).tolist()
    [['台灣', '台灣', '美國']]
    """
    if unique is not None:
        warnings.warn("document_terms(unique=...) is deprecated: it returns one row per document; "
                      'select distinct texts first with docs.drop_duplicates("content_id")',
                      DeprecationWarning, stacklevel=2)
        docs = distinct(docs, unique=unique)
    terms_ = field_terms(docs["title"], docs["text"], userdict=userdict, segmenter=segmenter)
    return pd.Series(terms_, index=docs.index, name="terms", dtype=object)


def field_text(value: object) -> str:
    """A title or text as a string: a missing one (None, NaN, ``pd.NA``) empty.

    Examples
    --------
    >>> field_text("台灣"), field_text(None), field_text(float("nan"))
    ('台灣', '', '')
    """
    if isinstance(value, str):
        return value
    return "" if is_missing(value) else str(value)


def field_terms(titles: Iterable[str], texts: Iterable[str], *, userdict: UserDict = None,
                segmenter: SegmenterLike | None = None) -> list[list[str]]:
    """The terms of each title followed by those of its text: a document's terms, field by field.

    Titles and texts are segmented apart (a line break ends every word, so this equals segmenting
    them joined), which lets every step share one segmentation per field, cached by
    :func:`text_terms`.

    Parameters
    ----------
    titles, texts : iterable of str
        Aligned; missing values count as empty.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    list of list of str
        One list per pair.

    Examples
    --------
    >>> field_terms(["台灣"], ["台灣與美國。"])
    [['台灣', '台灣', '美國']]
    """
    titles, texts = [field_text(t) for t in titles], [field_text(t) for t in texts]
    by_text = text_terms([*titles, *texts], userdict=userdict, segmenter=segmenter)
    return [by_text[a] + by_text[b] for a, b in zip(titles, texts)]

