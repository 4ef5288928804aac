"""Every notebook runs top to bottom in a fresh kernel, with no error and no missing glyph; every figure
it shows is saved for the report, and its HTML copy shows its Chinese without a system font."""

from __future__ import annotations

import ast
import base64
import copy
import html
import io
import json
import re
import subprocess
import sys

import pytest

from analysis.config import NOTEBOOKS_DIR
from analysis.notebooks import (BAD_OUTPUT, execute, export_html, inject_parameters, kernel_messages, notebook_paths,
                                problems, shown_figures, strip_volatile)

NOTEBOOKS = notebook_paths(NOTEBOOKS_DIR)
SECTIONS = ["## Data", "## Method", "## Findings", "## Caveats"]
_REFLEXIVE = (ast.Eq, ast.Is, ast.LtE, ast.GtE)  # x OP x holds for every x (NaN aside)
_EXTREMES = {"idxmax": "max", "idxmin": "min"}
#: Code that draws a figure without the package: matplotlib or seaborn imported, pyplot or pandas plotting.
_DRAWS_ITSELF = re.compile(r"^\s*(import|from)\s+(matplotlib|seaborn|plotly)\b|\bplt\.|\.plot(\.|\()|\.hist\(", re.M)
#: Characters a page must draw with a CJK font: CJK punctuation, kana, bopomofo, ideographs, full-width forms.
_CJK = re.compile("[\u2e80-\u2fdf\u3000-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
                  "\uff00-\uffef\U00020000-\U0002fa1f]")


def _stored_names(node: ast.AST) -> set[str]:
    """Names a statement binds or changes in place (``x = ...``, ``x[k] = ...``, ``x.a = ...``, loops)."""
    names = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            names.add(sub.id)
        elif isinstance(sub, (ast.Subscript, ast.Attribute)) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            base = sub.value
            while isinstance(base, (ast.Subscript, ast.Attribute)):
                base = base.value
            if isinstance(base, ast.Name):
                names.add(base.id)
    return names


class _Normalise(ast.NodeTransformer):
    """Replace names by their assigned (already expanded) expressions, and row-at-idxmax lookups by ``.max()``."""

    def __init__(self, env: dict[str, ast.expr]):
        self.env = env

    def visit_Name(self, node):
        return copy.deepcopy(self.env[node.id]) if isinstance(node.ctx, ast.Load) and node.id in self.env else node

    @staticmethod
    def _extreme(s: ast.expr, how: str) -> ast.expr:
        return ast.Call(func=ast.Attribute(value=s, attr=_EXTREMES[how], ctx=ast.Load()), args=[], keywords=[])

    @staticmethod
    def _idx_call(node: ast.expr):
        """``S.idxmax()`` (or ``idxmin``) with no arguments: return ``(S, "idxmax")``."""
        if (isinstance(node, ast.Call) and not node.args and not node.keywords
                and isinstance(node.func, ast.Attribute) and node.func.attr in _EXTREMES):
            return node.func.value, node.func.attr
        return None

    def visit_Subscript(self, node):
        self.generic_visit(node)
        base = node.value.value if isinstance(node.value, ast.Attribute) and node.value.attr in ("loc", "at") \
            else node.value
        key = node.slice
        if isinstance(key, ast.Tuple) and len(key.elts) == 2:  # F.loc[F[c].idxmax(), c]
            found = self._idx_call(key.elts[0])
            if found and isinstance(found[0], ast.Subscript) and ast.dump(found[0].value) == ast.dump(base) \
                    and ast.dump(found[0].slice) == ast.dump(key.elts[1]):
                return self._extreme(found[0], found[1])
        found = self._idx_call(key)
        if found and ast.dump(found[0]) == ast.dump(base):  # S[S.idxmax()], S.loc[...], S.at[...]
            return self._extreme(found[0], found[1])
        return self._column_of_row(node.value, key, node)

    def visit_Attribute(self, node):
        self.generic_visit(node)
        return self._column_of_row(node.value, ast.Constant(node.attr), node)

    def _column_of_row(self, row: ast.expr, column: ast.expr, node: ast.expr) -> ast.expr:
        """``F.loc[F[c].idxmax()][c]`` or ``F.loc[F[c].idxmax()].c``: the column ``c`` of the row at its maximum."""
        if isinstance(row, ast.Subscript) and isinstance(row.value, ast.Attribute) and row.value.attr == "loc":
            found = self._idx_call(row.slice)
            if found and isinstance(found[0], ast.Subscript) \
                    and ast.dump(found[0].value) == ast.dump(row.value.value) \
                    and ast.dump(found[0].slice) == ast.dump(column):
                return self._extreme(found[0], found[1])
        return node


