"""Ledger work on threads: pieces cover every row once, cut only where a run begins, results
in order; a thread never waits on its own pool; the thread count is read, never guessed."""

from __future__ import annotations

import itertools
import threading

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy.ledger import threads

from ._threaded import threaded


@given(st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=40))
def test_pieces_cover_every_row_once_and_never_split_a_run(sizes: list[int]) -> None:
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    n = int(sum(sizes))
    with threaded(4):
        pieces = threads.row_slices(n, bounds=starts)
    assert pieces[0].start == 0
    assert pieces[-1].stop == n
    for a, b in itertools.pairwise(pieces):
        assert a.stop == b.start  # no gap, no overlap
    assert all(p.stop > p.start for p in pieces)
    assert {p.start for p in pieces} <= set(starts.tolist())  # each piece begins a run
    assert len(pieces) <= 4


def test_a_small_table_is_one_piece_in_the_calling_thread() -> None:
    assert threads.row_slices(10) == [slice(0, 10)]
    seen: list[str] = []
    out = threads.parallel_map(
        lambda x: seen.append(threading.current_thread().name) or x * 2, [1, 2, 3], rows=10
    )
    assert out == [2, 4, 6]
    assert set(seen) == {threading.current_thread().name}


def test_large_jobs_run_on_the_pool_in_order_and_nested_jobs_do_not_wait() -> None:
    def inner(x: int) -> tuple[int, str]:
        # called from a pool thread: runs there, in order, instead of waiting on the pool
        nested = threads.parallel_map(lambda y: y + x, [10, 20], rows=10**9)
        return sum(nested), threading.current_thread().name

    with threaded(2):
        out = threads.parallel_map(inner, list(range(6)), rows=10**9)
    assert [v for v, _ in out] == [30 + 2 * x for x in range(6)]
    assert all(name.startswith("povertypolicy") for _, name in out)


def test_errors_in_a_job_reach_the_caller() -> None:
    def boom(x: int) -> int:
        if x == 3:
            raise ValueError("row 3")
        return x

    with threaded(2), pytest.raises(ValueError, match="row 3"):
        threads.parallel_map(boom, list(range(5)), rows=10**9)


@pytest.mark.parametrize(("given", "expected"), [("1", 1), ("3", 3), (" 2 ", 2), ("0", 1)])
def test_the_thread_count_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: int
) -> None:
    monkeypatch.setenv("POVERTYPOLICY_THREADS", given)
    assert threads.threads() == expected


def test_a_thread_count_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POVERTYPOLICY_THREADS", "many")
    with pytest.raises(ValueError, match="POVERTYPOLICY_THREADS must be a whole number"):
        threads.threads()


def test_one_thread_means_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POVERTYPOLICY_THREADS", "1")
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 1)
    assert threads.row_slices(1000) == [slice(0, 1000)]
