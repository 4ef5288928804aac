"""Terms and their frequencies: from segmented words to counted terms.

A *term* is a word as :func:`analysis.segment` cuts it, folded with Unicode NFKC
(so ``，`` and ``,``, ``ＵＮ`` and ``UN`` are one term), and kept only when it is
not punctuation, whitespace, a pure number or a stopword. The same
:func:`terms` feeds the frequency tables and the TF-IDF vectors, so counts and
similarities always agree on what a word is.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from . import config
from .segmentation import get_segmenter, segment_many
from .segmentation.script import to_simplified_chars
from .tables import distinct, document_text
from .typedefs import UserDict

_NUMBER = re.compile(r"^[+\-]?\d+(?:[.,:/]\d+)*%?$")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The kit's stopword list (:data:`analysis.config.STOPWORDS_FILE`), with Simplified forms added.

    Read once per process.

    Returns
    -------
    frozenset of str
        The stopwords, folded with Unicode NFKC.

    Examples
    --------
    >>> {"的", "我們", "我们"} <= stopwords()
    True
    """
    words = set()
    for line in config.STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(unicodedata.normalize("NFKC", line))
    simplified = str.maketrans(to_simplified_chars())
    words |= {w.translate(simplified) for w in words}
    return frozenset(words)


def normalize(word: str) -> str:
    """Fold a word to its term form (Unicode NFKC, edge spaces removed).

    Parameters
    ----------
    word : str
        A piece from :func:`analysis.segment`.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize("ＵＮ"), normalize("，")
    ('UN', ',')
    """
    return unicodedata.normalize("NFKC", word).strip()


def is_term(term: str, *, stop: frozenset[str] | None = None) -> bool:
    """True when a normalised word counts as a term.

    Not a term: the empty string, whitespace, anything made only of punctuation
    and symbols (full- and half-width), a pure number (``2020``, ``3.5``,
    ``12:30``, ``50%``) or a stopword.

    Parameters
    ----------
    term : str
        A word folded with :func:`normalize`.
    stop : frozenset of str, optional
        The stopwords (default: :func:`stopwords`).

    Returns
    -------
    bool

    Examples
    --------
    >>> [w for w in ["台灣", "，", "2020", "50%", "的", "UN"] if is_term(w)]
    ['台灣', 'UN']
    >>> is_term("的", stop=frozenset())
    True
    """
    if not term or term.isspace():
        return False
    if all(unicodedata.category(ch)[0] in "PSZC" for ch in term):
        return False
    if _NUMBER.match(term):
        return False
    return term not in (stopwords() if stop is None else stop)


def terms(text: str, *, userdict: UserDict = None) -> list[str]:
    """The terms of a text, in order.

    Parameters
    ----------
    text : str
        Any text.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.

    Returns
    -------
    list of str
        The words of :func:`analysis.segment` folded with :func:`normalize`, kept when
        :func:`is_term`; repeats included.

    Raises
    ------
    FileNotFoundError
        When a dictionary of ``userdict`` does not exist.

    Examples
    --------
    >>> terms("美國駐聯合國大使克拉夫特，2020年訪問台灣。")
    ['美國', '駐', '聯合國', '大使', '克拉夫特', '訪問', '台灣']
    """
    stop = stopwords()
    out = []
    for word in get_segmenter(userdict=userdict)(text):
        t = normalize(word)
        if is_term(t, stop=stop):
            out.append(t)
    return out


#: Terms of texts already seen in this process, by segmenter fingerprint and text.
_MEMO: dict[tuple[str, str], list[str]] = {}
_MEMO_MAX = 500_000


def text_terms(texts: Iterable[str], *, userdict: UserDict = None) -> dict[str, list[str]]:
    """The terms of each distinct text, segmenting each once (and never again in this process).

    Texts not seen before are segmented together by :func:`analysis.segment_many` (cached, in
    parallel for large batches).

    Parameters
    ----------
    texts : iterable of str
        The texts; repeats cost nothing.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.

    Returns
    -------
    dict of str to list of str
        Each distinct text and its terms, as :func:`terms` gives them.

    Examples
    --------
    >>> text_terms(["台灣與美國。", "台灣與美國。"])
    {'台灣與美國。': ['台灣', '美國']}
    """
    fingerprint = get_segmenter(userdict=userdict).fingerprint
    out: dict[str, list[str]] = {}
    todo = []
    for t in dict.fromkeys(texts):
        hit = _MEMO.get((fingerprint, t))
        if hit is None:
            todo.append(t)
        else:
            out[t] = hit
    if todo:
        stop = stopwords()
        if len(_MEMO) + len(todo) > _MEMO_MAX:
            _MEMO.clear()
        for text, words in segment_many(todo, userdict=userdict).items():
            terms_ = [t for t in (normalize(w) for w in words) if is_term(t, stop=stop)]
            out[text] = _MEMO[(fingerprint, text)] = terms_
    return out


