"""Markdown pages (``*.md``) as web clippers, static-site exports and some scrapers write them: the article and its
related news.

Obsidian Web Clipper, MarkDownload, Jekyll and Hugo exports open a page with front matter
(:func:`analysis.markdown_text.front_matter`: flat YAML between ``---`` lines, TOML between ``+++`` lines):
``title``, ``date`` or ``published``, the outlet as ``site``, ``outlet`` or ``source`` (a ``source`` that is a
link is the page's address), ``author`` (a name, a byline or a list), ``url`` or ``source_url``, ``tags``; broken
front matter is a :class:`~analysis.errors.CorpusError` naming the file and line. The body is reduced to text
(:func:`analysis.markdown_text.body_blocks`), a paragraph a line, and a dateline opening it is read as a text
page's. A heading of a related list (``## 相關新聞``, ``**延伸閱讀**``: :func:`analysis.related.is_list_heading`)
opens the page's related news: each item ``- [headline](url) 2024-06-02`` a related document (its time read by
:func:`analysis.tabular_dates.parse_published`); a site's own list after it (熱門新聞) is left out, reported.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from .datelines import parse_dateline
from .cutoff import cut_problems, without_cut
from .decoding import decode, read_bytes, split_lines
from .errors import CorpusError, CorpusWarning, check_errors, problem_row
from .markdown_text import HTML_COMMENT, LINK, body_blocks, front_matter, inline_text
from .related import is_list_heading, is_site_list_heading, join_wrapped
from .tabular_cells import column_key, reporters
from .tabular_dates import Published, parse_published
from .text import content_id, is_truncated
from .typedefs import Errors, PathLike

#: Front matter keys of each field, preferred first (compared without case, spaces, ``_`` or ``-``).
FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "pubdate", "publishdate", "published_at", "date_published"),
    "outlet": ("site", "outlet", "site_name", "publisher", "source", "media"),
    "reporter": ("author", "authors", "byline", "reporter", "creator"),
    "url": ("url", "source_url", "link", "canonical_url", "original_url", "source"),
    "summary": ("description", "summary", "excerpt"),
    "tags": ("tags", "keywords", "categories"),
}

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


# --- the page ---------------------------------------------------------------------------------------------


def _field(values: dict, field: str):
    """The front matter's value of a field (:data:`FRONT_MATTER_KEYS`), the first key it has that holds one."""
    by_key = {column_key(k): v for k, v in reversed(list(values.items()))}
    for name in FRONT_MATTER_KEYS[field]:
        value = by_key.get(column_key(name))
        if value in (None, "", []) or isinstance(value, bool):  # Jekyll's published: true says no date
            continue
        is_link = isinstance(value, str) and _URL.match(value.strip()) is not None
        if name == "source" and (field == "url") != is_link:  # a clipper's source is the page's address
            continue
        return value
    return None


def _text(value) -> str:
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value if _text(v))
    return "" if value is None else re.sub(r"^\[\[(.*?)(?:\|.*)?\]\]$", r"\1", str(value).strip())  # [[王小明]]


_DATE_AROUND = re.compile(r"^[\s\-–—|｜·•:：,，(（\[【]*(?P<when>.*?)[\s)）\]】]*$")


def _item(text: str) -> tuple[str, str, str]:
    """A related item's headline, link and what follows the link (its date, or a summary)."""
    link = LINK.search(text)
    if link and link["ref"] is None and link["text"].strip():
        title, url = inline_text(link["text"]), link["url"]
        rest = (text[:link.start()] + " " + text[link.end():]).strip()
        return title, url, _DATE_AROUND.match(inline_text(rest))["when"]
    text = inline_text(text)
    dated = re.match(r"^(?P<title>.*?\S)\s*[(（\[【]?(?P<when>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                     r"(?:\s*\d{1,2}[:：]\d{2}(?::\d{2})?)?)[)）\]】]?$", text)
    return (dated["title"], "", dated["when"]) if dated else (text, "", "")


