"""Forked workers that inherit their parent's state: the same results, warnings and errors as here.

The task is defined at module level so that the workers can find it; its state holds a lambda, which
cannot be pickled, so that a test fails if the state were sent instead of inherited.
"""

from __future__ import annotations

import multiprocessing
import os
import time
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


def slow_until_both(item: int, state) -> tuple[int, int, int]:
    """:func:`scaled_by_state`, after telling the parent the worker has started (and waiting a little, so
    that the parent takes items too)."""
    if os.getpid() != state["parent"]:
        state["started"].set()
    time.sleep(0.02)
    return scaled_by_state(item, state)


@pytest.mark.skipif(not forking.can_fork(), reason="forked workers only where fork is safe (not Windows, macOS)")
def test_map_beside_shares_the_items_between_a_worker_and_this_process(two_workers):
    started = multiprocessing.get_context("fork").Event()
    state = {"f": lambda x: 10 * x, "big": list(range(100_000)), "parent": os.getpid(), "started": started}

    def here():
        warnings.warn("here first", stacklevel=1)
        assert started.wait(60), "the worker never started"
        return "mine"

    items = list(range(1, 25))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mine, got = forking.map_beside(slow_until_both, items, state, here=here)
    assert mine == "mine" and [value for value, _, _ in got] == [10 * x for x in items]
    pids = [pid for _, pid, _ in got]
    assert pids[0] != os.getpid() and pids[-1] == os.getpid(), "the worker takes from the first, this process the last"
    switch = pids.index(os.getpid())
    assert set(pids[:switch]) == {pids[0]} and set(pids[switch:]) == {os.getpid()}, "each item done once, by one"
    assert {big for _, _, big in got} == {id(state["big"])}, "the worker's state is the parent's, not a copy"
    assert [str(w.message) for w in caught] == ["here first", *(f"item {x} is a multiple of 3" for x in items
                                                                 if x % 3 == 0)]
    assert two_workers.workers == 2, "this process's setting is put back"


def test_map_beside_runs_everything_here_with_one_worker(local):
    mine, got = forking.map_beside(scaled_by_state, [1, 2], {"f": lambda x: -x, "big": []}, here=os.getpid,
                                   workers=1)
    assert mine == os.getpid() and [(value, pid) for value, pid, _ in got] == [(-1, mine), (-2, mine)]


def test_map_beside_passes_errors_on(two_workers):
    with pytest.raises(ZeroDivisionError):
        forking.map_beside(scaled_by_state, [1, 2, 3], {"f": lambda x: 1 // (x - 2), "big": []}, here=list)

    def failing():
        raise KeyError("here")

    with pytest.raises(KeyError, match="here"):
        forking.map_beside(scaled_by_state, [1, 2], {"f": lambda x: x, "big": []}, here=failing)
    assert two_workers.workers == 2


def fails_first_then_slow(item: int, state) -> int:
    if item == 1:  # the worker's first item
        state["failed"].set()
        raise ValueError("bad item 1")
    state["here"].append(item)  # only this process's calls are seen here
    time.sleep(0.1)
    return item


def test_a_worker_error_is_raised_without_doing_the_items_left(two_workers):
    failed = multiprocessing.get_context("fork").Event()
    state = {"failed": failed, "here": []}
    with pytest.raises(ValueError, match="bad item 1"):
        forking.map_beside(fails_first_then_slow, list(range(1, 41)), state,
                           here=lambda: failed.wait(60))
    assert len(state["here"]) < 10, "this process stopped soon after the worker failed, not after 39 more items"


def kills_its_process(item: int, state) -> int:
    if os.getpid() != state["parent"]:
        os.kill(os.getpid(), 9)  # as the system does to a process out of memory
    time.sleep(0.05)
    return item


def test_a_worker_killed_is_said_plainly(two_workers):
    with pytest.raises(RuntimeError, match="stopped without a result.*out of memory"):
        forking.map_beside(kills_its_process, list(range(20)), {"parent": os.getpid()}, here=lambda: time.sleep(0.5))
    with pytest.raises(RuntimeError, match="stopped without a result.*--workers 1"):
        forking.map_inherited(kills_its_process, list(range(4)), {"parent": os.getpid()})


def test_items_are_taken_once_from_either_end_until_none_is_left():
    claim = multiprocessing.get_context().Array("q", [0, 5])
    taken = [forking._take(claim, front=True), forking._take(claim, front=False), forking._take(claim, front=True)]
    assert taken == [0, 4, 1]
    forking._take_all(claim)  # as when this process fails: the worker takes no other
    assert forking._take(claim, front=True) is None and forking._take(claim, front=False) is None
