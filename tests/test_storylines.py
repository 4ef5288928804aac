"""Stories: documents that report the same event, grouped within a time window."""

from __future__ import annotations

import sys
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus, plot_story_timeline, save_figure, stories, story_table, tfidf_model
from analysis import storylines, storylines_window
from analysis.config import PROJ_ROOT
from analysis.storylines_window import window_neighbours
from analysis.tables import distinct
from analysis.tfidf import DECIMALS
from tests.conftest import title_of

VISIT = "美國國務卿蓬佩奧宣布，美國駐聯合國大使克拉夫特將在13日訪問台灣，並與蔡英文總統會面。"
VISIT_REWRITE = "美國駐聯合國大使克拉夫特將訪問台灣並與蔡英文總統會面，國務卿蓬佩奧今天宣布。"
VISIT_FOLLOW = "美國駐聯合國大使克拉夫特取消訪問台灣，國務卿蓬佩奧宣布所有出訪取消。"
BEAR = "台灣黑熊布偶進入聯合國總部，駐紐約辦事處在社群媒體發文，照片引發熱烈討論。"
BEAR_REWRITE = "駐紐約辦事處在社群媒體發文，台灣黑熊布偶的照片進入聯合國總部，引發討論。"
PARADE = "雙十國慶遊行重返紐約華埠，僑界人士在曼哈頓舉行升旗典禮。"


def corpus(rows):
    """A documents table from (doc_id, text, date or None[, content_id]) rows."""
    frame = pd.DataFrame([(r[0], r[1], r[2], r[3] if len(r) > 3 else r[0]) for r in rows],
                         columns=["doc_id", "text", "published", "content_id"])
    frame["title"] = ""
    frame["kind"] = "related"
    frame["outlet"] = ""
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


def groups(result):
    """The partition, as a set of frozensets of doc_ids (independent of the story numbers)."""
    return {frozenset(g) for g in result.groupby("story_id")["doc_id"].apply(list)}


DOCS = corpus([("v1", VISIT, "2021-01-07"), ("b1", BEAR, "2021-01-15"), ("v2", VISIT_REWRITE, "2021-01-08"),
               ("p", PARADE, "2021-01-09"), ("b2", BEAR_REWRITE, "2021-01-16"), ("v3", VISIT, "2021-01-09", "v1")])


def test_planted_stories_are_found():
    got = stories(DOCS)
    assert got.columns.tolist() == ["doc_id", "story_id", "story_size"]
    assert got["doc_id"].tolist() == DOCS["doc_id"].tolist()
    assert groups(got) == {frozenset({"v1", "v2", "v3"}), frozenset({"b1", "b2"}), frozenset({"p"})}
    assert dict(zip(got["doc_id"], got["story_size"])) == {"v1": 3, "b1": 2, "v2": 3, "p": 1, "b2": 2, "v3": 3}


def test_story_ids_are_numbered_by_first_publication():
    got = stories(DOCS).set_index("doc_id")["story_id"]
    assert (got["v1"], got["p"], got["b1"]) == ("s0001", "s0002", "s0003")


def test_same_result_in_any_row_order_and_run():
    first = stories(DOCS)
    assert first.equals(stories(DOCS))
    shuffled = DOCS.sample(frac=1, random_state=3)
    again = stories(shuffled).set_index("doc_id").loc[DOCS["doc_id"]].reset_index()
    assert again.equals(first)


@pytest.mark.parametrize("window, together", [(7, True), (3, True), (1.5, False)])
def test_window_between_two_reports(window, together):
    docs = corpus([("a", VISIT, "2021-01-07"), ("b", VISIT_REWRITE, "2021-01-09")])
    assert (stories(docs, window_days=window)["story_id"].nunique() == 1) is together


