"""Text reuse: pairs of documents that share a passage word for word.

Comparing every pair is quadratic, so only candidate pairs are compared, found in one of two ways:

- ``"neighbours"`` (the default): each document's nearest neighbours by TF-IDF
  (:func:`analysis.nearest_neighbours`), since texts that share a long passage also share its terms;
- ``"shingles"``: every pair of texts, across the whole corpus, that share a passage of about
  ``chunk`` characters, found by MinHash locality-sensitive hashing of character n-gram shingles
  (:func:`reuse_candidates`, with ``datasketch``): not limited to a document's few neighbours, and
  blind to how long the rest of either text is.

Each candidate pair is then aligned with :mod:`difflib`, and the longest shared passage is reported
with its offsets in both texts. Where one side of a pair carries the dateline or credit of a news
agency (中央社, 法新社, 路透社, 美聯社 ...), the pair names it: a copy of a wire story.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from .deprecation import renamed_arguments
from .similarity import nearest_neighbours, pairs_from_neighbours
from .tables import distinct
from .tfidf import DECIMALS, TfidfModel
from .typedefs import SegmenterLike, UserDict

#: News agencies, as their names are written in datelines and credits -> one name each.
AGENCIES = {
    "中央社": "中央社", "中央通訊社": "中央社", "中央通讯社": "中央社", "CNA": "中央社",
    "法新社": "法新社", "AFP": "法新社",
    "路透社": "路透社", "路透": "路透社", "Reuters": "路透社",
    "美聯社": "美聯社", "美联社": "美聯社", "AP": "美聯社",
    "彭博社": "彭博社", "彭博": "彭博社", "Bloomberg": "彭博社",
    "共同社": "共同社", "德新社": "德新社", "韓聯社": "韓聯社", "新華社": "新華社", "新华社": "新華社",
    "中新社": "中新社", "安莎社": "安莎社", "塔斯社": "塔斯社",
}
#: Chinese names anywhere; Latin ones as whole words only (AP, not the AP of APEC).
_AGENCY = re.compile("|".join(re.escape(a) if not a.isascii() else rf"(?<![A-Za-z]){a}(?![A-Za-z])"
                              for a in sorted(AGENCIES, key=len, reverse=True)))
#: A credit in brackets at the start or the end of a text: （法新社華盛頓24日電）, （中央社）.
_CREDIT = re.compile(r"^\s*[（(【〔\[]([^）)】〕\]]{1,40})[）)】〕\]]|[（(【〔\[]([^）)】〕\]]{1,40})[）)】〕\]]\s*$")


def wire_agency(doc: pd.Series | dict) -> str:
    """The news agency a document's outlet, dateline or bracketed credit names, or ``""``.

    Looked for in ``outlet``, ``dateline`` and a credit in brackets that opens or closes ``text``
    (``（法新社華盛頓24日電）``, ``（中央社）``); names are unified (路透 and Reuters are 路透社).

    Parameters
    ----------
    doc : Series or dict
        One row of the documents table.

    Returns
    -------
    str

    Examples
    --------
    >>> wire_agency({"outlet": "", "dateline": "", "text": "（法新社巴黎3日電）法國總統今天表示。"})
    '法新社'
    >>> wire_agency({"outlet": "中央通訊社", "dateline": "", "text": "行政院今天表示。"})
    '中央社'
    >>> wire_agency({"outlet": "自由時報", "dateline": "", "text": "美國在台協會（AIT）表示。"})
    ''
    """
    text = doc.get("text")
    credits = [m.group(1) or m.group(2) for m in _CREDIT.finditer(text if isinstance(text, str) else "")]
    for field in [doc.get("outlet"), doc.get("dateline"), *credits]:
        if not isinstance(field, str) or not field:
            continue
        found = _AGENCY.search(field)
        if found:
            return AGENCIES[found.group(0)]
    return ""


def _stripped(text: str) -> tuple[str, np.ndarray]:
    """The text without whitespace, and each kept character's offset in the original."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in keep), np.asarray(keep, dtype=np.int64)


