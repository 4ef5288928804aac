"""Tables, one document a row: columns recognised or mapped, pages, positions, kinds and ids, cells as documents.

The files these tests read are described in ``tests/test_tabular_files.py``; DataFrames are built here.
"""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, CorpusWarning, load_corpus, read_corpus
from analysis.tables import COLUMNS
from analysis.tabular import NAMES, recognise_columns
from analysis.tabular_files import read_frame, read_table
from tests.conftest import quietly

TABLES = Path(__file__).parent / "data" / "tables"
CSV = TABLES / "excel_export.csv"
TSV = TABLES / "related_crawl.tsv"


def at(when: str) -> datetime:
    return datetime.fromisoformat(when)


# -- the column mapping -----------------------------------------------------------------------------------------

def test_columns_mapping_overrides_and_recognises_the_rest(tmp_path):
    path = tmp_path / "crawl.csv"
    path.write_text("headline,crawled,date,body,source\n美國大使,2022-01-01,2021-12-23,內文。,大紀元\n",
                    encoding="utf-8")
    docs, _ = read_table(path, page_id="c", columns={"published": "date", "outlet": None})
    assert (docs[0]["title"], docs[0]["published"], docs[0]["text"], docs[0]["outlet"], docs[0]["source"]) == (
        "美國大使", at("2021-12-23"), "內文。", "", str(path))
    assert docs[0]["crawled"] == "2022-01-01" and docs[0]["input_source"] == "大紀元"  # kept, renamed


def test_recognised_names_are_logged(caplog):
    with caplog.at_level("INFO", logger="analysis.tabular"):
        read_table(TSV, page_id="crawl")
    assert "title from 'title', published from 'published', summary from 'summary'" in caplog.text


@pytest.mark.parametrize("field", list(NAMES))
def test_every_listed_name_is_recognised_in_any_case(field):
    for name in NAMES[field]:
        spelled = name.upper().replace("_", " ")
        assert recognise_columns([spelled, "title"] if field != "title" else [spelled])[field] == spelled


def test_a_mapped_column_the_table_lacks_names_file_and_column():
    with pytest.raises(CorpusError, match=r"excel_export\.csv: no column '標題 ' for title \(columns: '標題', "):
        read_table(CSV, page_id="x", columns={"title": "標題 "})
    with pytest.raises(ValueError, match="unknown field"):
        read_table(CSV, page_id="x", columns={"headline": "標題"})


def test_a_table_without_title_or_text_lists_its_columns(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,views\n1,2\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"ids\.csv: no title, text or summary column \(columns: 'id', 'views'\)"):
        read_table(path, page_id="ids")
    (docs, problems), messages = quietly(read_corpus, path)  # in a corpus: the file is skipped, and said so
    assert len(docs) == 0 and list(problems["action"]) == ["skipped"] and len(messages) == 1


# -- DataFrames ---------------------------------------------------------------------------------------------------

def test_dataframe_pages_positions_kinds_and_repeated_ids():
    frame = pd.DataFrame({"page": [7, 7, 7, 8], "rank": [0, 1, 1, None], "type": ["article", "related", "主文", ""],
                          "title": ["甲", "乙", "丙", "丁"]})
    (docs, problems), _ = quietly(read_frame, frame)
    assert [(d["doc_id"], d["kind"], d["position"]) for d in docs] == [
        ("7:00", "article", 0), ("7:01", "related", 1), ("7:01~2", "article", 1), ("8:00", "article", 0)]
    assert [(p["line"], p["action"], p["reason"]) for p in problems] == [
        (3, "kept", "doc_id '7:01' is already row 2's; named '7:01~2'")]


def test_a_page_column_without_positions_numbers_rows_in_their_order():
    frame = pd.DataFrame({"page_id": ["a", "b", "a", "a"], "title": ["甲", "乙", "丙", "丁"]})
    docs, _ = read_corpus(frame)
    assert docs[["doc_id", "kind", "position"]].values.tolist() == [
        ["a:00", "article", 0], ["b:00", "article", 0], ["a:01", "related", 1], ["a:02", "related", 2]]


