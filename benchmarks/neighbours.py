"""Time and recall of the neighbour search, exact against approximate, on synthetic crawls.

    python benchmarks/neighbours.py [--sizes 1000 10000] [--top 20] [--vocabulary seed realistic]

For each crawl (benchmarks/make_corpus.py) it fits the report's TF-IDF model, then runs
analysis.neighbours.top_k with method="exact" and method="approximate" in turn, and prints the
seconds of each (the approximate one after a first call that compiles it), their ratio, and the
recall of the approximate search: the share of the exact top-k pairs it also returns.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_corpus import make_corpus  # noqa: E402

from analysis import read_corpus, tfidf_model  # noqa: E402
from analysis import neighbours as nb  # noqa: E402
from analysis.tables import distinct  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--vocabulary", nargs="+", default=["seed", "realistic"])
    p.add_argument("--workdir", type=Path)
    args = p.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="analysis-neighbours-"))
    rows = []
    warm = False
    for vocabulary in args.vocabulary:
        for n in args.sizes:
            corpus = work / f"{vocabulary}-{n}"
            if not corpus.exists():
                make_corpus(n, corpus, vocabulary=vocabulary)
            docs = distinct(read_corpus(corpus)[0])
            X = tfidf_model(docs).transform(docs)
            if not warm:  # the approximate search compiles on its first call in a process
                nb.top_k(X[:200], 5, method="approximate")
                warm = True
            t0 = time.perf_counter()
            exact = nb.top_k(X, args.top, method="exact")
            t1 = time.perf_counter()
            approx = nb.top_k(X, args.top, method="approximate")
            t2 = time.perf_counter()
            truth = set(zip(exact[0].tolist(), exact[1].tolist()))
            found = set(zip(approx[0].tolist(), approx[1].tolist()))
            recall = len(truth & found) / max(1, len(truth))
            rows.append((vocabulary, n, X.shape[0], X.shape[1], t1 - t0, t2 - t1, recall))
            print(f"{vocabulary:10s} {n:7,d} pages: exact {t1 - t0:7.2f} s, approximate {t2 - t1:7.2f} s, "
                  f"recall {recall:.3f}", flush=True)
    print(f"\n{'vocabulary':10s} {'pages':>7s} {'texts':>8s} {'terms':>7s} {'exact s':>8s} {'approx s':>9s} "
          f"{'exact/approx':>12s} {'recall@' + str(args.top):>10s}")
    for vocabulary, n, texts, terms, te, ta, recall in rows:
        print(f"{vocabulary:10s} {n:7,d} {texts:8,d} {terms:7,d} {te:8.2f} {ta:9.2f} {te / ta:12.2f} {recall:10.3f}")


if __name__ == "__main__":
    main()
