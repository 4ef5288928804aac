"""Table files: CSV, TSV, JSON Lines, Parquet, Excel and DataFrames read into rows, every row accounted for.

The fixtures in ``tests/data/tables`` look like what researchers hold: ``excel_export.csv`` as Excel's
"CSV UTF-8" writes it (byte-order mark, CRLF, quoted cells with line breaks, an empty row, a duplicated
row, Chinese column names, dates in several formats, one that is no date), ``related_crawl.tsv`` (a crawl
of pages with their related lists, one row an item) and ``scraper.jsonl`` (a scraper's output with
nested fields and one line cut off mid-write). Parquet, Excel and Big5 files are written by the tests.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus, read_corpus
from analysis.config import SEEDS_DIR
from analysis.tables import COLUMNS
from analysis.tabular_files import iter_table, read_table
from tests.conftest import quietly

TABLES = Path(__file__).parent / "data" / "tables"
CSV = TABLES / "excel_export.csv"
TSV = TABLES / "related_crawl.tsv"
JSONL = TABLES / "scraper.jsonl"

#: Data rows of each fixture, counted by hand: a row the header does not count (JSON Lines: non-blank lines).
DATA_ROWS = {"excel_export.csv": 9, "related_crawl.tsv": 6, "scraper.jsonl": 4}


def at(when: str) -> datetime:
    return datetime.fromisoformat(when)


@pytest.fixture(scope="module")
def csv_read():
    return quietly(read_table, CSV, page_id="excel_export")


@pytest.fixture
def frame() -> pd.DataFrame:
    """A small crawl as a researcher's DataFrame: datetime cells, a time-zone-aware one, a missing one."""
    return pd.DataFrame({
        "標題": ["美駐聯大使訪台", "外交部回應", "學者座談"],
        "發布時間": [datetime(2021, 12, 23, 10, 5), datetime(2021, 12, 24), None],
        "內文": ["美國大使將訪問台灣。", "外交部表示歡迎。", "學者座談美台關係"],
        "媒體": ["大紀元", "中央社", "聯合報"],
        "點閱數": [1205, 873, 7],
    })


# -- the Excel export ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("row, title, published, precision, time_zone, outlet, reporter", [
    (1, "美國駐聯合國大使克拉夫特將訪台", "2021-12-23 10:05", "minute", "", "大紀元", "王明"),
    (2, "美國國務卿蓬佩奧宣布取消美台交往限制", "2021-12-23", "day", "", "中央社", "李華"),  # ROC 110/12/23
    (4, "台北高雄同步舉辦挺台活動", "2021-12-23 15:05", "minute", "", "自由時報", ""),  # 2021年12月23日 下午3:05
    (5, "美國駐聯合國大使克拉夫特將訪台", "2021-12-23 10:05", "minute", "", "大紀元", "王明"),  # row 1 again
    (6, "外交部回應美方聲明", "2021-12-24", "day", "", "聯合報", "張三"),  # 110年12月24日
    (7, "克拉夫特抵台 展開三天訪問", "2021-12-24 08:30", "second", "UTC+08:00", "中時", ""),
    (8, "立法院三讀通過國防預算", "2021-12-25 09:15:30", "second", "", "中央社", ""),
    (9, "學者座談美台關係", None, "", "", "大紀元", "王明"),  # 不詳
])
def test_excel_export_rows(csv_read, row, title, published, precision, time_zone, outlet, reporter):
    (docs, _), _ = csv_read
    doc = next(d for d in docs if d["row"] == row)
    assert (doc["title"], doc["published"], doc["published_precision"], doc["time_zone"], doc["outlet"],
            doc["reporter"]) == (title, published and at(published), precision, time_zone, outlet, reporter)
    assert (doc["doc_id"], doc["page_id"], doc["kind"], doc["position"]) == (
        f"excel_export:{row}:00", f"excel_export:{row}", "article", 0)
    assert (doc["source"], doc["line"], doc["format"]) == (str(CSV), None, "csv")


