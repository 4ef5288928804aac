"""The kit's own exception and warning types, the problem record, and the one helper that collects warnings.

A leaf of the package. Users catch :class:`CorpusError` and filter
:class:`CorpusWarning`; each warning the reader raises is also a row of the
problems table (:func:`problem_row`, with an ``action`` from :data:`ACTIONS`); the
executor and the command line collect warnings with :func:`collect_warnings`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class CorpusError(ValueError):
    """A page that cannot be read, naming the file and, where known, the line.

    A :class:`ValueError`, so code that catches bad input in general catches it too.
    It keeps ``path`` and ``line`` when pickled across processes.

    Parameters
    ----------
    reason : str
        What is wrong, without the location.
    path : str or Path, optional
        The file the problem was found in.
    line : int, optional
        The 1-based line number.

    Attributes
    ----------
    path : pathlib.Path or None
        The file the problem was found in.
    line : int or None
        The 1-based line number, where the problem has one.
    reason : str
        What is wrong, without the location.

    Examples
    --------
    >>> str(CorpusError("no dateline", path="seeds/a.txt", line=2))
    'seeds/a.txt:2: no dateline'
    """

    def __init__(self, reason: str, *, path: str | Path | None = None, line: int | None = None):
        self.reason = reason
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self._message())

    def _message(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path) + (f":{self.line}" if self.line is not None else "")
            where += ": "
        return where + self.reason

    def __reduce__(self):
        # Keep path and line when the error crosses a process boundary (worker processes, Dask).
        return _rebuild_error, (self.reason, self.path, self.line)


def _rebuild_error(reason: str, path: Path | None, line: int | None) -> CorpusError:
    return CorpusError(reason, path=path, line=line)


class CorpusWarning(UserWarning):
    """Something in a page was skipped, merged, left empty or flagged; the message names the file and line.

    Each one the reader raises is also one row, with the same file and line, of the problems
    table that :func:`analysis.read_corpus` returns.

    Filter them like any warning::

        import warnings
        from analysis import CorpusWarning
        warnings.simplefilter("ignore", CorpusWarning)

    Examples
    --------
    >>> from analysis import parse_page
    >>> with collect_warnings(CorpusWarning) as caught:
    ...     docs, problems = parse_page("一行沒有日期的字。", source="p.txt")
    >>> [str(w.message) for w in caught]
    ['p.txt:1: not a news page (neither a dateline, a date line nor a 相關新聞 list)']
    """


#: What the reader did about each problem: the values of the problems table's ``action`` column.
ACTIONS = {
    "unplaced": "the line was put in no field",
    "merged": "the line was joined to a neighbouring line's field (a wrapped headline, a continued summary)",
    "left empty": "a field was left empty (a date, a headline, a summary, an outlet)",
    "skipped": "the whole file gave no document",
    "kept": "the lines were read as written, and only flagged",
}


def problem_row(source: str | Path, line: int | None, *, action: str, reason: str, content: str = "") -> dict:
    """One row of the problems table: what the reader found at a line and what it did about it.

    Every :class:`CorpusWarning` the reader raises has exactly one such row.

    Parameters
    ----------
    source : str or Path
        The file.
    line : int or None
        The 1-based line number (None when the problem is the whole file).
    action : str
        What the reader did, a key of :data:`ACTIONS`.
    reason : str
        What was wrong: the warning's message after file and line (for an unplaced line the
        warning also quotes the line's start).
    content : str
        The line's text, when the problem is one line.

    Returns
    -------
    dict
        ``source`` (as a string), ``line``, ``action``, ``reason`` and ``content``.

    Raises
    ------
    ValueError
        For an action that is not in :data:`ACTIONS`.

    Examples
    --------
    >>> problem_row("a.txt", 7, action="merged", reason="summary continues", content="續")
    {'source': 'a.txt', 'line': 7, 'action': 'merged', 'reason': 'summary continues', 'content': '續'}
    >>> problem_row("a.txt", None, action="ignored", reason="?")
    Traceback (most recent call last):
    ...
    ValueError: action must be one of 'unplaced', 'merged', 'left empty', 'skipped', 'kept', not 'ignored'
    """
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(map(repr, ACTIONS))}, not {action!r}")
    return {"source": str(source), "line": line, "action": action, "reason": reason, "content": content}


def check_errors(errors: str) -> None:
    """Raise :class:`ValueError` unless ``errors`` is ``"warn"`` or ``"raise"``.

    Parameters
    ----------
    errors : str
        The value of an ``errors=`` argument.

    Raises
    ------
    ValueError
        For any other value.

    Examples
    --------
    >>> check_errors("warn")
    >>> check_errors("ignore")
    Traceback (most recent call last):
    ...
    ValueError: errors must be 'warn' or 'raise', not 'ignore'
    """
    if errors not in ("warn", "raise"):
        raise ValueError(f"errors must be 'warn' or 'raise', not {errors!r}")


@contextmanager
def collect_warnings(category: type[Warning] = Warning) -> Iterator[list[warnings.WarningMessage]]:
    """Collect every warning of ``category`` raised inside the block, in order, instead of showing it.

    Warnings of other categories are shown as usual when the block ends.

    Parameters
    ----------
    category : type of Warning
        The warnings to collect (default: all).

    Yields
    ------
    list of warnings.WarningMessage
        Empty inside the block; filled with the collected warnings when it ends.

    Examples
    --------
    >>> with collect_warnings(CorpusWarning) as caught:
    ...     warnings.warn("a.txt:3: no headline", CorpusWarning)
    >>> [str(w.message) for w in caught]
    ['a.txt:3: no headline']
    """
    found: list[warnings.WarningMessage] = []
    others: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", category)
            try:
                yield found
            finally:
                found.extend(w for w in caught if issubclass(w.category, category))
                others.extend(w for w in caught if not issubclass(w.category, category))
    finally:
        for w in others:  # not ours to collect: shown as they would have been, even when the block raised
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
