"""The findings report: every number and name in it comes from the tables it is given."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.config import PROJ_ROOT, SEEDS_DIR
from analysis.dates import timeline
from analysis.findings import _n, corpus_label, findings_markdown


@pytest.mark.parametrize("count, word, plural, text", [
    (1, "page", None, "1 page"),
    (0, "page", None, "0 pages"),
    (2, "related item", None, "2 related items"),
    (1200, "document", None, "1,200 documents"),
    (2, "entry", "entries", "2 entries"),
    (1, "entry", "entries", "1 entry"),
])
def test_n(count, word, plural, text):
    assert _n(count, word, plural) == text


def test_corpus_label_inside_the_project(monkeypatch):
    assert corpus_label(SEEDS_DIR) == "seeds"
    assert corpus_label(PROJ_ROOT / "reports" / ".." / "seeds") == "seeds"
    monkeypatch.chdir(PROJ_ROOT / "notebooks")
    assert corpus_label(Path("../seeds")) == "seeds"  # relative to where the command runs


def test_corpus_label_outside_the_project(tmp_path, monkeypatch):
    assert corpus_label(tmp_path / "corpus") == (tmp_path / "corpus").as_posix()
    monkeypatch.chdir(tmp_path)
    assert corpus_label(Path("corpus")) == "corpus"  # as given


@pytest.fixture(scope="module")
def tables(seed_report):
    return seed_report[1].tables


def test_findings_of_the_seed_report(seed_report, tables):
    md = findings_markdown(tables, corpus_label="seeds", tfidf=seed_report[1].model.describe())
    assert md == seed_report[1].findings
    docs = tables["documents"]
    title = docs.set_index("doc_id")["title"]
    top = tables["similarity_pairs"].iloc[0]
    assert f"| {title[top['doc_a']]} | {title[top['doc_b']]} | {top['similarity']:.3f} |" in md
    term = tables["term_frequencies"].iloc[0]
    assert f"| 1 | {term['term']} | {term['count']} | {term['documents']} |" in md
    assert f"{len(docs)} documents" in md and f"{(docs['kind'] == 'related').sum()} related items" in md
    busiest = tables["timeline"].sort_values(["count", "period"], ascending=[False, True], kind="mergesort").iloc[0]
    assert f"Busiest months: {busiest['period']:%B %Y} ({busiest['count']} documents)" in md
    assert "from `seeds`" in md


def test_findings_follow_the_tables_not_the_seed(tables):
    changed = dict(tables)
    tf = tables["term_frequencies"].copy()
    tf.loc[0, ["term", "count"]] = ["測試詞", 999]
    changed["term_frequencies"] = tf
    pairs = tables["similarity_pairs"].copy()
    pairs.loc[0, "similarity"] = 0.123456
    changed["similarity_pairs"] = pairs
    md = findings_markdown(changed, corpus_label="elsewhere")
    assert "| 1 | 測試詞 | 999 |" in md and "| 0.123 |" in md and "from `elsewhere`" in md


def test_pipes_in_titles_are_escaped(tables):
    changed = dict(tables)
    docs = tables["documents"].copy()
    docs.loc[docs["doc_id"] == tables["similarity_pairs"].iloc[0]["doc_a"], "title"] = "甲|乙"
    changed["documents"] = docs
    assert "| 甲\\|乙 |" in findings_markdown(changed, corpus_label="seeds")


def test_an_undated_corpus(tables):
    changed = dict(tables)
    docs = tables["documents"].assign(published=pd.NaT)
    changed["documents"], changed["timeline"] = docs, timeline(docs)
    md = findings_markdown(changed, corpus_label="seeds")
    assert "- No dates." in md
    assert "Busiest months: ." not in md and "No document is dated." in md


def test_copies_are_named_distinct_texts(tables):
    """With copies in the corpus, counts are of distinct texts, and the findings say so."""
    changed = dict(tables)
    docs = tables["documents"]
    copied = pd.concat([docs, docs.assign(doc_id=docs["doc_id"] + "#2", page_id="copy")], ignore_index=True)
    changed["documents"] = copied
    md = findings_markdown(changed, corpus_label="seeds")
    assert "| rank | term | count | distinct texts |" in md
    assert "distinct text)" in md or "distinct texts)" in md
    assert "| rank | term | count | documents |" in findings_markdown(tables, corpus_label="seeds")


def test_files_skipped_whole_are_counted_apart_from_rows(tables):
    changed = dict(tables)
    source = tables["documents"]["source"].iloc[0]
    changed["problems"] = pd.DataFrame({
        "source": ["notes.txt", "empty.txt", source, "notes.txt"], "line": [1, None, 3, 2],
        "action": ["skipped", "skipped", "skipped", "merged"],  # the third: a row of a file that was read
        "reason": ["not a news page", "empty page (no text)", "empty row", "x"], "content": ["", "", "", ""]})
    md = findings_markdown(changed, corpus_label="seeds")
    assert "4 problems found while reading, 2 files skipped whole (see `tables/problems.csv`)." in md
    assert "found while reading (see" in findings_markdown(tables, corpus_label="seeds")  # none skipped
