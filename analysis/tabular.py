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

import logging
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from functools import reduce

from .bylines import parse_byline
from .errors import CorpusError, CorpusWarning, problem_row
from .related import is_outlet_call, join_wrapped
from .tables import COLUMNS, is_missing
from .tabular_cells import column_key, paragraphs, reporters
from .tabular_cells import cell_text as _text
from .tabular_cells import extra_value as _extra
from .tabular_cells import is_blank as _blank
from .tabular_cells import whole_number as _whole
from .tabular_dates import Published, parse_published
from .tabular_related import related_items
from .text import content_id, is_site_line, is_truncated
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
                  "日期", "時間", "时间", "published_time", "date_publish"),
    "text": ("text", "content", "body", "article", "article_body", "內文", "内文", "內容", "内容", "正文", "全文",
             "paragraphs", "raw_text", "maintext", "content_text", "content_html"),
    "summary": ("summary", "description", "摘要", "excerpt", "meta_description", "abstract"),
    "outlet": ("outlet", "source", "media", "from", "publisher", "媒體", "媒体", "來源", "来源", "site_name",
               "meta_site_name", "source_name", "source_hostname", "hostname", "SourceCommonName"),
    "url": ("url", "link", "href", "網址", "网址", "連結", "链接", "source_url", "canonical_url", "canonical_link",
            "DocumentIdentifier"),
    "reporter": ("reporter", "author", "byline", "記者", "记者", "作者", "authors", "creator"),
    "related": ("related", "related_news", "related_articles", "related_items", "related_links", "相關新聞",
                "相关新闻", "延伸閱讀", "延伸阅读", "相關報導", "相关报道"),
    "page": ("page_id", "page"),
    "position": ("position", "rank"),
    "kind": ("kind", "type"),
}
#: The fields, in the order :func:`recognise_columns` returns them.
FIELDS = tuple(NAMES)
#: Values of a kind column and the kind each names.
KINDS = {"article": "article", "main": "article", "主文": "article", "文章": "article",
         "related": "related", "相關": "related", "相关": "related", "相關新聞": "related", "相关新闻": "related"}
#: Columns that mark an export whose times are UTC though they name no zone (GDELT's: DocumentIdentifier,
#: SourceCommonName, DATE as ``YYYYMMDDHHMMSS`` in UTC): ``time_zone`` ``"UTC"``.
UTC_COLUMNS = ("DocumentIdentifier", "SourceCommonName")
#: The ``format`` column's value for a DataFrame.
FRAME_FORMAT = "dataframe"

_UNNAMED = "Unnamed: "
_URL = re.compile(r"https?://", re.I)


def listing(names) -> str:
    return ", ".join(map(repr, names)) or "none"


