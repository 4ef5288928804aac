"""The other files scrapers write: JSON documents, SQLite databases, RSS and Atom feeds, every record accounted for.

Each test writes the small file it reads, in the shape a scraper or tool writes it.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import datetime

import pytest

from analysis import CorpusError, read_corpus
from analysis.tabular_files import read_table
from tests.conftest import quietly

ARTICLES = [
    {"id": 1, "url": "https://n.tw/a/1", "headline": "颱風凱米來襲", "body": "第一段。\n\n第二段。",
     "publishedAt": 1714717320000, "siteName": "鏡週刊", "byline": "記者王小明／台中報導",
     "relatedNews": [{"headline": "停班停課一覽", "publishedAt": 1714630920000}, {"headline": "雨量統計"}]},
    {"id": 2, "url": "https://n.tw/a/2", "headline": "外交部回應", "body": "外交部表示歡迎。",
     "publishedAt": None, "siteName": "CTWANT", "byline": None, "relatedNews": []},
]


def read(path, **kw):
    return quietly(read_table, path, page_id="x", **kw)


# -- JSON --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("document", [ARTICLES, {"status": "ok", "total": 2, "articles": ARTICLES},
                                      {"data": {"items": ARTICLES}}])
def test_a_json_array_of_articles_or_an_object_holding_one(tmp_path, document):
    path = tmp_path / "scraped_news.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    (docs, problems), messages = read(path)
    assert problems == [] and messages == []
    assert [(d["doc_id"], d["kind"], d["title"], d["row"], d["format"]) for d in docs] == [
        ("x:1:00", "article", "颱風凱米來襲", 1, "json"), ("x:1:01", "related", "停班停課一覽", 1, "json"),
        ("x:1:02", "related", "雨量統計", 1, "json"), ("x:2:00", "article", "外交部回應", 2, "json")]
    first = docs[0]
    assert (first["published"], first["time_zone"], first["outlet"], first["reporter"], first["reporter_place"],
            first["url"], first["text"]) == (datetime(2024, 5, 3, 6, 22), "UTC", "鏡週刊", "王小明", "台中",
                                             "https://n.tw/a/1", "第一段。\n\n第二段。")
    assert (docs[1]["published"], docs[1]["time_zone"], docs[2]["published"]) == (
        datetime(2024, 5, 2, 6, 22), "UTC", None)


def test_one_article_a_file_as_trafilatura_and_newspaper_write_it(tmp_path):
    trafilatura = {"title": "颱風凱米來襲", "author": "記者林宏達／台北報導", "hostname": "news.ltn.com.tw",
                   "date": "2024-05-03", "text": "第一段。\n第二段。", "excerpt": "颱風來襲。",
                   "source": "https://news.ltn.com.tw/news/1"}
    path = tmp_path / "1.json"
    path.write_text(json.dumps(trafilatura, ensure_ascii=False), encoding="utf-8")
    (docs, problems), _ = read(path)
    assert problems == [] and len(docs) == 1
    assert (docs[0]["title"], docs[0]["reporter"], docs[0]["published_precision"], docs[0]["summary"]) == (
        "颱風凱米來襲", "林宏達", "day", "颱風來襲。")
    newspaper = {"title": "外交部回應", "authors": ["王家豪", "林承恩"], "publish_date": "2024-05-03T14:22:00+08:00",
                 "text": "外交部表示歡迎。", "meta_description": "外交部回應。", "meta_site_name": "中央社",
                 "canonical_link": "https://cna.com.tw/1"}
    path.write_text(json.dumps(newspaper, ensure_ascii=False), encoding="utf-8")
    (docs, _), _ = read(path)
    assert (docs[0]["reporter"], docs[0]["outlet"], docs[0]["url"], docs[0]["summary"]) == (
        "王家豪、林承恩", "中央社", "https://cna.com.tw/1", "外交部回應。")


def test_a_json_file_that_does_not_parse_or_holds_no_articles_is_a_problem_naming_it(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"title": "颱風"},\n  {"title": "停課"\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"broken\.json:4: invalid JSON \(Expecting ',' delimiter, line 4") as err:
        read_table(broken, page_id="x")
    assert err.value.line == 4
    other = tmp_path / "config.json"
    other.write_text('{"name": "crawler", "version": 2}', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"config\.json: a JSON object with no list of articles"):
        read_table(other, page_id="x")
    (tmp_path / "good.json").write_text('[{"title": "颱風"}, "not an article"]', encoding="utf-8")
    (docs, problems), messages = quietly(read_corpus, tmp_path)  # one bad file stops nothing
    assert docs["title"].tolist() == ["颱風"]
    assert problems[["action", "reason"]].values.tolist() == [
        ["skipped", "invalid JSON (Expecting ',' delimiter, line 4 column 1)"],
        ["skipped", "a JSON object with no list of articles (under 'items', 'articles', 'data'...) and no title "
                    "or text (keys: 'name', 'version')"],
        ["skipped", "not a JSON object but str"]]
    assert len(messages) == 3 and messages[2].endswith("good.json: item 2: not a JSON object but str")


def test_nested_json_lines_and_a_truncated_last_line_of_a_gzipped_file(tmp_path):
    lines = [{"meta": {"title": "颱風凱米來襲", "published": "2024年05月03日 14:22", "outlet": "TVBS",
                       "authors": ["王小明"]},
              "content": {"paragraphs": ["第一段。", "", "第二段。"]},
              "related": [{"title": "停班停課一覽", "published": "2024年05月02日"}, "雨量統計"]},
             {"_id": {"$oid": "66a1"}, "meta": {"title": "外交部回應", "published": {"$date": "2024-05-03T06:22:00Z"}},
              "content": {"paragraphs": ["外交部表示歡迎。"]}}]
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + '\n{"meta": {"title": "停'
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    (docs, problems), _ = read(path)
    assert [(d["kind"], d["title"], d["published"], d["outlet"], d["reporter"], d["text"]) for d in docs] == [
        ("article", "颱風凱米來襲", datetime(2024, 5, 3, 14, 22), "TVBS", "王小明", "第一段。\n第二段。"),
        ("related", "停班停課一覽", datetime(2024, 5, 2), "", "", ""),
        ("related", "雨量統計", None, "", "", ""),
        ("article", "外交部回應", datetime(2024, 5, 3, 6, 22), "", "", "外交部表示歡迎。")]
    assert docs[3]["_id"] == "66a1" and docs[3]["time_zone"] == "UTC"
    assert [(p["line"], p["action"], p["reason"][:28]) for p in problems] == [
        (3, "skipped", "invalid JSON (Unterminated s")]


# -- SQLite ------------------------------------------------------------------------------------------------------

def test_a_sqlite_database_is_read_from_its_table_of_articles(tmp_path):
    path = tmp_path / "news.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title, content, pub_date, source)")
        con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", [
            (2, "外交部回應", "外交部表示歡迎。", "2024-05-03 14:22:00", "中央社"),
            (1, "颱風凱米來襲", "第一段。\n第二段。", None, "TVBS"), (3, "停課一覽", None, "２０２４-05-03", "TVBS")])
        con.execute("CREATE TABLE drafts (title, body)")
        con.execute("INSERT INTO drafts VALUES ('草稿', '未發布')")
        con.execute("CREATE TABLE crawl_log (url, status)")
    con.close()
    (docs, problems), messages = read(path)
    assert [(d["title"], d["published"], d["outlet"], d["id"], d["format"]) for d in docs] == [
        ("颱風凱米來襲", None, "TVBS", 1, "sqlite"),
        ("外交部回應", datetime(2024, 5, 3, 14, 22), "中央社", 2, "sqlite"),
        ("停課一覽", datetime(2024, 5, 3), "TVBS", 3, "sqlite")]
    assert [(p["action"], p["reason"]) for p in problems] == [
        ("skipped", "table 'drafts' (1 rows) is not read: only the table with most rows, 'articles' (3 rows)")]
    assert len(messages) == 1
    assert list(tmp_path.iterdir()) == [path]  # opened read-only: no journal left beside it


def test_a_file_that_is_no_sqlite_database_or_has_no_table_of_articles(tmp_path):
    (tmp_path / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0 not sqlite" * 20)
    with pytest.raises(CorpusError, match=r"Thumbs\.db: cannot read as SQLite"):
        read_table(tmp_path / "Thumbs.db", page_id="x")
    with sqlite3.connect(tmp_path / "log.sqlite") as con:
        con.execute("CREATE TABLE crawl_log (url, status)")
    con.close()
    with pytest.raises(CorpusError, match=r"no table with a title, text or summary column \(tables: 'crawl_log'\)"):
        read_table(tmp_path / "log.sqlite", page_id="x")


# -- feeds -------------------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>自由時報 即時新聞</title><link>https://news.ltn.com.tw</link>
<item><title>颱風凱米來襲 &amp; 停課</title><link>https://news.ltn.com.tw/1</link>
<pubDate>Fri, 03 May 2024 14:22:00 +0800</pubDate><dc:creator>記者王小明／台北報導</dc:creator>
<description><![CDATA[<p>颱風來襲。</p>]]></description>
<content:encoded><![CDATA[<p>第一段。</p><p>第二段&nbsp;。</p>]]></content:encoded>
<category>生活</category><guid>ltn-1</guid></item>
<item><title>外交部回應</title><link>https://news.ltn.com.tw/2</link><description>外交部表示歡迎。</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>端傳媒</title>
<entry><title>颱風凱米來襲</title><link rel="alternate" href="https://theinitium.com/1"/>
<id>tag:1</id><published>2024-05-03T14:22:00+08:00</published><updated>2024-05-04T09:00:00+08:00</updated>
<author><name>林宏達</name></author><summary>颱風來襲。</summary>
<content type="html">&lt;p&gt;第一段。&lt;/p&gt;&lt;p&gt;第二段。&lt;/p&gt;</content></entry>
</feed>"""


