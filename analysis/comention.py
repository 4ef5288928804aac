"""Actors together, over time and by group: co-mention networks, timelines and keyness of actors.

Every function here starts from the mentions that :func:`analysis.actors` finds (pass them as
``mentions=`` to reuse them, else they are found here) and counts *actors*, not words:

- :func:`actor_network`: which actors are named in the same sentence (or the same document), as an
  edge table in the shape of :func:`analysis.cooccurrence_network` (count, logDice), drawn by
  :func:`analysis.plot_network`;
- :func:`actor_frequencies`: mentions and documents per actor, in the shape of
  :func:`analysis.term_frequencies`;
- :func:`actor_timeline`: documents naming each actor per period, as :func:`analysis.timeline`
  counts documents, and :func:`plot_actor_timeline`;
- :func:`actor_keyness`: which actors one group of documents names more than another, with the
  same parameters and columns as :func:`analysis.keyness` (the computation is shared);
- :func:`speakers`: who is quoted, how often and with which verbs, from :func:`analysis.quotes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .mentions import actors
from .comparison import Correction, keyness_table, side_labels, target_reference
from .fonts import use_cjk_font
from .network import MEASURES, edge_table
from .plots import _new
from .selection import is_in
from .tables import distinct
from .typedefs import SegmenterLike, UserDict

#: Units in which :func:`actor_network` counts co-mentions.
UNITS = ("sentence", "document")
#: Actor types.
TYPES = ("person", "organisation", "place")


def _mentions(docs: pd.DataFrame, mentions: pd.DataFrame | None, *, types: Sequence[str] | None,
              userdict: UserDict, segmenter: SegmenterLike | None) -> pd.DataFrame:
    """The mentions of ``docs``' documents (found, or the given ones restricted to them), of ``types``."""
    if mentions is None:
        mentions = actors(docs, userdict=userdict, segmenter=segmenter)
    elif "doc_id" in docs:
        mentions = mentions[is_in(mentions["doc_id"], docs["doc_id"])]
    if types is not None:
        unknown = sorted(set(types) - set(TYPES))
        if unknown:
            raise ValueError(f"unknown actor type(s) {', '.join(unknown)}; the types are {', '.join(TYPES)}")
        mentions = mentions[mentions["type"].isin(list(types))]
    return mentions


