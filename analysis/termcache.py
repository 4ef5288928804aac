"""Terms of texts found before, kept by content: a crawl counted again reads its terms instead of segmenting.

A text's terms (:func:`analysis.termlists.text_terms`) depend on the text, the segmenter (its
fingerprint), the vocabulary (stopwords, boilerplate patterns, variant folding:
:func:`analysis.vocabulary.vocabulary_digest`) and the code that folds and filters words. They are
stored in ``terms.sqlite`` beside the word cache (:class:`analysis.blobstore.BlobStore`), keyed by
all of these (:func:`terms_digest`) and the text, as JSON lists: a text counted before costs a
lookup, not its words read back and filtered again. ``configure(use_cache=False)`` and
``--no-cache`` bypass the file.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping, Sequence

from .blobstore import BlobStore, open_cache
from .codedeps import code_digest

#: The cache file, in the kit's cache folder.
FILE = "terms.sqlite"


def terms_digest(fingerprint: str, vocabulary: str) -> str:
    """A digest of everything a text's terms depend on but the text.

    The segmenter's fingerprint, the vocabulary's digest, the kit's code that makes terms (every module
    :mod:`analysis.termlists` imports: :func:`analysis.codedeps.code_digest`) and data, and the versions
    of Python and Unicode (normalisation and the boilerplate's regular expressions).

    Examples
    --------
    >>> len(terms_digest("a segmenter", "v")), terms_digest("a segmenter", "v") == terms_digest("another", "v")
    (32, False)
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{fingerprint}\0{vocabulary}\0{code_digest('analysis.termlists')}".encode())
    return h.hexdigest()


class TermStore:
    """Texts' terms in ``terms.sqlite``, under one :func:`terms_digest`; None of it without the cache.

    Parameters
    ----------
    digest : str
        :func:`terms_digest` of the segmenter and vocabulary the terms were made with.

    Examples
    --------
    >>> import tempfile
    >>> from analysis import configure
    >>> _ = configure(cache_dir=tempfile.mkdtemp())
    >>> with TermStore("d") as store:
    ...     store.put_many({"台灣與美國。": ["台灣", "美國"]})
    ...     store.get_many(["台灣與美國。", "新的"])
    {'台灣與美國。': ['台灣', '美國']}
    """

    def __init__(self, digest: str) -> None:
        self.digest = digest
        self.store = open_cache(FILE)

    def __enter__(self) -> TermStore:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.store is not None:
            self.store.close()

    def get_many(self, texts: Sequence[str]) -> dict[str, list[str]]:
        """The terms stored of each of ``texts`` (those not stored are left out); each term interned,
        so that the texts of a crawl share one copy of each."""
        if self.store is None or not texts:
            return {}
        keys = {BlobStore.key(self.digest, t): t for t in texts}
        found = self.store.get_many(list(keys))
        return {keys[k]: [sys.intern(term) for term in json.loads(blob)] for k, blob in found.items()}

    def put_many(self, terms_of: Mapping[str, list[str]]) -> None:
        """Store each text's terms (nothing without the cache)."""
        if self.store is not None and terms_of:
            self.store.put_many((BlobStore.key(self.digest, t), json.dumps(terms).encode())
                                for t, terms in terms_of.items())
