"""Every notebook in a real browser: JupyterLab, headless Chromium, all cells run, what a reader sees checked.

One JupyterLab server (on a free localhost port, with a token) serves copies of ``notebooks/*.ipynb`` from
a temporary folder, beside a link to ``seeds/`` (the notebooks read ``../seeds``); its configuration,
settings and workspaces are temporary too, so neither the repository nor the user's own JupyterLab is
touched. One headless Chromium (the system's, driven by playwright; nothing is downloaded) opens each
notebook, runs all cells and fails on

- an error output, or a traceback or an error on stderr;
- a missing-glyph warning in any output;
- Chinese drawn as empty boxes (a character that renders like a code point no font has);
- an image that does not load, and a widget that does not display;
- an explorer (``analysis.explore``) that does not answer a typed term with concordance lines.

A full-page screenshot of each notebook, and one of each explorer after it answered, is saved to
``build/browser/`` for a person to look at; ``pytest -s`` prints their paths, and failures name them.
Without chromium or playwright the tests skip, unless ``CI`` is set: then they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis.config import NOTEBOOKS_DIR, PROJ_ROOT, SEEDS_DIR
from analysis.notebooks import BAD_OUTPUT, notebook_paths

NOTEBOOKS = notebook_paths(NOTEBOOKS_DIR)
SCREENSHOTS = PROJ_ROOT / "build" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium reaches for Google's services, which a closed network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TERM = "克拉夫特"  # a term of the seed page, typed into each explorer
RUN_TIMEOUT = 300  # seconds for one notebook's cells
WIDTH = 1280
#: JupyterLab settings for the test: every cell in the page (so all can be checked and shot), no autosave,
#: no question about news.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
STDERR_PROBLEM = re.compile(BAD_OUTPUT.pattern + r"|\b\w*Error\b")


def _missing() -> list[str]:
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the Python package playwright is not installed (make install)")
    if not Path(CHROMIUM).is_file():
        missing.append("no chromium executable (apt-get install chromium fonts-noto-cjk)")
    return missing


MISSING = _missing()


def _require_browser() -> None:
    """Skip when chromium or playwright is missing, naming what; under CI (``CI`` set), fail instead."""
    if MISSING:
        message = "browser test: " + "; ".join(MISSING)
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this fails instead of skipping)")
        pytest.skip(message)


# -- what the page shows: collected in the browser, judged here ------------------------------------------

# The notebook open in JupyterLab: its cells' kinds, execution counts, outputs (as saved) and, from the
# page itself, every output's MIME type and text, every image's load state and every Chinese character
# that renders like a code point no font has (an empty box).
_COLLECT = r"""() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const notdef = "\u0378";  // unassigned: no font has it, so it draws as the font's empty box
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  const references = new Map();
  const draw = (ch, family) => {
    ctx.font = "32px " + family;
    ctx.clearRect(0, 0, 48, 48);
    ctx.fillText(ch, 4, 36);
    return ctx.getImageData(0, 0, 48, 48).data;
  };
  const same = (a, b) => a.every((v, i) => v === b[i]);
  const boxes = (text, family) => {
    if (!references.has(family)) references.set(family, draw(notdef, family));
    const box = references.get(family);
    const chars = new Set(text.match(/[\p{Script=Han}\u3001-\u303f\uff01-\uff5e]/gu) || []);
    return [...chars].filter(ch => { const d = draw(ch, family); return same(d, box) || d.every(v => v === 0); });
  };
  const textBoxes = node => {
    const found = new Set();
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const family = t.parentElement && getComputedStyle(t.parentElement).fontFamily;
      if (family) boxes(t.textContent, family).forEach(c => found.add(c));
    }
    return [...found];
  };
  return panel.content.widgets.map((cell, index) => ({
    index,
    type: cell.model.type,
    source: cell.model.sharedModel.getSource(),
    count: cell.model.type === "code" ? (cell.model.executionCount ?? null) : null,
    outputs: cell.model.type === "code" ? cell.model.outputs.toJSON() : [],
    shown: [...cell.node.querySelectorAll(".jp-OutputArea-output")].map(o => ({
      mime: o.getAttribute("data-mime-type") || "",
      text: o.textContent,
    })),
    images: [...cell.node.querySelectorAll(".jp-OutputArea-output img")].map(img => ({
      src: img.src.slice(0, 80), complete: img.complete, width: img.naturalWidth,
    })),
    boxes: textBoxes(cell.node),
  }));
}"""

_KERNEL_IDLE = r"""() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === "connected" && kernel.status === "idle";
}"""

_IMAGES_LOADED = r"""() => [...document.querySelectorAll(".jp-OutputArea-output img")].every(img => img.complete)"""

# A widget's output says "Loading widget..." until its view is drawn, or "Error displaying widget: ..." instead.
_WIDGETS_SETTLED = r"""() => ![...document.querySelectorAll(".jp-OutputArea-output")]
  .some(o => o.textContent.trim() === "Loading widget...")"""


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip().strip("-")]
    return (lines[0] if lines else "")[:200]


def page_problems(cells: list[dict]) -> list[str]:
    """What is wrong with a notebook as the page shows it, one line each (empty when nothing is).

    ``cells`` is what :data:`_COLLECT` returns: per cell its ``index``, ``type``, ``source``, ``count``,
    ``outputs`` (nbformat output dicts), ``shown`` (MIME type and text of each rendered output), ``images``
    (``complete`` and ``width``, the natural width) and ``boxes`` (characters drawn as empty boxes).
    """
    found = []
    failed = False
    for c in cells:
        where = f"cell {c['index']}"
        errors = [o for o in c["outputs"] if o.get("output_type") == "error"]
        found += [f"{where}: {o.get('ename')}: {o.get('evalue')}" for o in errors]
        failed = failed or bool(errors)  # after an error, Run All runs no further cell
        if c["type"] == "code" and c["source"].strip() and c["count"] is None and not failed:
            found.append(f"{where}: did not run (no execution count)")
        for out in c["shown"]:
            if out["mime"] == "application/vnd.jupyter.stderr":
                if not errors and STDERR_PROBLEM.search(out["text"]):  # an error output's traceback is named above
                    found.append(f"{where}: on stderr: {_first_line(out['text'])}")
            elif BAD_OUTPUT.search(out["text"]):
                found.append(f"{where}: in {out['mime'] or 'an output'}: {_first_line(out['text'])}")
            if "Error displaying widget" in out["text"]:
                found.append(f"{where}: a widget did not display: {_first_line(out['text'])}")
        for img in c["images"]:
            if not (img["complete"] and img["width"] > 0):
                found.append(f"{where}: an image did not render ({img['src']}...)")
        if c["boxes"]:
            found.append(f"{where}: drawn as empty boxes (no font has them): {''.join(c['boxes'][:20])}")
    return found


# -- the server and the browser ---------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_settings(folder: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@pytest.fixture(scope="module")
def lab_root(tmp_path_factory) -> Path:
    """A folder for the server: copies of the notebooks in ``notebooks/``, beside ``seeds`` (a link)."""
    root = tmp_path_factory.mktemp("lab")
    (root / "notebooks").mkdir()
    for path in NOTEBOOKS:
        shutil.copy(path, root / "notebooks" / path.name)
    (root / "seeds").symlink_to(SEEDS_DIR, target_is_directory=True)
    (root / "scratch").mkdir()  # notebooks the tests write themselves
    return root


@pytest.fixture(scope="module")
def lab(lab_root, tmp_path_factory):
    """A JupyterLab server on ``lab_root``: yields its base URL and token; stopped after the module."""
    _require_browser()
    home = tmp_path_factory.mktemp("jupyter")
    _write_settings(home / "settings")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), IPYTHONDIR=str(home / "ipython"))
    port, token = _free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={lab_root}",
               "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log_path = home / "lab.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=lab_root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited ({server.returncode}):\n{log_path.read_text(errors='replace')[-3000:]}")
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer within 120 s; its log: {log_path}")
                time.sleep(0.3)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def screenshots() -> Path:
    """``build/browser/``, emptied of the last run's screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    return SCREENSHOTS


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    yield page
    try:
        page.evaluate("async () => { await window.jupyterapp.serviceManager.sessions.shutdownAll(); }")
    except Exception:  # the page may be gone with a failed test; the server stops its kernels at the end
        pass
    context.close()


