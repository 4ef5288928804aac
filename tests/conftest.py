"""Shared fixtures: the seed page, a private cache folder, and page builders for damaged input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests never touch the user's own cache: every run gets a fresh one.
os.environ.setdefault("ANALYSIS_CACHE_DIR", tempfile.mkdtemp(prefix="analysis-test-cache-"))

from analysis import load_corpus  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402

SEED_FILE = SEEDS_DIR / "000_bb4a6ccb6fd5c6e9.txt"


@pytest.fixture(scope="session")
def seed_file() -> Path:
    return SEED_FILE


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    return SEED_FILE.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def seed_docs():
    return load_corpus(SEEDS_DIR)


def title_of(docs, needle: str) -> str:
    """The doc_id of the one document whose title contains ``needle``."""
    hits = docs.loc[docs["title"].str.contains(needle, regex=False), "doc_id"]
    assert len(hits) == 1, (needle, hits.tolist())
    return hits.iloc[0]
