"""Publication times as tables hold them: one cell to a date, how precisely it is known, and the offset it states.

Crawls write times in many ways, and :func:`parse_published` reads these (full-width digits and
colons are read as half-width):

- ISO 8601 and its relatives: ``2021-12-23``, ``2021-12-23 10:05``, ``2021-12-23T10:05:33``,
  ``2021/12/23 10:05``, ``2021.12.23``, with fractions of a second and an offset (``+08:00``, ``+0800``,
  ``Z``, ``UTC``, ``GMT+8``) allowed;
- ROC (民國) years, year + 1911: ``110/12/23``, ``110-12-23 15:05``, ``民國110年12月23日``;
- Chinese dates: ``2021年12月23日``, ``110年12月23日``, with a weekday (``(四)``, ``星期四``) and a time
  (``15:05``, ``下午3:05``, ``15時05分``) after them;
- compact digits: ``20211223``, ``20211223100533``; epoch seconds or milliseconds (numbers from 10^9);
- dates with the month's English name, day first or month first, as RSS feeds and Hong Kong and English
  sites write them: ``Thu, 23 Dec 2021 10:05:00 +0800``, ``23 Dec 2021 3:05 PM``, ``December 23, 2021``,
  ``Dec. 23, 2021 at 3:05 p.m. HKT`` (a zone's abbreviation, :data:`ZONE_ABBREVIATIONS`, is read as its offset);
- datetime cells (Excel, Parquet, a DataFrame), with or without a time zone.

The date is kept as written (naive local time): an offset or zone is named in ``time_zone``, never
applied. Epoch numbers name no local time, so they are read as UTC (``time_zone`` ``"UTC"``).
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from datetime import date, datetime, timedelta
from email.utils import parsedate_tz
from typing import NamedTuple

import pandas as pd

from .datelines import MARKERS, ROC_OFFSET, hour_of_day, offset_zone

#: Years a date may have: those the documents table's ``datetime64[ns]`` column holds.
YEARS = range(1678, 2262)


class Published(NamedTuple):
    """A publication time as :func:`parse_published` reads it.

    Attributes
    ----------
    value : datetime or None
        Naive, as written (None for an empty cell).
    precision : str
        ``"day"``, ``"minute"`` or ``"second"``: how much of the time was written (``""`` without one).
    time_zone : str
        The offset written with it (``"UTC+08:00"``), a zone's name (``"UTC"``, ``"Asia/Taipei"``), or ``""``.
    """

    value: datetime | None
    precision: str
    time_zone: str


# Each optional part takes the white space before it with it, so that a run of spaces is read one way only
# (adjacent optional runs made a line of a date, many spaces and a word take seconds to refuse).
_WEEKDAY = r"(?:\s*(?:\(\s*(?:星期|週|周)?[一二三四五六日天]\s*\)|(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]))?"
_TIME = (rf"(?:[T\s]*(?:(?P<ap>{MARKERS})\s*)?(?P<h>\d{{1,2}})\s*[:時时點点]\s*(?P<mi>\d{{1,2}})(?:\s*分)?"
         rf"(?:\s*:\s*(?P<s>\d{{1,2}})(?:[.,]\d+)?|\s*(?P<s2>\d{{1,2}})\s*秒)?(?:\s*(?P<ap2>{MARKERS}))?)?")
_ZONE = r"(?:\s*(?P<tz>Z|(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?"
_DATES = [re.compile(head + _WEEKDAY + _TIME + _ZONE + r"\s*$", re.IGNORECASE) for head in (
    r"^(?P<y>\d{4}|\d{3})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})",
    r"^(?:(?:中華)?民[國国]\s*)?(?P<y>\d{2,4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日號号]",
)]
#: The zones' abbreviations a time may be written with, and their offsets.
ZONE_ABBREVIATIONS = {"HKT": "+08:00", "TWT": "+08:00", "JST": "+09:00", "KST": "+09:00", "EDT": "-04:00",
                      "EST": "-05:00", "UTC": "+00:00", "GMT": "+00:00", "臺北時間": "+08:00", "台北時間": "+08:00",
                      "香港時間": "+08:00", "北京時間": "+08:00", "東京時間": "+09:00"}
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH = rf"(?P<mon>{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
_ENGLISH_TIME = (r"(?:\s*,?\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
                 r"\s*(?P<ap>[ap]\.?m\.?)?)?")
_ENGLISH_ZONE = (r"(?:\s*(?P<tz>[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|Z|"
                 + "|".join(ZONE_ABBREVIATIONS) + "))?")
# 23 Dec 2021, Thu, 23 Dec 2021 10:05:00 +0800; December 23, 2021 3:05 PM; Dec. 23rd, 2021 at 3:05 p.m. HKT
_WEEKDAY_NAME = r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?"
_ENGLISH = [re.compile(_WEEKDAY_NAME + head + _ENGLISH_TIME + _ENGLISH_ZONE + r"\s*$", re.I) for head in (
    rf"(?P<d>\d{{1,2}})\s+{_MONTH},?\s+(?P<y>\d{{4}})",
    rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
)]
# An RSS date the patterns above do not read: a time, and a zone written as an offset or a name (not AM or PM)
_RSS_TIME, _RSS_ZONE = re.compile(r"[A-Za-z].*\d{1,2}:\d{2}"), re.compile(r"[+-]\d{4}|\b(?!AM\b|PM\b)[A-Z]{2,4}\)?$")
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?)?$")
_EPOCH = re.compile(r"^\d{10,13}(?:\.\d+)?$")
def _offset_zone(seconds: int) -> str:
    minutes = abs(seconds) // 60
    return offset_zone(f"{'-' if seconds < 0 else '+'}{minutes // 60}:{minutes % 60:02d}")


def _build(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0, *, precision: str,
           zone: str = "") -> Published | None:
    if y not in YEARS:
        return None
    try:
        return Published(datetime(y, m, d, h, mi, s), precision, zone)
    except ValueError:
        return None


def _from_match(m: re.Match) -> Published | None:
    y = int(m["y"])
    y = y if len(m["y"]) == 4 else y + ROC_OFFSET
    if m["h"] is None:
        return _build(y, int(m["m"]), int(m["d"]), precision="day", zone=offset_zone(m["tz"]))
    second = m["s"] or m["s2"]
    hour = hour_of_day(int(m["h"]), m["ap"] or m["ap2"] or "")
    return _build(y, int(m["m"]), int(m["d"]), hour, int(m["mi"]), int(second or 0),
                  precision="second" if second else "minute", zone=offset_zone(m["tz"]))


def _from_epoch(number: float) -> Published | None:
    seconds = number / 1000 if number >= 1e11 else number
    try:
        value = datetime(1970, 1, 1) + timedelta(seconds=seconds)
    except OverflowError:
        return None
    return Published(value, "second", "UTC") if value.year in YEARS else None


def _from_datetime(value: datetime) -> Published | None:
    if value.year not in YEARS:
        return None
    tz = value.tzinfo
    zone = ""
    if tz is not None:
        zone = getattr(tz, "key", None) or getattr(tz, "zone", None) or ""
        if not zone:
            zone = _offset_zone(int((value.utcoffset() or timedelta(0)).total_seconds()))
        value = value.replace(tzinfo=None)
    if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        precision = "day"
    else:
        precision = "minute" if (value.second, value.microsecond) == (0, 0) else "second"
    return Published(value, precision, zone)


def parse_published(value) -> Published | None:
    """Read a table cell as a publication time.

    Parameters
    ----------
    value : str, number, datetime, date or None
        The cell. A datetime cell's precision is read from its value: ``"day"`` at midnight,
        ``"minute"`` with zero seconds, else ``"second"``.

    Returns
    -------
    Published or None
        ``(value, precision, time_zone)``; all empty for an empty cell (None, NaN, NaT, ``""``);
        None when the cell holds something that is not a date (or a date outside 1678-2261).

    Examples
    --------
    >>> parse_published("2021-12-23T10:05:33+08:00")
    Published(value=datetime.datetime(2021, 12, 23, 10, 5, 33), precision='second', time_zone='UTC+08:00')
    >>> [parse_published(v)[:2] for v in ["110/12/23", "2021年12月23日 下午3:05"]]
    [(datetime.datetime(2021, 12, 23, 0, 0), 'day'), (datetime.datetime(2021, 12, 23, 15, 5), 'minute')]
    >>> parse_published(1640225100), parse_published(""), parse_published("昨天")
    (Published(value=datetime.datetime(2021, 12, 23, 2, 5), precision='second', time_zone='UTC'), \
Published(value=None, precision='', time_zone=''), None)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return Published(None, "", "")
    if isinstance(value, (bool, complex)) or type(value).__name__ == "bool_":
        return None
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return _build(value.year, value.month, value.day, precision="day")
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except OverflowError:  # an int too large for a float
            return None
        if math.isnan(number):
            return Published(None, "", "")
        if not math.isfinite(number):
            return None
        value = str(int(number)) if number.is_integer() else repr(number)
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return Published(None, "", "")
    m = _COMPACT.match(text)
    found = m and _build(*(int(p) for p in m.groups(default="0")),
                         precision="second" if m["s"] else "minute" if m["h"] else "day")
    if found:
        return found
    if _EPOCH.match(text) and float(text) >= 1e9:
        return _from_epoch(float(text))
    for pattern in _DATES:
        m = pattern.match(text)
        if m:
            return _from_match(m)
    for pattern in _ENGLISH:
        m = pattern.match(text)
        if m and m["mon"].lower().rstrip(".") in _MONTHS:
            return _from_english(m)
    # other RSS dates (a zone's name such as PST, a two-digit year): the email standard's reader, which names a zone
    # only when one is written
    rss = parsedate_tz(text) if _RSS_TIME.search(text) and _RSS_ZONE.search(text) else None
    if rss is None:
        return None
    zone = "" if rss[9] is None else _offset_zone(rss[9])
    second = re.search(r"\d{1,2}:\d{2}:\d{2}", text) is not None
    return _build(*rss[:6], precision="second" if second else "minute", zone=zone)


def _from_english(m: re.Match) -> Published | None:
    y, mo, d = int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
    zone = m["tz"] and ZONE_ABBREVIATIONS.get(m["tz"].upper(), m["tz"])
    if m["h"] is None:
        return _build(y, mo, d, precision="day", zone=offset_zone(zone))
    marker = (m["ap"] or "").replace(".", "").upper()
    return _build(y, mo, d, hour_of_day(int(m["h"]), marker), int(m["mi"]), int(m["s"] or 0),
                  precision="second" if m["s"] else "minute", zone=offset_zone(zone))
