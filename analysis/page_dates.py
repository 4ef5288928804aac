"""A page's lines that hold only a date: under a headline (自由時報, 聯合新聞網, ETtoday) or as a related item's time.

Any way a crawl writes a time is read (:func:`analysis.tabular_dates.parse_published`), after a
label such as ``發布時間：`` or ``更新：``; a line with words after its date is no date line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from .bylines import BRACKETED_OUTLET, OUTLET_PATTERN, OUTLETS, header_words, parse_byline
from .tabular_dates import ZONE_ABBREVIATIONS, Published, parse_published

# the words that label a date: 發布時間：, 更新時間:, 最後更新：, 出版：, 日期：, 時間：
_LABEL_WORDS = ("新聞時間", "新闻时间", "更新", "發布", "發佈", "发布", "出版", "刊登", "上稿", "日期", "時間",
                "时间", "發稿", "发稿", "刊出", "發表", "发表", "出刊", "見報", "见报", "修改", "Published", "Updated",
                "Posted", "Date")
_DATE_LABEL = re.compile(rf"^(?:(?:最後|最后)?(?:{'|'.join(_LABEL_WORDS)})(?:時間|时间|日期|於|于|\s+on)?\s*[:：]?\s*"
                         r"(?=\d|(?:中華)?民[國国]|[A-Z][a-z]{2}))", re.I)
# what may follow a date on its line without being more than a date: 更新, 發稿 (the time's label), a page and its
# section (A1, A02版 澳聞),
# an update time in brackets (（2024/03/06 10:02 更新）), the time since it was published (2025-10-05 15:45 · 3小時前)
_AFTER_DATE = re.compile(r"(?:\s*(?:更新|發稿|发稿|發布|发布|發表|发表|刊出|出刊)"
                         r"|\s+[A-Z]\d{1,2}版?(?:\s+[^\s\d]{2,4})?"
                         r"|\s*[（(][^（）()]{6,30}(?:更新|修改)[）)]"
                         # (a bar before the age is a space here)
                         r"|(?:\s*[·•]\s*|\s+|\s*[（(])\d{1,2}\s*(?:分鐘|分钟|小時|小时|天)前[）)]?"
                         # its reading time (2025年6月3日 週二 下午3:12·2 分鐘 (閱讀時間): Yahoo奇摩新聞)
                         # (each run of white space read one way only: a long one is refused in linear time)
                         r"|(?:\s*[·•|｜]\s*|\s+)(?:(?:閱讀時間|阅读时间|閱讀)\s*[:：]?\s*)?(?:(?:約|约)\s*)?\d{1,3}"
                         r"\s*(?:分鐘|分钟)(?:\s*(?:[（(]\s*)?(?:閱讀時間|阅读时间)\s*[）)]?|\s*(?:閱讀|阅读|閱畢|阅毕))?)$")
_DATE_SHAPE = re.compile(r"\d\s*(?:[-/.]|年)\s*\d")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# ... or with the month's English name (15 Aug 2024, Aug 15, 2024)
_ENGLISH_DATE_SHAPE = re.compile(r"\d\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}"
                                 r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}", re.I)
# an update time after the publication time on its line
_UPDATED = re.compile(r"(?:\s+|\s*[·•|｜]\s*)(?:最後|最后)?(?:更新|修改)(?:時間|时间)?\s*(?:[:：]|(?=\d))")
# an update time before the publication time on its line (更新於 2024年01月01日18:20 • 發布於 2024年01月01日17:55)
_UPDATE_FIRST = re.compile(r"^\s*(?:最後|最后|上次)?(?:更新|修改)\S*\s*\d[^\n]*?(?:\s+|\s*[·•|｜]\s*)"
                           r"(?=(?:發布|發佈|发布|出版|刊登|Published))", re.I)
# the time since it was published before the date (5天前 · 2024/11/05 12:30: 東森新聞)
_AGE_FIRST = re.compile(r"^\d{1,3}\s*(?:分鐘|分钟|小時|小时|天|週|周|個月|个月)前\s*[·•|｜]\s*"
                        r"(?=\d|發布|發佈|发布|更新|Published)")  # (4小時前 • 發布於 2025年01月20日 06:30)
# 2023.06.19 | 22:10: a bar between the date and the time
_SEPARATOR = re.compile(r"\s*[|｜]\s*")
# 中時新聞網 朱真楷 2023/06/19 17:33, 鏡週刊 2023.06.20 06:00, 發布 2023.06.19: a few words, then the date
_WORDS = re.compile(r"^(?P<words>[^\d\n。，,、；;：:！!？?「」『』（）()【】〔〕]{1,16}?)\s*(?=\d)")
# The longest header line read with words beside its date
_LONGEST_HEADER = 100
# ... or a writer's name alone after a dot (…發布於 2024年11月09日21:10 • 陳亭如)
_AFTER_DOT = re.compile(r"\s*[•·]\s*(?P<words>[^\W\d_]{2,4}(?:、[^\W\d_]{2,4})*)$")
# ... or a byline after a dot (…發布於 2024年08月09日14:55 • 記者許子瑜／台中報導)
_BYLINE_AFTER_DOT = re.compile(r"\s*[•·]\s*(?P<words>[^•·\d\n]{3,30})$")
# ... or By and a word the kit cannot tell for a name (by 林口): the date is kept, the word is no reporter
_BY_WORD = re.compile(r"[Bb]y\s+\S{1,8}$")
# ... or a byline and a label (新頭殼newtalk | 楊昀臻 台北報導 發布 2025.02.26 | 10:48), up to its date's first digit
_BYLINE_FIRST = re.compile(r"^(?P<words>[^\d\n。，,；;！!？?「」『』（）()]{4,40}?)\s*(?=\d)")
_LABEL_LAST = re.compile(r"\s*(?:發布|發佈|发布|發表|发表|刊登|出版|更新)(?:時間|时间|日期|於|于)?\s*[:：]?\s*$")
# the words a header line may hold before its date: an outlet the kit knows (and a reporter), or a label
_LABELS = (*_LABEL_WORDS, "最後更新", "最后更新")
# 2024-03-05 14:32 聯合報 記者林小華／台北即時報導: a date, then an outlet the kit knows or a reporter, and no sentence
_WORDS_AFTER = re.compile(rf"\s(?P<words>(?:{OUTLET_PATTERN}|(?:特約|特约)?[記记]者|特派[員员]|[^\W\d_]{{2,4}}\s*/"
                          r"|[Bb]y\s)"
                          r"[^\d\n。，,；;：:！!？?「」『』（）()【】〔〕]{0,30})$")


#: Sections an outlet writes beside a headline: after it on a saved page's title (標題 | 政治), left out of the
#: title as the outlet's name is, alone above it on a text page (運動), or before its date (國際 | 2024年10月26日).
SECTIONS = frozenset("""
政治 生活 國際 社會 財經 娛樂 體育 兩岸 地方 科技 健康 評論 要聞 即時 焦點 文化 教育 運動 全球 中國 論壇 產業 證券
旅遊 時尚 港聞 經濟 副刊 觀點 社評
""".split())


# The zones' abbreviations a date line may give, and a day's and a clock's shapes
_ZONES = "|".join(ZONE_ABBREVIATIONS)
_DAY, _CLOCK = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", r"\d{1,2}:\d{2}(?::\d{2})?"
# A time before its date, perhaps with a zone's abbreviation after (14:32 2024-03-05 HKT)
_TIME_FIRST = re.compile(rf"^(?P<time>{_CLOCK})\s+(?P<date>{_DAY})(?:\s+(?P<zone>{_ZONES}))?$")
_ZONE_AFTER = re.compile(rf"(?<=\d)\s+(?P<zone>{'|'.join(z for z in ZONE_ABBREVIATIONS if z not in ('UTC', 'GMT'))})$")
#: The United States' zones by the region's letters (2025.08.19 07:45 ET), whose offset changes with the season:
#: the time is kept as written, with the zone's name.
US_ZONES = {"ET": "America/New_York", "美東時間": "America/New_York", "CT": "America/Chicago",
            "MT": "America/Denver", "PT": "America/Los_Angeles", "美西時間": "America/Los_Angeles"}
_US_ZONE_AFTER = re.compile(rf"(?<=\d)\s*(?P<zone>{'|'.join(US_ZONES)})$")
# ... or between its date and its time (2024-10-15 HKT 14:32)
_ZONE_BETWEEN = re.compile(rf"^(?P<date>{_DAY})\s+(?P<zone>{_ZONES})\s+(?P<time>{_CLOCK})$")
# An outlet before a labelled date (東森新聞 發佈時間：2024/11/05 14:21)
# (and a portal's words for whose story it is: 中時新聞網 的故事 • 上次更新：…, as MSN prints it)
_OUTLET_FIRST = re.compile(rf"(?P<outlet>{OUTLET_PATTERN})\s*(?:的故事\s*[•·|｜]?\s*|\s)")
#: A time of day on a line of its own, under a date line that gives the day only (2024年7月5日 星期五 / 11:08).
TIME_ONLY = re.compile(r"(?:(?P<ap>上午|下午|早上|晚上|凌晨|中午)\s*)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
                       r"(?::(?P<s>[0-5]\d))?(?:\s*(?P<ap2>AM|PM|am|pm))?")


def date_line(line: str) -> Published | None:
    """The date of a line that holds nothing else (after a label such as ``發布時間：``), else None.

    Any way a crawl writes a time (:func:`analysis.tabular_dates.parse_published`): ``2020/09/18 05:30``,
    ``2020-09-18 07:12:23``, ``2020年9月18日 星期五``, ``民國109年9月18日``, ``109/09/18 下午3:05``.

    Parameters
    ----------
    line : str
        A stripped line.

    Returns
    -------
    Published or None
        The date, its precision and the offset it states; None when the line holds anything else
        (a bare number is no date line).

    Examples
    --------
    >>> date_line("2020/09/18 05:30")[:2], date_line("發布時間：2020年9月18日 星期五")[:2]
    ((datetime.datetime(2020, 9, 18, 5, 30), 'minute'), (datetime.datetime(2020, 9, 18, 0, 0), 'day'))
    >>> date_line("2020年9月18日總統府表示"), date_line("1600000000")
    (None, None)
    >>> date_line("更新於 2024年01月01日18:20 • 發布於 2024年01月01日17:55")[0]
    datetime.datetime(2024, 1, 1, 17, 55)
    >>> date_line("2024-01-25 14:32 · 更新時間：2024-01-25 15:00")[0]
    datetime.datetime(2024, 1, 25, 14, 32)
    >>> date_line("2024-10-15 HKT 14:32")[:3]
    (datetime.datetime(2024, 10, 15, 14, 32), 'minute', 'UTC+08:00')
    >>> date_line("2025年6月3日 週二 下午3:12·2 分鐘 (閱讀時間)")[0], date_line("2024/03/05 10:02｜閱讀時間 3 分鐘")[0]
    (datetime.datetime(2025, 6, 3, 15, 12), datetime.datetime(2024, 3, 5, 10, 2))
    >>> date_line("2025.08.19 07:45 ET")[:3], date_line("2025-10-05 15:45 · 3小時前")[0]
    ((datetime.datetime(2025, 8, 19, 7, 45), 'minute', 'America/New_York'), datetime.datetime(2025, 10, 5, 15, 45))
    """
    line = unicodedata.normalize("NFKC", line)
    if (first := _UPDATE_FIRST.match(line)) is not None:
        line = line[first.end():]  # the publication time, after an update's
    line = _AGE_FIRST.sub("", line, count=1)
    rest = _SEPARATOR.sub(" ", _DATE_LABEL.sub("", line, count=1))
    rest = _UPDATED.split(rest, maxsplit=1)[0]  # 2023-07-18 00:45 更新：2023-07-18 02:10: published, then updated
    shaped = _DATE_SHAPE.search(rest) is not None or (
        _LATIN_LETTER.search(rest) is not None and _ENGLISH_DATE_SHAPE.search(rest) is not None)
    rest = _AFTER_DATE.sub("", rest) if shaped else rest  # 2023/12/17 17:32 更新, 2024年3月5日 A1
    if (first := _TIME_FIRST.match(rest) or _ZONE_BETWEEN.match(rest)) is not None:  # 14:32 2024-03-05 HKT
        rest = f"{first['date']} {first['time']}" + (f" {ZONE_ABBREVIATIONS[first['zone']]}" if first["zone"] else "")
    elif (zone := _ZONE_AFTER.search(rest)) is not None:  # 2023.08.15 14:32 EDT
        rest = rest[:zone.start()] + " " + ZONE_ABBREVIATIONS[zone["zone"]]
    named = None
    if (zone := _US_ZONE_AFTER.search(rest)) is not None:  # 2025.08.19 07:45 ET
        rest, named = rest[:zone.start()], US_ZONES[zone["zone"]]
    if not shaped:
        return None
    found = parse_published(_day_first_or_month_first(rest))
    if found is None or found.value is None:
        return None
    return found._replace(time_zone=named) if named and found.precision in ("minute", "second") else found


# A date of numbers alone with the year last (22/03/2025 - 10:15: 法廣; 06/28/2025: 世界日報), read where the
# day is told from the month: by being over 12, by equalling it, or by the order the page's other dates show
_YEAR_LAST = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})"
                        r"(?:\s*(?:-\s*)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?")
# the order of the page being read: "day" (day, month, year), "month" (month, day, year) or None (not known)
_PAGE_ORDER: ContextVar[str | None] = ContextVar("year_last_order", default=None)


def year_last_order(lines: Iterable[str]) -> str | None:
    """How a page writes dates of numbers with the year last, told by those whose day is over 12.

    Returns
    -------
    str or None
        ``"day"`` (27/02/2025: day, month, year) or ``"month"`` (02/27/2025: month, day, year) when
        every such date of the page that tells one tells the same; None when none tells or they disagree.

    Examples
    --------
    >>> year_last_order(["27/02/2025 - 10:15", "02/03/2025 - 09:30"]), year_last_order(["02/27/2025"])
    ('day', 'month')
    >>> year_last_order(["02/03/2025"]), year_last_order(["27/02/2025", "02/27/2025"])
    (None, None)
    """
    told = set()
    for line in lines:
        if "/" not in line:
            continue
        for m in _YEAR_LAST.finditer(unicodedata.normalize("NFKC", line)):
            a, b = int(m["a"]), int(m["b"])
            if (a > 12) != (b > 12):
                told.add("day" if a > 12 else "month")
    return told.pop() if len(told) == 1 else None


@contextmanager
def reading_order(order: str | None) -> Iterator[None]:
    """Read ambiguous dates with the year last (02/03/2025) in ``order`` (:func:`year_last_order`) inside the block.

    Examples
    --------
    >>> with reading_order("day"):
    ...     date_line("02/03/2025 - 09:30")[0]
    datetime.datetime(2025, 3, 2, 9, 30)
    >>> date_line("02/03/2025 - 09:30") is None
    True
    """
    token = _PAGE_ORDER.set(order)
    try:
        yield
    finally:
        _PAGE_ORDER.reset(token)


def ambiguous_year_last(line: str) -> bool:
    """Whether ``line`` holds only a date of numbers with the year last whose day and month cannot be told apart
    in the page being read (02/03/2025 with no other date of the page to show the order: see :func:`reading_order`).

    Examples
    --------
    >>> ambiguous_year_last("02/03/2025 - 09:30"), ambiguous_year_last("27/02/2025"), ambiguous_year_last("03/03/2025")
    (True, False, False)
    """
    m = _YEAR_LAST.fullmatch(unicodedata.normalize("NFKC", line).strip())
    return m is not None and max(int(m["a"]), int(m["b"])) <= 12 and _day_and_month(m) is None


def _day_and_month(m: re.Match) -> tuple[int, int] | None:
    """The day and month of a date with the year last (:data:`_YEAR_LAST`'s match): told by a number over 12 or by
    the two being equal, else by the order of the page being read (:func:`reading_order`); None where none tells."""
    a, b = int(m["a"]), int(m["b"])
    if (a > 12) != (b > 12):
        return (a, b) if a > 12 else (b, a)
    if a == b:
        return a, b
    order = _PAGE_ORDER.get() if a <= 12 else None
    if order is None:
        return None
    return (a, b) if order == "day" else (b, a)


def _day_first_or_month_first(text: str) -> str:
    """A date of numbers with its year last written as year, month, day where the day is told from the month
    (22/03/2025, 06/28/2025, 03/03/2025, or 03/04/2025 in a page whose dates show their order); any other
    text as it is (03/04/2025 alone could be either: no date)."""
    m = _YEAR_LAST.fullmatch(text.strip())
    if m is None or (told := _day_and_month(m)) is None:
        return text
    day, month = told
    return f"{m['y']}-{month:02d}-{day:02d}" + (f" {m['time']}" if m["time"] else "")


#: A date with no year and its time, as some lists write their items' (01/07 22:15, 1月7日 22:15): month first, but
#: on a page whose dates with the year last are day first (:func:`reading_order`)
NO_YEAR = re.compile(r"(?P<a>\d{1,2})\s*(?:[/／]|月)\s*(?P<b>\d{1,2})(?:\s*日)?\s+(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d)")


def with_year(line: str, near: datetime) -> str | None:
    """A line holding a date with no year and its time (:data:`NO_YEAR`) written whole, in the year that puts it
    nearest ``near`` (the article's date); None for any other line or a date no year makes (02/30).

    Examples
    --------
    >>> near = datetime(2025, 1, 8, 9, 32)
    >>> with_year("01/07 22:15", near), with_year("12/30 11:08", near), with_year("1月7日 22:15", near)
    ('2025/01/07 22:15', '2024/12/30 11:08', '2025/01/07 22:15')
    >>> with_year("02/30 10:00", near), with_year("蘆洲 01/07 22:15", near)
    (None, None)
    """
    m = NO_YEAR.fullmatch(unicodedata.normalize("NFKC", line).strip())
    if m is None:
        return None
    month, day = int(m["a"]), int(m["b"])
    if _PAGE_ORDER.get() == "day" and "月" not in m[0]:
        month, day = day, month
    hour, minute = map(int, m["time"].split(":"))
    dates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            dates.append(datetime(year, month, day, hour, minute))
        except ValueError:  # no such day
            continue
    if not dates:
        return None
    best = min(dates, key=lambda when: abs(when - near))
    return f"{best:%Y/%m/%d %H:%M}"


# A field of a header's row that is neither its date nor its byline: a category, tags or a source (分類 電池 , 電動車)
_OTHER_FIELD = re.compile(r"(?:分類|分类|類別|类别|標籤|标签|Tags?|欄目|栏目|專欄|专栏|來源|来源|閱讀|阅读)"
                          r"\s*[:：]?\s*.{0,40}", re.I)


def _field_row(line: str) -> tuple[Published, str] | None:
    """The date and byline of a header's row of fields apart by bars (作者 黃千芮 | 發布日期 2025 年 03 月 28 日 7:45 |
    分類 電池, 2024-08-09 19:48 | 地方), or None: one field a date, the others a byline, a section or a labelled
    category, tags or source."""
    parts = [p.strip() for p in re.split(r"\s[|｜]\s|[｜]", line) if p.strip()]
    found = [date_line(p) for p in parts]
    dates = [d for d in found if d is not None]
    if len(parts) < 2 or len(dates) != 1:
        return None
    words = []
    for part, dated in zip(parts, found):
        if dated is not None or part in SECTIONS or _OTHER_FIELD.fullmatch(part):
            continue
        if (byline := parse_byline(part)) is None or byline["rest"]:
            return None
        words.append(part)
    return dates[0], " ".join(words)


def _is_byline(words: str) -> bool:
    """Whether a header's words are a byline and nothing else: 記者張大同／台北報導 (before its date)."""
    named = header_words(words)
    return bool(named["reporter"]) and not named["rest"]


def dated_header(line: str) -> tuple[Published, str] | None:
    """The date of a header line that holds a date, perhaps after a few words (an outlet the kit knows
    and a reporter, or a label such as 發布) or before them (an outlet or a reporter: 聯合新聞網's
    ``2024-03-05 14:32 聯合報 記者林小華／台北即時報導``), and those words; None when the line holds
    anything else.

    Parameters
    ----------
    line : str
        A stripped line.

    Returns
    -------
    tuple of (Published, str) or None
        The date (as :func:`date_line` reads it) and the words before it (``""`` when none).

    Examples
    --------
    >>> found, words = dated_header("中時新聞網 朱真楷 2023/06/19 17:33")
    >>> found.value, found.precision, words
    (datetime.datetime(2023, 6, 19, 17, 33), 'minute', '中時新聞網 朱真楷')
    >>> dated_header("發布 2023.06.19 | 22:10")[0].value, dated_header("總統大選 2024.1.13")
    (datetime.datetime(2023, 6, 19, 22, 10), None)
    >>> found, words = dated_header("2024-03-05 14:32 聯合報 記者林小華／台北即時報導")
    >>> found.value, words
    (datetime.datetime(2024, 3, 5, 14, 32), '聯合報 記者林小華/台北即時報導')
    >>> dated_header("2024-03-05 記者會上部長表示"), dated_header("2024-03-05 聯合報系今天宣布，將調整")
    (None, None)
    >>> dated_header("記者張大同／台北報導 2024/03/05 14:32")[1]
    '記者張大同/台北報導'
    >>> dated_header("新頭殼newtalk | 楊昀臻 台北報導 發布 2025.02.26 | 10:48")[1]
    '新頭殼newtalk | 楊昀臻 台北報導'
    >>> found, words = dated_header("東森新聞 發佈時間：2024/11/05 14:21 最後更新時間：2024/11/05 15:02")
    >>> found.value, words
    (datetime.datetime(2024, 11, 5, 14, 21), '東森新聞')
    """
    found = date_line(line)
    if found is not None:
        return found, ""
    if (dispatch := BRACKETED_OUTLET.match(line)) is not None and line[dispatch.end():].strip():
        inner = dated_header(line[dispatch.end():].strip())  # 【新頭殼newtalk】2024.03.05 14:32 陳佩君/新北報導
        return (inner[0], f"{dispatch[0]} {inner[1]}".strip()) if inner is not None else None
    line = unicodedata.normalize("NFKC", line)
    if (outlet := _OUTLET_FIRST.match(line)) is not None and (found := date_line(line[outlet.end():])) is not None:
        return found, outlet["outlet"]  # 東森新聞 發佈時間：2024/11/05 14:21 最後更新時間：…
    after = _WORDS_AFTER.search(line)
    if after is not None and (found := date_line(line[:after.start()])) is not None:
        words = after["words"].strip()
        named = header_words(words)
        if not named["rest"] and (named["outlet"] or named["reporter"] or parse_byline(words) is not None):
            return found, words  # (… 聯合報 記者林小華／台北即時報導, … 國際中心／綜合外電報導: a desk)
        if _BY_WORD.match(words):
            return found, ""  # (2024.10.26 10:30 by 林口: by whom the kit cannot tell)
    if len(line) > _LONGEST_HEADER:
        return None  # a paragraph, which may open with a date: no header is so long
    if (m := _BYLINE_AFTER_DOT.search(line)) is not None and (found := date_line(line[:m.start()])) is not None \
            and (byline := parse_byline(m["words"])) is not None and not byline["rest"]:
        return found, m["words"]  # (…發布於 2024年08月09日14:55 • 記者許子瑜／台中報導: LINE TODAY)
    if (m := _AFTER_DOT.search(line)) is not None and (found := date_line(line[:m.start()])) is not None:
        # (更新於…21:35•發布於…21:10•陳亭如: LINE TODAY's time, then its writer, as by 陳亭如; a place is no writer)
        named = m["words"] not in SECTIONS and parse_byline(words := f"by {m['words']}") is not None
        return found, words if named else ""
    if (m := _BYLINE_FIRST.match(line)) is not None and (found := date_line(line[m.end():])) is not None:
        # (新頭殼newtalk | 楊昀臻 台北報導 發布 2025.02.26 | 10:48)
        words = _LABEL_LAST.sub("", m["words"]).strip(" |｜")
        if words and parse_byline(words) is not None:
            return found, words
    if ("|" in line or "｜" in line) and (row := _field_row(line)) is not None:
        # 作者 黃千芮 | 發布日期 2025 年 03 月 28 日 7:45 | 分類 電池
        return row
    m = _WORDS.match(line)
    if m is None or not (m["words"].strip().startswith((*OUTLETS, *_LABELS)) or _is_byline(m["words"].strip())
                         or m["words"].strip(" |｜") in SECTIONS):  # (國際 | 2024年10月26日星期六 | 06:30)
        return None  # 總統大選 2024.1.13: a headline's words, not a header's
    found = date_line(line[m.end():])
    return (found, m["words"].strip()) if found is not None else None
