"""Term frequencies against an independent count, and the term filter."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis import config, configure, load_corpus, term_frequencies, terms
from analysis.frequencies import (document_terms, field_codes, field_terms, is_term, normalize, stopwords, text_terms,
                                  variants)


def test_against_a_hand_count():
    docs = pd.DataFrame({
        "doc_id": ["a", "b"], "kind": ["article", "related"],
        "title": ["克拉夫特", "蔡英文"],
        "text": ["克拉夫特，蔡英文。聯合國、2021、的！", "聯合國。ＵＮ與UN"],
    })
    tf = term_frequencies(docs)
    got = dict(zip(tf["term"], tf["count"]))
    # Counted by hand: punctuation, the number 2021 and the stopwords 的/與 are not terms.
    assert got == {"克拉夫特": 2, "蔡英文": 2, "聯合國": 2, "UN": 2}
    assert dict(zip(tf["term"], tf["documents"])) == {"克拉夫特": 1, "蔡英文": 2, "聯合國": 2, "UN": 1}
    assert tf["share"].sum() == pytest.approx(1.0)
    assert tf["rank"].tolist() == [1, 2, 3, 4]
    # Ties are broken by term, so the order is deterministic.
    assert tf["term"].tolist() == sorted(got, key=lambda t: (-got[t], t))


def test_matches_an_independent_counter(seed_docs):
    tf = term_frequencies(seed_docs)
    counter = Counter()
    for title, text in zip(seed_docs["title"], seed_docs["text"]):
        counter.update(terms(title + "\n" + text))
    assert dict(zip(tf["term"], tf["count"])) == dict(counter)
    assert (tf["count"].diff().dropna() <= 0).all()


def test_by_kind_adds_up(seed_docs):
    overall = term_frequencies(seed_docs).set_index("term")["count"]
    by_kind = term_frequencies(seed_docs, by="kind").groupby("term")["count"].sum()
    pd.testing.assert_series_equal(by_kind.sort_index(), overall.sort_index(), check_names=False)


def test_unique_counts_each_text_once(seed_docs):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")])
    once = term_frequencies(doubled, unique=True)
    pd.testing.assert_frame_equal(once, term_frequencies(seed_docs))
    twice = term_frequencies(doubled, unique=False)
    assert (twice["count"].to_numpy() == 2 * once["count"].to_numpy()).all()


@pytest.mark.parametrize("word, kept", [
    ("台灣", True), ("，", False), (",", False), ("「", False), ("2021", False), ("3.5", False),
    ("50%", False), (" ", False), ("\u3000", False), ("的", False), ("我們", False), ("UN", True),
    ("COVID-19", True), ("13日", True),
])
def test_is_term(word, kept):
    assert is_term(normalize(word)) is kept


def test_width_variants_are_one_term():
    assert normalize("ＵＮ") == "UN" and normalize("，") == ","


def test_document_terms_aligned(seed_docs):
    per_doc = document_terms(seed_docs)
    assert per_doc.index.equals(seed_docs.index)
    assert "克拉夫特" in per_doc.iloc[0]


def test_top_terms_by_period(seed_docs):
    from analysis import top_terms_by_period

    shift = top_terms_by_period(seed_docs, freq="YS", top=3)
    assert shift["period"].dt.year.unique().tolist() == [2020, 2021, 2022, 2023]
    sizes = shift.groupby("period")["period_documents"].first().tolist()
    assert sizes == [5, 14, 1, 1] and sum(sizes) == len(seed_docs)
    y2021 = seed_docs[seed_docs["published"].dt.year == 2021]
    expected = term_frequencies(y2021).head(3)
    got = shift[shift["period"].dt.year == 2021]
    assert got["term"].tolist() == expected["term"].tolist()
    assert got["count"].tolist() == expected["count"].tolist()


def test_min_count_and_groups_of_two_columns():
    docs = pd.DataFrame({"kind": ["article", "related", "related"], "page_id": ["p", "p", "q"],
                         "title": ["台灣", "台灣", "美國"], "text": ["台灣與美國。", "", "美國。"],
                         "content_id": ["1", "2", "3"]})
    assert term_frequencies(docs, min_count=3)[["term", "count"]].values.tolist() == [["台灣", 3], ["美國", 3]]
    by = term_frequencies(docs, by=["kind", "page_id"])
    assert by.columns.tolist() == ["kind", "page_id", "term", "count", "share", "documents", "rank"]
    assert by[["kind", "page_id", "term", "count", "rank"]].values.tolist() == [
        ["article", "p", "台灣", 2, 1], ["article", "p", "美國", 1, 2],
        ["related", "p", "台灣", 1, 1], ["related", "q", "美國", 2, 1]]
    assert by.groupby(["kind", "page_id"])["share"].sum().tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_terms_of_an_undated_document_are_left_out_of_periods(seed_docs):
    from analysis import top_terms_by_period

    docs = seed_docs.copy()
    docs.loc[docs["published"].dt.year > 2021, "published"] = pd.NaT
    assert top_terms_by_period(docs, freq="YS", top=1)["period"].dt.year.tolist() == [2020, 2021]


# -- vocabulary hygiene: the stopword list's categories, variant characters, what the memo is keyed by -------

@pytest.mark.parametrize("word", [
    "另外", "此外", "對此", "不過", "然而", "因此",   # connectives and discourse markers
    "今天", "昨天", "下週", "目前", "當時", "當地",   # deixis of time and place
    "他們", "自己", "什麼",                          # pronouns
    "一個", "這種", "這些", "那位", "每次",           # determiner-measure words (CKIP: one word)
    "表示", "指出", "說", "強調",                     # reporting verbs
    "的", "了", "嗎",                                # particles
])
def test_function_words_deixis_and_reporting_verbs_are_not_terms(word):
    assert not is_term(normalize(word))


@pytest.mark.parametrize("word", ["中國", "美國", "台灣", "政府", "總統", "外交", "民主", "雙方", "新聞", "未來"])
def test_content_words_researchers_count_are_terms(word):
    assert is_term(normalize(word))


@pytest.mark.parametrize("compound", ["一個", "這種", "這些", "那個", "一位", "該名"])
def test_determiner_measure_words_at_both_granularities(compound):
    """CKIP's 一個 is one word; other segmenters cut 一 + 個: neither is counted."""
    assert not is_term(compound) and not any(is_term(ch) for ch in compound)


