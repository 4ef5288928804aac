"""Find a font that draws Traditional Chinese, on any machine.

:func:`cjk_font` looks for a CJK font installed on the system (Traditional
forms first) and falls back to the Noto Sans CJK font that the ``mplfonts``
package ships, so that figures render after the README's set-up alone.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from .config import package_file

logger = logging.getLogger(__name__)

#: System families tried in order; Traditional (Taiwan) forms first.
PREFERRED_FAMILIES = (
    "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TW", "Source Han Sans TC",
    "PingFang TC", "Microsoft JhengHei", "Heiti TC", "Noto Sans CJK HK",
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
    "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing TW",
)
#: Characters a usable font must draw: a sample of this corpus's Traditional text.
PROBE = "美國駐聯合國大使蔡總統臺灣黑熊相關新聞訊「」，。"


def _covers(path: str, text: str = PROBE) -> bool:
    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError):
        return False
    return all(ord(ch) in charmap for ch in text)


def _bundled_font() -> Path | None:
    try:
        path = package_file("mplfonts", "fonts", "NotoSansCJKsc-Regular.otf")
    except ImportError:
        return None
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Return the family name of a font that draws Traditional Chinese, registering it if needed.

    ``$ANALYSIS_FONT`` (a family name or a font file) overrides the search. The answer is
    cached for the session.

    Returns
    -------
    str
        A family name matplotlib knows, e.g. ``"Noto Sans CJK TC"`` or, from ``mplfonts``,
        ``"Noto Sans CJK SC"``.

    Raises
    ------
    RuntimeError
        When neither the system nor the ``mplfonts`` package has a CJK font.

    Examples
    --------
    >>> isinstance(cjk_font(), str)
    True
    """
    override = os.environ.get("ANALYSIS_FONT")
    if override:
        if Path(override).is_file():
            font_manager.fontManager.addfont(override)
            return font_manager.FontProperties(fname=override).get_name()
        return override
    by_name: dict[str, list[str]] = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, []).append(entry.fname)
    for family in PREFERRED_FAMILIES:
        for path in by_name.get(family, []):
            if _covers(path):
                logger.debug("CJK font from the system: %s (%s)", family, path)
                return family
    bundled = _bundled_font()
    if bundled is None:
        raise RuntimeError("no CJK font found: install fonts-noto-cjk, or reinstall the kit (mplfonts)")
    font_manager.fontManager.addfont(str(bundled))
    family = font_manager.FontProperties(fname=str(bundled)).get_name()
    logger.debug("CJK font shipped by mplfonts: %s (%s)", family, bundled)
    return family


def use_cjk_font() -> str:
    """Put the CJK font first in matplotlib's sans-serif list, with DejaVu Sans after it.

    Every plotting function of the kit calls this, so figures you draw yourself
    in the same session render Chinese too.

    Returns
    -------
    str
        The CJK family name.

    Raises
    ------
    RuntimeError
        When no CJK font is found (see :func:`cjk_font`).

    Examples
    --------
    >>> import matplotlib as mpl
    >>> use_cjk_font() == mpl.rcParams["font.sans-serif"][0]
    True
    """
    import matplotlib as mpl

    family = cjk_font()
    fallback = [f for f in mpl.rcParams["font.sans-serif"] if f != family]
    mpl.rcParams["font.family"] = ["sans-serif"]
    mpl.rcParams["font.sans-serif"] = [family, *fallback]
    mpl.rcParams["axes.unicode_minus"] = False
    return family
