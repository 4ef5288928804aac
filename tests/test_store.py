"""Opening a built report's tables from Parquet: the same values the report computed, lazily."""

import pandas as pd
import pytest

from analysis import CorpusError, open_report


def test_every_table_reads_back_as_computed(seed_report):
    out, rep = seed_report
    tables = open_report(out)
    assert sorted(tables) == sorted(rep.tables)
    for name, computed in rep.tables.items():
        back = tables[name]
        expected = computed.copy()
        if name == "similarity_matrix":
            pd.testing.assert_frame_equal(back, expected, check_names=False)
            continue
        for column in expected.columns:  # objects that are not text (e.g. a Period) are stored as text
            if expected[column].dtype == object and not expected[column].map(
                    lambda v: v is None or isinstance(v, str)).all():
                expected[column] = expected[column].map(lambda v: v if v is None or isinstance(v, str) else str(v))
        pd.testing.assert_frame_equal(back.reset_index(drop=True), expected.reset_index(drop=True),
                                      check_dtype=False, check_index_type=False)


def test_parts_of_a_table(seed_report):
    out, rep = seed_report
    tables = open_report(out)
    docs = rep.tables["documents"]
    articles = tables.read("documents", columns=["doc_id", "kind"], filters=[("kind", "==", "article")])
    assert articles.columns.tolist() == ["doc_id", "kind"]
    assert articles["doc_id"].tolist() == docs.loc[docs["kind"] == "article", "doc_id"].tolist()
    later = tables.read("documents", columns=["doc_id"], filters=[("published", ">=", pd.Timestamp("2021-01-01"))])
    assert later["doc_id"].tolist() == docs.loc[docs["published"] >= "2021-01-01", "doc_id"].tolist()
    assert 0 < len(later) < len(docs)


def test_a_folder_without_a_report_is_named(tmp_path):
    with pytest.raises(CorpusError, match="build the report first") as caught:
        open_report(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_an_unknown_table_lists_the_known_ones(seed_report):
    out, _ = seed_report
    with pytest.raises(KeyError, match="term_frequencies"):
        open_report(out)["no_such_table"]