def test_the_stopword_file_is_in_categories_without_repeats_or_content_words():
    lines = config.STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) == len(set(entries)) and all(" " not in e for e in entries)
    categories = [line for line in lines if line.startswith("# -- ")]
    assert len(categories) >= 10
    assert not set(entries) & {"中國", "美國", "台灣", "臺灣", "政府", "總統", "國家", "新聞", "發言人"}


def test_variant_spellings_of_stopwords_are_stopwords_too():
    assert {"這裡", "這裏", "為了", "爲了", "这里"} <= stopwords()


def test_stopwords_are_read_again_when_the_file_changes(tmp_path, monkeypatch):
    path = tmp_path / "stopwords.txt"
    path.write_text("的\n", encoding="utf-8")
    monkeypatch.setattr(config, "STOPWORDS_FILE", path)
    text = "台灣與美國的關係。"
    before = text_terms([text])[text]
    assert "台灣" in before and is_term("台灣")
    path.write_text("的\n台灣\n", encoding="utf-8")
    assert not is_term("台灣")
    assert text_terms([text])[text] == [t for t in before if t != "台灣"]  # not the terms kept in memory


def test_the_variant_table():
    table = variants()
    for variant, canonical in [("臺", "台"), ("裏", "裡"), ("着", "著"), ("綫", "線"), ("峯", "峰"), ("羣", "群"),
                               ("爲", "為"), ("衞", "衛"), ("啓", "啟"), ("敎", "教"), ("眞", "真"), ("册", "冊")]:
        assert table[variant] == canonical
    assert not set(table) & set(table.values())  # no chains
    assert all(len(v) == len(c) == 1 and v != c for v, c in table.items())


@pytest.fixture
def folding():
    """Variant folding switched on for one test, and off again whatever happens."""
    configure(variants=True)
    yield
    configure(variants=False)


def test_variants_are_counted_as_one_term_only_when_asked():
    def counts(docs):
        tf = term_frequencies(docs)
        return dict(zip(tf["term"], tf["count"]))

    docs = pd.DataFrame({"title": ["臺灣"], "text": ["台灣與臺灣，爲了台灣。"]})
    off = counts(docs)
    assert any("臺" in t for t in off)
    configure(variants=True)
    try:
        on = counts(docs)
        assert normalize("臺灣") == "台灣"
    finally:
        configure(variants=False)
    folded = Counter()
    for term, count in off.items():
        folded[term.translate(str.maketrans(variants()))] += count
    assert on == dict(folded) and on["台灣"] >= 3
    assert docs["text"].tolist() == ["台灣與臺灣，爲了台灣。"]  # the text is never changed
    assert normalize("臺灣") == "臺灣"


def test_memoised_terms_follow_the_variants_option(folding):
    text = "臺灣的新局。"
    on = text_terms([text])[text]
    configure(variants=False)
    off = text_terms([text])[text]
    assert "臺" in "".join(off) and "臺" not in "".join(on)
    assert on == [t.translate(str.maketrans(variants())) for t in off]