def test_threshold():
    docs = corpus([("a", VISIT, "2021-01-07"), ("b", VISIT_FOLLOW, "2021-01-08")])
    assert stories(docs, threshold=0.1)["story_id"].nunique() == 1
    assert stories(docs, threshold=0.99)["story_id"].nunique() == 2


def test_no_chaining_beyond_the_window():
    """Each link is five days long, but a story may not span more than the window from its first document."""
    docs = corpus([("a", VISIT, "2021-01-01"), ("b", VISIT_REWRITE, "2021-01-06"), ("c", VISIT + "。", "2021-01-11")])
    got = stories(docs, window_days=7, threshold=0.3).set_index("doc_id")["story_id"]
    assert got["a"] != got["c"]
    assert got.nunique() == 2
    assert stories(docs, window_days=10, threshold=0.3)["story_id"].nunique() == 1


def test_identical_texts_are_one_story_whatever_their_dates():
    docs = corpus([("a", VISIT, "2021-01-07", "x"), ("b", BEAR, "2021-01-07"), ("c", VISIT, "2021-06-01", "x"),
                   ("d", VISIT_REWRITE, "2021-01-08")])
    got = stories(docs)
    assert groups(got) == {frozenset({"a", "c", "d"}), frozenset({"b"})}


def test_an_undated_document_cannot_bridge_two_periods():
    docs = corpus([("a", VISIT, "2021-01-07"), ("u", VISIT + "！", None), ("c", VISIT_REWRITE, "2021-05-01")])
    got = stories(docs).set_index("doc_id")["story_id"]
    assert got["a"] != got["c"]
    assert got["u"] in (got["a"], got["c"])  # linked by similarity alone, to one of them
    alone = stories(corpus([("u", VISIT, None), ("v", VISIT_REWRITE, None)]))
    assert alone["story_id"].nunique() == 1


def test_empty_and_unique_false():
    assert stories(DOCS.iloc[:0]).empty
    assert groups(stories(DOCS, unique=False)) == groups(stories(DOCS))


def test_seed_page_expectations(seed_docs):
    got = stories(seed_docs).set_index("doc_id")["story_id"]
    pompeo = [title_of(seed_docs, "外交部:與AIT協調中"), title_of(seed_docs, "讚台可靠夥伴")]
    lead = [seed_docs["doc_id"].iloc[0], title_of(seed_docs, "美駐UN大使會台代表")]
    assert got[pompeo].nunique() == 1
    assert got[lead].nunique() == 1
    assert got[pompeo[0]] != got[lead[0]]  # September 2020 and January 2021: not one story
    assert got[title_of(seed_docs, "雙十國慶")] not in set(got[pompeo + lead])


def test_story_table():
    docs = DOCS.assign(title=["克拉夫特將訪台", "黑熊進聯合國", "蓬佩奧宣布大使訪台", "國慶遊行", "黑熊照片",
                              "克拉夫特將訪台"],
                       kind=["related", "related", "article", "related", "related", "related"],
                       outlet=["中央社", "", "自由時報", "", "", "中央社"])
    table = story_table(docs, stories(docs))
    assert table.columns.tolist() == ["story_id", "first", "last", "last_copy", "documents", "distinct_texts",
                                      "outlets", "headline"]
    assert table["documents"].tolist() == [3, 2, 1]
    visit = table.iloc[0]
    # v3 (01-09) is a copy of v1 (01-07): dated by its text's first publication, as stories() dates it
    assert (visit["first"], visit["last"]) == (pd.Timestamp("2021-01-07"), pd.Timestamp("2021-01-08"))
    assert visit["last_copy"] == pd.Timestamp("2021-01-09")
    assert (visit["distinct_texts"], visit["outlets"]) == (2, "中央社、自由時報")
    assert visit["headline"] == "蓬佩奧宣布大使訪台"  # the article's, though not the earliest document
    assert table.iloc[1]["headline"] == "黑熊進聯合國"  # no article: equally common titles, the earliest