def _cannot_fail(test: ast.expr) -> bool:
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
        return bool(test.keys if isinstance(test, ast.Dict) else test.elts)
    if isinstance(test, ast.BoolOp):
        parts = [_cannot_fail(v) for v in test.values]
        return all(parts) if isinstance(test.op, ast.And) else any(parts)
    if isinstance(test, ast.Compare):
        sides = [test.left, *test.comparators]
        return all(isinstance(op, _REFLEXIVE) and ast.dump(a) == ast.dump(b)
                   for op, a, b in zip(test.ops, sides, sides[1:]))
    return False


def tautological_asserts(source: str) -> list[str]:
    """The ``assert`` statements of ``source`` that cannot fail, as ``"line N: <source>"``.

    ``source`` is Python, e.g. a notebook's code cells joined in order; lines starting with ``%`` or
    ``!`` (IPython magics) are blanked first. An assert is reported when its test

    - is a constant that is true (``assert True``, ``assert 1``, ``assert "text"``) or a non-empty
      tuple, list, set or dict display (``assert (x == 1, "message")`` is always true);
    - is a comparison by ``==``, ``is``, ``<=`` or ``>=`` whose two sides are the same expression
      (equal ``ast.dump``), such as ``assert x == x`` or ``assert df["a"].sum() >= df["a"].sum()``;
      a chain (``a == b == c``) only when every link is;
    - becomes such a comparison once two rewrites are applied to both sides:
      (1) a name is replaced by the expression last assigned to it (``name = expr``) above the
      assert, itself expanded the same way when it was assigned, unless a later statement rebinds
      or changes in place (``x[k] = ...``) a name that expression uses (``n = len(df)`` is
      forgotten after ``df = df.dropna()``);
      (2) the value at the position of a series' own maximum is that maximum: ``S[S.idxmax()]``,
      ``S.loc[S.idxmax()]``, ``S.at[S.idxmax()]``, ``F.loc[F[c].idxmax()][c]``,
      ``F.loc[F[c].idxmax()].c`` and ``F.loc[F[c].idxmax(), c]`` all read as ``F[c].max()`` (and the
      same with ``idxmin`` and ``min``), where ``S``, ``F`` and ``c`` must be the same expressions;
    - is ``a and b`` with both parts unable to fail, or ``a or b`` with either.

    Not detected: tautologies that need types or values to see (``len(x) >= 0``, ``x.sum() == sum(x)``),
    and calls with side effects (two calls of the same function are read as the same value).
    """
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    tree = ast.parse("\n".join(lines))
    env: dict[str, ast.expr] = {}
    found = []
    for stmt in sorted((n for n in ast.walk(tree) if isinstance(n, ast.stmt)), key=lambda n: (n.lineno, n.col_offset)):
        if isinstance(stmt, ast.Assert):
            test = _Normalise(env).visit(copy.deepcopy(stmt.test))
            if _cannot_fail(test):
                found.append(f"line {stmt.lineno}: {ast.unparse(stmt)}")
            continue
        if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With, ast.Try, ast.FunctionDef, ast.ClassDef)):
            stored = {n.id for n in ast.walk(stmt.target) if isinstance(n, ast.Name)} \
                if isinstance(stmt, ast.For) else set()  # the body's statements are visited on their own
        else:
            stored = _stored_names(stmt)
        for name in [k for k, v in env.items() if k in stored
                     or stored & {n.id for n in ast.walk(v) if isinstance(n, ast.Name)}]:
            del env[name]
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            env[stmt.targets[0].id] = _Normalise(env).visit(copy.deepcopy(stmt.value))
    return found


