"""The kit's code a kept result depends on: the modules a module runs, and a digest of them.

A result kept on disk by content (a page as parsed, a text's terms, a document's actors and quotes) is
keyed by the code that makes it: :func:`code_digest` of the module that makes it covers that module and
every module of the kit it imports, directly or through others, at the top or inside a function (read
from the source, not from what a process happens to have imported), with the kit's data files and the
versions of Python and Unicode. A release that changes only other modules (a figure, a table the
report derives, the command line) keeps those results; one that changes any module they run does not.
"""

from __future__ import annotations

import ast
import hashlib
import platform
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from . import config

#: The kit's top package: importing one of its modules runs its ``__init__``, which only names what
#: it exports (loaded on first use) and so is not counted as code a result depends on.
PACKAGE = "analysis"


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    """Every module of the kit by dotted name (a package by its own name, for its ``__init__.py``)."""
    found = {}
    for path in sorted(config.PACKAGE_DIR.rglob("*.py")):
        parts = (PACKAGE, *path.relative_to(config.PACKAGE_DIR).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


@lru_cache(maxsize=1)
def _exports() -> dict[str, str]:
    """The names the top package exports, by the module defining them (its ``_EXPORTS``, read from the source)."""
    tree = ast.parse((config.PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_EXPORTS" for t in node.targets):
            return {name: f"{PACKAGE}.{module}" for name, module in ast.literal_eval(node.value).items()}
    return {}


@cache
def _imports(module: str) -> frozenset[str]:
    """The kit's modules that ``module`` imports itself, anywhere in its source but under ``if TYPE_CHECKING:``."""
    modules = _modules()
    path = modules[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []  # names for type checkers only: never imported when the code runs
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                here = package.split(".")
                base = here[:len(here) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            # "from . import config" imports a module; "from analysis import read_corpus" a name it exports
            names = [source, *(f"{source}.{alias.name}" for alias in node.names)]
            if source == PACKAGE:
                names += [_exports()[alias.name] for alias in node.names if alias.name in _exports()]
        else:
            continue
        for name in names:
            # importing a.b.c runs the packages a.b and a.b.c too
            parts = name.split(".")
            found.update(".".join(parts[:i]) for i in range(2, len(parts) + 1) if ".".join(parts[:i]) in modules)
    return frozenset(found)


def imported_modules(module: str) -> tuple[str, ...]:
    """``module`` and every module of the kit it imports, directly or through others, sorted.

    Imports are read from the source: those at the top of a module and those inside its functions
    alike (whether or not they run), and a name imported from the top package (``from analysis
    import read_corpus``) as the module that defines it; not those under ``if TYPE_CHECKING:``.

    Parameters
    ----------
    module : str
        A dotted name, ``"analysis.corpus"``.

    Returns
    -------
    tuple of str

    Raises
    ------
    KeyError
        For a name that is not a module of the kit.

    Examples
    --------
    >>> deps = imported_modules("analysis.termlists")
    >>> "analysis.segmentation.segmenter" in deps, "analysis.report" in deps
    (True, False)
    """
    if module not in _modules():
        raise KeyError(f"no module {module!r} in the kit")
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_imports(name) - seen)
    return tuple(sorted(seen))


def code_files(module: str) -> tuple[Path, ...]:
    """The source files of :func:`imported_modules` of ``module`` (a dotted name), in the same order.

    Examples
    --------
    >>> [p.name for p in code_files("analysis.config")]
    ['config.py']
    """
    modules = _modules()
    return tuple(modules[name] for name in imported_modules(module))


@cache
def code_digest(module: str) -> str:
    """A digest of the code ``module`` runs (:func:`imported_modules`: names and bytes), of the kit's data
    files, and of the Python and Unicode versions: made once a process for each module.

    Parameters
    ----------
    module : str
        The module that makes a kept result, ``"analysis.corpus"``.

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> len(code_digest("analysis.corpus")), code_digest("analysis.corpus") == code_digest("analysis.termlists")
    (32, False)
    """
    h = hashlib.blake2b(digest_size=16)
    files = [*code_files(module), *sorted(config.DATA_DIR.glob("*.txt"))]
    for path in files:
        h.update(path.relative_to(config.PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(f"{platform.python_version()}\0{unicodedata.unidata_version}".encode())
    return h.hexdigest()
