"""Write N synthetic news pages in the seed pages' format, for scale benchmarks.

    python benchmarks/make_corpus.py N OUT [--seed 0] [--pool-factor 2.0]

Headlines and sentences are recombined from the real pages in ``seeds/``; article dates are spread
over several years; each page's 20 related items are drawn from a shared pool with skewed (Zipf)
popularity, so that items recur across pages as they do in a crawl. The same N and seed give the
same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import load_corpus  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402

RELATED_PER_PAGE = 20
START = datetime(2019, 1, 1)
SPAN_DAYS = 5 * 365


def _material() -> tuple[list[str], list[str]]:
    docs = load_corpus(SEEDS_DIR)
    fragments = sorted({f for t in docs["title"] for f in re.split(r"[ !！:：.。]", t) if len(f) >= 3})
    sentences = sorted({s for t in docs["text"] for line in t.split("\n")
                        for s in re.findall(r"[^。！？!?]+[。！？!?]", line) if len(s) >= 8})
    return fragments, sentences


def make_corpus(n: int, out: Path, *, seed: int = 0, pool_factor: float = 2.0) -> list[Path]:
    """Write ``n`` pages to ``out`` and return their paths."""
    rng = random.Random(seed)
    fragments, sentences = _material()

    def headline() -> str:
        return f"{rng.choice(fragments)} {rng.choice(fragments)}"

    def text(k: int) -> str:
        return "".join(rng.choice(sentences) for _ in range(k))

    pool_size = max(RELATED_PER_PAGE * 2, int(n * pool_factor))
    pool = []
    for _ in range(pool_size):
        when = START + timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))
        pool.append((headline(), f"{when:%Y-%m-%d %H:%M:%S}", text(rng.randint(1, 3))))
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(pool_size)]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        day = START + timedelta(days=rng.randrange(SPAN_DAYS))
        chosen: dict[int, None] = {}
        while len(chosen) < RELATED_PER_PAGE:
            chosen.update(dict.fromkeys(rng.choices(range(pool_size), weights=weights, k=RELATED_PER_PAGE)))
        lines = [headline(), f"【新唐人亞太台 {day:%Y} 年 {day:%m} 月 {day:%d} 日訊】{text(3)}",
                 f"(聲音來源)外交部發言人 歐江安:「{text(2)}」", text(4), "相關新聞"]
        for j in list(chosen)[:RELATED_PER_PAGE]:
            title, stamp, summary = pool[j]
            lines += ["-", title, stamp + summary]
        path = out / f"page_{i:06d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of pages")
    p.add_argument("out", type=Path, help="folder to write them to")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--pool-factor", type=float, default=2.0, help="related-item pool size per page")
    args = p.parse_args()
    paths = make_corpus(args.n, args.out, seed=args.seed, pool_factor=args.pool_factor)
    print(f"wrote {len(paths)} pages to {args.out}")


if __name__ == "__main__":
    main()
