"""The page grammar's related list: its heading, its items, and wrapped lines.

Under a heading (``相關新聞`` and its variants, :func:`is_list_heading`) each related
item is a ``-`` line, a headline line and a line that starts with a timestamp followed at
once by the item's summary. Lists of other outlets are read too: a bullet before the headline on
its line (``►``, ``•``, ``- ``: :data:`BULLETS`), and headlines alone, one a line, with no
timestamp (a line joins the headline before it only when a timestamp line follows).
:class:`RelatedList` reads those lines into items for the page parser (:mod:`analysis.page`),
which it reports to through the :class:`Reader` interface: each line is placed in a field or
reported, with what was done about it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .datelines import TIMESTAMP, parse_timestamp
from .bylines import OUTLET_PATTERN, OUTLETS
from .decoding import LIST_HEADINGS, SITE_LIST_HEADINGS
from .page_dates import ambiguous_year_last, date_line
from .tabular_dates import Published
from .text import TAG_LABELS, site_line

#: Lines that open a related item.
ITEM_MARKERS = frozenset({"-", "－", "—", "–", "►", "▶", "▸", "●", "•", "■", "◆", "・"})
#: Marks that open an item on its headline's line (►柯拉克訪台行程曝光, ・美方宣布, - 外交部回應).
BULLETS = "-－—–►▶▸●•■◆・‧"
_BULLETED = re.compile(rf"^[{re.escape(BULLETS)}]\s*(?P<title>[^\s\d{re.escape(BULLETS)}].*)$")
# Bullets that mark links (not a list of points inside an article: ●, ■, ・).
_ARROWS = "►▶▸"
# A time alone under a headline (10:48), or how long ago (3 小時前): the item's, on a day the list does not say.
_TIME_ONLY = re.compile(r"^(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,3}\s*(?:秒|分鐘|分钟|小時|小时|天|日|週|周)前"
                        r"|剛剛|刚刚)$")
# A numbered item (1. 央行總裁：…, 2、…), not a number that opens a headline (3.5萬人…)
_NUMBERED = re.compile(r"^\d{1,2}\s*[.、．)）](?:\s+|(?=[^\s\d]))(?P<title>\S.*)$")
# An item's number on a line of its own, a marker as '-' is (1., 2、, 3)
_NUMBER_ALONE = re.compile(r"\d{1,2}\s*[.、．)）]?")


def _date_alone(line: str) -> bool:
    """Whether a line holds an item's date or time alone (2023年7月27日, 10:48, （2024年11月28日）), with no summary
    after it."""
    return _TIME_ONLY.match(line) is not None or _bracketed_date(line) is not None or ambiguous_year_last(line)


def _bracketed_date(line: str) -> Published | None:
    """The date of a line that holds one alone, perhaps in brackets (（2024年11月28日）: 明報)."""
    return date_line(line[1:-1] if line[:1] in "(（[［" and line[-1:] in ")）]］" else line)
#: Most lines a headline is wrapped over.
MAX_HEADLINE_LINES = 3

# An outlet's "more of our news" (更多壹蘋新聞, 看更多中時新聞, 更多匯流新聞網報導): a site's list, read like 更多新聞
# (not 更多日本旅遊報導: 報導 after an outlet only).
_MORE_NEWS = (rf"看?更多(?!相[關关])(?:[^\s:：】]{{1,12}}新[聞闻]|(?:{OUTLET_PATTERN})[報报][導导道])"
              r"|看更多[^\s:：】]{1,8}(?:報導|报导|文章)")  # (看更多農業報導: a link's words)
# An outlet's most read (東網熱門, 自由財經 熱門新聞): a site's list (not 北海道冬季最熱門).
# (東網熱門, 新頭殼要聞, 風傳媒熱門排行)
_OUTLET_HOT = (rf"(?:{OUTLET_PATTERN})\s?(?:熱門|热门|熱讀|热读|要聞|要闻)(?:新[聞闻]|排行榜?|文章)?"
               r"|(?:[^\s:：】]{1,10}\s){1,2}(?:熱門新聞|热门新闻|即時排行|熱門排行|排行榜|最新新聞|熱門|本日熱門|今日熱門|即時熱門"
               r"|熱門文章|熱門影音)")
# (PChome新聞 即時排行, udn 娛樂 本日熱門)
# More of the outlet a portal reprints, under its article (中時新聞網 的更多內容: MSN): its related news
_OUTLET_MORE = rf"(?:{OUTLET_PATTERN})\s?的更多(?:內容|内容|文章|報導|报导|新聞|新闻)"
_WORDS = "|".join([*dict.fromkeys(LIST_HEADINGS + SITE_LIST_HEADINGS), _MORE_NEWS, _OUTLET_HOT, _OUTLET_MORE])
# 相關新聞, 相關新聞：, 【延伸閱讀】, 【相關文章：】, 推荐阅读:, 延伸閱讀 > (a link's arrow)
# (and words in English after it: 相關新聞 Related News)
_HEADING = re.compile(rf"^(?:【\s*(?P<a>{_WORDS})\s*[:：]?\s*】|(?P<b>{_WORDS}))\s*[:：]?(?:\s*[>›»＞])?"
                      r"(?:\s+(?:Related|More|Recommended|Latest|Popular|Read)(?: [A-Z][a-z]+){0,2})?$")
_SPACES = re.compile(r"[ \t\u3000]+")
_SITE = frozenset(SITE_LIST_HEADINGS)
_RELATED = frozenset(LIST_HEADINGS)
# A headline with its date after it on its line, in brackets or after a space, the year written:
# 蛋價創新高(2024/03/01 10:48), 蛋價創新高 2024-03-01.
_DATED_HEADLINE = re.compile(r"^(?P<title>.*?\S)(?:\s*[(（\[［〔](?P<when>[^()（）\[\]［］〔〕]{6,32})[)）\]］〕]|"
                             r"(?:\s+|\s*[｜|]\s*)(?P<bare>(?:\d{4}|1[01]\d)[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
                             r"|\d{1,2} [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}))$")  # (15 Aug 2024)
# An item's date in brackets before its headline ([2024-10-15] 勒索軟體鎖定VPN設備漏洞), and an item's source and
# age under its headline (民視新聞網 · 8小時前)
_BRACKETED_FIRST = re.compile(r"^[\[【(（［〔]\s*(?P<when>[^\]】)）］〕]{8,20}?)\s*[\]】)）］〕]\s*(?P<title>\S.*)$")
_SOURCE_AGO = re.compile(r"[^\s·・•|｜]{2,16}\s*[·・•|｜]\s*\d+\s*(?:分鐘|小時|天|週|个月|個月)前")
# ... or its source and date (鉅亨網 · 2024/10/21)
# (or a bar after an outlet the kit knows: 台視新聞｜2025/03/18; 高鐵加開班次｜2024/10/16 is a headline and its date)
_SOURCE_DATED = re.compile(rf"(?:[^\s·・•|｜\d]{{2,16}}\s*[·・•]|(?:{OUTLET_PATTERN})\s*[|｜])"
                           r"\s*(?P<when>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.{0,12})")
# A related item's summary under its headline, not a headline: a sentence (…不會增加副作用。)
_SUMMARY = re.compile(r"。|[^\n]{25}[！？!?]」?$")
# What stands between a date and the headline after it (2024-10-28｜外交部長出訪…), and the longest such headline
_DATE_FIRST = re.compile(r"^\s*[｜|│:：\-–—－]?\s*")
_LONGEST_DATED_HEADLINE = 60
# Latin letters and digits, half- and full-width: a wrapped line between two of them lost a space.
_LATIN = re.compile(r"[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]")


def _dates_an_item(line: str) -> bool:
    """Whether a line under a related headline gives its time: a timestamp, a date or time alone, or its source
    with a date or an age (鉅亨網 · 2024/10/21, 民視新聞網 · 8小時前)."""
    return bool(TIMESTAMP.match(line) or _date_alone(line) or _SOURCE_AGO.fullmatch(line)
                or _SOURCE_DATED.fullmatch(line))


def is_list_heading(line: str) -> bool:
    """Whether a stripped line is the heading of a related list.

    The headings are the related lists' (:data:`analysis.decoding.LIST_HEADINGS`: 相關新聞, 延伸閱讀,
    相關文章, 推薦閱讀, 相關報導, 相關影音, 看更多… and their Simplified forms) and the site's own lists'
    (:data:`analysis.decoding.SITE_LIST_HEADINGS`: 熱門新聞, 更多新聞, 熱門推薦, 排行榜…, and an outlet's
    更多…新聞 such as 更多壹蘋新聞), alone on the line, optionally in 【】 and optionally followed by a full- or
    half-width colon.

    Parameters
    ----------
    line : str
        A stripped line.

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_list_heading(x) for x in ["相關新聞", "延伸閱讀：", "【推荐阅读】", "相關新聞:", "相關新聞報導"]]
    [True, True, True, True, False]
    >>> [is_list_heading(x) for x in ["相關新聞 Related News", "更多 NOWnews 今日新聞 報導", "相關 新聞 報導"]]
    [True, True, False]
    """
    return _heading_match(line) is not None


def _heading_match(line: str) -> re.Match | None:
    """The heading's match, also when spaces stand between its words (更多 NOWnews 今日新聞 報導)."""
    if len(line) > _LONGEST_HEADING:
        return None
    if (found := _HEADING.match(line)) is not None or " " not in line:
        return found
    joined = _SPACES.sub("", line)
    return _HEADING.match(joined) if len(joined) <= _LONGEST_JOINED_HEADING else None