def test_columns_mapping_through_load_corpus_and_read_corpus(tmp_path):
    path = tmp_path / "crawl.csv"
    path.write_text("頭條,抓取時間,全文內容\n美國大使訪台,2021-12-23 10:05,大使將訪問台灣。\n", encoding="utf-8")
    mapping = {"title": "頭條", "published": "抓取時間", "text": "全文內容"}
    docs = load_corpus(path, columns=mapping)
    assert docs.loc[0, ["title", "text", "published_precision"]].tolist() == [
        "美國大使訪台", "大使將訪問台灣。", "minute"]
    frame = pd.read_csv(path)
    assert read_corpus(frame, columns=mapping).docs[["title", "text"]].equals(docs[["title", "text"]])
    with pytest.raises(CorpusError, match="no column '標題' for title"):
        read_corpus(frame, columns={"title": "標題"})


def test_a_type_column_of_something_else_is_not_the_kind():
    docs, problems = read_frame(pd.DataFrame({"title": ["甲", "乙"], "type": ["video", "news"]}))
    assert [d["kind"] for d in docs] == ["article", "article"] and [d["type"] for d in docs] == ["video", "news"]
    assert problems == []


# -- properties: any table loads, or fails with CorpusError ---------------------------------------------------------

_NAMES = st.one_of(st.text(max_size=6), st.sampled_from(
    ["title", "標題", "date", "發布時間", "text", "summary", "page", "position", "rank", "kind", "type", "url",
     "doc_id", "row", "source", "Unnamed: 0"]))
_CELLS = st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(), st.sampled_from(
    ["2021-12-23", "110/12/23", "2021年12月23日 下午3:05", "1640225100000", "article", "related", "0", "-1"]))


