"""Related lists: a hand-built crawl with planted order and recycled items, the seed page, the figure."""

from __future__ import annotations

import math
import random
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr

from analysis import (content_id, plot_related_lists, related_items, related_lists, related_summary,
                      save_figure, similarity_matrix, tfidf_model)
from analysis.linking import ITEM_COLUMNS, LIST_COLUMNS, _pages_holding, repeats_lead
from analysis import linking, linking_leads
from analysis.linking_leads import lead_repeats, shares_run
from analysis.linking_order import group_median, group_spearman
from tests.conftest import svg_of

LEAD = "中央氣象署今天上午發布颱風海上警報，提醒民眾注意。"


def _doc(page: str, position: int, title: str, text: str, published: str, precision: str = "second") -> dict:
    return {"doc_id": f"{page}:{position:02d}", "page_id": page, "kind": "article" if position == 0 else "related",
            "position": position, "title": title, "text": text, "published": pd.Timestamp(published),
            "published_precision": precision, "content_id": content_id(title, text)}


# Two texts recycled: R1 on pages A and B, R2 on pages A, B and C.
R1 = ("颱風 停班", "颱風 停班 停課 公告", "2024-01-05 08:00")
R2 = ("颱風 路徑", "颱風 路徑 預報 更新", "2024-01-12 09:30")


def _crawl() -> pd.DataFrame:
    rows = [
        # page A: items in date order (rho = +1); two before the article's day, two after
        _doc("A", 0, "颱風 警報", "颱風 警報 發布 " + LEAD, "2024-01-10", "day"),
        _doc("A", 1, "地震 消息", "地震 消息 一則", "2024-01-01 10:00"),
        _doc("A", 2, *R1),
        _doc("A", 3, *R2),
        _doc("A", 4, "選舉 新聞", "選舉 新聞 開票", "2024-01-20 20:00"),
        # page B: items newest first (rho = -1)
        _doc("B", 0, "選舉 開票", "選舉 開票 結果", "2024-01-13", "day"),
        _doc("B", 1, "選舉 花絮", "選舉 花絮 一則", "2024-01-14 12:00"),
        _doc("B", 2, *R2),
        _doc("B", 3, *R1),
        # page C: items by falling similarity to the article (rho of position with similarity = -1);
        # position 2 repeats the article's lead
        _doc("C", 0, "颱風 豪雨 特報", LEAD + " 颱風 豪雨 特報 山區", "2024-01-12", "day"),
        _doc("C", 1, "颱風 豪雨 山區", "颱風 豪雨 特報 山區 土石", "2024-01-11 08:00"),
        _doc("C", 2, "特報 發布", LEAD + "其後 更新", "2024-01-12 15:00"),
        _doc("C", 3, *R2),
        _doc("C", 4, "股市 收盤", "股市 收盤 上漲", "2024-01-02 13:30"),
    ]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def crawl():
    return _crawl()


@pytest.fixture(scope="module")
def model(crawl):
    return tfidf_model(crawl, segmenter=str.split)


@pytest.fixture(scope="module")
def table(crawl, model):
    return related_lists(crawl, model=model).set_index("page_id")


def test_items_from_dates_already_computed_are_the_same(crawl, model):
    from analysis import relative_dates

    pd.testing.assert_frame_equal(related_items(crawl, model=model, dates=relative_dates(crawl)),
                                  related_items(crawl, model=model))


def test_recycled_counts_are_exact(crawl, model, table):
    assert table["recycled_items"].to_dict() == {"A": 2, "B": 2, "C": 1}
    assert table["recycled_share"].to_dict() == {"A": 0.5, "B": 0.666667, "C": 0.25}
    items = related_items(crawl, model=model).set_index("doc_id")
    assert items.loc[["A:02", "A:03", "B:02", "C:03", "A:01"], "pages"].tolist() == [2, 3, 3, 3, 1]
    summary = related_summary(table.reset_index(), docs=crawl).set_index("measure")["value"]
    assert summary["recycled items (text on 2+ pages)"] == 5
    assert summary["distinct recycled texts"] == 2
    assert summary["most recycled item"] == "颱風 路徑 (3 pages)"


