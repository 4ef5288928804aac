"""A segmenter of your own: any callable from a text to its words, made lossless and fingerprinted.

Give it once for a session with ``configure(segmenter=func)`` or per call with
``segmenter=func`` (every function that takes ``userdict=`` takes it too), and
every table, figure, cache and notebook uses it: :func:`analysis.segmentation.get_segmenter`
wraps it in a :class:`CustomSegmenter`, which

- makes its output lossless, as the kit's is: when the words do not join back
  into the text (a tagger that drops spaces or punctuation), they are realigned
  onto the text in order and what they left out comes back as pieces of its own;
- gives it a :attr:`~CustomSegmenter.fingerprint` for the segmentation cache and
  the in-process memo, so that its words never mix with the kit's;
- gives it a :attr:`~CustomSegmenter.name` for the report's ``provenance.json``.

The fingerprint is the callable's own ``fingerprint`` attribute when it has one;
otherwise it hashes the callable's module and qualified name, its ``version``
attribute (or the version of the installed package it comes from) and, for a
Python function, its code. It cannot see what the callable calls or loads (a
model, a dictionary): when you change those, give the callable a new
``version`` (``tag.version = "2"``), or cached words of the old behaviour are
used.

User dictionaries (``userdict=``) and ``hmm=False`` are options of the kit's
segmenter: given together with a custom segmenter they raise
:class:`ValueError` rather than being silently ignored. The project dictionary
(``dictionaries/userdict.txt``) is the kit segmenter's too and is not used.

Worker processes (and Dask tasks) segment large batches only when the callable
can be pickled (a module-level function or a picklable object); a lambda, a
local function or an object holding an open model segments in this process.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import pickle
import re
import sys
import types
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from pathlib import Path

from ..typedefs import SegmenterLike, UserDict
from .script import fold_width

_RUNS = re.compile(r"\s+|\S+")


def realign(text: str, words: Iterable[str]) -> list[str]:
    """Cut ``text`` at the boundaries of ``words``, so that the pieces join back into ``text``.

    Words are found in order (full- and half-width forms match alike); text between two words,
    that the segmenter left out, becomes pieces of its own: its whitespace runs and the runs
    between them. Empty words are dropped.

    Parameters
    ----------
    text : str
        The text that was segmented.
    words : iterable of str
        What a segmenter returned for it.

    Returns
    -------
    list of str
        The pieces, in order; ``"".join`` of it equals ``text``.

    Raises
    ------
    ValueError
        When a word is not in the text after the words before it, naming the word, the offset
        and the text's start.

    Examples
    --------
    >>> realign("UN 大使 訪台。", ["UN", "大使", "訪台"])
    ['UN', ' ', '大使', ' ', '訪台', '。']
    >>> realign("ＵＮ大使", ["UN", "大使"])
    ['ＵＮ', '大使']
    >>> realign("克拉夫特訪台", ["克拉夫特", "訪美"])
    Traceback (most recent call last):
    ...
    ValueError: the segmenter returned '訪美', not in the text at or after offset 4; the text starts '克拉夫特訪台'
    """
    words = [w for w in words if w]
    if "".join(words) == text:
        return words
    folded = fold_width(text)
    pieces: list[str] = []
    pos = 0
    for word in words:
        at = folded.find(fold_width(word), pos)
        if at < 0:
            raise ValueError(f"the segmenter returned {word!r}, not in the text at or after offset {pos}; "
                             f"the text starts {text[:30]!r}")
        pieces.extend(_RUNS.findall(text[pos:at]))
        pieces.append(text[at:at + len(word)])
        pos = at + len(word)
    pieces.extend(_RUNS.findall(text[pos:]))
    return pieces


def _qualified_name(func: Callable) -> str:
    """``module.qualname`` of a function, method or class; of its class for a callable object."""
    if isinstance(func, functools.partial):
        keywords = sorted(func.keywords.items())
        return f"functools.partial({_qualified_name(func.func)}, *{func.args!r}, **{dict(keywords)!r})"
    target = func if hasattr(func, "__qualname__") else type(func)
    module = getattr(target, "__module__", None) or getattr(getattr(target, "__objclass__", None), "__module__", "")
    return f"{module}.{target.__qualname__}" if module else target.__qualname__


def _package_version(func: Callable) -> str | None:
    """The version of the installed package a callable comes from (None for a script's own code)."""
    inner = func.func if isinstance(func, functools.partial) else func
    module = getattr(inner, "__module__", None) or getattr(type(inner), "__module__", None) or ""
    top = module.split(".")[0]
    if top in ("", "__main__", "builtins", "analysis") or top.startswith("_"):
        return None
    try:
        return f"{top} {importlib.metadata.version(top)}"
    except importlib.metadata.PackageNotFoundError:
        version = getattr(sys.modules.get(top), "__version__", None)
        return f"{top} {version}" if isinstance(version, str) else None


def _code_digest(code: types.CodeType, h) -> None:
    """Hash a code object as deterministically as the interpreter allows (no addresses, no set order)."""
    h.update(code.co_code)
    h.update(repr(code.co_names).encode())
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _code_digest(const, h)
        elif isinstance(const, frozenset):
            h.update(repr(sorted(map(repr, const))).encode())
        else:
            h.update(repr(const).encode())


def _code_of(func: Callable) -> types.CodeType | None:
    inner = func.func if isinstance(func, functools.partial) else func
    inner = getattr(inner, "__func__", inner)  # a bound method's function
    code = getattr(inner, "__code__", None)
    if code is None:  # a callable object: its class's __call__
        code = getattr(type(inner).__call__, "__code__", None)
    return code if isinstance(code, types.CodeType) else None


@lru_cache(maxsize=1)
def _realign_digest() -> str:
    """A hash of this module: the realignment is part of every custom segmenter's output."""
    return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()


class CustomSegmenter:
    """A callable of your own as the kit's segmenter: lossless, fingerprinted, named.

    Parameters
    ----------
    func : callable
        Any callable from a text to its words: a list of str, or any iterable of them (not a
        single string). Words it leaves out of the text come back as pieces of their own
        (see :func:`realign`).

    Attributes
    ----------
    func : callable
        The callable given.
    name : str
        What it is, for the record: its module and qualified name, and its version (its
        ``version`` attribute, or its package's) when known.
    fingerprint : str
        Identifies the output in cache keys: ``custom-`` and a hash of the callable's own
        ``fingerprint`` attribute when it has one, else of its name, version and code.

    Raises
    ------
    TypeError
        When ``func`` cannot be called; when called, if ``func`` returns a string or an item
        that is not one.

    Examples
    --------
    >>> def bigrams(text):
    ...     return [text[i:i + 2] for i in range(0, len(text), 2)]
    >>> seg = CustomSegmenter(bigrams)
    >>> seg("克拉夫特訪台"), seg.name
    (['克拉', '夫特', '訪台'], 'analysis.segmentation.custom.bigrams')
    >>> CustomSegmenter(str.split)("UN 大使  訪台")  # the whitespace it drops comes back
    ['UN', ' ', '大使', '  ', '訪台']
    >>> seg.fingerprint == CustomSegmenter(bigrams).fingerprint != CustomSegmenter(str.split).fingerprint
    True
    """

    def __init__(self, func: SegmenterLike):
        if not callable(func):
            raise TypeError(f"a segmenter must be callable, not {type(func).__name__}")
        self.func = func
        declared, version = _declared(func)
        self.name = _qualified_name(func)
        package = _package_version(func)
        if version is not None or package is not None:
            self.name += f" ({version if version is not None else package})"
        h = hashlib.blake2b(_realign_digest().encode(), digest_size=8)
        if declared is not None:
            h.update(b"fingerprint\0" + declared.encode())
        else:
            h.update(self.name.encode())
            code = _code_of(func)
            if code is not None:
                _code_digest(code, h)
        self.fingerprint = f"custom-{h.hexdigest()}"

    def __call__(self, text: str) -> list[str]:
        """Segment ``text`` with the callable; the pieces always join back into ``text``.

        Parameters
        ----------
        text : str
            Any string.

        Returns
        -------
        list of str
            The pieces, in order; ``"".join`` of it equals ``text``.

        Raises
        ------
        ValueError
            When a word the callable returned is not in the text (see :func:`realign`).
        TypeError
            When the callable returns a string, or an item that is not a string.

        Examples
        --------
        >>> CustomSegmenter(list)("台灣")
        ['台', '灣']
        """
        if not text:
            return []
        words = self.func(text)
        if isinstance(words, str):
            raise TypeError(f"the segmenter {self.name} returned a string; it must return a list of words")
        words = list(words)
        for w in words:
            if not isinstance(w, str):
                raise TypeError(f"the segmenter {self.name} returned {type(w).__name__} {w!r} among its words; "
                                "it must return strings")
        return realign(text, words)

    @cached_property
    def picklable(self) -> bool:
        """True when the callable can be pickled, so that worker processes can segment with it."""
        try:
            pickle.dumps(self.func)
        except Exception:  # noqa: BLE001 - anything pickle raises means: not here
            return False
        return True

    def __repr__(self) -> str:
        return f"CustomSegmenter({self.name})"


def _declared(func: Callable) -> tuple[str | None, str | None]:
    """The callable's own ``fingerprint`` and ``version`` attributes, as strings (None when it has none)."""
    values = (getattr(func, name, None) for name in ("fingerprint", "version"))
    return tuple(None if v is None or callable(v) else str(v) for v in values)  # type: ignore[return-value]


@lru_cache(maxsize=16)
def _cached(func: SegmenterLike, declared: tuple[str | None, str | None]) -> CustomSegmenter:
    return CustomSegmenter(func)  # made again when the callable's fingerprint or version changes


def custom_segmenter(func: SegmenterLike, *, userdict: UserDict = None, hmm: bool = True) -> CustomSegmenter:
    """The :class:`CustomSegmenter` of a callable, made once per callable (as the kit's segmenter is).

    Parameters
    ----------
    func : callable
        A segmenter of your own, or a :class:`CustomSegmenter` (returned as it is).
    userdict : path or list of paths, optional
        Must be None: user dictionaries are the kit segmenter's.
    hmm : bool
        Must be True: the HMM switch is the kit segmenter's.

    Returns
    -------
    CustomSegmenter
        The same object for the same (hashable) callable.

    Raises
    ------
    ValueError
        When ``userdict`` is given or ``hmm`` is False.
    TypeError
        When ``func`` cannot be called.

    Examples
    --------
    >>> custom_segmenter(list) is custom_segmenter(list)
    True
    >>> custom_segmenter(list, userdict="extra.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: userdict= is for the kit's segmenter, and a custom segmenter is in use (builtins.list): ...
    """
    seg = func if isinstance(func, CustomSegmenter) else None
    if seg is None:
        try:
            seg = _cached(func, _declared(func))
        except TypeError:
            if callable(func) and getattr(type(func), "__hash__", None) is None:  # an unhashable callable
                seg = CustomSegmenter(func)
            else:
                raise
    if userdict is not None:
        raise ValueError(f"userdict= is for the kit's segmenter, and a custom segmenter is in use ({seg.name}): "
                         "put your words in its own dictionary, or leave userdict out")
    if not hmm:
        raise ValueError(f"hmm=False is for the kit's segmenter, and a custom segmenter is in use ({seg.name})")
    return seg
