"""Word discovery: the measures by hand, planted words found and accepted, the dictionary written safely."""

from __future__ import annotations

import math
import os
import random

import pandas as pd
import pytest

from analysis import accept_words, config, discover_words, segment
from analysis.cli import main
from analysis.discovery import (ALIGNED, FUNCTION_CHARS, MAX_LENGTH, MIN_COHESION, MIN_COUNT, MIN_ENTROPY,
                                PHRASE_ENTROPY, SUBSUMED, TOP)
from analysis.segmentation import read_userdict

# -- the measures, worked by hand -------------------------------------------------------------------------


def test_count_documents_and_boundary_entropy_by_hand():
    # Runs of Han characters: 甲乙丙 | 甲乙丁 (the comma ends a run) and 戊甲乙. With min_count=2 only 甲乙
    # (3 occurrences, in 2 texts) is counted: every other string of two or more characters occurs once.
    table = discover_words(["甲乙丙，甲乙丁", "戊甲乙"], min_count=2)
    assert table["word"].tolist() == ["甲乙"]
    row = table.iloc[0]
    assert (row["count"], row["documents"], row["length"]) == (3, 2, 2)
    # Left of 甲乙: an edge, an edge, 戊. The edge is one neighbour (seen twice), not two.
    assert row["left_entropy"] == pytest.approx(-(2 / 3) * math.log2(2 / 3) - (1 / 3) * math.log2(1 / 3))
    # Right of 甲乙: 丙, 丁 and an edge: three neighbours seen once each.
    assert row["right_entropy"] == pytest.approx(math.log2(3))
    # p(甲乙) = 3 / 6 bigram positions; p(甲) = p(乙) = 3 / 9 characters.
    assert row["cohesion"] == pytest.approx(math.log2((3 / 6) / ((3 / 9) * (3 / 9))))


def test_cohesion_is_the_weakest_cut():
    # Runs: 甲乙丙 ×2, 甲乙 ×2, 乙丙 ×2, 丙. Characters: 甲 4, 乙 6, 丙 5 in 15 positions; bigrams:
    # 甲乙 4, 乙丙 4 in 8 positions; the trigram 甲乙丙: 2 in 2 positions.
    table = discover_words(["甲乙丙。甲乙丙。甲乙。甲乙。乙丙，乙丙，丙"], min_count=2).set_index("word")
    first = math.log2((2 / 2) / ((4 / 15) * (4 / 8)))   # 甲 | 乙丙: log2(7.5)
    second = math.log2((2 / 2) / ((4 / 8) * (5 / 15)))  # 甲乙 | 丙: log2(6), the weaker
    assert table.loc["甲乙丙", "cohesion"] == pytest.approx(min(first, second)) == pytest.approx(math.log2(6))
    # 甲乙 is always preceded by an edge (entropy 0) and followed by 丙 twice and an edge twice (1 bit).
    assert table.loc["甲乙", ["left_entropy", "right_entropy"]].tolist() == pytest.approx([0.0, 1.0])
    assert table.loc["乙丙", ["left_entropy", "right_entropy"]].tolist() == pytest.approx([1.0, 0.0])


def test_each_distinct_text_is_counted_once():
    once = discover_words(["甲乙丙，甲乙丁", "戊甲乙"], min_count=2)
    twice = discover_words(["甲乙丙，甲乙丁", "戊甲乙", "戊甲乙"], min_count=2)
    pd.testing.assert_frame_equal(once, twice)
    docs = pd.DataFrame({"title": ["甲乙丙", "戊", "戊"], "text": ["甲乙丁", "甲乙", "甲乙"],
                         "content_id": ["a", "b", "b"]})
    table = discover_words(docs, min_count=2)
    assert table.attrs["texts"] == 2
    # Title and text are joined by a line break: an edge, never a neighbour (甲乙 after 丙 is not 丙甲乙).
    assert table.set_index("word").loc["甲乙", ["count", "documents"]].tolist() == [3, 2]


def test_candidates_stay_inside_runs_of_han_characters():
    table = discover_words(["快篩3劑快篩A劑，快篩。快篩", "快篩！"], min_count=2)
    assert set(table["word"]) == {"快篩"}  # never 篩3劑 or 篩A劑, nor across punctuation


