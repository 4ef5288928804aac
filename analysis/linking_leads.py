"""Whether a related item repeats its article's lead: its first sentence, or a run of its opening.

:func:`repeats_lead` answers for one article and one item; :func:`lead_repeats` for every item of a
crawl, each article's lead (only as much of the article as its opening takes: :func:`folded_opening`) and each
distinct item text folded once per block of items. The test is linear in the
lengths of the texts: a run of :data:`LEAD_MATCH` characters of the article's opening always holds
one of the opening's aligned blocks of half that length whole, so only the blocks are searched for
in the item, and the runs around a block that is found.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .text import compact, first_sentence

#: Characters of the article's opening an item must share, in one run, to repeat its lead.
LEAD_MATCH = 30
#: Characters of the article's text that count as its opening.
OPENING_CHARS = 150
#: Shortest first sentence whose presence in an item counts as repeating the lead.
MIN_LEAD_SENTENCE = 10
#: Items :func:`lead_repeats` tests at once: only their articles' leads and their distinct texts,
#: folded, are held (a crawl's two million items never all at once).
LEAD_BLOCK = 100_000


def _blocks(opening: str, length: int) -> tuple[tuple[int, str], ...]:
    """The aligned blocks of ``opening`` of which every run of ``length`` characters holds one whole."""
    h = (length + 1) // 2
    return tuple((start, opening[start:start + h]) for start in range(0, len(opening) - h + 1, h))


def _shares_run(opening: str, blocks: tuple[tuple[int, str], ...], text: str, length: int) -> bool:
    """:func:`shares_run` with the opening's :func:`_blocks` computed once."""
    last = len(opening) - length  # the last start of a run
    if last < 0 or len(text) < length:
        return False
    h = (length + 1) // 2
    for start, block in blocks:
        if block in text:
            for k in range(max(0, start + h - length), min(start, last) + 1):
                if opening[k:k + length] in text:
                    return True
    return False


def shares_run(opening: str, text: str, *, length: int = LEAD_MATCH) -> bool:
    """Whether ``opening`` and ``text`` have ``length`` characters in common in one run.

    The same answer as asking whether their longest common substring has at least ``length``
    characters, in time linear in the texts: every run of ``length`` characters of ``opening`` holds
    one of its blocks ``opening[h*m : h*m+h]`` (``h = (length + 1) // 2``) whole, so a run is only
    looked for around a block found in ``text``.

    Parameters
    ----------
    opening : str
        The first text (an article's opening).
    text : str
        The second text.
    length : int
        Characters the run must have.

    Returns
    -------
    bool

    Examples
    --------
    >>> shares_run("一二三四五六七八九十", "〇三四五六七八九", length=6)
    True
    >>> shares_run("一二三四五六七八九十", "三四五六七〇", length=6)
    False
    """
    if length <= 0:
        return True
    return _shares_run(opening, _blocks(opening, length), text, length)


def _boundary(c: str) -> bool:
    """Whether NFKC never joins ``c`` to the character before it: an ASCII character or a CJK unified
    ideograph (unchanged by NFKC, combining class 0, never the second of a composition)."""
    return c < "\x80" or "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def folded_opening(text: str, chars: int) -> str:
    """``compact(text)[:chars]``, folding only as much of ``text`` as it takes.

    The text is cut before a character NFKC never joins to the one before it (:func:`_boundary`),
    where folding the two parts apart gives the text folded whole: the cut's first part is folded,
    and the text's whole only when that part folds to fewer than ``chars`` characters (an article of
    thousands of characters is not folded for its opening's 150).

    Examples
    --------
    >>> folded_opening("美駐ＵＮ 大使\\n訪台。" * 40, 9)
    '美駐UN大使訪台。'
    """
    if chars <= 0:
        return compact(text)[:chars]
    size = 2 * chars + 16
    while size < len(text):
        cut = next((i for i in range(size, min(len(text), size + 64)) if _boundary(text[i])), None)
        if cut is None:
            break
        head = compact(text[:cut])
        if len(head) >= chars:
            return head[:chars]
        size *= 4
    return compact(text)[:chars]


def _lead(article_text: str) -> tuple[str, str, tuple[tuple[int, str], ...]]:
    """An article's first sentence and opening, folded (empty for an empty article), and the opening's blocks."""
    opening = folded_opening(article_text or "", OPENING_CHARS)
    if not opening:
        return "", "", ()
    return compact(first_sentence(article_text)), opening, _blocks(opening, max(LEAD_MATCH, 1))


def _repeats(lead: str, opening: str, blocks: tuple[tuple[int, str], ...], item: str) -> bool:
    """:func:`repeats_lead` on folded texts."""
    if not opening or not item:
        return False
    if len(lead) >= MIN_LEAD_SENTENCE and lead in item:
        return True
    return LEAD_MATCH <= 0 or _shares_run(opening, blocks, item, LEAD_MATCH)


