"""The README's Python example runs, and the outputs it shows in comments are what the code returns."""

from __future__ import annotations

import ast
import os
import re

from analysis.config import PROJ_ROOT

README = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_readme_example_runs(monkeypatch):
    blocks = python_blocks()
    assert blocks
    monkeypatch.chdir(PROJ_ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_shown_outputs_are_true(monkeypatch):
    monkeypatch.chdir(PROJ_ROOT)
    namespace: dict = {}
    shown = 0
    for block in python_blocks():
        exec(compile(block, "README.md", "exec"), namespace)
        for line in block.splitlines():
            m = re.match(r"^(\w+\(.*\))\s+# (\[.*\])$", line)
            if m:
                assert eval(m[1], namespace) == ast.literal_eval(m[2]), line
                shown += 1
    assert shown >= 1


def test_readme_names_only_existing_files():
    for path in re.findall(r"`((?:analysis|benchmarks|notebooks|tests|dictionaries|requirements)/[\w./-]+)`", README):
        assert (PROJ_ROOT / path).exists() or "*" in path, path
    assert os.access(PROJ_ROOT / ".ci" / "run", os.X_OK)
