"""Co-occurrence networks: which terms occur together, as an edge table and a figure.

:func:`cooccurrence_network` counts, for the top terms of a corpus (or the terms you give, such as a
term and its collocates), in how many documents, or in how many windows of consecutive terms, each
pair occurs together, and weighs each pair by logDice (Rychlý 2008). The counting is sparse: a
binary unit-by-term incidence matrix restricted to the chosen terms, multiplied by its transpose,
so no corpus-wide vocabulary-by-vocabulary matrix is ever built. :func:`network_nodes` gives the
node table of an edge table, and :func:`plot_network` draws it with networkx and the kit's CJK font.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .fonts import use_cjk_font
from .termlists import document_terms, text_terms
from .vocabulary import normalize
from .frequencies import term_frequencies
from .plots import _new
from .tables import distinct
from .typedefs import SegmenterLike, UserDict

#: Edge weights :func:`cooccurrence_network` knows.
MEASURES = ("logdice", "count")
#: Layouts :func:`plot_network` knows.
LAYOUTS = ("spring", "kamada_kawai", "circular")


def incidence_matrix(term_lists: Sequence[Sequence[str]], *, terms: Sequence[str],
                     window: int | None = None) -> sp.csr_matrix:
    """A binary unit-by-term matrix: 1 where a document (or a window) holds a term.

    Parameters
    ----------
    term_lists : sequence of sequences of str
        Each document's terms in order (:func:`analysis.document_terms`).
    terms : sequence of str
        The columns, in order; other terms are ignored.
    window : int, optional
        None: one row per document. An int ``w >= 1``: one row per span of ``w + 1`` consecutive
        terms of a document (``len - w`` spans; a shorter document is one span), so that two
        terms share a row exactly when they are at most ``w`` terms apart.

    Returns
    -------
    scipy.sparse.csr_matrix
        Shape (units, len(terms)), int64 zeros and ones.

    Examples
    --------
    >>> X = incidence_matrix([["台灣", "美國", "中國"]], terms=["台灣", "中國"], window=1)
    >>> X.toarray().tolist()  # spans: 台灣 美國 | 美國 中國
    [[1, 0], [0, 1]]
    """
    index = {t: j for j, t in enumerate(terms)}
    doc, pos, col = [], [], []
    lengths = np.zeros(len(term_lists), dtype=np.int64)
    for d, ts in enumerate(term_lists):
        lengths[d] = len(ts)
        for p, t in enumerate(ts):
            j = index.get(t)
            if j is not None:
                doc.append(d)
                pos.append(p)
                col.append(j)
    doc_a, pos_a, col_a = (np.asarray(a, dtype=np.int64) for a in (doc, pos, col))
    if window is None:
        rows, units = doc_a, len(term_lists)
    else:
        span = window + 1
        spans = np.maximum(1, lengths - span + 1)
        offset = np.cumsum(spans) - spans
        lo = np.maximum(0, pos_a - span + 1)           # first span holding the term
        reps = np.minimum(pos_a, spans[doc_a] - 1) - lo + 1
        within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
        rows = np.repeat(offset[doc_a] + lo, reps) + within
        col_a = np.repeat(col_a, reps)
        units = int(spans.sum())
    X = sp.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, col_a)), shape=(units, len(terms)))
    X.sum_duplicates()
    X.data[:] = 1
    return X


def cooccurrence_network(docs: pd.DataFrame, *, terms: Sequence[str] | None = None, top: int = 30,
                         window: int | None = None, min_count: int = 2, measure: str = "logdice",
                         unique: bool = True, userdict: UserDict = None,
                         segmenter: SegmenterLike | None = None) -> pd.DataFrame:
    """The co-occurrence network of the top terms (or of given terms), as an edge table.

    Two terms co-occur in a *unit*: a document (its title and text), or with ``window`` a span of
    ``window + 1`` consecutive terms of a title or a text (never across the two), so that terms at
    most ``window`` terms apart share a span. A field shorter than a span is one span. ``count`` is
    the number of units holding both terms, and the weight is logDice (Rychlý 2008, "A
    lexicographer-friendly association score"), ``14 + log2(2 * f_xy / (f_x + f_y))``, with ``f_x``,
    ``f_y`` the units holding each term and ``f_xy = count``: 14 when the two terms always occur
    together, one less for each halving.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    terms : sequence of str, optional
        The nodes, in this order (e.g. a term and its collocates); ``top`` is then ignored.
    top : int
        Without ``terms``: the ``top`` most frequent terms (by :func:`analysis.term_frequencies`
        count, ties by term).
    window : int, optional
        None: co-occurrence in the same document. An int ``>= 1``: at most this many terms apart in
        the same title or text (as :func:`analysis.cocounts.cooccurrence` counts them).
    min_count : int
        Drop pairs that share fewer units.
    measure : str
        ``"logdice"`` or ``"count"``: what ``weight`` holds.
    unique : bool
        Count each distinct text (``content_id``) once; False counts every copy, as crawled.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    DataFrame
        One row per unordered pair: ``source``, ``target`` (``source`` comes first in the term
        order: frequency rank, or the order of ``terms``), ``count``, ``weight``, the measure's own
        column (``logdice``; none for ``count``), ``source_frequency`` and ``target_frequency``
        (units holding each term: the node frequencies, see :func:`network_nodes`). Sorted by
        weight descending, then source, then target.

    Raises
    ------
    ValueError
        On an unknown ``measure`` or a ``window`` below 1.

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["", "", ""], "text": ["台灣，美國", "台灣，美國，中國", "台灣"]})
    >>> cooccurrence_network(docs)[["source", "target", "count", "logdice"]].round(4).values.tolist()
    [['台灣', '美國', 2, 13.6781]]
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    if window is not None and window < 1:
        raise ValueError(f"window must be None (documents) or at least 1 (terms apart), not {window}")
    docs = distinct(docs, unique=unique)
    if terms is None:
        chosen = term_frequencies(docs, unique=False, userdict=userdict, segmenter=segmenter)["term"].head(top).tolist()
    else:
        chosen = list(dict.fromkeys(normalize(t) for t in terms))
    if window is None:
        lists = document_terms(docs, userdict=userdict, segmenter=segmenter).tolist()
    else:  # spans stay inside a field, as in analysis.association: never across a title and its text
        fields = [docs[c].fillna("").astype(str).tolist() for c in ("title", "text")]
        by_text = text_terms([t for f in fields for t in f], userdict=userdict, segmenter=segmenter)
        lists = [by_text[t] for f in fields for t in f]
    return edge_table(incidence_matrix(lists, terms=chosen, window=window), chosen, min_count=min_count,
                      measure=measure)


