"""Decoding: every encoding a crawl produces gives the same documents as the clean file; listing a corpus."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus, read_corpus
from analysis import decoding
from analysis.decoding import LIST_HEADINGS, corpus_files, corpus_listing, decode, file_format, split_lines
from tests.conftest import quietly

SAME = ["doc_id", "kind", "position", "title", "published", "outlet", "text", "truncated", "content_id"]


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp950", b""), ("gb18030", b""),
])
def test_encodings_give_the_same_documents(tmp_path, seed_file, seed_docs, encoding, bom):
    text = seed_file.read_text(encoding="utf-8")
    page = tmp_path / seed_file.name
    page.write_bytes(bom + text.encode(encoding))
    docs = load_corpus(page)
    pd.testing.assert_frame_equal(docs[SAME], seed_docs[SAME])


def test_detected_codec_is_reported():
    assert decode("相關新聞".encode("gb18030"))[1] == "gb18030"
    assert decode("相關新聞".encode("cp950"))[1] == "cp950"
    assert decode(codecs.BOM_UTF8 + "相關新聞".encode())[1] == "utf-8-sig"


@pytest.mark.parametrize("data, codec", [
    (codecs.BOM_UTF32_LE + "相關新聞".encode("utf-32-le"), "utf-32"),   # starts like a UTF-16 LE mark
    (codecs.BOM_UTF32_BE + "相關新聞".encode("utf-32-be"), "utf-32"),
    (codecs.BOM_UTF16_LE + "相關新聞".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + "相關新聞".encode("utf-16-be"), "utf-16"),
    ("相關新聞".encode(), "utf-8"),
    (b"", "utf-8"),
])
def test_byte_order_marks_and_utf8(data, codec):
    assert decode(data) == ("相關新聞" if data else "", codec)


def test_encoding_override(tmp_path, seed_file, seed_docs):
    page = tmp_path / "p.txt"
    page.write_bytes(seed_file.read_text(encoding="utf-8").encode("cp950"))
    pd.testing.assert_frame_equal(load_corpus(page, encoding="cp950")[SAME[1:]], seed_docs[SAME[1:]])
    with pytest.raises(CorpusError, match=r"p\.txt:1: cannot decode as utf-8"):
        load_corpus(page, encoding="utf-8", errors="raise")


@pytest.mark.parametrize("heading", [*LIST_HEADINGS, "相關新聞：", "【延伸閱讀】", "相關文章:"])
def test_every_list_heading_marks_a_page(heading):
    assert decoding._PAGE_MARKERS.search(heading)


@pytest.mark.parametrize("text, encoding", [
    ("政黨輪替後的立法院\n延伸閱讀：\n-\n朝野協商破局\n2021-03-12 18:20:44議事停擺。", "cp950"),
    ("政党轮替后的立法院\n推荐阅读\n-\n朝野协商破局\n2021-03-12 18:20:44议事停摆。", "gb18030"),
    ("政黨輪替後的立法院\n【熱門新聞】\n-\n朝野協商破局\n2021-03-12 18:20:44議事停擺。", "cp950"),
])
def test_a_legacy_page_with_only_a_heading_variant_is_recognised(monkeypatch, text, encoding):
    """No dateline: only the list's heading tells the right codec from a wrong guess that decodes too."""
    monkeypatch.setattr(decoding, "_detect", lambda data: "latin-1")  # decodes anything, wrongly
    assert decode(text.encode(encoding)) == (text, encoding)


def test_unknown_encoding_is_named():
    with pytest.raises(CorpusError, match=r"p\.txt: unknown encoding 'no-such-codec'"):
        decode(b"abc", path="p.txt", encoding="no-such-codec")


def test_undecodable_byte_is_located_by_line():
    data = "第一行\n第二行\n".encode() + b"\xff\xfe\xfd"
    with pytest.raises(CorpusError, match=r"p\.txt:3: cannot decode as utf-8 \(byte 20\)") as err:
        decode(data, path="p.txt", encoding="utf-8")
    assert (err.value.line, err.value.path.name) == (3, "p.txt")


def test_binary_is_named_with_its_line(tmp_path):
    page = tmp_path / "img.txt"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CorpusError, match=r"img\.txt:\d+: binary file"):
        decode(page.read_bytes(), path=page)


@pytest.mark.parametrize("text, lines", [
    ("a\nb", ["a", "b"]), ("a\r\nb", ["a", "b"]), ("a\rb", ["a", "b"]), ("a\x0cb\u2028c", ["a\x0cb\u2028c"])])
def test_split_lines(text, lines):
    assert split_lines(text) == lines