def test_arguments_are_checked():
    with pytest.raises(TypeError, match="not one string"):
        discover_words("陳時中表示")
    with pytest.raises(ValueError, match="min_count"):
        discover_words(["甲乙"], min_count=0)
    with pytest.raises(ValueError, match="max_length"):
        discover_words(["甲乙"], max_length=1)


def test_the_thresholds_are_stated():
    table = discover_words(["甲乙丙，甲乙丁", "戊甲乙"], min_count=2)
    assert table.attrs["thresholds"] == {"min_count": 2, "max_length": MAX_LENGTH, "min_cohesion": MIN_COHESION,
                                         "min_entropy": MIN_ENTROPY, "phrase_entropy": PHRASE_ENTROPY,
                                         "aligned": ALIGNED, "subsumed": SUBSUMED}
    doc = discover_words.__doc__
    for value in (MIN_COUNT, MIN_COHESION, MIN_ENTROPY):
        assert f"{value:g}" in doc


# -- planted words -------------------------------------------------------------------------------------------

#: Invented names and coinages (so that no dictionary will ever hold them), cut into pieces today.
PLANTED = ["柯禹澄", "鍾岳霖", "防疫集點卡", "藍鵲幣"]
LEFT = ["今天", "部長", "記者會上，", "據了解，", "晚間", "立委"]
RIGHT = ["表示", "說", "強調", "指出", "。"]
AFTER = ["民眾排隊等候。", "此事引發討論。", "相關單位回應。"]
OWNERS = ["政府", "市府", "學校", "廠商", "醫院"]
STATES = ["不足", "有限", "很多", "太少", "上路"]


def planted_texts() -> list[str]:
    """Each planted word in 90 contexts; the coinages also after 的 and 在; and unrelated news."""
    texts = [f"{a}{w}{b}{c}" for w in PLANTED for a in LEFT for b in RIGHT for c in AFTER]
    texts += [f"{o}的{w}{s}。" for w in PLANTED[2:] for o in OWNERS for s in STATES]
    texts += [f"民眾{o}在{w}{s}。" for w in PLANTED[2:] for o in ("今天", "週末", "已經") for s in STATES]
    texts += [f"第{i}則：台灣今年經濟成長，出口表現亮眼，股市創下新高，物價穩定。" for i in range(30)]
    return texts


@pytest.fixture(scope="module")
def planted_table() -> pd.DataFrame:
    for word in PLANTED:
        assert segment(word) != [word], f"{word} is cut whole today: plant another word"
    return discover_words(planted_texts(), top=100_000)


def test_planted_words_are_found_and_accepted(planted_table):
    accepted = planted_table.loc[planted_table["accepted"], "word"].tolist()
    assert sorted(accepted) == sorted(PLANTED)
    rows = planted_table.set_index("word").loc[PLANTED]
    assert (rows["whole"] == 0).all() and not rows["known"].any()
    assert (rows["left_entropy"] >= MIN_ENTROPY).all() and (rows["right_entropy"] >= MIN_ENTROPY).all()


def test_fragments_phrases_and_known_words_are_not_accepted(planted_table):
    reason = planted_table.set_index("word")["reason"]
    assert reason["柯禹"] == reason["集點卡"] == "boundary"  # always before 澄, always after 防疫
    assert reason["的防疫集點卡"] == "function character" and reason["在藍鵲幣"] == "function character"
    assert reason["柯禹澄表示"] == "phrase 柯禹澄|表示"  # two words, each free where they meet
    assert reason["排隊"] == reason["禹澄"] == "known"  # a dictionary word; cut whole wherever it occurs
    accepted = planted_table.loc[planted_table["accepted"], "word"]
    assert not accepted.str[0].isin(FUNCTION_CHARS).any() and not accepted.str[-1].isin(FUNCTION_CHARS).any()


