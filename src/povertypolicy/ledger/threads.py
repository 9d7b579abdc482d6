"""Large ledgers on every core of one machine; 多核并行.

numpy and Arrow release the GIL while they work on large arrays, so independent pieces of a
run (each column's cells, each half of a column) can run on threads at the same time. Results
come back in order, and every error is logged by the calling thread afterwards, so a run gives
the same rows, errors and order whatever the number of threads. Small tables run in the
calling thread: handing them to a thread costs more than it saves.

``POVERTYPOLICY_THREADS=1`` runs everything in the calling thread (the default is one thread
per core the process may use, at most 8).
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

__all__ = ["PARALLEL_ROWS", "parallel_map", "row_slices", "threads"]

T = TypeVar("T")
R = TypeVar("R")

#: Below this many rows a job runs in the calling thread.
PARALLEL_ROWS = 200_000
_MAX_THREADS = 8

_pool: tuple[int, ThreadPoolExecutor] | None = None  # (threads, the pool)
_lock = threading.Lock()
_local = threading.local()


def threads() -> int:
    """How many threads a large run uses: ``POVERTYPOLICY_THREADS``, else one per core."""
    given = os.environ.get("POVERTYPOLICY_THREADS", "").strip()
    if given:
        try:
            return max(1, int(given))
        except ValueError:
            raise ValueError(
                f"POVERTYPOLICY_THREADS must be a whole number of threads, not {given!r}"
            ) from None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MAX_THREADS))


def _executor(n: int) -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None or _pool[0] != n:
            if _pool is not None:
                _pool[1].shutdown(wait=False)
            _pool = (n, ThreadPoolExecutor(max_workers=n, thread_name_prefix="povertypolicy"))
        return _pool[1]


def _as_worker(fn: Callable[[T], R]) -> Callable[[T], R]:
    def run(item: T) -> R:
        _local.worker = True  # a job never waits on the pool it runs on
        return fn(item)

    return run


def parallel_map(fn: Callable[[T], R], items: Sequence[T], *, rows: int) -> list[R]:
    """``[fn(x) for x in items]``, on threads when ``rows`` is large; results in order.

    ``fn`` must not log or change shared state: the caller does that with the results.
    """
    n = threads()
    if len(items) < 2 or rows < PARALLEL_ROWS or n < 2 or getattr(_local, "worker", False):
        return [fn(x) for x in items]
    return list(_executor(n).map(_as_worker(fn), items))


def row_slices(n_rows: int, bounds: np.ndarray | None = None) -> list[slice]:
    """``n_rows`` cut into one slice per thread (a single slice for a small table).

    With ``bounds`` (sorted run starts, e.g. where each household's members begin), cuts fall
    on those starts only, so no run is split.
    """
    pieces = threads() if n_rows >= PARALLEL_ROWS else 1
    if pieces < 2:
        return [slice(0, n_rows)]
    cuts = [n_rows * k // pieces for k in range(1, pieces)]
    if bounds is not None:
        at = np.searchsorted(bounds, cuts)
        cuts = [int(bounds[i]) if i < len(bounds) else n_rows for i in at]
    edges = sorted({0, *cuts, n_rows})
    return [slice(a, b) for a, b in itertools.pairwise(edges) if b > a]
