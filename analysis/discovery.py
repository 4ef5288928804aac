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
(n-1)-grams occur ``min_count`` times), and counted as arrays (:mod:`analysis.hanruns`,
:mod:`analysis.ngrams`), so memory and time grow with the text, not its square: only the n-grams
that survive become strings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .hanruns import han_runs
from .ngrams import Ngrams
from .outputs import atomic_write_text
from .segmentation import CustomSegmenter, Segmenter, detect_scripts, get_segmenter, read_userdict, segment_many
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

#: Columns of :func:`discover_words`'s table.
COLUMNS = ("word", "length", "count", "documents", "cohesion", "left_entropy", "right_entropy", "whole",
           "aligned", "known", "score", "accepted", "reason")


def _texts(docs: pd.DataFrame | Iterable[str]) -> pd.Series | list[str]:
    """The distinct texts discovery reads: title and text of each distinct document, or the strings given.

    A documents table's texts stay in a Series (Python strings are made a block at a time).
    """
    if isinstance(docs, pd.DataFrame):
        return document_text(distinct(docs)).drop_duplicates().reset_index(drop=True)
    if isinstance(docs, str):
        raise TypeError("discover_words() takes a documents table or a list of texts, not one string")
    return list(dict.fromkeys(docs))


def _cuts(block: list[str], *, seg: Segmenter | CustomSegmenter, freqs: dict, userdict: UserDict,
          segmenter: SegmenterLike | None) -> Iterator[tuple[list[int], list[bool]]]:
    """Each text's pieces as the segmenter cuts it, and whether each is a word its dictionaries lack.

    A piece no dictionary holds (such as the HMM's guess 券可) counts as its characters, each a word.
    A segmenter of one's own has no dictionary the kit can read: all its pieces count as words.
    ``freqs`` gathers the kit segmenter's dictionary of each script met (empty for one's own).
    """
    pieces = segment_many(block, userdict=userdict, segmenter=segmenter)
    if not hasattr(seg, "tokenizer"):
        for words in map(pieces.__getitem__, block):
            yield [len(w) for w in words], [False] * len(words)
        return
    for text, script in zip(block, detect_scripts(block)):
        if script not in freqs:
            freqs[script] = seg.tokenizer(script).FREQ
        freq, words = freqs[script], pieces[text]
        yield [len(w) for w in words], [not freq.get(w) for w in words]


