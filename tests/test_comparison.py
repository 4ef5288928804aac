"""Keyness and dispersion: the formulas against hand computation and SciPy, the counts against term_frequencies."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.frequencies import term_frequencies
from analysis.termlists import document_terms
from analysis.comparison import adjust_pvalues, dispersion, keyness, keyness_of_groups


def _docs(target_texts, reference_texts):
    texts = [*target_texts, *reference_texts]
    return pd.DataFrame({"kind": ["t"] * len(target_texts) + ["r"] * len(reference_texts),
                         "title": [""] * len(texts), "text": texts})


# target: 台灣 x3, 美國 x1 (c = 4 tokens); reference: 台灣 x1, 美國 x5 (d = 6 tokens)
SMALL = _docs(["台灣。台灣。台灣。美國。"], ["台灣。美國。美國。美國。美國。美國。"])


def test_the_small_case_segments_as_intended():
    assert document_terms(SMALL).tolist() == [["台灣"] * 3 + ["美國"], ["台灣"] + ["美國"] * 5]


def test_log_likelihood_log_ratio_and_percent_diff_by_hand():
    key = keyness(SMALL, "t", by="kind").set_index("term")
    assert key.attrs["target_total"] == 4 and key.attrs["reference_total"] == 6
    # 台灣: a = 3, b = 1, c = 4, d = 6, N = 10.
    #   E1 = c (a + b) / N = 4 * 4 / 10 = 1.6;  E2 = d (a + b) / N = 6 * 4 / 10 = 2.4
    #   G2 = 2 (3 ln(3 / 1.6) + 1 ln(1 / 2.4)) = 2 (3 * 0.628608659 - 0.875468737) = 2 * 1.01035724 = 2.02071448
    #   Log Ratio = log2((3 / 4) / (1 / 6)) = log2(4.5) = 2.1699250
    #   %DIFF = (0.75 - 1/6) * 100 / (1/6) = 350
    row = key.loc["台灣"]
    assert (row.target_count, row.reference_count) == (3, 1)
    assert row.log_likelihood == pytest.approx(2.02071448, abs=1e-8)
    assert row.log_ratio == pytest.approx(2.1699250, abs=1e-7)
    assert row.percent_diff == pytest.approx(350.0)
    assert row.target_per_million == pytest.approx(750_000) and row.reference_per_million == pytest.approx(1e6 / 6)
    assert row.p_value == pytest.approx(0.1551661, abs=1e-7)  # chi2.sf(2.02071448, df=1) = 0.1551661
    # 美國: a = 1, b = 5. E1 = 4 * 6 / 10 = 2.4;  E2 = 6 * 6 / 10 = 3.6
    #   G2 = 2 (1 ln(1 / 2.4) + 5 ln(5 / 3.6)) = 2 (-0.875468737 + 5 * 0.328504067) = 2 * 0.767051598 = 1.5341032,
    #   negative: 1/4 = 0.25 < 5/6, relatively more frequent in the reference
    #   Log Ratio = log2(0.25 / (5/6)) = log2(0.3) = -1.7369656;  %DIFF = (0.25 - 5/6) * 100 / (5/6) = -70
    row = key.loc["美國"]
    assert row.log_likelihood == pytest.approx(-1.5341032, abs=1e-7)
    assert row.log_ratio == pytest.approx(-1.7369656, abs=1e-7)
    assert row.percent_diff == pytest.approx(-70.0)
    assert key.index.tolist() == ["台灣", "美國"]  # log_likelihood descending


def test_g2_equals_scipy_power_divergence_on_the_two_term_cells():
    """Rayson & Garside's G2 is the log-likelihood goodness of fit of (a, b) to (E1, E2)."""
    key = keyness(SMALL, "t", by="kind").set_index("term")
    for term, (a, b) in {"台灣": (3, 1), "美國": (1, 5)}.items():
        e1, e2 = 4 * (a + b) / 10, 6 * (a + b) / 10
        g2, p = stats.power_divergence([a, b], [e1, e2], lambda_="log-likelihood")
        assert abs(key.at[term, "log_likelihood"]) == pytest.approx(g2, rel=1e-12)
        assert key.at[term, "p_value"] == pytest.approx(p, rel=1e-12)
        # Dunning's G2 of the whole 2x2 table (term / other terms x target / reference) adds the two
        # "other terms" cells: a little larger, never smaller. The docstring says which one is reported.
        full, *_ = stats.chi2_contingency([[a, 4 - a], [b, 6 - b]], correction=False, lambda_="log-likelihood")
        assert full >= g2


