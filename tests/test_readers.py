"""Reading one file in its format; a large table made into the documents table a block at a time."""

from __future__ import annotations

import codecs
from datetime import datetime

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.readers import documents_frame_blocks
from analysis.tables import documents_frame


RECORD = dict(doc_id="p:00", page_id="p", kind="article", position=0, title="標題", published=None,
              published_precision="", time_zone="", outlet="", reporter="", reporter_place="", text="本文。",
              truncated=False, content_id="c0", dateline="", source="p.txt", line=1)
_OWN = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=False), st.text(max_size=3),
                 st.booleans(), st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)))


@settings(max_examples=200, deadline=None)
@given(own=st.lists(st.dictionaries(st.sampled_from(["views", "url", "tags"]), _OWN, max_size=3), max_size=9),
       cuts=st.lists(st.integers(0, 9), max_size=4))
def test_documents_frame_blocks_is_documents_frame_of_all_the_records(own, cuts):
    """A table's own columns, typed over all their values at the end: whole numbers in one block and
    missing in another, text in one and dates in another, give the types one table of all the records gets."""
    records = [{**RECORD, "doc_id": f"p:{i:02d}", "published": datetime(2020, 9, 17) if i % 2 else None, **extra}
               for i, extra in enumerate(own)]
    bounds = sorted({0, len(records), *(c for c in cuts if c <= len(records))})
    blocks = [records[a:b] for a, b in zip(bounds, bounds[1:])]
    pd.testing.assert_frame_equal(documents_frame_blocks(blocks), documents_frame(records))


def test_documents_frame_blocks_of_no_block_is_the_empty_table():
    pd.testing.assert_frame_equal(documents_frame_blocks([]), documents_frame([]))
    pd.testing.assert_frame_equal(documents_frame_blocks([[], []]), documents_frame([]))


# -- a table saved as .txt ---------------------------------------------------------------------------------------

EXCEL_UNICODE_TEXT = ('標題\t發布時間\t內文\t網址\r\n颱風凱米來襲\t2024/7/24 14:22\t"中央氣象署發布警報。\r\n'
                      '花蓮停班停課。"\thttps://n.tw/1\r\n停班停課一覽\t2024/7/23\t全台停班。\thttps://n.tw/2\r\n')


def test_a_txt_table_is_read_as_tsv_and_a_page_with_tabs_as_a_page(tmp_path, seed_file, caplog):
    from analysis import read_corpus
    from tests.conftest import quietly

    (tmp_path / "export.txt").write_bytes(codecs.BOM_UTF16_LE + EXCEL_UNICODE_TEXT.encode("utf-16-le"))
    (tmp_path / "scraper.txt").write_text("title\tcontent\turl\n颱風來襲\t第一段。\thttps://n.tw/3\n", encoding="utf-8")
    lines = seed_file.read_text(encoding="utf-8").split("\n")
    (tmp_path / "page.txt").write_text("\n".join([lines[0] + "\t" + "更新", *lines[1:]]), encoding="utf-8")
    with caplog.at_level("INFO", logger="analysis.readers"):
        (docs, problems), messages = quietly(read_corpus, tmp_path)
    tables = docs[docs["format"] == "tsv"]
    assert tables[["doc_id", "title", "published", "text", "url"]].values.tolist() == [
        ["export:1:00", "颱風凱米來襲", pd.Timestamp(2024, 7, 24, 14, 22), "中央氣象署發布警報。\n花蓮停班停課。", "https://n.tw/1"],
        ["export:2:00", "停班停課一覽", pd.Timestamp(2024, 7, 23), "全台停班。", "https://n.tw/2"],
        ["scraper:1:00", "颱風來襲", pd.NaT, "第一段。", "https://n.tw/3"]]
    page = docs[docs["page_id"] == "page"]
    assert len(page) == 21 and set(page["format"]) == {"text"}
    assert "export.txt: read as a TSV table" in caplog.text and "page.txt: read as a text page" in caplog.text
