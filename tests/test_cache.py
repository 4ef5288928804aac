"""Segmentation cache and worker processes give the same words as segmenting here."""

from __future__ import annotations

import sqlite3

import pytest

from analysis import segment
from analysis.segmentation import batch as cache
from analysis.segmentation.batch import SegmentCache, segment_many
from analysis.settings import configure, options


@pytest.fixture
def private_cache(tmp_path):
    saved = (options.use_cache, options.cache_dir, options.workers)
    configure(use_cache=True, cache_dir=tmp_path)
    yield tmp_path
    options.use_cache, options.cache_dir, options.workers = saved


def test_cache_round_trip_and_hits(private_cache, seed_lines, monkeypatch):
    texts = [t for t in seed_lines if t]
    first = segment_many(texts)
    assert first == {t: segment(t) for t in texts}
    calls = []
    monkeypatch.setattr(cache, "_encode", lambda words: calls.append(1) or b"")
    again = segment_many(texts)
    assert again == first and calls == []  # everything came from the cache


def test_corrupt_entries_are_segmented_again(private_cache):
    text = "美國駐聯合國大使克拉夫特"
    segment_many([text])
    db = sqlite3.connect(private_cache / "segments.sqlite")
    db.execute("UPDATE seg SET v = ?", (b"\x01\x00\x00\x00",))
    db.commit()
    db.close()
    assert segment_many([text])[text] == segment(text)


def test_cache_key_depends_on_the_segmenter():
    assert SegmentCache.key("a", "台灣") != SegmentCache.key("b", "台灣")
    assert SegmentCache.key("a", "台灣") != SegmentCache.key("a", "臺灣")


def test_worker_processes_agree(private_cache, seed_lines, monkeypatch):
    monkeypatch.setattr(cache, "PARALLEL_MIN_TEXTS", 1)
    configure(workers=2, use_cache=False)
    texts = [f"{t}{i}" for i, t in enumerate(seed_lines * 3) if t]
    assert segment_many(texts) == {t: segment(t) for t in texts}


def test_bad_options():
    with pytest.raises(ValueError):
        configure(workers=0)
    with pytest.raises(ValueError):
        configure(engine="spark")