def test_titles_and_function_characters_at_either_end_and_the_first_free_cut():
    x, y, z = PLANTED[0], PLANTED[1], PLANTED[3]  # 柯禹澄, 鍾岳霖, 藍鵲幣
    left, right = LEFT[:6], RIGHT[:5]
    texts = [f"{a}{w}{b}" for w in (x + y + z, y + z, x + y, x, z) for a in left for b in right]
    texts += [f"{a}{w}{b}" for w in ("發言人" + x, x + "院長", x + "發言人", x + "在") for a in left for b in right[:2]]
    table = discover_words(texts, min_cohesion=3, top=100_000).set_index("word")
    reason = table["reason"]
    assert reason["發言人" + x] == reason[x + "院長"] == reason[x + "發言人"] == "title"  # 2 or 3 characters
    assert reason[x + "在"] == "function character"
    # x|yz and xy|z are both free where they meet; the first is the one reported.
    assert table.loc[x + y, "right_entropy"] >= PHRASE_ENTROPY and table.loc[z, "left_entropy"] >= PHRASE_ENTROPY
    assert table.loc[x, "right_entropy"] >= PHRASE_ENTROPY and table.loc[y + z, "left_entropy"] >= PHRASE_ENTROPY
    assert reason[x + y + z] == f"phrase {x}|{y + z}"


def test_a_part_of_a_longer_word_is_dropped():
    # With no entropy bar, 柯禹 and 防疫集點 pass every test but one: a longer word accounts for them.
    table = discover_words(planted_texts(), min_entropy=0).set_index("word")
    assert table.loc["柯禹澄", "accepted"] and table.loc["防疫集點卡", "accepted"]
    assert table.loc["柯禹", "reason"] == "inside 柯禹澄"
    assert table.loc["防疫集點", "reason"] == "inside 防疫集點卡"


def test_sorted_accepted_first_then_by_score_then_word(planted_table):
    key = list(zip(~planted_table["accepted"], -planted_table["score"], planted_table["word"]))
    assert key == sorted(key)
    assert planted_table.equals(discover_words(planted_texts(), top=100_000))
    assert discover_words(planted_texts(), top=3).equals(planted_table.head(3))
    assert len(planted_table) > TOP and discover_words(planted_texts()).equals(planted_table.head(TOP))


def test_the_table_does_not_depend_on_the_order_of_the_texts(planted_table):
    texts = planted_texts()
    assert discover_words(random.Random(1).sample(texts, len(texts)), top=100_000).equals(planted_table)


def test_accepted_words_are_then_cut_whole(planted_table, tmp_path):
    path = accept_words(planted_table, path=tmp_path / "words.txt")
    text = "今天柯禹澄表示，防疫集點卡上路。"
    assert "柯禹澄" not in segment(text)
    assert {"柯禹澄", "防疫集點卡"} <= set(segment(text, userdict=path))
    again = discover_words(planted_texts(), userdict=path).set_index("word")
    assert again.loc[PLANTED, "known"].all() and not again["accepted"].any()


def test_a_segmenter_of_ones_own():
    # Cutting every character apart, nothing is known, and the planted words are still found.
    table = discover_words(planted_texts(), segmenter=list)
    assert set(PLANTED) <= set(table.loc[table["accepted"], "word"])


# -- accept_words --------------------------------------------------------------------------------------------


def test_accept_words_appends_keeps_and_is_idempotent(tmp_path):
    path = tmp_path / "userdict.txt"
    path.write_text("# my words\n克拉夫特 nr\n陳時中 10", encoding="utf-8")  # no final line break
    table = pd.DataFrame({"word": ["柯禹澄", "的柯禹澄", "陳時中", "藍鵲幣"], "accepted": [True, False, True, True]})
    assert accept_words(table, path=path, tag="nz") == path
    expected = "# my words\n克拉夫特 nr\n陳時中 10\n柯禹澄 nz\n藍鵲幣 nz\n"
    assert path.read_text(encoding="utf-8") == expected
    before = path.stat().st_mtime_ns
    accept_words(["藍鵲幣", "柯禹澄"], path=path)
    assert path.read_text(encoding="utf-8") == expected and path.stat().st_mtime_ns == before
    assert [w for w, _, _ in read_userdict(path)] == ["克拉夫特", "陳時中", "柯禹澄", "藍鵲幣"]


