"""Tokenizers kept once built: loaded, they cut exactly as built ones; anything else builds them again."""

from __future__ import annotations

import logging
import os

import jieba.finalseg
import pytest

from analysis.segmentation import Segmenter, tokenizers
from analysis.segmentation.hmm import hant_hmm

TEXTS = ["美國駐聯合國大使克拉夫特訪台，蔡英文總統會見。",
         "國防部與委員會的一位官員表示，共機擾台２０２０年達３８０架次。",
         "台北市長柯文哲今天說：「防疫不能鬆懈」", "童振源費鴻泰柯拉克在立法院質詢", "Keep Taiwan Free 和 UN 大使",
         "美国驻联合国大使克拉夫特访台", "美國務院發言人", "臉書貼文呼應自助助人"]


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """Tokenizers kept in a folder of the test's own (jieba's own cache stays where it is)."""
    folder = tmp_path / "kept"
    folder.mkdir()
    monkeypatch.setattr(tokenizers, "state_path", lambda fp, script: folder / f"{fp}-{script}.marshal")
    return folder


def _no_build(self, script, tok):
    raise AssertionError("the tokenizer was built again")


def _words(seg, seed_lines):
    return [seg(t) for t in [*TEXTS, *seed_lines]]


def test_a_kept_tokenizer_is_the_one_built_and_cuts_alike(kept, seed_lines, monkeypatch):
    built = Segmenter()
    words = _words(built, seed_lines)
    assert sorted(p.name.rsplit("-", 1)[1] for p in kept.iterdir()) == ["hans.marshal", "hant.marshal"]
    monkeypatch.setattr(Segmenter, "_build", _no_build)
    loaded = Segmenter()
    assert _words(loaded, seed_lines) == words
    for script in ("hant", "hans"):
        a, b = built.tokenizer(script), loaded.tokenizer(script)
        assert a is not b and type(a) is type(b)
        assert a.FREQ == b.FREQ and a.total == b.total and a.user_word_tag_tab == b.user_word_tag_tab
        assert a.dictionary == b.dictionary and b.initialized
    assert loaded.tokenizer("hant").hmm_model == hant_hmm() and loaded.tokenizer("hans").hmm_model is None
    assert loaded.tokenizer("hant").user_word_tag_tab["克拉夫特"] == "nr"


def test_words_jieba_must_split_are_restored_with_a_kept_tokenizer(kept, tmp_path, monkeypatch):
    userdict = tmp_path / "words.txt"
    userdict.write_text("總統會 0\n", encoding="utf-8")
    Segmenter(userdicts=[userdict]).tokenizer("hans")
    assert "總統會" in jieba.finalseg.Force_Split_Words
    jieba.finalseg.Force_Split_Words.discard("總統會")  # as in a new process
    monkeypatch.setattr(Segmenter, "_build", _no_build)
    tok = Segmenter(userdicts=[userdict]).tokenizer("hans")
    assert tok.FREQ["總統會"] == 0 and "總統會" in jieba.finalseg.Force_Split_Words
    jieba.finalseg.Force_Split_Words.discard("總統會")


def test_another_dictionary_or_switch_builds_another_tokenizer(kept, tmp_path):
    userdict = tmp_path / "words.txt"
    userdict.write_text("費鴻泰柯 1000000 nr\n", encoding="utf-8")
    plain = Segmenter()
    plain.tokenizer("hant")
    mine = Segmenter(userdicts=[userdict])
    assert mine.fingerprint != plain.fingerprint
    assert mine("童振源費鴻泰柯拉克") != plain("童振源費鴻泰柯拉克") and "費鴻泰柯" in mine("童振源費鴻泰柯拉克")
    userdict.write_text("鴻泰柯拉 1000000 nr\n", encoding="utf-8")
    again = Segmenter(userdicts=[userdict])
    assert "鴻泰柯拉" in again("童振源費鴻泰柯拉克")
    no_hmm = Segmenter(hant_hmm=False)
    assert no_hmm.tokenizer("hant").hmm_model is None
    assert len(list(kept.iterdir())) == 4


def test_an_unreadable_kept_file_is_built_again(kept, caplog):
    seg = Segmenter()
    path = tokenizers.state_path(seg.fingerprint, "hant")
    path.write_bytes(b"not a tokenizer")
    with caplog.at_level(logging.INFO, logger="analysis.segmentation.tokenizers"):
        words = seg("美國駐聯合國大使克拉夫特訪台")
    assert words == ["美國", "駐", "聯合國", "大使", "克拉夫特", "訪台"]
    assert "cannot be read" in caplog.text and str(path) in caplog.text
    assert tokenizers._read(path) is not None  # written again, whole


def test_a_tokenizer_that_cannot_be_kept_still_cuts(tmp_path, monkeypatch, caplog):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_bytes(b"")
    missing = blocked / "tokenizer.marshal"
    monkeypatch.setattr(tokenizers, "state_path", lambda fingerprint, script: missing)
    with caplog.at_level(logging.INFO, logger="analysis.segmentation.tokenizers"):
        assert Segmenter()("克拉夫特訪台") == ["克拉夫特", "訪台"]
    assert blocked.read_bytes() == b"" and list(tmp_path.iterdir()) == [blocked] and "cannot be written" in caplog.text


def test_kept_tokenizers_are_named_by_fingerprint_script_and_python():
    a = tokenizers.state_path("f1", "hant")
    assert a == tokenizers.state_path("f1", "hant") and a.parent == tokenizers.jieba_cache_dir()
    assert len({a, tokenizers.state_path("f2", "hant"), tokenizers.state_path("f1", "hans")}) == 3


def test_only_the_tokenizers_used_last_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(tokenizers, "KEEP", 2)
    for age, name in enumerate(["tokenizer-hant-a.marshal", "tokenizer-hant-b.marshal", "tokenizer-hant-c.marshal",
                                "tokenizer-hans-d.marshal", "tokenizer-hans-e.marshal", "tokenizer-hans-f.marshal",
                                "jieba.cache"]):
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (1_000_000 - age, 1_000_000 - age))  # a used last, f first
    tokenizers._prune(tmp_path, "hant")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "jieba.cache", "tokenizer-hans-d.marshal", "tokenizer-hans-e.marshal", "tokenizer-hans-f.marshal",
        "tokenizer-hant-a.marshal", "tokenizer-hant-b.marshal"]


def test_loading_a_kept_tokenizer_marks_it_used(kept):
    Segmenter().tokenizer("hant")
    [path] = kept.iterdir()
    os.utime(path, (1_000_000, 1_000_000))
    Segmenter().tokenizer("hant")
    assert path.stat().st_mtime > 1_000_000
