"""Choose the TF-IDF weighting by measurement: which settings find a document's own other half?

    python benchmarks/weighting.py [CORPUS ...]

No gold similarity judgements exist for this corpus, so the benchmark uses two retrieval tasks whose
right answer is known, on real pages (the seed corpus, and any folders given):

- half to half: each text (at least 40 characters) is cut at the sentence end nearest its middle;
  every first half is a query, and the right answer is its own second half among all second halves;
- headline to text: every headline is a query, and the right answer is its own text among all texts
  (a short query against long documents: the asymmetry of a related item's summary against an
  article).

The pages are few, so the same two tasks also run on passages of running text: the Sinica Treebank
development half (``../shared/data/sinica-treebank-dev``, read in place, never copied; its sentences
run in text order) cut into passages of consecutive sentences. There the short-query task is "lead to
rest": a passage's first two sentences (a summary-sized query) against the rest of every passage.

For each weighting it prints the mean reciprocal rank (MRR, 1 = always first) and the share ranked
first, with the model fitted on the texts searched (as the kit fits one per corpus). Ties are ranked
pessimistically (a tie with a wrong answer counts against the weighting).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import load_corpus  # noqa: E402
from analysis.config import SEEDS_DIR, SHARED_DATA_DIR  # noqa: E402
from analysis.tfidf import Weighting, tfidf_model  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def halves(text: str) -> tuple[str, str] | None:
    """Cut a text at the sentence end nearest its middle; None when it has no such cut."""
    text = "".join(text.split())
    cuts = [m.start() for m in _SENTENCE_END.finditer(text) if 0 < m.start() < len(text)]
    if len(text) < 40 or not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - len(text) / 2))
    return text[:cut], text[cut:]


def _frame(texts: list[str], prefix: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"{prefix}{i}" for i in range(len(texts))], "title": "", "text": texts,
                         "content_id": [f"{prefix}{i}" for i in range(len(texts))]})


def mrr(queries: list[str], targets: list[str], weighting: Weighting) -> tuple[float, float]:
    """Mean reciprocal rank of target i for query i, and the share ranked first."""
    q, t = _frame(queries, "q"), _frame(targets, "t")
    model = tfidf_model(pd.concat([q, t], ignore_index=True), weighting=weighting)
    S = (model.transform(q) @ model.transform(t).T).toarray()
    right = S[np.arange(len(S)), np.arange(len(S))]
    rank = 1 + (S >= right[:, None]).sum(axis=1) - 1  # ties with wrong answers count against
    return float(np.mean(1 / rank)), float(np.mean(rank == 1))


SINICA = SHARED_DATA_DIR / "sinica-treebank-dev" / "sinica_dev.txt"


def sinica_passages(path: Path, *, sentences: int = 30) -> list[list[str]]:
    """Passages of ``sentences`` consecutive sentences (each a string), from the treebank's word/POS lines."""
    lines = ["".join(tok.rsplit("/", 1)[0] for tok in line.split()) for line in
             path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [lines[i:i + sentences] for i in range(0, len(lines) - sentences + 1, sentences)]


def _table(title: str, tasks: dict[str, tuple[list[str], list[str]]]) -> None:
    names = list(tasks)
    print(f"\n{title}")
    print(f"{'sublinear_tf':>12} {'min_df':>6} {'max_df':>6} | " + " | ".join(f"{n:>14} {'first':>6}" for n in names))
    for sublinear, min_df, max_df in itertools.product((False, True), (1, 2), (1.0, 0.5)):
        w = Weighting(sublinear_tf=sublinear, min_df=min_df, max_df=max_df)
        cells = [mrr(*tasks[n], w) for n in names]
        print(f"{sublinear!s:>12} {min_df:>6} {max_df:>6} | "
              + " | ".join(f"{m:>14.3f} {f:>6.1%}" for m, f in cells))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpora", nargs="*", type=Path, default=[SEEDS_DIR], help="folders of pages (default: seeds/)")
    p.add_argument("--sinica", type=Path, default=SINICA, help="Sinica Treebank sentences (default: %(default)s)")
    args = p.parse_args()
    docs = pd.concat([load_corpus(c) for c in args.corpora], ignore_index=True).drop_duplicates("content_id")
    cut = [h for h in map(halves, docs["text"]) if h]
    titled = docs[(docs["title"].str.strip() != "") & (docs["text"].str.len() >= 40)]
    print(f"Pages: {len(docs)} distinct documents from {', '.join(map(str, args.corpora))}: "
          f"{len(cut)} texts cut in halves, {len(titled)} headline-text pairs")
    _table("Pages (MRR of the right answer)", {
        "half->half": ([a for a, _ in cut], [b for _, b in cut]),
        "headline->text": (titled["title"].tolist(), titled["text"].tolist()),
    })
    if args.sinica.is_file():
        passages = sinica_passages(args.sinica)
        print(f"\nSinica Treebank: {len(passages)} passages of 30 consecutive sentences")
        mid = [len(p) // 2 for p in passages]
        _table("Sinica passages (MRR of the right answer)", {
            "half->half": (["".join(p[:m]) for p, m in zip(passages, mid)],
                           ["".join(p[m:]) for p, m in zip(passages, mid)]),
            "lead->rest": (["".join(p[:2]) for p in passages], ["".join(p[2:]) for p in passages]),
        })
    else:
        print(f"\n(no {args.sinica}: the passage tasks were not run)")


if __name__ == "__main__":
    main()