def _measures(ng: Ngrams, words: np.ndarray) -> dict[str, np.ndarray]:
    """Cohesion, function characters, titles and the first free inner cut of n-grams, length by length."""
    length = ng.length[words]
    logp, left, right = ng.log_share(), ng.entropy("left"), ng.entropy("right")
    singles = np.array([ord(c) for c in ng.strings[:ng.first.get(2, len(ng.strings))]], dtype=np.int64)
    grammar = np.array(sorted(ord(c) for c in FUNCTION_CHARS))
    longest = max(len(t) for t in TITLES)
    known = {s: i for i, s in enumerate(ng.strings[:ng.first.get(longest + 1, len(ng.strings))])
             if s in TITLES or s == "的"}
    out = {"cohesion": np.zeros(len(words)), "function": np.zeros(len(words), bool),
           "title": np.zeros(len(words), bool), "cut": np.zeros(len(words), np.int64)}
    for m in np.unique(length).tolist():
        rows = np.flatnonzero(length == m)
        ids = words[rows]

        def part(start: int, stop: int) -> np.ndarray:
            return ng.part(ids, m, start, stop)  # noqa: B023 (called in this iteration only)

        whole = logp[ids]
        cohesion = np.full(len(ids), np.inf)
        cut = np.zeros(len(ids), np.int64)
        for k in range(1, m):
            head, tail = part(0, k), part(k, m)
            cohesion = np.minimum(cohesion, whole - logp[head] - logp[tail])
            free = (cut == 0) & (right[head] >= PHRASE_ENTROPY) & (left[tail] >= PHRASE_ENTROPY)
            cut[free] = k
        chars = [part(k, k + 1) for k in range(m)]
        function = np.isin(singles[chars[0]], grammar) | np.isin(singles[chars[-1]], grammar)
        if "的" in known:
            function |= np.any([c == known["的"] for c in chars], axis=0)
        title = np.zeros(len(ids), bool)
        for t in TITLES:
            if len(t) < m and t in known:
                title |= (part(0, len(t)) == known[t]) | (part(m - len(t), m) == known[t])
        for name, values in (("cohesion", cohesion), ("function", function), ("title", title), ("cut", cut)):
            out[name][rows] = values
    out["left"], out["right"] = left[words], right[words]
    return out


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
    seg = get_segmenter(userdict=userdict, segmenter=segmenter)
    freqs: dict = {}
    ng = Ngrams(han_runs(texts, cuts=partial(_cuts, seg=seg, freqs=freqs, userdict=userdict, segmenter=segmenter)),
                min_count=min_count, max_length=max_length)
    words = np.flatnonzero(ng.length >= 2)
    strings = [ng.strings[i] for i in words.tolist()]
    count, whole, aligned = ng.count[words], ng.whole[words], ng.aligned[words]
    measures = _measures(ng, words)
    cohesion, left, right = measures["cohesion"], measures["left"], measures["right"]
    known = np.array([any(freq.get(w) for freq in freqs.values()) for w in strings], dtype=bool) | (whole >= count)
    reason = np.select([known, measures["function"], measures["title"], cohesion < min_cohesion,
                        np.minimum(left, right) < min_entropy, aligned < ALIGNED * count, measures["cut"] > 0],
                       np.arange(1, 8), 0)
    labels = np.array(["", "known", "function character", "title", "cohesion", "boundary", "crosses words", ""],
                      dtype=object)[reason]
    for row in np.flatnonzero(reason == 7).tolist():
        w, k = strings[row], int(measures["cut"][row])
        labels[row] = f"phrase {w[:k]}|{w[k:]}"
    share = np.clip(cohesion / min_cohesion, 0.0, 1.0) if min_cohesion > 0 else np.ones(len(words))
    edge = np.minimum(1.0, np.minimum(left, right) / min_entropy) if min_entropy > 0 else np.ones(len(words))
    table = pd.DataFrame({"word": strings, "length": ng.length[words], "count": count,
                          "documents": ng.documents[words], "cohesion": cohesion, "left_entropy": left,
                          "right_entropy": right, "whole": whole / np.maximum(count, 1),
                          "aligned": aligned / np.maximum(count, 1), "known": known, "score": count * share * edge,
                          "reason": labels})
    del ng
    _drop_inside(table)
    table.insert(COLUMNS.index("accepted"), "accepted", table["reason"].eq(""))
    table = table.sort_values(["accepted", "score", "word"], ascending=[False, False, True], kind="mergesort")
    table = table.head(top).reset_index(drop=True).astype(
        {"length": "int64", "count": "int64", "documents": "int64", "known": bool,
         **dict.fromkeys(["cohesion", "left_entropy", "right_entropy", "whole", "aligned", "score"], "float64")})
    table.attrs["thresholds"] = {"min_count": min_count, "max_length": max_length, "min_cohesion": min_cohesion,
                                 "min_entropy": min_entropy, "phrase_entropy": PHRASE_ENTROPY, "aligned": ALIGNED,
                                 "subsumed": SUBSUMED}
    table.attrs["texts"] = len(texts)
    logger.info("discover_words: %d candidates in %d texts, %d accepted", len(words), len(texts),
                int(table["accepted"].sum()))
    return table


def _drop_inside(table: pd.DataFrame) -> None:
    """Mark candidates that a longer candidate, still accepted, accounts for (longest first)."""
    accepted = table.loc[table["reason"].eq(""), ["word", "count"]]
    count = dict(zip(accepted["word"], accepted["count"].tolist()))
    # For each accepted word: its substrings, and how many of their occurrences it accounts for.
    covers: dict[str, list[str]] = {}
    inside: dict[str, str] = {}
    for w in sorted(count, key=lambda w: (-len(w), w)):
        share = max(((count[longer] * _occurrences(w, longer), longer) for longer in covers.get(w, [])),
                    default=None)
        if share and share[0] >= SUBSUMED * count[w]:
            inside[w] = f"inside {share[1]}"
            continue
        for k in range(2, len(w)):
            for i in range(len(w) - k + 1):
                covers.setdefault(w[i:i + k], [])
                if w not in covers[w[i:i + k]]:
                    covers[w[i:i + k]].append(w)
    if inside:
        rows = table["word"].isin(inside)
        table.loc[rows, "reason"] = table.loc[rows, "word"].map(inside)


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
