"""Progress bars for long stages: shown on a terminal after two seconds, silent otherwise."""

from __future__ import annotations

import sys

from .settings import options


def progress(total: int, desc: str, *, unit: str = "it"):
    """A tqdm bar over ``total`` steps, shown when :func:`analysis.configure` or a terminal says so.

    Even when shown, the bar appears only after two seconds, so quick stages stay silent.

    Parameters
    ----------
    total : int
        Steps expected; a bar of 0 steps is never shown.
    desc : str
        The bar's label.
    unit : str
        What one step is (``"page"``, ``"text"``...).

    Returns
    -------
    tqdm.tqdm
        The bar; use it as a context manager and call ``update(n)``.

    Examples
    --------
    >>> with progress(3, "reading pages", unit="page") as bar:
    ...     bar.update(3)
    >>> progress(0, "nothing to do").disable
    True
    """
    from tqdm import tqdm

    show = options.progress if options.progress is not None else sys.stderr.isatty()
    return tqdm(total=total, desc=desc, unit=unit, disable=not show or total == 0, mininterval=0.5, delay=2.0)
