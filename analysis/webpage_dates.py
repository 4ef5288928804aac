"""Dates as saved web pages write them: in meta tags, JSON-LD, ``<time>`` elements and running text.

:data:`WHEN` finds one (``2023-04-12T14:35:20+08:00``, ``2023-04-12 14:35``, ``2023/04/12``,
``2023年4月12日 14:35``, with an optional offset) and :func:`parse_when` reads it. Both
:mod:`analysis.webpage` (the article) and :mod:`analysis.webpage_related` (its related items) use them.
"""

from __future__ import annotations

import re
from datetime import datetime

from .datelines import offset_zone
from .tabular_dates import MARKERS, hour_of_day

# 2023-04-12T14:35:20+08:00, 2023-04-12 14:35, 2023/04/12, 2023年4月12日 下午2:35, with an optional offset
# (each optional part takes its white space with it, so that a run of spaces is read one way only)
WHEN = re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?"
                  r"(?:\s*\(?(?:星期|週|周|禮拜)[一二三四五六日天]\)?)?"
                  rf"(?:\s*(?:T\s*)?(?:(?P<ap>{MARKERS})\s*)?(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})"
                  r"(?::(?P<s>\d{2})(?:\.\d+)?)?"
                  r"(?:\s*(?P<ap2>AM|PM|am|pm)\b)?)?"
                  r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}(?!\d)))?\s*")


# a bar between a date and its time: 發布 2024.03.05 | 14:32
_BAR = re.compile(r"\s*[|｜]\s*")


def parse_when(value: str | None) -> tuple[datetime | None, str, str]:
    """A date as a page writes it: the local time written (naive), its precision and its UTC offset.

    Examples
    --------
    >>> parse_when("2023-04-12T14:35:20+08:00")
    (datetime.datetime(2023, 4, 12, 14, 35, 20), 'second', 'UTC+08:00')
    >>> parse_when("更新：2021年1月5日 09:30"), parse_when("2019/06/21"), parse_when("昨天")
    ((datetime.datetime(2021, 1, 5, 9, 30), 'minute', ''), (datetime.datetime(2019, 6, 21, 0, 0), 'day', ''), \
(None, '', ''))
    >>> [str(parse_when(v)[0]) for v in ("2024年3月19日 下午4:30", "2024/03/19 4:30 PM", "2024.03.05 | 14:32")]
    ['2024-03-19 16:30:00', '2024-03-19 16:30:00', '2024-03-05 14:32:00']
    """
    m = WHEN.search(_BAR.sub(" ", value or ""))  # 2024.03.05 | 14:32
    if m is None:
        return None, "", ""
    try:
        hour = hour_of_day(int(m["h"]), m["ap"] or m["ap2"] or "") if m["h"] else 0
        when = datetime(int(m["y"]), int(m["mo"]), int(m["d"]), hour, int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        return None, "", ""
    tz = offset_zone(m["tz"]) if m["h"] else ""  # an offset counts only beside a time of day
    return when, "second" if m["s"] else "minute" if m["h"] else "day", tz
