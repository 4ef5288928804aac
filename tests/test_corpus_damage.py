"""Damaged and unusual pages: read what can be read, name what cannot, lose nothing silently."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, load_corpus, read_corpus
from analysis.page import parse_page

SAME = ["kind", "position", "title", "published", "outlet", "text", "truncated", "content_id"]


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def load_quietly(path, *, report: bool = False, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = tuple(read_corpus(path, **kw)) if report else load_corpus(path, **kw)
    return result, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends(tmp_path, seed_lines, seed_docs, newline):
    docs = load_corpus(write(tmp_path, "p.txt", newline.join(seed_lines)))
    pd.testing.assert_frame_equal(docs[SAME], seed_docs[SAME])


def test_blank_lines_and_spaces_anywhere(tmp_path, seed_lines, seed_docs):
    pads = [" ", "\u3000", "\u00a0", "\t"]
    messy = []
    for i, line in enumerate(seed_lines):
        messy += ["", pads[i % 4] * 2, f"{pads[i % 4]}{line}{pads[(i + 1) % 4]}"]
    docs = load_corpus(write(tmp_path, "p.txt", "\n".join(messy) + "\n\n"))
    pd.testing.assert_frame_equal(docs[SAME], seed_docs[SAME])


def test_article_only_page(tmp_path, seed_lines, seed_docs):
    docs = load_corpus(write(tmp_path, "p.txt", "\n".join(seed_lines[:4])))
    assert docs["kind"].tolist() == ["article"]
    pd.testing.assert_frame_equal(docs[SAME], seed_docs[SAME].iloc[:1])


def test_related_list_with_no_items(tmp_path, seed_lines):
    docs, lines = read_corpus(write(tmp_path, "p.txt", "\n".join(seed_lines[:5])))
    assert len(docs) == 1 and lines.empty


def test_simplified_page(tmp_path):
    page = "\n".join([
        "美国驻联合国大使将访台", "【新唐人北京时间2021年01月07日讯】美国国务卿蓬佩奥宣布。", "相关新闻", "-",
        "蓬佩奥宣布美驻联大使将访台湾", "2021-01-08 17:23:50美台关系再升温。"])
    docs = load_corpus(write(tmp_path, "s.txt", page))
    assert docs["kind"].tolist() == ["article", "related"]
    assert docs["outlet"].iloc[0] == "新唐人" and docs["published"].iloc[0] == pd.Timestamp("2021-01-07")
    assert docs["text"].iloc[1] == "美台关系再升温。"


def test_reporter_bracket(tmp_path):
    page = "標題\n【大紀元2020年09月17日訊】(大紀元記者王明報導)台北。\n第二段。"
    docs = load_corpus(write(tmp_path, "r.txt", page))
    row = docs.iloc[0]
    assert (row["outlet"], row["reporter"], row["text"]) == ("大紀元", "王明", "台北。\n第二段。")
    assert row["dateline"] == "【大紀元2020年09月17日訊】(大紀元記者王明報導)"


def test_malformed_timestamp_keeps_the_item(tmp_path, seed_lines):
    lines = list(seed_lines)
    lines[7] = "2021-13-45 99:99:99" + lines[7][19:]
    path = write(tmp_path, "bad.txt", "\n".join(lines))
    docs, messages = load_quietly(path)
    assert len(docs) == 21
    assert pd.isna(docs["published"].iloc[1]) and docs["text"].iloc[1] == lines[7][19:]
    assert any("bad.txt:8" in m and "malformed timestamp" in m for m in messages)
    with pytest.raises(CorpusError, match=r"bad\.txt:8: malformed timestamp"):
        load_corpus(path, errors="raise")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty page"),
    ("blank.txt", b"\n \n\xe3\x80\x80\n", "empty page"),
    ("binary.txt", b"\x00\x01\x02\xff\xfe\x00garbage", "binary file"),
    ("notes.txt", "購物清單\n牛奶\n雞蛋".encode(), "not a news page"),
])
def test_unreadable_files_are_skipped_and_named(tmp_path, seed_file, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / seed_file.name).write_bytes(seed_file.read_bytes())
    (docs, lines), messages = load_quietly(tmp_path, report=True)
    assert len(docs) == 21
    assert any(name in m and reason in m for m in messages), messages
    skipped = lines[lines["source"].str.endswith(name)]
    assert len(skipped) == 1 and reason in skipped["reason"].iloc[0]
    with pytest.raises(CorpusError, match=reason) as err:
        load_corpus(tmp_path, errors="raise")
    assert name in str(err.value)


def test_every_line_is_placed_or_reported(tmp_path, seed_lines):
    lines = list(seed_lines)
    lines.insert(5, "-")            # a '-' with no item before the first real one
    lines.insert(20, "相關新聞")     # a repeated marker
    lines.append("-")               # a dangling '-' at the end
    (docs, unplaced), messages = load_quietly(write(tmp_path, "d.txt", "\n".join(lines)), report=True)
    assert len(docs) == 21
    assert unplaced["reason"].tolist() == ["item marker with no item", "repeated 相關新聞 marker",
                                           "item marker with no item"]
    assert unplaced["line"].tolist() == [6, 21, len(lines)]
    assert len(messages) == 3


def test_missing_dash(tmp_path, seed_lines, seed_docs):
    lines = list(seed_lines)
    assert lines[8] == "-"
    del lines[8]  # the '-' before the second related item
    docs, messages = load_quietly(write(tmp_path, "m.txt", "\n".join(lines)))
    pd.testing.assert_frame_equal(docs[SAME], seed_docs[SAME])
    assert any("m.txt:9" in m and "no '-' line" in m for m in messages)


def test_missing_headline(tmp_path, seed_lines, seed_docs):
    lines = list(seed_lines)
    del lines[9]  # the second related item's headline
    docs, messages = load_quietly(write(tmp_path, "h.txt", "\n".join(lines)))
    assert len(docs) == 21 and docs["title"].iloc[2] == ""
    assert docs["text"].iloc[2] == seed_docs["text"].iloc[2]
    assert any("h.txt:10" in m and "no headline" in m for m in messages)


def test_missing_summary(tmp_path, seed_lines, seed_docs):
    lines = list(seed_lines)
    del lines[10]  # the second related item's timestamp and summary
    docs, messages = load_quietly(write(tmp_path, "s.txt", "\n".join(lines)))
    assert len(docs) == 21 and docs["title"].iloc[2] == seed_docs["title"].iloc[2]
    assert docs["text"].iloc[2] == "" and pd.isna(docs["published"].iloc[2])
    assert any("s.txt:10" in m and "no timestamp" in m for m in messages)


def test_truncated_summary_is_flagged(seed_docs):
    assert seed_docs.set_index("title").loc["馬稱克拉夫特來台無用 昔見波頓照片被翻出", "truncated"]


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


def test_parse_page_on_a_string(seed_file):
    docs, unplaced = parse_page(seed_file.read_text(encoding="utf-8"), source="x/page.txt")
    assert len(docs) == 21 and not unplaced and docs[0]["page_id"] == "page"
