"""Dates as saved web pages write them (:mod:`analysis.webpage_dates`): the local time written, its
precision, and a stated offset named (never applied) only when a time of day comes with it.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from analysis.webpage_dates import WHEN, parse_when


@pytest.mark.parametrize("value, want", [
    ("2023-04-12T14:35:20Z", (datetime(2023, 4, 12, 14, 35, 20), "second", "UTC")),  # zero: as tables
    ("2023-04-12 14:35+0800", (datetime(2023, 4, 12, 14, 35), "minute", "UTC+08:00")),
    ("2023.4.5T09:07:03.250-05:00", (datetime(2023, 4, 5, 9, 7, 3), "second", "UTC-05:00")),
    ("2023-04-12+08:00", (datetime(2023, 4, 12), "day", "")),  # an offset without a time of day: dropped
    ("2023-04-12T14:35:20+08001", (datetime(2023, 4, 12, 14, 35, 20), "second", "")),  # not an offset
    ("發布時間：2022年8月30日", (datetime(2022, 8, 30), "day", "")),
    ("2024年3月19日 下午4:30", (datetime(2024, 3, 19, 16, 30), "minute", "")),  # the half of the day written
    ("2024年3月8日 上午9:00", (datetime(2024, 3, 8, 9, 0), "minute", "")),
    ("2024/03/19 凌晨12:05", (datetime(2024, 3, 19, 0, 5), "minute", "")),
    ("2024-03-19 4:30 PM", (datetime(2024, 3, 19, 16, 30), "minute", "")),
    ("發布 2024.03.05 | 14:32", (datetime(2024, 3, 5, 14, 32), "minute", "")),  # a bar between date and time
    ("2024年3月19日 星期二 下午4:30", (datetime(2024, 3, 19, 16, 30), "minute", "")),  # a weekday between
    ("2024-03-05" + " " * 2000 + "x", (datetime(2024, 3, 5), "day", "")),  # white space read one way only
])
def test_parse_when_reads_the_time_written_and_its_offset(value, want):
    assert parse_when(value) == want


@pytest.mark.parametrize("value", [None, "", "昨天", "2023-02-30 10:00", "12:30"])
def test_parse_when_gives_nothing_for_no_date_or_an_impossible_one(value):
    assert parse_when(value) == (None, "", "")


def test_when_finds_the_date_inside_text():
    m = WHEN.search("議員選舉競爭激烈 2022/08/30 更新")
    assert (m["y"], m["mo"], m["d"], m["h"]) == ("2022", "08", "30", None)
    assert m[0] == "2022/08/30 "  # the white space after it too, so that taking it out leaves one space
    assert WHEN.sub("", "議員選舉 2022/08/30 更新", count=1) == "議員選舉 更新"


def test_a_time_of_day_with_its_half_of_the_day_is_taken_out_whole():
    """A related item's date with 上午 left ``上午9:00`` behind as its summary."""
    assert WHEN.sub("", "2024年3月8日 上午9:00", count=1) == ""
