"""Which way a file is read where its name could mislead: a ``*.json`` file of JSON Lines, a ``*.txt`` table.

- Many scrapers name JSON Lines ``.json`` (``mongoexport`` writes them by default): one object a line, so the
  whole document does not parse ("Extra data" after the first object). :func:`json_lines` tells such a file,
  which is then read as JSON Lines, a line a row (a broken line a problem row).
- Excel's "Unicode Text" export (UTF-16 with a byte-order mark, tab-separated, quoted cells over several lines) and
  other tab-separated exports are saved as ``.txt``, the ending of a text page. :func:`text_table` tells such a
  table from a page: its first line holds tabs between column names (:func:`analysis.tabular.recognise_columns`
  finds a title, text or summary among them) and its first records parse as TSV, each of two cells or more and
  no more than the header's. A page's headline holds no column names, and its other lines no cells.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .errors import CorpusError
from .tabular import ColumnMap, recognise_columns

#: Records of a ``*.txt`` file that :func:`text_table` reads to tell a table from a page.
SNIFF_RECORDS = 200
#: The longest column name of a ``*.txt`` table's header, in characters.
LONGEST_NAME = 40
# Punctuation that ends or breaks a sentence: a headline's or a sentence's, never a column's name.
_SENTENCE = frozenset("。，！？；、：「」『』…")


def json_lines(lines: Iterable[str]) -> bool:
    """Whether a JSON file's text is JSON Lines: its first line that is not blank is a whole JSON object, and more
    follows it (so that the whole document does not parse: "Extra data" after that first value).

    Parameters
    ----------
    lines : iterable of str
        The text's lines (read only as far as its second line that is not blank).

    Returns
    -------
    bool

    Examples
    --------
    >>> json_lines(['{"title": "颱風"}\\n', '\\n', '{"title": "停班"}\\n'])
    True
    >>> json_lines(['[{"title": "颱風"},\\n', '{"title": "停班"}]\\n']), json_lines(['{"title": "颱風"}\\n', '\\n'])
    (False, False)
    >>> json_lines(['{\\n', '  "title": "颱風"\\n', '}\\n'])  # one object over several lines
    False
    """
    first = None
    for line in lines:
        if not line.strip():
            continue
        if first is not None:
            return True
        try:
            first = json.loads(line)
        except (ValueError, RecursionError):
            return False
        if not isinstance(first, dict):
            return False
    return False


def _names(cells: list[str], columns: ColumnMap | None) -> bool:
    """Are the cells a header's column names, a title, text or summary among them?"""
    if len(cells) < 2 or any(len(c) > LONGEST_NAME or _SENTENCE & set(c) for c in cells):
        return False
    try:
        recognise_columns(cells, columns=columns)
    except (CorpusError, ValueError):
        return False
    return True


def text_table(text: str, *, columns: ColumnMap | None = None) -> bool:
    """Whether a ``*.txt`` file's text is a tab-separated table, not a text page.

    Its first line holds tabs, its cells are column names (of :data:`LONGEST_NAME` characters at most, no
    sentence's punctuation) among which :func:`analysis.tabular.recognise_columns` finds a title, text or
    summary, and its first :data:`SNIFF_RECORDS` records parse as TSV: each that is not empty holds from two
    cells to as many as the header.

    Parameters
    ----------
    text : str
        The decoded file.
    columns : mapping, optional
        Which column holds which field, as :func:`analysis.tabular.recognise_columns` takes it.

    Returns
    -------
    bool

    Examples
    --------
    >>> text_table('標題\\t發布時間\\t內文\\r\\n颱風來襲\\t2024/06/03\\t"第一段。\\r\\n第二段。"\\r\\n')
    True
    >>> text_table("颱風來襲\\t東部停班停課\\n【大紀元2024年06月03日訊】颱風今天來襲。")  # a headline with a tab
    False
    >>> text_table("標題\\t颱風來襲\\n【大紀元2024年06月03日訊】颱風今天來襲。")  # no header: a page's first line
    False
    """
    first = text[:text.find("\n") + 1 or len(text)]
    if "\t" not in first:
        return False
    records = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    try:
        header = [c.strip().lstrip("\ufeff").strip() for c in next(records, [])]
        if not _names([c for c in header if c], columns):
            return False
        seen = 0
        for cells in records:
            if not any(c.strip() for c in cells):
                continue
            if not 2 <= len(cells) <= len(header):
                return False
            seen += 1
            if seen == SNIFF_RECORDS:
                break
    except csv.Error:  # pragma: no cover - the lenient default dialect reads any text
        return False
    return seen > 0
