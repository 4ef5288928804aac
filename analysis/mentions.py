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
  that surname and title, else to the aliases list, else to the document's one person of that surname, else
  stays as written; a name found so (or by its transliteration, tag, shape or pseudonym, below), of three
  characters or more (a pseudonym's of two), is found again wherever its document writes it
  on its own (鄭喆文說 after 副署長鄭喆文), with the same evidence;
- ``"transliteration"``: three or more characters, all syllables of transliterated foreign names
  (:data:`analysis.names.NAME_SYLLABLES`), that is not a place or a common word;
- ``"tag"``: a three-character word that no dictionary knows, starting with a common surname, that
  jieba's part-of-speech model tags as a person's name (``nr``);
- ``"verb"`` (weakest of the names): three or four letters of a name's shape (a surname, a given name) that no
  dictionary knows, opening a clause right before a reporting verb or a few words of time or place and one
  (蘇芷琪下午在臉書發文回應, 「…」冷文彥說; :func:`analysis.titlednames.name_before_verb`);
- ``"listed"``: three or four letters of a name's shape that are no common word, in a list with a person the
  document names, joined by 與, 和, 及, 跟 or 、 (范承祐與鍾語彤; :func:`analysis.titlednames.listed_name`);
- ``"pseudonym"``: the name the news gives in place of a person's own, right before （化名） (外送員阿凱（化名）,
  市民Ricky（化名）), found again wherever its document writes it on its own (阿凱說), even of two letters;
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

import hashlib
import logging
import re
from bisect import bisect_right
from itertools import accumulate
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import pandas as pd

from .shapednames import INDUSTRIES
from .shortforms import document_forms
from .mentionscan import _Found, scan_many
from .names import Lexicon, lexicon
from .postags import dictionary_tag
from .segmentation import get_segmenter, segment_many
from .tables import distinct
from .titlednames import FOLLOWERS, NAME_DOTS, listed_name
from .typedefs import PathLike, SegmenterLike, UserDict

logger = logging.getLogger(__name__)

#: Columns of the table :func:`actors` returns, in order.
COLUMNS = ("doc_id", "field", "start", "end", "sentence", "mention", "actor", "type", "evidence")
#: The kinds of evidence, from the strongest.
EVIDENCE = ("dictionary", "alias", "title", "transliteration", "tag", "suffix", "verb", "listed", "pseudonym")

_BOUNDARY = re.compile(r"[。！？!?；;\n]+")

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

    def holder(self, title: str, *, first: bool = False) -> str | None:
        """The one person of the document named next to ``title`` (大使 matches 美國駐聯合國大使), else None; with
        ``first``, of several named next to the title itself the first (a headline's 議員轟市府 is the councillor its
        story opens with)."""
        exact = [actor for actor, titles in self.holders.items() if title in titles]
        if len(exact) == 1 or (first and exact):
            return exact[0]  # (a headline's 總統 is the 總統, not the 副總統)
        found = {actor for actor, titles in self.holders.items() if any(t.endswith(title) for t in titles)}
        return found.pop() if len(found) == 1 else None


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
    # actors() and quotes() read the same documents one after the other: the last result is kept.
    fingerprint = get_segmenter(userdict=userdict, segmenter=segmenter).fingerprint
    key = (_digest(docs), fingerprint)
    if _LAST and _LAST[0] == key and _LAST[1] is lex:
        return list(_LAST[2])
    out = _document_actors(docs, lex, userdict=userdict, aliases=aliases, fingerprint=fingerprint,
                           segmenter=segmenter)
    _LAST[:] = [key, lex, tuple(out)]
    return out


#: The key, lexicon and result of the last :func:`document_actors` call.
_LAST: list = []

#: Distinct documents that :func:`iter_document_actors` reads at a time.
ACTOR_BLOCK = 5000


