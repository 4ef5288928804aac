"""Terms as numbers: each document's terms coded by their place in a vocabulary, for counting and weighting.

:func:`field_codes` gives the terms of pairs of title and text (:func:`analysis.termlists.field_terms`)
as the rows of a sparse matrix, a block of texts and a block of terms at a time, so that every step
that counts or weighs terms (:mod:`analysis.frequencies`, keyness, the TF-IDF vectors) shares one
segmentation without looping over a crawl's terms in Python, in time that grows with the terms.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .termlists import field_text, text_terms
from .typedefs import SegmenterLike, UserDict


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
        fields = [field_text(t) for pair in block for t in pair]  # title, text, title, text...
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


def sorted_codes(codes: np.ndarray, vocabulary: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """``codes`` of :func:`field_codes` renumbered by their terms' places in the sorted vocabulary.

    Parameters
    ----------
    codes : numpy.ndarray
        Places in ``vocabulary``.
    vocabulary : pandas.Index
        The terms, in the order :func:`field_codes` found them.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        Each code's place among the sorted terms (int32 where it fits), and the sorted terms (object).

    Examples
    --------
    >>> ids, terms = sorted_codes(np.array([0, 1, 0, 2]), pd.Index(["美國", "台灣", "日本"]))
    >>> ids.tolist(), terms.tolist()
    ([2, 0, 2, 1], ['台灣', '日本', '美國'])
    """
    terms = vocabulary.to_numpy(dtype=object)  # each term a Python string once (a crawl's: some 900,000)
    order = np.argsort(terms, kind="stable")
    place = np.empty(len(order), dtype=np.int32 if len(order) < 2**31 else np.int64)
    place[order] = np.arange(len(order), dtype=place.dtype)
    return place[codes], terms[order]


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
