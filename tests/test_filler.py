"""Outlet boilerplate: found with offsets that slice back, left out of term counts, reported, never hidden."""

from __future__ import annotations

from collections import Counter
from unittest import mock

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import boilerplate, boilerplate_counts, boilerplate_spans, kwic, term_frequencies, terms
from analysis import config, filler
from analysis.filler import COLUMNS, COUNT_COLUMNS, patterns, read_patterns
from analysis.firstchars import first_chars
from analysis.termlists import text_terms
from analysis.vocabulary import is_term, normalize
from analysis.segmentation import segment
from analysis.tables import document_text


@pytest.fixture
def own_patterns(tmp_path, monkeypatch):
    """The kit's patterns replaced by a file of the test's own, and no project file: returns the file."""
    kit = tmp_path / "kit.txt"
    kit.write_text("", encoding="utf-8")
    monkeypatch.setattr(config, "BOILERPLATE_FILE", kit)
    monkeypatch.setattr(config, "PROJECT_BOILERPLATE", tmp_path / "no-such-project-file.txt")
    return kit


@pytest.mark.parametrize("text, found", [
    # broadcast filler of TV transcripts
    ("來看到，就在美國國務院次卿訪台前", [("broadcast", "來看到")]),
    ("新聞一開始，馬上帶您聚焦，美駐聯合國大使", [("broadcast", "新聞一開始"), ("broadcast", "馬上帶您聚焦")]),
    ("火線新聞，馬上帶您關心，美方今天宣布", [("broadcast", "火線新聞"), ("broadcast", "馬上帶您關心")]),
    ("鏡頭轉到美國，週二是國慶", [("broadcast", "鏡頭轉到")]),
    ("接下來我們來看到這則新聞", [("broadcast", "接下來我們來看到")]),
    ("各位觀眾朋友們好", [("broadcast", "各位觀眾朋友們")]),
    # transcript markers and credits
    ("(聲音來源)外交部發言人", [("transcript", "(聲音來源)")]),
    ("責任編輯：王明", [("credit", "責任編輯：王明")]),
    ("編輯/攝影：王明", [("credit", "編輯/攝影：王明")]),
    ("（新唐人記者王明、李華綜合報導）", [("credit", "（新唐人記者王明、李華綜合報導）")]),
    ("新唐人亞太台記者李華台北報導", [("credit", "新唐人亞太台記者李華台北報導")]),
    ("記者王明／台北報導", [("credit", "記者王明／台北報導")]),
    ("（圖／翻攝自臉書）", [("credit", "（圖／翻攝自臉書）")]),
    ("抵台。（編輯：陳家倫）1090917", [("credit", "（編輯：陳家倫）1090917")]),  # 中央社's closing, with its code
    ("報告。（譯者：陳昱婷／核稿：林克倫）1130305", [("credit", "（譯者：陳昱婷／核稿：林克倫）1130305")]),
    ("譯者：陳昱婷", [("credit", "譯者：陳昱婷")]),
    ("本文。\n文／蔡佩珈", [("credit", "文／蔡佩珈")]), ("圖／翻攝自臉書", [("credit", "圖／翻攝自臉書")]),
    ("核稿編輯：翁世航", [("credit", "核稿編輯：翁世航")]), ("本文／摘要", []),
    ("本文。\n▲市長出席典禮。（圖／記者張志明攝）\n下文。", [("caption", "▲市長出席典禮。（圖／記者張志明攝）")]),
    ("漲幅▲3%，跌幅▼2%", []),  # a mark inside a line is no caption
    ("本文。\n▲加權指數上漲。", []),  # nor a line of a list without a picture's credit
    ("請按讚、分享、訂閱", [("promotion", "按讚、分享、訂閱")]),
    # the page's furniture kept in a text: tags, a category, a copyright, a read-more link, an advert's label
    ("抵台。\n#颱風 #停班停課", [("furniture", "#颱風 #停班停課")]), ("分類：國際", [("furniture", "分類：國際")]),
    ("本網站版權所有，禁止轉載", [("furniture", "版權所有，禁止轉載")]),
    ("延伸閱讀：台積電營收創新高", [("furniture", "延伸閱讀：台積電營收創新高")]), ("廣告", [("furniture", "廣告")]),
    ("台灣#MeToo運動延燒", []), ("他說明分類標準。", []), ("廣告商撤資", []),
    ("法院判決，該公司並非歌曲的版權所有人，須賠償原告新台幣50萬元", []), ("關鍵字：轉型正義。促轉會今天公布", []),
    # Simplified forms are matched too
    ("新闻一开始，马上带您关心", [("broadcast", "新闻一开始"), ("broadcast", "马上带您关心")]),
    # content, not boilerplate
    ("他回來看到家人", []),                        # 來看到 inside a sentence
    ("美國記者會在台北舉行", []),
    ("他接受採訪：「我們很好」", []),                # a quotation after a colon is content
    ("民眾點擊連結後被騙", []),
    ("網友紛紛分享這則貼文", []),
    ("火線\n新聞", []),                             # never across a line break
    ("", []),
])
def test_spans(text, found):
    spans = boilerplate_spans(text)
    assert [(s.category, s.phrase) for s in spans] == found
    assert all(text[s.start:s.end] == s.phrase for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_overlapping_matches_keep_the_first_then_the_longest(own_patterns):
    own_patterns.write_text("a\t帶您\nb\t馬上帶您關心\nc\t關心美方\n", encoding="utf-8")
    spans = boilerplate_spans("馬上帶您關心美方")
    assert [(s.start, s.end, s.category) for s in spans] == [(0, 6, "b")]
    assert [s.category for s in boilerplate_spans("帶您關心美方")] == ["a", "c"]


@pytest.mark.parametrize("line, message", [
    ("broadcast\t(新聞", "not a regular expression"),
    ("broadcast\t(?:新聞)?", "the pattern .* matches the empty string"),
    ("broadcast", "expected a category and a pattern"),
])
def test_bad_lines_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "boilerplate.txt"
    path.write_text(f"# comment\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"boilerplate.txt:3: {message}"):
        read_patterns(path)


def test_a_category_must_be_one_word(tmp_path):
    path = tmp_path / "boilerplate.txt"
    path.write_text("廣播：\t新聞一開始\n", encoding="utf-8")
    with pytest.raises(ValueError, match="boilerplate.txt:1: the category must be one word"):
        read_patterns(path)


def test_the_shipped_patterns_have_the_documented_categories():
    assert {p.category for p in patterns()} == {"broadcast", "transcript", "credit", "caption", "promotion",
                                                "furniture"}


def test_the_project_file_is_read_and_read_again_when_it_changes(tmp_path, monkeypatch):
    project = tmp_path / "boilerplate.txt"
    monkeypatch.setattr(config, "PROJECT_BOILERPLATE", project)
    text = "以上是本台的報導。克拉夫特訪問台灣。"
    assert boilerplate_spans(text) == []
    project.write_text("signoff\t以上是本台的報導\n", encoding="utf-8")
    assert [(s.category, s.phrase) for s in boilerplate_spans(text)] == [("signoff", "以上是本台的報導")]
    project.write_text("# nothing of mine after all\n", encoding="utf-8")
    assert boilerplate_spans(text) == []


def test_words_inside_boilerplate_are_not_terms(own_patterns):
    text = "克拉夫特訪問台灣。"
    assert terms(text) == ["克拉夫特", "訪問", "台灣"]
    own_patterns.write_text("test\t克拉夫特訪問\n", encoding="utf-8")
    assert terms(text) == ["台灣"]
    # a word only partly inside a match is kept
    own_patterns.write_text("test\t特訪問\n", encoding="utf-8")
    assert terms(text) == ["克拉夫特", "台灣"]


def test_memoised_terms_follow_a_change_of_the_patterns(own_patterns):
    text = "克拉夫特訪問台灣，蔡英文歡迎。"
    before = text_terms([text])[text]
    assert "克拉夫特" in before
    own_patterns.write_text("test\t克拉夫特\n", encoding="utf-8")
    after = text_terms([text])[text]
    assert "克拉夫特" not in after and after == [t for t in before if t != "克拉夫特"]
    own_patterns.write_text("", encoding="utf-8")
    assert text_terms([text])[text] == before


def test_seed_table_offsets_slice_back(seed_docs):
    table = boilerplate(seed_docs)
    assert list(table.columns) == list(COLUMNS)
    assert {"新聞一開始", "火線新聞", "鏡頭轉到", "來看到"} <= set(table["match"])
    by_id = seed_docs.set_index("doc_id")
    for row in table.itertuples(index=False):
        assert by_id.loc[row.doc_id, row.field][row.start:row.end] == row.match
    order = [seed_docs["doc_id"].tolist().index(d) for d in table["doc_id"]]
    assert order == sorted(order)


def test_seed_counts_leave_out_exactly_the_words_inside_boilerplate(seed_docs, own_patterns):
    """Counting with the kit's patterns drops the terms of the words inside the listed matches, no more."""
    table = boilerplate(seed_docs)  # own_patterns is empty: nothing found
    assert table.empty
    without = term_frequencies(seed_docs).set_index("term")["count"]
    kit = config.package_file("analysis.data", "boilerplate.txt")
    own_patterns.write_text(kit.read_text(encoding="utf-8"), encoding="utf-8")
    table = boilerplate(seed_docs)
    counted = term_frequencies(seed_docs).set_index("term")["count"]
    removed = Counter(without.to_dict())
    removed.subtract(counted.to_dict())
    removed = +removed
    assert removed and (counted <= without.reindex(counted.index)).all()
    # The same, computed from the table: the words of each document's text that lie inside a match.
    expected: Counter = Counter()
    docs = seed_docs.drop_duplicates("content_id").set_index("doc_id")
    for doc_id, rows in table.groupby("doc_id"):
        title = docs.loc[doc_id, "title"]
        text = document_text(docs.loc[[doc_id]]).iloc[0]
        shift = {"title": 0, "text": len(title) + 1}
        spans = [(shift[r.field] + r.start, shift[r.field] + r.end) for r in rows.itertuples()]
        pos = 0
        for word in segment(text):
            if any(s <= pos and pos + len(word) <= e for s, e in spans) and is_term(normalize(word)):
                expected[normalize(word)] += 1
            pos += len(word)
    assert removed == expected


def test_kwic_still_shows_boilerplate(seed_docs):
    hits = kwic(seed_docs, "火線新聞", whole_terms=False, window=6, unit="chars")
    assert hits["match"].tolist() == ["火線新聞"] and hits["right"].iloc[0].startswith(",馬上帶您")


def test_unique_searches_each_text_once(seed_docs):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")])
    once, twice = boilerplate(doubled), boilerplate(doubled, unique=False)
    pd.testing.assert_frame_equal(once, boilerplate(seed_docs))
    assert len(twice) == 2 * len(once)
    counts = boilerplate_counts(twice)
    assert (counts["count"] == 2 * boilerplate_counts(once)["count"]).all()


def test_counts_are_sorted_and_add_up():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["", "", "責任編輯：王明"],
                         "text": ["火線新聞，鏡頭轉到紐約。火線新聞", "火線新聞，美方宣布。", "台灣"]})
    matches = boilerplate(docs)
    counts = boilerplate_counts(matches)
    assert list(counts.columns) == list(COUNT_COLUMNS)
    assert counts.values.tolist() == [["broadcast", "火線新聞", 3, 2], ["broadcast", "鏡頭轉到", 1, 1],
                                      ["credit", "責任編輯：王明", 1, 1]]
    assert counts["count"].sum() == len(matches)


