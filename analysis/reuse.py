"""Text reuse: pairs of documents that share a passage word for word.

Comparing every pair is quadratic, so only candidate pairs are compared: by
default each document's nearest neighbours by TF-IDF (:func:`analysis.nearest_neighbours`),
since texts that share a long passage also share its terms.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pandas as pd

from .deprecation import renamed_arguments
from .similarity import nearest_neighbours, pairs_from_neighbours
from .tfidf import DECIMALS, TfidfModel
from .typedefs import SegmenterLike, UserDict


@renamed_arguments(k="top")
def text_reuse(docs: pd.DataFrame, *, min_chars: int = 15, candidates: pd.DataFrame | None = None,
               top: int = 5, model: TfidfModel | None = None, userdict: UserDict = None,
               segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Pairs of documents that share a passage of at least ``min_chars`` characters, word for word.

    Comparing every pair is quadratic, so only candidate pairs are compared: by
    default each document's ``top`` nearest neighbours by TF-IDF (texts that share
    a long passage also share its terms).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    min_chars : int
        Shortest shared passage reported (whitespace ignored).
    candidates : DataFrame, optional
        Pairs to compare, with columns ``doc_a`` and ``doc_b``.
    top : int
        Neighbours per document when ``candidates`` is not given (``k=`` is a deprecated name for it).
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
        ``doc_a``, ``doc_b``, ``shared_chars`` (the longest shared passage),
        ``share_of_shorter`` (its length over the shorter text's), ``passage``;
        longest first.

    Raises
    ------
    KeyError
        When ``candidates`` names a ``doc_id`` that is not in ``docs``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["甲", "乙"], "content_id": ["1", "2"],
    ...                      "text": ["美國國務卿蓬佩奧宣布美駐聯合國大使克拉夫特將訪台。",
    ...                               "據報導，美國國務卿蓬佩奧宣布美駐聯合國大使將訪台。"]})
    >>> reuse = text_reuse(docs, min_chars=10)
    >>> reuse[["doc_a", "doc_b", "shared_chars"]].values.tolist(), reuse.loc[0, "passage"]
    ([['a', 'b', 17]], '美國國務卿蓬佩奧宣布美駐聯合國大使')
    """
    if candidates is None:
        nn = nearest_neighbours(docs, top=top, model=model, userdict=userdict, segmenter=segmenter)
        candidates = pairs_from_neighbours(nn, docs, top=len(nn))
    texts = dict(zip(docs["doc_id"], ("".join(t.split()) for t in docs["text"].fillna(""))))
    rows = []
    for a, b in candidates[["doc_a", "doc_b"]].itertuples(index=False):
        ta, tb = texts[a], texts[b]
        if not ta or not tb:
            continue
        m = SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match(0, len(ta), 0, len(tb))
        if m.size >= min_chars:
            rows.append((a, b, m.size, round(m.size / min(len(ta), len(tb)), DECIMALS), ta[m.a:m.a + m.size]))
    out = pd.DataFrame(rows, columns=["doc_a", "doc_b", "shared_chars", "share_of_shorter", "passage"])
    return out.sort_values(["shared_chars", "doc_a", "doc_b"], ascending=[False, True, True],
                           kind="mergesort").reset_index(drop=True)
