"""Execute the notebooks from a fresh kernel, check them, and export HTML copies.

``python -m analysis notebooks`` (run by ``make report``) executes every
notebook in ``notebooks/`` in name order, writes it back with its outputs (so a
code host shows the findings), strips what changes from run to run (execution
times, kernel ids), and exports an HTML copy to ``reports/notebooks/`` that
carries a subset of the kit's CJK font (:mod:`analysis.htmlfont`), so that its
Chinese reads on a machine without one. Every figure a notebook shows is saved
too, by :func:`analysis.save_figure`, as ``reports/figures/<notebook>-figure-<n>``
(PNG and SVG, :func:`shown_figures`). With ``--corpus`` pointing elsewhere, the
corpus is injected after the cell tagged ``parameters`` (as papermill does) and
only the HTML copies and the figures are written.

The kernel talks to the runner over Unix sockets in a private folder (over
CurveZMQ-encrypted TCP where there are none), never over plain TCP.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import tempfile
from pathlib import Path

from . import config
from .outputs import atomic_write_text

logger = logging.getLogger(__name__)

#: Output text that fails a notebook: missing glyphs mean Chinese did not render.
BAD_OUTPUT = re.compile(r"Glyph \d+ .*missing from|missing from font|Traceback \(most recent call last\)")
#: A relative link to a notebook beside this one, which the HTML copies point to the sibling copy.
_NOTEBOOK_LINK = re.compile(r'href="((?:\./)?[^"/:?#]+)\.ipynb(#[^"]*)?"')


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


def shown_figures(nb, name: str) -> list[str]:
    """The file stems under which ``python -m analysis notebooks`` saves the figures a notebook shows.

    The ``n``-th image output of the executed notebook, counting from 1 in the order of its cells,
    is the figure saved as ``<name>-figure-<n>.png`` and ``.svg`` (see :func:`save_shown_figures`).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook.
    name : str
        The notebook's name without ``.ipynb`` (its stem).

    Returns
    -------
    list of str
        One stem per image output, in order.

    Examples
    --------
    >>> import nbformat
    >>> figure = nbformat.v4.new_output("display_data", data={"image/png": "iVBO", "text/plain": "<Figure>"})
    >>> table = nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1)
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("plot()", outputs=[table, figure]),
    ...                                      nbformat.v4.new_code_cell("plot()", outputs=[figure])])
    >>> shown_figures(nb, "01-corpus-overview")
    ['01-corpus-overview-figure-1', '01-corpus-overview-figure-2']
    """
    n = sum(1 for cell in nb.cells for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))
    return [f"{name}-figure-{k}" for k in range(1, n + 1)]


def save_shown_figures(stem: str | Path) -> None:
    """In a running IPython kernel: save every matplotlib figure the session shows from now on.

    Each figure, as it is shown (drawn inline at the end of a cell, passed to ``display`` or
    returned by a cell), is saved by :func:`analysis.save_figure` as ``<stem>-figure-1``,
    ``<stem>-figure-2``, ... (PNG and SVG, the same bytes from run to run) and left open for
    the display. :func:`execute` runs this in the kernel it starts when asked for the figures;
    a notebook run by hand in JupyterLab saves nothing.

    Parameters
    ----------
    stem : str or Path
        The folder and the notebook's name, e.g. ``reports/figures/01-corpus-overview``.

    Raises
    ------
    RuntimeError
        Outside an IPython session.

    Examples
    --------
    Not run here (it needs a running kernel)::

        save_shown_figures("/tmp/figures/01-corpus-overview")
    """
    from IPython import get_ipython
    from matplotlib.figure import Figure

    shell = get_ipython()
    if shell is None:
        raise RuntimeError("save_shown_figures: not in an IPython session")
    formatter, count = shell.display_formatter, itertools.count(1)
    show = formatter.format

    def save_and_show(obj, include=None, exclude=None):
        if isinstance(obj, Figure):
            from .plots import save_figure

            save_figure(obj, f"{stem}-figure-{next(count)}", close=False)
        return show(obj, include=include, exclude=exclude)

    formatter.format = save_and_show


def _kernel_config(sockets: str | Path):
    """Settings for the kernel manager, so that the kernel is never reached over plain TCP.

    On POSIX, Unix sockets in the private folder ``sockets``; elsewhere TCP with CurveZMQ keys that
    the manager provisions (when pyzmq has Curve and the kernel declares it). Over plain TCP the
    kernel warns at start-up, a warning ``make report`` would print for every notebook.
    """
    from traitlets.config import Config

    if os.name == "posix":
        return Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
    import zmq

    return Config({"KernelManager": {"transport_encryption": "auto" if zmq.has("curve") else "disabled"}})


#: The traceback a kernel may log when it is told to shut down while its output thread is already
#: closing (an ipykernel race at exit, after every cell has run): harmless, and not the notebook's.
_SHUTDOWN_RACE = re.compile(
    r"^ERROR:tornado\.general:Uncaught exception in ZMQStream callback\n"
    r"Traceback \(most recent call last\):\n(?:[ \t].*\n)*"
    r"zmq\.error\.ZMQError: Socket operation on non-socket\n?", re.MULTILINE)


def kernel_messages(text: str) -> list[str]:
    """What a kernel process wrote to its own standard error, one line each, less the shutdown race.

    Cell output reaches the notebook, not this stream: what is left here is the kernel's own
    logging, which :func:`execute` passes on as warnings (or in its error, when a cell fails). The
    one known harmless message, a traceback ipykernel can log while it shuts down
    (``ZMQError: Socket operation on non-socket``), is dropped.

    Parameters
    ----------
    text : str
        The kernel's standard error.

    Returns
    -------
    list of str
        Its non-blank lines, the shutdown race removed.

    Examples
    --------
    >>> race = ("ERROR:tornado.general:Uncaught exception in ZMQStream callback\\n"
    ...         "Traceback (most recent call last):\\n  File \\"x.py\\", line 1, in f\\n    g()\\n"
    ...         "zmq.error.ZMQError: Socket operation on non-socket\\n")
    >>> kernel_messages(race)
    []
    >>> kernel_messages("[IPKernelApp] WARNING | a real problem\\n" + race)
    ['[IPKernelApp] WARNING | a real problem']
    """
    return [line for line in _SHUTDOWN_RACE.sub("", text).splitlines() if line.strip()]


def execute(path: str | Path, *, corpus: str | Path | None = None, timeout: int = 600,
            figures: str | Path | None = None):
    """Run a notebook top to bottom in a fresh kernel, in its own folder; return it executed.

    Parameters
    ----------
    path : str or Path
        The notebook; it is read, not written.
    corpus : str or Path, optional
        Run on this corpus: ``corpus_dir`` is injected after the cell tagged ``parameters``.
    timeout : int
        Seconds a cell may run.
    figures : str or Path, optional
        Save every figure the notebook shows in this folder, as :func:`shown_figures` names them
        (earlier figures of the same notebook there are removed first).

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

        nb = execute(config.NOTEBOOKS_DIR / "01-corpus-overview.ipynb", figures="/tmp/figures")
        problems(nb), shown_figures(nb, "01-corpus-overview")
        # ([], ['01-corpus-overview-figure-1'])
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    if corpus is not None:
        inject_parameters(nb, {"corpus_dir": str(Path(corpus).resolve())})
    startup = []
    if figures is not None:
        folder = Path(figures).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{path.stem}-figure-*"):
            if re.fullmatch(rf"{re.escape(path.stem)}-figure-\d+\.(png|svg)", old.name):
                old.unlink()
        code = f"__import__('analysis.notebooks').notebooks.save_shown_figures({str(folder / path.stem)!r})"
        startup.append(f"--IPKernelApp.exec_lines={code}")
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as sockets:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                extra_arguments=startup, config=_kernel_config(sockets),
                                resources={"metadata": {"path": str(path.parent)}})
        log = Path(sockets) / "kernel.log"
        failed = None
        try:
            with open(log, "w", encoding="utf-8", errors="replace") as stderr:
                client.execute(stderr=stderr)
        except CellExecutionError as exc:
            failed = str(exc).strip().splitlines()[-1]
        said = kernel_messages(log.read_text(encoding="utf-8", errors="replace"))
    if failed is not None:
        raise RuntimeError(f"{path.name}: {failed}" + "".join(f"\n  kernel: {x}" for x in said))
    for line in said:
        logger.warning("%s: kernel: %s", path.name, line)
    strip_volatile(nb)
    bad = problems(nb)
    if bad:
        raise RuntimeError(f"{path.name}: " + "; ".join(bad))
    return nb


