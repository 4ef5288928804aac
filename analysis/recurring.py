"""Lines a site prints on many of its pages: found across a crawl, and taken out of the articles' texts.

A scraper that saves a page's visible text keeps the site's own lines with the article: the call to
download the app, the copyright notice, the editor's note under every story, a share bar's counter. The
page reader knows many of them by their words (:func:`analysis.text.is_site_line`), but every site writes
its own. Across a crawl they give themselves away: the same line, word for word, under articles about
different things. :func:`recurring_lines` finds them, one crawl at a time (the pages of the folder read,
with its subfolders, or the rows of one table), and :func:`drop_recurring_lines` takes them out of the
articles' texts; :func:`analysis.read_corpus` does both unless told to keep them
(``recurring_lines="keep"``). Titles and related items are left as they are.

Lines are compared with their width variants and spaces folded, and a counter's number too
(``已有3,817人分享`` and ``已有93人分享`` are one line; not a row of data, ``第一區：03 11 17``); pages are
counted as articles (a page crawled twice, the same headline, is one). A line is the site's when it is on at least
:data:`MIN_PAGES` articles of its crawl and none of these says it is the article's own:

- it is a sentence (it ends as one does, ``。！？.」``…, or in a bracket's close: ``（作者為台灣大學經濟系教授）``)
  and is on fewer than :data:`MIN_SHARE` of the crawl's articles, or the crawl has fewer than
  :data:`MIN_SENTENCE_CRAWL`: a story's background repeated by its follow-ups, a wire story carried by several
  portals, a reporter's formula (``案件詳細情形仍待警方進一步調查。``); a site's sentence (its copyright) is on
  nearly every page of a crawl;
- on half of its pages or more it shares a pair of Han characters with the headline (the story's own words);
- it is a row of data, three numbers or more the same on every page (one event's results);
- its pages are related beyond it: nearly every two of them (the lower quartile) share at least a tenth of their
  pairs of Han characters, and twice what two pages of the crawl share (one story, one wire copy, one daily
  template's rows), the lines on nearly every page and the other recurring lines that are no sentences left
  aside; where the line is on nearly every page (the crawl compared with itself), its pages share 8% of their
  pairs or their headlines a fifth (``空品預報 第一日``, ``空品預報 第二日``: a crawl of one story or template);
- it stands between two lines of the article's own, the second a sentence, on half of its pages or more, or in a
  block of such lines after a line that introduces it (``…如下：``): a subheading, a lead-in, a list, a table
  (``▌事件始末``, ``他說：``).

So a site's promotion on a few pages of one section, a share bar's counter, a call under every story go; on a crawl
of one or two pages nothing is taken out. A crawl of short briefs whose pages share little besides a recurring
block (a timetable, a score line) can still lose it: a review's probes of such briefs lost lines in 10 of 66.
"""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import PurePath
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .decoding import decode, read_bytes, split_lines
from .errors import CorpusError, CorpusWarning, problem_row
from .recurrence import NUMBER, OWN_END, Pages, line_key, line_keys, story_share
from .selection import of_kind, with_texts
from .typedefs import Errors

#: The fewest articles of one crawl a line must be on to be the site's.
MIN_PAGES = 3
#: Article texts whose lines are read at a time (bounds the memory of reading a crawl's every line).
BLOCK = 20_000
#: The share of a crawl's articles on which a sentence must be to be the site's, in a crawl of at least
#: :data:`MIN_SENTENCE_CRAWL` articles (a line that is no sentence needs only :data:`MIN_PAGES`).
MIN_SHARE = 0.8
#: The fewest articles of a crawl in which a sentence can be the site's.
MIN_SENTENCE_CRAWL = 10
#: Columns of :func:`recurring_lines`, in order.
COLUMNS = ("crawl", "line", "pages", "crawl_pages", "page_id", "source", "source_line", "source_row")

# a line's pages are related (one story, one wire copy, one template) when nearly every two of them share this many
# times the pairs of Han characters two pages of the crawl share, and at least this share of them
_RELATED_TIMES, _RELATED_LEAST = 2.0, 0.1
# ... and, where the line is on nearly every page of the crawl (which is then compared with itself), at least this
_WHOLE_RELATED = 0.08
# ... or their headlines this much (空品預報 第一日, 空品預報 第二日)
_WHOLE_TITLES = 0.2

