"""What the kit keeps in its cache folder, pruning and clearing it: ``python -m analysis cache``.

The caches (:mod:`analysis.blobstore`) grow with every text the kit reads and are never wrong to
remove: what is missing is computed again. An entry made by code that has changed since
(:mod:`analysis.codedeps`) is never read again, so a folder used across many releases, or for
corpora set aside, holds dead entries: :func:`prune_cache` removes those no run has used for some
days and keeps the rest; :func:`clear_cache` removes the kit's files, and the next report fills them again.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pandas as pd

from . import config
from .blobstore import BlobStore
from .typedefs import PathLike

logger = logging.getLogger(__name__)

#: The kit's cache files in the cache folder, with what each keeps.
CACHE_FILES = {
    "pages.sqlite": "pages as parsed (analysis.pagecache)",
    "segments.sqlite": "each distinct text's words (analysis.segmentation.batch)",
    "terms.sqlite": "each distinct text's terms (analysis.termcache)",
    "mentions.sqlite": "the actors named in each distinct text (analysis.mentionscan)",
    "quotes.sqlite": "each document's quotes (analysis.quotecache)",
}
#: The folder of the segmenter's kept tokenizers and jieba's own cache, always in the per-user folder
#: (or ``$ANALYSIS_CACHE_DIR``), with or without another cache folder (analysis.segmentation.tokenizers).
TOKENIZERS = "jieba"
#: SQLite's files beside a database, removed with it.
SQLITE_SIDES = ("-journal", "-wal", "-shm")


def _folders(cache_dir: PathLike | None) -> tuple[Path, Path | None]:
    """The cache folder, and the tokenizers' folder when that is the per-user one (they live there only)."""
    own = config.user_cache_dir()
    folder = Path(cache_dir).expanduser().resolve() if cache_dir is not None else own
    return folder, (own / TOKENIZERS if folder == own.resolve() or folder == own else None)


