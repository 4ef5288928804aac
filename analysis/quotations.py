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
from collections.abc import Sequence

import pandas as pd

from .clauses import (ADVERBS, CLAUSE_MARKS, CONNECTIVE, QUOTE_MARKS, SAYS, SECOND_VERBS, TERMINATORS, UNNAMED,
                      Clauses, Speaker)
from .forking import map_inherited
from .mentions import (ACTOR_BLOCK, DocumentActors, FieldActors, document_actors, iter_document_actors,
                       mention_rows, mentions_frame)
from .names import PUNCTUATED_CUES, common_words, lexicon, personal_name
from .postags import dictionary_tag, load_tagger
from .quotecache import cached_statements, statements_digest
from .segmentation import get_segmenter
from .selection import one_chunk
from .settings import options
from .tables import distinct
from .typedefs import PathLike, SegmenterLike, UserDict

#: Columns of the table :func:`quotes` returns, in order.
COLUMNS = ("doc_id", "field", "start", "end", "quote", "speaker", "speaker_mention", "speaker_type", "cue", "kind")
#: The kinds of statement.
KINDS = ("voice", "quotation", "reported")
#: The press asking (記者追問): a question put to whoever answers, no statement of its own.
_PRESS = frozenset("記者 媒體 本報記者 外媒 外媒記者 本報 本刊".split())
_ASKING = frozenset("追問 反問 質問 問".split())
# Words that open the reporter's narration after 「…」X說， (並隨即離開, 隨後步出會場), not more of what was said
_NARRATION = ("並", "隨即", "隨後", "接著", "然後", "便", "就", "才", "一邊", "邊", "同時", "說完", "語畢", "言畢",
              "之後")
# What the reporter sees, which no speaker says: a face, a voice, the room (眼眶泛紅, 語氣哽咽, 台下響起掌聲)
_SCENE = re.compile(r"眼眶|眼淚|淚水|落淚|哽咽|語氣|神情|表情|苦笑|微笑|笑聲|掌聲|噓聲|歡呼|台下|現場|全場|會場|群眾"
                    r"|支持者|隨即|隨後|稍後|結束後|步出|離開|離去|轉身|揮手|鞠躬|低頭|點頭|搖頭")
#: Quoted words of this many characters or fewer are scare quotes or titles unless a verb is right by them.
SHORT_QUOTE = 6
_VOICE = re.compile(r"^[ \t\u3000]*[(（]聲音來源[)）][ \t\u3000]*(?P<who>[^\n:：「]*?)[ \t\u3000]*[:：]"
                    r"[ \t\u3000]*(?P<body>[^\n]*)", re.M)

#: Verbs that report speech, or take a noun (坦承|犯行, 否認|犯案, 證實|此事): a short object right after one is
#: what was admitted or denied, not words said.
_OBJECT_CUES = frozenset("坦承 承認 否認 證實 澄清".split())


def _goes_on(fld: Clauses, start: int, stop: int) -> int:
    """Where what a speaker goes on to say after 「…」X說， ends: its clauses from ``start`` until one that opens
    with a subject of its own (…，家屬悲痛不已) or tells what the reporter saw (:data:`_SCENE`: 眼眶泛紅, 台下響起
    掌聲), before ``stop``; ``start`` itself when the first clause is such."""
    text, end = fld.text, start
    while end < stop:
        clause_end = next((i for i in range(end + 1, stop) if text[i] in CLAUSE_MARKS), stop)
        if _SCENE.search(text, end, clause_end) or (end > start and fld.opens(end + 1)):
            break
        end = clause_end
    return end


