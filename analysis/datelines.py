"""The page grammar's dates: datelines that open an article and timestamps that open a related item.

A dateline is ``【新唐人亞太台 2020 年 09 月 17 日訊】``, optionally with a time
zone word (``新唐人北京時間2020年09月18日訊``) and a reporter in brackets after it
(``(大紀元記者王明、李華台北報導)``), or a byline alone, as 中央社, 自由時報, 聯合報, 中時 and
ETtoday write it (``（中央社記者王明台北25日電）``, ``〔記者王明／台北報導〕``: :mod:`analysis.bylines`
reads them). A timestamp is ``2020-09-18 07:12:23`` and its
usual variants (``2021/01/15 12:56``, ``2021-01-15T12:56:40``, ``2021.01.15``, a ROC year ``109/09/17 22:10``).

Dates are kept as written, with their precision (:data:`PRECISIONS`): a dateline
gives a day (or none: a byline alone gives no date, and 中央社's ``25日電`` only the day of the
month, which no month can be made of), a timestamp a day, a minute or a second. A time zone that a dateline
states is named (:data:`ZONES`), never applied.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from .bylines import PLACES as PLACES  # re-exported: the places of a byline
from .bylines import parse_byline
from .bylines import split_byline as split_byline  # re-exported

#: A ROC (民國) year plus this is the common-era year: 民國109年 is 2020.
ROC_OFFSET = 1911
#: How precisely a date is known, coarsest first ("" when there is no date).
PRECISIONS = ("day", "minute", "second")

#: Time-zone words that sit between a dateline's outlet and its date, and the IANA zone each states.
#: 當地時間 (local time) names no zone.
ZONES = {
    "北京": "Asia/Shanghai",
    "台北": "Asia/Taipei", "臺北": "Asia/Taipei",
    "香港": "Asia/Hong_Kong",
    "紐約": "America/New_York", "纽约": "America/New_York",
    "美東": "America/New_York", "美东": "America/New_York",
    "當地": "", "当地": "",
}

#: A dated bracket that opens a line: 【新唐人亞太台 2020 年 09 月 17 日訊】, 【新唐人北京時間2020年09月18日訊】,
#: 【香港01 2025 年 02 月 26 日訊】.
DATELINE = re.compile(
    r"^【\s*(?P<outlet>[^】]*?)\s*"  # an outlet may hold digits (香港01), not right before its year
    r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[訊讯]\s*】"
)
# Time-zone words that end the outlet: 新唐人北京時間 -> 新唐人 and Asia/Shanghai.
_ZONE_SUFFIX = re.compile(rf"(?P<zone>{'|'.join(ZONES)})?[時时][間间]$")
# (大紀元記者王明報導), (大紀元記者王明、李華台北報導), （記者王明／綜合報導）
_REPORTER = re.compile(r"\s*[(（](?P<inner>[^()（）]*?[記记]者[^()（）]*?)[)）]")
# 2020-09-18 07:12:23, 2021/01/15 12:56, 2021-01-15T12:56:40, 2021.01.15; a ROC (民國) year: 109/09/17 22:10
#: The words that say which half of the day a time is in (下午3:05, 3:05 PM).
MARKERS = "上午|下午|早上|凌晨|中午|晚上|AM|PM"

TIMESTAMP = re.compile(
    r"^(?P<y>\d{4}|1[0-4]\d)[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:[ \u3000]*[（(]?(?:星期|週|周)[一二三四五六日天][)）]?)?"  # a weekday before a time (2021/8/10 週二 15:20)
    rf"(?:[ T]|\u3000)+(?:-[ \u3000]*)?(?:(?P<ap>{MARKERS})[ \u3000]*)?(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})"
    r"(?::(?P<s>\d{2}))?(?:[ \u3000]*(?P<ap2>AM|PM|am|pm)(?![A-Za-z0-9.]))?)?"  # (not PM2.5)
)


def hour_of_day(h: int, marker: str) -> int:
    """The hour on a 24-hour clock of an hour written beside a marker of :data:`MARKERS` (``""`` for none).

    >>> hour_of_day(4, "下午"), hour_of_day(12, "凌晨"), hour_of_day(9, "pm"), hour_of_day(16, "")
    (16, 0, 21, 16)
    """
    marker = marker.upper()
    if marker in ("下午", "晚上", "PM") and h < 12:
        return h + 12
    if marker in ("上午", "早上", "凌晨", "AM") and h == 12:
        return 0
    return h


def _zone(outlet: str) -> tuple[str, str]:
    """The outlet without a trailing time-zone word, and the zone it states."""
    z = _ZONE_SUFFIX.search(outlet)
    if z is None:
        return outlet, ""
    return outlet[:z.start()].strip(), ZONES.get(z["zone"] or "", "")


_OFFSET = re.compile(r"([+-])(\d{1,2}):?(\d{2})?$")


def offset_zone(written: str | None) -> str:
    """The ``time_zone`` the kit records for an offset as a page or table writes it.

    ``UTC`` for a zero offset (``Z``, ``UTC``, ``GMT``, ``+00:00``), else ``UTC+08:00``; ``""`` when
    nothing is written. Web pages and tables share it, so the same offset reads the same everywhere.

    Examples
    --------
    >>> [offset_zone(x) for x in ["+08:00", "+0800", "GMT+8", "Z", "-5:30", None]]
    ['UTC+08:00', 'UTC+08:00', 'UTC+08:00', 'UTC', 'UTC-05:30', '']
    """
    if not written:
        return ""
    m = _OFFSET.search(written.replace(" ", ""))
    if m is None or int(m[2]) == int(m[3] or 0) == 0:
        return "UTC"
    return f"UTC{m[1]}{int(m[2]):02d}:{m[3] or '00'}"


def parse_dateline(line: str) -> dict | None:
    """Split a body's first line into its dateline fields and the rest.

    A dateline is a dated bracket (:data:`DATELINE`), optionally followed by a reporter bracket, or
    a byline alone (:func:`analysis.bylines.parse_byline`): ``（中央社記者王明台北25日電）``,
    ``〔記者王明／台北報導〕``, ``【聯合報／記者王明／台北即時報導】``, ``記者王明／台北報導`` and the
    rest. Either must open the line; what follows it is the rest.

    Parameters
    ----------
    line : str
        A stripped line; the dateline must open it.

    Returns
    -------
    dict or None
        ``outlet`` (as written; ``""`` when the dateline names none), ``date`` (a
        :class:`datetime.datetime`; None when the date is impossible or not given), ``precision``
        (``"day"``, or ``""`` without a date), ``day_of_month`` (an int when the dateline gives
        only the day of the month, as 中央社's ``25日電`` does, else None), ``time_zone`` (an IANA name
        from :data:`ZONES`, or ``""``), ``reporter`` and ``reporter_place`` (see :func:`split_byline`),
        ``dateline`` (the brackets exactly as written) and ``rest``; None when the line has no dateline.

    Examples
    --------
    >>> d = parse_dateline("【大紀元2020年09月17日訊】(大紀元記者王明、李華台北報導)台北")
    >>> d["outlet"], d["date"].day, d["precision"], d["reporter"], d["reporter_place"], d["rest"]
    ('大紀元', 17, 'day', '王明、李華', '台北', '台北')
    >>> d = parse_dateline("【新唐人北京時間2020年02月30日訊】")
    >>> d["outlet"], d["time_zone"], d["date"], d["precision"], parse_dateline("台北報導") is None
    ('新唐人', 'Asia/Shanghai', None, '', True)
    >>> d = parse_dateline("（中央社記者王明台北25日電）行政院")
    >>> d["outlet"], d["date"], d["precision"], d["day_of_month"], d["reporter"], d["dateline"], d["rest"]
    ('中央社', None, '', 25, '王明', '（中央社記者王明台北25日電）', '行政院')
    """
    m = DATELINE.match(line)
    if m is None:
        b = parse_byline(line)
        if b is None:
            return None
        return {"outlet": b["outlet"], "date": None, "precision": "", "day_of_month": b["day_of_month"],
                "time_zone": "", "reporter": b["reporter"], "reporter_place": b["reporter_place"],
                "dateline": b["byline"].strip(), "rest": b["rest"]}
    outlet, zone = _zone(m["outlet"].strip())
    try:
        date = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        date = None
    end = m.end()
    reporter = place = ""
    after = line[end:].lstrip()
    b = parse_byline(after)  # a byline after the date: the date's outlet is the page's
    if b is not None:
        reporter, place = b["reporter"], b["reporter_place"]
        end = len(line) - len(after) + len(b["byline"])
    elif (r := _REPORTER.match(line, end)) is not None:
        reporter, place = split_byline(r["inner"])
        end = r.end()
    return {"outlet": outlet, "date": date, "precision": "day" if date else "", "day_of_month": None,
            "time_zone": zone, "reporter": reporter, "reporter_place": place, "dateline": line[:end].strip(),
            "rest": line[end:].strip()}


class Stamp(NamedTuple):
    """A timestamp at the start of a line, as :func:`parse_timestamp` reads it.

    Attributes
    ----------
    match : re.Match or None
        The timestamp's match (None when the line does not start with one).
    value : datetime or None
        Its value (None when there is no timestamp or it is impossible, e.g. month 13).
    precision : str
        ``"day"``, ``"minute"`` or ``"second"``, as written; ``""`` when ``value`` is None.
    """

    match: re.Match | None
    value: datetime | None
    precision: str


def parse_timestamp(line: str) -> Stamp:
    """Match a timestamp at the start of a line, convert it and say how precise it is.

    Parameters
    ----------
    line : str
        A stripped line, e.g. a related item's timestamp and summary.

    Returns
    -------
    Stamp
        A named tuple ``(match, value, precision)``.

    Examples
    --------
    >>> m, when, precision = parse_timestamp("2020-09-18 07:12:23美國駐聯合國大使")
    >>> when, precision, m.end()
    (datetime.datetime(2020, 9, 18, 7, 12, 23), 'second', 19)
    >>> parse_timestamp("2021/01/15 12:56美國")[1:], parse_timestamp("2021.01.15")[2]
    ((datetime.datetime(2021, 1, 15, 12, 56), 'minute'), 'day')
    >>> parse_timestamp("2021-13-45 12:00")[1:], parse_timestamp("109/09/17 22:10總統府")[1]
    ((None, ''), datetime.datetime(2020, 9, 17, 22, 10))
    >>> [parse_timestamp(x)[1:] for x in ("2024-02-25 09:12 PM摘要", "2024/02/25 下午 09:12", "2021/8/10 - 15:20")]
    [(datetime.datetime(2024, 2, 25, 21, 12), 'minute'), (datetime.datetime(2024, 2, 25, 21, 12), 'minute'), \
(datetime.datetime(2021, 8, 10, 15, 20), 'minute')]
    """
    m = TIMESTAMP.match(line)
    if m is None:
        return Stamp(None, None, "")
    year = int(m["y"]) + (ROC_OFFSET if len(m["y"]) == 3 else 0)
    try:
        hour = hour_of_day(int(m["h"]), m["ap"] or m["ap2"] or "") if m["h"] else 0
        value = datetime(year, int(m["mo"]), int(m["d"]), hour, int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        return Stamp(m, None, "")
    precision = "second" if m["s"] else "minute" if m["h"] else "day"
    return Stamp(m, value, precision)