def test_story_table_headline_with_a_missing_kind():
    kinds = pd.array(["related", "related", pd.NA, "related", "related", "related"], dtype="string")
    docs = DOCS.assign(title=["克拉夫特將訪台", "黑熊進聯合國", "蓬佩奧宣布大使訪台", "國慶遊行", "黑熊照片",
                              "克拉夫特將訪台"], kind=kinds)
    table = story_table(docs, stories(docs))
    # No article in the story: its commonest title, not the one of no kind
    assert table.iloc[0]["headline"] == "克拉夫特將訪台"
    docs["kind"] = kinds.fillna("article")
    assert story_table(docs, stories(docs)).iloc[0]["headline"] == "蓬佩奧宣布大使訪台"


def test_story_timeline_draws_lanes_without_missing_glyphs(seed_docs):
    found = stories(seed_docs)
    fig = plot_story_timeline(seed_docs, found, top=4)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    table = story_table(seed_docs, found).head(4)
    assert len(labels) == 4 and labels[0].endswith(f"({table['documents'].iloc[0]})")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 'Glyph ... missing from font(s)' becomes an error
        fig.canvas.draw()
    plt.close(fig)


def test_story_table_dates_texts_as_stories_does():
    """A copy recycled months later joins its story without stretching it, in stories() and story_table alike."""
    docs = corpus([("a", VISIT, "2021-01-07", "x"), ("d", VISIT_REWRITE, "2021-01-08"),
                   ("c", VISIT, "2021-06-01", "x"), ("u", BEAR, None)])
    table = story_table(docs, stories(docs)).set_index("documents")
    visit, bear = table.loc[3], table.loc[1]
    assert (visit["first"], visit["last"]) == (pd.Timestamp("2021-01-07"), pd.Timestamp("2021-01-08"))
    assert (visit["last"] - visit["first"]).days <= 7  # within the window stories() keeps
    assert visit["last_copy"] == pd.Timestamp("2021-06-01")  # the recycling stays visible
    assert pd.isna(bear["first"]) and pd.isna(bear["last"]) and pd.isna(bear["last_copy"])


def test_story_timeline_draws_recycled_copies(seed_docs):
    docs = corpus([("a", VISIT, "2021-01-07", "x"), ("d", VISIT_REWRITE, "2021-01-08"),
                   ("c", VISIT, "2021-06-01", "x")])
    fig = plot_story_timeline(docs, stories(docs))
    assert [line.get_linestyle() for line in fig.axes[0].get_lines()] == ["-", ":"]
    plt.close(fig)


def test_story_timeline_draws_one_mark_per_date_and_kind(seed_docs, monkeypatch):
    import analysis.plots as plots

    # a text recycled on five pages the same day, a rewrite the next day, the article of one page
    rows = [(f"c{i}", VISIT, "2021-01-07", "x") for i in range(5)] + [("d", VISIT_REWRITE, "2021-01-08")]
    docs = corpus(rows + [("a", VISIT_REWRITE + "。", "2021-01-08")])
    docs.loc[docs["doc_id"] == "a", "kind"] = "article"
    found = stories(docs)
    assert found["story_id"].nunique() == 1
    fig = plot_story_timeline(docs, found)
    marks = {c.get_label(): c.get_offsets().tolist() for c in fig.axes[0].collections}
    assert sorted(marks) == ["article", "related"]
    assert len(marks["related"]) == 2 and len(marks["article"]) == 1  # five copies of one date: one mark
    assert fig.axes[0].get_yticklabels()[0].get_text().endswith("(7)")  # the lane still counts every document
    plt.close(fig)
    monkeypatch.setattr(plots, "RASTER_POINTS", 2)  # three marks are many: drawn as an image
    fig = plot_story_timeline(docs, found)
    assert all(c.get_rasterized() for c in fig.axes[0].collections)
    plt.close(fig)


# The search within the window against brute force: the full similarity matrix, ranked row by row.