def is_site_list_heading(line: str) -> bool:
    """Whether a stripped line heads one of a site's own lists (熱門新聞, 更多新聞, 熱門推薦:
    :data:`analysis.decoding.SITE_LIST_HEADINGS`; 更多壹蘋新聞), the same on every page, not an article's
    related news.

    Examples
    --------
    >>> [is_site_list_heading(x) for x in ["熱門新聞", "【更多新聞】", "熱門推薦：", "更多壹蘋新聞", "相關新聞",
    ...                                    "更多相關新聞", "熱門新聞排行"]]
    [True, True, True, True, False, False, False]
    """
    return _heading_word(line) in _SITE


def _heading_word(line: str) -> str | None:
    """A list heading's word, without its brackets and colon (更多…新聞 as 更多新聞); None for any other line."""
    found = _heading_match(line)
    if found is None:
        return None
    word = found["a"] or found["b"]
    if word in _SITE or word in _RELATED:
        return word
    if re.fullmatch(_MORE_NEWS, word):
        return "更多新聞" if "闻" not in word else "更多新闻"
    if re.fullmatch(_OUTLET_MORE, word):
        return "更多相關報導"
    return "熱門新聞"  # 東網熱門: the outlet's most read


# The site's links in its footer, a row of which is the footer (關於我們　隱私權政策　著作權聲明　客服信箱)
_FOOTER_LINKS = ("關於我們|关于我们|隱私權政策|隐私权政策|隱私政策|隐私政策|著作權聲明|著作权声明|服務條款|服务条款"
                 "|使用條款|客服信箱|客服中心|聯絡我們|联系我们|廣告刊登|廣告合作|徵才|人才招募|網站地圖|新聞自律|會員條款|常見問題|意見回饋")
