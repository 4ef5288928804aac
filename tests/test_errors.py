"""The kit's error and warning types, and collect_warnings."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pytest

from analysis import CorpusError, CorpusWarning
from analysis.errors import ACTIONS, check_errors, collect_warnings, problem_row


@pytest.mark.parametrize("path, line, message", [
    ("seeds/a.txt", 2, "seeds/a.txt:2: no dateline"),
    (Path("seeds/a.txt"), None, "seeds/a.txt: no dateline"),
    (None, None, "no dateline"),
    (None, 2, "no dateline"),            # a line number names nothing without its file
    ("a.txt", 0, "a.txt:0: no dateline"),
])
def test_message_names_file_and_line(path, line, message):
    err = CorpusError("no dateline", path=path, line=line)
    assert str(err) == message
    assert err.reason == "no dateline" and err.line == line
    assert err.path == (Path(path) if path is not None else None)


def test_corpus_error_is_a_value_error():
    with pytest.raises(ValueError):
        raise CorpusError("bad")


@pytest.mark.parametrize("path, line", [("seeds/a.txt", 7), ("seeds/a.txt", None), (None, None)])
def test_corpus_error_survives_pickling(path, line):
    """Worker processes and Dask send it back pickled: path, line and reason must arrive intact."""
    err = CorpusError("malformed timestamp", path=path, line=line)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is CorpusError
    assert (back.reason, back.path, back.line, str(back)) == (err.reason, err.path, err.line, str(err))


def test_corpus_warning_is_a_user_warning():
    assert issubclass(CorpusWarning, UserWarning)


def test_problem_row():
    assert problem_row(Path("a.txt"), 3, action="unplaced", reason="item marker with no item", content="-") == {
        "source": "a.txt", "line": 3, "action": "unplaced", "reason": "item marker with no item", "content": "-"}
    assert problem_row("a.txt", None, action="skipped", reason="empty page")["content"] == ""


def test_the_actions():
    assert list(ACTIONS) == ["unplaced", "merged", "left empty", "skipped", "kept"]


@pytest.mark.parametrize("action", ["Merged", "ignored", "", None])
def test_problem_row_refuses_other_actions(action):
    with pytest.raises(ValueError, match="action must be one of"):
        problem_row("a.txt", 1, action=action, reason="r")


@pytest.mark.parametrize("value, ok", [("warn", True), ("raise", True), ("ignore", False), ("Warn", False),
                                       (None, False)])
def test_check_errors(value, ok):
    if ok:
        check_errors(value)
    else:
        with pytest.raises(ValueError, match="errors must be 'warn' or 'raise'"):
            check_errors(value)


def test_collect_warnings_collects_its_category_in_order_and_lets_others_through():
    with warnings.catch_warnings(record=True) as outer:
        warnings.simplefilter("always")
        with collect_warnings(CorpusWarning) as caught:
            warnings.warn("a.txt:1: first", CorpusWarning, stacklevel=1)
            warnings.warn("not ours", UserWarning, stacklevel=1)
            warnings.warn("a.txt:2: second", CorpusWarning, stacklevel=1)
            warnings.warn("old name", DeprecationWarning, stacklevel=1)
            warnings.warn("a.txt:3: third", CorpusWarning, stacklevel=1)
            assert caught == []  # filled when the block ends
    assert [(w.category, str(w.message)) for w in caught] == [
        (CorpusWarning, "a.txt:1: first"), (CorpusWarning, "a.txt:2: second"), (CorpusWarning, "a.txt:3: third")]
    assert [(w.category, str(w.message)) for w in outer] == [(UserWarning, "not ours"),
                                                             (DeprecationWarning, "old name")]
    assert {w.filename for w in outer} == {__file__}  # shown where they were raised


def test_collect_warnings_collects_repeats_and_everything_by_default():
    with collect_warnings() as caught:
        for _ in range(2):
            warnings.warn("same place, same message", CorpusWarning, stacklevel=1)
        warnings.warn("any category", RuntimeWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["same place, same message"] * 2 + ["any category"]


def test_collect_warnings_fills_the_list_when_the_block_raises():
    with pytest.raises(RuntimeError):
        with collect_warnings(CorpusWarning) as caught:
            warnings.warn("a.txt:1: damaged", CorpusWarning, stacklevel=1)
            raise RuntimeError("stop")
    assert [str(w.message) for w in caught] == ["a.txt:1: damaged"]


def test_collect_warnings_lets_others_through_when_the_block_raises():
    with warnings.catch_warnings(record=True) as outer:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError):
            with collect_warnings(CorpusWarning):
                warnings.warn("not ours", UserWarning, stacklevel=1)
                raise RuntimeError("stop")
    assert [str(w.message) for w in outer] == ["not ours"]
