"""The evidence about a line that recurs across a crawl's pages: whether it is the article's own or the site's.

:func:`line_key` and :func:`line_keys` are how lines are compared (width variants and spaces folded, a counter's
number too); :class:`Pages` reads the texts of the pages holding a line, to tell how related they are beyond it
(:meth:`Pages.shared`, :meth:`Pages.titles_shared`), whether the line stands inside the article
(:meth:`Pages.inside`), and :func:`story_share` how often it shares the headline's words. The rule that weighs
them is :func:`analysis.recurring.recurring_lines`'s.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

NUMBER = re.compile(r"[0-9][0-9,.]*")
NUMBERS = re.compile(r"[0-9][0-9,.]*[^0-9,.]+[0-9]")  # two numbers or more: a row of data
# what Python's str.split takes for spaces (RE2's \s is ASCII's only), so that both make the same keys
_SPACES = r"[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+"
_HAN_PAIR = re.compile(r"(?=([\u3400-\u9fff]{2}))")
SENTENCE_END = frozenset("。！？!?」』”….")
# ... and what else ends a line of the article's own, which takes more than a few pages to be the site's: a
# bracket's close (（作者為台灣大學經濟系教授）)
OWN_END = SENTENCE_END | frozenset("）)")

# the pages of a line whose headlines are read to tell the story's lines from the site's
SAMPLE = 200
# pages, and twos of them, compared for the texts they share: of a line's pages, and of the crawl's (the baseline)
_PAIRS = 60


def line_key(line: str) -> str:
    """A line as compared: width variants folded (NFKC), runs of spaces one, no edge spaces, and in a line that is
    no sentence and holds one number, that number a 0 (a counter's: ``已有3,817人分享``; not a row of data:
    ``第一區：03 11 17``); as :func:`line_keys` computes it."""
    key = " ".join(unicodedata.normalize("NFKC", line).split())
    return key if key[-1:] in SENTENCE_END or NUMBERS.search(key) else NUMBER.sub("0", key)


def line_keys(texts: pd.Series) -> tuple[np.ndarray, pa.Array, pa.Array]:
    """Each line of ``texts``: the position of its text, its key (:func:`line_key`, computed by pyarrow for the
    crawl's every line at once) and the line as written."""
    lists = pc.split_pattern(pa.array(texts, type=pa.string()), "\n")
    flat = pc.list_flatten(lists)
    keys = pc.utf8_trim(pc.replace_substring_regex(pc.utf8_normalize(flat, "NFKC"), _SPACES, " "), characters=" ")
    ends = "".join(sorted(SENTENCE_END)).replace(".", "\\.")
    kept = pc.or_(pc.match_substring_regex(keys, f"[{ends}]$"), pc.match_substring_regex(keys, NUMBERS.pattern))
    keys = pc.if_else(kept, keys, pc.replace_substring_regex(keys, NUMBER.pattern, "0"))
    return pc.list_parent_indices(lists).to_numpy(), keys, flat


def char_pairs(text: str) -> set[str]:
    """The pairs of Han characters side by side in a text."""
    return set(_HAN_PAIR.findall(text))


def spread(rows: np.ndarray, most: int) -> np.ndarray:
    """At most ``most`` of ``rows``, evenly spaced (the same ones every time)."""
    return rows if len(rows) <= most else rows[np.linspace(0, len(rows) - 1, most).astype(np.int64)]


def story_share(key: str, rows: np.ndarray, titles: dict[int, str]) -> float:
    """The share of the pages ``rows`` whose headline shares a pair of Han characters with the line."""
    pairs = char_pairs(key)
    if not pairs:
        return 0.0
    return float(np.mean([bool(pairs & char_pairs(titles[r])) for r in spread(rows, SAMPLE)]))


def _spread_pairs(twos: list, most: int) -> list:
    """At most ``most`` of ``twos``, evenly spaced."""
    return twos if len(twos) <= most else [twos[i] for i in np.linspace(0, len(twos) - 1, most).astype(np.int64)]


class Pages:
    """The crawl's article texts as :func:`analysis.recurring.recurring_lines` reads them: each text's lines and
    its pairs of Han characters (each computed once, for the pages a test reads); ``recurring``: the lines that
    recur, ``wide``: those on nearly every page of their crawl."""

    def __init__(self, docs: pd.DataFrame, recurring: set[str], wide: set[str]):
        self.docs, self.recurring, self.wide = docs, recurring, wide
        self._keys: dict[int, list[str]] = {}
        self._pairs: dict[int, set[str]] = {}

    def lines(self, row: int) -> list[str]:
        """The keys of a text's lines (:func:`line_key`), blank ones left out."""
        if row not in self._keys:
            self._keys[row] = [k for k in map(line_key, self.docs["text"].iat[row].split("\n")) if k]
        return self._keys[row]

    def text_pairs(self, row: int) -> set[str]:
        """The pairs of Han characters of a text's sentences and of its lines that do not recur (not a promotion's
        or a share bar's that other pages of the site share too), but for the lines on nearly every page (``wide``:
        a copyright's sentence)."""
        if row not in self._pairs:
            self._pairs[row] = char_pairs("\n".join(k for k in self.lines(row) if k not in self.wide
                                                   and (k[-1] in SENTENCE_END or k not in self.recurring)))
        return self._pairs[row]

    def shared(self, rows: np.ndarray, *, besides: str = "", quantile: float = 0.25) -> float:
        """How many pairs of Han characters two of the pages share, ``besides`` a line's (Jaccard): a ``quantile``
        (default: the lower quartile, what nearly every two of them share) over every two of them, or evenly spaced
        twos of many."""
        rows = spread(rows, _PAIRS)
        twos = list(itertools.combinations(rows, 2)) or [(rows[0], rows[0])]
        line = char_pairs(besides)
        scores = []
        for a, b in _spread_pairs(twos, _PAIRS):
            x, y = self.text_pairs(a) - line, self.text_pairs(b) - line
            scores.append(len(x & y) / len(x | y) if x | y else 0.0)
        return float(np.quantile(scores, quantile))

    @staticmethod
    def titles_shared(rows: np.ndarray, titles: dict[int, str]) -> float:
        """The median share of pairs of Han characters two of the pages' headlines hold."""
        twos = _spread_pairs(list(itertools.combinations(spread(rows, _PAIRS), 2)), _PAIRS)
        scores = [len(x & y) / len(x | y) if x | y else 0.0
                  for x, y in ((char_pairs(titles[a]), char_pairs(titles[b])) for a, b in twos)]
        return float(np.median(scores)) if scores else 0.0

    def inside(self, key: str, rows: np.ndarray) -> bool:
        """Whether on half of the pages ``rows`` or more the line is the article's structure: between a line of
        the article's own (that recurs nowhere) and a sentence of its own, or with the recurring lines around it
        that are no sentences (a list's other items, a table's rows) after a line that introduces them
        (``…如下：``, recurring or not), or such a line over them: a subheading, a lead-in, a list or a table
        (``▌事件始末``, ``他說：``), not the site's (a counter under the headline, a promotion after the text or
        between paragraphs)."""
        def own(line: str) -> bool:
            return line not in self.recurring

        def block(line: str) -> bool:  # a recurring line of the same block: no sentence
            return line in self.recurring and line[-1] not in SENTENCE_END

        inside = 0
        rows = spread(rows, SAMPLE)
        for r in rows:
            lines = self.lines(r)
            at = lines.index(key)
            before, after = (lines[at - 1] if at else ""), (lines[at + 1] if at + 1 < len(lines) else "")
            start = at
            while start and block(lines[start - 1]) and lines[start - 1][-1] not in "：:":
                start -= 1
            lead = lines[start - 1] if start else ""
            inside += (bool(before) and own(before) and bool(after) and own(after) and after[-1] in SENTENCE_END) \
                or lead[-1:] in ("：", ":") or (key[-1] in "：:" and bool(after) and block(after))
        return 2 * inside >= len(rows)
