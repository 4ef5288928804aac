"""The page grammar: the seed page field by field, damaged and unusual pages, and random damage.

The seed page is read independently of the parser (line by line, with the file's known layout), so a
parser bug cannot agree with itself. Damaged pages must read what can be read, name what cannot and lose
nothing silently. The property-based tests (hypothesis) apply random damage to the seed page, with random
line ends and encodings: with ``errors="warn"`` nothing may raise; with ``errors="raise"`` only
:class:`CorpusError` may. The parser also checks itself that every non-blank line was placed or reported.
"""

from __future__ import annotations

import warnings
from datetime import datetime

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, CorpusWarning, load_corpus, read_corpus
from analysis.page import parse_page
from analysis.tables import COLUMNS
from tests.conftest import SEED_FILE

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


def parse_quietly(text: str, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs, unplaced = parse_page(text, **kw)
    return docs, unplaced, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


# -- the seed page, field by field ---------------------------------------------------------------

def test_shape_and_columns(seed_docs):
    assert len(seed_docs) == 21
    assert list(seed_docs.columns) == list(COLUMNS)
    assert seed_docs["doc_id"].is_unique
    assert seed_docs["kind"].tolist() == ["article"] + ["related"] * 20
    assert seed_docs["position"].tolist() == list(range(21))
    assert (seed_docs["page_id"] == "000_bb4a6ccb6fd5c6e9").all()
    assert seed_docs["published"].dtype.kind == "M"


def test_article_fields(seed_docs, seed_lines):
    art = seed_docs.iloc[0]
    assert art["title"] == seed_lines[0]
    assert art["outlet"] == "新唐人亞太台"
    assert art["published"] == pd.Timestamp("2020-09-17")
    assert art["dateline"] == "【新唐人亞太台 2020 年 09 月 17 日訊】"
    body_first = seed_lines[1][len("【新唐人亞太台 2020 年 09 月 17 日訊】"):]
    assert art["text"] == "\n".join([body_first, seed_lines[2], seed_lines[3]])
    assert "(聲音來源)" in art["text"].split("\n")[1]
    assert art["line"] == 1


def test_related_fields_match_the_file(seed_docs, seed_lines):
    assert seed_lines[4] == "相關新聞"
    related = seed_docs.iloc[1:]
    for k, (_, row) in enumerate(related.iterrows()):
        dash, title, stamped = seed_lines[5 + 3 * k: 8 + 3 * k]
        assert dash == "-"
        assert row["title"] == title
        assert row["published"] == datetime.strptime(stamped[:19], "%Y-%m-%d %H:%M:%S")
        assert row["text"] == stamped[19:]
        assert row["outlet"] == ""
        assert row["line"] == 7 + 3 * k


def test_nothing_lost(seed_docs, seed_file):
    """Every character of the page is in a field, apart from markers and timestamps."""
    _, unplaced = read_corpus(seed_file)
    assert unplaced.empty
    raw = seed_file.read_text(encoding="utf-8")
    for _, row in seed_docs.iterrows():
        assert row["title"] in raw and row["text"].split("\n")[-1] in raw


def test_truncated_flag(seed_docs):
    flagged = seed_docs.loc[seed_docs["truncated"], "title"].tolist()
    assert flagged == ["馬稱克拉夫特來台無用 昔見波頓照片被翻出"]


def test_content_ids_of_the_seed_page_are_distinct(seed_docs):
    assert seed_docs["content_id"].is_unique


def test_parse_page_on_a_string(seed_file):
    docs, unplaced = parse_page(seed_file.read_text(encoding="utf-8"), source="x/page.txt")
    assert len(docs) == 21 and not unplaced and docs[0]["page_id"] == "page"


def test_page_id_source_and_doc_ids(seed_file):
    docs, _ = parse_page(seed_file.read_text(encoding="utf-8"), source="x/page.txt", page_id="p7")
    assert [d["doc_id"] for d in docs[:3]] == ["p7:00", "p7:01", "p7:02"]
    assert {d["page_id"] for d in docs} == {"p7"} and {d["source"] for d in docs} == {"x/page.txt"}


# -- small pages: the grammar's variants ---------------------------------------------------------

HEAD = "標題\n【大紀元2020年09月17日訊】本文。\n"


@pytest.mark.parametrize("page, expected, warned", [
    pytest.param(HEAD + "相關新聞\n－\n甲\n2020-09-18 07:12:23甲文。\n—\n乙\n2020-09-19 07:12:23乙文。\n–\n丙\n"
                 "2020-09-20 07:12:23丙文。",
                 [("article", "標題", "本文。", "2020-09-17"),
                  ("related", "甲", "甲文。", "2020-09-18 07:12:23"),
                  ("related", "乙", "乙文。", "2020-09-19 07:12:23"),
                  ("related", "丙", "丙文。", "2020-09-20 07:12:23")],
                 [], id="full-width-and-dash-item-markers"),
    pytest.param("标题\n【大纪元2020年09月17日讯】本文。\n相关新闻\n-\n甲\n2020-09-18 07:12:23甲文。",
                 [("article", "标题", "本文。", "2020-09-17"), ("related", "甲", "甲文。", "2020-09-18 07:12:23")],
                 [], id="simplified-markers"),
    pytest.param("標題\n本文。\n相關新聞\n-\n甲\n2020-09-18 07:12:23甲文。",
                 [("article", "標題", "本文。", None), ("related", "甲", "甲文。", "2020-09-18 07:12:23")],
                 ["p.txt:2: article has no dateline"], id="no-dateline"),
    pytest.param("標題\n【大紀元2021年02月30日訊】本文。",
                 [("article", "標題", "本文。", None)],
                 ["p.txt:2: impossible date in dateline '【大紀元2021年02月30日訊】'"], id="impossible-date"),
    pytest.param(HEAD + "相關新聞\n-\n甲\n2020-09-18 07:12:23甲文。\n續文。",
                 [("article", "標題", "本文。", "2020-09-17"),
                  ("related", "甲", "甲文。\n續文。", "2020-09-18 07:12:23")],
                 ["p.txt:7: related summary continues on another line"], id="summary-on-two-lines"),
])
def test_small_pages(page, expected, warned):
    docs, unplaced, messages = parse_quietly(page, source="p.txt")
    got = [(d["kind"], d["title"], d["text"], d["published"]) for d in docs]
    assert got == [(k, t, x, pd.Timestamp(p).to_pydatetime() if p else None) for k, t, x, p in expected]
    assert unplaced == []
    assert len(messages) == len(warned)
    for message, start in zip(messages, warned):
        assert message.startswith(start), (message, start)


def test_parse_page_validates_errors():
    with pytest.raises(ValueError, match="errors must be"):
        parse_quietly(HEAD, errors="rais")


# -- damaged and unusual pages -------------------------------------------------------------------

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


# -- random damage (hypothesis; the profiles are set in tests/conftest.py) -------------------------

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
