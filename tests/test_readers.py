"""Reading one file in its format; a large table made into the documents table a block at a time."""

from __future__ import annotations

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