@settings(max_examples=1000)
@given(st.binary(max_size=200))
def test_decode_random_bytes(data):
    try:
        text, codec = decode(data, path="x.txt")
    except CorpusError as exc:
        assert str(exc).startswith("x.txt")
    else:
        assert isinstance(text, str) and codec


def test_corpus_files_of_a_folder_are_the_pages_sorted_by_name(tmp_path):
    for name in ("b.txt", "a.txt", "c.md", "10.txt", "d.doc"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()  # a folder named like a page is not a page
    assert [p.name for p in corpus_files(tmp_path)] == ["10.txt", "a.txt", "b.txt", "c.md"]
    assert [p.name for p in corpus_files(str(tmp_path))] == ["10.txt", "a.txt", "b.txt", "c.md"]


def test_corpus_files_of_one_file_and_of_a_list(tmp_path):
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert corpus_files(tmp_path / "b.txt") == [tmp_path / "b.txt"]
    given_order = [tmp_path / "z.txt", str(tmp_path / "b.txt")]  # a list is taken as given, unchecked
    assert corpus_files(given_order) == [tmp_path / "z.txt", tmp_path / "b.txt"]


def test_corpus_files_of_a_missing_path_raises(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder") as err:
        corpus_files(tmp_path / "nowhere")
    assert err.value.path == tmp_path / "nowhere"


def test_corpus_listing_reads_subfolders_by_path_passes_hidden_ones_and_lists_the_rest(tmp_path):
    for name in ("b.txt", "2024-05-03/123.txt", "2024-05-02/123.txt", "2024-05-02/scan.PDF", "raw/x.html.gz",
                 ".git/config.txt", "a/.ipynb_checkpoints/c.txt", ".DS_Store", "README", "dump.tar.gz"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, unread, root = corpus_listing(tmp_path)
    assert root == tmp_path
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "2024-05-02/123.txt", "2024-05-03/123.txt", "b.txt", "raw/x.html.gz"]
    assert [(p.relative_to(tmp_path).as_posix(), reason) for p, reason in unread] == [
        ("2024-05-02/scan.PDF", "not a format the kit reads (.pdf)"),
        ("README", "not a format the kit reads (no ending)"),
        ("dump.tar.gz", "not a format the kit reads (.tar.gz)")]
    assert corpus_files(tmp_path) == files
    assert corpus_listing(tmp_path / "b.txt") == ([tmp_path / "b.txt"], [], None)


@pytest.mark.parametrize("name, fmt", [
    ("a.json", "json"), ("a.JSON.gz", "json"), ("a.jsonl.gz", "jsonl"), ("a.ndjson.gz", "jsonl"),
    ("a.csv.gz", "csv"), ("a.tsv.gz", "tsv"), ("a.db", "sqlite"), ("a.sqlite", "sqlite"), ("a.sqlite3", "sqlite"),
    ("a.xml", "feed"), ("a.rss", "feed"), ("a.atom", "feed"), ("a.md", "markdown"), ("a.markdown", "markdown")])
def test_file_format_of_what_scrapers_write(name, fmt):
    assert file_format(name) == fmt


@pytest.mark.parametrize("cut", [1, 2])
def test_utf8_cut_off_in_its_last_character_is_utf8_with_the_cut_marked(cut):
    data = "颱風來襲\n第一段。停班".encode()[:-cut]
    assert decode(data) == ("颱風來襲\n第一段。停\ufffd", "utf-8")
    assert decode(codecs.BOM_UTF8 + data) == ("颱風來襲\n第一段。停\ufffd", "utf-8-sig")
    assert decode(data, encoding="utf-8") == ("颱風來襲\n第一段。停\ufffd", "utf-8")
    assert decode("颱風".encode()[:-1] + "來襲".encode()[:-1])[1] != "utf-8"  # an invalid byte before the end: not
    assert decode(b"ascii only \xe4\xb8")[1] != "utf-8"  # nothing before the cut shows UTF-8


def test_a_text_page_cut_off_in_its_last_character_loses_only_that(tmp_path, seed_file, seed_docs):
    page = tmp_path / "p.txt"
    data = seed_file.read_bytes().rstrip() + "停班".encode()
    page.write_bytes(data[:-1])
    (docs, problems), messages = quietly(read_corpus, page)
    assert len(docs) == len(seed_docs)
    assert problems[["line", "action", "reason"]].values.tolist() == [
        [len(data.decode().split("\n")), "unplaced",
         "the file ends in the middle of a character (cut off while it was written?): its last 2 bytes are not read"]]
    assert docs["text"].iloc[-1].endswith("停") or docs["title"].iloc[-1].endswith("停")
    assert len(messages) == 1
