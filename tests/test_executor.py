"""The executor: one chunker, and the same results in the same order here, in worker processes and on Dask.

The task functions are defined at module level so that worker processes can import them. The Dask tests at
the end need the ``dask`` extra; they skip (inside their fixture) when it is not installed, so the rest of
this module runs without it.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import warnings
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest

from analysis import CorpusWarning, configure, executor, load_corpus
from analysis.config import SEEDS_DIR
from analysis.executor import chunks, run_chunks
from analysis.settings import options


class TaskWarning(UserWarning):
    """A warning only these tests raise, to check that the category survives the trip back."""


def square(chunk: list[int], *, offset: int = 0) -> list[int]:
    return [x * x + offset for x in chunk]


def where(chunk: list[int]) -> list[tuple[int, int]]:
    """Each item with the id of the process that handled it."""
    return [(x, os.getpid()) for x in chunk]


def warn_on_multiples(chunk: list[int], *, every: int) -> list[int]:
    for x in chunk:
        if x % every == 0:
            warnings.warn(f"item {x} is a multiple of {every}", TaskWarning, stacklevel=1)
    return list(chunk)


def fail_on(chunk: list[int], *, bad: int) -> list[int]:
    if bad in chunk:
        raise ValueError(f"item {bad} is bad")
    return list(chunk)


@pytest.mark.parametrize("n, parts, min_size, sizes", [
    (7, 3, 1, [3, 3, 1]),
    (7, 3, 5, [5, 2]),
    (6, 3, 1, [2, 2, 2]),
    (5, 10, 1, [1, 1, 1, 1, 1]),     # never more chunks than items
    (100, 16, 50, [50, 50]),         # the smallest chunk wins over the number of parts
    (3, 0, 1, [3]),                  # parts below 1 means one chunk
    (0, 4, 1, []),
])
def test_chunks(n, parts, min_size, sizes):
    got = chunks(list(range(n)), parts, min_size=min_size)
    assert [len(c) for c in got] == sizes
    assert [x for c in got for x in c] == list(range(n))  # consecutive, nothing lost or repeated


def test_chunks_of_a_tuple_are_lists():
    assert chunks(("a", "b", "c"), 2) == [["a", "b"], ["c"]]


def test_empty_input_returns_an_empty_list(two_workers):
    assert run_chunks(square, [], desc="nothing", parallel_min=1) == []


def test_serial_path_keeps_order_and_passes_keyword_arguments(two_workers):
    items = list(range(250))  # more than one serial chunk of 100
    got = run_chunks(where, items, desc="serial")  # below parallel_min (2000): this process
    assert [x for x, _ in got] == items and {pid for _, pid in got} == {os.getpid()}
    assert run_chunks(square, items, desc="serial", offset=1) == [x * x + 1 for x in items]


def test_one_worker_runs_here_whatever_the_size(local, monkeypatch):
    monkeypatch.setattr(options, "workers", 1)
    assert {pid for _, pid in run_chunks(where, list(range(20)), desc="one", parallel_min=1)} == {os.getpid()}


@pytest.mark.parametrize("min_chunk", [1, 3, 50])
def test_worker_processes_give_the_serial_results_in_order(two_workers, min_chunk):
    items = list(range(37))
    got = run_chunks(where, items, desc="pool", parallel_min=1, min_chunk=min_chunk)
    assert [x for x, _ in got] == items
    assert os.getpid() not in {pid for _, pid in got}  # they ran in worker processes
    assert run_chunks(square, items, desc="pool", parallel_min=1, min_chunk=min_chunk, offset=2) == \
        run_chunks(square, items, desc="serial", offset=2)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_task_functions_of_this_module_reach_workers_under_each_start_method(two_workers, monkeypatch, method):
    """fork is Linux's default up to Python 3.13; spawn (macOS, Windows) and forkserver (Linux from 3.14)
    import the task's module by name in the worker: a module-level function of this test module must do."""
    context = multiprocessing.get_context(method)
    monkeypatch.setattr(executor, "ProcessPoolExecutor", functools.partial(ProcessPoolExecutor, mp_context=context))
    items = list(range(12))
    got = run_chunks(where, items, desc=method, parallel_min=1, min_chunk=3)
    assert [x for x, _ in got] == items and os.getpid() not in {pid for _, pid in got}


@pytest.mark.parametrize("parallel_min", [1, 2000], ids=["worker-processes", "serial"])
def test_warnings_come_back_with_category_and_message_in_item_order(two_workers, parallel_min):
    items = list(range(1, 31))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = run_chunks(warn_on_multiples, items, desc="warn", parallel_min=parallel_min, every=7)
    assert got == items
    assert [(w.category, str(w.message)) for w in caught] == [
        (TaskWarning, f"item {x} is a multiple of 7") for x in (7, 14, 21, 28)]


