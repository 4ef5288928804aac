"""Corpus-wide text-reuse candidates: the kit against datasketch's documented API, on synthetic crawls.

    python benchmarks/reuse.py [--sizes 1000 10000] [--vocabulary realistic]

For each crawl (benchmarks/make_corpus.py) it finds the candidate pairs twice, each in a process of its
own forked after the crawl is read, and prints the seconds and the memory each added to that process:

- the kit: ``analysis.reuse_candidates`` (chunks signed as arrays a block of texts at a time, bands
  grouped by sorting; ``max_df=None`` here, so that both count every band);
- datasketch as its documentation shows it (what ``reuse_candidates`` did until this benchmark was
  written): a ``MinHash`` of each chunk's shingles by ``MinHash.bulk`` (SHA-1 of each shingle), every
  chunk inserted in a ``MinHashLSH`` and queried in turn.

The two hash shingles differently, so their pairs differ where a pair is near the LSH threshold; it
prints how many pairs each finds, and, of the pairs that share a passage of 50 characters or more
(``text_reuse`` on the union of both), the share each found.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import crawl_options, crawls, measure  # noqa: E402

import pandas as pd  # noqa: E402
from datasketch import MinHash, MinHashLSH  # noqa: E402
from datasketch.hashfunc import sha1_hash32  # noqa: E402

from analysis import read_corpus, reuse_candidates, text_reuse  # noqa: E402
from analysis.minhash import _chunks, flat_text  # noqa: E402
from analysis.tables import distinct  # noqa: E402


def by_datasketch(docs: pd.DataFrame, *, shingle: int = 5, chunk: int = 50, threshold: float = 0.5,
                  num_perm: int = 128, seed: int = 1, hashfunc=None) -> pd.DataFrame:
    """The candidate pairs and their colliding chunks, with datasketch's MinHash and MinHashLSH: each
    chunk's shingles hashed by ``hashfunc`` (default: datasketch's SHA-1 of their UTF-8 bytes), one
    MinHash each, all inserted in the index, then each queried in turn."""
    docs = distinct(docs, unique=True)
    owners, sets = [], []
    for i, text in enumerate(docs["text"].fillna("").tolist()):
        flat = flat_text(text)
        for s, e in zip(*_chunks(len(flat), shingle=shingle, chunk=chunk)):
            owners.append(i)
            sets.append({flat[j:j + shingle] for j in range(s, e)})
    hashes = MinHash.bulk(sets, num_perm=num_perm, seed=seed,
                          hashfunc=hashfunc or (lambda shingled: sha1_hash32(shingled.encode("utf-8"))))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for key, h in enumerate(hashes):
        lsh.insert(key, h, check_duplication=False)
    counts: dict[tuple[int, int], int] = {}
    for key, h in enumerate(hashes):
        for other in lsh.query(h):
            a, b = owners[key], owners[other]
            if b > a:
                counts[a, b] = counts.get((a, b), 0) + 1
    ids = docs["doc_id"].tolist()
    return pd.DataFrame([(ids[a], ids[b], n) for (a, b), n in sorted(counts.items())],
                        columns=["doc_a", "doc_b", "chunks"])


def main() -> None:
    rows = []
    for vocabulary, n, corpus in crawls(crawl_options(__doc__.splitlines()[0])):
        docs = read_corpus(corpus)[0]
        kit = measure(lambda: reuse_candidates(docs, max_df=None)[["doc_a", "doc_b"]])  # noqa: B023
        ref = measure(lambda: by_datasketch(docs)[["doc_a", "doc_b"]])  # noqa: B023
        pairs = [set(zip(r[2]["doc_a"], r[2]["doc_b"])) for r in (kit, ref)]
        union = pd.DataFrame(sorted(pairs[0] | pairs[1]), columns=["doc_a", "doc_b"])
        reused = text_reuse(docs, candidates=union, min_chars=50)
        long = set(zip(reused["doc_a"], reused["doc_b"]))
        share = [len(long & found) / max(1, len(long)) for found in pairs]
        rows.append((vocabulary, n, kit[0], ref[0], kit[1], ref[1], len(pairs[0]), len(pairs[1]), len(long),
                     *share))
        print(f"{vocabulary:10s} {n:7,d} pages: kit {kit[0]:.2f} s, datasketch's API {ref[0]:.2f} s", flush=True)
    print(f"\n{'vocabulary':10s} {'pages':>7s} {'kit s':>7s} {'ds s':>7s} {'ds/kit':>6s} {'kit MB':>7s} {'ds MB':>7s} "
          f"{'kit pairs':>9s} {'ds pairs':>9s} {'50+ chars':>9s} {'kit found':>9s} {'ds found':>9s}")
    for v, n, tk, tr, mk, mr, pk, pr, long, sk, sr in rows:
        print(f"{v:10s} {n:7,d} {tk:7.2f} {tr:7.2f} {tr / tk:6.1f} {mk:7,.0f} {mr:7,.0f} {pk:9,d} {pr:9,d} "
              f"{long:9,d} {sk:9.3f} {sr:9.3f}")


if __name__ == "__main__":
    main()
