from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from analysis import codedeps, config
from analysis.codedeps import code_digest, imported_modules
from analysis.config import SEEDS_DIR


@pytest.fixture
def kit(tmp_path, monkeypatch):
    """A small package standing in for the kit, with each way a module can import another."""
    package = tmp_path / "analysis"
    files = {
        "__init__.py": '_EXPORTS = {"helper": "exported"}\n',
        "entry.py": "from . import top\nfrom .sub import x\n",
        "top.py": "def f():\n    from .inner import g\n    return g\n",
        "inner.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import typed\n"
                    "from analysis import helper\n",
        "typed.py": "",
        "exported.py": "def helper():\n    pass\n",
        "sub/__init__.py": "",
        "sub/x.py": "import analysis.absolute\n",
        "absolute.py": "",
        "unrelated.py": "from . import entry\n",
    }
    for name, source in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(source, encoding="utf-8")
    (package / "data").mkdir()
    (package / "data" / "words.txt").write_text("台灣\n", encoding="utf-8")
    monkeypatch.setattr(config, "PACKAGE_DIR", package)
    monkeypatch.setattr(config, "DATA_DIR", package / "data")
    for cached in (codedeps._modules, codedeps._exports, codedeps._imports, codedeps.code_digest):
        cached.cache_clear()
    yield package
    for cached in (codedeps._modules, codedeps._exports, codedeps._imports, codedeps.code_digest):
        cached.cache_clear()


def test_every_way_of_importing_is_followed(kit):
    # inside a function, a sub-package and its module, an absolute import, a name the package exports;
    # not what is imported for type checkers only, nor a module that imports this one
    assert imported_modules("analysis.entry") == (
        "analysis.absolute", "analysis.entry", "analysis.exported", "analysis.inner", "analysis.sub",
        "analysis.sub.x", "analysis.top")
    with pytest.raises(KeyError, match="no module 'analysis.nowhere'"):
        imported_modules("analysis.nowhere")


def _digest_after(kit, name: str, source: str) -> str:
    (kit / name).write_text(source, encoding="utf-8")
    codedeps._imports.cache_clear()
    codedeps.code_digest.cache_clear()
    return code_digest("analysis.entry")


def test_the_digest_changes_with_the_code_the_module_runs_only(kit):
    before = code_digest("analysis.entry")
    assert _digest_after(kit, "unrelated.py", "from . import entry\nX = 1\n") == before
    assert _digest_after(kit, "typed.py", "X = 1\n") == before
    changed = _digest_after(kit, "inner.py", "from analysis import helper\nY = 2\n")
    assert changed != before
    assert _digest_after(kit, "data/words.txt", "臺灣\n") != changed  # the kit's data counts


@pytest.mark.parametrize("entry", ["analysis.corpus", "analysis.termlists", "analysis.quotations",
                                   "analysis.mentionscan"])
def test_the_caches_keys_leave_out_what_only_presents_results(entry):
    deps = set(imported_modules(entry))
    assert entry in deps and not deps & {"analysis.report", "analysis.plots", "analysis.cli", "analysis.findings"}


WORK = {
    "analysis.corpus": "import analysis.corpus as m\nm.read_corpus(SEEDS)",
    "analysis.termlists": "import analysis.termlists as m\nm.document_terms(DOCS)",
    "analysis.quotations": "import analysis.quotations as m\nm.actors_and_quotes(DOCS)",
    # the segmenter's fingerprint (cached words, built tokenizers) covers these modules' files: kit_files
    "analysis.segmentation.segmenter": "import analysis.segmentation as m\nm.segment_many(DOCS['text'].tolist())",
}


@pytest.mark.parametrize("entry", sorted(WORK))
def test_every_module_a_cached_step_runs_is_in_its_digest(entry, tmp_path):
    """What a process has imported after running the step is within what its digest reads."""
    from analysis import read_corpus

    docs = tmp_path / "docs.parquet"
    read_corpus(SEEDS_DIR)[0].to_parquet(docs)
    script = textwrap.dedent(f"""
        import json, sys
        import pandas as pd
        SEEDS = {str(SEEDS_DIR)!r}
        DOCS = pd.read_parquet({str(docs)!r})
    """) + WORK[entry] + "\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('analysis.'))))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                          env={**os.environ, "ANALYSIS_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 0, proc.stderr
    ran = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert ran - set(imported_modules(entry)) == set()