def test_sign_convention_swaps_with_the_sides():
    forward = keyness(SMALL, "t", by="kind").set_index("term").sort_index()
    backward = keyness(SMALL, "r", by="kind").set_index("term").sort_index()
    assert np.allclose(forward["log_likelihood"], -backward["log_likelihood"])
    assert np.allclose(forward["log_ratio"], -backward["log_ratio"])
    assert np.allclose(forward["p_value"], backward["p_value"])
    assert (forward["target_count"] == backward["reference_count"]).all()


def test_a_zero_count_is_taken_as_half():
    # target: 台灣, 日本 (c = 2); reference: 台灣, 台灣 (d = 2)
    key = keyness(_docs(["台灣。日本。"], ["台灣。台灣。"]), "t", by="kind").set_index("term")
    row = key.loc["日本"]  # a = 1, b = 0
    assert (row.target_count, row.reference_count, row.reference_per_million) == (1, 0, 0.0)
    # E1 = 2 * 1 / 4 = 0.5, E2 = 0.5;  G2 = 2 (1 ln(1 / 0.5) + 0) = 2 ln 2 = 1.3862944
    assert row.log_likelihood == pytest.approx(2 * math.log(2))
    # Log Ratio = log2((1 / 2) / (0.5 / 2)) = log2(2) = 1;  %DIFF = (0.5 - 0.25) * 100 / 0.25 = 100
    assert row.log_ratio == pytest.approx(1.0) and row.percent_diff == pytest.approx(100.0)
    assert np.allclose(key["percent_diff"], 100 * (2 ** key["log_ratio"] - 1))
    assert np.isfinite(key[["log_likelihood", "log_ratio", "percent_diff"]].to_numpy()).all()


def test_corrections_on_a_known_vector():
    p = [0.005, 0.04, 0.01, 0.03, 0.5]  # sorted: 0.005 (0), 0.01 (2), 0.03 (3), 0.04 (1), 0.5 (4); m = 5
    # Bonferroni: 5 p, at most 1
    assert adjust_pvalues(p, method="bonferroni") == pytest.approx([0.025, 0.2, 0.05, 0.15, 1.0])
    # Holm: (5, 4, 3, 2, 1) x sorted = 0.025, 0.04, 0.09, 0.08, 0.5; running max 0.025, 0.04, 0.09, 0.09, 0.5
    assert adjust_pvalues(p, method="holm") == pytest.approx([0.025, 0.09, 0.04, 0.09, 0.5])
    # BH: m / j x sorted = 0.025, 0.025, 0.05, 0.05, 0.5; running min from the largest: the same
    assert adjust_pvalues(p, method="fdr_bh") == pytest.approx([0.025, 0.05, 0.025, 0.05, 0.5])
    assert adjust_pvalues(p, method=None).tolist() == p
    assert adjust_pvalues([], method="holm").size == 0
    with pytest.raises(ValueError, match="correction"):
        adjust_pvalues(p, method="sidak")


def test_bh_agrees_with_scipy():
    p = np.random.default_rng(13).uniform(0, 0.2, 200) ** 2
    p[:10] = p[10]  # ties
    assert adjust_pvalues(p, method="fdr_bh") == pytest.approx(stats.false_discovery_control(p, method="bh"))


def test_the_correction_runs_over_the_rows_kept(seed_docs):
    key = keyness(seed_docs, "related", by="kind", min_count=3, correction="bonferroni")
    assert (key["target_count"] + key["reference_count"] >= 3).all()
    assert key["p_adjusted"].to_numpy() == pytest.approx(np.minimum(key["p_value"] * len(key), 1))
    plain = keyness(seed_docs, "related", by="kind", correction=None)
    assert (plain["p_adjusted"] == plain["p_value"]).all() and plain.attrs["correction"] is None


