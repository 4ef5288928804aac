"""Candidate pairs for text reuse across a whole corpus: MinHash LSH of character shingles.

:func:`reuse_candidates` cuts each text into overlapping chunks, summarises each chunk's character
shingles by a MinHash (``datasketch``'s ``affine32`` scheme: its permutations, computed for a block
of texts at once) and finds the chunks that share a band of their signatures (``datasketch``'s
banding for the threshold), with arrays, not a Python index: memory about 200 bytes a chunk, time
growing with the characters. ``tests/test_minhash.py`` checks it against ``datasketch``'s
``MinHash`` and ``MinHashLSH`` pair for pair.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import numpy as np
import pandas as pd

from .tables import distinct
from .text import code_points

logger = logging.getLogger(__name__)

#: Characters of texts signed at once (their shingles' permuted hashes: 512 bytes a character).
BLOCK_CHARS = 100_000

#: MurmurHash3's finalizer constants by width: shifts and multipliers.
_FMIX = {np.dtype(np.uint32): (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16),
         np.dtype(np.uint64): (33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33)}


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer for the array's width (a bijection), element-wise, wrapping."""
    kind = h.dtype.type
    s1, m1, s2, m2, s3 = (kind(c) for c in _FMIX[h.dtype])
    h = (h ^ (h >> s1)) * m1
    h = (h ^ (h >> s2)) * m2
    return h ^ (h >> s3)


def shingle_hashes(text: str, *, shingle: int = 5) -> np.ndarray:
    """The 32-bit hash of each character ``shingle``-gram of ``text``, in order (``len - shingle + 1``).

    Examples
    --------
    >>> h = shingle_hashes("蓬佩奧宣布蓬佩奧宣布", shingle=5)
    >>> len(h), h.dtype.name, bool(h[0] == h[5]), bool(h[0] == h[1])
    (6, 'uint32', True, False)
    """
    points = code_points(text)
    n = len(points) - shingle + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint32)
    with np.errstate(over="ignore"):
        h = np.full(n, shingle, dtype=np.uint32)
        for i in range(shingle):
            h = _fmix(h ^ points[i:i + n])
    return h


