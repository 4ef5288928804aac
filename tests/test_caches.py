from __future__ import annotations

import sqlite3

import pytest

from analysis import config, configure, read_corpus
from analysis.blobstore import BlobStore
from analysis.caches import CACHE_FILES, cache_info, clear_cache, prune_cache
from analysis.cli import main
from analysis.config import SEEDS_DIR


@pytest.fixture
def used(tmp_path):
    """A cache folder a corpus was read with, beside a file of the user's own."""
    folder = tmp_path / "cache"
    configure(cache_dir=folder)
    try:
        read_corpus(SEEDS_DIR)
    finally:
        configure(cache_dir=None)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    return folder


def test_info_lists_the_kits_files_with_their_entries(used):
    info = cache_info(cache_dir=used)
    assert info.columns.tolist() == ["file", "bytes", "entries", "holds"]
    pages = info[info["file"] == str(used / "pages.sqlite")]
    assert pages["entries"].tolist() == [1] and pages["bytes"].iloc[0] == (used / "pages.sqlite").stat().st_size
    assert str(used / "notes.txt") not in info["file"].tolist()
    assert cache_info(cache_dir=used / "nowhere").empty


def test_a_damaged_file_is_listed_as_unreadable(tmp_path):
    (tmp_path / "terms.sqlite").write_bytes(b"not a database")
    info = cache_info(cache_dir=tmp_path)
    assert info["file"].tolist() == [str(tmp_path / "terms.sqlite")] and info["entries"].isna().all()


def test_clear_removes_the_kits_files_and_nothing_else(used):
    BlobStore(used / "quotes.sqlite").close()
    (used / "quotes.sqlite-journal").write_bytes(b"")
    removed = clear_cache(cache_dir=used)
    assert sorted(p.name for p in removed) == ["pages.sqlite", "quotes.sqlite", "quotes.sqlite-journal"]
    assert [p.name for p in used.iterdir()] == ["notes.txt"]
    assert set(CACHE_FILES) >= {"pages.sqlite", "segments.sqlite", "terms.sqlite", "mentions.sqlite", "quotes.sqlite"}


def test_the_tokenizers_are_listed_and_cleared_with_the_per_user_folder_only(used, tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "own"))  # the per-user folder, not the session's
    tokenizers = config.user_cache_dir() / "jieba"
    tokenizers.mkdir(parents=True, exist_ok=True)
    (tokenizers / "tokenizer-traditional-test.marshal").write_bytes(b"x" * 10)
    assert str(tokenizers) not in cache_info(cache_dir=used)["file"].tolist()
    info = cache_info()
    row = info[info["file"] == str(tokenizers)]
    assert len(row) == 1 and row["entries"].iloc[0] >= 1
    assert tokenizers / "tokenizer-traditional-test.marshal" not in clear_cache(cache_dir=used)
    assert tokenizers / "tokenizer-traditional-test.marshal" in clear_cache()


def test_the_cache_command(used, capsys):
    assert main(["cache", "--cache-dir", str(used)]) == 0
    out = capsys.readouterr().out
    assert "pages.sqlite" in out and "pages as parsed" in out and "in 1 cache(s)" in out
    assert main(["cache", "--cache-dir", str(used), "--clear"]) == 0
    assert "removed 1 file(s)" in capsys.readouterr().out
    assert [p.name for p in used.iterdir()] == ["notes.txt"]


def test_prune_removes_the_entries_unused_for_days_from_every_file(used, monkeypatch):
    from analysis import blobstore

    terms = BlobStore(used / "terms.sqlite")
    terms.put_many([(str(i).encode(), b"x" * 5000) for i in range(100)])
    terms.close()
    entries = cache_info(cache_dir=used).set_index("file")["entries"]
    assert entries.tolist() == [1, 100]  # the page read, and the terms
    kept = prune_cache(days=0, cache_dir=used)  # everything was used today
    assert kept.columns.tolist() == ["file", "removed", "bytes_before", "bytes_after", "error"]
    assert (kept["error"] == "").all()
    assert kept["file"].tolist() == entries.index.tolist() and (kept["removed"] == 0).all()
    monkeypatch.setattr(blobstore, "today", lambda: blobstore.time.time() // 86_400 + 10)  # ten days later
    assert (prune_cache(days=10, cache_dir=used)["removed"] == 0).all()
    gone = prune_cache(days=9, cache_dir=used)
    assert gone.set_index("file")["removed"].equals(entries.astype("int64").rename("removed"))
    assert (gone["bytes_after"] < gone["bytes_before"]).all()  # compacted
    assert (cache_info(cache_dir=used)["entries"] == 0).all() and (used / "notes.txt").is_file()
    with pytest.raises(ValueError, match="days must be 0 or more"):
        prune_cache(days=-1, cache_dir=used)


def test_a_file_that_cannot_be_pruned_is_said_and_the_others_are_pruned(used, capsys, caplog):
    (used / "quotes.sqlite").write_bytes(b"not a database")
    pruned = prune_cache(days=0, cache_dir=used).set_index("file")
    assert "not a database" in pruned.loc[str(used / "quotes.sqlite"), "error"]
    assert pruned.loc[str(used / "pages.sqlite"), "error"] == "" and "not pruned" in caplog.text
    assert main(["cache", "--cache-dir", str(used), "--prune", "0"]) == 1
    assert "quotes.sqlite: not pruned" in capsys.readouterr().err


def test_the_cache_command_prunes(used, capsys):
    assert main(["cache", "--cache-dir", str(used), "--prune", "30"]) == 0
    assert "removed 0 entries not used in the last 30 day(s) from" in capsys.readouterr().out
    old = sqlite3.connect(used / "terms.sqlite")  # a file of an earlier release, without days of use
    old.execute("CREATE TABLE seg (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
    old.executemany("INSERT INTO seg VALUES (?, ?)", [(str(i).encode() * 8, b"v") for i in range(20_000)])
    old.commit()
    old.close()
    assert main(["cache", "--cache-dir", str(used), "--prune", "30"]) == 0
    assert "removed 0 entries" in (out := capsys.readouterr().out) and "the files grew by" in out
    assert main(["cache", "--cache-dir", str(used), "--prune", "-1"]) == 2
    assert "--prune takes 0 days or more" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["cache", "--cache-dir", str(used), "--prune", "3", "--clear"])