def test_accept_words_creates_a_dictionary_with_a_header(tmp_path):
    path = accept_words(["柯禹澄"], path=tmp_path / "new" / "words.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and lines[-1] == "柯禹澄"


@pytest.mark.parametrize("word, tag", [("柯 禹澄", None), ("#柯禹澄", None), ("", None), ("柯禹澄", "n1")])
def test_accept_words_refuses_what_jieba_would_misread(tmp_path, word, tag):
    path = tmp_path / "words.txt"
    path.write_text("克拉夫特\n", encoding="utf-8")
    with pytest.raises(ValueError):
        accept_words(["藍鵲幣", word], path=path, tag=tag)
    assert path.read_text(encoding="utf-8") == "克拉夫特\n"


def test_accept_words_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "words.txt"
    path.write_text("克拉夫特\n", encoding="utf-8")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        accept_words(["柯禹澄"], path=path)
    assert path.read_text(encoding="utf-8") == "克拉夫特\n"
    assert [p.name for p in tmp_path.iterdir()] == ["words.txt"]  # no temporary file left behind


def test_accept_words_writes_the_project_dictionary_that_the_segmenter_reads(tmp_path, monkeypatch):
    project = tmp_path / "dictionaries" / "userdict.txt"
    project.parent.mkdir()
    project.write_text("# the project's words\n", encoding="utf-8")
    monkeypatch.setattr(config, "PROJECT_USERDICT", project)
    assert "鍾岳霖" not in segment("部長鍾岳霖說")  # the segmenter for this dictionary is built and kept
    assert accept_words(["鍾岳霖"]) == project
    assert "鍾岳霖" in segment("部長鍾岳霖說")  # rebuilt: the file changed


# -- the command line ----------------------------------------------------------------------------------------


@pytest.fixture()
def planted_corpus(tmp_path):
    texts = planted_texts()
    path = tmp_path / "crawl.csv"
    pd.DataFrame({"title": [f"第{i}則" for i in range(len(texts))], "text": texts}).to_csv(path, index=False)
    return path


def test_cli_prints_writes_and_accepts(planted_corpus, tmp_path, capsys):
    out, words = tmp_path / "words.csv", tmp_path / "words.txt"
    args = ["discover", "--corpus", str(planted_corpus), "--top", "6", "--out", str(out), "--accept",
            "--dictionary", str(words)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "4 accepted" in printed and all(w in printed for w in PLANTED)
    assert "added 4 word(s)" in printed and str(words) in printed
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert len(table) > 6 and sorted(table.loc[table["accepted"], "word"]) == sorted(PLANTED)
    assert sorted(w for w, _, _ in read_userdict(words)) == sorted(PLANTED)
    assert main([*args, "--userdict", str(words)]) == 0  # again, knowing them: nothing is added
    printed = capsys.readouterr().out
    assert "0 accepted" in printed and "added 0 word(s)" in printed


def test_cli_accepts_into_the_project_dictionary(planted_corpus, tmp_path, monkeypatch, capsys):
    project = tmp_path / "dictionaries" / "userdict.txt"
    monkeypatch.setattr(config, "PROJ_ROOT", tmp_path)
    monkeypatch.setattr(config, "PROJECT_USERDICT", project)
    assert main(["discover", "--corpus", str(planted_corpus), "--min-count", "20", "--accept"]) == 0
    assert f"added 4 word(s) to {project}" in capsys.readouterr().out
    assert "柯禹澄" in segment("部長柯禹澄說")


def test_cli_limits_and_errors(planted_corpus, tmp_path, capsys):
    assert main(["discover", "--corpus", str(planted_corpus), "--min-count", "1000"]) == 0
    assert "0 candidates" in capsys.readouterr().out
    assert main(["discover", "--corpus", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["discover", "--corpus", str(planted_corpus), "--userdict", str(tmp_path / "none.txt")]) == 2
    assert "not found" in capsys.readouterr().err


def test_cli_help_states_the_defaults(capsys):
    with pytest.raises(SystemExit):
        main(["discover", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"(default: {MIN_COUNT})" in text and f"(default: {MAX_LENGTH})" in text
    for option in ("--corpus", "--top", "--min-count", "--max-length", "--out", "--accept", "--dictionary"):
        assert option in text
