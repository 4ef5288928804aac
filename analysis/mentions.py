"""Mentions of actors: who is named in the news, under which names.

:func:`actors` finds every mention of a person, an organisation or a place in the titles and texts,
with its character offsets, and gives it a canonical name, so that 蔡總統, 總統蔡英文 and 蔡英文 count
as one actor, and 美方 as 美國. :func:`actor_variants` lists the names each actor was given, because
the choice of name is itself a finding. No model is downloaded: the evidence is the kit's segmenter
and dictionaries, jieba's part-of-speech tags and the regular shapes of Chinese news prose.

Evidence, in the ``evidence`` column, from the strongest:

- ``"dictionary"``: a name of the kit's names dictionary (:data:`analysis.config.ENTITIES_DICT`) or of
  a user dictionary, tagged ``nr`` (person), ``ns`` (place) or ``nt`` (organisation);
- ``"alias"``: a written form of the aliases list (:data:`analysis.config.ALIASES_FILE`, then
  :data:`analysis.config.PROJECT_ALIASES`, then ``aliases=``; see :func:`analysis.names.read_aliases`), or a name
  in Latin letters in brackets right after a person's name (克拉夫特(Kelly Craft));
- ``"title"``: a name next to a title or role (:data:`analysis.names.TITLES`): a two- or three-character Han name or
  a transliterated one right after it (發言人歐江安, 國務卿布林肯) or right before it (李光章大使);
  and a surname before a title (蔡總統), which goes to the person that the same document names with
  that surname and title, else to the aliases list, else stays as written;
- ``"transliteration"``: three or more characters, all syllables of transliterated foreign names
  (:data:`analysis.names.NAME_SYLLABLES`), that is not a place or a common word;
- ``"tag"``: a three-character word that no dictionary knows, starting with a common surname, that
  jieba's part-of-speech model tags as a person's name (``nr``);
- ``"suffix"``: a word of three characters or more ending in the suffix of a body (部, 院, 會, 署, 局,
  黨, 辦, 府, 中心, 組織, 辦事處, 委員會 ...) that the general dictionary does not list as a common
  noun; and a country or city joined to a body (中國外交部, 美國國會, 新北市黨部).

Decisions a coder should know (each can be changed in ``dictionaries/aliases.txt``):

- Titles alone (總統, 大使) are not mentions, nor is 政府 alone, nor a side that does not say whose
  (我方, 雙方), nor an anonymous person (黃姓男子). A body or place written with its head's title
  (外交部長, 新竹縣長, 高雄市衛生局長) is the title of the person who follows, not a mention of it.
- The title is not part of a name's mention: 總統蔡英文 gives the mention 蔡英文.
- 中共 (the party-state, an organisation) and 中國 (the country, a place) are two actors; 美方 is
  a mention of 美國, 中方 and 陸方 of 中國. 中華民國外交部 and 我外交部 are mentions of 外交部
  (Taiwan's); 中國外交部 (陸外交部) is an actor of its own.
- A reporter's credit (（中央社記者王文傑台北20日電）, 〔記者王寓中／台北報導〕) names no actor; a
  reporter named anywhere else is a person like any other.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

import pandas as pd

from .names import (ABBREVIATIONS, ADMINISTRATION, BODIES, COUNTRY_CHARS, CREDIT, CUES, HEADLINE_CUES,
                    LEADER_TITLES, PERSON_BODIES, FUNCTION_CHARS, GLUE, HEADS, MINISTRIES, NAME_SYLLABLES,
                    NOT_BODIES, NOT_BODY_STARTS, OFFICE_SUFFIXES, ORG_SUFFIXES, PLACE_SUFFIXES, SELF, STOPWORDS,
                    SURNAME_TITLES, SURNAMES, TITLES, Lexicon, common_words, foreign_name, given_name, han, is_title,
                    jieba_tag, lexicon, ordinary, personal_name, surname_size, transliterated)
from .segmentation import segment_many
from .tables import distinct
from .typedefs import PathLike, SegmenterLike, UserDict

logger = logging.getLogger(__name__)

#: Columns of the table :func:`actors` returns, in order.
COLUMNS = ("doc_id", "field", "start", "end", "sentence", "mention", "actor", "type", "evidence")
#: The kinds of evidence, from the strongest.
EVIDENCE = ("dictionary", "alias", "title", "transliteration", "tag", "suffix")

_BOUNDARY = re.compile(r"[。！？!?；;\n]+")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)+")
_SKIP = frozenset((" ", "\u3000", "、"))

class Mention(NamedTuple):
    """One mention: where it is in its field, as written, and whom it names."""

    start: int
    end: int
    mention: str
    actor: str
    type: str
    evidence: str


class FieldActors(NamedTuple):
    """A field's words and mentions, and where its titles are (for :mod:`analysis.quotations`)."""

    doc_id: str
    field: str
    text: str
    words: list[str]
    mentions: list[Mention]
    titles: list[tuple[int, int]]


