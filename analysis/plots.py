"""Figures of the kit: top terms, similarity heatmap, timeline.

Each function takes the table it draws, returns a :class:`matplotlib.figure.Figure`
and draws Chinese with the font :func:`analysis.fonts.use_cjk_font` finds;
:func:`save_figure` writes PNG and SVG files that are the same bytes from run to
run. Notebooks and ``python -m analysis report`` call the same functions.
"""

from __future__ import annotations

import io
from pathlib import Path
from collections.abc import Mapping, Sequence

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .dates import timeline
from .deprecation import renamed_arguments
from .fonts import use_cjk_font
from .outputs import atomic_write_bytes
from .selection import of_kind
from .tables import distinct, only_columns
from .text import shorten

KIND_COLORS = {"article": "#c0392b", "related": "#2e86c1"}


#: Above this many marks, a figure's scatter is drawn as an image inside its SVG (a crawl's points: a
#: small file, drawn fast; the axes, labels and text stay vector).
RASTER_POINTS = 5000


def _new(figsize: tuple[float, float]):
    use_cjk_font()
    return plt.figure(figsize=figsize, layout="constrained")


@renamed_arguments(n="top")
def plot_top_terms(freqs: pd.DataFrame, *, top: int = 20, by: str | None = None,
                   title: str = "Most frequent terms", max_panels: int = 4) -> plt.Figure:
    """Horizontal bars of the ``top`` most frequent terms, most frequent at the top.

    Parameters
    ----------
    freqs : DataFrame
        From :func:`analysis.term_frequencies` (columns ``term`` and ``count``).
    top : int
        Terms per panel (``n=`` is a deprecated name for it).
    by : str, optional
        A group column of ``freqs``; one panel per group (at most ``max_panels``).
    title : str
        The figure's title.
    max_panels : int
        Most panels drawn when ``by`` is given.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> freqs = pd.DataFrame({"term": ["台灣", "美國"], "count": [41, 34]})
    >>> fig = plot_top_terms(freqs, top=2)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['台灣', '美國']
    """
    groups = [(None, freqs)] if by is None else list(freqs.groupby(by, sort=True))[:max_panels]
    fig = _new((4.2 * len(groups) + 1.0, 0.28 * top + 1.4))
    axes = fig.subplots(1, len(groups), squeeze=False)[0]
    for ax, (name, part) in zip(axes, groups):
        head = part.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").head(top)
        color = KIND_COLORS.get(str(name), "#2e86c1")
        ax.barh(range(len(head)), head["count"], color=color)
        ax.set_yticks(range(len(head)), labels=head["term"].tolist())
        ax.invert_yaxis()
        ax.set_xlabel("count (occurrences)")
        if name is not None:
            ax.set_title(f"{by} = {name}")
        ax.grid(axis="x", alpha=0.3)
    fig.suptitle(title)
    return fig


def plot_similarity_heatmap(matrix: pd.DataFrame, *, labels: Mapping[str, str] | pd.Series | None = None,
                            width: int = 16, title: str = "TF-IDF cosine similarity",
                            annotate: bool | None = None) -> plt.Figure:
    """A heatmap of a square similarity table, labelled with shortened headlines.

    Parameters
    ----------
    matrix : DataFrame
        From :func:`analysis.similarity_matrix`.
    labels : mapping or Series, optional
        ``doc_id`` to label (e.g. headline); defaults to the ``doc_id``.
    width : int
        Characters kept of each label.
    title : str
        The figure's title.
    annotate : bool, optional
        Write each similarity in its cell (default: when at most 25 documents).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> m = pd.DataFrame([[1.0, 0.4], [0.4, 1.0]], index=["a", "b"], columns=["a", "b"])
    >>> fig = plot_similarity_heatmap(m, labels={"a": "美駐聯大使", "b": "蓬佩奧宣布"})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['0. 美駐聯大使', '1. 蓬佩奧宣布']
    """
    n = len(matrix)
    names = [shorten(labels.get(d, d) if labels is not None else d, width) for d in matrix.index]
    names = [f"{i}. {s}" for i, s in enumerate(names)]
    size = max(5.0, 0.36 * n + 3.2)
    fig = _new((size + 1.6, size))
    ax = fig.subplots()
    im = ax.imshow(matrix.to_numpy(), vmin=0, vmax=1, cmap="viridis")
    ax.set_xticks(range(n), labels=[str(i) for i in range(n)], fontsize=7)
    ax.set_yticks(range(n), labels=names, fontsize=8)
    ax.set_xlabel("document (number as on the left)")
    if annotate if annotate is not None else n <= 25:
        for (i, j), v in np.ndenumerate(matrix.to_numpy()):
            if i != j and v >= 0.1:
                ax.text(j, i, f"{v:.2f}"[1:] if v < 1 else "1", ha="center", va="center", fontsize=5.5,
                        color="black" if v > 0.5 else "white")
    fig.colorbar(im, ax=ax, label="cosine similarity (0-1)", shrink=0.8)
    ax.set_title(title)
    return fig