def repeats_lead(article_text: str, text: str) -> bool:
    """Whether a text repeats an article's lead: its whole first sentence, or 30 characters of its opening in a run.

    Texts are compared folded (:func:`analysis.text.compact`: NFKC, no whitespace). The first sentence
    counts when it has at least :data:`MIN_LEAD_SENTENCE` characters; the opening is the article's
    first :data:`OPENING_CHARS` characters, of which :data:`LEAD_MATCH` must appear in one run
    (:func:`shares_run`).

    Parameters
    ----------
    article_text : str
        The article's text.
    text : str
        The related item's text (its summary).

    Returns
    -------
    bool

    Examples
    --------
    >>> art = "美國駐聯合國大使克拉夫特今天與我駐紐約辦事處處長李光章共進午餐，這是歷史性的一刻。其後雙方合影。"
    >>> repeats_lead(art, "美國駐聯合國大使克拉夫特今天與我駐紐約辦事處處長李光章共進午餐，這是歷史性的一刻。")
    True
    >>> repeats_lead(art, "克拉夫特今天與我駐紐約辦事處處長李光章共進午餐")
    False
    >>> repeats_lead(art, "")
    False
    """
    return _repeats(*_lead(article_text), compact(text or ""))


def lead_repeats(article_texts: Sequence[str], texts: Sequence[str], *,
                 which: Sequence[int] | None = None) -> list[bool]:
    """:func:`repeats_lead` for many items, each article and each distinct item text folded once a block.

    Parameters
    ----------
    article_texts : sequence of str
        The articles' texts: one per item, aligned with ``texts``, or one per article with ``which``.
    texts : sequence of str or Series
        The items' texts (missing ones count as empty).
    which : sequence of int, optional
        Each item's article, as a position in ``article_texts`` (-1: none, never a repeat).

    Returns
    -------
    list of bool
        One per item.

    Examples
    --------
    >>> art = "美國駐聯合國大使克拉夫特今天與我駐紐約辦事處處長李光章共進午餐，這是歷史性的一刻。"
    >>> lead_repeats([art, art, ""], ["快訊：" + art, "李光章", art])
    [True, False, False]
    >>> lead_repeats([art], ["快訊：" + art, "李光章", art], which=[0, 0, -1])
    [True, False, False]
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(texts, dtype=object)
    arts = pd.Series(article_texts if isinstance(article_texts, list) else list(article_texts), dtype=object)
    which = np.arange(len(arts)) if which is None else np.asarray(which, dtype=np.int64)
    return _repeats_in_blocks(arts, which, series, None)


def lead_repeats_at(texts: pd.Series, *, articles: np.ndarray, items: np.ndarray) -> list[bool]:
    """:func:`lead_repeats` for items and articles given as positions in one column of texts.

    Only a block of items' texts, and their articles', is taken from ``texts`` at a time: a crawl's
    column is never copied whole.

    Parameters
    ----------
    texts : Series
        A corpus's ``text`` column (missing values count as empty).
    articles : array of int
        Each item's article, as a position in ``texts`` (-1: none, never a repeat).
    items : array of int
        Each item, as a position in ``texts``.

    Returns
    -------
    list of bool
        One per item.

    Examples
    --------
    >>> art = "美國駐聯合國大使克拉夫特今天與我駐紐約辦事處處長李光章共進午餐，這是歷史性的一刻。"
    >>> texts = pd.Series([art, "快訊：" + art, "李光章", art])
    >>> lead_repeats_at(texts, articles=np.array([0, 0, -1]), items=np.array([1, 2, 3]))
    [True, False, False]
    """
    return _repeats_in_blocks(texts, np.asarray(articles, dtype=np.int64), texts, np.asarray(items, dtype=np.int64))


def _repeats_in_blocks(article_texts: pd.Series, which: np.ndarray, texts: pd.Series,
                       rows: np.ndarray | None) -> list[bool]:
    """Each item's test, :data:`LEAD_BLOCK` items at a time: item ``i`` is ``texts`` at position ``rows[i]``
    (``i`` without ``rows``), its article ``article_texts`` at ``which[i]`` (-1: none)."""
    out: list[bool] = []
    for start in range(0, len(which), LEAD_BLOCK):
        block = slice(start, start + LEAD_BLOCK)
        items = texts.iloc[block] if rows is None else texts.iloc[rows[block]]
        out += _block(article_texts, items, which[block])
    return out


def _block(article_texts: pd.Series, texts: pd.Series, which: np.ndarray) -> list[bool]:
    """:func:`lead_repeats` of a block of items: the leads of its articles and its distinct texts folded once."""
    articles, at = np.unique(which, return_inverse=True)
    known = articles[articles >= 0]
    leads = [_lead(text if isinstance(text, str) else "") for text in article_texts.iloc[known].tolist()]
    leads = [("", "", ())] * (len(articles) - len(known)) + leads  # -1 (no article) sorts first
    # distinct texts folded once; a Series (a crawl's column) is factorized as it is, not as objects
    codes, distinct = pd.factorize(texts, use_na_sentinel=False)
    folded = [compact(text if isinstance(text, str) else "") for text in distinct]
    return [_repeats(*leads[a], folded[t]) for a, t in zip(at.tolist(), codes.tolist())]
