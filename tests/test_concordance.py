"""Keyword in context: whole words and characters, regular expressions, windows, sorting, copies, CSV."""

from __future__ import annotations

import random
import re

import pandas as pd
import pytest

from analysis.concordance import COLUMNS, Concordance, kwic
from analysis.termlists import terms
from analysis.vocabulary import normalize
from analysis.outputs import write_csv
from analysis.segmentation import segment

NEWS = pd.DataFrame({"doc_id": ["a"], "content_id": ["a"], "title": ["中國時報：中國立場"],
                     "text": ["中國時報報導，中國與美國會談。"]})


def test_the_news_corpus_segments_as_assumed():
    assert segment(NEWS.loc[0, "text"]) == ["中國時報", "報導", "，", "中國", "與", "美國", "會談", "。"]
    assert segment(NEWS.loc[0, "title"]) == ["中國時報", "：", "中國", "立場"]


def test_whole_terms_do_not_match_inside_a_word():
    table = kwic(NEWS, "中國")
    assert list(table.columns) == list(COLUMNS)
    assert table[["field", "start", "end", "match"]].values.tolist() == [["title", 5, 7, "中國"],
                                                                         ["text", 7, 9, "中國"]]
    assert kwic(NEWS, "中國時報")["start"].tolist() == [0, 0]
    assert kwic(NEWS, "國時").empty


def test_characters_match_anywhere():
    table = kwic(NEWS, "中國", whole_terms=False)
    assert table[["field", "start"]].values.tolist() == [["title", 0], ["title", 5], ["text", 0], ["text", 7]]
    assert kwic(NEWS, "國時", whole_terms=False)["start"].tolist() == [1, 1]


def test_a_phrase_of_several_words_matches_on_word_boundaries():
    assert kwic(NEWS, "報導，中國")[["start", "end"]].values.tolist() == [[4, 9]]
    assert kwic(NEWS, "報導，中").empty  # ends inside 中國


def test_regular_expressions_over_words_or_characters():
    assert kwic(NEWS, r"中國\w*", regex=True)["match"].tolist() == ["中國時報", "中國", "中國時報", "中國"]
    assert kwic(NEWS, r"美|中", regex=True).empty  # no word is one of these characters
    chars = kwic(NEWS, r"美.", regex=True, whole_terms=False)
    assert chars[["start", "match"]].values.tolist() == [[10, "美國"]]
    with pytest.raises(re.error):
        kwic(NEWS, "(", regex=True)


def test_full_and_half_width_forms_match_each_other_at_the_written_offsets():
    docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["美駐ＵＮ大使，UN會議"]})
    for pattern in ("UN", "ＵＮ"):
        table = kwic(docs, pattern)
        assert table["match"].tolist() == ["ＵＮ", "UN"] and table["start"].tolist() == [2, 7]


WORDS = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "title": ["", "", ""],
                      "text": ["b x KEY z", "a y KEY w", "c x KEY v"]})


def test_sort_by_left_then_right_context():
    assert kwic(WORDS, "KEY")["doc_id"].tolist() == ["d1", "d2", "d3"]
    # Left, nearest word first: (x, b) d1, (x, c) d3, (y, a) d2.
    assert kwic(WORDS, "KEY", sort="left")["doc_id"].tolist() == ["d1", "d3", "d2"]
    # Right: v d3, w d2, z d1.
    assert kwic(WORDS, "KEY", sort="right")["doc_id"].tolist() == ["d3", "d2", "d1"]
    # In characters the left context is read backwards: " x" -> "x " (d1: "b x ", d3: "c x ", d2: "a y ").
    assert kwic(WORDS, "KEY", sort="left", unit="chars", window=4)["doc_id"].tolist() == ["d1", "d3", "d2"]
    with pytest.raises(ValueError, match="sort"):
        kwic(WORDS, "KEY", sort="middle")


def test_window_in_words_counts_words_not_spaces_and_keeps_punctuation():
    docs = pd.DataFrame({"doc_id": ["a"], "title": ["KEY p"], "text": ["a b c KEY d，e f"]})
    table = kwic(docs, "KEY", window=2)
    assert table[["field", "left", "right"]].values.tolist() == [["title", "", " p"], ["text", "b c ", " d，"]]
    assert kwic(docs, "KEY", window=0)[["left", "right"]].values.tolist() == [["", ""], ["", ""]]
    chars = kwic(docs, "KEY", window=3, unit="chars")
    assert chars[["left", "right"]].values.tolist() == [["", " p"], [" c ", " d，"]]
    with pytest.raises(ValueError, match="unit"):
        kwic(docs, "KEY", unit="lines")
    with pytest.raises(ValueError, match="empty"):
        kwic(docs, "")


