"""Execute the notebooks from a fresh kernel, check them, and export HTML copies.

``python -m analysis notebooks`` (run by ``make report``) executes every
notebook in ``notebooks/`` in name order, writes it back with its outputs (so a
code host shows the findings), strips what changes from run to run (execution
times, kernel ids), and exports an HTML copy to ``reports/notebooks/``. With
``--corpus`` pointing elsewhere, the corpus is injected after the cell tagged
``parameters`` (as papermill does) and only the HTML copies are written.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from . import config
from .outputs import atomic_write_text

logger = logging.getLogger(__name__)

#: Output text that fails a notebook: missing glyphs mean Chinese did not render.
BAD_OUTPUT = re.compile(r"Glyph \d+ .*missing from|missing from font|Traceback \(most recent call last\)")


def notebook_paths(folder: str | Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks of a folder, in reading order (their names sort that way).

    Hidden files (names starting with ``.``) are left out.

    Parameters
    ----------
    folder : str or Path
        Where the notebooks are (default: the project's ``notebooks/``).

    Returns
    -------
    list of Path
        The ``*.ipynb`` files, sorted by name.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("02-terms.ipynb", "01-corpus.ipynb", ".draft.ipynb", "notes.md"):
    ...     _ = (folder / name).write_text("{}")
    >>> [p.name for p in notebook_paths(folder)]
    ['01-corpus.ipynb', '02-terms.ipynb']
    """
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


def inject_parameters(nb, params: dict) -> None:
    """Insert a cell setting ``params`` after the cell tagged ``parameters`` (papermill's convention).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook, changed in place.
    params : dict
        Variable names and values; each value is written as its :func:`repr`.

    Raises
    ------
    ValueError
        When no cell is tagged ``parameters``.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("corpus_dir = 'seeds'", metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("docs = load_corpus(corpus_dir)")])
    >>> inject_parameters(nb, {"corpus_dir": "/data/pages"})
    >>> [cell.source for cell in nb.cells]
    ["corpus_dir = 'seeds'", "corpus_dir = '/data/pages'", 'docs = load_corpus(corpus_dir)']
    >>> inject_parameters(nbformat.v4.new_notebook(), {"corpus_dir": "/data/pages"})
    Traceback (most recent call last):
    ...
    ValueError: the notebook has no cell tagged 'parameters'
    """
    import nbformat

    src = "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return
    raise ValueError("the notebook has no cell tagged 'parameters'")


def strip_volatile(nb) -> None:
    """Remove what changes from run to run: execution timings, papermill and widget metadata; cell ids stay.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook, changed in place.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("1 + 1", metadata={"execution": {"iopub.status.idle": "2026-01-01"}})])
    >>> nb.metadata["widgets"] = {}
    >>> strip_volatile(nb)
    >>> "widgets" in nb.metadata, nb.cells[0].metadata
    (False, {})
    """
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        cell.get("metadata", {}).pop("papermill", None)


def problems(nb) -> list[str]:
    """Error outputs and missing-glyph warnings in an executed notebook, one line each.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook.

    Returns
    -------
    list of str
        ``"cell N: ..."`` for each error output and each stream output that matches
        :data:`BAD_OUTPUT`; empty for a clean notebook.

    Examples
    --------
    >>> import nbformat
    >>> error = nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero")
    >>> glyph = nbformat.v4.new_output("stream", name="stderr",
    ...                                text="UserWarning: Glyph 21488 missing from font(s) DejaVu Sans.")
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0", outputs=[error]),
    ...                                      nbformat.v4.new_code_cell("plot()", outputs=[glyph])])
    >>> problems(nb)
    ['cell 0: ZeroDivisionError: division by zero',
     'cell 1: UserWarning: Glyph 21488 missing from font(s) DejaVu Sans.']
    """
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            if BAD_OUTPUT.search(text):
                found.append(f"cell {i}: {text.strip().splitlines()[0][:200]}")
    return found


def execute(path: str | Path, *, corpus: str | Path | None = None, timeout: int = 600):
    """Run a notebook top to bottom in a fresh kernel, in its own folder; return it executed.

    Parameters
    ----------
    path : str or Path
        The notebook; it is read, not written.
    corpus : str or Path, optional
        Run on this corpus: ``corpus_dir`` is injected after the cell tagged ``parameters``.
    timeout : int
        Seconds a cell may run.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook, with its volatile metadata stripped (:func:`strip_volatile`).

    Raises
    ------
    RuntimeError
        When a cell fails or an output shows a missing glyph, naming the notebook and cell.
    ValueError
        With ``corpus``, when no cell is tagged ``parameters``.

    Examples
    --------
    Not run here (it starts a Jupyter kernel or a Dask cluster)::

        nb = execute(config.NOTEBOOKS_DIR / "01-corpus-overview.ipynb")
        problems(nb)
        # []
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    if corpus is not None:
        inject_parameters(nb, {"corpus_dir": str(Path(corpus).resolve())})
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        raise RuntimeError(f"{path.name}: {str(exc).strip().splitlines()[-1]}") from None
    strip_volatile(nb)
    bad = problems(nb)
    if bad:
        raise RuntimeError(f"{path.name}: " + "; ".join(bad))
    return nb


def export_html(nb, dest: str | Path) -> Path:
    """Write an executed notebook as a standalone HTML page.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook.
    dest : str or Path
        The HTML file, written atomically; missing folders are created.

    Returns
    -------
    Path
        ``dest``.

    Examples
    --------
    >>> import nbformat, tempfile
    >>> page = export_html(nbformat.v4.new_notebook(), Path(tempfile.mkdtemp()) / "empty.html")
    >>> page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    return atomic_write_text(dest, body)


def run_all(*, corpus: str | Path | None = None, out: str | Path = config.REPORTS_DIR,
            folder: str | Path = config.NOTEBOOKS_DIR, write_back: bool | None = None) -> list[Path]:
    """Execute every notebook, write the executed copies back and export HTML to ``out/notebooks``.

    Parameters
    ----------
    corpus : str or Path, optional
        Another corpus to run the notebooks on (default: the one their parameters name).
    out : str or Path
        The report folder; HTML copies go to its ``notebooks/`` subfolder.
    folder : str or Path
        Where the notebooks are.
    write_back : bool, optional
        Write executed notebooks over the originals (default: only for the default corpus).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    RuntimeError
        When a notebook fails (see :func:`execute`); the notebooks before it are already written.

    Examples
    --------
    Not run here (it starts a Jupyter kernel or a Dask cluster)::

        written = run_all(corpus="/data/pages", out="/tmp/report")
        [p.name for p in written][:2]
        # ['01-corpus-overview.html', '02-term-frequencies.html']
    """
    import nbformat

    if corpus is not None and Path(corpus).resolve() == config.SEEDS_DIR.resolve():
        corpus = None  # the notebooks' own corpus: nothing to inject
    write_back = corpus is None if write_back is None else write_back
    written = []
    for path in notebook_paths(folder):
        logger.info("executing %s", path.name)
        nb = execute(path, corpus=corpus)
        if write_back:
            written.append(atomic_write_text(path, nbformat.writes(nb) + "\n"))
        written.append(export_html(nb, Path(out) / "notebooks" / f"{path.stem}.html"))
    return written
