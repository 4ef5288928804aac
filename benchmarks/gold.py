"""Read CoNLL-U gold segmentation and score segmenters against it (SIGHAN-style word boundaries)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable, Sequence


@dataclass
class Sentence:
    text: str
    words: list[str]
    upos: list[str]


def read_conllu(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL-U file: the words (FORM) and their UPOS; multiword and empty nodes skipped."""
    sentences, words, upos = [], [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(Sentence("".join(words), words, upos))
            words, upos = [], []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(cols[1])
            upos.append(cols[3])
    if words:
        sentences.append(Sentence("".join(words), words, upos))
    return sentences


def read_sinica(path: str | Path) -> list[Sentence]:
    """Sentences of the Sinica Treebank sample (``word/POS`` tokens, one sentence a line).

    CKIP's person names (``Nb``) and place names (``Nc``) get the UPOS ``PROPN``, so that
    :func:`score` counts them as the proper nouns that should come out whole.
    """
    sentences = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        words, upos = [], []
        for token in line.split():
            word, _, tag = token.rpartition("/")
            if not word:
                raise ValueError(f"{path}:{n}: token without a word/TAG shape: {token!r}")
            words.append(word)
            upos.append("PROPN" if tag.startswith(("Nb", "Nc")) else tag)
        sentences.append(Sentence("".join(words), words, upos))
    return sentences


def spans(words: Sequence[str]) -> set[tuple[int, int]]:
    out, start = set(), 0
    for w in words:
        out.add((start, start + len(w)))
        start += len(w)
    return out


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    propn_whole: float
    chars_per_second: float
    lossless: bool


def score(segment: Callable[[str], list[str]], sentences: Sequence[Sentence], *, repeat: int = 1) -> Score:
    """Word-boundary precision, recall and F1 (a word counts when start and end both match), the share of
    multi-character proper nouns that come out whole, and throughput."""
    tp = n_pred = n_gold = propn_total = propn_whole = 0
    lossless = True
    predicted = []
    t0 = time.perf_counter()
    for _ in range(repeat):
        predicted = [segment(s.text) for s in sentences]
    elapsed = (time.perf_counter() - t0) / repeat
    for s, pred in zip(sentences, predicted):
        lossless &= "".join(pred) == s.text
        p, g = spans(pred), spans(s.words)
        tp += len(p & g)
        n_pred += len(p)
        n_gold += len(g)
        start = 0
        for w, tag in zip(s.words, s.upos):
            if tag == "PROPN" and len(w) > 1:
                propn_total += 1
                propn_whole += (start, start + len(w)) in p
            start += len(w)
    precision, recall = tp / n_pred, tp / n_gold
    chars = sum(len(s.text) for s in sentences)
    return Score(precision, recall, 2 * precision * recall / (precision + recall),
                 propn_whole / max(propn_total, 1), chars / elapsed, lossless)
