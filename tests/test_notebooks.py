"""Every notebook runs top to bottom in a fresh kernel, with no error and no missing glyph."""

from __future__ import annotations

import json

import pytest

from analysis.config import NOTEBOOKS_DIR
from analysis.notebooks import (BAD_OUTPUT, execute, inject_parameters, notebook_paths, problems,
                                strip_volatile)

NOTEBOOKS = notebook_paths(NOTEBOOKS_DIR)


def test_notebooks_exist_in_reading_order():
    names = [p.name for p in NOTEBOOKS]
    assert names == ["01-corpus-overview.ipynb", "02-term-frequencies.ipynb", "03-similarity.ipynb",
                     "04-timeline.ipynb", "05-framing.ipynb", "06-actors.ipynb",
                     "07-stories-and-related-lists.ipynb"]


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


def test_inject_parameters_after_the_tagged_cell():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t"),
                                         nbformat.v4.new_code_cell("corpus_dir = 'seeds'",
                                                                   metadata={"tags": ["parameters"]}),
                                         nbformat.v4.new_code_cell("print(corpus_dir)")])
    inject_parameters(nb, {"corpus_dir": "/data/c", "top": 5})
    assert [c.source for c in nb.cells] == ["# t", "corpus_dir = 'seeds'", "corpus_dir = '/data/c'\ntop = 5",
                                            "print(corpus_dir)"]
    assert nb.cells[2].metadata["tags"] == ["injected-parameters"]
    with pytest.raises(ValueError, match="no cell tagged 'parameters'"):
        inject_parameters(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")]), {"a": 1})


def test_strip_volatile_keeps_the_outputs():
    import nbformat

    cell = nbformat.v4.new_code_cell("1", metadata={"execution": {"iopub.status.idle": "t"}, "tags": ["a"]})
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1)]
    nb = nbformat.v4.new_notebook(cells=[cell], metadata={"widgets": {}, "papermill": {},
                                                          "language_info": {"name": "python"}})
    strip_volatile(nb)
    assert dict(nb.metadata) == {"language_info": {"name": "python"}}
    assert dict(nb.cells[0].metadata) == {"tags": ["a"]} and len(nb.cells[0].outputs) == 1


def test_problems_names_error_outputs():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x"), nbformat.v4.new_code_cell("y")])
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="NameError", evalue="name 'y' is not defined",
                                                  traceback=[])]
    assert problems(nb) == ["cell 1: NameError: name 'y' is not defined"]


@pytest.mark.slow
def test_notebooks_run_on_a_corpus_of_every_format(tmp_path):
    """corpus_dir may name saved web pages, tables and text pages, mixed in one folder."""
    import shutil

    from analysis.config import PROJ_ROOT, SEEDS_DIR
    from analysis.notebooks import run_all

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*SEEDS_DIR.glob("*.txt"), PROJ_ROOT / "tests/data/html/01_og_meta.html",
                 PROJ_ROOT / "tests/data/html/03_big5.htm", PROJ_ROOT / "tests/data/tables/related_crawl.tsv"]:
        shutil.copy(path, corpus / path.name)
    written = run_all(corpus=corpus, out=tmp_path / "out", folder=NOTEBOOKS_DIR)
    assert [p.name for p in written] == [p.stem + ".html" for p in NOTEBOOKS]
    overview = (tmp_path / "out" / "notebooks" / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "晨光新聞網" in overview and "港都日報" in overview  # the web pages' outlets are in the summary
