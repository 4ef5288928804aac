"""Property-based tests: mutated and generated pages never raise anything but CorpusError.

Each example takes the seed page and applies random damage (lines deleted, duplicated, truncated,
swapped, replaced by random Unicode, markers moved), with random line ends and encodings. With the
default ``errors="warn"`` nothing may raise; with ``errors="raise"`` only :class:`CorpusError` may.
The parser also checks itself that every non-blank line was placed in a field or reported.
"""

from __future__ import annotations

import os
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus
from analysis.page import parse_page
from analysis.decoding import decode
from tests.conftest import SEED_FILE

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SEED = SEED_FILE.read_text(encoding="utf-8").split("\n")
MARKERS = ["-", "相關新聞", "相关新闻", "【大紀元2020年09月17日訊】", "2021-13-45 99:99:99", "2021/01/15 12:56"]
junk = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@st.composite
def damaged_pages(draw) -> str:
    lines = list(draw(st.sampled_from([SEED, SEED[:4], SEED[4:], SEED[:5], []])))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["delete", "duplicate", "truncate", "insert", "replace", "swap", "marker"]))
        if op == "insert" or not lines:
            lines.insert(draw(st.integers(0, len(lines))), draw(junk))
            continue
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "replace":
            lines[i] = draw(junk)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            marker = draw(st.sampled_from(MARKERS))
            lines.insert(i, marker + (draw(junk) if draw(st.booleans()) else ""))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


def _parse(text: str, errors: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parse_page(text, source="page.txt", errors=errors)


@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_pages())
def test_damaged_pages_never_raise(text):
    docs, unplaced = _parse(text, "warn")
    for d in docs:  # nothing is invented: every title and line of text is in the page
        assert d["title"].split("\n")[0].strip() in text
        assert all(part in text for part in d["text"].split("\n"))
    try:
        _parse(text, "raise")
    except CorpusError as exc:
        assert "page.txt" in str(exc)


@settings(max_examples=1000)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    _parse(text, "warn")
    try:
        _parse(text, "raise")
    except CorpusError:
        pass


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(page=damaged_pages(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp950", "gb18030"]),
       noise=st.binary(max_size=8), cut=st.integers(0, 50))
def test_damaged_files_never_raise(tmp_path_factory, page, encoding, noise, cut):
    data = page.encode(encoding, errors="replace")
    data = data[: max(0, len(data) - cut)] + noise  # cut off mid-character, then add random bytes
    path = tmp_path_factory.mktemp("p") / "page.txt"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = load_corpus(path)
        try:
            load_corpus(path, errors="raise")
        except CorpusError as exc:
            assert "page.txt" in str(exc)
    assert docs["doc_id"].is_unique


@settings(max_examples=1000)
@given(st.binary(max_size=200))
def test_decode_random_bytes(data):
    try:
        text, codec = decode(data, path="x.txt")
    except CorpusError as exc:
        assert str(exc).startswith("x.txt")
    else:
        assert isinstance(text, str) and codec
