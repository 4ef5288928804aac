"""A company's short forms in its document: the first words of its name, written alone after the whole name.

A company that no dictionary knows is found by its legal form or its stock code
(:mod:`analysis.shapednames`: 星曜娛樂經紀股份有限公司, 宏曜電子（3791）); the rest of the article then names it
by the first words of its name alone (星曜娛樂, 星曜; 宏曜電子, 宏曜). :func:`company_forms` gives those forms,
each to the company's actor, for :func:`analysis.actors` to find again wherever the document writes them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from .names import han
from .postags import dictionary_tag
from .shapednames import TICKER

#: A company's legal form at the end of its name, the longest first.
LEGAL_ENDINGS = ("股份有限公司", "有限公司")


def company_forms(text: str, words: list[str], mentions: Iterable) -> dict[str, str]:
    """The short forms of the companies among ``mentions`` of ``text`` (cut into ``words``), each to its actor.

    A company is an organisation written with its legal form or before its stock code in brackets. Its forms are
    its name (without the legal form) up to the end of each of its words, of two letters or more: 星曜|娛樂|經紀
    gives 星曜娛樂經紀, 星曜娛樂 and 星曜. A form that jieba's dictionary holds as a word other than a name of a
    body (鴻運, a word for luck; 台灣, a place) names more than the company and is left out.

    Parameters
    ----------
    text : str
    words : list of str
        ``text`` cut into words.
    mentions : iterable
        The mentions found in ``text``, with ``start``, ``end``, ``actor`` and ``type``.

    Returns
    -------
    dict of str to str
        Each form to the company's actor, the longest forms first.

    Examples
    --------
    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor type")
    >>> text = "宏曜電子（3791）今天召開法說會"
    >>> company_forms(text, ["宏曜", "電子", "（", "3791", "）", "今天"], [M(0, 4, "宏曜電子", "organisation")])
    {'宏曜電子': '宏曜電子', '宏曜': '宏曜電子'}
    """
    ends = list(accumulate(map(len, words), initial=0))
    forms: dict[str, str] = {}
    for m in mentions:
        if m.type != "organisation":
            continue
        written = text[m.start:m.end]
        legal = next((e for e in LEGAL_ENDINGS if written.endswith(e)), "")
        if not legal and not TICKER.match(text, m.end):
            continue
        stop = m.end - len(legal)
        cuts = ends[bisect_left(ends, m.start + 2):bisect_left(ends, stop + 1)]
        for cut in sorted(cuts, reverse=True):
            form = text[m.start:cut]
            tag = dictionary_tag(form)
            if han(form) and (tag is None or tag.startswith(("nt", "nz", "j"))):
                forms.setdefault(form, m.actor)
    return dict(sorted(forms.items(), key=lambda item: -len(item[0])))