# A call to subscribe to or support the outlet itself (訂閱今周刊, 支持報導者)
_OUTLET_CALL = rf"【?(?:我要)?(?:訂閱|订阅|支持|贊助|赞助)\s*(?:{OUTLET_PATTERN})】?"
# A page's footer or share bar (版權所有, 本文出自, 分享到Facebook, 訂閱電子報), a more link (更多港聞) or its tags
# after a list (and the site's own lines an article's text may hold: text.site_line; not a caption or a
# promotion, which a related headline may look like)
_FOOTER_WORDS = re.compile(r"版權所有(?!人)|版权所有(?!人)|All [Rr]ights [Rr]eserved|Copyright\s*©|©\s*\d{4}"
                           # (《報導者》由「財團法人報導者文化基金會」成立)
                           r"|財團法人[^\n]{0,20}基金會[^\n]{0,8}(?:成立|營運|經營|出版|發行)")
# ... and those that open its line (matched there, not searched for at every letter)
_FOOTER_START = re.compile(r"©\s*[A-Z]"
                           r"|(?:分享到|分享至)\s*(?:Facebook|FB|LINE|Line|Twitter|X|臉書|微博|微信|Plurk)|分享給朋友|分享给朋友"
                           rf"|(?:(?:{_FOOTER_LINKS})(?:[ \t\u3000|｜・/]+|$))+$"  # (關於我們　隱私權政策　客服信箱)
                           r"|(?:Download\b|下載|下载)[^\n]{0,30}(?:App|APP)$"
                           rf"|{_OUTLET_CALL}"
                           r"|(?:訂閱電子報|订阅电子报|加入LINE好友|回頂端|回到頂端|回到頂部|回頂部|更多|看更多|更多\w{2})$"
                           r"|(?:熱門|热门|最新|排行|人氣|人气)$"  # a site's list under a word alone, after the related
                           r"|本報地址|本报地址|社址[:：]"
                           # the readers' comments under the article (留言 (12), 3 則留言, 登入以留言, Comments)
                           r"|(?:網友|读者|讀者)?(?:留言|評論|评论)(?:區|区|板)?\s*[（(]?\s*\d*\s*[)）]?$"
                           r"|\d+\s*則(?:留言|評論)$|(?:登入|登录)以?(?:發表)?(?:留言|評論)|發表(?:留言|評論)|我要留言"
                           r"|(?i:comments?)\s*(?:\(\d+\))?$"
                           rf"|{TAG_LABELS}\s*[:：﹕]\s*(?:[^\s，,、：:。\d]{{1,6}}(?:[\s，,、]+|$))*$")
