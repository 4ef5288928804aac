"""The page grammar: one page's text to its documents, and an account of every problem in it.

A page holds a main article (a headline, possibly wrapped over up to three lines; a
dateline such as ``【新唐人亞太台 2020 年 09 月 17 日訊】``, or a byline such as
``（中央社記者王明台北25日電）``, that opens the body, and a line holding only the date
(``2020/09/18 05:30``, ``發布時間：2020年9月18日 星期五``, ``中時新聞網 朱真楷 2023/06/19 17:33``:
:func:`analysis.page_dates.dated_header`), before or after it,
as 自由時報, 聯合新聞網 and ETtoday put it; body paragraphs) and a list of
related items under a ``相關新聞`` heading or one of its variants (:mod:`analysis.page_lists` finds the
lists, :mod:`analysis.related` reads the related one, :mod:`analysis.datelines` the dates and
:mod:`analysis.bylines` the bylines).

Every non-blank line of a page lands in a field of a document or is reported: each
:class:`~analysis.errors.CorpusWarning` the parser raises is also one row of the
*problems* that :func:`parse_page` returns beside the documents, saying what was done
(the line was unplaced or merged, a field left empty, the page skipped, or the lines
kept as written). A parse that loses a line is a bug that the parser checks for itself.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from .datelines import DATELINE, ROC_OFFSET, hour_of_day, parse_dateline
from .decoding import split_lines
from .errors import CorpusError, CorpusWarning, check_errors, problem_row
from .related import MAX_HEADLINE_LINES, is_list_heading, is_outlet_call, join_wrapped, looks_like_items, trailing_items
from .bylines import CREDIT_LINE, GENRES, LISTED_NAMES, OUTLET_PATTERN, OUTLETS, header_words, parse_byline
from .page_dates import SECTIONS, TIME_ONLY, Published, date_line, dated_header, reading_order, year_last_order
from .page_lists import FEWEST_TAGS, SENTENCE_ENDS, PageLists
from .pagetop import ISSUE, MASTHEAD, is_header, site_top
from .surnames import starts_with_surname
from .readercalls import LONGEST_AUTHOR_BOX, opens_author_box
from .text import CLOSING_CODE, TAG_LABELS, content_id, is_site_line, is_truncated, subheads
from .typedefs import Errors, PathLike


@dataclass
class _Page:
    documents: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)


_NO_DATELINE = {"date": None, "precision": "", "day_of_month": None, "time_zone": "", "outlet": "", "reporter": "",
                "reporter_place": "", "dateline": "", "rest": ""}


def _no_date(head: dict) -> str:
    """Why a dateline gave no date: an impossible one, only the day of the month (中央社), or a byline alone."""
    if head["day_of_month"] is not None:
        return f"dateline gives the day of the month only ({head['day_of_month']}日); published left empty"
    if DATELINE.match(head["dateline"]):
        return f"impossible date in dateline {head['dateline']!r}"
    return "dateline gives no date (a byline only); published left empty"


def _named(words: str, fields: dict) -> dict:
    """The outlet, reporter and place that a date line's words give (:func:`analysis.bylines.header_words`),
    where the dateline gave none: 中時新聞網 朱真楷 2023/06/19 17:33."""
    found = header_words(words)
    if found["rest"] and (byline := parse_byline(words)) is not None:
        found = byline  # (新頭殼newtalk | 楊昀臻 台北報導 發布 2025.02.26 | 10:48: a byline of no 記者)
    return {key: found[key] for key in ("outlet", "reporter", "reporter_place") if found[key] and not fields[key]}


def _names_someone(words: str) -> bool:
    """Whether a date line's words name an outlet or a reporter (not only a label such as 發布)."""
    found = header_words(words)
    return bool(found["outlet"] or found["reporter"])


# A standfirst's sentence under a headline (no headline's line holds a full stop)
_STANDFIRST = re.compile(r"。|[！？!?]」?$(?<=.{20})")
# A standfirst's label on a line of its own, the standfirst under it (關鍵評論網)
_STANDFIRST_LABEL = re.compile(r"(?:我們想讓你知道的是|我们想让你知道的是|我們為什麼挑選這篇文章[？?]?|重點摘要"
                               r"|文章摘要|本文摘要|重點一覽|本文重點|文章重點|三大重點|懶人包|重点摘要|本文重点)\s*[：:]?")
# The longest unmarked key point under such a label: one short sentence (the text's first paragraph is longer)
_LONGEST_KEY_POINT, _MOST_KEY_POINTS = 40, 3
# A line naming the source of a syndicated article (故事來源：鉅亨網)
_SOURCE_LABEL = re.compile(rf"(?:故事|新聞|新闻|文章|內容|内容)?(?:來源|来源|出處)\s*[:：]\s*"
                           rf"(?P<outlet>{OUTLET_PATTERN})")
# The brackets a byline opening a paragraph stands in (〔記者林沛璇／台北報導〕, 【大紀元…訊】, （中央社…電）)
_BRACKETS = ("〔", "【", "（", "(", "[")
# The most of the site's lines in an article's text (the last ones) looked through for its source (新聞來源：台視新聞)
_SOURCE_AT_END = 4
# A key point by its rank (重點一：台灣AI軟體新創上半年募資總額…)
_RANKED_POINT = re.compile(r"重點[一二三四五六1-6]\s*[：:]")
# A key point under its label: numbered or bulleted (1. 製造業生成式AI導入率…, • …)
_KEY_POINT = re.compile(rf"(?:\d{{1,2}}\s*[.、．)]|[-•・●■▪◆]|{_RANKED_POINT.pattern})\s*\S")
# How many lines under a headline the site's lines are looked for among (a share bar, counts, a caption)
_UNDER_HEADLINE = 8
# An outlet the kit knows opening a line, its longest name
_OUTLET_OPENS = re.compile(OUTLET_PATTERN)
# A section's label over a headline: a section's word (新加坡新聞, 健康專區) or a path (三立新聞網 / 娛樂), over a line
# of at least so many letters
_LABEL = re.compile(r"[^\s，。、：:！？!?「」『』（）()]{0,4}(?:新聞|新闻|專區|专区|頻道|频道|焦點|話題|專題|論壇)"
                    r"|[^\s/／>]{2,8}\s*[/／>]\s*[^\s/／>]{2,6}")
