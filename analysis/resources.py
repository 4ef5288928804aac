"""What a run costs, and what it gives back: the clock of a report's steps, the process's peak memory,
and the memory a step frees returned to the system (pyarrow's allocator, the C library's heap).

A leaf of the package: it imports no other module of the kit.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB (0 where the platform does not say).

    Examples
    --------
    >>> peak_mb() >= 0
    True
    """
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KB elsewhere


class Clock:
    """Times the steps of a report into a dict, and logs each at level INFO with the peak memory so far.

    Examples
    --------
    >>> timings = {}
    >>> clock = Clock(timings)
    >>> with clock("reading"):
    ...     pass
    >>> clock.merge({"reading": 1.0, "figure top_terms": 0.5})
    >>> sorted(timings), timings["reading"] >= 1.0
    (['figure top_terms', 'reading'], True)
    """

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings

    @contextmanager
    def __call__(self, step: str, *, plus: float = 0.0):
        """Time the block of a ``with`` as ``step``, with ``plus`` seconds spent on it before."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.record(step, time.perf_counter() - t0 + plus)

    def record(self, step: str, seconds: float) -> None:
        """Add a step's seconds (measured elsewhere, e.g. in a worker) and log them."""
        self.merge({step: seconds})
        logger.info("%-28s %7.2f s   peak memory so far %6.0f MB", step, seconds, peak_mb())

    def merge(self, timings: dict[str, float]) -> None:
        """Add the steps another clock timed and logged (in a worker, say), without logging them again."""
        for step, seconds in timings.items():
            self.timings[step] = self.timings.get(step, 0.0) + seconds


def release_freed_memory() -> str:
    """Let pyarrow, which holds pandas' strings, allocate from jemalloc, which gives freed memory back.

    pyarrow's default allocator on Linux (mimalloc) keeps what a step frees for the process's later
    allocations: on a crawl, every selection of the documents table (its texts included) left the
    process larger for the rest of a report (at 30,000 pages, 520 MB more after dating the related
    items where 180 MB was kept with jemalloc). :func:`analysis.build_report` calls this; arrays
    already made keep their allocator. Nothing changes where ``ARROW_DEFAULT_MEMORY_POOL`` chooses the
    allocator or pyarrow has no jemalloc (Windows builds).

    Returns
    -------
    str
        The allocator pyarrow uses now: ``"jemalloc"``, ``"mimalloc"`` or ``"system"``.

    Examples
    --------
    >>> release_freed_memory() in ("jemalloc", "mimalloc", "system")
    True
    """
    import pyarrow as pa

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except (NotImplementedError, pa.ArrowNotImplementedError):  # a build without jemalloc
            pass
    return pa.default_memory_pool().backend_name


#: Allocations of container objects between two collections of Python's youngest generation while a
#: report runs (Python's default: 700). A report makes millions of long-lived lists, tuples and dicts,
#: which every full collection walks again: the collections took 1.2 s of the cold 1,000-page report's
#: CPU time and 5.4 s of the 10,000-page one's with Python's default, 0.55 s and 1.4 s with this.
COLLECTION_THRESHOLD = 20_000


@contextmanager
def fewer_collections(threshold: int = COLLECTION_THRESHOLD) -> Iterator[None]:
    """Run Python's cycle collector less often inside the block (workers forked there too), then as before.

    Garbage without cycles is freed at once whatever this sets; what waits longer for a collection is
    only cyclic garbage, at most ``threshold`` allocations more of it. The youngest generation's
    threshold is raised to ``threshold`` (never lowered); the older generations' are kept. Usable as a
    decorator: :func:`analysis.build_report` runs under it.

    Parameters
    ----------
    threshold : int
        Allocations between collections of the youngest generation.

    Examples
    --------
    >>> before = gc.get_threshold()
    >>> with fewer_collections(50_000):
    ...     gc.get_threshold()[0] >= 50_000
    True
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def trim_heap() -> bool:
    """Give back to the system the memory that the C library's heap holds freed (glibc's ``malloc_trim``).

    Python's lists and strings larger than its small-object pools live on that heap; when a step frees
    many of them in the middle of the heap, the process keeps the pages for later allocations, and a
    worker forked afterwards starts with them. :func:`analysis.build_report` calls this between the
    steps of a large crawl. Elsewhere than on Linux with glibc (macOS, Windows, musl) it does nothing.

    Returns
    -------
    bool
        Whether memory was given back.

    Examples
    --------
    >>> trim_heap() in (True, False)
    True
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:  # the C library the process runs on: glibc's has malloc_trim, musl's does not
        return bool(ctypes.CDLL(None).malloc_trim(0))
    except (OSError, AttributeError):
        return False