def test_excel_export_cells_read_as_written(csv_read):
    (docs, _), _ = csv_read
    by_row = {d["row"]: d for d in docs}
    # CRLFs inside a quoted cell
    assert by_row[2]["text"] == "蓬佩奧宣布，取消美台官員交往的自我設限。\n外交部表示歡迎。\n學者認為意義重大。"
    assert by_row[6]["text"] == "外交部發言人表示。\n感謝美方支持。"  # a lone carriage return in a cell
    assert by_row[4]["text"] == '台北,高雄兩地今天同步舉行活動，民眾"熱情"參與。'  # a comma and doubled quotes
    assert by_row[7]["truncated"] and not by_row[8]["truncated"]
    assert not by_row[1]["title"].startswith("\ufeff") and "標題" not in by_row[1]  # the byte-order mark is gone


def test_excel_export_problems_name_file_and_row(csv_read):
    (_, problems), messages = csv_read
    assert [(p["line"], p["action"], p["reason"], p["content"]) for p in problems] == [
        (3, "skipped", "empty row", ""), (9, "left empty", "unparseable time '不詳'", "不詳")]
    # file:line where the row starts (cells above hold line breaks), then the row
    assert messages == [f"{CSV}:7: row 3: empty row", f"{CSV}:14: row 9: unparseable time '不詳'"]


def test_duplicated_rows_are_kept_and_share_a_content_id(csv_read):
    (docs, _), _ = csv_read
    by_row = {d["row"]: d for d in docs}
    assert by_row[1]["content_id"] == by_row[5]["content_id"]
    assert by_row[1]["doc_id"] != by_row[5]["doc_id"]
    assert len({d["content_id"] for d in docs}) == len(docs) - 1


def test_other_columns_are_kept_after_the_fixed_ones(csv_read):
    (docs, _), _ = csv_read
    assert list(docs[0])[: len(COLUMNS)] == list(COLUMNS)
    assert [(d["url"], d["點閱數"]) for d in docs[:2]] == [("https://example.com/news/1", "1205"),
                                                          ("https://example.com/news/2", "873")]
    assert next(d for d in docs if d["row"] == 6)["點閱數"] is None  # an empty cell
    loaded, _ = quietly(load_corpus, CSV)
    assert list(loaded.columns) == list(dict.fromkeys([*COLUMNS, "url", "點閱數"]))  # url may be a fixed column


def test_errors_raise_names_file_and_row():
    with pytest.raises(CorpusError, match=r"excel_export\.csv:7: row 3: empty row") as info:
        read_table(CSV, page_id="x", errors="raise")
    assert info.value.line == 7 and info.value.path == CSV


# -- TSV, JSON Lines ------------------------------------------------------------------------------------------

def test_related_crawl_rebuilds_pages():
    docs, problems = read_table(TSV, page_id="crawl")
    assert problems == []
    assert [(d["doc_id"], d["kind"], d["position"]) for d in docs] == [
        ("crawl:p1:00", "article", 0), ("crawl:p1:01", "related", 1), ("crawl:p1:02", "related", 2),
        ("crawl:p2:00", "article", 0), ("crawl:p2:01", "related", 1), ("crawl:p2:02", "related", 2)]
    assert docs[1]["text"] == docs[1]["summary"] == "美國國務卿蓬佩奧宣布取消限制，台灣方面"  # no text column
    assert docs[1]["truncated"] and docs[1]["content_id"] == docs[4]["content_id"]  # one item on two pages
    assert (docs[5]["published"], docs[5]["published_precision"], docs[5]["time_zone"]) == (
        at("2021-01-13 03:00"), "second", "UTC")  # epoch seconds


