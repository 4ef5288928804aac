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


def test_the_web_pages_read_as_the_text_pages_do(tmp_path):
    """The same crawl as saved web pages: the kit reads the same articles and related items from them
    (headline, text, date; each item's headline and date), none with a problem, byte-identical again."""
    text_pages = make_corpus(6, tmp_path / "txt", seed=2, vocabulary="realistic")
    web = make_corpus(6, tmp_path / "html", seed=2, vocabulary="realistic", fmt="html")
    assert [p.name for p in web] == [p.with_suffix(".html").name for p in text_pages]
    make_corpus(6, tmp_path / "again", seed=2, vocabulary="realistic", fmt="html")
    assert all((tmp_path / "again" / p.name).read_bytes() == p.read_bytes() for p in web)
    assert all(len(p.read_bytes()) > 50_000 for p in web)  # a site's page around the article
    (a, a_problems), (w, w_problems) = read_corpus(tmp_path / "txt"), read_corpus(tmp_path / "html")
    assert a_problems.empty and w_problems.empty
    assert (w["format"] == "html").all() and len(w) == len(a)
    for kind, columns in (("article", ["title", "text", "outlet"]), ("related", ["title"])):
        assert w.loc[w.kind == kind, columns].reset_index(drop=True).equals(
            a.loc[a.kind == kind, columns].reset_index(drop=True)), kind
    # the article's day (its page's dateline), with the time of day a web page's metadata gives
    articles_a, articles_w = a[a.kind == "article"], w[w.kind == "article"]
    assert (articles_w["published"].dt.floor("D").to_numpy() == articles_a["published"].to_numpy()).all()
    assert (articles_w["published_precision"] == "second").all()  # the metadata's time, e.g. T09:07:00+08:00
    assert articles_w["reporter"].tolist() == ["陳怡君", "林志明", "黃淑芬", "", "李佩珊", "王建民"]  # 3 bylines in 4
    # a web page shows an item's time to the minute, without its summary
    related_a, related_w = a[a.kind == "related"], w[w.kind == "related"]
    assert (related_w["published"].to_numpy() == related_a["published"].dt.floor("min").to_numpy()).all()
    assert related_w["url"].str.startswith("https://").all()


def test_the_json_lines_export_reads_as_the_text_pages_do(tmp_path):
    """The same crawl as one scraper's export: the same documents (headline, text, time and its precision,
    kind, position, content id), the continuation in a file of its own, byte-identical again."""
    make_corpus(6, tmp_path / "txt", seed=2, vocabulary="realistic")
    export = make_corpus(6, tmp_path / "jsonl", seed=2, vocabulary="realistic", fmt="jsonl")
    assert [p.name for p in export] == ["crawl.jsonl"]
    make_corpus(6, tmp_path / "again", seed=2, vocabulary="realistic", fmt="jsonl")
    assert (tmp_path / "again" / "crawl.jsonl").read_bytes() == export[0].read_bytes()
    (a, a_problems), (j, j_problems) = read_corpus(tmp_path / "txt"), read_corpus(tmp_path / "jsonl")
    assert a_problems.empty and j_problems.empty and (j["format"] == "jsonl").all()
    columns = ["kind", "position", "title", "text", "published", "published_precision", "content_id"]
    assert j[columns].equals(a[columns])
    assert j["page_id"].tolist() == ("crawl:" + a["page_id"]).tolist()
    added = make_corpus(6, tmp_path / "jsonl", seed=2, vocabulary="realistic", fmt="jsonl", extend=2)
    assert [p.name for p in added] == ["crawl_000006.jsonl"]
    grown, _ = read_corpus(tmp_path / "jsonl")
    assert len(grown) == 8 * (1 + RELATED_PER_PAGE) and grown["page_id"].iloc[-1] == "crawl_000006:page_000007"


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="fmt must be one of"):
        make_corpus(1, tmp_path, fmt="pdf")
