"""Time and peak memory of the whole pipeline, the kit's against a hand-written one, side by side.

    python benchmarks/pipeline.py [--sizes 1000 10000] [--rounds 2] [--workdir DIR]

For each corpus size it writes a synthetic corpus (benchmarks/make_corpus.py) and runs, alternating
within each round: (a) benchmarks/handwritten.py, the pipeline a researcher writes in a notebook
(jieba.lcut on every document, a Counter, TfidfVectorizer and a dense cosine_similarity); (b) the
kit's ``python -m analysis report`` with an empty cache ("cold"); (c) the same command again on the
unchanged corpus ("up to date"); (d) ``--force`` with a warm cache ("warm rebuild"). Wall time is
the median over rounds; peak memory is the largest sum of resident memory over the whole process
tree (workers included), sampled every 20 ms. The hand-written pipeline is skipped where its dense
similarity matrix alone would not fit in this machine's memory.
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

from make_corpus import RELATED_PER_PAGE, make_corpus  # noqa: E402


def measure(cmd: list[str]) -> tuple[float, float]:
    """Run a command; return (seconds, peak resident MB of its process tree)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return seconds, peak / 2**20


def run_size(n: int, rounds: int, work: Path) -> dict[str, tuple[float, float]]:
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        make_corpus(n, corpus)
    docs = n * (1 + RELATED_PER_PAGE)
    dense_gb = 8 * docs**2 / 2**30
    can_handwrite = dense_gb * 2.5 < psutil.virtual_memory().available / 2**30
    py = sys.executable
    results: dict[str, list[tuple[float, float]]] = {}
    for _ in range(rounds):
        out, cache = work / f"out-{n}", work / f"cache-{n}"
        for d in (out, cache):
            shutil.rmtree(d, ignore_errors=True)
        steps = {
            "hand-written": [py, str(HERE / "handwritten.py"), str(corpus), str(work)] if can_handwrite else None,
            "kit, cold": [py, "-m", "analysis", "report", "-q", "--corpus", str(corpus), "--out", str(out),
                          "--cache-dir", str(cache)],
        }
        steps["kit, up to date"] = steps["kit, cold"]
        steps["kit, warm rebuild"] = [*steps["kit, cold"], "--force"]
        for name, cmd in steps.items():
            if cmd is not None:
                results.setdefault(name, []).append(measure(cmd))
    out = {k: (statistics.median(t for t, _ in v), max(m for _, m in v)) for k, v in results.items()}
    if not can_handwrite:
        print(f"  {n} pages: hand-written pipeline skipped: its dense {docs:,} x {docs:,} similarity matrix "
              f"needs {dense_gb:,.0f} GB")
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--workdir", type=Path, help="where corpora and outputs go (default: a temporary folder)")
    args = p.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="analysis-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; work in {work}\n")
    table = {n: run_size(n, args.rounds, work) for n in args.sizes}
    print(f"\n{'pages':>7s}  {'pipeline':20s} {'seconds':>9s} {'peak MB':>9s}  ratios")
    for n, res in table.items():
        hand = res.get("hand-written")
        cold = res["kit, cold"]
        for name, (sec, mb) in res.items():
            ratio = ""
            if name == "kit, cold" and hand:
                ratio = f"{hand[0] / sec:.1f}x faster, {mb / hand[1]:.2f}x the memory of hand-written"
            elif name != "hand-written" and name != "kit, cold":
                ratio = f"{cold[0] / sec:.1f}x faster than cold"
            print(f"{n:7,d}  {name:20s} {sec:9.2f} {mb:9.0f}  {ratio}")
    sizes = sorted(table)
    for a, b in zip(sizes, sizes[1:]):
        ta, tb = table[a]["kit, cold"][0], table[b]["kit, cold"][0]
        print(f"\nkit, cold: {b:,} pages take {tb / ta:.1f}x the time of {a:,} pages ({b / a:.0f}x the pages)")


if __name__ == "__main__":
    main()
