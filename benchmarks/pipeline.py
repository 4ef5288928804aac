"""Time and peak memory of the whole pipeline at several corpus sizes, in one table from one run.

    python benchmarks/pipeline.py [--sizes 1000 10000] [--rounds 2] [--vocabulary seed realistic]
                                  [--format txt html jsonl] [--top 30] [--workdir DIR]
                                  [--steps hand-written cold ...] [--figure PATH]

For each vocabulary of benchmarks/make_corpus.py (``seed``: the seed page's sentences recombined,
some 700 terms, the neighbour search's worst case; ``realistic``: a crawl with a Zipf vocabulary
that grows with the pages, stories and recycled related items) and each size, it writes a synthetic
crawl (with ``--format html``, also the same crawl as saved web pages: benchmarks/web_pages.py; with
``--format jsonl``, as one scraper's JSON Lines export, a row a document) and
runs, in order within each round:

- hand-written: benchmarks/handwritten.py, the pipeline a researcher writes in a notebook (jieba.lcut
  on every document, a Counter, TfidfVectorizer and a dense cosine_similarity); skipped where its
  dense similarity matrix would not fit in this machine's memory, and for text pages only (it reads
  no HTML);
- cold: ``python -m analysis report -v --corpus C --out O --cache-dir K`` with empty O and K (logged, for
  its steps' seconds; the steps below run with ``-q``);
- up to date: the same command again, nothing changed;
- warm rebuild: the same with ``--force`` (the segmentation cache is warm);
- incremental: a copy of the crawl with 1% more pages (the generator's continuation of the same
  crawl: later articles, whose related lists recycle earlier ones), reported into the same O with
  the same K: the time to bring every table up to date;
- re-render: that again with another presentation option (``--top 30``).

``--steps`` runs some of these only (the kit's later steps need its cold run, which they bring in).
The cold run is logged (``-v``): "where the cold time goes" gives each step's seconds as the report
logs them (the median over rounds), its share of the whole run at the largest size and its growth
between sizes. ``--figure PATH`` draws the whole run and its main steps against the pages
(``PATH.png`` and ``PATH.svg``, log-log, beside lines of linear and quadratic growth).

Wall time is the median over rounds; peak memory is the largest sum over the whole process tree
(workers included), sampled every 20 ms (PSS every 0.5 s), of each process's proportional set size (PSS: its own pages,
and its share of pages it shares with others, such as a forked worker's copy of its parent) and, beside
it, of resident set sizes (RSS, which counts each shared page once per process sharing it). Ratios
are against the kit's cold run of the same size in the same run. Under the table, "time against
pages" gives how each time grows between consecutive sizes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import FORMATS, RELATED_PER_PAGE, VOCABULARIES, make_corpus  # noqa: E402

KIT_STEPS = ("cold", "up to date", "warm rebuild", "incremental", "re-render")
ALL_STEPS = ["hand-written", *KIT_STEPS]
GROWTH = 0.01   # the incremental step adds this share of pages
PSS_EVERY = 25  # PSS is read every 25th sample (0.5 s): reading it costs the sampler a share of a core


def _pss(p: psutil.Process) -> int:
    """A process's proportional set size where the platform reports one (Linux), else its resident size."""
    try:
        return p.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return p.memory_info().rss


def measure(cmd: list[str]) -> tuple[float, float, float, str]:
    """Run a command; return (seconds, peak summed PSS MB, peak summed RSS MB of its process tree, what it
    wrote to standard error)."""
    with tempfile.TemporaryFile() as err:   # a file, not a pipe: a chatty command cannot block on it
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        root = psutil.Process(proc.pid)
        peak = peak_pss = 0
        sample = 0
        while proc.poll() is None:
            try:
                procs = [p for p in (root, *root.children(recursive=True)) if p.is_running()]
                peak = max(peak, sum(p.memory_info().rss for p in procs))
                if sample % PSS_EVERY == 0:  # the kernel walks every page for it: not at every sample
                    peak_pss = max(peak_pss, sum(_pss(p) for p in procs))
            except psutil.Error:
                pass
            sample += 1
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed: {err.read().decode(errors='replace')[-2000:]}")
        err.seek(0)
        log = err.read().decode(errors="replace")
    return seconds, peak_pss / 2**20, peak / 2**20, log