@pytest.mark.parametrize("block", [1, 3])
def test_terms_segmented_in_blocks_are_the_terms_of_one_batch(seed_docs, monkeypatch, block):
    from analysis import frequencies

    texts = [*seed_docs["title"], *seed_docs["text"]]
    whole = text_terms(texts)
    monkeypatch.setattr(frequencies, "_MEMO", {})  # segmented again, in blocks
    monkeypatch.setattr(frequencies, "TERMS_BLOCK", block)
    assert text_terms(texts) == whole
    assert len(frequencies._MEMO) == len(set(texts)) > 3 * block


def test_terms_are_remembered_by_the_texts_digest_not_the_text(monkeypatch):
    from analysis import frequencies

    monkeypatch.setattr(frequencies, "_MEMO", {})
    text = "外交部長吳釗燮今天表示，台灣與美國的關係穩定。"
    first = text_terms([text])
    assert all(text not in key for key in frequencies._MEMO)  # a crawl's texts are not kept alive by it
    monkeypatch.setattr(frequencies, "segment_many", lambda *a, **k: pytest.fail("segmented again"))
    assert text_terms([text]) == first


@pytest.mark.parametrize("by", ["kind", ["kind", "page_id"]])
def test_pooled_frequencies_are_the_corpus_table(by):
    import warnings
    from pathlib import Path

    from analysis.frequencies import pooled_frequencies

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the test pages' reported layouts
        docs = load_corpus(sorted((Path(__file__).parent / "data" / "pages").glob("*.txt")))
    docs.loc[docs.index[3], "kind"] = None  # a document of no kind is a group of its own
    pd.testing.assert_frame_equal(pooled_frequencies(term_frequencies(docs, by=by), by=by), term_frequencies(docs))


@pytest.mark.parametrize("block, pairs", [(1 << 20, 10_000), (7, 10_000), (1 << 20, 2), (7, 1)])
def test_field_codes_are_the_field_terms(seed_docs, monkeypatch, block, pairs):
    """Each pair's codes name its terms of field_terms, in order, whether terms and pairs are coded all
    at once or a few at a time (the vocabulary grown across blocks of pairs, in the order first seen;
    iterators read once); a vocabulary keeps only its terms."""
    from analysis import frequencies

    monkeypatch.setattr(frequencies, "CODE_BLOCK", block)
    monkeypatch.setattr(frequencies, "FIELDS_BLOCK", pairs)
    titles = [*seed_docs["title"], None, "", "台灣"]
    texts = [*seed_docs["text"], "台灣與美國。", float("nan"), "台灣與美國。"]
    expected = field_terms(titles, texts)
    indptr, codes, vocabulary = field_codes(iter(titles), iter(texts))
    got = [vocabulary[codes[a:b]].tolist() for a, b in zip(indptr[:-1], indptr[1:])]
    assert got == expected and vocabulary.is_unique and len(indptr) == len(titles) + 1
    assert vocabulary.tolist() == list(dict.fromkeys(t for terms in expected for t in terms))  # first seen
    kept = pd.Index(["台灣", "美國", "不在文中"])  # Arrow strings under pandas 3: looked up as text
    indptr, codes, same = field_codes(titles, texts, vocabulary=kept)
    assert same is kept
    got = [kept[codes[a:b]].tolist() for a, b in zip(indptr[:-1], indptr[1:])]
    assert got == [[t for t in terms if t in ("台灣", "美國")] for terms in expected]
    assert field_codes([], [])[0].tolist() == [0]


@pytest.mark.parametrize("unique", [True, False])
def test_frequencies_at_rows_are_those_of_the_rows_selected(seed_docs, unique):
    """frequencies_at(docs, rows) is term_frequencies(docs.iloc[rows]): copies of a text counted once
    (unique) or as often as they are selected, groups by a column, with and without content_id."""
    import numpy as np

    from analysis.frequencies import frequencies_at

    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")], ignore_index=True)
    rows = np.r_[np.arange(0, len(doubled), 3), np.arange(1, len(doubled), 4)]  # repeats and copies
    for docs in (doubled, doubled.drop(columns="content_id")):
        for by in (None, "kind"):
            got = frequencies_at(docs, rows, by=by, unique=unique)
            pd.testing.assert_frame_equal(got, term_frequencies(docs.iloc[rows], by=by, unique=unique))
    assert frequencies_at(doubled, None).equals(term_frequencies(doubled))


def test_runs_of_positions_with_empty_and_repeated_runs():
    import numpy as np

    from analysis.frequencies import _runs

    rng = np.random.default_rng(3)
    starts, lengths = rng.integers(0, 40, 200), rng.integers(0, 4, 200)  # a quarter empty, runs repeated
    expected = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, lengths)])
    assert np.array_equal(_runs(starts, lengths, int(lengths.sum())), expected)
    assert _runs(starts[:0], lengths[:0], 0).tolist() == []