_FOOTER_STARTS = ("本文出自", "本文轉載自", "本文转载自")


def is_outlet_call(line: str) -> bool:
    """Whether a stripped line is the site's call to subscribe to or support the outlet itself (訂閱今周刊 掌握財經
    脈動, 支持報導者): an article's text leaves it out, and a related list ends at it.

    Examples
    --------
    >>> [is_outlet_call(x) for x in ["訂閱今周刊 掌握財經脈動", "支持報導者", "支持者怎麼看？", "訂閱制成主流"]]
    [True, True, False, False]
    """
    return len(line) <= 30 and _OUTLET_CALL_LINE.fullmatch(line) is not None


_OUTLET_CALL_LINE = re.compile(rf"{_OUTLET_CALL}(?:[ \t\u3000]+[^\s，。、？！]{{2,10}})?")
# The longest heading a list may have (【看更多相關新聞】：, 更多CNEWS匯流新聞網報導)
_LONGEST_HEADING = 24
# ... and written with spaces between its words (更多 NOWnews 今日新聞 報導), not a headline's
_LONGEST_JOINED_HEADING = 18


#: The readers' words under a page (網友回應, 讀者留言), and the comments' headings and counters (我要留言, 留言 (12)).
READERS_WORDS = r"(?:網友|网友|讀者|读者)(?:回應|回应|留言|評論|评论)"
_COMMENTS = re.compile(rf"{READERS_WORDS}|留言區|留言区|發表留言|看留言|我要留言"
                       r"|留言\s*[（(]?\d*[）)]?")


def is_footer(line: str) -> bool:
    """Whether a stripped line is the page's footer or share bar, not a related item.

    Examples
    --------
    >>> [is_footer(x) for x in ["中天新聞網 版權所有", "分享到Facebook 分享到LINE", "本文出自《商業周刊》", "美方宣布"]]
    [True, True, True, False]
    >>> [is_footer(x) for x in ["歌曲著作權所有人求償有理", "分享到社群惹禍 網紅遭起訴", "美Copyright Office裁定"]]
    [False, False, False]
    >>> [is_footer(x) for x in ["責任編輯：陳昱安", "Tags:", "更多港聞", "回到最頂"]]
    [True, True, True, True]
    >>> [is_footer(x) for x in ["更多網友分享美食地圖", "編輯部遭搜索"]]
    [False, False]
    """
    return bool(line.startswith(_FOOTER_STARTS) or _FOOTER_START.match(line) or _FOOTER_WORDS.search(line)
                or site_line(line) or _COMMENTS.fullmatch(line))