def _brute_force(X, days, *, window_days, top):
    """Every pair's similarity, pairs more than the window apart left out, each row ranked: the reference."""
    S = (X @ X.T).toarray()
    np.round(S, DECIMALS, out=S)
    np.fill_diagonal(S, -1.0)
    with np.errstate(invalid="ignore"):
        S[np.abs(days[:, None] - days[None, :]) > window_days] = -1.0
    rows, cols, values = [], [], []
    for i, row in enumerate(S):
        j = np.flatnonzero(row > 0)
        j = j[np.lexsort((j, -row[j]))][:top]
        rows += [i] * len(j)
        cols += j.tolist()
        values += row[j].tolist()
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(values)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """A few hundred synthetic pages (benchmarks/make_corpus.py): 20 related items each, recycled across pages."""
    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    from make_corpus import make_corpus

    folder = tmp_path_factory.mktemp("crawl")
    make_corpus(200, folder)
    return load_corpus(folder)


def _undated(docs):
    """Every seventh text undated, and the rest dated within a few weeks, so that windows are crowded."""
    docs = docs.copy()
    texts = docs["content_id"].factorize()[0]
    docs["published"] = pd.Timestamp("2021-01-01") + pd.to_timedelta(texts % 40 * 0.37, unit="D")
    docs.loc[texts % 7 == 3, "published"] = pd.NaT
    return docs


@pytest.mark.parametrize("which", ["seed", "crawl", "crowded"])
@pytest.mark.parametrize("window_days, top", [(7.0, 10), (2.5, 3)])
def test_window_search_is_brute_force(which, window_days, top, seed_docs, crawl, monkeypatch):
    docs = {"seed": seed_docs, "crawl": crawl, "crowded": _undated(crawl)}[which]
    if which == "crowded":  # small blocks: windows sliced over many blocks, undated rows in every one
        monkeypatch.setattr(storylines_window, "BLOCK_ROWS", 16)
        monkeypatch.setattr(storylines_window, "BLOCK_VALUES", 4000)
    model = tfidf_model(docs)
    texts = distinct(docs).reset_index(drop=True)
    X, days = model.transform(texts), storylines._days(texts)
    got = window_neighbours(X, days, window_days=window_days, top=top)
    expected = _brute_force(X, days, window_days=window_days, top=top)
    for a, b in zip(got, expected):
        assert np.array_equal(a, b)
    assert len(got[0]) > (50 if which != "seed" else 5)
    # and the stories: the same table as when the links come from brute force
    windowed = stories(docs, model=model, window_days=window_days, top=top)
    monkeypatch.setattr(storylines, "window_neighbours", _brute_force)
    assert windowed.equals(stories(docs, model=model, window_days=window_days, top=top))


def test_seed_stories_as_with_the_corpus_wide_search(seed_docs, monkeypatch):
    """On the seed page, searching the whole corpus first and then keeping the pairs within the window
    finds the same stories."""
    def corpus_wide(X, days, *, window_days, top):
        rows, cols, values = _brute_force(X, days, window_days=np.inf, top=top)  # every text a candidate
        with np.errstate(invalid="ignore"):
            near = ~(np.abs(days[rows] - days[cols]) > window_days)
        return rows[near], cols[near], values[near]

    windowed = stories(seed_docs)
    monkeypatch.setattr(storylines, "window_neighbours", corpus_wide)
    assert windowed.equals(stories(seed_docs))


def test_story_timeline_draws_the_same_from_the_table_given(seed_docs, tmp_path):
    found = stories(seed_docs)
    drawn = []
    for name, kwargs in (("computed", {}), ("given", {"table": story_table(seed_docs, found)})):
        fig = plot_story_timeline(seed_docs, found, top=5, **kwargs)
        drawn.append([path.read_bytes() for path in save_figure(fig, tmp_path / name)])
        plt.close(fig)
    assert drawn[0] == drawn[1]