def recognise_columns(names, *, columns: ColumnMap | None = None, source: str = "<table>") -> dict[str, str]:
    """Which column holds which field: the ``columns`` mapping, and for the other fields a column named as in
    :data:`NAMES`, else a nested record's column whose name's last part is (``meta.title``;
    :func:`analysis.tabular_cells.flatten`).

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
    >>> recognise_columns(["meta.title", "meta.published", "content.paragraphs", "relatedNews"])
    {'title': 'meta.title', 'published': 'meta.published', 'text': 'content.paragraphs', 'related': 'relatedNews'}
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
        raise ValueError(f"columns= maps unknown field(s) {listing(unknown)}; the fields are {listing(FIELDS)}")
    for field, column in columns.items():
        if column is not None and column not in names:
            raise CorpusError(f"no column {column!r} for {field} (columns: {listing(names)})", path=source)
    chosen = {f: c for f, c in columns.items() if c is not None}
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(column_key(name), name)
    for name in names:  # a nested record's meta.title, where no column is named title itself
        by_key.setdefault(column_key(name.rsplit(".", 1)[-1]), name)
    for field, candidates in NAMES.items():
        found = (by_key.get(column_key(c)) for c in candidates if field not in columns)
        column = next((c for c in found if c is not None and c not in chosen.values()), None)
        if column is not None:
            chosen[field] = column
    if not chosen.keys() & {"title", "text", "summary"}:
        raise CorpusError(f"no title, text or summary column (columns: {listing(names)}); "
                          "name them with columns={'title': ..., 'text': ...}", path=source)
    return {f: chosen[f] for f in FIELDS if f in chosen}


#: Rows made into documents at a time by :meth:`_Table.blocks`: a table of millions of rows is never
#: held as documents (Python dicts, several times its size) all at once.
BLOCK_ROWS = 20_000
_UTC_TABLE = frozenset(column_key(name) for name in UTC_COLUMNS)
_KIND_KEYS = frozenset(column_key(name) for name in NAMES["kind"])
_KIND_VALUES = frozenset({"", *KINDS})

#: A row as the format readers give it: its number, its cells by column (None for a line that holds no
#: row), what the reader noted about it (``(action, reason, content)``) and the file's line it starts on.
Row = tuple["int | None", "dict | None", list, "int | None"]


class Survey:
    """What a first pass over a table's rows tells the second (:class:`_Table`): which unnamed columns
    (``Unnamed: 3``) hold a value anywhere, and which columns that could say a document's kind (``kind``,
    ``type``) hold something else somewhere, so that the rows can then be read a block at a time.

    Examples
    --------
    >>> survey = Survey()
    >>> survey.see({"type": "article", "Unnamed: 2": ""}); survey.see({"type": "related", "Unnamed: 2": " "})
    >>> survey.filled, survey.not_kinds
    (set(), set())
    >>> survey.see({"type": "opinion", "Unnamed: 2": "x"}); survey.filled, survey.not_kinds
    ({'Unnamed: 2'}, {'type'})
    """

    def __init__(self) -> None:
        self.filled: set[str] = set()
        self.not_kinds: set[str] = set()
        self._kindish: dict[str, bool] = {}

    def see(self, cells: Mapping) -> None:
        """Take one row's cells (by column name) into account."""
        for name, value in cells.items():
            if name.startswith(_UNNAMED):
                if name not in self.filled and not _blank(value):
                    self.filled.add(name)
                continue
            kindish = self._kindish.get(name)
            if kindish is None:
                kindish = self._kindish[name] = column_key(name) in _KIND_KEYS
            if kindish and name not in self.not_kinds and column_key(_text(value)) not in _KIND_VALUES:
                self.not_kinds.add(name)


def surveyed(rows: Iterable[Row]) -> Survey:
    """The :class:`Survey` of a table's rows: a first pass over them."""
    survey = Survey()
    for _, cells, _, _ in rows:
        if cells:
            survey.see(cells)
    return survey


def joined(blocks: Iterable[tuple[list[dict], list[dict]]]) -> tuple[list[dict], list[dict]]:
    """The documents and problems of blocks (:meth:`_Table.blocks`), all in one list each."""
    docs, problems = [], []
    for block_docs, block_problems in blocks:
        docs.extend(block_docs)
        problems.extend(block_problems)
    return docs, problems


