"""The SQLite store behind the caches (analysis/blobstore.py)."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from analysis import blobstore
from analysis.blobstore import BlobStore


@pytest.fixture
def said():
    """Each test starts with no cache warning said yet (they are said once a process)."""
    blobstore._SAID.clear()
    yield
    blobstore._SAID.clear()


def _stored_and_held(path, how):
    """A store holding ``k`` and another process's connection holding its file (``BEGIN how``)."""
    db = BlobStore(path)
    db.put_many([(b"k", b"v")])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute(f"BEGIN {how}")
    return db, other


def test_a_store_keeps_and_finds_many(tmp_path):
    db = BlobStore(tmp_path / "sub" / "s.sqlite")
    keys = [str(i).encode() for i in range(1200)]  # more than one query of 500
    db.put_many((k, bytes([i % 256])) for i, k in enumerate(keys))
    found = db.get_many(keys + [b"missing"])
    db.close()
    assert len(found) == 1200 and found[keys[513]] == bytes([513 % 256])


def test_a_value_stored_again_replaces_the_first_and_survives_reopening(tmp_path):
    path = tmp_path / "s.sqlite"
    db = BlobStore(path)
    db.put_many([(b"k", b"first")])
    db.put_many([(b"k", b"second")])
    db.close()
    again = BlobStore(path)
    assert again.get_many([b"k"]) == {b"k": b"second"}
    again.close()


def _days(db: BlobStore) -> dict[bytes, int]:
    return dict(db.db.execute("SELECT k, day FROM used").fetchall())


def test_pruning_removes_what_no_run_used_in_the_last_days(tmp_path, monkeypatch):
    day = [1000]
    monkeypatch.setattr(blobstore, "today", lambda: day[0])
    db = BlobStore(tmp_path / "s.sqlite")
    db.put_many([(b"read", b"1"), (b"stored", b"2"), (b"old", b"3")])  # all used on day 1000
    day[0] = 1040
    db.put_many([(b"stored", b"2 again")])
    assert db.get_many([b"read", b"missing"]) == {b"read": b"1"}
    assert _days(db) == {b"read": 1040, b"stored": 1040, b"old": 1000}
    day[0] = 1041
    db.get_many([b"read"])
    day[0] = 1040  # a clock set back: the later day is kept
    db.get_many([b"read"])
    assert _days(db)[b"read"] == 1041
    day[0] = 1070
    assert db.prune(days=70) == 0  # what was used on day 1000 or later is kept
    assert db.prune(days=30) == 1  # day 1040 on: "old" (day 1000) goes
    assert db.prune(days=29) == 1  # day 1041 on: "stored" (day 1040) goes
    assert db.get_many([b"read", b"stored", b"old"]) == {b"read": b"1"}
    assert _days(db) == {b"read": 1070}
    with pytest.raises(ValueError, match="days must be 0 or more"):
        db.prune(days=-1)
    db.close()


