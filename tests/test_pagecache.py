"""Pages kept as parsed (analysis/pagecache.py): read again, the same tables; changed, parsed again."""

from __future__ import annotations

import gzip
import logging
import math
import re
import shutil
import warnings
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import CorpusWarning, configure, read_corpus
from analysis import corpus as corpus_mod
from analysis import pagecache
from analysis.blobstore import BlobStore
from analysis.config import SEEDS_DIR
from analysis.pagecache import decode_page, encode_page, page_key
from analysis.settings import options

DATA = Path(__file__).parent / "data"


def parsed(said: str) -> int:
    """How many files the reader said it parsed."""
    return int(re.search(r"; (\d+) files parsed", said)[1])


def read(path, caplog) -> tuple[pd.DataFrame, pd.DataFrame, list[str], str]:
    """The tables, the CorpusWarnings raised, and the reader's account of what it parsed."""
    caplog.clear()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.INFO, logger="analysis.corpus"):
        warnings.simplefilter("always")
        docs, problems = read_corpus(path)
    said = [r.getMessage() for r in caplog.records if r.name == "analysis.corpus"][-1]
    return docs, problems, [str(w.message) for w in caught if w.category is CorpusWarning], said


@pytest.mark.parametrize("folder", [SEEDS_DIR, DATA / "pages", DATA / "html", DATA / "outlets"])
def test_a_corpus_read_again_is_the_same_and_only_pages_with_problems_are_parsed_again(folder, cache, caplog):
    docs, problems, caught, said = read(folder, caplog)
    assert "0 as parsed before" in said
    again, again_problems, caught_again, said_again = read(folder, caplog)
    pd.testing.assert_frame_equal(again, docs)
    pd.testing.assert_frame_equal(again_problems, problems)
    assert caught_again == caught  # every warning raised again, in order
    with_problems = problems["source"].nunique()
    files = len(set(docs["source"]) | set(problems["source"]))
    assert parsed(said_again) == with_problems and f"{files - with_problems} as parsed before" in said_again


def test_a_changed_page_is_parsed_again_and_a_moved_one_is_not(tmp_path, cache, caplog):
    crawl = tmp_path / "crawl"
    shutil.copytree(SEEDS_DIR, crawl)
    page = next(crawl.iterdir())
    read(crawl, caplog)
    page.write_text(page.read_text(encoding="utf-8").replace("克拉夫特", "柯拉夫特"), encoding="utf-8")
    docs, _, _, said = read(crawl, caplog)
    assert parsed(said) == 1 and docs["text"].str.contains("柯拉夫特").any()
    assert not docs["text"].str.contains("克拉夫特").any()
    moved = page.rename(crawl / f"moved_{page.name}")
    docs, _, _, said = read(crawl, caplog)
    assert parsed(said) == 0  # the same bytes: its documents named after where the page is now
    assert (docs["source"] == str(moved)).all() and (docs["page_id"] == moved.stem).all()
    assert docs["doc_id"].str.startswith(f"{moved.stem}:").all()


@pytest.mark.parametrize("folder", ["pages", "html", "outlets"])
def test_a_crawl_copied_elsewhere_reads_as_if_parsed_there(tmp_path, cache, caplog, monkeypatch, folder):
    read(DATA / folder, caplog)
    copy = tmp_path / "copy"
    shutil.copytree(DATA / folder, copy)
    docs, problems, caught, said = read(copy, caplog)
    assert parsed(said) == problems["source"].nunique()
    monkeypatch.setattr(options, "use_cache", False)
    fresh, fresh_problems, fresh_caught, _ = read(copy, caplog)
    pd.testing.assert_frame_equal(docs, fresh)
    pd.testing.assert_frame_equal(problems, fresh_problems)
    assert caught == fresh_caught


def test_a_new_reader_parses_every_page_again(cache, caplog, monkeypatch):
    read(SEEDS_DIR, caplog)
    monkeypatch.setattr(pagecache, "reader_fingerprint", lambda: "another release of the kit")
    said = read(SEEDS_DIR, caplog)[3]
    assert parsed(said) == 1 and "0 as parsed before" in said


def test_the_codec_asked_for_and_the_format_are_part_of_the_key(seed_file, tmp_path):
    assert page_key(seed_file) != page_key(seed_file, encoding="utf-8")
    assert page_key(seed_file) == page_key(seed_file)
    as_html = tmp_path / "page.html"
    as_html.write_bytes(seed_file.read_bytes())  # the same bytes read as a web page read otherwise
    assert page_key(as_html) not in (None, page_key(seed_file))
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(as_html.read_bytes())  # the same bytes, gunzipped when read: a file of another reading
    plain = tmp_path / "other.html"
    plain.write_bytes(gzip.compress(seed_file.read_bytes()))
    gz.write_bytes(plain.read_bytes())
    assert page_key(gz) != page_key(plain)
    assert page_key(DATA / "tables" / next(p.name for p in (DATA / "tables").iterdir())) is None  # a table
    assert page_key(Path("no/such/page.txt")) is None  # the reader says what is wrong


@pytest.mark.parametrize("damage", [b"\xff not zlib", zlib.compress(b'{"not": "a list"}'),
                                    zlib.compress(b'[{"title": "no doc_id"}]')])