_SHORTEST_UNDER_LABEL = 10
# A section's name in English alone (Security, Cloud), which no headline's first line is
_LATIN_SECTION = re.compile(r"Security|Cloud|DevOps|AI|Data|Tech|Technology|Business|Finance|Markets|Sports|Health"
                            r"|Lifestyle|Opinion|World|Politics|Entertainment|Travel|Culture|Science|Local|Asia|China"
                            r"|Taiwan|Hong Kong|International|Society|Life|Video|Podcast")
# A headline in English under one in Chinese (a bilingual site's): four words or more, no Chinese letter
_ENGLISH_HEADLINE = re.compile(r"[A-Za-z0-9'‘’\"“”$%&,.:;!?()\-–—]+(?: [A-Za-z0-9'‘’\"“”$%&,.:;!?()\-–—]+){3,}")
_HAN = re.compile(r"[\u3400-\u9fff]")
# A column's or an issue's label over a headline, over a line of at least _SHORTEST_UNDER_LABEL letters: an outlet's
# editorial (聯合報社論), a writer's column (鍾明哲專欄), a magazine's issue (天下雜誌790期), a section's name and its
# English (國際 World)
_COLUMN_LABEL = re.compile(rf"(?:{OUTLET_PATTERN})?\s*(?:{'|'.join(GENRES)})|[^\W\d_]{{2,4}}(?:專欄|专栏)"
                           rf"|(?:{OUTLET_PATTERN})\s*第?\s*\d{{1,5}}\s*期"
                           rf"|(?:{'|'.join(sorted(SECTIONS))})\s+(?:{_LATIN_SECTION.pattern})")
# What ends a lead-in to a list (領取方式如下：, 依序是。)
_LEAD_INS = (":", "：", "是。", "如下。", "包括。", "為。", "有。")
# A tags' label alone on its line (標籤:, Tags：), the tags under it
_TAGS_LABEL = re.compile(rf"{TAG_LABELS}\s*[:：﹕]?")
# A tag's word on a line of its own: up to eight letters, no punctuation nor digit
_TAG_WORD = re.compile(r"[^\W\d_][^\W_]{0,7}")
# A link to the site's previous or next article, its headline on the line under it
_NEIGHBOUR = re.compile(r"上一篇|下一篇|上一則|下一則|上一则|下一则|前一篇|後一篇|后一篇")


def _name_alone(line: str) -> bool:
    """A reporter's name alone on a line: two to four Chinese letters with a Chinese name's shape."""
    return 2 <= len(line) <= 4 and starts_with_surname(line) and all("\u4e00" <= ch <= "\u9fff" for ch in line)


def _at_time(stamp: Published, clock: re.Match) -> Published:
    """A day's date at the time a line of its own gives (:data:`analysis.page_dates.TIME_ONLY`)."""
    hour = hour_of_day(int(clock["h"]), clock["ap"] or clock["ap2"] or "")
    seconds = clock["s"] is not None
    value = stamp.value.replace(hour=hour, minute=int(clock["mi"]), second=int(clock["s"] or 0))
    return stamp._replace(value=value, precision="second" if seconds else "minute")


def _opening_byline(line: str) -> dict | None:
    """The fields of a byline in brackets that opens a paragraph and names its reporters
    (〔記者陳怡廷／宜蘭報導〕宜蘭縣…), or None."""
    found = parse_dateline(line) if line.startswith(_BRACKETS) else None
    return found if found is not None and found["reporter"] and found["rest"] else None


def _caption_over_byline(line: str, under: str) -> bool:
    """Whether a line is a photograph's caption with no credit, over the text's first paragraph opened by its
    byline in brackets (:func:`_opening_byline`): a sentence of at most :data:`_MAX_CREDIT` letters, no byline."""
    return len(line) <= _MAX_CREDIT and not parse_dateline(line) and _opening_byline(under) is not None


def _coded(closing: re.Match | None) -> datetime | None:
    """The day of 中央社's closing code (``1090917``: ROC year, month, day), None when there is none or no such day."""
    if closing is None:
        return None
    try:
        return datetime(int(closing["y"]) + ROC_OFFSET, int(closing["m"]), int(closing["d"]))
    except ValueError:
        return None


def _day_of(day: int, reference: datetime | None) -> datetime | None:
    """The date whose day of the month is ``day``: the reference's day or one of the three before it."""
    if reference is None:
        return None
    midnight = datetime(reference.year, reference.month, reference.day)
    return next((d for d in (midnight - timedelta(days=k) for k in range(4)) if d.day == day), None)


#: The shortest line read as a headline's second over a bare date line (a shorter one may be a name).
_SHORTEST_CONTINUATION = 4
# A headline's second line may ask a question (台灣電子五哥的下一步是什麼？), if short: no lede does
_QUESTION, _LONGEST_QUESTION = ("？", "?", "！", "!"), 24
# The longest line read as the end of a headline broken off at a comma or colon
_LONGEST_ENDING = 30
# The ends of a headline's line that its next line continues (賴總統： / 持續監控共軍動態)
_UNFINISHED = ("：", ":", "，", "、")
# A byline or a credit, which no headline's continuation is: its words, or a name set apart at its end (撰稿人員 陳嘉欣)
_CREDIT_WORDS = re.compile(r"記者|记者|攝影|摄影|作者|撰文|撰稿|編輯|编辑|報導|报导|^[文圖图]\s*[｜|／/：:]"
                           r"|[\s／/｜|]\s*[^\W\d_]{2,4}$")
