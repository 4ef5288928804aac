"""The other files scrapers write, one document a record: JSON documents, SQLite databases, RSS and Atom feeds.

Each reader gives a table's column names, its :class:`~analysis.tabular.Survey` and its rows
(:data:`analysis.tabular.Row`), as the readers of :mod:`analysis.tabular_files` do, which hands them on:

- a JSON file (``*.json``, gzipped too) holds an array of article objects (a Node or Puppeteer scraper's
  one file), an object holding such an array under a key (:data:`LIST_KEYS`: ``items``, ``articles``,
  ``data``...), or one article object (newspaper's ``to_json``, ``trafilatura --json``). Nested objects are
  made flat, their names dotted (:func:`analysis.tabular_cells.flatten`).
- a SQLite database (``*.db``, ``*.sqlite``, ``*.sqlite3``) is read from the table whose columns hold a title,
  text or summary (:func:`analysis.tabular.recognise_columns`); of several, the one with most rows, the others
  named in a problem row and the log.
- an RSS 2.0, RSS 1.0 or Atom feed (``*.xml``, ``*.rss``, ``*.atom``) gives a document an item or entry: its title,
  link, time (``pubDate``, ``published``, ``dc:date``, else ``updated``), text (``content:encoded``, Atom's
  content) and summary (``description``, ``summary``) as HTML, author (``dc:creator``, ``author``) and the
  channel's title as the outlet. Read by the standard library's :mod:`xml.etree`, which fetches nothing.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

from .decoding import read_bytes
from .errors import CorpusError
from .tabular import Row, listing, unique_names, recognise_columns, surveyed
from .tabular_cells import column_key, flatten
from .tabular_text import table_lines

logger = logging.getLogger(__name__)

#: Keys of a JSON object under which a scraper writes its list of articles (compared as column names are).
LIST_KEYS = ("items", "articles", "data", "results", "news", "records", "entries", "docs", "documents", "posts",
             "stories", "hits", "rows", "list", "content")
_LIST_KEYS = frozenset(column_key(k) for k in LIST_KEYS)


def _objects(value) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict) for v in value)


def _article(value: dict) -> bool:
    try:
        recognise_columns(flatten(value))
    except CorpusError:
        return False
    return True


def json_records(value) -> tuple[list, str]:
    """The records of a JSON document, and where they were found.

    Parameters
    ----------
    value
        The parsed document.

    Returns
    -------
    tuple of (list, str)
        The records, and ``"array"``, ``"key 'items'"`` (``'data.items'`` one object down) or ``"one article"``.

    Raises
    ------
    CorpusError
        When the document holds no list of articles and is no article (its ``path`` left empty).

    Examples
    --------
    >>> json_records([{"title": "颱風"}])[1], json_records({"status": "ok", "articles": [{"title": "颱風"}]})[1]
    ('array', "key 'articles'")
    >>> json_records({"hits": {"hits": [{"_source": {"title": "颱風"}}]}})[1], json_records({"headline": "颱風"})
    ("key 'hits.hits'", ([{'headline': '颱風'}], 'one article'))
    >>> json_records({"status": "ok"})
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: a JSON object with no list of articles (under 'items', 'articles', 'data'...) \
and no title or text (keys: 'status')
    """
    if isinstance(value, list):
        return value, "array"
    if not isinstance(value, dict):
        raise CorpusError(f"a JSON {type(value).__name__}, not an array or an object of articles")
    for key, inner in value.items():
        if column_key(key) in _LIST_KEYS and _objects(inner):
            return inner, f"key {key!r}"
    for key, outer in value.items():  # one object down: {"data": {"items": [...]}}, {"hits": {"hits": [...]}}
        if isinstance(outer, dict):
            for inner_key, inner in outer.items():
                if column_key(inner_key) in _LIST_KEYS and _objects(inner):
                    return inner, f"key '{key}.{inner_key}'"
    if _article(value):
        return [value], "one article"
    lists = [key for key, inner in value.items() if _objects(inner)]
    if len(lists) == 1:
        return value[lists[0]], f"key {lists[0]!r}"
    raise CorpusError(f"a JSON object with no list of articles (under {listing(LIST_KEYS[:3])}...) and no title "
                      f"or text (keys: {listing(list(value)[:12])})")


def read_json(file: Path, fmt: str, encoding: str | None):
    """A JSON file's names, survey and rows: its records (:func:`json_records`), an item a row."""
    text = "".join(table_lines(file, encoding)())
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"invalid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})", path=file,
                          line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # too many digits, too deeply nested
        raise CorpusError(f"invalid JSON ({type(exc).__name__}: {str(exc)[:80]})", path=file) from None
    try:
        records, where = json_records(value)
    except CorpusError as exc:
        raise CorpusError(exc.reason, path=file) from None
    if not records:
        raise CorpusError(f"no article in the JSON file ({where} is empty)", path=file)
    logger.info("%s: %d records from the JSON %s", file, len(records), where)
    rows: list[Row] = []
    names: dict[str, None] = {}
    for i, record in enumerate(records, 1):
        if isinstance(record, dict):
            cells = flatten(record)
            names.update(dict.fromkeys(cells))
            rows.append((i, cells, [], None))
        else:
            rows.append((i, None, [("skipped", f"not a JSON object but {type(record).__name__}",
                                    json.dumps(record, ensure_ascii=False)[:200])], None))
    return list(names), surveyed(rows), lambda: iter(rows)


