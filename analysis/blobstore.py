"""A file of bytes by key: the SQLite store behind the kit's caches (words, terms, mentions, quotes, pages).

Keys are digests the caller makes; values are opaque bytes, never code or pickles, so a cache folder
shared with others cannot run anything. Several processes may share one file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from . import config
from .settings import options


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
        self.db = sqlite3.connect(path, timeout=30)
        # one table, named as the first cache (of words) named it, so that the caches already written stay readable
        self.db.execute("CREATE TABLE IF NOT EXISTS seg (k BLOB PRIMARY KEY, v BLOB NOT NULL)")

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
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT k, v FROM seg WHERE k IN ({','.join('?' * len(chunk))})"
            found.update(self.db.execute(q, chunk).fetchall())
        return found

    def put_many(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        """Store ``(key, value)`` pairs in one transaction, replacing values already stored.

        Parameters
        ----------
        items : iterable of tuple of (bytes, bytes)
            Keys and their values.
        """
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO seg VALUES (?, ?)", items)

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self.db.close()


def open_cache(name: str, *, kind: type[BlobStore] = BlobStore) -> BlobStore | None:
    """The session's cache file ``name`` (in ``configure(cache_dir=...)``, else the per-user cache folder),
    or None when the session uses no cache (``configure(use_cache=False)``, ``--no-cache``).

    Examples
    --------
    >>> store = open_cache("pages.sqlite")
    >>> store is None or store.path.name == "pages.sqlite"
    True
    """
    if not options.use_cache:
        return None
    return kind((options.cache_dir or config.user_cache_dir()) / name)
