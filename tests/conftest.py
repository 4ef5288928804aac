"""Shared set-up: a private cache folder, hypothesis profiles, the seed page, corpus and report."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Tests never touch the user's own cache: every run gets a fresh one, removed when the run ends.
if "ANALYSIS_CACHE_DIR" not in os.environ:
    os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-test-cache-")
    atexit.register(shutil.rmtree, os.environ["ANALYSIS_CACHE_DIR"], ignore_errors=True)

from analysis import load_corpus  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402
from analysis.settings import options  # noqa: E402

# Property-based tests: reproducible in CI, no per-example deadline anywhere (module order must not matter).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SEED_FILE = SEEDS_DIR / "000_bb4a6ccb6fd5c6e9.txt"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own, in use (whatever the session's settings), then forgotten."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(options, "cache_dir", folder)
    monkeypatch.setattr(options, "use_cache", True)
    return folder


@pytest.fixture(scope="session")
def seed_file() -> Path:
    return SEED_FILE


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    return SEED_FILE.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def seed_docs():
    return load_corpus(SEEDS_DIR)


@pytest.fixture
def seed_and_test_pages():
    """The seed page and the test pages of tests/data/pages (some with problems the reader warns of)."""
    import warnings

    import pandas as pd

    from analysis import CorpusWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return pd.concat([load_corpus(SEEDS_DIR), load_corpus(Path(__file__).parent / "data" / "pages")],
                         ignore_index=True)


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """build_report on the seed corpus, run once for the session (tests read it, never change it)."""
    from analysis.report import build_report

    out = tmp_path_factory.mktemp("seed-report")
    return out, build_report(SEEDS_DIR, out)


def title_of(docs, needle: str) -> str:
    """The doc_id of the one document whose title contains ``needle``."""
    hits = docs.loc[docs["title"].str.contains(needle, regex=False), "doc_id"]
    assert len(hits) == 1, (needle, hits.tolist())
    return hits.iloc[0]


def transformed_rows(monkeypatch) -> list[int]:
    """The rows each call of ``TfidfModel._vectors`` transforms from now on (the model's own computing,
    not rows taken from kept vectors), appended to the list returned."""
    from analysis import TfidfModel

    rows: list[int] = []
    vectors = TfidfModel._vectors
    monkeypatch.setattr(TfidfModel, "_vectors", lambda self, docs: rows.append(len(docs)) or vectors(self, docs))
    return rows


def svg_of(fig) -> str:
    """The figure saved as SVG (then closed), as text."""
    import io

    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    return buf.getvalue()


def quietly(fn, *args, **kwargs):
    """Call ``fn``, recording the CorpusWarnings it raises; returns its result and the warning messages."""
    import warnings

    from analysis import CorpusWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    return result, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


@pytest.fixture
def local(monkeypatch):
    """Work runs with the local engine (worker processes, not Dask)."""
    monkeypatch.setattr(options, "engine", "local")
    return options


@pytest.fixture
def two_workers(local, monkeypatch):
    """The local engine with two worker processes."""
    monkeypatch.setattr(options, "workers", 2)
    return options
