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

from .deprecation import renamed_arguments
from .forking import map_inherited
from .minhash import flat_text, reuse_candidates
from .selection import positions
from .settings import options
from .similarity import nearest_neighbours, pairs_from_neighbours
from .text import code_points
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


#: Candidate pairs aligned at once: only their documents' texts are Python strings at a time.
PAIR_BLOCK = 20_000
#: Fewest pairs in a block given to a worker process of its own (fewer are aligned here).
MIN_FORKED_BLOCK = 2_000
#: The code points ``str.isspace`` holds, which ``str.split()`` splits at (none is above U+3000).
_SPACES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


def _kept(text: str) -> np.ndarray:
    """The offset in ``text`` of each character ``"".join(text.split())`` keeps (whitespace removed).

    Examples
    --------
    >>> _kept("台 灣\u3000人").tolist()
    [0, 2, 4]
    """
    return np.flatnonzero(~np.isin(code_points(text), _SPACES))


def _aligned(docs: pd.DataFrame, a_ids: list, b_ids: list, rows_a: np.ndarray, rows_b: np.ndarray, *,
             published: pd.Series, min_chars: int) -> list[tuple]:
    """The longest passage each pair of rows shares, when of ``min_chars`` or more (a row of the table
    each); only the texts of these pairs' documents become Python strings, read once each."""
    involved = np.unique(np.concatenate([rows_a, rows_b]))
    fields = {c: dict(zip(involved.tolist(), docs[c].take(involved).tolist()))
              for c in ("text", "outlet", "dateline") if c in docs}
    raw = {i: t if isinstance(t, str) else "" for i, t in fields["text"].items()}
    flat = {i: flat_text(t) for i, t in raw.items()}
    dates = dict(zip(involved.tolist(), published.take(involved).tolist()))
    agencies: dict[int, str] = {}

    def agency_of(i: int) -> str:
        if i not in agencies:
            agencies[i] = wire_agency({c: values[i] for c, values in fields.items()})
        return agencies[i]

    def agency(i: int, j: int) -> str:
        first, second = (j, i) if pd.notna(dates[j]) and (pd.isna(dates[i]) or dates[j] < dates[i]) else (i, j)
        return agency_of(first) or agency_of(second)

    rows = []
    for a, b, i, j in zip(a_ids, b_ids, rows_a.tolist(), rows_b.tolist()):
        ta, tb = flat[i], flat[j]
        if not ta or not tb:
            continue
        m = SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match(0, len(ta), 0, len(tb))
        if m.size >= min_chars:
            pa, pb = _kept(raw[i]), _kept(raw[j])
            rows.append((a, b, m.size, round(m.size / min(len(ta), len(tb)), DECIMALS), ta[m.a:m.a + m.size],
                         int(pa[m.a]), int(pa[m.a + m.size - 1]) + 1, int(pb[m.b]), int(pb[m.b + m.size - 1]) + 1,
                         agency(i, j)))
    return rows


def _align_block(start: int, state: tuple) -> list[tuple]:
    """:func:`_aligned` for the block of pairs from ``start`` (a worker's task)."""
    docs, a_ids, b_ids, rows_a, rows_b, published, size, min_chars = state
    block = slice(start, start + size)
    return _aligned(docs, a_ids[block], b_ids[block], rows_a[block], rows_b[block], published=published,
                    min_chars=min_chars)


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
    pairs = candidates[["doc_a", "doc_b"]]
    named = pd.concat([pairs["doc_a"], pairs["doc_b"]], ignore_index=True)
    where = positions(named, docs["doc_id"])  # the last row of a doc_id, as a dict built in order says
    if np.isnan(where).any():
        raise KeyError(named[np.isnan(where)].iloc[0])
    where = where.astype(np.int64)
    # blocks of pairs aligned side by side in worker processes that inherit the documents (where they fork)
    size = min(PAIR_BLOCK, max(MIN_FORKED_BLOCK, -(-len(pairs) // max(1, options.n_workers))))
    # dates read as one column (a text column's format is guessed from the whole of it, as before)
    published = pd.to_datetime(docs["published"]) if "published" in docs else pd.Series(pd.NaT, index=docs.index)
    state = (docs, pairs["doc_a"].tolist(), pairs["doc_b"].tolist(), where[:len(pairs)], where[len(pairs):],
             published, size, min_chars)
    rows = [row for block in map_inherited(_align_block, list(range(0, len(pairs), size)), state) for row in block]
    out = pd.DataFrame(rows, columns=["doc_a", "doc_b", "shared_chars", "share_of_shorter", "passage",
                                      "start_a", "end_a", "start_b", "end_b", "agency"])
    return out.sort_values(["shared_chars", "doc_a", "doc_b"], ascending=[False, True, True],
                           kind="mergesort").reset_index(drop=True)
