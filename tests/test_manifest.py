"""The manifest: a report is up to date only for the same pages, options and kit, with intact outputs."""

from __future__ import annotations

import json
import re

import pytest

from analysis.manifest import MANIFEST_NAME, input_fingerprint, recorded_figures, up_to_date, write_manifest


@pytest.fixture
def corpus(tmp_path, seed_file):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_file.read_bytes())
    (folder / "b.txt").write_text("第二頁", encoding="utf-8")
    return folder


@pytest.fixture
def report(tmp_path):
    """A stand-in report folder with two output files."""
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    files = [out / "tables" / "t.csv", out / "findings.md"]
    files[0].write_text("a,b\n1,2\n", encoding="utf-8")
    files[1].write_text("# Findings\n", encoding="utf-8")
    return out, files


OPTIONS = {"top": 20, "page": None, "encoding": None, "strict": False}


def test_fingerprint_is_stable(corpus):
    assert input_fingerprint(corpus, OPTIONS) == input_fingerprint(corpus, dict(reversed(OPTIONS.items())))


def test_fingerprint_changes_with_a_pages_bytes(corpus):
    before = input_fingerprint(corpus, OPTIONS)
    (corpus / "b.txt").write_text("第二頁。", encoding="utf-8")
    assert input_fingerprint(corpus, OPTIONS) != before


def test_fingerprint_changes_with_pages_added_or_removed(corpus):
    before = input_fingerprint(corpus, OPTIONS)
    (corpus / "c.txt").write_text("第三頁", encoding="utf-8")
    added = input_fingerprint(corpus, OPTIONS)
    (corpus / "b.txt").unlink()
    assert len({before, added, input_fingerprint(corpus, OPTIONS)}) == 3


@pytest.mark.parametrize("option, value", [("top", 10), ("page", "a"), ("encoding", "cp950"), ("strict", True)])
def test_fingerprint_changes_with_an_option(corpus, option, value):
    assert input_fingerprint(corpus, {**OPTIONS, option: value}) != input_fingerprint(corpus, OPTIONS)


def test_fingerprint_changes_with_an_extra_file(corpus, tmp_path):
    d = tmp_path / "userdict.txt"
    d.write_text("克拉夫特\n", encoding="utf-8")
    with_dict = input_fingerprint(corpus, OPTIONS, [d])
    assert with_dict != input_fingerprint(corpus, OPTIONS)
    d.write_text("克拉夫特 nr\n", encoding="utf-8")
    assert input_fingerprint(corpus, OPTIONS, [d]) != with_dict


def test_fingerprint_of_one_file(corpus):
    assert input_fingerprint(corpus / "a.txt", OPTIONS) != input_fingerprint(corpus, OPTIONS)


def test_up_to_date_after_write_manifest(corpus, report):
    out, files = report
    fp = input_fingerprint(corpus, OPTIONS)
    assert not up_to_date(out, fp)  # no manifest yet
    path = write_manifest(out, fp, files)
    assert path == out / MANIFEST_NAME
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert manifest["input"] == fp
    assert list(manifest["outputs"]) == ["findings.md", "tables/t.csv"]  # relative, sorted
    assert all(re.fullmatch(r"[0-9a-f]{32}", h) for h in manifest["outputs"].values())
    assert up_to_date(out, fp)


def test_not_up_to_date_for_another_fingerprint(corpus, report):
    out, files = report
    write_manifest(out, input_fingerprint(corpus, OPTIONS), files)
    assert not up_to_date(out, input_fingerprint(corpus, {**OPTIONS, "top": 5}))


@pytest.mark.parametrize("damage", ["modify", "delete"])
def test_not_up_to_date_when_an_output_changes(corpus, report, damage):
    out, files = report
    fp = input_fingerprint(corpus, OPTIONS)
    write_manifest(out, fp, files)
    if damage == "modify":
        files[0].write_text("a,b\n1,3\n", encoding="utf-8")
    else:
        files[1].unlink()
    assert not up_to_date(out, fp)


@pytest.mark.parametrize("content", ["", "not json", "[]", '{"input": "x"}', '{"input": "FP", "outputs": 3}'])
def test_a_broken_manifest_is_not_up_to_date(report, content):
    out, _ = report
    (out / MANIFEST_NAME).write_text(content, encoding="utf-8")
    assert up_to_date(out, "FP") is False


def test_recorded_figures_are_those_whose_files_are_intact(report):
    out, files = report
    figures = out / "figures"
    figures.mkdir()
    for name in ("top_terms", "timeline"):
        for suffix in (".png", ".svg"):
            (figures / f"{name}{suffix}").write_bytes(f"{name}{suffix}".encode())
    drawn = {"top_terms": {"font": "F", "top": 7}, "timeline": {"font": "F"}, "bursts": {"font": "F"}}
    write_manifest(out, "FP", [*files, *figures.iterdir()], figures=drawn)
    # bursts has no file listed: not recorded as drawn
    assert recorded_figures(out) == {"top_terms": {"font": "F", "top": 7}, "timeline": {"font": "F"}}
    (figures / "timeline.svg").unlink()
    assert recorded_figures(out) == {"top_terms": {"font": "F", "top": 7}}
    write_manifest(out, "FP", files)  # written without a record of the figures
    assert recorded_figures(out) == {}


@pytest.mark.parametrize("content", ["", "not json", "[]", '{"figures": {"a": {}}}', '{"figures": 3, "outputs": {}}'])
def test_a_broken_manifest_records_no_figure(report, content):
    out, _ = report
    (out / MANIFEST_NAME).write_text(content, encoding="utf-8")
    assert recorded_figures(out) == {}


def test_a_files_digest_is_read_a_block_at_a_time_and_is_that_of_its_bytes(tmp_path, monkeypatch):
    import hashlib
    from pathlib import Path

    from analysis import manifest

    big = tmp_path / "documents.csv"
    big.write_bytes(bytes(range(256)) * 10_000)  # 2.5 blocks of a megabyte
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    assert manifest._file_hash(big) == hashlib.blake2b(bytes(range(256)) * 10_000, digest_size=16).hexdigest()


def test_fingerprint_reads_subfolders_and_says_where_each_page_is(corpus):
    day = corpus / "2024-05-03"
    day.mkdir()
    (day / "c.txt").write_text("第三頁", encoding="utf-8")
    before = input_fingerprint(corpus, OPTIONS)
    (day / "c.txt").write_text("第三頁，改過", encoding="utf-8")
    changed = input_fingerprint(corpus, OPTIONS)
    assert changed != before
    other = corpus / "2024-05-04"
    (day / "c.txt").rename(other.mkdir() or other / "c.txt")  # the same bytes, another page id
    assert input_fingerprint(corpus, OPTIONS) != changed


def test_fingerprint_changes_with_a_file_the_kit_does_not_read(corpus):
    before = input_fingerprint(corpus, OPTIONS)
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")  # a row of the problems table
    assert input_fingerprint(corpus, OPTIONS) != before