def edge_table(X: sp.csr_matrix, names: Sequence[str], *, min_count: int = 1, measure: str = "logdice") -> pd.DataFrame:
    """The edge table of a binary unit-by-item matrix: pairs held by the same units, weighted by logDice.

    Parameters
    ----------
    X : scipy.sparse.csr_matrix
        Units by items, zeros and ones (:func:`incidence_matrix`).
    names : sequence of str
        The items, in the columns' order; a pair's ``source`` is the one that comes first.
    min_count : int
        Drop pairs that share fewer units.
    measure : {"logdice", "count"}
        What ``weight`` holds.

    Returns
    -------
    DataFrame
        ``source``, ``target``, ``count``, ``weight``, ``logdice`` (with that measure),
        ``source_frequency``, ``target_frequency``; sorted by weight descending, then source, then target.

    Examples
    --------
    >>> X = incidence_matrix([["台灣", "美國"], ["台灣", "美國"], ["台灣"]], terms=["台灣", "美國"])
    >>> edge_table(X, ["台灣", "美國"])[["source", "target", "count", "source_frequency"]].values.tolist()
    [['台灣', '美國', 2, 3]]
    """
    co = (X.T @ X).tocoo()
    freq = X.sum(axis=0).A1.astype(np.int64)
    keep = (co.row < co.col) & (co.data >= min_count)
    i, j, n = co.row[keep], co.col[keep], co.data[keep].astype(np.int64)
    names = np.asarray(list(names), dtype=object)
    edges = pd.DataFrame({"source": names[i], "target": names[j], "count": n}, columns=["source", "target", "count"])
    logdice = 14 + np.log2(2 * n / (freq[i] + freq[j]).astype(float)) if len(n) else np.zeros(0)
    edges["weight"] = logdice if measure == "logdice" else n.astype(float)
    if measure == "logdice":
        edges["logdice"] = logdice
    edges["source_frequency"] = freq[i]
    edges["target_frequency"] = freq[j]
    edges = edges.astype({"source": "str", "target": "str", "count": "int64", "weight": "float64",
                          "source_frequency": "int64", "target_frequency": "int64"})
    return edges.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                             kind="mergesort").reset_index(drop=True)


