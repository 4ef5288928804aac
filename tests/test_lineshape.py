"""The site's lines told by their shape (analysis.lineshape): what it leaves out, what it says, and its model."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, read_corpus
from analysis.config import PROJ_ROOT, SEEDS_DIR
from analysis.lineshape import SHORTEST_TEXT, THRESHOLD, article_probability, drop_furniture

_PARAGRAPHS = [
    "台北市政府今天宣布，明年起全面調整公車票價，並將增加偏鄉路線的班次，以回應居民長期以來的需求。",
    "交通局長表示，新制上路後，將同步檢討各路線的營運績效，虧損路線由市府編列預算補貼，確保服務不中斷。",
    "議員則提醒，票價調整前應充分與民眾溝通，並評估對通勤族與長者的影響，避免造成負擔。",
    "市府預計下個月召開公聽會，蒐集各界意見後，再送交議會審議，最快明年七月上路。",
]


def _docs(lines: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"kind": ["article"], "source": ["p.txt"], "line": [3], "title": ["公車票價明年調整"],
                         "text": ["\n".join(lines)], "truncated": [False], "content_id": [""]})


def test_a_line_shaped_like_the_sites_leaves_the_text_and_is_said():
    lines = [*_PARAGRAPHS[:2], "▶ 點我加入好友", *_PARAGRAPHS[2:]]
    with pytest.warns(CorpusWarning, match="shaped like the site's"):
        out, problems = drop_furniture(_docs(lines))
    assert out["text"].iat[0] == "\n".join(_PARAGRAPHS)
    assert [(p["source"], p["line"], p["action"], p["content"]) for p in problems] == [
        ("p.txt", 3, "unplaced", "▶ 點我加入好友")]
    assert out["content_id"].iat[0] != ""  # made again for the new text


def test_paragraphs_stay_and_a_short_text_is_left_as_it_is():
    p = article_probability(_PARAGRAPHS)
    assert (p >= THRESHOLD).all()
    short = [_PARAGRAPHS[0], "▶ 點我加入好友"][:SHORTEST_TEXT - 1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out, problems = drop_furniture(_docs(short))
    assert out["text"].iat[0] == "\n".join(short) and problems == []


@pytest.mark.parametrize("line", ["協商破局。", "他強調：『台灣不會屈服。』", "問：這和氣候變遷有關嗎？", "What now?"])
def test_a_short_line_ending_a_sentence_stays(line):
    """What the model alone left out on pages it was not fitted on: a one-sentence paragraph, a quotation or a
    question alone on its line. A line ending a sentence is the article's whatever its shape."""
    lines = [*_PARAGRAPHS[:2], line, *_PARAGRAPHS[2:], "▶ 點我加入好友"]
    assert article_probability(lines)[2] < THRESHOLD  # the model alone would leave it out
    with pytest.warns(CorpusWarning):
        out, problems = drop_furniture(_docs(lines))
    assert out["text"].iat[0] == "\n".join(lines[:-1])
    assert [p["content"] for p in problems] == ["▶ 點我加入好友"]


def test_a_list_under_its_lead_in_and_rows_of_data_stay_and_the_page_s_tools_go():
    """A list the article introduces and a table's rows, no sentences, stay; a row of colons does not introduce
    the menu under it, and a page's tools in a row of label and colon are no table."""
    lead = ["申請資格如下：", "設籍本縣滿一年", "年滿二十歲"]
    rows = ["北部：多雲時晴", "中部：晴時多雲"]
    tools = [":::", "首頁", "新聞與公告", "分享：Facebook　LINE", "字體：A　A　A"]
    lines = [*_PARAGRAPHS[:2], *lead, *_PARAGRAPHS[2:], *rows, *tools]
    assert (article_probability(lines)[[2, 3, 4, 7, 8]] < THRESHOLD).any()  # the model alone would lose some
    with pytest.warns(CorpusWarning):
        out, problems = drop_furniture(_docs(lines))
    assert out["text"].iat[0] == "\n".join(lines[:-len(tools)])
    assert [p["content"] for p in problems] == tools


def test_a_web_page_s_bulleted_list_stays(tmp_path):
    """trafilatura writes a web page's list items as "- item": two or more in a row are a list, the article's."""
    items = ["<li>年滿20歲至35歲</li>", "<li>設籍或在台北工作</li>", "<li>名下無自有住宅</li>"]
    body = "".join(f"<p>{x}</p>" for x in _PARAGRAPHS[:2]) + f"<ul>{''.join(items)}</ul>" + "".join(
        f"<p>{x}</p>" for x in _PARAGRAPHS[2:])
    (tmp_path / "a.html").write_text(
        '<html lang="zh-Hant"><head><meta charset="utf-8"><title>公車票價明年調整</title>'
        '<meta property="article:published_time" content="2025-03-05T10:00:00+08:00"></head>'
        f"<body><article><h1>公車票價明年調整</h1>{body}</article></body></html>", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs, problems = read_corpus(tmp_path / "a.html")
    assert "- 設籍或在台北工作" in docs["text"].iat[0].split("\n") and problems.empty


def test_errors_raise_names_the_file_and_line():
    with pytest.raises(CorpusError, match="p.txt"):
        drop_furniture(_docs([*_PARAGRAPHS, "▶ 點我加入好友"]), errors="raise")


def test_read_corpus_takes_it_as_an_option():
    rules, _ = read_corpus(SEEDS_DIR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        shaped, problems = read_corpus(SEEDS_DIR, furniture="shape")
    pd.testing.assert_frame_equal(rules, shaped)  # the seed's article holds paragraphs only
    with pytest.raises(ValueError, match="furniture must be"):
        read_corpus(SEEDS_DIR, furniture="words")


def test_the_shipped_model_is_the_one_its_pages_give():
    """benchmarks/train_lineshape.py fits the model again from benchmarks/data/pages and compares it with
    analysis/data/lineshape.txt, number by number."""
    run = subprocess.run([sys.executable, str(PROJ_ROOT / "benchmarks" / "train_lineshape.py"), "--check"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "the same" in run.stdout


def test_the_check_finds_a_model_that_differs(tmp_path):
    shipped = (PROJ_ROOT / "analysis" / "data" / "lineshape.txt").read_text(encoding="utf-8")
    changed = tmp_path / "lineshape.txt"
    changed.write_text(shipped.replace("intercept\t", "intercept\t1"), encoding="utf-8")
    run = subprocess.run([sys.executable, str(PROJ_ROOT / "benchmarks" / "train_lineshape.py"), "--check",
                          "--out", str(changed)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 1 and "differs" in run.stdout
