"""A rule's ``compute`` over ranges of households at once, on several threads; 分段并行计算.

A rule whose output rows (households, or persons) are each computed from one parent row (a
household) and its child rows (its members) alone sets ``LedgerRule.parts`` to the names of
the child and the parent table. When the child rows come grouped under their parent rows
in the parents' order (the usual ledger layout, found by `link()`), the engine cuts both
tables into as many ranges as it has threads, computes each range on its own thread, and
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

__all__ = ["compute_in_parts"]


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
        bad=frame.bad[start:stop],
        held=frame.held[start:stop],
    )


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
    assert child.parent is not None
    cuts = _cuts(runs, workers.threads)
    if len(cuts) < 3:
        return None
    parts = []
    offsets = []  # where each part's output rows start in the output table
    for start, stop in itertools.pairwise(cuts):
        first, last = int(runs.bounds[start]), int(runs.bounds[stop])
        kid = _part(child, first, last)
        kid.parent = child.parent[first:last] - child.parent.dtype.type(start)
        kid.groups_cache = Runs.of(runs.bounds[start : stop + 1] - first, None)
        part = dict(frames)
        part[parent_name], part[child_name] = _part(parent, start, stop), kid
        parts.append(part)
        offsets.append(start if lr.output == parent_name else first)
    logs = [ErrorLog() for _ in parts]
    done = workers.map(lr.compute, parts, [policy] * len(parts), logs)
    if any(len(log) for log in logs):
        return None
    rows = np.concatenate([r + at for (r, _), at in zip(done, offsets, strict=True)])
    names = list(done[0][1])
    cols: dict[str, pa.Array | pa.ChunkedArray] = {
        name: pa.chunked_array([c[name] for _, c in done]) for name in names
    }
    return rows, cols
