"""Session-wide settings: the segmenter, its cache, worker processes, progress bars and the engine.

A leaf of the package: every step reads :data:`options`, and nothing here
depends on any step. :func:`configure` is the one way to change them (the
command line's ``--cache-dir``, ``--no-cache``, ``--workers``, ``--engine`` and
``--scheduler`` call it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Engine = Literal["local", "dask"]
ENGINES = ("local", "dask")


@dataclass
class Options:
    """The settings in force; read them from :data:`options`, change them with :func:`configure`.

    Parameters
    ----------
    use_cache : bool
        Read and write the caches: segmented words, actors' mentions, parsed pages.
    cache_dir : Path, optional
        Where the caches live (None: the per-user cache folder).
    workers : int, optional
        Worker processes, or Dask workers of a local cluster (None: all cores; 2 for a local
        Dask cluster).
    progress : bool, optional
        Show progress bars (None: only when stderr is a terminal).
    engine : {"local", "dask"}
        Where pages are parsed and texts segmented.
    scheduler : str, optional
        A Dask scheduler's address (None: start a local cluster).
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, used by every function that segments
        (None: the kit's; see :mod:`analysis.segmentation.custom`).
    variants : bool
        Count variant characters as one term (臺灣 and 台灣 as 台灣; see ``analysis/data/variants.txt``).

    Attributes
    ----------
    n_workers : int
        Processes to use: ``workers``, or the number of cores.

    Examples
    --------
    >>> Options(workers=3).n_workers, Options().engine
    (3, 'local')
    """

    use_cache: bool = True
    cache_dir: Path | None = None  # None: the per-user cache folder
    workers: int | None = None  # None: all cores
    progress: bool | None = None  # None: only when stderr is a terminal
    engine: Engine = "local"
    scheduler: str | None = None  # a Dask scheduler address; None starts a local cluster
    segmenter: Callable[[str], Iterable[str]] | None = None  # None: the kit's segmenter
    variants: bool = False  # True: variant characters fold into one term (臺 -> 台)

    @property
    def n_workers(self) -> int:
        """Processes to use: ``workers``, or the number of cores.

        Returns
        -------
        int
            At least 1.

        Examples
        --------
        >>> Options(workers=2).n_workers, Options().n_workers >= 1
        (2, True)
        """
        return max(1, self.workers or os.cpu_count() or 1)


#: The settings of this session.
options = Options()


def check_engine(engine: str) -> Engine:
    """Return ``engine`` when it is one the kit knows, else raise :class:`ValueError`.

    Parameters
    ----------
    engine : str
        The engine's name.

    Returns
    -------
    {"local", "dask"}
        ``engine`` itself.

    Raises
    ------
    ValueError
        When ``engine`` is neither ``"local"`` nor ``"dask"``.

    Examples
    --------
    >>> check_engine("dask")
    'dask'
    >>> check_engine("spark")
    Traceback (most recent call last):
    ...
    ValueError: engine must be 'local' or 'dask', not 'spark'
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    return engine  # type: ignore[return-value]


def configure(*, use_cache: bool | None = None, cache_dir: str | Path | None = None,
              workers: int | None = None, progress: bool | None = None, engine: Engine | None = None,
              scheduler: str | None = None,
              segmenter: Callable[[str], Iterable[str]] | Literal["kit"] | None = None,
              variants: bool | None = None) -> Options:
    """Change session-wide settings; arguments left as None keep their value.

    Parameters
    ----------
    use_cache : bool, optional
        Read and write the caches: segmented words, actors' mentions, parsed pages.
    cache_dir : str or Path, optional
        Where the caches live (default: the per-user cache folder).
    workers : int, optional
        Processes used for large batches, or Dask workers of a local cluster (default: all cores,
        but 2 for a local Dask cluster).
    progress : bool, optional
        Show progress bars (default: only when output is a terminal).
    engine : {"local", "dask"}, optional
        Where pages are parsed and texts segmented: in this process and its worker processes,
        or as Dask tasks (see :mod:`analysis.executor`). The results are the same.
    scheduler : str, optional
        With the Dask engine, the address of an existing cluster's scheduler
        (default: start a local cluster of ``workers`` processes).
    segmenter : callable or "kit", optional
        A segmenter of your own for every function that segments: any callable from a text to a
        list of its words (see :mod:`analysis.segmentation.custom`); ``"kit"`` goes back to the
        kit's own.
    variants : bool, optional
        Count variant characters as one term: 臺灣 and 台灣 are both counted as 台灣, 爲 as 為
        (the table is ``analysis/data/variants.txt``). The text itself is never changed.

    Returns
    -------
    Options
        The settings now in force.

    Raises
    ------
    ValueError
        When ``workers`` is below 1, ``engine`` is unknown or ``segmenter`` is a string other than
        ``"kit"``.
    TypeError
        When ``segmenter`` cannot be called.

    Examples
    --------
    >>> from analysis import configure
    >>> configure(progress=False).progress
    False
    >>> configure(workers=0)
    Traceback (most recent call last):
    ...
    ValueError: workers must be at least 1
    """
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    if isinstance(segmenter, str) and segmenter != "kit":
        raise ValueError(f"segmenter must be a callable or 'kit', not {segmenter!r}")
    if segmenter is not None and not isinstance(segmenter, str) and not callable(segmenter):
        raise TypeError(f"segmenter must be a callable from a text to its words, not {type(segmenter).__name__}")
    if engine is not None:
        options.engine = check_engine(engine)
    if use_cache is not None:
        options.use_cache = use_cache
    if cache_dir is not None:
        options.cache_dir = Path(cache_dir)
    if workers is not None:
        options.workers = workers
    if progress is not None:
        options.progress = progress
    if scheduler is not None:
        options.scheduler = scheduler
    if segmenter is not None:
        options.segmenter = None if isinstance(segmenter, str) else segmenter
    if variants is not None:
        options.variants = variants
    return options