RecurringLines = Literal["drop", "keep"]


def _crawls(docs: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """The crawl of each document at ``rows``: its table (a document with a ``row``), else the folder read (its
    file's folder less the subfolders its ``page_id`` names: ``2024-05-03/setn_1460679``)."""
    sources = docs["source"].iloc[rows].to_numpy(dtype=object)
    ids = docs["page_id"].iloc[rows].to_numpy(dtype=object)
    tables = docs["row"].iloc[rows].notna().to_numpy() if "row" in docs else np.zeros(len(rows), dtype=bool)
    return np.array([str(s) if table else str(PurePath(str(s)).parents[str(i).count("/")])
                     for s, i, table in zip(sources, ids, tables)], dtype=object)


def _articles(docs: pd.DataFrame) -> pd.DataFrame:
    """The articles: ``row`` (the position in ``docs``), ``article`` (a number for its headline, or its text where
    it has none: a page crawled twice is one article) and ``crawl``."""
    rows = np.flatnonzero(of_kind(docs, "article"))
    titles = pd.Series(docs["title"].iloc[rows].to_numpy(dtype=object)).map(
        lambda t: " ".join(unicodedata.normalize("NFKC", t).split()))  # numbers as written
    same = np.where(titles != "", titles, docs["content_id"].iloc[rows].to_numpy(dtype=object))
    return pd.DataFrame({"row": rows, "article": pd.factorize(same)[0], "crawl": _crawls(docs, rows)})


def _hashes(keys: np.ndarray) -> np.ndarray:
    """Each key's 64-bit hash (the lines of a crawl are counted by it, not held as strings)."""
    return pd.util.hash_array(keys, categorize=False) if len(keys) else np.zeros(0, dtype=np.uint64)


def _article_lines(docs: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row for each distinct line of each article's text: its article's ``row``, ``article`` and ``crawl``
    (as a number), and the line's key as a 64-bit ``hash``; the texts read :data:`BLOCK` at a time."""
    crawl = pd.factorize(articles["crawl"].to_numpy())[0]
    frames = []
    for start in range(0, len(articles), BLOCK):
        part = slice(start, start + BLOCK)
        parents, keys, _ = line_keys(docs["text"].iloc[articles["row"].to_numpy()[part]])
        keys = keys.to_numpy(zero_copy_only=False)
        kept = keys != ""
        at = parents[kept] + start
        frames.append(pd.DataFrame({"row": articles["row"].to_numpy()[at],
                                    "article": articles["article"].to_numpy()[at], "crawl": crawl[at],
                                    "hash": _hashes(keys[kept].astype(object))}))
        del keys
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        {"row": [], "article": [], "crawl": [], "hash": np.zeros(0, dtype=np.uint64)})
    return frame.drop_duplicates(["row", "hash"], ignore_index=True)


def _where(docs: pd.DataFrame, at: int, key: str) -> tuple[int | None, int | None]:
    """Where the line is in the file of the document at ``at``: a text or Markdown page's line that reads as
    ``key`` (else None), and a table's row (else None)."""
    fmt = docs["format"].iat[at] if "format" in docs else ""
    row = docs["row"].iat[at] if "row" in docs else None
    row = None if row is None or pd.isna(row) else int(row)
    if fmt not in ("text", "markdown") or row is not None:
        return None, row
    source = docs["source"].iat[at]
    try:
        text, _ = decode(read_bytes(source), path=source)
    except (OSError, CorpusError):
        return None, None
    return next((i + 1 for i, line in enumerate(split_lines(text)) if line_key(line) == key), None), None


def recurring_lines(docs: pd.DataFrame, *, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE) -> pd.DataFrame:
    """The lines a site prints on many pages of a crawl: its own, not its articles' (see the module's account).

    Parameters
    ----------
    docs : DataFrame
        The documents table (:func:`analysis.load_corpus`, read with ``recurring_lines="keep"`` to see the
        lines it would take out); only the articles' texts are read.
    min_pages : int
        The fewest articles of one crawl a line must be on.
    min_share : float
        The share of the crawl's articles a sentence must be on.

    Returns
    -------
    DataFrame
        One row a line (:data:`COLUMNS`): the ``crawl`` (the folder read, or the table), the ``line`` as the
        first page holding it writes it, the ``pages`` it is on and the ``crawl_pages``, and that first page
        (``page_id``, ``source``, and where in it: ``source_line``, the line of a text or Markdown page, or
        ``source_row``, the row of a table; None where it cannot be told, as in a saved web page); the lines of
        the most pages first.

    Examples
    --------
    >>> promo = "下載APP 看新聞抽好禮"
    >>> docs = pd.DataFrame({"kind": "article", "source": [f"crawl/p{i}.txt" for i in range(4)],
    ...                      "page_id": [f"p{i}" for i in range(4)],
    ...                      "title": ["颱風來襲", "股市大漲", "選戰開打", "棒球奪冠"],
    ...                      "text": [f"{t}\\n{promo}" for t in ["颱風逼近東部。", "台股收漲百點。", "選戰進入倒數。",
    ...                                                           "中職冠軍出爐。"]],
    ...                      "content_id": ""})
    >>> recurring_lines(docs)[["crawl", "line", "pages", "crawl_pages"]].values.tolist()
    [['crawl', '下載APP 看新聞抽好禮', 4, 4]]
    """
    if not len(docs):
        return pd.DataFrame(columns=list(COLUMNS))
    articles = _articles(docs)
    lines = _article_lines(docs, articles)
    crawl_names = pd.factorize(articles["crawl"].to_numpy())[1]
    # pages are counted as articles (a page crawled twice is one), pages only said
    counts = lines.drop_duplicates(["crawl", "hash", "article"]).groupby(["crawl", "hash"], sort=False).size()
    candidates = counts[counts >= min_pages]
    found = []
    if len(candidates):
        crawl_articles = articles.drop_duplicates(["crawl", "article"]).groupby("crawl").size()
        crawl_pages = articles.groupby("crawl").size()
        title_of = dict(zip(articles["row"], docs["title"].iloc[articles["row"].to_numpy()].to_numpy(dtype=object)))
        chosen = lines.set_index(["crawl", "hash"]).loc[candidates.index].sort_values("row", kind="stable")
        by_hash = chosen.groupby(level=[0, 1], sort=False)["row"].agg(lambda r: r.to_numpy())
        # each candidate's key, from its first page (the lines of a few pages made strings, not the crawl's)
        key_of = {}
        for (_, h), rows in by_hash.items():
            if h not in key_of:
                page = [k for k in map(line_key, docs["text"].iat[int(rows[0])].split("\n")) if k]
                key_of.update(zip(_hashes(np.array(page, dtype=object)).tolist(), page))
        pages_of = {(crawl_names[code], key_of[h]): rows for (code, h), rows in by_hash.items() if h in key_of}
        articles_on = {(crawl_names[code], key_of[h]): n for (code, h), n in candidates.items() if h in key_of}
        wide = {key for (crawl, key), n in articles_on.items() if n >= min_share * crawl_articles[crawl]}
        texts = Pages(docs, {key for _, key in articles_on}, wide)
        baseline: dict[str, float] = {}
        for (crawl, key), rows in pages_of.items():
            total = int(crawl_articles[crawl])
            whole = articles_on[crawl, key] >= min_share * total
            if (not whole or total < MIN_SENTENCE_CRAWL) and key[-1] in OWN_END:
                continue  # a sentence on part of the crawl: a story's background, a reporter's formula
            if len(NUMBER.findall(key)) >= 3:
                continue  # a row of data, the same numbers on every page: one event's table
            if story_share(key, rows, title_of) >= 0.5:
                continue  # the story's: its background, repeated by its follow-ups
            if crawl not in baseline:
                baseline[crawl] = texts.shared(articles["row"].to_numpy()[articles["crawl"].to_numpy() == crawl])
            shared = texts.shared(rows, besides=key)
            if shared >= _RELATED_LEAST and shared > _RELATED_TIMES * baseline[crawl]:
                continue  # pages related beyond the line: one story, one wire copy, one template
            if whole and (shared >= _WHOLE_RELATED or texts.titles_shared(rows, title_of) >= _WHOLE_TITLES):
                continue  # a crawl of one story or one template: its pages compared with themselves
            if texts.inside(key, rows):
                continue  # a subheading, a lead-in, a list or a table of the article's
            first = int(rows[0])
            written = next(x.strip() for x in docs["text"].iat[first].split("\n") if line_key(x) == key)
            found.append((crawl, written, len(rows), int(crawl_pages[crawl]), docs["page_id"].iat[first],
                          str(docs["source"].iat[first]), *_where(docs, first, key)))
    table = pd.DataFrame(found, columns=list(COLUMNS))
    return table.sort_values(["crawl", "pages", "line"], ascending=[True, False, True], kind="stable",
                             ignore_index=True)


def drop_recurring_lines(docs: pd.DataFrame, *, lines: pd.DataFrame | None = None, errors: Errors = "warn"
                         ) -> tuple[pd.DataFrame, list[dict]]:
    """Take the site's ``lines`` out of its articles' texts, each said once.

    Parameters
    ----------
    docs : DataFrame
        The documents table.
    lines : DataFrame, optional
        The lines to take out, by ``crawl`` and ``line`` (default: :func:`recurring_lines` of ``docs``, whose
        other columns the problems quote).
    errors : {"warn", "raise"}
        Warn once for each line (:class:`analysis.CorpusWarning`), or raise :class:`analysis.CorpusError`.

    Returns
    -------
    tuple of DataFrame and list of dict
        The documents, those changed with their ``text``, ``truncated`` and ``content_id`` made again
        (``docs`` itself when nothing is taken out), and one problem row for each line
        (:func:`analysis.errors.problem_row`, action ``unplaced``, at the first page holding it).

    Examples
    --------
    >>> docs = pd.DataFrame({"kind": ["article"], "source": ["crawl/p.txt"], "page_id": ["p"], "title": ["颱風來襲"],
    ...                      "text": ["颱風逼近。\\n下載APP"], "truncated": [False], "content_id": [""]})
    >>> lines = pd.DataFrame({"crawl": ["crawl"], "line": ["下載APP"]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     out, problems = drop_recurring_lines(docs, lines=lines)
    >>> out["text"].tolist(), problems[0]["reason"]
    (['颱風逼近。'], "the site's line on many pages of crawl, left out of their texts")
    """
    if lines is None:
        lines = recurring_lines(docs)
    if not len(lines):
        return docs, []
    problems = []
    for line in lines.to_dict("records"):
        on = (f"the site's line on {line['pages']} of the {line['crawl_pages']} pages" if "crawl_pages" in line
              else "the site's line on many pages")
        reason = f"{on} of {line['crawl']}, left out of their texts"
        source = str(line.get("source", ""))
        at, row = (None if pd.isna(x) else int(x) for x in (line.get("source_line"), line.get("source_row")))
        if errors == "raise":
            raise CorpusError(f"row {row}: {reason}" if row else reason, path=source, line=at)
        problems.append(problem_row(source, row or at, action="unplaced", reason=reason, content=line["line"]))
        where = f"{source}: row {row}" if row else f"{source}:{at}" if at else source
        warnings.warn(f"{where}: {reason}: {line['line'][:40]!r}", CorpusWarning, stacklevel=3)
    # every line of the articles of the crawls concerned, its crawl's and its key side by side, looked up at once
    site = pa.array([f"{c}\x00{line_key(x)}" for c, x in zip(lines["crawl"], lines["line"])], type=pa.string())
    articles = np.flatnonzero(of_kind(docs, "article"))
    crawls = _crawls(docs, articles)
    concerned = np.isin(crawls, list(set(lines["crawl"])))
    rows, crawls = articles[concerned], crawls[concerned]
    parents, keys, flat = line_keys(docs["text"].iloc[rows])
    crawl_of = pa.array(crawls, type=pa.string()).take(pa.array(parents))
    drop = pc.is_in(pc.binary_join_element_wise(crawl_of, keys, "\x00"), value_set=site).to_numpy(zero_copy_only=False)
    if not drop.any():
        return docs, problems
    hit = np.unique(parents[drop])  # the texts that lose a line
    keep = ~drop & np.isin(parents, hit)
    counts = np.bincount(np.searchsorted(hit, parents[keep]), minlength=len(hit))
    offsets = pa.array(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32))
    new = pc.binary_join(pa.ListArray.from_arrays(offsets, flat.filter(pa.array(keep))), "\n").to_pylist()
    return with_texts(docs, rows[hit], new), problems
