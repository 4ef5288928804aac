"""The synthetic crawls of benchmarks/make_corpus.py: deterministic, continued, growing, and read without a problem."""

import sys

import pytest

from analysis import read_corpus
from analysis.config import PROJ_ROOT

sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
from make_corpus import RELATED_PER_PAGE, make_corpus, write_crawl  # noqa: E402


def _bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


@pytest.mark.parametrize("vocabulary", ["seed", "realistic"])
def test_the_same_seed_gives_the_same_bytes_and_a_continuation_extends_the_crawl(tmp_path, vocabulary):
    a, b, c = (make_corpus(12, tmp_path / name, seed=4, vocabulary=vocabulary) for name in "abc")
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b")
    other = make_corpus(12, tmp_path / "other", seed=5, vocabulary=vocabulary)
    assert _bytes(tmp_path / "other") != _bytes(tmp_path / "a") and len(other) == 12
    added = make_corpus(12, tmp_path / "c", seed=4, vocabulary=vocabulary, extend=3)
    assert [p.name for p in added] == ["page_000012.txt", "page_000013.txt", "page_000014.txt"]
    grown = _bytes(tmp_path / "c")
    assert {k: v for k, v in grown.items() if k in _bytes(tmp_path / "a")} == _bytes(tmp_path / "a")
    if vocabulary == "realistic":   # page i depends only on the pages before it
        make_corpus(15, tmp_path / "whole", seed=4, vocabulary=vocabulary)
        assert _bytes(tmp_path / "whole") == grown


def test_the_realistic_vocabulary_grows_with_the_pages_and_the_pages_read_without_a_problem(tmp_path):
    paths, crawl = write_crawl(256, tmp_path / "crawl", seed=1, vocabulary="realistic")
    heaps = {pages: distinct for pages, _, distinct in crawl.stats.heaps}
    assert heaps[256] > 1.5 * heaps[64] > 2 * heaps[16]          # Heaps' law, not a closed vocabulary
    assert heaps[256] < 256 * heaps[1]                             # ... and not a new language on every page
    docs, problems = read_corpus(tmp_path / "crawl")
    assert problems.empty
    assert len(docs) == len(paths) * (1 + RELATED_PER_PAGE)
    assert docs["published"].notna().all() and docs["title"].str.len().gt(0).all()
    articles, related = docs[docs.kind == "article"], docs[docs.kind == "related"]
    assert (articles.outlet == "新唐人亞太台").all()
    # related items recycle earlier articles: the same item on many pages, its summary the article's lead
    assert related["content_id"].value_counts().iloc[0] >= 10
    leads = {t.split("\n")[0][:150] for t in articles["text"]}
    in_crawl = related[related.published >= articles.published.min()]   # the rest: the outlet's earlier articles
    assert len(in_crawl) > len(related) / 3 and in_crawl["text"].isin(leads).all()
    assert related["truncated"].any() and not related["truncated"].all()