def reuse_candidates(docs: pd.DataFrame, *, shingle: int = 5, chunk: int = 50, threshold: float = 0.5,
                     num_perm: int = 128, seed: int = 1, unique: bool = True) -> pd.DataFrame:
    """Pairs of documents that may share a passage, across the whole corpus, by MinHash LSH.

    Each text (whitespace removed) is cut into overlapping chunks of ``chunk`` characters (a step of
    half a chunk); each chunk is the set of its character ``shingle``-grams, summarised by a MinHash
    of ``num_perm`` permutations; locality-sensitive hashing (``datasketch.MinHashLSH``) then finds
    the chunks whose estimated Jaccard similarity is about ``threshold`` or more, without comparing
    every pair. Chunks make the search blind to the rest of each text: a two-sentence summary that
    repeats an article's lead is found however long the article is, which a Jaccard similarity of
    whole texts would miss. A passage shared word for word of one and a half chunks or more has two
    chunks at most a quarter chunk out of step, with a Jaccard similarity of about 0.6 or more, and
    is found with high probability; shorter or edited passages may be missed. Texts shorter than
    ``shingle`` characters have no shingles and are never candidates.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus` (``doc_id``, ``text``; ``content_id`` when present).
    shingle : int
        Characters per shingle (5 suits Chinese: about two or three words).
    chunk : int
        Characters per chunk: about the shortest passage looked for (a texts shorter than a chunk
        is one chunk).
    threshold : float
        Jaccard similarity of two chunks' shingles from which they are candidates (an LSH threshold:
        approximate at the edge).
    num_perm : int
        Permutations per MinHash (more: slower, sharper threshold).
    seed : int
        Seed of the MinHash permutations: the same seed gives the same pairs.
    unique : bool
        Compare each distinct text (``content_id``) once, under its first ``doc_id``; copies of the
        same text are not candidates of each other.

    Returns
    -------
    DataFrame
        ``doc_a``, ``doc_b`` (in corpus order, each pair once), ``chunks`` (how many pairs of chunks
        collided), sorted by corpus order.

    Examples
    --------
    >>> lead = "美國國務卿蓬佩奧宣布美國駐聯合國大使克拉夫特將訪問台灣並與蔡總統會面"
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "content_id": ["1", "2", "3"],
    ...                      "text": [lead + "。" + "外交部表示歡迎。" * 20, "據報導，" + lead + "。",
    ...                               "台灣黑熊布偶進入聯合國總部，成為熱門話題。"]})
    >>> reuse_candidates(docs, chunk=20)[["doc_a", "doc_b"]].values.tolist()
    [['a', 'b']]
    """
    if shingle < 1 or chunk < shingle:
        raise ValueError(f"need 1 <= shingle <= chunk, got shingle={shingle}, chunk={chunk}")
    docs = distinct(docs, unique=unique)
    ids = docs["doc_id"].tolist()
    step = max(1, chunk // 2)
    owners, sets = [], []
    for i, text in enumerate(docs["text"].fillna("")):
        flat = "".join(text.split())
        if len(flat) < shingle:
            continue
        starts = range(0, max(1, len(flat) - chunk + step), step)
        for s in starts:
            piece = flat[s:s + chunk]
            if len(piece) < shingle:
                continue
            owners.append(i)
            sets.append({piece[j:j + shingle].encode("utf-8") for j in range(len(piece) - shingle + 1)})
    columns = ["doc_a", "doc_b", "chunks"]
    if not sets:
        return pd.DataFrame(columns=columns)
    hashes = MinHash.bulk(sets, num_perm=num_perm, seed=seed)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for key, h in enumerate(hashes):
        lsh.insert(key, h, check_duplication=False)
    counts: dict[tuple[int, int], int] = {}
    for key, h in enumerate(hashes):
        a = owners[key]
        for other in lsh.query(h):
            b = owners[other]
            if b > a:  # each pair of chunks once, never within a text
                counts[a, b] = counts.get((a, b), 0) + 1
    rows = sorted((a, b, n) for (a, b), n in counts.items())
    return pd.DataFrame([(ids[a], ids[b], n) for a, b, n in rows], columns=columns)


@renamed_arguments(k="top")
def text_reuse(docs: pd.DataFrame, *, min_chars: int = 15, candidates: pd.DataFrame | str | None = "neighbours",
               top: int = 5, model: TfidfModel | None = None, userdict: UserDict = None,
               segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Pairs of documents that share a passage of at least ``min_chars`` characters, word for word.

    Comparing every pair is quadratic, so only candidate pairs are compared: by default each
    document's ``top`` nearest neighbours by TF-IDF (texts that share a long passage also share its
    terms); with ``candidates="shingles"`` every pair of texts that share a passage of about 50
    characters anywhere in the corpus (:func:`reuse_candidates`, MinHash LSH).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    min_chars : int
        Shortest shared passage reported (whitespace ignored).
    candidates : ``"neighbours"``, ``"shingles"`` or DataFrame
        How the pairs to compare are found: ``"neighbours"`` (each document's ``top`` nearest by
        TF-IDF; ``None`` means the same), ``"shingles"`` (:func:`reuse_candidates` with its defaults,
        across the whole corpus), or a table of the pairs, with columns ``doc_a`` and ``doc_b``.
    top : int
        Neighbours per document with ``candidates="neighbours"`` (``k=`` is a deprecated name for it).
    model : TfidfModel, optional
        The corpus's TF-IDF model, for the candidate neighbours (default: fit one on ``docs``).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter, when no ``model`` is given.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words, when no ``model`` is given (default: the
        session's, else the kit's).

    Returns
    -------
    DataFrame
        ``doc_a``, ``doc_b``, ``shared_chars`` (the longest shared passage, whitespace ignored),
        ``share_of_shorter`` (its length over the shorter text's), ``passage`` (whitespace removed),
        ``start_a``, ``end_a``, ``start_b``, ``end_b`` (where the passage lies in each document's
        ``text``, so that ``text[start_a:end_a]`` is the passage as written), and ``agency`` (the news
        agency that the outlet, dateline or credit of either document names, the earlier-published
        first, :func:`wire_agency`; ``""`` when neither does); longest first.

    Raises
    ------
    KeyError
        When ``candidates`` names a ``doc_id`` that is not in ``docs``.
    ValueError
        When ``candidates`` is a string other than ``"neighbours"`` and ``"shingles"``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["甲", "乙"], "content_id": ["1", "2"],
    ...                      "text": ["（中央社華盛頓6日電）美國國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪台。",
    ...                               "據報導，美國國務卿蓬佩奧宣布美駐聯合國大使將訪台。"]})
    >>> reuse = text_reuse(docs, min_chars=10)
    >>> reuse[["doc_a", "doc_b", "shared_chars", "agency"]].values.tolist(), reuse.loc[0, "passage"]
    ([['a', 'b', 17, '中央社']], '美國國務卿蓬佩奧宣布美駐聯合國大使')
    >>> r = reuse.iloc[0]
    >>> docs.text[0][r.start_a:r.end_a] == docs.text[1][r.start_b:r.end_b] == r.passage
    True
    """
    if candidates is None or isinstance(candidates, str):
        method = candidates or "neighbours"
        if method == "neighbours":
            nn = nearest_neighbours(docs, top=top, model=model, userdict=userdict, segmenter=segmenter)
            candidates = pairs_from_neighbours(nn, docs, top=len(nn))
        elif method == "shingles":
            candidates = reuse_candidates(docs)
        else:
            raise ValueError(f"candidates must be 'neighbours', 'shingles' or a table of pairs, not {method!r}")
    rows_of = {d: i for i, d in enumerate(docs["doc_id"])}
    raw = docs["text"].fillna("").tolist()
    flat: dict[int, tuple[str, np.ndarray]] = {}
    dated = docs["published"] if "published" in docs else pd.Series(pd.NaT, index=docs.index)
    dates = pd.to_datetime(dated).tolist()

    def text_of(i: int) -> tuple[str, np.ndarray]:
        if i not in flat:
            flat[i] = _stripped(raw[i])
        return flat[i]

    def agency(i: int, j: int) -> str:
        first, second = (j, i) if pd.notna(dates[j]) and (pd.isna(dates[i]) or dates[j] < dates[i]) else (i, j)
        return wire_agency(docs.iloc[first]) or wire_agency(docs.iloc[second])

    rows = []
    for a, b in candidates[["doc_a", "doc_b"]].itertuples(index=False):
        i, j = rows_of[a], rows_of[b]
        (ta, pa), (tb, pb) = text_of(i), text_of(j)
        if not ta or not tb:
            continue
        m = SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match(0, len(ta), 0, len(tb))
        if m.size >= min_chars:
            rows.append((a, b, m.size, round(m.size / min(len(ta), len(tb)), DECIMALS), ta[m.a:m.a + m.size],
                         int(pa[m.a]), int(pa[m.a + m.size - 1]) + 1, int(pb[m.b]), int(pb[m.b + m.size - 1]) + 1,
                         agency(i, j)))
    out = pd.DataFrame(rows, columns=["doc_a", "doc_b", "shared_chars", "share_of_shorter", "passage",
                                      "start_a", "end_a", "start_b", "end_b", "agency"])
    return out.sort_values(["shared_chars", "doc_a", "doc_b"], ascending=[False, True, True],
                           kind="mergesort").reset_index(drop=True)