# A recommender's picks (你可能也喜歡): related news when a page's first list, the site's after its related list
_RECOMMENDED = frozenset({"你可能也想看", "你可能會喜歡", "你可能也喜歡", "你可能有興趣", "猜你喜歡",
                          "你可能会喜欢", "你可能也喜欢", "你可能有兴趣", "猜你喜欢"})


def is_recommended(line: str) -> bool:
    """Whether a stripped line heads a recommender's picks (你可能也喜歡, 猜你喜歡), which a text page reads as its
    related news when they are its first list, and as the site's own list after a related list.

    Examples
    --------
    >>> [is_recommended(x) for x in ["你可能也喜歡", "【猜你喜歡】", "相關新聞"]]
    [True, True, False]
    """
    return _heading_word(line) in _RECOMMENDED


def may_be_related(line: str) -> bool:
    """Whether a text page reads the list under this heading as its related news when it is the page's
    first list: every related heading, and the site's 熱門新聞 and 更多新聞 (更多壹蘋新聞), which a scraper
    that kept one list may have written it under. The other site lists (熱門推薦, 排行榜) are left out.

    Examples
    --------
    >>> [may_be_related(x) for x in ["相關新聞", "熱門新聞", "更多壹蘋新聞", "熱門推薦", "【人氣排行】"]]
    [True, True, True, False, False]
    """
    return _heading_word(line) in _RELATED


def join_wrapped(first: str, second: str) -> str:
    """Join a line and its continuation: with a space between Latin letters or digits, else with nothing.

    Parameters
    ----------
    first, second : str
        Stripped lines.

    Returns
    -------
    str

    Examples
    --------
    >>> join_wrapped("立法院三讀通過", "國防預算"), join_wrapped("Keep Taiwan", "Free 送暖")
    ('立法院三讀通過國防預算', 'Keep Taiwan Free 送暖')
    >>> join_wrapped("美駐UN", "大使"), join_wrapped("COVID-", "19")
    ('美駐UN大使', 'COVID-19')
    """
    if first and second and _LATIN.match(first[-1]) and _LATIN.match(second[0]):
        return f"{first} {second}"
    return first + second


def looks_like_items(lines: Sequence[str]) -> list[int]:
    """Where lines look like related items: a ``-`` line, one to three lines, then a timestamp line.

    Parameters
    ----------
    lines : sequence of str
        Stripped, non-blank lines (e.g. an article's body).

    Returns
    -------
    list of int
        The positions of the ``-`` lines that open such a run.

    Examples
    --------
    >>> looks_like_items(["本文。", "-", "標題", "2021-01-15 12:56摘要", "-", "只有標題"])
    [1]
    """
    found = []
    for k, line in enumerate(lines):
        if line not in ITEM_MARKERS:
            continue
        for j in range(k + 2, min(k + 2 + MAX_HEADLINE_LINES, len(lines))):
            if lines[j] in ITEM_MARKERS:
                break
            if TIMESTAMP.match(lines[j]):
                found.append(k)
                break
    return found


