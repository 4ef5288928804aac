"""A saved web page's related-news blocks, read item by item and taken out of the page.

A block is found by its heading (相關新聞, 延伸閱讀 and the like: :func:`analysis.related.is_list_heading`;
a site's own lists, 熱門新聞 and 更多新聞, are taken out of the page without their items),
whether the heading leads a container of links or stands alone before a list or a run of link-only
paragraphs. :func:`take_related` reads each block's items (one per link: headline, summary, time when
shown, URL made absolute against the page's address as text only) and removes the block from the page,
so that :mod:`analysis.webpage` extracts the article's text without it.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from .related import is_list_heading, is_site_list_heading
from .text import compact
from .webpage_dates import WHEN, parse_when

_TRAILING_DATE = re.compile(rf"\s*[(（\[]?{WHEN.pattern}\s*[)）\]]?$")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "header", "dt", "legend",
                 "caption", "em", "label"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DECORATION = " >›»▶►▸▼•·|+-"
_RELATIVE_TIME = re.compile(r"^(?:\d+\s*(?:秒|分鐘|分|小時|天|日|週|周|個月|年)前|剛剛|昨天|前天)$")
_MORE = re.compile(r"^(?:[看閱阅查]\S?)?更多\S{0,4}$|^more\b|^[»>]+$", re.I)


def element_text(el) -> str:
    """An element's text with its white space collapsed; ``""`` for None.

    Examples
    --------
    >>> from trafilatura import load_html
    >>> element_text(load_html("<html><body><p> 颱風 <b>來了</b>\\n 快跑 </p></body></html>").find(".//p"))
    '颱風 來了 快跑'
    """
    return " ".join(el.text_content().split()) if el is not None else ""


def take_related(body, base: str) -> tuple[list[dict], list[str]]:
    """Read the related blocks under ``body`` (an lxml element) and remove them from the page.

    Parameters
    ----------
    body : lxml.html.HtmlElement
        The page's ``<body>``; changed in place: each block found is dropped (its tail stays).
    base : str
        The page's address, to make the items' links absolute against (as text); ``""`` keeps them as written.

    Returns
    -------
    tuple of (list of dict, list of str)
        The items, in page order (``title``, ``published``, ``published_precision``, ``time_zone``,
        ``text`` and ``url``; an article linked twice, once), and the headings of blocks that had no readable item.

    Examples
    --------
    >>> from trafilatura import load_html
    >>> tree = load_html('<html><body><p>正文。</p><div><h3>相關新聞</h3><ul><li><a href="/n/2">颱風假怎麼放</a>'
    ...                  '<time datetime="2023-07-25T21:40">昨晚</time></li></ul></div></body></html>')
    >>> items, empty = take_related(tree.find("body"), "https://news.example.tw/n/1")
    >>> [(i["title"], str(i["published"]), i["url"]) for i in items], empty
    ([('颱風假怎麼放', '2023-07-25 21:40:00', 'https://news.example.tw/n/2')], [])
    >>> element_text(tree.find("body"))
    '正文。'
    """
    related, empty = [], []
    for heading, holders, remove in _related_blocks(body):
        if is_site_list_heading(heading):  # the site's own list (熱門新聞): neither related news nor the text
            for node in remove:
                node.drop_tree()
            continue
        found = [item for holder in holders for item in _items(holder, base)]
        related, empty = related + found, empty + ([] if found else [heading])
        for node in remove:
            node.drop_tree()  # its tail stays
    seen: set[str] = set()  # an article linked twice (延伸閱讀： in the text, then in the list) is one item
    return [item for item in related if not ((key := item["url"] or item["title"]) in seen or seen.add(key))], empty


def _has_links(el, skip=None) -> bool:
    return any(a.get("href") for a in el.iter("a") if skip is None or skip not in a.iterancestors())


def _related_blocks(body) -> list[tuple[str, list, list]]:
    """Each related-news block: its heading text, the elements holding its items, the nodes to remove."""
    blocks: list[tuple[str, list, list]] = []
    taken: set = set()
    for h in body.iter(*_HEADING_TAGS):
        heading = compact(h.text_content()).strip(_DECORATION)
        if (not is_list_heading(heading) or any(a.tag == "a" for a in h.iterancestors())
                or taken & {h, *h.iterancestors()}):
            continue
        node, block, ancestors = h, None, set(h.iterancestors())
        while (parent := node.getparent()) is not None and parent.tag not in ("body", "html", "main", "article"):
            # another section's heading (not an item's linked headline): the container holds more than this list
            others = [x for x in parent.iter(*_HEADINGS) if x is not h and x not in ancestors and not _has_links(x)
                      and not any(a.tag == "a" for a in x.iterancestors())]
            if others or not compact(parent.text_content()).lstrip(_DECORATION).startswith(heading):
                break  # the heading no longer leads this container
            if _has_links(parent, skip=h):
                block = parent
                break
            node = parent
        # a heading alone: its items follow it (a list, or link-only paragraphs)
        holders = [block] if block is not None else _following(node)
        blocks.append((heading, holders, [node] + holders if block is None else [block]))
        taken.update(blocks[-1][2])
    return blocks


def _following(node) -> list:
    """The siblings after a lone heading that hold its items: one list, or a run of link-only paragraphs."""
    found = []
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag not in ("ul", "ol", "div", "p", "section", "nav", "li") or not _has_links(sibling) or found and (
                sibling.tag in ("ul", "ol") or len(compact(sibling.text_content())) > 2 * sum(
                len(compact(a.text_content())) for a in sibling.iter("a"))):
            break
        found.append(sibling)
        if sibling.tag in ("ul", "ol"):
            break
    return found


def _walk(el, skip: set) -> list[str]:
    """The text nodes of an element in order, leaving out the elements in ``skip`` (their tails kept)."""
    parts = [] if el in skip or not isinstance(el.tag, str) or el.tag in ("script", "style") else [el.text or ""]
    if parts:
        for child in el:
            parts += _walk(child, skip) + [child.tail or ""]
    return parts


def _items(block, base: str) -> list[dict]:
    """A related block's items: one per distinct link, with its headline, summary and time when shown."""
    groups: dict[str, list] = {}
    for a in block.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:")):
            groups.setdefault(href, []).append(a)
    items = []
    for href, links in groups.items():
        inner = [x for a in links for x in a.iter(*_HEADINGS)] or [
            x for a in links for x in a.xpath(".//*[contains(@class,'title')]")]
        title_el = inner[0] if inner else max(links, key=lambda a: len(compact(a.text_content())))
        title = element_text(title_el) or (links[0].get("title") or "").strip() or next(
            (img.get("alt", "").strip() for a in links for img in a.iter("img")), "")
        if not title or _MORE.match(title) or is_list_heading(title.strip(_DECORATION)):  # the heading's own link
            continue
        item = links[0]
        while (parent := item.getparent()) is not None and item is not block and parent is not block and {
                a.get("href", "").strip() for a in parent.iter("a") if a.get("href")} == {href}:
            item = parent
        stamps = item.xpath(".//*[@datetime]") + list(item.iter("time"))
        when, precision, tz = next((w for s in stamps if (w := parse_when(s.get("datetime") or element_text(s)))[0]),
                                   (None, "", ""))
        skip = {title_el, *stamps, *(a for a in links if title_el not in a.iter())}
        summary = " ".join("".join(_walk(item, skip)).split())
        if when is None:  # a date written in the summary, or after the headline: 標題（2022/08/30）
            when, precision, tz = parse_when(summary)
            summary = WHEN.sub("", summary, count=1) if when is not None else summary
        if when is None and (end := _TRAILING_DATE.search(title)) and end.start():
            (when, precision, tz), title = parse_when(end[0]), title[:end.start()]
        if _RELATIVE_TIME.match(summary):  # 2小時前: a time the page gave when it was saved, no date and no summary
            summary = ""
        items.append({"title": title, "published": when, "published_precision": precision, "time_zone": tz,
                      "text": summary.strip(_DECORATION + "｜・—"), "url": urljoin(base, href) if base else href})
    return items
