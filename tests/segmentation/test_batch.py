"""Segmenting many texts: the cache and worker processes give the same words as segmenting here."""

from __future__ import annotations

import os
import sqlite3

import pytest

from analysis import segment
from analysis.segmentation import batch as cache
from analysis.segmentation.batch import SegmentCache, _decode, _encode, segment_chunk, segment_many, word_lengths_many
from analysis.settings import configure, options


@pytest.fixture
def private_cache(tmp_path):
    saved = (options.use_cache, options.cache_dir, options.workers)
    configure(use_cache=True, cache_dir=tmp_path)
    yield tmp_path
    options.use_cache, options.cache_dir, options.workers = saved


def test_cache_round_trip_and_hits(private_cache, seed_lines, monkeypatch):
    texts = [t for t in seed_lines if t]
    first = segment_many(texts)
    assert first == {t: segment(t) for t in texts}
    calls = []
    monkeypatch.setattr(cache, "_encode", lambda words: calls.append(1) or b"")
    again = segment_many(texts)
    assert again == first and calls == []  # everything came from the cache


def _cached_wrong(folder, text: str) -> None:
    """Cache ``text``'s words, then overwrite every entry with lengths that do not add up to it."""
    segment_many([text])
    db = sqlite3.connect(folder / "segments.sqlite")
    db.execute("UPDATE seg SET v = ?", (b"\x01\x00\x00\x00",))
    db.commit()
    db.close()


def test_corrupt_entries_are_segmented_again(private_cache):
    text = "美國駐聯合國大使克拉夫特"
    _cached_wrong(private_cache, text)
    assert segment_many([text])[text] == segment(text)


@pytest.mark.parametrize("use_cache", [True, False])
def test_word_lengths_are_those_of_the_words_cached_or_not(private_cache, seed_lines, monkeypatch, use_cache):
    configure(use_cache=use_cache)
    texts = [t for t in seed_lines if t][:40] + ["", "克拉夫特訪台"]
    want = {t: [len(w) for w in segment(t)] for t in texts}
    assert {t: v.tolist() for t, v in word_lengths_many(texts).items()} == want  # segmented (and cached)
    monkeypatch.setattr(cache, "_decode", lambda text, blob: pytest.fail("no word is made from the cache"))
    again = word_lengths_many(list(reversed(texts)))
    assert {t: v.tolist() for t, v in again.items()} == want and list(again) == list(dict.fromkeys(reversed(texts)))


def test_word_lengths_of_a_corrupt_entry_are_segmented_again(private_cache):
    text = "美國駐聯合國大使克拉夫特"
    _cached_wrong(private_cache, text)
    assert word_lengths_many([text])[text].tolist() == [len(w) for w in segment(text)]


def test_word_lengths_of_a_segmenter_of_your_own(private_cache):
    def by_char(text):
        return list(text)
    assert word_lengths_many(["台灣"], segmenter=by_char)["台灣"].tolist() == [1, 1]


def test_cache_key_depends_on_the_segmenter():
    assert SegmentCache.key("a", "台灣") != SegmentCache.key("b", "台灣")
    assert SegmentCache.key("a", "台灣") != SegmentCache.key("a", "臺灣")


def test_worker_processes_agree(private_cache, seed_lines, monkeypatch):
    monkeypatch.setattr(cache, "PARALLEL_MIN_TEXTS", 1)
    configure(workers=2, use_cache=False)
    texts = [f"{t}{i}" for i, t in enumerate(seed_lines * 3) if t]
    assert segment_many(texts) == {t: segment(t) for t in texts}


def pids_and_counts(texts: list[str], words: list[list[str]]) -> list[tuple[int, int, str]]:
    """What segment_many makes of words (then=): where, how many, and the first word."""
    return [(os.getpid(), len(w), w[0]) for w in words]


@pytest.mark.parametrize("workers", [1, 2])
def test_then_makes_its_values_where_the_words_are_made_and_from_the_cache(private_cache, seed_lines, monkeypatch,
                                                                            workers):
    monkeypatch.setattr(cache, "PARALLEL_MIN_TEXTS", 1)
    configure(workers=workers)
    texts = [f"{t}{i}" for i, t in enumerate(seed_lines * 3) if t]
    expected = {t: (len(segment(t)), segment(t)[0]) for t in texts}
    segment_many(texts[:10])  # these from the cache, the rest segmented
    made = segment_many(texts, then=pids_and_counts)
    assert list(made) == texts[:10] + texts[10:] and {t: v[1:] for t, v in made.items()} == expected
    pids = {made[t][0] for t in texts[10:]}
    assert {made[t][0] for t in texts[:10]} == {os.getpid()}  # from the cache: made here
    assert (os.getpid() not in pids) == (workers == 2)  # segmented: made where they were segmented
    assert segment_many(texts) == {t: segment(t) for t in texts}  # the words were kept as ever


def test_no_cache_writes_no_file(private_cache):
    configure(use_cache=False)
    assert segment_many(["克拉夫特訪台"]) == {"克拉夫特訪台": ["克拉夫特", "訪台"]}
    assert not (private_cache / "segments.sqlite").exists()


def test_repeats_and_empty_input(private_cache):
    assert segment_many([]) == {}
    assert segment_many(iter(["台灣", "台灣", ""])) == {"台灣": ["台灣"], "": []}


def test_userdict_reaches_the_batch(private_cache, tmp_path):
    d = tmp_path / "mine.txt"
    d.write_text("頻密友好\n", encoding="utf-8")
    text = "近來互動頻密友好"
    assert "頻密友好" not in segment_many([text])[text]
    assert "頻密友好" in segment_many([text], userdict=d)[text]  # and not the cached words of the plain segmenter


@pytest.mark.parametrize("words", [["美國", "駐", "聯合國"], [], ["𠮷野家", " ", "\r\n"]])
def test_word_lengths_round_trip(words):
    text = "".join(words)
    assert _decode(text, _encode(words)) == words


def test_lengths_that_do_not_add_up_are_refused():
    assert _decode("美國駐", _encode(["美國"])) is None
    assert _decode("美國", _encode(["美國", "駐"])) is None


def test_segment_chunk_is_the_segmenter_in_word_lengths():
    texts = ["美國駐聯合國大使克拉夫特", "第2次世界大戰"]
    blobs = segment_chunk(texts, userdicts=(), hmm=True)
    assert [_decode(t, b) for t, b in zip(texts, blobs)] == [segment(t) for t in texts]
