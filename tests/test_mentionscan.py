"""Scanning many fields: the cache and worker processes change nothing in the mentions found."""

import pytest

import analysis.mentionscan as ms
from analysis import load_corpus
from analysis.config import SEEDS_DIR
from analysis.settings import options
from analysis.segmentation import get_segmenter, segment_many


@pytest.fixture(scope="module")
def fields():
    docs = load_corpus(SEEDS_DIR)
    texts = list(dict.fromkeys([*docs["title"], *docs["text"]]))
    return texts, segment_many(texts)


def _plain(texts, words_of):
    lex = ms.lexicon()
    return {t: ms.scan(t, words_of[t], lex) for t in texts}


def test_cached_scans_equal_fresh_ones(fields, tmp_path, monkeypatch):
    texts, words_of = fields
    fp = get_segmenter().fingerprint
    monkeypatch.setattr(options, "cache_dir", tmp_path)
    monkeypatch.setattr(options, "use_cache", True)
    first = ms.scan_many(texts, words_of, fingerprint=fp)
    assert (tmp_path / "mentions.sqlite").exists()
    monkeypatch.setattr(ms, "scan_chunk", None)  # nothing may be scanned again: every text from the cache
    again = ms.scan_many(texts, words_of, fingerprint=fp)
    assert first == again == _plain(texts, words_of)
    assert sum(len(found) for found, _ in first.values()) > 50  # the seed page names many actors


def test_worker_processes_find_the_same_mentions(fields, monkeypatch):
    texts, words_of = fields
    monkeypatch.setattr(ms, "PARALLEL_MIN_TEXTS", 2)
    monkeypatch.setattr(options, "workers", 2)
    monkeypatch.setattr(options, "use_cache", False)
    out = ms.scan_many(texts, words_of, fingerprint=get_segmenter().fingerprint)
    assert out == _plain(texts, words_of)


def test_a_changed_lexicon_is_not_served_from_the_cache(fields, tmp_path):
    texts, words_of = fields
    lex = ms.lexicon()
    changed = ms.Lexicon({**lex.forms, "外交部": None}, lex.prefixes)
    assert ms.rules_digest(lex, "fp") != ms.rules_digest(changed, "fp")
    assert ms.rules_digest(lex, "fp") != ms.rules_digest(lex, "another segmenter")