@pytest.mark.parametrize("unique", [True, False])
def test_counts_are_term_frequencies_of_each_side(seed_docs, unique):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")], ignore_index=True)
    key = keyness(doubled, "related", by="kind", unique=unique).set_index("term")
    for kind, side in (("related", "target"), ("article", "reference")):
        freq = term_frequencies(doubled[doubled["kind"] == kind], unique=unique).set_index("term")
        counts = key[f"{side}_count"]
        assert counts[counts > 0].sort_index().to_dict() == freq["count"].sort_index().to_dict()
        assert key[f"{side}_documents"][counts > 0].to_dict() == freq["documents"].to_dict()
        assert key.attrs[f"{side}_total"] == freq["count"].sum()
    assert key.attrs["target_total"] == (1 if unique else 2) * term_frequencies(
        seed_docs[seed_docs["kind"] == "related"])["count"].sum()


def test_seed_related_against_articles(seed_docs):
    key = keyness(seed_docs, "related", by="kind")
    assert len(key) > 0 and key.attrs["target"] == "related" and key.attrs["reference"] == "article"
    assert key["log_likelihood"].is_monotonic_decreasing
    # The first row, computed again from the documents' terms, without term_frequencies.
    lists = document_terms(seed_docs)
    related = Counter(t for ts in lists[seed_docs["kind"] == "related"] for t in ts)
    article = Counter(t for ts in lists[seed_docs["kind"] == "article"] for t in ts)
    c, d = sum(related.values()), sum(article.values())
    top = key.iloc[0]
    a, b = related[top.term], article[top.term]
    assert (top.target_count, top.reference_count) == (a, b)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o)
    assert top.log_likelihood == pytest.approx(g2) and top.p_value == pytest.approx(stats.chi2.sf(g2, 1))
    assert top.log_ratio == pytest.approx(math.log2((a or 0.5) / c / ((b or 0.5) / d)))
    # Every row against SciPy at once.
    ab = key[["target_count", "reference_count"]].to_numpy(float)
    expected = np.outer(ab.sum(axis=1), [c, d]) / (c + d)
    g2s, _ = stats.power_divergence(ab, expected, lambda_="log-likelihood", axis=1)
    assert np.abs(key["log_likelihood"]).to_numpy() == pytest.approx(g2s, abs=1e-9)
    # The same table from a mask, and with the reference named.
    by_mask = keyness(seed_docs, seed_docs["kind"] == "related")
    pd.testing.assert_frame_equal(by_mask, key)
    pd.testing.assert_frame_equal(keyness(seed_docs, "related", reference="article", by="kind"), key)


def test_selections_that_cannot_be_compared(seed_docs):
    related = seed_docs["kind"] == "related"
    with pytest.raises(TypeError, match="by="):
        keyness(seed_docs, "related")
    with pytest.raises(ValueError, match="share"):
        keyness(seed_docs, related, reference=seed_docs["kind"] != "")
    with pytest.raises(ValueError, match="no document"):
        keyness(seed_docs, "blog", by="kind")
    with pytest.raises(ValueError, match="values for"):
        keyness(seed_docs, related.to_numpy()[:-1])
    with pytest.raises(ValueError, match="index"):
        keyness(seed_docs, related.reset_index(drop=True).set_axis(range(1, len(related) + 1)))


# -- dispersion --------------------------------------------------------------------------------------------