def test_order_by_date_planted(table):
    assert table.loc["A", "order_date_rho"] == 1.0
    assert table.loc["B", "order_date_rho"] == -1.0


def test_order_by_similarity_planted(table):
    assert table.loc["C", "order_similarity_rho"] == -1.0


def test_before_after_and_lags_in_calendar_days(table):
    a = table.loc["A"]
    # article dated 2024-01-10 (a day): items on 01-01, 01-05, 01-12, 01-20 are -9, -5, 2 and 10 days away
    assert (a["before"], a["same_day"], a["after"]) == (0.5, 0.0, 0.5)
    assert (a["lag_min_days"], a["lag_median_days"], a["lag_max_days"]) == (-9.0, -1.5, 10.0)
    assert table.loc["C", "same_day"] == 0.5  # 09:30 and 15:00 on 2024-01-12, the article's day: 0 days


def test_lead_repeats(crawl, table):
    assert table["lead_repeats"].to_dict() == {"A": 0, "B": 0, "C": 1}
    assert related_items(crawl, model=tfidf_model(crawl, segmenter=str.split)).query("repeats_lead")[
        "doc_id"].tolist() == ["C:02"]


@pytest.mark.parametrize("article, item, expected", [
    (LEAD + "其後雙方說明。", "快訊：" + LEAD, True),             # its whole first sentence (25 characters)
    (LEAD + "其後雙方說明。", LEAD[1:], False),                   # 24 characters of it only
    ("颱風 警報 發布 " + LEAD, "風 警報 發布 " + LEAD + "另有", True),  # 30 characters of the opening in a run
    ("颱風 警報 發布 " + LEAD, "警報 發布 " + LEAD + "另有", False),    # 29 characters, and not the first sentence
    (LEAD, "", False),
])
def test_repeats_lead(article, item, expected):
    assert repeats_lead(article, item) is expected


def test_rho_is_nan_when_undefined():
    rows = [_doc("P", 0, "甲", "甲 乙", "2024-01-10", "day"), _doc("P", 1, "乙", "乙 丙", "2024-01-11 10:00"),
            _doc("P", 2, "丙", "丙 丁", "2024-01-12 10:00")]
    t = related_lists(pd.DataFrame(rows), model=None, segmenter=str.split)
    assert list(t.columns) == list(LIST_COLUMNS)
    assert math.isnan(t.loc[0, "order_date_rho"])  # two items: too few to rank


def test_summary_verdict_follows_the_thresholds(table):
    t = table.reset_index()
    by_date = t.assign(order_date_rho=[-0.9, -0.8, -0.7], order_similarity_rho=[0.1, 0.0, -0.2])
    said = related_summary(by_date).set_index("measure").loc["verdict", "value"]
    assert said.startswith("Related lists are mostly ordered by recency (newest first: 3 of 3 pages)")
    assert "recur on other pages" in said
    # the majority of the pages whose order can be measured: 2 of 2, a third page unmeasurable
    some = t.assign(order_date_rho=[-0.9, -0.8, float("nan")], order_similarity_rho=[0.1, 0.0, float("nan")])
    said = related_summary(some).set_index("measure").loc["verdict", "value"]
    assert said.startswith("Related lists are mostly ordered by recency (newest first: 2 of 2 pages)")
    assert "measurable on 2 of 3 pages" in said
    unordered = related_summary(t.assign(order_date_rho=0.2, order_similarity_rho=-0.1))
    assert "neither by date nor by similarity" in unordered.set_index("measure").loc["verdict", "value"]