def test_a_damaged_entry_is_parsed_again_and_replaced(cache, caplog, damage):
    docs, *_ = read(SEEDS_DIR, caplog)
    store = BlobStore(cache / "pages.sqlite")
    (key,) = [k for (k,) in store.db.execute("SELECT k FROM seg")]
    store.put_many([(key, damage)])
    store.close()
    again, _, _, said = read(SEEDS_DIR, caplog)
    assert parsed(said) == 1
    pd.testing.assert_frame_equal(again, docs)
    assert parsed(read(SEEDS_DIR, caplog)[3]) == 0


def test_a_cache_file_that_is_not_a_database_is_left_aside(cache, caplog):
    cache.mkdir()
    (cache / "pages.sqlite").write_bytes(b"not a database" * 100)
    docs, _, _, said = read(SEEDS_DIR, caplog)
    assert parsed(said) == 1 and len(docs) == 21
    assert any("cannot be" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)


def test_without_the_cache_nothing_is_kept(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(options, "cache_dir", tmp_path)
    configure(use_cache=False)
    try:
        read(SEEDS_DIR, caplog)
        assert parsed(read(SEEDS_DIR, caplog)[3]) == 1
    finally:
        configure(use_cache=True)
    assert not (tmp_path / "pages.sqlite").exists()


def test_worker_processes_store_what_they_parse(tmp_path, cache, caplog, monkeypatch):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    text = (SEEDS_DIR / next(p.name for p in SEEDS_DIR.iterdir())).read_text(encoding="utf-8")
    for i in range(6):
        (crawl / f"p{i}.txt").write_text(text.replace("克拉夫特", f"克拉夫特{i}"), encoding="utf-8")
    monkeypatch.setattr(corpus_mod, "PARALLEL_MIN_PAGES", 2)
    monkeypatch.setattr(options, "workers", 2)
    monkeypatch.setattr(options, "engine", "local")
    docs, _, _, said = read(crawl, caplog)
    assert parsed(said) == 6
    monkeypatch.setattr(corpus_mod, "run_chunks", lambda *a, **k: pytest.fail("parsed again"))
    pd.testing.assert_frame_equal(read(crawl, caplog)[0], docs)


values = st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53), st.text(), st.floats(allow_nan=True),
                   st.datetimes(), st.datetimes(timezones=st.just(timezone(timedelta(hours=8)))))


@given(st.lists(st.dictionaries(st.sampled_from(["title", "published", "line", "row", "url"]), values), max_size=4))
def test_a_page_comes_back_as_it_was_stored(fields):
    docs = [{"doc_id": f"a/p:{n:02d}", "page_id": "a/p", **d, "source": "x/a/p.txt"} for n, d in enumerate(fields)]
    back = decode_page(encode_page(docs, source="x/a/p.txt", page_id="a/p"), source="x/a/p.txt", page_id="a/p")
    assert [list(d) for d in back] == [list(d) for d in docs]  # keys in their order
    for got, want in zip(back, docs):
        for k, v in want.items():
            assert type(got[k]) is type(v), k
            assert got[k] == v or (isinstance(v, float) and math.isnan(v) and math.isnan(got[k]))


def page(**values) -> list[dict]:
    return [{"doc_id": "p:00", "page_id": "p", "source": "p.txt", **values}]


def test_a_value_that_would_not_come_back_leaves_the_page_out():
    assert encode_page(page(published=pd.Timestamp("2020-09-17 08:30:00.000000001")), source="p.txt",
                       page_id="p") is None
    assert encode_page(page(published=datetime(2020, 9, 17).date()), source="p.txt", page_id="p") is None
    assert encode_page(page(tags=("a", "b")), source="p.txt", page_id="p") is None  # JSON would give a list
    assert encode_page(page(tags=["a"]), source="p.txt", page_id="p") is None
    lone = encode_page(page(title="台灣\ud800"), source="p.txt", page_id="p")  # a lone surrogate, as damaged text holds
    assert decode_page(lone, source="p.txt", page_id="p")[0]["title"] == "台灣\ud800"
    # documents that are not the page's own
    assert encode_page(page(), source="q.txt", page_id="p") is None
    assert encode_page(page(doc_id="q:00"), source="p.txt", page_id="p") is None
    assert encode_page([{"title": "台灣"}], source="p.txt", page_id="p") is None


def test_pages_in_subfolders_are_kept_and_read_again_under_their_paths(tmp_path, cache, caplog, seed_file):
    crawl = tmp_path / "crawl"
    for day in ("2024-05-02", "2024-05-03"):
        (crawl / day).mkdir(parents=True)
        (crawl / day / "123.txt").write_bytes(seed_file.read_bytes())
    docs, _, _, said = read(crawl, caplog)
    assert parsed(said) == 2 and sorted(docs["page_id"].unique()) == ["2024-05-02/123", "2024-05-03/123"]
    again, _, _, said = read(crawl, caplog)
    assert parsed(said) == 0  # the same bytes under another page id: taken from the cache, named where they are
    pd.testing.assert_frame_equal(again, docs)
    assert again["doc_id"].str.startswith(("2024-05-02/123:", "2024-05-03/123:")).all()
