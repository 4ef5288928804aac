"""Indexes of a corpus, built once, that answer the explorer's repeated questions in a fraction of a second.

The explorer (:mod:`analysis.explorer`) asks the same questions of one corpus again and again. Each
index here answers one of them exactly as the kit's own function does, from work done once:

- :class:`HitIndex`: how many concordance lines a term has in each document, as :func:`analysis.kwic`
  finds them (whole terms, NFKC-folded, each distinct text once), from every title and text kept
  folded in one string with its word boundaries marked;
- :class:`TermCounts`: the term frequencies of any group of documents, as
  :func:`analysis.term_frequencies` counts them, from a sparse matrix of each distinct title and
  text's term counts;
- :class:`GroupCodes`: a group column's values as numbers, to select any value's documents.

A term's collocates are :func:`analysis.association.collocations_of` on co-occurrence counts made once.

On a crawl of 10,000 pages, the functions themselves take tens of seconds a question, since each
segments, filters or counts the whole corpus again; the indexes take that time once.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

# kwic's own folding, so that the folded texts searched are kwic's.
from .concordance import _fold
from .termcodes import field_codes, sorted_codes
from .segmentation import word_lengths_many
from .typedefs import SegmenterLike, UserDict

#: Distinct titles and texts segmented at a time while a :class:`HitIndex` is built.
BLOCK_FIELDS = 20_000
_SEPARATOR = "\n"  # between two fields of the folded text


class GroupCodes(NamedTuple):
    """A group column (the explorer's kind, outlet or month) as each document's value number (``codes``), the
    values in order of first appearance and their ``counts``: no string kept per document.

    Examples
    --------
    >>> group = GroupCodes.of(pd.Series(["related", "article", "related", None]))
    >>> group.ordered(by_value=False), group.count("related"), group.mask("article").tolist()
    (['related', 'article', ''], 2, [False, True, False, False])
    """

    codes: np.ndarray
    values: list[str]
    counts: np.ndarray

    @classmethod
    def of(cls, column: pd.Series) -> GroupCodes:
        codes, values = pd.factorize(column.fillna("").astype(str), sort=False)
        return cls(codes, [str(v) for v in values], np.bincount(codes, minlength=len(values)))

    def ordered(self, *, by_value: bool) -> list[str]:
        """The values sorted (``by_value``) or the most frequent first (ties in order of first appearance)."""
        if by_value:
            return sorted(self.values)
        return [self.values[k] for k in np.argsort(-self.counts, kind="stable")]

    def count(self, value: str) -> int:
        return int(self.counts[self.values.index(value)]) if value in self.values else 0

    def mask(self, value: str) -> np.ndarray:
        """The documents whose value is ``value``."""
        return self.codes == (self.values.index(value) if value in self.values else -2)


class HitIndex:
    """Where a term occurs as :func:`analysis.kwic` finds it, for every distinct text at once.

    Every title and text is kept folded, one after another in one string, with a mark at each word
    boundary (a boolean array as long as that string): a search is a scan of one string, and the index
    holds no Python object per word or per field. It is built :data:`BLOCK_FIELDS` distinct fields at a
    time, so that only a block's words are ever held.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Attributes
    ----------
    doc_ids : numpy.ndarray
        The documents :func:`analysis.kwic` searches: each distinct text (``content_id``) once, its
        first copy, in corpus order.
    rows : numpy.ndarray
        Their positions in ``docs``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "content_id": ["1", "2"], "title": ["中國", ""],
    ...                      "text": ["中國時報報導，中國與美國會談。", "美國"]})
    >>> HitIndex(docs).hits("中國").tolist()  # 中國 inside 中國時報 is not a whole term
    [2, 0]
    """

    def __init__(self, docs: pd.DataFrame, *, userdict: UserDict = None,
                 segmenter: SegmenterLike | None = None) -> None:
        self.rows = np.flatnonzero(~docs["content_id"].duplicated().to_numpy()) if "content_id" in docs \
            else np.arange(len(docs))
        docs = docs.iloc[self.rows]  # distinct(docs): the first copy of each text
        self.doc_ids = docs["doc_id"].to_numpy()
        fields = ["" if pd.isna(text) else str(text) for pair in zip(docs["title"], docs["text"]) for text in pair]
        folded = [_fold(text) for text in fields]
        lengths = np.fromiter(map(len, folded), dtype=np.int64, count=len(folded))
        # Where folding changes a field's length (… to ...), each word is folded to find its boundaries.
        refold = lengths != np.fromiter(map(len, fields), dtype=np.int64, count=len(fields))
        # Field k is text[starts[k]:ends[k]], one separator after it: no hit is counted across two fields.
        self._starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
        self._ends = self._starts + lengths
        self._text = _SEPARATOR.join(folded)
        del folded
        self._bound = np.zeros(len(self._text) + 1, dtype=bool)
        codes, distinct = pd.factorize(pd.Series(fields, dtype=object), sort=False)
        del fields
        order = np.argsort(codes, kind="stable")  # the fields of each distinct text, together
        first = np.searchsorted(codes[order], np.arange(len(distinct) + 1))
        for start in range(0, len(distinct), BLOCK_FIELDS):
            block = list(distinct[start:start + BLOCK_FIELDS])
            word_lengths = word_lengths_many(block, userdict=userdict, segmenter=segmenter)
            for code, text in enumerate(block, start=start):
                fields_of = order[first[code]:first[code + 1]]
                at = _bounds(text, word_lengths[text], refold=bool(refold[fields_of[0]]))
                for field in fields_of:
                    self._bound[self._starts[field] + at] = True

    def hits(self, pattern: str) -> np.ndarray:
        """The number of concordance lines of ``pattern`` in each document of :attr:`doc_ids`.

        Parameters
        ----------
        pattern : str
            A word or phrase, as :func:`analysis.kwic` takes it (not a regular expression).

        Returns
        -------
        numpy.ndarray
            Hits in title and text together, aligned with :attr:`doc_ids`; they sum to
            ``len(kwic(docs, pattern))``.

        Raises
        ------
        ValueError
            For an empty pattern.
        """
        if not pattern:
            raise ValueError("the pattern is empty")
        needle = _fold(pattern)
        found, i = [], self._text.find(needle)
        while i >= 0:  # every occurrence, overlapping ones too
            found.append(i)
            i = self._text.find(needle, i + 1)
        starts = np.array(found, dtype=np.int64)
        ends = starts + len(needle)
        field = np.searchsorted(self._starts, starts, side="right") - 1
        whole = self._bound[starts] & self._bound[ends] & (ends <= self._ends[field])
        starts, field = starts[whole], field[whole]
        if len(starts) > 1 and (np.diff(starts) < len(needle)).any():
            # kwic's lines do not overlap: left to right, a hit is taken only where the last one ended
            taken, end = np.zeros(len(starts), dtype=bool), -1
            for k, s in enumerate(starts.tolist()):
                if s >= end:
                    taken[k], end = True, s + len(needle)
            field = field[taken]
        return np.bincount(field, minlength=len(self._starts)).reshape(-1, 2).sum(axis=1)


def _bounds(text: str, word_lengths: np.ndarray, *, refold: bool) -> np.ndarray:
    """Where the words of ``text`` end in its folded text, 0 first (each word folded alone where ``refold``)."""
    ends = np.cumsum(word_lengths)
    if refold:
        ends = np.cumsum([len(_fold(text[a:b])) for a, b in zip((ends - word_lengths).tolist(), ends.tolist())],
                         dtype=np.int64)
    return np.concatenate(([0], ends)).astype(np.int64)


class TermCounts:
    """Each distinct title and text's term counts, to count the terms of any group of documents at once.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Attributes
    ----------
    terms : numpy.ndarray
        The vocabulary, sorted; a term's column in :attr:`matrix`.
    matrix : scipy.sparse.csr_matrix
        One row per distinct (title, text), one column per term: its count there.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國"], "text": ["台灣與美國。", "美國。"], "content_id": ["1", "2"]})
    >>> TermCounts(docs).frequencies(np.array([True, True])).values.tolist()
    [['台灣', 2, 1], ['美國', 3, 2]]
    """

    def __init__(self, docs: pd.DataFrame, *, userdict: UserDict = None,
                 segmenter: SegmenterLike | None = None) -> None:
        # each document's text as a number: its first copy in a selection found among integers
        self._content = pd.factorize(docs["content_id"])[0] if "content_id" in docs else None
        title, text = (docs[c].fillna("").astype(str) for c in ("title", "text"))
        # Each document's (title, text), by position, numbered in order of first appearance: a dict holds
        # only the distinct pairs (a crawl's two million rows factorized at once held 1.2 GB more).
        number: dict[tuple[str, str], int] = {}
        self._pair_of = np.fromiter((number.setdefault(pair, len(number)) for pair in zip(title, text)),
                                    dtype=np.int64, count=len(docs))
        del title, text
        titles, texts = (list(side) for side in zip(*number)) if number else ([], [])
        del number
        # Each pair's terms as numbers (no list of terms per pair), then columns in the order of the sorted terms.
        indptr, codes, vocabulary = field_codes(titles, texts, userdict=userdict, segmenter=segmenter)
        del titles, texts
        column, self.terms = sorted_codes(codes, vocabulary)
        del codes, vocabulary
        self.matrix = sparse.csr_matrix((np.ones(len(column), dtype=np.int64), column, indptr),
                                        shape=(len(indptr) - 1, len(self.terms)))
        self.matrix.sum_duplicates()

    def totals(self) -> pd.Series:
        """Each term's count over every distinct title and text, the most frequent first (ties by term)."""
        counts = pd.Series(np.asarray(self.matrix.sum(axis=0)).ravel(), index=self.terms, name="count")
        return counts.iloc[np.lexsort((self.terms, -counts.to_numpy()))]

    def frequencies(self, mask: np.ndarray) -> pd.DataFrame:
        """The ``term``, ``count`` and ``documents`` of :func:`analysis.term_frequencies` for ``docs[mask]``.

        Each distinct text (``content_id``) of the selection is counted once, its first copy.

        Parameters
        ----------
        mask : numpy.ndarray of bool
            The documents of the group, aligned with the ``docs`` the index was built on.

        Returns
        -------
        DataFrame
            ``term``, ``count`` and ``documents`` for every term counted at least once, by term.
        """
        rows = np.flatnonzero(mask)
        if self._content is not None:  # the first of each text's rows (a missing content_id is -1: one text)
            rows = rows[np.sort(np.unique(self._content[rows], return_index=True)[1])]
        weights = np.bincount(self._pair_of[rows], minlength=self.matrix.shape[0]).astype(np.int64)
        count = weights @ self.matrix
        documents = weights @ (self.matrix > 0).astype(np.int64)
        held = np.flatnonzero(count)
        return pd.DataFrame({"term": self.terms[held], "count": count[held].astype("int64"),
                             "documents": documents[held].astype("int64")})
