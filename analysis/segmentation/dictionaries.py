"""The dictionaries a segmenter loads: user dictionaries, where they are, and the shipped adjustments.

User dictionaries use jieba's format, one word a line, with an optional
frequency and part-of-speech tag (``克拉夫特 nr``); blank lines and lines starting
with ``#`` are skipped. Every call includes the project dictionary
(:data:`analysis.config.PROJECT_USERDICT`) when it exists.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from .. import config
from ..typedefs import UserDict
from .lexicon import Adjustments


@lru_cache(maxsize=1)
def gsd_adjustments() -> Adjustments:
    """The dictionary adjustments the kit ships (learned from UD Chinese GSD, CC BY-SA 4.0).

    Read once per process from :data:`analysis.config.GSD_ADJUSTMENTS`.

    Returns
    -------
    Adjustments

    Examples
    --------
    >>> "委員會" in gsd_adjustments().removed
    True
    """
    return Adjustments.read(config.GSD_ADJUSTMENTS)


#: ``word [freq] [tag]``; a tag is jieba's, lower-case and short (nr, ns, nt, eng), so that a
#: multi-word entry such as ``Keep Taiwan Free`` keeps its last word.
_USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[a-z]{1,4}))?$")


def read_userdict(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """Read a user dictionary: ``word [freq] [tag]`` a line, ``#`` comments and blank lines skipped.

    A word may hold spaces (``Keep Taiwan Free``, ``Kelly Craft nr``): the segmenter joins such
    entries after jieba, which always splits at spaces.

    Parameters
    ----------
    path : str or Path
        A UTF-8 file (a byte-order mark is allowed).

    Returns
    -------
    list of tuple of (str, int or None, str or None)
        Each entry's word, frequency and part-of-speech tag, in file order.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    ValueError
        For a line with no word, naming the file and line.

    Examples
    --------
    >>> from analysis.config import ENTITIES_DICT
    >>> ("克拉夫特", None, "nr") in read_userdict(ENTITIES_DICT)
    True
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "words.txt"
    >>> _ = path.write_text("# names\\nKeep Taiwan Free\\n陳時中 10 nr\\n", encoding="utf-8")
    >>> read_userdict(path)
    [('Keep Taiwan Free', None, None), ('陳時中', 10, 'nr')]
    """
    path = Path(path)
    entries = []
    for n, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _USERDICT_LINE.match(line)
        if m is None or not m["word"].strip():  # pragma: no cover - the pattern matches any non-blank line
            raise ValueError(f"{path}:{n}: cannot read dictionary line {raw!r}")
        entries.append((m["word"].strip(), int(m["freq"]) if m["freq"] else None, m["tag"]))
    return entries


def userdict_paths(userdict: UserDict = None) -> tuple[Path, ...]:
    """The dictionaries a call uses: the project dictionary (when it exists), then ``userdict``, resolved.

    Parameters
    ----------
    userdict : str, Path or sequence of them, optional
        Extra dictionaries; relative paths are resolved against the working folder. They are
        not checked for existence here.

    Returns
    -------
    tuple of Path
        Absolute paths.

    Examples
    --------
    >>> userdict_paths(["extra.txt"])[-1].name
    'extra.txt'
    """
    extra = [] if userdict is None else [userdict] if isinstance(userdict, (str, Path)) else list(userdict)
    return _resolved(tuple(str(p) for p in [*config.project_userdicts(), *extra]), os.getcwd())


@lru_cache(maxsize=64)
def _resolved(paths: tuple[str, ...], cwd: str) -> tuple[Path, ...]:
    """Absolute paths, resolved once per spelling and working folder: :func:`segment` runs this for every text."""
    return tuple(Path(p).resolve() for p in paths)


def mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None