def test_seed_page(seed_docs):
    """The issue: the seed list is ordered neither by date nor by similarity (1 is 2020-09-18, 2 is 2021-01-15)."""
    row = related_lists(seed_docs).iloc[0]
    assert row["items"] == 20 and row["recycled_items"] == 0 and row["lead_repeats"] == 1
    assert (row["before"], row["same_day"], row["after"]) == (0.0, 0.05, 0.95)
    assert (row["lag_min_days"], row["lag_median_days"], row["lag_max_days"]) == (0.0, 116.0, 1119.0)
    assert abs(row["order_date_rho"]) < 0.5 and abs(row["order_similarity_rho"]) < 0.5
    items = related_items(seed_docs).set_index("position")
    assert items.loc[[1, 2, 5], "published"].dt.strftime("%Y-%m-%d").tolist() == ["2020-09-18", "2021-01-15",
                                                                                  "2020-09-17"]


def test_plot_related_lists_draws_chinese(crawl, seed_docs):
    for fig in (plot_related_lists(seed_docs), plot_related_lists(crawl, segmenter=str.split)):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.canvas.draw()
        assert len(fig.axes) == 2
        plt.close(fig)


def test_empty_tables_have_the_columns_and_dtypes_of_full_ones(crawl, model):
    """No related item: the tables have no row, but real dtypes, so a boolean mask selects rows, not columns."""
    full_items, full_lists = related_items(crawl, model=model), related_lists(crawl, model=model)
    articles_only = crawl[crawl["kind"] == "article"]
    items = related_items(articles_only, model=model)
    assert list(items.columns) == list(ITEM_COLUMNS) and items.empty
    assert items.dtypes.to_dict() == full_items.dtypes.to_dict()
    assert items["recycled"].dtype == bool and items["similarity"].dtype == "float64"
    assert items["pages"].dtype == "int64" and str(items["published"].dtype).startswith("datetime64")
    assert list(items[items["repeats_lead"]].columns) == list(ITEM_COLUMNS)
    lists = related_lists(articles_only, model=model)
    assert list(lists.columns) == list(LIST_COLUMNS) and lists.empty
    assert lists.dtypes.to_dict() == full_lists.dtypes.to_dict()
    assert lists["items"].dtype == "int64" and lists["order_date_rho"].dtype == "float64"
    assert list(lists[lists["items"] > 0].columns) == list(LIST_COLUMNS)
    summary = related_summary(lists).set_index("measure")["value"]
    assert summary["verdict"] == "No page has a related list."


def test_page_without_article_has_a_missing_article(crawl, model):
    orphan = crawl[crawl["doc_id"] != "B:00"]
    table = related_lists(orphan, model=tfidf_model(orphan, segmenter=str.split)).set_index("page_id")
    assert pd.isna(table.loc["B", "article"])
    assert table.loc["A", "article"] == "A:00"
    assert table["article"].dtype == crawl["doc_id"].dtype


def test_verdict_when_no_rho_can_be_measured(table):
    t = table.reset_index().assign(order_date_rho=float("nan"), order_similarity_rho=float("nan"))
    said = related_summary(t).set_index("measure").loc["verdict", "value"]
    assert said.startswith("The order of the related lists cannot be measured")
    assert "none of the 3 pages" in said
    assert "neither" not in said and "nan" not in said


def test_verdict_when_only_one_rho_can_be_measured(table):
    t = table.reset_index().assign(order_date_rho=float("nan"), order_similarity_rho=[0.1, 0.0, -0.2])
    said = related_summary(t).set_index("measure").loc["verdict", "value"]
    assert said.startswith("Related lists are not ordered by similarity; their order by date cannot be measured")
    assert "no page has a measurable rho with date" in said and "measurable on 3 of 3 pages" in said
    assert "nan" not in said


@pytest.mark.parametrize("items, recycled, expected", [([4, 4, 3], [2, 2, 2], "Most items (55%)"),
                                                       ([4, 3, 3], [2, 2, 1], "Half the items (5 of 10)"),
                                                       ([4, 3, 3], [1, 1, 1], "3 of 10 items")])
def test_verdict_most_means_a_strict_majority(table, items, recycled, expected):
    t = table.reset_index().assign(items=items, recycled_items=recycled)
    said = related_summary(t).set_index("measure").loc["verdict", "value"]
    assert expected in said
    assert ("Most" in said) is expected.startswith("Most")


