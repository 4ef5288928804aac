"""A page's lines that hold only a date: under a headline (自由時報, 聯合新聞網, ETtoday) or as a related item's time.

Any way a crawl writes a time is read (:func:`analysis.tabular_dates.parse_published`), after a
label such as ``發布時間：`` or ``更新：``; a line with words after its date is no date line.
"""

from __future__ import annotations

import re
import unicodedata

from .tabular_dates import Published, parse_published

# 發布時間：, 更新時間:, 最後更新：, 出版：, 日期：, 時間：
_DATE_LABEL = re.compile(r"^(?:(?:最後|最后)?(?:更新|發布|發佈|发布|出版|刊登|上稿|日期|時間|时间)(?:時間|时间|日期)?"
                         r"\s*[:：]\s*)")
_DATE_SHAPE = re.compile(r"\d\s*(?:[-/.]|年)\s*\d")


def date_line(line: str) -> Published | None:
    """The date of a line that holds nothing else (after a label such as ``發布時間：``), else None.

    Any way a crawl writes a time (:func:`analysis.tabular_dates.parse_published`): ``2020/09/18 05:30``,
    ``2020-09-18 07:12:23``, ``2020年9月18日 星期五``, ``民國109年9月18日``, ``109/09/18 下午3:05``.

    Parameters
    ----------
    line : str
        A stripped line.

    Returns
    -------
    Published or None
        The date, its precision and the offset it states; None when the line holds anything else
        (a bare number is no date line).

    Examples
    --------
    >>> date_line("2020/09/18 05:30")[:2], date_line("發布時間：2020年9月18日 星期五")[:2]
    ((datetime.datetime(2020, 9, 18, 5, 30), 'minute'), (datetime.datetime(2020, 9, 18, 0, 0), 'day'))
    >>> date_line("2020年9月18日總統府表示"), date_line("1600000000")
    (None, None)
    """
    rest = _DATE_LABEL.sub("", unicodedata.normalize("NFKC", line), count=1)
    if not _DATE_SHAPE.search(rest):
        return None
    found = parse_published(rest)
    return found if found is not None and found.value is not None else None