class _Table:
    """One table's rows to documents, and a problem row for every warning, a block of rows at a time."""

    def __init__(self, names: list[str], survey: Survey, *, source, fmt: str, prefix: str, columns, errors: Errors,
                 unit="row"):
        self.source, self.fmt, self.prefix, self.errors, self.unit = str(source), fmt, prefix, errors, unit
        self.names = names
        self.fields = recognise_columns(names, columns=columns, source=self.source)
        if "kind" in self.fields and "kind" not in (columns or {}) and self.fields["kind"] in survey.not_kinds:
            del self.fields["kind"]  # a "type" column of something else: kept as it is
        # the other columns an outlet's name may be in, preferred first
        by_key = {column_key(n): n for n in reversed(names)}
        self.outlets = [by_key[column_key(c)] for c in NAMES["outlet"]
                        if column_key(c) in by_key and by_key[column_key(c)] != self.fields.get("outlet")]
        self.docs: list[dict] = []
        self.problems: list[dict] = []
        self.ids: dict[str, int] = {}
        self.pages: dict[str, int] = {}
        # a GDELT export: its DATE is UTC by the format's definition, though it names no zone
        self.utc = {column_key(n) for n in names} >= _UTC_TABLE
        logger.info("%s: %s", self.source, ", ".join(f"{f} from {c!r}" for f, c in self.fields.items()))
        used = set(self.fields.values())
        reserved = set(COLUMNS) | {"url", "summary"}
        self.extras = [(f, self.fields[f]) for f in ("url", "summary") if f in self.fields]
        for name in self.names:
            if name in used or name.startswith(_UNNAMED) and name not in survey.filled:
                continue
            out = name
            while out in reserved:
                out = "input_" + out
            reserved.add(out)
            self.extras.append((out, name))

    def problem(self, row: int | None, action: str, reason: str, content: str = "", *, line: int | None = None) -> None:
        where = f"{self.unit} {row}: " if row is not None else ""
        if self.errors == "raise":
            raise CorpusError(where + reason, path=self.source, line=line)
        self.problems.append(problem_row(self.source, row, action=action, reason=reason, content=content[:200]))
        location = self.source + (f":{line}" if line is not None else "")  # file:line for an editor
        warnings.warn(f"{location}: {where}{reason}", CorpusWarning, stacklevel=4)

    def blocks(self, rows: Iterable[Row], *, size: int | None = None) -> Iterator[tuple[list[dict], list[dict]]]:
        """The documents and problems of ``rows``, in order, after every ``size`` documents (default
        :data:`BLOCK_ROWS`) and at the end."""
        size = size or BLOCK_ROWS
        rows = iter(rows)
        try:
            for row, cells, notes, line in rows:
                for action, reason, content in notes:
                    self.problem(row, action, reason, content, line=line)
                if cells is not None:
                    self.row(row, cells, line)
                    if len(self.docs) >= size:
                        yield self.docs, self.problems
                        self.docs, self.problems = [], []
        finally:  # a file read as it is needed is closed now, not when a kept exception lets go of it
            close = getattr(rows, "close", None)
            if close is not None:
                close()
        yield self.docs, self.problems

    def without_site_lines(self, text: str, row: int, line: int | None) -> str:
        """An article's text without the site's lines (:func:`analysis.text.is_site_line`: captions, share
        bars, copyright, an editor's note), reported once for the row as a page's are."""
        lines = text.split("\n")
        sites = [is_site_line(x.strip()) or is_outlet_call(x.strip()) for x in lines]
        if not any(sites):
            return text
        self.problem(row, "unplaced", f"the site's lines in the article's text (share bars, adverts, tags, credits): "
                     f"{sum(sites)} line(s) left out", lines[sites.index(True)], line=line)
        return "\n".join(x for x, site in zip(lines, sites) if not site)

    def row(self, row: int, cells: dict, line: int | None) -> None:
        get = {f: cells.get(c) for f, c in self.fields.items()}.get
        texts = {f: _text(cells.get(c)) for f, c in self.fields.items()}
        if not any(texts.values()) and all(_blank(v) for v in cells.values()):
            return self.problem(row, "skipped", "empty row", line=line)
        title = reduce(join_wrapped, [x.strip() for x in paragraphs(get("title")).split("\n") if x.strip()], "")
        text = paragraphs(get("text")) or paragraphs(get("summary"))
        if not title and not text:
            self.problem(row, "left empty", "no title or text", line=line)
        raw = texts.get("published", "")
        when = self.published(get("published"), raw, row, line)
        page = texts.get("page", "")
        page_id = (f"{self.prefix}:{page}" if self.prefix else page) if page else f"{self.prefix or 'row'}:{row}"
        order = self.pages.get(page_id, 0)
        self.pages[page_id] = order + 1
        raw = texts.get("position", "")
        position = _whole(get("position")) if raw else None
        if position is None and raw:
            self.problem(row, "left empty", f"position {raw[:60]!r} is not a whole number "
                         "from 0 (read from the row order)", raw, line=line)
        position = position if position is not None else order if "page" in self.fields else 0
        raw = texts.get("kind", "")
        kind = KINDS.get(column_key(raw)) if raw else None
        if kind is None and raw:
            self.problem(row, "kept", f"kind {raw[:60]!r} is neither article nor related "
                         "(read from the position)", raw, line=line)
        kind = kind or ("article" if position == 0 else "related")
        if kind == "article" and text:  # a scraper's text keeps the site's lines a page's reader leaves out
            text = self.without_site_lines(text, row, line)
        reporter, place = reporters(get("reporter")) if texts.get("reporter") else ("", "")
        outlet = texts.get("outlet", "")
        if _URL.match(outlet):  # trafilatura's source is the page's address: the site's name is in another column
            outlet = next((v for c in self.outlets if (v := _text(cells.get(c))) and not _URL.match(v)), "")
        if not reporter and kind == "article" and text:  # （中央社記者鄭宇軒台北7日電）… opening the text
            byline = parse_byline(text.split("\n", 1)[0])
            if byline is not None and byline["reporter"]:
                reporter, place = byline["reporter"], byline["reporter_place"]
                outlet = outlet or byline["outlet"]
        record = self.record(row, line, page_id, position, kind=kind, title=title, when=when, text=text)
        record.update(outlet=outlet, reporter=reporter, reporter_place=place)
        for out, name in self.extras:
            record[out] = paragraphs(cells.get(name)) or None if out == "summary" else _extra(cells.get(name))
        self.docs.append(record)
        if texts.get("related") and kind == "article":
            self.related(row, line, page_id, get("related"))

    def published(self, value, raw: str, row: int, line: int | None) -> Published:
        """A time cell read (:func:`parse_published`), or left empty with a problem."""
        when = parse_published(value) if raw else Published(None, "", "")
        if when is None:
            self.problem(row, "left empty", f"unparseable time {raw[:60]!r}", raw, line=line)
            return Published(None, "", "")
        if self.utc and when.value is not None and not when.time_zone:
            return when._replace(time_zone="UTC")
        return when

    def record(self, row: int, line: int | None, page_id: str, position: int, *, kind: str, title: str,
               when: Published, text: str) -> dict:
        """A document of the row, its ``doc_id`` made unique (``~2``... flagged)."""
        doc_id = base = f"{page_id}:{position:02d}"
        copy = 1
        while doc_id in self.ids:
            copy += 1
            doc_id = f"{base}~{copy}"
        if copy > 1:
            self.problem(row, "kept", f"doc_id {base!r} is already {self.unit} {self.ids[base]}'s; named {doc_id!r}",
                         line=line)
        self.ids[doc_id] = row
        record = dict.fromkeys(COLUMNS, "")
        record.update(
            doc_id=doc_id, page_id=page_id, kind=kind, position=position, title=title, published=when.value,
            published_precision=when.precision, time_zone=when.time_zone, text=text, truncated=is_truncated(text),
            content_id=content_id(title, text), source=self.source, line=None, row=row, format=self.fmt)
        return record

    def related(self, row: int, line: int | None, page_id: str, value) -> None:
        """The related-news items of a row's cell (:func:`analysis.tabular_related.related_items`), documents of
        its page at positions 1, 2...; an item that cannot be read is a problem."""
        items, problems = related_items(value)
        for reason in problems:
            self.problem(row, "left empty" if reason.startswith("unparseable") else "skipped",
                         f"related news: {reason}", line=line)
        for position, item in enumerate(items, 1):
            when = item.published
            if self.utc and when.value is not None and not when.time_zone:
                when = when._replace(time_zone="UTC")
            record = self.record(row, line, page_id, position, kind="related", title=item.title, when=when,
                                 text=item.summary)
            record.update(dict.fromkeys((out for out, _ in self.extras), None), url=item.url)
            self.docs.append(record)


def unique_names(names) -> list[str]:
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