def trailing_items(lines: Sequence[str]) -> int:
    """How many lines at the end of a body look like a list under a heading the kit does not know: two
    items or more, each a headline over a line holding its date alone, or a headline after an arrow (►).

    Parameters
    ----------
    lines : sequence of str
        Stripped, non-blank lines (an article's body).

    Returns
    -------
    int
        The number of such lines, 0 when there are fewer than two items.

    Examples
    --------
    >>> trailing_items(["本文。", "看更多TVBS", "甲", "2024/02/28 10:15", "乙", "2024/02/20 18:40"])
    4
    >>> trailing_items(["本文。", "►甲", "►乙"]), trailing_items(["本文。", "甲", "2024/02/28"])
    (2, 0)
    >>> trailing_items(["●第一點", "●第二點"])  # points of the article
    0
    """
    j = len(lines)
    items = 0
    while j:
        if (j >= 2 and _date_alone(lines[j - 1]) and not _date_alone(lines[j - 2])
                and not lines[j - 2].endswith(("。", "！", "？", "」")) and lines[j - 2] not in ITEM_MARKERS):
            j -= 2
        elif lines[j - 1][:1] in _ARROWS and _BULLETED.match(lines[j - 1]):
            j -= 1
        else:
            break
        items += 1
    return len(lines) - j if items >= 2 else 0


class Reader(Protocol):
    """What :class:`RelatedList` needs of the page parser."""

    lines: list[str]

    def problem(self, reason: str, lineno: int | None, *, action: str) -> None: ...

    def unplace(self, i: int, reason: str) -> None: ...

    def place(self, *indices: int) -> None: ...

    def add(self, kind: str, **fields) -> None: ...


