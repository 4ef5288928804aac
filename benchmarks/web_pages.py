"""A synthetic page as a saved web page: what a crawler that keeps the HTML writes, for scale benchmarks.

    from web_pages import web_page
    html = web_page(text, index=0)     # text: a page of benchmarks/make_corpus.py

The article (headline, dateline, paragraphs, the quote) and its related list become the HTML of a
news site's article page, with what such a page carries besides: a header with some 70 category and
service links and eight more under each, a breaking-news ticker, a reporter's byline (on three pages
of four), share buttons, an advert inside the article and one under it, tags, a related-news block
(headline, link and time of each item), comments, a sidebar of the site's most-read and recommended
articles (the same on every page), a footer of some 40 links, and in the head the site's metadata
(Open Graph, JSON-LD), style sheets and some 40 KB of inline script and configuration. A page is
about 80 KB and 1,600 elements, the order of a news site's article page; the text the kit reads from
it is the text page's, and its reporter the byline's. The same text and index give the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import datetime

SITE = "新唐人亞太台"
HOST = "https://www.ntdtv.example.tw"
CATEGORIES = ("首頁 即時 政治 社會 國際 兩岸 財經 科技 生活 健康 娛樂 體育 文化 教育 評論 專題 影音 直播 地方 環境 "
              "法律 醫療 旅遊 美食 汽車 房產 職場 宗教 藝文 讀書 人物 氣象 交通 軍事 外交 選舉 民調 數據 圖解 "
              "Podcast 電子報 訂閱 會員 登入 註冊 客服 廣告刊登 徵才 關於我們 隱私權政策 服務條款 著作權聲明 "
              "新聞自律 更正啟事 投稿 爆料 APP下載 RSS 網站地圖 English 日本語 한국어 熱門新聞 最新新聞 "
              "編輯推薦 深度報導 調查報導").split()
MOST_READ = ("颱風外圍環流影響 北部山區慎防豪雨", "油價下週估漲 汽油每公升恐漲0.3元",
             "國道連假疏運措施出爐 高乘載管制時段一次看", "央行理監事會前夕 學者看升息機率",
             "北市公車路線調整 明起上路", "離島航班受濃霧影響 部分班次取消",
             "健保署：新制門診部分負擔下月實施", "大學指考放榜 各校錄取分數出爐",
             "夏季用電創新高 台電籲節約", "交通部公布新制 酒駕累犯加重處罰")
FOOTER = ("關於我們 聯絡我們 隱私權政策 服務條款 著作權聲明 廣告刊登 徵才 新聞自律 更正啟事 網站地圖 RSS "
          "APP下載 電子報 客服中心 常見問題 投稿 爆料 授權 合作 夥伴 基金會 年報 永續 員工 公益 活動 "
          "節目表 頻道 直播 影音 Podcast 讀者服務 訂閱 退訂 會員條款 兒少保護 申訴 檢舉 無障礙").split()
#: Reporters credited in a byline on three pages of four (the fourth credits no one, as wire copy does).
REPORTERS = ("陳怡君", "林志明", "黃淑芬", "張家豪", "李佩珊", "王建民", "吳雅婷", "劉冠廷")
TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(.*)$")
DATELINE = re.compile(r"【[^】]* (\d{4}) 年 (\d{2}) 月 (\d{2}) 日訊】")


def _path(headline: str) -> str:
    """An article's address on the site, from its headline: a related item links where its article is."""
    return f"/news/{int(hashlib.blake2b(headline.encode(), digest_size=6).hexdigest(), 16)}"


def _script(index: int) -> str:
    """Inline script and configuration: the analytics, advert and app settings a news page carries (~40 KB)."""
    slots = ",".join(f'{{"id":"ad-{index % 97}-{k}","sizes":[[300,250],[336,280]],"targeting":{{"pos":"{k}",'
                     f'"section":"news","kw":["n{k * 7 % 101}","c{k * 13 % 59}"]}}}}' for k in range(160))
    experiments = ";".join(f"window.__exp{k}=window.__exp{k}||{{variant:{(index + k) % 3},w:{k / 7:.4f}}}"
                           for k in range(220))
    return (f"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}"
            f"gtag('js',new Date());gtag('config','G-{index % 9973:04d}');</script>\n"
            f'<script type="application/json" id="ad-config">{{"slots":[{slots}]}}</script>\n'
            f"<script>{experiments};</script>\n")


def _style() -> str:
    rules = "".join(f".c{k}{{margin:{k % 9}px {k % 5}px;color:#{k * 2654435761 % 16777216:06x};"
                    f"font-size:{12 + k % 8}px}}" for k in range(260))
    return f"<style>{rules}</style>\n"


def _parse(text: str) -> tuple[str, str, list[str], list[tuple[str, str, str]]]:
    """A make_corpus page: its headline, its date (ISO 8601), its paragraphs and its related items
    (headline, timestamp, summary)."""
    lines = text.split("\n")
    headline = lines[0]
    end = lines.index("相關新聞")
    paragraphs = lines[1:end]
    m = DATELINE.search(paragraphs[0])
    date = f"{m[1]}-{m[2]}-{m[3]}" if m else ""
    items = []
    rest = lines[end + 1:]
    for k in range(0, len(rest) - 2, 3):
        stamp = TIMESTAMP.match(rest[k + 2])
        if rest[k] == "-" and stamp:
            items.append((rest[k + 1], stamp[1], stamp[2]))
    return headline, date, paragraphs, items


