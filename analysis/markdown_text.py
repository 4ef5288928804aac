"""A Markdown file's parts as text: its front matter (:func:`front_matter`) and its body (:func:`plain_text`,
:func:`body_blocks`), for :mod:`analysis.markdown_pages`.

Front matter is read as clippers and static-site generators write it: between ``---`` lines the flat YAML of
scalars, quoted strings, ``[a, b]`` lists, ``- item`` lists, indented ``sub: value`` lines and ``|``/``>`` blocks,
with no YAML library (a line it cannot read is a :class:`~analysis.errors.CorpusError` naming it); between
``+++`` lines TOML, read by :mod:`tomllib`. The body is reduced to text as CommonMark renders it: links as their
words, images, reference definitions and HTML comments left out, emphasis, code, heading, quote and list marks
dropped, a paragraph's lines joined (:func:`analysis.related.join_wrapped`).
"""

from __future__ import annotations

import json
import re
import tomllib

from .decoding import split_lines
from .errors import CorpusError
from .related import join_wrapped

_KEY = re.compile(r"^(?P<key>[^\s:#\-\[{\"'][^:]*?|\"[^\"]+\"|'[^']+')\s*:(?:\s+(?P<value>.*)|$)")
_ITEM = re.compile(r"^-(?:\s+(?P<value>.*)|$)")
_COMMENT = re.compile(r"\s+#.*$")


class _Broken(ValueError):
    """A front matter line that cannot be read: why, and the line's index."""

    def __init__(self, reason: str, index: int):
        super().__init__(reason)
        self.index = index


def _scalar(text: str, index: int):
    """A YAML scalar as the flat front matter writes it: quoted (``"…"`` with escapes, ``'…'``), an inline list
    ``[a, "b"]``, or plain (a comment after it left out; ``true``/``false``/``null`` as Python's)."""
    text = text.strip()
    if not text:
        return ""
    if text[0] == '"':
        end = re.match(r'"(?:[^"\\]|\\.)*"', text)
        if end is None or _COMMENT.sub("", text[end.end():]).strip():
            raise _Broken(f"a quoted value that is never closed: {text[:60]}", index)
        try:
            return json.loads(end[0])
        except ValueError:
            return end[0][1:-1]
    if text[0] == "'":
        end = re.match(r"'(?:[^']|'')*'", text)
        if end is None or _COMMENT.sub("", text[end.end():]).strip():
            raise _Broken(f"a quoted value that is never closed: {text[:60]}", index)
        return end[0][1:-1].replace("''", "'")
    if text[0] == "[":
        inner = _COMMENT.sub("", text).strip()
        if not inner.endswith("]"):
            raise _Broken(f"a list that is never closed: {text[:60]}", index)
        cells = re.findall(r'\s*("(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^,]+)\s*(?:,|$)', inner[1:-1])
        return [_scalar(c, index) for c in cells if c.strip()]
    if text[0] == "{":
        return text  # an inline mapping: kept as written
    value = _COMMENT.sub("", text).strip()
    return {"true": True, "false": False, "null": None, "~": None}.get(value.lower(), value)


def front_matter(lines: list[str]) -> tuple[dict, int]:
    """A page's front matter (between ``---`` lines, YAML; between ``+++`` lines, TOML) and the index of the
    line after it; ``({}, 0)`` for a page that opens with none.

    The YAML that clippers write: ``key: value`` (plain, quoted, an inline ``[a, b]`` list), ``key:`` then
    ``- item`` lines or indented ``sub: value`` lines (read as ``key.sub``), ``key: |`` or ``key: >`` then an
    indented block; comments and blank lines.

    Parameters
    ----------
    lines : list of str
        The page's lines.

    Returns
    -------
    tuple of (dict, int)

    Raises
    ------
    CorpusError
        For front matter never closed, or a line it cannot read (``line`` the page's, from 1).

    Examples
    --------
    >>> front_matter(["---", 'title: "颱風: 停班"', "date: 2024-06-03 14:22", "author:", "  - 王小明",
    ...               "tags: [颱風, '停班']", "---", "本文"])
    ({'title': '颱風: 停班', 'date': '2024-06-03 14:22', 'author': ['王小明'], 'tags': ['颱風', '停班']}, 7)
    >>> try:
    ...     front_matter(["---", "title 颱風", "---"])
    ... except CorpusError as exc:
    ...     exc.line, exc.reason
    (2, "front matter: not a 'key: value' line: 'title 颱風'")
    """
    fence = lines[0].strip().lstrip("\ufeff") if lines else ""
    if fence not in ("---", "+++"):
        return {}, 0
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in (fence, "...")), None)
    if close is None:
        raise CorpusError(f"front matter: opened by {fence} on line 1 and never closed", line=1)
    if fence == "+++":
        try:
            return tomllib.loads("\n".join(lines[1:close])), close + 1
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+)", str(exc))
            raise CorpusError(f"front matter: TOML that cannot be read ({exc})",  # at its end: its last line
                              line=int(found[1]) + 1 if found else close) from None
    try:
        return _yaml(lines, 1, close), close + 1
    except _Broken as exc:
        raise CorpusError(f"front matter: {exc}", line=exc.index + 1) from None