def test_dp_by_hand():
    # A: 台灣 美國 美國 美國 (4); B: 台灣 日本 (2); C: 日本 x4 (4). Total 10: s = (0.4, 0.2, 0.4).
    docs = pd.DataFrame({"title": [""] * 3, "part": ["x", "x", "y"],
                         "text": ["台灣。美國。美國。美國。", "台灣。日本。", "日本。日本。日本。日本。"]})
    got = dispersion(docs, ["台灣", "美國", "日本", "中共"]).set_index("term")
    # 台灣: v = (.5, .5, 0): |.5-.4| + |.5-.2| + |0-.4| = .8, DP = .4;  DP_norm = .4 / (1 - .2) = .5
    # 美國: v = (1, 0, 0): .6 + .2 + .4 = 1.2, DP = .6;  DP_norm = .75
    # 日本: v = (0, .2, .8): .4 + 0 + .4 = .8, DP = .4;  DP_norm = .5
    assert got["count"].tolist()[:3] == [2, 3, 5] and got["range"].tolist() == [2, 1, 2, 0]
    assert got["dp"].tolist()[:3] == pytest.approx([0.4, 0.6, 0.4])
    assert got["dp_norm"].tolist()[:3] == pytest.approx([0.5, 0.75, 0.5])
    assert np.isnan(got.at["中共", "dp"])  # never counted
    # Parts from a column: x = A + B (6 terms), y = C (4): s = (.6, .4)
    # 台灣: v = (1, 0): .4 + .4 = .8, DP = .4, DP_norm = .4 / .6;  日本: v = (.2, .8): .4 + .4, DP = .4
    parts = dispersion(docs, ["台灣", "日本"], parts="part").set_index("term")
    assert parts["dp"].tolist() == pytest.approx([0.4, 0.4])
    assert parts.at["台灣", "dp_norm"] == pytest.approx(0.4 / 0.6) and parts["range"].tolist() == [1, 2]


def test_dp_on_a_case_shaped_like_gries_2008():
    # Five parts of 9, 10, 10, 10, 11 terms (s = .18, .2, .2, .2, .22), the term in them 1, 2, 3, 4, 5 times
    # (v = 1/15 ... 5/15): |.0667-.18| + |.1333-.2| + 0 + |.2667-.2| + |.3333-.22| = .36, DP = .18
    docs = pd.DataFrame({"title": [""] * 5, "text": ["台灣。" * k + "美國。" * (size - k)
                                                     for k, size in zip([1, 2, 3, 4, 5], [9, 10, 10, 10, 11])]})
    got = dispersion(docs, "台灣")
    assert got["count"].tolist() == [15] and got["dp"].tolist() == pytest.approx([0.18])
    assert got["dp_norm"].tolist() == pytest.approx([0.18 / 0.82])


def test_dispersion_counts_distinct_texts(seed_docs):
    doubled = pd.concat([seed_docs, seed_docs.assign(doc_id=seed_docs["doc_id"] + "#2")], ignore_index=True)
    once = dispersion(doubled, ["台灣", "克拉夫特"])
    assert once.equals(dispersion(seed_docs, ["台灣", "克拉夫特"]))
    freq = term_frequencies(seed_docs).set_index("term")
    assert once["count"].tolist() == freq.loc[["台灣", "克拉夫特"], "count"].tolist()
    assert once["range"].tolist() == freq.loc[["台灣", "克拉夫特"], "documents"].tolist()
    every = dispersion(doubled, ["台灣", "克拉夫特"], unique=False)
    assert every["count"].tolist() == [2 * c for c in once["count"]]
    assert every["dp"].to_numpy() == pytest.approx(once["dp"].to_numpy())  # the same shares, twice over


def test_log_ratio_is_nan_where_the_half_count_would_reverse_the_direction():
    """Hardie's 0.5 for a zero count must not turn 'more in the target' into a negative Log Ratio."""
    from analysis.comparison import keyness_table

    big = pd.DataFrame({"term": ["日本", "美國"], "count": [1, 99], "documents": [1, 9]})
    small = pd.DataFrame({"term": ["美國", "中國"], "count": [1, 3], "documents": [1, 1]})
    table = keyness_table(big, small).set_index("term")
    assert table.loc["日本", "log_likelihood"] > 0 and np.isnan(table.loc["日本", "log_ratio"])
    assert np.isnan(table.loc["日本", "percent_diff"])
    # where the direction holds, the value is Hardie's: 中國 only in the small side
    assert table.loc["中國", "log_ratio"] == pytest.approx(np.log2((0.5 / 100) / (3 / 4)))
    signs = np.sign(table["log_ratio"].dropna()) == np.sign(table.loc[table["log_ratio"].notna(), "log_likelihood"])
    assert signs.all()


def _three_kinds(seed_docs):
    """The seed page's documents, a copy of its page under another id, and a third kind."""
    copy = seed_docs.assign(page_id="copy", doc_id=seed_docs["doc_id"] + "-copy")
    docs = pd.concat([seed_docs, copy], ignore_index=True)
    docs.loc[docs.index[-3:], "kind"] = "comment"
    return docs


