"""Markdown pages as web clippers and static-site exports write them: front matter, the text, the related list."""

from __future__ import annotations

from datetime import datetime

import warnings

import pandas as pd
import pytest

from analysis import CorpusError, read_corpus
from analysis.markdown_pages import parse_markdown
from tests.conftest import quietly

CLIPPED = """---
title: "颱風凱米來襲: 東部停班停課"
source: "https://news.ltn.com.tw/news/life/breakingnews/4750000"
author:
  - "[[王小明]]"
  - 林美華
published: 2024-07-24T14:22:00+08:00
created: 2024-07-25
description: "中央氣象署今天發布陸上颱風警報。"
tags:
  - "clippings"
  - 颱風
---
# 颱風凱米來襲: 東部停班停課

中央氣象署今天清晨發布[陸上颱風警報](https://www.cwa.gov.tw/)，花蓮與台東縣政府宣布*停班停課*。

![颱風衛星雲圖](https://img.ltn.com.tw/1.jpg)

氣象署**提醒**民眾
避免前往海邊。

## 延伸閱讀

- [停班停課一覽](https://news.ltn.com.tw/news/2) 2024-07-23
- [雨量統計](https://news.ltn.com.tw/news/3) (2024/07/23 18:20)
- 颱風假怎麼放
- [今日天氣](https://n.tw/4) 昨天

## 熱門新聞

- [藝人近況](https://n.tw/hot/1)
- [股市收盤](https://n.tw/hot/2)
"""


def test_a_clipped_page_its_front_matter_text_and_related_list(tmp_path):
    path = tmp_path / "2024-07-24" / "clip.md"
    path.parent.mkdir()
    path.write_text(CLIPPED, encoding="utf-8")
    (docs, problems), messages = quietly(read_corpus, tmp_path)
    article = docs.iloc[0]
    assert (article["doc_id"], article["title"], article["published"], article["time_zone"], article["reporter"],
            article["url"], article["outlet"], article["summary"], article["tags"], article["format"],
            article["line"]) == (
        "2024-07-24/clip:00", "颱風凱米來襲: 東部停班停課", datetime(2024, 7, 24, 14, 22), "UTC+08:00",
        "王小明、林美華", "https://news.ltn.com.tw/news/life/breakingnews/4750000", "",
        "中央氣象署今天發布陸上颱風警報。", "clippings, 颱風", "markdown", 2)
    assert article["text"] == ("中央氣象署今天清晨發布陸上颱風警報，花蓮與台東縣政府宣布停班停課。\n"
                               "氣象署提醒民眾避免前往海邊。")
    related = docs.iloc[1:]
    assert related[["kind", "title", "url", "published", "line"]].values.tolist() == [
        ["related", "停班停課一覽", "https://news.ltn.com.tw/news/2", datetime(2024, 7, 23), 25],
        ["related", "雨量統計", "https://news.ltn.com.tw/news/3", datetime(2024, 7, 23, 18, 20), 26],
        ["related", "颱風假怎麼放", "", pd.NaT, 27],
        ["related", "今日天氣", "https://n.tw/4", pd.NaT, 28]]
    assert problems[["line", "action", "reason"]].values.tolist() == [
        [28, "left empty", "unparseable time '昨天' of related item '今日天氣'"],
        [30, "unplaced", "2 lines are under '熱門新聞', after the related list, not read (a site's list or footer)"]]
    assert len(messages) == 2 and messages[0].endswith("clip.md:28: unparseable time '昨天' of related item '今日天氣'")


def test_a_jekyll_post_a_byline_in_its_text_and_toml_front_matter():
    jekyll = ("---\nlayout: post\ntitle: 外交部回應\ndate: 2024-05-03 14:22:00 +0800\npublished: true\n"
              "site: 中央社\nauthor: 記者黃柏翰／台北報導\ncategories: [政治, 外交]\n---\n\n外交部表示歡迎。\n"
              "\n**相關新聞：**\n\n1. [美國國務院聲明](/n/9)\n")
    docs, problems = parse_markdown(jekyll, source="post.md")
    assert [(d["title"], d["published"], d["outlet"], d["reporter"], d["reporter_place"], d["tags"] if not i else "",
             d["url"]) for i, d in enumerate(docs)] == [
        ("外交部回應", datetime(2024, 5, 3, 14, 22), "中央社", "黃柏翰", "台北", "政治, 外交", ""),
        ("美國國務院聲明", None, "", "", "", "", "/n/9")]
    assert problems == []
    hugo = ('+++\ntitle = "外交部回應"\ndate = 2024-05-03T14:22:00+08:00\n+++\n'
            "【中央社記者黃柏翰台北3日電】外交部表示歡迎。\n")
    docs, problems = parse_markdown(hugo, source="post.md")
    assert (docs[0]["title"], docs[0]["published"], docs[0]["outlet"], docs[0]["reporter"], docs[0]["text"]) == (
        "外交部回應", datetime(2024, 5, 3, 14, 22), "中央社", "黃柏翰", "外交部表示歡迎。")


@pytest.mark.parametrize("page, line, reason", [
    ("---\ntitle: 颱風\ndate 2024-06-03\n---\n本文。\n", 3, "front matter: not a 'key: value' line: 'date 2024-06-03'"),
    ('---\ntitle: "颱風\n---\n本文。\n', 2, "front matter: a quoted value that is never closed: \"颱風"),
    ("---\ntitle: 颱風\ntags: [颱風, 停班\n---\n本文。\n", 3, "front matter: a list that is never closed: [颱風, 停班"),
    ("---\ntitle: 颱風\n\n本文。\n", 1, "front matter: opened by --- on line 1 and never closed"),
    ('+++\ntitle = "颱風\n+++\n本文。\n', 2, None),
])
def test_broken_front_matter_is_a_problem_naming_file_and_line_and_stops_no_folder(tmp_path, page, line, reason):
    (tmp_path / "broken.md").write_text(page, encoding="utf-8")
    (tmp_path / "good.md").write_text("---\ntitle: 颱風來襲\n---\n第一段。\n", encoding="utf-8")
    (docs, problems), messages = quietly(read_corpus, tmp_path)
    assert docs["title"].tolist() == ["颱風來襲"]
    skipped = problems[problems["action"] == "skipped"]
    assert skipped["line"].tolist() == [line] and skipped["source"].str.endswith("broken.md").all()
    if reason:
        assert skipped["reason"].tolist() == [reason]
    assert any(f"broken.md:{line}: front matter" in m for m in messages)
    with pytest.raises(CorpusError, match=rf"broken\.md:{line}: front matter"):
        read_corpus(tmp_path / "broken.md", errors="raise")


def test_a_markdown_file_with_no_front_matter_is_no_page(tmp_path):
    (tmp_path / "README.md").write_text("# 我的語料\n\n這個資料夾放爬下來的新聞。\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("標題\n【大紀元2020年09月17日訊】本文。\n", encoding="utf-8")
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        docs, problems = read_corpus(tmp_path)
    assert list(docs["title"]) == ["標題"]
    assert list(problems["action"]) == ["skipped"] and "no front matter" in problems["reason"][0]


def test_a_sites_list_above_the_related_list_is_the_sites():
    page = ("---\ntitle: 颱風來襲\n---\n本文。\n\n## 熱門新聞\n\n- 藝人結婚\n\n## 相關新聞\n\n"
            "- [停班停課一覽](https://a.tw/1) 2024-07-23\n")
    docs, problems = quietly(parse_markdown, page, source="p.md")[0]
    assert [d["title"] for d in docs[1:]] == ["停班停課一覽"]
