"""Know when a report is up to date, without loading anything heavy.

``python -m analysis report`` records, in ``OUT/.analysis-manifest.json``, a
fingerprint of everything its outputs depend on (every page's bytes, the
options, the dictionaries, and the kit's own code and data) and a hash of every
file it wrote. A second run on an unchanged corpus finds the same fingerprint and
intact outputs, and stops there; ``--force`` rebuilds regardless.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from . import config
from .decoding import corpus_files
from .outputs import atomic_write_text

MANIFEST_NAME = ".analysis-manifest.json"


def _file_hash(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def input_fingerprint(corpus: Path, options: dict, extra_files: Iterable[Path] = ()) -> str:
    """A hash of the pages, the options, the given extra files and the kit's own code and data.

    Parameters
    ----------
    corpus : Path
        The corpus folder or file (its pages as :func:`analysis.decoding.corpus_files` lists them).
    options : dict
        The options that change the outputs, serialised as JSON (other values with :class:`str`).
    extra_files : iterable of Path
        Other inputs, e.g. user dictionaries.

    Returns
    -------
    str
        32 hexadecimal digits.

    Raises
    ------
    CorpusError
        When ``corpus`` does not exist.
    OSError
        When an extra file cannot be read.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> input_fingerprint(SEEDS_DIR, {"top": 20}) == input_fingerprint(SEEDS_DIR, {"top": 20})
    True
    >>> input_fingerprint(SEEDS_DIR, {"top": 20}) == input_fingerprint(SEEDS_DIR, {"top": 10})
    False
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    kit = sorted(config.PACKAGE_DIR.rglob("*.py")) + sorted(config.DATA_DIR.glob("*.txt"))
    for group in (kit, [Path(p) for p in extra_files], corpus_files(corpus)):
        for path in group:
            h.update(path.name.encode() + b"\0" + _file_hash(path).encode())
    return h.hexdigest()


def up_to_date(out: Path, fingerprint: str) -> bool:
    """True when ``out`` holds a report of this fingerprint whose files are all intact.

    Parameters
    ----------
    out : Path
        The report folder.
    fingerprint : str
        From :func:`input_fingerprint`.

    Returns
    -------
    bool
        False when the manifest is missing, unreadable or of another fingerprint, or when a file
        it lists is missing or changed.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> table = atomic_write_text(out / "tables" / "terms.csv", "term,count")
    >>> _ = write_manifest(out, "abc", [table])
    >>> up_to_date(out, "abc"), up_to_date(out, "def")
    (True, False)
    >>> _ = table.write_text("term,count,share")
    >>> up_to_date(out, "abc")
    False
    """
    try:
        manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
        if manifest.get("input") != fingerprint:
            return False
        return all((out / rel).is_file() and _file_hash(out / rel) == digest
                   for rel, digest in manifest["outputs"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def write_manifest(out: Path, fingerprint: str, files: Iterable[Path]) -> Path:
    """Record the fingerprint and a hash of every output file.

    Parameters
    ----------
    out : Path
        The report folder; the manifest is written there as :data:`MANIFEST_NAME`.
    fingerprint : str
        From :func:`input_fingerprint`.
    files : iterable of Path
        The files the report wrote, all inside ``out``.

    Returns
    -------
    Path
        The manifest file.

    Raises
    ------
    ValueError
        When a file is not inside ``out``.

    Examples
    --------
    >>> import json, tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> table = atomic_write_text(out / "tables" / "terms.csv", "term,count")
    >>> manifest = write_manifest(out, "abc", [table])
    >>> manifest.name, list(json.loads(manifest.read_text())["outputs"])
    ('.analysis-manifest.json', ['tables/terms.csv'])
    """
    outputs = {Path(f).resolve().relative_to(out.resolve()).as_posix(): _file_hash(Path(f)) for f in files}
    text = json.dumps({"input": fingerprint, "outputs": dict(sorted(outputs.items()))}, indent=1)
    return atomic_write_text(out / MANIFEST_NAME, text + "\n")