def test_plot_has_no_negative_ticks_when_no_lag_is_negative(crawl, seed_docs):
    fig = plot_related_lists(seed_docs)  # the seed page's lags are all 0 or more
    fig.canvas.draw()
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    assert -1 < low <= 0
    assert not [t for t in ax.get_yticks() if low <= t <= high and t < 0]
    plt.close(fig)
    fig = plot_related_lists(crawl, segmenter=str.split)  # page A has items 9 days before its article
    fig.canvas.draw()
    assert fig.axes[0].get_ylim()[0] <= -9
    plt.close(fig)


# The per-page loops replaced by work over all items at once: each part against what it replaced.

def _difflib_repeats_lead(article_text: str, text: str) -> bool:
    """The lead test as it was first written, with difflib's longest match: the reference."""
    from difflib import SequenceMatcher

    from analysis.text import compact, first_sentence

    art, item = compact(article_text or ""), compact(text or "")
    if not art or not item:
        return False
    lead = compact(first_sentence(article_text))
    if len(lead) >= 10 and lead in item:
        return True
    opening = art[:150]
    match = SequenceMatcher(None, opening, item, autojunk=False).find_longest_match(0, len(opening), 0, len(item))
    return match.size >= 30


@settings(max_examples=300)
@given(st.text(alphabet="甲乙丙", max_size=40), st.text(alphabet="甲乙丙", max_size=40), st.integers(0, 12))
def test_shares_run_is_a_longest_common_substring_test(a, b, length):
    from difflib import SequenceMatcher

    longest = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    assert shares_run(a, b, length=length) is (longest >= length)


# characters NFKC joins to the one before (combining marks, Hangul jamo, a Kannada vowel sign), changes (full
# width, a ligature, compatibility ideographs, ㍻) or drops (spaces), beside the ideographs and ASCII it cuts before
_NFKC_EDGES = "甲乙丙ab1 \u3000\u00a0\n\u0301\u0308\u0323e\u1100\u1161\u11a8\u0cbf\u0cd5ＡＵＮ！\ufb01\uf900\u337b。"


@settings(max_examples=400)
@given(st.lists(st.sampled_from([*_NFKC_EDGES, *" " * 40]), min_size=40, max_size=400).map("".join),
       st.integers(-2, 40))
def test_folded_opening_is_the_text_folded_whole_then_cut(text, chars):
    """Long texts over NFKC's edge cases, half of them spaces, folded in part as whole (a cut placed on a
    character NFKC joins to the one before: the test after this one)."""
    from analysis.text import compact

    assert linking_leads.folded_opening(text, chars) == compact(text)[:chars]


@pytest.mark.parametrize("text", [" " * 17 + "e\u0301" + "x" * 30, " " * 17 + "\u1100\u1161" + "x" * 30,
                                  " " * 17 + "e" + "\u0323" * 70 + "x"])
def test_folded_opening_never_cuts_where_nfkc_joins(text):
    """The first cut (at 2 * 1 + 16 characters) falls on a character joined to the one before."""
    from analysis.text import compact

    assert linking_leads.folded_opening(text, 1) == compact(text)[:1] != text[17]


def test_folded_opening_folds_a_long_article_in_part(monkeypatch):
    from analysis import text as text_module

    folded = []
    monkeypatch.setattr(linking_leads, "compact", lambda t: folded.append(len(t)) or text_module.compact(t))
    article = "颱風海上警報發布，提醒民眾注意強風豪雨。" * 500  # 10,000 characters
    assert linking_leads.folded_opening(article, 150) == text_module.compact(article)[:150]
    assert folded == [316]  # 2 * 150 + 16 characters, cut before an ideograph


