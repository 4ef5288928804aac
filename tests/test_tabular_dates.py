"""A table cell's publication time: the formats crawls write, the precision written, the offset stated."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.tabular_dates import Published, parse_published

D = datetime(2021, 12, 23)


@pytest.mark.parametrize("cell, value, precision, time_zone", [
    ("2021-12-23", D, "day", ""),
    ("2021-12-23 10:05", D.replace(hour=10, minute=5), "minute", ""),
    ("2021-12-23T10:05:33", D.replace(hour=10, minute=5, second=33), "second", ""),
    ("2021-12-23 10:05:33.250", D.replace(hour=10, minute=5, second=33), "second", ""),
    ("2021/12/23 10:05", D.replace(hour=10, minute=5), "minute", ""),
    ("2021.12.23", D, "day", ""),
    ("2021-12-23T10:05:33+08:00", D.replace(hour=10, minute=5, second=33), "second", "UTC+08:00"),
    ("2021-12-23 10:05:33+0800", D.replace(hour=10, minute=5, second=33), "second", "UTC+08:00"),
    ("2021-12-23T02:05:33Z", D.replace(hour=2, minute=5, second=33), "second", "UTC"),
    ("2021-12-23 10:05 GMT+8", D.replace(hour=10, minute=5), "minute", "UTC+08:00"),
    ("110/12/23", D, "day", ""),                                     # ROC year 110 = 2021
    ("110-12-23 15:05", D.replace(hour=15, minute=5), "minute", ""),
    ("110年12月23日", D, "day", ""),
    ("民國110年12月23日", D, "day", ""),
    ("99年12月23日", datetime(2010, 12, 23), "day", ""),
    ("2021年12月23日", D, "day", ""),
    ("2021年12月23日 下午3:05", D.replace(hour=15, minute=5), "minute", ""),
    ("2021年12月23日（四） 上午10:05", D.replace(hour=10, minute=5), "minute", ""),
    ("2021年12月23日 星期四 15:05", D.replace(hour=15, minute=5), "minute", ""),
    ("2021年12月23日 15時05分33秒", D.replace(hour=15, minute=5, second=33), "second", ""),
    ("２０２１年１２月２３日　１５：０５", D.replace(hour=15, minute=5), "minute", ""),  # full-width
    ("2021-12-23 12:30 AM", D.replace(minute=30), "minute", ""),
    ("20211223", D, "day", ""),
    ("20211223100533", D.replace(hour=10, minute=5, second=33), "second", ""),
    ("1640225100", D.replace(hour=2, minute=5), "second", "UTC"),  # epoch seconds
    ("1640225100000", D.replace(hour=2, minute=5), "second", "UTC"),  # epoch milliseconds
    (1640225100, D.replace(hour=2, minute=5), "second", "UTC"),
    (np.float64(1640225100.0), D.replace(hour=2, minute=5), "second", "UTC"),
    (np.int64(20211223), D, "day", ""),
    ("Thu, 23 Dec 2021 10:05:00 +0800", D.replace(hour=10, minute=5), "second", "UTC+08:00"),
    (datetime(2021, 12, 23, 10, 5), D.replace(hour=10, minute=5), "minute", ""),  # an Excel datetime cell
    (datetime(2021, 12, 23), D, "day", ""),
    (date(2021, 12, 23), D, "day", ""),
    (pd.Timestamp("2021-12-23 10:05:07", tz="Asia/Taipei"), D.replace(hour=10, minute=5, second=7), "second",
     "Asia/Taipei"),
    (datetime(2021, 12, 23, tzinfo=timezone(timedelta(hours=-5, minutes=-30))), D, "day", "UTC-05:30"),
])
def test_formats(cell, value, precision, time_zone):
    assert parse_published(cell) == (value, precision, time_zone)


@pytest.mark.parametrize("cell", ["", "  ", None, float("nan"), pd.NaT, pd.NA])
def test_an_empty_cell_is_no_date(cell):
    assert parse_published(cell) == Published(None, "", "")


@pytest.mark.parametrize("cell", [
    "2021-13-01", "2021-02-30", "2021/12/23 25:00", "21/12/23",  # impossible; a two-digit year is ambiguous
    "昨天", "上午", "2021年12月", "1000-01-01", 99999999999999, float("inf"), True, 10**400, [2021, 12, 23],
])
def test_what_is_not_a_date(cell):
    assert parse_published(cell) is None


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.datetimes(), st.none(),
                 st.from_regex(r"\A\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?( [上下]午)?( \d{1,2}:\d{2}(:\d{2})?)?\Z")))
def test_any_cell_is_a_date_or_none(cell):
    found = parse_published(cell)
    if found is not None:
        assert found.precision in (("",) if found.value is None else ("day", "minute", "second"))
        assert found.value is None or 1678 <= found.value.year <= 2261


@pytest.mark.parametrize("cell, expected", [
    # the month's English name, day or month first, a 12-hour clock, a zone: no zone written is no zone
    ("15 Aug 2024 6:30 PM", Published(datetime(2024, 8, 15, 18, 30), "minute", "")),
    ("Aug 15, 2024 6:30 PM", Published(datetime(2024, 8, 15, 18, 30), "minute", "")),
    ("August 15, 2024", Published(datetime(2024, 8, 15), "day", "")),
    ("Dec. 23rd, 2021 at 3:05 p.m. HKT", Published(datetime(2021, 12, 23, 15, 5), "minute", "UTC+08:00")),
    ("12 Mar 2024 12:10 AM", Published(datetime(2024, 3, 12, 0, 10), "minute", "")),
    ("Thu, 15 Aug 2024 10:30:00 GMT", Published(datetime(2024, 8, 15, 10, 30), "second", "UTC")),
])
def test_dates_with_the_months_english_name(cell, expected):
    assert parse_published(cell) == expected


@pytest.mark.parametrize("cell, expected", [
    # RSS dates the email standard reads: a zone's name, a two-digit year, a zone's name in brackets
    ("Thu, 23 Dec 2021 10:05:00 PST", Published(datetime(2021, 12, 23, 10, 5), "second", "UTC-08:00")),
    ("Thu, 23 Dec 21 10:05:00 +0800", Published(datetime(2021, 12, 23, 10, 5), "second", "UTC+08:00")),
    ("23 Dec 2021 10:05:00 +0800 (CST)", Published(datetime(2021, 12, 23, 10, 5), "second", "UTC+08:00")),
])
def test_rss_dates_with_a_zones_name_or_a_short_year(cell, expected):
    assert parse_published(cell) == expected


@pytest.mark.parametrize("cell", ["Maybe 3, 2024", "Apple 15 Aug 2024", "15 Aug"])
def test_words_that_are_no_english_dates(cell):
    assert parse_published(cell) is None
