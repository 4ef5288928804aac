"""Tables, one document a row: which column holds which field, and each row's document.

Which column holds which field (:data:`FIELDS`) is given by a ``columns=`` mapping or recognised by
name (:data:`NAMES`; :func:`recognise_columns`), and logged at INFO level. Every data row becomes a
document or a problem row naming it (an empty row, a broken JSON line); a cell that cannot be read (a
time, a position) is left empty with a problem row, and the document kept. Columns that fill no field
are kept under their own names, after :data:`analysis.tables.COLUMNS` (``url`` and ``summary`` under
those names; a name the table shares with a fixed column gets the prefix ``input_``).

Times are read by :func:`analysis.tabular_dates.parse_published`. The files and DataFrames themselves are
read by :mod:`analysis.tabular_files` (``read_table``, ``read_frame``).
"""

from __future__ import annotations

import json
import logging
import numbers
import re
import unicodedata
import warnings
from collections.abc import Mapping
from datetime import date
from functools import reduce


from .errors import CorpusError, CorpusWarning, problem_row
from .related import join_wrapped
from .tables import COLUMNS, is_missing
from .tabular_dates import Published, parse_published
from .text import content_id, is_truncated
from .typedefs import Errors

logger = logging.getLogger(__name__)

#: Which column holds which field: field name -> column name (None: no column holds it, none recognised).
ColumnMap = Mapping[str, "str | None"]

#: The fields a column can fill, each with the column names recognised for it, preferred first. Names
#: are compared without case, spaces, ``_`` or ``-``; a ``kind`` column is recognised only when every
#: value names a kind (:data:`KINDS`).
NAMES = {
    "title": ("title", "headline", "標題", "标题", "題目", "题目"),
    "published": ("published", "published_at", "publish_time", "publish_date", "pubdate", "date_published",
                  "發布時間", "发布时间", "發佈時間", "发表时间", "發表時間", "datetime", "date", "time", "timestamp",
                  "日期", "時間", "时间"),
    "text": ("text", "content", "body", "article", "article_body", "內文", "内文", "內容", "内容", "正文", "全文"),
    "summary": ("summary", "description", "摘要"),
    "outlet": ("outlet", "source", "media", "from", "publisher", "媒體", "媒体", "來源", "来源"),
    "url": ("url", "link", "href", "網址", "网址", "連結", "链接"),
    "reporter": ("reporter", "author", "byline", "記者", "记者", "作者"),
    "page": ("page_id", "page"),
    "position": ("position", "rank"),
    "kind": ("kind", "type"),
}
#: The fields, in the order :func:`recognise_columns` returns them.
FIELDS = tuple(NAMES)
#: Values of a kind column and the kind each names.
KINDS = {"article": "article", "main": "article", "主文": "article", "文章": "article",
         "related": "related", "相關": "related", "相关": "related", "相關新聞": "related", "相关新闻": "related"}
#: The ``format`` column's value for a DataFrame.
FRAME_FORMAT = "dataframe"

_NEWLINES = re.compile(r"\r\n?")
_UNNAMED = "Unnamed: "


def _key(name) -> str:
    return re.sub(r"[\s_\-]", "", unicodedata.normalize("NFKC", str(name))).casefold()


def _text(v) -> str:
    """A cell as text: empty for a missing value, whole numbers without ``.0``, line breaks as ``\\n``."""
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
    return _NEWLINES.sub("\n", s).encode("utf-8", "replace").decode("utf-8")


def _extra(v):
    """A cell of a column that fills no field: numbers and dates as they are, text with ``\\n`` line breaks,
    nested values as JSON; None when empty."""
    if isinstance(v, (numbers.Number, date)) and not is_missing(v):
        return v
    if isinstance(v, str):
        return _clean(v) if v.strip() else None
    return _text(v) or None


def _blank(v) -> bool:
    return not _text(v)