def _yaml(lines: list[str], start: int, stop: int) -> dict:
    """The flat YAML of ``lines[start:stop]``."""
    values: dict = {}
    key, block = None, None  # the key whose value the lines under it give; a block scalar's style (| or >)
    for i in range(start, stop):
        raw = lines[i].rstrip()
        stripped = raw.strip()
        indented = raw[:1] in (" ", "\t")
        if block is not None:
            if not stripped or indented:
                values[key].append(stripped)
                continue
            values[key] = ("\n" if block == "|" else " ").join(values[key]).strip()
            key, block = None, None
        if not stripped or stripped.startswith("#"):
            continue
        item = _ITEM.match(stripped)
        if item and key is not None and (indented or not isinstance(values.get(key), dict)):
            if values[key] == "":
                values[key] = []
            if not isinstance(values[key], list):
                raise _Broken(f"a list item under {key!r}, which holds a value: {stripped[:60]!r}", i)
            values[key].append(_scalar(item["value"] or "", i))
            continue
        found = _KEY.match(stripped)
        if found is None:
            raise _Broken(f"not a 'key: value' line: {stripped[:60]!r}", i)
        name = str(_scalar(found["key"], i))
        value = (found["value"] or "").strip()
        if indented and key is not None:  # key: then indented sub: value, read as key.sub
            if values.get(key) == "":
                values[key] = {}
            if isinstance(values.get(key), dict):
                values[key][name] = _scalar(value, i)
                continue
        if indented:
            raise _Broken(f"an indented line under no key: {stripped[:60]!r}", i)
        key = name
        if re.fullmatch(r"[|>][+-]?\d?", value):
            values[key], block = [], value[0]
        else:
            values[key] = _scalar(value, i)
    if block is not None:
        values[key] = ("\n" if block == "|" else " ").join(values[key]).strip()
    return values


# --- the body ---------------------------------------------------------------------------------------------

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
#: A link, ``[words](url "title")`` or ``[words][ref]``: its groups ``text``, ``url``, ``ref``.
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)|\[(?P<ref>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_HEADING = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_BULLET_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?P<text>.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1|(?<!\*)\*(?=\S)(.+?)(?<=\S)\*(?!\*)"
                       r"|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`+([^`]+)`+")
#: An HTML comment, over lines too.
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?(?:br|p|span|div|b|i|em|strong|u|sup|sub|small|mark)\b[^>]*>", re.I)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def inline_text(text: str) -> str:
    """A line of Markdown as text: links as their words, images left out, emphasis, code marks and escapes dropped.

    Examples
    --------
    >>> inline_text("**記者王小明**報導，[中央氣象署](https://cwa.gov.tw)表示 ![圖](a.jpg) `颱風` \\\\*")
    '記者王小明報導，中央氣象署表示  颱風 *'
    """
    text = _IMAGE.sub("", text)
    text = LINK.sub(lambda m: m["text"] if m["ref"] is None else m["ref"], text)
    text = _AUTOLINK.sub(lambda m: m["url"], text)
    text = _CODE.sub(lambda m: m[1], text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested: ***x***, **_x_**
        text = _EMPHASIS.sub(lambda m: m[2] or m[3] or m[4], text)
    return _ESCAPED.sub(r"\1", text).strip()


def body_blocks(lines: list[str], start: int) -> list[tuple[int, str, str]]:
    """The body's blocks: ``(index, kind, text)`` for each heading (``"heading"``), list item (``"item"``) and
    paragraph (``"paragraph"``, its lines joined), code kept as written; rules, images alone, reference
    definitions, HTML comments and blank lines left out."""
    blocks: list[tuple[int, str, str]] = []
    paragraph: list[tuple[int, str]] = []
    fenced = False

    def flush() -> None:
        if paragraph:
            text = ""
            for _, part in paragraph:
                text = join_wrapped(text, part) if text else part
            if text:
                blocks.append((paragraph[0][0], "paragraph", text))
            paragraph.clear()

    for i in range(start, len(lines)):
        line = lines[i]
        if _FENCE.match(line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            if line.strip():
                blocks.append((i, "paragraph", line.strip()))
            continue
        line = _QUOTE.sub("", line)
        if not line.strip() or _RULE.match(line) or _REFERENCE.match(line):
            flush()
            continue
        if _SETEXT.match(line) and paragraph:  # a heading underlined by === or ---
            index, text = paragraph.pop(0) if len(paragraph) == 1 else paragraph.pop()
            flush()
            blocks.append((index, "heading", inline_text(text)))
            continue
        heading = _HEADING.match(line)
        item = _BULLET_ITEM.match(line)
        if heading or item:
            flush()
            kind, text = ("heading", heading["text"]) if heading else ("item", item["text"])
            if item and line[:1] in (" ", "\t") and blocks and blocks[-1][1] == "item":  # a nested line of an item
                kind = "under"
            blocks.append((i, kind, text.strip()))
            continue
        if line[:1] in (" ", "\t") and blocks and blocks[-1][1] in ("item", "under") and not paragraph:
            blocks.append((i, "under", line.strip()))  # a line under an item: its summary
            continue
        paragraph.append((i, inline_text(line)))
    flush()
    return blocks


def plain_text(markdown: str) -> str:
    """Markdown reduced to text, a paragraph (or a heading, a list item) a line.

    Examples
    --------
    >>> plain_text("## 背景\\n\\n第一段[連結](https://x.tw)，\\n續行。\\n\\n![圖](a.jpg)\\n\\n- 要點一\\n- *要點二*")
    '背景\\n第一段連結，續行。\\n要點一\\n要點二'
    """
    lines = split_lines(HTML_COMMENT.sub("", markdown))
    return "\n".join(t for _, _, t in ((i, k, inline_text(t)) for i, k, t in body_blocks(lines, 0)) if t)
