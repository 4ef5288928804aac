"""Progress bars: shown on a terminal or when configure() says so, never for nothing to do."""

from __future__ import annotations

import io
import sys

import pytest

from analysis import configure
from analysis.progress import progress
from analysis.settings import options


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("setting, tty, total, disabled", [
    (None, False, 10, True),      # default, output not a terminal: silent
    (None, True, 10, False),      # default, on a terminal: shown
    (True, False, 10, False),     # configure(progress=True) forces it
    (False, True, 10, True),      # configure(progress=False) silences it
    (True, True, 0, True),        # nothing to do: never shown
    (None, True, 0, True),
])
def test_when_the_bar_is_shown(monkeypatch, setting, tty, total, disabled):
    monkeypatch.setattr(options, "progress", None)  # restored after the test, whatever configure() does
    monkeypatch.setattr(sys, "stderr", Terminal() if tty else io.StringIO())
    if setting is not None:
        configure(progress=setting)
    with progress(total, "reading pages", unit="page") as bar:
        assert bar.disable is disabled


def test_a_shown_bar_waits_two_seconds_before_drawing(monkeypatch):
    stream = Terminal()
    monkeypatch.setattr(options, "progress", True)
    monkeypatch.setattr(sys, "stderr", stream)
    with progress(3, "segmenting", unit="text") as bar:
        bar.update(3)
        assert (bar.total, bar.desc, bar.unit, bar.delay) == (3, "segmenting", "text", 2.0)
    assert stream.getvalue() == ""  # a quick stage leaves no trace
    assert bar.n == 3