# A reporter's credit names them 記者 or the writer of the text (文／, 撰文：); a book's 作者 at a review's end is none
_REPORTER_WORD = re.compile(r"[記记]者|撰文|採訪|文字\s*[／/｜|：:]|^文\s*[／/｜|：:．.]")
#: The longest line read as a reporter's credit at an article's end.
_MAX_CREDIT = 40
# 更新時間：, 最後更新 (a date line that gives the time of an update, not of publication)
_UPDATE_LABEL = re.compile(r"^\s*(?:最後|最后)?(?:更新|修改|Updated)|(?:更新|修改)\s*[)）]?\s*$", re.I)


def _clean(line: str) -> str:
    return line.strip().strip("\ufeff").strip()


# A credit's label alone on its line, its names on the next (文字 / 許安琪 / 攝影 / 林柏辰), among a page's
# first lines
_CREDIT_LABEL = re.compile(r"文字|撰文|作者|記者|攝影|设计|設計|責任編輯|编辑|編輯|插畫|監製|審稿|核稿|校對")
_CREDIT_NAMES = re.compile(LISTED_NAMES)
_HEADER_LINES = 60


def _credits_joined(lines: list[str]) -> list[str]:
    """The lines with each credit's label joined to its names on the line under it (文字 許安琪), that line left
    blank: a header's credit as one line, where it stood (the blank line is no line of the page's to place)."""
    lines = list(lines)
    for i in range(min(len(lines), _HEADER_LINES) - 1):
        if _CREDIT_LABEL.fullmatch(lines[i]) and _CREDIT_NAMES.fullmatch(lines[i + 1]) \
                and lines[i + 1] not in SECTIONS \
                and all(starts_with_surname(name.strip()) for name in re.split("[、,，]", lines[i + 1])):
            lines[i], lines[i + 1] = f"{lines[i]} {lines[i + 1]}", ""
    return lines