def web_page(text: str, *, index: int) -> str:
    """The saved web page of a make_corpus page (see the module's documentation).

    Examples
    --------
    >>> page = "\\n".join(["台美對話", "【新唐人亞太台 2020 年 09 月 17 日訊】雙方今天會談。", "相關新聞", "-",
    ...                      "前次會談", "2020-09-16 08:00:00雙方會談。"])
    >>> html_ = web_page(page, index=0)
    >>> "<h1 class=\\"article-title\\">台美對話</h1>" in html_, "前次會談</a>" in html_
    (True, True)
    """
    e = html.escape
    headline, date, paragraphs, items = _parse(text)
    hour = f"{8 + index % 12:02d}:{index * 7 % 60:02d}"
    published = f"{date}T{hour}:00+08:00" if date else ""
    url = HOST + _path(headline)
    body = [f'<p class="c{k % 260}">{e(p)}</p>' for k, p in enumerate(paragraphs)]
    body.insert(min(2, len(body)), '<div class="ad-box" id="ad-inread"><span class="ad-label">廣告</span>'
                                   '<a href="https://ads.example.com/click?id=7">夏季旅遊限時優惠，機加酒自由行下殺五折起</a></div>')
    related = "\n".join(f'<li><a href="{_path(h)}">{e(h)}</a><time datetime="{s[:10]}T{s[11:16]}+08:00">'
                        f'{s[:10].replace("-", "/")} {s[11:16]}</time></li>' for h, s, _ in items)
    nav = "".join(f'<li class="c{k}"><a href="/{k}">{e(c)}</a><ul class="sub">'
                  + "".join(f'<li><a href="/{k}/{j}">{e(c)}{j + 1}</a></li>' for j in range(8)) + "</ul></li>"
                  for k, c in enumerate(CATEGORIES))
    ticker = "".join(f'<li><a href="{_path(t)}">{e(t)}</a></li>' for t in MOST_READ[:5])
    most_read = "".join(f'<li><span class="rank">{k + 1}</span><a href="{_path(t)}">{e(t)}</a></li>'
                        for k, t in enumerate(MOST_READ))
    footer = "".join(f'<li><a href="/about/{k}">{e(f)}</a></li>' for k, f in enumerate(FOOTER))
    comments = "".join(f'<div class="comment"><span class="user">讀者{(index + k) % 1000}</span>'
                       f'<p>謝謝報導，希望後續持續追蹤。({k})</p><a href="#" class="like">讚 {k * 3}</a></div>'
                       for k in range(6))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
                     "datePublished": published, "author": {"@type": "Organization", "name": SITE},
                     "publisher": {"@type": "Organization", "name": SITE}, "mainEntityOfPage": url},
                    ensure_ascii=False).replace("</", "<\\/")  # no "</script>" inside the script
    byline = (f'<span class="reporter">記者{REPORTERS[index % len(REPORTERS)]}／台北報導</span>'
              if index % 4 != 3 else "")
    shown = datetime.fromisoformat(published[:19]).strftime("%Y/%m/%d %H:%M") if published else ""
    return f"""<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<title>{e(headline)} | {SITE}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="政治">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/css/main.css">
<script type="application/ld+json">{ld}</script>
{_style()}{_script(index)}</head>
<body class="article-page">
<header class="site-header"><div class="logo"><a href="/"><img src="/static/logo.png" alt="{SITE}"></a></div>
<nav class="main-nav"><ul>{nav}</ul></nav>
<div class="login-bar"><a href="/login">會員登入</a> | <a href="/register">免費註冊</a></div></header>
<div class="ticker"><span>快訊</span><ul>{ticker}</ul></div>
<div class="breadcrumb"><a href="/">首頁</a> &gt; <a href="/politics">政治</a></div>
<main id="main">
<article class="article-container">
<h1 class="article-title">{e(headline)}</h1>
<div class="article-info">{byline}<time class="publish-time" datetime="{published}">{shown}</time></div>
<div class="share-tools"><a href="#" class="fb">分享至臉書</a><a href="#" class="line">分享至LINE</a>
<a href="#" class="copy">複製連結</a></div>
<div class="article-content" itemprop="articleBody">
{chr(10).join(body)}
</div>
<div class="article-tags">標籤：<a href="/tag/1">國際</a> <a href="/tag/2">政治</a></div>
<div class="article-footer-ad"><div class="ad-slot" data-ad="bottom">贊助內容：三分鐘看懂新制房貸利率</div></div>
</article>
<section class="related-news">
<h2 class="section-title">相關新聞</h2>
<ul class="related-list">
{related}
</ul>
</section>
<section class="comments" id="comments"><h3>網友留言</h3>{comments}
<form class="comment-form"><textarea placeholder="發表你的看法"></textarea><button>送出留言</button></form></section>
</main>
<aside class="sidebar"><div class="widget"><div class="widget-title">熱門新聞</div><ul>{most_read}</ul></div>
<div class="widget"><div class="widget-title">編輯推薦</div><ul>{most_read}</ul></div>
<div class="widget"><div class="widget-title">最新影音</div><ul>{most_read}</ul></div></aside>
<footer class="site-footer"><ul class="footer-links">{footer}</ul>
<p class="copyright">© {date[:4] or "2020"} {SITE} 版權所有，未經授權不得轉載</p></footer>
<script src="/static/js/main.js"></script>
</body>
</html>
"""
