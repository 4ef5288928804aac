"""Run parsing and segmentation as Dask tasks, on a local cluster or an existing one.

Optional: install with ``pip install "analysis[dask]"``. Turn it on for a session
with ``configure(engine="dask")`` (a local cluster of ``workers`` processes) or
``configure(engine="dask", scheduler="tcp://host:8786")`` (an existing cluster),
or on the command line with ``--engine dask [--scheduler ADDRESS]``. Only *where*
the work runs changes: pages are parsed and texts segmented and filtered into
terms on the workers, and every table is assembled by the same code as with the
local engine, so the outputs are byte-identical.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any
from collections.abc import Sequence

logger = logging.getLogger(__name__)

_client: Any = None
_cluster: Any = None


def get_client(*, scheduler: str | None = None, workers: int | None = None):
    """The session's Dask client: connected to ``scheduler``, or to a local cluster it starts."""
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
        _cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                dashboard_address=None)
        _client = Client(_cluster)
    logger.info("Dask client: %s", _client)
    return _client


def close_client() -> None:
    """Close the session's client and the local cluster it started, if any."""
    global _client, _cluster
    if _client is not None:
        _client.close()
    if _cluster is not None:
        _cluster.close()
    _client = _cluster = None


def _chunks(items: Sequence, n_chunks: int) -> list[list]:
    size = max(1, -(-len(items) // max(1, n_chunks)))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def segment_texts(texts: Sequence[str], *, userdicts: Sequence[Path], hmm: bool, client=None) -> list[bytes]:
    """Segment texts as Dask tasks; returns the encoded word lengths, in order."""
    from .cache import segment_chunk

    client = client or get_client()
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    futures = client.map(segment_chunk, _chunks(list(texts), n_workers * 4),
                         userdicts=tuple(str(p) for p in userdicts), hmm=hmm, pure=False)
    return [blob for part in client.gather(futures) for blob in part]


def _read_task(items: list[tuple[str, str]], encoding: str | None, errors: str):
    """On a worker: read and parse pages; warnings come back as messages."""
    from .corpus import read_page

    docs, unplaced = [], []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for path, page_id in items:
            d, u = read_page(Path(path), page_id=page_id, encoding=encoding, errors=errors)
            docs.extend(d)
            unplaced.extend(u)
    return docs, unplaced, [str(w.message) for w in caught]


def read_pages(files: Sequence[Path], page_ids: Sequence[str], *, encoding: str | None, errors: str,
               client=None) -> tuple[list[dict], list[dict]]:
    """Read and parse pages as Dask tasks; warnings are re-issued here, in page order."""
    from .errors import CorpusWarning

    client = client or get_client()
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    items = [(str(f), p) for f, p in zip(files, page_ids)]
    futures = client.map(_read_task, _chunks(items, n_workers * 4), encoding=encoding, errors=errors,
                         pure=False)
    docs, unplaced = [], []
    for d, u, messages in client.gather(futures):
        docs.extend(d)
        unplaced.extend(u)
        for m in messages:
            warnings.warn(m, CorpusWarning, stacklevel=3)
    return docs, unplaced