def test_repeats_lead_as_difflib_on_a_crawl():
    """Items cut from the article's sentences at every offset and length, the run test's edge cases among them."""
    rng = random.Random(0)
    sentences = ["中央氣象署今天上午發布颱風海上警報", "提醒民眾注意強風豪雨", "台北市政府宣布明天照常上班上課",
                 "交通部表示高鐵班次不受影響", "氣象專家分析颱風路徑可能北轉"]
    answers = []
    for _ in range(400):
        article = "。".join(rng.choices(sentences, k=rng.randrange(2, 12))) + "。"  # up to twice the opening
        start, size = rng.randrange(0, len(article) - 10), rng.randrange(24, 36)  # runs around 30 characters
        item = rng.choice(["", "快訊：", "颱風"]) + article[start:start + size] + rng.choice(["", "其後", "。"])
        for text in (item, item.replace("颱", "台", 1), " ".join(item)):
            answers.append(repeats_lead(article, text))
            assert answers[-1] is _difflib_repeats_lead(article, text), (article, text)
    assert 0.2 < sum(answers) / len(answers) < 0.8  # both answers, many times
    assert lead_repeats(["甲乙", LEAD], ["甲乙", "快訊：" + LEAD]) == [False, True]


def test_lead_repeats_in_blocks_is_item_by_item(monkeypatch):
    """Items tested a block at a time (an article's items split across blocks, items without one) as one by one."""
    rng = random.Random(2)
    articles = ["颱風海上警報發布，提醒民眾注意強風豪雨，台北市政府宣布明天照常上班上課。" * 2,
                "交通部表示高鐵班次不受影響，氣象專家分析颱風路徑可能北轉。" * 2, ""]
    which = [rng.choice([0, 1, 2, -1]) for _ in range(60)]
    texts = [rng.choice(["", None, "快訊：" + articles[0][:32], articles[1][3:40], "其後雙方合影"]) for _ in which]
    expected = [a >= 0 and repeats_lead(articles[a], t) for a, t in zip(which, texts)]
    assert 0 < sum(expected) < len(expected)
    monkeypatch.setattr(linking_leads, "LEAD_BLOCK", 7)
    assert lead_repeats(articles, texts, which=np.array(which)) == expected
    assert lead_repeats(tuple(articles), pd.Series(texts), which=which) == expected


def test_pages_holding_a_text_as_groupby_counts_them():
    rng = np.random.default_rng(3)
    docs = pd.DataFrame({"content_id": rng.choice(["a", "b", "c", None], size=200),
                         "page_id": rng.choice(["p1", "p2", "p3", "p4", None], size=200)})
    docs.loc[docs["content_id"] == "c", "page_id"] = None  # a text on no known page
    expected = docs["content_id"].map(docs.groupby("content_id")["page_id"].nunique()).fillna(1).astype("int64")
    assert _pages_holding(docs).tolist() == expected.tolist()
    assert set(expected) == {0, 1, 4}
    assert _pages_holding(docs.drop(columns="content_id")).tolist() == [1] * 200


def test_lists_in_blocks_of_whole_pages_are_the_lists_at_once(crawl, model, seed_docs, monkeypatch):
    docs = pd.concat([crawl, seed_docs.assign(page_id="S")], ignore_index=True)
    items = related_items(docs, model=model)
    whole = related_lists(docs, items=items)
    shuffled = items.sample(frac=1, random_state=0)  # a table of the user's, in any order
    monkeypatch.setattr(linking, "LIST_BLOCK", 2)  # a block ends where a page does, not after 2 items
    assert len(whole) == 4 and whole["items"].max() > 2
    pd.testing.assert_frame_equal(related_lists(docs, items=items), whole)
    pd.testing.assert_frame_equal(related_lists(docs, items=shuffled), whole)
    blocks = related_lists(docs, items=items)  # its text columns in one piece, as written at once
    assert all(blocks[c].array._pa_array.num_chunks == 1 for c in blocks.columns
               if isinstance(blocks[c].array, pd.arrays.ArrowStringArray))


