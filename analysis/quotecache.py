"""Statements found before, kept by their document's content: a crawl read again finds quotes only in its new texts.

A document's statements (:mod:`analysis.quotations`) depend on its title and text together (a title
with no name is the one person the document names with that title), on the names known, on the
segmenter, and on the rules' code. They are stored in ``quotes.sqlite`` beside the word and mention
caches (:class:`analysis.blobstore.BlobStore`), keyed by all of these (:func:`statements_digest`,
:func:`document_key`), as JSON of their offsets, speakers and cues: the quoted words are cut from the
text again and the ``doc_id`` is the document's own, so a copy of a text under another id is found
too. ``configure(use_cache=False)`` and ``--no-cache`` bypass the file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

from .blobstore import BlobStore, open_cache
from .codedeps import code_digest
from .mentions import DocumentActors
from .mentionscan import rules_digest
from .names import Lexicon

#: The cache file, in the kit's cache folder.
FILE = "quotes.sqlite"

#: A statement as :func:`analysis.quotations.quotes` gives it: doc_id, field, start, end, quote,
#: speaker, speaker_mention, speaker_type, cue, kind.
Row = tuple


def statements_digest(lex: Lexicon, fingerprint: str) -> str:
    """A digest of everything a document's statements depend on but its title and text.

    The names known and the segmenter's fingerprint (as the mentions' cache keys them), the kit's code
    that finds quotes (every module :mod:`analysis.quotations` imports:
    :func:`analysis.codedeps.code_digest`) and data, and the versions of Python and Unicode (the rules'
    regular expressions).

    Examples
    --------
    >>> from analysis.names import lexicon
    >>> len(statements_digest(lexicon(), "a segmenter")), statements_digest(lexicon(), "another") == \\
    ...     statements_digest(lexicon(), "a segmenter")
    (32, False)
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{rules_digest(lex, fingerprint)}\0{code_digest('analysis.quotations')}".encode())
    return h.hexdigest()


def document_key(digest: str, doc: DocumentActors) -> bytes:
    """The cache key of a document's statements: ``digest`` and each field's name and text.

    Examples
    --------
    >>> from analysis.mentions import FieldActors
    >>> doc = DocumentActors("a", (FieldActors("a", "text", "他說。", ["他", "說", "。"], [], []),), {})
    >>> document_key("d", doc) == document_key("d", doc._replace(doc_id="b")), len(document_key("d", doc))
    (True, 16)
    """
    return BlobStore.key(digest, json.dumps([[f.field, f.text] for f in doc.fields], ensure_ascii=False))


def encode(rows: Sequence[Row]) -> bytes:
    """A document's statements as stored: each without its doc_id and quoted words (cut again on reading)."""
    return json.dumps([[r[1], r[2], r[3], *r[5:]] for r in rows], separators=(",", ":")).encode()


def decode(blob: bytes, doc: DocumentActors) -> list[Row]:
    """The statements of ``doc`` from their stored form (:func:`encode`).

    Examples
    --------
    >>> from analysis.mentions import FieldActors
    >>> doc = DocumentActors("a", (FieldActors("a", "text", "他說：好。", [], [], []),), {})
    >>> row = ("a", "text", 3, 5, "好。", "", "他", "", "說", "quotation")
    >>> decode(encode([row]), doc._replace(doc_id="b"))
    [('b', 'text', 3, 5, '好。', '', '他', '', '說', 'quotation')]
    """
    texts = {f.field: f.text for f in doc.fields}
    return [(doc.doc_id, field, start, end, texts[field][start:end], *rest)
            for field, start, end, *rest in json.loads(blob)]


def cached_statements(found: Sequence[DocumentActors], digest: str,
                      find: Callable[[DocumentActors], list[Row]]) -> list[list[Row]]:
    """Each document's statements: from the cache when its content was read before, else ``find(doc)``
    (then stored). Without the cache (``configure(use_cache=False)``), ``find`` for every document.

    Parameters
    ----------
    found : sequence of DocumentActors
        The documents (:func:`analysis.mentions.iter_document_actors`).
    digest : str
        :func:`statements_digest` of the names and segmenter that found them.
    find : callable
        A document's statements, found (:func:`analysis.quotations.quotes`' rows).

    Returns
    -------
    list of list of tuple
        The statements of each document, in order.
    """
    store = open_cache(FILE) if found else None
    if store is None:
        return [find(doc) for doc in found]
    try:
        keys = [document_key(digest, doc) for doc in found]
        stored = store.get_many(list(dict.fromkeys(keys)))
        out, new = [], {}
        for doc, key in zip(found, keys):
            blob = stored.get(key)
            if blob is None:
                rows = find(doc)
                stored[key] = new[key] = encode(rows)
            else:
                rows = decode(blob, doc)
            out.append(rows)
        store.put_many(new.items())
    finally:
        store.close()
    return out
