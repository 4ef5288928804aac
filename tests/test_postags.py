import random

import jieba.posseg as posseg
import pytest

from analysis.postags import dictionary_tag, jieba_tag, load_tagger, simplified, viterbi


def _jieba_path(chars: str) -> list:
    return posseg.viterbi(chars, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)[1]


def _strings(seed: int, count: int) -> list[str]:
    """Strings of one to eight characters, mostly of those with the most states in jieba's model."""
    load_tagger()
    rng = random.Random(seed)
    rich = sorted(posseg.char_state_tab_P, key=lambda c: (-len(posseg.char_state_tab_P[c]), c))[:300]
    chars = rich + ["Ａ", "x", "1", "。", "魃", "𠮷"]  # and some the model has no states for
    return ["".join(rng.choice(chars) for _ in range(rng.randint(1, 8))) for _ in range(count)]


def test_the_same_path_as_jiebas_decoder():
    words = _strings(0, 3000) + [simplified(w) for w in ["林志明", "蘇芷琪", "哈尤瓦旦", "外送員阿凱", "屋宇署"]]
    assert [viterbi(w) for w in words] == [_jieba_path(w) for w in words]


@pytest.mark.parametrize("word, tag", [("林志明", "nr"), ("表達", "v"), ("近來", "t")])
def test_tags(word, tag):
    assert jieba_tag(word) == tag


def test_a_word_the_model_cuts_has_no_tag():
    word = next(w for w in _strings(1, 500) if len(w) > 2 and dictionary_tag(w) is None
                and [s[0] for s in _jieba_path(w)].count("S") > 1)
    assert jieba_tag(word) is None


def test_empty():
    assert viterbi("") == []