def document_terms(docs: pd.DataFrame, *, userdict: UserDict = None, unique: bool | None = None) -> pd.Series:
    """The terms of each document's title and text, as a Series of lists aligned with ``docs``.

    Each distinct text is segmented once, however many documents share it.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    unique : bool, optional
        Deprecated: select distinct texts first, with ``docs.drop_duplicates("content_id")``.

    Returns
    -------
    Series
        One list of terms per row of ``docs``, with the same index.

    Examples
    --------
    >>> document_terms(pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國。"]})).tolist()
    [['台灣', '台灣', '美國']]
    """
    if unique is not None:
        warnings.warn("document_terms(unique=...) is deprecated: it returns one row per document; "
                      'select distinct texts first with docs.drop_duplicates("content_id")',
                      DeprecationWarning, stacklevel=2)
        docs = distinct(docs, unique=unique)
    texts = document_text(docs)
    by_text = text_terms(texts, userdict=userdict)
    return pd.Series([by_text[t] for t in texts], index=docs.index, name="terms", dtype=object)


def term_frequencies(docs: pd.DataFrame, *, by: str | Sequence[str] | None = None, userdict: UserDict = None,
                     unique: bool = True, min_count: int = 1) -> pd.DataFrame:
    """Count terms in the documents' titles and texts.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    by : str or list of str, optional
        Count separately for each value of these columns (e.g. ``"kind"``,
        ``"page_id"``, or a month column you add).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    unique : bool
        Count each distinct text (``content_id``) once, as every function of the kit does by
        default; False counts every copy, as crawled.
    min_count : int
        Drop terms counted fewer times.

    Returns
    -------
    DataFrame
        Columns: the ``by`` columns, then ``term``, ``count``, ``share`` (of all
        terms counted in the group), ``documents`` (how many documents hold the
        term) and ``rank`` (1 for the most frequent in the group). Sorted by
        group, count descending, then term.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"title": ["台灣"], "text": ["台灣與美國。"]})
    >>> term_frequencies(docs)[["term", "count"]].values.tolist()
    [['台灣', 2], ['美國', 1]]
    """
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    docs = distinct(docs, unique=unique)
    # Each distinct (group, text) is counted once and weighted by how many documents share it.
    frame = docs[keys].copy() if keys else pd.DataFrame(index=docs.index)
    frame["_text"] = document_text(docs).to_numpy()
    groups = frame.groupby([*keys, "_text"], dropna=False, sort=False).size().rename("_n").reset_index()
    by_text = text_terms(groups["_text"], userdict=userdict)
    counted = {t: Counter(ts) for t, ts in by_text.items()}
    sizes = [len(counted[t]) for t in groups["_text"]]
    long = pd.DataFrame({
        "term": [w for t in groups["_text"] for w in counted[t]],
        "count": [c * n for t, n in zip(groups["_text"], groups["_n"]) for c in counted[t].values()],
        "documents": groups["_n"].to_numpy().repeat(sizes),
    })
    for k in keys:
        long[k] = groups[k].to_numpy().repeat(sizes)
    counts = long.groupby([*keys, "term"], sort=True, dropna=False)[["count", "documents"]].sum().reset_index()
    totals = counts.groupby(keys, dropna=False)["count"].transform("sum") if keys else counts["count"].sum()
    counts["share"] = counts["count"] / totals
    counts = counts[counts["count"] >= min_count]
    counts = counts.sort_values([*keys, "count", "term"], ascending=[*([True] * len(keys)), False, True],
                                kind="mergesort").reset_index(drop=True)
    counts["rank"] = counts.groupby(keys, dropna=False).cumcount() + 1 if keys else range(1, len(counts) + 1)
    counts[["count", "documents"]] = counts[["count", "documents"]].astype("int64")
    return counts[[*keys, "term", "count", "share", "documents", "rank"]]


def top_terms_by_period(docs: pd.DataFrame, *, freq: str = "YS", top: int = 8, userdict: UserDict = None,
                        unique: bool = True) -> pd.DataFrame:
    """The most frequent terms of each period, to see how the vocabulary shifts.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`; undated documents are left out.
    freq : str
        A pandas frequency for the periods (``"YS"`` years, ``"QS"`` quarters, ``"MS"`` months).
    top : int
        Terms kept per period.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    unique : bool
        Count each distinct text (``content_id``) once.

    Returns
    -------
    DataFrame
        ``period`` (labelled as :func:`analysis.timeline` labels it), ``period_documents``,
        then ``rank``, ``term``, ``count``, ``share``, ``documents`` (holding the term).

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國"], "text": ["", ""],
    ...                      "published": pd.to_datetime(["2020-09-17", "2021-01-15"])})
    >>> top = top_terms_by_period(docs, top=1)
    >>> top["period"].dt.year.tolist(), top["term"].tolist(), top["period_documents"].tolist()
    ([2020, 2021], ['台灣', '美國'], [1, 1])
    """
    dated = distinct(docs.dropna(subset=["published"]), unique=unique)
    label = pd.Series(pd.NaT, index=dated.index, dtype="datetime64[ns]")
    for period, rows in pd.Series(dated.index, index=dated["published"]).resample(freq):
        label[rows.to_numpy()] = period
    dated = dated.assign(period=label)
    freqs = term_frequencies(dated, by="period", userdict=userdict, unique=False)
    sizes = dated.groupby("period").size().rename("period_documents")
    out = freqs[freqs["rank"] <= top].merge(sizes, left_on="period", right_index=True)
    return out[["period", "period_documents", "rank", "term", "count", "share", "documents"]].reset_index(drop=True)
