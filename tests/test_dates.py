"""Timeline counts."""

from __future__ import annotations

import pandas as pd

from analysis import relative_dates, timeline


def test_monthly_counts_of_the_seed_page(seed_docs):
    t = timeline(seed_docs)
    assert len(t) == 38
    assert t["period"].iloc[0] == pd.Timestamp("2020-09-01")
    assert t["period"].iloc[-1] == pd.Timestamp("2023-10-01")
    assert t.set_index("period").loc["2021-01-01", "count"] == 13
    assert t["count"].sum() == 21
    assert (t["article"] + t["related"] == t["count"]).all()
    assert t["article"].sum() == 1
    # Months with no document are there, as 0.
    assert (t.set_index("period").loc["2020-11-01":"2020-12-01", "count"] == 0).all()


def test_counts_match_an_independent_count(seed_docs):
    t = timeline(seed_docs).set_index("period")["count"]
    by_hand = seed_docs["published"].dt.to_period("M").value_counts()
    for period, n in by_hand.items():
        assert t[period.to_timestamp()] == n


def test_yearly_and_undated(seed_docs):
    docs = seed_docs.copy()
    docs.loc[3, "published"] = pd.NaT
    t = timeline(docs, freq="YS")
    assert t["period"].dt.year.tolist() == [2020, 2021, 2022, 2023]
    assert t["count"].sum() == 20


def test_empty():
    docs = pd.DataFrame({"published": pd.Series([], dtype="datetime64[ns]"), "kind": pd.Series([], dtype=str)})
    assert timeline(docs).empty


def test_relative_dates(seed_docs):
    from analysis import relative_dates

    rel = relative_dates(seed_docs)
    assert len(rel) == 20 and (rel["days_after_article"] >= 0).all()
    first = rel.iloc[0]
    assert first["published"] == pd.Timestamp("2020-09-17 13:08:24")
    # The article's dateline gives a day only: an item from the same day is 0 days after it, one
    # from the next morning 1 day, in calendar days (not +0.55 and +1.30 as instants would give).
    assert first["days_after_article"] == 0 and first["lag_precision"] == "day"
    nxt = rel[rel["published"].dt.date == pd.Timestamp("2020-09-18").date()]
    assert len(nxt) and (nxt["days_after_article"] == 1).all()
    assert rel["published"].is_monotonic_increasing


def test_unique_counts_each_text_once_at_its_first_date():
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "kind": ["article", "related", "related"], "content_id": ["x", "y", "x"],
        "published": pd.to_datetime(["2021-03-05", "2021-01-10", "2021-01-02"]),
    })
    t = timeline(docs)  # x counted once, at its earliest copy (c, January), so March is not in it
    assert t[["period", "count", "article", "related"]].values.tolist() == [[pd.Timestamp("2021-01-01"), 2, 0, 2]]
    every = timeline(docs, unique=False)
    assert every["count"].tolist() == [2, 0, 1] and every["article"].tolist() == [0, 0, 1]


def test_weekly_periods():
    docs = pd.DataFrame({"kind": ["related"] * 3, "content_id": list("abc"),
                         "published": pd.to_datetime(["2021-01-04", "2021-01-06", "2021-01-20"])})
    t = timeline(docs, freq="W")
    assert t["count"].tolist() == [2, 0, 1]
    assert (t["period"].diff().dropna() == pd.Timedelta(days=7)).all()


def test_relative_dates_of_items_older_than_their_article():
    docs = pd.DataFrame({
        "doc_id": ["p:00", "p:01", "p:02", "q:00", "q:01"], "page_id": ["p", "p", "p", "q", "q"],
        "kind": ["article", "related", "related", "article", "related"], "title": list("甲乙丙丁戊"),
        "published": pd.to_datetime(["2021-01-10 00:00", "2021-01-11 12:00", "2021-01-09 00:00", None,
                                     "2021-01-01 00:00"]),
    })
    rel = relative_dates(docs)
    assert rel["doc_id"].tolist() == ["p:02", "p:01", "q:01"]  # by page, then date
    assert rel["days_after_article"].tolist()[:2] == [-1.0, 1.0]  # midnight: known to the day
    assert pd.isna(rel["days_after_article"].iloc[2])          # the article has no date


def test_lags_between_two_timestamps_are_fractional():
    from analysis import relative_dates

    docs = pd.DataFrame({
        "doc_id": ["p:00", "p:01"], "page_id": ["p", "p"], "kind": ["article", "related"], "title": ["甲", "乙"],
        "published": pd.to_datetime(["2021-01-10 06:00", "2021-01-11 18:00"]),
        "published_precision": ["minute", "second"],
    })
    rel = relative_dates(docs)
    assert rel["days_after_article"].tolist() == [1.5] and rel["lag_precision"].tolist() == ["time"]
    day = relative_dates(docs.assign(published_precision=["day", "second"]))
    assert day["days_after_article"].tolist() == [1.0] and day["lag_precision"].tolist() == ["day"]



def _pages(published: list[str], kinds: list[str]) -> pd.DataFrame:
    n = len(kinds)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "page_id": ["p"] * n, "kind": kinds,
                         "title": [f"標題{i}" for i in range(n)],
                         "published": pd.to_datetime(published).tz_localize("Asia/Taipei")})


def test_relative_dates_have_the_same_dtypes_with_rows_or_without():
    with_rows = relative_dates(_pages(["2021-01-02 00:00", "2021-01-01 08:00"], ["article", "related"]))
    articles = _pages(["2021-01-02"], ["article"])
    without = relative_dates(articles)
    assert len(with_rows) == 1 and without.empty
    assert without.dtypes.to_dict() == with_rows.dtypes.to_dict()
    assert without["published"].dtype == articles["published"].dtype  # time zone kept


def test_relative_dates_of_items_without_article():
    rel = relative_dates(_pages(["2021-01-02", "2021-01-01"], ["related", "related"]))
    assert len(rel) == 2 and rel["article_published"].isna().all() and rel["days_after_article"].isna().all()
    assert rel["article_published"].dtype == rel["published"].dtype


def test_a_missing_kind_is_no_item():
    docs = _pages(["2021-01-02", "2021-01-01", "2021-01-03"], ["article", "related", "related"])
    docs["kind"] = pd.array(["article", "related", None], dtype="string")
    assert relative_dates(docs)["doc_id"].tolist() == ["d1"]


def test_relative_dates_of_a_table_whose_index_repeats_labels(seed_docs):
    twice = pd.concat([seed_docs, seed_docs.assign(page_id="p2", doc_id=seed_docs["doc_id"] + "b")])
    assert not twice.index.is_unique
    pd.testing.assert_frame_equal(relative_dates(twice), relative_dates(twice.reset_index(drop=True)))
