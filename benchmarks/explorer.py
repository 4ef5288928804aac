"""How fast the explorer answers: its three actions timed on the seed page and on synthetic crawls.

    python benchmarks/explorer.py [--pages 1000 10000] [--corpus PATH ...] [--rounds 3] [--workdir DIR]

For each corpus (the seed page, then each ``--corpus`` folder, then a crawl of each ``--pages`` size
written by benchmarks/make_corpus.py into the work folder, reused when already there) it times
loading the corpus and building ``Explorer(docs)`` once, then each action as a user triggers it:

- **term**: a typed term, its concordance, documents per month and collocates (``show_term``), for a
  name (克拉夫特) and for the corpus's most frequent term, the worst case;
- **groups**: two groups compared, related items against articles (``show_groups("kind", ...)``),
  and the busiest month against the month before it (``show_groups("month", ...)``);
- **document**: a document's nearest neighbours and shared passages (``show_document``), for the
  first article and for the related item recycled on the most pages.

Each action is timed on its first call (what a user waits for) and as the median of ``--rounds``
repeats, in wall-clock seconds and in CPU seconds of this process (on a shared machine the wall
clock also counts the time other processes took). The explorer must answer within a second on the
seed page and within a few seconds on 10,000 pages; the last column says whether each action does,
first call and repeats alike, by the wall clock (``LIMITS``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_corpus import make_corpus  # noqa: E402

from analysis import load_corpus  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402
from analysis.explorer import Explorer  # noqa: E402

#: Seconds an action may take: one on the seed page, a few (here 3) on a crawl of 10,000 pages.
LIMITS = {"seed": 1.0, "crawl": 3.0}
NAME = "克拉夫特"


def _timed(action: Callable[[], object], rounds: int = 0) -> tuple[float, float, float]:
    """Wall seconds of the first call, median wall seconds of ``rounds`` more, and median CPU seconds of all."""
    wall, cpu = [], []
    for _ in range(rounds + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall[0], statistics.median(wall[1:]) if rounds else wall[0], statistics.median(cpu)


def _actions(ex: Explorer) -> dict[str, Callable[[], object]]:
    docs = ex.docs
    months = docs.loc[docs["month"] != "", "month"].value_counts()
    busiest = months.sort_index().idxmax() if len(months) else ""
    before = max((m for m in ex.group_values["month"] if m and m < busiest), default="")
    article = docs.loc[docs["kind"] == "article", "doc_id"].iloc[0]
    copies = docs.loc[docs["kind"] == "related"].groupby("content_id")["page_id"].nunique()
    recycled = docs.loc[docs["content_id"] == copies.idxmax(), "doc_id"].iloc[0] if len(copies) else article
    frequent = ex.vocabulary.index[0]
    return {
        f"term: {NAME}": lambda: ex.show_term(NAME),
        f"term: {frequent} (most frequent)": lambda: ex.show_term(frequent),
        "groups: related vs article": lambda: ex.show_groups("kind", "related", "article"),
        f"groups: month {busiest} vs {before}": lambda: ex.show_groups("month", busiest, before),
        "document: find a title's word (台灣)": lambda: ex.show_matches("台灣"),
        "document: first article": lambda: ex.show_document(article),
        "document: most recycled item": lambda: ex.show_document(recycled),
    }


def bench(corpus: Path, label: str, rounds: int) -> list[tuple[str, float, float, float]]:
    """Time loading, building and each action on ``corpus``; one row per step."""
    found: dict = {}
    rows = [("load_corpus", *_timed(lambda: found.update(docs=load_corpus(corpus))))]
    docs = found["docs"]
    rows.append(("Explorer(docs)", *_timed(lambda: found.update(explorer=Explorer(docs)))))
    print(f"{label}: {docs['page_id'].nunique():,} pages, {len(docs):,} documents, "
          f"{docs['content_id'].nunique():,} distinct texts; built in {rows[1][1]:.1f} s", flush=True)
    for name, action in _actions(found["explorer"]).items():
        rows.append((name, *_timed(action, rounds)))
        print(f"  {name}: {rows[-1][1]:.2f} s", flush=True)
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, nargs="*", default=[1000, 10000],
                   help="sizes of synthetic crawls to write and time (default: 1000 10000)")
    p.add_argument("--corpus", type=Path, nargs="*", default=[], help="other corpora to time, as they are")
    p.add_argument("--rounds", type=int, default=3, help="repeats of each action after the first call")
    p.add_argument("--workdir", type=Path, help="where synthetic crawls go (default: a temporary folder)")
    args = p.parse_args()
    corpora = [(SEEDS_DIR, "seed page", "seed"), *[(c, str(c), "crawl") for c in args.corpus]]
    if args.pages:
        work = args.workdir or Path(tempfile.mkdtemp(prefix="analysis-explorer-"))
        for n in args.pages:
            folder = work / f"crawl-{n}"
            if not folder.is_dir():
                make_corpus(n, folder)
            corpora.append((folder, f"{n:,} synthetic pages", "crawl"))
    results = [(label, limit, bench(corpus, label, args.rounds)) for corpus, label, limit in corpora]
    print(f"\n{'corpus':22s} {'step':40s} {'first s':>8s} {'median s':>9s} {'CPU s':>7s}  within limit")
    for label, limit, rows in results:
        for name, first, median, cpu in rows:
            verdict = "" if name in ("load_corpus", "Explorer(docs)") else \
                f"{'yes' if max(first, median) <= LIMITS[limit] else 'NO'} (<= {LIMITS[limit]:g} s)"
            print(f"{label:22s} {name:40s} {first:8.2f} {median:9.2f} {cpu:7.2f}  {verdict}")


if __name__ == "__main__":
    main()
