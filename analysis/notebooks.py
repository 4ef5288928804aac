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
    """The notebooks of a folder, in reading order (their names sort that way)."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


def inject_parameters(nb, params: dict) -> None:
    """Insert a cell setting ``params`` after the cell tagged ``parameters`` (papermill's convention)."""
    import nbformat

    src = "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return
    raise ValueError("the notebook has no cell tagged 'parameters'")


def strip_volatile(nb) -> None:
    """Remove what changes from run to run: timings, kernel and widget state, cell ids stay."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        cell.get("metadata", {}).pop("papermill", None)


def problems(nb) -> list[str]:
    """Error outputs and missing-glyph warnings in an executed notebook, one line each."""
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

    Raises
    ------
    RuntimeError
        When a cell fails or an output shows a missing glyph, naming the notebook and cell.
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
    """Write an executed notebook as a standalone HTML page."""
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
