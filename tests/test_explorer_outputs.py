"""What the explorer's Output widgets hold: bundles a notebook can store, readable as plain text."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from analysis.explorer_outputs import bundle, figure_bundle, fill, heading, message, plot_term_months, table_bundle


def test_bundles_carry_plain_text_and_a_richer_form():
    assert bundle("a")["data"] == {"text/plain": "a"}
    assert heading("<台灣>")["data"]["text/html"] == "<h4>&lt;台灣&gt;</h4>"  # escaped
    assert message("none")["data"]["text/html"] == "<p><i>none</i></p>"
    table = table_bundle(pd.DataFrame({"term": ["台灣"], "score": [1.23456]}))["data"]
    assert "台灣" in table["text/plain"] and "1.235" in table["text/html"]


def test_a_figure_becomes_a_png_and_is_closed():
    import matplotlib.pyplot as plt

    counts = pd.DataFrame({"period": pd.to_datetime(["2020-09-01", "2020-10-01"]), "article": [1, 0],
                           "related": [2, 3]})
    fig = plot_term_months(counts, title="台灣")
    assert fig.axes[0].get_title() == "台灣" and len(fig.axes[0].patches) == 4  # two kinds stacked, two months
    out = figure_bundle(fig, "label")
    assert out["data"]["text/plain"] == "<Figure: label>" and out["data"]["image/png"].startswith("iVBOR")
    assert not plt.fignum_exists(fig.number)


def test_fill_replaces_what_an_output_showed():
    out = widgets.Output()
    fill(out, heading("one"), message("two"))
    fill(out, heading("three"))
    assert [item["data"]["text/plain"] for item in out.outputs] == ["three"]
