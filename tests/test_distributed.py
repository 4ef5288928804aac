"""The Dask engine: a two-worker local cluster gives byte-identical tables."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed")

from analysis import CorpusWarning, configure, load_corpus  # noqa: E402
from analysis.settings import options  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402
from analysis.report import build_report  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from analysis import executor as dist

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    dist.use_client(c)
    yield c
    dist.close_client()
    cluster.close()


@pytest.fixture
def dask_engine(client, tmp_path):
    saved = (options.engine, options.use_cache, options.cache_dir)
    configure(engine="dask", use_cache=False)
    yield client
    options.engine, options.use_cache, options.cache_dir = saved


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
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):  # two pages, so that texts recur
        (corpus / name).write_bytes(seed_file.read_bytes())
    build_report(corpus, tmp_path / "dask")
    configure(engine="local")
    build_report(corpus, tmp_path / "local")
    tables = sorted(p.name for p in (tmp_path / "local" / "tables").glob("*.csv"))
    assert len(tables) == 8
    for name in tables:
        assert (tmp_path / "dask" / "tables" / name).read_bytes() == \
            (tmp_path / "local" / "tables" / name).read_bytes(), name
