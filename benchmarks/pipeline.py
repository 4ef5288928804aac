"""Time and peak memory of the whole pipeline at several corpus sizes, in one table from one run.

    python benchmarks/pipeline.py [--sizes 1000 10000] [--rounds 2] [--vocabulary seed realistic]
                                  [--format txt html jsonl] [--top 30] [--workdir DIR]

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
- cold: ``python -m analysis report -q --corpus C --out O --cache-dir K`` with empty O and K;
- up to date: the same command again, nothing changed;
- warm rebuild: the same with ``--force`` (the segmentation cache is warm);
- incremental: a copy of the crawl with 1% more pages (the generator's continuation of the same
  crawl: later articles, whose related lists recycle earlier ones), reported into the same O with
  the same K: the time to bring every table up to date;
- re-render: that again with another presentation option (``--top 30``).

Wall time is the median over rounds; peak memory is the largest sum over the whole process tree
(workers included), sampled every 20 ms (PSS every 0.5 s), of each process's proportional set size (PSS: its own pages,
and its share of pages it shares with others, such as a forked worker's copy of its parent) and, beside
it, of resident set sizes (RSS, which counts each shared page once per process sharing it). Ratios
are against the kit's cold run of the same size in the same run. Under the table, "time against
pages" gives how each time grows between consecutive sizes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import FORMATS, RELATED_PER_PAGE, VOCABULARIES, make_corpus  # noqa: E402

KIT_STEPS = ("cold", "up to date", "warm rebuild", "incremental", "re-render")
GROWTH = 0.01   # the incremental step adds this share of pages
PSS_EVERY = 25  # PSS is read every 25th sample (0.5 s): reading it costs the sampler a share of a core


def _pss(p: psutil.Process) -> int:
    """A process's proportional set size where the platform reports one (Linux), else its resident size."""
    try:
        return p.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return p.memory_info().rss


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """Run a command; return (seconds, peak summed PSS MB, peak summed RSS MB of its process tree)."""
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
    return seconds, peak_pss / 2**20, peak / 2**20


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


def _corpora(n: int, vocabulary: str, work: Path, fmt: str = "txt") -> tuple[Path, Path, int]:
    """The n-page crawl and a copy grown by 1% (the same crawl continued); the number of pages added."""
    base = _base(n, vocabulary, fmt, work)
    corpus, grown = base / "corpus", base / "corpus-grown"
    extra = max(1, round(n * GROWTH))
    t0 = time.perf_counter()
    _write_once(corpus, lambda tmp: make_corpus(n, tmp, vocabulary=vocabulary, fmt=fmt))

    def grow(tmp: Path) -> None:
        shutil.copytree(corpus, tmp)
        make_corpus(n, tmp, vocabulary=vocabulary, extend=extra, fmt=fmt)

    _write_once(grown, grow)
    mb = sum(p.stat().st_size for p in corpus.iterdir()) / 2**20
    print(f"  {vocabulary} {n:,} pages ({fmt}): {mb:,.0f} MB on disk, +{extra:,} pages for the incremental step "
          f"(ready in {time.perf_counter() - t0:.0f} s)", flush=True)
    return corpus, grown, extra


def run_size(n: int, vocabulary: str, rounds: int, work: Path, top: int, fmt: str = "txt") -> dict:
    """Every step's (median seconds, largest peak MB) for one crawl, and why the hand-written one was skipped."""
    corpus, grown, extra = _corpora(n, vocabulary, work, fmt)
    base = _base(n, vocabulary, fmt, work)
    docs = n * (1 + RELATED_PER_PAGE)
    dense_gb = 8 * docs**2 / 2**30
    can_handwrite = fmt == "txt" and dense_gb * 2.5 < psutil.virtual_memory().available / 2**30
    py = sys.executable
    out, cache, hand_out = base / "out", base / "cache", base / "hand-written"

    def report(c: Path, *extra_args: str) -> list[str]:
        return [py, "-m", "analysis", "report", "-q", "--corpus", str(c), "--out", str(out),
                "--cache-dir", str(cache), *extra_args]

    steps = {
        "hand-written": [py, str(HERE / "handwritten.py"), str(corpus), str(hand_out)] if can_handwrite else None,
        "cold": report(corpus),
        "up to date": report(corpus),
        "warm rebuild": report(corpus, "--force"),
        "incremental": report(grown),
        "re-render": report(grown, "--top", str(top)),
    }
    results: dict[str, list[tuple[float, float, float]]] = {}
    for r in range(rounds):
        for d in (out, cache, hand_out):
            shutil.rmtree(d, ignore_errors=True)
        hand_out.mkdir(parents=True)
        for name, cmd in steps.items():
            if cmd is not None:
                results.setdefault(name, []).append(measure(cmd))
                sec, pss, rss = results[name][-1]
                print(f"    round {r + 1}: {name:13s} {sec:9.2f} s {pss:8,.0f} MB PSS {rss:8,.0f} MB RSS", flush=True)
    res = {k: (statistics.median(t for t, _, _ in v), max(m for _, m, _ in v), max(m for _, _, m in v))
           for k, v in results.items()}
    res["skipped"] = (None if can_handwrite else "text pages only" if fmt != "txt"
                      else f"skipped: needs {dense_gb * 2.5:,.0f} GB")
    res["extra"] = extra
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
        cold = res["cold"][0]
        kit_mb = max(res[s][1] for s in KIT_STEPS)
        kit_rss = max(res[s][2] for s in KIT_STEPS)
        row = [vocabulary, fmt, f"{n:,}", f"{cold:.2f}"]
        row += [f"{res[s][0]:.2f} ({res[s][0] / cold:.2f}x)" for s in KIT_STEPS[1:]]
        row.append(f"{kit_mb:,.0f} / {kit_rss:,.0f}")
        hand = res.get("hand-written")
        if hand:
            row += [f"{hand[0]:.2f} ({hand[0] / cold:.1f}x)", f"{hand[1]:,.0f} ({hand[1] / kit_mb:.1f}x)"]
        else:
            row += [res["skipped"], ""]
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
    args = p.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="analysis-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; work in {work}\n",
          flush=True)
    table = {}
    for vocabulary in dict.fromkeys(args.vocabulary):
        for fmt in dict.fromkeys(args.formats):
            for n in sorted(set(args.sizes)):
                table[vocabulary, fmt, n] = run_size(n, vocabulary, args.rounds, work, args.top, fmt)
    print()
    print_table(table, args.top)
    print_growth(table)


if __name__ == "__main__":
    main()