def parse_markdown(markdown: str, *, source: PathLike = "<string>", page_id: str | None = None,
                   errors: Errors = "warn") -> tuple[list[dict], list[dict]]:
    """Parse a Markdown page: its front matter, its text, and its related list.

    Parameters
    ----------
    markdown : str
        The page, decoded.
    source : str or Path, optional
        Where the page came from, for messages and the ``source`` column.
    page_id : str, optional
        Defaults to the stem of ``source``.
    errors : {"warn", "raise"}
        On a missing title or date, an unreadable item's time or a site's list, warn with
        :class:`~analysis.errors.CorpusWarning` and keep going, or raise :class:`CorpusError`.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents (the keys of :data:`analysis.tables.COLUMNS`, then ``summary`` and ``tags`` for the
        article; ``format`` is ``"markdown"``, ``line`` the line its headline or item is on) and the problems.

    Raises
    ------
    CorpusError
        For front matter never closed or with a line it cannot read (naming the line), a page with no title
        and no text: always; or at the first problem with ``errors="raise"``.

    Examples
    --------
    >>> page = ("---\\ntitle: 颱風凱米來襲\\npublished: 2024-06-03T14:22:00+08:00\\nsource: https://n.tw/1\\n"
    ...         "site: 海風報\\nauthor: [王小明]\\ntags: [颱風]\\n---\\n# 颱風凱米來襲\\n\\n氣象署**今天**發布"
    ...         "[警報](https://cwa.gov.tw)。\\n\\n## 相關新聞\\n\\n- [停班停課一覽](https://n.tw/2) 2024-06-02\\n")
    >>> docs, problems = parse_markdown(page, source="p.md")
    >>> [(d["kind"], d["title"], str(d["published"]), d["time_zone"], d["url"], d["line"]) for d in docs]
    [('article', '颱風凱米來襲', '2024-06-03 14:22:00', 'UTC+08:00', 'https://n.tw/1', 2), \
('related', '停班停課一覽', '2024-06-02 00:00:00', '', 'https://n.tw/2', 15)]
    >>> docs[0]["outlet"], docs[0]["reporter"], docs[0]["text"], docs[0]["tags"], problems
    ('海風報', '王小明', '氣象署今天發布警報。', '颱風', [])
    """
    check_errors(errors)
    source = Path(source)
    page_id = page_id or source.stem
    problems: list[dict] = []

    def problem(line: int | None, action: str, reason: str, content: str = "") -> None:
        if errors == "raise":
            raise CorpusError(reason, path=source, line=line)
        problems.append(problem_row(source, line, action=action, reason=reason, content=content[:200]))
        warnings.warn(f"{source}{f':{line}' if line else ''}: {reason}", CorpusWarning, stacklevel=3)

    lines = split_lines(HTML_COMMENT.sub(lambda m: "\n" * m[0].count("\n"), markdown.lstrip("\ufeff")))
    try:
        values, start = front_matter(lines)
    except CorpusError as exc:
        raise CorpusError(exc.reason, path=source, line=exc.line) from None
    if not values:  # a folder's README.md or notes: no clipped page
        problem(1, "skipped", "a Markdown file with no front matter (a clipped page opens with ---): not read as a "
                "news page", lines[0] if lines else "")
        return [], problems
    title = inline_text(_text(_field(values, "title")))
    title_line = next((i + 1 for i, line in enumerate(lines[:start]) if i and column_key(line.split(":")[0]) in (
        "title", "headline")), None)
    blocks = body_blocks(lines, start)
    text_lines: list[str] = []
    related: list[dict] = []
    section = "body"  # body, related, site (a site's list), after (under another heading after the related list)
    left_out: dict[str, list] = {}
    # a related list's own heading further down (## 相關新聞 under ## 熱門新聞): the site's list first is the site's
    def own_later(at: int) -> bool:
        return any(i > at and kind in ("heading", "paragraph") and is_list_heading(words := inline_text(raw).strip())
                   and not is_site_list_heading(words) for i, kind, raw in blocks)

    for index, kind, raw in blocks:
        text = inline_text(raw) if kind != "item" else raw
        if kind == "heading" or kind == "paragraph" and is_list_heading(inline_text(raw)):
            heading = inline_text(raw).strip()
            if is_list_heading(heading):
                site = is_site_list_heading(heading) and (bool(related) or own_later(index))
                section = "site" if site else "related"
                if section == "site":
                    left_out[heading] = [index + 1, 0]
                continue
            if not title and kind == "heading" and not text_lines and section == "body":
                title, title_line = heading, index + 1  # the page's first heading, its headline
                continue
            if title and kind == "heading" and column_key(heading) == column_key(title) and not text_lines:
                continue  # the headline again, above the text
            if section != "body":
                section = "after"
                left_out[heading] = [index + 1, 0]
                continue
        if section == "body":
            if text:
                text_lines.append(text)
        elif section == "related" and kind in ("item", "paragraph"):
            headline, url, rest = _item(raw)
            if not headline:
                continue
            when = parse_published(rest) if rest else Published(None, "", "")
            summary = ""
            if when is None:
                if len(rest) <= 32 and re.search(r"\d", rest) or len(rest) <= 4:  # 2024年7月, 昨天
                    problem(index + 1, "left empty", f"unparseable time {rest[:60]!r} of related item "
                            f"{headline[:40]!r}", raw)
                else:
                    summary = rest
                when = Published(None, "", "")
            related.append({"title": headline, "url": url, "published": when, "text": summary, "line": index + 1})
        elif section == "related" and kind == "under" and related:
            related[-1]["text"] = join_wrapped(related[-1]["text"], inline_text(raw))
        else:
            heading = list(left_out)[-1] if left_out else ""
            if heading:
                left_out[heading][1] += 1
    for heading, (line, count) in left_out.items():
        problem(line, "unplaced", f"{count} line{'s are' if count != 1 else ' is'} under {heading!r}, after the "
                "related list, not read (a site's list or footer)", heading)
    head = parse_dateline(text_lines[0]) if text_lines else None
    outlet = _text(_field(values, "outlet"))
    reporter, place = reporters(_field(values, "reporter")) if _field(values, "reporter") else ("", "")
    reporter = re.sub(r"\[\[(.*?)(?:\|[^\]]*)?\]\]", r"\1", reporter)
    raw_when = _field(values, "published")
    when = parse_published(raw_when) if raw_when is not None else None
    if raw_when is not None and when is None:
        problem(title_line, "left empty", f"unparseable time {_text(raw_when)[:60]!r} in the front matter")
    dateline = ""
    if head is not None:  # a dateline or byline opening the text: its fields where the front matter gives none
        dateline, outlet = head["dateline"], outlet or head["outlet"]
        if not reporter:
            reporter, place = head["reporter"], head["reporter_place"]
        if when is None and head["date"] is not None:
            when = Published(head["date"], "day", head["time_zone"])
        text_lines = [head["rest"]] * bool(head["rest"]) + text_lines[1:]
    when = when or Published(None, "", "")
    body = "\n".join(text_lines)
    if not title and not body:
        raise CorpusError("no title and no text (an empty Markdown page)", path=source)
    if not title:
        problem(None, "left empty", "article has no title (no title in the front matter, no heading)")
    if when.value is None and raw_when is None:
        problem(title_line, "left empty", "article has no publication date (no date or published in the front "
                "matter, no dateline)")
    article = {"title": title, "published": when.value, "published_precision": when.precision,
               "time_zone": when.time_zone, "outlet": outlet, "reporter": reporter, "reporter_place": place,
               "text": body, "dateline": dateline, "line": title_line, "url": _text(_field(values, "url"))}
    docs = [_document(article, page_id, 0, source)]
    docs[0]["summary"] = inline_text(_text(_field(values, "summary")))
    docs[0]["tags"] = _text(_field(values, "tags"))
    for n, item in enumerate(related, 1):
        when = item.pop("published")
        docs.append(_document({**item, "published": when.value, "published_precision": when.precision,
                               "time_zone": when.time_zone}, page_id, n, source))
    return docs, problems


