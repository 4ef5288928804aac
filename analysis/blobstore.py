"""A file of bytes by key: the SQLite store behind the kit's caches (words, terms, mentions, quotes, pages).

Keys are digests the caller makes; values are opaque bytes, never code or pickles, so a cache folder
shared with others cannot run anything. Several processes may share one file.

Each entry's last day of use (stored or read; days since 1970, UTC) is kept beside it, in a small
table of its own, so that :meth:`BlobStore.prune` can remove what no run has used for a while
(``python -m analysis cache --prune DAYS``) instead of every entry. A file made before the kit kept
them has its entries taken as used on the day it is first opened.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from . import config
from .settings import options

logger = logging.getLogger(__name__)

#: Seconds a store or a read waits for another process writing the same file.
WAIT = 30.0
#: Seconds noting a read's use waits for another process writing the file, before giving up the note.
STAMP_WAIT = 1.0
#: Store values, replacing those stored before.
_STORE = "INSERT OR REPLACE INTO seg VALUES (?, ?)"
#: Give every entry without a day of use the day given.
_BACKFILL = "INSERT OR IGNORE INTO used SELECT k, ? FROM seg"
#: Note that entries were used on a day (a later day only: the same day again writes nothing).
_STAMP = "INSERT INTO used VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET day = excluded.day WHERE day < excluded.day"


def today() -> int:
    """The day of use the caches note: whole days since 1970-01-01, UTC.

    Examples
    --------
    >>> today() > 20_000  # after 2024-10-04
    True
    """
    return int(time.time() // 86_400)


class BlobStore:
    """Values by key in an SQLite file: looked up and stored many at a time.

    Parameters
    ----------
    path : Path
        The SQLite file, created with its folder when missing.

    Attributes
    ----------
    path : Path
        The file.
    db : sqlite3.Connection
        The open connection.

    Examples
    --------
    >>> import tempfile
    >>> store = BlobStore(Path(tempfile.mkdtemp()) / "cache.sqlite")
    >>> store.put_many([(b"k", b"value")])
    >>> store.get_many([b"k", b"missing"])
    {b'k': b'value'}
    >>> store.close()
    """

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=WAIT)
        # one table, named as the first cache (of words) named it, so that the caches already written stay readable
        self.db.execute("CREATE TABLE IF NOT EXISTS seg (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
        self.stamps = self._stamped()

    def _stamped(self) -> bool:
        """Make the table of days of use where the file has none, its entries used today; False where it cannot."""
        try:
            if self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'used'").fetchone():
                return True
            self.db.execute("BEGIN IMMEDIATE")  # the table and its days in one transaction
            try:
                self.db.execute("CREATE TABLE IF NOT EXISTS used (k BLOB PRIMARY KEY, day INTEGER NOT NULL) "
                                "WITHOUT ROWID")
                self.db.execute(_BACKFILL, (today(),))
                self.db.commit()
            except BaseException:
                self.db.rollback()
                raise
            return True
        except sqlite3.OperationalError as exc:  # a file it may read but not write, or locked too long
            logger.info("cache %s: its entries' days of use cannot be kept (%s): it is read as before, and "
                        "cannot be pruned", self.path, exc)
            return False

    def _note_use(self, keys: list[bytes]) -> None:
        """Note that ``keys`` were read today. Advisory: where it cannot be written (a cache this process
        may only read, or one another process holds for more than :data:`STAMP_WAIT` seconds) the values
        are read all the same (:meth:`_not_noted`)."""
        if not (self.stamps and keys):
            return
        self.db.execute(f"PRAGMA busy_timeout = {int(STAMP_WAIT * 1000)}")
        try:
            with self.db:
                day = today()
                self.db.executemany(_STAMP, ((k, day) for k in keys))
        except sqlite3.DatabaseError as exc:
            if trouble(exc) is None:
                raise
            self._not_noted(exc)
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(WAIT * 1000)}")

    def _not_noted(self, exc: Exception) -> None:
        """Say, once a process, that the entries used are not noted as used (pruning may remove them)."""
        _say_once(self.path, "noted", "cache %s: the entries used now are not noted as used (%s); pruning may "
                  "remove them, to be computed again", self.path, exc)

    @staticmethod
    def key(digest: str, text: str) -> bytes:
        """The key of a text under a digest of what its value depends on but the text (a segmenter's
        fingerprint, a vocabulary, the kit's code).

        Parameters
        ----------
        digest : str
            What the stored value depends on but the text.
        text : str
            The text (lone surrogates allowed).

        Returns
        -------
        bytes
            A 16-byte BLAKE2b digest.

        Examples
        --------
        >>> len(BlobStore.key("a", "台灣")), BlobStore.key("a", "台灣") == BlobStore.key("b", "台灣")
        (16, False)
        """
        h = hashlib.blake2b(digest.encode(), digest_size=16)
        h.update(b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.digest()

    def get_many(self, keys: list[bytes]) -> dict[bytes, bytes]:
        """Look keys up, 500 at a time.

        Where the file cannot be read (held by another process for more than :data:`WAIT` seconds, or
        damaged), the keys not yet found are left out, with a warning once a process: the caller computes
        them again.

        Parameters
        ----------
        keys : list of bytes
            The keys.

        Returns
        -------
        dict of bytes to bytes
            The stored value of each key found; keys not in the store are left out.
        """
        found: dict[bytes, bytes] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                q = f"SELECT k, v FROM seg WHERE k IN ({','.join('?' * len(chunk))})"
                found.update(self.db.execute(q, chunk).fetchall())
        except sqlite3.DatabaseError as exc:  # held by another process too long, or damaged
            if trouble(exc) is None:
                raise
            self._unusable("cannot be read", "what it was asked for is computed again", exc)
            return found
        self._note_use(list(found))
        return found

    def put_many(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        """Store ``(key, value)`` pairs in one transaction, replacing values already stored.

        Where the file cannot be written (held by another process for more than :data:`WAIT` seconds,
        damaged, full or read-only), nothing is stored, with a warning once a process.

        Parameters
        ----------
        items : iterable of tuple of (bytes, bytes)
            Keys and their values.
        """
        rows = list(items)
        if not rows:
            return
        unnoted = None
        try:
            if self.stamps:
                try:  # the values and their day of use in one transaction
                    with self.db:
                        self.db.executemany(_STORE, rows)
                        day = today()
                        self.db.executemany(_STAMP, ((k, day) for k, _ in rows))
                    return
                except sqlite3.DatabaseError as exc:
                    if trouble(exc) != "other":  # held, damaged (the values alone would fail too), or a mistake
                        raise
                    unnoted = exc  # the days of use cannot be written: the values alone
            with self.db:
                self.db.executemany(_STORE, rows)
        except sqlite3.DatabaseError as exc:
            if trouble(exc) is None:
                raise
            self._unusable("cannot be written", "what was computed now is not kept for the next run", exc)
            return
        if unnoted is not None:
            self._not_noted(unnoted)

    def _unusable(self, what: str, consequence: str, exc: sqlite3.Error) -> None:
        """Say, once a process, that the file cannot be used now: a report goes on without it."""
        _say_once(self.path, what, "cache %s %s (%s): %s.%s", self.path, what, exc, consequence,
                  _ADVICE.get(trouble(exc), ""))

    def prune(self, *, days: int) -> int:
        """Remove the entries no run has used (stored or read) in the last ``days`` days, then compact the
        file (SQLite's ``VACUUM``: for a moment it needs up to twice the file's size in free disk; a
        compaction that fails leaves the file as pruned, with a warning). Prune when no report is
        using the file: the compaction holds it, and a report waiting for it longer than :data:`WAIT`
        seconds goes on without the cache (computing what it would have read; a warning).

        Entries without a day of use (stored while it could not be noted) are taken as used today.
        Days are counted in UTC (:func:`today`).

        Parameters
        ----------
        days : int
            Keep what was used today and on the ``days`` days before; 0 keeps what was used today only.

        Returns
        -------
        int
            The entries removed.

        Raises
        ------
        ValueError
            For a negative ``days``.
        sqlite3.OperationalError
            Where the file cannot be written.

        Examples
        --------
        >>> import tempfile
        >>> store = BlobStore(Path(tempfile.mkdtemp()) / "cache.sqlite")
        >>> store.put_many([(b"k", b"value")])
        >>> store.prune(days=30), store.get_many([b"k"])
        (0, {b'k': b'value'})
        >>> store.close()
        """
        if days < 0:
            raise ValueError(f"days must be 0 or more, not {days}")
        if not self.stamps:
            self.stamps = self._stamped()
            if not self.stamps:
                raise sqlite3.OperationalError(f"cannot note the days of use in {self.path}")
        day = today()
        with self.db:
            self.db.execute(_BACKFILL, (day,))
            removed = self.db.execute("DELETE FROM seg WHERE k IN (SELECT k FROM used WHERE day < ?)",
                                      (day - days,)).rowcount
            self.db.execute("DELETE FROM used WHERE day < ?", (day - days,))
        if removed or self.db.execute("PRAGMA freelist_count").fetchone()[0]:
            try:
                self.db.execute("VACUUM")
            except sqlite3.OperationalError as exc:  # no room for the copy, or the file held by another process
                logger.warning("cache %s: pruned, but not compacted (%s): the space is reused by later entries",
                               self.path, exc)
        return removed

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self.db.close()


def trouble(exc: sqlite3.Error) -> str | None:
    """Why SQLite could not use a cache file: ``"held"`` (another process holds it longer than
    :data:`WAIT` seconds), ``"damaged"``, or ``"other"`` (a full or read-only disk, a missing table);
    None for an error in how it was called, which is raised, not passed over.

    Examples
    --------
    >>> trouble(sqlite3.DatabaseError("file is not a database"))
    'damaged'
    >>> trouble(sqlite3.ProgrammingError("Cannot operate on a closed database.")) is None
    True
    """
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11 and later; before, the message says
    code = None if code is None else code & 0xFF
    text = str(exc)
    if code in (5, 6) or (code is None and "locked" in text):  # SQLITE_BUSY, SQLITE_LOCKED
        return "held"
    if code in (11, 26) or (code is None and ("malformed" in text or "not a database" in text)):  # CORRUPT, NOTADB
        return "damaged"
    if isinstance(exc, sqlite3.OperationalError) or code in (8, 10, 13, 14):  # READONLY, IOERR, FULL, CANTOPEN
        return "other"
    return None


#: What a warning about a cache file that cannot be used advises, by :func:`trouble`.
_ADVICE = {
    "held": f" Another process held it for more than {WAIT:.0f} s: a prune compacting it, or a long write;"
            " the next run uses it again",
    "damaged": " It is damaged: remove it (or every cache: `python -m analysis cache --clear`, with"
               " `--cache-dir DIR` for another folder)",
}
#: The warnings already said in this process, by file and kind.
_SAID: set[tuple[Path, str]] = set()


def _say_once(path: Path, kind: str, message: str, *args) -> None:
    if (path, kind) not in _SAID:
        _SAID.add((path, kind))
        logger.warning(message, *args)


def open_cache(name: str, *, kind: type[BlobStore] = BlobStore) -> BlobStore | None:
    """The session's cache file ``name`` (in ``configure(cache_dir=...)``, else the per-user cache folder),
    or None when the session uses no cache (``configure(use_cache=False)``, ``--no-cache``) or the file
    cannot be opened (damaged, or held by another process for more than :data:`WAIT` seconds: a warning
    names it, once a process, and the step computes everything).

    Examples
    --------
    >>> store = open_cache("pages.sqlite")
    >>> store is None or store.path.name == "pages.sqlite"
    True
    """
    if not options.use_cache:
        return None
    path = (options.cache_dir or config.user_cache_dir()) / name
    try:
        return kind(path)
    except (OSError, sqlite3.DatabaseError) as exc:  # a folder it cannot make; a file damaged or held too long
        cause = trouble(exc) if isinstance(exc, sqlite3.DatabaseError) else "other"
        if cause is None:
            raise
        _say_once(path, "opened", "cache %s cannot be opened (%s): this step runs without it, computing "
                  "everything.%s", path, exc, _ADVICE.get(cause, ""))
        return None