def _code(cells) -> str:
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def test_notebooks_exist_in_reading_order():
    names = [p.name for p in NOTEBOOKS]
    assert names == ["00-start-here.ipynb", "01-corpus-overview.ipynb", "02-term-frequencies.ipynb",
                     "03-similarity.ipynb", "04-timeline.ipynb", "05-framing.ipynb", "06-actors.ipynb",
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
        assert not _DRAWS_ITSELF.search(src), f"figures are drawn by the package's plotting functions: {src}"
    sections = [line.strip() for c in cells if c["cell_type"] == "markdown"
                for line in "".join(c["source"]).splitlines() if line.strip() in SECTIONS]
    assert sections == SECTIONS, f"sections {sections}: want each of {SECTIONS} once, in that order"
    assert tautological_asserts(_code(cells)) == [], "an assert that cannot fail: check a claim that could be false"


@pytest.mark.parametrize("source", [
    "assert True",
    "assert 1",
    "assert (x == 1, 'message')",
    "assert x == x",
    "assert df['a'].sum() >= df['a'].sum()",
    "assert a == a and b is b",
    "assert y > 0 or z == z",
    "%config X\nassert s[s.idxmax()] == s.max()",
    "assert s.loc[s.idxmin()] <= s.min()",
    "assert m.loc[m['r'].idxmax(), 'r'] == m['r'].max()",
    "busiest = monthly.loc[monthly['related'].idxmax()]\nassert busiest['related'] == monthly['related'].max()",
    "top = m.loc[m['r'].idxmax()]\nassert top.r == m['r'].max()",
    "m = timeline(docs)\nbusiest = m.loc[m['r'].idxmax()]\nn = int(m['r'].sum())\nassert busiest['r'] == m['r'].max()",
    "s = m['r']\ntop = s.loc[s.idxmax()]\nassert top == m['r'].max()",
    "n = len(docs)\nif n:\n    assert n == len(docs)",
])
def test_tautology_detector_catches(source):
    assert len(tautological_asserts(source)) == 1, source


@pytest.mark.parametrize("source", [
    "assert False",
    "assert x",
    "assert x == y",
    "assert x != x",
    "assert s[s.idxmax()] == t.max()",
    "assert s[s.idxmax()] == s.min()",
    "assert m.loc[m['r'].idxmax()]['q'] == m['r'].max()",
    "assert monthly['count'].sum() == len(dated)",
    "n = len(docs)\ndocs = docs.dropna()\nassert n == len(docs)",
    "n = len(docs)\ndocs['x'] = 1\nassert n == len(docs)",
    "a = f(x)\nx = g(x)\nassert a == f(x)",
    "assert y > 0 or z == w",
    "m = f()\nbusiest = m.loc[m['r'].idxmax()]\nm = g()\nassert busiest['r'] == m['r'].max()",
])
def test_tautology_detector_lets_real_checks_pass(source):
    assert tautological_asserts(source) == [], source


@pytest.mark.parametrize("source, draws", [
    ("import matplotlib.pyplot as plt", True),
    ("from matplotlib import pyplot", True),
    ("plt.bar(x, y)", True),
    ("monthly.plot(x='period', y='count')", True),
    ("monthly.plot.bar()", True),
    ("lengths['text_chars'].hist()", True),
    ("plot_keyness(key, top=10);", False),
    ("fig = plot_lengths(lengths)", False),
])
def test_drawing_outside_the_package_is_caught(source, draws):
    assert bool(_DRAWS_ITSELF.search(source)) is draws


def test_tautology_detector_names_the_line():
    found = tautological_asserts("x = 1\nassert x\nassert x == y\nassert y == y")
    assert found == ["line 2: assert x", "line 4: assert y == y"]  # x is 1, a true constant


def _embedded_font(page: str):
    """The font of the page's one ``@font-face``, decoded, and the characters its cmap maps."""
    from fontTools.ttLib import TTFont

    faces = re.findall(r"@font-face\s*{[^}]*url\(\"?data:font/woff;base64,([A-Za-z0-9+/=]+)", page)
    assert len(faces) == 1, f"{len(faces)} embedded fonts"
    font = TTFont(io.BytesIO(base64.b64decode(faces[0])))
    return font, {chr(c) for c in font.getBestCmap()}


def _assert_draws_its_chinese(page: str) -> None:
    needed = set(_CJK.findall(html.unescape(page)))
    assert needed, "the page shows Chinese"
    font, covered = _embedded_font(page)
    assert needed <= covered, f"missing from the embedded font: {''.join(sorted(needed - covered))[:80]}"
    assert page.index("@font-face") < page.index("</head>")
    assert "Open Font License" in font["name"].getDebugName(13)  # the licence travels with the subset


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes_cleanly(path, tmp_path):
    nb = execute(path, figures=tmp_path / "figures")  # raises on an error output or a missing glyph
    assert problems(nb) == []
    shown = shown_figures(nb, path.stem)
    assert shown, "every notebook shows at least one figure"
    # Every figure shown is a figure of the report: saved under the name shown_figures gives it, and nothing else.
    saved = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert saved == sorted(f"{stem}.{fmt}" for stem in shown for fmt in ("png", "svg"))
    assert all((tmp_path / "figures" / f"{stem}.png").read_bytes().startswith(b"\x89PNG") for stem in shown)
    page = export_html(nb, tmp_path / f"{path.stem}.html").read_text(encoding="utf-8")
    _assert_draws_its_chinese(page)


def _notebook(*cells):
    import nbformat

    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def test_html_copy_embeds_a_font_for_every_chinese_character(tmp_path):
    import nbformat
    import pandas as pd

    table = pd.DataFrame({"標題": ["美駐聯大使將訪台"], "媒體": ["新唐人亞太台"]})
    cell = nbformat.v4.new_code_cell("kwic(docs, '中共')", execution_count=1, outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="美台 | 外交 | 突破（ＵＮ）\n"),
        nbformat.v4.new_output("execute_result", execution_count=1,
                               data={"text/html": table.to_html(), "text/plain": table.to_string()})])
    intro = nbformat.v4.new_markdown_cell("# 臺灣黑熊\n\n「歷史性」的一刻，見[第二本](02-term-frequencies.ipynb)。")
    nb = _notebook(intro, cell)
    first = export_html(nb, tmp_path / "a.html").read_bytes()
    page = first.decode("utf-8")
    _assert_draws_its_chinese(page)
    _, covered = _embedded_font(page)
    assert set("臺灣黑熊「」，。（）ＵＮ中共美駐聯大使將訪台新唐人亞太") <= covered
    assert len(covered) < 200, "a subset: the characters of the page, not the whole font"
    assert 'href="02-term-frequencies.html"' in page  # the sibling notebook's HTML copy
    assert '"analysis-cjk"; }' in page and "font-family: var(--jp-content-font-family" in page
    assert export_html(nb, tmp_path / "b.html").read_bytes() == first  # the same bytes every time


