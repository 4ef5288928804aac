"""The page grammar: one page's text to its documents, and the lines that fit no field.

A page holds a main article (a headline line, a dateline such as
``【新唐人亞太台 2020 年 09 月 17 日訊】`` that opens the body, body paragraphs)
and a ``相關新聞`` list: for each related item a ``-`` line, a headline line and a
line that starts with a timestamp followed at once by the item's summary
(:mod:`analysis.datelines` reads the dates).

Every non-blank line of a page lands in a field of a document or in the
*unplaced lines* that :func:`parse_page` returns beside them, with the reason;
a parse that loses a line is a bug that the parser checks for itself.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .datelines import TIMESTAMP, parse_dateline, parse_timestamp
from .decoding import split_lines
from .errors import CorpusError, CorpusWarning, check_errors, unplaced_line
from .text import content_id, is_truncated
from .typedefs import Errors, PathLike

RELATED_MARKERS = frozenset({"相關新聞", "相关新闻"})
ITEM_MARKERS = frozenset({"-", "－", "—", "–"})


@dataclass
class _Page:
    documents: list[dict] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)


def _clean(line: str) -> str:
    return line.strip().strip("\ufeff").strip()


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
        self.page.unplaced.append(unplaced_line(self.source, i + 1, reason, self.lines[i]))
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
                next_is_summary = k + 1 < len(idx) and TIMESTAMP.match(self.lines[idx[k + 1]]) is not None
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
        The documents (article first; the keys are the columns of :func:`analysis.load_corpus`)
        and the lines that were not placed in a field (a page that is skipped gives one
        ``"file skipped: ..."`` row).

    Raises
    ------
    CorpusError
        With ``errors="raise"``, at the first problem.

    Examples
    --------
    >>> page = ("美駐聯大使將訪台\\n【大紀元2020年09月17日訊】美國大使將訪問台灣。\\n"
    ...         "相關新聞\\n-\\n蓬佩奧宣布\\n2020-09-18 07:12:23國務卿宣布。")
    >>> docs, unplaced = parse_page(page, source="p.txt")
    >>> [(d["kind"], d["title"], d["outlet"]) for d in docs], unplaced
    ([('article', '美駐聯大使將訪台', '大紀元'), ('related', '蓬佩奧宣布', '')], [])
    >>> parse_page("一行沒有日期的字。", source="p.txt", errors="raise")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: p.txt:1: not a news page (neither a dateline nor a 相關新聞 list)
    """
    check_errors(errors)
    source = Path(source)
    parser = _Parser(split_lines(text), source=source, page_id=page_id or source.stem, errors=errors)
    page = parser.parse()
    if parser.skipped:
        page.unplaced.append(unplaced_line(source, None, f"file skipped: {parser.skipped}"))
    return page.documents, page.unplaced
