"""Step 2 of the pipeline: parse news pages into a tidy table, one row per document.

A page holds a main article (a headline line, a dateline such as
``【新唐人亞太台 2020 年 09 月 17 日訊】`` that opens the body, body paragraphs)
and a ``相關新聞`` list: for each related item a ``-`` line, a headline line and a
line that starts with a timestamp followed at once by the item's summary.

Every non-blank line of a page lands in a field of the table or in the
*unplaced lines* table that ``load_corpus(..., report=True)`` returns, with the
reason; a parse that loses a line is a bug that the parser checks for itself.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal
from collections.abc import Iterable, Sequence

import pandas as pd

from .errors import CorpusError, CorpusWarning
from .read import decode, split_lines

logger = logging.getLogger(__name__)

PathLike = str | Path
Errors = Literal["warn", "raise"]

#: Columns of the documents table, in order.
COLUMNS = (
    "doc_id", "page_id", "kind", "position", "title", "published", "outlet", "reporter",
    "text", "truncated", "content_id", "dateline", "source", "line",
)
#: Columns of the unplaced-lines table.
LINE_COLUMNS = ("source", "line", "reason", "content")

RELATED_MARKERS = frozenset({"相關新聞", "相关新闻"})
ITEM_MARKERS = frozenset({"-", "－", "—", "–"})

# 【新唐人亞太台 2020 年 09 月 17 日訊】, 【新唐人北京時間2020年09月18日訊】, 【大紀元2020年09月17日訊】
_DATELINE = re.compile(
    r"^【\s*(?P<outlet>[^】\d]*?)\s*"
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[訊讯]\s*】"
)
# Time-zone words that sit between the outlet and the date: 新唐人北京時間 -> 新唐人.
_ZONE_SUFFIX = re.compile(r"(北京|台北|臺北|香港|紐約|纽约|美東|美东|當地|当地)?[時时][間间]$")
# (大紀元記者王明報導), (大紀元記者王明、李華台北報導), （記者王明／綜合報導）
_REPORTER = re.compile(r"\s*[(（](?P<inner>[^()（）]*?[記记]者[^()（）]*?)[)）]")
_REPORTER_NAME = re.compile(r"[記记]者(?P<name>[^／/]+?)(?:[／/][^／/]*)?(?:綜合|综合)?[報报][導导]")
# 2020-09-18 07:12:23, 2021/01/15 12:56, 2021-01-15T12:56:40, 2021.01.15
_TIMESTAMP = re.compile(
    r"^(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:[ T]|\u3000)+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
)
#: A text that ends in none of these is flagged as cut off mid-sentence.
SENTENCE_END = frozenset("。！？!?…」』”’\"）)】》.．~～")


@dataclass
class _Page:
    documents: list[dict] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)


def content_id(title: str, text: str) -> str:
    """Return a stable 16-hex-digit hash of a document's normalised title and text.

    Width variants, runs of whitespace and edge spaces do not change the hash, so
    the same related item crawled from many pages gets one ``content_id``.

    Examples
    --------
    >>> content_id("美駐ＵＮ大使", "") == content_id("美駐UN大使 ", "")
    True
    """
    norm = " ".join(unicodedata.normalize("NFKC", f"{title}\n{text}").split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def is_truncated(text: str) -> bool:
    """True when a non-empty text does not end with sentence-final punctuation."""
    text = text.rstrip()
    return bool(text) and text[-1] not in SENTENCE_END


def _clean(line: str) -> str:
    return line.strip().strip("\ufeff").strip()


def parse_dateline(line: str) -> dict | None:
    """Split a body's first line into its dateline fields and the rest.

    Returns
    -------
    dict or None
        ``outlet``, ``date`` (a :class:`datetime.datetime` or None when the date
        is impossible), ``reporter``, ``dateline`` (the brackets exactly as
        written) and ``rest``; None when the line has no dateline.

    Examples
    --------
    >>> d = parse_dateline("【大紀元2020年09月17日訊】(大紀元記者王明報導)台北")
    >>> d["outlet"], d["date"].day, d["reporter"], d["rest"]
    ('大紀元', 17, '王明', '台北')
    """
    m = _DATELINE.match(line)
    if m is None:
        return None
    outlet = _ZONE_SUFFIX.sub("", m["outlet"].strip()).strip()
    try:
        date = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        date = None
    end = m.end()
    reporter = ""
    r = _REPORTER.match(line, end)
    if r is not None:
        name = _REPORTER_NAME.search(r["inner"])
        reporter = name["name"].strip(" 、,") if name else ""
        end = r.end()
    return {"outlet": outlet, "date": date, "reporter": reporter,
            "dateline": line[:end].strip(), "rest": line[end:].strip()}


def parse_timestamp(line: str) -> tuple[re.Match | None, datetime | None]:
    """Match a timestamp at the start of a line and convert it.

    Returns the match (None when the line does not start with a timestamp) and
    the datetime (None when the timestamp is impossible, e.g. month 13).
    """
    m = _TIMESTAMP.match(line)
    if m is None:
        return None, None
    try:
        value = datetime(int(m["y"]), int(m["mo"]), int(m["d"]),
                         int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        value = None
    return m, value


class _Parser:
    """Parse one page's lines; collects documents, unplaced lines and warnings."""

    def __init__(self, lines: Sequence[str], *, source: Path, page_id: str, errors: Errors):
        self.lines = [_clean(x) for x in lines]
        self.source = source
        self.page_id = page_id
        self.errors = errors
        self.page = _Page()
        #: Why the page gave no document (None when it gave some).
        self.skipped: str | None = None

    # -- reporting -------------------------------------------------------------
    def problem(self, reason: str, lineno: int | None) -> None:
        """Warn (or raise, with errors='raise') about a problem at a line."""
        if self.errors == "raise":
            raise CorpusError(reason, path=self.source, line=lineno)
        where = f"{self.source}:{lineno}" if lineno else str(self.source)
        warnings.warn(f"{where}: {reason}", CorpusWarning, stacklevel=4)

    def unplace(self, i: int, reason: str) -> None:
        self.page.placed.add(i)
        self.page.unplaced.append({"source": str(self.source), "line": i + 1, "reason": reason,
                                   "content": self.lines[i]})
        self.problem(f"{reason}: {self.lines[i][:40]!r}", i + 1)

    def place(self, *indices: int) -> None:
        self.page.placed.update(indices)

    # -- parsing ---------------------------------------------------------------
    def nonblank(self, start: int, stop: int) -> list[int]:
        return [i for i in range(start, stop) if self.lines[i]]

    def parse(self) -> _Page:
        n = len(self.lines)
        content = self.nonblank(0, n)
        if not content:
            self.skipped = "empty page (no text)"
            self.problem(self.skipped, None)
            return self.page
        marker = next((i for i in content if self.lines[i] in RELATED_MARKERS), None)
        body_end = marker if marker is not None else n
        has_dateline = any(parse_dateline(self.lines[i]) for i in self.nonblank(0, body_end)[:3])
        if marker is None and not has_dateline:
            self.skipped = "not a news page (neither a dateline nor a 相關新聞 list)"
            self.problem(self.skipped, content[0] + 1)
            return self.page
        self.article(self.nonblank(0, body_end))
        if marker is not None:
            self.place(marker)
            self.related(self.nonblank(marker + 1, n))
        lost = set(content) - self.page.placed
        if lost:  # pragma: no cover - a parser bug, never a property of the input
            raise AssertionError(f"{self.source}: lines {sorted(lost)} were neither placed nor reported")
        return self.page

    def article(self, idx: list[int]) -> None:
        title_i: int | None = None
        if idx and parse_dateline(self.lines[idx[0]]) is None:
            title_i = idx.pop(0)
        head = parse_dateline(self.lines[idx[0]]) if idx else None
        paragraphs: list[str] = []
        if head is not None:
            if head["date"] is None:
                self.problem(f"impossible date in dateline {head['dateline']!r}", idx[0] + 1)
            if head["rest"]:
                paragraphs.append(head["rest"])
            self.place(idx[0])
            idx = idx[1:]
        else:
            self.problem("article has no dateline (no outlet or date)", (idx[0] + 1) if idx else None)
        for i in idx:
            paragraphs.append(self.lines[i])
            self.place(i)
        if title_i is not None:
            self.place(title_i)
        else:
            self.problem("article has no headline", (idx[0] + 1) if idx else None)
        text = "\n".join(paragraphs)
        self.add("article", title=self.lines[title_i] if title_i is not None else "",
                 published=head["date"] if head else None,
                 outlet=head["outlet"] if head else "", reporter=head["reporter"] if head else "",
                 dateline=head["dateline"] if head else "", text=text,
                 line=(title_i if title_i is not None else (idx[0] if idx else 0)) + 1)

    def related(self, idx: list[int]) -> None:
        """Read the related list: ``-`` line, headline line, timestamp+summary line per item."""
        item: dict | None = None
        pending_marker: int | None = None   # a '-' line not yet attached to an item

        def flush() -> None:
            nonlocal item
            if item is not None:
                if item["summary_line"] is None:
                    self.problem("related item has no timestamp and summary line", item["line"])
                self.add("related", title=item["title"], published=item["published"], outlet="",
                         reporter="", dateline="", text=item["text"], line=item["line"])
            item = None

        for k, i in enumerate(idx):
            line = self.lines[i]
            if line in ITEM_MARKERS:
                if pending_marker is not None:
                    self.unplace(pending_marker, "item marker with no item")
                flush()
                pending_marker = i
                continue
            if line in RELATED_MARKERS:
                self.unplace(i, "repeated 相關新聞 marker")
                continue
            ts, value = parse_timestamp(line)
            if ts is not None:
                if item is None or item["summary_line"] is not None:
                    flush()
                    self.problem("related summary has no headline", i + 1)
                    item = self.new_item("", i)
                if value is None:
                    self.problem(f"malformed timestamp {ts.group(0)!r}; published left empty", i + 1)
                item.update(published=value, text=line[ts.end():].strip(), summary_line=i)
                self.place(i)
            else:
                next_is_summary = k + 1 < len(idx) and _TIMESTAMP.match(self.lines[idx[k + 1]]) is not None
                if item is None or (next_is_summary and (item["title"] or item["summary_line"] is not None)):
                    if item is not None and pending_marker is None:
                        self.problem("related item has no '-' line", i + 1)
                    flush()
                    item = self.new_item(line, i)
                elif item["summary_line"] is None:
                    self.problem("related headline spans several lines", i + 1)
                    item["title"] = f"{item['title']}\n{line}" if item["title"] else line
                    self.place(i)
                else:
                    self.problem("related summary continues on another line", i + 1)
                    item["text"] = f"{item['text']}\n{line}"
                    self.place(i)
            if pending_marker is not None and item is not None:
                self.place(pending_marker)
                pending_marker = None
        if pending_marker is not None:
            self.unplace(pending_marker, "item marker with no item")
        flush()

    def new_item(self, title: str, i: int) -> dict:
        self.place(i)
        return {"title": title, "line": i + 1, "published": None, "text": "", "summary_line": None}

    def add(self, kind: str, *, title: str, published, outlet: str, reporter: str,
            dateline: str, text: str, line: int) -> None:
        position = len(self.page.documents)
        self.page.documents.append({
            "doc_id": f"{self.page_id}:{position:02d}", "page_id": self.page_id, "kind": kind,
            "position": position, "title": title, "published": published, "outlet": outlet,
            "reporter": reporter, "text": text, "truncated": is_truncated(text),
            "content_id": content_id(title, text), "dateline": dateline,
            "source": str(self.source), "line": line,
        })


