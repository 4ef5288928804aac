"""Which way a file is read where its name could mislead: JSON Lines named .json, a table saved as .txt."""

from __future__ import annotations

import json

import pytest

from analysis.tabular_sniff import json_lines, text_table

ROWS = [{"title": "颱風凱米來襲", "content": "第一段。"}, {"title": "停班停課", "content": "第二段。"}]


@pytest.mark.parametrize("text, expected", [
    ("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS), True),       # mongoexport's default
    ("\n\n" + json.dumps(ROWS[0]) + "\n" + '{"title": "停', True),             # a broken line after: still lines
    (json.dumps(ROWS, ensure_ascii=False, indent=2), False),                   # an array
    (json.dumps(ROWS[0], ensure_ascii=False, indent=2), False),                # one object over several lines
    (json.dumps(ROWS[0]) + "\n\n", False),                                     # one object: a JSON document
    ("[1]\n[2]", False),                                                       # lines, but no objects
])
def test_json_lines(text, expected):
    assert json_lines(text.splitlines(keepends=True)) is expected


@pytest.mark.parametrize("text, expected", [
    ('標題\t發布時間\t內文\r\n颱風來襲\t2024/06/03\t"第一段。\r\n第二段。"\r\n', True),   # Excel's Unicode Text
    ("\ufefftitle\tdate\turl\n颱風來襲\t2024-06-03\thttps://n.tw/1\n停班\t\t\n", True),  # a scraper's TSV
    ("標題\t內文\n", False),                                                  # a header and no row
    ("颱風來襲\t東部停班停課\n【大紀元2024年06月03日訊】颱風今天來襲。", False),      # a headline with a tab
    ("標題\t颱風來襲\n【大紀元2024年06月03日訊】颱風今天來襲。\n內文\t第一段", False),  # a page whose line has a tab
    ("颱風來襲\n【大紀元2024年06月03日訊】颱風\t今天來襲。\n", False),                # a tab below the first line
    ("時間：\t2024/06/03，標題\t颱風\n2024\t颱風\n", False),                         # a sentence, not names
    ("標題\t內文\n颱風\t第一段\t多一格\n", False),                                    # rows wider than the header
])
def test_text_table_tells_a_table_from_a_page(text, expected):
    assert text_table(text) is expected


def test_text_table_takes_the_columns_given():
    text = "h\tbody\n颱風來襲\t第一段。\n"
    assert text_table(text) is True  # body is a text column
    assert text_table("h\tb\n颱風來襲\t第一段。\n") is False
    assert text_table("h\tb\n颱風來襲\t第一段。\n", columns={"title": "h"}) is True