def network_nodes(edges: pd.DataFrame) -> pd.DataFrame:
    """The node table of an edge table: each term with its frequency, degree and strength.

    Parameters
    ----------
    edges : DataFrame
        From :func:`cooccurrence_network` (or any table with ``source``, ``target``, ``weight``).

    Returns
    -------
    DataFrame
        ``term``, ``frequency`` (units holding the term, from ``source_frequency`` and
        ``target_frequency``; <NA> when the table has no such columns), ``degree`` (edges) and
        ``strength`` (sum of edge weights). Sorted by frequency and degree descending, then term.
        Terms without an edge are not in an edge table, so not here either.

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["台灣", "台灣"], "target": ["美國", "中國"], "weight": [13.5, 13.0],
    ...                       "source_frequency": [4, 4], "target_frequency": [3, 2]})
    >>> network_nodes(edges).values.tolist()
    [['台灣', 4, 2, 26.5], ['美國', 3, 1, 13.5], ['中國', 2, 1, 13.0]]
    """
    ends = [("source", "source_frequency"), ("target", "target_frequency")]
    has_freq = all(f in edges for _, f in ends)
    long = pd.concat([pd.DataFrame({"term": edges[t].to_numpy(), "weight": edges["weight"].to_numpy(dtype=float),
                                    "frequency": edges[f].to_numpy() if has_freq else pd.NA}) for t, f in ends],
                     ignore_index=True)
    nodes = long.groupby("term", sort=True).agg(frequency=("frequency", "max"), degree=("weight", "size"),
                                                 strength=("weight", "sum")).reset_index()
    nodes = nodes.astype({"term": "str", "frequency": "Int64", "degree": "int64", "strength": "float64"})
    return nodes.sort_values(["frequency", "degree", "term"], ascending=[False, False, True], kind="mergesort",
                             na_position="last").reset_index(drop=True)


def plot_network(edges: pd.DataFrame, *, layout: str = "spring", seed: int = 0, top_edges: int | None = None,
                 title: str = "Co-occurrence network") -> plt.Figure:
    """Draw an edge table as a network: node size by frequency, edge width by weight.

    Parameters
    ----------
    edges : DataFrame
        From :func:`cooccurrence_network`.
    layout : str
        ``"spring"`` (force-directed, weighted, from ``seed``), ``"kamada_kawai"`` (by path length,
        for a connected network) or ``"circular"``; each gives the same picture on every run.
    seed : int
        Seed of the spring layout.
    top_edges : int, optional
        Draw only the heaviest edges (weight descending, then source and target).
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure
        Nodes sized by ``frequency`` (by degree when the table has none), labelled in the CJK font;
        edges as wide (and, in the spring layout, as strongly pulling) as their weight, scaled from
        the lightest to the heaviest edge drawn.

    Raises
    ------
    ValueError
        On an unknown ``layout``.

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["台灣", "台灣"], "target": ["美國", "中國"], "weight": [13.5, 13.0],
    ...                       "source_frequency": [4, 4], "target_frequency": [3, 2]})
    >>> fig = plot_network(edges)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['中國', '台灣', '美國']
    """
    import networkx as nx

    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="mergesort")
    if top_edges is not None:
        edges = edges.head(top_edges)
    nodes = network_nodes(edges)
    graph = nx.Graph()
    graph.add_nodes_from(nodes["term"])
    w = edges["weight"].to_numpy(dtype=float)
    span = w.max() - w.min() if len(w) else 0.0
    scaled = (w - w.min()) / span if span > 0 else np.ones(len(w))  # 0 (lightest) to 1 (heaviest)
    graph.add_weighted_edges_from(zip(edges["source"], edges["target"], 0.2 + 0.8 * scaled), weight="pull")
    family = use_cjk_font()
    fig = _new((9.0, 7.5))
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title)
    if not len(nodes):
        ax.text(0.5, 0.5, "no edges", ha="center", va="center", transform=ax.transAxes)
        return fig
    if layout == "spring":
        pos = nx.spring_layout(graph, seed=seed, weight="pull", k=1.6 / np.sqrt(len(graph)))
    elif layout == "kamada_kawai":
        pos = nx.kamada_kawai_layout(graph, weight=None)
    else:
        pos = nx.circular_layout(graph)
    by_freq = bool(nodes["frequency"].notna().all())
    size = (nodes["frequency"] if by_freq else nodes["degree"]).to_numpy(dtype=float)
    nx.draw_networkx_edges(graph, pos, ax=ax, edgelist=list(zip(edges["source"], edges["target"])),
                           width=0.5 + 4.5 * scaled,
                           edge_color="#7f8c8d", alpha=0.6)
    nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes["term"].tolist(),
                           node_size=120 + 1100 * size / size.max(), node_color="#2e86c1", alpha=0.35)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=10, font_family=family)
    weighed = "logDice" if "logdice" in edges else "weight"
    held = "sentences (or documents) naming the actor" if "source_type" in edges else \
        "documents (or windows) holding the term"
    fig.supxlabel(f"node size: {held if by_freq else 'degree'}; "
                  f"edge width: {weighed}", fontsize=8)
    return fig
