"""What the explorer's ``Output`` widgets hold: display bundles built without a running kernel, and the
small chart of a term's documents per month (:func:`plot_term_months`).

A bundle is the ``display_data`` output a notebook stores: plain text for scripts and tests to read, and
HTML or a PNG for JupyterLab to show.

Examples
--------
>>> heading("Nearest neighbours")["data"]["text/html"]
'<h4>Nearest neighbours</h4>'
"""

from __future__ import annotations

import base64
import html
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from .plots import KIND_COLORS, _new


def bundle(plain: str, rich: dict[str, str] | None = None) -> dict:
    """A display bundle: ``plain`` text, and the richer forms by MIME type."""
    return {"output_type": "display_data", "data": {"text/plain": plain, **(rich or {})}, "metadata": {}}


def heading(text: str) -> dict:
    """A heading."""
    return bundle(text, {"text/html": f"<h4>{html.escape(text)}</h4>"})


def message(text: str) -> dict:
    """A message in italics (nothing found, a choice to make)."""
    return bundle(text, {"text/html": f"<p><i>{html.escape(text)}</i></p>"})


def table_bundle(df: pd.DataFrame) -> dict:
    """A table, as text and as HTML (floats to 3 decimals)."""
    return bundle(df.to_string(index=False), {"text/html": df.to_html(index=False, float_format="{:.3f}".format)})


def figure_bundle(fig: plt.Figure, label: str) -> dict:
    """A figure as a PNG (then closed), ``label`` its text."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    plt.close(fig)
    return bundle(f"<Figure: {label}>", {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii")})


def plot_term_months(counts: pd.DataFrame, *, title: str = "Documents per month") -> plt.Figure:
    """A small bar chart of documents per month, articles and related items stacked.

    Parameters
    ----------
    counts : DataFrame
        From :func:`analysis.timeline` (``period`` and one count column per ``kind``).
    title : str
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus, timeline
    >>> from analysis.config import SEEDS_DIR
    >>> fig = plot_term_months(timeline(load_corpus(SEEDS_DIR)))
    >>> fig.axes[0].get_ylabel()
    'documents'
    """
    fig = _new((7.0, 2.4))
    ax = fig.add_subplot()
    x = range(len(counts))
    bottom = pd.Series(0, index=counts.index)
    for kind, color in KIND_COLORS.items():
        if kind in counts:
            ax.bar(x, counts[kind], bottom=bottom, color=color, label=kind, width=0.8)
            bottom = bottom + counts[kind]
    step = max(1, len(counts) // 12)
    ax.set_xticks(list(x)[::step], [f"{p:%Y-%m}" for p in counts["period"]][::step], rotation=45, ha="right",
                  fontsize=7)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set(title=title, xlabel="month published", ylabel="documents")
    ax.legend(loc="upper left", fontsize=7, frameon=False)  # not "best": its search grows with the bars
    return fig


def fill(out: widgets.Output, *items: dict) -> None:
    """Show ``items`` in ``out``, in place of what it showed."""
    out.outputs = tuple(items)
