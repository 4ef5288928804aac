"""Loading a corpus: which files, in which order, under which page ids, and the same tables however it is read.

A corpus of several different pages (``tests/data/pages`` with the seed page) reads as each page does
alone, and every warning raised while reading has exactly one row in the problems table.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, load_corpus, read_corpus
from analysis import corpus as corpus_mod
from analysis import executor
from analysis.decoding import corpus_files
from analysis.settings import options
from analysis.tables import COLUMNS, PROBLEM_COLUMNS

PAGES = Path(__file__).parent / "data" / "pages"
# pages invented in the layouts of other outlets (中央社, 自由時報, 聯合新聞網, ETtoday, 中時, 鏡週刊, 新頭殼,
# 上報, TVBS, 三立, 公視, 香港01, 明報...), each with something a reader must get right
OUTLETS = Path(__file__).parent / "data" / "outlets"

HEAD = "標題{n}\n【大紀元2020年09月{day:02d}日訊】第{n}頁的本文。\n相關新聞\n-\n相關{n}\n"
PAGE = HEAD + "2020-09-18 07:12:23摘要{n}。"
DAMAGED = HEAD + "2021-13-45 07:12:23摘要{n}。"  # line 6: a malformed timestamp


def write_pages(folder, n: int, damaged: tuple[int, ...] = ()) -> list:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"p{i:03d}.txt"
        path.write_text((DAMAGED if i in damaged else PAGE).format(n=i, day=1 + i % 28), encoding="utf-8")
        paths.append(path)
    return paths


def read_recording(path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = read_corpus(path, **kw)
    return corpus, [(w.category, str(w.message)) for w in caught]


def test_folder_one_file_and_list_of_files_agree(seed_file, seed_docs):
    pd.testing.assert_frame_equal(load_corpus([seed_file]), seed_docs)
    pd.testing.assert_frame_equal(load_corpus(str(seed_file)), seed_docs)
    pd.testing.assert_frame_equal(load_corpus(seed_file.parent), seed_docs)


def test_pages_are_read_in_name_order_and_a_list_in_its_own_order(tmp_path):
    paths = write_pages(tmp_path / "c", 3)
    assert load_corpus(tmp_path / "c")["page_id"].unique().tolist() == ["p000", "p001", "p002"]
    assert load_corpus(paths[::-1])["page_id"].unique().tolist() == ["p002", "p001", "p000"]


def test_read_corpus_returns_docs_and_problems(seed_file, seed_docs):
    result = read_corpus(seed_file)
    docs, problems = result
    assert result._fields == ("docs", "problems")
    assert result.docs is docs and result.problems is problems
    pd.testing.assert_frame_equal(docs, seed_docs)
    assert list(problems.columns) == ["source", "line", "action", "reason", "content"] and problems.empty


def test_duplicate_pages_keep_every_row(tmp_path, seed_file):
    (tmp_path / "a.txt").write_bytes(seed_file.read_bytes())
    (tmp_path / "b.txt").write_bytes(seed_file.read_bytes())
    docs = load_corpus(tmp_path)
    assert len(docs) == 42 and docs["doc_id"].is_unique
    assert docs["content_id"].duplicated().sum() == 21


def test_same_stem_in_two_folders(tmp_path, seed_file):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / seed_file.name).write_bytes(seed_file.read_bytes())
    docs = load_corpus([tmp_path / "x" / seed_file.name, tmp_path / "y" / seed_file.name])
    assert docs["doc_id"].is_unique and docs["page_id"].nunique() == 2


def test_duplicate_stems_are_numbered(tmp_path):
    files = [write_pages(tmp_path / sub, 1)[0] for sub in ("x", "y", "z")]
    docs = load_corpus(files)
    assert docs["page_id"].unique().tolist() == ["p000", "p000~2", "p000~3"]
    assert docs["doc_id"].tolist()[::2] == ["p000:00", "p000~2:00", "p000~3:00"]


def test_missing_path_raises():
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus("/no/such/folder")


def test_unreadable_file_in_a_list_is_skipped_and_named(tmp_path, seed_file):
    (docs, problems), caught = read_recording([seed_file, tmp_path / "gone.txt"])
    assert len(docs) == 21
    assert problems[["action", "content"]].values.tolist() == [["skipped", ""]]
    assert problems["reason"].str.startswith("cannot read file").tolist() == [True]
    assert [c for c, m in caught if "gone.txt" in m] == [CorpusWarning]


@pytest.mark.parametrize("kw, message", [
    ({"errors": "ignore"}, "errors must be 'warn' or 'raise'"),
    ({"engine": "spark"}, "engine must be 'local' or 'dask'"),
])
def test_bad_arguments_raise_value_error(seed_file, kw, message):
    with pytest.raises(ValueError, match=message):
        read_corpus(seed_file, **kw)
    with pytest.raises(ValueError, match=message):
        load_corpus(seed_file, **kw)


def test_deprecated_report_still_works_and_warns(seed_file, seed_docs):
    with pytest.warns(DeprecationWarning, match="read_corpus"):
        docs, problems = load_corpus(seed_file, report=True)
    pd.testing.assert_frame_equal(docs, seed_docs)
    assert problems.empty and list(problems.columns) == list(PROBLEM_COLUMNS)
    with pytest.warns(DeprecationWarning, match="read_corpus"):
        pd.testing.assert_frame_equal(load_corpus(seed_file, report=False), seed_docs)


def use_worker_processes(monkeypatch) -> list[int]:
    """Read in two worker processes from two pages up (the threshold is 2000), every page parsed (none taken
    from the cache of parsed pages); return the pools' sizes."""
    monkeypatch.setattr(options, "use_cache", False)
    monkeypatch.setattr(corpus_mod, "PARALLEL_MIN_PAGES", 2)
    monkeypatch.setattr(options, "workers", 2)
    monkeypatch.setattr(options, "engine", "local")
    pools = []

    class RecordingPool(executor.ProcessPoolExecutor):
        def __init__(self, max_workers=None, *args, **kwargs):
            pools.append(max_workers)
            super().__init__(max_workers, *args, **kwargs)

    monkeypatch.setattr(executor, "ProcessPoolExecutor", RecordingPool)
    return pools


