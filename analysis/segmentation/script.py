"""Tell Traditional from Simplified Chinese, and fold character widths.

Both helpers are small and specific to this corpus's needs: the script decides
which dictionary the segmenter uses, and width folding makes ``ＵＮ``
and ``UN`` segment the same way without changing the text's length.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Literal

import numpy as np

from ..config import package_file
from ..text import code_points

Script = Literal["hant", "hans"]


@lru_cache(maxsize=4)
def opencc_table(name: str) -> dict[str, list[str]]:
    """One of OpenCC's character tables: each character to its conversions, the usual one first.

    Parameters
    ----------
    name : str
        A file of OpenCC's ``dictionary`` folder, e.g. ``"TSCharacters.txt"`` (Traditional to
        Simplified) or ``"STCharacters.txt"``.

    Returns
    -------
    dict of str to list of str

    Raises
    ------
    FileNotFoundError
        When OpenCC has no such table.

    Examples
    --------
    >>> opencc_table("TSCharacters.txt")["臺"]
    ['台']
    >>> opencc_table("STCharacters.txt")["台"]
    ['臺', '檯', '颱', '台']
    """
    out = {}
    for line in package_file("opencc", "dictionary", name).read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            out[key] = values.split()
    return out


def to_simplified_chars() -> dict[str, str]:
    """Each Traditional character to its usual Simplified form (a one-to-one table, for ``str.translate``).

    Returns
    -------
    dict of str to str

    Examples
    --------
    >>> "國務卿".translate(str.maketrans(to_simplified_chars()))
    '国务卿'
    """
    return {k: v[0] for k, v in opencc_table("TSCharacters.txt").items()}


@lru_cache(maxsize=1)
def _script_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Characters used only in Traditional, and only in Simplified, from OpenCC's tables."""
    t2s, s2t = opencc_table("TSCharacters.txt"), opencc_table("STCharacters.txt")
    # A character is script-specific when its conversion never keeps it (臺 -> 台, but 台 -> 台/臺/颱).
    trad = {k for k, v in t2s.items() if k not in v} - set(s2t)
    simp = {k for k, v in s2t.items() if k not in v} - set(t2s)
    return frozenset(trad), frozenset(simp)


def detect_script(text: str) -> Script:
    """Return ``"hans"`` when a text has more Simplified-only than Traditional-only characters.

    Text with neither (numbers, Latin, characters common to both) counts as Traditional,
    the corpus's own script.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    {"hant", "hans"}

    Examples
    --------
    >>> detect_script("美國駐聯合國大使"), detect_script("美国驻联合国大使")
    ('hant', 'hans')
    >>> detect_script("UN 2020"), detect_script("台北")
    ('hant', 'hant')
    """
    trad, simp = _script_chars()
    counts = Counter(text)  # each distinct character looked up once
    n_trad = sum(n for ch, n in counts.items() if ch in trad)
    n_simp = sum(n for ch, n in counts.items() if ch in simp)
    return "hans" if n_simp > n_trad else "hant"


@lru_cache(maxsize=1)
def _script_marks() -> np.ndarray:
    """For every code point: +1 when only Traditional uses it, -1 when only Simplified does, else 0."""
    trad, simp = _script_chars()
    marks = np.zeros(0x110000, dtype=np.int8)
    marks[[ord(c) for c in trad if len(c) == 1]] = 1
    marks[[ord(c) for c in simp if len(c) == 1]] = -1
    return marks


def detect_scripts(texts: list[str]) -> list[Script]:
    """:func:`detect_script` of many texts at once, counted as arrays: the same answer for each.

    Parameters
    ----------
    texts : list of str
        Any texts.

    Returns
    -------
    list of {"hant", "hans"}

    Examples
    --------
    >>> detect_scripts(["美國駐聯合國大使", "美国驻联合国大使", "", "UN 2020"])
    ['hant', 'hans', 'hant', 'hant']
    """
    if not texts:
        return []
    points = code_points("".join(texts))
    marks = _script_marks()[points]
    ends = np.cumsum([len(t) for t in texts])
    bounds = np.concatenate([[0], ends])
    trad = np.concatenate([[0], np.cumsum(marks == 1)])[bounds]
    simp = np.concatenate([[0], np.cumsum(marks == -1)])[bounds]
    return np.where(np.diff(simp) > np.diff(trad), "hans", "hant").tolist()


_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Map full-width ASCII forms (``ＵＮ``, ``１２``) and U+3000 to their half-width forms.

    The result has the same length as the input, so offsets carry over.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        ``text`` with U+FF01-U+FF5E mapped to U+0021-U+007E and U+3000 to a space.

    Examples
    --------
    >>> fold_width("美駐ＵＮ大使１３日")
    '美駐UN大使13日'
    """
    return text.translate(_WIDTH)
