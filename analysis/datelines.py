"""The page grammar's dates: datelines that open an article and timestamps that open a related item.

A dateline is ``【新唐人亞太台 2020 年 09 月 17 日訊】``, optionally with a time
zone word (``新唐人北京時間2020年09月18日訊``) and a reporter in brackets after it
(``(大紀元記者王明、李華台北報導)``). A timestamp is ``2020-09-18 07:12:23`` and its
usual variants (``2021/01/15 12:56``, ``2021-01-15T12:56:40``, ``2021.01.15``).

Dates are kept as written, with their precision (:data:`PRECISIONS`): a dateline
gives a day, a timestamp a day, a minute or a second. A time zone that a dateline
states is named (:data:`ZONES`), never applied.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

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

#: Places a reporter files from, as datelines write them (Traditional and Simplified): the
#: trailing run of these words in a byline is the place, what precedes it the names.
PLACES = (
    "台灣", "臺灣", "台北", "臺北", "新北", "桃園", "台中", "臺中", "台南", "臺南", "高雄", "基隆", "新竹",
    "嘉義", "花蓮", "台東", "臺東", "宜蘭", "屏東", "南投", "彰化", "雲林", "苗栗", "金門", "馬祖", "澎湖",
    "香港", "澳門", "北京", "上海", "廣州", "深圳", "華盛頓", "紐約", "洛杉磯", "舊金山", "芝加哥", "休士頓",
    "波士頓", "東京", "大阪", "首爾", "倫敦", "巴黎", "柏林", "日內瓦", "布魯塞爾", "多倫多", "溫哥華",
    "蒙特婁", "雪梨", "墨爾本", "奧克蘭", "新加坡", "吉隆坡", "曼谷",
    "台湾", "桃园", "嘉义", "花莲", "台东", "宜兰", "屏东", "金门", "马祖", "澳门", "广州", "华盛顿", "纽约",
    "洛杉矶", "旧金山", "休斯顿", "东京", "首尔", "伦敦", "日内瓦", "多伦多", "温哥华", "悉尼", "墨尔本",
)

# 【新唐人亞太台 2020 年 09 月 17 日訊】, 【新唐人北京時間2020年09月18日訊】, 【大紀元2020年09月17日訊】
_DATELINE = re.compile(
    r"^【\s*(?P<outlet>[^】\d]*?)\s*"
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[訊讯]\s*】"
)
# Time-zone words that end the outlet: 新唐人北京時間 -> 新唐人 and Asia/Shanghai.
_ZONE_SUFFIX = re.compile(rf"(?P<zone>{'|'.join(ZONES)})?[時时][間间]$")
# (大紀元記者王明報導), (大紀元記者王明、李華台北報導), （記者王明／綜合報導）
_REPORTER = re.compile(r"\s*[(（](?P<inner>[^()（）]*?[記记]者[^()（）]*?)[)）]")
# What stands between 記者 and 報導, without 綜合 (a compiled report names no place).
_BYLINE = re.compile(r"[記记]者(?P<who>.+?)(?:[綜综]合)?[報报][導导道]")
_PLACE_AT_END = re.compile(rf"(?:{'|'.join(sorted(PLACES, key=len, reverse=True))})+$")
# 2020-09-18 07:12:23, 2021/01/15 12:56, 2021-01-15T12:56:40, 2021.01.15
TIMESTAMP = re.compile(
    r"^(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:[ T]|\u3000)+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
)


def split_byline(byline: str) -> tuple[str, str]:
    """Split the inside of a reporter bracket into the reporters' names and the place they report from.

    The rule: take what stands between ``記者`` and ``報導`` (dropping ``綜合``, which says the
    report is compiled and names no place). After a slash (``／`` or ``/``) comes the place, as
    written; without a slash, the place is the trailing run of words from :data:`PLACES`.
    The names are what precedes it, separated by ``、`` as written. A name that itself ends
    in a place word (rare) would lose it to the place.

    Parameters
    ----------
    byline : str
        E.g. ``"大紀元記者王明、李華台北報導"``.

    Returns
    -------
    tuple of (str, str)
        The names and the place; ``("", "")`` when there is no ``記者 ... 報導``.

    Examples
    --------
    >>> split_byline("大紀元記者王明、李華台北報導")
    ('王明、李華', '台北')
    >>> split_byline("記者王明／綜合報導"), split_byline("記者林芳/華盛頓報導"), split_byline("記者陳安綜合報導")
    (('王明', ''), ('林芳', '華盛頓'), ('陳安', ''))
    """
    m = _BYLINE.search(byline)
    if m is None:
        return "", ""
    who = m["who"]
    slash = re.search(r"[／/]", who)
    if slash is not None:
        names, place = who[:slash.start()], who[slash.end():]
    else:
        at = _PLACE_AT_END.search(who)
        names, place = (who[:at.start()], at.group(0)) if at else (who, "")
    names = re.sub(r"[記记]者", "", names).strip(" 、,，")
    return names, place.strip(" 、,，")


def _zone(outlet: str) -> tuple[str, str]:
    """The outlet without a trailing time-zone word, and the zone it states."""
    z = _ZONE_SUFFIX.search(outlet)
    if z is None:
        return outlet, ""
    return outlet[:z.start()].strip(), ZONES.get(z["zone"] or "", "")


def parse_dateline(line: str) -> dict | None:
    """Split a body's first line into its dateline fields and the rest.

    Parameters
    ----------
    line : str
        A stripped line; the dateline must open it.

    Returns
    -------
    dict or None
        ``outlet``, ``date`` (a :class:`datetime.datetime` or None when the date is impossible),
        ``precision`` (``"day"``, or ``""`` without a date), ``time_zone`` (an IANA name from
        :data:`ZONES`, or ``""``), ``reporter`` and ``reporter_place`` (see :func:`split_byline`),
        ``dateline`` (the brackets exactly as written) and ``rest``; None when the line has no dateline.

    Examples
    --------
    >>> d = parse_dateline("【大紀元2020年09月17日訊】(大紀元記者王明、李華台北報導)台北")
    >>> d["outlet"], d["date"].day, d["precision"], d["reporter"], d["reporter_place"], d["rest"]
    ('大紀元', 17, 'day', '王明、李華', '台北', '台北')
    >>> d = parse_dateline("【新唐人北京時間2020年02月30日訊】")
    >>> d["outlet"], d["time_zone"], d["date"], d["precision"], parse_dateline("台北報導") is None
    ('新唐人', 'Asia/Shanghai', None, '', True)
    """
    m = _DATELINE.match(line)
    if m is None:
        return None
    outlet, zone = _zone(m["outlet"].strip())
    try:
        date = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        date = None
    end = m.end()
    reporter = place = ""
    r = _REPORTER.match(line, end)
    if r is not None:
        reporter, place = split_byline(r["inner"])
        end = r.end()
    return {"outlet": outlet, "date": date, "precision": "day" if date else "", "time_zone": zone,
            "reporter": reporter, "reporter_place": place, "dateline": line[:end].strip(),
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
    >>> parse_timestamp("2021-13-45 12:00")[1:]
    (None, '')
    """
    m = TIMESTAMP.match(line)
    if m is None:
        return Stamp(None, None, "")
    try:
        value = datetime(int(m["y"]), int(m["mo"]), int(m["d"]),
                         int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        return Stamp(m, None, "")
    precision = "second" if m["s"] else "minute" if m["h"] else "day"
    return Stamp(m, value, precision)
