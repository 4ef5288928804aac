"""Chinese in an HTML page on any machine: a subset of the kit's CJK font, embedded in the page.

An exported notebook shows its tables and text with the reader's fonts, and a machine without a
CJK font draws Chinese as empty boxes. :func:`embed_font` puts into the page's ``<head>`` a WOFF
subset of Noto Sans CJK SC (shipped by the ``mplfonts`` package, the font the figures fall back to),
holding only the characters the page uses, as a base64 ``@font-face``, and adds it at the end of
the font lists of markdown, outputs and code. Nothing is fetched when the page is written or
read, and the same page gives the same bytes.

Noto Sans CJK is licensed under the SIL Open Font License 1.1, which allows embedding it in a
document; the subset keeps the font's copyright and licence records (name IDs 0, 13 and 14).
"""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

from .config import package_file

#: The font embedded: Noto Sans CJK SC as ``mplfonts`` ships it (SIL Open Font License 1.1).
FONT_FILE = ("mplfonts", "fonts", "NotoSansCJKsc-Regular.otf")
#: The CSS name of the embedded subset (a name of the page's own, so no installed font is taken for it).
FAMILY = "analysis-cjk"
#: Name records kept in the subset: copyright, family, style, ids, version, PostScript name,
#: trademark, licence and licence URL.
NAME_IDS = (0, 1, 2, 3, 4, 5, 6, 7, 13, 14)
#: Where the subset applies: the selectors of nbconvert's templates that set a font (markdown, HTML
#: outputs and tables; text outputs, code and the code cells), each list ending with the subset.
_CSS_RULES = (
    (".jp-RenderedHTMLCommon, .jp-RenderedMarkdown, .jp-OutputArea-output",
     "--jp-content-font-family", "sans-serif"),
    (".jp-RenderedText, .jp-RenderedText pre, .jp-OutputArea-output pre, .jp-RenderedHTMLCommon pre, "
     ".jp-RenderedHTMLCommon code, .cm-editor, .jp-InputArea-editor, .highlight pre",
     "--jp-code-font-family", "monospace"),
)
_MARK = "analysis: embedded CJK font"
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def font_path() -> Path:
    """The font file the subsets are cut from.

    Returns
    -------
    Path
        Noto Sans CJK SC as the ``mplfonts`` package ships it.

    Raises
    ------
    ImportError
        When ``mplfonts`` is not installed.

    Examples
    --------
    >>> font_path().name
    'NotoSansCJKsc-Regular.otf'
    """
    return package_file(*FONT_FILE)


def page_characters(page: str) -> str:
    """The distinct characters beyond ASCII that a page shows, in code-point order.

    The contents of ``<script>`` and ``<style>`` elements are left out (nbconvert's template
    carries a table of every HTML entity in a script); character references (``&#20013;``,
    ``&amp;``) are decoded, so a character written either way counts.

    Parameters
    ----------
    page : str
        An HTML page.

    Returns
    -------
    str
        Each character once, sorted.

    Examples
    --------
    >>> page_characters("<p>中共 &#20013;國 and 中國</p><script>const x = '&#193;';</script>")
    '中共國'
    """
    shown = _HIDDEN.sub(" ", page)
    return "".join(sorted({ch for ch in html.unescape(shown) if ord(ch) > 127}))


def subset_font(text: str, *, font: str | Path | None = None) -> bytes:
    """A WOFF font holding only the glyphs of ``text``, the same bytes for the same text.

    Parameters
    ----------
    text : str
        The characters to keep (repeats and characters the font lacks are ignored).
    font : str or Path, optional
        An OpenType or TrueType font file (default: :func:`font_path`).

    Returns
    -------
    bytes
        The subset, WOFF-compressed, with the name records of :data:`NAME_IDS` and no layout
        features (a page of Chinese needs none).

    Examples
    --------
    >>> from fontTools.ttLib import TTFont
    >>> cmap = TTFont(io.BytesIO(subset_font("台灣"))).getBestCmap()
    >>> sorted(chr(c) for c in cmap)
    ['台', '灣']
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.name_IDs = list(NAME_IDS)
    options.flavor = "woff"
    ttfont = TTFont(str(font or font_path()), lazy=True, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text))))
    subsetter.subset(ttfont)
    buffer = io.BytesIO()
    ttfont.flavor = "woff"
    ttfont.save(buffer, reorderTables=True)
    return buffer.getvalue()


def font_css(text: str, *, font: str | Path | None = None) -> str:
    """A ``<style>`` element: the ``@font-face`` of the subset for ``text``, and where it applies.

    The subset is the last font of each list, so that a page's Latin letters keep their font and
    only characters no earlier font draws come from it.

    Parameters
    ----------
    text : str
        The characters the subset must draw.
    font : str or Path, optional
        The font file (default: :func:`font_path`).

    Returns
    -------
    str
        The element, one line per rule.

    Examples
    --------
    >>> css = font_css("台灣")
    >>> css.startswith("<style>") and "@font-face" in css and "font/woff" in css
    True
    """
    data = base64.b64encode(subset_font(text, font=font)).decode("ascii")
    rules = [f"/* {_MARK}: a subset of Noto Sans CJK SC, SIL Open Font License 1.1 */",
             f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: 400; '
             f'src: url("data:font/woff;base64,{data}") format("woff"); }}']
    rules += [f'{selectors} {{ font-family: var({variable}, {generic}), "{FAMILY}"; }}'
              for selectors, variable, generic in _CSS_RULES]
    return "<style>\n" + "\n".join(rules) + "\n</style>\n"


def embed_font(page: str, *, font: str | Path | None = None) -> str:
    """Embed a subset of the kit's CJK font in an HTML page, for the characters beyond ASCII it shows.

    Parameters
    ----------
    page : str
        An HTML page with a ``</head>`` (as nbconvert writes them).
    font : str or Path, optional
        The font file (default: :func:`font_path`).

    Returns
    -------
    str
        The page with :func:`font_css` inserted before ``</head>``; unchanged when it shows no
        character beyond ASCII, has no ``</head>`` or already holds an embedded font.

    Examples
    --------
    >>> page = embed_font("<html><head></head><body><p>台灣黑熊</p></body></html>")
    >>> page.count("@font-face"), page.index("@font-face") < page.index("<body>")
    (1, True)
    >>> embed_font(page) == page
    True
    """
    chars = page_characters(page)
    if not chars or _MARK in page:
        return page
    head = re.search(r"</head\s*>", page, flags=re.IGNORECASE)
    if head is None:
        return page
    return page[:head.start()] + font_css(chars, font=font) + page[head.start():]