def test_an_rss_feed_an_item_a_document_the_channel_its_outlet(tmp_path):
    path = tmp_path / "ltn.xml"
    path.write_text(RSS, encoding="utf-8")
    (docs, problems), _ = read(path)
    assert problems == []
    first = docs[0]
    assert (first["title"], first["published"], first["time_zone"], first["outlet"], first["reporter"],
            first["reporter_place"], first["text"], first["summary"], first["url"], first["guid"],
            first["category"], first["format"]) == (
        "颱風凱米來襲 & 停課", datetime(2024, 5, 3, 14, 22), "UTC+08:00", "自由時報 即時新聞", "王小明", "台北",
        "第一段。\n第二段 。", "颱風來襲。", "https://news.ltn.com.tw/1", "ltn-1", "生活", "feed")
    assert (docs[1]["title"], docs[1]["text"], docs[1]["published"]) == ("外交部回應", "外交部表示歡迎。", None)


def test_an_atom_feed_and_an_xml_file_that_is_no_feed(tmp_path):
    path = tmp_path / "initium.atom"
    path.write_text(ATOM, encoding="utf-8")
    (docs, problems), _ = read(path)
    assert [(d["title"], d["published"], d["outlet"], d["reporter"], d["text"], d["summary"], d["url"])
            for d in docs] == [("颱風凱米來襲", datetime(2024, 5, 3, 14, 22), "端傳媒", "林宏達", "第一段。\n第二段。",
                                "颱風來襲。", "https://theinitium.com/1")]
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://n.tw/1</loc>'
                       "</url></urlset>", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"sitemap\.xml: not an RSS or Atom feed \(its root is <urlset>\)"):
        read_table(sitemap, page_id="x")
    cut = tmp_path / "cut.rss"
    cut.write_text(RSS[:400], encoding="utf-8")
    with pytest.raises(CorpusError, match=r"cut\.rss:\d+: cannot read as XML") as err:
        read_table(cut, page_id="x")
    assert err.value.line is not None