def parse_page(text: str, *, source: PathLike = "<string>", page_id: str | None = None,
               errors: Errors = "warn") -> tuple[list[dict], list[dict]]:
    """Parse one page's text.

    Parameters
    ----------
    text : str
        The page, already decoded.
    source : str or Path, optional
        Where the text came from, for messages and the ``source`` column.
    page_id : str, optional
        Defaults to the stem of ``source``.
    errors : {"warn", "raise"}
        On damage, warn with :class:`CorpusWarning` and keep going, or raise
        :class:`CorpusError`.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents (article first) and the lines that were not placed in a field.
    """
    source = Path(source)
    parser = _Parser(split_lines(text), source=source, page_id=page_id or source.stem, errors=errors)
    page = parser.parse()
    if parser.skipped:
        page.unplaced.append({"source": str(source), "line": None,
                              "reason": f"file skipped: {parser.skipped}", "content": ""})
    return page.documents, page.unplaced


def _files(path: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(path, (str, Path)):
        p = Path(path)
        if p.is_dir():
            return sorted(x for x in p.glob("*.txt") if x.is_file())
        if p.is_file():
            return [p]
        raise CorpusError("no such file or folder", path=p)
    return [Path(x) for x in path]


def _unique_page_ids(files: list[Path]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for f in files:
        n = seen.get(f.stem, 0) + 1
        seen[f.stem] = n
        ids.append(f.stem if n == 1 else f"{f.stem}~{n}")
    return ids


def read_page(file: Path, *, page_id: str, encoding: str | None = None,
              errors: Errors = "warn") -> tuple[list[dict], list[dict]]:
    """Read, decode and parse one file; on an unreadable file warn (or raise) and return nothing."""
    try:
        data = file.read_bytes()
        text, _ = decode(data, path=file, encoding=encoding)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CorpusWarning)
            docs, unplaced = parse_page(text, source=file, page_id=page_id, errors=errors)
        for w in caught:
            warnings.warn_explicit(w.message, w.category, str(file), 0)
        return docs, unplaced
    except CorpusError as exc:
        if errors == "raise":
            raise
        warnings.warn(str(exc), CorpusWarning, stacklevel=3)
        return [], [{"source": str(file), "line": exc.line, "reason": f"file skipped: {exc.reason}",
                     "content": ""}]
    except OSError as exc:
        err = CorpusError(f"cannot read file ({exc.strerror or exc})", path=file)
        if errors == "raise":
            raise err from None
        warnings.warn(str(err), CorpusWarning, stacklevel=3)
        return [], [{"source": str(file), "line": None, "reason": f"file skipped: {err.reason}",
                     "content": ""}]


def documents_frame(records: list[dict]) -> pd.DataFrame:
    """Build the documents table with its fixed columns and dtypes from parsed records."""
    df = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    df["published"] = pd.to_datetime(df["published"]).astype("datetime64[ns]")
    df["position"] = df["position"].astype("int64")
    df["line"] = df["line"].astype("int64")
    df["truncated"] = df["truncated"].astype(bool)
    return df


def lines_frame(records: list[dict]) -> pd.DataFrame:
    """Build the unplaced-lines table from records."""
    df = pd.DataFrame.from_records(records, columns=list(LINE_COLUMNS))
    df["line"] = df["line"].astype("Int64")
    return df


def load_corpus(path: PathLike | Iterable[PathLike], *, encoding: str | None = None,
                errors: Errors = "warn", report: bool = False, engine: str | None = None):
    """Load news pages into a table with one row per document, in page order.

    Parameters
    ----------
    path : str, Path or iterable of them
        A folder (every ``*.txt`` in it, sorted by name), one file, or a list of files.
    encoding : str, optional
        Decode every file with this codec instead of detecting it.
    errors : {"warn", "raise"}
        ``"warn"`` (default) skips unreadable files and keeps damaged parts with a
        :class:`CorpusWarning` naming file and line; ``"raise"`` raises
        :class:`CorpusError` at the first problem instead.
    report : bool
        Also return the table of lines that were not placed in any field.
    engine : {"local", "dask"}, optional
        Parse here, or as Dask tasks (default: as :func:`analysis.configure` set it).
        The result is the same.

    Returns
    -------
    pandas.DataFrame or tuple of (DataFrame, DataFrame)
        The documents, with columns ``doc_id, page_id, kind, position, title,
        published, outlet, reporter, text, truncated, content_id, dateline,
        source, line``; with ``report=True`` also the unplaced lines
        (``source, line, reason, content``), including skipped files.

    Raises
    ------
    CorpusError
        When ``path`` does not exist, or with ``errors="raise"``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> docs.loc[0, ["kind", "outlet"]].tolist()
    ['article', '新唐人亞太台']
    """
    if errors not in ("warn", "raise"):
        raise ValueError(f"errors must be 'warn' or 'raise', not {errors!r}")
    files = _files(path)
    page_ids = _unique_page_ids(files)
    from .cache import options

    engine = engine or options.engine
    records: list[dict] = []
    unplaced: list[dict] = []
    if engine == "dask" and files:
        from .distributed import get_client, read_pages

        client = get_client(scheduler=options.scheduler, workers=options.workers)
        records, unplaced = read_pages(files, page_ids, encoding=encoding, errors=errors, client=client)
    elif engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    else:
        from .progress import progress

        with progress(len(files), "reading pages", unit="page") as bar:
            for file, page_id in zip(files, page_ids):
                docs, lost = read_page(file, page_id=page_id, encoding=encoding, errors=errors)
                records.extend(docs)
                unplaced.extend(lost)
                bar.update(1)
    df = documents_frame(records)
    logger.info("loaded %d documents from %d files", len(df), len(files))
    return (df, lines_frame(unplaced)) if report else df