def _document(fields: dict, page_id: str, position: int, source: Path) -> dict:
    doc = {"doc_id": f"{page_id}:{position:02d}", "page_id": page_id, "kind": "related" if position else "article",
           "position": position, "title": "", "published": None, "published_precision": "", "time_zone": "",
           "outlet": "", "reporter": "", "reporter_place": "", "text": "", "truncated": False, "content_id": "",
           "dateline": "", "source": str(source), "line": None, "row": None, "format": "markdown", "url": ""}
    doc.update(fields)
    doc["truncated"], doc["content_id"] = is_truncated(doc["text"]), content_id(doc["title"], doc["text"])
    return doc


def read_markdown(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
                  columns: object = None) -> tuple[list[dict], list[dict]]:
    """Read a Markdown page (``*.md``) into documents and problems: decoded as a text page is
    (:func:`analysis.decoding.decode`), parsed by :func:`parse_markdown`. ``columns`` is accepted for a uniform
    reader signature, and ignored.

    Examples
    --------
    >>> read_markdown(Path("no/such/page.md"), page_id="p")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: no/such/page.md: cannot read file (No such file or directory)
    """
    data = read_bytes(file)
    text, _ = decode(data, path=file, encoding=encoding)
    text, cut = without_cut(text, data)
    docs, problems = parse_markdown(text, source=file, page_id=page_id, errors=errors)
    return docs, problems + cut_problems(cut, text, path=file, errors=errors)
