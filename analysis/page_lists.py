"""The page grammar's lists: where a page's related list starts and how it is read, line by line, beside the site's
own lists, its boxes of links between paragraphs and its footer (a part of :class:`analysis.page._Parser`).

A list heading (相關新聞, 延伸閱讀, 熱門新聞: :mod:`analysis.related`) may open the article's related list, a site's
own list (left out, reported once), or a box of links between the article's paragraphs (the text goes on under it);
one the kit does not know may head dated headlines; a menu's heading may stand over the article itself. The related
list is read item by item by :class:`analysis.related.RelatedList`.
"""

from __future__ import annotations

import itertools
import re

from .datelines import TIMESTAMP, parse_dateline
from .page_dates import date_line, dated_header, with_year
from .readercalls import is_reader_call
from .related import (ITEM_MARKERS, READERS_WORDS, RelatedList, is_footer, is_list_heading, is_recommended,
                      is_site_list_heading, may_be_related, trailing_items)
from .text import SHORTEST_PARAGRAPH, is_site_line

# A list's heading of the most read (熱門新聞), which a scraper that kept one list may have written over its related
# news, but not over a second site list
_HOT = re.compile("熱門|热门")
# A reader's comment or the comments' heading under a list (網友回應, 留言 (12))
_COMMENT_MARK = re.compile(rf"{READERS_WORDS}|留言")
# A date's shape anywhere in a line (2021-03-16 14:55:03…, 2025.03.02, 114年4月2日, 03/26 14:05)
_DATED = re.compile(r"\d{1,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}")
# The most links a box between an article's paragraphs holds (延伸閱讀 / one headline or two), a paragraph after it
# being as long as a subhead's paragraph (analysis.text.SHORTEST_PARAGRAPH)
_BOX_LINKS = 3
# The lines after a box's links within which the text goes on, two paragraphs in a row (a caption or a subhead between)
_BOX_TEXT = 5
# The most lines between a menu's list heading and the article's header under it (the rest of the menu, the headline)
_HEADER_UNDER_MENU = 40
# A heading the kit does not know under a related list's items (最多人閱讀, 醫病平台, 鉅亨速報): a few letters
# and no punctuation, over a longer line; the site's list (a related headline is longer)
_SITE_HEADING = re.compile(r"[^\W\d_][^\s\d，。、：:！？!?「」『』（）()·•|｜-]{2,5}")
# Tags under a related list, unmarked: at least so many words of up to four letters, one a line
_LIST_TAG = re.compile(r"[^\W\d_][^\W_]{0,3}")
FEWEST_TAGS = 3
# The longest line read as a related list's heading the kit does not know (這個調查，你還可以讀), and what it does
# not open with (an item's arrow: ►, a bullet)
_LONGEST_UNNAMED_HEADING = 20
_UNNAMED_NOT_FIRST = ("►", "▶", "▸", "●", "•", "・", "-", "#", "※", "▲", "★")
# A ranked list's item: its place, then its headline (1 颱風小犬逼近…, 2. 國慶大會預演…)
_RANK = re.compile(r"([1-9])(?:[.、．)]\s*|\s+)(?!\d)\S")
_RANK_ALONE = re.compile(r"([1-9])")  # (風傳媒熱門 / 1 / 美中貿易談判最新進展 / 2 / …)
#: How a sentence (a lede, a caption) ends, which no headline's line does.
SENTENCE_ENDS = ("。", "！", "？", "」", "）", ")")


