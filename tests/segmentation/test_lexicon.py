"""Dictionary adjustments learned from gold segmentation."""

from __future__ import annotations

import pytest

from analysis.segmentation.lexicon import Adjustments, learn_adjustments


def test_learns_what_the_gold_splits_and_adds_what_it_missed():
    freq = {"成為": 10, "成": 5, "為": 5, "博物館": 3, "博物": 2, "館": 2, "美術館": 2, "美術": 2}
    cut = {"他成為會員": ["他", "成為", "會員"], "參觀博物館": ["參觀", "博物館"], "參觀美術館": ["參觀", "美術館"],
           "普魯申科": ["普魯", "申科"]}
    gold = [["他", "成", "為", "會員"], ["參觀", "博物", "館"], ["參觀", "美術", "館"], ["參觀", "博物", "館"],
            ["普魯申科"]]
    adj = learn_adjustments(gold, lambda t: cut[t], freq, suffix_min=2)
    assert {"成為", "博物館", "美術館"} <= adj.removed
    assert (3, "館") in adj.suffixes
    # Missed gold words are added (new ones) or re-weighted (known ones).
    assert adj.added == {"普魯申科": 1, "博物": 2, "美術": 1}


def test_apply_removes_suffixed_words_but_keeps_kept_ones():
    freq = {"博物館": 3, "博物": 2, "圖書館": 3, "圖書": 2, "大使館": 4, "大使": 5}
    added = {}
    adj = Adjustments(removed={"成為"}, suffixes={(3, "館")}, kept={"大使館"}, added={"普魯申科": 2})
    adj.apply(freq, lambda w, f: added.__setitem__(w, f))
    assert freq["博物館"] == 0 and freq["圖書館"] == 0 and freq["大使館"] == 4
    assert added == {"普魯申科": 200}


def test_write_and_read_round_trip(tmp_path):
    adj = Adjustments(removed={"成為", "位於"}, suffixes={(2, "於"), (3, "館")}, kept={"大使館"},
                      added={"普魯申科": 3})
    adj.write(tmp_path / "a.txt", header="test\nfile")
    back = Adjustments.read(tmp_path / "a.txt")
    assert back == adj and back.digest() == adj.digest()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("# test\n# file\n[remove]\n")


def test_read_refuses_a_line_outside_a_section(tmp_path):
    (tmp_path / "a.txt").write_text("# header\n成為\n[remove]\n位於\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.txt:2: line outside a section: '成為'"):
        Adjustments.read(tmp_path / "a.txt")


def test_learns_nothing_from_agreeing_gold():
    freq = {"美國": 5, "大使": 5}
    adj = learn_adjustments([["美國", "大使"]], lambda t: ["美國", "大使"], freq)
    assert adj == Adjustments()
