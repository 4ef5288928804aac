"""Progress bars for long stages: shown on a terminal after two seconds, silent otherwise."""

from __future__ import annotations

import sys

from .settings import options


def progress(total: int, desc: str, *, unit: str = "it"):
    """A tqdm bar over ``total`` steps, shown when :func:`analysis.configure` or a terminal says so.

    Examples
    --------
    >>> with progress(3, "reading pages", unit="page") as bar:
    ...     bar.update(3)
    """
    from tqdm import tqdm

    show = options.progress if options.progress is not None else sys.stderr.isatty()
    return tqdm(total=total, desc=desc, unit=unit, disable=not show or total == 0, mininterval=0.5, delay=2.0)
