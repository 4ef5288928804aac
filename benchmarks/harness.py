"""What the scale benchmarks share: synthetic crawls made once, tasks measured in forked processes.

A benchmark reads a crawl once and then forks a process for each thing it times, so that each
starts from the same memory and what one leaves behind does not weigh on the next.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from make_corpus import make_corpus

T = TypeVar("T")


def _measured(task: Callable[[], object], queue) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = task()
    seconds = time.perf_counter() - t0
    queue.put((seconds, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024, result))


def measure(task: Callable[[], T]) -> tuple[float, float, T]:
    """``task()`` in a forked process: its seconds, the MB it added to the process's peak, what it returned."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    proc = context.Process(target=_measured, args=(task, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def crawl_options(description: str) -> argparse.Namespace:
    """The options of a benchmark over synthetic crawls: ``--sizes``, ``--vocabulary``, ``--workdir``."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="pages of each crawl")
    p.add_argument("--vocabulary", nargs="+", default=["realistic"], help="seed, realistic or both")
    p.add_argument("--workdir", type=Path, help="where the crawls are made, or found (default: a new folder)")
    return p.parse_args()


def crawls(options: argparse.Namespace) -> Iterator[tuple[str, int, Path]]:
    """Each vocabulary and size of ``options``, and its crawl (benchmarks/make_corpus.py), made if missing."""
    work = options.workdir or Path(tempfile.mkdtemp(prefix="analysis-bench-"))
    for vocabulary in options.vocabulary:
        for n in options.sizes:
            corpus = work / f"{vocabulary}-{n}"
            if not corpus.exists():
                make_corpus(n, corpus, vocabulary=vocabulary)
            yield vocabulary, n, corpus
