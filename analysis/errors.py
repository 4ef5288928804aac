"""The kit's own exception and warning types, so that users can catch or filter them."""

from __future__ import annotations

from pathlib import Path


class CorpusError(ValueError):
    """A page that cannot be read, naming the file and, where known, the line.

    Attributes
    ----------
    path : pathlib.Path or None
        The file the problem was found in.
    line : int or None
        The 1-based line number, where the problem has one.
    reason : str
        What is wrong, without the location.
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


class CorpusWarning(UserWarning):
    """Something in a page was skipped, repaired or left empty; the message names the file and line.

    Filter them like any warning::

        import warnings
        from analysis import CorpusWarning
        warnings.simplefilter("ignore", CorpusWarning)
    """