# -- what a reader does: open, run all, look ----------------------------------------------------------------

def _wait(page, condition: str, seconds: float, what: str, shot: Path) -> None:
    """Wait for ``condition`` (JavaScript) to hold; on a timeout, save ``shot`` and fail saying ``what``."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, timeout=seconds * 1000)
    except PlaywrightTimeout:
        page.screenshot(path=shot, full_page=True)
        pytest.fail(f"{what} within {seconds:.0f} s; screenshot: {shot}")


def open_and_run(page, lab, path: str, shot: Path) -> list[dict]:
    """Open ``path`` (relative to the server's root) in JupyterLab, run all cells, return what the page shows.

    ``shot`` is where a screenshot goes when JupyterLab does not get that far.
    """
    base, token = lab
    page.goto(f"{base}/lab/tree/{path}?reset&token={token}")
    _wait(page, _KERNEL_IDLE, 120, f"{path}: no idle kernel", shot)
    opened = page.evaluate("() => window.jupyterapp.shell.currentWidget.context.path")
    assert opened == path, f"JupyterLab opened {opened!r}, not {path!r}"
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    page.evaluate("""() => { window.__ran = null;
        window.jupyterapp.commands.execute("notebook:run-all-cells").then(
            ok => { window.__ran = {ok}; }, error => { window.__ran = {error: String(error)}; }); }""")
    _wait(page, "() => window.__ran !== null", RUN_TIMEOUT, f"{path}: Run All Cells did not finish", shot)
    ran = page.evaluate("() => window.__ran")
    assert "error" not in ran, f"{path}: Run All Cells failed in JupyterLab: {ran['error']}"
    _wait(page, _KERNEL_IDLE, 60, f"{path}: the kernel did not return to idle", shot)
    _wait(page, _IMAGES_LOADED, 30, f"{path}: images did not finish loading", shot)
    _wait(page, _WIDGETS_SETTLED, 30, f"{path}: widgets still loading", shot)
    return page.evaluate(_COLLECT)


def _fit_window(page) -> None:
    """Grow the window to the notebook's height (the notebook scrolls inside the page), its top in view."""
    extra = page.evaluate("""() => { const outer = document.querySelector(".jp-NotebookPanel .jp-WindowedPanel-outer");
        if (!outer) return 0;
        outer.scrollTop = 0;
        const cells = outer.querySelectorAll(".jp-Cell");
        const bottom = cells.length ? cells[cells.length - 1].getBoundingClientRect().bottom : 0;
        return Math.ceil(bottom - outer.getBoundingClientRect().top + 24 - outer.clientHeight); }""")
    if extra > 0:
        size = page.viewport_size
        page.set_viewport_size({"width": size["width"], "height": size["height"] + extra})
        page.wait_for_timeout(300)  # one layout
    page.evaluate("""() => { const outer = document.querySelector(".jp-NotebookPanel .jp-WindowedPanel-outer");
        if (outer) outer.scrollTop = 0; }""")


def full_screenshot(page, path: Path) -> Path:
    """A screenshot of the whole notebook, its path printed."""
    _fit_window(page)
    page.screenshot(path=path, full_page=True)
    print(f"screenshot: {path}")
    return path


def explorer_screenshot(page, path: Path) -> list[dict]:
    """Once the explorer has finished answering, a screenshot of it; returns its images' load states."""
    _wait(page, _KERNEL_IDLE, 60, "the explorer did not finish answering", path)
    _wait(page, _IMAGES_LOADED, 30, "the explorer's images did not finish loading", path)
    _fit_window(page)
    explorer = page.locator(".jupyter-widgets.widget-tab").first
    explorer.screenshot(path=path)
    print(f"screenshot: {path}")
    return explorer.locator("img").evaluate_all(
        "imgs => imgs.map(i => ({complete: i.complete, width: i.naturalWidth}))")


def answer_term(page, term: str, *, timeout: float = 60) -> list[str]:
    """Type ``term`` into the first explorer's text box, press Enter, return its concordance lines.

    Fails (playwright's TimeoutError) when no line containing ``term`` appears within ``timeout`` seconds.
    """
    explorer = page.locator(".jupyter-widgets.widget-tab").first
    box = explorer.locator(".widget-text input").first
    box.fill(term)
    box.press("Enter")
    concordance = explorer.locator(".widget-output").first  # the Term tab's first output
    page.wait_for_function(
        """([out, term]) => { const rows = [...out.querySelectorAll("tbody tr")];
            return rows.length > 0 && rows.every(r => r.textContent.includes(term)); }""",
        arg=[concordance.element_handle(), term], timeout=timeout * 1000)
    return concordance.locator("tbody tr").all_text_contents()


def check_explorer(page, shot: Path) -> list[str]:
    """Type :data:`TERM` into the page's explorer: what is wrong with its answer (empty when nothing is)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        lines = answer_term(page, TERM)
    except PlaywrightTimeout:
        page.screenshot(path=shot, full_page=True)
        return [f"the explorer showed no concordance line for {TERM} within 60 s"]
    images = explorer_screenshot(page, shot)
    print(f"  {len(lines)} concordance line(s) for {TERM}")
    found = [f"the explorer's line {i} lacks {TERM}: {line}" for i, line in enumerate(lines) if TERM not in line]
    if not images:
        found.append(f"the explorer shows no figure of the months for {TERM}")
    found += ["the explorer's figure did not render" for img in images if not (img["complete"] and img["width"] > 0)]
    return found


def _calls_explore(path: Path) -> bool:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return any(re.search(r"\bexplore\(", "".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "code")


def _scratch(root: Path, name: str, sources: list[str]) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "scratch" / name)
    return f"scratch/{name}"


# -- the tests ---------------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_cleanly_in_the_browser(path, lab, page, screenshots):
    shot = screenshots / f"{path.stem}.png"
    cells = open_and_run(page, lab, f"notebooks/{path.name}", shot)
    found = page_problems(cells)
    shots = [full_screenshot(page, shot)]
    if _calls_explore(path) and not found:
        found += check_explorer(page, screenshots / f"{path.stem}-explorer.png")
        shots.append(screenshots / f"{path.stem}-explorer.png")
    assert found == [], f"{path.name} in the browser:\n  " + "\n  ".join(found) + \
        "\nscreenshots: " + ", ".join(map(str, shots))
    assert any(c["images"] for c in cells), f"{path.name} shows no figure; screenshot: {shots[0]}"


@pytest.mark.slow
def test_the_explorer_answers_a_typed_term(lab_root, lab, page, screenshots):
    """The explorer in a browser, whichever notebook shows it: typing a term fills its concordance."""
    path = _scratch(lab_root, "explorer.ipynb", [
        "from analysis import explore, load_corpus\ntabs = explore(load_corpus('../seeds'))\ntabs"])
    shot = screenshots / "explorer.png"
    cells = open_and_run(page, lab, path, shot)
    found = page_problems(cells) or check_explorer(page, shot)
    assert found == [], f"{path}:\n  " + "\n  ".join(found) + f"\nscreenshot: {shot}"


@pytest.mark.slow
def test_the_checks_catch_what_a_reader_would_see(lab_root, lab, page, screenshots):
    """A notebook broken on purpose, in the browser: each check names its cell."""
    path = _scratch(lab_root, "broken.ipynb", [
        "import sys\nprint('UserWarning: Glyph 21488 (\\\\N{CJK UNIFIED IDEOGRAPH-53F0}) missing from font(s) "
        "DejaVu Sans.', file=sys.stderr)",
        "import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    traceback.print_exc()",
        "from IPython.display import HTML\nHTML('<img src=\"data:image/png;base64,bm90IGFuIGltYWdl\">')",
        "print('\\U00030000')  # a character of CJK extension G: no installed font draws it",
        "import ipywidgets as widgets\nwidgets.Tab(children=[widgets.VBox([widgets.Text(), widgets.Output()])])",
        "display({'application/vnd.jupyter.widget-view+json': {'model_id': 'gone', 'version_major': 2, "
        "'version_minor': 0}}, raw=True)",
        "raise ValueError('broken on purpose')",
        "print('never runs')",
    ])
    shot = screenshots / "broken-on-purpose.png"
    cells = open_and_run(page, lab, path, shot)
    found = page_problems(cells)
    full_screenshot(page, shot)
    assert [p.split(":")[0] for p in found] == ["cell 0", "cell 1", "cell 2", "cell 3", "cell 5", "cell 6"], found
    assert found[0].startswith("cell 0: on stderr: UserWarning: Glyph 21488"), found
    assert found[1] == "cell 1: on stderr: Traceback (most recent call last):", found
    assert found[2].startswith("cell 2: an image did not render"), found
    assert found[3] == "cell 3: drawn as empty boxes (no font has them): \U00030000", found
    assert found[4].startswith("cell 5: a widget did not display: Error displaying widget"), found
    assert found[5] == "cell 6: ValueError: broken on purpose", found
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with pytest.raises(PlaywrightTimeout):  # an explorer that does not answer
        answer_term(page, TERM, timeout=3)


def test_a_cell_that_did_not_run_is_named():
    ran = {"type": "code", "source": "x = 1", "count": 1, "outputs": [], "shown": [], "images": [], "boxes": []}
    markdown = {**ran, "type": "markdown", "count": None}
    empty = {**ran, "source": "\n", "count": None}  # JupyterLab gives an empty cell no count
    skipped = {**ran, "count": None}
    cells = [{**c, "index": i} for i, c in enumerate([ran, markdown, empty, skipped])]
    assert page_problems(cells) == ["cell 3: did not run (no execution count)"]