def actor_frequencies(docs: pd.DataFrame, *, mentions: pd.DataFrame | None = None,
                      types: Sequence[str] | None = None, unique: bool = True, userdict: UserDict = None,
                      segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Mentions and documents per actor.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    mentions : DataFrame, optional
        From :func:`analysis.actors` (of these or more documents); found here when not given.
    types : sequence of str, optional
        Keep these actor types (``person``, ``organisation``, ``place``); default: all.
    unique : bool
        Count each distinct text (``content_id``) once.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        ``term`` (the actor, so that keyness and plots take the table as they take term counts),
        ``type``, ``count`` (mentions), ``documents`` (documents naming it), ``share`` (of all
        mentions); sorted by count descending, then actor.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""], "text": ["x", "y"]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor": ["蔡英文", "美國", "蔡英文"],
    ...                   "type": ["person", "place", "person"]})
    >>> actor_frequencies(docs, mentions=m)[["term", "count", "documents"]].values.tolist()
    [['蔡英文', 2, 2], ['美國', 1, 1]]
    """
    docs = distinct(docs, unique=unique)
    m = _mentions(docs, mentions, types=types, userdict=userdict, segmenter=segmenter)
    if m.empty:
        return pd.DataFrame({"term": pd.Series(dtype=object), "type": pd.Series(dtype=object),
                             "count": pd.Series(dtype="int64"), "documents": pd.Series(dtype="int64"),
                             "share": pd.Series(dtype="float64")})
    out = (m.groupby(["actor", "type"], sort=True)
           .agg(count=("doc_id", "size"), documents=("doc_id", "nunique")).reset_index()
           .rename(columns={"actor": "term"}))
    out["share"] = out["count"] / out["count"].sum()
    out = out.astype({"count": "int64", "documents": "int64"})
    return out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def actor_network(docs: pd.DataFrame, *, unit: str = "sentence", mentions: pd.DataFrame | None = None,
                  types: Sequence[str] | None = None, top: int = 30, min_count: int = 1,
                  measure: str = "logdice", unique: bool = True, userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Which actors are named together: co-mentions in a sentence or a document, as an edge table.

    Two actors are co-mentioned in a unit when the unit names both (each at least once; mentions
    of one actor under several names count once). ``count`` is the number of units naming both,
    and the weight is logDice (Rychlý 2008), ``14 + log2(2 * f_xy / (f_x + f_y))`` with ``f_x``,
    ``f_y`` the units naming each actor: 14 when two actors are always named together, one less for
    each halving. The nodes are the ``top`` actors by the number of units naming them.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    unit : {"sentence", "document"}
        A sentence of a title or text (as :func:`analysis.actors` numbers them), or a document.
    mentions : DataFrame, optional
        From :func:`analysis.actors`; found here when not given.
    types : sequence of str, optional
        Keep these actor types; default: all.
    top : int
        The actors kept as nodes.
    min_count : int
        Drop pairs named together in fewer units.
    measure : {"logdice", "count"}
        What ``weight`` holds.
    unique : bool
        Count each distinct text (``content_id``) once.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        ``source``, ``target``, ``count``, ``weight``, ``logdice`` (with that measure),
        ``source_frequency``, ``target_frequency`` (units naming each actor), ``source_type``,
        ``target_type``; ``source`` is the more often named. Sorted by weight descending, then source,
        then target. :func:`analysis.plot_network` draws it.

    Raises
    ------
    ValueError
        On an unknown ``unit``, ``measure`` or type.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["x"]})
    >>> m = pd.DataFrame({"doc_id": ["a"] * 4, "field": ["text"] * 4, "sentence": [0, 0, 1, 1],
    ...                   "actor": ["蔡英文", "美國", "蔡英文", "中國"],
    ...                   "type": ["person", "place", "person", "place"]})
    >>> actor_network(docs, mentions=m)[["source", "target", "count", "logdice"]].values.tolist()
    [['蔡英文', '中國', 1, 13.415037499278844], ['蔡英文', '美國', 1, 13.415037499278844]]
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    docs = distinct(docs, unique=unique)
    m = _mentions(docs, mentions, types=types, userdict=userdict, segmenter=segmenter)
    keys = ["doc_id"] if unit == "document" else ["doc_id", "field", "sentence"]
    units = m.drop_duplicates([*keys, "actor"])
    per_actor = units.groupby("actor").size()
    kind = m.drop_duplicates("actor").set_index("actor")["type"]
    chosen = sorted(per_actor.index, key=lambda a: (-per_actor[a], a))[:top]
    # one row per unit, one column per chosen actor: incidence_matrix's matrix, built from group codes
    unit = units.groupby(keys, sort=True).ngroup()
    column = pd.Index(chosen).get_indexer(units["actor"])
    keep = (column >= 0) & unit.notna().to_numpy()
    shape = (int(unit.max()) + 1 if unit.notna().any() else 0, len(chosen))
    matrix = sp.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64),
                            (unit.to_numpy()[keep].astype(np.int64), column[keep])), shape=shape)
    edges = edge_table(matrix, chosen, min_count=min_count, measure=measure)
    edges["source_type"] = kind.reindex(edges["source"]).to_numpy()
    edges["target_type"] = kind.reindex(edges["target"]).to_numpy()
    return edges


def actor_timeline(docs: pd.DataFrame, *, mentions: pd.DataFrame | None = None, names: Sequence[str] | None = None,
                   top: int = 5, freq: str = "MS", types: Sequence[str] | None = None, unique: bool = True,
                   userdict: UserDict = None, segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Documents naming each actor per period (dated documents only), empty periods included.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    mentions : DataFrame, optional
        From :func:`analysis.actors`; found here when not given.
    names : sequence of str, optional
        The actors to follow (canonical names), in this order; default: the ``top`` most named (by
        documents).
    top : int
        Without ``names``: how many actors.
    freq : str
        A pandas frequency: ``"MS"`` (months), ``"W"``, ``"D"``, ``"YS"``...
    types : sequence of str, optional
        Keep these actor types; default: all.
    unique : bool
        Count each distinct text (``content_id``) once, at its first date.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        Long: ``period``, ``actor``, ``documents`` (naming the actor in that period) and
        ``period_documents`` (dated documents of the period), for every period from the first to the
        last date and every actor followed; sorted by period, then the actors' order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["", "", ""], "text": ["x", "y", "z"],
    ...                      "published": pd.to_datetime(["2020-09-17", "2020-11-02", "2020-11-20"])})
    >>> m = pd.DataFrame({"doc_id": ["a", "c"], "actor": ["蔡英文", "蔡英文"], "type": ["person"] * 2})
    >>> actor_timeline(docs, mentions=m)[["actor", "documents", "period_documents"]].values.tolist()
    [['蔡英文', 1, 1], ['蔡英文', 0, 0], ['蔡英文', 1, 2]]
    """
    dated = distinct(docs.dropna(subset=["published"]), unique=unique, by_date=True)
    m = _mentions(dated, mentions, types=types, userdict=userdict, segmenter=segmenter)
    named = m.drop_duplicates(["doc_id", "actor"])
    if names is None:
        per = named.groupby("actor").size()
        names = sorted(per.index, key=lambda a: (-per[a], a))[:top]
    names = list(names)
    columns = ["period", "actor", "documents", "period_documents"]
    if dated.empty or not names:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    when = dated.set_index("doc_id")["published"]
    total = pd.Series(1, index=when.to_numpy()).resample(freq).sum()
    rows = []
    for actor in names:
        ids = named.loc[named["actor"] == actor, "doc_id"]
        counts = pd.Series(1, index=when.reindex(ids).dropna().to_numpy()).resample(freq).sum()
        counts = counts.reindex(total.index, fill_value=0)
        rows.append(pd.DataFrame({"period": total.index, "actor": actor, "documents": counts.to_numpy(),
                                  "period_documents": total.to_numpy()}))
    out = pd.concat(rows, ignore_index=True).astype({"documents": "int64", "period_documents": "int64"})
    order = {a: k for k, a in enumerate(names)}
    return out.sort_values(["period", "actor"], key=lambda s: s.map(order) if s.name == "actor" else s,
                           kind="mergesort").reset_index(drop=True)[columns]