def iter_document_actors(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                         aliases: PathLike | Sequence[PathLike] | None = None, unique: bool = True,
                         block: int | None = None) -> Iterator[DocumentActors]:
    """:func:`document_actors`' result one block of documents at a time, keeping none of it.

    For a corpus whose words and mentions would not fit in memory together: each document is the
    same as :func:`document_actors` gives (a document's mentions depend on that document alone).

    Parameters
    ----------
    docs : DataFrame
        As for :func:`document_actors`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    aliases, unique
        As for :func:`actors`.
    block : int, optional
        Distinct documents read at a time (default :data:`ACTOR_BLOCK`).

    Yields
    ------
    DocumentActors
        In the order of ``docs``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""], "text": ["蔡英文出訪。", "美國宣布。"]})
    >>> [d.doc_id for d in iter_document_actors(docs, block=1)]
    ['a', 'b']
    """
    lex = lexicon(userdict=userdict, aliases=aliases)
    docs = distinct(docs, unique=unique)
    fingerprint = get_segmenter(userdict=userdict, segmenter=segmenter).fingerprint
    size = max(1, block or ACTOR_BLOCK)
    for start in range(0, len(docs), size):
        yield from _document_actors(docs.iloc[start:start + size], lex, userdict=userdict, aliases=aliases,
                                    fingerprint=fingerprint, segmenter=segmenter)


def _digest(docs: pd.DataFrame) -> str:
    """A digest of the ids, titles and texts of a documents table."""
    values = pd.util.hash_pandas_object(docs[["doc_id", "title", "text"]].astype(str), index=False)
    return hashlib.sha256(values.to_numpy().tobytes()).hexdigest()


def _document_actors(docs: pd.DataFrame, lex: Lexicon, *, userdict: UserDict, aliases, fingerprint: str,
                     segmenter: SegmenterLike | None) -> list[DocumentActors]:
    rows = [(str(doc_id), "" if pd.isna(title) else str(title), "" if pd.isna(text) else str(text))
            for doc_id, title, text in zip(docs["doc_id"], docs["title"], docs["text"])]
    values = [t for _, title, text in rows for t in (title, text)]
    words_of = segment_many(values, userdict=userdict, segmenter=segmenter)
    found_in = scan_many(values, words_of, fingerprint=fingerprint, userdict=userdict, aliases=aliases)
    scanned: dict[str, tuple[list[_Found], list[tuple[int, int]], dict[int, set[str]]]] = {}
    out = []
    for doc_id, title, text in rows:
        parts = []
        for field, value in (("title", title), ("text", text)):
            if value not in scanned:
                found, titles = found_in[value]
                scanned[value] = (found, titles, _adjacent_titles(value, found, titles))
            parts.append((field, value, *scanned[value]))
        holders: dict[str, set[str]] = {}
        for _, _, found, _, adjacent in parts:
            for f in found:
                if f.type == "person" and f.pending is None and f.start in adjacent:
                    holders.setdefault(f.actor, set()).update(adjacent[f.start])
        parts = _listed(parts)
        named: dict[str, str] = {}  # each name found by a rule, with the strongest evidence its document gives
        for _, value, found, _, _ in parts:
            for f in found:
                if f.type == "person" and f.pending is None and f.evidence in _RULED \
                        and len(f.actor) >= (2 if f.evidence == "pseudonym" else 3) \
                        and value[f.start:f.end] == f.actor and (f.actor not in named or EVIDENCE.index(f.evidence)
                                                                 < EVIDENCE.index(named[f.actor])):
                    named[f.actor] = f.evidence
        # a foreign name's last part after a dot, written alone later, is the person (托馬什．赫拉德茨基 ...
        # 赫拉德茨基表示): found again as the whole name's mention
        parts_of: dict[str, set[str]] = {}
        for actor in named:
            if (part := re.split(f"[{NAME_DOTS}]", actor)[-1]) != actor and len(part) >= 3:
                parts_of.setdefault(part, set()).add(actor)
        # (a part two names share, two 羅德里格斯, is neither's)
        whole = {part: actors.pop() for part, actors in parts_of.items() if len(actors) == 1}
        named = {name: evidence for name, evidence in named.items() if name not in whole}
        # the short forms of companies and units (analysis.shortforms)
        companies = document_forms([(value, words_of.get(value, []), found) for _, value, found, _, _ in parts])
        people = {f.actor for _, _, found, _, _ in parts for f in found
                  if f.type == "person" and f.pending is None and len(f.actor) >= 2}
        fields = []
        for field, value, found, titles, _ in parts:
            if named:
                found = [f._replace(evidence=named[f.actor]) if f.evidence in _RULED and f.pending is None
                         and f.type == "person" and f.actor in named else f for f in found]
            if whole:  # the last part found alone by a rule (諾瓦克 read as a transliteration) is the whole name's
                found = [f._replace(actor=whole[f.actor]) if f.evidence in _RULED and f.pending is None
                         and f.type == "person" and f.actor in whole else f for f in found]
            if named or whole or companies:
                found = _repeated(value, words_of.get(value, []), found, named, whole, companies)
            mentions = [Mention(f.start, f.end, value[f.start:f.end], *_resolve(f, value, holders, people))
                        for f in found]
            fields.append(FieldActors(doc_id, field, value, words_of.get(value, []), mentions, titles))
        out.append(DocumentActors(doc_id, tuple(fields), {a: frozenset(t) for a, t in holders.items()}))
    return out


