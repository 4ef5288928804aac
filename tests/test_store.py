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


def test_written_tables_write_large_tables_at_once_and_read_them_back(tmp_path):
    from analysis.outputs import read_parquet_table
    from analysis.store import WrittenTables

    t = WrittenTables(tmp_path, min_rows=3, keep=("documents",))
    big = pd.DataFrame({"term": ["台灣", "美國", "中國"], "count": [3, 2, 1]})
    big.attrs["month"] = pd.Timestamp("2021-01-01")
    t["documents"] = big
    t["big"] = big
    t["small"] = big.head(2)
    assert [p.name for p in t.files("big")] == ["big.csv", "big.parquet"]
    assert t.files("documents") == [] and t.files("small") == []  # kept, whatever their size
    assert not (tmp_path / "documents.csv").exists()
    back = t["big"]
    pd.testing.assert_frame_equal(back, big)
    assert back.attrs == big.attrs and back is not t["big"]  # read again at each use, not kept
    assert read_parquet_table(tmp_path / "big.parquet").equals(big)
    assert t.rows("big") == 3 and t.rows("small") == 2 and len(t) == 3
    t["big"] = big.head(1)  # set again, smaller: kept, and its earlier files no longer its own
    assert t.files("big") == [] and len(t["big"]) == 1
    t.reorder(["small", "documents"])
    assert list(t) == ["small", "documents"]
    with pytest.raises(KeyError):
        t["big"]
    assert t.seconds > 0