def plot_actor_timeline(timeline: pd.DataFrame, *, title: str = "Documents naming each actor") -> plt.Figure:
    """Draw :func:`actor_timeline`: one line per actor, documents per period.

    Parameters
    ----------
    timeline : DataFrame
        From :func:`actor_timeline`.
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> t = pd.DataFrame({"period": pd.to_datetime(["2020-09-01", "2020-10-01"]), "actor": ["蔡英文"] * 2,
    ...                   "documents": [1, 0], "period_documents": [1, 1]})
    >>> [line.get_label() for line in plot_actor_timeline(t).axes[0].get_lines()]
    ['蔡英文']
    """
    family = use_cjk_font()
    fig = _new((9.0, 4.2))
    ax = fig.subplots()
    for actor, part in timeline.groupby("actor", sort=False):
        ax.plot(part["period"], part["documents"], marker="o", markersize=3, label=actor)
    ax.set_title(title)
    ax.set_xlabel("period")
    ax.set_ylabel("documents naming the actor")
    if len(timeline):
        ax.legend(prop={"family": family}, fontsize=9, frameon=False)
    return fig


def actor_keyness(docs: pd.DataFrame, target: Any, *, reference: Any = None, by: str | None = None,
                  mentions: pd.DataFrame | None = None, types: Sequence[str] | None = None, unique: bool = True,
                  min_count: int = 1, correction: Correction = "holm", userdict: UserDict = None,
                  segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """Which actors the ``target`` documents name more than the ``reference`` ones: keyness of actors.

    Parameters, columns and measures are those of :func:`analysis.keyness`, with actor mentions in
    place of terms (``term`` holds the actor; totals are all actor mentions of each side).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    target, reference, by
        As :func:`analysis.keyness` takes them.
    mentions : DataFrame, optional
        From :func:`analysis.actors`; found here when not given.
    types : sequence of str, optional
        Keep these actor types; default: all.
    unique : bool
        Count each distinct text once on each side.
    min_count : int
        Keep actors named at least this often on both sides together.
    correction : {"holm", "bonferroni", "fdr_bh", None}
        As :func:`analysis.keyness`.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        As :func:`analysis.keyness`.

    Raises
    ------
    ValueError
        When a side selects no document or names no actor, or the sides share a document.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["article", "related"], "title": ["", ""],
    ...                      "text": ["x", "y"]})
    >>> m = pd.DataFrame({"doc_id": ["a", "b", "b"], "actor": ["美國", "美國", "中國"],
    ...                   "type": ["place"] * 3})
    >>> actor_keyness(docs, "related", by="kind", mentions=m)[["term", "target_count"]].values.tolist()
    [['中國', 1], ['美國', 1]]
    """
    t, r = target_reference(docs, target, reference=reference, by=by)
    if mentions is None:
        mentions = actors(docs, userdict=userdict, segmenter=segmenter)
    sides = [actor_frequencies(docs[mask], mentions=mentions, types=types, unique=unique) for mask in (t, r)]
    for side, role in zip(sides, ("target", "reference")):
        if side.empty:
            raise ValueError(f"the {role} names no actor")
    table = keyness_table(*sides, min_count=min_count, correction=correction)
    table.attrs.update(side_labels(docs, target, reference=reference, by=by))
    return table


def speakers(quotes: pd.DataFrame, *, top_cues: int = 3) -> pd.DataFrame:
    """Who is quoted: quotations and reported statements per speaker, from :func:`analysis.quotes`.

    Parameters
    ----------
    quotes : DataFrame
        From :func:`analysis.quotes`.
    top_cues : int
        How many of each speaker's commonest cue verbs to list.

    Returns
    -------
    DataFrame
        ``speaker`` (empty for statements whose speaker is not named), ``speaker_type``, ``quotes``,
        ``documents``, one count per ``kind`` (``voice``, ``quotation``, ``reported``) and ``cues``
        (the commonest cues with their counts, e.g. ``表示 3、說 1``); sorted by quotes descending,
        then speaker.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["蔡英文", "蔡英文", ""],
    ...                   "speaker_type": ["person", "person", ""], "cue": ["表示", "說", "表示"],
    ...                   "kind": ["reported", "quotation", "reported"]})
    >>> speakers(q)[["speaker", "quotes", "reported", "cues"]].values.tolist()
    [['蔡英文', 2, 1, '表示 1、說 1'], ['', 1, 1, '表示 1']]
    """
    kinds = ("voice", "quotation", "reported")
    columns = ["speaker", "speaker_type", "quotes", "documents", *kinds, "cues"]
    if quotes.empty or not quotes[["speaker", "speaker_type"]].notna().all(axis=1).any():  # no speaker to count
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("speaker", "speaker_type", "cues") else "int64")
                             for c in columns})
    # every speaker at once (a crawl names thousands): counts by group, then each one's commonest cues,
    # most frequent first and equals in cue order
    keys = ["speaker", "speaker_type"]
    quotes = quotes[[*keys, "doc_id", "kind", "cue"]]
    groups = quotes.groupby(keys, sort=True)
    out = groups.size().rename("quotes").to_frame()
    out["documents"] = groups["doc_id"].nunique()
    for k in kinds:
        out[k] = quotes["kind"].eq(k).groupby([quotes[c] for c in keys], sort=True).sum().astype("int64")
    cues = quotes.groupby([*keys, "cue"], sort=True).size().rename("n").reset_index()
    cues = cues.sort_values([*keys, "n"], ascending=[True, True, False], kind="mergesort")
    cues = cues[cues.groupby(keys, sort=False).cumcount() < top_cues]
    listed = (cues["cue"].astype(str) + " " + cues["n"].astype(str)).groupby([cues[c] for c in keys]).agg("、".join)
    out["cues"] = listed.reindex(out.index, fill_value="").to_numpy(dtype=object)
    out = out.reset_index()
    out = pd.DataFrame({c: out[c].tolist() for c in columns}, columns=columns)  # dtypes inferred as for rows
    out["_named"] = out["speaker"].eq("")
    out = out.sort_values(["_named", "quotes", "speaker"], ascending=[True, False, True], kind="mergesort")
    return out.drop(columns="_named").reset_index(drop=True)
