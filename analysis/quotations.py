"""Quotations and reported speech: who speaks in the news, and what they are reported to say.

:func:`quotes` finds three kinds of statement in the titles and texts, and names the speaker of each
with the actors of :func:`analysis.mentions.actors` (the same canonical names, aliases and rules):

- ``"voice"``: the lines of television transcripts that give a sound bite,
  ``(聲音來源)中華民國外交部發言人 歐江安:「…」``: the speaker is the person named before the colon,
  else the organisation;
- ``"quotation"``: words in 「…」 or “…” with a speaker and a reporting verb (:data:`CUES`) before
  (``吳釗燮說：「…」``, ``她寫道「…」``, ``費鴻泰表示，克拉夫特「…」``) or after (``「…」他說。``);
  words in quotation marks after a colon or comma with no verb, spoken by the subject of the clause
  before (cue ``「」``); and a headline's ``外交部：與AIT協調中`` (cue ``：``);
- ``"reported"``: reported speech, a speaker and a verb followed by what was said, to the end of the
  sentence (``馬英九9日表示，…。``).

Rules a coder should know:

- Scare quotes and titles in quotation marks (「歷史性」, 「台灣黑熊」, 「時代雜誌」) are not
  quotations: quoted words of six characters or fewer count only right after a reporting verb (稱
  「蔡總統」) or with a speaker and verb right after them; longer quoted words inside a clause with
  no verb near (展現出「一個自由的中國」所能達成的成就) are not quotations either.
- The speaker of a verb is the subject of its clause: the first actor of the clause, or the person at
  the end of a chain of names and titles (國民黨立院黨團總召費鴻泰 is 費鴻泰). A verb whose clause has
  no subject (…，並說…) takes the subject of the clause before it that names a person or
  organisation. 他 and 她 are the person named last before them. A title with no name (美駐聯大使) is
  the one person the document names with that title; a spokesperson with no name
  (總統府發言人) speaks for the organisation; otherwise the speaker is empty and
  ``speaker_mention`` says who spoke (美國國務院次卿, 警方). A post (推文, 貼文, 聲明) speaks for
  whoever posted it (駐紐約辦事處推文…, 推文還寫到).
- A later clause that opens with its own subject (…，外交部晚間表示，…) or with a verb that says
  something (…，並重申…, …，也呼籲…) ends a statement; the verb with no subject is another statement of
  the same speaker. A clause inside 除了…以外 is no subject. An organisation where words were
  published (刊登在「時代雜誌」, 時代雜誌刊廣告, 透過臉書) is no speaker: the speaker is whoever published there.
- Verbs used as nouns (的批評, 的嚴重警告, 遭批評, 做出回應) and verbs inside quotation marks report nothing;
  a verb inside a statement already found is part of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

import pandas as pd

from .forking import map_inherited
from .mentions import (ACTOR_BLOCK, DocumentActors, FieldActors, Mention, document_actors, iter_document_actors,
                       mention_rows, mentions_frame)
from .names import ABBREVIATIONS, CUES, HEADLINE_STARTS, lexicon
from .selection import one_chunk
from .settings import options
from .tables import distinct
from .typedefs import PathLike, SegmenterLike, UserDict

#: Columns of the table :func:`quotes` returns, in order.
COLUMNS = ("doc_id", "field", "start", "end", "quote", "speaker", "speaker_mention", "speaker_type", "cue", "kind")
#: The kinds of statement.
KINDS = ("voice", "quotation", "reported")
#: Quoted words of this many characters or fewer are scare quotes or titles unless a verb is right by them.
SHORT_QUOTE = 6
#: Pronouns that stand for the person named last.
PRONOUNS = frozenset(("他", "她"))
#: Unnamed speakers (the speaker is empty, ``speaker_mention`` says who).
UNNAMED = frozenset("""
警方 檢方 軍方 校方 院方 官方 官員 專家 學者 網友 民眾 業者 家屬 消息人士 知情人士 人士 外媒 媒體 分析人士 發言人
律師 醫師 居民 目擊者 當事人 主辦單位 該部 該會 該署 該局 該院 該公司 對方 政府 市府 縣府 中央 地方
""".split())
#: Posts, statements and letters that speak for whoever issued them (駐紐約辦事處推文…，推文還寫到).
POSTS = ("推文", "貼文", "聲明", "新聞稿", "臉書", "推特", "文章", "廣告", "信中", "公告", "影片")
#: Words before a verb that make it a noun or a passive (的批評, 遭批評, 做出回應).
NOT_A_VERB_BEFORE = ("的", "到", "受", "遭", "被", "其", "做出", "作出", "提出", "有", "無", "予以", "發表",
                     "引發", "引起", "招致", "面對", "面臨")
#: Adverbs and connectives that may stand between a clause's start and its verb (，並說…).
ADVERBS = frozenset("也 亦 更 還 並 又 再 則 就 都 另 同時 隨後 接著 最後 另外 此外 甚至 進一步 並且 而 但 卻 且 "
                    "也曾 曾 則是".split())
#: Words that deny the verb after them (怎麼不批評): a statement not made.
NEGATIONS = ("不", "沒", "未")
#: Words that start a clause of the reporter's own, which ends a reported statement (另外，…).
_CONNECTIVE = re.compile(r"[，,](?:另外|此外|對此|對於此|與此同時|另一方面)")
#: Nouns a chain of names and titles may hold besides names and titles.
_CHAIN_WORDS = frozenset((" ", "\u3000", "駐", "、", "前", "現任", "新任", "兼",
                          "政務", "常務", "代理", "首席", "資深", "常任"))  # 外交部政務次長田中光: jieba cuts 政務|次長

_SAYS = frozenset(("說", "稱", "表示", "指出", "說道"))
#: Place and time words a verb may be fused to (在記者會上稱, 受訪時說).
#: Verbs that may open a later clause of a statement as another statement of its speaker (…，並重申…).
_SECOND_VERBS = frozenset(("說", "稱", "表示", "指出", "說道", "重申", "呼籲", "強調", "認為", "直言", "坦言", "透露",
                           "提到", "補充", "批評", "承諾", "允諾", "宣布"))
_LOCATIVE_ENDS = frozenset(("上", "中", "時", "後", "前", "內"))
#: Words before an organisation that make it where something was published, not who speaks (透過臉書).
_CHANNEL_BEFORE = ("透過", "經由", "刊登在", "刊在", "登在", "刊登於", "刊於")
#: Words after an organisation that make it where something was published (時代雜誌刊廣告).
_CHANNEL_AFTER = ("刊", "登出", "刊登")
_TERMINATORS = frozenset("。！？!?；;\n")
_PARENTHESIS = re.compile(r"[(（〔【\[][^()（）〔〕【】\[\]\n。]{0,30}[)）〕】\]]")
_CLAUSE = frozenset("，,：:")
#: Quotation marks, opening to closing: 『』 quote on their own in some outlets (nested in 「」 they stay inside),
#: straight quotes in crawled text.
_OPEN = {"「": "」", "“": "”", "『": "』", '"': '"', "＂": "＂"}
_MUST_CLOSE = frozenset(("』", '"', "＂"))
_VOICE = re.compile(r"^[ \t\u3000]*[(（]聲音來源[)）][ \t\u3000]*(?P<who>[^\n:：「]*?)[ \t\u3000]*[:：]"
                    r"[ \t\u3000]*(?P<body>[^\n]*)", re.M)


class _Speaker(NamedTuple):
    speaker: str
    mention: str
    type: str


#: A subject and where its clause starts.
_Found = tuple[_Speaker, int]


class _Field:
    """A field's words, mentions, titles, quotation marks and verbs, with the lookups the rules need."""

    def __init__(self, doc: DocumentActors, f: FieldActors):
        self.doc, self.f, self.text = doc, f, f.text
        self.words = f.words
        self.offsets = list(accumulate(map(len, f.words), initial=0))
        self.pairs = _quote_pairs(f.text)
        self.mentions = [m for m in f.mentions if not self.in_quotes(m.start)]
        self.starts = [m.start for m in self.mentions]
        self.titles = {s: e for s, e in f.titles if not self.in_quotes(s)}
        self.title_ends = {e: s for s, e in self.titles.items()}
        self.cues = self._cues()

    def opens(self, pos: int) -> bool:
        """Whether a name, title, pronoun or unnamed speaker opens the clause at ``pos`` (after an adverb)."""
        pos += len(self.text[pos:]) - len(self.text[pos:].lstrip(" \u3000"))
        if self.word_at(pos) in ADVERBS:
            pos += len(self.word_at(pos))
        word = self.word_at(pos)
        return self.mention_at(pos) is not None or pos in self.titles or word in PRONOUNS or word in UNNAMED

    def in_quotes(self, pos: int) -> bool:
        i = bisect_right(self.pairs, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.pairs[i][0] < pos <= self.pairs[i][1]

    def word_at(self, pos: int) -> str:
        k = bisect_left(self.offsets, pos)
        return self.words[k] if k < len(self.words) and self.offsets[k] == pos else ""

    def _cues(self) -> list[tuple[int, int, str]]:
        """Every reporting verb used as a verb: (start, end, verb); a verb may end a word (尹立說, 並說)."""
        words, text = self.words, self.text
        ends = {m.end for m in self.f.mentions}
        title_ends = {e for _, e in self.f.titles}
        out = []
        for k, word in enumerate(words):
            start = self.offsets[k]
            cue = word if word in CUES else None
            if cue is None:
                for i in range(1, len(word)):
                    if word[i:] in CUES and (start + i in ends or word[:i] in ADVERBS or word[:i] in _LOCATIVE_ENDS):
                        cue, start = word[i:], start + i
                        break
            if cue is None and self.f.field == "title" and len(word) >= 2 and word[0] in HEADLINE_STARTS \
                    and word not in CUES and (start in ends or start in title_ends or self._break(start - 1)):
                cue = word[0]  # a headline's one-character verb fused to its object: 美次卿|讚台…, 允助台…
            if cue is None or self.in_quotes(start):
                continue
            before = text[max(0, start - 2):start]
            if before.endswith(NOT_A_VERB_BEFORE) or (before.endswith(NEGATIONS) and cue not in ("認為", "排除")):
                continue
            if k >= 2 and words[k - 2] == "的" and len(words[k - 1]) <= 2 and words[k - 1] not in UNNAMED \
                    and start not in ends and start not in title_ends:
                continue  # 的嚴重警告: a noun with its modifier
            after = words[k + 1] if k + 1 < len(words) else ""
            if after == "的" or after in _SAYS:  # 表示的; 回應稱: the second verb says it
                continue
            if self.passive(start):
                continue
            out.append((start, start + len(cue), cue))
        return out

    def passive(self, pos: int) -> bool:
        """A verb whose names and titles right before it follow 遭 or 被: 他遭民進黨立委批評."""
        starts = {m.end: m.start for m in self.f.mentions} | self.title_ends
        moved = pos
        while moved in starts:
            moved = starts[moved]
        return moved < pos and self.text[max(0, moved - 2):moved].endswith(("遭", "被", "受", "受到"))

    # -- where sentences and clauses are

    def _break(self, i: int) -> bool:
        """A space between the parts of a headline (not between two Latin words)."""
        return self.f.field == "title" and i > 0 and self.text[i] in " \u3000" \
            and not self.text[i - 1:i + 2].isascii()

    def previous_part(self, pos: int) -> tuple[int, int] | None:
        """The part of a headline before the one starting at ``pos`` (after a space), else None."""
        if pos <= 1 or not self._break(pos - 1):
            return None
        return self.sentence_start(pos - 1), pos - 1

    def sentence_start(self, pos: int) -> int:
        i = pos - 1
        while i >= 0 and self.text[i] not in _TERMINATORS and not self._break(i):
            i -= 1
        return i + 1

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends; it ends after the quotation marks it opened."""
        i, n = pos, len(self.text)
        closing = dict(self.pairs)
        while i < n and self.text[i] not in _TERMINATORS and not self._break(i):
            i = closing[i] + 1 if i in closing else i + 1
        return min(i, n)

    def clause_start(self, pos: int) -> int:
        i = pos - 1
        while i >= 0 and self.text[i] not in _TERMINATORS and not self._break(i) \
                and not (self.text[i] in _CLAUSE and not self.in_quotes(i)):
            i -= 1
        return i + 1

    def locative(self, start: int, end: int) -> bool:
        """A verb inside a phrase of place or time: 在一篇譴責中共鎮壓香港的聲明中."""
        stop = end
        while stop < len(self.text) and self.text[stop] not in _TERMINATORS and self.text[stop] not in _CLAUSE:
            stop += 1
        rest = self.text[end:stop]
        return "的" in rest and rest.endswith(("中", "時", "後", "前", "上", "裡", "內")) and \
            "在" in self.text[self.clause_start(start):start]

    # -- speakers

    def parenthesis(self, pos: int) -> int:
        """Where a short bracketed aside that opens at ``pos`` ends (0 if none opens there)."""
        if self.text[pos:pos + 1] not in ("(", "（", "〔", "【", "["):
            return 0
        m = _PARENTHESIS.match(self.text, pos)
        return m.end() if m else 0

    def mention_at(self, pos: int) -> Mention | None:
        i = bisect_left(self.starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.starts[i] == pos else None

    def new_subject(self, start: int, stop: int) -> bool:
        """Whether a clause after a statement's first one, in [start, stop), opens with a subject of its
        own (…表示不清楚，但網友留言，「…」: the quoted words are not the first speaker's)."""
        starts = [i + 1 for i in range(start, stop) if self.text[i] in _CLAUSE]
        head = self.text[start:starts[0] if starts else stop].strip("，,：: \u3000")
        return any(self.opens(pos) for pos in (starts if head else starts[1:]) if pos < stop)

    def titled_person(self, lo: int, hi: int) -> Mention | None:
        """A person named right after a title and right before ``hi`` (the verb), no verb from ``lo`` to them."""
        for m in self.mentions:
            if lo <= m.start and m.type == "person" and not self.text[m.end:hi].strip(" \u3000") \
                    and m.start in self.title_ends and not any(lo <= c[0] < m.start for c in self.cues):
                return m
        return None

    def _chain(self, pos: int, hi: int) -> tuple[int, Mention | None, Mention | None]:
        """From a name or title at ``pos``, the names and titles that stand together (國民黨立院黨團總召費鴻泰).

        Returns where the chain ends, its last person and its last name."""
        person = last = None
        while pos < hi:
            m = self.mention_at(pos)
            if m is not None:
                pos, last = m.end, m
                person = m if m.type == "person" else person
                continue
            if pos in self.titles and self.titles[pos] <= hi:
                pos = self.titles[pos]
                continue
            word = self.word_at(pos)
            if word in _CHAIN_WORDS and word and pos + len(word) <= hi:
                pos += len(word)
                continue
            skip = self.parenthesis(pos)
            if skip and skip <= hi:
                pos = skip  # 美國在台協會（AIT）處長孫曉雅
                continue
            break
        return pos, person, last

    def topic(self, lo: int, hi: int, *, places: bool = True) -> _Found | None:
        """The subject of the clause in [lo, hi): its first name, pronoun, title or unnamed speaker, as a chain."""
        pos, channel = lo, None
        while pos < hi:
            word = self.word_at(pos)
            m = self.mention_at(pos)
            if m is not None and self.channel(m):
                pos, channel = m.end, channel or m  # 在時代雜誌刊登, 透過臉書: where it was published
                continue
            if m is not None or pos in self.titles:
                start = pos
                end, person, last = self._chain(pos, hi)
                if person is not None:
                    return _Speaker(person.actor, person.mention, "person"), lo
                role = self.title_ends.get(end)
                if role is not None:  # a title with no name after it
                    role_text = self.text[role:end]
                    if last is not None and role_text.endswith("發言人"):
                        return _Speaker(last.actor, last.mention, last.type), lo
                    while start > lo:  # 美駐聯大使, 美UN大使: the country and post before the title
                        k = bisect_left(self.offsets, start) - 1
                        word = self.words[k]
                        if not (word in ABBREVIATIONS or word.startswith("駐")) or self.offsets[k] < lo:
                            break
                        start = self.offsets[k]
                    holder = next((h for h in (self.doc.holder(role_text), self.doc.holder(role_text[-2:])) if h), "")
                    return _Speaker(holder, self.text[start:end].strip(), "person"), lo
                if last is not None and start in self.titles:
                    pos = end  # 代表川普政府: a title word used as a verb before a name
                    continue
                if last is not None and last.type == "place" and any(end < t < hi for t in self.titles):
                    pos = end  # 日本防衛大臣…說: the speaker holds the title, not the country
                    continue
                titled = self.titled_person(end, hi)
                if titled is not None:  # 政治大學國際關係研究中心研究員嚴震生分析: the person the title names
                    return _Speaker(titled.actor, titled.mention, "person"), lo
                if last is not None and (places or last.type != "place"):
                    return _Speaker(last.actor, last.mention, last.type), lo
                pos = end
                continue
            if word in PRONOUNS:
                person = self.last_person(pos)
                return _Speaker(person.actor if person else "", word, "person"), lo
            if word in UNNAMED:
                return _Speaker("", word, ""), lo
            if word.startswith(POSTS):
                found = self.poster(pos)
                if found:
                    return found, lo
                break
            pos = self.parenthesis(pos) or pos + (len(word) or 1)  # a credit in brackets is no subject
        if channel is not None:
            found = self.publisher(channel)
            if found is not None:
                return found, lo
        return None

    def channel(self, m: Mention) -> bool:
        """An organisation where something was published (刊登在時代雜誌, 時代雜誌刊廣告, 透過臉書), not a speaker."""
        if m.type != "organisation":
            return False
        before = self.text[max(0, m.start - 3):m.start].rstrip(" \u3000「“")
        after = self.text[m.end:m.end + 2].lstrip("」”")
        return before.endswith(_CHANNEL_BEFORE) or after.startswith(_CHANNEL_AFTER)

    def publisher(self, channel: Mention) -> _Speaker | None:
        """Who published in a channel: the subject of a clause of another field that names the same channel
        (時代雜誌刊廣告 in a headline; 駐紐約辦事處在「時代雜誌」刊登廣告 in the text)."""
        for other in self.doc.fields:
            if other.field == self.f.field or channel.mention not in other.text:
                continue
            fld = _Field(self.doc, other)
            i = other.text.find(channel.mention)
            while i >= 0:
                found = fld.topic(fld.clause_start(i), i, places=False)
                if found is not None and found[0].speaker != channel.actor:
                    return found[0]
                i = other.text.find(channel.mention, i + 1)
        return None

    def last_person(self, pos: int) -> Mention | None:
        """The person named last before ``pos`` (in the title when the text has named none yet)."""
        before = [m for m in self.mentions if m.end <= pos and m.type == "person"]
        # not a person named inside what someone else is reported to say (吳釗燮說，宏國總統卡斯楚…。他強調)
        subjects = [m for m in before if not any(self.sentence_start(m.start) <= c[0] < m.start for c in self.cues)]
        before = subjects or before
        if before:
            return before[-1]
        if self.f.field == "text":
            persons = [m for m in self.doc.fields[0].mentions if m.type == "person"]
            return persons[-1] if persons else None
        return None

    def poster(self, pos: int) -> _Speaker | None:
        """Whoever issued a post: the name right before the same kind of post, earlier (駐紐約辦事處推文)."""
        post = next(p for p in POSTS if self.text.startswith(p, pos))
        for m in reversed([m for m in self.mentions if m.end <= pos]):
            ahead = self.text[m.end:m.end + 4 + len(post)]
            if m.type != "place" and post in ahead and not self.channel(m) \
                    and not any(ch in ahead[:ahead.index(post)] for ch in "，,。"):
                return _Speaker(m.actor, m.mention, m.type)
        return None

    def speaker(self, cue_start: int) -> _Found | None:
        """The speaker of a verb: its clause's subject, else the subject carried from an earlier clause."""
        lo = self.clause_start(cue_start)
        found = self.topic(lo, cue_start)
        if found is not None:
            return found
        own = self.text[lo:cue_start].strip()
        if own and own not in ADVERBS and len(own) > 12:
            return None  # a long clause with no subject is not someone speaking
        sentence = self.sentence_start(cue_start)
        hi = lo - 1
        while hi > sentence:
            lo = self.clause_start(hi)
            if self.text[lo:hi].rstrip().endswith(("以外", "之外")) and "除" in self.text[sentence:lo]:
                hi = lo - 1  # 除了表示…，代表川普政府…以外，也…: the subject stands before 除了
                continue
            found = self.topic(lo, hi, places=False)
            if found is not None:
                return found
            hi = lo - 1
        part = self.previous_part(sentence) if not own else None
        if part is not None:  # 美駐UN大使會台代表 允助台參與…: a headline's verb with no subject of its own
            found = self.topic(*part, places=False)
            if found is not None:
                return found[0], part[0]
        return None


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """Top-level quotation marks: (opening, closing) offsets; a 「 or “ left open runs to the end of its
    line (a quotation that goes on in the next paragraph); 『 and straight quotes count only when they
    close on their line, and a straight quote after a digit is an inch mark (14"螢幕)."""
    pairs = []
    i, n = 0, len(text)
    while i < n:
        close = _OPEN.get(text[i])
        if close is None or (close in _MUST_CLOSE and i and text[i - 1].isdigit()):
            i += 1
            continue
        depth, j = 0, i + 1
        while j < n and text[j] != "\n":
            if text[j] == text[i] and close != text[i]:
                depth += 1
            elif text[j] == close:
                if depth == 0:
                    break
                depth -= 1
            j += 1
        if close in _MUST_CLOSE and (j >= n or text[j] != close):
            i += 1  # never closed on its line: no quotation mark here
            continue
        pairs.append((i, j))
        i = j + 1
    return pairs


def _statements(doc: DocumentActors, f: FieldActors) -> list[tuple]:
    """The statements of one field: (start, end, quote, speaker, speaker_mention, speaker_type, cue, kind)."""
    fld = _Field(doc, f)
    text, n = f.text, len(f.text)
    rows: list[tuple] = []
    used: list[tuple[int, int]] = []  # spans whose verbs are taken

    def taken(pos: int) -> bool:
        return any(s <= pos < e for s, e in used)

    def row(start: int, end: int, who: _Speaker | None, cue: str, kind: str) -> None:
        who = who or _Speaker("", "", "")
        rows.append((start, end, text[start:end], who.speaker, who.mention, who.type, cue, kind))

    # 1. Sound bites of television transcripts.
    for m in _VOICE.finditer(text):
        body_start, body_end = m.start("body"), m.end("body")
        while body_end > body_start and text[body_end - 1] in " \t\u3000":
            body_end -= 1
        if text[body_start:body_start + 1] in _OPEN:
            close = _OPEN[text[body_start]]
            body_start += 1
            if text[body_end - 1:body_end] == close:
                body_end -= 1
        found = fld.topic(m.start("who"), m.end("who"))
        who = found[0] if found else _Speaker("", m.group("who").strip(), "")
        if body_end > body_start:
            row(body_start, body_end, who, "(聲音來源)", "voice")
        used.append((m.start(), m.end()))

    # 2. Words in quotation marks, with a verb before or after them, or after a colon or comma.
    carry, made = None, (None, len(rows))  # a quotation left open at its paragraph's end; the last pair's rows
    for o, c in fld.pairs:
        previous, count = made
        if previous is not None and len(rows) > count:
            p = previous
            carry = rows[-1] if p[1] >= n or text[p[1]] != _OPEN[text[p[0]]] else None
        elif previous is not None:
            carry = None
        made = ((o, c), len(rows))
        if taken(o):
            continue
        line_end = text.find("\n", c)
        line_end = n if line_end < 0 else line_end
        if carry is not None and previous is not None and (o == 0 or text[o - 1] == "\n") \
                and not text[previous[1]:o].strip() and not any(c < x[0] < line_end for x in fld.cues):
            # 「…。(paragraph) 「…」: the quotation goes on in the next paragraph, which opens a mark again
            row(o + 1, c, _Speaker(carry[3], carry[4], carry[5]), carry[6], "quotation")
            used.append((o, c + 1))
            continue
        size = len(text[o + 1:c].strip())
        if not size:
            continue
        back = o
        while back > 0 and text[back - 1] in " \u3000":
            back -= 1
        sep = back > 0 and text[back - 1] in _CLAUSE
        lead = back - 1 if sep else back
        before = next((x for x in fld.cues if x[1] == lead and not taken(x[0])), None)
        if before is None and size > SHORT_QUOTE:  # 表示，克拉夫特「…」
            sentence = fld.sentence_start(lead)
            near = [x for x in fld.cues if sentence <= x[0] and x[1] <= lead and not taken(x[0])]
            between = text[near[-1][1]:lead].lstrip("，,：: \u3000") if near else ""
            if near and len(between) <= 10 and not any(ch in between for ch in "「」“”，,"):
                before = near[-1]
        if before is not None:
            found = fld.speaker(before[0])
            row(o + 1, c, found[0] if found else None, before[2], "quotation")
            used.append((before[0], c + 1))
            continue
        tail = c + 1
        while tail < n and text[tail] in "，, \u3000":
            tail += 1
        stop = tail
        while stop < n and text[stop] not in _TERMINATORS and text[stop] not in _CLAUSE and stop - tail <= 16:
            stop += 1
        after = next((x for x in fld.cues if tail <= x[0] and x[1] <= stop), None)
        found = fld.topic(tail, after[0]) if after is not None else None
        if found is not None:  # 「…」他說。
            row(o + 1, c, found[0], after[2], "quotation")
            used.append((o, after[1]))
            continue
        if size > SHORT_QUOTE and sep and (c + 1 >= n or text[c] == "\n" or text[c + 1] in _TERMINATORS):
            # 周春米表示，縣府已撤離…，「寧可多撤一人」。: quoted words that end a named speaker's statement are theirs
            sentence = fld.sentence_start(lead)
            near = [x for x in fld.cues if sentence <= x[0] and x[1] <= lead and not taken(x[0])]
            found = fld.speaker(near[-1][0]) if near and not fld.new_subject(near[-1][1], lead) else None
            if found is not None and found[0].speaker:
                row(o + 1, c, found[0], near[-1][2], "quotation")
                used.append((o, c + 1))
                continue
        closes = c + 1 >= n or text[c] == "\n" or text[c + 1] in _CLAUSE or text[c + 1] in _TERMINATORS \
            or text[c + 1] in " \u3000"
        if size > SHORT_QUOTE and sep and closes:  # 克拉夫特還推文點名川普帳號，「…」
            found = fld.topic(fld.clause_start(lead), lead)
            if found is not None:
                row(o + 1, c, found[0], "「」", "quotation")
                used.append((o, c + 1))

    # 3. A headline's colon: 外交部：與AIT協調中.
    if f.field == "title":
        for m in re.finditer(r"[:：]", text):
            if taken(m.start()) or fld.in_quotes(m.start()):
                continue
            if text[m.start() - 1:m.start()].isdigit():
                continue  # a time: 10:38
            lo = fld.clause_start(m.start())
            end = fld.sentence_end(m.end())
            named = any(x.end == m.start() for x in fld.mentions) or m.start() in fld.title_ends
            # a name right before the colon, or the subject that opens the words before it (美UN大使秀黑熊照:…)
            opens = fld.mention_at(lo) is not None or lo in fld.titles
            found = fld.topic(lo, m.start()) if named or opens else None
            if found is not None and end > m.end():
                row(m.end(), end, found[0], m.group(), "quotation")
                used.append((m.start(), end) if not named else (lo, end))

    # 4. Reported speech: a speaker, a verb, and the rest of the sentence.
    speakers = {x: fld.speaker(x[0]) for x in fld.cues if not taken(x[0])}
    for x, found in speakers.items():
        start, end, cue = x
        if taken(start) or found is None:
            continue
        who, _ = found
        begin = end
        while begin < n and text[begin] in "，,：: \u3000":
            begin += 1
        stop = fld.sentence_end(begin)
        comma = next((i for i in range(begin, min(stop, begin + 9)) if text[i] in "，,"), None)
        if comma is not None and comma > begin and any(y[0] == comma + 1 and y[2] in _SAYS for y in speakers):
            continue  # 證實這個消息，表示…: the verb that says what was said comes next
        if fld.locative(start, end):
            continue  # 在一篇譴責中共的聲明中: a verb inside a phrase of place or time
        clause_end = next((i for i in range(end, stop) if text[i] in _CLAUSE), stop)
        if any(end <= y[0] < clause_end and y[0] - end <= 8 and y[2] in _SAYS for y in speakers):
            continue  # 回應媒體詢問時表示: the verb that says it comes later in the clause
        for s, _ in used:  # a statement found already ends this one at its last clause before it
            if begin < s < stop:
                stop = max((i for i in range(begin, s) if text[i] in "，,"), default=s)
        for y, other in speakers.items():  # so does a new speaker carried into a later clause
            if begin < y[0] < stop and other is not None and other[0].speaker != who.speaker \
                    and begin < other[1] < fld.clause_start(y[0]):
                stop = max(begin, other[1] - 1)
        for y, other in speakers.items():  # a later clause opening with its own subject or verb says something new
            if not begin < y[0] < stop or taken(y[0]):
                continue
            lead = fld.clause_start(y[0])
            if lead <= begin:
                continue
            own = text[lead:y[0]].strip(" \u3000")
            if (not own or own in ADVERBS) and y[2] in _SECOND_VERBS:  # …，並重申…; …，也呼籲…: the same speaker again
                stop = lead - 1
                speakers[y] = (who, found[1])
                break
            if other is not None and other[1] == lead and other[0].mention and fld.opens(lead):  # …，外交部晚間表示，…
                stop = lead - 1
                break
        connective = _CONNECTIVE.search(text, begin, stop)
        if connective:
            stop = connective.start()
        quote_end = stop
        while quote_end > begin and text[quote_end - 1] in " \u3000，,":
            quote_end -= 1
        target = fld.mention_at(begin)
        if target is not None and target.end == quote_end and not text[end:begin].strip():
            continue  # 質疑行政院: whom the verb is about, not what was said
        if quote_end - begin >= 2:
            row(begin, quote_end, who, cue, "reported")
            used.append((start, stop))
            continue
        lo = fld.clause_start(start)  # 台灣不會屈服，他說。: what was said comes before
        sentence = fld.sentence_start(start)
        if not text[end:fld.sentence_end(end)].strip() and lo - 1 > sentence and text[lo - 1] in "，," \
                and found[1] == lo:
            row(sentence, lo - 1, who, cue, "reported")
            used.append((sentence, end))
            continue
        part = fld.previous_part(sentence) if lo == sentence == found[1] else None
        if part is not None and not text[end:fld.sentence_end(end)].strip():
            row(part[0], part[1], who, cue, "reported")  # 蔡英文視訊美駐聯大使 總統府證實: the words come first
            used.append((part[0], end))
    return sorted(rows)


def quotes(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
           aliases: PathLike | Sequence[PathLike] | None = None, unique: bool = True) -> pd.DataFrame:
    """Every quotation and reported statement, with its speaker as an actor.

    The rules are described in this module's documentation (:mod:`analysis.quotations`). Speakers
    are the actors of :func:`analysis.mentions.actors`, so the same aliases and dictionaries correct them.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (columns ``doc_id``, ``title``, ``text``; ``content_id`` for
        ``unique``).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter; their words tagged ``nr``, ``ns`` or ``nt`` are names.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    aliases : path or list of paths, optional
        Extra aliases files (see :func:`analysis.read_aliases`).
    unique : bool
        Read each distinct text (``content_id``) once; False reads every copy, as crawled.

    Returns
    -------
    DataFrame
        One row per statement, in document order (title before text, then by offset): ``doc_id``,
        ``field``, ``start`` and ``end`` (offsets of the quoted words in that field),
        ``quote`` (the words), ``speaker`` (the canonical name; ``""`` when unnamed),
        ``speaker_mention`` (as written: 蔡總統, 她, 警方), ``speaker_type`` (``person``,
        ``organisation``, ``place``, or ``""``), ``cue`` (the reporting verb, ``(聲音來源)``, ``「」``
        for quoted words with no verb, ``：`` for a headline's colon) and ``kind`` (``voice``,
        ``quotation``, ``reported``).

    Raises
    ------
    FileNotFoundError
        When a dictionary or aliases file does not exist.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [
    ...     "外交部長吳釗燮今天表示，台灣不會屈服。他說：「我們會堅持下去。」"]})
    >>> quotes(docs)[["speaker", "speaker_mention", "cue", "quote", "kind"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['吳釗燮', '吳釗燮', '表示', '台灣不會屈服', 'reported'],
     ['吳釗燮', '他', '說', '我們會堅持下去。', 'quotation']]
    """
    found = document_actors(docs, userdict=userdict, segmenter=segmenter, aliases=aliases, unique=unique)
    return _quotes_frame([row for doc in found for row in _quote_rows(doc)])


def _quote_rows(doc: DocumentActors) -> list[tuple]:
    return [(doc.doc_id, f.field, *r) for f in doc.fields for r in _statements(doc, f)]


def _quotes_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype({"start": "int64", "end": "int64"})


def actors_and_quotes(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                      aliases: PathLike | Sequence[PathLike] | None = None, unique: bool = True,
                      block: int | None = None, workers: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`analysis.actors` and :func:`quotes` in one pass, a block of documents at a time.

    The same two tables as calling both, for a fraction of the memory on a large corpus: each
    block's words and mentions are read once and dropped (:func:`analysis.mentions.iter_document_actors`).
    A corpus of several blocks is read in worker processes forked from this one, a block each, that
    inherit the documents (where the platform forks: :func:`analysis.forking.map_inherited`); the
    tables are the same as read here. ``python -m analysis report`` uses it.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    aliases, unique
        As for :func:`quotes`.
    block : int, optional
        Distinct documents read at a time (default :data:`analysis.mentions.ACTOR_BLOCK`).
    workers : int, optional
        Most worker processes (default: as :func:`analysis.configure` set them; 1 reads every block here).

    Returns
    -------
    tuple of DataFrame
        The mentions (as :func:`analysis.actors` returns them) and the statements (as :func:`quotes`).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["吳釗燮表示，台灣不會屈服。"]})
    >>> mentions, statements = actors_and_quotes(docs)
    >>> mentions["actor"].tolist(), statements["speaker"].tolist()
    (['吳釗燮', '台灣'], ['吳釗燮'])
    """
    docs = distinct(docs, unique=unique)
    size = max(1, block or ACTOR_BLOCK)
    starts = list(range(0, len(docs), size)) or [0]
    find = {"userdict": userdict, "segmenter": segmenter, "aliases": aliases}
    lexicon(userdict=userdict, aliases=aliases)  # read (and checked) once, here, before any worker is forked
    if options.engine == "dask":
        workers = 1  # no fork of a process that holds a Dask client's threads
    parts = map_inherited(_block_tables, starts, (docs, size, find), workers=workers)
    return _joined([m for m, _ in parts]), _joined([q for _, q in parts])


def _block_tables(start: int, state: tuple[pd.DataFrame, int, dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions and statements of the block of ``size`` distinct documents from ``start``.

    Run here or in a forked worker; a worker segments what the cache lacks itself, with no pool of its own.
    """
    docs, size, find = state
    mention_rows_, quote_rows, parts = [], [], ([], [])
    for doc in iter_document_actors(docs.iloc[start:start + size], unique=False, block=size, **find):
        mention_rows_.extend(mention_rows(doc))
        quote_rows.extend(_quote_rows(doc))
        if len(mention_rows_) + len(quote_rows) >= ROWS_AT_ONCE:  # a table's columns hold less than its tuples
            parts[0].append(mentions_frame(mention_rows_))
            parts[1].append(_quotes_frame(quote_rows))
            mention_rows_, quote_rows = [], []
    parts[0].append(mentions_frame(mention_rows_))
    parts[1].append(_quotes_frame(quote_rows))
    return _joined(parts[0]), _joined(parts[1])


#: Rows of mentions and statements that :func:`actors_and_quotes` gathers as tuples before it makes
#: them table columns (Python tuples take several times the memory of the columns).
ROWS_AT_ONCE = 200_000


def _joined(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one table end to end: the table its rows make at once (a text column that is empty in
    one part has that part's dtype there, so every column takes the dtype of its rows all together)."""
    if len(parts) == 1:
        return parts[0]
    whole = pd.concat(parts, ignore_index=True)
    for column in whole.columns:
        if whole[column].dtype == object:
            whole[column] = pd.Series(whole[column].tolist(), name=column)
    return one_chunk(whole)
