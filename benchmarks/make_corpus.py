"""Write N synthetic news pages in the seed pages' format, for scale benchmarks.

    python benchmarks/make_corpus.py N OUT [--vocabulary seed|realistic] [--format txt|html|jsonl] [--seed 0]
                                     [--extend K] [--stats]

Two generators, both writing pages that the kit reads without a problem (a headline; a body opened
by the dateline ``【新唐人亞太台 2020 年 09 月 17 日訊】``; paragraphs; a ``相關新聞`` list of 20
items, each a ``-`` line, a headline and a timestamp followed by the summary):

``seed`` (the default, the dense worst case)
    Headlines and sentences recombined from the real page in ``seeds/``: a vocabulary of some 700
    terms whatever N is, far denser than real news. Article dates are spread over five years; each
    page's 20 related items come from a shared pool with Zipf popularity.

``realistic`` (a whole outlet's crawl)
    Built offline, in an artificial language: the function words of the kit's stopword list
    and the real words of its data files hold the top ranks, followed by pseudo-words of 2 to 4
    characters drawn from the characters of the seed page and the kit's data files. Words are drawn
    with Zipf frequencies (slope 1 up to rank 5,000, 1.8 beyond), so the number of distinct terms
    keeps growing with the pages (Heaps' law: tens of thousands at 10,000 pages). News arrives as
    stories (about 40 articles a day): a story has a topic, its own keywords and actors (people,
    bodies and places of ``analysis/data/names.txt``, and new people and bodies made up for it),
    a Zipf-distributed size (most stories are one article; a few run to hundreds) and follow-ups
    over days to weeks. Each page's related list recycles earlier articles of the crawl (and of
    the month before it): the story's previous articles, then articles of the same topic
    and the outlet's popular ones, drawn by Zipf popularity and recency; a summary repeats the
    article's lead, cut at 150 characters as real lists cut them. Page i depends only on the seed
    and the pages before it, so a crawl of N + K pages starts with the crawl of N pages, and
    ``--extend K`` writes the K pages that continue an N-page crawl.

``--format html`` writes each page as a saved web page instead (``benchmarks/web_pages.py``): the
same article and related list inside a news site's page (menus, adverts, sidebar, footer, scripts),
for what reading web pages costs at scale. ``--format jsonl`` writes the crawl as one scraper's export,
``crawl.jsonl`` (``crawl_N.jsonl`` for the pages ``--extend`` adds): a JSON line a document, its page,
position, kind, headline, time and text, as the kit reads them from the text pages.

The same N, seed and options give the same files, byte for byte. ``--stats`` prints the realistic
generator's statistics, counted from its own word draws (the words of each article's headline and
text, as drawn, before they are joined without spaces): distinct terms against pages with the
fitted Heaps exponent, the rank-frequency slope, story sizes and where related items come from.
A segmenter that does not know the made-up words (the kit's, or jieba's) cuts them apart and its
HMM joins characters across their boundaries, so it finds more distinct terms than were drawn, and
they grow faster with the pages (a Heaps exponent of about 0.7 for the kit's term counts of the
articles, against 0.55 for the drawn words).
"""

from __future__ import annotations

import argparse
import bisect
import functools
import heapq
import json
import math
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import load_corpus, parse_page  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402
from web_pages import web_page  # noqa: E402  (beside this file)

RELATED_PER_PAGE = 20
START = datetime(2019, 1, 1)
SPAN_DAYS = 5 * 365
VOCABULARIES = ("seed", "realistic")
#: How the pages are written: text pages in the seed's layout, saved web pages (benchmarks/web_pages.py), or
#: one JSON Lines file, a scraper's export of the same crawl (a row a document).
FORMATS = ("txt", "html", "jsonl")
DATA_DIR = Path(__file__).resolve().parents[1] / "analysis" / "data"


# -- the dense worst case: sentences of the seed page, recombined ------------------------------------------

def _material() -> tuple[list[str], list[str]]:
    docs = load_corpus(SEEDS_DIR)
    fragments = sorted({f for t in docs["title"] for f in re.split(r"[ !！:：.。]", t) if len(f) >= 3})
    sentences = sorted({s for t in docs["text"] for line in t.split("\n")
                        for s in re.findall(r"[^。！？!?]+[。！？!?]", line) if len(s) >= 8})
    return fragments, sentences


def _seed_pages(n: int, *, seed: int, pool_factor: float, total: int):
    """Pages 0..total-1 of the seed-sentence crawl; the pool of related items is sized by ``n``."""
    rng = random.Random(seed)
    fragments, sentences = _material()

    def headline() -> str:
        return f"{rng.choice(fragments)} {rng.choice(fragments)}"

    def text(k: int) -> str:
        return "".join(rng.choice(sentences) for _ in range(k))

    pool_size = max(RELATED_PER_PAGE * 2, int(n * pool_factor))
    pool = []
    for _ in range(pool_size):
        when = START + timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))
        pool.append((headline(), f"{when:%Y-%m-%d %H:%M:%S}", text(rng.randint(1, 3))))
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(pool_size)]
    for _ in range(total):
        day = START + timedelta(days=rng.randrange(SPAN_DAYS))
        chosen: dict[int, None] = {}
        while len(chosen) < RELATED_PER_PAGE:
            chosen.update(dict.fromkeys(rng.choices(range(pool_size), weights=weights, k=RELATED_PER_PAGE)))
        lines = [headline(), f"【新唐人亞太台 {day:%Y} 年 {day:%m} 月 {day:%d} 日訊】{text(3)}",
                 f"(聲音來源)外交部發言人 歐江安:「{text(2)}」", text(4), "相關新聞"]
        for j in list(chosen)[:RELATED_PER_PAGE]:
            title, stamp, summary = pool[j]
            lines += ["-", title, stamp + summary]
        yield "\n".join(lines)


