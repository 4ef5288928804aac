"""Runs of Han characters as arrays: the characters of many texts, read a block at a time.

:func:`han_runs` reads texts into one array of code points, with an *edge* (-1) wherever a run of
Han characters ends: at punctuation, digits, Latin letters, line breaks and the end of a text. With
the segmenter's cuts it also marks where pieces and dictionary words start. Word discovery counts
the runs' n-grams from it (:mod:`analysis.ngrams`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np

from .text import code_points

#: Code points of Han characters, inclusive ranges: CJK unified ideographs, their extensions and
#: the compatibility ideographs.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
#: Characters of text read into arrays at a time.
BLOCK_CHARS = 4_000_000

#: The cuts of a block of texts: for each text, its pieces' lengths, and whether each piece is one
#: the dictionaries do not know (its characters then count as words of their own).
Cuts = Callable[[list[str]], Iterable[tuple[list[int], list[bool]]]]


class HanRuns:
    """The Han characters of texts as one array: code points, edges, where each text starts, boundaries.

    Attributes
    ----------
    codes : ndarray of int32
        The code point of each Han character, -1 for an edge. It starts and ends with an edge, and
        an edge ends every run.
    starts : ndarray of int64
        The place in ``codes`` where each text starts.
    pieces, words : ndarray of bool or None
        With cuts: whether a piece of the segmenter's, or a dictionary word, starts before each
        place (before an edge: whether one ends after the run).
    """

    def __init__(self, codes: np.ndarray, starts: np.ndarray, pieces: np.ndarray | None, words: np.ndarray | None):
        self.codes, self.starts, self.pieces, self.words = codes, starts, pieces, words


def _blocks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    block, chars = [], 0
    for text in texts:
        block.append(text)
        chars += len(text) + 1
        if chars >= size:
            yield block
            block, chars = [], 0
    if block:
        yield block


def is_han(codes: np.ndarray) -> np.ndarray:
    """Whether each code point is a Han character (:data:`HAN_RANGES`).

    Examples
    --------
    >>> is_han(np.array([ord(c) for c in "台灣2020。"])).tolist()
    [True, True, False, False, False, False, False]
    """
    out = np.zeros(codes.shape, dtype=bool)
    for low, high in HAN_RANGES:
        out |= (codes >= low) & (codes <= high)
    return out


def han_runs(texts: Iterable[str], *, cuts: Cuts | None = None, block_chars: int = BLOCK_CHARS) -> HanRuns:
    """Read texts into :class:`HanRuns`, :data:`BLOCK_CHARS` characters at a time.

    Parameters
    ----------
    texts : iterable of str
        The texts, in order.
    cuts : callable, optional
        From a block of texts to each text's pieces' lengths and whether each piece is unknown to
        the dictionaries (see :data:`Cuts`); the lengths of a text add up to its length.
    block_chars : int
        Characters read at a time.

    Returns
    -------
    HanRuns

    Raises
    ------
    ValueError
        When the cuts of a text do not add up to its length.

    Examples
    --------
    >>> runs = han_runs(["台灣，美國", "日本"])
    >>> runs.codes.tolist() == [-1, ord("台"), ord("灣"), -1, ord("美"), ord("國"), -1, ord("日"), ord("本"), -1]
    True
    >>> runs.starts.tolist()
    [1, 7]
    """
    codes, starts, pieces, words = [np.full(1, -1, dtype=np.int32)], [], [np.ones(1, bool)], [np.ones(1, bool)]
    done = 1
    for block in _blocks(texts, block_chars):
        joined = "\x00".join(block) + "\x00"
        points = code_points(joined).astype(np.int32)
        han = is_han(points)
        keep = han.copy()
        keep[1:] |= han[:-1]  # a Han character, or the first character after one: an edge
        codes.append(np.where(han, points, -1)[keep])
        before = np.concatenate([[0], np.cumsum(keep)])
        offsets = np.cumsum([0] + [len(t) + 1 for t in block[:-1]])
        starts.append(before[offsets] + done)
        done += int(before[-1])
        if cuts is not None:
            bounds, inside = _boundaries(block, cuts, len(points))
            pieces.append(bounds[keep])
            words.append((bounds | inside)[keep])
    if cuts is None:
        pieces = words = None
    else:
        pieces, words = np.concatenate(pieces), np.concatenate(words)
    return HanRuns(np.concatenate(codes), np.concatenate(starts) if starts else np.zeros(0, np.int64), pieces, words)


def _boundaries(block: list[str], cuts: Cuts, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Whether a piece starts at each character of the joined block; whether it is inside an unknown piece."""
    lengths: list[int] = []
    unknown: list[bool] = []
    made = list(cuts(block))
    if len(made) != len(block):
        raise ValueError(f"the cuts of a block of {len(block)} texts are {len(made)}, not one for each text")
    for text, (length, flag) in zip(block, made):
        if sum(length) != len(text) or len(flag) != len(length):
            raise ValueError(f"the pieces of a text do not add up to it, or their flags are not one for each "
                             f"piece: {text[:40]!r}")
        lengths += length
        lengths.append(1)  # the separator
        unknown += flag
        unknown.append(False)
    length = np.asarray(lengths, dtype=np.int64)
    bounds = np.zeros(size, dtype=bool)
    bounds[np.cumsum(length) - length] = True
    inside = np.repeat(np.asarray(unknown, dtype=bool) & (length > 1), length)
    return bounds, inside