def _listed(parts: list[tuple]) -> list[tuple]:
    """The document's fields (``(field, value, found, titles, adjacent)``) with the names written in a list beside
    a person the document names anywhere (范承祐與鍾語彤, where 鍾語彤 was read after a title in another
    paragraph: :func:`analysis.titlednames.listed_name`), over no other mention, as evidence ``"listed"``."""
    people = {f.actor for _, value, found, _, _ in parts for f in found
              if f.type == "person" and f.pending is None and len(f.actor) >= 2 and value[f.start:f.end] == f.actor}
    out = []
    for field, value, found, titles, adjacent in parts:
        added: list[_Found] = []
        for name in sorted(people):
            start = value.find(name)
            while start >= 0:
                span = listed_name(value, start, start + len(name))
                if span is not None and not any(g.start < span[1] and span[0] < g.end for g in (*found, *added)):
                    added.append(_Found(*span, value[span[0]:span[1]], "person", "listed", None))
                start = value.find(name, start + len(name))
        out.append((field, value, sorted([*found, *added]), titles, adjacent) if added else
                   (field, value, found, titles, adjacent))
    return out


#: The evidence of names found by a rule (not known beforehand), which the rest of their document then knows
#: (those of three characters or more: a surname and one character is too often part of another word; a
#: pseudonym's of two).
_RULED = frozenset(("title", "transliteration", "tag", "verb", "listed", "pseudonym"))


