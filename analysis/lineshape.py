"""The site's lines left in an article's text, told by their shape: a step of :func:`analysis.read_corpus`
(``furniture="shape"``, the default; ``"rules"`` leaves it out).

The page reader leaves out the lines its rules know (menus, share bars, credits, calls to follow, lists); a site's
line worded anew stays in the text. This step reads each line the rules kept by its shape alone, not by its words:
its length, how it ends, its commas and full stops, its marks and brackets, its digits and Latin letters, where it
stands in the text and the lengths of the lines beside it (:func:`line_features`). A logistic regression over those
features, fitted on hand-annotated pages by ``benchmarks/train_lineshape.py`` (:data:`MODEL_FILE`), gives each line
the probability that it is the article's; a line below :data:`THRESHOLD` is left out, unless its form is the
article's (:func:`kept_by_form`: it ends a sentence or a quotation, it is a lead-in or under one, or one of a list's
items or a table's rows), and said in the problems table with its words, so that nothing is lost silently. Texts of
fewer than :data:`SHORTEST_TEXT` lines are left as the rules read them.

The model alone lost short paragraphs (a one-sentence paragraph, a quotation or a question alone on its line):
29 of 173 on a set of 15 pages written for it to be hard, and 136 of the 4,120 lines of the synthetic crawl's
articles. With the sentence's end kept, on 30 pages of 30 outlets that neither the rules nor the model were written
on, lines kept that are the article's went from 78% (the rules alone) to 94%, and 316 of their 318 paragraphs were
kept (two lead-ins ending with a colon, now kept too); ``benchmarks/train_lineshape.py``
prints its own figures, out of fold, on the sets it is fitted on. A caption or subhead that ends a sentence stays.
"""

from __future__ import annotations

import functools
import math
import re
import warnings
from typing import Literal

import numpy as np
import pandas as pd

from .config import DATA_DIR
from .errors import CorpusError, CorpusWarning, problem_row
from .selection import of_kind, with_texts
from .text import LIST_ITEM, paired
from .typedefs import Errors

#: How the site's lines are told from the article's: by the reader's rules alone, or by their shape too.
Furniture = Literal["rules", "shape"]
#: The fitted model: each feature's mean, scale and weight, then the intercept (tab-separated text).
MODEL_FILE = DATA_DIR / "lineshape.txt"
#: A kept line whose probability of being the article's is below this is left out.
THRESHOLD = 0.02
#: Texts of fewer lines are left as the rules read them.
SHORTEST_TEXT = 4
#: A line ending so (a sentence's end, a quotation's close) is the article's whatever its shape: of the 1,977
#: article's lines of the annotated sets, 1,974 end so, and short sentences (a one-line paragraph, a quotation alone
#: on its line) are what the model alone lost. Captions and subheads that end so stay in the text.
SENTENCE_ENDS = ("。", "！", "？", "」", "』", "!", "?", "”")
#: A lead-in: a line ending with a colon after a Han character (``新制重點如下：``, ``他說：``), the article's whatever
#: its shape, as are the lines under it (:func:`kept_by_form`); not a row of colons (``:::``).
_LEAD_IN = re.compile(r"[\u3400-\u9fff][：:]\s*$")

#: Marks that open a site's line more often than the article's: a link's arrow, a caption's triangle, a bracket.
_MARKS = "►▶★※#【▲●☆＊*〔(（"
#: An item of a list or a row of data: a number or a bullet opening it (``1.``, ``2、``, ``3號``, ``（一）``, ``①``,
#: ``- ``, as trafilatura writes a web page's list items, ``•``), or a label and a colon before a value in words
#: (``北部：良好``; not a page's tools, ``分享：Facebook``, nor a time, ``更新：09:30``).
_ITEM = re.compile(rf"{LIST_ITEM.pattern}|^\s*[-–•・▪◦]\s*[^\W\d_]|^[^：:，。]{{1,10}}[：:](?=.*[\u3400-\u9fff])\S")
_REPORTING = re.compile(r"表示|說|指出|強調|認為|透露|呼籲|批評|回應|坦言|宣布|提醒|建議|分析|預估|統計")
_CREDIT = re.compile(r"提供|攝|圖|照片|資料照|取自|翻攝")
_CALL = re.compile(r"訂閱|加入|下載|追蹤|點|按讚|粉絲|LINE|APP|App|Podcast")
_BRACKET_END = re.compile(r"[（(][^（）()]{0,20}[）)]$")
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}")

