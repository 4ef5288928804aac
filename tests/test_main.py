"""``python -m analysis``: the command line as a module."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, timeout=120)


def test_help_exits_0():
    proc = run("--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: analysis") and "report" in proc.stdout and "notebooks" in proc.stdout


def test_no_command_is_a_usage_error():
    proc = run()
    assert proc.returncode == 2 and "usage: analysis" in proc.stderr and "Traceback" not in proc.stderr


def test_a_command_that_returns_keeps_its_output_and_status(tmp_path):
    # The process leaves without Python's teardown once a command returns: what it printed must
    # still reach a pipe, and its status must still be the command's.
    proc = run("cache", "--cache-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split()[:3] == ["file", "MB", "entries"]
    assert proc.stdout.rstrip().endswith("cache(s)")
    proc = run("report", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr


def test_a_reader_that_goes_ends_the_command_without_a_traceback(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "cache", "--cache-dir", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader goes before the command writes
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