def test_group_spearman_and_median_are_scipy_and_pandas_bit_for_bit():
    rng = np.random.default_rng(1)
    sizes = rng.integers(0, 25, size=300)
    groups = np.repeat(np.arange(len(sizes)), sizes)
    x = rng.integers(0, 6, size=len(groups)).astype(float)  # many ties
    y = rng.normal(size=len(groups)).round(1)
    y[rng.random(len(groups)) < 0.1] = np.nan
    rho = group_spearman(groups, x, y, n_groups=len(sizes) + 1)
    median = group_median(groups, y, n_groups=len(sizes) + 1)
    assert np.isnan(rho[-1]) and np.isnan(median[-1])  # a group without a pair
    for g in range(len(sizes)):
        gx, gy = pd.Series(x[groups == g]), pd.Series(y[groups == g])
        ok = gx.notna() & gy.notna()
        if ok.sum() < 3 or gx[ok].nunique() < 2 or gy[ok].nunique() < 2:
            assert np.isnan(rho[g])
        else:
            assert rho[g] == float(spearmanr(gx[ok], gy[ok]).statistic)  # exactly, not approximately
        expected = gy.median()
        assert (np.isnan(median[g]) and np.isnan(expected)) or median[g] == expected


def test_similarity_to_the_article_is_the_page_matrix_bit_for_bit(crawl, model, seed_docs):
    for docs, m in ((crawl, model), (seed_docs, tfidf_model(seed_docs))):
        items = related_items(docs, model=m).set_index("doc_id")
        for _, page in docs.groupby("page_id"):
            matrix = similarity_matrix(page, model=m, unique=False)
            article = page.loc[page["kind"] == "article", "doc_id"].iloc[0]
            related = page.loc[page["kind"] == "related", "doc_id"]
            assert items.loc[related, "similarity"].tolist() == matrix.loc[article, related].tolist()


def test_plot_draws_the_same_from_the_tables_given(crawl, model, tmp_path):
    """The report passes the tables it computed: the figure is the same, byte for byte."""
    lists, items = related_lists(crawl, model=model), related_items(crawl, model=model)
    drawn = []
    for name, kwargs in (("computed", {}), ("lists", {"lists": lists}), ("both", {"lists": lists, "items": items})):
        fig = plot_related_lists(crawl, model=model, **kwargs)
        drawn.append([path.read_bytes() for path in save_figure(fig, tmp_path / name)])
        plt.close(fig)
    assert drawn[0] == drawn[1] == drawn[2]


def _marks(fig) -> dict[str, list[tuple[float, float]]]:
    """Each kind's marks in the lags panel, by legend label: their (position, lag) pairs, sorted."""
    return {c.get_label(): sorted(map(tuple, c.get_offsets().tolist())) for c in fig.axes[0].collections}


def test_items_at_the_same_position_and_lag_share_one_mark(crawl):
    # the crawl's pages copied under other ids, three times as they are (their items recycled) and three
    # times with texts of their own (plain items): each (position, lag) pair held by three items of a kind
    def copy(i: int, own: bool) -> pd.DataFrame:
        page = crawl.assign(page_id=crawl["page_id"] + f"{i}{own}", doc_id=crawl["doc_id"] + f"-{i}{own}")
        if own:
            page["text"] = page["text"] + f" 版本{i}"
            page["content_id"] = [content_id(a, b) for a, b in zip(page["title"], page["text"])]
        return page

    copies = pd.concat([copy(i, own) for own in (False, True) for i in range(3)], ignore_index=True)
    fig = plot_related_lists(copies, segmenter=str.split)
    items = related_items(copies, segmenter=str.split).dropna(subset=["days_after_article"])
    kinds = {"item": ~(items["recycled"] | items["repeats_lead"]), "text on other pages too": items["recycled"],
             "repeats the article's lead": items["repeats_lead"]}
    marks = _marks(fig)
    assert set(marks) == set(kinds) and all(map(len, marks.values()))
    for label, sel in kinds.items():
        pairs = items[sel][["position", "days_after_article"]].to_numpy(dtype=float).tolist()
        assert marks[label] == sorted(set(map(tuple, pairs))), label
    assert sum(map(len, marks.values())) < len(items) // 2  # each pair is held by three items or more
    plt.close(fig)


