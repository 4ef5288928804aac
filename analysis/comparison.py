"""Keyness and dispersion: which terms set one group of documents apart, and how evenly a term spreads.

Counts are the kit's own (:func:`analysis.term_frequencies` on each side, :func:`analysis.document_terms`
for dispersion); the statistics are the standard ones of corpus linguistics, cited where computed:

- log-likelihood G2 (Rayson & Garside 2000), signed, its chi-square p-value (1 degree of freedom) and a
  correction for many comparisons (Holm 1979, Bonferroni, Benjamini & Hochberg 1995);
- Log Ratio (Hardie 2014) and %DIFF (Gabrielatos & Marchi 2012), effect sizes;
- Gries's DP (Gries 2008) and its normalised form DP_norm (Lijffijt & Gries 2012), dispersion.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.special import chdtrc, xlogy

from .termlists import document_terms
from .frequencies import frequencies_at
from .selection import positions
from .vocabulary import normalize
from .tables import distinct, only_columns
from .typedefs import SegmenterLike, UserDict

Correction = Literal["holm", "bonferroni", "fdr_bh"] | None
#: Added in place of a zero count in Log Ratio and %DIFF (Hardie 2014's recommendation).
ZERO = 0.5
#: The columns of :func:`analysis.term_frequencies`' table without ``by``: counts pooled, a term a row.
_POOLED = {"term", "count", "share", "documents", "rank"}


def adjust_pvalues(p: Sequence[float] | np.ndarray, *, method: Correction = "holm") -> np.ndarray:
    """Correct p-values for many comparisons.

    With ``m`` p-values sorted ascending, ``p(1) <= ... <= p(m)``:

    - ``"bonferroni"``: ``min(1, m * p)``;
    - ``"holm"`` (Holm 1979, step-down; controls the family-wise error rate under any dependence):
      ``p~(i) = min(1, max over j <= i of (m - j + 1) * p(j))``;
    - ``"fdr_bh"`` (Benjamini & Hochberg 1995; controls the false discovery rate):
      ``p~(i) = min(1, min over j >= i of m / j * p(j))``, as :func:`scipy.stats.false_discovery_control`;
    - ``None``: the p-values unchanged.

    Parameters
    ----------
    p : sequence of float
        The p-values, in any order.
    method : {"holm", "bonferroni", "fdr_bh", None}
        The correction.

    Returns
    -------
    numpy.ndarray
        The adjusted p-values, in the order given.

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03], method="holm").round(4).tolist()
    [0.03, 0.06, 0.06]
    >>> adjust_pvalues([0.01, 0.04, 0.03], method="fdr_bh").round(4).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p, dtype=float)
    m = p.size
    if method is None or m == 0:
        return p.copy()
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="mergesort")
    ranked = p[order]
    if method == "holm":
        adjusted = np.maximum.accumulate((m - np.arange(m)) * ranked)
    elif method == "fdr_bh":
        adjusted = np.minimum.accumulate((m / np.arange(m, 0, -1)) * ranked[::-1])[::-1]
    else:
        raise ValueError(f'correction must be "holm", "bonferroni", "fdr_bh" or None, not {method!r}')
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def _is_mask(which: Any) -> bool:
    """Whether ``which`` is a boolean mask (not a value or list of values of a column)."""
    return not isinstance(which, (str, bytes)) and np.ndim(which) == 1 and np.asarray(which).dtype == bool


def _select(docs: pd.DataFrame, which: Any, by: str | None, role: str) -> np.ndarray:
    """A boolean row mask from a mask aligned with ``docs`` or, with ``by``, a value (or list) of that column."""
    if not _is_mask(which):
        if by is None:
            raise TypeError(f"{role} is not a boolean mask: give by= the column whose value {role}={which!r} is")
        values = list(which) if isinstance(which, (list, tuple, set, frozenset)) else [which]
        return docs[by].isin(values).to_numpy()
    if isinstance(which, pd.Series) and not which.index.equals(docs.index):
        raise ValueError(f"the {role} mask's index is not the documents' index")
    mask = np.asarray(which, dtype=bool)
    if mask.shape != (len(docs),):
        raise ValueError(f"the {role} mask has {mask.size} values for {len(docs)} documents")
    return mask