# -- other tables scrapers write ---------------------------------------------------------------------------------

def test_a_gdelt_export_html_in_cells_and_its_utc_dates(tmp_path):
    path = tmp_path / "gdelt_zh.tsv"
    path.write_text("DATE\tSourceCommonName\tDocumentIdentifier\tTitle\tText\n"
                    "20240502223700\tudn.com\thttps://udn.com/1\t&quot;颱風&quot;來襲 &amp; 停課\t"
                    "第一段。<br><br>第二段&nbsp;。<br /><br />第三段。\n", encoding="utf-8")
    (docs, problems), _ = read(path)
    assert problems == []
    assert (docs[0]["title"], docs[0]["text"], docs[0]["published"], docs[0]["time_zone"], docs[0]["outlet"],
            docs[0]["url"]) == ('"颱風"來襲 & 停課', "第一段。\n第二段 。\n第三段。", datetime(2024, 5, 2, 22, 37),
                                "UTC", "udn.com", "https://udn.com/1")


@pytest.mark.parametrize("name, encode", [
    ("utf16.csv", lambda text: text.encode("utf-16")),  # with its byte-order mark, as Excel's "Unicode text"
    ("crawl.csv.gz", lambda text: gzip.compress(text.encode("utf-8"))),
])
def test_utf16_and_gzipped_csv_with_stringified_lists_and_related_json(tmp_path, name, encode):
    related = json.dumps([{"title": "停班停課一覽", "url": "https://n.tw/2"}], ensure_ascii=False).replace('"', '""')
    authors = "\"['王家豪', '林承恩']\""
    text = (",url,title,text,date,authors,related_news\n"
            f'0,https://n.tw/1,颱風凱米來襲,"第一段，""引述""。\n\n第二段。",2024-05-03,{authors},"{related}"\n')
    path = tmp_path / name
    path.write_bytes(encode(text))
    (docs, problems), _ = read(path)
    assert problems == []
    assert [(d["kind"], d["title"], d["reporter"], d["url"]) for d in docs] == [
        ("article", "颱風凱米來襲", "王家豪、林承恩", "https://n.tw/1"), ("related", "停班停課一覽", "", "https://n.tw/2")]
    assert docs[0]["text"] == '第一段，"引述"。\n\n第二段。'
