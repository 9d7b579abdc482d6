"""Ledger work on threads: pieces cover every row once, cut only where a run begins, results
in order; a thread never waits on its own pool; the thread count is read, never guessed."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy import ledger
from povertypolicy.ledger import threads

from ._threaded import threaded

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)


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


# -- whole runs: the same rows, errors and summary with and without threads -----------------

ids = st.sampled_from(["H1", "H2", "H3", "H4", "H9", None])
person_rows = st.lists(
    st.tuples(
        st.sampled_from(["P1", "P2", "P3", "P4", "P5", "P6", "P7", None]),
        ids,
        st.sampled_from(["1970-01-01", "2011-01-01", "2010-12-31", "1980-13-45", None]),
        st.sampled_from(["农业", "非农业", "agricultural", "火星", None]),
        st.sampled_from(["是", "否", "也许", None]),
    ),
    max_size=25,
)
household_rows = st.lists(
    st.tuples(ids, st.sampled_from(["2011-03-20", "2011/3/21", "昨天", None])), max_size=6
)


@given(person_rows, household_rows, st.booleans())
def test_a_messy_ledger_runs_the_same_on_threads(
    people: list[tuple[Any, ...]], homes: list[tuple[Any, ...]], grouped: bool
) -> None:
    """Duplicates, unknown and missing ids, bad cells, ungrouped rows: one thread and three
    give the same result rows, the same errors in the same order and the same summary."""
    if grouped:  # the usual layout: members grouped under their household, in its order
        order = {h: i for i, (h, _) in enumerate(homes)}
        people = sorted(people, key=lambda r: order.get(r[1], len(order)))
    persons = pa.table(
        {
            "人员编号": pa.array([r[0] for r in people], pa.string()),
            "户编号": pa.array([r[1] for r in people], pa.string()),
            "出生日期": pa.array([r[2] for r in people], pa.string()),
            "户籍性质": pa.array([r[3] for r in people], pa.string()),
            "当地常住户口": pa.array([r[4] for r in people], pa.string()),
            "仍在当地居住生产": pa.array([r[4] for r in people], pa.string()),
        }
    )
    households = pa.table(
        {
            "户编号": pa.array([h[0] for h in homes], pa.string()),
            "申请日期": pa.array([h[1] for h in homes], pa.string()),
        }
    )

    def once() -> ledger.LedgerResult:
        return ledger.run(
            "housing.subsidy", PACK, on=ON, persons=persons, households=households, locale="en"
        )

    plain = once()
    with threaded(3):
        cut = once()
    assert cut.arrow.equals(plain.arrow)
    assert cut.errors_arrow("en").equals(plain.errors_arrow("en"))
    assert cut.summary == plain.summary
    assert cut.summary.balanced


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=30))
def test_grouped_rows_link_by_runs_on_threads(sizes: list[int]) -> None:
    """The run-boundary link (no hashing) finds the same parent rows when cut into pieces."""
    from povertypolicy.ledger.frame import _link_runs

    parents = pa.array([f"H{i:03d}" for i in range(len(sizes))])
    children = pa.array([f"H{i:03d}" for i, k in enumerate(sizes) for _ in range(k)])
    want = np.repeat(np.arange(len(sizes)), sizes)
    plain = _link_runs(children, parents)
    with threaded(3):
        cut = _link_runs(children, parents)
    assert plain is not None
    assert cut is not None
    assert cut.tolist() == plain.tolist() == want.tolist()