# -- the realistic crawl: an artificial language with Zipf frequencies, stories and recycled lists ---------

OUTLET = "新唐人亞太台"
LEXICON_SIZE = 2**21        # ranks of the background vocabulary (the tail beyond carries ~1e-6 of the mass)
ZIPF_HEAD, ZIPF_KNEE, ZIPF_TAIL = 1.0, 5000, 1.8   # rank-frequency slope up to the knee, and beyond
TOPICS = 120                 # topics (diplomacy, the epidemic, elections ...), with Zipf popularity
TOPIC_WORDS = 300            # words each topic favours
STORY_MAX = 2000             # largest story; sizes are Zipf with exponent STORY_ALPHA
STORY_ALPHA = 2.0
WARMUP_DAYS = 30             # the outlet's articles before the crawl: related items may point to them
SUMMARY_CHARS = 150          # a related item's summary: the article's lead, cut here
SHARE_STORY, SHARE_TOPIC = 0.08, 0.14   # of an article's words: its story's keywords, its topic's words
# The commonest function words of news, in order; the rest of the stopword list follows them.
HEAD = ("的 在 是 了 和 與 也 對 將 有 為 於 並 及 等 但 中 後 而 這 他 都 就 說 要 會 到 從 被 讓 已 還 "
        "又 由 以 其 我們 他們 表示 指出 目前 已經 包括 透過 針對 因為 如果 不過 一個 今天 去年 今年").split()
INTERJECTIONS = set("嗎呢吧啊呀喔哦啦嘛耶欸哇唉嗯囉喲")        # speech, not news: left out of the lexicon
NOT_IN_WORDS = INTERJECTIONS | set("的了著之")                  # nor used to make up words
CONTENT_FLOOR = 60           # ranks below are function words: no clause or headline starts with one
SPEECH = ("表示", "指出", "強調", "說", "認為", "回應", "宣布", "批評", "呼籲", "坦言")
ROLES = ("發言人", "部長", "主委", "主席", "院長", "市長", "立委", "處長", "執行長", "秘書長")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def _data_lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [x.strip() for x in text.splitlines() if x.strip() and not x.lstrip().startswith("#")]


