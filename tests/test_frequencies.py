"""Term frequencies (analysis/frequencies.py) against an independent count, by group, by period, by rows."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis import configure, load_corpus, term_frequencies, terms
from analysis.vocabulary import normalize, variants


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


# -- variant characters counted as one term ---------------------------------------------------------------

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


def test_the_names_defined_before_in_this_module_are_importable_from_it():
    """Scripts written against an earlier release import the term functions from analysis.frequencies."""
    from analysis import frequencies, termcodes, termlists, vocabulary

    for module, names in [(termlists, ["terms", "document_terms", "field_terms", "text_terms", "word_terms"]),
                          (vocabulary, ["normalize", "is_term", "stopwords", "variants"]),
                          (termcodes, ["field_codes"])]:
        for name in names:
            assert getattr(frequencies, name) is getattr(module, name), name
