"""Pages already parsed, kept by content: a crawl read again parses only its new and changed pages.

A text page, a saved web page or a Markdown page that the reader parsed without a problem is stored in
``pages.sqlite``, beside the segmentation cache (the session's cache folder, :func:`analysis.configure`),
as compressed JSON of its documents (:func:`encode_page`, made where the page was parsed): never code or
pickles. Its key is a digest of the file's bytes and format, the decoding asked for, and
:func:`reader_fingerprint` (the kit's code and data, the Python and Unicode versions, the libraries
that decode and extract pages), so that any change that could change what a page reads as is never
answered with an older reading; its path and page id are not part of it (a crawl copied or moved
elsewhere is not parsed again), but put back into its documents when read. Pages with a problem are parsed every
time, so that their warnings are raised again; tables (CSV, Parquet, Excel, JSON Lines) are not kept
here (a large one is read a block of rows at a time: :func:`analysis.tabular_files.iter_table`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import zlib
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .blobstore import BlobStore, open_cache
from .codedeps import code_digest
from .decoding import file_format

#: Formats whose pages are kept: one file, one page, parsed by the kit's page grammar, web-page or Markdown reader.
FORMATS = frozenset({"text", "html", "markdown"})
#: Distributions whose versions change what a page reads as (detection of encodings, web-page extraction).
LIBRARIES = ("charset-normalizer", "trafilatura", "htmldate", "justext", "courlan", "lxml")
_DATETIME = "$datetime"
#: The types of values a page's documents are kept with: exactly these (JSON would turn a tuple into a list,
#: and a subclass of datetime such as pandas' Timestamp may hold more than ``isoformat`` keeps).
_KEPT = frozenset({str, int, float, bool, type(None), datetime})


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """A digest of what decides how a file reads: the kit's code that reads it and the kit's data
    (:func:`analysis.codedeps.code_digest` of :mod:`analysis.corpus`), Python, Unicode, :data:`LIBRARIES`.

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> len(reader_fingerprint()), reader_fingerprint() == reader_fingerprint()
    (32, True)
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(code_digest("analysis.corpus").encode())  # the code that reads a page, not the whole kit
    versions = []
    for dist in LIBRARIES:
        try:
            versions.append(f"{dist}={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist}=-")
    h.update("\0".join(versions).encode())
    return h.hexdigest()


def page_key(file: Path, *, encoding: str | None = None) -> bytes | None:
    """The key of a file's reading: None for a file in a format not kept (:data:`FORMATS`) or not readable.

    The file's bytes, format and compression (a text page and a web page of the same bytes read differently), the codec
    asked for and :func:`reader_fingerprint`; not its path, so that a crawl copied or moved elsewhere is
    not parsed again (its path and page id are put back into the documents, :func:`decode_page`).

    Parameters
    ----------
    file : Path
        The page.
    encoding : str, optional
        The codec asked for (None: detected).

    Returns
    -------
    bytes or None
        A 16-byte BLAKE2b digest.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> from analysis.decoding import corpus_files
    >>> page = corpus_files(SEEDS_DIR)[0]
    >>> len(page_key(page)), page_key(page) == page_key(page, encoding="utf-8")
    (16, False)
    """
    kind = file_format(file)
    if kind not in FORMATS:
        return None
    try:
        data = file.read_bytes()
    except OSError:  # the reader says what is wrong with it, in its own words
        return None
    h = hashlib.blake2b(digest_size=16)
    gzipped = "gz" if file.name.lower().endswith(".gz") else ""  # read as its gunzipped bytes (read_bytes)
    h.update("\0".join([reader_fingerprint(), kind, gzipped, encoding or ""]).encode())
    h.update(b"\0")
    h.update(data)
    return h.digest()


def _encode_datetime(value: datetime) -> dict:
    """JSON's form of the one kept type it lacks (:data:`_KEPT`: every other value is checked before)."""
    return {_DATETIME: value.isoformat()}


def _decode_object(obj: dict) -> object:
    if len(obj) == 1 and _DATETIME in obj:
        return datetime.fromisoformat(obj[_DATETIME])
    return obj


def encode_page(docs: Sequence[dict], *, source: str, page_id: str) -> bytes | None:
    """A page's documents as compressed JSON, without its path and page id; None when a value would not
    come back as it is.

    Values of exactly these types are kept: strings, whole numbers, floats, booleans, None and
    :class:`datetime.datetime` (naive or aware); anything else (a list, a tuple, pandas' Timestamp) leaves the
    page out of the cache rather than change it, as does a document whose
    ``source``, ``page_id`` or ``doc_id`` (``<page_id>:<number>``) is not the page's own. Compressed by zlib
    at its fastest level: JSON of a page's documents is twice the page's size, compressed three quarters.

    Parameters
    ----------
    docs : sequence of dict
        The page's documents, as the reader returns them.
    source, page_id : str
        The page's path (as the documents name it) and id.

    Examples
    --------
    >>> doc = {"doc_id": "p:00", "page_id": "p", "published": datetime(2020, 9, 17, 8, 30), "source": "a/p.txt"}
    >>> decode_page(encode_page([doc], source="a/p.txt", page_id="p"), source="b/q.txt", page_id="q")
    [{'doc_id': 'q:00', 'page_id': 'q', 'published': datetime.datetime(2020, 9, 17, 8, 30), 'source': 'b/q.txt'}]
    >>> encode_page([{**doc, "published": object()}], source="a/p.txt", page_id="p") is None
    True
    """
    if not all(type(v) in _KEPT for doc in docs for v in doc.values()):
        return None
    prefix = f"{page_id}:"
    kept = []
    for doc in docs:
        doc_id = doc.get("doc_id")
        if doc.get("source") != source or doc.get("page_id") != page_id or not isinstance(doc_id, str) \
                or not doc_id.startswith(prefix):
            return None
        kept.append({**doc, "doc_id": doc_id[len(prefix):], "page_id": "", "source": ""})  # same keys, same order
    text = json.dumps(kept, ensure_ascii=False, default=_encode_datetime, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def decode_page(blob: bytes, *, source: str, page_id: str) -> list[dict]:
    """The documents that :func:`encode_page` stored, with the path and page id of the page read now.

    Raises
    ------
    ValueError
        For bytes that :func:`encode_page` did not make (a damaged entry).

    Examples
    --------
    >>> blob = encode_page([{"doc_id": "p:00", "page_id": "p", "source": "p.txt"}], source="p.txt", page_id="p")
    >>> decode_page(blob, source="p.txt", page_id="p")
    [{'doc_id': 'p:00', 'page_id': 'p', 'source': 'p.txt'}]
    """
    try:
        text = zlib.decompress(blob).decode("utf-8", "surrogatepass")
    except zlib.error as exc:
        raise ValueError(f"not a page of the cache ({exc})") from None
    docs = json.loads(text, object_hook=_decode_object)
    if not isinstance(docs, list) or not all(isinstance(d, dict) and isinstance(d.get("doc_id"), str) for d in docs):
        raise ValueError("not a page of the cache (not a list of documents)")
    for doc in docs:
        doc["doc_id"] = f"{page_id}:{doc['doc_id']}"
        doc["page_id"] = page_id
        doc["source"] = source
    return docs


def open_store() -> BlobStore | None:
    """The session's store of pages, or None when the session uses no cache (``configure(use_cache=False)``).

    Examples
    --------
    >>> store = open_store()
    >>> store is None or store.path.name == "pages.sqlite"
    True
    """
    return open_cache("pages.sqlite")
