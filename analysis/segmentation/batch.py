"""Segment many texts at once: each distinct text once, cached by content, in parallel.

The cache is an SQLite file in the per-user cache folder
(:func:`analysis.config.user_cache_dir`), keyed by the segmenter's fingerprint
and a hash of the text; it stores word lengths, never code or pickles. Where it
lives, whether it is used, and how many worker processes segment a large batch
are session settings (:func:`analysis.configure`); the work itself is handed to
:func:`analysis.executor.run_chunks`.

A segmenter of your own (:mod:`.custom`) is cached under its own fingerprint, and
is sent to worker processes or Dask tasks only when it can be pickled; otherwise
every text is segmented in this process.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any
from pathlib import Path

import numpy as np

from ..blobstore import BlobStore, open_cache
from ..executor import run_chunks
from ..settings import options
from ..typedefs import SegmenterLike, UserDict
from .custom import CustomSegmenter
from .segmenter import get_segmenter, shared_segmenter

logger = logging.getLogger(__name__)

#: Below this many uncached texts, segmenting in this process beats starting workers.
PARALLEL_MIN_TEXTS = 2000


class SegmentCache(BlobStore):
    """Word lengths of segmented texts in SQLite (:class:`analysis.blobstore.BlobStore`), keyed by
    segmenter fingerprint and text hash (:meth:`~analysis.blobstore.BlobStore.key`).

    Values are opaque bytes to the cache; :func:`segment_many` stores each word's length as a
    little-endian ``uint32``. Several processes may share one file.

    Parameters
    ----------
    path : Path
        The SQLite file, created with its folder when missing.

    Examples
    --------
    >>> import tempfile
    >>> cache = SegmentCache(Path(tempfile.mkdtemp()) / "segments.sqlite")
    >>> k = SegmentCache.key("fingerprint", "克拉夫特訪台")
    >>> cache.put_many([(k, b"lengths")])
    >>> cache.get_many([k, SegmentCache.key("fingerprint", "訪台")]) == {k: b"lengths"}
    True
    >>> cache.close()
    """


def _encode(words: list[str]) -> bytes:
    return np.fromiter((len(w) for w in words), dtype="<u4", count=len(words)).tobytes()


def _stored_lengths(text: str, blob: bytes) -> np.ndarray | None:
    """A cached entry's word lengths; None when they do not add up to the text (a corrupt or foreign entry)."""
    lengths = np.frombuffer(blob, dtype="<u4")
    return lengths if int(lengths.sum()) == len(text) else None


def _decode(text: str, blob: bytes) -> list[str] | None:
    lengths = _stored_lengths(text, blob)
    if lengths is None:
        return None  # segment again
    out, start = [], 0
    for n in lengths.tolist():
        out.append(sys.intern(text[start:start + n]))  # one string per distinct word, however many texts hold it
        start += n
    return out


#: What :func:`segment_many` makes of a list of texts and their words (``then=``), text by text.
Then = Callable[[list[str], list[list[str]]], list[Any]]


def segment_chunk(texts: list[str], *, userdicts: tuple[str, ...] = (), hmm: bool = True,
                  segmenter: CustomSegmenter | None = None, then: Then | None = None) -> list:
    """Segment texts into encoded word lengths: the task that worker processes and Dask workers run.

    Parameters
    ----------
    texts : list of str
        A chunk of texts.
    userdicts : tuple of str
        The dictionaries, already resolved (see :func:`analysis.segmentation.segmenter.userdict_paths`).
    hmm : bool
        Let an HMM join characters that no dictionary knows.
    segmenter : CustomSegmenter, optional
        A segmenter of your own, used instead of the kit's (``userdicts`` and ``hmm`` unused).
    then : callable, optional
        As for :func:`segment_many`: applied to the chunk's texts and their words.

    Returns
    -------
    list
        For each text, its words' lengths as little-endian ``uint32`` (bytes); with ``then``, a pair
        of those bytes and what ``then`` made of the text.

    Examples
    --------
    >>> userdicts = tuple(str(p) for p in get_segmenter().userdicts)
    >>> [blob] = segment_chunk(["克拉夫特訪台"], userdicts=userdicts, hmm=True)
    >>> np.frombuffer(blob, dtype="<u4").tolist()
    [4, 2]
    """
    seg = segmenter if segmenter is not None else shared_segmenter([Path(p) for p in userdicts], hmm=hmm)
    if then is None:
        return [_encode(seg(t)) for t in texts]
    words = [seg(t) for t in texts]
    return list(zip([_encode(w) for w in words], then(texts, words)))


