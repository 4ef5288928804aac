"""Scan one title or text for mentions of actors, and many of them at once: cached by content, in parallel.

The rules are those of :mod:`analysis.mentions` (its documentation describes them), applied to one
field and its words, before the document's own rules (a surname and title resolved to the person
the document names). :func:`scan_many` scans each distinct field once: results are kept in an
SQLite file beside the segmentation cache (``mentions.sqlite``), keyed by the text, its words'
segmenter, the names known (:class:`analysis.names.Lexicon`) and this module's rules, so that a
grown crawl scans only its new texts; large batches are scanned in worker processes
(:func:`analysis.executor.run_chunks`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from .executor import run_chunks
from .filler import boilerplate_spans, patterns_digest
from .names import (ABBREVIATIONS, ADMINISTRATION, BODIES, BODY_HEADS, COUNTRY_CHARS, COURTESY_TITLES, CREDIT, CUES,
                    GENERIC_BODIES,
                    HEADLINE_CUES,
                    LEADER_TITLES, PERSON_BODIES, FUNCTION_CHARS, GLUE, HEADS, MINISTRIES, NAME_SYLLABLES,
                    NOT_BODIES, NOT_BODY_STARTS, OFFICE_SUFFIXES, ORG_SUFFIXES, OWNERS, PLACE_SUFFIXES,
                    PRECEDING_TITLES, ROLE_TITLES, SELF,
                    STOPWORDS,
                    BODY_VERBS, BRAND_HEADS, PLACE_NAMED, PROPER_HEADS, UNIT_ENDS,
                    SURNAME_TITLES, SURNAMES, TITLES, Lexicon, common_words, foreign_name, given_name,
                    han, is_title, lexicon, ordinary, personal_name, regions, surname_size,
                    transliterated)
from .blobstore import open_cache
from .codedeps import code_digest
from . import shapednames, shapedplaces
from .postags import dictionary_tag, jieba_tag, load_tagger
from .segmentation.batch import SegmentCache
from .shapednames import TITLE_MARKS
from .titlednames import FOLLOWERS, NAME_DOTS, name_after_title, role_word
from .typedefs import PathLike, UserDict

logger = logging.getLogger(__name__)

#: Below this many unscanned texts, scanning in this process beats starting workers.
#: Dots between the parts of a name (伊凡．達道).
_DOTS = frozenset(NAME_DOTS)
PARALLEL_MIN_TEXTS = 2000
#: Heads a place's name makes a body's only right before them (屯門|醫院, 高雄|美術館).
_PLACE_HEADS = frozenset(("醫院", "美術館", "博物館", "圖書館"))

#: The lengths of the titles (:data:`~analysis.names.TITLES`), the longest first.
_TITLE_SIZES = sorted({len(t) for t in TITLES}, reverse=True)
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)+")
_SKIP = frozenset((" ", "\u3000", "、"))
# The dots between the parts of a name (伊凡．達道, 瓦旦·吉洛)


# -- one field ---------------------------------------------------------------------------------------------

class _Found(NamedTuple):
    start: int
    end: int
    actor: str
    type: str
    evidence: str
    pending: tuple[str, str] | None  # (surname, title) to resolve in the document


def _matches(text: str, pos: int, lex: Lexicon) -> list[tuple[int, str]]:
    """The known forms starting at ``pos``, the longest first: (end, form)."""
    hits = []
    prefixes, forms = lex.prefixes, lex.forms
    end, n = pos + 1, len(text)
    while end <= n and text[pos:end] in prefixes:
        if text[pos:end] in forms:
            hits.append((end, text[pos:end]))
        end += 1
    return hits[::-1]


def _surname_title(form: str) -> tuple[str, str] | None:
    size = surname_size(form)
    if size and form[size:] in SURNAME_TITLES and han(form):
        return form[:size], form[size:]
    return None


# The second letters of titles of two (長 of 里長), which a word must open for a title across two words
_TITLE_SECONDS = frozenset(t[1] for t in TITLES if len(t) == 2)


class _Scan:
    """The rules of this module over one text and its words, in three passes (see :func:`scan`)."""

    def __init__(self, text: str, words: list[str], lex: Lexicon):
        self.text, self.words, self.lex, self.forms = text, words, lex, lex.forms
        self.offsets = list(accumulate(map(len, words), initial=0))
        self.n = len(words)
        self.found: dict[int, _Found] = {}  # by start
        self.taken = [False] * self.n  # words inside a mention (or a title compound)
        self.titles: list[tuple[int, int]] = []  # spans of title words
        self.title_starts: set[int] = set()
        self.title_ends: set[int] = set()

    def word_of(self, pos: int) -> int:
        return bisect_right(self.offsets, pos) - 1

    def word(self, k: int) -> str:
        return self.words[k] if 0 <= k < self.n else ""

    def add(self, start: int, end: int, actor: str, kind: str, evidence: str, pending=None) -> None:
        self.found[start] = _Found(start, end, actor, kind, evidence, pending)
        for k in range(self.word_of(start), self.word_of(end - 1) + 1):
            self.taken[k] = True

    def add_title(self, start: int, end: int) -> None:
        self.titles.append((start, end))
        self.title_starts.add(start)
        self.title_ends.add(end)

    # 1. Known forms
    def known_forms(self) -> None:
        """The longest known form at a word's start (or after a glued character: 見蔡|總統), ending on a
        word's end or before a title glued to it (民眾|黨主席); a place before the head of its city or
        county (花蓮|縣長, 台北市長) is that title, not a mention."""
        text, offsets, k = self.text, self.offsets, 0
        while k < self.n:
            hit = self._longest(k)
            if hit is None:
                k += 1
                continue
            pos, end, form, target = hit
            j = self.word_of(end - 1)
            rest = text[end:offsets[j + 1]]
            after = self.word(j + 1) if not rest else ""
            # only the place's own head fuses with it (花蓮|縣長); before another title (宏都拉斯|外交部長)
            # the place is a word of its own, and a mention
            head = after == "長" or (target is not None and target[1] == "place" and after in HEADS)
            if head or rest.endswith("長"):
                self.add_title(pos, offsets[j + 2] if head else offsets[j + 1])
                target = None
            elif rest and rest != "籍":  # (民進黨籍: a member's party, no title)
                self.add_title(end, offsets[j + 1])  # 台北市|議員: a name and a title in one word
            if target is not None:
                actor, kind, evidence = target
                self.add(pos, end, actor, kind, evidence, _surname_title(form) if kind == "person" else None)
            for i in range(self.word_of(pos), j + (2 if head else 1)):
                self.taken[i] = True
            k = j + 1

    def _longest(self, k: int) -> tuple[int, int, str, tuple | None] | None:
        text, offsets, word, start = self.text, self.offsets, self.words[k], self.offsets[k]
        for pos in (start, start + 1) if len(word) >= 2 and word[0] in GLUE else (start,):
            for end, form in _matches(text, pos, self.lex):
                rest = text[end:offsets[self.word_of(end - 1) + 1]]
                if form[0].isascii() and (pos != start or rest):
                    continue  # Latin forms are whole words
                target = self.forms[form]
                if rest in PLACE_SUFFIXES and target is not None and target[1] == "place":
                    end, form, rest = end + 1, form + rest, ""  # 紐約市 as one word: a city of that name
                    target = (target[0] + form[-1], "place", target[2])
                if rest == "籍" and target is not None and target[1] == "organisation":
                    rest = ""  # 民進黨籍: a party's member, a mention of the party (its 籍 no part of it)
                if (not rest or (len(rest) >= 2 and rest in TITLES)) and (pos == start or end >= offsets[k + 1]):
                    return pos, end, form, target
        return None

    # 2. Names by their neighbours and their shape
    def after_title(self, k: int) -> bool:
        while k > 0 and self.words[k - 1] in _SKIP:
            k -= 1
        return self.offsets[k] in self.title_ends

    def dotted(self, j: int) -> int:
        """The last word of a name whose part ends at word ``j`` and whose next parts follow a dot (伊凡|．|達道,
        撒萬|．|達給|伐歷): each part up to six letters of words that are no reporting verb nor another follower
        of a name."""
        while self.word(j + 1) in _DOTS and j + 2 < self.n and not self.taken[j + 2] and han(self.words[j + 2]) \
                and len(self.words[j + 2]) <= 6 and self.words[j + 2] not in CUES:
            j += 2
            part = len(self.words[j])
            while j + 1 < self.n and not self.taken[j + 1] and han(nxt := self.words[j + 1]) \
                    and part + len(nxt) <= 6 and nxt not in FOLLOWERS \
                    and (all(ch in NAME_SYLLABLES for ch in nxt)  # (埃爾|南德|斯: a place's word; not 連續)
                         or (dictionary_tag(nxt) or "nr")[:2] in ("nr", "ns", "nz")):
                j += 1
                part += len(nxt)
        return j

    def name_end(self, k: int) -> int | None:
        """Where a name starting at word ``k``, after a title, ends (謝|明達, 陳燦|堅說, 葛|萊斯里), if it is one."""
        word, offsets = self.words[k], self.offsets
        nxt = self.word(k + 1) if k + 1 < self.n and not self.taken[k + 1] else ""
        end = offsets[k + 1]
        role = bool(k) and self.word(k - 1) in ROLE_TITLES  # (醫生|麻醉: no name after a trade by jieba's tag)
        tagged = foreign_name(word) and not (role and len(word) == 2)
        if transliterated(word, size=2) or personal_name(word) or tagged:
            j = k
            while transliterated(word, size=2) and j + 1 < self.n and not self.taken[j + 1] \
                    and all(ch in NAME_SYLLABLES for ch in self.words[j + 1]):
                j += 1  # 佩斯|科夫
            j = self.dotted(j)  # a name's parts apart by a dot: 伊凡|．|達道, 吉爾|．|高文
            end, nxt = offsets[j + 1], self.word(j + 1) if j + 1 < self.n and not self.taken[j + 1] else ""
            if end - offsets[k] == 2 and han(nxt[:1]) and nxt[0] not in FUNCTION_CHARS \
                    and (len(nxt) == 1 or nxt[1] in FUNCTION_CHARS) and end not in self.title_starts:
                end += 1  # a two-character name that is the start of a three-character one: 陳燦|堅說
                if len(nxt) == 1 and (last := self.dotted(j + 1)) > j + 1:
                    end = offsets[last + 1]  # and a part after a dot: 托馬|什|．|赫拉|德茨基
            return end
        if han(word) and len(word) <= 4 and word not in CUES and nxt in _DOTS and (last := self.dotted(k)) > k:
            return offsets[last + 1]  # 撒萬|．|達給|伐歷 after a title: a name of Taiwan's peoples
        if 0 < len(word) == surname_size(word) and han(nxt) and nxt[0] not in FUNCTION_CHARS:
            after = self.word(k + 2) if k + 2 < self.n and not self.taken[k + 2] else ""
            if len(nxt) == 1 and len(after) == 1 and han(after) and after not in FUNCTION_CHARS \
                    and after not in CUES and not self.text.startswith(FOLLOWERS, offsets[k + 2]) \
                    and offsets[k + 2] not in self.title_starts and given_name(nxt + after):
                return offsets[k + 3]  # 邢|若|嵐: a given name of two letters jieba cut apart
            if given_name(nxt):
                return offsets[k + 2]
            if len(nxt) == 2 and nxt[1] in FUNCTION_CHARS and nxt not in CUES and not ordinary(nxt):
                return end + 1  # 尹|立說 (not 曾|指出)
            if transliterated(nxt, size=2):
                return offsets[k + 2]
        return None

    def unit_head(self, k: int) -> bool:
        """A unit and its head's 長 (交通局|長, 社家署|長) as a title, and the name after it; jieba may fuse 長 with
        the surname (交通局|長謝|慧鶯). Not before a word that starts with 長 (交通局|長期)."""
        word, nxt, offsets = self.words[k], self.word(k + 1), self.offsets
        if not (len(word) >= 2 and han(word) and word[-1] in UNIT_ENDS and nxt[:1] == "長" and not self.taken[k + 1]
                and (nxt == "長" or (han(nxt) and nxt not in TITLES and (not ordinary(nxt) or (
                    (read := name_after_title(self.text, offsets[k + 1] + 1)) is not None
                    and read > offsets[k + 2]))))):
            return False  # (捷運局|長江|明哲: 長 and a surname that make a word, the name going on after it)
        known = self.found.get(offsets[k])  # 移民署|長鐘|景琨: a known unit, then its head fused with the name
        if self.taken[k] and (known is None or known.end != offsets[k + 1] or known.type != "organisation"):
            return False
        head = offsets[k + 1] + 1
        end = None
        if nxt != "長":  # the name begins in the word: 長謝|慧鶯, 長簡慧娟, 長范|姜振宇 (a surname of two)
            rest, after = nxt[1:], self.word(k + 2) if k + 2 < self.n and not self.taken[k + 2] else ""
            read = name_after_title(self.text, head)
            if read is not None and read > offsets[k + 2] and not any(
                    self.taken[i] for i in range(k + 2, self.word_of(read - 1) + 1)):
                end = read
            elif personal_name(rest):
                end = offsets[k + 2]
            elif len(rest) == surname_size(rest) and given_name(after):
                end = offsets[k + 3]
            else:
                return False
        self.found.pop(offsets[k], None)  # the unit is its head's title, as a place is its mayor's (花蓮|縣長)
        self.add_title(offsets[k], head)
        self.taken[k] = self.taken[k + 1] = True
        if end is not None:
            for i in range(k + 2, self.word_of(end - 1) + 1):
                self.taken[i] = True
            self.add(head, end, self.text[head:end], "person", "title")
        return True

    def titled_names(self) -> None:
        """A name right after a title, read from its characters (:func:`analysis.titlednames.name_after_title`):
        jieba glues it to the title (市議員陳|俞融, 律師王|志|中) or to the word after it (曾文|庭受|訪時), or cuts
        the title itself (會|長謝|達雅). The title is a word, or starts on one (not a reporter's 記者: a credit)."""
        text, offsets = self.text, self.offsets
        for k in range(self.n):
            start = offsets[k]
            size = next((n for n in _TITLE_SIZES if text[start:start + n] in TITLES), 0)
            if not size and start in self.title_starts and offsets[k + 1] in self.title_ends:
                size = len(self.words[k])  # a title as a word: 外交部長, 分隊長
            first = k
            if not size and self._title_across(k):  # 顯宮里|長黃|柏甯: the title 里長 across two words
                start, size, first = offsets[k + 1] - 1, 2, k + 1
            title_end = start + size
            if not size or text[start:title_end] == "記者" or (
                    title_end not in self.title_ends and any(self.taken[first:self.word_of(title_end - 1) + 1])):
                continue  # a title found as a word may be a place's (台北市|副市長)
            end = name_after_title(text, title_end) or self._courtesy_after(title_end)
            if end is None or any(self.taken[i] for i in range(self.word_of(title_end), self.word_of(end - 1) + 1)):
                continue
            if title_end not in self.title_ends:
                self.add_title(start, title_end)
            if first > k:  # the place or body is its head's title, as a city is its mayor's (花蓮|縣長)
                held = self.found.get(offsets[k])
                if held is not None and held.end == offsets[k + 1]:
                    self.found.pop(offsets[k])
                if held is None or held.end == offsets[k + 1]:
                    self.taken[k] = True
            for i in range(first, self.word_of(title_end - 1) + 1):
                self.taken[i] = True
            self.add(title_end, end, text[title_end:end], "person", "title")

    def _courtesy_after(self, pos: int) -> int | None:
        """Where a surname and a title of courtesy at ``pos``, right after a title, end (律師王|先生, jieba's cut
        律師王|先生); None if none is there."""
        size = surname_size(self.text[pos:pos + 2])
        courtesy = next((c for c in COURTESY_TITLES if self.text.startswith(c, pos + size)), None) if size else None
        return pos + size + len(courtesy) if courtesy else None

    def _title_across(self, k: int) -> bool:
        """Does a title of two letters start on word ``k``'s last letter and end inside the word after it, where jieba
        glued a title's 長 to the surname after it (顯宮里|長黃|柏甯, 豐南村|長宋|德勇)? The village or body is then
        its head's title, not a mention, as a city is its mayor's."""
        word, nxt = self.words[k], self.word(k + 1)
        return nxt[:1] in _TITLE_SECONDS and len(word) >= 2 and len(nxt) >= 2 and word[-1] + nxt[0] in TITLES \
            and han(word) and word[-1] not in UNIT_ENDS  # (a unit's: unit_head, 交通局|長謝|慧鶯)

    def by_neighbours(self) -> None:
        """Names next to a title, a surname before a title, transliterations, jieba's tags, bodies."""
        text, words, offsets = self.text, self.words, self.offsets
        for k in range(self.n):
            word, start, nxt = words[k], offsets[k], self.word(k + 1)
            if self.unit_head(k) or self.taken[k] or start in self.title_starts:
                continue
            # a surname and a title: 蔡|總統, 見蔡|總統, 柯市長
            if nxt in SURNAME_TITLES and not self.taken[k + 1] and (not self.after_title(k) or nxt in COURTESY_TITLES):
                head = word if len(word) == 1 else word[1:] if len(word) == 2 and word[0] in GLUE else ""
                if head and head in SURNAMES:
                    begin = offsets[k + 1] - len(head)
                    self.add(begin, offsets[k + 2], text[begin:offsets[k + 2]], "person", "title", (head, nxt))
                    continue
            if len(word) == 3 and word[0] in SURNAMES and word[1:] in SURNAME_TITLES \
                    and word not in common_words()[0]:
                self.add(start, start + 3, word, "person", "title", (word[0], word[1:]))
                continue
            # a name after a title (發言人 歐江安, 總召柯建銘), or before one (李光章|大使)
            before = offsets[k + 1] in self.title_starts and nxt not in PRECEDING_TITLES  # (not 印象派|畫家)
            end = self.name_end(k) if self.after_title(k) or before else None
            prefix = next((i for i in range(len(word) - 2, 1, -1)
                           if word[:i] in TITLES and personal_name(word[i:])), 0)
            if prefix:
                self.add_title(start, start + prefix)
                start, end = start + prefix, offsets[k + 1]
            if end is not None:
                if CREDIT.match(text, end) and text[max(0, start - 2):start] == "記者":
                    self.taken[k] = True  # a reporter's credit, not an actor: （中央社記者王文傑台北20日電）
                    continue
                self.add(start, end, text[start:end], "person", "title")
            elif transliterated(word) and not self.word(k - 1).startswith("駐"):  # 駐|古斯加巴: a capital
                last = self.dotted(k)  # (伊斯坦達|．|巴萬)
                self.add(start, offsets[last + 1], text[start:offsets[last + 1]], "person", "transliteration")
            elif len(word) - surname_size(word) == 2 and personal_name(word) \
                    and (jieba_tag(word) or "").startswith("nr") and text[start + len(word):start + len(word) + 1] \
                    not in ("者", "們") and not (word[-1] in "書證" and dictionary_tag(word) is not None):
                # (房仲業|者: people of a trade; 申請書, 許可證: words jieba's dictionary tags as names)
                self.add(start, start + len(word), word, "person", "tag")
            elif (len(word) >= 3 and han(word) and word.endswith(ORG_SUFFIXES) and word not in NOT_BODIES
                  and word not in GENERIC_BODIES
                  and not _NUMERAL_START.match(word)  # (到十一局, 十一局: an inning)
                  and (word not in common_words()[1] or dictionary_tag(word) == "j")  # (工聯會, an abbreviation)
                  and word not in STOPWORDS and word[0] not in NOT_BODY_STARTS):
                self.add(start, start + len(word), word, "organisation", "suffix")
            elif _LATIN_NAME.fullmatch(word) and self.word(k - 1) in ("(", "（") and nxt in (")", "）"):
                # a name in Latin letters, in brackets after a person's name: 克拉夫特(Kelly Craft)
                before = next((f for f in self.found.values() if f.end == offsets[k - 1]), None)
                if before is not None and before.type == "person":
                    self.add(start, start + len(word), before.actor, "person", "alias")

    def worded_bodies(self) -> None:
        """Bodies whose names jieba cuts into words before their head (:data:`~analysis.names.BODY_HEADS`):
        台灣|國際|勞工|協會, 台北市|記者|公會, 全國|教師|工會|總|聯合會. Up to four words of letters before the
        head, back to a function word, a verb (not a verbal noun: 醫療|改革 is a name's, 交付 no name's), a word
        of time, place (方位), number or degree, or another actor; a place that opens the name is part of it;
        the longest name first."""
        text, words, offsets = self.text, self.words, self.offsets
        for k in range(self.n - 1, 0, -1):
            if self.taken[k] or (words[k] not in BODY_HEADS and words[k] not in PROPER_HEADS):
                continue
            j = self.name_start(k)
            while j < k and len(words[j]) == 1 and words[j] in NOT_BODY_STARTS:
                j += 1  # 總|聯合會: not a name's first word
            if j == k:
                continue
            own = 1 if words[j] in OWNERS and j + 1 < k else 0  # 國立|中興|大學: the name is 中興大學
            last = j + own == k - 1 or (words[k] == "醫院" and words[j + own + 1:k] == ["紀念"])  # 嘉惠|紀念|醫院
            if words[k] in PROPER_HEADS and not (self.proper(j + own, words[k], last=last) and all(
                    (dictionary_tag(words[i]) or "x")[0] == "n" for i in range(j + own + 1, k))):
                continue  # 香港|大學, 香港|機場|管理局, 港鐵|公司 are bodies; 科技|公司, 美國|公司 are kinds of them
            self.found.pop(offsets[j], None)
            self.add(offsets[j], offsets[k + 1], text[offsets[j + own]:offsets[k + 1]], "organisation", "suffix")

    def proper(self, i: int, head: str, *, last: bool) -> bool:
        """Whether word ``i``, opening a body's name before its ``head`` (:data:`~analysis.names.PROPER_HEADS`), is a
        proper name's: a name of jieba's dictionary (nt, nz, an abbreviation), a place before a head a place names
        (香港|大學: :data:`~analysis.names.PLACE_NAMED`), or a brand of two letters no dictionary holds right
        before a company's head (港鐵|公司: :data:`~analysis.names.BRAND_HEADS`)."""
        held = self.found.get(self.offsets[i])
        word = self.words[i]
        tag = dictionary_tag(word)
        if len(word) < 2:
            return False  # (川|管理局)
        if held is not None and held.type == "place" or (tag or "").startswith("ns"):
            if head in _PLACE_HEADS:  # 屯門|醫院, a place found right before it (not 新竹|地區|醫院, 離島|醫院,
                return last and held is not None and held.type == "place" and held.actor not in regions() \
                    and not word.endswith("國")  # 日本|醫院: a country's hospitals)
            return head in PLACE_NAMED and not word.endswith("國")  # (香港|大學; not 英國|大學: Britain's universities)
        return (tag is not None and tag.startswith(("nt", "nz", "j"))) \
            or (tag is None and last and head in BRAND_HEADS and transliterated(word)) \
            or (tag is None and last and head in BRAND_HEADS and len(word) == 2 and han(word) and word not in OWNERS
                and not (i and self.words[i - 1][-1:].isdigit()))  # (2022|年起|公司: a year's, no brand; 部立|醫院)

    def name_start(self, k: int) -> int:
        """Where the name of the body whose head is word ``k`` starts (see :meth:`worded_bodies`)."""
        words, offsets = self.words, self.offsets
        j = k
        while j > 0 and k - j < 4:
            word, held = words[j - 1], self.found.get(offsets[j - 1])
            if self.taken[j - 1] and not (held is not None and held.type == "place" and held.end == offsets[j]):
                break
            tag = jieba_tag(word) or "x"
            before = (jieba_tag(words[j - 2]) or "x") if j > 1 else "x"  # a noun, not a place (台南|照顧|協會長輩)
            place = j > 1 and (f := self.found.get(offsets[j - 2])) is not None and f.type == "place"
            verb = tag[0] == "v" and tag != "vn" and not (word in BODY_VERBS and before[0] == "n" and not place)
            if not han(word) or word in CUES or (len(word) == 1 and word in FUNCTION_CHARS) \
                    or tag[0] in "trdcpumqf" or verb:
                break
            j -= 1
            if held is not None:
                break  # a place opens the name
        return j

    # 3. Bodies of countries and cities
    def bodies(self) -> None:
        """A country or city and a body: 中國|外交部, 美|國務院 (not 日本|政府: 政府 after a name is generic)."""
        words, offsets = self.words, self.offsets
        by_end = {f.end: f for f in self.found.values()}
        for k in range(1, self.n):
            body = words[k]
            if self.taken[k] and offsets[k] not in self.found and not (body in BODIES and body in self.forms
                                                                      and self.forms[body] is None):
                continue  # (國會 alone is generic, but 美國|國會 is a body)
            head = by_end.get(offsets[k])
            if body in PERSON_BODIES and head is not None and head.type == "person" and not head.pending \
                    and not self.taken[k]:  # 馬英九|基金會: a body named for a person, one mention
                self.found.pop(head.start, None)
                self.add(head.start, offsets[k + 1], self.text[head.start:offsets[k + 1]], "organisation", "suffix")
                continue
            if body not in BODIES and not (not self.taken[k] and len(body) >= 2 and han(body)
                                           and body.endswith(OFFICE_SUFFIXES) and body not in NOT_BODIES
                                           and not (jieba_tag(body) or "").startswith("v")
                                           and not _NUMERAL_START.match(body) and body[0] not in _DETERMINERS):
                continue  # a body every government has, or one no dictionary knows (新北|市黨部; not 北京|簽署,
                # nor a number or determiner and a measure word: 西屯區|一處, 台北|多處)
            single = words[k - 1] if not self.taken[k - 1] and words[k - 1] in ABBREVIATIONS \
                and body in MINISTRIES else None
            if (head is None and single is None) or (head is not None and (head.pending or head.type != "place")):
                continue
            begin = head.start if head is not None else offsets[k - 1]
            country = head.actor if head is not None else ABBREVIATIONS[single]
            own = self.forms.get(body)
            if country in SELF and own is not None:
                actor, kind, evidence = own
            else:
                target = self.forms.get(country + body)
                joined = country + (body[1:] if country[-1] == body[0] and body[0] in PLACE_SUFFIXES else body)
                actor, kind, evidence = target if target is not None else (joined, "organisation", "suffix")
            self.found.pop(begin, None)
            self.found.pop(offsets[k], None)
            self.add(begin, offsets[k + 1], actor, kind, evidence)


    # 4. One-character names
    def before_post(self, k: int) -> bool:
        """Does a post or title start at word ``k``: 駐(聯), a title, or a name right before a title (UN|大使)?"""
        word, pos = self.word(k), self.offsets[min(k, self.n)]
        if word.startswith("駐") and len(word) <= 3 or pos in self.title_starts:
            return True
        f = self.found.get(pos)
        return f is not None and f.end in self.title_starts

    def single_characters(self) -> None:
        """One-character names standing as words of their own: a country before a post or title (美|駐|聯合國|大使,
        美|UN|大使, 會台|代表), and a surname for a leader before a generic body or a headline verb (蔡|政府, 馬稱)."""
        words, offsets, text = self.words, self.offsets, self.text
        for k in range(self.n):
            if self.taken[k]:
                continue
            word, nxt = words[k], self.word(k + 1)
            end = offsets[k + 1]
            char = word if len(word) == 1 else word[1] if len(word) == 2 and word[0] in GLUE else ""
            previous = text[offsets[k] - 1:offsets[k]] if len(word) == 1 else word[0]
            if char in COUNTRY_CHARS and not previous.isdigit() and self.before_post(k + 1):
                self.add(end - 1, end, COUNTRY_CHARS[char], "place", "alias")
                continue
            if len(word) == 1 and nxt in ADMINISTRATION:
                surname, pos = word, offsets[k]
            elif len(word) == 2 and word[1] in HEADLINE_CUES and word not in CUES and not ordinary(word):
                surname, pos = word[0], offsets[k]
            else:
                continue
            leader = next((self.forms[surname + t] for t in LEADER_TITLES if self.forms.get(surname + t)), None)
            if surname in SURNAMES and leader is not None and leader[1] == "person":
                self.add(pos, pos + 1, leader[0], "person", "alias", (surname, "總統"))


_NUMERAL_START = re.compile(r"到?[一二兩三四五六七八九十百千\d]")
#: Determiners before a measure word (此處, 該處, 某處, 多處): no body's name opens with one.
_DETERMINERS = frozenset("多幾數某此這那每各該")


def scan(text: str, words: list[str], lex: Lexicon) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Find the mentions of one text, given its words: the rules of this module, before the document's.

    Three passes: the known forms of the lexicon; then names by their neighbours (titles) and
    their shape (surnames, transliteration, jieba's tags, suffixes, bodies' names cut into words); then the
    bodies of countries.
    People named in a credit (:mod:`analysis.filler`: ``（編輯：林沂鋒）1120618``, ``責任編輯：王明``) are
    the outlet's staff, not actors of the news (its place and outlet are kept), and a name that is
    part of a name in 《》 (香港 in 《香港01》) is that name's: both left out.

    Parameters
    ----------
    text : str
        A title or text.
    words : list of str
        Its words (lossless: they join to ``text``).
    lex : Lexicon
        The known names.

    Returns
    -------
    (list, list)
        The mentions found, in order, as ``(start, end, actor, type, evidence, pending)`` where
        ``pending`` is ``(surname, title)`` for a surname and title to resolve in the document;
        and the spans of the title words.

    Examples
    --------
    >>> found, titles = scan("總統蔡英文", ["總統", "蔡英文"], lexicon())
    >>> [(f.start, f.end, f.actor, f.evidence) for f in found], titles
    ([(2, 5, '蔡英文', 'dictionary')], [(0, 2)])
    """
    state = _Scan(text, words, lex)
    state.known_forms()
    for k in range(state.n):
        if not state.taken[k] and (is_title(words[k], lex.forms) or role_word(words[k])):
            state.add_title(state.offsets[k], state.offsets[k + 1])
    state.titled_names()
    state.by_neighbours()
    state.worded_bodies()
    state.bodies()
    shapednames.speaking_names(state)
    shapednames.dotted_names(state)
    shapednames.pseudonyms(state)
    shapednames.speaking_bodies(state)
    shapednames.spokespeoples_brands(state)
    shapedplaces.local_places(state)
    shapedplaces.shaped_places(state)
    shapedplaces.estates(state)
    shapedplaces.settlements(state)
    shapednames.formed_bodies(state)
    shapednames.owned_bodies(state)
    shapednames.listed_companies(state)
    shapednames.body_units(state)
    shapednames.quoted_bodies(state)
    shapednames.initials(state)
    shapednames.dotted_ends(state)
    state.single_characters()
    credits = [(c.start, c.end) for c in boilerplate_spans(text) if c.category == "credit"]
    # part of a name in 《》 (《香港01》, 《紐約時報》): the outlet's or the book's name, not the place
    titled = [(m.start(1), m.end(1)) for m in TITLE_MARKS.finditer(text)]
    found = [f for f in state.found.values()
             if not (f.type == "person" and any(s <= f.start and f.end <= e for s, e in credits))
             and not any(s <= f.start and f.end <= e and (f.start, f.end) != (s, e) for s, e in titled)]
    return sorted(found), sorted(state.titles)


# -- many fields -------------------------------------------------------------------------------------------

#: What a scan gives: the mentions found and the spans of the title words.
Scanned = tuple[list[_Found], list[tuple[int, int]]]


def rules_digest(lex: Lexicon, fingerprint: str) -> str:
    """A digest of everything a scan depends on but its text: the names, the segmenter, the rules' code
    (every module this one imports, :func:`analysis.codedeps.code_digest`) and the kit's data."""
    h = hashlib.blake2b(digest_size=16)
    h.update(fingerprint.encode())
    h.update(code_digest(__name__).encode())
    h.update(json.dumps(sorted(lex.forms.items()), ensure_ascii=False).encode())
    h.update(patterns_digest().encode())  # credits are left out
    return h.hexdigest()


def _encode(scanned: Scanned) -> bytes:
    found, titles = scanned
    return json.dumps([[list(f) for f in found], titles], ensure_ascii=False, separators=(",", ":")).encode()


def _decode(blob: bytes) -> Scanned:
    found, titles = json.loads(blob)
    return ([_Found(s, e, a, t, ev, tuple(p) if p else None) for s, e, a, t, ev, p in found],
            [tuple(span) for span in titles])


def scan_chunk(items: list[tuple[str, list[str]]], *, userdict: UserDict = None,
               aliases: PathLike | Sequence[PathLike] | None = None) -> list[bytes]:
    """Scan texts with their words, with the names these files give: the task worker processes run.

    Parameters
    ----------
    items : list of (str, list of str)
        Texts and their words.
    userdict, aliases
        As for :func:`analysis.names.lexicon`.

    Returns
    -------
    list of bytes
        Each text's mentions and title spans, encoded for the cache.

    Examples
    --------
    >>> [blob] = scan_chunk([("總統蔡英文", ["總統", "蔡英文"])])
    >>> found, titles = _decode(blob)
    >>> [(f.start, f.end, f.actor) for f in found], titles
    ([(2, 5, '蔡英文')], [(0, 2)])
    """
    lex = lexicon(userdict=userdict, aliases=aliases)
    return [_encode(scan(text, words, lex)) for text, words in items]


def scan_many(texts: Sequence[str], words_of: dict[str, list[str]], *, fingerprint: str,
              userdict: UserDict = None, aliases: PathLike | Sequence[PathLike] | None = None
              ) -> dict[str, Scanned]:
    """Scan each distinct text once: from the cache when it was scanned before, else here or in workers.

    Parameters
    ----------
    texts : sequence of str
        Titles and texts; repeats cost nothing.
    words_of : dict of str to list of str
        Each text's words (:func:`analysis.segment_many`).
    fingerprint : str
        The fingerprint of the segmenter that cut the words.
    userdict, aliases
        As for :func:`analysis.names.lexicon`.

    Returns
    -------
    dict of str to (list, list)
        Each text's mentions and title spans, as :func:`scan` gives them.

    Examples
    --------
    >>> out = scan_many(["總統蔡英文"], {"總統蔡英文": ["總統", "蔡英文"]}, fingerprint="example")
    >>> [f.actor for f in out["總統蔡英文"][0]]
    ['蔡英文']
    """
    lex = lexicon(userdict=userdict, aliases=aliases)
    distinct = list(dict.fromkeys(texts))
    out: dict[str, Scanned] = {}
    cache, keys = None, {}
    try:
        cache = open_cache("mentions.sqlite", kind=SegmentCache) if distinct else None
        if cache is not None:
            digest = rules_digest(lex, fingerprint)
            keys = {t: SegmentCache.key(digest, t) for t in distinct}
            stored = cache.get_many(list(keys.values()))
            for t in distinct:
                blob = stored.get(keys[t])
                if blob is not None:
                    out[t] = _decode(blob)
        todo = [t for t in distinct if t not in out]
        logger.info("finding actors in %d texts (%d from cache)", len(todo), len(out))
        blobs = run_chunks(scan_chunk, [(t, words_of.get(t, [])) for t in todo], desc="finding actors",
                           unit="text", parallel_min=PARALLEL_MIN_TEXTS, min_chunk=50, prepare=load_tagger,
                           userdict=userdict, aliases=aliases)
        for t, blob in zip(todo, blobs):
            out[t] = _decode(blob)
        if cache is not None and todo:
            cache.put_many((keys[t], b) for t, b in zip(todo, blobs))
    finally:
        if cache is not None:
            cache.close()
    return out