def test_a_file_made_before_days_of_use_were_kept_has_its_entries_used_on_opening(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE seg (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
    old.executemany("INSERT INTO seg VALUES (?, ?)", [(b"a", b"1"), (b"b", b"2")])
    old.commit()
    old.close()
    monkeypatch.setattr(blobstore, "today", lambda: 500)
    db = BlobStore(path)
    assert db.stamps and _days(db) == {b"a": 500, b"b": 500}
    db.db.execute("DELETE FROM used WHERE k = ?", (b"b",))  # stored while its use could not be noted
    db.db.commit()
    monkeypatch.setattr(blobstore, "today", lambda: 600)
    assert db.prune(days=10) == 1  # "a" (day 500) goes; "b", without a day, is taken as used today
    assert db.get_many([b"a", b"b"]) == {b"b": b"2"}
    db.close()


def test_a_use_that_cannot_be_noted_leaves_the_values_read_and_stored(tmp_path, caplog, said):
    db = BlobStore(tmp_path / "s.sqlite")
    db.put_many([(b"k", b"v")])
    db.db.execute("DROP TABLE used")  # the note fails
    db.db.commit()
    with caplog.at_level(logging.INFO, logger="analysis.blobstore"):
        assert db.get_many([b"k"]) == {b"k": b"v"}
        db.put_many([(b"k2", b"v2")])
    assert db.get_many([b"k2"]) == {b"k2": b"v2"}
    assert caplog.text.count("not noted as used") == 1  # said once
    db.close()


def test_a_read_while_another_process_writes_waits_briefly_for_its_note(tmp_path, monkeypatch, caplog, said):
    monkeypatch.setattr(blobstore, "STAMP_WAIT", 0.05)
    db, other = _stored_and_held(tmp_path / "s.sqlite", "IMMEDIATE")  # another process writing: readers read
    monkeypatch.setattr(blobstore, "today", lambda: blobstore.time.time() // 86_400 + 1)  # a new day: a write
    with caplog.at_level(logging.WARNING, logger="analysis.blobstore"):
        assert db.get_many([b"k"]) == {b"k": b"v"}
    assert "not noted as used" in caplog.text
    other.execute("ROLLBACK")
    other.close()
    assert db.db.execute("PRAGMA busy_timeout").fetchone()[0] == blobstore.WAIT * 1000  # a store waits as before
    db.get_many([b"k"])
    assert _days(db)[b"k"] == blobstore.today()  # noted once the file is free
    db.close()


def test_a_file_held_by_another_process_too_long_is_read_and_written_without(tmp_path, monkeypatch, caplog, said):
    monkeypatch.setattr(blobstore, "WAIT", 0.05)
    db, other = _stored_and_held(tmp_path / "s.sqlite", "EXCLUSIVE")  # a prune's compaction: nothing gets in
    with caplog.at_level(logging.WARNING, logger="analysis.blobstore"):
        assert db.get_many([b"k"]) == {}  # computed again by the caller
        tried: list[str] = []
        db.db.set_trace_callback(tried.append)
        db.put_many([(b"k2", b"v2")])  # not kept: no error
        db.db.set_trace_callback(None)
        db.put_many([(b"k3", b"v3")])
    assert sum(sql.startswith("INSERT OR REPLACE") for sql in tried) == 1  # tried once: one wait, not two
    assert caplog.text.count("cannot be read") == 1 and "computed again" in caplog.text
    assert caplog.text.count("cannot be written") == 1 and "Another process held it" in caplog.text
    assert "not noted" not in caplog.text  # nothing was stored, so nothing to note
    other.execute("ROLLBACK")
    other.close()
    assert db.get_many([b"k", b"k2"]) == {b"k": b"v"}  # the file as it was, usable again
    db.close()


def test_a_file_damaged_past_its_first_page_is_read_and_written_without(tmp_path, caplog, said):
    path = tmp_path / "s.sqlite"
    db = BlobStore(path)
    db.put_many([(bytes([i]) * 16, b"x" * 2000) for i in range(200)])  # many pages
    db.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xff" * (len(data) - page)  # every page but the first (the schema) overwritten
    path.write_bytes(bytes(data))
    db = BlobStore(path)
    with caplog.at_level(logging.WARNING, logger="analysis.blobstore"):
        assert db.get_many([b"\x00" * 16]) == {}
        db.put_many([(b"k", b"v")])
    assert "cannot be read (database disk image is malformed)" in caplog.text
    assert "cannot be written" in caplog.text and "It is damaged: remove it" in caplog.text
    db.close()


def test_a_callers_mistake_is_raised_not_passed_over(tmp_path):
    db = BlobStore(tmp_path / "s.sqlite")
    with pytest.raises(sqlite3.IntegrityError):
        db.put_many([(b"k", None)])  # a value must be bytes
    db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        db.get_many([b"k"])  # a closed store


def test_a_damaged_file_is_not_opened_and_the_step_runs_without_it(tmp_path, caplog, said):
    from analysis import configure
    from analysis.segmentation import segment_many

    (tmp_path / "segments.sqlite").write_bytes(b"not a database" * 400)
    configure(cache_dir=tmp_path)
    try:
        with caplog.at_level(logging.WARNING, logger="analysis.blobstore"):
            assert blobstore.open_cache("segments.sqlite") is None
            words = segment_many(["美國駐聯合國大使"])
            assert blobstore.open_cache("segments.sqlite") is None
    finally:
        configure(cache_dir=None)
    assert words == {"美國駐聯合國大使": ["美國", "駐", "聯合國", "大使"]}
    assert caplog.text.count("segments.sqlite cannot be opened (file is not a database)") == 1  # said once
    assert "It is damaged: remove it" in caplog.text and "cache --clear" in caplog.text


def test_a_cache_folder_that_cannot_be_made_is_done_without(tmp_path, caplog, said):
    from analysis import configure

    (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
    configure(cache_dir=tmp_path / "file" / "cache")
    try:
        with caplog.at_level(logging.WARNING, logger="analysis.blobstore"):
            assert blobstore.open_cache("segments.sqlite") is None
    finally:
        configure(cache_dir=None)
    assert "cannot be opened" in caplog.text