def test_nothing_found_gives_empty_tables_with_their_columns():
    docs = pd.DataFrame({"doc_id": ["a"], "title": [None], "text": ["台灣與美國。"]})
    matches = boilerplate(docs)
    assert matches.empty and list(matches.columns) == list(COLUMNS)
    counts = boilerplate_counts(matches)
    assert counts.empty and list(counts.columns) == list(COUNT_COLUMNS)
    assert str(counts["count"].dtype) == "int64"


def test_the_report_lists_what_counts_left_out(seed_report, seed_docs):
    out, rep = seed_report
    table = rep.tables["boilerplate"]
    pd.testing.assert_frame_equal(table, boilerplate_counts(boilerplate(seed_docs)))
    back = pd.read_csv(out / "tables" / "boilerplate.csv", encoding="utf-8-sig")
    assert back["match"].tolist() == table["match"].tolist() and len(back) > 0
    counted = set(rep.tables["term_frequencies"]["term"])
    assert not {"火線", "鏡頭", "火線新聞"} & counted  # only ever in 火線新聞 and 鏡頭轉到 on the seed page


PIECES = ["火線新聞", "馬上帶您關心", "（聲音來源）", "記者王明／台北報導", "美方今天宣布", "，", "\n", "來看",
          "觀眾朋友", "責任編輯：李", "新唐人亞太台記者陳綜合報導", "台灣", " ", "接著來看到"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_the_union_that_skips_clean_texts_finds_what_each_pattern_finds(pieces):
    text = "".join(pieces)
    fast = boilerplate_spans(text)
    with mock.patch.object(filler, "_union", lambda pats: None), \
            mock.patch.object(filler, "_LAST_UNION", [None, None]):  # every pattern searched on its own
        slow = boilerplate_spans(text)
    assert fast == slow
    assert filler._union(tuple(patterns())) is not None  # the kit's patterns do join


def test_the_kit_s_union_opens_with_the_characters_its_matches_start_with():
    starts = first_chars("|".join(f"(?:{p.regex.pattern})" for p in patterns()), 0)
    assert starts and "來" in starts and filler._union(tuple(patterns())).pattern.startswith(f"(?=[{starts}])")
