"""pytest runs the docstring examples of every module (``--doctest-modules``): they never touch the user's cache."""

import os
import tempfile

os.environ.setdefault("ANALYSIS_CACHE_DIR", tempfile.mkdtemp(prefix="analysis-doctest-cache-"))
