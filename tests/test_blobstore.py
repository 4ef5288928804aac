"""The SQLite store behind the caches (analysis/blobstore.py)."""

from __future__ import annotations

from analysis.blobstore import BlobStore


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