def test_a_crawl_s_items_are_an_image_in_the_svg(seed_docs, tmp_path, monkeypatch):
    import analysis.plots as plots

    few = svg_of(plot_related_lists(seed_docs))
    monkeypatch.setattr(plots, "RASTER_POINTS", 5)  # the seed page's 20 items count as many
    many = svg_of(plot_related_lists(seed_docs))
    assert "<image" not in few and "<image" in many
    assert len(many) < len(few) or few.count("<use") > many.count("<use")  # the markers are no longer vector


def _two_pages(**dtypes) -> pd.DataFrame:
    """Page p (an article and two items) and page q (one item, no article)."""
    docs = pd.DataFrame([_doc("p", 0, "颱風", LEAD + "風雨持續。", "2021-01-02"),
                         _doc("p", 1, "颱風警報", LEAD, "2021-01-01"),
                         _doc("p", 2, "豪雨特報", "豪雨特報發布。", "2021-01-03"),
                         _doc("q", 1, "颱風警報", LEAD, "2021-01-01")])
    return docs.astype(dtypes) if dtypes else docs


def test_a_missing_kind_is_neither_article_nor_item():
    docs = _two_pages()
    unknown = pd.DataFrame([{**_doc("r", 0, "其他", "其他內容。", "2021-01-05"), "kind": None}])
    both = pd.concat([docs, unknown], ignore_index=True)
    both["kind"] = both["kind"].astype("string[pyarrow]")
    model = tfidf_model(both)
    items = related_items(both, model=model)
    pd.testing.assert_frame_equal(items, related_items(docs, model=model).astype({"page_id": items["page_id"].dtype}),
                                  check_dtype=False)
    summary = related_summary(related_lists(both, items=items), docs=both)
    assert summary.set_index("measure").loc["distinct recycled texts", "value"] == 1


def test_a_page_without_article_has_none_in_every_block(monkeypatch):
    docs = _two_pages(doc_id=object, page_id=object, title=object, text=object)
    whole = related_lists(docs)
    assert whole["article"].tolist()[0] == "p:00" and pd.isna(whole["article"].iloc[1])
    monkeypatch.setattr(linking, "LIST_BLOCK", 1)
    pd.testing.assert_frame_equal(related_lists(docs), whole)


def test_integer_ids_and_a_page_without_article():
    docs = _two_pages().assign(doc_id=[10, 11, 12, 21])
    lists = related_lists(docs)
    assert str(lists["article"].dtype) == "Int64"
    assert lists["article"].iloc[0] == 10 and lists["article"].isna().iloc[1]


def test_most_recycled_item_of_equals_in_the_categories_order():
    docs = _two_pages()
    extra = pd.DataFrame([_doc("q", 2, "豪雨特報", "豪雨特報發布。", "2021-01-03")])
    docs = pd.concat([docs, extra], ignore_index=True)  # two items' texts on 2 pages each
    items = docs[docs["kind"] == "related"]
    recycled = sorted(items["content_id"][items["content_id"].duplicated()])
    title = dict(zip(items["content_id"], items["title"]))
    assert len(recycled) == 2 and len({title[c] for c in recycled}) == 2
    others = sorted(set(docs["content_id"]) - set(recycled))
    for order in (recycled, recycled[::-1]):
        cat = docs.assign(content_id=pd.Categorical(docs["content_id"], categories=order + others))
        summary = related_summary(related_lists(cat), docs=cat).set_index("measure")
        assert summary.loc["most recycled item", "value"] == f"{title[order[0]]} (2 pages)"


def test_lead_repeats_stays_importable_from_linking():
    assert linking.lead_repeats is lead_repeats


@pytest.mark.parametrize("dtype", [object, "string", "category"])
def test_an_article_without_text_in_any_column_type(dtype):
    docs = _two_pages()
    docs.loc[0, "text"] = None
    items = related_items(docs.astype({"text": dtype}))
    assert items["repeats_lead"].tolist() == [False, False, False]
    pd.testing.assert_frame_equal(items, related_items(docs))