def _entries(path: Path) -> int | None:
    """The entries of a cache file, read without writing to it (None when it cannot be read)."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute("SELECT COUNT(*) FROM seg").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return None


def cache_info(*, cache_dir: PathLike | None = None) -> pd.DataFrame:
    """The kit's cache files: their size on disk, entries and what they keep.

    Parameters
    ----------
    cache_dir : str or Path, optional
        The cache folder (default: the per-user one, :func:`analysis.config.user_cache_dir`, which
        alone holds the tokenizers' folder as well).

    Returns
    -------
    DataFrame
        Columns ``file`` (its path), ``bytes`` (with SQLite's side files), ``entries`` (texts,
        pages or documents kept; tokenizers for the tokenizers' folder; missing when unreadable) and
        ``holds``; one row for each file that exists.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.blobstore import BlobStore
    >>> folder = Path(tempfile.mkdtemp())
    >>> store = BlobStore(folder / "terms.sqlite")
    >>> store.put_many([(b"k", b"value")]); store.close()
    >>> info = cache_info(cache_dir=folder)
    >>> info.loc[info["file"] == str(folder / "terms.sqlite"), "entries"].tolist()
    [1]
    """
    folder, tokenizers = _folders(cache_dir)
    rows = []
    for name, holds in CACHE_FILES.items():
        path = folder / name
        if path.is_file():
            rows.append({"file": str(path), "bytes": _size(path), "entries": _entries(path), "holds": holds})
    if tokenizers is not None and tokenizers.is_dir():
        files = [p for p in tokenizers.iterdir() if p.is_file()]
        rows.append({"file": str(tokenizers), "bytes": sum(p.stat().st_size for p in files),
                     "entries": sum(p.name.startswith("tokenizer-") for p in files),
                     "holds": "the segmenter's kept tokenizers and jieba's prefix dictionary"})
    table = pd.DataFrame(rows, columns=["file", "bytes", "entries", "holds"])
    table["entries"] = table["entries"].astype("Int64")
    table["bytes"] = table["bytes"].astype("int64")
    return table


def clear_cache(*, cache_dir: PathLike | None = None) -> list[Path]:
    """Remove the kit's cache files (:data:`CACHE_FILES` with SQLite's side files, and in the per-user
    folder the tokenizers' folder's files); nothing else in the folder. The next report computes and
    keeps them again. A report running meanwhile goes on with the files it has open.

    Parameters
    ----------
    cache_dir : str or Path, optional
        The cache folder (default: the per-user one, with the tokenizers).

    Returns
    -------
    list of Path
        The files removed.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.blobstore import BlobStore
    >>> folder = Path(tempfile.mkdtemp())
    >>> BlobStore(folder / "pages.sqlite").close()
    >>> _ = (folder / "notes.txt").write_text("mine")
    >>> [p.name for p in clear_cache(cache_dir=folder)], sorted(p.name for p in folder.iterdir())
    (['pages.sqlite'], ['notes.txt'])
    """
    folder, tokenizers = _folders(cache_dir)
    removed = []
    for name in CACHE_FILES:
        for path in (folder / name, *(folder / f"{name}{side}" for side in SQLITE_SIDES)):
            if path.is_file():
                path.unlink()
                removed.append(path)
    if tokenizers is not None and tokenizers.is_dir():
        for path in sorted(tokenizers.iterdir()):
            if path.is_file():
                path.unlink()
                removed.append(path)
    return removed


def prune_cache(*, days: int, cache_dir: PathLike | None = None) -> pd.DataFrame:
    """Remove from each of the kit's cache files the entries no run has used (stored or read) in the
    last ``days`` days (counted in UTC), and compact the files; what is kept is read as before.

    Prune when no report is running on the folder (see :meth:`analysis.blobstore.BlobStore.prune`). A
    file that cannot be pruned (damaged, read-only, held by another process) is said in its row's
    ``error`` and in a warning, and the others are pruned all the same. The tokenizers' folder keeps
    its own (the eight used last of each script) and is left as it is.

    Parameters
    ----------
    days : int
        Keep what was used today and on the ``days`` days before (0: today only).
    cache_dir : str or Path, optional
        The cache folder (default: the per-user one).

    Returns
    -------
    DataFrame
        Columns ``file``, ``removed`` (entries), ``bytes_before``, ``bytes_after`` (with SQLite's side
        files) and ``error`` (empty where the file was pruned); one row for each cache file that exists.

    Raises
    ------
    ValueError
        For a negative ``days``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> store = BlobStore(folder / "terms.sqlite")
    >>> store.put_many([(b"k", b"value")]); store.close()
    >>> prune_cache(days=30, cache_dir=folder)[["removed"]].values.tolist()  # used today: kept
    [[0]]
    """
    if days < 0:
        raise ValueError(f"days must be 0 or more, not {days}")
    folder, _ = _folders(cache_dir)
    rows = []
    for name in CACHE_FILES:
        path = folder / name
        if not path.is_file():
            continue
        before, removed, error = _size(path), 0, ""
        try:
            store = BlobStore(path)
            try:
                removed = store.prune(days=days)
            finally:
                store.close()
        except sqlite3.Error as exc:
            error = str(exc)
            logger.warning("cache %s: not pruned (%s)", path, exc)
        rows.append({"file": str(path), "removed": removed, "bytes_before": before, "bytes_after": _size(path),
                     "error": error})
    return pd.DataFrame(rows, columns=["file", "removed", "bytes_before", "bytes_after", "error"]).astype(
        {"removed": "int64", "bytes_before": "int64", "bytes_after": "int64", "error": object})


def _size(path: Path) -> int:
    """A cache file's bytes on disk, with SQLite's side files."""
    return sum(p.stat().st_size for p in [path, *(Path(f"{path}{side}") for side in SQLITE_SIDES)] if p.is_file())
