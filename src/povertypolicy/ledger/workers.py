"""Threads for a ledger run's independent array work (columns read, ids checked, links found).

NumPy and Arrow let go of the interpreter lock inside their kernels, so work on different
columns, or on different households, runs on several cores at once. Only work whose result
does not depend on the order it finishes in is handed out; what it finds is applied (errors
logged, rows marked) afterwards, in the order a run on one thread applies it, so the results
and the errors table are the same for any number of threads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from ..errors import InputError

if TYPE_CHECKING:  # concurrent.futures imports logging: only when a run uses threads
    from concurrent.futures import ThreadPoolExecutor

__all__ = ["AUTO_ROWS", "Pending", "Workers", "available_cores", "threads_option"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# With ``threads=None``, tables smaller than this are read on the calling thread: handing
# work to another thread costs tens of microseconds, and a township's ledger takes
# milliseconds either way.
AUTO_ROWS = 100_000

_pools: dict[int, ThreadPoolExecutor] = {}
_lock = threading.Lock()


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system reports one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - macOS and Windows have no sched_getaffinity
        return os.cpu_count() or 1


class Pending(Protocol[T_co]):
    """Work handed out: ``result()`` waits for it and returns its value (or raises)."""

    def result(self) -> T_co: ...


class _Done(Generic[T]):
    """Work done on the calling thread: its value, or the exception it raised."""

    __slots__ = ("_error", "_value")

    def __init__(self, fn: Callable[..., T], args: tuple[Any, ...]) -> None:
        self._error: BaseException | None = None
        try:
            self._value: T | None = fn(*args)
        except Exception as exc:  # raised again by result(), as a thread's would be
            self._value, self._error = None, exc

    def result(self) -> T:
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


def _pool(threads: int) -> ThreadPoolExecutor:
    from concurrent.futures import ThreadPoolExecutor

    with _lock:
        pool = _pools.get(threads)
        if pool is None:
            pool = _pools[threads] = ThreadPoolExecutor(
                max_workers=threads, thread_name_prefix="povertypolicy-ledger"
            )
        return pool


def threads_option(threads: object, *, obj: str = "ledger.run") -> int | None:
    """``threads`` checked: None (automatic) or a whole number of threads, at least 1."""
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise InputError(
            obj=obj,
            field="threads",
            value=threads,
            expected="a whole number of threads, at least 1 (or None: every available core)",
            code="ledger.error.threads",
        )
    return threads


class Workers:
    """Runs independent calls on ``threads`` threads, or on the caller's thread when 1.

    ``threads=None``: every available core, for tables of `AUTO_ROWS` rows or more.
    """

    __slots__ = ("threads",)

    def __init__(self, threads: int | None, rows: int) -> None:
        if threads is None:
            threads = available_cores() if rows >= AUTO_ROWS else 1
        self.threads = threads

    def map(self, fn: Callable[..., T], *items: Iterable[Any]) -> list[T]:
        """``[fn(*args) for args in zip(*items)]``, in that order, computed concurrently."""
        if self.threads == 1:
            return [fn(*args) for args in zip(*items, strict=True)]
        return list(_pool(self.threads).map(fn, *items))

    def submit(self, fn: Callable[..., T], *args: Any) -> Pending[T]:
        """``fn(*args)`` started now (on the calling thread when 1); ``.result()`` waits."""
        if self.threads == 1:
            return _Done(fn, args)
        return _pool(self.threads).submit(fn, *args)
