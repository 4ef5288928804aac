"""Character n-grams of a corpus's runs of Han characters, counted as arrays, level by level.

Word discovery (:mod:`analysis.discovery`) measures every string of Han characters that recurs.
:class:`Ngrams` counts them in the runs that :func:`analysis.hanruns.han_runs` reads, as the
Apriori algorithm does: an n-gram is counted only where both of its (n-1)-grams survived (occurred
``min_count`` times), each level a count of 64-bit keys (the (n-1)-gram's number and the next
character's code point) by sorting. Memory and time grow with the characters of the corpus,
whatever its size; only the surviving n-grams become strings.

Each survivor keeps its count, the number of texts holding it, the neighbour statistics that
boundary entropy needs, and its two (n-1)-grams (``prefix`` and ``suffix``), from which every part
of it can be found (:meth:`Ngrams.part`). With the segmenter's cuts, it also keeps how often it is
cut whole and how often it starts and ends on a boundary of dictionary words.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .hanruns import HAN_RANGES, HanRuns


class Ngrams:
    """Every n-gram of Han runs that survives pruning, numbered by length, then by prefix, then by last character.

    Each level extends the (n-1)-grams a range of them at a time, ranges of about :data:`CHUNK`
    occurrences: every occurrence of a range's (n-1)-grams is found, and its key (the (n-1)-gram's
    number times :data:`WIDTH` plus the next character's code point) counted by sorting, so that the
    counts are whole within the range and come out in sorted order. Nothing depends on the order of
    the texts, and the memory it needs beyond the runs is a range's and the survivors'.

    Attributes (arrays over the n-grams' numbers)
    ----------------------------------------------
    strings : list of str
    length, count, documents : ndarray of int64
        ``documents`` is the number of texts holding it (0 for single characters).
    prefix, suffix : ndarray of int64
        The numbers of its first and last (n-1) characters (-1 for a single character).
    left_sum, right_sum : ndarray of float64
        The sum of ``k * log2(k)`` over the characters seen ``k`` times just left (right) of it.
    left_seen, right_seen : ndarray of int64
        How many of its occurrences have a Han character just left (right) of them.
    whole, aligned : ndarray of int64
        With cuts: occurrences cut as one piece; occurrences that start and end on a boundary of
        dictionary words (0 for single characters).
    positions : dict of int to int
        For each length n, the number of places an n-gram can start in the runs.

    Examples
    --------
    >>> from analysis.hanruns import han_runs
    >>> ng = Ngrams(han_runs(["甲乙丙，甲乙丁", "戊甲乙"]), min_count=2, max_length=10)
    >>> ng.strings, ng.count.tolist(), ng.documents.tolist()
    (['乙', '甲', '甲乙'], [3, 3, 3], [0, 0, 2])
    >>> ng.right_seen.tolist(), ng.positions[2]
    ([2, 3, 2], 6)
    """

    def __init__(self, runs: HanRuns, *, min_count: int, max_length: int):
        codes = runs.codes
        runs_length = np.diff(np.flatnonzero(codes < 0)) - 1
        self.positions = {n: int(np.maximum(runs_length - n + 1, 0).sum()) for n in range(1, max_length + 1)}
        total = np.bincount(codes[codes >= 0], minlength=WIDTH)
        keys = np.flatnonzero(total >= min_count)
        number = np.full(WIDTH + 1, -1, dtype=np.int32)
        number[keys + 1] = np.arange(len(keys), dtype=np.int32)
        gram = number[codes + 1]  # the surviving (n-1)-gram that starts at each place, -1 for none
        del number
        levels = [_Level([chr(c) for c in keys.tolist()], keys, total[keys], np.full(len(keys), -1),
                         np.full(len(keys), -1))]
        for n in range(2, max_length + 2):
            top = levels[-1]
            level = _Level([], np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
            following = np.full(len(codes), -1, dtype=np.int32) if n <= max_length else None
            for lo, hi in _ranges(top.count):
                at = np.flatnonzero((gram >= lo) & (gram < hi))
                level.extend(top.extended(at, lo, hi, n, gram, runs, min_count=min_count if n <= max_length else None),
                             following)
            if following is None or not level.strings:
                break
            gram = following
            levels.append(level)
        self.strings = [s for level in levels for s in level.strings]
        for name in ("count", "documents", "left_sum", "left_seen", "right_sum", "right_seen", "whole", "aligned"):
            setattr(self, name, np.concatenate([getattr(level, name) for level in levels]))
        bases = np.cumsum([0] + [len(level.strings) for level in levels])
        below = [0, *bases[:-2].tolist()]
        self.prefix = np.concatenate([np.where(lv.prefix < 0, -1, lv.prefix + b) for lv, b in zip(levels, below)])
        self.suffix = np.concatenate([np.where(lv.suffix < 0, -1, lv.suffix + b) for lv, b in zip(levels, below)])
        self.length = np.concatenate([np.full(len(level.strings), i + 1, dtype=np.int64)
                                      for i, level in enumerate(levels)])
        #: The number of the first n-gram of each length n.
        self.first = {i + 1: int(bases[i]) for i in range(len(levels))}

    def part(self, numbers: np.ndarray, length: int, start: int, stop: int) -> np.ndarray:
        """The numbers of ``w[start:stop]`` for n-grams ``w`` of one ``length``: a chain of suffixes, then prefixes.

        Examples
        --------
        >>> from analysis.hanruns import han_runs
        >>> ng = Ngrams(han_runs(["甲乙丙"] * 2), min_count=2, max_length=3)
        >>> [ng.strings[i] for i in ng.part(np.array([5]), 3, 1, 2)]
        ['乙']
        """
        out = np.asarray(numbers, dtype=np.int64)
        for _ in range(start):
            out = self.suffix[out]
        for _ in range(length - stop):
            out = self.prefix[out]
        return out

    def entropy(self, side: str) -> np.ndarray:
        """Boundary entropy, in bits, of every n-gram on one side; an edge counts as one more neighbour."""
        total, seen = (self.left_sum, self.left_seen) if side == "left" else (self.right_sum, self.right_seen)
        n = self.count.astype(np.float64)
        edges = (self.count - seen).astype(np.float64)
        edge_term = np.where(edges > 0, edges * log2(np.where(edges > 0, edges, 1.0)), 0.0)
        return np.maximum(0.0, log2(n) - (total + edge_term) / n)

    def log_share(self) -> np.ndarray:
        """``log2(count / positions)`` of every n-gram: the log of its probability at a place."""
        places = np.array([self.positions[int(n)] for n in range(1, int(self.length.max(initial=0)) + 1)] or [1.0])
        return log2(self.count / places[self.length - 1])


#: Occurrences of (n-1)-grams extended at a time by :class:`Ngrams`.
CHUNK = 4_000_000
#: One more than the largest code point of a Han character: a level's key is an (n-1)-gram's number
#: times this, plus the next character's code point.
WIDTH = HAN_RANGES[-1][1] + 1


class _Level:
    """The n-grams of one length: their keys (sorted), counts, the numbers of their (n-1)-grams, and
    what is measured of them; while the next length is counted, their neighbours."""

    def __init__(self, strings: list[str], keys: np.ndarray, count: np.ndarray, prefix: np.ndarray,
                 suffix: np.ndarray):
        size = len(strings)
        self.strings, self.keys, self.count = strings, keys.astype(np.int64), count.astype(np.int64)
        self.prefix, self.suffix = prefix.astype(np.int64), suffix.astype(np.int64)
        self.documents = self.whole = self.aligned = np.zeros(size, np.int64)
        self.left_sum, self.right_sum = np.zeros(size), np.zeros(size)
        self.left_seen, self.right_seen = np.zeros(size, np.int64), np.zeros(size, np.int64)

    def extended(self, at: np.ndarray, lo: int, hi: int, n: int, gram: np.ndarray, runs: HanRuns, *,
                 min_count: int | None) -> dict:
        """Neighbours of these (n-1)-grams numbered ``lo`` to ``hi``, which start at ``at``; the n-grams
        that extend them (with their places), when ``min_count`` is given."""
        codes = runs.codes
        before = at[codes[at - 1] >= 0]
        keys, seen = np.unique(gram[before].astype(np.int64) * WIDTH + codes[before - 1], return_counts=True)
        self.left_sum[lo:hi], self.left_seen[lo:hi] = _neighbours(keys // WIDTH - lo, seen, hi - lo)
        at = at[codes[at + n - 1] >= 0]
        keys, where, seen = np.unique(gram[at].astype(np.int64) * WIDTH + codes[at + n - 1], return_inverse=True,
                                      return_counts=True)
        self.right_sum[lo:hi], self.right_seen[lo:hi] = _neighbours(keys // WIDTH - lo, seen, hi - lo)
        if min_count is None:
            return {}
        # The n-grams whose two (n-1)-grams both survived, counted whole: kept when frequent enough.
        prefix, last = keys // WIDTH, keys % WIDTH
        suffix = _find(self.keys, last if n == 2 else self.suffix[prefix] * WIDTH + last)
        keep = (suffix >= 0) & (seen >= min_count)
        renumber = np.cumsum(keep) - 1
        found = keep[where]
        at, number = at[found], renumber[where[found]]
        size = int(keep.sum())
        documents = np.zeros(size, np.int64)
        if size:
            pairs = np.sort((np.searchsorted(runs.starts, at, side="right") - 1) * size + number)  # text, n-gram
            documents = np.bincount(pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])] % size, minlength=size)
        out = {"strings": [self.strings[p] + chr(c) for p, c in zip(prefix[keep].tolist(), last[keep].tolist())],
               "keys": keys[keep], "count": seen[keep], "prefix": prefix[keep], "suffix": suffix[keep],
               "documents": documents, "at": at, "number": number}
        if runs.pieces is not None:
            pieces, words, end = runs.pieces, runs.words, at + n
            cut = pieces[at] & pieces[end]
            for k in range(1, n):
                cut &= ~pieces[at + k]
            out["whole"] = np.bincount(number[cut], minlength=size)
            out["aligned"] = np.bincount(number[words[at] & words[end]], minlength=size)
        return out

    def extend(self, part: dict, gram: np.ndarray | None) -> None:
        """Add the n-grams of one range (from :meth:`extended`), numbered after those added before, and
        write their numbers where they start in ``gram``."""
        if not part or not part["strings"]:
            return
        at, number = part.pop("at"), part.pop("number")
        if gram is not None:
            gram[at] = number + len(self.strings)
        size = len(part["strings"])
        self.strings += part.pop("strings")
        for name in ("documents", "whole", "aligned"):
            part.setdefault(name, np.zeros(size, np.int64))
        for name in ("left_sum", "right_sum"):
            part[name] = np.zeros(size)
        for name in ("left_seen", "right_seen"):
            part[name] = np.zeros(size, np.int64)
        for name, values in part.items():
            old = getattr(self, name)
            setattr(self, name, np.concatenate([old, np.asarray(values, dtype=old.dtype)]))


def _ranges(count: np.ndarray) -> list[tuple[int, int]]:
    """Ranges of consecutive numbers whose counts add up to about :data:`CHUNK` (at least one number each)."""
    total = np.cumsum(count)
    bounds = [0]
    while bounds[-1] < len(count):
        done = int(total[bounds[-1] - 1]) if bounds[-1] else 0
        bounds.append(max(bounds[-1] + 1, int(np.searchsorted(total, done + CHUNK, side="right"))))
    bounds[-1] = min(bounds[-1], len(count))
    return list(zip(bounds, bounds[1:]))


def _find(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The place of each key in ``sorted_keys``, -1 where it is missing."""
    at = np.searchsorted(sorted_keys, keys)
    found = at < len(sorted_keys)
    found[found] = sorted_keys[at[found]] == keys[found]
    return np.where(found, at, -1)


def log2(values: np.ndarray) -> np.ndarray:
    """``math.log2`` of each value: the C library's, as the same in every build, not numpy's vectorised one.

    Each distinct value is computed once, so a crawl's millions of counts cost a few thousand calls.

    Examples
    --------
    >>> log2(np.array([8.0, 1.0, 8.0])).tolist()
    [3.0, 0.0, 3.0]
    """
    codes, unique = pd.factorize(np.asarray(values, dtype=np.float64).ravel())
    return np.array([math.log2(v) for v in unique.tolist()], dtype=np.float64)[codes].reshape(np.shape(values))


def _neighbours(owner: np.ndarray, seen: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum of ``k * log2(k)`` and of ``k`` over each owner's neighbours, seen ``k`` times each."""
    weight = seen.astype(np.float64)
    return (np.bincount(owner, weights=weight * log2(weight), minlength=size),
            np.bincount(owner, weights=weight, minlength=size).astype(np.int64))
