"""A related-news cell of a table read as the row's related items, as a text page's related list is read.

Scrapers write an article's related news into one cell: a list of objects (``{"title", "url", "time"}``,
``{"headline", "link", "publishedAt"}``) or of headlines, the same list as JSON (or Python's) text in a CSV
cell, or headlines one a line or separated by `` | ``. :func:`related_items` reads each item's headline,
time (:func:`analysis.tabular_dates.parse_published`), link and summary; :mod:`analysis.tabular` makes
them documents of the row's page.
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Mapping
from typing import NamedTuple

from .related import BULLETS
from .tabular_cells import column_key, cell_text, flatten, html_text, is_blank, listed, paragraphs
from .tabular_dates import Published, parse_published


class RelatedItem(NamedTuple):
    """A related-news item read from a cell (:func:`related_items`)."""

    title: str
    published: Published
    url: str
    summary: str


_ITEM_NAMES = {
    "title": ("title", "headline", "標題", "标题", "name", "text"),
    "published": ("published", "publishedat", "publishtime", "publishdate", "pubdate", "time", "date", "datetime",
                  "timestamp", "發布時間", "发布时间", "時間", "时间", "日期"),
    "url": ("url", "link", "href", "網址", "网址", "連結", "链接"),
    "summary": ("summary", "description", "excerpt", "摘要"),
}
_DATED = re.compile(r"^(?P<title>.*?\S)\s*[(（\[【](?P<when>[^()（）\[\]【】]{6,32})[)）\]】]$")
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}*]\s*")


def _item_of(value) -> tuple[RelatedItem | None, str]:
    """One item of a related list, or None and why it cannot be read."""
    when = Published(None, "", "")
    if isinstance(value, Mapping):
        cells = flatten(value)
        by_key: dict[str, object] = {}
        for name, cell in cells.items():
            by_key.setdefault(column_key(name), cell)
        for name, cell in cells.items():
            by_key.setdefault(column_key(name.rsplit(".", 1)[-1]), cell)
        found = {f: next((by_key[k] for k in names if k in by_key and not is_blank(by_key[k])), None)
                 for f, names in _ITEM_NAMES.items()}
        title = paragraphs(found["title"], one_line=True)
        if not title:
            return None, f"an item with no title ({cell_text(value)[:80]})"
        if found["published"] is not None:
            parsed = parse_published(found["published"])
            if parsed is None:
                return (RelatedItem(title, when, cell_text(found["url"]), paragraphs(found["summary"])),
                        f"unparseable time {cell_text(found['published'])[:60]!r} of item {title[:40]!r}")
            when = parsed
        return RelatedItem(title, when, cell_text(found["url"]), paragraphs(found["summary"])), ""
    if isinstance(value, str):
        title = html_text(_BULLET.sub("", value.strip()), one_line=True)
        m = _DATED.match(title)
        parsed = parse_published(m["when"]) if m else None
        if m and parsed is not None and parsed.value is not None:
            title, when = m["title"], parsed
        return (RelatedItem(title, when, "", ""), "") if title else (None, "")
    return None, f"an item that is neither an object nor a headline ({cell_text(value)[:80]})"


def related_items(value) -> tuple[list[RelatedItem], list[str]]:
    """A related-news cell's items, and what could not be read of it.

    The cell may hold a list of objects (``{"title" | "headline", "url" | "link", "time" | "published" |
    "publishedAt"}``) or of headlines, the same as JSON text (a CSV's cell), or headlines one a line or
    separated by `` | ``, each perhaps with its date in brackets after it (``颱風停班（2024-05-02）``).

    Returns
    -------
    tuple of (list of RelatedItem, list of str)
        The items in order (an item whose time cannot be read is kept without it), and a reason for each
        item or cell that could not be read.

    Examples
    --------
    >>> items, problems = related_items('[{"headline": "颱風停班", "publishedAt": 1714630920000}, "停課一覽", 3]')
    >>> [(i.title, i.published.value, i.published.time_zone) for i in items], problems
    ([('颱風停班', datetime.datetime(2024, 5, 2, 6, 22), 'UTC'), ('停課一覽', None, '')], \
['an item that is neither an object nor a headline (3)'])
    >>> [(i.title, str(i.published.value)) for i in related_items("- 颱風停班（2024-05-02）\\n停課一覽")[0]]
    [('颱風停班', '2024-05-02 00:00:00'), ('停課一覽', 'None')]
    >>> [i.title for i in related_items("颱風停班 | 停課一覽")[0]], related_items("[{broken")[1]
    (['颱風停班', '停課一覽'], ["a related list that cannot be read: '[{broken'"])
    """
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, (list, tuple)):
        if hasattr(value, "tolist") and not isinstance(value, numbers.Number):
            value = value.tolist()
        else:
            text = cell_text(value)
            if not text:
                return [], []
            if text[0] in "[{":
                found = listed(text) if text[0] == "[" else None
                if found is None and text[0] == "{":
                    try:
                        parsed = json.loads(text)
                    except ValueError:
                        parsed = None
                    found = [parsed] if isinstance(parsed, dict) else None
                if found is None:
                    return [], [f"a related list that cannot be read: {text[:80]!r}"]
                value = found
            else:
                lines = [line for line in text.split("\n") if line.strip()]
                value = lines[0].split(" | ") if len(lines) == 1 else lines
    items, problems = [], []
    for element in value:
        if element is None or isinstance(element, str) and not element.strip():
            continue
        item, problem = _item_of(element)
        if item is not None:
            items.append(item)
        if problem:
            problems.append(problem)
    return items, problems