def _repeated(text: str, words: list[str], found: list[_Found], named: dict[str, str],
              whole: dict[str, str], companies: dict[str, str]) -> list[_Found]:
    """``found`` with the places of ``text`` where a name its document found by a rule is written again, on
    its own (副署長鄭喆文 ... 鄭喆文說): from a word's start to a word's end, or to what follows a speaker's name
    (:data:`analysis.titlednames.FOLLOWERS`), or, for a name of three letters or more, from or to inside a word
    jieba made up (的|謝秋|鳳站|在, 因溫|予澄; not 王志|中華路), over no other mention but a shorter person's
    inside it, which gives way (簡文彬 in 張簡文彬); ``whole`` gives the last parts of dotted names, each found as
    its whole name's mention; ``companies`` the short forms of companies and units
    (:func:`analysis.shortforms.document_forms`), found from a word's start to a word's end over no mention but one a
    rule found inside them."""
    starts = list(accumulate(map(len, words), initial=0))
    bounds = set(starts)
    kept, added = list(found), []
    written = [(name, name, evidence) for name, evidence in named.items()] \
        + [(part, actor, named[actor]) for part, actor in whole.items()]
    for name, actor, evidence in written:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            over = [f for f in kept if f.start < end and start < f.end]
            if (start in bounds or (len(name) >= 3 and _made_up(words, starts, start))) \
                    and (end in bounds or end == len(text) or text.startswith(FOLLOWERS, end)
                         or (len(name) >= 3 and _made_up(words, starts, end))) \
                    and not any(a.start < end and start < a.end for a in added) \
                    and all(f.type == "person" and start <= f.start and f.end <= end and f.end - f.start < end - start
                            for f in over):
                kept = [f for f in kept if f not in over]
                added.append(_Found(start, end, actor, "person", evidence, None))
            start = text.find(name, end)
    for name, actor in companies.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            trade = max((w for w in INDUSTRIES if text.startswith(w, end) and end + len(w) in bounds),
                        key=lambda w: (len(w), w), default="")
            end += len(trade)  # and the word of its trade the article adds (鼎晟|投顧 for 鼎晟投資顧問有限公司)
            over = [f for f in kept if f.start < end and start < f.end]
            if any(f.start == start and f.end == end and f.actor == actor for f in kept):
                start = text.find(name, end)
                continue  # (the whole name where its rule found it keeps that rule's evidence)
            if start in bounds and end in bounds and not any(a.start < end and start < a.end for a in added) \
                    and all(start <= f.start and f.end <= end and f.evidence != "dictionary"
                            and (f.end - f.start < end - start or f.type != "organisation" or f.evidence == "suffix")
                            for f in over):
                kept = [f for f in kept if f not in over]  # (星曜 read as a person's name by a rule; 鼎晟投顧 as a
                # body of its own by its trade's head)
                added.append(_Found(start, end, actor, "organisation", "alias", None))
            start = text.find(name, end)
    return sorted(kept + added) if added else found


def _made_up(words: list[str], starts: list[int], pos: int) -> bool:
    """Is ``pos`` inside a word jieba made up, one its dictionary lacks (謝秋|鳳站, 因溫|予澄; not 王志|中華路)?"""
    k = bisect_right(starts, pos) - 1
    return 0 <= k < len(words) and dictionary_tag(words[k]) is None


def _resolve(f: _Found, text: str, holders: dict[str, set[str]], people: set[str]) -> tuple[str, str, str]:
    """A surname and title to the one person of the document with that surname and title, else the alias, else
    the one person of the document with that surname (陳市長 where the document names 陳其邁 without his title)."""
    if f.pending is None:
        return f.actor, f.type, f.evidence
    surname, title = f.pending
    found = {actor for actor, titles in holders.items()
             if actor.startswith(surname) and len(actor) > len(surname) and any(t.endswith(title) for t in titles)}
    if len(found) == 1:
        return found.pop(), "person", f.evidence
    if f.actor == text[f.start:f.end]:  # no alias either
        found = {actor for actor in people if actor.startswith(surname) and len(actor) > len(surname)}
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
    found = document_actors(docs, userdict=userdict, segmenter=segmenter, aliases=aliases, unique=unique)
    return mentions_frame([row for doc in found for row in mention_rows(doc)])


def mention_rows(doc: DocumentActors) -> list[tuple]:
    """One document's rows of the :func:`actors` table (its columns :data:`COLUMNS`), in order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["總統蔡英文今天出訪。"]})
    >>> [row[-3:] for row in mention_rows(document_actors(docs)[0])]
    [('蔡英文', 'person', 'dictionary')]
    """
    rows = []
    for f in doc.fields:
        starts = _sentence_starts(f.text)
        for m in f.mentions:
            rows.append((doc.doc_id, f.field, m.start, m.end, bisect_right(starts, m.start), m.mention,
                         m.actor, m.type, m.evidence))
    return rows


def mentions_frame(rows: list[tuple]) -> pd.DataFrame:
    """The :func:`actors` table from :func:`mention_rows`' rows.

    Examples
    --------
    >>> list(mentions_frame([]).columns) == list(COLUMNS)
    True
    """
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