def _statements(doc: DocumentActors, f: FieldActors) -> list[tuple]:
    """The statements of one field: (start, end, quote, speaker, speaker_mention, speaker_type, cue, kind)."""
    fld = Clauses(doc, f)
    text, n = f.text, len(f.text)
    rows: list[tuple] = []
    used: list[tuple[int, int]] = []  # spans whose verbs are taken

    def taken(pos: int) -> bool:
        return any(s <= pos < e for s, e in used)

    def row(start: int, end: int, who: Speaker | None, cue: str, kind: str) -> None:
        who = who or Speaker("", "", "")
        rows.append((start, end, text[start:end], who.speaker, who.mention, who.type, cue, kind))

    # 1. Sound bites of television transcripts.
    for m in _VOICE.finditer(text):
        body_start, body_end = m.start("body"), m.end("body")
        while body_end > body_start and text[body_end - 1] in " \t\u3000":
            body_end -= 1
        if text[body_start:body_start + 1] in QUOTE_MARKS:
            close = QUOTE_MARKS[text[body_start]]
            body_start += 1
            if text[body_end - 1:body_end] == close:
                body_end -= 1
        found = fld.topic(m.start("who"), m.end("who"))
        who = found[0] if found else Speaker("", m.group("who").strip(), "")
        if body_end > body_start:
            row(body_start, body_end, who, "(聲音來源)", "voice")
        used.append((m.start(), m.end()))

    # 2. Words in quotation marks, with a verb before or after them, or after a colon or comma.
    carry, made = None, (None, len(rows))  # a quotation left open at its paragraph's end; the last pair's rows
    going_on: dict[int, Speaker] = {}  # sentences where a speaker goes on after 「…」X說，: their start -> speaker
    for o, c in fld.pairs:
        previous, count = made
        if previous is not None and len(rows) > count:
            p = previous
            carry = rows[-1] if p[1] >= n or text[p[1]] != QUOTE_MARKS[text[p[0]]] else None
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
            row(o + 1, c, Speaker(carry[3], carry[4], carry[5]), carry[6], "quotation")
            used.append((o, c + 1))
            continue
        size = len(text[o + 1:c].strip())
        if not size:
            continue
        back = o
        while back > 0 and text[back - 1] in " \u3000":
            back -= 1
        sep = back > 0 and text[back - 1] in CLAUSE_MARKS
        lead = back - 1 if sep else back
        before = next((x for x in fld.cues if x[1] == lead and not taken(x[0])), None)
        if before is None and size > SHORT_QUOTE:  # 表示，克拉夫特「…」
            sentence = fld.sentence_start(lead)
            near = [x for x in fld.cues if sentence <= x[0] and x[1] <= lead and not taken(x[0])]
            between = text[near[-1][1]:lead].lstrip("，,：: \u3000") if near else ""
            # (not 表示，環境部會依法審查，「…」: a clause of its own, then the quoted words)
            if near and len(between) <= 10 and not any(ch in between for ch in "「」“”，,") and not (sep and between) \
                    and not fld.has_verb(lead - len(between), lead):  # (not 表示，經濟部已推動「…計畫」)
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
        while stop < n and text[stop] not in TERMINATORS and text[stop] not in CLAUSE_MARKS and stop - tail <= 16:
            stop += 1
        after = next((x for x in fld.cues if tail <= x[0] and x[1] <= stop), None)
        found = fld.topic(tail, after[0]) if after is not None else None
        if found is not None:  # 「…」他說。
            row(o + 1, c, found[0], after[2], "quotation")
            used.append((o, after[1]))
            rest = after[1] + 1 if text[after[1]:after[1] + 1] in ("，", ",") and after[2] in SECOND_VERBS else 0
            stop = fld.sentence_end(rest) if rest else 0
            stop = min([stop] + [p for p, _ in fld.pairs if rest <= p < stop])  # up to the next quotation
            while stop > rest and text[stop - 1] in " \u3000，,":
                stop -= 1
            stop = _goes_on(fld, rest, stop) if rest else 0
            if rest and stop - rest >= 4 and not text.startswith(_NARRATION, rest) \
                    and not any(rest <= x[0] < stop for x in fld.cues):
                row(rest, stop, found[0], after[2], "reported")  # 「…」郭智輝說，但台電也要自己努力: he goes on
                used.append((rest, stop))
                going_on[fld.sentence_start(rest)] = found[0]
            continue
        if size > SHORT_QUOTE and sep and (c + 1 >= n or text[c] == "\n" or text[c + 1] in TERMINATORS
                                           or text[c + 1] in CLAUSE_MARKS):
            # 周春米表示，縣府已撤離…，「寧可多撤一人」。: quoted words that end a clause of a named speaker's
            # statement are theirs (…，「黨需要我做什麼，我都會認真考慮」，但…)
            sentence = fld.sentence_start(lead)
            if sentence in going_on:  # 「…」郭智輝說，…，「不能每次都等政府來救」。
                row(o + 1, c, going_on[sentence], "「」", "quotation")
                used.append((o, c + 1))
                continue
            near = [x for x in fld.cues if sentence <= x[0] and x[1] <= lead and not taken(x[0])]
            found = fld.speaker(near[-1][0]) if near and not fld.new_subject(near[-1][1], lead) else None
            if found is not None and (found[0].speaker or found[0].mention):  # (賴姓婦人受訪時說，…，「…」)
                row(o + 1, c, found[0], near[-1][2], "quotation")
                used.append((o, c + 1))
                continue
        closes = c + 1 >= n or text[c] == "\n" or text[c + 1] in CLAUSE_MARKS or text[c + 1] in TERMINATORS \
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
            who = text[lo:m.start()].strip(" \u3000")
            if found is None and not any(lo <= x.start < m.start() for x in fld.mentions) and personal_name(who) \
                    and len(who) >= 3 and dictionary_tag(who) is None:
                found = Speaker(who, who, "person"), lo  # 傅崐萁：每一刀都依法審查: a name no rule knew, by its shape
            group = next((w for w in (who[-2:], who[-3:], who[-4:]) if w in UNNAMED
                          and (len(who) == len(w) or who[-len(w) - 1] in " \u3000")), None)
            if found is None and group is not None:
                found = Speaker("", group, ""), lo  # 小校面臨裁併　家長：孩子不該…: people left unnamed
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
        if not who.speaker and who.mention in _PRESS and cue in _ASKING:
            continue  # 記者追問，發言人說: the press asking, not an actor speaking
        begin = end
        while begin < n and text[begin] in "，,：: \u3000":
            begin += 1
        stop = fld.sentence_end(begin)
        comma = next((i for i in range(begin, min(stop, begin + 9)) if text[i] in "，,"), None)
        if comma is not None and comma > begin and any(y[0] == comma + 1 and y[2] in SAYS for y in speakers):
            continue  # 證實這個消息，表示…: the verb that says what was said comes next
        if fld.locative(start, end):
            continue  # 在一篇譴責中共的聲明中: a verb inside a phrase of place or time
        if begin == end and cue in _OBJECT_CUES and 0 < next(
                (i for i in range(begin, stop) if text[i] in CLAUSE_MARKS), stop) - begin <= 3:
            # 坦承犯行，全案依法送辦; 否認犯案: a verb and its object, not what was said; a verb with no subject
            # of its own that follows says it (陳男否認犯行，辯稱只是借錢)
            then = next((y for y in speakers if begin < y[0] < stop and not taken(y[0])), None)
            if then is not None and speakers[then] is None and fld.clause_start(then[0]) == then[0]:
                speakers[then] = found
            continue
        clause_end = next((i for i in range(end, stop) if text[i] in CLAUSE_MARKS), stop)
        if any(end <= y[0] < clause_end and y[0] - end <= 8 and (y[2] in SAYS or y[2] in PUNCTUATED_CUES)
               for y in speakers):
            continue  # 回應媒體詢問時表示, 回覆本報查詢指: the verb that says it comes later in the clause
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
            if (not own or own in ADVERBS) and y[2] in SECOND_VERBS:  # …，並重申…; …，也呼籲…: the same speaker again
                stop = lead - 1
                speakers[y] = (who, found[1])
                break
            if other is not None and other[1] == lead and other[0].mention and fld.opens(lead):  # …，外交部晚間表示，…
                stop = lead - 1
                break
        connective = CONNECTIVE.search(text, begin, stop)
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
    digest = _digest(userdict=userdict, segmenter=segmenter, aliases=aliases)
    return _quotes_frame([row for rows in cached_statements(found, digest, _quote_rows) for row in rows])


