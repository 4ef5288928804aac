"""Word discovery: the corpus's own new words, found from its characters, for the segmenter's dictionary.

News names things faster than dictionaries do (中央流行疫情指揮中心, 陳時中, 高端疫苗, 境外移入), and
a segmenter cuts a name it does not know into pieces that are then counted, compared and searched
as if they were words. :func:`discover_words` finds candidates from the characters alone: strings
of Han characters that recur, hold together, and occur in varied company. :func:`accept_words`
adds them to the project dictionary, which every function of the kit then reads.

The measures, for a candidate ``w`` counted in the distinct texts:

- *cohesion*: the smallest pointwise mutual information over the ways of cutting ``w`` in two,
  ``min over k of log2(p(w) / (p(w[:k]) * p(w[k:])))``, where ``p(x)`` is the count of ``x``
  divided by the number of n-gram positions of ``x``'s length in the texts. The parts of a word
  occur together far more often than chance would have them (陳 and 時中).
- *boundary entropy*: the entropy, in bits, of the character just left of each occurrence of
  ``w`` (``left_entropy``), and of the one just right of it (``right_entropy``). The edge of a
  text or of a run of Han characters (punctuation, digits, Latin letters) counts as a neighbour
  of its own, one symbol distinct from every character, so that a clause that recurs whole
  between the same punctuation marks is not taken for a word. A fragment of a longer word always
  has the same neighbour on one side (時中 follows 陳): entropy 0 there.

Candidates are pruned by count level by level (an n-gram is counted only when both of its
(n-1)-grams occur ``min_count`` times), so memory and time grow with the text, not its square.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from . import config
from .outputs import atomic_write_text
from .segmentation import detect_script, get_segmenter, read_userdict, segment_many
from .tables import distinct, document_text
from .typedefs import PathLike, SegmenterLike, UserDict

logger = logging.getLogger(__name__)

#: Occurrences a candidate needs (in the distinct texts) to be counted at all.
MIN_COUNT = 5
#: Longest candidate, in characters (中央流行疫情指揮中心 has 10).
MAX_LENGTH = 10
#: Rows :func:`discover_words` returns by default.
TOP = 1000
#: Least cohesion, in bits, of an accepted word: its parts occur together at least 2**4 = 16 times
#: as often as chance. For a word whose rarer part occurs only in it, cohesion is about
#: log2(1 / share of the commoner part), so 4 bits turns away only parts as common as 的 (4% of
#: characters); topical heads such as 疫苗 in an epidemic corpus still give 5 to 7 bits.
MIN_COHESION = 4.0
#: Least boundary entropy, in bits, on each side of an accepted word: about three equally likely
#: neighbours, or one neighbour taking three quarters of the occurrences and many others the rest.
MIN_ENTROPY = 1.5
#: A candidate is a phrase when it can be cut in two parts that are each this free (boundary
#: entropy in bits) on the side where they meet, as 陳時中|表示 or 不|知道: two words, not one.
PHRASE_ENTROPY = 1.5
#: Least share of a candidate's occurrences that start and end on boundaries of the segmenter's
#: dictionary words: 籲民眾 inside 呼籲民眾, or 起台 inside 起台中市, cuts through a known word.
ALIGNED = 0.5
#: A candidate is dropped as part of a longer accepted word when that word accounts for this share
#: of its occurrences (the longer word is kept).
SUBSUMED = 0.9

#: Characters a new word seldom starts or ends with: particles, prepositions, conjunctions,
#: pronouns, auxiliaries (Traditional and Simplified forms). A candidate such as 的快篩 or 須落實 is
#: a word plus its grammar; one with 的 anywhere is a phrase.
FUNCTION_CHARS = frozenset(
    "的了是在和與与及也都就而之為为對对於于將将被把等或並并但又從从向給给讓让著着個个這这那其此"
    "嗎吗呢吧啊已還还所們们須须應应會会可能要到"
)

#: Titles and roles that news puts before or after a name (總統蔡英文, 蘇貞昌院長): a candidate that
#: starts or ends with one is a title and a name, two words to count apart.
TITLES = ("副總統", "總統", "副院長", "院長", "部長", "次長", "主委", "發言人", "大使", "代表", "處長", "市長",
          "縣長", "議長", "議員", "立委", "委員", "主席", "秘書長", "署長", "局長", "司令", "總理", "首相",
          "國務卿", "記者", "教授", "醫師", "執行長", "董事長", "總經理", "校長", "法官", "檢察官")

#: Runs of Han characters (CJK unified ideographs, extensions and compatibility ideographs).
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")

#: Columns of :func:`discover_words`'s table.
COLUMNS = ("word", "length", "count", "documents", "cohesion", "left_entropy", "right_entropy", "whole",
           "aligned", "known", "score", "accepted", "reason")


def _texts(docs: pd.DataFrame | Iterable[str]) -> list[str]:
    """The distinct texts discovery reads: title and text of each distinct document, or the strings given."""
    if isinstance(docs, pd.DataFrame):
        return list(dict.fromkeys(document_text(distinct(docs))))
    if isinstance(docs, str):
        raise TypeError("discover_words() takes a documents table or a list of texts, not one string")
    return list(dict.fromkeys(docs))


class _Counts:
    """Counts, documents and neighbour statistics of every n-gram that survives pruning."""

    def __init__(self, runs: list[list[str]], *, min_count: int, max_length: int):
        flat = [r for rs in runs for r in rs]
        owner = [t for t, rs in enumerate(runs) for _ in rs]
        #: n -> number of n-gram positions in the runs: the denominator of p(x) for len(x) == n.
        self.positions = {n: sum(len(r) - n + 1 for r in flat if len(r) >= n) for n in range(1, max_length + 1)}
        chars = Counter(c for r in flat for c in r)
        self.count: dict[str, int] = {c: k for c, k in chars.items() if k >= min_count}
        self.documents: Counter[str] = Counter()
        #: Sum of k * log2(k) over the neighbours seen k times, and how many occurrences had one.
        self.left_sum: dict[str, float] = {}
        self.left_seen: dict[str, int] = {}
        self.right_sum: dict[str, float] = {}
        self.right_seen: dict[str, int] = {}
        # Start positions, per run, of the surviving grams of the current length (n - 1).
        starts = [[i for i, c in enumerate(r) if c in self.count] for r in flat]
        for n in range(2, max_length + 2):
            # Every n-gram that extends a surviving (n-1)-gram to the right or to the left: their neighbours.
            grams = Counter(r[i:i + n] for r, s in zip(flat, starts) if s for i in _around(s) if i + n <= len(r))
            self._neighbours(grams)
            if n > max_length:
                break
            kept = {g: k for g, k in grams.items()
                    if k >= min_count and g[:-1] in self.count and g[1:] in self.count}
            if not kept:
                break
            self.count.update(kept)
            starts = [[i for i, j in zip(s, s[1:]) if j == i + 1 and r[i:i + n] in kept] if s else s
                      for r, s in zip(flat, starts)]
            self.documents.update(g for _, g in {(t, r[i:i + n]) for t, r, s in zip(owner, flat, starts) for i in s})

    def _neighbours(self, grams: Counter[str]) -> None:
        for g, k in grams.items():
            term = k * math.log2(k)
            a, b = g[:-1], g[1:]
            if a in self.count:
                self.right_sum[a] = self.right_sum.get(a, 0.0) + term
                self.right_seen[a] = self.right_seen.get(a, 0) + k
            if b in self.count:
                self.left_sum[b] = self.left_sum.get(b, 0.0) + term
                self.left_seen[b] = self.left_seen.get(b, 0) + k

    def entropy(self, word: str, side: str) -> float:
        """Boundary entropy in bits; the edge of a text or run is one more neighbour."""
        n = self.count[word]
        total, seen = (self.left_sum, self.left_seen) if side == "left" else (self.right_sum, self.right_seen)
        edges = n - seen.get(word, 0)
        total = total.get(word, 0.0) + (edges * math.log2(edges) if edges else 0.0)
        return max(0.0, math.log2(n) - total / n)

    def cohesion(self, word: str) -> float:
        """Smallest pointwise mutual information (bits) over the cuts of ``word`` in two."""
        def logp(x: str) -> float:
            return math.log2(self.count[x] / self.positions[len(x)])

        whole = logp(word)
        return min(whole - logp(word[:k]) - logp(word[k:]) for k in range(1, len(word)))


def _around(starts: list[int]) -> list[int]:
    """The sorted positions ``starts`` and the position before each."""
    out, last = [], -1
    for i in starts:
        if i - 1 > last:
            out.append(i - 1)
        out.append(i)
        last = i
    return out


def _segmented(words: set[str], texts: list[str], *, userdict: UserDict, segmenter: SegmenterLike | None,
               max_length: int) -> tuple[Counter[str], Counter[str], set[str]]:
    """How the segmenter treats the candidates: cut whole, cut on word boundaries, held in its dictionaries.

    Returns how many occurrences of each word the segmenter cuts as one piece; how many start and
    end on a boundary of the segmenter's dictionary words (a piece no dictionary holds, such as the
    HMM's guess 券可, counts as its characters); and the words its dictionaries hold. A segmenter
    of one's own has no dictionary the kit can read: all its pieces count as words.
    """
    seg = get_segmenter(userdict=userdict, segmenter=segmenter)
    if hasattr(seg, "tokenizer"):
        freqs = {script: seg.tokenizer(script).FREQ for script in sorted({detect_script(t) for t in texts})}
    else:
        freqs = {}
    in_dictionary = {w for freq in freqs.values() for w in words if freq.get(w)}
    whole: Counter[str] = Counter()
    aligned: Counter[str] = Counter()
    for text, pieces in segment_many(texts, userdict=userdict, segmenter=segmenter).items():
        whole.update(p for p in pieces if p in words)
        if freqs:
            freq = freqs[detect_script(text)] if len(freqs) > 1 else next(iter(freqs.values()))
            pieces = [u for p in pieces for u in ((p,) if len(p) == 1 or freq.get(p) else p)]
        for i in range(len(pieces)):
            span = ""
            for p in pieces[i:i + max_length]:
                span += p
                if len(span) > max_length:
                    break
                if span in words:
                    aligned[span] += 1
    return whole, aligned, in_dictionary


def _inner_boundary(word: str, stats: _Counts) -> str | None:
    """The first cut of ``word`` into two parts that are each free on the side where they meet, if any."""
    for k in range(1, len(word)):
        a, b = word[:k], word[k:]
        if stats.entropy(a, "right") >= PHRASE_ENTROPY and stats.entropy(b, "left") >= PHRASE_ENTROPY:
            return f"{a}|{b}"
    return None


def discover_words(docs: pd.DataFrame | Iterable[str], *, min_count: int = MIN_COUNT, max_length: int = MAX_LENGTH,
                   top: int = TOP, userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                   min_cohesion: float = MIN_COHESION, min_entropy: float = MIN_ENTROPY) -> pd.DataFrame:
    """Find words of the corpus that the segmenter does not know, from its characters.

    Candidates are strings of 2 to ``max_length`` Han characters inside a run of Han characters
    (never across punctuation, digits or Latin letters), counted in the distinct texts: each
    distinct document's title and text, as :func:`analysis.term_frequencies` counts them. A
    candidate is *accepted* when all of these hold (the thresholds are module constants):

    - it occurs at least ``min_count`` times (:data:`MIN_COUNT`, 5);
    - it is not known: neither in the segmenter's dictionaries (the kit's, the project's and
      ``userdict``) nor cut whole by the segmenter wherever it occurs (a segmenter of your own:
      cut whole wherever it occurs);
    - it neither starts nor ends with a function character (:data:`FUNCTION_CHARS`: 的, 了, 在,
      與 ...) and has no 的 inside;
    - it neither starts nor ends with a title (:data:`TITLES`: 總統蔡英文 is two words);
    - its cohesion is at least ``min_cohesion`` (:data:`MIN_COHESION`, 4 bits);
    - its boundary entropy is at least ``min_entropy`` (:data:`MIN_ENTROPY`, 1.5 bits) on each
      side: it occurs in varied company, not always beside the same character;
    - at least :data:`ALIGNED` (half) of its occurrences start and end on boundaries of the
      segmenter's dictionary words: it does not cut through a word the segmenter knows;
    - it is not a phrase: no cut into two parts that are each free (boundary entropy at least
      :data:`PHRASE_ENTROPY`, 1.5 bits) on the side where they meet, as 陳時中|表示;
    - no longer accepted word accounts for :data:`SUBSUMED` (90%) of its occurrences.

    Cohesion and boundary entropy are defined in :mod:`analysis.discovery`.

    Parameters
    ----------
    docs : DataFrame or iterable of str
        The documents table (from :func:`analysis.load_corpus`; its ``title`` and ``text``, each
        ``content_id`` once), or texts (each distinct text once).
    min_count : int
        Occurrences a candidate needs; rarer strings are not counted, and not in the table.
    max_length : int
        Longest candidate, in characters.
    top : int
        Rows kept, best first.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter; their words are known.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
        The words it cuts whole everywhere are known; the project dictionary is the kit
        segmenter's, so accepted words change what yours does only if it reads them.
    min_cohesion : float
        Least cohesion of an accepted word, in bits.
    min_entropy : float
        Least boundary entropy of an accepted word on each side, in bits.

    Returns
    -------
    DataFrame
        One row per candidate: ``word``, ``length``, ``count`` (occurrences), ``documents`` (texts
        holding it), ``cohesion``, ``left_entropy``, ``right_entropy`` (bits), ``whole`` (share of
        its occurrences the segmenter cuts as one piece), ``aligned`` (share that start and end on
        boundaries of dictionary words), ``known``, ``score`` (``count``, scaled down by how far
        cohesion and the smaller boundary entropy fall short of their thresholds), ``accepted``
        and ``reason`` (why not: ``known``, ``function character``, ``title``, ``cohesion``, ``boundary``,
        ``crosses words``, ``phrase A|B``, ``inside W``; empty when accepted). Accepted words
        first, then by score (highest first), then by word. ``df.attrs["thresholds"]`` holds the
        thresholds used, ``df.attrs["texts"]`` the number of distinct texts read.

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.
    TypeError
        When ``docs`` is one string.
    ValueError
        When ``min_count`` or ``top`` is below 1, or ``max_length`` below 2; when ``userdict`` is
        given with a segmenter of your own.

    Examples
    --------
    A name the segmenter cuts in two (柯/禹澄), in varied company, among other news:

    >>> texts = [f"{a}柯禹澄{b}。" for a in ("指揮官", "部長", "昨天", "稍早") for b in ("表示", "說", "強調")]
    >>> texts += [f"第{i}則：台灣今年經濟成長，出口表現亮眼，股市創下新高。" for i in range(10)]
    >>> table = discover_words(texts)
    >>> table.loc[table["accepted"], "word"].tolist()
    ['柯禹澄']
    >>> row = table.set_index("word").loc["柯禹澄"]
    >>> int(row["count"]), round(float(row["left_entropy"]), 2), round(float(row["right_entropy"]), 2)
    (12, 2.0, 1.58)
    >>> table.set_index("word").loc[["柯禹", "亮眼", "出口表現"], "reason"].tolist()
    ['boundary', 'known', 'boundary']
    >>> table.attrs["texts"], table.attrs["thresholds"]["min_entropy"]
    (22, 1.5)
    """
    if min_count < 1 or max_length < 2 or top < 1:
        raise ValueError("discover_words() needs min_count >= 1, max_length >= 2 and top >= 1")
    texts = _texts(docs)
    stats = _Counts([_HAN_RUN.findall(t) for t in texts], min_count=min_count, max_length=max_length)
    words = sorted(w for w in stats.count if len(w) >= 2)
    whole, aligned, in_dictionary = (_segmented(set(words), texts, userdict=userdict, segmenter=segmenter,
                                                max_length=max_length)
                                     if words else (Counter(), Counter(), set()))
    rows = []
    for w in words:
        n = stats.count[w]
        left, right = stats.entropy(w, "left"), stats.entropy(w, "right")
        cohesion = stats.cohesion(w)
        known = w in in_dictionary or whole[w] >= n
        if known:
            reason = "known"
        elif w[0] in FUNCTION_CHARS or w[-1] in FUNCTION_CHARS or "的" in w:
            reason = "function character"
        elif any(len(w) > len(t) and (w.startswith(t) or w.endswith(t)) for t in TITLES):
            reason = "title"
        elif cohesion < min_cohesion:
            reason = "cohesion"
        elif min(left, right) < min_entropy:
            reason = "boundary"
        elif aligned[w] < ALIGNED * n:
            reason = "crosses words"
        else:
            cut = _inner_boundary(w, stats)
            reason = f"phrase {cut}" if cut else ""
        score = n * min(1.0, max(0.0, cohesion / min_cohesion)) * min(1.0, min(left, right) / min_entropy
                                                                       if min_entropy > 0 else 1.0)
        rows.append((w, len(w), n, stats.documents[w], cohesion, left, right, whole[w] / n, aligned[w] / n, known,
                     score, reason))
    table = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "accepted"])
    _drop_inside(table, stats)
    table.insert(COLUMNS.index("accepted"), "accepted", table["reason"].eq(""))
    table = table.sort_values(["accepted", "score", "word"], ascending=[False, False, True], kind="mergesort")
    table = table.head(top).reset_index(drop=True).astype(
        {"length": "int64", "count": "int64", "documents": "int64", "known": bool,
         **dict.fromkeys(["cohesion", "left_entropy", "right_entropy", "whole", "aligned", "score"], "float64")})
    table.attrs["thresholds"] = {"min_count": min_count, "max_length": max_length, "min_cohesion": min_cohesion,
                                 "min_entropy": min_entropy, "phrase_entropy": PHRASE_ENTROPY, "aligned": ALIGNED,
                                 "subsumed": SUBSUMED}
    table.attrs["texts"] = len(texts)
    logger.info("discover_words: %d candidates in %d texts, %d accepted", len(rows), len(texts),
                int(table["accepted"].sum()))
    return table


def _drop_inside(table: pd.DataFrame, stats: _Counts) -> None:
    """Mark candidates that a longer candidate, still accepted, accounts for (longest first)."""
    accepted = table["reason"].eq("")
    # For each accepted word: its substrings, and how many of their occurrences it accounts for.
    covers: dict[str, list[tuple[int, str]]] = {}
    for w in sorted(table.loc[accepted, "word"], key=lambda w: (-len(w), w)):
        n = stats.count[w]
        share = max(((stats.count[longer] * _occurrences(w, longer), longer) for longer in covers.get(w, [])),
                    default=None)
        if share and share[0] >= SUBSUMED * n:
            table.loc[table["word"] == w, "reason"] = f"inside {share[1]}"
            continue
        for k in range(2, len(w)):
            for i in range(len(w) - k + 1):
                covers.setdefault(w[i:i + k], [])
                if w not in covers[w[i:i + k]]:
                    covers[w[i:i + k]].append(w)


def _occurrences(short: str, long: str) -> int:
    """Occurrences of ``short`` inside ``long``, overlapping ones included."""
    return sum(long.startswith(short, i) for i in range(len(long) - len(short) + 1))


_WORD = re.compile(r"^[^\s#]\S*$")


def accept_words(words: pd.DataFrame | Iterable[str], *, path: PathLike | None = None,
                 tag: str | None = None) -> Path:
    """Add words to a dictionary in jieba's format, keeping what it holds: the segmenter then knows them.

    Words already in the file are left alone, so running it twice adds nothing the second time.
    The file is rewritten whole through a temporary file and a rename: it is never half-written.
    The project dictionary is read by every function of the kit and by the command line; the
    segmenter is rebuilt when the file changes.

    Parameters
    ----------
    words : DataFrame or iterable of str
        A table from :func:`discover_words` (its rows with ``accepted`` True), or words.
    path : str or Path, optional
        The dictionary (default: the project dictionary, :data:`analysis.config.PROJECT_USERDICT`);
        created with a header when missing.
    tag : str, optional
        A part-of-speech tag written after each word added (``nz``, ``nr`` ...). No frequency is
        written: jieba then gives each word the frequency that lets it win over its own pieces.

    Returns
    -------
    Path
        The dictionary.

    Raises
    ------
    ValueError
        For a word with a space, or starting with ``#``, or a tag that is not letters.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "words.txt"
    >>> _ = path.write_text("# my words\\n克拉夫特 nr\\n", encoding="utf-8")
    >>> accept_words(["柯禹澄", "克拉夫特", "柯禹澄"], path=path, tag="nr") == path
    True
    >>> print(path.read_text(encoding="utf-8"), end="")
    # my words
    克拉夫特 nr
    柯禹澄 nr
    >>> from analysis import segment
    >>> segment("柯禹澄說"), segment("柯禹澄說", userdict=path)
    (['柯', '禹澄', '說'], ['柯禹澄', '說'])
    """
    if isinstance(words, pd.DataFrame):
        words = words.loc[words["accepted"].astype(bool), "word"]
    elif isinstance(words, str):
        words = [words]
    if tag is not None and not re.fullmatch(r"[A-Za-z]+", tag):
        raise ValueError(f"a part-of-speech tag is letters only, not {tag!r}")
    path = Path(path) if path is not None else config.PROJECT_USERDICT
    if path.is_file():
        old = path.read_text(encoding="utf-8-sig")
        present = {w for w, _, _ in read_userdict(path)}
    else:
        old, present = _HEADER, set()
    added = []
    for w in words:
        w = str(w).strip()
        if not _WORD.match(w):
            raise ValueError(f"cannot add {w!r} to a dictionary: a word has no spaces and does not start with #")
        if w not in present:
            present.add(w)
            added.append(f"{w} {tag}" if tag else w)
    if added or not path.is_file():
        if old and not old.endswith("\n"):
            old += "\n"
        atomic_write_text(path, old + "".join(f"{line}\n" for line in added))
    logger.info("accept_words: %d word(s) added to %s", len(added), path)
    return path


#: The first lines of a dictionary that :func:`accept_words` creates.
_HEADER = ("# Words for this corpus that the kit's own dictionary lacks.\n"
           "# One word a line, jieba's format: word [frequency] [part-of-speech tag].\n")