@pytest.mark.parametrize("n, damaged", [
    (5, (1, 3)),            # one chunk: chunks are at least 50 pages
    (103, (2, 60, 101)),    # three chunks, a damaged page in each
])
def test_worker_processes_give_the_same_tables_and_warnings(tmp_path, monkeypatch, n, damaged):
    write_pages(tmp_path / "c", n, damaged)
    (serial_docs, serial_lines), serial_warnings = read_recording(tmp_path / "c")
    pools = use_worker_processes(monkeypatch)
    (docs, lines), caught = read_recording(tmp_path / "c")
    assert pools == [2]  # this run used two worker processes
    pd.testing.assert_frame_equal(docs, serial_docs)
    pd.testing.assert_frame_equal(lines, serial_lines)
    assert len(docs) == 2 * n
    corpus_warnings = [(c, m) for c, m in caught if c is CorpusWarning]
    assert corpus_warnings == [(c, m) for c, m in serial_warnings if c is CorpusWarning]
    assert [m.split(":")[0].rsplit("/", 1)[-1] for _, m in corpus_warnings] == [f"p{i:03d}.txt" for i in damaged]
    assert all("malformed timestamp" in m for _, m in corpus_warnings)
    assert lines["action"].tolist() == ["left empty"] * len(damaged)


def test_errors_raise_in_a_worker_process_keeps_file_and_line(tmp_path, monkeypatch):
    write_pages(tmp_path / "c", 4, damaged=(2,))
    pools = use_worker_processes(monkeypatch)
    with pytest.raises(CorpusError, match=r"p002\.txt:6: malformed timestamp") as err:
        read_corpus(tmp_path / "c", errors="raise")
    assert (err.value.path.name, err.value.line) == ("p002.txt", 6)
    assert pools == [2]


# -- a corpus of several different pages --------------------------------------------------------------------

