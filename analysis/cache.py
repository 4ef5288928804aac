"""Segment many texts at once: each distinct text once, cached by content, in parallel.

The cache is an SQLite file in the per-user cache folder
(:func:`analysis.config.user_cache_dir`), keyed by a hash of the segmenter's
dictionaries and of the text; it stores word lengths, never code or pickles.
:func:`configure` sets the cache folder, turns the cache off, and sets the
number of worker processes for the whole session (the command line's
``--cache-dir``, ``--no-cache`` and ``--workers``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

import numpy as np

from . import config
from .segmentation import Segmenter, get_segmenter

logger = logging.getLogger(__name__)

#: Below this many uncached texts, segmenting in this process beats starting workers.
PARALLEL_MIN_TEXTS = 2000


@dataclass
class Options:
    """Session-wide settings for :func:`segment_many`."""

    use_cache: bool = True
    cache_dir: Path | None = None
    workers: int | None = None  # None: all cores
    progress: bool | None = None  # None: only when stderr is a terminal
    engine: str = "local"  # or "dask"
    scheduler: str | None = None  # a Dask scheduler address; None starts a local cluster

    @property
    def n_workers(self) -> int:
        return max(1, self.workers or os.cpu_count() or 1)


options = Options()


def configure(*, use_cache: bool | None = None, cache_dir: str | Path | None = None,
              workers: int | None = None, progress: bool | None = None, engine: str | None = None,
              scheduler: str | None = None) -> Options:
    """Change session-wide settings; arguments left as None keep their value.

    Parameters
    ----------
    use_cache : bool, optional
        Read and write the segmentation cache.
    cache_dir : str or Path, optional
        Where the cache lives (default: the per-user cache folder).
    workers : int, optional
        Processes used to segment large batches (default: all cores).
    progress : bool, optional
        Show progress bars (default: only when output is a terminal).
    engine : {"local", "dask"}, optional
        Where pages are parsed and texts segmented: in this process and its worker processes,
        or as Dask tasks (see :mod:`analysis.distributed`).
    scheduler : str, optional
        With the Dask engine, the address of an existing cluster's scheduler
        (default: start a local cluster of ``workers`` processes).

    Returns
    -------
    Options
        The settings now in force.
    """
    if use_cache is not None:
        options.use_cache = use_cache
    if cache_dir is not None:
        options.cache_dir = Path(cache_dir)
    if workers is not None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        options.workers = workers
    if progress is not None:
        options.progress = progress
    if engine is not None:
        if engine not in ("local", "dask"):
            raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
        options.engine = engine
    if scheduler is not None:
        options.scheduler = scheduler
    return options


class SegmentCache:
    """Word lengths of segmented texts in SQLite, keyed by segmenter fingerprint and text hash."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30)
        self.db.execute("CREATE TABLE IF NOT EXISTS seg (k BLOB PRIMARY KEY, v BLOB NOT NULL)")

    @staticmethod
    def key(fingerprint: str, text: str) -> bytes:
        h = hashlib.blake2b(fingerprint.encode(), digest_size=16)
        h.update(b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.digest()

    def get_many(self, keys: list[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT k, v FROM seg WHERE k IN ({','.join('?' * len(chunk))})"
            found.update(self.db.execute(q, chunk).fetchall())
        return found

    def put_many(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO seg VALUES (?, ?)", items)

    def close(self) -> None:
        self.db.close()


def _encode(words: list[str]) -> bytes:
    return np.fromiter((len(w) for w in words), dtype="<u4", count=len(words)).tobytes()


def _decode(text: str, blob: bytes) -> list[str] | None:
    lengths = np.frombuffer(blob, dtype="<u4")
    if int(lengths.sum()) != len(text):
        return None  # a corrupt or foreign entry: segment again
    out, start = [], 0
    for n in lengths.tolist():
        out.append(text[start:start + n])
        start += n
    return out


#: Segmenters built in this (worker) process, by their options.
_segmenters: dict[tuple[tuple[str, ...], bool], Segmenter] = {}


def segment_chunk(texts: list[str], userdicts: tuple[str, ...], hmm: bool) -> list[bytes]:
    """Segment texts with a segmenter built once per process: the task of worker processes and Dask workers."""
    seg = _segmenters.get((userdicts, hmm))
    if seg is None:
        seg = _segmenters[(userdicts, hmm)] = Segmenter(userdicts=list(userdicts), hmm=hmm)
    return [_encode(seg(t)) for t in texts]


def segment_many(texts: Iterable[str], *, userdict=None, hmm: bool = True) -> dict[str, list[str]]:
    """Segment texts, each distinct one once; return a dict from text to its words.

    Uses the cache and worker processes as :func:`configure` set them.

    Parameters
    ----------
    texts : iterable of str
        The texts; repeats cost nothing.
    userdict : path or list of paths, optional
        Extra dictionaries (see :func:`analysis.segment`).
    hmm : bool
        Let jieba's HMM join unknown characters.

    Returns
    -------
    dict of str to list of str
    """
    seg = get_segmenter(userdict=userdict, hmm=hmm)
    distinct = list(dict.fromkeys(texts))
    result: dict[str, list[str]] = {}
    cache = None
    keys: dict[str, bytes] = {}
    if options.use_cache and distinct:
        cache = SegmentCache((options.cache_dir or config.user_cache_dir()) / "segments.sqlite")
        keys = {t: SegmentCache.key(seg.fingerprint, t) for t in distinct}
        stored = cache.get_many(list(keys.values()))
        for t in distinct:
            blob = stored.get(keys[t])
            words = _decode(t, blob) if blob is not None else None
            if words is not None:
                result[t] = words
    todo = [t for t in distinct if t not in result]
    logger.info("segmenting %d texts (%d from cache)", len(todo), len(result))
    blobs: list[bytes] = []
    from .progress import progress

    with progress(len(todo), "segmenting", unit="text") as bar:
        if todo and options.engine == "dask":
            from .distributed import get_client, segment_texts

            client = get_client(scheduler=options.scheduler, workers=options.workers)
            blobs = segment_texts(todo, userdicts=seg.userdicts, hmm=hmm, client=client)
            bar.update(len(todo))
        elif len(todo) >= PARALLEL_MIN_TEXTS and options.n_workers > 1:
            chunk = max(50, len(todo) // (options.n_workers * 8))
            chunks = [todo[i:i + chunk] for i in range(0, len(todo), chunk)]
            task = partial(segment_chunk, userdicts=tuple(str(p) for p in seg.userdicts), hmm=hmm)
            with ProcessPoolExecutor(options.n_workers) as pool:
                for part in pool.map(task, chunks):
                    blobs.extend(part)
                    bar.update(len(part))
        else:
            for t in todo:
                blobs.append(_encode(seg(t)))
                bar.update(1)
    for t, blob in zip(todo, blobs):
        result[t] = _decode(t, blob)  # type: ignore[assignment]
    if cache is not None:
        if todo:
            cache.put_many((keys[t], b) for t, b in zip(todo, blobs))
        cache.close()
    return result
