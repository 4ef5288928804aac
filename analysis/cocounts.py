"""Co-occurrence counts: which terms follow which, within a window of terms, in each title and text.

Counted on the sequence of *terms* (:func:`analysis.terms`: stopwords, punctuation and numbers
already gone) of each title and each text separately: two terms co-occur when at most ``window``
terms apart in the same field, never across a title and its text or across documents. The counts
are a sparse term-by-term matrix (:func:`cooccurrence`), never a dense one, summed a block of rows at
a time from each distinct field's terms as numbers. :mod:`analysis.association` measures them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from .termcodes import field_codes, sorted_codes
from .tables import distinct
from .resources import trim_heap
from .typedefs import SegmenterLike, UserDict


class Cooccurrence(NamedTuple):
    """Sparse co-occurrence counts of a corpus, from :func:`cooccurrence`."""

    #: ``matrix[a, b]``: how often term ``b`` follows term ``a`` at 1 to ``window`` terms (CSR, int64;
    #: int32 where :func:`cooccurrence` was asked for ``compact`` counts and they fit).
    matrix: sparse.csr_matrix
    #: The terms, sorted; a term's id is its position.
    vocabulary: list[str]
    #: Each term's corpus frequency (int64, by id).
    counts: np.ndarray
    #: N, the number of term tokens.
    total: int


def cooccurrence(docs: pd.DataFrame, *, window: int = 5, unique: bool = True, directed: bool = True,
                 compact: bool = False, userdict: UserDict = None,
                 segmenter: SegmenterLike | None = None) -> Cooccurrence:
    """Count which terms follow which, within ``window`` terms, in each title and text.

    Each distinct field text is segmented and counted once and weighted by how many fields hold
    it; the pairs are summed a block of rows at a time (about :data:`BLOCK_PAIRS` pairs a block)
    into one sparse matrix (memory about the number of term tokens plus the matrix, never the
    vocabulary squared).

    Parameters
    ----------
    docs : DataFrame
        With columns ``title`` and ``text`` (``content_id`` for ``unique``).
    window : int
        The largest distance, in terms, at which two terms co-occur (1 = adjacent terms).
    unique : bool
        Count each distinct text (``content_id``) once; False counts every copy, as crawled.
    directed : bool
        True: ``matrix[a, b]`` counts ``b`` after ``a``. False: each pair in either order is
        counted once, in ``matrix[min(a, b), max(a, b)]`` (an upper-triangular matrix, about half
        the entries: what the strongest pairs of a corpus need).
    compact : bool
        False: the counts as int64. True: as int32 when no count can reach 2**31 (half the memory of
        a crawl's tens of millions of pairs; add two such matrices in 64 bits), else int64.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    Cooccurrence
        ``matrix`` (directed: ``matrix[a, b]`` counts ``b`` after ``a``; add its transpose for
        either order), ``vocabulary``, ``counts`` and ``total``.

    Examples
    --------
    >>> co = cooccurrence(pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國，美國與日本。"]}), window=1)
    >>> co.vocabulary, co.counts.tolist(), co.total
    (['台灣', '日本', '美國'], [2, 1, 2], 5)
    >>> co.matrix.toarray().tolist()  # the title's 台灣 is not next to the text's
    [[0, 0, 1], [0, 0, 0], [0, 1, 1]]
    >>> co = cooccurrence(pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國，美國與日本。"]}), window=1,
    ...                   directed=False)
    >>> co.matrix.toarray().tolist()  # 美國 before 日本 counts in [日本, 美國]
    [[0, 0, 1], [0, 0, 1], [0, 0, 1]]
    """
    if window < 1:
        raise ValueError(f"cooccurrence: window must be 1 or more, not {window}")
    texts, copies = _held(distinct(docs[[c for c in ("content_id", "title", "text") if c in docs]], unique=unique))
    # each distinct field's terms as numbers (no list of terms per field: a block of fields at a time)
    indptr, codes, found = field_codes(texts, itertools.repeat(""), userdict=userdict, segmenter=segmenter)
    del texts  # and with it the distinct fields
    ids, vocabulary = sorted_codes(codes, found)  # each term's id: its place in the sorted vocabulary
    vocabulary = vocabulary.tolist()
    size = len(vocabulary)
    del codes, found
    lengths = np.diff(indptr)
    room = _room(indptr, window)
    # no count exceeds the weighted tokens times the window: summed in 32 bits when that fits
    # (half the memory of a crawl's tens of millions of pairs), returned so when ``compact``
    narrow = np.int32 if int(copies @ lengths) * window < 2**31 else np.int64
    weight = np.repeat(copies.astype(narrow), lengths)
    counts = np.bincount(ids, weights=weight, minlength=size).astype(np.int64)
    blocks = _pair_blocks(ids, room, weight, size=size, window=window, directed=directed)
    del ids, room, weight  # let go before the blocks are joined
    matrix = _joined(blocks, size=size, dtype=narrow)
    if not compact:
        matrix.data = matrix.data.astype(np.int64)
    return Cooccurrence(matrix, vocabulary, counts, int(counts.sum()))


#: Pairs of terms (tokens times the window, an upper bound) counted in one block of rows by
#: :func:`cooccurrence`: a crawl's tens of millions of pairs are summed a part at a time, never all at
#: once, a block's in a few times this many bytes (a term's pairs are never split, so a block of one
#: very frequent term may hold more).
BLOCK_PAIRS = 4_000_000


def _room(indptr: np.ndarray, window: int) -> np.ndarray:
    """How many terms follow each term in its field, up to ``window`` (one byte each where the window
    allows): the terms ``d`` apart from it are in the same field where this is ``d`` or more."""
    total = int(indptr[-1])
    wide = np.int32 if total < 2**31 else np.int64
    after = np.repeat(indptr[1:].astype(wide), np.diff(indptr))
    after -= np.arange(1, total + 1, dtype=wide)  # in place: a crawl's tens of millions of terms
    np.minimum(after, window, out=after)
    return after.astype(np.uint8 if window < 256 else wide, copy=False)


def _pair_blocks(ids: np.ndarray, room: np.ndarray, weight: np.ndarray, *, size: int, window: int,
                 directed: bool) -> list[sparse.csr_matrix]:
    """The counts of :func:`cooccurrence` as blocks of rows, to stack: each pair of terms 1 to ``window``
    apart in the same field (:func:`_room`), weighted. A pair's row is its first term (``directed``),
    else the smaller id of the two. Rows are cut into blocks of about :data:`BLOCK_PAIRS` pairs (where
    the terms' tokens reach equal shares); each block reads only the positions of its own terms, found
    in one pass over a block number per term, and sums its pairs of every distance in one conversion to CSR.
    Undirected, a pair is taken at the position of its smaller term: from there to the term ``d`` after
    it when that one is not smaller (equal ids once), else from the term ``d`` before it."""
    tokens = np.cumsum(np.bincount(ids, minlength=size))
    total = int(tokens[-1]) if size else 0
    cuts = max(1, min(size, -(-total * window // BLOCK_PAIRS)))
    bounds = np.unique(np.concatenate([[0], np.searchsorted(tokens, np.linspace(0, total, cuts + 1)[1:-1],
                                                              side="right"), [size]]))
    # each term's block, looked up by id (in the smallest integer that holds it: one byte below 256 blocks)
    block_of = np.repeat(np.arange(len(bounds) - 1, dtype=np.min_scalar_type(len(bounds))), np.diff(bounds))[ids]
    blocks = []
    for k, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
        at = np.flatnonzero(block_of == k)  # the positions of the block's terms
        rows, cols, values = [], [], []
        for d in range(1, window + 1):
            first = at[room[at] >= d]  # a pair from here to the term d after, in the same field
            a, b = ids[first], ids[first + d]
            if not directed:  # the block's term is the smaller (or equal) one; else the term d before
                keep = a <= b
                first, a, b = first[keep], a[keep], b[keep]
                second = at[at >= d]
                second = second[room[second - d] >= d]
                later, earlier = ids[second], ids[second - d]
                keep = later < earlier
                first = np.concatenate([first, second[keep] - d])
                a, b = np.concatenate([a, later[keep]]), np.concatenate([b, earlier[keep]])
                del second, later, earlier, keep
            rows.append(a - lo)
            cols.append(b)
            values.append(weight[first])
            del a, b, first
        del at
        # each list joined and let go before the next (the block's pairs held twice at most)
        values, rows, cols = (_join_parts(parts) for parts in (values, rows, cols))
        blocks.append(sparse.coo_matrix((values, (rows, cols)), shape=(hi - lo, size)).tocsr())  # duplicates summed
        del rows, cols, values
        trim_heap()  # the pairs' pages given back before the next block's
    return blocks


def _join_parts(parts: list[np.ndarray]) -> np.ndarray:
    """``np.concatenate(parts)``, emptying ``parts`` as it goes (its arrays let go once copied)."""
    out = np.empty(sum(len(p) for p in parts), dtype=parts[0].dtype if parts else np.int64)
    at = 0
    while parts:
        part = parts.pop(0)
        out[at:at + len(part)] = part
        at += len(part)
    return out


def _joined(blocks: list[sparse.csr_matrix], *, size: int, dtype: type) -> sparse.csr_matrix:
    """The blocks of rows of :func:`_pair_blocks` stacked into one ``size`` by ``size`` CSR matrix of ``dtype``,
    as ``sparse.vstack`` stacks them, emptying ``blocks`` as it goes: each block let go once copied, so
    the blocks and the matrix are not held whole at once."""
    nnz = sum(b.nnz for b in blocks)
    index = np.int32 if max(nnz, size) < 2**31 else np.int64
    indptr = np.zeros(size + 1, dtype=index)
    indices, data = np.empty(nnz, dtype=index), np.empty(nnz, dtype=dtype)
    row = at = 0
    while blocks:
        block = blocks.pop(0)
        indices[at:at + block.nnz], data[at:at + block.nnz] = block.indices, block.data
        indptr[row + 1:row + 1 + block.shape[0]] = block.indptr[1:] + at
        row, at = row + block.shape[0], at + block.nnz
        del block
        trim_heap()  # the block's pages given back, not kept in the C heap beside the matrix
    return sparse.csr_matrix((data, indices, indptr), shape=(size, size))


#: Distinct titles and texts made Python strings at a time by :func:`cooccurrence`.
HELD_BLOCK = 10_000


def _held(docs: pd.DataFrame) -> tuple[Iterator[str], np.ndarray]:
    """Each distinct title and each distinct text (missing ones included) and how many fields hold
    it: the texts a block at a time as Python strings (a crawl's are never all strings at once), the
    counts as int64. A text that is both a title and a text is listed once for each, with its count
    in each: co-occurrence counts add up the same."""
    held = [docs[column].value_counts(sort=False, dropna=False) for column in ("title", "text")]
    copies = np.concatenate([np.zeros(0, dtype=np.int64), *(h.to_numpy(dtype=np.int64) for h in held)])
    blocks = (h.index[start:start + HELD_BLOCK].tolist() for h in held for start in range(0, len(h), HELD_BLOCK))
    return itertools.chain.from_iterable(blocks), copies  # field_codes reads a missing field as empty
