"""build_report: every table, figure and the findings in one folder; bad input stops it early and clearly."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, build_report, text_reuse
from tests.conftest import SEED_FILE, transformed_rows

TABLES = ["documents", "problems", "term_frequencies", "term_frequencies_by_kind", "boilerplate",
          "similarity_pairs", "nearest_neighbours", "similarity_matrix", "timeline", "relative_dates",
          "keyness_related", "keyness_busiest_month", "collocations", "cooccurrence_network",
          "actors", "actor_variants", "quotes", "speakers", "actor_network", "story_members", "stories",
          "text_reuse", "bursts",
          "related_items", "related_lists", "related_summary"]
FIGURES = ["top_terms", "top_terms_by_kind", "similarity_heatmap", "timeline", "keyness_related",
           "keyness_busiest_month", "cooccurrence_network", "top_actors", "actor_network", "story_timeline",
           "bursts", "related_lists"]


def test_writes_every_table_figure_and_the_findings(seed_report):
    out, rep = seed_report
    expected = ([out / "tables" / f"{t}.{fmt}" for t in TABLES for fmt in ("csv", "parquet")]
                + [out / "figures" / f"{f}.{fmt}" for f in FIGURES for fmt in ("png", "svg")]
                + [out / "findings.md", out / "provenance.json"])
    assert rep.files == expected
    assert sorted(p for p in out.rglob("*") if p.is_file()) == sorted(expected)  # nothing else, no temporary file
    assert (out / "findings.md").read_text(encoding="utf-8") == rep.findings
    assert json.loads((out / "provenance.json").read_text(encoding="utf-8")) == rep.provenance


def test_tables_are_what_the_report_holds(seed_report, seed_docs):
    out, rep = seed_report
    assert list(rep.tables) == TABLES
    assert rep.tables["documents"] is rep.docs and rep.tables["problems"] is rep.problems
    back = pd.read_csv(out / "tables" / "documents.csv", encoding="utf-8-sig")
    assert back["doc_id"].tolist() == seed_docs["doc_id"].tolist()
    assert set(back["source"]) == {"seeds/000_bb4a6ccb6fd5c6e9.txt"}  # relative to the project, on any machine
    assert len(rep.tables["similarity_pairs"]) == 20 and (rep.tables["nearest_neighbours"]["rank"] <= 5).all()
    matrix = pd.read_csv(out / "tables" / "similarity_matrix.csv", encoding="utf-8-sig", index_col=0)
    assert matrix.shape == (21, 21)  # the first page's matrix, with its doc_id index
    # corpus-wide reuse: the seed page's two long shared passages (the article's lead, Pompeo's announcement)
    reuse = rep.tables["text_reuse"]
    pd.testing.assert_frame_equal(reuse, text_reuse(seed_docs, candidates="shingles"))
    assert reuse["shared_chars"].head(2).tolist() == [140, 65]
    assert "Text reuse: 2 pairs of distinct texts share a passage" in rep.findings


@pytest.fixture
def damaged_corpus(tmp_path, seed_file):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = seed_file.read_text(encoding="utf-8").split("\n")
    lines[7] = "2021-13-45 99:99:99" + lines[7][19:]
    (corpus / "bad.txt").write_text("\n".join(lines), encoding="utf-8")
    return corpus


def test_errors_raise_on_a_damaged_page(damaged_corpus, tmp_path):
    with pytest.raises(CorpusError, match=r"bad\.txt:8: malformed timestamp"):
        build_report(damaged_corpus, tmp_path / "out", errors="raise")
    assert not (tmp_path / "out").exists()  # stopped before writing anything


def test_unknown_page_raises(tmp_path, seed_file):
    with pytest.raises(CorpusError, match="no page 'nope' in the corpus"):
        build_report(seed_file, tmp_path / "out", page="nope")
    assert not (tmp_path / "out").exists()


def test_empty_folder_raises(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF-1.4 not a page")  # (*.md is read: Markdown pages)
    with pytest.raises(CorpusError, match=r"empty: no file in a format the kit reads in the corpus folder"):
        build_report(tmp_path / "empty", tmp_path / "out")


def test_a_corpus_with_no_readable_page_raises(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.txt").write_text("購物清單\n牛奶", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(CorpusError, match="no news page could be read from the corpus"):
            build_report(tmp_path / "c", tmp_path / "out")
    assert [w.category for w in caught] == [CorpusWarning]


@pytest.mark.parametrize("kw, error", [({"errors": "ignore"}, ValueError), ({}, CorpusError)])
def test_bad_arguments_and_a_missing_corpus(tmp_path, kw, error):
    with pytest.raises(error):
        build_report(tmp_path / "nowhere", tmp_path / "out", **kw)


def test_every_similarity_table_agrees_on_a_corpus_of_several_pages(tmp_path):
    """The heatmap's matrix, the pairs and the neighbours come from one model: a pair has one value."""
    import sys

    from analysis.config import PROJ_ROOT

    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    from make_corpus import make_corpus

    corpus = tmp_path / "corpus"
    make_corpus(3, corpus, seed=5)
    (corpus / "000_seed.txt").write_bytes(SEED_FILE.read_bytes())  # sorts first: the heatmap's page
    rep = build_report(corpus, tmp_path / "out", top=40)
    m = rep.tables["similarity_matrix"]
    checked = 0
    for table, a, b in (("similarity_pairs", "doc_a", "doc_b"), ("nearest_neighbours", "doc_id", "neighbour")):
        for row in rep.tables[table].itertuples(index=False):
            x, y = getattr(row, a), getattr(row, b)
            if x in m.index and y in m.index:
                assert m.loc[x, y] == row.similarity
                checked += 1
    assert checked >= 15
    assert rep.docs["page_id"].nunique() == 4


