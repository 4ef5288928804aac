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
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import config
from .decoding import corpus_listing
from .outputs import atomic_write_text

MANIFEST_NAME = ".analysis-manifest.json"


def _file_hash(path: Path) -> str:
    """A file's digest, read a megabyte at a time (a crawl's documents table is a gigabyte)."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def input_fingerprint(corpus: Path, options: dict, extra_files: Iterable[Path] = ()) -> str:
    """A hash of the pages, the options, the given extra files and the kit's own code and data.

    Parameters
    ----------
    corpus : Path
        The corpus folder or file (its pages, by their path from the folder, and the names of the files it does
        not read, as :func:`analysis.decoding.corpus_listing` lists them).
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
    kit = config.code_and_data_files()
    for group in (kit, [Path(p) for p in extra_files]):
        for path in group:
            h.update(path.name.encode() + b"\0" + _file_hash(path).encode())
    files, unread, root = corpus_listing(corpus)
    for path in files:  # a page's path from the folder is its page id
        h.update(_label(path, root).encode() + b"\0" + _file_hash(path).encode())
    for path, _ in unread:  # each a row of the problems table
        h.update(b"unread\0" + _label(path, root).encode())
    return h.hexdigest()


def _label(path: Path, root: Path | None) -> str:
    return path.name if root is None else path.relative_to(root).as_posix()


def extend_fingerprint(fingerprint: str, options: dict) -> str:
    """A fingerprint of another one and more options (the presentation options over the tables' inputs).

    Parameters
    ----------
    fingerprint : str
        From :func:`input_fingerprint`.
    options : dict
        Serialised as JSON.

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> extend_fingerprint("abc", {"top": 20}) == extend_fingerprint("abc", {"top": 10})
    False
    """
    h = hashlib.blake2b(fingerprint.encode(), digest_size=16)
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
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
        manifest = _read(out)
        return manifest.get("input") == fingerprint and _intact(out, manifest)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def write_manifest(out: Path, fingerprint: str, files: Iterable[Path], *, tables: str | None = None,
                   figures: Mapping[str, dict] | None = None) -> Path:
    """Record the fingerprint and a hash of every output file.

    Parameters
    ----------
    out : Path
        The report folder; the manifest is written there as :data:`MANIFEST_NAME`.
    fingerprint : str
        From :func:`input_fingerprint`.
    files : iterable of Path
        The files the report wrote, all inside ``out``.
    tables : str, optional
        The fingerprint of what the tables alone depend on (the inputs without the presentation
        options), for :func:`tables_up_to_date`.
    figures : mapping of str to dict, optional
        What each figure was drawn with besides the tables (:func:`analysis.rendering.figure_options`),
        for :func:`recorded_figures`.

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
    record = {"input": fingerprint, **({"tables": tables} if tables else {}),
              **({"figures": dict(figures)} if figures is not None else {}), "outputs": dict(sorted(outputs.items()))}
    text = json.dumps(record, indent=1)
    return atomic_write_text(out / MANIFEST_NAME, text + "\n")


def _intact(out: Path, manifest: dict, prefixes: tuple[str, ...] = ("",)) -> bool:
    return all((out / rel).is_file() and _file_hash(out / rel) == digest
               for rel, digest in manifest["outputs"].items() if rel.startswith(prefixes))


def _read(out: Path) -> dict:
    return json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))


def tables_up_to_date(out: Path, fingerprint: str) -> bool:
    """True when ``out`` holds tables of this tables fingerprint, all intact (figures may differ).

    Parameters
    ----------
    out : Path
        The report folder.
    fingerprint : str
        From :func:`input_fingerprint`, over the options the tables depend on.

    Returns
    -------
    bool

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> table = atomic_write_text(out / "tables" / "terms.parquet", "...")
    >>> figure = atomic_write_text(out / "figures" / "top.svg", "<svg/>")
    >>> _ = write_manifest(out, "abc", [table, figure], tables="t1")
    >>> _ = figure.write_text("<svg>changed</svg>")
    >>> tables_up_to_date(out, "t1"), tables_up_to_date(out, "t2"), up_to_date(out, "abc")
    (True, False, False)
    """
    try:
        manifest = _read(out)
        return (manifest.get("tables") == fingerprint
                and any(rel.startswith("tables/") for rel in manifest["outputs"])
                and _intact(out, manifest, ("tables/", "provenance.json")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def recorded_outputs(out: Path, *, under: tuple[str, ...]) -> list[Path]:
    """The files the manifest lists whose paths start with one of ``under``.

    Parameters
    ----------
    out : Path
        The report folder.
    under : tuple of str
        Path prefixes relative to ``out`` (``"tables/"``).

    Returns
    -------
    list of Path
    """
    return [out / rel for rel in _read(out)["outputs"] if rel.startswith(under)]


def recorded_figures(out: Path) -> dict[str, dict]:
    """What each figure of the report in ``out`` was drawn with, as :func:`write_manifest` recorded it, for
    the figures whose files are all there as written (none when the manifest cannot be read).

    Parameters
    ----------
    out : Path
        The report folder.

    Returns
    -------
    dict of str to dict

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> png = atomic_write_text(out / "figures" / "timeline.png", "...")
    >>> svg = atomic_write_text(out / "figures" / "top_terms.svg", "<svg/>")
    >>> drawn = {"timeline": {"font": "Noto Sans CJK TC"}, "top_terms": {"font": "Noto Sans CJK TC", "top": 20}}
    >>> _ = write_manifest(out, "abc", [png, svg], figures=drawn)
    >>> _ = svg.write_text("<svg>changed</svg>")
    >>> recorded_figures(out)
    {'timeline': {'font': 'Noto Sans CJK TC'}}
    """
    try:
        manifest = _read(out)
        drawn = manifest.get("figures") or {}
        return {name: options for name, options in drawn.items()
                if any(rel.startswith(f"figures/{name}.") for rel in manifest["outputs"])
                and _intact(out, manifest, (f"figures/{name}.",))}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
