"""The first characters of a pattern's matches (analysis/firstchars.py): never one that a match starts with left out."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.firstchars import first_chars


FIRST_PATTERNS = [r"來看(?:到)?", r"(?<!\w)(?:先|再){0,2}來看", r"[（(]記者[^）)]{1,5}[)）]", r"a+b|c?d", r"(?:x|y)*z",
                  r"[a-c]\d", r"\w+報導", r"(?i:ab)c", r"x?", r"^新聞", r"(?=來)來看", r"(來|看)\1", r"\s*編輯",
                  r"[^a]b", r".b", r"(?:)新", r"(?>a|b)c"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FIRST_PATTERNS), st.text(alphabet="abcdxyzAB1 \n來看到新聞先再（(記者)）報導編輯", max_size=16))
def test_a_match_starts_with_a_character_the_look_ahead_allows(pattern, text):
    """The look-ahead the union of patterns opens with never skips a place where a non-empty match starts
    (or there is none: unknown first characters, a match that can be empty, ignored case)."""
    starts = first_chars(pattern, 0)
    if pattern in (r"x?", r"\w+報導", r"[^a]b", r".b", r"(?i:ab)c", r"\s*編輯"):
        assert starts is None
    if starts is None:
        return
    allowed = re.compile(f"[{starts}]")
    regex = re.compile(pattern)
    for at in range(len(text)):
        m = regex.match(text, at)
        if m and m.end() > at:
            assert allowed.match(text, at), (pattern, text, at)


def test_ignored_case_gives_no_characters_and_literals_and_ranges_are_listed():
    assert first_chars("來看", re.IGNORECASE) is None
    assert first_chars("來看") == "來" and first_chars("a|b[c-e]") == "ab" and first_chars("[c-e]x|y") == "c-ey"