def test_tables_and_figures_are_the_same_bytes_from_workers_or_here(tmp_path, monkeypatch):
    """Steps, tables and figures side by side in forked workers (a small corpus) or one after another
    (a large crawl): the same files, listed in the same order."""
    from analysis import rendering, report, termlists
    from analysis.settings import options

    monkeypatch.setattr(options, "workers", 2)
    calls = []
    for module, name in ((report, "map_beside"), (rendering, "map_inherited")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name,
                            lambda *a, real=real, **k: calls.append((real.__name__, k.get("workers"), len(a[1])))
                            or real(*a, **k))
    memo, trims = [], []  # the terms this process holds when the actors are tabled; heaps trimmed
    monkeypatch.setattr(report, "trim_heap", lambda: trims.append(len(memo)) or True)
    monkeypatch.setattr(report, "actor_tables", lambda *a, real=report.actor_tables, **k:
                        memo.append(len(termlists._MEMO)) or real(*a, **k))
    monkeypatch.setattr(report, "BESIDE_MIN_BLOCK", 1)  # the actors in blocks of two documents, shared
    side = build_report(SEED_FILE.parent, tmp_path / "workers")
    monkeypatch.setattr(rendering, "FIGURE_WORKERS_MAX_ROWS", 20)  # fewer than the seed's 21 documents
    monkeypatch.setattr(report, "STEPS_BESIDE_MAX_ROWS", 20)
    monkeypatch.setattr(report, "WRITE_EARLY_MIN_ROWS", 5)  # tables of 5 rows or more written as made
    alone = build_report(SEED_FILE.parent, tmp_path / "here")
    early = [name for name in alone.tables if alone.tables.files(name)]
    assert memo[0] > 0 and memo[1] == 0, "a large crawl's terms are let go before its actors are found"
    assert trims == [1], "and the heap trimmed then, once, only for the large crawl"
    assert "related_items" in early and "documents" not in early and "similarity_pairs" in early
    assert list(alone.tables) == list(side.tables) == list(report.TABLES)
    pd.testing.assert_frame_equal(alone.tables["related_items"], side.tables["related_items"])
    assert (tmp_path / "here" / "findings.md").read_bytes() == (tmp_path / "workers" / "findings.md").read_bytes()
    # the configured workers (the actors' blocks beside the other steps, then the outputs), then this process alone
    assert [call[:2] for call in calls] == [("map_beside", None), ("map_inherited", None), ("map_inherited", 1)]
    assert calls[0][2] > 1, "the actors in several blocks"
    assert [p.relative_to(tmp_path / "workers") for p in side.files] == \
        [p.relative_to(tmp_path / "here") for p in alone.files]
    assert [p.name for p in side.files[:2]] == ["documents.csv", "documents.parquet"]  # in the tables' order
    assert sum(p.parent.name == "figures" for p in side.files) == 2 * len(rendering.FIGURES)
    for name in (tmp_path / "workers" / "tables").iterdir():
        assert (tmp_path / "here" / "tables" / name.name).read_bytes() == name.read_bytes(), name.name
    for name in (tmp_path / "workers" / "figures").iterdir():
        assert (tmp_path / "here" / "figures" / name.name).read_bytes() == name.read_bytes(), name.name


