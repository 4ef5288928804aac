"""The site's lines above a text page's headline: its masthead, menu, breadcrumb and the day's date.

A scraper that saves a page's visible text keeps what the site prints above every article: its name
(星島日報, 華視新聞網 with CTS News under it, The News Lens 關鍵評論網), its menu (即時, 政治, 訂閱電子報:
short lines of no sentence, or a row of them), a breadcrumb (首頁 > 財經) and the day's date. :func:`site_top`
counts those lines, where a headline and a header follow them, and gives the outlet a masthead names and the
date such a line gives; :mod:`analysis.page` leaves them out of the article, reported once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .bylines import OUTLET_PATTERN
from .datelines import parse_dateline
from .page_dates import SECTIONS, Published, date_line
from .text import site_line

#: A site's name above the headline (its masthead): an outlet the kit knows, perhaps with its site's ending and
#: a few words of a section or an issue (星島日報, 華視新聞網, 自由時報 自由財經, 天下雜誌 792期, ETtoday運動雲,
#: 新頭殼要聞).
MASTHEAD = re.compile(rf"(?:[A-Za-z][A-Za-z.]*\s+){{0,3}}(?P<outlet>{OUTLET_PATTERN})"  # (The News Lens 關鍵評論網)
                      r"(?:新聞網|新闻网|中文網|中文网|電子報|电子报|電子版|电子版|時報|时报|網|网|\.com|[\u4e00-\u9fff]{1,3}雲"
                      r"|要聞|要闻|熱門|热门|即時|即时|快訊|快讯|[A-Za-z][A-Za-z.&]{1,12})?"
                      r"(?:(?:\s+|\s*[|｜]\s*)(?:[A-Za-z][A-Za-z.&]*|第?\d{1,5}期|[^\s\d，。、：:；;！？!?「」()（）]{2,5})){0,3}")
#: A magazine's issue or a site's ending after its name (天下雜誌 794期, 商周.com)
ISSUE = re.compile(r"\d+\s*期|第\s*\d+\s*期|\.com|新聞網|中文網|電子報")
# The longest headline read under a date line with no header under it
_LONGEST_HEADLINE = 40
#: Most lines of a site's masthead, menu and breadcrumb read above a headline.
MAX_NAVIGATION = 40
# The fewest lines of a menu's words that are the site's whatever they are
_LONG_RUN = 5
_DIGIT = re.compile(r"\d")
# A site's name in Latin letters on a line of its own: a word of capitals (HKET, RTHK), or up to three words with
# a site's word (CTS News, CM Media, hkej.com, Podcast); not a headline's (iPhone 17, NVIDIA GTC 2025)
_LATIN_NAME = re.compile(r"[A-Z]{2,8}|(?=.*(?:News|NEWS|Media|MEDIA|Online|TV|Post|Times|Daily|Global|Network|Today"
                         r"|Podcast|\.com|\.tw|\.hk))[A-Za-z][A-Za-z0-9.&'!-]*(?: [A-Za-z0-9][A-Za-z0-9.&'!-]*){0,2}")
# An item of a site's menu (即時, 政治): a few letters of no sentence, not a headline's words
_WORD = r"[^\s，。、：:；;！？!?「」『』()（）]"
_MENU = re.compile(rf"{_WORD}{{1,4}}")
# A row of a menu's items apart (首頁 即時 政治, 新聞雲 | 政治 | 影劇, 登入 | 訂閱): each item of up to four letters,
# or up to eight in a row of five or more (TVBS看板, 今周刊雜誌, Yahoo論壇), or a word in Latin letters (Podcast, NBA)
_SEPARATOR = re.compile(r"[ \t\u3000]*[|｜・/][ \t\u3000]*|[ \t\u3000]+")
_ITEM = re.compile(rf"{_WORD}{{1,4}}|[A-Za-z0-9][A-Za-z0-9+.&'#-]{{0,11}}")
_LONG_ROW_ITEM = re.compile(rf"{_WORD}{{1,8}}")
#: A site's account links, a row of which is its menu's (訂閱　登入, 登入 | 註冊)
ACCOUNT = frozenset({"登入", "登出", "註冊", "訂閱", "會員", "搜尋", "搜索", "登录", "注册", "订阅", "会员", "贊助",
                     "贊助我們", "支持我們", "Login", "Subscribe", "Search", "EN", "English", "中文", "繁體",
                     "简体", "繁", "简"})
# An account link, the site's app or its newsletter (會員登入, 訂閱電子報, 自由電子報APP)
_ACCOUNT_ITEM = re.compile(r"[^\s，。、：:；;！？!?「」]{0,6}(?:登入|註冊|訂閱|会员|會員|電子報|APP|App)"
                           r"|(?:訂閱|订阅|登入|會員|会员)[^\s，。、：:；;！？!?「」]{1,6}"
                           r"|(?:Log|Sign) ?(?:in|up|In|Up)|Register")
# ... or of five to eight letters (訂閱電子報, 轉角24小時, 報導者開放實驗室), which a headline's first line may also
# be (凱米颱風來襲): the site's only with more of its lines after it
_LONG_ITEM = re.compile(rf"{_WORD}{{5,8}}")
# 首頁 > 財經 > 證券, 首頁›國際, ETtoday星光雲 > 影劇新聞, TVBS NEWS 首頁 > 健康: a breadcrumb; 首頁 / 財經 / 產業 and
# 社會 / 司法 (two items of a few letters, spaced) too (汽油/柴油 is a headline's)
_CRUMB = r"[^\s>›»＞/，。：:！？!?「」]"
_SECTION = r"[^\s>›»＞/|｜，。：:！？!?「」]"
_BREADCRUMB = re.compile(rf"(?:[A-Za-z][A-Za-z.]*\s+){{0,2}}{_CRUMB}{{1,12}}(?:\s*[>›»＞]\s*{_CRUMB}{{1,12}}){{1,5}}"
                         rf"|{_CRUMB}{{1,8}}(?:\s*/\s*{_CRUMB}{{1,8}}){{2,5}}|{_CRUMB}{{1,4}} / {_CRUMB}{{1,4}}"
                         rf"|{_SECTION}{{1,4}} ?[|｜] ?{_SECTION}{{1,6}}"  # (人物 | 鏡相人間)
                         rf"|(?:首頁|首页|Home|HOME)(?:[ \t\u3000]+{_SECTION}{{1,8}}){{1,3}}"  # (首頁 政治)
                         # a page's address as a search result prints it (www.cmmedia.com.tw › home › articles)
                         rf"|(?:https?://)?(?:[\w-]+\.)+[A-Za-z]{{2,}}(?:\s*[>›»＞]\s*{_CRUMB}{{1,16}}){{1,6}}")


def menu_row(line: str) -> bool:
    """Whether a line is a row of a site's menu items, apart by spaces or bars: three or more items of up to
    four letters or a word in Latin letters, five or more of up to six, or two or more of the site's account
    links (:data:`ACCOUNT`).

    Examples
    --------
    >>> rows = ["首頁 即時 政治", "新聞雲 | 政治 | 影劇 | 3C家電", "深度報導 專題 Podcast 影音",
    ...         "登入 | 訂閱電子報 | 自由電子報APP"]
    >>> [menu_row(x) for x in rows]
    [True, True, True, True]
    >>> [menu_row(x) for x in ["颱風 停班停課", "台積電 高雄廠 量產在即", "川普：台灣 偷走 晶片"]]
    [False, False, False]
    """
    items = [x for x in _SEPARATOR.split(line.strip(" \t\u3000|｜")) if x]
    if len(items) >= 2 and all(x in ACCOUNT or _ACCOUNT_ITEM.fullmatch(x) for x in items):
        return True
    if len(items) >= 3 and all(_ITEM.fullmatch(x) for x in items) and sum(len(x) >= 3 for x in items) < len(items):
        return True
    return len(items) >= 5 and all(_LONG_ROW_ITEM.fullmatch(x) or _ITEM.fullmatch(x) for x in items)


def is_header(line: str) -> bool:
    """Whether a line is a header's (a date line, a dateline or a byline), which no headline is.

    Examples
    --------
    >>> is_header("2024/03/05 14:32"), is_header("記者王明／台北報導"), is_header("颱風 停班停課")
    (True, True, False)
    """
    return date_line(line) is not None or parse_dateline(line) is not None


# ... and any words in Latin letters but digits, under its masthead (數位時代 / BusinessNext, 太報 / TaiSounds) or
# inside its run of lines
_LATIN_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff.&'!-]*"
                          r"(?: [A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff.&'!-]*){0,4}")
_ADDRESS = re.compile(r"https?://\S+")
# A first line that may be the site's name in any form: a few Chinese letters with a site's word (新聞, 電視, 報, 網,
# 台) and words in Latin letters, no sentence (有線新聞 i-CABLE News; not 蘋果發表 iPhone Air); the site's only inside a
# run of its lines (a menu under it)
_NAME_LINE = re.compile(r"(?=[\u4e00-\u9fff]{0,6}(?:新聞|新闻|電視|电视|日報|日报|時報|时报|周刊|週刊|報|网|網|台|臺))"
                        r"[\u4e00-\u9fff]{2,8}\s*[|｜]?\s*[A-Za-z][A-Za-z0-9.&' -]{1,30}")
_SKIP_LINK = re.compile(r"跳(?:到|至|過)[^\s，。]{1,8}|:::|(?i:skip to [a-z ]{2,20})"
                        # (a search box: 搜尋股票代號/名稱)
                        r"|(?:搜尋|搜索|请输入|請輸入)[^\s，。]{0,12}|(?i:search)")
# A language of a site's editions, in its own words (中文 / English / 日本語 / Tiếng Việt / ภาษาไทย: 央廣's switch)
_LANGUAGE = re.compile(r"中文|繁體中文|繁体中文|简体中文|簡體中文|繁體|简体|English|日本語|한국어|Tiếng Việt"
                       r"|Bahasa Indonesia|Bahasa Melayu|ภาษาไทย|Español|Français|Deutsch|Русский|Tagalog|Filipino"
                       r"|ភាសាខ្មែរ|မြန်မာ")
# A portal's name, in Latin letters then Chinese (PChome Online 網路家庭, Yahoo奇摩股市), on the page's first line
_LATIN_FIRST_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&'-]{1,15}(?: [A-Za-z][A-Za-z0-9.&'-]{1,15})?"
                               r"\s*[\u4e00-\u9fff]{2,6}")
# A site's address on a line of its own (theinitium.com, www.cna.com.tw), which no headline is
_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|tw|hk|cn|sg|mo)", re.I)


def _program_row(line: str) -> bool:
    """Whether a line is a row of three or more items of two to eight letters apart by wide spaces or bars, as a
    site's second menu row holds (its programmes, its columns); the site's only under its menu row, and a headline
    it might be is given back when the date follows it (:func:`site_top`)."""
    items = [x for x in _SEPARATOR.split(line.strip(" \t\u3000|｜")) if x]
    return len(items) >= 3 and ("\u3000" in line or "|" in line or "｜" in line) \
        and all(_LONG_ROW_ITEM.fullmatch(x) and len(x) >= 2 for x in items)


# The day's date in the site's top bar (今天是 113年10月6日 星期日): the site's, not the article's
_TODAY = re.compile(r"(?:今天是|今日是|今天|今日|Today(?: is)?)\s*[:：,]?\s*(?P<date>.*\d.*)", re.I)


def _navigation(line: str, above: str) -> int:
    """2 for a line that is the site's, 1 for one that is only inside a run of them (a long menu item, Latin
    words, two short items), 0 for any other."""
    if (MASTHEAD.fullmatch(line) or _BREADCRUMB.fullmatch(line) or _MENU.fullmatch(line) or menu_row(line)
            or _LATIN_NAME.fullmatch(line) or _DOMAIN.fullmatch(line)  # its name in Latin letters (CTS News), address
            or _ADDRESS.fullmatch(line)  # the page's address alone (https://www.worldjournal.com/wj/story/…)
            or _SKIP_LINK.fullmatch(line)  # a link past the menus (跳到主要內容, :::), a search box
            or _LANGUAGE.fullmatch(line)  # an edition's language
            or site_line(line)  # the site's own line (在 Google 新聞上追蹤聯合新聞網)
            or (_LATIN_WORDS.fullmatch(line) and MASTHEAD.fullmatch(above))
            or (menu_row(above) and _program_row(line))  # 新聞大白話　少康戰情室　TVBS看板人物 under the menu
            or (_DIGIT.search(line) and date_line(line) is not None)  # (2024年3月5日星期二)
            or ((today := _TODAY.fullmatch(line)) is not None and date_line(today["date"]) is not None)):
        return 2
    return 1 if _LONG_ITEM.fullmatch(line) or _LATIN_WORDS.fullmatch(line) or _pair(line) else 0


def _pair(line: str) -> bool:
    """Whether a line is two short items apart (TVBS 看板, 生活 健康): a menu's inside a run of its lines, or a
    short headline's (颱風 停班停課), which the header under it tells apart (:func:`site_top`)."""
    items = [x for x in _SEPARATOR.split(line.strip(" \t\u3000|｜")) if x]
    return len(items) == 2 and all(_ITEM.fullmatch(x) for x in items)  # (not 颱風夜騎車巡田水 農民遭大水沖走)


