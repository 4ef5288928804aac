"""Files to text: the first step of reading a corpus.

:func:`corpus_files` lists the pages of a corpus; :func:`decode` turns a page's bytes into text.

Crawled pages come in UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark, Big5 (cp950) and GB18030. :func:`decode` recognises byte-order
marks, tries UTF-8, and otherwise asks ``charset_normalizer`` for a guess that
it confirms by finding a page's markers in the decoded text. A UTF-8 file cut off in the middle
of its last character (a crawl stopped mid-write) is UTF-8 still: that character is U+FFFD
(:data:`analysis.cutoff.CUT`), and each reader makes it a problem row (:mod:`analysis.cutoff`).
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from .cutoff import utf8_cut
from .errors import CorpusError
from .typedefs import PathLike

#: Legacy encodings tried, in this order, when a file is not UTF-8.
LEGACY_ENCODINGS = ("cp950", "gb18030")

_SUPERSETS = {"big5": "cp950", "gb2312": "gb18030", "gbk": "gb18030"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Headings of a page's related list, Traditional then Simplified. The page grammar
#: (:mod:`analysis.related`) reads them; here they also tell a correctly decoded page.
LIST_HEADINGS = (
    "相關新聞", "延伸閱讀", "相關文章", "推薦閱讀", "相關報導", "相關閱讀", "你可能也想看", "更多新聞", "熱門新聞",
    "相關影音", "相關影片", "相關連結", "看更多", "更多相關新聞", "看更多相關新聞", "相關新聞推薦", "延伸新聞",
    "推薦新聞", "相關報道", "相關內容", "你可能會喜歡", "你可能也喜歡", "你可能有興趣", "猜你喜歡", "推薦文章",
    "你可能也會想看", "你可能會想看", "相關文章推薦", "相關報導推薦", "推薦報導", "相關推薦", "更多相關報導",
    "相關評論", "相關社論", "相關專欄", "延伸評論", "更多評論",
    "更多相關文章", "你可能也有興趣", "你可能會有興趣", "新聞追蹤", "追蹤報導", "系列追蹤", "系列報導", "同場加映",
    "相关新闻", "延伸阅读", "相关文章", "推荐阅读", "相关报导", "相关报道", "相关阅读", "更多新闻", "热门新闻",
    "相关影音", "相关影片", "相关链接", "看更多", "更多相关新闻", "看更多相关新闻", "相关新闻推荐", "延伸新闻",
    "推荐新闻", "相关内容", "你可能会喜欢", "你可能也喜欢", "你可能有兴趣", "猜你喜欢",
)
#: Headings of a site's own lists (its most read, its latest, its picks), the same on every page, not an
#: article's related news. On a saved web page their blocks are left out. On a text page the lines under
#: them are left out too (one problem row for each list), except under the two that are also in
#: :data:`LIST_HEADINGS` (and 更多…新聞, such as 更多壹蘋新聞): a scraper that kept one list may have
#: written the page's related news under them, so a text page reads them as its related list when they
#: come first.
SITE_LIST_HEADINGS = (
    "更多新聞", "熱門新聞", "熱門推薦", "熱門文章", "熱門排行", "熱門排行榜", "人氣排行", "點閱排行", "排行榜",
    "最新新聞", "即時新聞", "最新文章", "編輯推薦", "編輯精選", "今日熱門", "熱門話題", "熱門影音", "熱門影片", "熱讀",
    "精選新聞", "最新發燒", "最新即時", "讀者迴響", "讀者回應", "其他人也在看", "其他人都在看", "其他人也看了",
    "大家都在看", "大家還看了", "今日熱門新聞", "本日熱門", "即時熱門", "熱門焦點", "Trending", "Most Read", "Popular",
    "網友都在看", "為你推薦", "即時排行", "最HOT話題", "HOT話題", "話題新聞", "熱話", "01熱話", "小編推薦",
    "熱門快報", "熱門內容", "熱門快訊", "人氣新聞", "新聞排行", "最新影音", "最多人閱讀", "最新消息",
    "Most Popular", "Most Viewed", "Top Stories", "Latest News", "作者其他文章", "作者更多文章", "更多作者文章",
    "更多新闻", "热门新闻", "热门推荐", "热门文章", "热门排行", "人气排行", "点阅排行", "排行榜", "最新新闻",
    "即时新闻", "最新文章", "编辑推荐", "编辑精选", "今日热门", "热门话题", "热门影音", "热门影片", "热读", "精选新闻",
)

# Text that only a news page of this corpus holds: a related list's heading or a dateline.
_PAGE_MARKERS = re.compile("|".join(LIST_HEADINGS) + r"|日[訊讯]】")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    r"""Split text on ``\n``, ``\r\n`` and ``\r`` only.

    Unlike :meth:`str.splitlines`, form feeds, ``\x1c``-``\x1e``, U+2028 and
    U+2029 stay inside their line, so line numbers match what an editor shows.

    Parameters
    ----------
    text : str
        A decoded page.

    Returns
    -------
    list of str
        The lines, without their line breaks; a final line break gives a final empty line.

    Examples
    --------
    >>> split_lines("a\r\nb\rc\nd")
    ['a', 'b', 'c', 'd']
    >>> split_lines("a\fb\n")
    ['a\x0cb', '']
    """
    return _LINE_BREAK.split(text)


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _strict(data: bytes, encoding: str, path: Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        cut = utf8_cut(data, encoding)
        if cut is not None:
            return cut
        raise CorpusError(
            f"cannot decode as {encoding} (byte {exc.start})",
            path=path,
            line=_line_of_offset(data, exc.start),
        ) from None
    except LookupError:
        raise CorpusError(f"unknown encoding {encoding!r}", path=path) from None


def decode(data: bytes, *, path: str | Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes.

    Parameters
    ----------
    data : bytes
        The file's content.
    path : str or Path, optional
        Used only to name the file in error messages.
    encoding : str, optional
        Force this codec instead of detecting one.

    Returns
    -------
    tuple of (str, str)
        The text, and the name of the codec that decoded it.

    Raises
    ------
    CorpusError
        For a binary file, or bytes that no candidate encoding decodes.

    Examples
    --------
    >>> decode("相關新聞".encode("cp950"))
    ('相關新聞', 'cp950')
    >>> decode("相關新聞".encode()[:-1])  # cut off in the middle of its last character
    ('相關新\ufffd', 'utf-8')
    """
    path = Path(path) if path is not None else None
    if encoding is not None:
        return _strict(data, encoding, path), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, path), codec
    if b"\x00" in data:
        raise CorpusError(
            "binary file (NUL bytes and no UTF-16 byte-order mark)",
            path=path,
            line=_line_of_offset(data, data.index(b"\x00")),
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    cut = utf8_cut(data, "utf-8")
    if cut is not None:
        return cut, "utf-8"
    candidates = list(LEGACY_ENCODINGS)
    guess = _detect(data)
    if guess and guess not in candidates:
        candidates.insert(0, guess)
    decoded = []
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _PAGE_MARKERS.search(text):
            return text, codec
        decoded.append((codec, text))
    if decoded:
        # Nothing looks like a news page; return the best decoding and let the parser say so.
        codec, text = decoded[0]
        return text, codec
    raise CorpusError(
        "not UTF-8, Big5 or GB18030 text; pass encoding=... to force one",
        path=path,
        line=_line_of_offset(data, utf8_error.start),
    )


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name
    # Prefer the supersets that real sites and tools write.
    return _SUPERSETS.get(name, name)


#: File name endings the kit reads, and the format each names (the ``format`` column).
FORMATS = {
    ".txt": "text", ".html": "html", ".htm": "html", ".html.gz": "html", ".htm.gz": "html",
    ".csv": "csv", ".csv.gz": "csv", ".tsv": "tsv", ".tsv.gz": "tsv", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl", ".ndjson.gz": "jsonl", ".json": "json", ".json.gz": "json", ".parquet": "parquet",
    ".xlsx": "excel", ".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".xml": "feed", ".rss": "feed",
    ".atom": "feed", ".md": "markdown", ".markdown": "markdown",
}


def file_format(path: PathLike) -> str | None:
    """The format a file name says (a value of :data:`FORMATS`), or None for a file the kit does not read.

    Examples
    --------
    >>> [file_format(p) for p in ["a.txt", "b.HTML.gz", "c.csv", "d.xlsx", "e.pdf", "f.jsonl.gz", "g.sqlite"]]
    ['text', 'html', 'csv', 'excel', None, 'jsonl', 'sqlite']
    """
    name = Path(path).name.lower()
    for suffix in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return FORMATS[suffix]
    return None


def page_stem(path: PathLike) -> str:
    """A file's name without the ending that says its format (``page.html.gz`` -> ``page``).

    Examples
    --------
    >>> page_stem("saved/p1.html.gz"), page_stem("000_bb4a.txt"), page_stem("notes.v2.csv")
    ('p1', '000_bb4a', 'notes.v2')
    """
    name = Path(path).name
    for suffix in sorted(FORMATS, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(path).stem


class Listing(NamedTuple):
    """What :func:`corpus_listing` finds: the files the kit reads, and those it does not with the reason.

    Attributes
    ----------
    files : list of Path
        The files to read, in order.
    unread : list of tuple of (Path, str)
        The other files of a folder, in the same order, each with why it is not read.
    root : Path or None
        The folder the files were found in (their page ids are their paths from it); None for files given.
    """

    files: list[Path]
    unread: list[tuple[Path, str]]
    root: Path | None


def _hidden(name: str) -> bool:
    return name.startswith(".")


def corpus_listing(path: PathLike | Iterable[PathLike]) -> Listing:
    """The files of a corpus, and those of its folder that the kit does not read.

    A folder is read with its subfolders (a crawl saved as ``2024-05-03/outlet_123.txt``), every file in a
    format the kit reads (:data:`FORMATS`), sorted by its path from the folder; hidden files and folders
    (``.git``, ``.ipynb_checkpoints``, ``.DS_Store``) are passed over, and every other file is listed as
    not read, with the reason. One file, or several files given, are taken as they are.

    Parameters
    ----------
    path : str, Path or iterable of them
        A folder, one file, or several files (taken as given, in their order, unchecked).

    Returns
    -------
    Listing
        ``(files, unread, root)``.

    Raises
    ------
    CorpusError
        When a folder or file given as ``path`` does not exist.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name)
    >>> for name in ["b.txt", "2024-05-03/a.txt", "2024-05-03/scan.pdf", ".git/config", "notes"]:
    ...     (root / name).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (root / name).write_text("x", encoding="utf-8")
    >>> listing = corpus_listing(root)
    >>> [p.relative_to(root).as_posix() for p in listing.files]
    ['2024-05-03/a.txt', 'b.txt']
    >>> [(p.relative_to(root).as_posix(), reason) for p, reason in listing.unread]
    [('2024-05-03/scan.pdf', 'not a format the kit reads (.pdf)'), ('notes', 'not a format the kit reads (no ending)')]
    >>> folder.cleanup()
    """
    if not isinstance(path, (str, Path)):
        return Listing([Path(x) for x in path], [], None)
    p = Path(path)
    if p.is_file():
        return Listing([p], [], None)
    if not p.is_dir():
        raise CorpusError("no such file or folder", path=p)
    files, unread = [], []
    for found in sorted(_walk(p), key=lambda f: f.relative_to(p).parts):
        if file_format(found) is not None:
            files.append(found)
        else:
            ending = "".join(found.suffixes[-2 if found.suffix.lower() == ".gz" else -1:]).lower()
            unread.append((found, f"not a format the kit reads ({ending or 'no ending'})"))
    return Listing(files, unread, p)


def _walk(folder: Path) -> Iterator[Path]:
    """Every file under ``folder`` but hidden ones and those in hidden folders (links to folders not followed)."""
    for parent, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if not _hidden(f)]
        for name in names:
            if not _hidden(name):
                found = Path(parent, name)
                if found.is_file():
                    yield found


def corpus_files(path: PathLike | Iterable[PathLike]) -> list[Path]:
    """The files of a corpus: every file in a format the kit reads (:data:`FORMATS`) of a folder and its
    subfolders, sorted by path (:func:`corpus_listing`); one file; or the files given.

    Parameters
    ----------
    path : str, Path or iterable of them
        A folder, one file, or several files (taken as given, in their order, unchecked).

    Returns
    -------
    list of Path

    Raises
    ------
    CorpusError
        When a folder or file given as ``path`` does not exist.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> [p.name for p in corpus_files(SEEDS_DIR)]
    ['000_bb4a6ccb6fd5c6e9.txt']
    >>> corpus_files("no/such/folder")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: no/such/folder: no such file or folder
    """
    return corpus_listing(path).files


def read_bytes(path: PathLike) -> bytes:
    """A file's bytes, gunzipped when its name ends in ``.gz``; a :class:`CorpusError` naming it when unreadable.

    Examples
    --------
    >>> read_bytes("no/such/page.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: no/such/page.txt: cannot read file (No such file or directory)
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read file ({exc.strerror or exc})", path=path) from None
    if path.name.lower().endswith(".gz"):
        import gzip

        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise CorpusError(f"cannot decompress gzip file ({exc})", path=path) from None
    return data

