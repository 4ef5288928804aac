"""Every notebook runs top to bottom in a fresh kernel, with no error and no missing glyph."""

from __future__ import annotations

import json

import pytest

from analysis.config import NOTEBOOKS_DIR
from analysis.notebooks import BAD_OUTPUT, execute, notebook_paths, problems

NOTEBOOKS = notebook_paths(NOTEBOOKS_DIR)


def test_notebooks_exist_in_reading_order():
    names = [p.name for p in NOTEBOOKS]
    assert names == ["01-corpus-overview.ipynb", "02-term-frequencies.ipynb", "03-similarity.ipynb",
                     "04-timeline.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_house_rules(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", []), "first code cell must be tagged parameters"
    assert "corpus_dir" in "".join(code[0]["source"])
    for c in code:
        src = "".join(c["source"])
        assert not any(line.startswith(("def ", "class ", "%run")) for line in src.splitlines()), src
        assert len(src.splitlines()) <= 15, src
    headings = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "## Caveats" in headings


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes_cleanly(path):
    nb = execute(path)  # raises on an error output or a missing glyph
    assert problems(nb) == []
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "every notebook shows at least one figure"


def test_problem_detector_flags_bad_outputs():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stderr",
                                                  text="UserWarning: Glyph 21488 (\\N{CJK}) missing from font(s)")]
    assert problems(nb) and BAD_OUTPUT.search(nb.cells[0].outputs[0]["text"])