class _Parser(PageLists):
    """Parse one page's lines; collects documents, and a problem row for every warning."""

    def __init__(self, lines: Sequence[str], *, source: Path, page_id: str, errors: Errors):
        self.lines = _credits_joined([_clean(x) for x in lines])
        self.source = source
        self.page_id = page_id
        self.errors = errors
        self.page = _Page()
        self.boxes: set[int] = set()  # the lines of boxes of links between paragraphs: the site's, in the text
        self.unnamed: int | None = None  # the line of a related list's heading the kit does not know

    # -- reporting -------------------------------------------------------------
    def problem(self, reason: str, lineno: int | None, *, action: str, quote: bool = False) -> None:
        """Raise (with errors='raise'), or warn and record a problem row saying what was done."""
        if self.errors == "raise":
            raise CorpusError(reason, path=self.source, line=lineno)
        content = self.lines[lineno - 1] if lineno else ""
        self.page.problems.append(problem_row(self.source, lineno, action=action, reason=reason, content=content))
        where = f"{self.source}:{lineno}" if lineno else str(self.source)
        message = f"{where}: {reason}: {content[:40]!r}" if quote else f"{where}: {reason}"
        warnings.warn(message, CorpusWarning, stacklevel=4)

    def unplace(self, i: int, reason: str) -> None:
        self.page.placed.add(i)
        self.problem(reason, i + 1, action="unplaced", quote=True)

    def place(self, *indices: int) -> None:
        self.page.placed.update(indices)

    # -- parsing ---------------------------------------------------------------
    def nonblank(self, start: int, stop: int) -> list[int]:
        return [i for i in range(start, stop) if self.lines[i]]

    def parse(self) -> _Page:
        n = len(self.lines)
        content = self.nonblank(0, n)
        if not content:
            return self.skip("empty page (no text)", None)
        top = self.masthead(content)  # the site's menu may hold a list's heading (即時新聞)
        lead = top[0]
        headings = [k for k in range(lead + 1, len(content)) if is_list_heading(self.lines[content[k]])
                    and not (k + 1 < len(content) and self.paragraph(self.lines[content[k + 1]]))]
        # (not the first line under the site's: a kicker over the headline, 系列報導; nor a subhead over a paragraph)
        headings = [k for k in headings if not self.article_below(content, k, headings)]
        heading = None
        for k in headings:
            if k == headings[-1] or (box := self.inline_box(content, k)) is None:  # the page's last list is no box
                heading = content[k]
                break
            self.boxes |= set(box)
        if (unnamed := self.unnamed_heading(content[lead + 1:], heading)) is not None:
            heading = self.unnamed = unnamed
            self.problem("a list's heading the kit does not know, over headlines with their dates: read as the related "
                         "list", unnamed + 1, action="kept", quote=True)
        body_end = heading if heading is not None else n
        head = self.unfurnished(self.nonblank(0, body_end)[lead:])  # the header is read under the site's lines
        dated_above = lead and date_line(self.lines[content[lead - 1]]) is not None  # the date right above the headline
        if heading is None and self.dateline_at(head) is None and self.loose_date_at(head) is None and not dated_above:
            return self.skip("not a news page (neither a dateline, a date line nor a 相關新聞 list)", content[0] + 1)
        self.article(self.nonblank(0, body_end), top)
        if heading is not None:
            self.lists(self.nonblank(heading, n))
        lost = set(content) - self.page.placed
        if lost:  # pragma: no cover - a parser bug, never a property of the input
            raise AssertionError(f"{self.source}: lines {sorted(lost)} were neither placed nor reported")
        return self.page

    def skip(self, reason: str, lineno: int | None) -> _Page:
        self.problem(reason, lineno, action="skipped")
        return self.page

    def dateline_at(self, idx: list[int]) -> int | None:
        """Where the header starts among the first lines (after a headline of up to three lines): a
        dateline or a byline alone, a date line beside an outlet or a reporter, or a date line right after
        a one-line headline, right before a dateline, or right before another date line (發佈時間 over 最後更新;
        lines between a headline and a date line alone may be a byline of another layout, and those that
        look like one stay out of the headline)."""
        def dates_header(k: int) -> bool:
            dated = (dated_header(self.lines[idx[k]]) or self.clock_over_date(idx, k)) if k else None
            return bool(k and (dated or self.lines[idx[k]] in OUTLETS) and (
                k == 1 or (k == 2 and (self.lines[idx[0]].endswith(_UNFINISHED)  # 賴總統： / 持續監控共軍動態
                                       or self.continues(self.lines[idx[1]])  # 汽油/柴油 / 下週各漲0.2元
                                       or _COLUMN_LABEL.fullmatch(self.lines[idx[0]])))  # 聯合報社論 over it
                or (dated and _names_someone(dated[1]) and not self.sentence_above(idx, k))
                or (dated and k + 1 < len(idx) and (dated_header(self.lines[idx[k + 1]]) is not None  # 發佈, 更新
                                                    or TIME_ONLY.fullmatch(self.lines[idx[k + 1]]))
                    and not self.sentence_above(idx, k)
                    and not any(_CREDIT_WORDS.search(self.lines[i]) for i in idx[1:k]))
                or (k + 1 < min(len(idx), MAX_HEADLINE_LINES + 3) and (
                    parse_dateline(self.lines[idx[k + 1]]) or dates_header(k + 1)))))

        return next((k for k, i in enumerate(idx[:MAX_HEADLINE_LINES + 1])
                     if parse_dateline(self.lines[i]) or dates_header(k)), None)

    def clock_over_date(self, idx: list[int], k: int) -> tuple[Published, str] | None:
        """The date a time alone on line ``k`` and a day's date under it give (11:25 over 2024/07/08, as 中時新聞網
        prints them), and the words beside that date; None when they are not such."""
        if k + 1 >= len(idx) or (clock := TIME_ONLY.fullmatch(self.lines[idx[k]])) is None:
            return None
        dated = dated_header(self.lines[idx[k + 1]])
        return (_at_time(dated[0], clock), dated[1]) if dated is not None and dated[0].precision == "day" else None

    @staticmethod
    def continues(line: str) -> bool:
        """Whether a line between a headline's first line and a bare date line is the headline's second: of four
        letters or more and no sentence, no byline, credit or name alone (撰稿人員 陳嘉欣, 周怡孜), none of the
        site's lines, no header."""
        return (len(line) >= _SHORTEST_CONTINUATION
                and (not line.endswith(SENTENCE_ENDS) or (line.endswith(_QUESTION) and len(line) <= _LONGEST_QUESTION)
                     or (line.endswith("」") and "「" in line and not re.search("[。！？!?]", line)
                         and len(line) <= _LONGEST_QUESTION))  # (石破茂稱「嚴肅接受民意」)
                and not _CREDIT_WORDS.search(line) and not starts_with_surname(line) and not is_site_line(line)
                and not is_header(line) and MASTHEAD.fullmatch(line) is None)  # (上報快訊: the outlet's desk)

    @staticmethod
    def unfinished(first: str, second: str) -> bool:
        """Whether a headline's line breaks off at a comma or colon (當社宅抽籤變成樂透：) and the next line ends it: a
        few words, a question or an exclamation, not a sentence, a name alone, a header or one of the site's lines."""
        return (first.endswith(_UNFINISHED) and _SHORTEST_CONTINUATION <= len(second) <= _LONGEST_ENDING
                and (not second.endswith(SENTENCE_ENDS) or second.endswith(_QUESTION))
                and not _name_alone(second) and not is_header(second) and not is_site_line(second)
                and not _CREDIT_WORDS.search(second))

    def sentence_above(self, idx: list[int], k: int) -> bool:
        """Whether a line above line ``k`` ends a sentence: a lede or a caption, not a headline's line."""
        return any(self.lines[i].endswith(SENTENCE_ENDS) for i in idx[:k])

    def loose_date_at(self, idx: list[int]) -> int | None:
        """Where a date line is among the lines after a one-line headline, with other lines before it."""
        return next((k for k in range(1, min(len(idx), MAX_HEADLINE_LINES + 2))
                     if dated_header(self.lines[idx[k]])), None)

    def masthead(self, idx: list[int]) -> tuple[int, str, Published | None]:
        """The site's lines that open the page before its headline (:func:`analysis.pagetop.site_top`)."""
        def header_follows(count: int) -> bool:
            rest = self.unfurnished(idx[count:])
            return bool(self.dateline_at(rest) or self.loose_date_at(rest))

        return site_top([self.lines[i] for i in idx], header_follows=header_follows)

    def unfurnished(self, idx: list[int]) -> list[int]:
        """The lines from a headline on without the site's lines right under it (分享, 留言, A+, a count, a caption),
        which stand between a headline and its header on many sites."""
        under = set(self.furniture_under(idx))
        return [i for i in idx if i not in under]

    def furniture_under(self, idx: list[int]) -> list[int]:
        """The site's lines among the few under a headline (its first line, never one of them)."""
        return [i for i in idx[1:1 + _UNDER_HEADLINE] if is_site_line(self.lines[i])]

    def article(self, idx: list[int], top: tuple[int, str, Published | None]) -> None:
        """The article: ``top`` is what :meth:`masthead` found above its headline."""
        lead, masthead, above = top
        menu = [i for i in idx[:lead] if MASTHEAD.fullmatch(self.lines[i]) is None and date_line(self.lines[i]) is None]
        self.place(*idx[:lead])
        if menu:  # reported once: a site's menu is the same on every page
            self.problem(f"the site's navigation before the headline: {len(menu)} line(s) left out", menu[0] + 1,
                         action="unplaced", quote=True)
        idx = idx[lead:]
        # 中央社's closing code ends the text, perhaps before a line of copyright or links (and alone on its line with
        # its editors, the site's: （編輯：林克倫）1131015)
        closing = next((m for i in reversed(idx[-3:]) if (m := CLOSING_CODE.search(self.lines[i]))), None)
        # the author's words under an author's box's heading (作者簡介 / 范正宇｜都市計畫研究者，…)
        authored = {j for i, j in zip(idx, idx[1:])
                    if opens_author_box(self.lines[i]) and len(self.lines[j]) <= LONGEST_AUTHOR_BOX}
        # (分享 / 1.3k between the headline and the byline; 標籤: / 台中 / 眷村, tags under their label, anywhere)
        furnished = sorted({*self.furniture_under(idx), *self.labelled_tags(idx)})
        idx = [i for i in idx if i not in furnished]
        at = self.dateline_at(idx)
        loose = None
        if at is None:  # the headline is one line; the dateline belonged on the next
            at = min(1, len(idx))
            loose = self.loose_date_at(idx)
            reason = ("article has no dateline (no outlet); published from the date line above the headline"
                      if loose is None and above is not None else "article has no dateline (no outlet or date)"
                      if loose is None else
                      f"article has no dateline; its signature under the headline, published from the date line on "
                      f"line {idx[loose] + 1}" if self.signed(idx[at:loose]) else
                      f"article has no dateline (no outlet); published from the date line on line {idx[loose] + 1}")
            self.problem(reason, idx[min(1, len(idx) - 1)] + 1 if idx else None, action="left empty")
        title_idx, body_idx = idx[:at], idx[at:]
        if len(title_idx) == 1 and body_idx and self.unfinished(self.lines[title_idx[0]], self.lines[body_idx[0]]):
            title_idx, body_idx, at = [*title_idx, body_idx[0]], body_idx[1:], at + 1  # (…從宮廟到農會， / 誰在決定…？)
        if inside := [i for i in furnished if title_idx and title_idx[0] < i < title_idx[-1]]:
            title_idx = sorted([*title_idx, *inside])  # a headline's lines are joined as written, none left out
            furnished = [i for i in furnished if i not in inside]
        title_idx, standfirst, furniture = self.split_title(title_idx)
        title = self.headline(title_idx, body_idx)
        # the site's lines (a caption between the date line and the byline) are no header's nor the text's
        site = {i for i in body_idx if is_site_line(self.lines[i]) or is_outlet_call(self.lines[i])}
        site |= {*furniture, *furnished, *self.neighbours(body_idx), *(self.boxes & set(body_idx))}
        site |= {i for i in body_idx[-_SOURCE_AT_END:] if _SOURCE_LABEL.fullmatch(self.lines[i])}  # (文章來源：央廣)
        labels = {self.lines[i] for i in furniture}
        site |= {i for i in body_idx if self.lines[i] in labels}  # (聯合報社論 over the headline and under the text)
        site |= authored & set(body_idx)
        at -= len(furniture)
        loose_line = idx[loose] if loose is not None else None
        site.discard(loose_line)  # the date line read as the header's stays
        idx = [i for i in idx if i not in site]
        body_idx = [i for i in body_idx if i not in site]
        if loose_line is None:
            head, body_idx = self.dateline(body_idx, closing=closing, above=above)
        else:  # the lines before the date line stay in the text, but a reporter's name and an outlet alone
            loose = idx.index(loose_line)
            head, after = self.dateline(idx[loose:], dates_only=True)
            between = idx[at:loose]
            if self.signed(between):  # 李文輝 / 中時新聞網 / 2024/03/18 16:22 under the headline
                head = self.signature(between, head)
                between = []
            body_idx = between + after
        credit, at = self.credited(body_idx) if not head["reporter"] else ({}, None)
        head = head | {key: value for key, value in credit.items() if not head[key]}
        if at is not None:
            site.add(at)
            body_idx.remove(at)
        if tags := self.tag_rows(body_idx):  # 電梯 / 老舊公寓 / 都發局 under the text: its tags, unmarked
            site |= set(tags)
            body_idx = body_idx[:-len(tags)]
        summed = self.summed_up(body_idx)  # (我們想讓你知道的是 over the standfirst: 關鍵評論網)
        site |= set(summed[:1])
        standfirst = [*standfirst, *summed[1:]]
        ranked = list(itertools.takewhile(lambda i: _RANKED_POINT.match(self.lines[i]), body_idx))  # (重點一：…)
        body_idx = [i for i in body_idx if i not in summed and i not in ranked]
        heads = [body_idx[k] for k in subheads([self.lines[i] for i in body_idx])]
        body_idx = [i for i in body_idx if i not in heads]
        for i in ranked:  # the key points opening the text: kept in the problems table
            self.unplace(i, "a key point over the text, no paragraph: left out")
        for i in heads:  # a feature's section titles, an uncaptioned photo's words: kept in the problems table
            self.unplace(i, "a subhead or a caption between paragraphs, no paragraph: left out")
        self.place(*body_idx)
        for i in standfirst:  # its words summarise the text's: kept in the problems table, as written
            self.unplace(i, "the standfirst under the headline, no headline's nor the text's: left out")
        if site:  # reported once, as the site's navigation is
            self.place(*site)
            self.problem(f"the site's lines in the article's text (share bars, adverts, tags, credits): {len(site)} "
                         "line(s) left out", min(site) + 1, action="unplaced", quote=True)
        self.check_body(body_idx)
        text = "\n".join(([head["rest"]] if head["rest"] else []) + [self.lines[i] for i in body_idx])
        self.add("article", title=title, published=head["date"], published_precision=head["precision"],
                 time_zone=head["time_zone"],
                 outlet=head["outlet"] or self.syndicated(furniture) or self.syndicated(sorted(site)[-_SOURCE_AT_END:])
                 or masthead,
                 reporter=head["reporter"],
                 reporter_place=head["reporter_place"], dateline=head["dateline"], text=text,
                 line=(idx[0] if idx else 0) + 1)

    def split_title(self, idx: list[int]) -> tuple[list[int], list[int], list[int]]:
        """The lines above the header: the headline's, a standfirst under them (a sentence summing up the text:
        新例要求劏房達到最低標準，…，租客在觀望中等待。) and the site's lines over the headline (a reading time, a
        section: Security, 三立新聞網 / 娛樂) and under it (分享, and an outlet's name: a syndicated page's source,
        :meth:`syndicated`)."""
        idx, furniture = list(idx), []
        while len(idx) > 1 and (is_site_line(line := self.lines[idx[0]]) or _LATIN_SECTION.fullmatch(line)
                                or line in SECTIONS
                                or ((_LABEL.fullmatch(line) or _COLUMN_LABEL.fullmatch(line))
                                    and len(self.lines[idx[1]]) >= _SHORTEST_UNDER_LABEL)):
            furniture.append(idx.pop(0))  # (2 分鐘閱讀, a section: Security, AI與大數據, 三立新聞網 / 娛樂, 聯合報社論)
        k = next((k for k in range(1, len(idx)) if _STANDFIRST.search(self.lines[idx[k]])), len(idx))
        idx, standfirst = idx[:k], idx[k:]
        while len(idx) > 1 and (is_site_line(line := self.lines[idx[-1]]) or line in OUTLETS
                                or MASTHEAD.fullmatch(line) or _SOURCE_LABEL.fullmatch(line)
                                or (_ENGLISH_HEADLINE.fullmatch(line) and _HAN.search(self.lines[idx[0]]))):
            furniture.insert(0, idx.pop())  # (and a headline's English under it: Think tank ranks Taiwan 3rd …)
        return idx, standfirst, furniture

    def syndicated(self, idx: list[int]) -> str:
        """The outlet an outlet's name among the lines under a headline names (NOWnews 今日新聞 under the headline
        on Yahoo奇摩新聞), or ``""``."""
        return next((m["outlet"] for i in idx
                     if (m := MASTHEAD.fullmatch(self.lines[i]) or _SOURCE_LABEL.fullmatch(self.lines[i]))), "")

    def summed_up(self, idx: list[int]) -> list[int]:
        """A standfirst's or key points' label in the text (我們想讓你知道的是, 重點一覽) and the standfirst under it,
        or the key points (1. …, 2. …, or bulleted), or nothing."""
        at = next((k for k, i in enumerate(idx[:-1]) if _STANDFIRST_LABEL.fullmatch(self.lines[i])), None)
        if at is None:
            return []
        end = at + 1  # (本文重點： over three short sentences, unmarked, then the text's first paragraph)
        while end < len(idx) and _KEY_POINT.match(self.lines[idx[end]]):
            end += 1
        if end == at + 1:  # unmarked points: a few short sentences that end alike, a paragraph of the text under them
            first = self.lines[idx[at + 1]].endswith("。")
            points = list(itertools.takewhile(
                lambda i: len(self.lines[i]) <= _LONGEST_KEY_POINT and self.lines[i].count("。") <= 1
                and self.lines[i].endswith("。") == first, idx[at + 1:at + 1 + _MOST_KEY_POINTS]))
            after = at + 1 + len(points)
            if after < len(idx) and (len(points) >= 2 or self.paragraph(self.lines[idx[after]])):
                end = after
        return idx[at:max(end, at + 2)]

    def labelled_tags(self, idx: list[int]) -> list[int]:
        """A tags' label alone on its line and the tags under it, a word a line, wherever in the text (標籤: / 台中 /
        眷村; 相關字詞 / …); none under a label with no tag under it."""
        found = []
        for k, i in enumerate(idx):
            if _TAGS_LABEL.fullmatch(self.lines[i]):
                tags = list(itertools.takewhile(lambda j: _TAG_WORD.fullmatch(self.lines[j]), idx[k + 1:]))
                found += [i, *tags] if tags else []
        return found

    def tag_rows(self, idx: list[int]) -> list[int]:
        """The text's last lines when three or more are a word each (a tag's: 電梯, 老舊公寓, 都發局, no mark), under
        a line that ends no lead-in to a list (領取方式如下： / ATM領取 / 登記入帳 / 郵局臨櫃領取 stay)."""
        k = len(idx)
        while k and _TAG_WORD.fullmatch(self.lines[idx[k - 1]]):
            k -= 1
        return idx[k:] if len(idx) - k >= FEWEST_TAGS and k and not self.lines[idx[k - 1]].endswith(_LEAD_INS) else []

    def neighbours(self, idx: list[int]) -> list[int]:
        """The site's links to its previous and next articles: 上一篇 and 下一篇 on lines of their own, and the
        headline under each (經濟日報)."""
        return [k for i, j in zip(idx, idx[1:]) if _NEIGHBOUR.fullmatch(self.lines[i]) for k in (i, j)]

    def signed(self, idx: list[int]) -> bool:
        """Whether the lines between a headline and its date line are a reporter's name alone and an outlet on a
        line of its own, one or both (中時新聞網, 風傳媒's opinions: 李文輝 / 中時新聞網, then the date)."""
        lines = [self.lines[i] for i in idx]
        return 0 < len(lines) <= 2 and sum(map(_name_alone, lines)) <= 1 \
            and all(_name_alone(x) or x in OUTLETS for x in lines)

    def signature(self, idx: list[int], head: dict) -> dict:
        """The header's fields with the name and outlet of :meth:`signed` lines, placed and kept in its dateline."""
        self.place(*idx)
        lines = [self.lines[i] for i in idx]
        name = next((x for x in lines if _name_alone(x)), "")
        outlet = next((x for x in lines if x in OUTLETS), "")
        return head | {"reporter": head["reporter"] or name, "outlet": head["outlet"] or outlet,
                       "dateline": "\n".join([*lines, head["dateline"]] if head["dateline"] else lines)}

    def dateline(self, idx: list[int], *, closing: re.Match | None = None, dates_only: bool = False,
                 above: Published | None = None) -> tuple[dict, list[int]]:
        """The header's fields when the body opens with one (all empty when not), and the remaining lines.

        The header is a dateline (or a byline alone; not with ``dates_only``) and lines holding only a
        date (the first gives the date, but a publication's before an update's: 出版 before 更新), in any
        order; a dateline followed by text on its line ends it. The ``dateline`` field keeps them as
        written, one a line. A dateline that gives only the day of the month (中央社's ``25日電``) is
        dated by the article's closing code (``（編輯：陳家倫）1090925``, ``closing``), else by the date
        line, when that day is theirs or one of the three before it; a date line of another day is
        reported (a repost's time). Where the header gives no date, a date ``above`` the headline (among
        the site's lines) gives it.
        """
        head, stamp, outlet, used, k, updated, at, outlet_at = None, None, None, [], 0, False, None, None
        while k < len(idx):
            line = self.lines[idx[k]]
            if stamp is not None and stamp.precision == "day" and used and used[-1] == at \
                    and (clock := TIME_ONLY.fullmatch(line)) is not None:
                stamp = _at_time(stamp, clock)  # 2024年7月5日 星期五, then 11:08 on the line under it
            elif stamp is None and (timed := self.clock_over_date(idx, k)) is not None:
                (stamp, words), at, updated = timed, idx[k + 1], False  # 11:25 over 2024/07/08
                used.append(idx[k])
                k += 1
            elif (dated := dated_header(line)) is not None:
                if stamp is None or (updated and not _UPDATE_LABEL.search(line)):
                    (stamp, words), at = dated, idx[k]  # the first, but a publication time before an update's
                    updated = _UPDATE_LABEL.search(line) is not None
            elif head is None and not dates_only and (parsed := parse_dateline(line)) is not None:
                head, head_at = parsed, idx[k]
            elif not dates_only and used and CREDIT_LINE.fullmatch(line):
                pass  # 攝影｜陳立凱 under the byline: the header's
            elif not dates_only and head is None and used and outlet is not None and _name_alone(line) \
                    and k + 1 < len(idx) and dated_header(self.lines[idx[k + 1]]) is not None:
                head, head_at = {**_NO_DATELINE, "reporter": line, "dateline": line, "rest": ""}, idx[k]
                # (Yahoo奇摩新聞: 太報 / 許雅涵 / 2024年11月27日週三下午2:08, the outlet, the reporter, the date)
            elif not dates_only and head is None and stamp is not None and outlet is not None \
                    and used[-1] == outlet_at and _name_alone(line):
                head, head_at = {**_NO_DATELINE, "reporter": line, "dateline": line, "rest": ""}, idx[k]
                # (中時新聞網: 2024/07/08 / 中時新聞網 / 徐銘謙, the date, the outlet, the reporter)
            elif (named := MASTHEAD.fullmatch(line)) is not None and not dates_only and outlet is None and (
                    line in OUTLETS or ISSUE.search(line, named.end("outlet"))):
                outlet, outlet_at = named["outlet"], idx[k]  # 中央社 on a line of its own, above the date and the
                # byline; 天下雜誌 794期
            elif not dates_only and head is None and used and k + 1 < len(idx) \
                    and _caption_over_byline(line, self.lines[idx[k + 1]]):
                self.unplace(idx[k], "a caption over the byline, no paragraph: left out")
                k += 1  # (宜蘭縣府整修環河步道。 over 〔記者陳怡廷／宜蘭報導〕宜蘭縣…: a photograph's words, no credit)
                continue
            else:
                break
            used.append(idx[k])
            k += 1
            if head is not None and head["rest"]:
                break  # the body opens on the dateline's line
        if not used:  # no header: the date above the headline, if any (東網: 2024年09月01日 13:25 over it)
            return (_NO_DATELINE if above is None else {**_NO_DATELINE, **self.dated(_NO_DATELINE, above)}), idx
        self.place(*used)
        fields = dict(head or _NO_DATELINE)
        fields["dateline"] = "\n".join(head["dateline"] if head is not None and i == head_at else self.lines[i]
                                       for i in used)
        if stamp is not None and words:
            fields.update(_named(words, fields))
        if outlet is not None and not fields["outlet"]:
            fields["outlet"] = outlet
        if stamp is None and above is not None:  # the date above the headline (明報: 2024年3月5日星期二)
            stamp, words, at = above, "", used[0]
        day = fields["day_of_month"]
        if fields["date"] is None and day is not None and not (stamp is not None and stamp.value.day == day):
            # 25日電: the month and year from the closing code, else from the date line
            fields["date"] = _day_of(day, _coded(closing)) or _day_of(day, stamp.value if stamp is not None else None)
            fields["precision"] = "day" if fields["date"] is not None else ""
            if stamp is not None:
                source = "the dateline" if fields["date"] is not None else "the date line"
                self.problem(f"date line gives {stamp.value:%Y-%m-%d}, the dateline the day {day}日; "
                             f"published from {source}", at + 1, action="kept")
                if fields["date"] is None:
                    fields.update(self.dated(fields, stamp))
        elif stamp is not None:
            written = fields["date"]
            if written is not None and written.date() != stamp.value.date():
                self.problem(f"date line gives {stamp.value:%Y-%m-%d}, the dateline {written:%Y-%m-%d}; "
                             "published from the dateline", at + 1, action="kept")
            else:
                fields.update(self.dated(fields, stamp))
        if fields["date"] is None and stamp is None:
            self.problem(_no_date(fields), used[0] + 1, action="left empty")
        return fields, idx[k:]

    def credited(self, idx: list[int]) -> tuple[dict, int | None]:
        """The reporter a credit among the body's last three lines names (記者：陳凱欣 over 攝影：黃志強, as
        有線新聞 and 公視 close an article), or its second and third (民視新聞／廖子瑩 台中報導 under the first
        paragraph, as a portal places it), with their place and outlet, and the credit's line (empty and None
        when no line is such a credit)."""
        for i in [*reversed(idx[-3:]), *idx[1:3]]:
            line = self.lines[i]
            if len(line) > _MAX_CREDIT:
                continue
            # 記者：陳凱欣; a television news's close (華視新聞 張雅婷 宜蘭報導; 大紀元記者吳美霖台灣高雄報導, as if
            # bracketed)
            f = parse_dateline(line) or (parse_dateline(f"（{line}）") if line.endswith(("報導", "报导")) else None) \
                or self.outlet_apart(line)
            if f is not None and (_REPORTER_WORD.search(line) or (f["outlet"] and line.endswith(("報導", "报导")))) \
                    and f["reporter"] and not f["rest"] and f["date"] is None and not f["day_of_month"] \
                    and all(starts_with_surname(n) for n in f["reporter"].split("、")):
                return {"reporter": f["reporter"], "reporter_place": f["reporter_place"]} | (
                    {"outlet": f["outlet"]} if f["outlet"] else {}), i
            if f is not None and f["outlet"] and not f["reporter"] and not f["rest"] and f["date"] is None \
                    and line.endswith(("報導", "报导")):
                return {"outlet": f["outlet"]}, i  # an outlet's desk (東森新聞體育組／綜合報導)
        for i in idx[1:2]:  # the second paragraph opened by its byline in brackets, under a lede: it stays the text's
            f = _opening_byline(self.lines[i])
            if f is not None and all(starts_with_surname(n) for n in f["reporter"].split("、")):
                return {"reporter": f["reporter"], "reporter_place": f["reporter_place"]} | (
                    {"outlet": f["outlet"]} if f["outlet"] else {}), None  # (lede / 〔記者林沛璇／台北報導〕為協助…)
        return {}, None

    @staticmethod
    def outlet_apart(line: str) -> dict | None:
        """A television close with no space after its outlet, read with one (新唐人亞太電視周家豪綜合報導)."""
        m = _OUTLET_OPENS.match(line)
        return parse_dateline(f"{m[0]} {line[m.end():]}") if m and line.endswith(("報導", "报导")) else None

    @staticmethod
    def dated(head: dict, stamp: Published) -> dict:
        """The date line's date, precision and zone (the dateline's zone when it states one)."""
        return {"date": stamp.value, "precision": stamp.precision, "time_zone": head["time_zone"] or stamp.time_zone}

    def headline(self, title_idx: list[int], body_idx: list[int]) -> str:
        """The headline's lines joined into one title (reporting each continuation line)."""
        if not title_idx:
            self.problem("article has no headline", (body_idx[0] + 1) if body_idx else None, action="left empty")
            return ""
        title = self.lines[title_idx[0]]
        for i in title_idx[1:]:
            self.problem("article headline continues on another line", i + 1, action="merged")
            title = join_wrapped(title, self.lines[i])
        self.place(*title_idx)
        return title

    def check_body(self, idx: list[int]) -> None:
        """Flag body lines that look like related items under no heading; they stay in the text."""
        lines = [self.lines[i] for i in idx]
        found = looks_like_items(lines)
        if found:
            self.problem(f"{len(found)} group(s) of body lines look like related items ('-', headline, "
                         "timestamp) with no list heading; kept in the article text", idx[found[0]] + 1,
                         action="kept")
        elif trailing := trailing_items(lines):
            self.problem(f"the last {trailing} lines of the body look like a list of headlines (with their dates, or "
                         "after ►) under no heading the kit knows; kept in the article text", idx[-trailing] + 1,
                         action="kept", quote=True)

    def add(self, kind: str, *, title: str, published, text: str, line: int, published_precision: str = "",
            time_zone: str = "", outlet: str = "", reporter: str = "", reporter_place: str = "",
            dateline: str = "") -> None:
        position = len(self.page.documents)
        self.page.documents.append({
            "doc_id": f"{self.page_id}:{position:02d}", "page_id": self.page_id, "kind": kind,
            "position": position, "title": title, "published": published,
            "published_precision": published_precision, "time_zone": time_zone, "outlet": outlet,
            "reporter": reporter, "reporter_place": reporter_place, "text": text,
            "truncated": is_truncated(text), "content_id": content_id(title, text), "dateline": dateline,
            "source": str(self.source), "line": line, "row": None, "format": "text", "url": "",
        })