#: The features' names, in the order :func:`line_features` gives them.
FEATURES = ("log_length", "under_20", "under_35", "under_60", "ends_full_stop", "ends_exclamation_or_question",
            "ends_quote", "ends_bracket", "commas", "full_stops", "has_quote", "reports", "digit_share",
            "latin_share", "opens_with_mark", "bracket_at_end", "first", "last", "position", "log_length_before",
            "log_length_after", "before_ends_full_stop", "after_ends_full_stop", "credit_words", "call_words",
            "has_space", "has_bar", "has_date")


def line_features(lines: list[str]) -> np.ndarray:
    """Each line's shape among the lines of one text (a row a line, the columns :data:`FEATURES`).

    Examples
    --------
    >>> line_features(["颱風逼近。", "分享"]).shape
    (2, 28)
    """
    rows = []
    n = len(lines)
    for k, line in enumerate(lines):
        size = len(line)
        before, after = (lines[k - 1] if k else ""), (lines[k + 1] if k + 1 < n else "")
        rows.append([
            math.log1p(size), size < 20, size < 35, size < 60, line.endswith("。"),
            line.endswith(("！", "？", "!", "?")), line.endswith("」"), line.endswith(("）", ")")),
            line.count("，") + line.count(","), line.count("。"), "「" in line, bool(_REPORTING.search(line)),
            sum(c.isdigit() for c in line) / max(size, 1),
            sum(c.isascii() and c.isalpha() for c in line) / max(size, 1),
            line[:1] in _MARKS, bool(_BRACKET_END.search(line)), k == 0, k == n - 1,
            k / max(n - 1, 1), math.log1p(len(before)), math.log1p(len(after)), before.endswith("。"),
            after.endswith("。"), bool(_CREDIT.search(line)), bool(_CALL.search(line)), " " in line.strip(),
            "｜" in line or "|" in line, bool(_DATE.search(line))])
    return np.array(rows, dtype=np.float64).reshape(n, len(FEATURES))


def kept_by_form(lines: list[str]) -> np.ndarray:
    """The lines of one text kept whatever their shape says: a line ending a sentence or a quotation
    (:data:`SENTENCE_ENDS`), a lead-in (a colon after a Han character) and the lines under it down to the first that
    ends a sentence or opens with a site's mark (a list the article introduces: ``領取方式如下：`` over ``ATM領取``),
    and two or more lines in a row that are items of a list or rows of data (``1號 …``, ``北部：良好``).

    Examples
    --------
    >>> lines = ["領取方式如下：", "ATM領取", "郵局臨櫃領取", "▶ 點我", "北部：良好", "竹苗：普通", "記者王小明"]
    >>> kept_by_form(lines).tolist()
    [True, True, True, False, True, True, False]
    """
    ends = [x.rstrip().endswith(SENTENCE_ENDS) for x in lines]
    leads = [bool(_LEAD_IN.search(x)) for x in lines]
    keep = [end or lead for end, lead in zip(ends, leads)]
    under = False  # below a lead-in
    for k, line in enumerate(lines):
        under = under and line[:1] not in _MARKS
        keep[k] = keep[k] or under
        under = leads[k] or (under and not ends[k])
    return np.array(keep, dtype=bool) | paired([bool(_ITEM.search(x)) for x in lines])