def export_html(nb, dest: str | Path) -> Path:
    """Write an executed notebook as a standalone HTML page that shows its Chinese on any machine.

    The page carries a subset of the kit's CJK font for the characters it uses
    (:func:`analysis.htmlfont.embed_font`), and its links to notebooks beside it
    (``02-term-frequencies.ipynb``) point to their HTML copies beside it. Nothing in it is fetched
    from the network to show the text, and the same notebook gives the same bytes.

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
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("[台灣](02-terms.ipynb)")])
    >>> page = export_html(nb, Path(tempfile.mkdtemp()) / "notes.html").read_text(encoding="utf-8")
    >>> page.startswith("<!DOCTYPE html>"), "@font-face" in page, 'href="02-terms.html"' in page
    (True, True, True)
    """
    from nbconvert import HTMLExporter

    from .htmlfont import embed_font

    body, _ = HTMLExporter().from_notebook_node(nb)
    body = _NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    return atomic_write_text(dest, embed_font(body))


def run_all(*, corpus: str | Path | None = None, out: str | Path = config.REPORTS_DIR,
            folder: str | Path = config.NOTEBOOKS_DIR, write_back: bool | None = None) -> list[Path]:
    """Execute every notebook, write the executed copies back, export HTML and save the figures shown.

    Parameters
    ----------
    corpus : str or Path, optional
        Another corpus to run the notebooks on (default: the one their parameters name).
    out : str or Path
        The report folder: HTML copies go to its ``notebooks/`` subfolder, the figures each
        notebook shows to ``figures/`` (named by :func:`shown_figures`).
    folder : str or Path
        Where the notebooks are.
    write_back : bool, optional
        Write executed notebooks over the originals (default: only for the default corpus).

    Returns
    -------
    list of Path
        The files written: for each notebook, its figures (PNG and SVG), the notebook when written
        back, and its HTML copy.

    Raises
    ------
    RuntimeError
        When a notebook fails (see :func:`execute`); the notebooks before it are already written.

    Examples
    --------
    Not run here (it starts a Jupyter kernel or a Dask cluster)::

        written = run_all(corpus="/data/pages", out="/tmp/report")
        [p.name for p in written][:5]
        # ['00-start-here-figure-1.png', '00-start-here-figure-1.svg', '00-start-here-figure-2.png',
        #  '00-start-here-figure-2.svg', '00-start-here.html']
    """
    import nbformat

    if corpus is not None and Path(corpus).resolve() == config.SEEDS_DIR.resolve():
        corpus = None  # the notebooks' own corpus: nothing to inject
    write_back = corpus is None if write_back is None else write_back
    figures = Path(out) / "figures"
    written = []
    for path in notebook_paths(folder):
        logger.info("executing %s", path.name)
        nb = execute(path, corpus=corpus, figures=figures)
        written += [figures / f"{stem}.{fmt}" for stem in shown_figures(nb, path.stem) for fmt in ("png", "svg")]
        if write_back:
            written.append(atomic_write_text(path, nbformat.writes(nb) + "\n"))
        written.append(export_html(nb, Path(out) / "notebooks" / f"{path.stem}.html"))
    return written