def parse_page(text: str, *, source: PathLike = "<string>", page_id: str | None = None,
               errors: Errors = "warn") -> tuple[list[dict], list[dict]]:
    """Parse one page's text.

    Parameters
    ----------
    text : str
        The page, already decoded.
    source : str or Path, optional
        Where the text came from, for messages and the ``source`` column.
    page_id : str, optional
        Defaults to the stem of ``source``.
    errors : {"warn", "raise"}
        On damage, warn with :class:`CorpusWarning` and keep going, or raise
        :class:`CorpusError`.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents (article first; the keys are the columns of :func:`analysis.load_corpus`)
        and the problems: one row per :class:`CorpusWarning` raised, in order, with the
        ``action`` taken (see :func:`analysis.errors.problem_row`; a page that is skipped
        gives one ``"skipped"`` row).

    Raises
    ------
    CorpusError
        With ``errors="raise"``, at the first problem.

    Examples
    --------
    >>> page = ("美駐聯大使將訪台\\n【大紀元2020年09月17日訊】美國大使將訪問台灣。\\n"
    ...         "相關新聞\\n-\\n蓬佩奧宣布\\n2020-09-18 07:12:23國務卿宣布。")
    >>> docs, problems = parse_page(page, source="p.txt")
    >>> [(d["kind"], d["title"], d["outlet"], d["published_precision"]) for d in docs], problems
    ([('article', '美駐聯大使將訪台', '大紀元', 'day'), ('related', '蓬佩奧宣布', '', 'second')], [])
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     warnings.simplefilter("always")
    ...     docs, problems = parse_page("美駐聯大使\\n將訪台\\n【大紀元2020年09月17日訊】本文。", source="p.txt")
    >>> docs[0]["title"], [(p["line"], p["action"], p["reason"]) for p in problems]
    ('美駐聯大使將訪台', [(2, 'merged', 'article headline continues on another line')])
    >>> parse_page("一行沒有日期的字。", source="p.txt", errors="raise")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: p.txt:1: not a news page (neither a dateline, a date line nor a 相關新聞 list)
    """
    check_errors(errors)
    source = Path(source)
    lines = split_lines(text)
    parser = _Parser(lines, source=source, page_id=page_id or source.stem, errors=errors)
    with reading_order(year_last_order(lines)):  # 02/03/2025 read as the page's other dates are written
        page = parser.parse()
    return page.documents, page.problems