def _connect(file: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise CorpusError(f"cannot open as SQLite ({exc})", path=file) from None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_sqlite(file: Path, fmt: str, encoding: str | None):
    """A SQLite database's names, survey and rows: its table of articles (of several, the one with most rows),
    a row a document, in the order of its row ids; read from the file (opened read-only) as they are needed."""
    con = _connect(file)
    try:
        tables = [name for name, in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                                "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        found = []
        for name in tables:
            names = [row[1] for row in con.execute(f"PRAGMA table_info({_quoted(name)})")]
            try:
                recognise_columns(names)
            except CorpusError:
                continue
            found.append((con.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0], name, names))
    except sqlite3.Error as exc:
        raise CorpusError(f"cannot read as SQLite ({exc})", path=file) from None
    finally:
        con.close()
    if not found:
        raise CorpusError(f"no table with a title, text or summary column (tables: {listing(tables)})", path=file)
    count, table, names = max(found, key=lambda t: t[0])  # the first of those with most rows, by name
    others = [(n, name) for n, name, _ in found if name != table]
    logger.info("%s: table %r (%d rows)%s", file, table, count,
                "".join(f"; not {name!r} ({n} rows)" for n, name in others))
    notes = [("skipped", f"table {name!r} ({n} rows) is not read: only the table with most rows, {table!r} "
              f"({count} rows)", "") for n, name in others]
    names = unique_names(names)

    def rows() -> Iterator[Row]:
        if notes:
            yield None, None, notes, None
        con = _connect(file)
        try:
            try:
                cursor = con.execute(f"SELECT * FROM {_quoted(table)} ORDER BY rowid")
            except sqlite3.OperationalError:  # a table WITHOUT ROWID, a view
                cursor = con.execute(f"SELECT * FROM {_quoted(table)}")
            for i, values in enumerate(cursor, 1):
                yield i, dict(zip(names, values)), [], None
        except sqlite3.Error as exc:
            raise CorpusError(f"cannot read table {table!r} as SQLite ({exc})", path=file) from None
        finally:
            con.close()

    return names, surveyed(rows()), rows


# --- feeds ------------------------------------------------------------------------------------------------

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
#: An item's fields, each from the first of these elements it has (by local name; ``content:`` and ``dc:``
#: by their namespace).
FEED_FIELDS = {
    "title": ("title",),
    "published": ("pubDate", "published", f"{_DC}date", "issued", "updated", "modified"),
    "text": (f"{_CONTENT}encoded", "content"),
    "summary": ("description", "summary"),
    "guid": ("guid", "id"),
}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _inner(element) -> str:
    """An element's content as text: its text, or its markup (Atom's ``type="xhtml"``) without namespaces."""
    if len(element) == 0:
        return (element.text or "").strip()
    for child in element.iter():
        child.tag = _local(child.tag)
    return ((element.text or "") + "".join(ElementTree.tostring(c, encoding="unicode") for c in element)).strip()


def _child(element, name: str):
    for child in element:
        if child.tag == name if name.startswith("{") else _local(child.tag) == name and not (
                isinstance(child.tag, str) and child.tag.startswith((_CONTENT, _DC))):
            return child
    return None


def _authors(item) -> list[str]:
    names = []
    for child in item:
        if child.tag == f"{_DC}creator" and (child.text or "").strip():
            names.append(child.text.strip())
        elif _local(child.tag) == "author":
            name = next((c.text for c in child if _local(c.tag) == "name" and c.text), None)  # Atom
            text = (name or child.text or "").strip()
            if "(" in text and text.endswith(")"):  # RSS: an e-mail address (the name)
                text = text[text.index("(") + 1:-1].strip()
            if text:
                names.append(text)
    return names


def _link(item) -> str:
    for child in item:
        if _local(child.tag) == "link":
            if child.get("href") and child.get("rel", "alternate") == "alternate":
                return child.get("href").strip()
            if (child.text or "").strip():
                return child.text.strip()
    return ""


def feed_item(item) -> dict:
    """An RSS item's or Atom entry's fields (:data:`FEED_FIELDS`, ``url``, ``reporter``, ``category``).

    Examples
    --------
    >>> item = ElementTree.fromstring('<item xmlns:dc="http://purl.org/dc/elements/1.1/"><title>颱風</title>'
    ...     '<link>https://n.tw/1</link><pubDate>Thu, 02 May 2024 14:22:00 +0800</pubDate>'
    ...     '<description>&lt;p&gt;停班&lt;/p&gt;</description><dc:creator>林宏達</dc:creator></item>')
    >>> feed_item(item)
    {'title': '颱風', 'published': 'Thu, 02 May 2024 14:22:00 +0800', 'summary': '<p>停班</p>', \
'url': 'https://n.tw/1', 'reporter': ['林宏達']}
    """
    cells: dict = {}
    for field, names in FEED_FIELDS.items():
        for name in names:
            element = _child(item, name)
            if element is not None and _inner(element):
                cells[field] = _inner(element)
                break
    link = _link(item)
    if link:
        cells["url"] = link
    authors = _authors(item)
    if authors:
        cells["reporter"] = authors
    categories = [c.get("term") or (c.text or "").strip() for c in item if _local(c.tag) == "category"]
    if any(categories):
        cells["category"] = ", ".join(c for c in categories if c)
    return cells


def read_feed(file: Path, fmt: str, encoding: str | None):
    """An RSS or Atom feed's names, survey and rows: an item (entry) a row, the channel's title its outlet."""
    data = read_bytes(file)
    try:
        root = ElementTree.fromstring(data.decode(encoding) if encoding else data)
    except ElementTree.ParseError as exc:
        raise CorpusError(f"cannot read as XML ({exc})", path=file, line=exc.position[0]) from None
    except (UnicodeDecodeError, LookupError) as exc:
        raise CorpusError(f"cannot decode as {encoding} ({exc})", path=file) from None
    if _local(root.tag) not in ("rss", "RDF", "feed"):
        raise CorpusError(f"not an RSS or Atom feed (its root is <{_local(root.tag)}>)", path=file)
    channel = _child(root, "channel")
    head = root if _local(root.tag) == "feed" or channel is None else channel
    outlet = _child(head, "title")
    outlet = _inner(outlet) if outlet is not None else ""
    items = [e for parent in (root, *([channel] if channel is not None else []))
             for e in parent if _local(e.tag) in ("item", "entry")]
    rows: list[Row] = []
    names: dict[str, None] = {}
    for i, item in enumerate(items, 1):
        cells = feed_item(item)
        if outlet:
            cells["outlet"] = outlet
        names.update(dict.fromkeys(cells))
        rows.append((i, cells, [], None))
    if not rows:
        raise CorpusError("a feed with no item or entry", path=file)
    names = dict.fromkeys(n for n in ("title", "published", "text", "summary", "outlet", "reporter", "url", "guid",
                                      "category") if n in names)
    return list(names), surveyed(rows), lambda: iter(rows)
