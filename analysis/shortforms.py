"""A body's short forms in its document: what an article writes alone after the body's whole name.

Two kinds of body are named again by part of their name:

- a company that no dictionary knows, found by its legal form or its stock code (:mod:`analysis.shapednames`:
  星曜娛樂經紀股份有限公司, 宏曜電子（3791）), by the first words of its name (星曜娛樂, 星曜; 宏曜電子, 宏曜);
- a unit of a government, found with the government or body it belongs to (桃園市政府勞動局, 台中市政府警察局
  第三分局, 經濟部水利署第九河川分署), by its own name alone (勞動局, 第三分局, 第九河川分署).

:func:`short_forms` gives those forms, each to the body's actor, for :func:`analysis.actors` to find again
wherever the document writes them; a form that two bodies of the document share names neither.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from .names import han
from .postags import dictionary_tag
from .shapednames import TICKER

#: A registered firm's legal form or kind at the end of its name, the longest first (not 公司 alone: 資安|公司
#: is a kind of firm, and 資安 no name of one).
LEGAL_ENDINGS = ("股份有限公司", "有限公司", "控股公司", "企業社", "工程行", "商行")
#: The last letters of a unit's name (勞動局, 第三分局, 第九河川分署, 建設處, 偵查隊).
UNIT_LETTERS = ("局", "處", "署", "所", "隊", "科")


def short_forms(text: str, words: list[str], mentions: Iterable) -> dict[str, str]:
    """The short forms of the companies and units among ``mentions`` of ``text`` (cut into ``words``).

    A company is an organisation written with its legal form or before its stock code in brackets; its forms
    are its name (without the legal form) up to the end of each of its words, of two letters or more: 星曜|娛樂|
    經紀 gives 星曜娛樂經紀, 星曜娛樂 and 星曜. A form that jieba's dictionary holds as a word other than a name
    of a body (鴻運, a word for luck; 台灣, a place) names more than the company and is left out. A unit is an
    organisation found by a rule whose name ends in a unit's letter (:data:`UNIT_LETTERS`); its forms are the
    ends of its name of three letters or more that start on a word (桃園市政府|勞動局 gives 勞動局).

    Parameters
    ----------
    text : str
    words : list of str
        ``text`` cut into words.
    mentions : iterable
        The mentions found in ``text``, with ``start``, ``end``, ``actor``, ``type`` and ``evidence``.

    Returns
    -------
    dict of str to str
        Each form to the body's actor, the longest forms first.

    Examples
    --------
    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor type evidence")
    >>> text = "宏曜電子（3791）今天召開法說會"
    >>> short_forms(text, ["宏曜", "電子", "（", "3791", "）", "今天"], [M(0, 4, "宏曜電子", "organisation", "suffix")])
    {'宏曜電子': '宏曜電子', '宏曜': '宏曜電子'}
    >>> short_forms("桃園市政府勞動局表示", ["桃園市政府", "勞動局", "表示"],
    ...             [M(0, 8, "桃園市政府勞動局", "organisation", "suffix")])
    {'勞動局': '桃園市政府勞動局'}
    """
    return _unshared(_forms(text, words, mentions))


def _forms(text: str, words: list[str], mentions: Iterable) -> dict[str, set[str]]:
    """Each short form of the companies and units among ``mentions``, with the actors it may stand for."""
    ends = list(accumulate(map(len, words), initial=0))
    forms: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "organisation":
            continue
        written = text[m.start:m.end]
        legal = next((e for e in LEGAL_ENDINGS if written.endswith(e)), "")
        if legal or TICKER.match(text, m.end):
            if legal and han(written):  # the whole name, written again where no rule finds it
                forms.setdefault(written, set()).add(m.actor)  # (「永鑫水電工程行」, then 永鑫水電工程行負責人)
            stop = m.end - len(legal)
            for cut in ends[bisect_left(ends, m.start + 2):bisect_left(ends, stop + 1)]:
                form = text[m.start:cut]
                tag = dictionary_tag(form)
                if han(form) and (tag is None or tag.startswith(("nt", "nz", "j"))):
                    forms.setdefault(form, set()).add(m.actor)
        elif m.evidence == "suffix" and written.endswith(UNIT_LETTERS):
            for cut in ends[bisect_left(ends, m.start + 1):bisect_left(ends, m.end - 2)]:
                form = text[cut:m.end]
                if han(form):
                    forms.setdefault(form, set()).add(m.actor)
    return forms


def document_forms(fields: Iterable[tuple[str, list[str], Iterable]]) -> dict[str, str]:
    """:func:`short_forms` over a document's fields (each ``(text, words, mentions)``): a form two bodies share,
    in one field or in two (a headline's 台北市政府水利局, the text's 新北市政府水利局), names neither.

    Examples
    --------
    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor type evidence")
    >>> taipei, new_taipei = (M(0, 8, name, "organisation", "suffix")
    ...                       for name in ("台北市政府水利局", "新北市政府水利局"))
    >>> title = ("台北市政府水利局說明", ["台北市政府", "水利局", "說明"], [taipei])
    >>> text = ("新北市政府水利局表示", ["新北市政府", "水利局", "表示"], [new_taipei])
    >>> document_forms([title]), document_forms([title, text])
    ({'水利局': '台北市政府水利局'}, {})
    """
    forms: dict[str, set[str]] = {}
    for text, words, mentions in fields:
        for form, actors in _forms(text, words, mentions).items():
            forms.setdefault(form, set()).update(actors)
    return _unshared(forms)


def _unshared(forms: dict[str, set[str]]) -> dict[str, str]:
    """The forms that stand for one actor only, each to it, the longest forms first."""
    return {form: next(iter(actors)) for form, actors in sorted(forms.items(), key=lambda item: -len(item[0]))
            if len(actors) == 1}
