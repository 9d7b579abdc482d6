"""A rule's ``compute`` over ranges of households at once, on several threads; 分段并行计算.

A rule whose output rows (households, or persons) are each computed from one parent row (a
household) and its child rows (its members) alone sets ``LedgerRule.parts`` to the names of
the child and the parent table. When the child rows come grouped under their parent rows
in the parents' order (the usual ledger layout, found by `link()`), the engine cuts both
tables into ranges (`PARTS_PER_THREAD` per thread), computes the ranges on the threads, and
joins the result columns as chunks of one column, without copying. The values are those of
one ``compute`` over the whole tables: each row's depend on its own rows only.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from .errors import ErrorLog
from .frame import Frame, Runs
from .parse import Parsed

if TYPE_CHECKING:
    from ..policy import Policy
    from .engine import LedgerRule
    from .workers import Workers

__all__ = ["PARTS_PER_THREAD", "compute_in_parts"]

# Ranges per thread: more, smaller ranges keep fewer temporary arrays alive at once (each
# thread works on one range at a time) and share the work out more evenly.
PARTS_PER_THREAD = 4


def _slice(values: Any, start: int, stop: int) -> Any:
    if isinstance(values, pa.Array | pa.ChunkedArray):
        return values.slice(start, stop - start)
    return values[start:stop]


def _part(frame: Frame, start: int, stop: int) -> Frame:
    """Rows ``start`` to ``stop`` of ``frame`` (views: nothing is copied)."""
    cols = {
        name: Parsed(
            values=_slice(p.values, start, stop),
            recorded=p.recorded[start:stop],
            bad=p.bad[start:stop],
            code=p.code,
            encoded=None if p.encoded is None else p.encoded.slice(start, stop - start),
        )
        for name, p in frame.cols.items()
    }
    return Frame(
        schema=frame.schema,
        source=frame.source.slice(start, stop - start),
        headers=frame.headers,
        cols=cols,
        bad=_read_only(frame.bad[start:stop]),
        held=_read_only(frame.held[start:stop]),
    )


def _read_only(view: np.ndarray) -> np.ndarray:
    """A range's row marks: views of the whole's, so a ``compute`` that marked a row would mark
    it in the whole too (and its fallback would start from them); it raises instead."""
    view.flags.writeable = False
    return view


def _cuts(runs: Runs, n_parts: int) -> list[int]:
    """Parent rows where the parts start (and the end), about equal in child rows."""
    n_parent = len(runs.lengths)
    wanted = np.linspace(0, int(runs.bounds[-1]), n_parts + 1)[1:-1]
    inner = np.searchsorted(runs.bounds, wanted).tolist()
    return sorted({0, *(c for c in inner if 0 < c < n_parent), n_parent})


def compute_in_parts(
    lr: LedgerRule, frames: Mapping[str, Frame], policy: Policy, workers: Workers
) -> tuple[np.ndarray, dict[str, pa.Array | pa.ChunkedArray]] | None:
    """``lr.compute`` per range of output rows, concurrently; None when it cannot be cut.

    It cannot when the run has one thread, the child rows are not in runs of one parent row
    each covering every parent row, or a range's ``compute`` logged a row error (the whole
    is then computed as one, so the errors table is exactly a one-thread run's).
    """
    if workers.threads < 2 or lr.parts is None:
        return None
    child_name, parent_name = lr.parts
    parent, child = frames[parent_name], frames[child_name]
    runs = child.groups_cache
    if not isinstance(runs, Runs) or runs.keys is not None or len(runs.lengths) != len(parent):
        return None
    cuts = _cuts(runs, workers.threads * PARTS_PER_THREAD)
    if len(cuts) < 3:
        return None
    ranges = list(itertools.pairwise(cuts))
    parent_output = lr.output == parent_name

    def compute(start: int, stop: int) -> tuple[np.ndarray, dict[str, pa.Array], int]:
        # Built on the thread that computes it: only the ranges being computed hold copies.
        first, last = int(runs.bounds[start]), int(runs.bounds[stop])
        kid = _part(child, first, last)
        assert child.parent is not None
        kid.parent = child.parent[first:last]
        bounds = runs.bounds[start : stop + 1]
        if start:  # the first range's positions are the whole's: views, not copies
            kid.parent = kid.parent - kid.parent.dtype.type(start)
            bounds = bounds - first
        # The whole's longest run bounds each range's (the counts are packed by it).
        kid.groups_cache = Runs(bounds, None, runs.lengths[start:stop], runs.longest)
        part = dict(frames)
        part[parent_name], part[child_name] = _part(parent, start, stop), kid
        log = ErrorLog()
        rows, cols = lr.compute(part, policy, log)
        return rows, cols, -1 if len(log) else (start if parent_output else first)

    done = workers.map(compute, [a for a, _ in ranges], [b for _, b in ranges])
    if any(at < 0 for _, _, at in done):
        return None
    rows = np.empty(sum(len(r) for r, _, _ in done), np.int64)
    at_row = 0
    for r, _, at in done:
        np.add(r, at, out=rows[at_row : at_row + len(r)])
        at_row += len(r)
    names = list(done[0][1])
    cols: dict[str, pa.Array | pa.ChunkedArray] = {
        name: pa.chunked_array([c[name] for _, c, _ in done]) for name in names
    }
    return rows, cols
