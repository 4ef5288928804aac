"""Character n-grams as arrays: the same counts, neighbours and cuts as counting every substring by hand."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import numpy as np
import pytest

from analysis import ngrams
from analysis.hanruns import HAN_RANGES, han_runs
from analysis.ngrams import Ngrams, log2

HAN = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES) + "]+")
#: A few characters, so that strings recur; two outside the basic plane; grammar and a title.
ALPHABET = "甲乙丙丁戊己的在台灣總統" + "\U00020001\U0002a6d6"
BREAKS = ["，", "。", "3", "A", " ", "\n", "", "ab", "\ud800"]


def random_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12))))
            parts.append(rng.choice(BREAKS))
        texts.append("".join(parts))
    return list(dict.fromkeys(texts))


def pairs_cut(block: list[str]):
    """Cut each text in pieces of two characters; a piece is unknown when its first code point is odd."""
    for text in block:
        pieces = [text[i:i + 2] for i in range(0, len(text), 2)]
        yield [len(p) for p in pieces], [ord(p[0]) % 2 == 1 for p in pieces]


def by_hand(texts: list[str], min_count: int, max_length: int) -> dict[str, dict]:
    """Every substring of every run counted, the survivors chosen level by level, their neighbours listed."""
    found: dict[str, dict] = {}
    for t, text in enumerate(texts):
        cuts = np.cumsum([0] + [len(text[i:i + 2]) for i in range(0, len(text), 2)]).tolist()
        pieces = set(cuts)
        words = set(pieces)
        for start, end in zip(cuts, cuts[1:]):
            if end - start > 1 and ord(text[start]) % 2 == 1:
                words.update(range(start, end))
        for match in HAN.finditer(text):
            run = match.group()
            for n in range(1, max_length + 1):
                for i in range(len(run) - n + 1):
                    g, at = run[i:i + n], match.start() + i
                    row = found.setdefault(g, {"count": 0, "texts": set(), "left": Counter(), "right": Counter(),
                                               "whole": 0, "aligned": 0})
                    row["count"] += 1
                    row["texts"].add(t)
                    row["left"][run[i - 1] if i > 0 else None] += 1
                    row["right"][run[i + n] if i + n < len(run) else None] += 1
                    row["whole"] += at in pieces and at + n in pieces and not pieces & set(range(at + 1, at + n))
                    row["aligned"] += at in words and at + n in words
    kept: dict[str, dict] = {}
    for n in range(1, max_length + 1):
        for g, row in found.items():
            if len(g) == n and row["count"] >= min_count and (n == 1 or (g[:-1] in kept and g[1:] in kept)):
                kept[g] = row
    return kept


def entropy(neighbours: Counter) -> float:
    n = sum(neighbours.values())
    return max(0.0, -sum(k / n * math.log2(k / n) for k in neighbours.values()))


@pytest.mark.parametrize("seed, min_count, max_length", [(1, 2, 10), (2, 3, 4), (3, 1, 6), (4, 5, 2)])
def test_the_counts_are_those_of_every_substring(seed, min_count, max_length):
    texts = random_texts(seed, 150)
    ng = Ngrams(han_runs(texts, cuts=pairs_cut, block_chars=500), min_count=min_count, max_length=max_length)
    kept = by_hand(texts, min_count, max_length)
    assert sorted(ng.strings) == sorted(kept) and len(ng.strings) == len(set(ng.strings))
    left, right = ng.entropy("left"), ng.entropy("right")
    for i, g in enumerate(ng.strings):
        row = kept[g]
        assert ng.count[i] == row["count"] and ng.length[i] == len(g)
        assert ng.left_seen[i] == row["count"] - row["left"][None]
        assert left[i] == pytest.approx(entropy(row["left"]), abs=1e-12)
        assert right[i] == pytest.approx(entropy(row["right"]), abs=1e-12)
        if len(g) > 1:
            assert ng.documents[i] == len(row["texts"])
            assert (ng.whole[i], ng.aligned[i]) == (row["whole"], row["aligned"])
            assert ng.strings[ng.prefix[i]] == g[:-1] and ng.strings[ng.suffix[i]] == g[1:]


def test_positions_are_the_places_an_n_gram_can_start():
    texts = random_texts(5, 50)
    ng = Ngrams(han_runs(texts), min_count=1, max_length=5)
    runs = [len(r) for t in texts for r in HAN.findall(t)]
    assert ng.positions == {n: sum(max(0, r - n + 1) for r in runs) for n in range(1, 6)}
    share = ng.log_share()
    i = int(np.argmax(ng.length))
    assert share[i] == math.log2(ng.count[i] / ng.positions[int(ng.length[i])])


def test_the_same_whatever_the_blocks_and_chunks(monkeypatch):
    texts = random_texts(6, 200)
    whole = Ngrams(han_runs(texts, cuts=pairs_cut), min_count=2, max_length=6)
    runs = han_runs(texts, cuts=pairs_cut, block_chars=1)
    assert runs.starts.tolist() == han_runs(texts, cuts=pairs_cut).starts.tolist()
    monkeypatch.setattr(ngrams, "CHUNK", 7)  # a range of one or two characters at a time
    assert len(ngrams._ranges(whole.count[whole.length == 1])) > 5
    small = Ngrams(runs, min_count=2, max_length=6)
    assert small.strings == whole.strings
    for name in ("count", "documents", "left_sum", "right_sum", "whole", "aligned", "prefix", "suffix"):
        assert np.array_equal(getattr(small, name), getattr(whole, name)), name


def test_nothing_depends_on_the_order_of_the_texts():
    texts = random_texts(7, 200)
    shuffled = random.Random(0).sample(texts, len(texts))
    a = Ngrams(han_runs(texts, cuts=pairs_cut), min_count=2, max_length=6)
    b = Ngrams(han_runs(shuffled, cuts=pairs_cut), min_count=2, max_length=6)
    assert a.strings == b.strings
    for name in ("count", "documents", "left_sum", "right_sum", "left_seen", "whole", "aligned"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name  # sums in the same order: equal, not close


def test_part_follows_the_chains():
    ng = Ngrams(han_runs(["總統府發言人"] * 3), min_count=3, max_length=6)
    word = np.array([ng.strings.index("總統府發言人")])
    assert [ng.strings[int(ng.part(word, 6, a, b)[0])] for a, b in [(0, 2), (2, 3), (3, 6), (5, 6)]] == \
        ["總統", "府", "發言人", "人"]


def test_log2_is_the_c_librarys():
    values = np.array([[3.0, 7.0], [1e-300, 12345.678]])
    assert log2(values).tolist() == [[math.log2(v) for v in row] for row in values.tolist()]


def test_no_han_characters_no_n_grams():
    nothing = Ngrams(han_runs(["abc", "", "2020，UN"]), min_count=1, max_length=4)
    assert nothing.strings == [] and nothing.positions[1] == 0 and len(nothing.count) == 0