#: A step's line in the report's log (``-v``): "analysis: <step>   <seconds> s   peak memory so far ...".
STEP_LINE = re.compile(r"^analysis: (?P<step>\S.*?)\s{2,}(?P<seconds>[\d.]+) s\s+peak memory", re.MULTILINE)


def step_seconds(log: str) -> dict[str, float]:
    """Each step's seconds in a report's log, in the order first logged: a step logged twice (the keyness of the
    related items, then of the busiest month) summed, and the figures summed into one step ("figures").

    >>> step_seconds("analysis: reading   1.30 s   peak memory so far  273 MB\\n"
    ...              "analysis: figure timeline  0.33 s   peak memory so far  423 MB\\n"
    ...              "analysis: figure bursts  0.22 s   peak memory so far  423 MB\\n")
    {'reading': 1.3, 'figures': 0.55}
    """
    steps: dict[str, float] = {}
    for m in STEP_LINE.finditer(log):
        step = "figures" if m["step"].startswith("figure ") else m["step"]
        steps[step] = round(steps.get(step, 0.0) + float(m["seconds"]), 6)
    return steps


def _write_once(folder: Path, write) -> None:
    """Make ``folder`` with ``write(tmp)`` unless it exists: an interrupted run leaves no half-written crawl."""
    if folder.exists():
        return
    tmp = folder.with_name(folder.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    write(tmp)
    tmp.rename(folder)


def _base(n: int, vocabulary: str, fmt: str, work: Path) -> Path:
    return work / (f"{vocabulary}-{n}" if fmt == "txt" else f"{vocabulary}-{fmt}-{n}")


def _corpora(n: int, vocabulary: str, work: Path, fmt: str = "txt", *, grown: bool = True
             ) -> tuple[Path, Path | None, int]:
    """The n-page crawl and (with ``grown``) a copy grown by 1% (the same crawl continued); the number of pages
    added."""
    base = _base(n, vocabulary, fmt, work)
    corpus = base / "corpus"
    extra = max(1, round(n * GROWTH))
    t0 = time.perf_counter()
    _write_once(corpus, lambda tmp: make_corpus(n, tmp, vocabulary=vocabulary, fmt=fmt))

    def grow(tmp: Path) -> None:
        shutil.copytree(corpus, tmp)
        make_corpus(n, tmp, vocabulary=vocabulary, extend=extra, fmt=fmt)

    if grown:
        _write_once(base / "corpus-grown", grow)
    mb = sum(p.stat().st_size for p in corpus.iterdir()) / 2**20
    more = f", +{extra:,} pages for the incremental step" if grown else ""
    print(f"  {vocabulary} {n:,} pages ({fmt}): {mb:,.0f} MB on disk{more} "
          f"(ready in {time.perf_counter() - t0:.0f} s)", flush=True)
    return corpus, base / "corpus-grown" if grown else None, extra


def chosen_steps(steps: list[str]) -> list[str]:
    """The steps to run in their order: the kit's steps after its cold run bring it in.

    >>> chosen_steps(["incremental"]), chosen_steps(["hand-written"])
    (['cold', 'incremental'], ['hand-written'])
    """
    wanted = set(steps) | ({"cold"} if set(steps) & set(KIT_STEPS[1:]) else set())
    return [s for s in ALL_STEPS if s in wanted]


def run_size(n: int, vocabulary: str, rounds: int, work: Path, top: int, fmt: str = "txt", *,
             steps: list[str] = ALL_STEPS) -> dict:
    """Every chosen step's (median seconds, largest peak MB PSS, largest peak MB RSS) for one crawl, why the
    hand-written one was skipped, and the cold run's median seconds by step ("steps")."""
    steps = chosen_steps(steps)
    corpus, grown, extra = _corpora(n, vocabulary, work, fmt, grown=bool({"incremental", "re-render"} & set(steps)))
    base = _base(n, vocabulary, fmt, work)
    docs = n * (1 + RELATED_PER_PAGE)
    dense_gb = 8 * docs**2 / 2**30
    can_handwrite = fmt == "txt" and dense_gb * 2.5 < psutil.virtual_memory().available / 2**30
    py = sys.executable
    out, cache, hand_out = base / "out", base / "cache", base / "hand-written"

    def report(c: Path | None, *extra_args: str) -> list[str]:
        return [py, "-m", "analysis", "report", "--corpus", str(c), "--out", str(out),
                "--cache-dir", str(cache), *extra_args]

    commands = {
        "hand-written": [py, str(HERE / "handwritten.py"), str(corpus), str(hand_out)] if can_handwrite else None,
        "cold": report(corpus, "-v"),  # logged: its steps' seconds
        "up to date": report(corpus, "-q"),
        "warm rebuild": report(corpus, "-q", "--force"),
        "incremental": report(grown, "-q"),
        "re-render": report(grown, "-q", "--top", str(top)),
    }
    results: dict[str, list[tuple[float, float, float]]] = {}
    by_step: list[dict[str, float]] = []
    for r in range(rounds):
        for d in (out, cache, hand_out):
            shutil.rmtree(d, ignore_errors=True)
        hand_out.mkdir(parents=True)
        for name in steps:
            if commands[name] is not None:
                sec, pss, rss, log = measure(commands[name])
                results.setdefault(name, []).append((sec, pss, rss))
                if name == "cold":
                    by_step.append(step_seconds(log))
                print(f"    round {r + 1}: {name:13s} {sec:9.2f} s {pss:8,.0f} MB PSS {rss:8,.0f} MB RSS", flush=True)
    res: dict = {k: (statistics.median(t for t, _, _ in v), max(m for _, m, _ in v), max(m for _, _, m in v))
                 for k, v in results.items()}
    res["skipped"] = (None if can_handwrite else "text pages only" if fmt != "txt"
                      else f"skipped: needs {dense_gb * 2.5:,.0f} GB")
    res["extra"] = extra
    res["steps"] = {step: statistics.median(d.get(step, 0.0) for d in by_step)
                    for step in dict.fromkeys(k for d in by_step for k in d)}
    return res


def _table(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_table(table: dict[tuple[str, str, int], dict], top: int) -> None:
    head = ["vocabulary", "format", "pages", "cold s", "up to date", "warm rebuild", "incremental +1%",
            f"re-render --top {top}", "kit peak MB PSS / RSS", "hand-written s", "hand-written MB"]
    rows = [head]
    for (vocabulary, fmt, n), res in table.items():
        ran = [s for s in KIT_STEPS if s in res]
        row = [vocabulary, fmt, f"{n:,}"]
        if not ran:
            rows.append([*row, *("not run" for _ in head[3:])])
            continue
        cold = res["cold"][0]
        kit_mb = max(res[s][1] for s in ran)
        kit_rss = max(res[s][2] for s in ran)
        row.append(f"{cold:.2f}")
        row += [f"{res[s][0]:.2f} ({res[s][0] / cold:.2f}x)" if s in res else "not run" for s in KIT_STEPS[1:]]
        row.append(f"{kit_mb:,.0f} / {kit_rss:,.0f}")
        hand = res.get("hand-written")
        if hand:
            row += [f"{hand[0]:.2f} ({hand[0] / cold:.1f}x)", f"{hand[1]:,.0f} ({hand[1] / kit_mb:.1f}x)"]
        else:
            row += [res["skipped"] or "not run", ""]
        rows.append(row)
    print(_table(rows, right=set(range(2, len(head)))))
    print("Seconds are wall-clock medians. (x) after a kit time: that time over the kit's cold time; after the\n"
          "hand-written time: its time over the kit's cold time; after its memory: its peak over the kit's peak.\n"
          "Peak MB: the largest memory of the whole process tree (workers included) over every kit step, as\n"
          "summed PSS (shared pages divided among the processes sharing them) / summed RSS (counted in each).")


def print_growth(table: dict[tuple[str, str, int], dict]) -> None:
    steps = [*KIT_STEPS, "hand-written"]
    rows = [["vocabulary", "format", "pages", "pages x", *(f"{s} x" for s in steps)]]
    for vocabulary, fmt in dict.fromkeys((v, f) for v, f, _ in table):
        sizes = sorted(n for v, f, n in table if (v, f) == (vocabulary, fmt))
        for a, b in zip(sizes, sizes[1:]):
            ra, rb = table[vocabulary, fmt, a], table[vocabulary, fmt, b]
            cells = [f"{rb[s][0] / ra[s][0]:.1f}" if ra.get(s) and rb.get(s) else "" for s in steps]
            rows.append([vocabulary, fmt, f"{a:,} -> {b:,}", f"{b / a:.1f}", *cells])
    if len(rows) > 1:
        print("\nTime against pages: each time at the larger size over the time at the smaller one "
              "(1.0 x the pages ratio is linear).")
        print(_table(rows, right=set(range(3, len(rows[0])))))


#: Seconds below which a step's growth is not given: the log's two decimals and the machine's noise.
NOISE = 0.05


def where_time_goes(table: dict[tuple[str, str, int], dict]) -> None:
    """For each crawl, the cold run's seconds by step at each size, each step's share of the whole run at the
    largest size, and its growth between consecutive sizes."""
    for vocabulary, fmt in dict.fromkeys((v, f) for v, f, _ in table):
        sizes = sorted(n for v, f, n in table if (v, f) == (vocabulary, fmt) and table[v, f, n].get("steps"))
        if not sizes:
            continue
        steps = list(dict.fromkeys(k for n in sizes for k in table[vocabulary, fmt, n]["steps"]))
        whole = {n: table[vocabulary, fmt, n]["cold"][0] for n in sizes}
        growth = [f"{a:,} -> {b:,} x" for a, b in zip(sizes, sizes[1:])]
        rows = [["step", *(f"{n:,} s" for n in sizes), f"share at {sizes[-1]:,}", *growth]]
        for step in [*steps, "whole run"]:
            sec = {n: whole[n] if step == "whole run" else table[vocabulary, fmt, n]["steps"].get(step, 0.0)
                   for n in sizes}
            rows.append([step, *(f"{sec[n]:,.2f}" for n in sizes), f"{sec[sizes[-1]] / whole[sizes[-1]]:.0%}",
                         *(f"{sec[b] / sec[a]:.1f}" if min(sec[a], sec[b]) >= NOISE else ""
                           for a, b in zip(sizes, sizes[1:]))])
        print(f"\nWhere the cold time goes ({vocabulary}, {fmt}): each step's seconds as the report logs them. The"
              "\ntables and figures are summed over the workers that draw them side by side, and up to 100,000"
              "\ndocuments the actors run beside the steps that compare texts: the steps add up to more than the"
              "\nwhole run, which is wall-clock time. Growth is left out for steps under "
              f"{NOISE} s.")
        print(_table(rows, right=set(range(1, len(rows[0])))))


#: The steps drawn by :func:`draw_curve` on their own; the others are drawn summed as "the other steps".
CURVE_STEPS = ("reading", "segmenting and counting", "nearest neighbours", "actors and quotes", "figures")


def draw_curve(table: dict[tuple[str, str, int], dict], path: Path) -> list[Path]:
    """Draw the cold run's time against the pages (log-log) for each crawl of two sizes or more: the whole
    run, the steps of :data:`CURVE_STEPS` and the rest of the steps summed, beside lines of linear and
    quadratic growth from the whole run's smallest size; save ``path.png`` and ``path.svg``."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    from analysis.plots import save_figure

    crawls = [(v, f) for v, f in dict.fromkeys((v, f) for v, f, _ in table)
              if sum(bool(table[v, f, n].get("steps")) for vv, ff, n in table if (vv, ff) == (v, f)) >= 2]
    if not crawls:
        raise SystemExit("--figure needs the cold run at two sizes or more")
    fig, axes = plt.subplots(1, len(crawls), figsize=(8.4 * len(crawls), 4.8), squeeze=False, layout="constrained")
    for ax, (vocabulary, fmt) in zip(axes[0], crawls):
        sizes = np.array(sorted(n for v, f, n in table if (v, f) == (vocabulary, fmt)
                                and table[v, f, n].get("steps")))
        runs = [table[vocabulary, fmt, n] for n in sizes]
        whole = np.array([r["cold"][0] for r in runs])
        ax.plot(sizes, whole, "o-", color="black", lw=2, label="whole run (wall clock)")
        for step in CURVE_STEPS:
            ax.plot(sizes, [r["steps"].get(step) or np.nan for r in runs], "o-", lw=1.2, label=step)
        rest = [sum(v for k, v in r["steps"].items() if k not in CURVE_STEPS) for r in runs]
        ax.plot(sizes, rest, "o-", lw=1.2, label="the other steps (summed)")
        scale = sizes / sizes[0]
        ax.plot(sizes, whole[0] * scale, ":", color="grey", label="linear growth")
        ax.plot(sizes, whole[0] * scale**2, "--", color="grey", lw=0.8, label="quadratic growth")
        ax.set(xscale="log", yscale="log", xlabel="pages", ylabel="seconds",
               title=f"the report, cold: {vocabulary} crawl ({fmt})")
        ax.set_ylim(NOISE, whole.max() * 3)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xticks(sizes)
        ax.grid(True, which="major", lw=0.4, alpha=0.5)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return save_figure(fig, path)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="pages (e.g. 1000 10000 30000 100000)")
    p.add_argument("--rounds", type=int, default=2, help="runs of every step; times are medians")
    p.add_argument("--vocabulary", nargs="+", choices=VOCABULARIES, default=list(VOCABULARIES),
                   help="which synthetic crawls: seed (dense worst case), realistic, or both (default)")
    p.add_argument("--format", nargs="+", choices=FORMATS, default=["txt"], dest="formats",
                   help="how the crawls are written: txt (text pages, default), html (saved web pages), jsonl (one "
                        "JSON Lines export), or several")
    p.add_argument("--top", type=int, default=30, help="the --top of the re-render step (the report's default is 20)")
    p.add_argument("--workdir", type=Path,
                   help="where crawls and outputs go; crawls found there are reused (default: a temporary folder)")
    p.add_argument("--steps", nargs="+", choices=ALL_STEPS, default=ALL_STEPS,
                   help="which steps to run (default: all; the kit's later steps need its cold run, which they "
                        "bring in)")
    p.add_argument("--figure", type=Path, help="draw the cold time against the pages as PATH.png and PATH.svg")
    args = p.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="analysis-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; work in {work}\n",
          flush=True)
    table = {}
    for vocabulary in dict.fromkeys(args.vocabulary):
        for fmt in dict.fromkeys(args.formats):
            for n in sorted(set(args.sizes)):
                table[vocabulary, fmt, n] = run_size(n, vocabulary, args.rounds, work, args.top, fmt,
                                                     steps=args.steps)
    print()
    print_table(table, args.top)
    print_growth(table)
    where_time_goes(table)
    if args.figure:
        print("\nfigure:", *draw_curve(table, args.figure))


if __name__ == "__main__":
    main()