def _dated_above(lines: Sequence[str], count: int) -> bool:
    """Whether the site's lines end in the article's date and a headline with no header under it comes next, then
    the text (東網: its menu, 2024年09月01日 13:25, the headline, the first paragraph)."""
    return 0 < count < len(lines) - 1 and date_line(lines[count - 1]) is not None and not is_header(lines[count]) \
        and len(lines[count]) <= _LONGEST_HEADLINE and not lines[count].endswith(("。", "」")) \
        and len(lines[count + 1]) > _LONGEST_HEADLINE // 2 and lines[count + 1].endswith(("。", "」", "）"))


def site_top(lines: Sequence[str], *, header_follows: Callable[[int], bool]) -> tuple[int, str, Published | None]:
    """How many of a page's first lines (non-blank, stripped) are the site's: its masthead, its menu, a
    breadcrumb or the day's date; the outlet a masthead names and the date such a line gives. Only where a
    headline follows them and a header follows the headline (``header_follows(count)``: whether the lines from
    ``count`` on open with a headline and its header); else the lines are the page's (星島日報 alone above its
    date), and a line or two of a few words are a headline's as likely as a menu's.

    Examples
    --------
    >>> page = ["星島日報", "即時", "港聞", "港府財政預算案 赤字逾千億", "2024-02-28 10:00", "本文。"]
    >>> site_top(page, header_follows=lambda count: count == 3)
    (3, '星島日報', None)
    >>> site_top(["自由時報", "今天是 113年10月6日 星期日", *page[1:]], header_follows=lambda count: count == 4)
    (4, '自由時報', None)
    """
    count = strong = 0
    while count < min(MAX_NAVIGATION, len(lines) - 2) and (
            kind := _navigation(lines[count], lines[count - 1] if count else "")
            or (count == 0 and (_NAME_LINE.fullmatch(lines[0]) or _LATIN_FIRST_NAME.fullmatch(lines[0])))):
        # (有線新聞 i-CABLE News, PChome Online 網路家庭)
        count += 1
        strong = count if kind == 2 else strong
    # the run ends on a line that is the site's for certain (Apple Watch / 新功能曝光: a headline), unless it is a
    # long run of a menu's words (iThome / 新聞 / AI / Cloud / DevOps / 資安)
    count = strong or (count if count >= _LONG_RUN else 0)
    while count and (not header_follows(count) or is_header(lines[count])) and not _dated_above(lines, count):
        count -= 1  # a short headline (颱風 停班停課) is no menu: a headline, then a header, must follow
    if count and count + 2 < len(lines) and lines[count] in lines[:count] and header_follows(count + 1):
        count += 1  # the menu's item again over the headline: the article's section (AI與大數據 … AI與大數據)
    top = lines[:count]
    if count < 3 and not any(MASTHEAD.fullmatch(x) or _BREADCRUMB.fullmatch(x) or _DOMAIN.fullmatch(x) for x in top) \
            and not (top and all(x in SECTIONS for x in top)):  # (運動 alone above the headline)
        return 0, "", None
    return (count, next((m["outlet"] for x in top if (m := MASTHEAD.fullmatch(x))), ""),
            next((d for x in top if (d := date_line(x)) is not None), None))
