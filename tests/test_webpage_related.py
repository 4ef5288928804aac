"""Saved web pages' related-news blocks: the items of the fixtures in ``tests/data/html`` (written for
these tests, after the markup of Taiwanese news sites) read against a table of what each block lists,
with their summaries, times and links made absolute; headings standing alone before their links; and
:func:`analysis.webpage_related.take_related` on a page of its own.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from trafilatura import load_html

from analysis.webpage import parse_html, read_html
from analysis.webpage_related import element_text, take_related
from tests.conftest import quietly

HTML = Path(__file__).parent / "data" / "html"


def read(name: str, **kw):
    (docs, problems), messages = quietly(read_html, HTML / name, page_id=Path(name).stem, **kw)
    return docs, problems, messages


# What each page's related block lists, read off the HTML by hand.
RELATED = {
    "01_og_meta.html": dict(
        titles=["數位韌性條例今協商 朝野對罰則仍有歧見", "海纜再度中斷 馬祖通訊改走微波備援",
                "衛星通訊納國家備援 數發部擬明年招標", "行政院會通過數位韌性條例草案 送立院審議"],
        published=[datetime(2023, 4, 11, 20, 10), datetime(2023, 4, 5, 9, 42),
                   datetime(2023, 3, 30, 16, 5), datetime(2023, 3, 22, 12, 30)],
        precision="minute"),
    "02_json_ld.html": dict(
        titles=["老屋健檢免費 北市受理申請", "都更危老雙軌並行 市議員促加速審議",
                "地震來了怎麼辦？專家教你居家防災三步驟"],
        published=[None, None, None], precision=""),
    "03_big5.htm": dict(
        titles=["自動化碼頭試營運 工會憂人力衝擊", "港區聯外道路拓寬 明年動工"],
        published=[datetime(2019, 6, 20), datetime(2019, 6, 12)], precision="day"),
    "05_dateline.html": dict(
        titles=["台湾争取参与国际刑警组织 多国议员声援", "外交部：持续深化台美关系"],
        published=[datetime(2018, 9, 11, 20, 15), datetime(2018, 9, 8, 9, 30)], precision="minute"),
    "07_no_date_empty_list.html": dict(titles=[], published=[], precision=""),
}


@pytest.mark.parametrize("name", list(RELATED))
def test_related_items(name):
    want = RELATED[name]
    docs, _, _ = read(name)
    related = docs[1:]
    assert [d["title"] for d in related] == want["titles"]
    assert [d["published"] for d in related] == want["published"]
    assert {d["published_precision"] for d in related} <= {want["precision"]}
    assert [(d["kind"], d["position"]) for d in related] == [("related", i) for i in range(1, len(related) + 1)]
    assert all(d["url"].startswith("http") for d in related)  # relative links made absolute against the page


def test_related_summaries_and_links():
    docs, _, _ = read("05_dateline.html")
    assert docs[1]["text"] == "多国议员联名致函国际刑警组织，呼吁邀请台湾以观察员身份出席大会。"
    assert docs[2]["text"].startswith("外交部长在立法院答询时表示") and docs[2]["truncated"]
    assert docs[1]["url"] == "https://www.epoch.example.org/gb/18/9/11/n10709876.htm"
    docs, _, _ = read("02_json_ld.html")
    assert [d["url"] for d in docs[1:]] == [
        "https://www.northisle.example.tw/news/local/2022-10-21/63502",
        "https://www.northisle.example.tw/news/local/2022-09-14/62177",
        "https://www.northisle.example.tw/news/life/2022-08-30/61740"]
    assert all(d["text"] == "" for d in docs[1:])


def test_heading_alone_followed_by_linked_paragraphs():
    page = ("<html><head><meta property='og:title' content='地方選舉登記截止'>"
            "<meta property='article:published_time' content='2022-09-02'></head><body><article>"
            "<p>中央選舉委員會表示，地方公職人員選舉登記今天下午五點截止，各縣市共有一千多人完成登記。</p>"
            "<p>選委會將在本月底公告候選人名單，並舉辦號次抽籤。</p>"
            "<p><strong>【延伸閱讀】</strong></p><p><a href='https://n.example.tw/a/1'>縣市長參選人完成登記</a></p>"
            "<p><a href='https://n.example.tw/a/2'>議員選舉競爭激烈 2022/08/30</a></p>"
            "<p><a href='https://n.example.tw/more'>看更多</a></p></article></body></html>")
    (docs, problems), _ = quietly(parse_html, page, source="s.html")
    assert problems == []
    assert (docs[0]["published"], docs[0]["published_precision"]) == (datetime(2022, 9, 2), "day")
    assert [(d["title"], d["url"]) for d in docs[1:]] == [
        ("縣市長參選人完成登記", "https://n.example.tw/a/1"), ("議員選舉競爭激烈", "https://n.example.tw/a/2")]
    assert [(d["published"], d["published_precision"]) for d in docs[1:]] == [
        (None, ""), (datetime(2022, 8, 30), "day")]
    assert "延伸閱讀" not in docs[0]["text"] and "縣市長參選人" not in docs[0]["text"]
    assert docs[0]["text"].split("\n")[-1] == "選委會將在本月底公告候選人名單，並舉辦號次抽籤。"


def test_take_related_removes_blocks_and_names_the_empty_ones():
    tree = load_html("<html><body><p>正文第一段。</p><div><h3>相關新聞</h3><ul><li><a href='/n/2'>颱風假怎麼放</a>"
                     "<span>強風豪雨 停班停課看這裡 2023/07/25</span></li></ul></div><p>正文第二段。</p>"
                     "<div><h3>延伸閱讀</h3><p>暫無內容</p></div>"
                     "<aside><h3>熱門新聞</h3><ul><li><a href='/hot/1'>國道追撞事故 回堵3公里</a></li></ul></aside>"
                     "</body></html>")
    body = tree.find("body")
    items, empty = take_related(body, "")
    assert items == [{"title": "颱風假怎麼放", "published": datetime(2023, 7, 25), "published_precision": "day",
                      "time_zone": "", "text": "強風豪雨 停班停課看這裡", "url": "/n/2"}]  # no base: kept as written
    assert empty == ["延伸閱讀"]  # the site's own list (熱門新聞) is taken out with its items, not the article's
    assert element_text(body) == "正文第一段。正文第二段。"