def _chunks(length: int, *, shingle: int, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """The first and after-last shingle of each chunk of a text of ``length`` characters."""
    step = max(1, chunk // 2)
    starts = np.arange(0, max(1, length - chunk + step), step)
    ends = np.minimum(starts + chunk, length) - shingle + 1
    keep = ends > starts
    return starts[keep], ends[keep]


def _signatures(texts: list[str], *, shingle: int, chunk: int, permutations: tuple[np.ndarray, np.ndarray]
                ) -> tuple[np.ndarray, np.ndarray]:
    """Each chunk's MinHash signature (``num_perm`` by chunks, uint32: a permutation's values in a row,
    where a chunk's minimum is a contiguous run) and the text each chunk belongs to."""
    a, b = permutations
    hashes, starts, ends, owners, offset = [], [], [], [], 0
    for i, text in enumerate(texts):
        h = shingle_hashes(text, shingle=shingle)
        if not len(h):
            continue
        s, e = _chunks(len(text), shingle=shingle, chunk=chunk)
        hashes.append(h)
        starts.append(s + offset)
        ends.append(e + offset)
        owners.append(np.full(len(s), i, dtype=np.int64))
        offset += len(h)
    if not hashes:
        return np.empty((len(a), 0), dtype=np.uint32), np.empty(0, dtype=np.int64)
    with np.errstate(over="ignore"):
        permuted = a[:, None] * _fmix(np.concatenate(hashes)) + b[:, None]  # affine32: a * fmix(h) + b, mod 2 ** 32
    s, e = np.concatenate(starts), np.concatenate(ends)
    bounds = np.column_stack([s, e]).ravel()
    if bounds[-1] == permuted.shape[1]:  # the last chunk runs to the end: reduceat's last segment does
        bounds = bounds[:-1]
    return np.minimum.reduceat(permuted, bounds, axis=1)[:, ::2], np.concatenate(owners)


def _band_keys(signatures: np.ndarray, *, bands: int, rows: int) -> np.ndarray:
    """A 64-bit key for each band of ``rows`` values of each signature (chunks by bands)."""
    keys = np.empty((signatures.shape[1], bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            k = np.full(signatures.shape[1], rows, dtype=np.uint64)
            for value in signatures[band * rows:(band + 1) * rows]:
                k = _fmix(k ^ value.astype(np.uint64))
            keys[:, band] = k
    return keys


def _colliding(keys: np.ndarray, *, max_df: int | None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For each band, the pairs of chunks (first before second) whose keys are equal."""
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        sorted_keys = keys[order, band]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(order)])
        if max_df is not None:
            crowded = sizes > max_df
            if crowded.any():
                logger.info("band %d: %d keys shared by more than %d chunks left out", band, crowded.sum(), max_df)
            starts, sizes = starts[~crowded], sizes[~crowded]
        starts, sizes = starts[sizes > 1], sizes[sizes > 1]
        # every pair within a run of equal keys: each member with each later member
        member = np.repeat(starts, sizes) + (np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
        later = np.repeat(starts + sizes, sizes) - member - 1
        first = np.repeat(member, later)
        second = first + 1 + (np.arange(later.sum()) - np.repeat(np.cumsum(later) - later, later))
        yield order[first], order[second]


def flat_text(text: object) -> str:
    """A text without its whitespace, as reuse is looked for and reported (a missing text is empty).

    Examples
    --------
    >>> flat_text("台 灣\u3000人"), flat_text(None)
    ('台灣人', '')
    """
    return "".join(text.split()) if isinstance(text, str) else ""


def _blocks(texts: pd.Series, *, rows: int = 5_000) -> Iterator[tuple[int, list[str]]]:
    """The texts, whitespace removed, in blocks of about :data:`BLOCK_CHARS` characters, each with
    the position of its first text (read ``rows`` at a time: never all Python strings at once)."""
    block: list[str] = []
    first = size = 0
    for start in range(0, len(texts), rows):
        for text in texts.iloc[start:start + rows].tolist():
            block.append(flat_text(text))
            size += len(block[-1])
            if size >= BLOCK_CHARS:
                yield first, block
                first, block, size = first + len(block), [], 0
    if block:
        yield first, block


def reuse_candidates(docs: pd.DataFrame, *, shingle: int = 5, chunk: int = 50, threshold: float = 0.5,
                     num_perm: int = 128, seed: int = 1, unique: bool = True, max_df: int | None = 100
                     ) -> pd.DataFrame:
    """Pairs of documents that may share a passage, across the whole corpus, by MinHash LSH.

    Each text (whitespace removed) is cut into overlapping chunks of ``chunk`` characters (a step of
    half a chunk); each chunk is the set of its character ``shingle``-grams, summarised by a MinHash
    of ``num_perm`` permutations (``datasketch``'s ``affine32`` scheme and permutations for
    ``seed``); locality-sensitive hashing (``datasketch``'s bands and rows for ``threshold``) then
    finds the chunks whose estimated Jaccard similarity is about ``threshold`` or more, without
    comparing every pair. Chunks make the search blind to the rest of each text: a two-sentence
    summary that repeats an article's lead is found however long the article is, which a Jaccard
    similarity of whole texts would miss. A passage shared word for word of one and a half chunks or
    more has two chunks at most a quarter chunk out of step, with a Jaccard similarity of about 0.6
    or more, and is found with high probability; shorter or edited passages may be missed. Texts
    shorter than ``shingle`` characters have no shingles and are never candidates.

    The texts are signed a block at a time and only each chunk's band keys are kept (64-bit hashes of
    a band's values: two different bands share a key with a chance of 2 ** -64), so memory grows with
    the chunks, some 200 bytes each, and time with the characters. A band shared by more than
    ``max_df`` chunks is boilerplate (a footer, a standard notice), not reuse, and is left out, as
    text-reuse tools do (passim's ``--max-df``): without that, one notice on every page would make
    every pair of pages a candidate.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (``doc_id``, ``text``; ``content_id`` when present).
    shingle : int
        Characters per shingle (5 suits Chinese: about two or three words).
    chunk : int
        Characters per chunk: about the shortest passage looked for (a text shorter than a chunk is
        one chunk).
    threshold : float
        Jaccard similarity of two chunks' shingles from which they are candidates (an LSH threshold:
        approximate at the edge).
    num_perm : int
        Permutations per MinHash (more: slower, sharper threshold).
    seed : int
        Seed of the MinHash permutations: the same seed gives the same pairs.
    unique : bool
        Compare each distinct text (``content_id``) once, under its first ``doc_id``; copies of the
        same text are not candidates of each other.
    max_df : int or None
        Most chunks that may share a band (``None``: no limit).

    Returns
    -------
    DataFrame
        ``doc_a``, ``doc_b`` (in corpus order, each pair once), ``chunks`` (how many pairs of chunks
        collided), sorted by corpus order.

    Examples
    --------
    >>> lead = "美國國務卿蓬佩奧宣布美國駐聯合國大使克拉夫特將訪問台灣並與蔡總統會面"
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "content_id": ["1", "2", "3"],
    ...                      "text": [lead + "。" + "外交部表示歡迎。" * 20, "據報導，" + lead + "。",
    ...                               "台灣黑熊布偶進入聯合國總部，成為熱門話題。"]})
    >>> reuse_candidates(docs, chunk=20)[["doc_a", "doc_b"]].values.tolist()
    [['a', 'b']]
    """
    if shingle < 1 or chunk < shingle:
        raise ValueError(f"need 1 <= shingle <= chunk, got shingle={shingle}, chunk={chunk}")
    columns = ["doc_a", "doc_b", "chunks"]
    docs = distinct(docs, unique=unique)
    from datasketch import MinHash, MinHashLSH  # imported where used: it imports scipy.integrate (0.15 s)

    index = MinHashLSH(threshold=threshold, num_perm=num_perm)  # only for its bands and rows: empty
    bands, rows = index.b, index.r
    permutations = tuple(MinHash(num_perm=num_perm, seed=seed).permutations)
    keys, owners = [], []
    for first, block in _blocks(docs["text"]):
        signatures, own = _signatures(block, shingle=shingle, chunk=chunk, permutations=permutations)
        keys.append(_band_keys(signatures, bands=bands, rows=rows))
        owners.append(own + first)
    owner = np.concatenate(owners) if owners else np.empty(0, dtype=np.int64)
    if not len(owner):
        return pd.DataFrame(columns=columns)
    key = np.concatenate(keys)
    n = np.int64(len(owner))
    pairs = []
    for a, b in _colliding(key, max_df=max_df):
        apart = owner[a] != owner[b]  # never within a text
        a, b = a[apart], b[apart]
        pairs.append(np.unique(np.minimum(a, b) * n + np.maximum(a, b)))
    chunk_pairs = np.unique(np.concatenate(pairs))  # a pair of chunks once, however many bands they share
    doc_a, doc_b = owner[chunk_pairs // n], owner[chunk_pairs % n]
    lo, hi = np.minimum(doc_a, doc_b), np.maximum(doc_a, doc_b)
    found, counts = np.unique(lo * np.int64(len(docs)) + hi, return_counts=True)
    ids = docs["doc_id"].to_numpy()
    return pd.DataFrame({"doc_a": ids[found // len(docs)], "doc_b": ids[found % len(docs)],
                         "chunks": counts}, columns=columns)
