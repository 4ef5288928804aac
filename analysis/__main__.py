"""``python -m analysis``: see :mod:`analysis.cli`.

When a command returns, everything it writes is written and closed (atomically, :mod:`analysis.outputs`),
its workers and any Dask cluster it started are shut down. The process then leaves without Python's
teardown, which frees a crawl's tables, caches and dictionaries object by object: some 0.5 s after a
1,000-page report and 1 s after a 10,000-page one. Output and log records are flushed first. An error or
``SystemExit`` (``--help``, bad arguments) leaves the usual way, and a reader that goes before the end
(``python -m analysis cache | head -3``) ends the command with status 1, without a traceback.
"""

import contextlib
import logging
import os
import sys

from .cli import main

try:
    status = main()
    sys.stdout.flush()  # a reader that has gone is found here
except BrokenPipeError:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is still buffered goes nowhere
    status = 1
logging.shutdown()
with contextlib.suppress(OSError, ValueError):
    sys.stderr.flush()
os._exit(status)
