"""The report's figures and findings drawn again from its tables (analysis.rendering)."""

from __future__ import annotations

import pytest

from analysis.rendering import FIGURE_OPTIONS, FIGURES, check_figures, figure_options, render_report


def test_render_report_keeps_the_unchanged_figures_whose_files_are_there(seed_report, tmp_path):
    import shutil

    out = tmp_path / "report"
    shutil.copytree(seed_report[0], out)
    figures = out / "figures"
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in figures.iterdir()}
    (figures / "timeline.svg").unlink()
    rep = render_report(out, top=20, unchanged=figure_options(top=20))
    drawn = sorted(name.removeprefix("figure ") for name in rep.timings if name.startswith("figure "))
    assert drawn == ["timeline"]  # its SVG was missing: drawn again, both files
    after = {p.name: (p.stat().st_ino, p.read_bytes()) for p in figures.iterdir()}
    assert {name: b for name, (_, b) in after.items()} == {name: b for name, (_, b) in before.items()}
    assert sorted(name for name in after if after[name][0] != before[name][0]) == ["timeline.png", "timeline.svg"]
    built = [f.relative_to(seed_report[0]) for f in seed_report[1].files if f.parent.name == "figures"]
    assert [f.relative_to(out) for f in rep.files[:-1]] == built  # every figure listed, kept or drawn, in order


def test_the_figures_said_to_ignore_an_option_draw_the_same_bytes_whatever_it_is(seed_report, tmp_path):
    """What lets a redraw keep a figure (FIGURE_OPTIONS): a figure that does not list ``top`` ignores it."""
    ignoring = [name for name in FIGURES if "top" not in FIGURE_OPTIONS.get(name, ())]
    drawn = {}
    for top in (3, 40):
        out = tmp_path / f"top-{top}"
        (out / "tables").mkdir(parents=True)
        for table in (seed_report[0] / "tables").glob("*.parquet"):
            (out / "tables" / table.name).write_bytes(table.read_bytes())
        render_report(out, top=top, figures=ignoring)
        drawn[top] = {p.name: p.read_bytes() for p in (out / "figures").iterdir()}
    assert len(drawn[3]) == 2 * len(ignoring) and drawn[3] == drawn[40]
    assert "top_terms" not in ignoring and "top_actors" not in ignoring


def test_a_redraw_imports_none_of_the_libraries_only_the_computing_steps_need(seed_report, tmp_path):
    """Redrawing (``--top``) reads tables and draws: scikit-learn, scipy.stats and datasketch (some 0.9 s of
    imports between them) are imported where a model is fitted or text reuse is searched, not by the report's
    modules, so a redraw in a fresh process never loads them."""
    import shutil
    import subprocess
    import sys

    out = tmp_path / "report"
    shutil.copytree(seed_report[0], out)
    script = ("import sys\nfrom analysis.cli import main\nfrom analysis.report import build_report\n"
              "from analysis.rendering import render_report\n"
              f"render_report({str(out)!r}, top=7)\n"
              "print(sorted(m for m in ('sklearn', 'scipy.stats', 'datasketch') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "[]", done.stdout + done.stderr
    assert (out / "figures" / "top_terms.png").exists()


def test_check_figures_orders_the_names_and_refuses_an_unknown_one():
    assert check_figures(None) == FIGURES
    assert check_figures(["bursts", "top_terms", "bursts"]) == ("top_terms", "bursts")
    with pytest.raises(ValueError, match="no figure 'heatmap' in the report; its figures: top_terms, "):
        check_figures(["heatmap"])


def test_render_report_refuses_a_folder_without_tables(tmp_path):
    from analysis import CorpusError

    with pytest.raises(CorpusError):
        render_report(tmp_path)
