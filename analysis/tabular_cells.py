"""A table's cells as the values of a document's fields, as scrapers write them.

A cell is text with ``\\n`` line breaks (:func:`cell_text`), a list of paragraphs joined by ``\\n``
(:func:`paragraphs`), HTML left in a cell read as text (:func:`html_text`: GDELT and RSS exports), an
author's cell read as a text page's byline is (:func:`reporters`: a list, ``記者王明／台北報導``), and a
related-news cell read as items (:func:`analysis.tabular_related.related_items`: a list of objects or
headlines, as JSON or one a line). Nested records (a JSON object's objects, MongoDB's extended
JSON) are made flat, their names dotted (:func:`flatten`).
"""

from __future__ import annotations

import ast
import html
import json
import numbers
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from .bylines import parse_byline, split_byline, without_reporter_word
from .datelines import parse_dateline
from .tables import is_missing

_NEWLINES = re.compile(r"\r\n?")


@lru_cache(maxsize=1024)
def column_key(name) -> str:
    """A column's name as names are compared: without case, spaces, ``_`` or ``-``."""
    return re.sub(r"[\s_\-]", "", unicodedata.normalize("NFKC", str(name))).casefold()


def cell_text(v) -> str:
    """A cell as text: empty for a missing value, whole numbers without ``.0``, line breaks as ``\\n``,
    nested values as JSON.

    Examples
    --------
    >>> cell_text(" 標題\\r\\n第二行 "), cell_text(3.0), cell_text(None), cell_text(["a", 1])
    ('標題\\n第二行', '3', '', '["a", 1]')
    """
    if type(v) is str:
        return _clean(v).strip()
    if is_missing(v):
        return ""
    if isinstance(v, bytes):
        v = v.decode("utf-8", "replace")
    elif isinstance(v, (dict, list, tuple)) or hasattr(v, "tolist") and not isinstance(v, numbers.Number):
        v = json.dumps(v.tolist() if hasattr(v, "tolist") else v, ensure_ascii=False, default=str)
    elif isinstance(v, float) and v.is_integer():
        v = str(int(v))
    return _clean(str(v)).strip()


def _clean(s: str) -> str:
    """Line breaks as ``\\n``; lone surrogates (which UTF-8 cannot hold) as ``?``."""
    if "\r" in s:
        s = _NEWLINES.sub("\n", s)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace").decode("utf-8")
    return s


def extra_value(v):
    """A cell of a column that fills no field: numbers and dates as they are, text with ``\\n`` line breaks,
    nested values as JSON; None when empty."""
    if isinstance(v, (numbers.Number, date)) and not is_missing(v):
        return v
    if isinstance(v, str):
        return _clean(v) if v.strip() else None
    return cell_text(v) or None


def is_blank(v) -> bool:
    """Does the cell hold nothing (white space, a missing value)?"""
    return not cell_text(v)


def whole_number(v) -> int | None:
    """The cell as a whole number from 0 to 999,999 (a position), or None."""
    try:
        number = float(unicodedata.normalize("NFKC", v) if isinstance(v, str) else v)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(number) if number.is_integer() and 0 <= number < 10**6 and not isinstance(v, bool) else None


# --- nested records ---------------------------------------------------------------------------------------


def _plain(value):
    """MongoDB's extended JSON values as their inner value ({"$date": ...}, {"$oid": ...}, {"$numberLong": ...}),
    in lists and objects too."""
    if isinstance(value, dict):
        if len(value) == 1:
            (name, inner), = value.items()
            if isinstance(name, str) and name.startswith("$"):
                return _plain(inner)
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def flatten(record: Mapping) -> dict:
    """A record with its nested objects' values under dotted names (``meta.title``); lists kept as they are.

    MongoDB's extended JSON values are their inner value (``{"$date": "2024-05-03T06:22:00Z"}`` is the
    date, ``{"$oid": ...}`` the id); an empty object is no value.

    Examples
    --------
    >>> flatten({"_id": {"$oid": "66a1"},
    ...          "meta": {"title": "颱風", "time": {"$date": {"$numberLong": "1714717320000"}}},
    ...          "content": {"paragraphs": ["第一段", "第二段"]}, "tags": {}})
    {'_id': '66a1', 'meta.title': '颱風', 'meta.time': '1714717320000', 'content.paragraphs': ['第一段', '第二段'], \
'tags': None}
    """
    out: dict = {}

    def add(prefix: str, value) -> None:
        value = _plain(value)
        if isinstance(value, dict):
            if not value:
                out[prefix] = None
            for name, inner in value.items():
                add(f"{prefix}.{name}" if prefix else str(name), inner)
        else:
            out[prefix] = value

    for name, value in record.items():
        add(str(name), value)
    return out


# --- HTML left in cells -----------------------------------------------------------------------------------

_MARKUP = re.compile(r"<\s*/?\s*(?:br|p|div|span|a|b|i|u|em|strong|font|img|h[1-6]|ul|ol|li|blockquote|figure|"
                     r"figcaption|table|tr|td|th|section|article|header|footer|small|sup|sub|iframe|script|style|"
                     r"center|hr|pre|code)\b[^<>]*>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});",
                     re.IGNORECASE)
_HIDDEN = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<\s*(?:br|hr)\b[^<>]*>|<\s*/?\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article|pre|"
                    r"figure|figcaption|ul|ol|table|header|footer)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>|<!--.*?-->", re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def has_markup(text: str) -> bool:
    """Does the text hold HTML: a tag or an entity (``<br>``, ``</p>``, ``&amp;``, ``&#39;``)?

    Examples
    --------
    >>> has_markup("A&amp;B"), has_markup("a<br />b"), has_markup("5 < 6 & 7 > 2"), has_markup("AT&T")
    (True, True, False, False)
    """
    return ("<" in text or "&" in text) and _MARKUP.search(text) is not None