@functools.cache
def _inventory() -> tuple[list[str], list[float]]:
    """The characters of the seed page and the kit's data files, weighted by how often they occur there."""
    counts: Counter[str] = Counter()
    for path in [*sorted(DATA_DIR.glob("*.txt")), *sorted(SEEDS_DIR.glob("*.txt"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.lstrip().startswith("#"):
                counts.update(re.findall(r"[\u4e00-\u9fff]", line))
    chars = sorted(c for c in counts if c not in NOT_IN_WORDS)
    return chars, [counts[c] ** 0.7 for c in chars]


@functools.cache
def _names() -> dict[str, list[str]]:
    """Names of ``names.txt`` by tag (nr people, nt bodies, ns places), Chinese characters only."""
    out: dict[str, list[str]] = {"nr": [], "nt": [], "ns": []}
    for line in _data_lines("names.txt"):
        parts = line.split()
        if len(parts) == 2 and parts[1] in out and CJK.match(parts[0]) and parts[0] not in out[parts[1]]:
            out[parts[1]].append(parts[0])
    return out


@functools.cache
def _real_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Function words (the stopword list, HEAD first) and content words (news_words, gsd lists)."""
    stop = [w for line in _data_lines("stopwords.txt") for w in line.split("#")[0].split()
            if CJK.match(w) and w not in INTERJECTIONS]
    head = [w for w in HEAD if w in stop]
    function = list(dict.fromkeys([*head, *stop]))
    content, section = [], ""
    for line in _data_lines("gsd_adjustments.txt"):
        if line.startswith("["):
            section = line
        elif section in ("[remove]", "[keep]") and CJK.match(line) and len(line) >= 2:
            content.append(line)
    content += [x.split()[0] for x in _data_lines("news_words.txt") if CJK.match(x.split()[0])]
    seen = set(function)
    return tuple(function), tuple(w for w in dict.fromkeys(content) if w not in seen)


@functools.cache
def _zipf_cdf(m: int) -> np.ndarray:
    r = np.arange(1, m + 1, dtype=np.float64)
    w = np.where(r <= ZIPF_KNEE, r ** -ZIPF_HEAD, ZIPF_KNEE ** (ZIPF_TAIL - ZIPF_HEAD) * r ** -ZIPF_TAIL)
    c = np.cumsum(w)
    c /= c[-1]
    c.flags.writeable = False   # shared by every crawl of the process
    return c


class Lexicon:
    """Word strings by rank: real words first (the same for every seed), then pseudo-words made on demand."""

    def __init__(self, seed: int = 0) -> None:
        self.chars, weights = _inventory()
        self.cum = list(accumulate(weights))
        function, content = map(list, _real_words())
        function_words = list(function)
        rng = random.Random("lexicon")
        rng.shuffle(content)
        head = [w for w in HEAD if w in function]
        function = [w for w in function if w not in head]
        ranked: list[str | None] = list(head)
        while function or content:   # real words of both kinds, with a few made-up words among them
            u = rng.random()
            if u < 0.35 and function:
                ranked.append(function.pop(0))
            elif u < 0.8 and content:
                ranked.append(content.pop())
            else:
                ranked.append(None)
        self.real = sum(w is not None for w in ranked)
        self.function = np.zeros(LEXICON_SIZE, dtype=bool)   # ranks of function words: never a topic's word
        self.function[[r for r, w in enumerate(ranked) if w in set(head) | set(function_words)]] = True
        self.words: list[str | None] = ranked + [None] * (LEXICON_SIZE - len(ranked))
        self.taken = {w for w in ranked if w}
        self.rng = np.random.default_rng([seed, 1])
        self.char_cdf = np.cumsum(weights) / sum(weights)
        self.buffer: list[int] = []
        self.lengths: list[int] = []
        self.at = 0

    def make(self, rank: int) -> str:
        """The pseudo-word of a rank, made when first drawn: 2 to 4 characters (mostly 2), unlike every word
        made before it."""
        while True:
            if self.at + 4 > len(self.buffer):   # characters and lengths are drawn 100,000 at a time
                self.buffer = np.searchsorted(self.char_cdf, self.rng.random(100_000), side="right").clip(
                    0, len(self.chars) - 1).tolist()
                self.lengths = self.rng.choice([2, 3, 4], 25_000, p=[0.66, 0.26, 0.08]).tolist()
                self.at = 0
            k = self.lengths[self.at // 4]
            w = "".join([self.chars[c] for c in self.buffer[self.at:self.at + k]])
            self.at += 4
            if w not in self.taken:
                self.taken.add(w)
                self.words[rank] = w
                return w

    def pseudo(self, rng: random.Random, k: int, *, prefix: str = "", suffix: str = "") -> str:
        """A new name: prefix, k characters and suffix, unlike every word and name made before it."""
        while True:
            w = prefix + "".join(rng.choices(self.chars, cum_weights=self.cum, k=k)) + suffix
            if w not in self.taken:
                self.taken.add(w)
                return w


@dataclass
class Story:
    id: int
    topic: int
    start: int                          # seconds since START (negative: before the crawl)
    size: int
    keywords: np.ndarray                # token ids, most used first
    actors: list[int]                   # token ids of people, bodies and places
    people: list[int]
    bodies: list[int]
    articles: list[int] = field(default_factory=list)   # article numbers published so far


class RealisticCrawl:
    """The realistic generator: ``pages()`` yields page texts in publication order, page i depending only
    on the seed and the pages before it; ``stats`` collects what the draws were."""

    def __init__(self, *, seed: int = 0, per_day: float = 40.0) -> None:
        self.lex = Lexicon(seed)
        self.cdf = _zipf_cdf(LEXICON_SIZE)
        self.np = np.random.default_rng(seed)
        self.py = random.Random(seed)
        self.per_day = per_day
        self.vocab = self.lex.words               # token id -> string; ids >= LEXICON_SIZE are names
        self.names_by_tag = _names()
        self.name_ids: dict[str, list[int]] = {}
        for tag, names in self.names_by_tag.items():
            self.name_ids[tag] = [self._add_name(x) for x in names]
        # Zipf popularity of known names, in an order of the seed's choosing
        self.name_cum = {}
        for tag, ids in self.name_ids.items():
            self.py.shuffle(ids)
            self.name_cum[tag] = list(accumulate(1.0 / (i + 1) for i in range(len(ids))))
        self.surnames = [x[0] for x in self.names_by_tag["nr"] if 2 <= len(x) <= 3]
        self.body_suffixes = [s for s, c in Counter(x[-2:] for x in self.names_by_tag["nt"] if len(x) >= 4)
                              .most_common(40)]
        # topics: popularity, favoured words, regular actors
        self.topic_cum = list(accumulate(1.0 / (t + 1) for t in range(TOPICS)))
        w = np.arange(1, TOPIC_WORDS + 1, dtype=np.float64) ** -0.9
        self.topic_word_cdf = np.cumsum(w) / w.sum()
        self.topic_words = [self._content_ranks(TOPIC_WORDS, floor=200) for _ in range(TOPICS)]
        self.topic_actors = [[self._known("nr") for _ in range(3)] + [self._known("nt") for _ in range(2)]
                             + [self._known("ns")] for _ in range(TOPICS)]
        sizes = np.arange(1, STORY_MAX + 1, dtype=np.float64)
        p = sizes ** -STORY_ALPHA
        self.size_cdf = np.cumsum(p) / p.sum()
        self.mean_size = float((sizes * p).sum() / p.sum())
        self.stories: list[Story] = []
        # per article (those of the month before the crawl included), for the related lists of later pages
        self.items: list[str] = []                   # each article as a related item: '-', headline, stamp+summary
        self.t_arr = np.zeros(1024, dtype=np.int64)   # publication times
        self.pop = np.zeros(1024)
        self.by_topic: list[list[int]] = [[] for _ in range(TOPICS)]
        self.hits: list[int] = []
        self.stats = CrawlStats()

    # -- drawing words and names -------------------------------------------------------------------
    def _draw_ranks(self, k: int, *, floor: int = 0) -> np.ndarray:
        lo = self.cdf[floor - 1] if floor else 0.0
        u = lo + self.np.random(k) * (1.0 - lo)
        return np.minimum(np.searchsorted(self.cdf, u, side="right"), LEXICON_SIZE - 1)

    def _content_ranks(self, k: int, *, floor: int) -> np.ndarray:
        """k distinct ranks of content words (no function words), in the order drawn."""
        got: dict[int, None] = {}
        while len(got) < k:
            r = self._draw_ranks(2 * k, floor=floor)
            got.update(dict.fromkeys(r[~self.lex.function[r]].tolist()))
        return np.array(list(got)[:k], dtype=np.int64)

    def _add_name(self, name: str) -> int:
        self.vocab.append(name)
        self.lex.taken.add(name)
        return len(self.vocab) - 1

    def _known(self, tag: str) -> int:
        ids = self.name_ids[tag]
        return ids[bisect.bisect(self.name_cum[tag], self.py.random() * self.name_cum[tag][-1])]

    def _new_person(self) -> int:
        surname = self.py.choice(self.surnames)
        return self._add_name(self.lex.pseudo(self.py, self.py.choice((1, 2, 2, 2)), prefix=surname))

    def _new_body(self) -> int:
        return self._add_name(self.lex.pseudo(self.py, 2, suffix=self.py.choice(self.body_suffixes)))

    def text_of(self, ids) -> list[str]:
        v, make = self.vocab, self.lex.make
        return [v[i] or make(i) for i in ids]

    # -- stories -------------------------------------------------------------------------------------
    def _new_story(self, start: int) -> tuple[Story, list[int]]:
        py = self.py
        size = min(int(np.searchsorted(self.size_cdf, self.np.random(), side="right")) + 1, STORY_MAX)
        topic = bisect.bisect(self.topic_cum, py.random() * self.topic_cum[-1])
        own = self._content_ranks(3 + int(self.np.poisson(3)), floor=400)
        shared = self.topic_words[topic][self.np.integers(0, 30, 2)]
        keywords = np.concatenate([own, shared])
        regulars = self.topic_actors[topic]
        people = [py.choice(regulars[:3])] + [self._known("nr") for _ in range(py.randint(0, 2))]
        bodies = [py.choice(regulars[3:5])]
        if py.random() < 0.35:
            people.insert(0, self._new_person())
        if py.random() < 0.15:
            bodies.insert(0, self._new_body())
        if py.random() < 0.5:
            bodies.append(self._known("nt"))
        places = [regulars[5]] if py.random() < 0.5 else [self._known("ns")]
        people, bodies = list(dict.fromkeys(people)), list(dict.fromkeys(bodies))
        story = Story(len(self.stories), topic, start, size, keywords, [*people, *bodies, *places], people, bodies)
        self.stories.append(story)
        days = 0.0 if size == 1 else min(120.0, size ** 0.6 * py.uniform(1.5, 4.0))
        offsets = [0] + sorted(int(days * 86400 * py.random() ** 2) for _ in range(size - 1))
        return story, [start + o for o in offsets]

    def _articles(self):
        """(time, story) of every article, in publication order, from WARMUP_DAYS before the crawl."""
        rate = self.per_day / self.mean_size / 86400   # stories a second
        heap: list[tuple[int, int, int]] = []
        next_start = -WARMUP_DAYS * 86400
        while True:
            while not heap or heap[0][0] >= next_start:
                story, times = self._new_story(next_start)
                for k, t in enumerate(times):
                    heapq.heappush(heap, (t, story.id, k))
                next_start += max(1, int(self.np.exponential(1 / rate)))
            t, sid, _ = heapq.heappop(heap)
            yield t, self.stories[sid]

    # -- text ----------------------------------------------------------------------------------------
    def _tokens(self, story: Story, k: int, *, floor: int = 0) -> np.ndarray:
        """k token ids: the story's keywords, its topic's words and the background (ranks >= floor), mixed."""
        rng = self.np
        u = rng.random(k)
        ids = self._draw_ranks(k, floor=floor)
        tw = self.topic_words[story.topic][np.searchsorted(self.topic_word_cdf, rng.random(k), side="right")
                                           .clip(0, TOPIC_WORDS - 1)]
        nk = len(story.keywords)
        kw = story.keywords[np.minimum((rng.random(k) ** 2 * nk).astype(np.int64), nk - 1)]   # first ones most
        return np.where(u < SHARE_STORY, kw, np.where(u < SHARE_STORY + SHARE_TOPIC, tw, ids))

    def _actor(self, story: Story) -> int:
        a = story.actors
        return a[min(int(self.py.random() ** 2 * len(a)), len(a) - 1)]

    def _paragraphs(self, story: Story, day: datetime, sentences: list[int], drawn: list) -> list[str]:
        """Paragraphs of the given numbers of sentences: clauses of words, Chinese punctuation, people who
        say things (some in quotation marks), dates and numbers."""
        rng, py, vocab = self.np, self.py, self.vocab
        n_sent = sum(sentences)
        per_sentence = (rng.binomial(6, 0.5, n_sent) + 1).tolist()           # clauses a sentence
        n_clause = sum(per_sentence)
        lengths = rng.integers(1, 4, n_clause) + rng.exponential(1 / 0.45, n_clause).astype(np.int64)
        ids = self._tokens(story, int(lengths.sum()))
        # no clause opens with a function word, and no function word follows itself (的的)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        bad = np.zeros(len(ids), dtype=bool)
        bad[starts] = ids[starts] < CONTENT_FLOOR
        bad[1:] |= (ids[1:] == ids[:-1]) & (ids[1:] < ZIPF_KNEE)
        if bad.any():
            ids[bad] = self._draw_ranks(int(bad.sum()), floor=CONTENT_FLOOR)
        drawn.append(ids)
        words = self.text_of(ids.tolist())
        cuts = [0, *np.cumsum(lengths).tolist()]
        clauses = ["".join(words[cuts[c]:cuts[c + 1]]) for c in range(n_clause)]
        sentence_ends = np.cumsum(per_sentence)
        last = np.zeros(n_clause, dtype=bool)
        last[sentence_ends - 1] = True
        first = np.zeros(n_clause, dtype=bool)
        first[sentence_ends - per_sentence] = True
        u = rng.random(n_clause)
        seps = np.where(first, 0, np.where(u < 0.08, 1, np.where(u < 0.1, 2, 3))).tolist()
        events = rng.random(n_clause)
        speech = (events < 0.12) & ~last
        number = (events > 0.95) & (np.arange(n_clause) >= per_sentence[0])   # not in the first sentence
        quoted = set()   # sentences with a quotation open
        sentence_of = np.repeat(np.arange(n_sent), per_sentence).tolist()
        for j in np.flatnonzero(speech | number).tolist():   # someone says it; a date or a number
            r, clause = float(events[j]), clauses[j]
            if r < 0.12:
                who = self._actor(story)
                drawn.append((who,))
                verb = SPEECH[int(r * 1000) % len(SPEECH)]
                if r < 0.035 and sentence_of[j] not in quoted:
                    quoted.add(sentence_of[j])
                    clauses[j] = f"{vocab[who]}{verb}{'：' if r < 0.02 else '，'}「{clause}"
                else:
                    clauses[j] = f"{vocab[who]}{verb}，{clause}"
            else:
                x = py.random()
                clauses[j] = (f"{day.day}日" if x < 0.4 else f"{day.month}月{day.day}日" if x < 0.6
                              else f"{py.randint(2, 99)}%" if x < 0.75 else f"{py.randint(1, 30)}萬"
                              if x < 0.9 else f"{day.year - py.randint(0, 30)}年") + clause
        e = rng.random(n_sent)
        ends = np.where(e < 0.93, 0, np.where(e < 0.97, 1, 2)).tolist()
        for s_, j in enumerate((sentence_ends - 1).tolist()):
            clauses[j] += ("。", "！", "？")[ends[s_]] + ("」" if s_ in quoted else "")
        pieces = [("", "、", "；", "，")[k] + c for k, c in zip(seps, clauses)]
        bounds = [0, *np.cumsum(per_sentence)[np.cumsum(sentences) - 1].tolist()]
        return ["".join(pieces[bounds[p]:bounds[p + 1]]) for p in range(len(sentences))]

    def _headline(self, story: Story, drawn: list) -> str:
        py = self.py
        k1, k2 = py.randint(2, 4), py.randint(2, 4)
        ids = self._tokens(story, k1 + k2, floor=CONTENT_FLOOR).tolist()
        for h in (0, k1):
            if py.random() < 0.6:   # a keyword of the story in each half
                kw = story.keywords
                ids[h + py.randrange(2)] = int(kw[min(int(py.random() ** 2 * len(kw)), len(kw) - 1)])
        if py.random() < 0.5:       # and someone
            ids.insert(0, self._actor(story))
            k1 += 1
        drawn.append(ids)
        words = self.text_of(ids)
        sep = py.choice((" ", " ", " ", " ", " ", "!", ":", "！", "：", "."))
        return "".join(words[:k1]) + sep + "".join(words[k1:])

    def _pick(self, candidates: np.ndarray, k: int, now: int, tau_days: float, exclude: set[int]) -> list[int]:
        """k of the candidates, without replacement, weighted by popularity and recency (none of exclude)."""
        if k <= 0 or not len(candidates):
            return []
        age = (now - self.t_arr[candidates]) / (86400 * tau_days)
        w = np.maximum(self.pop[candidates] * np.exp(-age), 1e-300)
        keys = np.log(self.np.random(len(candidates))) / w          # Efraimidis-Spirakis keys
        m = min(k + len(exclude), len(candidates))
        top = np.argpartition(-keys, m - 1)[:m] if m < len(candidates) else np.arange(len(candidates))
        top = top[np.argsort(-keys[top], kind="stable")]
        return [j for j in candidates[top].tolist() if j not in exclude][:k]

    def _related(self, i: int, story: Story, now: int) -> list[int]:
        """20 earlier articles: the story's latest, then the topic's and the outlet's, by popularity and recency."""
        chosen = story.articles[::-1][:self.py.randint(2, 8)]
        self.stats.related_story += len(chosen)
        got = self._pick(np.asarray(self.by_topic[story.topic][-300:], dtype=np.int64), 13 - len(chosen), now,
                         20.0, set(chosen))
        self.stats.related_topic += len(got)
        chosen += got
        lo = max(0, i - 1500)
        candidates = np.concatenate([np.asarray([h for h in self.hits[-200:] if h < lo], dtype=np.int64),
                                     np.arange(lo, i, dtype=np.int64)])
        rest = self._pick(candidates, RELATED_PER_PAGE - len(chosen), now, 3.0, set(chosen))
        self.stats.related_outlet += len(rest)
        return chosen + rest

    def pages(self):
        """Yield the crawl's page texts, one by one, for ever."""
        py = self.py
        for t, story in self._articles():
            i = len(self.items)
            day = START + timedelta(seconds=t)
            drawn: list = []
            crawled = t >= 0
            headline = self._headline(story, drawn)
            if crawled:
                quote = py.random() < 0.25   # a TV transcript's sound bite
                sentences = [py.randint(1, 3), *([py.randint(1, 3)] if quote else []),
                             *(py.randint(2, 4) for _ in range(py.randint(2, 5)))]
                lead, *body = self._paragraphs(story, day, sentences, drawn)
                if quote:
                    who, org = story.people[0], story.bodies[0]
                    drawn.append((who, org))
                    body[0] = f"(聲音來源){self.vocab[org]}{py.choice(ROLES)} {self.vocab[who]}:「{body[0]}」"
                related = self._related(i, story, t)
            else:
                lead = self._paragraphs(story, day, [py.randint(1, 3)], drawn)[0]
            # this article is now part of the outlet's archive, for later pages' related lists
            if i >= len(self.pop):
                self.pop = np.concatenate([self.pop, np.zeros(len(self.pop))])
                self.t_arr = np.concatenate([self.t_arr, np.zeros(len(self.t_arr), dtype=np.int64)])
            self.t_arr[i] = t
            pop = (1.0 - py.random()) ** (-1 / 1.2)   # Pareto: Zipf popularity
            self.pop[i] = pop
            if pop > 46:   # the top 1%: read for months
                self.hits.append(i)
            self.by_topic[story.topic].append(i)
            story.articles.append(i)
            self.items.append(f"-\n{headline}\n{day:%Y-%m-%d %H:%M:%S}{lead[:SUMMARY_CHARS]}")
            if not crawled:
                continue
            self.stats.add(story, drawn, related, t, crawl=self)
            yield "\n".join([headline, f"【{OUTLET} {day:%Y} 年 {day:%m} 月 {day:%d} 日訊】{lead}", *body, "相關新聞",
                             *(self.items[j] for j in related)])


class CrawlStats:
    """What the realistic generator drew: word counts by token id, Heaps checkpoints, stories, related items."""

    def __init__(self) -> None:
        self.pages = 0
        self.tokens = 0
        self.counts = np.zeros(0, dtype=np.int64)
        self.pending: list[np.ndarray] = []
        self.heaps: list[tuple[int, int, int]] = []    # (pages, tokens, distinct terms)
        self.story_pages: Counter[int] = Counter()
        self.first_day: int | None = None
        self.last_day = 0
        self.related_story = self.related_topic = self.related_outlet = 0
        self.related_archive = 0
        self.related_uses: Counter[int] = Counter()
        self.first_page_article: int | None = None

    def add(self, story: Story, drawn: list, related: list[int], t: int, *, crawl: RealisticCrawl) -> None:
        self.pages += 1
        ids = np.concatenate([np.asarray(x, dtype=np.int32) for x in drawn])
        self.tokens += len(ids)
        self.pending.append(ids)
        self.story_pages[story.id] += 1
        i = len(crawl.items) - 1
        if self.first_page_article is None:
            self.first_page_article = i
        self.related_archive += sum(j < self.first_page_article for j in related)
        self.related_uses.update(related)
        self.first_day = t if self.first_day is None else self.first_day
        self.last_day = t
        p = self.pages
        if p & (p - 1) == 0 or p % 10000 == 0 or len(self.pending) >= 10000:
            self.flush(len(crawl.vocab))
            if p & (p - 1) == 0 or p % 10000 == 0:
                self.heaps.append((p, self.tokens, self.distinct))

    def flush(self, size: int) -> None:
        if self.pending:
            c = np.bincount(np.concatenate(self.pending), minlength=size)
            if len(self.counts) < len(c):
                self.counts = np.concatenate([self.counts, np.zeros(len(c) - len(self.counts), dtype=np.int64)])
            self.counts[:len(c)] += c
            self.pending = []

    @property
    def distinct(self) -> int:
        return int(np.count_nonzero(self.counts))

    def finish(self, size: int) -> None:
        self.flush(size)
        if not self.heaps or self.heaps[-1][0] != self.pages:
            self.heaps.append((self.pages, self.tokens, self.distinct))

    def summary(self) -> str:
        sizes = list(self.story_pages.values())
        return (f"{self.pages:,} pages, {self.tokens:,} words drawn, {self.distinct:,} distinct terms, "
                f"{len(sizes):,} stories (largest {max(sizes, default=0):,} articles)")

    def report(self, crawl: RealisticCrawl) -> str:
        out = [f"realistic crawl: {self.summary()}",
               f"  span {self.first_day / 86400:.0f} to {self.last_day / 86400:.0f} days after {START:%Y-%m-%d}; "
               f"lexicon: {crawl.lex.real:,} real words at the top ranks, then pseudo-words", "",
               "Heaps: distinct terms against pages (terms = the words drawn for headlines and texts)",
               f"  {'pages':>8s} {'words':>12s} {'distinct':>10s}  local exponent"]
        prev = None
        for p, n, v in self.heaps:
            local = f"{math.log(v / prev[2]) / math.log(n / prev[1]):.2f}" if prev else ""
            out.append(f"  {p:8,d} {n:12,d} {v:10,d}  {local}")
            prev = (p, n, v)
        fit = [(math.log(n), math.log(v)) for p, n, v in self.heaps if p >= 100]
        if len(fit) >= 2:
            beta = np.polyfit(*zip(*fit), 1)[0]
            out.append(f"  fitted V ~ N^beta over >= 100 pages: beta = {beta:.2f}")
        f = np.sort(self.counts[self.counts > 0])[::-1].astype(np.float64)
        out += ["", "Zipf: rank-frequency slope (least squares on log-log)"]
        for lo, hi in ((1, 100), (10, 1000), (100, 5000), (1000, 10000), (5000, 50000)):
            if len(f) >= hi:
                r = np.arange(lo, hi + 1)
                slope = np.polyfit(np.log(r), np.log(f[lo - 1:hi]), 1)[0]
                out.append(f"  ranks {lo:>6,d}-{hi:<7,d} slope {slope:.2f}")
        top = np.argsort(-self.counts, kind="stable")[:12]
        out.append("  top words: " + " ".join(f"{crawl.vocab[i]}({self.counts[i] / self.tokens:.1%})"
                                              for i in top.tolist()))
        hapax = int((self.counts == 1).sum())
        out.append(f"  terms seen once: {hapax:,} ({hapax / max(self.distinct, 1):.0%} of distinct terms)")
        sizes = np.array(sorted(self.story_pages.values(), reverse=True))
        out += ["", "Stories: articles per story within the crawl"]
        bins = [("1", 1, 1), ("2", 2, 2), ("3-5", 3, 5), ("6-10", 6, 10), ("11-30", 11, 30), ("31-100", 31, 100),
                ("101-300", 101, 300), ("301+", 301, 10**9)]
        out.append("  " + ", ".join(f"{name}: {((sizes >= a) & (sizes <= b)).sum():,}" for name, a, b in bins))
        ks = np.unique(sizes)
        ccdf = np.array([(sizes >= k).mean() for k in ks])
        ok = (ks >= 2) & ((sizes[:, None] >= ks[None, :]).sum(0) >= 5)
        if ok.sum() >= 2:
            slope = np.polyfit(np.log(ks[ok]), np.log(ccdf[ok]), 1)[0]
            out.append(f"  P(size >= k) ~ k^{slope:.2f} (Zipf size exponent {1 - slope:.2f}; drawn with "
                       f"{STORY_ALPHA}); mean {sizes.mean():.1f}, singletons {(sizes == 1).mean():.0%}, "
                       f"articles in stories of 10+: {sizes[sizes >= 10].sum() / sizes.sum():.0%}")
        multi = [s for s in crawl.stories if len(s.articles) >= 2 and s.id in self.story_pages]
        if multi:
            spans = sorted(int(crawl.t_arr[s.articles[-1]] - crawl.t_arr[s.articles[0]]) / 86400 for s in multi)
            out.append(f"  stories with follow-ups: {len(multi):,}; days from first to last article: median "
                       f"{spans[len(spans) // 2]:.1f}, 90th percentile {spans[int(len(spans) * 0.9)]:.1f}")
        n = max(self.related_story + self.related_topic + self.related_outlet, 1)
        uses = sorted(self.related_uses.values(), reverse=True)
        out += ["", f"Related items: {n:,} ({n / max(self.pages, 1):.0f} a page): same story "
                    f"{self.related_story / n:.0%}, same topic {self.related_topic / n:.0%}, outlet's popular and "
                    f"recent {self.related_outlet / n:.0%}; from before the crawl {self.related_archive / n:.0%}",
                f"  distinct articles listed {len(uses):,}; the most listed appears on {uses[0] if uses else 0:,} "
                f"pages, the 100th on {uses[99] if len(uses) > 99 else 0:,}"]
        return "\n".join(out)


# -- writing -------------------------------------------------------------------------------------------

def _pages(n: int, total: int, *, vocabulary: str, seed: int, pool_factor: float, per_day: float):
    if vocabulary == "seed":
        return _seed_pages(n, seed=seed, pool_factor=pool_factor, total=total), None
    if vocabulary == "realistic":
        crawl = RealisticCrawl(seed=seed, per_day=per_day)
        return crawl.pages(), crawl
    raise ValueError(f"vocabulary must be one of {VOCABULARIES}, not {vocabulary!r}")


def _export_rows(text: str, *, page_id: str) -> list[str]:
    """A page's documents as a scraper exports them: a JSON line a document (page_id, position, kind, title,
    published, text), read from the page by the kit's own page grammar."""
    docs, _ = parse_page(text, source=f"{page_id}.txt", page_id=page_id)
    return [json.dumps({"page_id": page_id, "position": d["position"], "kind": d["kind"], "title": d["title"],
                        "published": d["published"].strftime(_AS_WRITTEN[d["published_precision"]])
                        if d["published"] else "", "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs]


#: A time written to the precision the page gives it (a dateline's day, a related item's second).
_AS_WRITTEN = {"day": "%Y-%m-%d", "minute": "%Y-%m-%d %H:%M", "second": "%Y-%m-%d %H:%M:%S"}


def write_crawl(n: int, out: Path, *, seed: int = 0, pool_factor: float = 2.0, vocabulary: str = "seed",
                per_day: float = 40.0, extend: int = 0, fmt: str = "txt") -> tuple[list[Path], RealisticCrawl | None]:
    """Write the pages (all n, or with ``extend`` only the ``extend`` pages that continue them), as text
    pages, (``fmt="html"``) saved web pages or (``fmt="jsonl"``) one JSON Lines export; return the paths
    written and, for the realistic vocabulary, the generator (its ``stats``)."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    total = n + extend
    pages, crawl = _pages(n, total, vocabulary=vocabulary, seed=seed, pool_factor=pool_factor, per_day=per_day)
    paths = []
    first = total - (extend or n)
    if fmt == "jsonl":  # one file: crawl.jsonl, or for the pages that continue it crawl_<first>.jsonl
        path = out / ("crawl.jsonl" if not extend else f"crawl_{first:06d}.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for i, text in zip(range(total), pages):
                if i >= first:
                    f.writelines(_export_rows(text, page_id=f"page_{i:06d}"))
        paths.append(path)
    else:  # a file a page
        for i, text in zip(range(total), pages):
            if i >= first:
                path = out / f"page_{i:06d}.{fmt}"
                path.write_text(web_page(text, index=i) if fmt == "html" else text, encoding="utf-8")
                paths.append(path)
    if crawl is not None:
        crawl.stats.finish(len(crawl.vocab))
    return paths, crawl


def make_corpus(n: int, out: Path, *, seed: int = 0, pool_factor: float = 2.0, vocabulary: str = "seed",
                per_day: float = 40.0, extend: int = 0, fmt: str = "txt") -> list[Path]:
    """Write ``n`` pages to ``out`` and return their paths.

    ``vocabulary`` is ``"seed"`` (the seed page's sentences recombined: dense, the worst case) or
    ``"realistic"`` (Zipf and Heaps vocabulary, stories, recycled related items; ``per_day``
    articles a day, ``pool_factor`` unused). With ``extend=k`` only the k pages that continue an
    n-page crawl are written (``page_{n:06d}.txt`` or ``.html`` on): for the realistic vocabulary, pages n to
    n+k-1 of the (n+k)-page crawl; for the seed vocabulary, the same stream drawing on the n-page pool.
    ``fmt="html"`` writes each page as a saved web page (``page_{i:06d}.html``: benchmarks/web_pages.py),
    ``fmt="jsonl"`` the pages' documents as one JSON Lines file (``crawl.jsonl``, or ``crawl_{n:06d}.jsonl``
    for the pages that continue it).
    """
    return write_crawl(n, out, seed=seed, pool_factor=pool_factor, vocabulary=vocabulary, per_day=per_day,
                       extend=extend, fmt=fmt)[0]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of pages")
    p.add_argument("out", type=Path, help="folder to write them to")
    p.add_argument("--vocabulary", choices=VOCABULARIES, default="seed",
                   help="seed: the seed page's sentences recombined (dense worst case, default); realistic: "
                        "Zipf/Heaps vocabulary, stories and recycled related items")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--pool-factor", type=float, default=2.0, help="seed vocabulary: related-item pool size per page")
    p.add_argument("--per-day", type=float, default=40.0, help="realistic vocabulary: articles a day")
    p.add_argument("--extend", type=int, default=0, metavar="K",
                   help="write only the K pages that continue the N-page crawl (page_N onwards)")
    p.add_argument("--format", choices=FORMATS, default="txt", dest="fmt",
                   help="txt: text pages in the seed's layout (default); html: the same pages as saved web pages, "
                        "with a news site's header, adverts, sidebar, footer and scripts; jsonl: the same crawl as "
                        "one JSON Lines export, a row a document")
    p.add_argument("--stats", action="store_true",
                   help="realistic vocabulary: print Heaps, Zipf, story and related-item statistics")
    args = p.parse_args()
    t0 = time.perf_counter()
    paths, crawl = write_crawl(args.n, args.out, seed=args.seed, pool_factor=args.pool_factor,
                               vocabulary=args.vocabulary, per_day=args.per_day, extend=args.extend, fmt=args.fmt)
    took = time.perf_counter() - t0
    what = f"pages {args.n:,} to {args.n + args.extend - 1:,}" if args.extend else f"{args.n:,} pages"
    if crawl is None:
        print(f"wrote {what} to {args.out} ({args.vocabulary} vocabulary, {took:.1f} s)")
        if args.stats:
            fragments, sentences = _material()
            print(f"seed vocabulary: {len(fragments)} headline fragments and {len(sentences)} sentences of "
                  f"{SEEDS_DIR}, recombined; the terms do not grow with the pages")
        return
    print(f"wrote {what} to {args.out} ({took:.1f} s); realistic crawl of {crawl.stats.summary()}")
    if args.stats:
        print(crawl.stats.report(crawl))


if __name__ == "__main__":
    main()
