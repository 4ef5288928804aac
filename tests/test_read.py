"""Decoding: every encoding a crawl produces gives the same documents as the clean file."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.decoding import decode, split_lines

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


def test_encoding_override(tmp_path, seed_file, seed_docs):
    page = tmp_path / "p.txt"
    page.write_bytes(seed_file.read_text(encoding="utf-8").encode("cp950"))
    pd.testing.assert_frame_equal(load_corpus(page, encoding="cp950")[SAME[1:]], seed_docs[SAME[1:]])
    with pytest.raises(CorpusError, match=r"p\.txt:1: cannot decode as utf-8"):
        load_corpus(page, encoding="utf-8", errors="raise")


def test_binary_is_named_with_its_line(tmp_path):
    page = tmp_path / "img.txt"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CorpusError, match=r"img\.txt:\d+: binary file"):
        decode(page.read_bytes(), path=page)


@pytest.mark.parametrize("text, lines", [
    ("a\nb", ["a", "b"]), ("a\r\nb", ["a", "b"]), ("a\rb", ["a", "b"]), ("a\x0cb\u2028c", ["a\x0cb\u2028c"])])
def test_split_lines(text, lines):
    assert split_lines(text) == lines