def segment_many(texts: Iterable[str], *, userdict: UserDict = None, hmm: bool = True,
                 segmenter: SegmenterLike | None = None, then: Then | None = None) -> dict[str, Any]:
    """Segment texts, each distinct one once; return a dict from text to its words.

    Uses the cache and worker processes as :func:`analysis.configure` set them. A segmenter of
    your own is cached under its own fingerprint; it runs in worker processes (or Dask tasks)
    only when it can be pickled, else every text is segmented in this process. What is to be made
    of the words (``then``) is made where they are: in the workers, so that this process receives
    only that.

    Parameters
    ----------
    texts : iterable of str
        The texts; repeats cost nothing.
    userdict : path or list of paths, optional
        Extra dictionaries (see :func:`analysis.segment`).
    hmm : bool
        Let jieba's HMM join unknown characters.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    then : callable, optional
        A module-level function (or a ``functools.partial`` of one) from a list of texts and the
        list of their words to a list of what it makes of each, in order; it must depend on nothing
        but its arguments, since it runs in worker processes or Dask tasks as well as here (for the
        words taken from the cache).

    Returns
    -------
    dict of str to list of str
        Each distinct text and its words, as :func:`analysis.segment` cuts it; with ``then``, what
        it made of them.

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.
    ValueError
        When ``userdict`` or ``hmm=False`` is given with a segmenter of your own, or when a word
        it returns is not in its text.

    Examples
    --------
    >>> words = segment_many(["美國駐聯合國大使", "美國駐聯合國大使", "克拉夫特訪台"])
    >>> len(words), words["美國駐聯合國大使"], words["克拉夫特訪台"]
    (2, ['美國', '駐', '聯合國', '大使'], ['克拉夫特', '訪台'])
    >>> segment_many(["克拉夫特訪台"], then=lambda texts, words: [len(w) for w in words])  # a few: here
    {'克拉夫特訪台': 2}
    """
    seg = get_segmenter(userdict=userdict, hmm=hmm, segmenter=segmenter)
    distinct = list(dict.fromkeys(texts))
    result: dict[str, list[str]] = {}
    cache = None
    keys: dict[str, bytes] = {}
    try:
        cache = open_cache("segments.sqlite", kind=SegmentCache) if distinct else None
        if cache is not None:
            keys = {t: SegmentCache.key(seg.fingerprint, t) for t in distinct}
            stored = cache.get_many(list(keys.values()))
            for t in distinct:
                blob = stored.get(keys[t])
                words = _decode(t, blob) if blob is not None else None
                if words is not None:
                    result[t] = words
            if then is not None and result:
                result = dict(zip(result, then(list(result), list(result.values()))))
        todo = [t for t in distinct if t not in result]
        logger.info("segmenting %d texts (%d from cache)", len(todo), len(result))
        task: dict = {"userdicts": tuple(str(p) for p in getattr(seg, "userdicts", ())), "hmm": hmm}
        parallel_min = PARALLEL_MIN_TEXTS
        if isinstance(seg, CustomSegmenter):
            task = {"segmenter": seg}
            # Worker processes and Dask tasks only for a callable that can travel there.
            if (options.engine == "dask" or len(todo) >= parallel_min) and not seg.picklable:
                logger.info("segmenting in this process: %s cannot be pickled for worker processes", seg.name)
                task["engine"], parallel_min = "local", len(todo) + 1
        blobs = run_chunks(segment_chunk, todo, desc="segmenting", unit="text", parallel_min=parallel_min,
                           min_chunk=50, then=then, **task)
        if then is not None:
            for t, (_, made) in zip(todo, blobs):
                result[t] = made
            blobs = [blob for blob, _ in blobs]
        else:
            for t, blob in zip(todo, blobs):
                result[t] = _decode(t, blob)  # type: ignore[assignment]
        if cache is not None and todo:
            cache.put_many((keys[t], b) for t, b in zip(todo, blobs))
    finally:
        if cache is not None:
            cache.close()
    return result


def _lengths(texts: list[str], words: list[list[str]]) -> list[np.ndarray]:
    """Each text's word lengths (:func:`segment_many`'s ``then``)."""
    return [np.fromiter(map(len, ws), dtype=np.int64, count=len(ws)) for ws in words]


def word_lengths_many(texts: Iterable[str], *, userdict: UserDict = None, hmm: bool = True,
                      segmenter: SegmenterLike | None = None) -> dict[str, np.ndarray]:
    """Each distinct text's word lengths, as :func:`segment_many` cuts it, without making its words.

    What the cache holds is read as it is stored, with no string per word (a crawl's tens of millions
    of words would be made, and their memory left scattered, for their lengths alone); the texts it does
    not hold are segmented, and cached, by :func:`segment_many`.

    Parameters
    ----------
    texts : iterable of str
        The texts; repeats cost nothing.
    userdict, hmm, segmenter
        As :func:`segment_many` takes them.

    Returns
    -------
    dict of str to numpy.ndarray
        Each distinct text, in order of first appearance, and its words' lengths (int64; they sum to
        the text's length).

    Examples
    --------
    >>> word_lengths_many(["美國駐聯合國大使", "克拉夫特訪台"])["美國駐聯合國大使"].tolist()
    [2, 1, 3, 2]
    """
    seg = get_segmenter(userdict=userdict, hmm=hmm, segmenter=segmenter)
    distinct = list(dict.fromkeys(texts))
    found: dict[str, np.ndarray] = {}
    cache = open_cache("segments.sqlite", kind=SegmentCache) if distinct else None
    if cache is not None:
        try:
            keys = [SegmentCache.key(seg.fingerprint, t) for t in distinct]
            stored = cache.get_many(keys)
        finally:
            cache.close()
        for t, k in zip(distinct, keys):
            lengths = _stored_lengths(t, stored[k]) if k in stored else None
            if lengths is not None:  # else segmented again
                found[t] = lengths.astype(np.int64)
    todo = [t for t in distinct if t not in found]
    if todo:
        found.update(segment_many(todo, userdict=userdict, hmm=hmm, segmenter=segmenter, then=_lengths))
    return {t: found[t] for t in distinct}