@renamed_arguments(labels="annotate")
def plot_timeline(docs: pd.DataFrame, *, freq: str = "MS", annotate: bool | None = None, width: int = 18,
                  unique: bool = True, title: str = "When the documents were published") -> plt.Figure:
    """Each dated document on a time axis (the article marked), above counts per period.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    freq : str
        Period of the counts (pandas frequency, default months).
    annotate : bool, optional
        Label each document with its shortened headline (default: when at most 40 documents;
        ``labels=`` is a deprecated name for it).
    width : int
        Characters kept of each headline.
    unique : bool
        Draw each distinct text (``content_id``) once, at its first date, as :func:`analysis.timeline`
        counts it; False draws every copy.
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> fig = plot_timeline(load_corpus(SEEDS_DIR))
    >>> len(fig.axes)
    2
    """
    # the columns drawn: a crawl's dated rows are selected below, never its texts with them
    docs = only_columns(docs, ("doc_id", "kind", "title", "published", "time_zone", "content_id"))
    docs = distinct(docs.dropna(subset=["published"]), unique=unique, by_date=True)
    dated = docs.sort_values(["published", "doc_id"], kind="mergesort")
    show_labels = annotate if annotate is not None else len(dated) <= 40
    counts = timeline(docs, freq=freq, unique=False)
    top_h = 0.26 * len(dated) + 1.0 if show_labels else 2.4
    fig = _new((11, top_h + 2.8))
    ax, bx = fig.subplots(2, 1, sharex=True, height_ratios=[top_h, 2.4])
    y = np.arange(len(dated))
    for kind, marker, size in (("related", "o", 28), ("article", "*", 160)):
        sel = of_kind(dated, kind)
        ax.scatter(dated["published"][sel], y[sel], marker=marker, s=size,
                   color=KIND_COLORS.get(kind, "grey"), label=kind, zorder=3,
                   rasterized=len(dated) > RASTER_POINTS)
    if show_labels:
        ax.set_yticks(y, labels=[shorten(t, width) for t in dated["title"]], fontsize=8)
    else:
        ax.set_yticks([])
        ax.set_ylabel("documents, by date")
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title(title)
    bottom = np.zeros(len(counts))
    centers = counts["period"]
    widths = np.diff(np.append(mdates.date2num(centers), mdates.date2num(
        centers.iloc[-1] + pd.tseries.frequencies.to_offset(freq)))) * 0.9 if len(counts) else []
    for kind in [k for k in ("article", "related") if k in counts]:
        bx.bar(centers, counts[kind], width=widths, bottom=bottom, align="edge",
               color=KIND_COLORS[kind], label=kind)
        bottom += counts[kind].to_numpy()
    unit = {"MS": "month", "ME": "month", "M": "month", "W": "week", "D": "day", "QS": "quarter",
            "YS": "year", "AS": "year"}.get(freq, f"period ({freq})")
    bx.set_ylabel(f"documents per {unit}")
    zones = sorted(set(docs["time_zone"].dropna()) - {""}) if "time_zone" in docs else []
    bx.set_xlabel("publication date, as written on the page"
                  + (f" (time zones stated: {', '.join(zones)})" if zones else " (no time zone stated)"))
    bx.xaxis.set_major_formatter(mdates.ConciseDateFormatter(bx.xaxis.get_major_locator()))
    bx.grid(axis="y", alpha=0.3)
    return fig


def plot_lengths(lengths: pd.DataFrame, *, labels: Mapping[str, str] | pd.Series | None = None,
                 column: str = "text_chars", width: int = 16,
                 title: str = "Length of each document") -> plt.Figure:
    """Horizontal bars of each document's length, coloured by kind.

    Parameters
    ----------
    lengths : DataFrame
        From :func:`analysis.overview.document_lengths`.
    labels : mapping or Series, optional
        ``doc_id`` to label (e.g. headline); defaults to the ``doc_id``.
    column : str
        ``text_chars``, ``title_chars`` or ``terms``.
    width : int
        Characters kept of each label.
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> lengths = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["article", "related"], "text_chars": [900, 60]})
    >>> plot_lengths(lengths).axes[0].get_xlabel()
    'characters of text'
    """
    units = {"text_chars": "characters of text", "title_chars": "characters of headline",
             "terms": "terms counted"}
    n = len(lengths)
    fig = _new((8, 0.26 * n + 1.4))
    ax = fig.subplots()
    names = [shorten(labels.get(d, d) if labels is not None else d, width) for d in lengths["doc_id"]]
    ax.barh(range(n), lengths[column], color=[KIND_COLORS.get(k, "grey") for k in lengths["kind"]])
    ax.set_yticks(range(n), labels=names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(units.get(column, column))
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in KIND_COLORS.values()]
    ax.legend(handles, list(KIND_COLORS), loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title)
    return fig


def save_figure(fig: plt.Figure, stem: str | Path, *, formats: Sequence[str] = ("png", "svg"),
                dpi: int = 150, close: bool = True) -> list[Path]:
    """Save a figure as ``stem.png`` and ``stem.svg``, atomically and byte-identically from run to run.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    stem : str or Path
        The files' path without a suffix (any suffix is replaced); missing folders are created.
    formats : sequence of str
        The formats, each also the file's suffix (``"png"``, ``"svg"``, ``"pdf"``...).
    dpi : int
        Resolution of raster formats.
    close : bool
        Close the figure afterwards, to free its memory.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> fig = plot_top_terms(pd.DataFrame({"term": ["台灣"], "count": [41]}), top=1)
    >>> [p.suffix for p in save_figure(fig, Path(tempfile.mkdtemp()) / "top_terms")]
    ['.png', '.svg']
    """
    stem = Path(stem)
    paths = []
    engine = fig.get_layout_engine()
    try:
        for fmt in formats:
            buf = io.BytesIO()
            metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
            with matplotlib.rc_context({"svg.hashsalt": "analysis-kit"}):
                fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
            paths.append(atomic_write_bytes(stem.with_suffix(f".{fmt}"), buf.getvalue()))
            if engine is not None:
                # the layout is computed once, for the first format; the others are drawn with it
                # (the same positions in every file, and a third less work)
                fig.set_layout_engine("none")
    finally:
        if close:
            plt.close(fig)
        elif engine is not None:
            fig.set_layout_engine(engine)
    return paths