def test_notebooks_command_is_quiet_and_saves_the_figures_shown(tmp_path):
    """The command's own path: a kernel that prints no warning (no plain TCP), figures saved as shown."""
    import nbformat

    folder, out = tmp_path / "notebooks", tmp_path / "report"
    folder.mkdir()
    draw = ("import pandas as pd\nfrom analysis import plot_top_terms\n"
            "plot_top_terms(pd.DataFrame({'term': ['台灣', '美國'], 'count': [2, 1]}), top=2);")
    nbformat.write(_notebook(nbformat.v4.new_code_cell(draw), nbformat.v4.new_code_cell("print('中共')")),
                   folder / "01-one.ipynb")
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "01-one-figure-7.png").write_bytes(b"a figure of an earlier run")
    written = []
    for _ in range(2):  # a second run writes the same bytes
        proc = subprocess.run([sys.executable, "-m", "analysis", "notebooks", "--notebooks", str(folder),
                               "--out", str(out)], capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        assert "without encryption" not in proc.stderr
        assert [line for line in proc.stderr.splitlines() if not line.startswith("analysis: ")] == [], proc.stderr
        written.append({p.name: p.read_bytes() for p in [*(out / "figures").iterdir(), *(out / "notebooks").iterdir()]})
    assert sorted(written[0]) == ["01-one-figure-1.png", "01-one-figure-1.svg", "01-one.html"]
    assert written[0] == written[1]


# What a kernel printed on CI while it shut down after the last cell (ipykernel 7.4, pyzmq 27.3).
_RACE = """ERROR:tornado.general:Uncaught exception in ZMQStream callback
Traceback (most recent call last):
  File "/check/.venv/lib/python3.11/site-packages/zmq/eventloop/zmqstream.py", line 585, in _log_error
    f.result()
  File "/check/.venv/lib/python3.11/site-packages/ipykernel/kernelbase.py", line 372, in dispatch_control
    await self.process_control(msg)
  File "/check/.venv/lib/python3.11/site-packages/ipykernel/kernelbase.py", line 408, in process_control
    sys.stderr.flush()
  File "/check/.venv/lib/python3.11/site-packages/ipykernel/iostream.py", line 343, in schedule
    self._event_pipe.send(b"")
  File "zmq/backend/cython/_zmq.py", line 190, in zmq.backend.cython._zmq._check_rc
zmq.error.ZMQError: Socket operation on non-socket
"""


def test_kernel_messages_drop_only_the_shutdown_race():
    assert kernel_messages(_RACE) == []
    assert kernel_messages("") == []
    other = "Traceback (most recent call last):\n  File \"a.py\", line 1\nValueError: not the race\n"
    said = kernel_messages("[IPKernelApp] WARNING | before\n" + _RACE + other + _RACE)
    assert said == ["[IPKernelApp] WARNING | before", *other.splitlines()]
    # a ZMQ error that is not the shutdown race is kept
    assert kernel_messages(_RACE.replace("Socket operation on non-socket", "Address in use")) != []


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
    assert [p.name for p in written if p.suffix == ".html"] == [p.stem + ".html" for p in NOTEBOOKS]
    assert all(p.is_file() for p in written) and not any(p.suffix == ".ipynb" for p in written)
    overview = (tmp_path / "out" / "notebooks" / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "晨光新聞網" in overview and "港都日報" in overview  # the web pages' outlets are in the summary