def _whole(v) -> int | None:
    try:
        number = float(unicodedata.normalize("NFKC", v) if isinstance(v, str) else v)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(number) if number.is_integer() and 0 <= number < 10**6 and not isinstance(v, bool) else None


def _listing(names) -> str:
    return ", ".join(map(repr, names)) or "none"


def recognise_columns(names, *, columns: ColumnMap | None = None, source: str = "<table>") -> dict[str, str]:
    """Which column holds which field: the ``columns`` mapping, and for the other fields a column named as in
    :data:`NAMES`.

    Parameters
    ----------
    names : iterable
        The table's column names.
    columns : mapping, optional
        Field -> column name, for fields from :data:`FIELDS`; a field mapped to None is in no column.
    source : str
        The table, for error messages.

    Returns
    -------
    dict
        Field -> column name, in the order of :data:`FIELDS`.

    Raises
    ------
    CorpusError
        When ``columns`` names a column the table does not have, or no column holds a title, text or summary.
    ValueError
        When ``columns`` maps a field that is not in :data:`FIELDS`.

    Examples
    --------
    >>> recognise_columns(["標題", "發布時間", "Content", "views"])
    {'title': '標題', 'published': '發布時間', 'text': 'Content'}
    >>> recognise_columns(["headline", "crawled", "date"], columns={"published": "crawled"})
    {'title': 'headline', 'published': 'crawled'}
    >>> recognise_columns(["id", "views"], source="crawl.csv")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: crawl.csv: no title, text or summary column (columns: 'id', 'views'); \
name them with columns={'title': ..., 'text': ...}
    """
    names = [str(n) for n in names]
    columns = dict(columns or {})
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise ValueError(f"columns= maps unknown field(s) {_listing(unknown)}; the fields are {_listing(FIELDS)}")
    for field, column in columns.items():
        if column is not None and column not in names:
            raise CorpusError(f"no column {column!r} for {field} (columns: {_listing(names)})", path=source)
    chosen = {f: c for f, c in columns.items() if c is not None}
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    for field, candidates in NAMES.items():
        found = (by_key.get(_key(c)) for c in candidates if field not in columns)
        column = next((c for c in found if c is not None and c not in chosen.values()), None)
        if column is not None:
            chosen[field] = column
    if not chosen.keys() & {"title", "text", "summary"}:
        raise CorpusError(f"no title, text or summary column (columns: {_listing(names)}); "
                          "name them with columns={'title': ..., 'text': ...}", path=source)
    return {f: chosen[f] for f in FIELDS if f in chosen}


