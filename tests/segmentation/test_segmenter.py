"""The segmenter: lossless on every line, entities whole, width-insensitive, with its switches and dictionaries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import segment
from analysis.segmentation import Segmenter
from analysis.segmentation.segmenter import get_segmenter, shared_segmenter

ENTITIES = ["克拉夫特", "李光章", "歐江安", "蔡英文", "蓬佩奧", "柯拉克", "台灣黑熊", "聯合國", "總統府",
            "馬英九", "林鶴明", "波頓", "童振源", "費鴻泰", "美聯社", "曼哈頓", "李登輝"]


def test_lossless_on_every_seed_line(seed_lines):
    for line in seed_lines:
        assert "".join(segment(line)) == line


def test_lossless_on_awkward_strings():
    for text in ["", " ", "\u3000\u3000", "a\r\nb", "𠮷野家", "ＵＮ，UN,", "\t混合 text 123.45%",
                 "\ufeff前", "🙂表情", "ｋｅｌｌｙ　ｃｒａｆｔ"]:
        assert "".join(segment(text)) == text


@pytest.mark.parametrize("entity", ENTITIES)
def test_entities_stay_whole(entity, seed_lines):
    lines = [line for line in seed_lines if entity in line]
    assert lines, f"{entity} is not in the seed page"
    for line in lines:
        assert entity in segment(line), (entity, line)


@pytest.mark.parametrize("text, word", [
    ("美國駐聯合國大使克拉夫特", "克拉夫特"),
    ("國務卿蓬佩奧宣布", "蓬佩奧"),
    ("與AIT協調中", "AIT"),
    ("因COVID-19停辦", "COVID-19"),
])
def test_hard_cases(text, word):
    assert word in segment(text)


def test_full_width_segments_like_half_width():
    full, half = segment("美駐ＵＮ大使"), segment("美駐UN大使")
    assert [len(w) for w in full] == [len(w) for w in half]
    assert "ＵＮ" in full


def test_simplified_text_segments_well():
    assert segment("美国驻联合国大使克拉夫特将访问台湾") == ["美国", "驻", "联合国", "大使", "克拉夫特", "将",
                                                            "访问", "台湾"]


def test_userdict_argument(tmp_path):
    d = tmp_path / "mine.txt"
    d.write_text("# my words\n\n頻密友好 5 n\n", encoding="utf-8")
    assert "頻密友好" not in segment("近來互動頻密友好")
    assert "頻密友好" in segment("近來互動頻密友好", userdict=d)


def test_missing_userdict_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        segment("台灣", userdict=tmp_path / "nope.txt")


def test_no_jieba_log_lines(capfd):
    Segmenter()("美國駐聯合國大使")
    captured = capfd.readouterr()
    assert "prefix dict" not in captured.err and "Loading model" not in captured.err


@pytest.mark.parametrize("text, words", [
    ("美國國務卿蓬佩奧宣布", ["美國", "國務卿", "蓬佩奧", "宣布"]),
    ("克拉夫特將在13日訪台", ["克拉夫特", "將", "在", "13", "日", "訪台"]),
    ("人口16,250人", ["人口", "16,250", "人"]),
    ("第2次世界大戰", ["第2", "次", "世界", "大戰"]),
    ("花費3.5億", ["花費", "3.5億"]),
    ("普魯申科獲得金牌", ["普魯申科", "獲得", "金牌"]),
    ("與AIT協調中", ["與", "AIT", "協調", "中"]),
    ("Kelly Craft大使", ["Kelly Craft", "大使"]),
])
def test_hard_cases_exactly(text, words):
    assert segment(text) == words


def test_jieba_state_is_not_changed_by_the_kit():
    """Loading the kit's dictionaries must not change what plain jieba does in the same process."""
    import jieba.finalseg

    before = set(jieba.finalseg.Force_Split_Words)
    Segmenter()("博物館成為景點")
    assert set(jieba.finalseg.Force_Split_Words) == before


def test_every_gold_sentence_round_trips():
    import os

    from analysis.config import GOLD_CONLLU

    if not GOLD_CONLLU.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"gold data missing in CI: {GOLD_CONLLU}")
        pytest.skip(f"gold data not beside this clone: {GOLD_CONLLU}")
    texts = []
    for line in GOLD_CONLLU.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            texts.append(line[len("# text = "):])
    assert len(texts) == 500
    for t in texts:
        assert "".join(segment(t)) == t


def test_jieba_cache_lives_in_the_user_cache_folder():
    from analysis.config import user_cache_dir

    tok = Segmenter().tokenizer("hant")
    assert Path(tok.tmp_dir).resolve().is_relative_to(user_cache_dir().resolve())


@pytest.mark.parametrize("switch, text, words", [
    ({}, "人口16,250人", ["人口", "16,250", "人"]),
    ({"rules": False}, "人口16,250人", ["人口", "16", ",", "250", "人"]),
    ({}, "克拉夫特訪台", ["克拉夫特", "訪台"]),
    ({"entities": False}, "克拉夫特訪台", ["克拉", "夫特", "訪台"]),
    ({"adjust": False}, "博物館成為景點", ["博物館", "成為", "景點"]),
])
def test_switches(switch, text, words):
    assert Segmenter(**switch)(text) == words


def test_script_is_detected_unless_given():
    seg = Segmenter()
    assert seg("美国驻联合国大使") == ["美国", "驻", "联合国", "大使"]
    assert seg("美国驻联合国大使", script="hant") != seg("美国驻联合国大使")
    assert seg("") == []


def test_fingerprint_identifies_the_output(tmp_path):
    d = tmp_path / "mine.txt"
    d.write_text("頻密友好\n", encoding="utf-8")
    base = Segmenter().fingerprint
    assert Segmenter().fingerprint == base
    others = [Segmenter(hmm=False), Segmenter(hant_hmm=False), Segmenter(rules=False), Segmenter(entities=False),
              Segmenter(adjust=True), Segmenter(conventions=False), Segmenter(userdicts=[d])]
    fingerprints = [s.fingerprint for s in others]
    assert base not in fingerprints and len(set(fingerprints)) == len(others)
    before = Segmenter(userdicts=[d]).fingerprint
    d.write_text("頻密友好 5 n\n", encoding="utf-8")
    assert Segmenter(userdicts=[d]).fingerprint != before


def test_shared_segmenter_is_rebuilt_when_a_dictionary_changes(tmp_path):
    d = tmp_path / "mine.txt"
    d.write_text("# empty for now\n", encoding="utf-8")
    first = shared_segmenter([d])
    assert shared_segmenter([d]) is first and "頻密友好" not in first("互動頻密友好")
    d.write_text("頻密友好\n", encoding="utf-8")
    os.utime(d, ns=(d.stat().st_atime_ns, d.stat().st_mtime_ns + 10**9))  # a later modification time
    again = shared_segmenter([d])
    assert again is not first and "頻密友好" in again("互動頻密友好")


def test_get_segmenter_is_shared():
    assert get_segmenter() is get_segmenter(userdict=None) is get_segmenter(userdict=[])
    assert get_segmenter(hmm=False) is not get_segmenter()