def read_alone(path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return tuple(read_corpus(path))


def test_the_test_pages_and_the_seed_page_read_together_as_each_alone(seed_file, seed_docs):
    files = [seed_file, *corpus_files(PAGES)]
    assert len(files) >= 7
    (docs, problems), caught = read_recording(files)
    assert list(docs.columns) == list(COLUMNS) and docs["doc_id"].is_unique
    assert docs["page_id"].unique().tolist() == [f.stem for f in files]
    pd.testing.assert_frame_equal(docs[docs["page_id"] == seed_file.stem], seed_docs)
    for f in files:
        alone_docs, alone_problems = read_alone(f)
        pd.testing.assert_frame_equal(docs[docs["page_id"] == f.stem].reset_index(drop=True), alone_docs)
        pd.testing.assert_frame_equal(problems[problems["source"] == str(f)].reset_index(drop=True), alone_problems)
    assert len([m for c, m in caught if c is CorpusWarning]) == len(problems) > 0
    # the folder alone gives the same pages in the same order
    folder_docs, folder_problems = read_alone(PAGES)
    pd.testing.assert_frame_equal(folder_docs, docs[docs["page_id"] != seed_file.stem].reset_index(drop=True))
    pd.testing.assert_frame_equal(folder_problems, problems)


@pytest.mark.parametrize("block", [1, 2, 3])
def test_reading_in_blocks_gives_the_same_tables(seed_file, monkeypatch, block):
    # pages, web pages and tables with columns of their own, cut into blocks of 1 to 3 files
    files = [seed_file, *corpus_files(PAGES), *corpus_files(PAGES.parent / "html"),
             *corpus_files(PAGES.parent / "tables")]
    whole = read_alone(files)
    monkeypatch.setattr(options, "use_cache", False)  # every page parsed again, in blocks
    monkeypatch.setattr(corpus_mod, "READ_BLOCK", block)
    blocks = read_alone(files)
    assert len(files) > 3 * block
    pd.testing.assert_frame_equal(blocks[0], whole[0])
    pd.testing.assert_frame_equal(blocks[1], whole[1])
    # each text column in one piece, as read at once: rows are taken from it without joining its pieces
    pieces = {c: blocks[0][c].array._pa_array.num_chunks for c in blocks[0].columns
              if isinstance(blocks[0][c].array, pd.arrays.ArrowStringArray)}
    assert set(pieces) >= {"doc_id", "title", "text", "content_id"} and set(pieces.values()) == {1}, pieces


def test_the_test_pages_cover_every_column():
    docs, _ = read_alone(PAGES)
    articles = docs[docs["kind"] == "article"]
    assert articles["outlet"].nunique() >= 4
    assert {"Asia/Shanghai", "Asia/Taipei", "America/New_York", ""} <= set(articles["time_zone"])
    assert {"day", "minute", "second"} <= set(docs["published_precision"])
    assert (articles["reporter_place"] != "").sum() >= 3 and (articles["reporter"] != "").sum() >= 4


DAMAGE = {  # file -> what is done to the seed page: (line index, what it becomes) or a deletion
    "malformed_timestamp.txt": ("replace", 7, "2020-09-18 07:12:23", "2021-13-45 99:99:99"),
    "no_dash.txt": ("delete", 8),
    "no_headline.txt": ("delete", 9),
    "no_summary.txt": ("delete", 10),
    "stray_marker.txt": ("insert", 5, "-"),
    "repeated_heading.txt": ("insert", 17, "推薦閱讀："),
    "advert.txt": ("insert", 8, "【廣告】立即訂閱"),
    "wrapped_title.txt": ("insert", 1, "續一行標題"),
    "no_dateline.txt": ("replace", 1, "【新唐人亞太台 2020 年 09 月 17 日訊】", ""),
    "impossible_date.txt": ("replace", 1, "09 月 17", "02 月 30"),
    "body_list.txt": ("replace", 4, "相關新聞", "本台記者整理"),
}
SKIPPED = {"empty.txt": b"", "binary.txt": b"\x00\x01garbage", "notes.txt": "購物清單\n牛奶".encode()}


def write_damaged_corpus(folder, seed_lines) -> None:
    folder.mkdir()
    for name, (op, i, *args) in DAMAGE.items():
        lines = list(seed_lines)
        if op == "delete":
            del lines[i]
        elif op == "insert":
            lines.insert(i, *args)
        else:
            assert args[0] in lines[i]
            lines[i] = lines[i].replace(*args)
        (folder / name).write_text("\n".join(lines), encoding="utf-8")
    for name, data in SKIPPED.items():
        (folder / name).write_bytes(data)
    for page in corpus_files(PAGES):
        (folder / page.name).write_bytes(page.read_bytes())


def test_every_warning_has_exactly_one_problem_row(tmp_path, seed_lines):
    write_damaged_corpus(tmp_path / "c", seed_lines)
    (docs, problems), caught = read_recording(tmp_path / "c")
    messages = [m for c, m in caught if c is CorpusWarning]
    assert len(messages) == len(problems)
    for message, row in zip(messages, problems.itertuples()):
        where = row.source if pd.isna(row.line) else f"{row.source}:{row.line}"
        assert message.startswith(f"{where}: {row.reason}"), (message, row)
    # every damaged file is named, and says what was done
    named = {Path(s).name for s in problems["source"]}
    assert set(DAMAGE) | set(SKIPPED) <= named
    assert set(problems["action"]) == {"unplaced", "merged", "left empty", "skipped", "kept"}
    assert problems.loc[problems["action"] == "skipped", "source"].map(lambda s: Path(s).name).tolist() == sorted(
        SKIPPED)
    assert docs["page_id"].nunique() == len(DAMAGE) + len(corpus_files(PAGES))


def test_errors_raise_stops_at_the_first_problem(tmp_path, seed_lines):
    write_damaged_corpus(tmp_path / "c", seed_lines)
    (_, problems), _ = read_recording(tmp_path / "c")
    first = problems.iloc[0]
    with pytest.raises(CorpusError) as err:
        read_corpus(tmp_path / "c", errors="raise")
    assert (str(err.value.path), err.value.line, err.value.reason) == (
        first["source"], None if pd.isna(first["line"]) else first["line"], first["reason"])


def test_every_page_of_other_outlets_is_read_and_dated():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # their layouts are reported line by line
        docs, problems = read_corpus(OUTLETS)
    articles = docs[docs["kind"] == "article"].set_index("page_id")
    assert len(articles) == len(list(OUTLETS.glob("*.txt"))) == 33
    assert not (problems["action"] == "skipped").any()
    # the one page that gives no date: a byline alone, 〔記者林小華/台北報導〕
    assert articles.index[articles["published"].isna()].tolist() == ["a_14_ltn_halfwidth"]
    assert not articles["truncated"].any()
    assert articles.loc["b_19_chinatimes_0619", ["outlet", "reporter"]].tolist() == ["中時新聞網", "朱真楷"]
    assert articles.loc["b_14_yahoo_cna_0731", "published"].strftime("%Y-%m-%d") == "2023-07-31"  # the dateline's day


def test_a_folder_is_read_with_its_subfolders_and_every_file_not_read_is_a_problem(tmp_path, seed_file):
    for day in ("2024-05-02", "2024-05-03"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "123.txt").write_bytes(seed_file.read_bytes())
    (tmp_path / "2024-05-03" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "123.txt").write_bytes(seed_file.read_bytes())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs, problems = read_corpus(tmp_path)
    assert docs["page_id"].unique().tolist() == ["2024-05-02/123", "2024-05-03/123"]  # two pages, not one
    assert docs["doc_id"].iloc[0] == "2024-05-02/123:00" and docs["doc_id"].is_unique
    assert problems[["source", "action", "reason"]].values.tolist() == [
        [str(tmp_path / "2024-05-03" / "scan.pdf"), "skipped", "not a format the kit reads (.pdf)"]]
    assert [str(w.message) for w in caught if w.category is CorpusWarning] == [
        f"{tmp_path / '2024-05-03' / 'scan.pdf'}: not a format the kit reads (.pdf)"]
    with pytest.raises(CorpusError, match=r"scan\.pdf: not a format the kit reads"):
        read_corpus(tmp_path, errors="raise")