class PageLists:
    """The list-reading part of the page parser (:class:`analysis.page._Parser`): it reads the parser's ``lines``,
    ``page``, ``unnamed`` (a heading the kit does not know, or None) and places lines and reports problems with its
    ``place``, ``problem`` and ``unplace``."""

    def article_below(self, content: list[int], k: int, headings: list[int]) -> bool:
        """Whether an article lies under the list heading at ``content[k]``, before the next: a header (a date line
        or a dateline), then two paragraphs with no date between them (a related list's items are dated one by one,
        their summaries under their dates). The heading is then a menu's item (即時新聞 in a menu the kit did not
        read as the site's), and no related list comes before its article."""
        stop = next((h for h in headings if h > k), len(content))
        lines = [self.lines[i] for i in content[k + 1:stop]]
        def listed(line: str) -> bool:  # a related list's items ('-', a timestamp and its summary)
            return line in ITEM_MARKERS or TIMESTAMP.match(line) is not None

        at = next((j for j, line in enumerate(lines[:_HEADER_UNDER_MENU])
                   if listed(line) or dated_header(line) or parse_dateline(line)), None)
        if at is None or listed(lines[at]):
            return False
        paragraphs = 0
        for line in lines[at + 1:]:
            if dated_header(line) or TIMESTAMP.match(line):
                return False
            paragraphs += self.paragraph(line)
            if paragraphs == 2:
                return True
        return False

    def unnamed_heading(self, content: list[int], heading: int | None) -> int | None:
        """The line of a related list's heading the kit does not know, over the lines before ``heading`` (the first
        list heading it knows, None for none): a short line of no sentence over two items or more, each a headline
        over its date alone, up to that heading or the page's end (這個調查，你還可以讀 / 宿舍裡的十二張床 /
        2024/8/14 / …); None when there is none."""
        idx = [i for i in content if heading is None or i < heading]
        items = trailing_items([self.lines[i] for i in idx])
        if items < 4 or items + 2 > len(idx):  # two headlines with their dates, and an article over them
            return None
        at = idx[-items - 1]
        line = self.lines[at]
        if len(line) > _LONGEST_UNNAMED_HEADING or line.endswith(SENTENCE_ENDS) or is_site_line(line) \
                or date_line(line) is not None or line[:1] in _UNNAMED_NOT_FIRST:
            return None
        return at

    def years_added(self, idx: list[int]) -> None:
        """Item dates with no year (01/07 22:15) written in the year that puts each nearest the article's date, reported
        once; left as they are when the article has no date."""
        article = next((d for d in self.page.documents if d["kind"] == "article"), None)
        near = article["published"] if article is not None else None
        whole = {i: line for i in idx if (line := with_year(self.lines[i], near)) is not None} if near else {}
        if whole:
            self.problem(f"related items' dates give no year ({self.lines[min(whole)].strip()}): each in the year that "
                         f"puts it nearest the article's date ({near:%Y-%m-%d})", min(whole) + 1, action="kept")
            for i, line in whole.items():
                self.lines[i] = line

    def inline_box(self, idx: list[int], k: int) -> list[int] | None:
        """The lines of a box of links that a list heading opens between an article's paragraphs (延伸閱讀 over
        a story's headline or two, then the text goes on), or None: at most :data:`_BOX_LINKS` lines of no
        sentence under the heading, then a paragraph, and two paragraphs in a row within :data:`_BOX_TEXT` lines
        (a caption or a subhead may come between). A related list's items are headlines, with or without their dates
        and a summary each, never paragraph after paragraph."""
        links = list(itertools.takewhile(lambda i: not self.paragraph(self.lines[i]), idx[k + 1:k + 2 + _BOX_LINKS]))
        after = [self.paragraph(self.lines[i]) for i in idx[k + 1 + len(links):k + 1 + len(links) + _BOX_TEXT]]
        if not 1 <= len(links) <= _BOX_LINKS or not after or not after[0] \
                or not any(a and b for a, b in zip(after, after[1:])):
            return None
        if any(self.lines[i] in ITEM_MARKERS or TIMESTAMP.match(self.lines[i]) or date_line(self.lines[i])
               for i in links):
            return None  # a related list's marks and times (- / 2021/01/15 12:56 over its summaries)
        return [idx[k], *links]

    @staticmethod
    def paragraph(line: str) -> bool:
        """Whether a line reads as a paragraph of an article: long, ending a sentence and holding a full stop or
        clauses (a headline that asks a question or ends in a quotation holds neither)."""
        return len(line) >= SHORTEST_PARAGRAPH and line.endswith(SENTENCE_ENDS) and (
            "。" in line or line.count("，") >= 2)

    def lists(self, idx: list[int]) -> None:
        """The lines from the first list heading on: the related list read item by item (:class:`RelatedList`),
        and each of the site's own lists (熱門推薦, 排行榜; 熱門新聞 after a related list or ranked, 1 …, 2 …; a
        recommender's 你可能也喜歡 after a related list) and the readers' comments left out, reported once."""
        self.years_added(idx)
        related: list[int] = []
        site: list[int] = []  # the site's list being left out: its heading, then its lines
        started = False  # whether a related list's heading was read
        headings = [is_list_heading(self.lines[i]) or i == self.unnamed for i in idx]  # each line's, read once

        # a related list's own heading further down (相關新聞 under 熱門新聞): the site's list first is the site's
        def own_later() -> bool:
            return any(headings[k] and not is_site_list_heading(self.lines[i]) and not is_recommended(self.lines[i])
                       for k, i in enumerate(idx) if k)

        def sites_later() -> bool:  # 熱門新聞, then 最新新聞: the site's lists, not a scraper's one list so headed
            # (更多CTWANT報導 over 熱門排行 is the outlet's related list)
            return any(headings[k] and is_site_list_heading(self.lines[i]) and not may_be_related(self.lines[i])
                       for k, i in enumerate(idx) if k)

        # whether an item's time is further down than each line, in its list (up to the next heading): a call to the
        # reader there is read into the list, not taken for its end (and not looked for: a crawl's lists are dated)
        dated_after = [False] * (len(idx) + 1)
        for k in range(len(idx) - 1, -1, -1):
            dated_after[k] = _DATED.search(self.lines[idx[k]]) is not None or (dated_after[k + 1] and not headings[k])

        def item_after(k: int) -> bool:  # a headline under the call: the call is one of the list's items' words
            if k + 1 >= len(idx):
                return False
            line = self.lines[idx[k + 1]]
            return not (headings[k + 1] or is_footer(line) or is_reader_call(line) or _COMMENT_MARK.match(line))

        def ranked() -> bool:  # 熱門新聞 over 1 颱風小犬逼近…, 2 國慶大會預演…: the site's most read, in their order
            firsts = [m[1] for i in idx[1:5]
                      if (m := _RANK.match(self.lines[i]) or _RANK_ALONE.fullmatch(self.lines[i]))]
            return firsts[:2] == ["1", "2"]

        for k, i in enumerate(idx):
            line = self.lines[i]
            heading = headings[k]
            if line in ITEM_MARKERS or (line[:1].isdigit() and not heading):  # '-' lines, timestamps
                (site or related).append(i)
                continue
            if (heading and is_site_list_heading(line)
                and not (k == 0 and may_be_related(line) and not own_later() and not ranked()
                         and not (_HOT.search(line) and sites_later()))) \
                    or (heading and started and is_recommended(line)) \
                    or (started and not site and not heading and len(related) >= 2 and _SITE_HEADING.fullmatch(line)
                        and k + 1 < len(idx) and not _SITE_HEADING.fullmatch(self.lines[idx[k + 1]])
                        and not any(TIMESTAMP.match(self.lines[j]) or date_line(self.lines[j])
                                    for j in idx[k + 1:k + 3])) \
                    or (k and not site and not heading and is_footer(line)) \
                    or (started and not site and not heading and not dated_after[k + 1] and is_reader_call(line)
                        and not item_after(k)):
                # the site's list, or its footer (a call to the reader under a list of headlines: 加入風傳媒會員…)
                self.leave_out(site)
                site = [i]
            elif heading:
                self.leave_out(site)
                site = []
                if started:
                    related.append(i)  # a second related list: RelatedList reports its heading
                else:
                    self.place(i)
                    started = True
            elif site:
                site.append(i)
            else:
                related.append(i)
        self.leave_out(site)
        k = len(related)
        while k and _LIST_TAG.fullmatch(self.lines[related[k - 1]]):
            k -= 1
        if len(related) - k >= FEWEST_TAGS:  # 台中捷運 / 中捷 / 停駛 / 軌道 under the list: its tags, unmarked
            self.leave_out(related[k:])
            related = related[:k]
        if started:
            RelatedList(self, related).read()

    def leave_out(self, site: list[int]) -> None:
        """Leave out a site's own list (its heading, then its lines) or its footer, with one problem row at
        its first line."""
        if not site:
            return
        self.place(*site)
        reason = (f"the site's footer, not related news: {len(site)} line(s) left out" if is_footer(self.lines[site[0]])
                  else f"the site's own list, not the article's related news: its heading and {len(site) - 1} line(s) "
                  "left out")
        self.problem(reason, site[0] + 1, action="unplaced", quote=True)
