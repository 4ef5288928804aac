"""Score segmenters on two segmentation standards and on names in news, in one run.

    python benchmarks/segmentation.py [--gsd PATH] [--sinica PATH] [--repeat N]

Standards (read in place from ../shared/data; nothing derived from them ships with the kit):

- UD Chinese GSD, development set (CC BY-SA 4.0): a treebank's conventions, which split
  一/個, 成/為, 委員/會;
- Sinica Treebank sample, development half (CC BY-NC-SA 2.5): the conventions of Academia
  Sinica's CKIP group (一個, 成為, 委員會 whole), the kit's target.

Scores, as in the SIGHAN bakeoffs: word-boundary F1 (a word counts when its start and end both
match the gold); the share of multi-character proper nouns that come out whole (GSD: UPOS PROPN;
Sinica: CKIP's person and place names, Nb and Nc); the share of the names in
``benchmarks/data/news_names.txt`` (news paragraphs written and annotated by hand for this
benchmark) that come out whole; and throughput in characters per second (median of ``--repeat``
runs over both standards' text), relative to plain jieba timed in the same run.

Rows: plain jieba; jieba-hant's own tokenizer; the kit's segmenter before the CKIP conventions
(its Taiwan dictionary, Traditional HMM and rules; then with the dictionary adjustments it used
to learn from GSD, in-sample on GSD); the kit's ``segment()`` now; the same once the words that
:func:`analysis.discover_words` finds in the news text itself are accepted into a dictionary (the
text is small, so candidates need only occur twice); and ablations of its parts.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold import read_conllu, read_sinica, score  # noqa: E402
from news_names import entity_integrity, read_annotated  # noqa: E402

from analysis import config  # noqa: E402
from analysis.segmentation import Segmenter  # noqa: E402

Segment = Callable[[str], list[str]]
NEWS = Path(__file__).resolve().parent / "data" / "news_names.txt"


def jieba_tokenizer(module: str) -> Segment:
    """A tokenizer of ``jieba`` or ``jieba_hant`` (jieba-hant's own copy of jieba), its dictionary and HMM."""
    import importlib

    lib = importlib.import_module(module)
    lib.setLogLevel(logging.WARNING)
    tok = lib.Tokenizer()
    tok.tmp_dir = str(config.user_cache_dir())
    tok.initialize()
    return lambda text: tok.lcut(text)


def throughput(seg: Segment, texts: list[str], repeat: int) -> float:
    chars = sum(map(len, texts))
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            seg(t)
        times.append(time.perf_counter() - t0)
    return chars / statistics.median(times)


def discovered(texts: list[str]) -> Segment:
    """The kit's segmenter with the words discover_words() accepts in ``texts`` added."""
    import tempfile

    from analysis import accept_words, discover_words

    table = discover_words(texts, min_count=2)
    path = Path(tempfile.mkdtemp()) / "discovered.txt"
    accept_words(table, path=path)
    words = table.loc[table["accepted"], "word"].tolist()
    print(f"discovered in the news text and accepted: {len(words)} word(s): {' '.join(words[:20])}")
    return Segmenter(userdicts=[path])


def rows(news_texts: list[str]) -> list[tuple[str, Segment]]:
    kit = Segmenter()
    return [
        ("jieba 0.42.1, default dictionary", jieba_tokenizer("jieba")),
        ("jieba-hant 0.39.1, its own tokenizer", jieba_tokenizer("jieba_hant")),
        ("Taiwan dict + HMM + rules + names, no CKIP", Segmenter(conventions=False)),
        ("  + GSD adjustments: the old default (in-sample)", Segmenter(conventions=False, adjust=True)),
        ("kit segment() now: CKIP conventions", kit),
        ("  now + words discovered in the news text", discovered(news_texts)),
        ("  now without the names dictionary", Segmenter(entities=False)),
        ("  now without the join/split rules", Segmenter(rules=False)),
        ("  now + GSD adjustments (GSD in-sample)", Segmenter(adjust=True)),
    ]


def main() -> None:
    p = argparse.ArgumentParser(description="Score segmenters against gold segmentation in two standards.")
    p.add_argument("--gsd", type=Path, default=config.GOLD_CONLLU, help="CoNLL-U file (default: %(default)s)")
    p.add_argument("--sinica", type=Path, default=config.SINICA_DEV, help="word/POS file (default: %(default)s)")
    p.add_argument("--repeat", type=int, default=3, help="timed runs per segmenter (default: %(default)s)")
    args = p.parse_args()
    for path in (args.gsd, args.sinica):
        if not path.is_file():
            sys.exit(f"gold file not found: {path} (the benchmark reads ../shared/data)")
    gsd, sinica = read_conllu(args.gsd), read_sinica(args.sinica)
    news = read_annotated(NEWS)
    texts = [s.text for s in (*gsd, *sinica)]
    print(f"GSD dev: {len(gsd):,} sentences; Sinica dev: {len(sinica):,} sentences; "
          f"news names: {sum(len(n) for _, n in news):,} in {len(news)} paragraphs\n")
    table = rows([text for text, _ in news])
    base_speed = None
    head = f"{'segmenter':46s} {'GSD F1':>7s} {'PROPN':>6s} {'Sinica F1':>9s} {'Nb/Nc':>6s} {'news':>6s} " \
           f"{'chars/s':>9s} {'speed':>6s}"
    print(head)
    print("-" * len(head))
    for name, seg in table:
        seg("暖身。")
        g, s = score(seg, gsd), score(seg, sinica)
        assert g.lossless and s.lossless, name
        names = entity_integrity(seg, news)["share"]
        speed = throughput(seg, texts, args.repeat)
        base_speed = base_speed or speed
        print(f"{name:46s} {g.f1:7.3f} {g.propn_whole:6.1%} {s.f1:9.3f} {s.propn_whole:6.1%} {names:6.1%} "
              f"{speed:9,.0f} {speed / base_speed:5.2f}x")
    print("\nF1: word boundaries; PROPN, Nb/Nc: multi-character proper nouns whole; news: hand-annotated names "
          "whole;\nspeed: throughput relative to plain jieba (first row), measured in this run.")


if __name__ == "__main__":
    main()
