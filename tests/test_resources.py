"""What a run costs and gives back (analysis.resources): the steps' clock, peak memory, memory released."""

from __future__ import annotations

import gc
import logging

import pytest

from analysis import resources
from analysis.resources import COLLECTION_THRESHOLD, Clock, fewer_collections, peak_mb, release_freed_memory, trim_heap


@pytest.fixture
def arrow_pool():
    import pyarrow as pa

    before = pa.default_memory_pool()
    yield pa
    pa.set_memory_pool(before)


def test_release_freed_memory_moves_pyarrow_to_jemalloc_where_it_is_built_in(arrow_pool, monkeypatch):
    pa = arrow_pool
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        pa.jemalloc_memory_pool()
        expected = "jemalloc"
    except NotImplementedError:
        expected = "system"  # left as it was
    assert release_freed_memory() == expected == pa.default_memory_pool().backend_name


def test_release_freed_memory_leaves_a_chosen_allocator(arrow_pool, monkeypatch):
    pa = arrow_pool
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    pa.set_memory_pool(pa.system_memory_pool())
    assert release_freed_memory() == "system"


def test_the_clock_times_each_step_and_logs_it_with_the_peak_memory(caplog):
    timings = {}
    clock = Clock(timings)
    with caplog.at_level(logging.INFO, logger="analysis.resources"):
        with clock("reading", plus=2.0):
            pass
        clock.record("figure bursts", 0.25)
    clock.merge({"figure bursts": 0.5, "findings": 0.1})  # timed in a worker: added, not logged again
    assert list(timings) == ["reading", "figure bursts", "findings"]
    assert 2.0 <= timings["reading"] < 3.0 and timings["figure bursts"] == 0.75
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 2 and said[0].startswith("reading") and "peak memory so far" in said[0]
    assert peak_mb() > 10  # a Python process with pandas holds more than 10 MB


def test_trim_heap_gives_back_on_linux_and_does_nothing_elsewhere(monkeypatch):
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        if hasattr(ctypes.CDLL(None), "malloc_trim"):
            assert trim_heap() in (True, False)  # glibc: True when it gave pages back
        else:  # musl
            assert trim_heap() is False
    monkeypatch.setattr(resources.sys, "platform", "darwin")
    assert trim_heap() is False


@pytest.fixture
def gc_threshold():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_fewer_collections_raises_the_youngest_threshold_and_restores_all_three(gc_threshold):
    gc.set_threshold(700, 11, 12)
    with fewer_collections(5_000):
        assert gc.get_threshold() == (5_000, 11, 12)
    assert gc.get_threshold() == (700, 11, 12)
    with pytest.raises(RuntimeError), fewer_collections(5_000):
        raise RuntimeError("a step failed")
    assert gc.get_threshold() == (700, 11, 12)


def test_fewer_collections_never_lowers_a_threshold_set_higher(gc_threshold):
    gc.set_threshold(90_000, 10, 10)
    with fewer_collections(5_000):
        assert gc.get_threshold() == (90_000, 10, 10)
    assert gc.get_threshold() == (90_000, 10, 10)


def test_a_report_runs_with_fewer_collections_and_leaves_the_threshold_as_it_was(gc_threshold, tmp_path,
                                                                                  monkeypatch):
    from analysis import build_report, report
    from analysis.config import SEEDS_DIR

    gc.set_threshold(700, 10, 10)
    seen = []
    real = report.read_corpus
    monkeypatch.setattr(report, "read_corpus", lambda *a, **k: (seen.append(gc.get_threshold()), real(*a, **k))[1])
    build_report(SEEDS_DIR, tmp_path, figures=[])
    assert seen == [(COLLECTION_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)