def test_an_error_in_a_worker_process_reaches_the_caller(two_workers):
    with pytest.raises(ValueError, match="item 5 is bad"):
        run_chunks(fail_on, list(range(10)), desc="fail", parallel_min=1, bad=5)


def test_unknown_engine_raises(two_workers):
    with pytest.raises(ValueError, match="engine must be 'local' or 'dask'"):
        run_chunks(square, [1], desc="x", engine="spark")


LOADED: list[int] = []  # what prepare= loads: a table a worker would otherwise load itself


def load_once() -> None:
    LOADED.append(os.getpid())


def with_loaded(chunk: list[int]) -> list[tuple[int, list[int]]]:
    return [(x, list(LOADED)) for x in chunk]


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers inherit only when forked")
def test_run_chunks_prepares_here_before_forking_workers(two_workers):
    LOADED.clear()
    got = run_chunks(with_loaded, list(range(40)), desc="x", parallel_min=10, prepare=load_once)
    assert [x for x, _ in got] == list(range(40))
    assert {tuple(seen) for _, seen in got} == {(os.getpid(),)}, "loaded once, here, and inherited by every worker"
    LOADED.clear()
    got = run_chunks(with_loaded, list(range(5)), desc="x", parallel_min=10, prepare=load_once)
    assert got == [(x, []) for x in range(5)] and LOADED == []  # done here: nothing to prepare for


# -- Dask ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    executor.use_client(c)
    yield c
    executor.close_client()
    cluster.close()


@pytest.fixture
def dask_engine(client, tmp_path):
    saved = (options.engine, options.use_cache, options.cache_dir)
    configure(engine="dask", use_cache=False)
    yield client
    options.engine, options.use_cache, options.cache_dir = saved


def test_run_chunks_on_dask_equals_serial_with_warnings(dask_engine):
    items = list(range(1, 41))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert run_chunks(warn_on_multiples, items, desc="dask", every=9) == items
    assert [(w.category, str(w.message)) for w in caught] == [
        (TaskWarning, f"item {x} is a multiple of 9") for x in (9, 18, 27, 36)]
    assert run_chunks(square, items, desc="dask", offset=3) == square(items, offset=3)


def test_load_corpus_on_dask_equals_local(dask_engine, seed_docs):
    docs = load_corpus(SEEDS_DIR, engine="dask")
    pd.testing.assert_frame_equal(docs, seed_docs)


def test_damaged_pages_warn_through_dask(dask_engine, tmp_path, seed_file):
    lines = seed_file.read_text(encoding="utf-8").split("\n")
    lines[7] = "2021-13-45 99:99:99" + lines[7][19:]
    (tmp_path / "bad.txt").write_text("\n".join(lines), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_corpus(tmp_path, engine="dask")
    assert len(docs) == 21
    assert any("bad.txt:8" in str(w.message) and w.category is CorpusWarning for w in caught)


def test_report_tables_are_byte_identical(dask_engine, tmp_path, seed_file):
    from analysis.report import TABLES, build_report  # here, so that Dask workers importing this module stay light

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):  # two pages, so that texts recur
        (corpus / name).write_bytes(seed_file.read_bytes())
    build_report(corpus, tmp_path / "dask")
    configure(engine="local")
    build_report(corpus, tmp_path / "local")
    tables = sorted(p.name for p in (tmp_path / "local" / "tables").glob("*.*"))
    assert tables == sorted(f"{t}.{fmt}" for t in TABLES for fmt in ("csv", "parquet"))  # every table, both formats
    for name in tables:
        assert (tmp_path / "dask" / "tables" / name).read_bytes() == \
            (tmp_path / "local" / "tables" / name).read_bytes(), name


def test_terms_made_in_dask_tasks_fold_variants_as_this_session_says(dask_engine, monkeypatch):
    """The terms are made where the words are (segment_many's then=); a Dask worker does not inherit
    the session's settings, so the variants setting travels with the task."""
    from analysis import segment, termlists

    texts = ["臺灣與台灣的外交部", "這裏和這裡都是臺北"]
    words = [segment(t) for t in texts]
    monkeypatch.setattr(termlists, "_MEMO", {})  # nothing from this process's memo: made on Dask
    monkeypatch.setattr(options, "variants", True)
    folded = termlists.terms_of(texts, words, variants=True)
    assert folded != termlists.terms_of(texts, words, variants=False)
    assert list(termlists.text_terms(texts).values()) == folded