def test_the_distinct_texts_are_transformed_once(tmp_path, monkeypatch):
    """Neighbours, stories and related lists take their TF-IDF vectors from one transform of the
    distinct texts (TfidfModel.kept): the same tables as each step transforming its own."""
    from analysis import TfidfModel
    from analysis.tables import distinct

    rows = transformed_rows(monkeypatch)
    once = build_report(SEED_FILE.parent, tmp_path / "once")
    assert rows == [len(distinct(once.docs, unique=True))]
    monkeypatch.setattr(TfidfModel, "_from_kept", lambda self, docs: None)  # each step transforms its rows
    rows.clear()
    build_report(SEED_FILE.parent, tmp_path / "each")
    assert len(rows) >= 3
    for name in ("similarity_pairs", "nearest_neighbours", "similarity_matrix", "story_members", "stories",
                 "related_items", "related_lists"):
        assert (tmp_path / "once" / "tables" / f"{name}.csv").read_bytes() == \
            (tmp_path / "each" / "tables" / f"{name}.csv").read_bytes(), name


def test_counts_that_cannot_give_keyness_leave_it_counted_again(tmp_path, monkeypatch):
    """keyness_of_rest refusing the counts (say, counts of another corpus) is no empty table: both sides are counted."""
    from analysis import report_steps

    fast = build_report(SEED_FILE.parent, tmp_path / "fast")

    def refuse(*args, **kwargs):
        raise ValueError("counts do not hold every term of the target's texts: give term_frequencies(docs)")

    monkeypatch.setattr(report_steps, "keyness_of_rest", refuse)
    again = build_report(SEED_FILE.parent, tmp_path / "again")
    assert len(again.tables["keyness_busiest_month"]) > 0
    pd.testing.assert_frame_equal(again.tables["keyness_busiest_month"], fast.tables["keyness_busiest_month"])


def test_keyness_from_the_counts_or_counted_again(tmp_path, monkeypatch):
    """The related items' keyness is made from the counts by kind where they give it, and each other
    keyness from the corpus's counts less the target's own texts (only the target counted again), and
    counted on both sides where neither gives it: the same tables, byte for byte."""
    from analysis import report_steps
    from analysis.comparison import keyness, keyness_of_rest
    from analysis.selection import of_kind

    calls = {"rest": 0, "both": 0}

    def counting(name, fn):
        return lambda *a, **k: calls.__setitem__(name, calls[name] + 1) or fn(*a, **k)

    monkeypatch.setattr(report_steps, "keyness", counting("both", keyness))
    monkeypatch.setattr(report_steps, "keyness_of_rest", counting("rest", keyness_of_rest))
    fast = build_report(SEED_FILE.parent, tmp_path / "fast")
    assert calls == {"rest": 1, "both": 0}  # the busiest month's
    monkeypatch.setattr(report_steps, "keyness_of_groups", lambda *a, **k: None)
    rest = build_report(SEED_FILE.parent, tmp_path / "rest")
    assert calls == {"rest": 3, "both": 0}
    monkeypatch.setattr(report_steps, "keyness_of_rest", lambda *a, **k: None)
    again = build_report(SEED_FILE.parent, tmp_path / "again")
    assert calls == {"rest": 3, "both": 2}
    expected = {"keyness_related": keyness(again.docs, of_kind(again.docs, "related")),
                "keyness_busiest_month": fast.tables["keyness_busiest_month"]}
    month = again.docs["published"].dt.to_period("M").dt.to_timestamp()
    busiest = fast.tables["keyness_busiest_month"].attrs["month"]
    pd.testing.assert_frame_equal(keyness(again.docs, (month == busiest).to_numpy()),
                                  expected["keyness_busiest_month"])
    for name, table in expected.items():
        for made in (fast, rest, again):
            pd.testing.assert_frame_equal(made.tables[name], table)
        assert fast.tables[name].attrs == again.tables[name].attrs
        for run in ("rest", "again"):
            assert (tmp_path / "fast" / "tables" / f"{name}.csv").read_bytes() == \
                (tmp_path / run / "tables" / f"{name}.csv").read_bytes()