class DocumentActors(NamedTuple):
    """A document's fields, and the titles seen next to each person it names (``holders``)."""

    doc_id: str
    fields: tuple[FieldActors, ...]
    holders: dict[str, frozenset[str]]

    def holder(self, title: str) -> str | None:
        """The one person of the document named next to ``title`` (大使 matches 美國駐聯合國大使), else None."""
        found = {actor for actor, titles in self.holders.items() if any(t.endswith(title) for t in titles)}
        return found.pop() if len(found) == 1 else None


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
            elif rest:
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
                if (not rest or (len(rest) >= 2 and rest in TITLES)) and (pos == start or end >= offsets[k + 1]):
                    return pos, end, form, target
        return None

    # 2. Names by their neighbours and their shape
    def after_title(self, k: int) -> bool:
        while k > 0 and self.words[k - 1] in _SKIP:
            k -= 1
        return self.offsets[k] in self.title_ends

    def name_end(self, k: int) -> int | None:
        """Where a name starting at word ``k``, after a title, ends (謝|明達, 陳燦|堅說, 葛|萊斯里), if it is one."""
        word, offsets = self.words[k], self.offsets
        nxt = self.word(k + 1) if k + 1 < self.n and not self.taken[k + 1] else ""
        end = offsets[k + 1]
        if transliterated(word, size=2) or personal_name(word) or foreign_name(word):
            j = k
            while transliterated(word, size=2) and j + 1 < self.n and not self.taken[j + 1] \
                    and all(ch in NAME_SYLLABLES for ch in self.words[j + 1]):
                j += 1  # 佩斯|科夫
            end, nxt = offsets[j + 1], self.word(j + 1) if j + 1 < self.n and not self.taken[j + 1] else ""
            if end - offsets[k] == 2 and han(nxt[:1]) and nxt[0] not in FUNCTION_CHARS \
                    and (len(nxt) == 1 or nxt[1] in FUNCTION_CHARS) and end not in self.title_starts:
                end += 1  # a two-character name that is the start of a three-character one: 陳燦|堅說
            return end
        if 0 < len(word) == surname_size(word) and han(nxt) and nxt[0] not in FUNCTION_CHARS:
            if given_name(nxt):
                return offsets[k + 2]
            if len(nxt) == 2 and nxt[1] in FUNCTION_CHARS and nxt not in CUES and not ordinary(nxt):
                return end + 1  # 尹|立說 (not 曾|指出)
            if transliterated(nxt, size=2):
                return offsets[k + 2]
        return None

    def by_neighbours(self) -> None:
        """Names next to a title, a surname before a title, transliterations, jieba's tags, bodies."""
        text, words, offsets = self.text, self.words, self.offsets
        for k in range(self.n):
            word, start, nxt = words[k], offsets[k], self.word(k + 1)
            if self.taken[k] or start in self.title_starts:
                continue
            # a surname and a title: 蔡|總統, 見蔡|總統, 柯市長
            if nxt in SURNAME_TITLES and not self.taken[k + 1] and not self.after_title(k):
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
            end = self.name_end(k) if self.after_title(k) or offsets[k + 1] in self.title_starts else None
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
                self.add(start, start + len(word), word, "person", "transliteration")
            elif len(word) - surname_size(word) == 2 and personal_name(word) \
                    and (jieba_tag(word) or "").startswith("nr"):
                self.add(start, start + len(word), word, "person", "tag")
            elif (len(word) >= 3 and han(word) and word.endswith(ORG_SUFFIXES) and word not in NOT_BODIES
                  and word not in common_words()[1] and word not in STOPWORDS and word[0] not in NOT_BODY_STARTS):
                self.add(start, start + len(word), word, "organisation", "suffix")
            elif _LATIN_NAME.fullmatch(word) and self.word(k - 1) in ("(", "（") and nxt in (")", "）"):
                # a name in Latin letters, in brackets after a person's name: 克拉夫特(Kelly Craft)
                before = next((f for f in self.found.values() if f.end == offsets[k - 1]), None)
                if before is not None and before.type == "person":
                    self.add(start, start + len(word), before.actor, "person", "alias")

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
                                           and not (jieba_tag(body) or "").startswith("v")):
                continue  # a body every government has, or one no dictionary knows (新北|市黨部; not 北京|簽署)
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