@pytest.mark.parametrize("target", ["related", ["related", "comment"], "mask"])
def test_keyness_of_groups_is_keyness_from_the_counts_by_group(seed_docs, target):
    docs = _three_kinds(seed_docs)
    docs = docs[~docs["content_id"].isin(docs.loc[docs["kind"] == "comment", "content_id"])
                | (docs["kind"] == "comment")].reset_index(drop=True)  # no text both comment and not
    by = None if target == "mask" else "kind"
    target = (docs["kind"] == "related").to_numpy() if target == "mask" else target
    counts = term_frequencies(docs, by="kind")
    fast = keyness_of_groups(counts, docs=docs, target=target, by="kind")
    slow = keyness(docs, target, by=by)
    pd.testing.assert_frame_equal(fast, slow)
    assert fast.attrs == slow.attrs and len(fast) > 100


def test_keyness_of_groups_declines_where_the_counts_differ(seed_docs):
    docs = _three_kinds(seed_docs)  # the last three items are comments and, on the seed page, related items
    counts = term_frequencies(docs, by="kind")
    related = (docs["kind"] == "related").to_numpy()
    assert keyness_of_groups(counts, docs=docs, target="related", by="kind") is None  # a text on both sides
    half = related & (np.arange(len(docs)) % 2 == 0)
    assert keyness_of_groups(counts, docs=docs, target=half, by="kind") is None  # part of a group
    unknown = seed_docs.assign(kind=seed_docs["kind"].where(seed_docs.index > 0))
    assert keyness_of_groups(term_frequencies(unknown, by="kind"), docs=unknown, target="related", by="kind") is None
    alone = seed_docs.drop(columns="content_id")  # no ids: every row counted, in its group as on its side
    pd.testing.assert_frame_equal(keyness_of_groups(term_frequencies(alone, by="kind"), docs=alone,
                                                    target="related", by="kind"),
                                  keyness(alone, "related", by="kind"))


def _months(docs):
    return docs["published"].dt.to_period("M").dt.to_timestamp()


@pytest.mark.parametrize("which", ["busiest month", "related", "one copy of each", "every other", "no ids"])
def test_keyness_of_rest_is_keyness_counting_the_target_alone(seed_and_test_pages, which):
    from analysis.comparison import keyness_of_rest

    docs = _three_kinds(seed_and_test_pages)  # pages of several outlets, the seed page twice
    if which == "no ids":
        docs = docs.drop(columns="content_id")
    month = _months(docs)
    target = {"busiest month": (month == month.value_counts().idxmax()).to_numpy(),
              "related": "related",
              # a recycled text's copy in the target and the other in the rest: counted on both sides
              "one copy of each": (docs["page_id"] == "copy").to_numpy(),
              "every other": np.arange(len(docs)) % 2 == 0,
              "no ids": "related"}[which]
    by = "kind" if isinstance(target, str) else None
    fast = keyness_of_rest(term_frequencies(docs), docs=docs, target=target, by=by)
    slow = keyness(docs, target, by=by)
    pd.testing.assert_frame_equal(fast, slow)
    assert fast.attrs == slow.attrs and len(fast) > 100
    # counts by group give the same table (summed over the groups)
    pd.testing.assert_frame_equal(keyness_of_rest(term_frequencies(docs, by="kind"), docs=docs, target=target,
                                                  by=by), slow)


def test_keyness_of_rest_declines_or_says_what_is_wrong(seed_docs):
    from analysis.comparison import keyness_of_rest

    related = (seed_docs["kind"] == "related").to_numpy()
    unknown = seed_docs.assign(content_id=seed_docs["content_id"].where(seed_docs.index > 0))
    assert keyness_of_rest(term_frequencies(unknown), docs=unknown, target=related) is None  # a text without id
    other = term_frequencies(seed_docs[~related])  # not the counts of these documents
    with pytest.raises(ValueError, match="term_frequencies"):
        keyness_of_rest(other, docs=seed_docs, target=related)
    with pytest.raises(ValueError, match="selects no document"):
        keyness_of_rest(term_frequencies(seed_docs), docs=seed_docs, target=np.zeros(len(seed_docs), dtype=bool))