class RelatedList:
    """Read a related list's non-blank lines into items, reporting each damaged line to the parser.

    A ``-`` line opens an item; the lines after it up to the timestamp line are its headline
    (a wrapped headline is joined, :func:`join_wrapped`); the timestamp line gives the date and
    the summary; lines after that, up to the next item, continue the summary. An item whose
    ``-`` line is missing starts at a line followed by a timestamp line.

    Parameters
    ----------
    reader : Reader
        The page parser: its lines, and where to report problems and items.
    idx : list of int
        The indices of the list's non-blank lines, after its heading.

    Examples
    --------
    >>> from analysis.page import parse_page
    >>> docs, problems = parse_page("標題\\n【大紀元2021年01月15日訊】本文。\\n延伸閱讀\\n-\\n甲\\n"
    ...                             "2021-01-15 12:56甲文。", source="p.txt")
    >>> [(d["title"], d["published_precision"]) for d in docs[1:]]
    [('甲', 'minute')]
    """

    def __init__(self, reader: Reader, idx: list[int]):
        self.reader = reader
        self.idx = idx
        self.item: dict | None = None
        self.marker: int | None = None  # a '-' line not yet attached to an item
        self.marked = False  # whether an item opened with a '-' line of its own
        self.undated: list[int] = []  # the lines of items with no timestamp and summary line
        self.dated = False  # whether an item had one
        self.ahead: tuple | None = None  # a date alone over the next item's headline: its value, precision and line

    def read(self) -> None:
        """Read every line, then the last item; report the items with no timestamp and summary line, once
        for a list of headlines alone (an outlet that writes no dates: one row, not one an item)."""
        for k, i in enumerate(self.idx):
            self.line(k, i)
            if self.marker is not None and self.item is not None:
                self.reader.place(self.marker)
                self.marker = None
        if self.marker is not None:
            self.reader.unplace(self.marker, "item marker with no item")
        self.flush()
        if len(self.undated) > 1 and not self.dated:
            self.reader.problem(f"related list of headlines alone: {len(self.undated)} items with no timestamp and "
                                "summary line", self.undated[0], action="left empty")
        else:
            for line in self.undated:
                self.reader.problem("related item has no timestamp and summary line", line, action="left empty")

    def line(self, k: int, i: int) -> None:
        text = self.reader.lines[i]
        if text in ITEM_MARKERS or _NUMBER_ALONE.fullmatch(text):
            self.marked = True
            if self.marker is not None:
                self.reader.unplace(self.marker, "item marker with no item")
            self.flush()
            self.marker = i
        elif is_list_heading(text):  # a second list begins: the item before it ends
            self.reader.unplace(i, "repeated list heading")
            self.flush()
        elif (dated := _BRACKETED_FIRST.match(text)) is not None and (found := date_line(dated["when"])) \
                and (self.item is None or self.item["summary_line"] is not None):  # [2024-10-15] 勒索軟體鎖定…
            self.start_dated(dated["title"], i, found.value, found.precision)
        elif (dated := _SOURCE_DATED.fullmatch(text)) is not None and self.item is not None \
                and self.item["summary_line"] is None and (found := date_line(dated["when"])):
            self.sourced(i, found)  # 鉅亨網 · 2024/10/21 under its headline
        elif text in OUTLETS and self.item is not None and self.item["summary_line"] is None and not self.item["text"]:
            self.sourced(i)  # 元氣網 under its headline: its source alone, no date
        elif _SOURCE_AGO.fullmatch(text) and self.item is not None and self.item["summary_line"] is None:
            self.sourced(i)  # 民視新聞網 · 8小時前 under its headline: its source and age, no date
        elif TIMESTAMP.match(text):
            self.summary(i)
        elif self.item is not None and self.item["summary_line"] is None and self.item["text"]:
            if _SUMMARY.search(text):  # the undated summary goes on
                self.merge(i, "text", "related summary continues on another line")
            else:  # the next item's headline
                self.flush()
                self.start(text, i)
        elif self.item is not None and self.item["summary_line"] is None and _SUMMARY.search(text) \
                and not self.timestamp_ahead(k):
            self.item["text"] = text  # 感染科醫師建議，…不會增加副作用。 under its headline, no date
            self.reader.place(i)
        elif self.item is not None and self.item["summary_line"] is None and _date_alone(text):
            self.dated_only(i)
        elif (bullet := _BULLETED.match(text) or _NUMBERED.match(text)) is not None and not (
                self.marked and self.item is not None and self.item["summary_line"] is not None):
            # (in a list whose items open with a '-' line, a bullet after a summary is the summary's)
            if self.marker is not None:
                self.reader.unplace(self.marker, "item marker with no item")
                self.marker = None
            self.flush()
            stamp = parse_timestamp(bullet["title"]) if TIMESTAMP.match(bullet["title"]) else None
            rest = _DATE_FIRST.sub("", bullet["title"][stamp.match.end():]).strip() if stamp else ""
            if stamp is not None and rest and stamp.value is not None:  # 1. 2024/10/27 羽球世界巡迴賽…
                self.start_dated(rest, i, stamp.value, stamp.precision)
            else:
                self.start(bullet["title"], i)
        elif self.item is None:
            self.start(text, i)
        elif self.item["summary_line"] is None:
            if self.timestamp_ahead(k):
                self.merge(i, "title", "related headline continues on another line")
            else:  # headlines alone, one a line
                self.flush()
                self.start(text, i)
        elif self.next_is_timestamp(k):
            if self.marked:  # only a list whose items open with '-' lines misses one (others never write them)
                self.reader.problem("related item has no '-' line", i + 1, action="kept")
            self.flush()
            self.start(text, i)
        else:
            self.merge(i, "text", "related summary continues on another line")

    def timestamp_ahead(self, k: int) -> bool:
        """Whether a timestamp line follows line ``k`` before the next item opens (within a headline's lines)."""
        for j in self.idx[k + 1:k + 1 + MAX_HEADLINE_LINES]:
            line = self.reader.lines[j]
            if _dates_an_item(line):
                return True
            if line in ITEM_MARKERS or _BULLETED.match(line) or _NUMBERED.match(line) or is_list_heading(line):
                return False
        return False

    def next_is_timestamp(self, k: int) -> bool:
        if k + 1 >= len(self.idx):
            return False
        line = self.reader.lines[self.idx[k + 1]]
        return _dates_an_item(line) or line in OUTLETS

    def headline_next(self, i: int) -> bool:
        """Whether the line after line ``i`` of the list is a headline's: no date, marker, heading or sentence."""
        k = self.idx.index(i)
        if k + 1 >= len(self.idx):
            return False
        line = self.reader.lines[self.idx[k + 1]]
        return not (TIMESTAMP.match(line) or _date_alone(line) or line in ITEM_MARKERS or is_list_heading(line)
                    or _SUMMARY.search(line))

    def start(self, title: str, i: int) -> None:
        self.reader.place(i)
        self.item = {"title": title, "line": i + 1, "published": None, "published_precision": "", "text": "",
                     "summary_line": None}
        if self.ahead is not None:  # the date read over the headline
            (value, precision, line), self.ahead = self.ahead, None
            self.item.update(published=value, published_precision=precision, summary_line=line)

    def merge(self, i: int, key: str, reason: str) -> None:
        line = self.reader.lines[i]
        if key == "text" and not self.item["text"]:  # the summary begins under its timestamp
            self.item["text"] = line
            self.reader.place(i)
            return
        self.reader.problem(reason, i + 1, action="merged")
        self.item[key] = join_wrapped(self.item[key], line) if key == "title" else f"{self.item[key]}\n{line}"
        self.reader.place(i)

    def start_dated(self, title: str, i: int, value, precision: str) -> None:
        """Open an item whose date its line gives before its headline (2024-10-28｜外交部長出訪…)."""
        self.flush()
        self.start(title, i)
        self.item.update(published=value, published_precision=precision, summary_line=i)

    def sourced(self, i: int, found: Published | None = None) -> None:
        """Line ``i`` under the item's headline gives its source, and its date when ``found`` (else its age or
        nothing: no date)."""
        if found is not None:
            self.item.update(published=found.value, published_precision=found.precision)
        self.item["summary_line"] = i
        self.reader.place(i)

    def summary(self, i: int) -> None:
        line = self.reader.lines[i]
        stamp = parse_timestamp(line)
        rest = _DATE_FIRST.sub("", line[stamp.match.end():]).strip()
        if (self.item is None or self.item["summary_line"] is not None) and rest and not _SUMMARY.search(rest) \
                and len(rest) <= _LONGEST_DATED_HEADLINE:  # 2024-10-28｜外交部長出訪…: the date, then the headline
            self.start_dated(rest, i, stamp.value, stamp.precision)
            return
        if (self.item is None or self.item["summary_line"] is not None) and not rest and stamp.value is not None \
                and self.headline_next(i):  # 2024-11-12 on its line, the headline on the next
            self.flush()
            self.ahead = (stamp.value, stamp.precision, i)
            self.reader.place(i)
            return
        if self.item is None or self.item["summary_line"] is not None:
            self.flush()
            self.reader.problem("related summary has no headline", i + 1, action="left empty")
            self.start("", i)
        if stamp.value is None:
            self.reader.problem(f"malformed timestamp {stamp.match.group(0)!r}; published left empty", i + 1,
                                action="left empty")
        self.item.update(published=stamp.value, published_precision=stamp.precision,
                         text=line[stamp.match.end():].strip(), summary_line=i)
        self.reader.place(i)

    def dated_only(self, i: int) -> None:
        """A line under a headline holding its date alone (2023年7月27日), or a time alone (10:48)."""
        line = self.reader.lines[i]
        found = _bracketed_date(line)
        if found is None and ambiguous_year_last(line):
            self.reader.problem(f"related item's date {line.strip()} could be day, month, year or month, day, "
                                "year, and no other date of the page tells which; published left empty", i + 1,
                                action="left empty")
        elif found is None:
            self.reader.problem(f"related item has a time ({line}) and no date; published left empty", i + 1,
                                action="left empty")
        self.item.update(published=found.value if found else None, published_precision=found.precision if found else "",
                         summary_line=i)
        self.reader.place(i)

    def flush(self) -> None:
        item, self.item = self.item, None
        if item is None:
            return
        if item["published"] is None and (dated := _DATED_HEADLINE.match(item["title"])) is not None:
            if (found := date_line(dated["when"] or dated["bare"])) is not None:  # 蛋價創新高(2024/03/01 10:48)
                item.update(title=dated["title"], published=found.value, published_precision=found.precision,
                            summary_line=item["summary_line"] if item["summary_line"] is not None else -1)
        if item["summary_line"] is None:
            self.undated.append(item["line"])
        else:
            self.dated = True
        self.reader.add("related", title=item["title"], published=item["published"],
                        published_precision=item["published_precision"], text=item["text"], line=item["line"])