def _digest(*, userdict: UserDict, segmenter: SegmenterLike | None, aliases) -> str:
    """What the statements found depend on but each document (:func:`analysis.quotecache.statements_digest`)."""
    lex = lexicon(userdict=userdict, aliases=aliases)
    return statements_digest(lex, get_segmenter(userdict=userdict, segmenter=segmenter).fingerprint)


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
    starts, state = actor_blocks(docs, userdict=userdict, segmenter=segmenter, aliases=aliases, unique=unique,
                                 block=block)
    if options.engine == "dask":
        workers = 1  # no fork of a process that holds a Dask client's threads
    return joined_blocks(map_inherited(block_tables, starts, state, workers=workers))


def actor_blocks(docs: pd.DataFrame, *, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                 aliases: PathLike | Sequence[PathLike] | None = None, unique: bool = True,
                 block: int | None = None, blocks: int = 1, min_block: int = 1) -> tuple[list[int], tuple]:
    """How :func:`actors_and_quotes` reads a corpus: where each block starts, and what every block reads.

    For a caller that reads the blocks itself (the report, beside its other steps): each start
    through :func:`block_tables` with the state, then :func:`joined_blocks` of the results, in order,
    gives :func:`actors_and_quotes`'s tables. The names are read (and checked) here, once.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict, segmenter, aliases, unique, block
        As for :func:`actors_and_quotes`.
    blocks : int
        About this many blocks, for processes to share (fewer where a block would hold fewer than
        ``min_block`` documents, more where one would hold more than ``block``); 1 keeps whole
        blocks of ``block``.
    min_block : int
        The fewest documents a block is cut down to for ``blocks``.

    Returns
    -------
    tuple of (list of int, tuple)
        The blocks' first rows among the distinct documents, and the state :func:`block_tables` reads.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""],
    ...                      "text": ["吳釗燮表示，台灣不會屈服。", "蘇貞昌說：「好」"]})
    >>> starts, state = actor_blocks(docs, block=1)
    >>> mentions, statements = joined_blocks([block_tables(start, state) for start in starts])
    >>> starts, statements["speaker"].tolist()
    ([0, 1], ['吳釗燮', '蘇貞昌'])
    """
    docs = distinct(docs, unique=unique)
    size = max(1, min(block or ACTOR_BLOCK, max(min_block, -(-len(docs) // max(1, blocks)))))
    starts = list(range(0, len(docs), size)) or [0]
    find = {"userdict": userdict, "segmenter": segmenter, "aliases": aliases}
    digest = _digest(**find)  # the names read (and checked) once, here, before any worker is forked
    load_tagger()  # and jieba's tagger and dictionary's words, which every block reads: one copy, inherited
    common_words()
    return starts, (docs, size, find, digest)


def block_tables(start: int, state: tuple[pd.DataFrame, int, dict, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions and statements of the block of distinct documents from ``start`` (see :func:`actor_blocks`).

    Run here or in a forked worker; a worker segments what the cache lacks itself, with no pool of its own.
    """
    docs, size, find, digest = state
    mention_rows_, quote_rows, parts = [], [], ([], [])
    found = list(iter_document_actors(docs.iloc[start:start + size], unique=False, block=size, **find))
    for doc, statements in zip(found, cached_statements(found, digest, _quote_rows)):
        mention_rows_.extend(mention_rows(doc))
        quote_rows.extend(statements)
        if len(mention_rows_) + len(quote_rows) >= ROWS_AT_ONCE:  # a table's columns hold less than its tuples
            parts[0].append(mentions_frame(mention_rows_))
            parts[1].append(_quotes_frame(quote_rows))
            mention_rows_, quote_rows = [], []
    parts[0].append(mentions_frame(mention_rows_))
    parts[1].append(_quotes_frame(quote_rows))
    return _joined(parts[0]), _joined(parts[1])


def joined_blocks(parts: Sequence[tuple[pd.DataFrame, pd.DataFrame]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions and statements of the blocks (:func:`block_tables`' results, in order) as one table each."""
    return _joined([m for m, _ in parts]), _joined([q for _, q in parts])


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
