"""Work on objects already in memory, in worker processes forked from this one that inherit them.

For what is too large to send to a worker (a report's tables, the documents table): the state
reaches the workers by fork, never pickled or copied; only small items and the results travel.
:func:`map_inherited` maps a task over items; :func:`map_beside` maps one beside this process's
own work, which then takes the items left. A worker starts no workers of its own and runs nothing
on Dask: it does its share in its own process. Where workers cannot be forked (Windows, macOS:
:func:`can_fork`) or with one worker, the same work runs here, one piece after another, with the
same results. Warnings a task raises in a worker are raised again here, in order, as
:func:`analysis.executor.run_chunks` does.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

from .executor import _collecting, _warn_again
from .settings import options

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

#: In a forked worker: the state its parent handed down.
_inherited: Any = None


def _inherit(state: Any) -> None:
    global _inherited
    _inherited = state
    # A worker does its share alone: no pool of its own (its siblings use the other cores), and no Dask
    # client, whose connection and threads a fork does not carry over. The results are the same.
    options.workers = 1
    options.engine = "local"


def _call_inherited(task: Callable[[Any, Any], R], item: Any) -> tuple[R, list[tuple[str, type]]]:
    return _collecting(task, item, _inherited)


def can_fork() -> bool:
    """Whether worker processes can be forked here, inheriting this process's memory (Linux and the like).

    Not on Windows (no fork) nor macOS (where forking a process that has loaded system frameworks
    is unsafe).

    Examples
    --------
    >>> isinstance(can_fork(), bool)
    True
    """
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


_STOPPED = ("a worker process stopped without a result (killed by the system, out of memory?); with "
            "configure(workers=1) or --workers 1 the work is done in this process alone")


def map_inherited(task: Callable[[T, Any], R], items: Sequence[T], state: Any, *,
                  workers: int | None = None) -> list[R]:
    """``task(item, state)`` for each item, in forked worker processes that inherit ``state``.

    For work on large objects already in memory (a report's tables, to draw its figures): ``state``
    reaches the workers by fork, never pickled or copied; only the items and the results travel.
    Here, one item after another, where workers cannot be forked (:func:`can_fork`) or with one
    worker. Warnings a task raises in a worker are raised again here, in the items' order.

    Parameters
    ----------
    task : callable
        A module-level function of an item and the state.
    items : sequence
        Small, picklable items (names, paths).
    state : object
        What every call reads.
    workers : int, optional
        Most worker processes (default: as :func:`analysis.configure` set them).

    Returns
    -------
    list
        The results, in the items' order.

    Examples
    --------
    >>> map_inherited(divmod, [7, 9], 4)
    [(1, 3), (2, 1)]
    """
    n = min(workers or options.n_workers, len(items))
    if n < 2 or not can_fork():
        return [task(item, state) for item in items]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(n, mp_context=context, initializer=_inherit, initargs=(state,)) as pool:
            done = list(pool.map(partial(_call_inherited, task), items))
    except BrokenProcessPool as exc:
        raise RuntimeError(_STOPPED) from exc
    results: list[R] = []
    for result, caught in done:
        results.append(result)
        _warn_again(caught)
    return results


def map_beside(task: Callable[[T, Any], R], items: Sequence[T], state: Any, *, here: Callable[[], S],
               workers: int | None = None) -> tuple[S, list[R]]:
    """``here()`` in this process while one forked worker, inheriting ``state``, maps ``task`` over ``items``.

    For two independent pieces of work on objects in memory, one of them in parts. The worker takes
    the items from the first; when ``here`` is done, this process takes them from the last, as a
    worker would (no pool of its own), until none is left: neither core waits while there is work.
    Only the worker's task should be free of OpenMP (what sparse_dot_topn and numba parallelise
    with): OpenMP's threads do not survive a fork, so a forked process that uses it after its parent
    did can hang; ``here`` may use it. One after the other in this process (``here`` first) where workers cannot
    be forked (:func:`can_fork`) or with one worker. Warnings are raised again here: ``here``'s, then
    the items', in the items' order.

    Parameters
    ----------
    task : callable
        A module-level function of an item and the state.
    items : sequence
        Small, picklable items.
    state : object
        What the task reads.
    here : callable
        What this process does meanwhile.
    workers : int, optional
        Most worker processes (default: as :func:`analysis.configure` set them); below 2, no fork.

    Returns
    -------
    tuple
        ``here()``'s result and the list of the task's results, in the items' order (whoever did them).

    Examples
    --------
    >>> map_beside(divmod, [7, 9], 4, here=lambda: "meanwhile")
    ('meanwhile', [(1, 3), (2, 1)])
    """
    if (workers or options.n_workers) < 2 or not can_fork() or not items:
        return here(), [task(item, state) for item in items]
    context = multiprocessing.get_context("fork")
    # The items not taken yet: from claim[0] (the worker's next) to before claim[1] (after this process's next).
    claim = context.Array("q", [0, len(items)])
    done: dict[int, tuple[R, list[tuple[str, type]]]] = {}
    with ProcessPoolExecutor(1, mp_context=context, initializer=_inherit, initargs=((state, claim),)) as pool:
        future = pool.submit(_call_inherited, _from_front, (task, items))
        try:
            mine = here()
            saved = options.workers
            options.workers = 1  # as a worker: its sibling uses the other core
            try:
                # until none is left, or the worker has failed: its error is raised at once, not after the rest
                while not _failed(future) and (i := _take(claim, front=False)) is not None:
                    done[i] = _collecting(task, items[i], state)
            finally:
                options.workers = saved
            theirs, caught = future.result()
        except BaseException as exc:
            _take_all(claim)  # the worker finishes the item it has, and takes no other
            if isinstance(exc, BrokenProcessPool):
                raise RuntimeError(_STOPPED) from exc
            raise
    _warn_again(caught)
    done.update(theirs)
    results: list[R] = []
    for i in range(len(items)):
        result, caught = done[i]
        results.append(result)
        _warn_again(caught)
    return mine, results


def _failed(future) -> bool:
    return future.done() and future.exception() is not None


def _take(claim, *, front: bool) -> int | None:
    """The next item not taken yet, from the front (the worker) or the back (its parent); None if none is left."""
    with claim.get_lock():
        first, end = claim[0], claim[1]
        if first >= end:
            return None
        if front:
            claim[0] = first + 1
            return first
        claim[1] = end - 1
        return end - 1


def _take_all(claim) -> None:
    with claim.get_lock():
        claim[0] = claim[1]


def _from_front(job: tuple[Callable, Sequence], inherited: tuple[Any, Any]) -> dict[int, tuple[Any, list]]:
    """In :func:`map_beside`'s worker: the items it takes from the front, done one by one, by index."""
    task, items = job
    state, claim = inherited
    done = {}
    while (i := _take(claim, front=True)) is not None:
        done[i] = _collecting(task, items[i], state)
    return done