def test_a_match_inside_a_word_takes_its_part_of_the_word_into_the_context():
    table = kwic(NEWS.assign(title=""), "時", whole_terms=False, window=1)
    # 中國時報 | 報導: the rest of 中國時報 on either side, then one word.
    assert table[["left", "match", "right"]].values.tolist() == [["中國", "時", "報報導"]]
    inside = kwic(NEWS.assign(title=""), "導", whole_terms=False, window=1)
    assert inside[["left", "match", "right"]].values.tolist() == [["中國時報報", "導", "，"]]


def test_line_breaks_show_as_spaces():
    docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["台灣\n美國"]})
    assert kwic(docs, "美國")["left"].tolist() == ["台灣 "]


def test_term_index_is_the_hits_place_among_the_fields_terms():
    table = kwic(NEWS, "中國")
    for row in table.itertuples(index=False):
        assert terms(NEWS.loc[0, row.field])[row.term_index] == normalize(row.match)


def test_unique_searches_each_text_once():
    copies = pd.concat([NEWS, NEWS.assign(doc_id="b")], ignore_index=True)
    assert kwic(copies, "中國")["doc_id"].tolist() == ["a", "a"]
    assert kwic(copies, "中國", unique=False)["doc_id"].tolist() == ["a", "a", "b", "b"]


def test_seed_hits_are_at_their_offsets_and_all_found(seed_docs):
    table = kwic(seed_docs, "克拉夫特")
    by_id = seed_docs.set_index("doc_id")
    for row in table.itertuples(index=False):
        assert by_id.loc[row.doc_id, row.field][row.start:row.end] == row.match == "克拉夫特"
    expected = sum(str(t).count("克拉夫特") for t in [*seed_docs["title"], *seed_docs["text"]])
    assert len(table) == expected > 0
    assert len(kwic(seed_docs, "克拉夫特", whole_terms=False)) == expected
    # Corpus order: by document, the title before the text, then offset.
    order = {d: i for i, d in enumerate(seed_docs["doc_id"])}
    keys = [(order[d], f == "text", s) for d, f, s in table[["doc_id", "field", "start"]].itertuples(index=False)]
    assert keys == sorted(keys)


def test_seed_term_index_matches_terms(seed_docs):
    by_id = seed_docs.set_index("doc_id")
    for row in kwic(seed_docs, "台灣").itertuples(index=False):
        assert terms(by_id.loc[row.doc_id, row.field])[row.term_index] == "台灣"


def test_jupyter_shows_an_aligned_table_and_csv_is_plain(seed_docs, tmp_path):
    table = kwic(seed_docs, "克拉夫特", sort="right")
    assert isinstance(table, Concordance) and isinstance(table[table["field"] == "text"], Concordance)
    page = table._repr_html_()
    assert 'text-align:right;white-space:pre' in page and "<b>克拉夫特</b>" in page
    assert "<table" in table[["doc_id"]]._repr_html_()  # other columns: pandas' own table
    a = write_csv(table, tmp_path / "a.csv").read_bytes()
    b = write_csv(kwic(seed_docs.copy(), "克拉夫特", sort="right"), tmp_path / "b.csv").read_bytes()
    assert a == b
    assert a.decode("utf-8-sig").split("\n")[0] == ",".join(COLUMNS)
    back = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig", keep_default_na=False)
    assert back["match"].tolist() == table["match"].tolist() and "<" not in a.decode("utf-8-sig")


def test_scale_synthetic_corpus_of_3000_documents(seed_docs):
    sentences = sorted({s for t in seed_docs["text"] for s in re.split(r"(?<=。)", t) if len(s) > 5})
    rng = random.Random(13)
    docs = pd.DataFrame({"doc_id": [f"s{i}" for i in range(3000)], "title": [""] * 3000,
                         "text": ["".join(rng.sample(sentences, 4)) for _ in range(3000)]})
    table = kwic(docs, "克拉夫特")
    assert len(table) == docs["text"].str.count("克拉夫特").sum() > 0