@functools.cache
def _model() -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """The means, scales and weights of :data:`FEATURES` and the intercept, from :data:`MODEL_FILE` (read once)."""
    rows = dict(line.split("\t", 1) for line in MODEL_FILE.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#"))
    values = np.array([[float(x) for x in rows[name].split("\t")] for name in FEATURES])
    return values[:, 0], values[:, 1], values[:, 2], float(rows["intercept"])


def article_probability(lines: list[str]) -> np.ndarray:
    """The probability that each line of one text is the article's, not the site's, by its shape.

    Examples
    --------
    >>> paragraph = "台北市政府今天宣布，明年起全面調整公車票價，並將增加偏鄉路線的班次，以回應居民的需求。"
    >>> p = article_probability([paragraph, "▶ 點我加入好友"])
    >>> bool(p[0] >= THRESHOLD), bool(p[1] < THRESHOLD)
    (True, True)
    """
    if not lines:
        return np.zeros(0)
    mean, scale, weight, intercept = _model()
    z = (line_features(lines) - mean) / scale @ weight + intercept
    return 1.0 / (1.0 + np.exp(-z))


def drop_furniture(docs: pd.DataFrame, *, threshold: float = THRESHOLD, errors: Errors = "warn"
                   ) -> tuple[pd.DataFrame, list[dict]]:
    """Leave out of each article's text the lines whose shape is the site's (:func:`article_probability` below
    ``threshold``), each said in a problem row with its words.

    Parameters
    ----------
    docs : DataFrame
        The documents table.
    threshold : float
        The probability of being the article's under which a line is left out.
    errors : {"warn", "raise"}
        Warn for each line left out (:class:`analysis.CorpusWarning`), or raise :class:`analysis.CorpusError`.

    Returns
    -------
    tuple of DataFrame and list of dict
        The documents, those changed with their ``text``, ``truncated`` and ``content_id`` made again, and one
        problem row for each line left out (action ``unplaced``, at the article's line).

    Examples
    --------
    >>> paragraph = "颱風逼近，氣象署今天上午發布海上警報，提醒民眾做好防颱準備，並注意強風豪雨。"
    >>> docs = pd.DataFrame({"kind": ["article"], "source": ["p.txt"], "line": [3], "title": ["颱風來襲"],
    ...                      "text": ["\\n".join([paragraph, paragraph, "▶ 點我加入好友", paragraph])],
    ...                      "truncated": [False], "content_id": [""]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     out, problems = drop_furniture(docs)
    >>> out["text"].iat[0].count("\\n"), problems[0]["content"]
    (2, '▶ 點我加入好友')
    """
    problems: list[dict] = []
    changed: dict[int, str] = {}
    for at in np.flatnonzero(of_kind(docs, "article")):
        text = docs["text"].iat[at]
        lines = [x for x in str(text).split("\n") if x.strip()] if isinstance(text, str) else []
        if len(lines) < SHORTEST_TEXT:
            continue  # a text of a few lines: too few for their places and neighbours to tell
        keep = (article_probability(lines) >= threshold) | kept_by_form(lines)
        if keep.all():
            continue
        source, line = str(docs["source"].iat[at]), docs["line"].iat[at]
        lineno = None if pd.isna(line) else int(line)
        for dropped in (x for x, kept in zip(lines, keep) if not kept):
            reason = "a line shaped like the site's, not the article's: left out of its text (furniture='shape')"
            if errors == "raise":
                raise CorpusError(reason, path=source, line=lineno)
            problems.append(problem_row(source, lineno, action="unplaced", reason=reason, content=dropped))
            warnings.warn(f"{source}:{lineno}: {reason}: {dropped[:40]!r}", CorpusWarning, stacklevel=3)
        changed[at] = "\n".join(x for x, kept in zip(lines, keep) if kept)
    return (with_texts(docs, list(changed), list(changed.values())) if changed else docs), problems
