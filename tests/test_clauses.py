"""The clause grammar behind quotes (analysis.clauses): quotation marks and a verb's subject, one field at a time.

The statements these rules make are tested through quotes() in tests/test_quotes.py."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.clauses import Clauses, Speaker, quote_pairs
from analysis.mentions import document_actors


@pytest.mark.parametrize("text, pairs", [
    ("他說：「台灣」。", [(3, 6)]),
    ("「美方說『台灣是夥伴』，我們感謝。」", [(0, 17)]),           # 『』 nested in 「」 stay inside
    ("吳釗燮強調：『台灣不會屈服。』", [(6, 14)]),                  # 『』 on their own quote
    ('搭載14"螢幕，"好用"', [(8, 11)]),                          # after a digit, an inch mark
    ("國民黨團批評『鏡電視案，行政院長表示", []),                    # 『 never closed on its line
    ("他說：「第一段\n「第二段」", [(3, 7), (8, 12)]),              # 「 left open runs to the line's end
])
def test_quote_pairs(text, pairs):
    assert quote_pairs(text) == pairs


def _clauses(text: str) -> Clauses:
    doc = document_actors(pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text]}))[0]
    field = next(f for f in doc.fields if f.text == text)
    return Clauses(doc, field)


def test_the_subject_of_a_verb_is_the_person_ending_a_chain_of_titles():
    text = "外交部政務次長田中光說，台美關係穩定。"
    found = _clauses(text).speaker(text.index("說"))
    assert found is not None and found[0] == Speaker("田中光", "田中光", "person")


def test_a_clause_without_a_subject_takes_the_one_before():
    text = "吳釗燮9日出席活動，並表示台灣不會屈服。"
    found = _clauses(text).speaker(text.index("表示"))
    assert found is not None and found[0].speaker == "吳釗燮"


def test_a_long_clause_without_a_subject_has_no_speaker():
    text = "在今天上午舉行的一場關於區域安全與經濟合作的研討會上表示，合作重要。"
    assert _clauses(text).speaker(text.index("表示")) is None
