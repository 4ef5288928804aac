"""Terms and their frequencies: from segmented words to counted terms.

A *term* is a word as :func:`analysis.segment` cuts it, folded with Unicode NFKC
(so ``，`` and ``,``, ``ＵＮ`` and ``UN`` are one term), and kept only when it is
not punctuation, whitespace, a pure number or a stopword, and does not lie inside
outlet boilerplate (:mod:`analysis.filler`: 新聞一開始, 責任編輯：王明). With
``configure(variants=True)``, variant characters fold too (臺灣 and 台灣 are one term).
The same :func:`terms` feeds the frequency tables and the TF-IDF vectors, so counts
and similarities always agree on what a word is.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import scipy.sparse as sp

from . import config
from .filler import boilerplate_spans, file_signature, inside_spans, patterns, patterns_digest
from .segmentation import get_segmenter, segment_many
from .segmentation.conventions import is_quantity
from .segmentation.script import to_simplified_chars
from .settings import options
from .tables import distinct, is_missing
from .typedefs import SegmenterLike, UserDict

_NUMBER = re.compile(r"^[+\-]?\d+(?:[.,:/]\d+)*%?$")


def stopwords() -> frozenset[str]:
    """The kit's stopword list (:data:`analysis.config.STOPWORDS_FILE`), with Simplified forms and
    the spellings with variant characters added (這裏 for 這裡, see :func:`variants`).

    Read again when the file changes.

    Returns
    -------
    frozenset of str
        The stopwords, folded with Unicode NFKC.

    Examples
    --------
    >>> {"的", "我們", "我们", "這裡", "這裏"} <= stopwords()
    True
    """
    return _stopwords(file_signature([config.STOPWORDS_FILE, config.VARIANTS_FILE]))[0]


@lru_cache(maxsize=2)
def _stopwords(signature: tuple) -> tuple[frozenset[str], str]:
    """The stopwords and a hash of them."""
    words = set()
    for line in config.STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(unicodedata.normalize("NFKC", line))
    spellings: dict[str, list[str]] = {}
    for variant, canonical in variants().items():
        spellings.setdefault(canonical, [canonical]).append(variant)
    for word in list(words):
        if any(ch in spellings for ch in word):
            words.update("".join(p) for p in itertools.product(*(spellings.get(ch, ch) for ch in word)))
    simplified = str.maketrans(to_simplified_chars())
    words |= {w.translate(simplified) for w in words}
    digest = hashlib.blake2b("\n".join(sorted(words)).encode(), digest_size=16).hexdigest()
    return frozenset(words), digest


def variants() -> dict[str, str]:
    """The variant characters folded by ``configure(variants=True)``, each to its canonical form.

    Read from :data:`analysis.config.VARIANTS_FILE` (``variant<TAB>canonical`` a line), again when
    it changes.

    Returns
    -------
    dict of str to str

    Raises
    ------
    ValueError
        For a line that is not two different single characters, or a canonical form that is itself
        a variant; the message names file and line.

    Examples
    --------
    >>> variants()["臺"], variants()["爲"]
    ('台', '為')
    """
    return dict(_variants(file_signature([config.VARIANTS_FILE]))[0])


@lru_cache(maxsize=2)
def _variants(signature: tuple) -> tuple[dict[str, str], dict[int, str], str]:
    """The variant table, as a ``str.translate`` table, and a hash of it."""
    table: dict[str, str] = {}
    path = config.VARIANTS_FILE
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        pair = line.split()
        if len(pair) != 2 or len(pair[0]) != 1 or len(pair[1]) != 1 or pair[0] == pair[1]:
            raise ValueError(f"{path}:{number}: expected a variant character, a tab and its canonical form, "
                             f"not {line!r}")
        table[pair[0]] = pair[1]
    chained = sorted(set(table) & set(table.values()))
    if chained:
        raise ValueError(f"{path}: canonical forms listed as variants too: {''.join(chained)}")
    digest = hashlib.blake2b(repr(sorted(table.items())).encode(), digest_size=16).hexdigest()
    return table, str.maketrans(table), digest


def _fold_table() -> dict[int, str] | None:
    """The ``str.translate`` table of the variants when the session folds them, else None."""
    return _variants(file_signature([config.VARIANTS_FILE]))[1] if options.variants else None


def vocabulary_digest() -> str:
    """Identifies what decides which words are terms: stopwords, boilerplate patterns, variant folding.

    Part of the key of the terms kept in memory (:func:`text_terms`), so that a change to any of
    them is never answered with terms computed before it.

    Returns
    -------
    str

    Examples
    --------
    >>> from analysis import configure
    >>> before = vocabulary_digest()
    >>> _ = configure(variants=True)
    >>> vocabulary_digest() == before
    False
    >>> _ = configure(variants=False)
    >>> vocabulary_digest() == before
    True
    """
    stop = _stopwords(file_signature([config.STOPWORDS_FILE, config.VARIANTS_FILE]))[1]
    fold = _variants(file_signature([config.VARIANTS_FILE]))[2] if options.variants else "-"
    return f"{stop}:{patterns_digest()}:{fold}"


def normalize(word: str) -> str:
    """Fold a word to its term form (Unicode NFKC, edge spaces removed; with ``configure(variants=True)``,
    variant characters to their canonical form, see :func:`variants`).

    Parameters
    ----------
    word : str
        A piece from :func:`analysis.segment`.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize("ＵＮ"), normalize("，"), normalize("臺灣")
    ('UN', ',', '臺灣')
    >>> from analysis import configure
    >>> _ = configure(variants=True)
    >>> normalize("臺灣")
    '台灣'
    >>> _ = configure(variants=False)
    """
    return _normalize(word, _fold_table())


def _normalize(word: str, fold: dict[int, str] | None) -> str:
    term = unicodedata.normalize("NFKC", word).strip()
    return term if fold is None else term.translate(fold)


def is_term(term: str, *, stop: frozenset[str] | None = None) -> bool:
    """True when a normalised word counts as a term.

    Not a term: the empty string, whitespace, anything made only of punctuation
    and symbols (full- and half-width), a pure number (``2020``, ``3.5``,
    ``12:30``, ``50%``), a quantity (``一個``, ``十五座``, ``3.5萬``:
    :func:`analysis.segmentation.conventions.is_quantity`) or a stopword.

    Parameters
    ----------
    term : str
        A word folded with :func:`normalize`.
    stop : frozenset of str, optional
        The stopwords (default: :func:`stopwords`).

    Returns
    -------
    bool

    Examples
    --------
    >>> [w for w in ["台灣", "，", "2020", "50%", "的", "十五座", "UN"] if is_term(w)]
    ['台灣', 'UN']
    >>> is_term("的", stop=frozenset())
    True
    """
    if not term or term.isspace():
        return False
    if all(unicodedata.category(ch)[0] in "PSZC" for ch in term):
        return False
    if _NUMBER.match(term) or is_quantity(term):
        return False
    return term not in (stopwords() if stop is None else stop)


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
    return _word_terms(text, words, _term_table(), stopwords(), _fold_table(), patterns())


#: Each word seen and its term (or None), by vocabulary (:func:`vocabulary_digest`): a word is folded
#: and tested once, and every occurrence of a term shares one string (the memo below stays small).
_TERM_TABLES: dict[str, dict[str, str | None]] = {}
_TERM_TABLE_MAX = 2_000_000


def _term_table() -> dict[str, str | None]:
    """The word-to-term table of the current vocabulary (emptied when it grows past :data:`_TERM_TABLE_MAX`)."""
    table = _TERM_TABLES.setdefault(vocabulary_digest(), {})
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
            term = _normalize(w, fold)
            out.append(table.setdefault(w, term if is_term(term, stop=stop) else None))
    spans = boilerplate_spans(text, patterns=pats)
    if spans:
        for k, inside in enumerate(inside_spans(_word_offsets(text, words), spans)):
            if inside:
                out[k] = None
    return out


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


def text_terms(texts: Iterable[str], *, userdict: UserDict = None,
               segmenter: SegmenterLike | None = None) -> dict[str, list[str]]:
    """The terms of each distinct text, segmenting each once (and never again in this process).

    Texts not seen before are segmented together by :func:`analysis.segment_many` (cached, in
    parallel for large batches).

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
        Each distinct text and its terms, as :func:`terms` gives them.

    Examples
    --------
    >>> text_terms(["台灣與美國。", "台灣與美國。"])
    {'台灣與美國。': ['台灣', '美國']}
    """
    fingerprint = get_segmenter(userdict=userdict, segmenter=segmenter).fingerprint
    vocabulary = vocabulary_digest()
    out: dict[str, list[str]] = {}
    todo = []
    for t in dict.fromkeys(texts):
        hit = _MEMO.get((fingerprint, vocabulary, _text_key(t)))
        if hit is None:
            todo.append(t)
        else:
            out[t] = hit
    if todo:
        stop, fold, pats, table = stopwords(), _fold_table(), patterns(), _term_table()
        if len(_MEMO) + len(todo) > _MEMO_MAX:
            _MEMO.clear()
        # a block of texts at a time: the words of a whole crawl are never held together, only its terms
        for start in range(0, len(todo), TERMS_BLOCK):
            block = segment_many(todo[start:start + TERMS_BLOCK], userdict=userdict, segmenter=segmenter)
            for text, words in block.items():
                terms_ = [t for t in _word_terms(text, words, table, stop, fold, pats) if t is not None]
                out[text] = _MEMO[(fingerprint, vocabulary, _text_key(text))] = terms_
            del block
    return out


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


def _field(value: object) -> str:
    """A title or text as a string: a missing one (None, NaN, ``pd.NA``) empty."""
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
    titles, texts = [_field(t) for t in titles], [_field(t) for t in texts]
    by_text = text_terms([*titles, *texts], userdict=userdict, segmenter=segmenter)
    return [by_text[a] + by_text[b] for a, b in zip(titles, texts)]


def field_codes(titles: Iterable[str], texts: Iterable[str], *, vocabulary: pd.Index | None = None,
                userdict: UserDict = None, segmenter: SegmenterLike | None = None
                ) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """:func:`field_terms` as numbers: each pair's terms coded by their place in a vocabulary, as the
    rows of a sparse matrix (``indptr``, ``codes``), without a list of terms for each pair.

    The pairs are read :data:`FIELDS_BLOCK` at a time (so a crawl's texts are never all Python
    strings at once, and ``titles`` and ``texts`` may be iterators); the terms of each block's
    distinct texts are coded in blocks of :data:`CODE_BLOCK`, each block factorized and only its
    distinct terms looked up (in a given vocabulary, or in the one grown by each block's new terms), so
    the time grows with the terms coded, not with the blocks times the vocabulary. This lets every step
    that counts or weighs terms share the segmentation without looping over a crawl's terms in Python.

    Parameters
    ----------
    titles, texts : iterable of str
        Aligned; missing values count as empty.
    vocabulary : pandas.Index, optional
        Distinct terms; terms not in it are left out. Default: the terms found, in the order first seen.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    (ndarray, ndarray, pandas.Index)
        ``indptr`` (int64, one more than the pairs), ``codes`` (int32 places in the vocabulary, each
        pair's terms in order) and the vocabulary.

    Examples
    --------
    >>> indptr, codes, vocabulary = field_codes(["台灣"], ["台灣與美國。"])
    >>> indptr.tolist(), codes.tolist(), vocabulary.tolist()
    ([0, 3], [0, 0, 1], ['台灣', '美國'])
    >>> [a.tolist() for a in field_codes(["台灣"], ["台灣與美國。"], vocabulary=pd.Index(["美國"]))[:2]]
    [[0, 1], [0]]
    """
    pairs = zip(titles, texts)
    places = _Places(vocabulary)
    bounds, parts, done = [np.zeros(1, dtype=np.int64)], [], 0
    while block := list(itertools.islice(pairs, FIELDS_BLOCK)):
        fields = [_field(t) for pair in block for t in pair]  # title, text, title, text...
        del block
        ends, codes = _field_block(fields, places, userdict=userdict, segmenter=segmenter)
        bounds.append(ends + done)
        done += len(codes)
        parts.append(codes)
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    bounds = np.concatenate(bounds)
    known = codes >= 0
    if known.all():
        return bounds, codes, places.vocabulary()
    indptr = np.concatenate([[0], np.cumsum(known, dtype=np.int64)])[bounds]
    return indptr, codes[known], places.vocabulary()


#: Pairs of title and text coded at a time by :func:`field_codes`: a crawl's texts are never all
#: Python strings at once.
FIELDS_BLOCK = 10_000
#: Terms coded at a time by :func:`field_codes`: the Python strings of a crawl's terms are never held in one array.
CODE_BLOCK = 1 << 20


def _field_block(fields: list[str], places: _Places, *, userdict: UserDict,
                 segmenter: SegmenterLike | None) -> tuple[np.ndarray, np.ndarray]:
    """A block of :func:`field_codes`: where each pair's codes end, and the codes (-1 for a term
    outside a given vocabulary)."""
    by_text = text_terms(fields, userdict=userdict, segmenter=segmenter)
    place = {text: i for i, text in enumerate(by_text)}
    sizes = np.fromiter(map(len, by_text.values()), dtype=np.int64, count=len(by_text))
    found = _coded(by_text.values(), int(sizes.sum()), places)
    del by_text
    # the pairs' fields one after another, each a run of ``found``
    at = np.fromiter((place[t] for t in fields), dtype=np.int64, count=len(fields))
    lengths, starts = sizes[at], (np.cumsum(sizes) - sizes)[at]
    ends = np.cumsum(lengths)
    codes = found[_runs(starts, lengths, int(ends[-1]) if len(ends) else 0)]
    return ends[1::2], codes


class _Places:
    """Terms' places in a vocabulary, looked up a block of terms at a time in time that grows with the
    block, not with the vocabulary: a given vocabulary's hash table is made once (as text, not Arrow
    strings, which pandas would convert again for every lookup; an index of text keeps its own from one
    call of :func:`field_codes` to the next); a vocabulary grown from nothing is a dict that each block's
    new terms extend, in the order first seen."""

    def __init__(self, vocabulary: pd.Index | None):
        self.given = vocabulary
        self.grown: dict[str, int] = {}
        # an index of text is used as it is, so that its hash table, made at its first lookup, serves every call
        self.lookup = None if vocabulary is None else vocabulary if vocabulary.dtype == object else \
            pd.Index(vocabulary.to_numpy(dtype=object), dtype=object)

    def of(self, distinct_terms: np.ndarray) -> np.ndarray:
        """The places of distinct terms (-1 for a term outside a given vocabulary)."""
        if self.lookup is not None:
            return self.lookup.get_indexer(distinct_terms)
        grown = self.grown
        return np.fromiter((grown.setdefault(t, len(grown)) for t in distinct_terms.tolist()),
                           dtype=np.int64, count=len(distinct_terms))

    def vocabulary(self) -> pd.Index:
        """The vocabulary given, or the terms found in the order first seen."""
        return self.given if self.given is not None else pd.Index(list(self.grown), dtype=object)


def _coded(lists: Iterable[list[str]], total: int, places: _Places) -> np.ndarray:
    """The terms of the lists one after another (``total`` of them), as int32 places (:class:`_Places`)."""
    found = np.empty(total, dtype=np.int32)
    terms = iter(itertools.chain.from_iterable(lists))
    for start in range(0, total, CODE_BLOCK):
        block = np.fromiter(terms, dtype=object, count=min(CODE_BLOCK, total - start))
        local, distinct_terms = pd.factorize(block)
        found[start:start + len(block)] = places.of(np.asarray(distinct_terms, dtype=object))[local]
    return found


def _runs(starts: np.ndarray, lengths: np.ndarray, total: int) -> np.ndarray:
    """The positions ``starts[i], starts[i] + 1, ... starts[i] + lengths[i] - 1`` for each ``i`` in turn,
    in one array of ``total`` (the sum of ``lengths``) built by one cumulative sum."""
    dtype = np.int32 if int(starts.max(initial=0) + lengths.max(initial=0)) < 2 ** 31 else np.int64
    steps = np.ones(total, dtype=dtype)
    used = lengths > 0
    starts, lengths = starts[used], lengths[used]
    if not len(starts):
        return steps
    first = np.cumsum(lengths) - lengths  # where each run begins in the output
    # each run begins where the previous one ended (its last position + 1) plus a jump to its start
    steps[first[1:]] = starts[1:] - (starts[:-1] + lengths[:-1] - 1)
    steps[0] = starts[0]
    return np.cumsum(steps, out=steps)


def term_frequencies(docs: pd.DataFrame, *, by: str | Sequence[str] | None = None, userdict: UserDict = None,
                     segmenter: SegmenterLike | None = None, unique: bool = True,
                     min_count: int = 1) -> pd.DataFrame:
    """Count terms in the documents' titles and texts.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    by : str or list of str, optional
        Count separately for each value of these columns (e.g. ``"kind"``,
        ``"page_id"``, or a month column you add).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    unique : bool
        Count each distinct text (``content_id``) once, as every function of the kit does by
        default; False counts every copy, as crawled.
    min_count : int
        Drop terms counted fewer times.

    Returns
    -------
    DataFrame
        Columns: the ``by`` columns, then ``term``, ``count``, ``share`` (of all
        terms counted in the group), ``documents`` (how many documents hold the
        term) and ``rank`` (1 for the most frequent in the group). Sorted by
        group, count descending, then term.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國。"]})
    >>> term_frequencies(docs)[["term", "count"]].values.tolist()
    [['台灣', 2], ['美國', 1]]
    """
    return frequencies_at(docs, None, by=by, userdict=userdict, segmenter=segmenter, unique=unique,
                          min_count=min_count)


def _values(column: pd.Series, rows: np.ndarray) -> Iterator[object]:
    """The values of ``column`` at positions ``rows``, read :data:`FIELDS_BLOCK` at a time, as
    :func:`field_codes` takes them (a crawl's texts are never copied at once)."""
    for start in range(0, len(rows), FIELDS_BLOCK):
        yield from column.iloc[rows[start:start + FIELDS_BLOCK]].tolist()


def frequencies_at(docs: pd.DataFrame, rows: np.ndarray | None, *, by: str | Sequence[str] | None = None,
                   userdict: UserDict = None, segmenter: SegmenterLike | None = None, unique: bool = True,
                   min_count: int = 1) -> pd.DataFrame:
    """:func:`term_frequencies` of ``docs.iloc[rows]``, without copying the rows or their texts.

    Each distinct text is counted once and weighted by how many of the documents counted share it:
    with ``unique`` (the default) each ``content_id``'s first copy counts once; without, the copies of
    a ``content_id`` (a digest of title and text) in a group are counted once, times their number.
    Only the texts counted are made Python strings, for their terms to be looked up.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    rows : array of int, optional
        Positions of the documents counted, as ``docs.iloc`` takes them (default: every document).
    by, userdict, segmenter, unique, min_count
        As :func:`term_frequencies` takes them.

    Returns
    -------
    DataFrame
        :func:`term_frequencies`' table of ``docs.iloc[rows]``.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "日本"], "text": ["台灣與美國。", ""]})
    >>> frequencies_at(docs, np.array([1]))[["term", "count"]].values.tolist()
    [['日本', 1]]
    """
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    rows = np.arange(len(docs)) if rows is None else np.asarray(rows, dtype=np.int64)
    content = pd.factorize(docs["content_id"])[0] if "content_id" in docs else None
    if content is not None and unique:  # each text's first copy, in corpus order (as distinct() keeps it)
        rows = rows[~pd.Series(content[rows]).duplicated().to_numpy()]
    if content is not None and not unique:  # each group's copies of a text counted once, times their number
        copies = pd.factorize(_group_codes(docs, rows, keys) * (int(content.max(initial=0)) + 2)
                              + content[rows] + 1)[0]
        weight = np.bincount(copies).astype(np.int64)
        rows = rows[np.unique(copies, return_index=True)[1]]
    else:  # each row once
        weight = np.ones(len(rows), dtype=np.int64)
    group = _group_codes(docs, rows, keys)
    # A sparse matrix of the texts' rows by terms, summed into the ``by`` groups: memory of the order
    # of the corpus's words, not a Python object for every (text, term).
    indptr, codes, vocabulary = field_codes(_values(docs["title"], rows), _values(docs["text"], rows),
                                            userdict=userdict, segmenter=segmenter)
    matrix = sp.csr_matrix((np.ones(len(codes), dtype=np.int32), codes, indptr),
                           shape=(len(rows), len(vocabulary)))
    matrix.sum_duplicates()
    first = np.unique(group, return_index=True)[1]  # a row of each group, for its key values
    weights = sp.csr_matrix((weight, (group, np.arange(len(rows)))), shape=(len(first), len(rows)))
    count = sp.csr_matrix(weights @ matrix)
    held = sp.csr_matrix(weights @ (matrix > 0).astype(np.int64))  # the same places: a count > 0 is held
    count.sort_indices()
    held.sort_indices()
    at = np.repeat(np.arange(count.shape[0]), np.diff(count.indptr))
    terms_ = vocabulary.to_numpy(dtype=object)
    counts = pd.DataFrame({**{k: docs[k].iloc[rows[first]].to_numpy()[at] for k in keys},
                           "term": pd.array(terms_[count.indices], dtype="str"),
                           "count": count.data.astype(np.int64),
                           "documents": held.data.astype(np.int64)})
    totals = counts.groupby(keys, dropna=False)["count"].transform("sum") if keys else counts["count"].sum()
    counts["share"] = counts["count"] / totals
    return _ranked(counts[counts["count"] >= min_count], keys)


def _group_codes(docs: pd.DataFrame, rows: np.ndarray, keys: list[str]) -> np.ndarray:
    """The ``by`` group of each row at ``rows``, numbered in the order first seen (0 for all without keys)."""
    if not keys:
        return np.zeros(len(rows), dtype=np.int64)
    return docs[keys].iloc[rows].groupby(keys, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)


def _ranked(counts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """A frequency table in its order (group, count descending, term), ranked in each group, in its columns."""
    counts = counts.sort_values([*keys, "count", "term"], ascending=[*([True] * len(keys)), False, True],
                                kind="mergesort").reset_index(drop=True)
    counts["rank"] = counts.groupby(keys, dropna=False).cumcount() + 1 if keys else range(1, len(counts) + 1)
    counts[["count", "documents"]] = counts[["count", "documents"]].astype("int64")
    return counts[[*keys, "term", "count", "share", "documents", "rank"]]


def pooled_frequencies(counts: pd.DataFrame, *, by: str | Sequence[str]) -> pd.DataFrame:
    """A grouped :func:`term_frequencies` table summed over its groups: the table of the whole corpus.

    Each distinct text is in one group, so the counts and the documents holding each term add up;
    the result equals ``term_frequencies(docs)`` for ``counts = term_frequencies(docs, by=by)``
    (``min_count`` 1), without segmenting or counting again.

    Parameters
    ----------
    counts : DataFrame
        :func:`term_frequencies` with ``by``.
    by : str or list of str
        Its group columns.

    Returns
    -------
    DataFrame
        ``term``, ``count``, ``share``, ``documents``, ``rank``, sorted as :func:`term_frequencies` sorts.

    Examples
    --------
    >>> docs = pd.DataFrame({"kind": ["article", "related"], "title": ["台灣", "美國"], "text": ["台灣與美國。", ""]})
    >>> pooled_frequencies(term_frequencies(docs, by="kind"), by="kind").values.tolist()
    [['台灣', 2, 0.5, 1, 1], ['美國', 2, 0.5, 2, 2]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    out = counts.drop(columns=[*keys, "share", "rank"]).groupby("term", sort=False)[["count", "documents"]].sum()
    out = out.reset_index()
    out["share"] = out["count"] / out["count"].sum()
    return _ranked(out, [])


def top_terms_by_period(docs: pd.DataFrame, *, freq: str = "YS", top: int = 8, userdict: UserDict = None,
                        segmenter: SegmenterLike | None = None, unique: bool = True) -> pd.DataFrame:
    """The most frequent terms of each period, to see how the vocabulary shifts.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; undated documents are left out.
    freq : str
        A pandas frequency for the periods (``"YS"`` years, ``"QS"`` quarters, ``"MS"`` months).
    top : int
        Terms kept per period.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    unique : bool
        Count each distinct text (``content_id``) once.

    Returns
    -------
    DataFrame
        ``period`` (labelled as :func:`analysis.timeline` labels it), ``period_documents``,
        then ``rank``, ``term``, ``count``, ``share``, ``documents`` (holding the term).

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國"], "text": ["", ""],
    ...                      "published": pd.to_datetime(["2020-09-17", "2021-01-15"])})
    >>> top = top_terms_by_period(docs, top=1)
    >>> top["period"].dt.year.tolist(), top["term"].tolist(), top["period_documents"].tolist()
    ([2020, 2021], ['台灣', '美國'], [1, 1])
    """
    dated = distinct(docs.dropna(subset=["published"]), unique=unique)
    label = pd.Series(pd.NaT, index=dated.index, dtype="datetime64[ns]")
    for period, rows in pd.Series(dated.index, index=dated["published"]).resample(freq):
        label[rows.to_numpy()] = period
    dated = dated.assign(period=label)
    freqs = term_frequencies(dated, by="period", userdict=userdict, segmenter=segmenter, unique=False)
    sizes = dated.groupby("period").size().rename("period_documents")
    out = freqs[freqs["rank"] <= top].merge(sizes, left_on="period", right_index=True)
    return out[["period", "period_documents", "rank", "term", "count", "share", "documents"]].reset_index(drop=True)