def scan(text: str, words: list[str], lex: Lexicon) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Find the mentions of one text, given its words: the rules of this module, before the document's.

    Three passes: the known forms of the lexicon; then names by their neighbours (titles) and
    their shape (surnames, transliteration, jieba's tags, suffixes); then the bodies of countries.

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
        if not state.taken[k] and is_title(words[k], lex.forms):
            state.add_title(state.offsets[k], state.offsets[k + 1])
    state.by_neighbours()
    state.bodies()
    state.single_characters()
    return sorted(state.found.values()), sorted(state.titles)


# -- documents ---------------------------------------------------------------------------------------------

def _adjacent_titles(text: str, found: list[_Found], titles: list[tuple[int, int]]) -> dict[int, set[str]]:
    """For each mention (by start), the title words right before it (skipping spaces) and right after it."""
    ends = {e: text[s:e] for s, e in titles}
    starts = {s: text[s:e] for s, e in titles}
    out: dict[int, set[str]] = {}
    for f in found:
        before = f.start
        while before > 0 and text[before - 1] in " \u3000、":
            before -= 1
        seen = {t for t in (ends.get(before), starts.get(f.end)) if t}
        if seen:
            out[f.start] = seen
    return out


def document_actors(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                    aliases: PathLike | Sequence[PathLike] | None = None, unique: bool = True
                    ) -> list[DocumentActors]:
    """Every document's fields with their words and resolved mentions: what :func:`actors` and quotes read.

    Parameters
    ----------
    docs : DataFrame
        The documents table (``doc_id``, ``title``, ``text``; ``content_id`` for ``unique``).
    userdict, segmenter, aliases, unique
        As for :func:`actors`.

    Returns
    -------
    list of DocumentActors
        In the order of ``docs``, each with its title and text fields.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": ["蔡總統出訪"], "text": ["總統蔡英文今天出訪。"]})
    >>> [m.actor for f in document_actors(docs)[0].fields for m in f.mentions]
    ['蔡英文', '蔡英文']
    """
    lex = lexicon(userdict=userdict, aliases=aliases)
    docs = distinct(docs, unique=unique)
    rows = [(str(doc_id), "" if pd.isna(title) else str(title), "" if pd.isna(text) else str(text))
            for doc_id, title, text in zip(docs["doc_id"], docs["title"], docs["text"])]
    words_of = segment_many([t for _, title, text in rows for t in (title, text)], userdict=userdict,
                            segmenter=segmenter)
    scanned: dict[str, tuple[list[_Found], list[tuple[int, int]], dict[int, set[str]]]] = {}
    out = []
    for doc_id, title, text in rows:
        parts = []
        for field, value in (("title", title), ("text", text)):
            if value not in scanned:
                found, titles = scan(value, words_of.get(value, []), lex)
                scanned[value] = (found, titles, _adjacent_titles(value, found, titles))
            parts.append((field, value, *scanned[value]))
        holders: dict[str, set[str]] = {}
        for _, _, found, _, adjacent in parts:
            for f in found:
                if f.type == "person" and f.pending is None and f.start in adjacent:
                    holders.setdefault(f.actor, set()).update(adjacent[f.start])
        fields = []
        for field, value, found, titles, _ in parts:
            mentions = [Mention(f.start, f.end, value[f.start:f.end], *_resolve(f, value, holders, lex))
                        for f in found]
            fields.append(FieldActors(doc_id, field, value, words_of.get(value, []), mentions, titles))
        out.append(DocumentActors(doc_id, tuple(fields), {a: frozenset(t) for a, t in holders.items()}))
    return out


def _resolve(f: _Found, text: str, holders: dict[str, set[str]], lex: Lexicon) -> tuple[str, str, str]:
    """A surname and title to the one person of the document with that surname and title, else the alias."""
    if f.pending is None:
        return f.actor, f.type, f.evidence
    surname, title = f.pending
    found = {actor for actor, titles in holders.items()
             if actor.startswith(surname) and len(actor) > len(surname) and any(t.endswith(title) for t in titles)}
    if len(found) == 1:
        return found.pop(), "person", f.evidence
    return f.actor, f.type, f.evidence


def _sentence_starts(text: str) -> list[int]:
    return [m.end() for m in _BOUNDARY.finditer(text) if m.start() > 0 and m.end() < len(text)]


def sentence_of(text: str, pos: int) -> int:
    """The 0-based index of the sentence holding ``pos``: sentences end at 。！？!?；; and line breaks.

    Parameters
    ----------
    text : str
    pos : int
        A character offset.

    Returns
    -------
    int

    Examples
    --------
    >>> sentence_of("他說。她說！\\n我說", 7)
    2
    """
    return bisect_right(_sentence_starts(text), pos)


def actors(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
           aliases: PathLike | Sequence[PathLike] | None = None, unique: bool = True) -> pd.DataFrame:
    """Every mention of a person, organisation or place, with its canonical name and the evidence for it.

    The rules are described in the documentation of :mod:`analysis.mentions`. Errors are corrected in
    ``dictionaries/aliases.txt`` (a form to its actor, or ``none`` for a word that is no actor)
    and in ``dictionaries/userdict.txt`` (a name with its tag: ``陳時中 nr``).

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
        Extra aliases files (see :func:`read_aliases`), read after the kit's and the project's:
        their lines win.
    unique : bool
        Read each distinct text (``content_id``) once; False reads every copy, as crawled, and gives
        rows for every ``doc_id``.

    Returns
    -------
    DataFrame
        One row per mention, in document order (title before text, then by offset): ``doc_id``,
        ``field`` (``"title"`` or ``"text"``), ``start`` and ``end`` (character offsets in that
        field: ``docs[field][start:end] == mention``), ``sentence`` (0-based, within the field;
        sentences end at 。！？!?；; and line breaks), ``mention`` (as written), ``actor`` (the
        canonical name), ``type`` (``person``, ``organisation``, ``place``) and ``evidence``
        (``dictionary``, ``alias``, ``title``, ``transliteration``, ``tag``, ``suffix``).

    Raises
    ------
    FileNotFoundError
        When a dictionary or aliases file does not exist.
    ValueError
        For a line of an aliases file that cannot be read, naming the file and line.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": ["蔡總統接見美使"],
    ...                      "text": ["總統蔡英文今天接見美國駐聯合國大使克拉芙特，美方表示感謝。"]})
    >>> actors(docs)[["field", "start", "mention", "actor", "type", "evidence"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['title', 0, '蔡總統', '蔡英文', 'person', 'alias'],
     ['text', 2, '蔡英文', '蔡英文', 'person', 'dictionary'],
     ['text', 9, '美國', '美國', 'place', 'dictionary'],
     ['text', 12, '聯合國', '聯合國', 'organisation', 'dictionary'],
     ['text', 17, '克拉芙特', '克拉夫特', 'person', 'alias'],
     ['text', 22, '美方', '美國', 'place', 'alias']]
    """
    rows = []
    for doc in document_actors(docs, userdict=userdict, segmenter=segmenter, aliases=aliases, unique=unique):
        for f in doc.fields:
            starts = _sentence_starts(f.text)
            for m in f.mentions:
                rows.append((doc.doc_id, f.field, m.start, m.end, bisect_right(starts, m.start), m.mention,
                             m.actor, m.type, m.evidence))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.astype({"start": "int64", "end": "int64", "sentence": "int64"})


def actor_variants(mentions: pd.DataFrame) -> pd.DataFrame:
    """The names each actor was given: every written form, how often, in how many documents.

    Parameters
    ----------
    mentions : DataFrame
        From :func:`actors` (columns ``doc_id``, ``mention``, ``actor``, ``type``).

    Returns
    -------
    DataFrame
        One row per actor and form: ``actor``, ``type``, ``mention``, ``count``, ``documents``;
        actors by their total count (most named first), then forms by count, then by form; ties
        between actors by name.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""],
    ...                      "text": ["美方與美國會談。", "美方表示，美方支持台灣。"]})
    >>> actor_variants(actors(docs)).values.tolist()
    [['美國', 'place', '美方', 3, 2], ['美國', 'place', '美國', 1, 1], ['台灣', 'place', '台灣', 1, 1]]
    """
    columns = ["actor", "type", "mention", "count", "documents"]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "documents") else object)
                             for c in columns})
    table = (mentions.groupby(["actor", "type", "mention"], sort=False)
             .agg(count=("doc_id", "size"), documents=("doc_id", "nunique")).reset_index())
    table["_total"] = table.groupby("actor")["count"].transform("sum")
    table = table.sort_values(["_total", "actor", "count", "mention"], ascending=[False, True, False, True],
                              kind="mergesort")
    return table[columns].reset_index(drop=True).astype({"count": "int64", "documents": "int64"})
