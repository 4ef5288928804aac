"""Forked workers that inherit their parent's state: the same results, warnings and errors as here.

The task is defined at module level so that the workers can find it; its state holds a lambda, which
cannot be pickled, so that a test fails if the state were sent instead of inherited.
"""

from __future__ import annotations

import os
import warnings

import pytest

from analysis import forking


class TaskWarning(UserWarning):
    """A warning only these tests raise, to check that the category survives the trip back."""


def scaled_by_state(item: int, state) -> tuple[int, int, int]:
    """The item through the state's function (a lambda: it cannot be pickled), with this process's id."""
    if item % 3 == 0:
        warnings.warn(f"item {item} is a multiple of 3", TaskWarning, stacklevel=1)
    return state["f"](item), os.getpid(), id(state["big"])



@pytest.mark.skipif(not forking.can_fork(), reason="forked workers only where fork is safe (not Windows, macOS)")
def test_map_inherited_hands_the_state_down_by_fork_in_order_with_warnings(two_workers):
    state = {"f": lambda x: 10 * x, "big": list(range(100_000))}  # unpicklable: it must be inherited
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = forking.map_inherited(scaled_by_state, list(range(1, 8)), state)
    assert [value for value, _, _ in got] == [10 * x for x in range(1, 8)]
    assert os.getpid() not in {pid for _, pid, _ in got}
    assert {big for _, _, big in got} == {id(state["big"])}, "the workers' state is the parent's, not a copy"
    assert [str(w.message) for w in caught] == ["item 3 is a multiple of 3", "item 6 is a multiple of 3"]


def test_map_inherited_runs_here_with_one_worker(local):
    got = forking.map_inherited(scaled_by_state, [1, 2], {"f": lambda x: -x, "big": []}, workers=1)
    assert [(value, pid) for value, pid, _ in got] == [(-1, os.getpid()), (-2, os.getpid())]


def test_map_inherited_passes_a_worker_error_on(two_workers):
    with pytest.raises(ZeroDivisionError):
        forking.map_inherited(scaled_by_state, [1, 2], {"f": lambda x: 1 // (x - 2), "big": []})


@pytest.mark.skipif(not forking.can_fork(), reason="forked workers only where fork is safe (not Windows, macOS)")
def test_fork_beside_runs_the_task_in_a_worker_while_this_process_works(two_workers):
    state = {"f": lambda x: 10 * x, "big": list(range(100_000))}  # unpicklable: it must be inherited
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mine, (value, pid, big) = forking.fork_beside(
            scaled_by_state, 3, state, here=lambda: warnings.warn("here first", stacklevel=1) or os.getpid())
    assert mine == os.getpid() != pid and value == 30
    assert big == id(state["big"]), "the worker's state is the parent's, not a copy"
    assert [str(w.message) for w in caught] == ["here first", "item 3 is a multiple of 3"]


def test_fork_beside_runs_both_here_with_one_worker(local):
    mine, (value, pid, _) = forking.fork_beside(scaled_by_state, 2, {"f": lambda x: -x, "big": []},
                                                 here=os.getpid, workers=1)
    assert mine == pid == os.getpid() and value == -2


def test_fork_beside_passes_a_worker_error_on(two_workers):
    with pytest.raises(ZeroDivisionError):
        forking.fork_beside(scaled_by_state, 2, {"f": lambda x: 1 // (x - 2), "big": []}, here=list)
