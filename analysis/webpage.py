"""Saved web pages (HTML, gzipped too): the article and its related-news block.

:func:`read_html` decodes a saved page (honouring its ``<meta charset>`` before guessing) and
:func:`parse_html` reads it: trafilatura (with htmldate for dates) extracts the main text without
menus, adverts, comments or footers, and the metadata; the page's own related-news block (a heading
such as 相關新聞 or 延伸閱讀, :data:`analysis.decoding.LIST_HEADINGS`) is read item by item, and
taken out of the page before extraction, by :func:`analysis.webpage_related.take_related`. Nothing is
fetched: links are kept as written, made absolute against the page's own address as text only.
"""

from __future__ import annotations

import codecs
import json
import re
import warnings
from datetime import datetime, time as dt_time
from pathlib import Path

from .bylines import header_words
from .datelines import PRECISIONS, parse_dateline, split_byline
from .cutoff import cut_problems, without_cut
from .decoding import decode, read_bytes
from .errors import CorpusError, CorpusWarning, check_errors, problem_row
from .page_dates import SECTIONS
from .text import compact, content_id, is_site_line, is_truncated, subheads
from .typedefs import Errors, PathLike
from .webpage_dates import WHEN, parse_when
from .webpage_related import element_text, take_related

_CHARSET = re.compile(rb"""<(?:meta[^>]*?charset|\?xml[^>]*?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SUPERSETS = {"big5": "cp950", "gb2312": "gb18030", "gbk": "gb18030"}
# Single-byte declarations decode anything, so a wrongly declared Big5 page would come out garbled: guess instead.
_UNTRUSTED = {"ascii", "latin-1", "iso8859-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be"}
_SENTENCE = re.compile("[。！？!?]")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "OpinionNewsArticle", "BackgroundNewsArticle", "Report"}
# Where a page states its publication time, most explicit first.
_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
              "pubdate", "publishdate", "publish-date", "parsely-pub-date", "dc.date.issued", "sailthru.date")
# Advert containers by class or id (ad, ads, ad_box, adGeek-slot, advertisement, sponsor, adsbygoogle,
# gpt-ad-1, div-gpt-ad-1234-0).
_AD = re.compile(r"\s(?:ads?|ad[-_]\S*|adgeek\S*|adsbygoogle|advert\S*|sponsor\S*|\S*gpt-ad\S*|\S+[-_]ads?)\s", re.I)
_BYLINE_XPATH = ("//*[contains(@class,'author') or contains(@class,'reporter') or contains(@class,'byline') or "
                 "contains(@class,'writer') or contains(@id,'author') or contains(@id,'byline')]")
# Where a page shows its article's time: a <time> element or an element of class date or time in the article,
# or in its byline, or the byline's text (端傳媒記者 何兆彬 2024年3月19日 下午4:30); the related blocks are
# taken out before it is read. (Not anywhere in the page: a site's clock or a comment's time is no article's.)
_SHOWN_TIME = (f"//article//time | //article//*[contains(@class,'date') or contains(@class,'time')] | "
               f"{_BYLINE_XPATH}//time | {_BYLINE_XPATH}")


def declared_encoding(data: bytes) -> str | None:
    """The codec a page declares in its first 4 KB (``<meta charset>``, http-equiv or ``<?xml encoding>``).

    Big5 and GB2312/GBK name their supersets (cp950, gb18030), as :func:`analysis.decoding.decode` does;
    declarations that cannot be checked (ASCII, Latin-1, UTF-16 written in ASCII bytes) or are unknown give None.

    Examples
    --------
    >>> declared_encoding(b'<html><head><meta charset="Big5">'), declared_encoding(b"<html>")
    ('cp950', None)
    >>> declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    """
    m = _CHARSET.search(data[:4096])
    try:
        name = codecs.lookup(m[1].decode("ascii")).name if m else None
    except LookupError:
        return None
    return None if name in _UNTRUSTED else _SUPERSETS.get(name, name)


def read_html(file: Path, *, page_id: str, encoding: str | None = None, errors: Errors = "warn",
              columns: object = None) -> tuple[list[dict], list[dict]]:
    """Read a saved web page (``.html``/``.htm``, gzipped too) into documents and problems.

    The bytes are decoded with ``encoding`` when given; else by a byte-order mark; else by the page's
    own declaration (:func:`declared_encoding`) when it decodes them; else as
    :func:`analysis.decoding.decode` detects. The text is read by :func:`parse_html`.
    ``columns`` is accepted for a uniform reader signature, and ignored.

    Parameters
    ----------
    file : Path
        The page.
    page_id : str
        The page's id in the documents table.
    encoding : str, optional
        Decode with this codec instead of detecting it.
    errors : {"warn", "raise"}
        As for :func:`parse_html`.

    Returns
    -------
    tuple of (list of dict, list of dict)
        As :func:`parse_html`; a :class:`CorpusError` when the file cannot be read or decoded.

    Examples
    --------
    >>> read_html(Path("no/such/page.html"), page_id="p")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: no/such/page.html: cannot read file (No such file or directory)
    """
    data = read_bytes(file)
    declared = None if encoding or data.startswith(_BOMS) else declared_encoding(data)
    try:
        text, _ = decode(data, path=file, encoding=encoding or declared)
    except CorpusError:
        if not declared:
            raise
        text, _ = decode(data, path=file)  # a wrong declaration: detect instead
    text, cut = without_cut(text, data)  # a page cut off in the middle of its last character: the rest, and a problem
    docs, problems = parse_html(text, source=file, page_id=page_id, errors=errors)
    return docs, problems + cut_problems(cut, text, path=file, errors=errors)


def _meta(tree) -> dict[str, str]:
    pairs = [((m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower(),
              (m.get("content") or "").strip()) for m in tree.iter("meta")]
    return {k: v for k, v in reversed(pairs) if k and v}  # the first of each name wins


def _json_ld(tree) -> dict:
    """The first article-like JSON-LD object (looking inside lists and ``@graph``), or {}."""
    stack = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            stack.append(json.loads(script.text_content(), strict=False))
        except ValueError:
            continue
    while stack:
        obj = stack.pop(0)
        if isinstance(obj, list):
            stack[:0] = obj
        elif isinstance(obj, dict):
            types = obj.get("@type")
            if _ARTICLE_TYPES & set(types if isinstance(types, list) else [types]):
                return obj
            stack.extend(obj.get("@graph", []))
    return {}


def _name(value) -> str:
    """A JSON-LD person or organisation (or a list of them) as text: names joined by 、."""
    if isinstance(value, list):
        return "、".join(n for n in map(_name, value) if n)
    if isinstance(value, dict):
        value = value.get("name", "")
    return value.strip() if isinstance(value, str) else ""


# Labels before an author's name (作者：, 文／, 記者, 撰文｜), and the names that open what is left
# (王明 風傳媒記者，…).
_AUTHOR_LABEL = re.compile(r"^(?:(?:作者|撰文|文字|文|[記记]者|編譯|编译)\s*[：:／/|｜]?\s*)+")
_LEADING_NAMES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*(?=$|[\s，,。；;|｜(（])")


def _byline(value: str) -> tuple[str, str]:
    """Reporter names and place from an author or byline string (記者王明／台北報導 -> 王明, 台北;
    作者： 張家豪 -> 張家豪; 王曉玟 風傳媒記者，路線：外交 -> 王曉玟)."""
    names, place = split_byline(value)
    if names:
        return names, place
    named = header_words(WHEN.sub(" ", value).strip())  # 端傳媒記者 何兆彬 2024年3月19日 下午4:30: its date left out
    if named["reporter"] and not named["rest"]:
        return named["reporter"], named["reporter_place"]
    rest = _AUTHOR_LABEL.sub("", value.strip()).strip()
    leading = _LEADING_NAMES.match(rest)
    return (leading[0] if leading else rest), ""


# What an error page says first (404, 頁面不存在, 新聞已下架): with little text, the page is no article.
_ERROR_PAGE = re.compile(r"^(?:404|403|410|500)\b"
                         r"|(?:頁面|網頁|新聞|文章|內容)(?:\S{0,6})?(?:不存在|已被?(?:移除|刪除|下架))"
                         r"|找不到(?:\S{0,6})?(?:頁面|網頁)|page not found", re.I)
#: An error page's text is at most this long (characters).
ERROR_PAGE_CHARS = 300


def page_furniture(line: str) -> bool:
    """Whether a line of a web page's extracted text is its furniture, not the article's: what a text page's
    is (:func:`analysis.text.is_site_line`: an advert's label, a prompt to read on, a comment counter, a call
    to join the outlet's LINE or install its app, a photo's caption ending in its credit, tags, a share bar).

    Examples
    --------
    >>> [page_furniture(x) for x in ["廣告", "udn討論區 / 0 則留言 / 我要留言", "外交部今天表示，台美關係穩定。"]]
    [True, True, False]
    """
    return is_site_line(line)


def _link_list(lines: list[str], link_texts: set[str]) -> bool:
    """Whether most lines open with a link's words (of four characters or more, compacted): a list page's entries."""
    links = tuple(text for text in link_texts if len(text) >= 4)
    opening = sum(compact(x).lstrip("-•·►▶").startswith(links) for x in lines)
    return 2 * opening > len(lines)


def _furniture(line: str) -> bool:
    """A leading line that only dates or signs the article (2019/06/21, 更新 2018-09-12 10:20 人氣 352, 記者王明)."""
    return (len(line) <= 40 and not _SENTENCE.search(line) and not parse_dateline(line)
            and bool(WHEN.search(line) or re.search("[記记]者", line)))


#: How trafilatura extracts the main text (and its metadata, when asked).
_EXTRACTION = {"include_comments": False, "include_tables": False, "favor_precision": True}


def _field(doc, name: str) -> str:
    """A field of what trafilatura extracted (a dict in trafilatura 1.x, a Document in 2.x; None when nothing was)."""
    return (doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)) or ""


class _Metadata:
    """trafilatura's reading of a page's metadata (title, author, site name, url, date), made on first use:
    as :func:`trafilatura.bare_extraction` reads it with the same options, from a copy of the page."""

    def __init__(self, tree) -> None:
        self.tree, self.found = tree, None

    def __getitem__(self, name: str) -> str:
        if self.found is None:
            from copy import deepcopy

            from trafilatura.metadata import extract_metadata
            from trafilatura.settings import Extractor

            opts = Extractor(with_metadata=True, precision=_EXTRACTION["favor_precision"],
                             comments=_EXTRACTION["include_comments"], tables=_EXTRACTION["include_tables"])
            # the arguments bare_extraction gives it (its fourth, "extensive", is given the options' "fast")
            try:
                self.found = extract_metadata(deepcopy(self.tree), opts.url, opts.date_params, opts.fast,
                                              opts.author_blacklist)
            except (TypeError, ValueError):  # what bare_extraction gives up on: no metadata, the text kept
                self.found = {}
        return _field(self.found, name)


def _names(suffix: str, name: str) -> bool:
    """Does a title's suffix (``| 晨光新聞網``) name the site ``name``?"""
    return suffix.strip() in name or name in suffix


def _midnight_is_a_day(when: tuple[datetime | None, str, str]) -> tuple[datetime | None, str, str]:
    """A time stated in metadata at midnight (2024-03-05T00:00:00+08:00) is a content system's placeholder for
    a date without its time: the day, so that the time the page shows may give the minute."""
    value, precision, _ = when
    return (value, "day", "") if value is not None and precision != "day" and value.time() == dt_time() else when


def parse_html(html: str, *, source: PathLike = "<string>", page_id: str | None = None,
               errors: Errors = "warn") -> tuple[list[dict], list[dict]]:
    """Parse a saved web page's HTML into the article and its related items.

    The article's title (JSON-LD ``headline``, ``og:title``, else trafilatura's, without a trailing
    ``| outlet``), publication time (the most precise of ``article:published_time``, JSON-LD
    ``datePublished`` and similar meta tags; else a dateline's day; else the day htmldate finds),
    outlet (``og:site_name``, JSON-LD ``publisher``, trafilatura's site name), reporter and place
    (a dateline's byline, a 記者…報導 byline element, JSON-LD or meta ``author``), ``url``
    (canonical or ``og:url``) and main text (trafilatura, precision first, paragraphs joined by
    ``\\n``). A text that opens with a dateline (:func:`analysis.datelines.parse_dateline`) gives its
    outlet, reporter and date, and loses it, as on text pages. ``published`` is the local time
    written (naive); ``time_zone`` is the offset the page states (``"UTC+08:00"``), or ``""``.

    Each related block (:func:`analysis.related.is_list_heading`) gives one related item per link:
    title, summary text (``""`` when none), time when shown, and ``url``. Blocks are removed
    before the main text is extracted, so their headlines never join it; a site's own lists
    (熱門新聞, 更多新聞) are removed without their items. The page's furniture left in the extracted
    text (advert labels, prompts to read on, comment counters, calls to join LINE or install an app,
    photo captions: :func:`page_furniture`) is left out of it, and a section after the headline
    (``| 政治``, :data:`SECTIONS`) out of the title.

    Parameters
    ----------
    html : str
        The page, decoded.
    source : str or Path, optional
        Where the page came from, for messages and the ``source`` column.
    page_id : str, optional
        Defaults to the stem of ``source``.
    errors : {"warn", "raise"}
        On a missing title or date or an empty related block, warn with :class:`CorpusWarning` and
        keep going, or raise :class:`CorpusError`.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The documents (the keys of :data:`analysis.tables.COLUMNS` and ``url``; ``format`` is
        ``"html"``, ``line`` and ``row`` None) and the problems, one row per warning.

    Raises
    ------
    CorpusError
        When the page has no article text, is an error page (a short text whose first line or
        title says 404, 頁面不存在, 新聞已下架) or a list page (``og:type`` other than article, no
        JSON-LD article, most lines opening with a link's words): always; or at the first problem
        with ``errors="raise"``.

    Examples
    --------
    >>> page = ('<html><head><title>颱風逼近 東部停班停課 | 海風報</title><meta property="og:site_name" '
    ...         'content="海風報"><meta property="article:published_time" content="2023-07-26T08:05+08:00">'
    ...         '</head><body><article><h1>颱風逼近 東部停班停課</h1><p>中央氣象局今天清晨發布陸上颱風警報，'
    ...         '花蓮與台東縣政府宣布停班停課，並提醒民眾避免前往海邊與山區。</p></article>'
    ...         '<div class="related"><h3>延伸閱讀</h3><ul><li><a href="/n/2">颱風假怎麼放</a>'
    ...         '<span>2023/07/25 21:40</span></li></ul></div></body></html>')
    >>> docs, problems = parse_html(page, source="p.html")
    >>> [(d["kind"], d["title"], d["outlet"], str(d["published"]), d["published_precision"]) for d in docs]
    [('article', '颱風逼近 東部停班停課', '海風報', '2023-07-26 08:05:00', 'minute'), \
('related', '颱風假怎麼放', '', '2023-07-25 21:40:00', 'minute')]
    >>> docs[0]["time_zone"], docs[0]["text"][:9], docs[1]["url"], problems
    ('UTC+08:00', '中央氣象局今天清晨', '/n/2', [])
    >>> parse_html("<html><body><nav><a href='/'>首頁</a></nav></body></html>", source="m.html")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: m.html: no article text (menus, links or scripts only)
    """
    import trafilatura

    check_errors(errors)
    source = Path(source)
    page_id = page_id or source.stem
    tree = trafilatura.load_html(html)
    if tree is None or tree.find("body") is None:
        raise CorpusError("not an HTML page (nothing to parse)", path=source)
    meta, ld = _meta(tree), _json_ld(tree)
    ld_url = ld.get("url") or ld.get("mainEntityOfPage")
    url = (next(iter(tree.xpath("//link[@rel='canonical']/@href")), "").strip() or meta.get("og:url")
           or _name(ld_url if isinstance(ld_url, str) else (ld_url or {}).get("@id")))
    base = next(iter(tree.xpath("//base/@href")), "").strip() or url
    related, empty = take_related(tree.find("body"), base)  # read, and taken out of the page
    for el in [el for el in tree.xpath("//*[@class or @id]") if el.tag not in ("html", "body", "main", "article")
               and _AD.search(f" {el.get('class', '')} {el.get('id', '')} ")]:
        el.drop_tree()
    bylines = [_byline(element_text(el)) for el in tree.xpath(_BYLINE_XPATH) if re.search("[記记]者", element_text(el))]
    # The main text alone (its extraction does not read the metadata: links are not kept); trafilatura's
    # metadata, which costs as much again, only where the page's own meta tags, JSON-LD and bylines leave
    # a field to it, read from the page as the text's extraction was given it.
    extracted = trafilatura.bare_extraction(tree, with_metadata=False, **_EXTRACTION)
    lines = [x for x in (" ".join(x.split()) for x in _field(extracted, "text").split("\n")) if x]
    doc = _Metadata(tree)
    lines = [x for x in lines if not page_furniture(x)] or lines
    link_texts = {compact(a.text_content()) for a in tree.iter("a")}  # once, not once a line
    if all(compact(x) in link_texts for x in lines):
        raise CorpusError("no article text (menus, links or scripts only)", path=source)  # link words only: menus
    if sum(map(len, lines)) <= ERROR_PAGE_CHARS and (_ERROR_PAGE.search(lines[0]) or _ERROR_PAGE.search(doc["title"])):
        raise CorpusError(f"not an article: an error page ({lines[0][:40]})", path=source)
    kind = meta.get("og:type", "").lower()
    if kind and kind != "article" and not ld and _link_list(lines, link_texts):
        raise CorpusError(f"not an article: a page of type {kind!r} whose text is a list of links (a section or "
                          "list page)", path=source)
    outlet = meta.get("og:site_name") or _name(ld.get("publisher")) or (
        doc["sitename"] if doc["sitename"].lower() not in (doc["url"] or url or "").lower() else "")
    title = _name(ld.get("headline")) or meta.get("og:title") or doc["title"]
    stated_authors = (_name(ld.get("author")), meta.get("author", ""), None)  # None: trafilatura's, read if needed
    reporter, place = bylines[0] if bylines else next(
        (_byline(a) for a in (x if x is not None else doc["author"] for x in stated_authors)
         if a and not (outlet and (a in outlet or outlet in a)) and not a.startswith("http")), ("", ""))
    stated = [_midnight_is_a_day(parse_when(x)) for x in [ld.get("datePublished"), *map(meta.get, _DATE_META),
                                                          *tree.xpath("//*[@itemprop='datePublished']/@datetime")]]
    if all(w[1] in ("", "day") for w in stated):  # the time the page shows, where its metadata states none:
        day = next((w[0].date() for w in stated if w[0]), None)  # the first to the minute, of the stated day
        stated += [w for el in tree.xpath(_SHOWN_TIME) if (w := parse_when(el.get("datetime") or element_text(el)))[1]
                   in ("minute", "second") and (day is None or w[0].date() == day)][:1]
    when, precision, tz = sorted([w for w in stated if w[0]] or [(None, "", "")],
                                 key=lambda w: -PRECISIONS.index(w[1] or "day"))[0]
    written = title
    names = [x for x in (outlet, _name(ld.get("publisher"))) if x]
    for _ in range(2):  # 標題 | 晨光新聞網, 標題 | 政治 | 晨光新聞網
        suffix = re.search(r"\s*[|｜–—_-]\s*([^|｜–—_-]{1,40})$", title)
        if suffix and (suffix[1].strip() in SECTIONS or any(_names(suffix[1], x) for x in names)
                       or (doc["sitename"] and _names(suffix[1], doc["sitename"]))):
            title = title[:suffix.start()]
    headline = {compact(title), compact(written)} - {""}
    lines = lines[1:] if compact(lines[0]) in headline else lines  # the headline, kept
    while lines and _furniture(lines[0]):
        lines = lines[1:]
    head, dateline = parse_dateline(lines[0]) if lines else None, ""
    if head is not None:  # as on text pages: the dateline's fields to their columns, and out of the text
        dateline, outlet = head["dateline"], head["outlet"] or outlet
        reporter, place = (head["reporter"], head["reporter_place"]) if head["reporter"] else (reporter, place)
        lines = [head["rest"]] * bool(head["rest"]) + lines[1:]
        if head["date"] is not None and precision in ("", "day"):
            when, precision, tz = head["date"], "day", head["time_zone"]
    if when is None:
        when, precision, tz = parse_when(doc["date"])
    heads = subheads(lines)  # a feature's section titles (有床，沒有人), kept in the problems table
    written_lines, lines = lines, [x for k, x in enumerate(lines) if k not in heads]
    problems: list[dict] = []
    for reason, action, content in [("article has no title", "left empty", "")] * (not title) + [(
            "article has no publication date (no published_time meta, JSON-LD, dateline or date in the page)",
            "left empty", "")] * (when is None) + [
            (f"related block {h!r} has no readable items (no links with text)", "kept", "") for h in empty] + [
            ("a subhead or a caption between paragraphs, no paragraph: left out", "unplaced", x)
            for k, x in enumerate(written_lines) if k in heads]:
        if errors == "raise":
            raise CorpusError(reason, path=source)
        problems.append(problem_row(source, None, action=action, reason=reason, content=content))
        warnings.warn(f"{source}: {reason}" + (f": {content[:40]!r}" if content else ""), CorpusWarning, stacklevel=2)
    article = {"title": title, "published": when, "published_precision": precision, "time_zone": tz,
               "outlet": outlet, "reporter": reporter, "reporter_place": place, "text": "\n".join(lines),
               "dateline": dateline, "url": url or doc["url"]}
    return [{"doc_id": f"{page_id}:{n:02d}", "page_id": page_id, "kind": "related" if n else "article", "position": n,
             "outlet": "", "reporter": "", "reporter_place": "", "dateline": "", **d,
             "truncated": is_truncated(d["text"]), "content_id": content_id(d["title"], d["text"]),
             "source": str(source), "line": None, "row": None, "format": "html"}
            for n, d in enumerate([article, *related])], problems