@settings(max_examples=200)
@given(names=st.lists(_NAMES, max_size=5), rows=st.lists(st.lists(_CELLS, min_size=5, max_size=5), max_size=5))
def test_any_dataframe_loads_or_raises_corpus_error(names, rows):
    frame = pd.DataFrame([r[: len(names)] for r in rows], columns=names) if names else pd.DataFrame(
        index=range(len(rows)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        try:
            docs, problems = read_corpus(frame)
        except CorpusError:
            event("CorpusError")
            return
    event(f"loaded, {'some' if len(docs) else 'no'} documents")
    assert len(docs) + (problems["action"] == "skipped").sum() == len(frame)
    assert docs["doc_id"].is_unique and list(docs.columns[: len(COLUMNS)]) == list(COLUMNS)


def test_timestamps_with_an_offset_keep_their_wall_time():
    docs, _ = read_frame(pd.DataFrame({"title": ["甲"], "date": [datetime(2021, 12, 23, 2, 5, tzinfo=timezone.utc)]}))
    assert (docs[0]["published"], docs[0]["time_zone"]) == (at("2021-12-23 02:05"), "UTC")


# -- what scrapers write: nested records, related lists, bylines --------------------------------------------------

def test_a_dotted_name_is_recognised_by_its_last_part_when_no_column_has_the_name_itself():
    assert recognise_columns(["meta.title", "meta.published", "meta.outlet", "content.paragraphs", "meta.authors"]) == {
        "title": "meta.title", "published": "meta.published", "text": "content.paragraphs", "outlet": "meta.outlet",
        "reporter": "meta.authors"}
    assert recognise_columns(["og.title", "title", "SourceCommonName", "DocumentIdentifier"]) == {
        "title": "title", "outlet": "SourceCommonName", "url": "DocumentIdentifier"}


def test_a_rows_related_news_are_documents_of_its_page_and_what_cannot_be_read_is_a_problem():
    frame = pd.DataFrame({
        "title": ["颱風凱米來襲", "外交部回應"],
        "author": ["記者黃柏翰、吳淑芬／新北報導", "綜合報導"],
        "relatedNews": [[{"headline": "停班停課一覽", "link": "https://n.tw/2", "publishedAt": "2024-05-02 09:10"},
                         {"link": "https://n.tw/3"}, {"headline": "雨量統計", "publishedAt": "昨天"}],
                        "交通管制 | 高鐵加開班次"],
        "views": [10, 3],
    })
    (docs, problems), messages = quietly(read_frame, frame)
    assert [(d["doc_id"], d["kind"], d["position"], d["title"], d["published"], d["url"], d["views"])
            for d in docs] == [
        ("row:1:00", "article", 0, "颱風凱米來襲", None, "", 10),
        ("row:1:01", "related", 1, "停班停課一覽", at("2024-05-02 09:10"), "https://n.tw/2", None),
        ("row:1:02", "related", 2, "雨量統計", None, "", None),
        ("row:2:00", "article", 0, "外交部回應", None, "", 3),
        ("row:2:01", "related", 1, "交通管制", None, "", None),
        ("row:2:02", "related", 2, "高鐵加開班次", None, "", None)]
    assert (docs[0]["reporter"], docs[0]["reporter_place"], docs[3]["reporter"]) == ("黃柏翰、吳淑芬", "新北", "")
    assert [(p["line"], p["action"], p["reason"]) for p in problems] == [
        (1, "skipped", 'related news: an item with no title ({"link": "https://n.tw/3"})'),
        (1, "left empty", "related news: unparseable time '昨天' of item '雨量統計'")]
    assert len(messages) == 2


def test_an_outlet_cell_that_holds_an_address_and_a_byline_opening_the_text():
    """trafilatura's JSON names the page's address ``source`` and the site ``source-hostname``; a feed's text may
    open with 中央社's byline where no author cell names the reporter."""
    frame = pd.DataFrame({"title": ["颱風逼近"], "source": ["https://www.cna.com.tw/news/1.aspx"],
                          "source-hostname": ["中央社 CNA"],
                          "text": ["（中央社記者陳家倫台北3日電）颱風今天逼近。\n第二段。"]})
    docs, _ = read_frame(frame)
    assert (docs[0]["outlet"], docs[0]["reporter"], docs[0]["reporter_place"]) == ("中央社 CNA", "陳家倫", "台北")


def test_an_articles_text_leaves_out_the_sites_lines_as_a_pages_does(tmp_path):
    """A scraper's text cell that kept captions, the editors' closing line and the copyright: out of the
    text, said once for the row; a related item's summary and a text of the article's own are as written."""
    text = "\n".join(["（中央社記者王小明台北20日電）花蓮外海今天清晨發生地震，全台有感。",
                      "太魯閣步道因地震落石暫停開放。（太魯閣國家公園提供）",
                      "氣象署提醒，未來一週仍可能發生餘震。",
                      "（編輯：林克倫）1130520",
                      "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。"])
    frame = pd.DataFrame({"page": ["p", "p"], "title": ["花蓮地震 全台有感", "餘震不斷"],
                          "text": [text, "太魯閣步道因地震落石暫停開放。（太魯閣國家公園提供）"]})
    (docs, problems), caught = quietly(read_corpus, frame)
    assert docs["text"].tolist() == [
        "（中央社記者王小明台北20日電）花蓮外海今天清晨發生地震，全台有感。\n氣象署提醒，未來一週仍可能發生餘震。",
        "太魯閣步道因地震落石暫停開放。（太魯閣國家公園提供）"]
    assert problems[["line", "action", "content"]].values.tolist() == [
        [1, "unplaced", "太魯閣步道因地震落石暫停開放。（太魯閣國家公園提供）"]]
    assert problems["reason"].tolist() == ["the site's lines in the article's text (share bars, adverts, tags, "
                                           "credits): 3 line(s) left out"]
    assert docs["reporter"].tolist() == ["王小明", ""]
    assert len(caught) == 1 and "row 1: the site's lines in the article's text" in caught[0]
