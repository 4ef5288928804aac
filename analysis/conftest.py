"""pytest runs the docstring examples of every module (``--doctest-modules``): they never touch the user's cache."""

import atexit
import os
import shutil
import tempfile

if "ANALYSIS_CACHE_DIR" not in os.environ:  # a fresh cache for the run, removed when it ends
    os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-doctest-cache-")
    atexit.register(shutil.rmtree, os.environ["ANALYSIS_CACHE_DIR"], ignore_errors=True)
