"""A font that draws Traditional Chinese, found on any machine, and how the kit puts it first."""

from __future__ import annotations

import matplotlib as mpl
import pytest
from matplotlib import font_manager

from analysis.fonts import PROBE, _bundled_font, _covers, cjk_font, use_cjk_font


@pytest.fixture
def fresh_search():
    """cjk_font() remembers its answer; forget it before and after a test that changes the search."""
    cjk_font.cache_clear()
    yield
    cjk_font.cache_clear()


def test_cjk_font_covers_traditional_chinese():
    family = cjk_font()
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert _covers(path, PROBE + "蓬佩奧歐江安臉書聲音來源")


def test_fallback_font_shipped_by_a_registry_package_covers_chinese():
    """On a machine with no CJK font, the font that mplfonts ships is used; it must draw the corpus."""
    path = _bundled_font()
    assert path is not None and _covers(str(path), PROBE + "蓬佩奧歐江安臉書聲音來源")


def test_covers_tells_a_latin_font_and_a_broken_file(tmp_path):
    latin = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=False)
    assert _covers(latin, "abc") and not _covers(latin)
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    assert not _covers(str(tmp_path / "broken.ttf")) and not _covers(str(tmp_path / "missing.ttf"))


def test_environment_names_a_family(fresh_search, monkeypatch):
    monkeypatch.setenv("ANALYSIS_FONT", "Some Family TC")
    assert cjk_font() == "Some Family TC"


def test_environment_names_a_font_file(fresh_search, monkeypatch):
    bundled = _bundled_font()
    monkeypatch.setenv("ANALYSIS_FONT", str(bundled))
    assert cjk_font() == font_manager.FontProperties(fname=str(bundled)).get_name()


def test_use_cjk_font_puts_it_first():
    with mpl.rc_context({"font.sans-serif": ["DejaVu Sans", cjk_font(), "Arial"], "axes.unicode_minus": True}):
        family = use_cjk_font()
        assert family == cjk_font()
        assert mpl.rcParams["font.sans-serif"] == [family, "DejaVu Sans", "Arial"]  # once, then the rest
        assert mpl.rcParams["font.family"] == ["sans-serif"] and mpl.rcParams["axes.unicode_minus"] is False
        assert use_cjk_font() == family and mpl.rcParams["font.sans-serif"].count(family) == 1
