"""Every path the kit uses, built from the package's own location.

Scripts and notebooks import these names instead of writing paths by hand, so
the same code runs from a fresh clone, from JupyterLab and from CI.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJ_ROOT = PACKAGE_DIR.parent

SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"
TABLES_DIR = REPORTS_DIR / "tables"
NOTEBOOK_EXPORTS_DIR = REPORTS_DIR / "notebooks"

#: Data shipped inside the package (dictionaries, stopwords).
DATA_DIR = PACKAGE_DIR / "data"
#: Dictionary adjustments learned from UD Chinese GSD (CC BY-SA 4.0); see analysis.lexicon.
GSD_ADJUSTMENTS = DATA_DIR / "gsd_adjustments.txt"
ENTITIES_DICT = DATA_DIR / "userdict.txt"
STOPWORDS_FILE = DATA_DIR / "stopwords.txt"

#: The project's own dictionary: words a researcher adds for their corpus.
#: ``make report`` and the notebooks pick it up when it exists.
PROJECT_USERDICT = PROJ_ROOT / "dictionaries" / "userdict.txt"

#: Gold segmentation used by the benchmarks (outside the project, never copied in).
GOLD_CONLLU = PROJ_ROOT.parent / "shared" / "data" / "ud-zh-gsd" / "zh_gsd-ud-dev.conllu"


def user_cache_dir() -> Path:
    """Return the per-user cache folder (``$ANALYSIS_CACHE_DIR`` overrides).

    Follows the XDG convention on Linux (``~/.cache/analysis``), and the
    platform's own on macOS and Windows through :mod:`platformdirs`.
    """
    override = os.environ.get("ANALYSIS_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("analysis-kit", appauthor=False)
