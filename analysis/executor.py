"""Run a step's task over many items: here, in worker processes, or as Dask tasks.

A neutral service, as joblib is for scikit-learn: the caller hands over a task
function (a list of items to a list of results, importable at module level so
that it can be sent to another process) and the items; :func:`run_chunks` cuts
them into chunks with one chunker, runs the chunks where
:func:`analysis.configure` says, and returns the results in the items' order.
It imports no step of the pipeline. Warnings that a task raises in another
process are collected there and raised again here, in order, so that they are
neither lost nor reordered. Where the work runs changes nothing in the results.

The Dask engine is optional: install it with ``pip install "analysis[dask]"``,
then ``configure(engine="dask")`` starts a local cluster of ``workers``
processes, and ``configure(engine="dask", scheduler="tcp://host:8786")`` uses an
existing one.
"""

from __future__ import annotations

import logging
import multiprocessing
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, TypeVar

from .errors import collect_warnings
from .progress import progress
from .settings import Engine, check_engine, options

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: Chunks per worker: enough to balance uneven chunks, few enough to keep overhead low.
CHUNKS_PER_WORKER = 8

_client: Any = None
_cluster: Any = None


def chunks(items: Sequence[T], parts: int, *, min_size: int = 1) -> list[list[T]]:
    """Cut ``items`` into at most ``parts`` consecutive chunks of at least ``min_size`` (but the last).

    Parameters
    ----------
    items : sequence
        What to cut; it is not copied, only sliced.
    parts : int
        Most chunks wanted (values below 1 count as 1).
    min_size : int
        Smallest chunk, the last excepted; a larger ``min_size`` gives fewer chunks.

    Returns
    -------
    list of list
        The chunks, in order; empty when ``items`` is.

    Examples
    --------
    >>> chunks(list(range(7)), 3)
    [[0, 1, 2], [3, 4, 5], [6]]
    >>> chunks(list(range(7)), 3, min_size=5)
    [[0, 1, 2, 3, 4], [5, 6]]
    """
    size = max(min_size, -(-len(items) // max(1, parts)))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _collecting(task: Callable[..., R], chunk: Any, *args: Any, **kwargs: Any) -> tuple[R, list[tuple[str, type]]]:
    """Run a task in another process and bring back its warnings as (message, category) pairs."""
    with collect_warnings() as caught:
        result = task(chunk, *args, **kwargs)
    return result, [(str(w.message), w.category) for w in caught]


def _warn_again(caught: list[tuple[str, type]]) -> None:
    """Raise here, in order, the warnings a task raised in another process (:func:`_collecting`)."""
    for message, category in caught:
        warnings.warn(message, category, stacklevel=3)


def run_chunks(task: Callable[..., list[R]], items: Sequence[T], *, desc: str, unit: str = "it",
               engine: Engine | None = None, parallel_min: int = 2000, min_chunk: int = 1,
               prepare: Callable[[], object] | None = None, **kwargs: Any) -> list[R]:
    """Apply ``task`` to chunks of ``items`` and return the results, one per item, in order.

    Parameters
    ----------
    task : callable
        ``task(chunk, **kwargs)`` returns one result per item of ``chunk``. It must be a
        module-level function for worker processes and Dask.
    items : sequence
        The items.
    desc, unit : str
        The progress bar's label and unit.
    engine : {"local", "dask"}, optional
        Where to run (default: as :func:`analysis.configure` set it).
    parallel_min : int
        With the local engine, fewer items than this run in this process: starting
        workers would cost more than it saves.
    min_chunk : int
        Smallest chunk sent to a worker.
    prepare : callable, optional
        Called here just before local worker processes are forked, to load what every worker would
        otherwise load again by itself (a tagger's tables): forked, they inherit it. Not called when
        the items are done here, with Dask, or where workers are not forked.
    **kwargs
        Passed to every call of ``task``.

    Returns
    -------
    list
        ``task``'s results, in the order of ``items``.

    Raises
    ------
    ValueError
        For an unknown ``engine``.
    ImportError
        With the Dask engine, when the ``dask`` extra is not installed.

    Examples
    --------
    >>> run_chunks(lambda chunk: [x * x for x in chunk], [1, 2, 3], desc="squaring")
    [1, 4, 9]
    """
    if not items:
        return []
    results: list[R] = []
    with progress(len(items), desc, unit=unit) as bar:
        if check_engine(engine or options.engine) == "dask":
            client = get_client(scheduler=options.scheduler, workers=options.workers)
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            parts = chunks(items, workers * CHUNKS_PER_WORKER, min_size=min_chunk)
            futures = client.map(partial(_collecting, task, **kwargs), parts, pure=False)
            done = client.gather(futures)
        elif len(items) >= parallel_min and options.n_workers > 1:
            if prepare is not None and multiprocessing.get_start_method() == "fork":
                prepare()
            parts = chunks(items, options.n_workers * CHUNKS_PER_WORKER, min_size=min_chunk)
            with ProcessPoolExecutor(options.n_workers) as pool:
                done = list(pool.map(partial(_collecting, task, **kwargs), parts))
        else:
            for part in chunks(items, 100):
                results.extend(task(part, **kwargs))
                bar.update(len(part))
            return results
        for part_results, caught in done:
            results.extend(part_results)
            bar.update(len(part_results))
            _warn_again(caught)
    return results


def get_client(*, scheduler: str | None = None, workers: int | None = None):
    """The session's Dask client: connected to ``scheduler``, or to a local cluster it starts.

    The client is made on the first call and returned by every later one, whatever its arguments,
    until :func:`close_client`.

    Parameters
    ----------
    scheduler : str, optional
        An existing scheduler's address, e.g. ``"tcp://host:8786"``.
    workers : int, optional
        Worker processes of the local cluster started when there is no ``scheduler`` (default: 2).

    Returns
    -------
    distributed.Client

    Raises
    ------
    ImportError
        When the ``dask`` extra is not installed.

    Examples
    --------
    Not run here (it starts a Jupyter kernel or a Dask cluster)::

        client = get_client(workers=2)
        len(client.scheduler_info()["workers"])
        # 2
        close_client()
    """
    global _client, _cluster
    if _client is not None:
        return _client
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise ImportError('the Dask engine needs the dask extra: pip install "analysis[dask]"') from None
    if scheduler:
        _client = Client(scheduler)
    else:
        _cluster = LocalCluster(n_workers=workers or options.n_workers, threads_per_worker=1, processes=True,
                                dashboard_address=None)
        _client = Client(_cluster)
    logger.info("Dask client: %s", _client)
    return _client


def use_client(client: Any) -> None:
    """Run Dask tasks on this client (for example one a test or a notebook started itself).

    Parameters
    ----------
    client : distributed.Client
        The client :func:`get_client` returns from now on; :func:`close_client` closes it.

    Examples
    --------
    Not run here (it starts a Jupyter kernel or a Dask cluster)::

        from distributed import Client, LocalCluster
        cluster = LocalCluster(n_workers=2, processes=True)
        use_client(Client(cluster))
        get_client() is not None
        # True
    """
    global _client
    _client = client


def close_client() -> None:
    """Close the session's client and the local cluster it started, if any.

    A cluster behind a client given to :func:`use_client` is its owner's to close.

    Examples
    --------
    >>> close_client()  # nothing to close: a no-op
    """
    global _client, _cluster
    if _client is not None:
        _client.close()
    if _cluster is not None:
        _cluster.close()
    _client = _cluster = None
