"""The explorer's handlers, called without a browser: what each fills its Output widgets with."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import pytest

import analysis
from analysis.explorer import EMPTY, Explorer, explore

SEED_ID = "000_bb4a6ccb6fd5c6e9"


@pytest.fixture(scope="module")
def explorer(seed_docs):
    return Explorer(seed_docs)


def plain(out: widgets.Output) -> list[str]:
    return [item["data"]["text/plain"] for item in out.outputs]


def test_explore_returns_three_tabs(seed_docs, explorer):
    tab = explore(seed_docs, model=explorer.model)
    assert isinstance(tab, widgets.Tab)
    assert tab.titles == ("Term", "Groups", "Document")
    assert analysis.explore is explore


@pytest.mark.parametrize("term", ["克拉夫特", "美國", "台灣"])
def test_a_term_shows_its_lines_months_and_collocates(explorer, term):
    explorer.show_term(term)
    heading, lines = plain(explorer.concordance)
    assert f"「{term}」" in heading
    assert lines.splitlines() and all(f"【{term}】" in line for line in lines.splitlines())
    assert "text/html" in explorer.concordance.outputs[1]["data"]
    (figure,) = explorer.timeline.outputs
    assert "image/png" in figure["data"] and term in figure["data"]["text/plain"]
    collocates = plain(explorer.collocates)
    assert len(collocates) == 2 and "collocate" in collocates[1]


def test_the_count_of_lines_is_that_of_kwic(seed_docs, explorer):
    explorer.show_term("克拉夫特")
    hits = analysis.kwic(seed_docs, "克拉夫特")
    heading = plain(explorer.concordance)[0]
    assert f"{len(hits)} line(s) in {hits['doc_id'].nunique()} document(s)" in heading


@pytest.mark.parametrize("term, says", [
    ("不存在的詞", "does not occur"),
    ("克拉", "克拉夫特"),  # a part of a term: the terms that contain it are named
    ("   ", "Type a term"),
])
def test_an_unknown_or_empty_term_shows_a_message(explorer, term, says):
    explorer.show_term("美國")  # earlier results are cleared
    explorer.show_term(term)
    (message,) = plain(explorer.concordance)
    assert says in message
    assert explorer.timeline.outputs == () and explorer.collocates.outputs == ()


def test_typing_a_term_in_the_box_answers(explorer):
    explorer.term_box.value = "蓬佩奧"
    assert "【蓬佩奧】" in plain(explorer.concordance)[1]


@pytest.mark.parametrize("column, target, reference", [
    ("kind", "related", "article"),
    ("outlet", "新唐人亞太台", EMPTY),
    ("month", "2021-01", "2020-09"),
])
def test_groups_show_keyness_rows_and_the_figure(seed_docs, explorer, column, target, reference):
    explorer.show_groups(column, target, reference)
    heading, table, figure = explorer.groups.outputs
    assert target in heading["data"]["text/plain"]
    rows = table["data"]["text/plain"].splitlines()[1:]
    assert rows and all(row.split()[0] in (target, reference) for row in rows)
    assert "image/png" in figure["data"]


def test_groups_rows_are_those_of_keyness(seed_docs, explorer):
    explorer.show_groups("kind", "related", "article")
    key = analysis.keyness(seed_docs, "related", reference="article", by="kind")
    strongest = key.iloc[0]["term"]
    first_row = explorer.groups.outputs[1]["data"]["text/plain"].splitlines()[1].split()
    assert first_row[:2] == ["related", strongest]


@pytest.mark.parametrize("column, target, reference, says", [
    ("kind", "article", "article", "two different values"),
    ("month", "2021-01", "1999-01", "Cannot compare"),
    ("colour", "a", "b", "Pick a column"),
])
def test_groups_that_cannot_be_compared_show_a_message(explorer, column, target, reference, says):
    explorer.show_groups(column, target, reference)
    (message,) = plain(explorer.groups)
    assert says in message


def test_the_menus_offer_each_column_values(explorer):
    explorer.column_menu.value = "month"
    months = [value for _, value in explorer.target_menu.options]
    assert months == sorted(months) and "2021-01" in months
    explorer.column_menu.value = "kind"
    assert {value for _, value in explorer.reference_menu.options} == {"article", "related"}


def test_a_document_shows_its_neighbours_and_shared_passages(seed_docs, explorer):
    doc = f"{SEED_ID}:12"
    explorer.show_document(doc)
    texts = plain(explorer.document)
    assert texts[0].startswith(seed_docs.set_index("doc_id").loc[doc, "title"])
    neighbours = explorer.neighbours[explorer.neighbours.doc_id == doc]
    titles = analysis.titles(seed_docs, width=40)
    table = texts[texts.index("Nearest neighbours (TF-IDF cosine)") + 1]
    assert all(titles[n] in table for n in neighbours.neighbour)
    shared = texts[texts.index("Passages shared word for word") + 1]
    assert titles[f"{SEED_ID}:16"] in shared and "克拉夫特" in shared
    assert len(shared.splitlines()) == 2  # one pair, once, though each is the other's neighbour


def test_picking_a_document_in_the_menu_answers(explorer):
    explorer.document_menu.value = f"{SEED_ID}:00"
    assert f"({SEED_ID}:00)" in plain(explorer.document)[0]


def test_the_document_list_starts_with_the_corpus_and_a_count(seed_docs, explorer):
    explorer.document_box.value = ""
    assert [value for _, value in explorer.document_menu.options] == seed_docs["doc_id"].tolist()
    assert explorer.document_count.value == f"{len(seed_docs)} document(s) of the corpus"


def test_searching_lists_the_documents_whose_title_holds_the_words(seed_docs, explorer):
    explorer.document_box.value = "聯合國"
    listed = [value for _, value in explorer.document_menu.options]
    want = seed_docs.loc[seed_docs["title"].str.contains("聯合國"), "doc_id"].tolist()
    assert listed == want and 1 < len(want) < len(seed_docs)
    assert explorer.document_count.value == f"{len(want)} document(s) of 「聯合國」"
    explorer.document_menu.value = listed[-1]  # picking one shows it
    assert f"({listed[-1]})" in plain(explorer.document)[0]


def test_a_doc_id_is_found_first_and_letters_in_any_case(explorer):
    found, total = explorer.find_documents(f"{SEED_ID}:07")
    assert found["doc_id"].tolist() == [f"{SEED_ID}:07"] and total == 1
    assert explorer.find_documents("un")[1] == explorer.find_documents("UN")[1] > 0  # 美駐UN大使...


def test_a_long_list_says_how_many_are_not_listed(big):
    docs, explorer = big
    found, total = explorer.find_documents("", limit=5)
    assert len(found) == 5 and total == len(docs)
    explorer.document_box.value = "美"
    holding = int(docs["title"].str.contains("美").sum())
    assert holding > 100 and len(explorer.document_menu.options) == 100
    assert explorer.document_count.value == f"{holding} document(s) of 「美」, the first 100 listed"


def test_an_unknown_document_shows_a_message(explorer):
    explorer.show_document("nothing:99")
    (message,) = plain(explorer.document)
    assert "No document" in message


@pytest.fixture(scope="module")
def big(seed_docs):
    """The seed page 12 times, each copy a page of its own with texts of its own: 台灣 has over 200 lines."""
    copies = [seed_docs.assign(doc_id=seed_docs["doc_id"] + f"-{k}", page_id=seed_docs["page_id"] + f"-{k}",
                               content_id=seed_docs["content_id"] + f"-{k}") for k in range(12)]
    docs = pd.concat(copies, ignore_index=True)
    return docs, Explorer(docs)


def test_a_frequent_term_shows_the_first_200_of_all_its_lines(big):
    docs, explorer = big
    explorer.show_term("台灣")
    hits = analysis.kwic(docs, "台灣")
    assert len(hits) > 200
    heading, lines = plain(explorer.concordance)
    assert f"{len(hits)} line(s) in {hits['doc_id'].nunique()} document(s), the first 200 shown" in heading
    assert lines.splitlines() == [f"{r.left} 【{r.match}】 {r.right}" for r in hits.head(200).itertuples()]


def test_collocates_are_those_of_collocations(seed_docs, explorer):
    for term in ["克拉夫特", "聯合國", "台灣黑熊"]:
        explorer.show_term(term)
        want = analysis.collocations(seed_docs, term, top=explorer.top)
        shown = explorer.collocates.outputs[1]["data"]["text/plain"]
        assert shown == want[["collocate", "count", "log_likelihood", "logdice"]].to_string(index=False), term


def test_a_stopword_shows_its_lines_but_no_collocates(explorer):
    explorer.show_term("的")
    heading, _ = plain(explorer.concordance)
    assert "「的」 in context" in heading
    (message,) = plain(explorer.collocates)
    assert "not counted as a term" in message


@pytest.mark.parametrize("column, target, reference", [
    ("kind", "related", "article"),
    ("outlet", "新唐人亞太台", EMPTY),
    ("month", "2021-01", "2020-09"),
])
def test_groups_show_the_rows_of_keyness_on_each_side(seed_docs, explorer, column, target, reference):
    explorer.show_groups(column, target, reference)
    values = explorer.docs[column].fillna("").astype(str)
    key = analysis.keyness(seed_docs, (values == target).to_numpy(),
                           reference=(values == ("" if reference == EMPTY else reference)).to_numpy())
    sides = pd.concat([key[key["log_likelihood"] > 0].head(explorer.top).assign(side=target),
                       key[key["log_likelihood"] < 0].iloc[::-1].head(explorer.top).assign(side=reference)])
    columns = ["side", "term", "target_count", "reference_count", "log_likelihood", "log_ratio", "p_adjusted"]
    assert explorer.groups.outputs[1]["data"]["text/plain"] == sides[columns].to_string(index=False)
