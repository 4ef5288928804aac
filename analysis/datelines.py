"""The page grammar's dates: datelines that open an article and timestamps that open a related item.

A dateline is ``【新唐人亞太台 2020 年 09 月 17 日訊】``, optionally with a time
zone word (``新唐人北京時間2020年09月18日訊``) and a reporter in brackets after it
(``(大紀元記者王明報導)``). A timestamp is ``2020-09-18 07:12:23`` and its
usual variants (``2021/01/15 12:56``, ``2021-01-15T12:56:40``, ``2021.01.15``).
"""

from __future__ import annotations

import re
from datetime import datetime

# 【新唐人亞太台 2020 年 09 月 17 日訊】, 【新唐人北京時間2020年09月18日訊】, 【大紀元2020年09月17日訊】
_DATELINE = re.compile(
    r"^【\s*(?P<outlet>[^】\d]*?)\s*"
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[訊讯]\s*】"
)
# Time-zone words that sit between the outlet and the date: 新唐人北京時間 -> 新唐人.
_ZONE_SUFFIX = re.compile(r"(北京|台北|臺北|香港|紐約|纽约|美東|美东|當地|当地)?[時时][間间]$")
# (大紀元記者王明報導), (大紀元記者王明、李華台北報導), （記者王明／綜合報導）
_REPORTER = re.compile(r"\s*[(（](?P<inner>[^()（）]*?[記记]者[^()（）]*?)[)）]")
_REPORTER_NAME = re.compile(r"[記记]者(?P<name>[^／/]+?)(?:[／/][^／/]*)?(?:綜合|综合)?[報报][導导]")
# 2020-09-18 07:12:23, 2021/01/15 12:56, 2021-01-15T12:56:40, 2021.01.15
TIMESTAMP = re.compile(
    r"^(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:[ T]|\u3000)+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
)


def parse_dateline(line: str) -> dict | None:
    """Split a body's first line into its dateline fields and the rest.

    Parameters
    ----------
    line : str
        A stripped line; the dateline must open it.

    Returns
    -------
    dict or None
        ``outlet``, ``date`` (a :class:`datetime.datetime` or None when the date
        is impossible), ``reporter``, ``dateline`` (the brackets exactly as
        written) and ``rest``; None when the line has no dateline.

    Examples
    --------
    >>> d = parse_dateline("【大紀元2020年09月17日訊】(大紀元記者王明報導)台北")
    >>> d["outlet"], d["date"].day, d["reporter"], d["rest"]
    ('大紀元', 17, '王明', '台北')
    >>> d = parse_dateline("【新唐人北京時間2020年02月30日訊】")
    >>> d["outlet"], d["date"], parse_dateline("台北報導") is None
    ('新唐人', None, True)
    """
    m = _DATELINE.match(line)
    if m is None:
        return None
    outlet = _ZONE_SUFFIX.sub("", m["outlet"].strip()).strip()
    try:
        date = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        date = None
    end = m.end()
    reporter = ""
    r = _REPORTER.match(line, end)
    if r is not None:
        name = _REPORTER_NAME.search(r["inner"])
        reporter = name["name"].strip(" 、,") if name else ""
        end = r.end()
    return {"outlet": outlet, "date": date, "reporter": reporter,
            "dateline": line[:end].strip(), "rest": line[end:].strip()}


def parse_timestamp(line: str) -> tuple[re.Match | None, datetime | None]:
    """Match a timestamp at the start of a line and convert it.

    Parameters
    ----------
    line : str
        A stripped line, e.g. a related item's timestamp and summary.

    Returns
    -------
    tuple of (re.Match or None, datetime or None)
        The match (None when the line does not start with a timestamp) and the
        datetime (None when the timestamp is impossible, e.g. month 13).

    Examples
    --------
    >>> m, when = parse_timestamp("2020-09-18 07:12:23美國駐聯合國大使")
    >>> when, m.end()
    (datetime.datetime(2020, 9, 18, 7, 12, 23), 19)
    >>> parse_timestamp("2021-13-45 12:00")[1] is None
    True
    """
    m = TIMESTAMP.match(line)
    if m is None:
        return None, None
    try:
        value = datetime(int(m["y"]), int(m["mo"]), int(m["d"]),
                         int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        value = None
    return m, value