def test_scraper_jsonl_skips_the_broken_line_flattens_nested_objects_and_keeps_lists_as_json():
    (docs, problems), messages = quietly(read_table, JSONL, page_id="s")
    assert [d["row"] for d in docs] == [1, 2, 4]
    assert [(p["line"], p["action"]) for p in problems] == [(3, "skipped")]
    assert problems[0]["reason"].startswith("invalid JSON (Unterminated string")
    assert messages[0].startswith(f"{JSONL}:3: line 3: invalid JSON")
    first = docs[0]
    assert (first["title"], first["published"], first["time_zone"], first["outlet"], first["reporter"]) == (
        "美駐聯大使克拉夫特將訪台", at("2021-12-23 10:05"), "UTC+08:00", "自由時報", "李華")
    assert (first["meta.title"], first["meta.spider"], first["tags"]) == ("自由時報電子報", "ltn", '["外交", "美國"]')
    assert (docs[1]["published"], docs[1]["time_zone"], docs[1]["reporter"]) == (at("2021-12-23 02:05"), "UTC", "")
    assert docs[1]["text"] == "外交部表示歡迎。\n並感謝美方支持。"
    assert docs[2]["images"] == '[{"src": "https://img.example.com/1.jpg", "alt": "座談會"}]'


# -- Parquet, Excel, Big5: written by the tests ----------------------------------------------------------------

def test_parquet(tmp_path, frame):
    frame["發布時間"] = pd.to_datetime(frame["發布時間"]).dt.tz_localize("Asia/Taipei")
    path = tmp_path / "crawl.parquet"
    frame.to_parquet(path)
    docs, problems = read_table(path, page_id="crawl")
    assert problems == []
    assert [(d["row"], d["published"], d["published_precision"], d["time_zone"], d["outlet"], d["點閱數"])
            for d in docs] == [(1, at("2021-12-23 10:05"), "minute", "Asia/Taipei", "大紀元", 1205),
                               (2, at("2021-12-24"), "day", "Asia/Taipei", "中央社", 873),
                               (3, None, "", "", "聯合報", 7)]
    assert {d["format"] for d in docs} == {"parquet"}


def test_excel_first_sheet_with_datetime_cells_and_an_empty_row(tmp_path, frame):
    path = tmp_path / "crawl.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.concat([frame.iloc[:1], frame.iloc[:0].reindex([0]), frame.iloc[1:]]).to_excel(
            writer, sheet_name="新聞", index=False)
        frame.to_excel(writer, sheet_name="備份", index=False)
    (docs, problems), _ = quietly(read_table, path, page_id="crawl")
    assert [(d["row"], d["title"], d["published"], d["published_precision"]) for d in docs] == [
        (1, "美駐聯大使訪台", at("2021-12-23 10:05"), "minute"), (3, "外交部回應", at("2021-12-24"), "day"),
        (4, "學者座談", None, "")]
    assert [(p["line"], p["action"], p["reason"]) for p in problems] == [
        (None, "skipped", "only the first sheet '新聞' is read, not '備份'"), (2, "skipped", "empty row")]
    assert {d["format"] for d in docs} == {"excel"}


@pytest.mark.parametrize("codec", ["cp950", "gb18030"])
def test_big5_and_gb18030_csv(tmp_path, codec):
    text = "標題,日期,內文\r\n美國大使將訪問台灣,110/12/23,美國駐聯合國大使將訪問台灣。\r\n"
    if codec == "gb18030":
        text = text.replace("標題", "标题").replace("內文", "内文").replace("國", "国").replace("灣", "湾")
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(codec))
    for encoding in (None, codec):
        docs, problems = read_table(path, page_id="export", encoding=encoding)
        assert problems == [] and docs[0]["title"] == text.split("\r\n")[1].split(",")[0]
        assert docs[0]["published"] == at("2021-12-23")


def test_a_wrong_forced_encoding_names_the_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("標題\r\n美國大使\r\n".encode("cp950"))
    with pytest.raises(CorpusError, match=r"export\.csv:1: cannot decode as utf-8"):
        read_table(path, page_id="export", encoding="utf-8")