def html_text(text: str, *, one_line: bool = False) -> str:
    """The text of a cell that holds HTML: ``<br>``, ``<p>``, ``</p>`` (and other blocks) break paragraphs,
    other tags are removed, entities decoded; one paragraph a line, none empty. A cell without markup is
    returned as it is.

    Parameters
    ----------
    text : str
        The cell.
    one_line : bool
        Join the paragraphs with a space (a title).

    Examples
    --------
    >>> html_text("颱風&quot;凱米&quot;來襲<br /><br />停班停課&amp;<b>交通</b>管制<p>第三段</p>")
    '颱風"凱米"來襲\\n停班停課&交通管制\\n第三段'
    >>> html_text("A&nbsp;&amp;&nbsp;B", one_line=True), html_text("5 < 6")
    ('A & B', '5 < 6')
    """
    if not has_markup(text):
        return text
    text = _TAG.sub("", _BREAK.sub("\n", _HIDDEN.sub("", text)))
    lines = (_SPACES.sub(" ", html.unescape(line)).strip() for line in text.split("\n"))
    return (" " if one_line else "\n").join(line for line in lines if line)


def paragraphs(value, *, one_line: bool = False) -> str:
    """A title's or a text's cell as text: a list of strings is its paragraphs, one a line (empty ones left
    out); HTML is read as text (:func:`html_text`).

    Examples
    --------
    >>> paragraphs(["第一段", "", " 第二段 "]), paragraphs("甲&amp;乙"), paragraphs(None)
    ('第一段\\n第二段', '甲&乙', '')
    """
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        text = "\n".join(p for p in (cell_text(v) for v in value) if p)
    else:
        text = cell_text(value)
    return html_text(text, one_line=one_line) if text else text


# --- reporters --------------------------------------------------------------------------------------------

_LIST_TEXT = re.compile(r"^\s*[\[(].*[\])]\s*$", re.DOTALL)
_NO_REPORTER = re.compile(r"^[^\w]*(?:\w{0,12}?(?:綜合|综合|外電|外电|編譯|编译|新聞|新闻|中心))?\s*"
                          r"(?:綜合|综合|即時|即时|外電|外电)*[報报][導导道][^\w]*$")
_NAME_KEYS = ("name", "author", "fullname", "display_name", "byline")


def listed(text: str):
    """A list written as text (JSON, or Python's ``['王明', '李華']`` as pandas writes a list into a CSV), or None.

    Examples
    --------
    >>> listed("['王明', '李華']"), listed('[{"title": "颱風"}]'), listed("[未完"), listed("王明")
    (['王明', '李華'], [{'title': '颱風'}], None, None)
    """
    if not _LIST_TEXT.match(text):
        return None
    for parse in (json.loads, ast.literal_eval):
        try:
            value = parse(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        if isinstance(value, (list, tuple)):
            return list(value)
    return None


@lru_cache(maxsize=4096)
def _byline(text: str) -> tuple[str, str]:
    head = parse_dateline(text)
    if head is not None and (head["reporter"] or not head["rest"]):
        return head["reporter"], head["reporter_place"]
    names, place = split_byline(text)
    if names:
        return names, place
    found = parse_byline(f"（{text}）")  # 中央社記者范姜志明台北4日電: read as in its brackets
    if found is not None and found["reporter"] and not found["rest"]:
        return found["reporter"], found["reporter_place"]
    if _NO_REPORTER.match(text):  # 綜合報導, 中央社綜合外電報導: a desk's report, no reporter
        return "", ""
    return without_reporter_word(text).strip(), ""


def reporters(value) -> tuple[str, str]:
    """An author's cell read as a text page's byline is: the reporters' names (written with ``、``) and the place
    they report from.

    A list (or a list written as text, JSON or Python's) is its names, each read as a byline; a byline
    (``記者黃柏翰、吳淑芬／新北報導``, ``文／林宏達``) is read by :func:`analysis.datelines.parse_dateline`;
    a desk's report (``綜合報導``) names no reporter; other text is kept as written.

    Examples
    --------
    >>> reporters("記者黃柏翰、吳淑芬／新北報導"), reporters("['王家豪', '林承恩']"), reporters("綜合報導")
    (('黃柏翰、吳淑芬', '新北'), ('王家豪、林承恩', ''), ('', ''))
    >>> reporters([{"name": "林宏達"}]), reporters("記者 王小明 台北報導"), reporters("John Smith")
    (('林宏達', ''), ('王小明', '台北'), ('John Smith', ''))
    >>> reporters("中央社記者范姜志明台北4日電"), reporters("中央社記者謝志豪、陳彥廷")
    (('范姜志明', '台北'), ('謝志豪、陳彥廷', ''))
    """
    items = list(value) if isinstance(value, (list, tuple)) else None
    if items is None:
        text = cell_text(value)
        items = listed(text) if text else None
        if items is None:
            return _byline(text) if text else ("", "")
    names, places = [], []
    for item in items:
        if isinstance(item, Mapping):
            item = next((item[k] for k in item if column_key(k) in _NAME_KEYS and isinstance(item[k], str)), "")
        name, place = _byline(cell_text(item)) if cell_text(item) else ("", "")
        names.extend(n for n in name.split("、") if n and n not in names)
        places.extend([place] * bool(place and place not in places))
    return "、".join(names), "、".join(places)
