"""Figures of terms: keyness (both sides, with effect sizes) and dispersion (where each term occurs).

Like :mod:`analysis.plots`, each function returns a :class:`matplotlib.figure.Figure` drawn with the
CJK font :func:`analysis.fonts.use_cjk_font` finds; save it with :func:`analysis.save_figure`.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .termlists import document_terms
from .vocabulary import normalize
from .comparison import dispersion
from .plots import KIND_COLORS, _new
from .tables import distinct
from .typedefs import SegmenterLike, UserDict

_TARGET, _REFERENCE = "#2e86c1", "#c0392b"


def _stars(p: float) -> str:
    return "***" if p < 0.001 else "**" if p < 0.01 else "*" if p < 0.05 else ""


def plot_keyness(table: pd.DataFrame, *, top: int = 15, alpha: float = 0.05, annotate: bool | None = None,
                 title: str | None = None) -> plt.Figure:
    """A diverging bar chart of the key terms of both sides: Log Ratio as the bar, G2 and significance marked.

    The ``top`` terms of the target (positive ``log_likelihood``, strongest first, at the top) and of
    the reference (negative, strongest at the bottom) are drawn as bars of their ``log_ratio`` (the
    effect size: 1 is twice as frequent, relatively, -1 half as frequent); equal G2 are ordered by
    term on both sides. A bar is solid when its ``p_adjusted`` (else ``p_value``) is below ``alpha``,
    pale and hatched otherwise.

    Parameters
    ----------
    table : DataFrame
        From :func:`analysis.comparison` (``term``, ``log_likelihood``, ``log_ratio`` and a p-value);
        its ``attrs`` name the two sides.
    top : int
        Terms drawn for each side.
    alpha : float
        The significance level.
    annotate : bool, optional
        Write G2 and its stars (``*`` p < .05, ``**`` p < .01, ``***`` p < .001, of the p-value
        the bars use) at each bar's end (default: when at most 40 bars).
    title : str, optional
        The figure's title (default: "Keyness: <target> against <reference>").

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["日本", "台灣"], "log_likelihood": [9.1, -4.2],
    ...                       "log_ratio": [3.0, -1.5], "p_adjusted": [0.003, 0.08]})
    >>> fig = plot_keyness(table)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()], [float(p.get_width()) for p in fig.axes[0].patches]
    (['日本', '台灣'], [3.0, -1.5])
    """
    target = table.attrs.get("target", "target")
    reference = table.attrs.get("reference", "reference")
    pcol = "p_adjusted" if "p_adjusted" in table else "p_value"
    pos = table[table["log_likelihood"] > 0].sort_values(["log_likelihood", "term"], ascending=[False, True],
                                                          kind="mergesort").head(top)
    neg = table[table["log_likelihood"] < 0].sort_values(["log_likelihood", "term"], ascending=[True, True],
                                                          kind="mergesort").head(top).iloc[::-1]
    rows = pd.concat([pos, neg], ignore_index=True)
    colors = {True: KIND_COLORS.get(str(target), _TARGET), False: KIND_COLORS.get(str(reference), _REFERENCE)}
    fig = _new((8.5, 0.3 * max(len(rows), 2) + 1.9))
    ax = fig.subplots()
    y = np.arange(len(rows))
    significant = (rows[pcol] < alpha).to_numpy()
    rows = rows.assign(log_ratio=rows["log_ratio"].fillna(0.0))  # not estimable: no bar, G2 still shown
    for i, row in rows.iterrows():
        color = colors[row["log_likelihood"] > 0]
        ax.barh(i, row["log_ratio"], color=color, alpha=1.0 if significant[i] else 0.35,
                hatch=None if significant[i] else "///", edgecolor=color, linewidth=0.6)
    ax.set_yticks(y, labels=rows["term"].tolist())
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    if len(pos) and len(neg):
        ax.axhline(len(pos) - 0.5, color="grey", linewidth=0.6, linestyle=":")
    if annotate if annotate is not None else len(rows) <= 40:
        for i, row in rows.iterrows():
            right = row["log_likelihood"] >= 0
            ax.annotate(f"G²={row['log_likelihood']:.1f}{_stars(row[pcol])}", (row["log_ratio"], i),
                        xytext=(3 if right else -3, 0), textcoords="offset points", va="center",
                        ha="left" if right else "right", fontsize=7)
    reach = float(np.abs(rows["log_ratio"]).max()) if len(rows) else 1.0
    ax.set_xlim(-1.35 * reach, 1.35 * reach)
    ax.set_xlabel(f"Log Ratio: log2 of relative frequency in {target} / in {reference} (a zero count as 0.5)")
    ax.set_ylabel(f"top {top} key terms of each side, by |G²|")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[True]), plt.Rectangle((0, 0), 1, 1, color=colors[False]),
               plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="grey", hatch="///")]
    ax.legend(handles, [f"more in {target} (G² > 0)", f"more in {reference} (G² < 0)",
                        f"not significant ({pcol.replace('_', ' ')} ≥ {alpha:g})"], loc="best", fontsize=7)
    ax.grid(axis="x", alpha=0.3)
    if rows.empty:
        ax.text(0.5, 0.5, "no key terms", transform=ax.transAxes, ha="center", va="center")
    ax.set_title(title if title is not None else f"Keyness: {target} against {reference}")
    return fig


def plot_dispersion(docs: pd.DataFrame, terms: str | Sequence[str], *, by: str = "order", unique: bool = True,
                    userdict: UserDict = None, segmenter: SegmenterLike | None = None,
                    title: str = "Where each term occurs") -> plt.Figure:
    """A dispersion plot: one row per term, a tick at each of its occurrences along the corpus.

    Each row's label gives the term's count and Gries's DP over the documents drawn
    (:func:`analysis.comparison.dispersion`: 0 spread as the corpus is, towards 1 concentrated).

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    terms : str or list of str
        The terms, top row first.
    by : {"order", "date"}
        ``"order"``: the x axis is the position among the corpus's counted term tokens, documents
        in corpus order (dotted lines mark documents when at most 60). ``"date"``: the publication
        date of the document holding the occurrence (its occurrences share one tick); undated
        documents are left out (the axis label says how many).
    unique : bool
        Draw each distinct text (``content_id``) once (with ``by="date"`` at its earliest date).
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> docs = pd.DataFrame({"title": ["台灣", "美國", "美國"], "text": ["", "", ""]})
    >>> fig = plot_dispersion(docs, ["台灣", "美國"])
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['台灣\\nn=1, DP=0.67', '美國\\nn=2, DP=0.33']
    """
    if by not in ("order", "date"):
        raise ValueError(f'by must be "order" or "date", not {by!r}')
    wanted = list(dict.fromkeys(normalize(w) for w in ([terms] if isinstance(terms, str) else terms)))
    if by == "date":
        dated = docs.dropna(subset=["published"])
        kept = distinct(dated, unique=unique, by_date=True).sort_values("published", kind="mergesort")
        left_out = len(distinct(docs, unique=unique)) - len(distinct(dated, unique=unique))
    else:
        kept = distinct(docs, unique=unique)
    lists = document_terms(kept, userdict=userdict, segmenter=segmenter).tolist()
    where = mdates.date2num(kept["published"]) if by == "date" else None
    found: dict[str, list[float]] = {w: [] for w in wanted}
    offset, bounds = 0, []
    for i, words in enumerate(lists):
        for j, w in enumerate(words):
            if w in found:
                found[w].append(float(where[i]) if where is not None else float(offset + j))
        offset += len(words)
        bounds.append(offset)
    stats = dispersion(kept, wanted, unique=False, userdict=userdict, segmenter=segmenter).set_index("term")
    dps = ["–" if np.isnan(stats.at[w, "dp"]) else f"{stats.at[w, 'dp']:.2f}" for w in wanted]
    labels = [f"{w}\nn={stats.at[w, 'count']}, DP={dp}" for w, dp in zip(wanted, dps)]
    fig = _new((10, 0.55 * max(len(wanted), 1) + 1.6))
    ax = fig.subplots()
    palette = plt.get_cmap("tab10")
    ax.eventplot([found[w] for w in wanted], lineoffsets=range(len(wanted)), linelengths=0.7, linewidths=0.8,
                 colors=[palette(i % 10) for i in range(len(wanted))])
    ax.set_yticks(range(len(wanted)), labels=labels, fontsize=8)
    ax.set_ylim(len(wanted) - 0.5, -0.5)
    if by == "date":
        ax.xaxis_date()
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.set_xlabel(f"publication date of the document, as written ({len(kept)} documents"
                      f"{f'; {left_out} undated left out' if left_out else ''})")
    else:
        if len(bounds) <= 60:
            for b in bounds[:-1]:
                ax.axvline(b - 0.5, color="grey", linewidth=0.4, linestyle=":")
        ax.set_xlim(-0.5, max(offset, 1) - 0.5)
        ax.set_xlabel(f"position among the corpus's {offset} counted terms ({len(kept)} documents in corpus order)")
    ax.set_ylabel("term: occurrences, Gries's DP (0 even, 1 concentrated)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title)
    return fig
