"""The dictionaries a segmenter loads: user dictionaries, their paths, the shipped adjustments."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import config
from analysis.segmentation.dictionaries import gsd_adjustments, mtime, read_userdict, userdict_paths


@pytest.mark.parametrize("content, entries", [
    ("克拉夫特 nr\n", [("克拉夫特", None, "nr")]),
    ("頻密友好 5 n\n", [("頻密友好", 5, "n")]),
    ("蓬佩奧 20\n", [("蓬佩奧", 20, None)]),
    ("# comment\n\n   \n台灣黑熊\n", [("台灣黑熊", None, None)]),
    ("\ufeff美聯社\r\n", [("美聯社", None, None)]),            # byte-order mark and CRLF
    ("Kelly Craft nr\n", [("Kelly Craft", None, "nr")]),          # a word with a space
])
def test_read_userdict(tmp_path, content, entries):
    d = tmp_path / "d.txt"
    d.write_bytes(content.encode("utf-8"))
    assert read_userdict(d) == entries


def test_read_userdict_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_userdict(tmp_path / "nope.txt")


def test_userdict_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project = tmp_path / "project.txt"
    monkeypatch.setattr(config, "PROJECT_USERDICT", project)
    assert userdict_paths("extra.txt") == (tmp_path / "extra.txt",)
    project.write_text("", encoding="utf-8")  # the project dictionary comes first when it exists
    assert userdict_paths(["a.txt", Path("b.txt")]) == (project, tmp_path / "a.txt", tmp_path / "b.txt")
    assert userdict_paths(None) == (project,)


def test_shipped_adjustments_load():
    adj = gsd_adjustments()
    assert len(adj.removed) > 100 and adj.suffixes and adj.added


def test_mtime_of_a_missing_file_is_none(tmp_path):
    assert mtime(tmp_path / "nope.txt") is None
    (tmp_path / "d.txt").write_text("台灣黑熊\n", encoding="utf-8")
    assert isinstance(mtime(tmp_path / "d.txt"), int)