# -- files that cannot be read ----------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    (b"", r"empty file \(no header row\)"),
    (b"\x00\x01\x02binary", r"binary file"),
])
def test_a_file_that_cannot_be_read_names_it(tmp_path, content, message):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=rf"broken\.csv(:\d+)?: {message}"):
        read_table(path, page_id="b")


@pytest.mark.parametrize("name", ["broken.parquet", "broken.xlsx"])
def test_a_damaged_binary_table_names_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"not a real file")
    with pytest.raises(CorpusError, match=rf"{name}: cannot read as (Parquet|Excel)"):
        read_table(path, page_id="b")


def test_ragged_rows_and_an_unclosed_quote_are_flagged(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text('title,date\n美國大使,2021-12-23,多出的格\n"未完的引號,2021-12-24\n下一行,2021-12-25\n',
                    encoding="utf-8")
    (docs, problems), _ = quietly(read_table, path, page_id="r")
    assert [d["row"] for d in docs] == [1, 2]
    assert (docs[0]["published"], docs[0]["Unnamed: 2"]) == (at("2021-12-23"), "多出的格")
    assert [(p["line"], p["action"]) for p in problems] == [(1, "kept"), (2, "merged")]
    assert docs[1]["title"] == "未完的引號,2021-12-24下一行,2021-12-25"
    path.write_text('title\tdate\n他說"你好\t2021-12-23\n身高5\'11"\t2021-12-24\n', encoding="utf-8")
    assert [d["title"] for d in read_table(path.rename(path.with_suffix(".tsv")), page_id="r")[0]] == [
        '他說"你好', "身高5'11\""]  # a quote inside a cell opens nothing


# -- DataFrames ---------------------------------------------------------------------------------------------------

def test_read_corpus_of_a_dataframe(frame):
    docs, problems = read_corpus(frame)
    assert len(problems) == 0
    assert docs["doc_id"].tolist() == ["row:1:00", "row:2:00", "row:3:00"]
    assert docs["row"].tolist() == [1, 2, 3] and set(docs["format"]) == {"dataframe"}
    assert docs["outlet"].tolist() == ["大紀元", "中央社", "聯合報"] and docs["點閱數"].tolist() == [1205, 873, 7]
    assert docs["published"].isna().tolist() == [False, False, True]


# -- a corpus of every format ---------------------------------------------------------------------------------------

@pytest.fixture
def mixed_folder(tmp_path, frame) -> Path:
    for f in (CSV, TSV, JSONL):
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(SEEDS_DIR / "000_bb4a6ccb6fd5c6e9.txt", tmp_path / "seed.txt")
    frame.to_parquet(tmp_path / "frame.parquet")
    frame.to_excel(tmp_path / "frame.xlsx", index=False)
    (tmp_path / "big5.csv").write_bytes("標題,日期\r\n美國大使將訪問台灣,110/12/23\r\n".encode("cp950"))
    return tmp_path


def test_load_corpus_reads_every_format_in_one_folder(mixed_folder):
    (docs, problems), messages = quietly(read_corpus, mixed_folder)
    counts = docs.groupby("format").size().to_dict()
    assert counts == {"csv": 8 + 1, "tsv": 6, "jsonl": 3, "parquet": 3, "excel": 3, "text": 21}
    assert docs["doc_id"].is_unique and len(problems) == len(messages) == 3
    assert docs.loc[docs["format"] == "text", "row"].isna().all()
    assert docs.loc[docs["format"] != "text", "line"].isna().all()
    assert docs.loc[docs["format"] != "text", "row"].notna().all()


@pytest.mark.parametrize("path", [CSV, TSV, JSONL], ids=lambda p: p.name)
def test_every_data_row_is_a_document_or_a_skipped_problem(path):
    (docs, problems), messages = quietly(read_corpus, path)
    skipped = problems[(problems["action"] == "skipped") & problems["line"].notna()]
    assert len(docs) + len(skipped) == DATA_ROWS[path.name]
    assert set(docs["row"]).isdisjoint(set(skipped["line"]))
    assert len(problems) == len(messages)
    assert docs["source"].eq(str(path)).all()


@pytest.mark.slow
def test_report_command_on_a_csv(tmp_path):
    out = tmp_path / "report"
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(CSV), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and f"{CSV}:7: row 3: empty row" in proc.stderr
    docs = pd.read_csv(out / "tables" / "documents.csv", encoding="utf-8-sig")
    problems = pd.read_csv(out / "tables" / "problems.csv", encoding="utf-8-sig")
    assert len(docs) == 8 and docs["row"].tolist() == [1, 2, 4, 5, 6, 7, 8, 9]
    assert set(docs["format"]) == {"csv"} and "點閱數" in docs.columns
    assert problems["line"].tolist() == [3, 9]
    assert (out / "tables" / "term_frequencies.csv").is_file() and (out / "findings.md").is_file()


# -- properties: any table loads, or fails with CorpusError ---------------------------------------------------------

_HEADER = st.sampled_from([b"", b"title,date,text\r\n", "標題,發布時間,內文,page,position\n".encode()])


@settings(max_examples=200)
@given(header=_HEADER, body=st.one_of(st.binary(max_size=200),
                                      st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_in_a_csv_file_load_or_raise_corpus_error(header, body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.csv"
        path.write_bytes(header + body)
        try:
            docs = load_corpus(path, errors="raise")
        except CorpusError as exc:
            assert exc.path == path
            event("CorpusError")
            return
        event(f"loaded, {'some' if len(docs) else 'no'} documents")
        assert docs["row"].notna().all()


# -- large tables: read from the file a block of rows at a time, the same documents ----------------------------------

def _streamed(path: Path, block: int, **kwargs):
    """``iter_table`` reading the file as its lines are needed, ``block`` documents at a time: the blocks' sizes,
    and the documents, problems and warnings joined."""
    import analysis.tabular_text as tabular_text

    original = tabular_text.STREAM_MIN_BYTES
    tabular_text.STREAM_MIN_BYTES = 0
    try:
        blocks, messages = quietly(lambda: list(iter_table(path, page_id="t", block=block, **kwargs)))
    finally:
        tabular_text.STREAM_MIN_BYTES = original
    return ([len(d) for d, _ in blocks], [d for docs, _ in blocks for d in docs],
            [p for _, problems in blocks for p in problems], messages)


@pytest.mark.parametrize("path", [CSV, TSV, JSONL], ids=lambda p: p.name)
@pytest.mark.parametrize("block", [1, 2, 1000])
def test_a_table_read_a_block_at_a_time_is_the_table_read_whole(path, block):
    (docs, problems), messages = quietly(read_table, path, page_id="t")
    sizes, streamed, streamed_problems, streamed_messages = _streamed(path, block)
    assert (streamed, streamed_problems, streamed_messages) == (docs, problems, messages)
    assert sizes[:-1] == [block] * (len(sizes) - 1) and sum(sizes) == len(docs)


def _assert_read_alike(path: Path, block: int) -> None:
    """Read whole and a block at a time from the file: the same documents, problems and warnings, or the
    same error."""
    try:
        whole, messages = quietly(read_table, path, page_id="t")
    except CorpusError as exc:
        with pytest.raises(CorpusError, match=re.escape(str(exc))):
            _streamed(path, block)
        return
    _, docs, problems, streamed_messages = _streamed(path, block)
    assert (docs, problems, streamed_messages) == (*whole, messages)


_CELL = st.one_of(st.text(alphabet='ab美國,"\n\r \t;', max_size=12),
                  st.sampled_from(["台灣", "2020-09-18 07:12", "article", "related", "opinion", "3"]))


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(_CELL, max_size=6), max_size=12),
       header=st.lists(st.sampled_from(["title", "text", "date", "type", "page", "", "views"]), min_size=1,
                       max_size=5),
       tail=st.sampled_from(["", "\n", "\n\n", '\n"unclosed,x\n', "\r\n"]), block=st.integers(1, 4),
       ending=st.sampled_from(["\r\n", "\n", "\r"]))
def test_any_csv_read_a_block_at_a_time_is_read_as_whole(tmp_path_factory, rows, header, tail, block, ending):
    """Quoted line breaks, lone carriage returns, ragged rows, an unclosed quote, blank lines at the end:
    the same documents, problems and warnings, in the same order, whichever way the file is read."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=ending)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "crawl.csv"
    path.write_text("\ufeff" + buffer.getvalue() + tail, encoding="utf-8", newline="")
    _assert_read_alike(path, block)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["title", "text", "type", "page_id", "Unnamed: 0", "views"]),
                    st.one_of(_CELL, st.integers(-2, 3), st.none(), st.lists(st.integers(), max_size=2)), max_size=5)
    .map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.sampled_from(["", "   ", "[1, 2]", '{"title": ', "null", '{"title": "a\\u2028b"}'])), max_size=12),
       ending=st.sampled_from(["\n", "\r\n", "\r"]), block=st.integers(1, 4))
def test_any_json_lines_read_a_block_at_a_time_are_read_as_whole(tmp_path_factory, lines, ending, block):
    path = tmp_path_factory.mktemp("jsonl") / "crawl.jsonl"
    path.write_text(ending.join(lines), encoding="utf-8", newline="")
    _assert_read_alike(path, block)


def test_a_large_table_stops_at_its_first_problem_naming_file_and_line(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text('{"title": "美駐聯大使訪台", "text": "美國大使"}\n\n{"title": \n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"crawl\.jsonl:3: line 3: invalid JSON"):
        _streamed(path, 10, errors="raise")


def _scraper_export(path: Path, rows: int) -> None:
    """A scraper's JSON Lines export: a page's article and two related items, a view count on the first half."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(rows):
            f.write(json.dumps({"page_id": f"p{i // 3}", "title": f"美駐聯大使訪台 第{i}則", "published": "2020-09-17",
                                "text": f"美國駐聯合國大使克拉夫特將訪問台灣，外交部表示歡迎（第{i}則）。" * 3,
                                "views": i if i < rows // 2 else None}, ensure_ascii=False) + "\n")


def test_reading_a_large_table_holds_a_block_of_it_not_all_of_it(tmp_path):
    """The first pass keeps what decides how columns are read, the second one block of documents: traced
    memory while the blocks are read and let go stays a small part of what reading the file whole takes."""
    import tracemalloc

    path = tmp_path / "crawl.jsonl"
    _scraper_export(path, 12000)

    def peak(read) -> int:
        tracemalloc.start()
        try:
            quietly(read)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def blockwise():
        for _ in iter_table(path, page_id="t", block=200):
            pass

    import analysis.tabular_text as tabular_text

    whole = peak(lambda: read_table(path, page_id="t"))
    original, tabular_text.STREAM_MIN_BYTES = tabular_text.STREAM_MIN_BYTES, 0
    try:
        streamed = peak(blockwise)
    finally:
        tabular_text.STREAM_MIN_BYTES = original
    assert streamed < whole / 5, (streamed, whole)


def test_read_corpus_makes_a_large_table_a_block_at_a_time_into_the_same_documents(tmp_path, monkeypatch):
    """Blocks of a table whose own column is whole numbers in one block and empty in another: the documents
    table, its types and the problems are those of the table read whole."""
    import analysis.corpus as corpus
    import analysis.tabular as tabular
    import analysis.tabular_text as tabular_text

    folder = tmp_path / "crawl"
    folder.mkdir()
    _scraper_export(folder / "b.jsonl", 300)
    (folder / "a.txt").write_text((SEEDS_DIR / next(p.name for p in SEEDS_DIR.glob("*.txt"))).read_text("utf-8"),
                                  encoding="utf-8")
    with open(folder / "b.jsonl", "a", encoding="utf-8") as f:
        f.write('{"title": "壞行"\n{"title": "無文", "published": "昨天"}\n')
    whole, _ = quietly(read_corpus, folder)
    monkeypatch.setattr(tabular_text, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(tabular, "BLOCK_ROWS", 64)
    assert corpus._large_table(folder / "b.jsonl") and not corpus._large_table(folder / "a.txt")
    streamed, _ = quietly(read_corpus, folder)
    pd.testing.assert_frame_equal(streamed.docs, whole.docs)
    pd.testing.assert_frame_equal(streamed.problems, whole.problems)
    assert whole.docs["views"].dtype == "float64" and len(whole.problems) == 2


@pytest.mark.parametrize("name", ["gone.csv", "gone.jsonl"])
def test_a_missing_table_names_the_file(tmp_path, name):
    with pytest.raises(CorpusError, match=rf"{name}: cannot read file"):
        read_table(tmp_path / name, page_id="g")


def test_lone_carriage_returns_end_the_header_line_the_delimiter_is_read_from(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes("title;text\r美駐聯大使;將訪台,外交部歡迎\r學者座談;美台關係\r".encode())
    docs, problems = read_table(path, page_id="m")
    assert [(d["title"], d["text"]) for d in docs] == [("美駐聯大使", "將訪台,外交部歡迎"), ("學者座談", "美台關係")]
    assert problems == []


def _assert_change_caught(path: Path, added: str) -> None:
    """``added`` written to the end of the file after its first block was read: the rest is an error naming it."""
    blocks = iter_table(path, page_id="t", block=10)
    next(blocks)
    with open(path, "a", encoding="utf-8") as f:
        f.write(added)
    with pytest.raises(CorpusError, match=rf"{re.escape(path.name)}: the file changed while it was read"):
        list(blocks)


def test_a_large_table_that_changes_while_it_is_read_is_not_read_half(tmp_path, monkeypatch):
    """Rows added after the first pass would not be read as it read the columns: the reader says so, and
    read_corpus keeps none of the file's documents, with a skipped row naming it."""
    import analysis.tabular_text as tabular_text

    monkeypatch.setattr(tabular_text, "STREAM_MIN_BYTES", 0)
    path = tmp_path / "crawl.jsonl"
    _scraper_export(path, 30)
    _assert_change_caught(path, '{"title": "新的一則", "type": "opinion", "views": 9}\n')

    def grow(file, **kwargs):
        for i, block in enumerate(iter_table(file, **kwargs)):
            if i == 1:
                with open(file, "a", encoding="utf-8") as f:
                    f.write('{"title": "新的一則"}\n')
            yield block

    import analysis.readers as readers

    monkeypatch.setattr(readers, "iter_table", grow)
    monkeypatch.setattr(readers.tabular, "BLOCK_ROWS", 10)
    (docs, problems), messages = quietly(read_corpus, path)
    assert docs.empty and problems[["action", "reason"]].values.tolist() == [
        ["skipped", "the file changed while it was read (read it when it is complete)"]]
    assert messages == [f"{path}: the file changed while it was read (read it when it is complete)"]


def test_a_large_table_is_closed_when_reading_it_stops_at_a_problem(tmp_path, monkeypatch):
    import psutil

    import analysis.tabular_text as tabular_text

    monkeypatch.setattr(tabular_text, "STREAM_MIN_BYTES", 0)
    path = tmp_path / "crawl.jsonl"
    _scraper_export(path, 30)
    with open(path, "a", encoding="utf-8") as f:
        f.write("{broken\n")
    with pytest.raises(CorpusError, match="invalid JSON") as info:
        list(iter_table(path, page_id="t", errors="raise", block=5))
    assert info.value is not None  # the exception and its traceback are still held here
    assert str(path) not in [f.path for f in psutil.Process().open_files()]


def test_a_large_csv_ending_in_blank_lines_is_checked_for_change_at_its_end(tmp_path, monkeypatch):
    import analysis.tabular_text as tabular_text

    monkeypatch.setattr(tabular_text, "STREAM_MIN_BYTES", 0)
    path = tmp_path / "crawl.csv"
    path.write_text("title,text\n" + "".join(f"美駐聯大使訪台 {i},美國大使將訪問台灣。\n" for i in range(30)) + "\n\n",
                    encoding="utf-8")
    _assert_change_caught(path, "\n")


# -- what the name does not say: JSON Lines named .json; a file cut off mid-character ------------------------

def test_a_json_file_of_json_lines_is_read_as_json_lines_a_broken_line_a_problem(tmp_path, caplog):
    rows = [{"_id": {"$oid": "66a1"}, "title": "颱風凱米來襲", "content": "第一段。",
             "date": {"$date": "2024-06-03T06:22:00Z"}},
            {"_id": {"$oid": "66a2"}, "title": "停班停課", "content": "第二段。"}]
    path = tmp_path / "articles.json"  # mongoexport's default: one object a line
    path.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n{\"title\": \"斷\n\n"
                    + json.dumps(rows[1], ensure_ascii=False) + "\n", encoding="utf-8")
    with caplog.at_level("INFO", logger="analysis.tabular_files"):
        (docs, problems), messages = quietly(read_corpus, tmp_path)
    assert docs[["doc_id", "title", "_id", "format", "row"]].values.tolist() == [
        ["articles:1:00", "颱風凱米來襲", "66a1", "jsonl", 1], ["articles:4:00", "停班停課", "66a2", "jsonl", 4]]
    assert problems[["line", "action", "reason"]].values.tolist() == [
        [2, "skipped", "invalid JSON (Unterminated string starting at, column 11)"]]
    assert messages[0].endswith("articles.json:2: line 2: invalid JSON (Unterminated string starting at, column 11)")
    assert "read as JSON Lines" in caplog.text
    path.write_text(json.dumps(rows[0], indent=2) + "\n" + json.dumps(rows[1], indent=2), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"articles\.json:\d+: invalid JSON \(Extra data"):  # not lines: as before
        read_table(path, page_id="x")


@pytest.mark.parametrize("streamed", [False, True])
def test_a_table_cut_off_in_the_middle_of_its_last_character_keeps_the_rest(tmp_path, monkeypatch, streamed):
    from analysis import tabular_text

    if streamed:  # a large file, read from the file as its lines are needed
        monkeypatch.setattr(tabular_text, "STREAM_MIN_BYTES", 0)
    path = tmp_path / "crawl.csv"
    path.write_bytes("標題,內文\r\n颱風來襲,第一段。\r\n停班停課,全台停班".encode()[:-1])
    (docs, problems), messages = quietly(read_table, path, page_id="c")
    assert [(d["title"], d["text"]) for d in docs] == [("颱風來襲", "第一段。"), ("停班停課", "全台停")]
    assert [(p["line"], p["action"], p["reason"], p["content"]) for p in problems] == [
        (2, "unplaced", "the file ends in the middle of a character (cut off while it was written?): its last 2 bytes "
                        "are not read", "全台停")]
    assert len(messages) == 1 and "crawl.csv:3: row 2: the file ends" in messages[0]


def test_a_gzipped_json_lines_file_cut_off_mid_character_loses_its_last_line_only(tmp_path):
    import gzip

    lines = [json.dumps({"title": t, "content": "內文。"}, ensure_ascii=False) for t in ("颱風來襲", "停班停課")]
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + '\n{"title": "停班').encode()[:-1]))
    (docs, problems), _ = quietly(read_corpus, path)
    assert docs["title"].tolist() == ["颱風來襲", "停班停課"]
    assert problems[["line", "action"]].values.tolist() == [[3, "skipped"]]
    assert problems["reason"][0].startswith("invalid JSON (Unterminated string")