def _label(which: Any, by: str | None, default: str, values: pd.Series | None = None) -> str:
    if by is not None and which is None and values is not None and 0 < values.nunique() <= 3:
        return ", ".join(map(str, sorted(values.dropna().unique())))  # the rest, named by its values
    if by is None or which is None or np.ndim(which) == 1 and np.asarray(which).dtype == bool:
        return default
    return ", ".join(map(str, which)) if isinstance(which, (list, tuple, set, frozenset)) else str(which)


def keyness(docs: pd.DataFrame, target: Any, *, reference: Any = None, by: str | None = None, unique: bool = True,
            min_count: int = 1, correction: Correction = "holm", userdict: UserDict = None,
            segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Which terms distinguish the ``target`` documents from the ``reference`` ones (keyness).

    With ``a``, ``b`` a term's counts in target and reference and ``c``, ``d`` the two sides' totals
    (every counted term token of the side), the columns are:

    - ``log_likelihood``: G2 of Rayson & Garside (2000), ``E1 = c (a + b) / (c + d)``,
      ``E2 = d (a + b) / (c + d)``, ``G2 = 2 (a ln(a / E1) + b ln(b / E2))`` (``0 ln 0 = 0``; the two
      "term" cells, as their paper and AntConc's 2-term log-likelihood; Dunning's 4-cell G2 of the full
      2x2 table is slightly larger). Signed: negative where ``a / c < b / d``, the term relatively more
      frequent in the reference.
    - ``p_value``: ``chi2.sf(|G2|, df=1)``; ``p_adjusted``: corrected by :func:`adjust_pvalues` over
      every row of the table (``correction=None``: equal to ``p_value``).
    - ``log_ratio``: Hardie (2014), ``log2((a / c) / (b / d))``; a zero count is replaced by 0.5, as
      Hardie recommends, so a term of one side only has a finite value (the totals are unchanged).
      Where the 0.5 would reverse the direction the counts show (a term counted once in a large side
      and never in a side so small that 0.5 of a count there is a higher rate), the effect size cannot
      be estimated and ``log_ratio`` and ``percent_diff`` are NaN.
    - ``percent_diff``: %DIFF of Gabrielatos & Marchi (2012), ``(NF_t - NF_r) * 100 / NF_r`` with the
      normalised frequencies ``NF = count / total`` and the same 0.5 for a zero count (they suggest a
      tiny number instead, which makes a one-side term's value astronomically large); hence
      ``percent_diff = 100 * (2 ** log_ratio - 1)``.
    - ``target_per_million``, ``reference_per_million``: ``a / c * 1e6``, ``b / d * 1e6`` (no 0.5).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    target : boolean mask or value
        The target documents: a boolean mask aligned with ``docs`` (a Series with its index, or an
        array), or with ``by`` a value (or list of values) of that column, such as ``"related"``.
    reference : boolean mask or value, optional
        The reference documents, given the same way; default: every document not in the target.
        Target and reference must not share a document.
    by : str, optional
        The column whose values ``target`` and ``reference`` name (e.g. ``"kind"``, ``"outlet"``).
    unique : bool
        Count each distinct text (``content_id``) once on each side, as :func:`analysis.term_frequencies`
        does (a text present on both sides counts on both).
    min_count : int
        Keep terms counted at least this often on both sides together; the correction runs over the rows kept.
    correction : {"holm", "bonferroni", "fdr_bh", None}
        The correction for many comparisons in ``p_adjusted`` (see :func:`adjust_pvalues`).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        ``term``, ``target_count``, ``reference_count``, ``target_documents``, ``reference_documents``
        (documents holding the term), ``target_per_million``, ``reference_per_million``,
        ``log_likelihood``, ``p_value``, ``p_adjusted``, ``log_ratio``, ``percent_diff``; sorted by
        ``log_likelihood`` descending, then term. ``attrs`` holds ``target``, ``reference`` (labels: the values
        selected, the reference's own values when it is the rest of at most three, else "target", "the rest"),
        ``target_total``, ``reference_total`` and ``correction``.

    Raises
    ------
    ValueError
        When a side selects no document or no term, or the two sides share a document.

    Examples
    --------
    >>> docs = pd.DataFrame({"kind": ["article", "related"], "title": ["", ""],
    ...                      "text": ["台灣。台灣與美國。", "美國。美國與日本。"]})
    >>> key = keyness(docs, "related", by="kind")
    >>> key[["term", "target_count", "reference_count", "log_ratio"]].values.tolist()
    [['日本', 1, 0, 1.0], ['美國', 2, 1, 1.0], ['台灣', 0, 2, -2.0]]
    >>> key["log_likelihood"].round(3).tolist(), key.attrs["reference"]
    ([1.386, 0.34, -2.773], 'article')
    """
    t, r = target_reference(docs, target, reference=reference, by=by)
    fields = only_columns(docs, ("title", "text", "content_id"))  # what is counted, no other column
    sides = []
    for mask, role in ((t, "target"), (r, "reference")):
        freq = frequencies_at(fields, np.flatnonzero(mask), unique=unique, userdict=userdict, segmenter=segmenter)
        if freq.empty:
            raise ValueError(f"the {role} has no term")
        sides.append(freq)
    table = keyness_table(sides[0], sides[1], min_count=min_count, correction=correction)
    table.attrs.update(side_labels(docs, target, reference=reference, by=by))
    return table


def keyness_of_groups(counts: pd.DataFrame, *, docs: pd.DataFrame, target: Any, by: str, min_count: int = 1,
                      correction: Correction = "holm") -> pd.DataFrame | None:
    """:func:`keyness` of ``docs``' ``target`` against the rest, from the terms already counted by group,
    without counting them again; None where the counts cannot give it.

    :func:`analysis.term_frequencies` (``unique=True``, ``min_count=1``, its defaults) counts each
    distinct text (``content_id``) once, in the group of its first copy; :func:`keyness` counts it once
    on each side that holds a copy. The two agree when ``target`` selects whole groups of ``by``, every
    document has a group, and no distinct text has copies on both sides: then the target's groups summed
    are one side, the other groups the other, and the table is :func:`keyness`' own, ``attrs`` included.
    Otherwise None: count again with :func:`keyness`.

    Parameters
    ----------
    counts : DataFrame
        ``term_frequencies(docs, by=by)`` with its defaults.
    docs : DataFrame
        The documents counted.
    target : boolean mask or value(s) of ``by``
        As :func:`keyness` takes it (the reference is the rest): a mask gives ``keyness(docs, mask)``'s
        table and labels ("target", "the rest"), values ``keyness(docs, values, by=by)``'s.
    by : str
        The column ``counts`` are grouped by.
    min_count, correction
        As :func:`keyness` takes them.

    Returns
    -------
    DataFrame or None

    Examples
    --------
    >>> from analysis import term_frequencies
    >>> docs = pd.DataFrame({"kind": ["article", "related"], "title": ["", ""],
    ...                      "text": ["台灣。台灣與美國。", "美國。美國與日本。"]})
    >>> mask = (docs["kind"] == "related").to_numpy()
    >>> fast = keyness_of_groups(term_frequencies(docs, by="kind"), docs=docs, target=mask, by="kind")
    >>> fast.equals(keyness(docs, mask)), fast.attrs == keyness(docs, mask).attrs
    (True, True)
    """
    mask = _select(docs, target, by, "target")
    groups, names = pd.factorize(docs[by])  # codes, not a crawl's strings: -1 for a missing group
    if (groups < 0).any() or np.isin(groups[mask], groups[~mask]).any():
        return None  # a document without a group, or a group on both sides
    if "content_id" in docs:
        content = pd.factorize(docs["content_id"])[0]  # missing ids as one value, as the counts take them
        if np.isin(content[mask], content[~mask]).any():
            return None
    on_target = counts[by].isin(list(names[np.unique(groups[mask])]))
    sides = [counts.loc[side, ["term", "count", "documents"]].groupby("term", sort=False).sum().reset_index()
             for side in (on_target, ~on_target)]
    for side, role in zip(sides, ("target", "reference")):
        if side.empty:
            raise ValueError(f"the {role} has no term")
    table = keyness_table(sides[0], sides[1], min_count=min_count, correction=correction)
    table.attrs.update(side_labels(docs, target, by=None if _is_mask(target) else by))
    return table


def keyness_of_rest(counts: pd.DataFrame, *, docs: pd.DataFrame, target: Any, by: str | None = None,
                    min_count: int = 1, correction: Correction = "holm", userdict: UserDict = None,
                    segmenter: SegmenterLike | None = None) -> pd.DataFrame | None:
    """:func:`keyness` of ``docs``' ``target`` against the rest, counting the target's texts alone; None
    where the counts cannot give it.

    :func:`analysis.term_frequencies` (``unique=True``, ``min_count=1``, its defaults) counts each distinct
    text (``content_id``) once; :func:`keyness` counts it once on each side that holds a copy. The rest
    then holds every distinct text but those whose every copy is in the target: its counts are the
    corpus's less theirs, term by term, in whole numbers, and its table :func:`keyness`' own, ``attrs``
    included. A small target (a month of a crawl) costs a small count, not the crawl's. None where a
    document has no ``content_id`` (the kit counts those as one text, whose first copy differs by side):
    count with :func:`keyness`.

    Parameters
    ----------
    counts : DataFrame
        ``term_frequencies(docs)`` with its defaults, pooled or by group (summed over the groups here),
        counted with the same segmenter and dictionaries.
    docs : DataFrame
        The documents counted.
    target, by, min_count, correction, userdict, segmenter
        As :func:`keyness` takes them (the reference is the rest).

    Returns
    -------
    DataFrame or None

    Raises
    ------
    ValueError
        As :func:`keyness` does, and where ``counts`` lack what the target's own texts hold (counts of
        other documents, or by another segmenter).

    Examples
    --------
    >>> from analysis import term_frequencies
    >>> docs = pd.DataFrame({"kind": ["article", "related"], "title": ["", ""],
    ...                      "text": ["台灣。台灣與美國。", "美國。美國與日本。"], "content_id": ["a", "b"]})
    >>> fast = keyness_of_rest(term_frequencies(docs), docs=docs, target="related", by="kind")
    >>> fast.equals(keyness(docs, "related", by="kind")), fast.attrs == keyness(docs, "related", by="kind").attrs
    (True, True)
    """
    t, r = target_reference(docs, target, by=by)
    fields = only_columns(docs, ("title", "text", "content_id"))  # what is counted, no other column
    if "content_id" in fields:
        content = pd.factorize(fields["content_id"])[0]
        if (content < 0).any():
            return None
        alone = ~np.isin(content, content[r])  # a text with no copy in the rest
    else:
        alone = np.ones(len(fields), dtype=bool)  # every row its own text
    rows = np.flatnonzero(t)
    # the target's texts counted once, by whether the rest holds them too: a text's copies are all in one group
    counted = frequencies_at(fields.assign(_alone=alone), rows, by="_alone", userdict=userdict, segmenter=segmenter)
    if counted.empty:
        raise ValueError("the target has no term")
    summed = ["count", "documents"]
    own = counted.groupby("term", sort=False)[summed].sum().reset_index()
    gone = counted[counted["_alone"].to_numpy(dtype=bool)]  # a term once: one group
    whole = (counts[["term", *summed]] if set(counts.columns) <= _POOLED
             else counts.groupby("term", sort=False)[summed].sum().reset_index())
    at = positions(gone["term"], whole["term"])  # the terms matched in pyarrow, not as Python strings
    if np.isnan(at).any():
        raise ValueError("counts do not hold every term of the target's texts: give term_frequencies(docs)")
    left = {c: whole[c].to_numpy(dtype=np.int64, copy=True) for c in summed}
    for c in summed:
        left[c][at.astype(np.int64)] -= gone[c].to_numpy(dtype=np.int64)
    if (left["count"] < 0).any() or (left["documents"] < 0).any():
        raise ValueError("counts hold fewer of a term than the target's texts: give term_frequencies(docs)")
    rest = whole.assign(**left)[left["count"] > 0].reset_index(drop=True)
    if rest.empty:
        raise ValueError("the reference has no term")
    table = keyness_table(own, rest, min_count=min_count, correction=correction)
    table.attrs.update(side_labels(docs, target, by=by))
    return table


def side_labels(docs: pd.DataFrame, target: Any, *, reference: Any = None, by: str | None = None) -> dict[str, str]:
    """How :func:`keyness` names its two sides in its table's ``attrs``.

    Parameters
    ----------
    docs : DataFrame
        The documents.
    target, reference, by
        As :func:`keyness` takes them.

    Returns
    -------
    dict
        ``target`` and ``reference``: the values selected; the reference's own values when it is
        the rest of at most three; else "target" and "the rest".

    Examples
    --------
    >>> docs = pd.DataFrame({"kind": ["article", "related"]})
    >>> side_labels(docs, "related", by="kind")
    {'target': 'related', 'reference': 'article'}
    """
    rest = docs.loc[~_select(docs, target, by, "target"), by] if by is not None and reference is None else None
    return {"target": _label(target, by, "target"), "reference": _label(reference, by, "the rest", rest)}


def target_reference(docs: pd.DataFrame, target: Any, *, reference: Any = None,
                     by: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The boolean masks of the target and reference documents, as :func:`keyness` selects them.

    Parameters
    ----------
    docs : DataFrame
        The documents.
    target, reference, by
        As :func:`keyness` takes them.

    Returns
    -------
    tuple of numpy.ndarray
        The target mask and the reference mask.

    Raises
    ------
    ValueError
        When a side selects no document, or the two sides share a document.

    Examples
    --------
    >>> docs = pd.DataFrame({"kind": ["article", "related", "related"]})
    >>> [m.tolist() for m in target_reference(docs, "related", by="kind")]
    [[False, True, True], [True, False, False]]
    """
    t = _select(docs, target, by, "target")
    r = ~t if reference is None else _select(docs, reference, by, "reference")
    if (t & r).any():
        raise ValueError(f"target and reference share {int((t & r).sum())} documents")
    for mask, role in ((t, "target"), (r, "reference")):
        if not mask.any():
            raise ValueError(f"the {role} selects no document")
    return t, r


def keyness_table(target: pd.DataFrame, reference: pd.DataFrame, *, min_count: int = 1,
                  correction: Correction = "holm") -> pd.DataFrame:
    """The keyness of counted items, given each side's counts: the computation of :func:`keyness`.

    Parameters
    ----------
    target, reference : DataFrame
        Each side's ``term``, ``count`` and ``documents`` (as :func:`analysis.term_frequencies`
        gives them; any counted item, such as actors, works the same way). Totals are the sums of
        ``count``.
    min_count : int
        Keep items counted at least this often on both sides together.
    correction : {"holm", "bonferroni", "fdr_bh", None}
        See :func:`keyness`.

    Returns
    -------
    DataFrame
        The columns of :func:`keyness`; ``attrs`` holds ``target_total``, ``reference_total`` and
        ``correction``.

    Raises
    ------
    ValueError
        When a side has nothing counted.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["日本", "美國"], "count": [1, 2], "documents": [1, 1]})
    >>> r = pd.DataFrame({"term": ["美國", "台灣"], "count": [1, 2], "documents": [1, 1]})
    >>> keyness_table(t, r)[["term", "log_ratio"]].values.tolist()
    [['日本', 1.0], ['美國', 1.0], ['台灣', -2.0]]
    >>> big = pd.DataFrame({"term": ["日本", "美國"], "count": [1, 99], "documents": [1, 9]})
    >>> small = pd.DataFrame({"term": ["美國"], "count": [1], "documents": [1]})
    >>> keyness_table(big, small).set_index("term").loc["日本", ["log_likelihood", "log_ratio"]].round(3).tolist()
    [0.02, nan]
    """
    sides = []
    for freq, role in ((target, "target"), (reference, "reference")):
        if freq.empty or not freq["count"].sum():
            raise ValueError(f"the {role} has nothing counted")
        sides.append(freq.set_index("term")[["count", "documents"]].add_prefix(f"{role}_"))
    c, d = (float(s.iloc[:, 0].sum()) for s in sides)
    table = sides[0].join(sides[1], how="outer").fillna(0).astype("int64").rename_axis("term").reset_index()
    table = table[table["target_count"] + table["reference_count"] >= min_count].reset_index(drop=True)
    a = table["target_count"].to_numpy(float)
    b = table["reference_count"].to_numpy(float)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = np.maximum(2 * (xlogy(a, a / e1) + xlogy(b, b / e2)), 0.0)
    nf_t, nf_r = np.where(a == 0, ZERO, a) / c, np.where(b == 0, ZERO, b) / d
    table["target_per_million"] = a / c * 1e6
    table["reference_per_million"] = b / d * 1e6
    table["log_likelihood"] = np.sign(a / c - b / d) * g2
    table["p_value"] = chdtrc(1, g2)  # chi2.sf(g2, 1), without importing scipy.stats (half a second)
    table["p_adjusted"] = adjust_pvalues(table["p_value"].to_numpy(), method=correction)
    log_ratio = np.log2(nf_t / nf_r)
    reversed_ = np.sign(log_ratio) * np.sign(a / c - b / d) < 0  # the 0.5 outweighs the counts
    table["log_ratio"] = np.where(reversed_, np.nan, log_ratio)
    table["percent_diff"] = np.where(reversed_, np.nan, (nf_t - nf_r) * 100 / nf_r)
    table = table.sort_values(["log_likelihood", "term"], ascending=[False, True], kind="mergesort")
    table = table.reset_index(drop=True)[
        ["term", "target_count", "reference_count", "target_documents", "reference_documents",
         "target_per_million", "reference_per_million", "log_likelihood", "p_value", "p_adjusted",
         "log_ratio", "percent_diff"]]
    table.attrs.update(target_total=int(c), reference_total=int(d), correction=correction)
    return table


def dispersion(docs: pd.DataFrame, terms: str | Sequence[str], *, parts: str = "documents", unique: bool = True,
               userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """How evenly each term spreads over the parts of the corpus: Gries's DP.

    With ``s_i`` the share of the corpus's counted term tokens in part ``i`` and ``v_i`` the share of
    the term's occurrences in part ``i``, ``DP = 0.5 * sum_i |v_i - s_i|`` (Gries 2008, "Dispersions
    and adjusted frequencies in corpora", IJCL 13(4)): 0 when the term is spread as the corpus is,
    towards 1 when it sits in one small part. ``DP_norm = DP / (1 - min_i s_i)`` (Lijffijt & Gries
    2012) reaches 1 exactly.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    terms : str or list of str
        The terms (folded as the kit folds terms, so ``ＵＮ`` is ``UN``).
    parts : str
        ``"documents"`` (each document a part) or a column of ``docs`` whose values are the parts
        (e.g. ``"page_id"``, ``"kind"``, a month column you add).
    unique : bool
        Count each distinct text (``content_id``) once.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        One row per term, in the order given: ``term``, ``count``, ``range`` (parts holding it),
        ``dp`` and ``dp_norm`` (NaN for a term never counted).

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國", "美國"], "text": ["", "", ""]})
    >>> dispersion(docs, ["台灣", "美國"]).round(4).values.tolist()
    [['台灣', 1, 1, 0.6667, 1.0], ['美國', 2, 2, 0.3333, 0.5]]
    """
    wanted = list(dict.fromkeys(normalize(w) for w in ([terms] if isinstance(terms, str) else terms)))
    docs = distinct(docs, unique=unique)
    lists = document_terms(docs, userdict=userdict, segmenter=segmenter)
    codes = np.arange(len(docs)) if parts == "documents" else pd.factorize(docs[parts], use_na_sentinel=False)[0]
    sizes = np.zeros(int(codes.max()) + 1 if len(codes) else 0)
    found: dict[str, dict[int, int]] = {w: {} for w in wanted}
    for code, words in zip(codes, lists):
        sizes[code] += len(words)
        for w in words:
            if w in found:
                found[w][code] = found[w].get(code, 0) + 1
    total = sizes.sum()
    share = sizes / total if total else sizes
    rows = []
    for w in wanted:
        count = sum(found[w].values())
        dp = np.nan
        if count and total:
            where = np.fromiter(found[w], dtype=int)
            v = np.fromiter(found[w].values(), dtype=float) / count
            dp = 0.5 * (np.abs(v - share[where]).sum() + 1.0 - share[where].sum())
        rows.append((w, count, len(found[w]), dp, dp / (1.0 - share.min()) if len(share) else np.nan))
    return pd.DataFrame(rows, columns=["term", "count", "range", "dp", "dp_norm"]).astype(
        {"count": "int64", "range": "int64", "dp": float, "dp_norm": float})
