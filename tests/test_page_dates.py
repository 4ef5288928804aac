"""Lines that hold only a date."""

from __future__ import annotations

from datetime import datetime

import pytest

from analysis.page_dates import date_line, dated_header


@pytest.mark.parametrize("line, value, precision", [
    ("2020/09/18 05:30", datetime(2020, 9, 18, 5, 30), "minute"),
    ("2020-09-18 07:12:23", datetime(2020, 9, 18, 7, 12, 23), "second"),
    ("發布時間：2020年9月18日 星期五", datetime(2020, 9, 18), "day"),
    ("更新時間:2023/06/20 10:05", datetime(2023, 6, 20, 10, 5), "minute"),
    ("最後更新：2023-06-20 10:05", datetime(2023, 6, 20, 10, 5), "minute"),
    ("出版：2020-09-17 20:15", datetime(2020, 9, 17, 20, 15), "minute"),
    ("民國109年9月17日 下午3:05", datetime(2020, 9, 17, 15, 5), "minute"),
    ("109/09/17", datetime(2020, 9, 17), "day"),
    ("２０２０／０９／１８", datetime(2020, 9, 18), "day"),  # full-width digits
    ("2023-07-18 00:45 更新：2023-07-18 02:10", datetime(2023, 7, 18, 0, 45), "minute"),  # published, then updated
])
def test_date_lines(line, value, precision):
    found = date_line(line)
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("line", [
    "2020年9月18日總統府表示", "1600000000", "20200918", "2020", "10:48", "第2020/09/18號公告", "更新：稍後", "",
    "2020-13-45",
    "2024-03-05 14:32" + " " * 400 + "x",  # white space read one way only (this took 28 s to refuse)
])
def test_lines_that_are_no_date_lines(line):
    assert date_line(line) is None


@pytest.mark.parametrize("line, value, words", [
    ("中時新聞網 朱真楷 2023/06/19 17:33", datetime(2023, 6, 19, 17, 33), "中時新聞網 朱真楷"),
    ("鏡週刊 2023.06.20 06:00", datetime(2023, 6, 20, 6, 0), "鏡週刊"),
    ("發布 2023.06.19 | 22:10", datetime(2023, 6, 19, 22, 10), ""),  # a label is no words: date_line reads it
    ("2023/06/19", datetime(2023, 6, 19), ""),
    ("2024-03-05 14:32 聯合報 記者林小華／台北即時報導", datetime(2024, 3, 5, 14, 32),
     "聯合報 記者林小華/台北即時報導"),
    ("2024/03/05 14:32 記者林小華", datetime(2024, 3, 5, 14, 32), "記者林小華"),
    ("2024年3月5日 下午2:32 鏡週刊", datetime(2024, 3, 5, 14, 32), "鏡週刊"),
    ("記者張大同／台北報導 2024/03/05 14:32", datetime(2024, 3, 5, 14, 32), "記者張大同/台北報導"),  # a byline first
])
def test_header_lines_with_words_before_the_date(line, value, words):
    found, before = dated_header(line)
    assert (found.value, before) == (value, words)


@pytest.mark.parametrize("line", ["總統府今天表示，2023/06/19 將宣布", "立委溫玉霞2023/06/19表示要",
                                  "截至目前為止共有100人", "總統大選 2024.1.13", "某某週報 2023.06.20 06:00",
                                  "活動時間：2023/06/19 14:00", "2024-03-05 記者會上部長表示",
                                  "2024-03-05 聯合報系今天宣布", "2024-03-05 14:32 記者王明表示將調整"])
def test_sentences_are_no_header_lines(line):
    assert dated_header(line) is None
