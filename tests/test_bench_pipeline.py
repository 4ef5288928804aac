"""benchmarks/pipeline.py: the steps it runs, the cold run's seconds by step read from the report's own log,
and the curve of time against pages."""

import subprocess
import sys

from analysis.config import PROJ_ROOT, SEEDS_DIR

sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
from pipeline import (CURVE_STEPS, KIT_STEPS, chosen_steps, draw_curve, measure, step_seconds,  # noqa: E402
                      where_time_goes)


def test_the_kits_later_steps_bring_in_its_cold_run_and_the_order_is_kept():
    assert chosen_steps(["re-render", "hand-written"]) == ["hand-written", "cold", "re-render"]
    assert chosen_steps(["cold"]) == ["cold"]
    assert chosen_steps(["hand-written"]) == ["hand-written"]
    assert chosen_steps(list(KIT_STEPS)) == list(KIT_STEPS)


def test_a_reports_log_gives_every_step_it_times(tmp_path):
    """The pattern is checked against what the report really logs: a step renamed or reworded in the kit
    would otherwise drop out of the benchmark's table without a word."""
    seconds, pss, rss, log = measure([sys.executable, "-m", "analysis", "report", "-v", "--corpus", str(SEEDS_DIR),
                                      "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")])
    steps = step_seconds(log)
    logged = [line for line in log.splitlines() if " s   peak memory so far " in line]
    assert len(logged) >= 15
    assert {"reading", "segmenting and counting", "tf-idf model", "nearest neighbours", "stories", "related lists",
            "text reuse", "actors and quotes", "writing tables", "figures", "findings"} <= set(steps)
    assert not any(step.startswith("figure ") for step in steps)   # the twelve figures summed into one
    figures = [line for line in logged if line.startswith("analysis: figure ")]
    assert len(figures) == 12
    assert steps["figures"] == round(sum(float(line.split()[-8]) for line in figures), 6)
    assert steps["keyness"] == round(sum(float(line.split()[-8]) for line in logged
                                         if line.startswith("analysis: keyness ")), 6)  # logged twice, summed
    assert all(v >= 0 for v in steps.values()) and seconds > 0 and pss > 0 and rss > 0


def _table():
    steps = {n: {"reading": 0.1 * n / 100, "nearest neighbours": 0.1 * (n / 100) ** 2, "figures": 5.0,
                 "stories": 0.02 * n / 100} for n in (100, 1000)}
    return {("realistic", "txt", n): {"cold": (sum(s.values()), 500.0, 900.0), "steps": s, "skipped": None}
            for n, s in steps.items()}


def test_where_the_time_goes_gives_each_steps_share_and_growth(capsys):
    where_time_goes(_table())
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("nearest neighbours"))
    assert row.split() == ["nearest", "neighbours", "0.10", "10.00", "62%", "100.0"]
    assert next(line for line in out.splitlines() if line.startswith("figures")).split()[-1] == "1.0"


def test_the_curve_is_drawn_the_same_from_the_same_table(tmp_path):
    a = draw_curve(_table(), tmp_path / "a" / "scale")
    b = draw_curve(_table(), tmp_path / "b" / "scale")
    assert [p.name for p in a] == ["scale.png", "scale.svg"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    svg = a[1].read_text()
    assert all(step in svg for step in CURVE_STEPS) and "linear growth" in svg


def test_the_benchmark_runs_from_the_command_line_on_a_small_crawl(tmp_path):
    proc = subprocess.run([sys.executable, str(PROJ_ROOT / "benchmarks" / "pipeline.py"), "--sizes", "3", "6",
                           "--rounds", "1", "--vocabulary", "realistic", "--steps", "cold", "--workdir", str(tmp_path),
                           "--figure", str(tmp_path / "curve")], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Where the cold time goes (realistic, txt)" in proc.stdout
    assert "not run" in proc.stdout   # the steps left out are said to be, not shown as zero
    assert (tmp_path / "curve.png").is_file() and (tmp_path / "curve.svg").is_file()
