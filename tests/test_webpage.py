"""Saved web pages: the fixtures in ``tests/data/html`` (written for these tests, after the markup of
Taiwanese news sites) read against a table of what each page says; boilerplate kept out of the text;
problems named once each; pages read with the seed's text pages; and never a network call. The related
blocks' items are tested in ``tests/test_webpage_related.py``, whose table and helpers these tests share.
"""

from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus, read_corpus
from analysis.tables import COLUMNS
from analysis.text import content_id, is_truncated
from analysis.webpage import declared_encoding, parse_html, read_html
from tests.conftest import SEED_FILE
from tests.test_webpage_related import HTML, RELATED, quietly, read

READ = ["01_og_meta.html", "02_json_ld.html", "03_big5.htm", "05_dateline.html", "07_no_date_empty_list.html"]


# What each page says, read off the HTML by hand.
PAGES = {
    "01_og_meta.html": dict(
        title="立法院三讀通過數位韌性條例 明年起分階段施行", outlet="晨光新聞網",
        published=datetime(2023, 4, 12, 14, 35, 20), precision="second", time_zone="UTC+08:00",
        reporter="陳怡君", place="台北", dateline="", paragraphs=5, first="立法院今天下午院會三讀通過",
        url="https://news.morninglight.example.tw/politics/20230412/881204",
        boilerplate=["首頁", "訂閱電子報", "會員登入", "分享至臉書", "限時優惠", "廣告", "贊助內容", "網友留言",
                     "不痛不癢", "送出留言", "即時新聞", "北市公車明起調整路線", "版權所有", "隱私權政策", "標籤"]),
    "02_json_ld.html": dict(
        title="北市老屋防震補強補助加碼 最高補助一百萬元", outlet="北島新聞網",
        published=datetime(2022, 11, 3, 9, 5), precision="second", time_zone="UTC+08:00",
        reporter="林佳蓉", place="", dateline="", paragraphs=4, first="台北市政府今天宣布",
        url="https://www.northisle.example.tw/news/local/2022-11-03/64071",
        boilerplate=["搜尋", "下載北島新聞APP", "延伸閱讀", "分享", "編輯精選", "廣告聯播網", "Copyright",
                     "客服專線"]),
    "03_big5.htm": dict(
        title="高雄港新貨櫃中心啟用 年運量可望倍增", outlet="港都日報",
        published=datetime(2019, 6, 21), precision="day", time_zone="",
        reporter="張雅婷", place="高雄", dateline="", paragraphs=3, first="高雄港第七貨櫃中心今天舉行啟用典禮",
        url="http://www.harbourdaily.example.com.tw/news/2019/0621/a1033.htm",
        boilerplate=["首頁", "產經", "相關報導", "2019/06/21", "版權所有"]),
    "05_dateline.html": dict(
        title="美国国会通过法案 支持台湾参与国际组织", outlet="大纪元",
        published=datetime(2018, 9, 12), precision="day", time_zone="",
        reporter="林映", place="台北", dateline="【大纪元2018年09月12日讯】（大纪元记者林映台北报导）",
        paragraphs=3, first="美国国会众议院周二以口头表决方式通过一项法案",  # 责任编辑：王敏 is the site's line
        url="https://www.epoch.example.org/gb/18/9/12/n10712345.htm",
        boilerplate=["首页", "评论", "更新", "人气", "订阅大纪元电子报", "读者甲", "版权所有", "关于我们", "【",
                     "责任编辑"]),
    "07_no_date_empty_list.html": dict(
        title="社論：讓長照人力留得住", outlet="南方評論", published=None, precision="", time_zone="",
        reporter="", place="", dateline="", paragraphs=3, first="長照二點零上路多年", url="",
        boilerplate=["首頁", "專欄", "熱門新聞", "版權所有"]),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_article_fields(name):
    want = PAGES[name]
    docs, _, _ = read(name)
    a = docs[0]
    assert (a["kind"], a["position"], a["doc_id"]) == ("article", 0, f"{Path(name).stem}:00")
    assert (a["title"], a["outlet"], a["reporter"], a["reporter_place"], a["dateline"], a["url"]) == (
        want["title"], want["outlet"], want["reporter"], want["place"], want["dateline"], want["url"])
    assert (a["published"], a["published_precision"], a["time_zone"]) == (
        want["published"], want["precision"], want["time_zone"])
    lines = a["text"].split("\n")
    assert len(lines) == want["paragraphs"] and lines[0].startswith(want["first"]), lines
    assert all(line.strip() == line and line for line in lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_boilerplate_stays_out_of_the_text(name):
    docs, _, _ = read(name)
    text = docs[0]["text"]
    for junk in PAGES[name]["boilerplate"] + RELATED[name]["titles"]:
        assert junk not in text, junk


@pytest.mark.parametrize("name", list(PAGES))
def test_records_have_the_documents_columns_and_a_url(name):
    docs, _, _ = read(name)
    for d in docs:
        assert set(d) == set(COLUMNS) | {"url"}
        assert (d["format"], d["line"], d["row"], d["source"]) == ("html", None, None, str(HTML / name))
        assert d["content_id"] == content_id(d["title"], d["text"])
        assert d["truncated"] == is_truncated(d["text"])


def test_big5_page_is_decoded_by_its_declaration_and_without_it(tmp_path):
    data = (HTML / "03_big5.htm").read_bytes()
    assert declared_encoding(data) == "cp950"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    # declared wrongly as UTF-8: the declaration fails to decode it, and detection takes over
    wrong = tmp_path / "wrong.htm"
    wrong.write_bytes(data.replace(b'charset="big5"', b'charset="utf-8"'))
    assert declared_encoding(wrong.read_bytes()) == "utf-8"
    for path in (HTML / "03_big5.htm", wrong):
        (docs, _), _ = quietly(read_html, path, page_id="p")
        assert docs[0]["title"] == PAGES["03_big5.htm"]["title"]
    (docs, _), _ = quietly(read_html, wrong, page_id="p", encoding="cp950")
    assert docs[0]["outlet"] == "港都日報"
    with pytest.raises(CorpusError, match="cannot decode as utf-8"):
        read_html(HTML / "03_big5.htm", page_id="p", encoding="utf-8")


def test_gzipped_page_reads_as_the_page(tmp_path):
    gz = tmp_path / "01_og_meta.html.gz"
    gz.write_bytes(gzip.compress((HTML / "01_og_meta.html").read_bytes()))
    plain, _, _ = read("01_og_meta.html")
    (docs, problems), _ = quietly(read_html, gz, page_id="01_og_meta")
    assert problems == []
    strip = ("source",)
    assert [{k: v for k, v in d.items() if k not in strip} for d in docs] == [
        {k: v for k, v in d.items() if k not in strip} for d in plain]
    loaded = load_corpus(tmp_path)
    assert loaded["title"].tolist() == [d["title"] for d in plain] and set(loaded["format"]) == {"html"}


def test_problems_are_warned_once_each_and_raise_on_request():
    docs, problems, messages = read("07_no_date_empty_list.html")
    assert [(p["action"], p["line"]) for p in problems] == [("left empty", None), ("kept", None)]
    assert "publication date" in problems[0]["reason"] and "'相關新聞'" in problems[1]["reason"]
    assert messages == [f"{HTML / '07_no_date_empty_list.html'}: {p['reason']}" for p in problems]
    assert len(docs) == 1
    with pytest.raises(CorpusError, match="no publication date"):
        read_html(HTML / "07_no_date_empty_list.html", page_id="p", errors="raise")
    for name in PAGES:
        if name != "07_no_date_empty_list.html":
            assert read(name)[1:] == ([], [])


def test_page_without_article_text_is_an_error():
    with pytest.raises(CorpusError, match="no article text"):
        read_html(HTML / "06_menus_only.html", page_id="p")


def test_page_without_title():
    page = ("<html><body><div class='content'><p>颱風過後，花蓮縣政府今天動員清潔隊清理市區積水與倒塌路樹，"
            "預計三天內恢復主要道路通行。</p><p>縣府提醒民眾注意落石。</p></div></body></html>")
    (docs, problems), messages = quietly(parse_html, page, source="t.html")
    assert docs[0]["title"] == "" and docs[0]["text"].startswith("颱風過後")
    assert [(p["action"], p["reason"]) for p in problems][0] == ("left empty", "article has no title")
    assert messages[0] == "t.html: article has no title" and len(messages) == len(problems)
    with pytest.raises(ValueError, match="errors must be"):
        parse_html(page, errors="ignore")


def test_load_corpus_reads_the_html_folder():
    (docs, problems), messages = quietly(read_corpus, HTML)
    assert docs["page_id"].unique().tolist() == [Path(n).stem for n in READ]
    assert len(docs) == sum(1 + len(RELATED[n]["titles"]) for n in READ)
    assert set(docs["format"]) == {"html"} and docs["line"].isna().all() and docs["row"].isna().all()
    assert docs.groupby("page_id")["position"].apply(list).map(lambda p: p == list(range(len(p)))).all()
    assert docs["published"].dtype == "datetime64[ns]"
    skipped = problems[problems["action"] == "skipped"]
    assert skipped["source"].tolist() == [str(HTML / "06_menus_only.html")]
    assert len(messages) == len(problems) == 3


def test_load_corpus_mixes_html_pages_and_text_pages(tmp_path):
    shutil.copy(SEED_FILE, tmp_path / SEED_FILE.name)
    shutil.copy(HTML / "05_dateline.html", tmp_path / "05_dateline.html")
    docs = load_corpus(tmp_path)
    seed = load_corpus(SEED_FILE)
    assert docs.groupby("page_id", sort=False)["format"].first().to_dict() == {
        SEED_FILE.stem: "text", "05_dateline": "html"}
    assert len(docs) == len(seed) + 3
    assert docs.loc[docs["format"] == "html", "outlet"].iloc[0] == "大纪元"
    same = [c for c in seed.columns if c != "source"]
    pd.testing.assert_frame_equal(docs.loc[docs["format"] == "text", same].reset_index(drop=True), seed[same])


def test_reading_makes_no_network_call(monkeypatch, tmp_path):
    def refuse(*args, **kw):
        raise AssertionError("network call while reading a saved page")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    gz = tmp_path / "02_json_ld.html.gz"
    gz.write_bytes(gzip.compress((HTML / "02_json_ld.html").read_bytes()))
    for path in [*sorted(HTML.iterdir()), gz]:
        try:
            quietly(read_html, path, page_id="p")
        except CorpusError as exc:
            assert path.name == "06_menus_only.html", exc
    docs, _ = quietly(load_corpus, HTML)
    assert len(docs) == 16


def run_report(corpus: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)


def test_report_runs_on_html_pages_beside_text_pages(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_FILE, corpus / SEED_FILE.name)
    for name in ("01_og_meta.html", "06_menus_only.html"):
        shutil.copy(HTML / name, corpus / name)
    proc = run_report(corpus, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    documents = pd.read_csv(tmp_path / "out" / "tables" / "documents.csv", encoding="utf-8-sig")
    assert documents["format"].value_counts().to_dict() == {"text": 21, "html": 5}
    problems = pd.read_csv(tmp_path / "out" / "tables" / "problems.csv", encoding="utf-8-sig")
    assert problems["action"].tolist() == ["skipped"]


def test_report_runs_on_a_folder_of_html_pages(tmp_path):
    proc = run_report(HTML, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    documents = pd.read_csv(tmp_path / "out" / "tables" / "documents.csv", encoding="utf-8-sig")
    assert len(documents) == 16


SIDEBAR_PAGE = """<html><head><title>颱風逼近 東部停班停課 | 生活</title>
<meta property="og:site_name" content="海風報"><meta property="article:published_time" content="2023-07-26T08:05+08:00">
</head><body><article><h1>颱風逼近 東部停班停課 | 生活</h1>
<p><strong>▲花蓮縣政府今天上午召開防颱會議。（圖／海風報）</strong></p>
<p>中央氣象局今天清晨發布陸上颱風警報，花蓮與台東縣政府宣布停班停課，並提醒民眾避免前往海邊。</p>
<div class="img_box"><img src="/a.jpg" alt="雨"><p>台東市區午後降下大雨。（攝影：林小華）</p></div>
<p>廣告</p><div class="slot"><div id="div-gpt-ad-1234-0"><p>年終特賣，全館五折起，限時三天。</p></div></div>
<p>請繼續往下閱讀...</p>
<p>氣象局預報員表示，颱風暴風圈明天清晨可能觸及東半部陸地，各地雨勢將明顯增強。</p>
<p>★更多海風報新聞，請加入LINE好友</p>
<p>udn討論區 / 0 則留言 / 我要留言</p>
</article>
<aside><h3>熱門新聞</h3><ul><li><a href="/hot/1">國道追撞事故 回堵3公里</a></li>
<li><a href="/hot/2">中職／味全逆轉勝</a></li></ul></aside>
<div class="related"><h3>你可能也想看</h3><ul><li><a href="/n/2">颱風假怎麼放</a></li></ul></div>
</body></html>"""


def test_a_sites_own_list_furniture_and_captions_are_not_the_article():
    """熱門新聞 is the site's, not the article's related news; advert labels, read-on prompts, LINE calls,
    comment counters and photo captions are not its text; a section after the headline is not its title."""
    docs, problems = parse_html(SIDEBAR_PAGE, source="s.html")
    assert problems == []
    assert [(d["kind"], d["title"]) for d in docs] == [("article", "颱風逼近 東部停班停課"),
                                                       ("related", "颱風假怎麼放")]
    assert docs[0]["text"].split("\n") == [
        "中央氣象局今天清晨發布陸上颱風警報，花蓮與台東縣政府宣布停班停課，並提醒民眾避免前往海邊。",
        "氣象局預報員表示，颱風暴風圈明天清晨可能觸及東半部陸地，各地雨勢將明顯增強。"]
    assert not docs[0]["truncated"]


@pytest.mark.parametrize("heading, related", [
    ("相關影音", ["女星驚爆離婚 男方發聲明", "台股大漲300點", "颱風假怎麼放"]),  # related videos: the article's
    ("熱門推薦", ["颱風假怎麼放"]),                                           # the site's picks: left out
    ("更多TVBS新聞", ["颱風假怎麼放"]),
])
def test_lists_inside_the_article_by_their_heading(heading, related):
    box = (f"<div class='box'><h3>{heading}</h3><ul><li><a href='/h/9'>女星驚爆離婚 男方發聲明</a></li>"
           "<li><a href='/h/8'>台股大漲300點</a></li></ul></div></article>")
    docs, problems = parse_html(SIDEBAR_PAGE.replace("</article>", box), source="s.html")
    assert [d["title"] for d in docs[1:]] == related and "台股" not in docs[0]["text"]


def test_an_error_page_is_no_article():
    page = ("<html><head><title>NOWnews今日新聞</title></head><body><main><h1>404</h1>"
            "<p>很抱歉，您要找的頁面不存在或已被移除</p><p>您所瀏覽的新聞可能已經下架，或網址輸入錯誤。</p></main>"
            "<aside><h3>熱門新聞</h3><ul><li><a href='/n/1'>國道追撞事故 回堵3公里</a></li></ul></aside></body></html>")
    with pytest.raises(CorpusError, match="not an article: an error page"):
        parse_html(page, source="404.html")
    # an article that reports a page taken down is one
    article = SIDEBAR_PAGE.replace("廣告", "網友發現，衛福部的疫苗頁面已被移除，衛福部今天說明是系統更新所致。")
    assert parse_html(article, source="a.html")[0][0]["kind"] == "article"


@pytest.mark.parametrize("written, reporter", [
    ("作者： 張家豪", "張家豪"),                       # a label before the name
    ("王曉玟 風傳媒記者，路線：外交、國防", "王曉玟"),     # an author's box: the name before the rest
    ("文／記者 林小華", "林小華"),
    ("李雅雯、陳俊廷", "李雅雯、陳俊廷"),
    ("記者王明／台北報導", "王明"),
    ("Jane Doe", "Jane Doe"),
])
def test_the_reporter_is_the_name_in_an_author_string(written, reporter):
    page = SIDEBAR_PAGE.replace('<meta property="og:site_name"', f'<meta name="author" content="{written}">'
                                '<meta property="og:site_name"')
    assert parse_html(page, source="a.html")[0][0]["reporter"] == reporter


def test_an_author_that_is_the_outlet_is_no_reporter():
    page = SIDEBAR_PAGE.replace('<meta property="og:site_name" content="海風報">',
                                '<meta property="og:site_name" content="海風報新聞網">'
                                '<meta name="author" content="海風報">')
    assert parse_html(page, source="a.html")[0][0]["reporter"] == ""


def test_a_related_items_relative_time_is_no_summary():
    page = SIDEBAR_PAGE.replace('<li><a href="/n/2">颱風假怎麼放</a></li>',
                                '<li><a href="/n/2">颱風假怎麼放</a><span>2小時前</span></li>'
                                '<li><a href="/n/3">東部停班停課</a><span>強風豪雨 注意安全</span></li>')
    items = parse_html(page, source="a.html")[0][1:]
    assert [(d["title"], d["text"], d["published"]) for d in items] == [
        ("颱風假怎麼放", "", None), ("東部停班停課", "強風豪雨 注意安全", None)]


def test_a_list_page_is_no_article():
    entries = "".join(f'<li><a href="/n/{i}">立法院臨時會 朝野協商草案第{i}讀</a> 17:4{i} 立法院今召開臨時會。</li>'
                      for i in range(6))
    page = ('<html><head><title>政治 - 即時新聞</title><meta property="og:type" content="website">'
            '<meta property="article:published_time" content="2023-06-19T17:45+08:00">'
            f'</head><body><main><h1>政治</h1><ul class="list">{entries}</ul></main></body></html>')
    with pytest.raises(CorpusError, match="not an article: a page of type 'website'"):
        parse_html(page, source="list.html")
    # the same page calling itself an article, or an article page typed website, is read
    assert parse_html(page.replace('"website"', '"article"'), source="l.html")[0][0]["kind"] == "article"
    assert parse_html(SIDEBAR_PAGE.replace("<head>", '<head><meta property="og:type" content="website">'),
                      source="a.html")[0][0]["kind"] == "article"


@pytest.mark.parametrize("name", READ)
def test_trafilaturas_metadata_is_read_only_for_what_the_page_leaves_to_it(name, monkeypatch):
    """A page that states its title, outlet, address, date and reporter is read without trafilatura's
    metadata (half of its time); one that leaves a field to it gets the field as bare_extraction reads it."""
    import trafilatura
    import trafilatura.metadata

    from analysis import webpage

    html = (HTML / name).read_bytes().decode("cp950" if name.endswith(".htm") else "utf-8")
    read = []
    real = trafilatura.metadata.extract_metadata
    monkeypatch.setattr(trafilatura.metadata, "extract_metadata", lambda *a, **k: read.append(1) or real(*a, **k))
    (docs, _), _ = quietly(parse_html, html, source=name)
    full = trafilatura.bare_extraction(trafilatura.load_html(html), with_metadata=True, **webpage._EXTRACTION)
    expected_reads = int(name != "01_og_meta.html" and name != "02_json_ld.html")
    assert len(read) == expected_reads, name  # 01 and 02 state everything; 03, 05 and 07 leave a field to it
    lazily = webpage._Metadata(trafilatura.load_html(html))
    for field in ("title", "author", "sitename", "url", "date"):
        assert lazily[field] == (getattr(full, field) or ""), field
    assert docs[0]["title"] == PAGES[name]["title"]


def test_a_page_whose_metadata_trafilatura_cannot_read_keeps_its_text(monkeypatch):
    import trafilatura.metadata

    def fails(*args, **kwargs):
        raise ValueError("unreadable metadata")

    html = (HTML / "03_big5.htm").read_bytes().decode("cp950")  # a page that leaves a field to trafilatura
    (expected, _), _ = quietly(parse_html, html, source="03_big5.htm")
    monkeypatch.setattr(trafilatura.metadata, "extract_metadata", fails)
    (docs, _), _ = quietly(parse_html, html, source="03_big5.htm")
    assert docs[0]["text"] == expected[0]["text"] and len(docs) == len(expected)


def test_a_byline_box_with_the_outlets_reporter_and_the_time_shown():
    """端傳媒: no date in the meta tags; the byline box holds the outlet's reporter and the time, 下午 and all."""
    page = ("<html><head><title>立法會三讀通過 | 端傳媒</title></head><body><article><h1>立法會三讀通過</h1>"
            "<div class='byline'><span class='author'>端傳媒記者 何兆彬</span> "
            "<time>2024年3月19日 下午4:30</time></div>"
            "<div><p>香港立法會今日三讀通過條例草案，全體出席議員投贊成票，行政長官表示這是歷史時刻。</p>"
            "<p>有學者則擔心，條例對境外干預的定義過於寬鬆，可能影響新聞自由，並呼籲政府審慎執法。</p></div>"
            "<section><h3>延伸閱讀</h3><ul><li><a href='/a/1'>23條諮詢結束 保安局：98%意見支持</a> "
            "<span class='date'>2024年3月8日 上午9:00</span></li></ul></section></article></body></html>")
    docs, problems = parse_html(page, source="initium.html")
    article, item = docs
    assert (article["reporter"], article["published"], article["published_precision"]) == (
        "何兆彬", datetime(2024, 3, 19, 16, 30), "minute")
    assert (item["title"], item["published"], item["text"]) == (
        "23條諮詢結束 保安局：98%意見支持", datetime(2024, 3, 8, 9, 0), "")
    assert problems == []


@pytest.mark.parametrize("meta, shown, want", [
    ("", "<article><div class='page-date'>2024/03/05 14:32</div></article>", (datetime(2024, 3, 5, 14, 32), "minute")),
    ("<meta property='article:published_time' content='2024-03-05'>",
     "<div class='header-date'>2026/12/06 15:04</div>", (datetime(2024, 3, 5), "day")),  # the site's clock
    ("<meta property='article:published_time' content='2024-03-05'>",
     "<article><div class='date'>發布 2024.03.05 | 14:32</div></article>",
     (datetime(2024, 3, 5, 14, 32), "minute")),  # the stated day, to the minute the page shows
    ("<meta property='article:published_time' content='2024-03-05'>",
     "<article><div class='date'>2024/03/09 10:00</div></article>",
     (datetime(2024, 3, 5), "day")),  # another day's time (a sidebar's, an update's) is not the article's
    ("<meta property='article:published_time' content='2024-03-05T09:00+08:00'>",
     "<div class='date'>2024/03/05 14:32</div>", (datetime(2024, 3, 5, 9, 0), "minute")),  # the stated time wins
    ("<meta property='article:published_time' content='2024-03-05T00:00:00+08:00'>",
     "<article><div class='date'>2024/03/05 14:32</div></article>",
     (datetime(2024, 3, 5, 14, 32), "minute")),  # midnight: a placeholder for a date without its time
    ("<meta property='article:published_time' content='2024-03-05T00:00:00+08:00'>", "",
     (datetime(2024, 3, 5), "day")),
])
def test_the_time_a_page_shows_where_its_metadata_states_none(meta, shown, want):
    page = (f"<html><head><title>綠電不足</title>{meta}</head><body><h1>綠電不足</h1>{shown}"
            "<div><p>經濟部長今天在立法院表示，再生能源的占比明年可以達到百分之十五，並將持續推動電網的建設。</p>"
            "<p>立委則質疑進度落後，要求經濟部提出具體的時程，並說明離岸風電延宕的原因與因應的對策。</p></div>"
            "</body></html>")
    docs, _ = parse_html(page, source="t.html")
    assert (docs[0]["published"], docs[0]["published_precision"]) == want


def test_a_feature_pages_subheads_and_an_article_linked_twice():
    paragraph = "急診護理師小雯工作第六年，她說最累的不是體力，而是每天要面對病人和家屬的怒氣。"
    page = SIDEBAR_PAGE.replace("<p>請繼續往下閱讀...</p>",
                                f"<p>{paragraph}</p><h2>留不住人的夜班</h2><p>{paragraph}</p>"
                                "<p><strong>延伸閱讀：</strong><a href=\"/n/2\">颱風假怎麼放</a></p>")
    (docs, problems), _ = quietly(parse_html, page, source="f.html")
    assert "留不住人的夜班" not in docs[0]["text"] and docs[0]["text"].count(paragraph) == 2
    assert [r["content"] for r in problems if r["reason"].startswith("a subhead")] == ["留不住人的夜班"]
    assert [d["title"] for d in docs[1:]] == ["颱風假怎麼放"]
