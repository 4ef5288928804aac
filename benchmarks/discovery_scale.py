"""Word discovery at a crawl's size: how its time and memory grow with the pages, against segmentation.

    python benchmarks/discovery_scale.py [--sizes 1000 10000] [--vocabulary realistic]

For each synthetic crawl (benchmarks/make_corpus.py) it runs, each in a process of its own forked
after the crawl is read, with one fresh segmentation cache for the crawl:

- segmentation: ``segment_many`` of the distinct texts discovery reads, the cache empty: the work
  every analysis of the crawl starts with, and the baseline of this benchmark;
- discovery: ``discover_words(docs, top=all)``, segmentation then read from the cache.

It prints the seconds and the memory each added to its process's peak, the candidates and accepted
words, discovery's time as a multiple of segmentation's, and each size's times as a multiple of the
size before, so that growth faster than the pages shows at once.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import crawl_options, crawls, measure  # noqa: E402

from analysis import configure, discover_words, read_corpus  # noqa: E402
from analysis.segmentation import segment_many  # noqa: E402
from analysis.tables import distinct, document_text  # noqa: E402


def main() -> None:
    rows = []
    for vocabulary, n, corpus in crawls(crawl_options(__doc__.splitlines()[0])):
        configure(cache_dir=Path(tempfile.mkdtemp(prefix="analysis-cache-")))
        docs = read_corpus(corpus)[0]
        texts = document_text(distinct(docs)).drop_duplicates().tolist()
        seg = measure(lambda: len(segment_many(texts)))  # noqa: B023 (run before the next size)
        found = measure(lambda: discover_words(docs, top=sys.maxsize)[["word", "accepted"]])  # noqa: B023
        table = found[2]
        rows.append((vocabulary, n, len(texts), sum(map(len, texts)), seg[0], found[0], seg[1], found[1],
                     len(table), int(table["accepted"].sum())))
        print(f"{vocabulary:10s} {n:7,d} pages: segmentation {seg[0]:.1f} s, discovery {found[0]:.1f} s",
              flush=True)
    print(f"\n{'vocabulary':10s} {'pages':>7s} {'texts':>8s} {'chars':>11s} {'seg s':>7s} {'disc s':>7s} "
          f"{'disc/seg':>8s} {'seg MB':>7s} {'disc MB':>7s} {'candidates':>10s} {'accepted':>8s} {'growth':>7s}")
    last = {}
    for v, n, texts, chars, ts, td, ms, md, candidates, accepted in rows:
        growth = f"{td / last[v]:7.1f}" if v in last else f"{'':7s}"
        last[v] = td
        print(f"{v:10s} {n:7,d} {texts:8,d} {chars:11,d} {ts:7.1f} {td:7.1f} {td / ts:8.2f} {ms:7,.0f} {md:7,.0f} "
              f"{candidates:10,d} {accepted:8,d} {growth}")


if __name__ == "__main__":
    main()