class _Table:
    """One table's rows to documents, and a problem row for every warning."""

    def __init__(self, names: list[str], *, source, fmt: str, prefix: str, columns, errors: Errors, unit="row",
                 lines: dict[int, int] | None = None):
        self.source, self.fmt, self.prefix, self.errors, self.unit = str(source), fmt, prefix, errors, unit
        self.lines = lines or {}  # the line of the file each row starts on (a text file's rows only)
        self.names = names
        self.fields = recognise_columns(names, columns=columns, source=self.source)
        self.auto_kind = "kind" in self.fields and "kind" not in (columns or {})
        self.docs: list[dict] = []
        self.problems: list[dict] = []
        self.ids: dict[str, int] = {}
        self.pages: dict[str, int] = {}

    def problem(self, row: int | None, action: str, reason: str, content: str = "") -> None:
        where = f"{self.unit} {row}: " if row is not None else ""
        line = self.lines.get(row) if row is not None else None  # file:line for an editor; no line in a binary file
        if self.errors == "raise":
            raise CorpusError(where + reason, path=self.source, line=line)
        self.problems.append(problem_row(self.source, row, action=action, reason=reason, content=content[:200]))
        location = self.source + (f":{line}" if line is not None else "")
        warnings.warn(f"{location}: {where}{reason}", CorpusWarning, stacklevel=4)

    def read(self, rows: list[tuple[int | None, dict | None]], notes: dict) -> tuple[list[dict], list[dict]]:
        kinds = {_key(_text(c.get(self.fields["kind"]))) for _, c in rows if c} if self.auto_kind else set()
        if not kinds <= {"", *KINDS}:
            del self.fields["kind"]  # a "type" column of something else: kept as it is
        logger.info("%s: %s", self.source, ", ".join(f"{f} from {c!r}" for f, c in self.fields.items()))
        used = set(self.fields.values())
        reserved = set(COLUMNS) | {"url", "summary"}
        extras = [(f, self.fields[f]) for f in ("url", "summary") if f in self.fields]
        for name in self.names:
            if name in used or name.startswith(_UNNAMED) and all(_blank(c.get(name)) for _, c in rows if c):
                continue
            out = name
            while out in reserved:
                out = "input_" + out
            reserved.add(out)
            extras.append((out, name))
        for row, cells in rows:
            for action, reason, content in notes.get(row, ()):
                self.problem(row, action, reason, content)
            if cells is not None:
                self.row(row, cells, extras)
        return self.docs, self.problems

    def row(self, row: int, cells: dict, extras: list[tuple[str, str]]) -> None:
        if all(_blank(v) for v in cells.values()):
            return self.problem(row, "skipped", "empty row")
        get = {f: cells.get(c) for f, c in self.fields.items()}.get
        title = reduce(join_wrapped, [x.strip() for x in _text(get("title")).split("\n") if x.strip()], "")
        text = _text(get("text")) or _text(get("summary"))
        if not title and not text:
            self.problem(row, "left empty", "no title or text")
        when = parse_published(get("published")) if not _blank(get("published")) else Published(None, "", "")
        if when is None:
            raw = _text(get("published"))
            self.problem(row, "left empty", f"unparseable time {raw[:60]!r}", raw)
            when = Published(None, "", "")
        page = _text(get("page"))
        page_id = (f"{self.prefix}:{page}" if self.prefix else page) if page else f"{self.prefix or 'row'}:{row}"
        order = self.pages.get(page_id, 0)
        self.pages[page_id] = order + 1
        position = _whole(get("position")) if not _blank(get("position")) else None
        if position is None and not _blank(get("position")):
            self.problem(row, "left empty", f"position {_text(get('position'))[:60]!r} is not a whole number "
                         "from 0 (read from the row order)", _text(get("position")))
        position = position if position is not None else order if "page" in self.fields else 0
        kind = KINDS.get(_key(_text(get("kind")))) if not _blank(get("kind")) else None
        if kind is None and not _blank(get("kind")):
            self.problem(row, "kept", f"kind {_text(get('kind'))[:60]!r} is neither article nor related "
                         "(read from the position)", _text(get("kind")))
        kind = kind or ("article" if position == 0 else "related")
        doc_id = base = f"{page_id}:{position:02d}"
        copy = 1
        while doc_id in self.ids:
            copy += 1
            doc_id = f"{base}~{copy}"
        if copy > 1:
            self.problem(row, "kept", f"doc_id {base!r} is already {self.unit} {self.ids[base]}'s; named {doc_id!r}")
        self.ids[doc_id] = row
        record = dict.fromkeys(COLUMNS, "")
        record.update(
            doc_id=doc_id, page_id=page_id, kind=kind, position=position, title=title, published=when.value,
            published_precision=when.precision, time_zone=when.time_zone, outlet=_text(get("outlet")),
            reporter=_text(get("reporter")), text=text, truncated=is_truncated(text),
            content_id=content_id(title, text), source=self.source, line=None, row=row, format=self.fmt)
        for out, name in extras:
            record[out] = _extra(cells.get(name))
        self.docs.append(record)


def _unique_names(names) -> list[str]:
    out: list[str] = []
    for i, name in enumerate(names):
        name = "" if is_missing(name) else str(name).strip().strip("\ufeff").strip()
        base = name or f"{_UNNAMED}{i}"
        name, k = base, 0
        while name in out:
            k += 1
            name = f"{base}.{k}"
        out.append(name)
    return out

