"""Tests for analysis.cocounts: co-occurrence counts against plain loops (the measures on them:
tests/test_association.py)."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.cocounts import cooccurrence
from analysis.termlists import terms


def _pairs_by_hand(docs: pd.DataFrame, window: int, *, directed: bool) -> dict[tuple[str, str], int]:
    """Each ordered (or, not directed, sorted) pair of terms at 1 to ``window`` terms, counted with plain
    loops over every title and text of ``docs`` (a missing field is empty)."""
    found: dict[tuple[str, str], int] = {}
    for field in [*docs["title"], *docs["text"]]:
        ts = terms(field if isinstance(field, str) else "")
        for i in range(len(ts)):
            for j in range(i + 1, min(len(ts), i + window + 1)):
                pair = (ts[i], ts[j]) if directed else tuple(sorted((ts[i], ts[j])))
                found[pair] = found.get(pair, 0) + 1
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_equal_plain_loops_on_random_fields(seed, monkeypatch):
    """Titles that are also texts, repeated texts under other content ids, missing fields, fields read a
    block of two at a time, pairs counted in blocks of a few rows, a window wider than any field: every
    pair counted as plain loops count it, in 64 bits or compact 32."""
    monkeypatch.setattr("analysis.cocounts.HELD_BLOCK", 2)
    monkeypatch.setattr("analysis.cocounts.BLOCK_PAIRS", 5)
    rng = random.Random(seed)
    words = ["台灣", "美國", "日本", "政府", "選舉", "總統", "經濟"]
    pool = ["".join(rng.choices(words, k=rng.randint(1, 6))) + "。" for _ in range(6)]
    rows = 12
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(rows)],
                         "content_id": [f"c{rng.randint(0, 8)}" for _ in range(rows)],
                         "title": [rng.choice([*pool, None, float("nan"), ""]) for _ in range(rows)],
                         "text": [rng.choice([*pool, None]) for _ in range(rows)]})
    for unique, window in [(True, 3), (False, 3), (True, 300)]:  # 300: the room after a term is not one byte
        chosen = docs.drop_duplicates("content_id") if unique else docs
        for directed in (True, False):
            expected = _pairs_by_hand(chosen, window, directed=directed)
            for compact in (False, True):
                co = cooccurrence(docs, window=window, unique=unique, directed=directed, compact=compact)
                assert co.matrix.dtype == ("int32" if compact else "int64")
                m = co.matrix.tocoo()
                got = {(co.vocabulary[i], co.vocabulary[j]): int(v) for i, j, v in zip(m.row, m.col, m.data)}
                assert got == expected
                every = [t for f in [*chosen["title"], *chosen["text"]] for t in terms(f if isinstance(f, str) else "")]
                assert dict(zip(co.vocabulary, co.counts.tolist())) == {t: every.count(t) for t in set(every)}
                assert co.total == len(every) and co.vocabulary == sorted(set(every))
