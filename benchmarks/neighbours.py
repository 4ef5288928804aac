"""Time and recall of the neighbour search, exact against approximate, on synthetic crawls.

    python benchmarks/neighbours.py [--sizes 1000 10000] [--top 20] [--vocabulary seed realistic]

For each crawl (benchmarks/make_corpus.py) it fits the report's TF-IDF model, then runs
analysis.neighbours.top_k with method="exact" and method="approximate" in turn, and prints the
seconds of each (the approximate one after a first call that compiles it), their ratio, and the
recall of the approximate search: the share of the exact top-k pairs it also returns.

With ``--filters`` it also measures two cheaper ways to find candidates that were weighed against
the exact search and not taken (the README's neighbour section says why):

- rare terms only: candidates are the rows that share a term held by at most ``cap`` rows (each
  row's best ``k + 40`` by that partial product, ``sparse_dot_topn``), scored exactly; it prints the
  share of the exact product's work left, the seconds and the recall of the exact top-k;
- a similarity floor (prefix filtering, Bayardo et al. 2007): every pair of similarity at least
  ``tau`` shares a term outside both rows' most common terms whose norm is below ``tau``; it prints
  the share of the work left and the candidate pairs per row that would still have to be scored.
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

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sparse_dot_topn import sp_matmul_topn  # noqa: E402

from analysis import read_corpus, tfidf_model  # noqa: E402
from analysis import neighbours as nb  # noqa: E402
from analysis.tables import distinct  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--vocabulary", nargs="+", default=["seed", "realistic"])
    p.add_argument("--workdir", type=Path)
    p.add_argument("--filters", action="store_true", help="also measure the candidate filters not taken")
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
            if args.filters:
                filters(X, args.top, truth)
    print(f"\n{'vocabulary':10s} {'pages':>7s} {'texts':>8s} {'terms':>7s} {'exact s':>8s} {'approx s':>9s} "
          f"{'exact/approx':>12s} {'recall@' + str(args.top):>10s}")
    for vocabulary, n, texts, terms, te, ta, recall in rows:
        print(f"{vocabulary:10s} {n:7,d} {texts:8,d} {terms:7,d} {te:8.2f} {ta:9.2f} {te / ta:12.2f} {recall:10.3f}")


def _recall(truth: set, found: tuple[np.ndarray, np.ndarray, np.ndarray]) -> float:
    """The share of the exact top-k pairs among ``found``'s pairs."""
    return len(truth & set(zip(found[0].tolist(), found[1].tolist()))) / max(1, len(truth))


def rare_term_candidates(X: sp.csr_matrix, k: int, cap: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``k`` best among the rows sharing a term held by at most ``cap`` rows, scored exactly."""
    X = X.astype(np.float64).tocsr()
    df = np.bincount(X.indices, minlength=X.shape[1])
    rare = X[:, np.flatnonzero(df <= cap)].tocsr()
    C = sp_matmul_topn(rare, rare.T.tocsr(), top_n=k + 41, threshold=0.0, n_threads=nb._threads()).tocoo()
    keep = C.row != C.col
    rows, cols = C.row[keep].astype(np.int64), C.col[keep].astype(np.int64)
    values = np.empty(len(rows))
    for start in range(0, len(rows), nb.PAIR_BLOCK):  # exact cosine of each candidate pair
        a, b = rows[start:start + nb.PAIR_BLOCK], cols[start:start + nb.PAIR_BLOCK]
        values[start:start + nb.PAIR_BLOCK] = np.asarray(X[a].multiply(X[b]).sum(axis=1)).ravel()
    return nb._rank(rows, cols, np.round(values, nb.DECIMALS), k)


def prefix_filter(X: sp.csr_matrix, tau: float) -> tuple[float, float]:
    """The share of the exact product's work, and the candidate pairs per row, left by a similarity floor
    ``tau``: each row keeps its rarer terms, dropping its most common ones while their norm stays below
    ``tau``; two rows of similarity at least ``tau`` then share a kept term (Cauchy-Schwarz)."""
    X = X.astype(np.float64).tocsr()
    n, m = X.shape
    df = np.bincount(X.indices, minlength=m).astype(np.float64)
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    order = np.lexsort((X.indices, -df[X.indices], rows))  # by row, the most common terms first
    squares = np.cumsum(X.data[order] ** 2)
    before = np.concatenate([[0.0], squares])[X.indptr[:-1][rows[order]]]
    kept = np.empty(len(order), dtype=bool)
    kept[order] = squares - before >= tau * tau
    P = sp.csr_matrix((np.where(kept, X.data, 0.0), X.indices, X.indptr), shape=X.shape)
    P.eliminate_zeros()
    held = np.bincount(P.indices, minlength=m).astype(np.float64)
    return float(held @ held / (df @ df)), (P @ P.T).nnz / n


def filters(X: sp.csr_matrix, k: int, truth: set) -> None:
    """Print what the two candidate filters not taken would leave (see the module's documentation)."""
    n = X.shape[0]
    df = np.bincount(X.indices, minlength=X.shape[1]).astype(np.float64)
    for share in (0.001, 0.01, 0.03):
        cap = max(1, int(share * n))
        t0 = time.perf_counter()
        found = rare_term_candidates(X, k, cap)
        seconds = time.perf_counter() - t0
        work = float(df[df <= cap] @ df[df <= cap] / (df @ df))
        print(f"    rare terms only (held by at most {cap:,d} rows): {work:.3f} of the work, {seconds:.2f} s, "
              f"recall {_recall(truth, found):.3f}", flush=True)
    for tau in (0.2, 0.3, 0.5):
        work, per_row = prefix_filter(X, tau)
        print(f"    similarity floor {tau}: {work:.3f} of the work, {per_row:,.0f} candidate pairs a row", flush=True)


if __name__ == "__main__":
    main()
