"""A related-news cell read as the row's related items: objects, JSON or Python text, headlines one a line."""

from __future__ import annotations

from datetime import datetime

from analysis.tabular_related import related_items


def test_related_items_of_objects_json_text_and_headlines():
    items, problems = related_items([
        {"title": "颱風停班", "url": "https://n.tw/1", "time": "2024-05-02T09:10:00+08:00"},
        {"headline": "停課一覽", "publishedAt": None},
        "交通管制",
        {"url": "https://n.tw/4"},
        {"title": "雨量統計", "time": "昨天"},
    ])
    assert [(i.title, i.url, i.published.value, i.published.time_zone) for i in items] == [
        ("颱風停班", "https://n.tw/1", datetime(2024, 5, 2, 9, 10), "UTC+08:00"),
        ("停課一覽", "", None, ""), ("交通管制", "", None, ""), ("雨量統計", "", None, "")]
    assert problems == ['an item with no title ({"url": "https://n.tw/4"})',
                        "unparseable time '昨天' of item '雨量統計'"]
    as_csv = str([{"title": "颱風停班", "link": "https://n.tw/1"}])  # pandas writes a list into a CSV so
    assert [(i.title, i.url) for i in related_items(as_csv)[0]] == [("颱風停班", "https://n.tw/1")]
    lines, _ = related_items("- 颱風停班（2024-05-02）\n- 停課一覽")
    assert [(i.title, i.published.value) for i in lines] == [("颱風停班", datetime(2024, 5, 2)), ("停課一覽", None)]
    assert [i.title for i in related_items("颱風停班 | 停課一覽")[0]] == ["颱風停班", "停課一覽"]
    assert related_items('[{"title": "颱風') == ([], ["a related list that cannot be read: '[{\"title\": \"颱風'"])
    assert related_items(None) == related_items("") == ([], [])
