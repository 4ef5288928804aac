"""Session settings: configure() changes what it is given, keeps the rest, and refuses bad values whole."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from analysis import configure
from analysis.settings import Options, check_engine, options


@pytest.fixture(autouse=True)
def restore_options():
    """Every test here changes the session's settings: put them back afterwards."""
    saved = dataclasses.asdict(options)
    yield
    for name, value in saved.items():
        setattr(options, name, value)


@pytest.fixture
def defaults():
    for f in dataclasses.fields(Options):
        setattr(options, f.name, f.default)
    return options


@pytest.mark.parametrize("kw, expected", [
    ({"use_cache": False}, {"use_cache": False}),
    ({"cache_dir": "some/where"}, {"cache_dir": Path("some/where")}),
    ({"cache_dir": Path("/tmp/c")}, {"cache_dir": Path("/tmp/c")}),
    ({"workers": 3}, {"workers": 3}),
    ({"progress": True}, {"progress": True}),
    ({"progress": False}, {"progress": False}),
    ({"engine": "dask", "scheduler": "tcp://h:8786"}, {"engine": "dask", "scheduler": "tcp://h:8786"}),
    ({}, {}),
])
def test_configure_sets_what_it_is_given_and_keeps_the_rest(defaults, kw, expected):
    before = dataclasses.asdict(options)
    returned = configure(**kw)
    assert returned is options
    assert dataclasses.asdict(options) == {**before, **expected}


def test_none_keeps_the_current_value(defaults):
    configure(workers=3, progress=True, engine="dask")
    configure(workers=None, progress=None, engine=None)
    assert (options.workers, options.progress, options.engine) == (3, True, "dask")


@pytest.mark.parametrize("kw, message", [
    ({"workers": 0}, "workers must be at least 1"),
    ({"workers": -2}, "workers must be at least 1"),
    ({"engine": "spark"}, "engine must be 'local' or 'dask', not 'spark'"),
])
def test_bad_values_raise_and_change_nothing(defaults, kw, message):
    before = dataclasses.asdict(options)
    with pytest.raises(ValueError, match=message):
        configure(use_cache=False, progress=True, **kw)
    assert dataclasses.asdict(options) == before


def test_bad_options():
    with pytest.raises(ValueError):
        configure(workers=0)
    with pytest.raises(ValueError):
        configure(engine="spark")


@pytest.mark.parametrize("workers, expected", [(1, 1), (4, 4), (None, max(1, os.cpu_count() or 1))])
def test_n_workers(workers, expected):
    assert Options(workers=workers).n_workers == expected


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_check_engine_accepts_the_known_engines(engine):
    assert check_engine(engine) == engine


def test_options_defaults():
    assert Options() == Options(use_cache=True, cache_dir=None, workers=None, progress=None, engine="local",
                                scheduler=None)
