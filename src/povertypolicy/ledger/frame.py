"""One input table read against its schema: typed columns, row errors, keys and links."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..money import Money
from . import arrays
from .errors import ErrorLog
from .parse import Parsed, days_to_date, is_constant
from .schema import Column, ColumnKind, TableSchema

__all__ = [
    "Frame",
    "Links",
    "Runs",
    "duplicate_rows",
    "link",
    "link_positions",
    "parse_columns",
    "read_frame",
    "reading_cells",
]

_ONE = arrays.scalar(1, pa.int64())
_F = TypeVar("_F", bound=Callable[..., Any])


@attrs.frozen(eq=False)
class Runs:
    """Child rows listed in runs of one parent row each, parents in increasing order.

    ``bounds`` (int64) are where each run starts, then the number of child rows; ``keys`` the
    parent row of each run, or None when run k is parent row k; ``lengths`` the run lengths.
    """

    bounds: np.ndarray
    keys: np.ndarray | None
    lengths: np.ndarray
    longest: int

    @classmethod
    def of(cls, bounds: np.ndarray, keys: np.ndarray | None) -> Runs:
        """The runs between ``bounds`` (none empty), of parent rows ``keys``."""
        n = int(bounds[-1])
        lengths = np.diff(bounds).astype(np.int32 if n < 2**31 else np.int64)
        return cls(bounds=bounds, keys=keys, lengths=lengths, longest=int(lengths.max()))

    @property
    def starts(self) -> np.ndarray:
        """Where each run starts."""
        starts: np.ndarray = self.bounds[:-1]
        return starts

    def scatter(self, values: np.ndarray, n_parent: int, kind: Any) -> np.ndarray:
        """One value per run placed at its parent row; parent rows with no run get 0."""
        out = np.zeros(n_parent, kind)
        if self.keys is None:
            out[: len(values)] = values
        else:
            out[self.keys] = values
        return out


@attrs.define
class Frame:
    """A ledger table read against its schema; 已读入的台账表.

    ``bad`` marks rows with an error of their own; ``held`` rows are fine but not used
    because a row they depend on (their household, a member) has an error.
    """

    schema: TableSchema
    source: pa.Table
    headers: dict[str, str]
    cols: dict[str, Parsed]
    bad: np.ndarray
    held: np.ndarray
    parent: np.ndarray | None = None  # per row: position of its parent row (-1 if none)
    members_cache: Any = None  # (order, sorted parent) once children are looked up by parent
    groups_cache: Any = None  # `Runs` when children are grouped by parent (see columns)
    links: dict[str, Links] = attrs.Factory(dict)  # found beforehand, by parent table
    cells: dict[str, list[Any]] = attrs.Factory(dict)  # `read_cells`: a column's every value

    @property
    def name(self) -> str:
        """The table's name (persons, households, …)."""
        return self.schema.name

    def __len__(self) -> int:
        return int(self.source.num_rows)

    @property
    def ok(self) -> np.ndarray:
        """Rows that are used."""
        used: np.ndarray = ~(self.bad | self.held)
        return used

    def ids(self) -> pa.Array:
        """The key column as text (null where missing)."""
        assert self.schema.key is not None
        values: pa.Array = self.cols[self.schema.key].values
        return values

    def value(self, field: str, i: int) -> Any:
        """Row ``i``'s value of ``field`` as the domain objects take it (``None``: not recorded)."""
        cells = self.cells.get(field)
        if cells is not None:
            return cells[i]
        parsed = self.cols.get(field)
        if parsed is None or not parsed.recorded[i]:
            return None
        column = self.schema.column(field)
        v = parsed.values
        if column.kind in (ColumnKind.ID, ColumnKind.TEXT):
            return v[i].as_py()
        convert = _conversion(column)
        return v[i] if convert is None else convert(v[i])

    def read_cells(self, *fields: str) -> None:
        """Read the columns ``fields`` (those present) whole, once, for `value` to index.

        For a rule that builds domain objects from every row: one conversion per column instead
        of one per cell. The values are `value`'s. Explaining one row does not call it.
        """
        for field in fields:
            parsed = self.cols.get(field)
            if parsed is None or field in self.cells:
                continue
            self.cells[field] = _cells(self.schema.column(field), parsed, len(self))

    def record(self, i: int) -> dict[str, Any]:
        """Row ``i`` as a dict of field → value, only the columns present."""
        return {name: self.value(name, i) for name in self.cols}

    def mark_held(self, rows: np.ndarray) -> np.ndarray:
        """Mark rows as held back (not already bad); returns the newly held positions."""
        fresh = rows & ~self.bad & ~self.held
        self.held |= fresh
        return np.flatnonzero(fresh)


def read_frame(
    schema: TableSchema,
    table: pa.Table,
    *,
    rule: str,
    log: ErrorLog,
    mapping: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    read: Mapping[str, Parsed],
    duplicates: np.ndarray | None,
) -> Frame:
    """A table whose columns are ``read`` (`parse_columns`, `parse_column`), with each
    unreadable or missing cell and each of the key's ``duplicates`` (`duplicate_rows`)
    logged; `reading.read_frames` reads every table of a run."""
    headers = schema.resolve(table.column_names, rule, mapping)
    n = table.num_rows
    bad = np.zeros(n, bool)
    cols: dict[str, Parsed] = dict(read)
    key_ids: pa.Array | None = None if schema.key is None else cols[schema.key].values
    for col in schema.columns:
        parsed = cols.get(col.name)
        if parsed is None:
            continue
        source = table.column(headers[col.name])
        clean = is_constant(parsed.bad, False)  # no unreadable cell
        rows = np.zeros(0, np.int64) if clean else np.flatnonzero(parsed.bad)
        if len(rows):
            log.add(
                table=schema.name,
                rows=rows,
                column=headers[col.name],
                code=parsed.code,
                ids=_take(key_ids, rows),
                values=_take(source, rows),
                args={"kind": col.kind.value},
            )
            bad[rows] = True
        if not col.nullable and not is_constant(parsed.recorded, True):
            empty = np.flatnonzero(~parsed.recorded & ~parsed.bad)
            if len(empty):
                log.add(
                    table=schema.name,
                    rows=empty,
                    column=headers[col.name],
                    code="ledger.error.empty",
                    ids=_take(key_ids, empty),
                )
                bad[empty] = True
        if col.past and today is not None:
            late = np.flatnonzero(parsed.recorded & (parsed.values > _days(today)))
            if len(late):
                log.add(
                    table=schema.name,
                    rows=late,
                    column=headers[col.name],
                    code="ledger.error.future_date",
                    ids=_take(key_ids, late),
                    values=_take(source, late),
                    args={"today": today},
                )
                bad[late] = True
    frame = Frame(
        schema=schema, source=table, headers=headers, cols=cols, bad=bad, held=np.zeros(n, bool)
    )
    if duplicates is not None:
        _log_duplicates(frame, duplicates, log)
    return frame


def parse_columns(
    schema: TableSchema, table: pa.Table, headers: Mapping[str, str]
) -> list[tuple[str, Any, Column]]:
    """The (field, source column, schema column) pairs `read_frame` reads, key first."""
    jobs = []
    if schema.key is not None:
        jobs.append((schema.key, table.column(headers[schema.key]), schema.column(schema.key)))
    for col in schema.columns:
        if col.name in headers and col.name != schema.key:
            jobs.append((col.name, table.column(headers[col.name]), col))
    return jobs


def _days(date: dt.date) -> int:
    return (date - dt.date(1970, 1, 1)).days


def _take(values: Any, rows: np.ndarray) -> pa.Array | None:
    if values is None:
        return None
    return pc.take(values, arrays.array(rows))


def _hashes(values: pa.Array) -> np.ndarray:
    import polars as pl

    return pl.Series(values).hash(seed=0).to_numpy()


def duplicate_rows(ids: pa.Array, recorded: np.ndarray) -> np.ndarray:
    """The rows whose recorded key occurs more than once (all of them: none can be trusted)."""
    n = len(ids)
    none = np.zeros(0, np.int64)
    if n < 2:
        return none
    # Ledgers are often sorted by id: strictly increasing ids are unique, no hashing needed.
    if ids.null_count == 0 and pc.all(pc.less(ids.slice(0, n - 1), ids.slice(1))).as_py():
        return none
    h = _hashes(ids)
    if not (np.diff(np.sort(h)) == 0).any():
        return none
    order = np.argsort(h, kind="stable")
    sh = h[order]
    same = sh[1:] == sh[:-1]
    cand = np.unique(np.concatenate([order[1:][same], order[:-1][same]]))
    # Verify on the text itself: a shared hash is only a candidate.
    sub = pc.take(ids, arrays.array(cand))
    counts = pc.value_counts(sub)
    dup_values = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), _ONE))
    if not len(dup_values):
        return none
    is_dup = np.zeros(n, bool)
    hit = arrays.filled(pc.is_in(sub, value_set=dup_values), False)
    is_dup[cand[hit]] = True
    is_dup &= recorded
    return np.flatnonzero(is_dup)


def _log_duplicates(frame: Frame, rows: np.ndarray, log: ErrorLog) -> None:
    """Log the rows of duplicate keys (`duplicate_rows`) and mark them bad."""
    if len(rows):
        ids = frame.ids()
        log.add(
            table=frame.name,
            rows=rows,
            column=frame.headers[frame.schema.key or ""],
            code="ledger.error.duplicate",
            ids=pc.take(ids, arrays.array(rows)),
            values=pc.take(ids, arrays.array(rows)),
        )
        frame.bad[rows] = True


@attrs.frozen(eq=False)
class Links:
    """Where each child row's parent row is (`link_positions`), before it is applied."""

    pos: np.ndarray  # parent row per child row, -1 for none
    runs: Runs | None  # the child rows' runs when linked by runs
    every: bool  # every child row has its link cell recorded


def link_positions(link_ids: pa.Array, recorded: np.ndarray, parent_ids: pa.Array) -> Links:
    """Each child row's parent row by its link id (pure: nothing logged or marked)."""
    n = len(link_ids)
    runs = _link_runs(link_ids, parent_ids)
    if runs is None:
        pos = _link_hash(link_ids, parent_ids)
    else:
        pos = np.repeat(np.arange(len(runs.lengths), dtype=_index_type(n)), runs.lengths)
    every = is_constant(recorded, True) or bool(recorded.all())
    if not every:
        pos = np.where(recorded, pos, -1)
    return Links(pos=pos, runs=runs, every=every)


def link(child: Frame, parent: Frame, log: ErrorLog) -> None:
    """Find each child row's parent row by the child's link column; unknown ids are errors.

    Fast path: a ledger that lists children grouped under parents in the parents' order
    links by comparing run boundaries, with no hashing at all. Positions the run found
    beforehand, on another thread (`Frame.links`), are used as they are.
    """
    assert child.schema.link is not None
    link_col = child.schema.link
    link_ids: pa.Array = child.cols[link_col].values
    recorded = child.cols[link_col].recorded
    found = child.links.pop(parent.name, None)
    if found is None:
        found = link_positions(link_ids, recorded, parent.ids())
    runs, pos = found.runs, found.pos
    child.parent = pos
    child.groups_cache = runs if found.every else None
    # Linked by runs: every recorded cell found its parent.
    unknown = np.flatnonzero(recorded & (pos < 0)) if runs is None else np.zeros(0, np.int64)
    if len(unknown):
        log.add(
            table=child.name,
            rows=unknown,
            column=child.headers[link_col],
            code="ledger.error.unknown_parent",
            ids=_take(child.ids() if child.schema.key else None, unknown),
            values=pc.take(link_ids, arrays.array(unknown)),
            args={"parent": parent.schema.zh},
        )
        child.bad[unknown] = True


def _index_type(n: int) -> Any:
    return np.int32 if n < 2**31 else np.int64


def _link_runs(link_ids: pa.Array, parent_ids: pa.Array) -> Runs | None:
    """The runs of equal link ids when run k links to parent row k, else None."""
    n = len(link_ids)
    if n == 0 or link_ids.null_count or parent_ids.null_count:
        return None
    if n > 1:
        change = arrays.filled(pc.not_equal(link_ids.slice(1), link_ids.slice(0, n - 1)), False)
        inner = np.flatnonzero(change)
        del change
    else:
        inner = np.zeros(0, np.int64)
    k = len(inner) + 1  # runs
    if k > len(parent_ids):
        return None
    bounds = np.empty(k + 1, np.int64)
    bounds[0], bounds[k] = 0, n
    np.add(inner, 1, out=bounds[1:k])
    del inner
    run_ids = pc.take(link_ids, arrays.array(bounds[:k]))
    # Parents without children are allowed only at the end in this fast path.
    head = parent_ids.slice(0, k)
    if not pc.all(pc.equal(run_ids, head)).as_py():
        return None
    return Runs.of(bounds, None)


def _link_hash(link_ids: pa.Array, parent_ids: pa.Array) -> np.ndarray:
    ph = _hashes(parent_ids)
    order = np.argsort(ph)
    sorted_h = ph[order]
    ch = _hashes(link_ids)
    at = np.searchsorted(sorted_h, ch)
    at_clipped = np.minimum(at, len(sorted_h) - 1) if len(sorted_h) else at
    pos = np.full(len(link_ids), -1, np.int64)
    if not len(sorted_h):
        return pos
    cand = order[at_clipped]
    hit = sorted_h[at_clipped] == ch
    same = arrays.filled(pc.equal(pc.take(parent_ids, arrays.array(cand)), link_ids), False)
    good = hit & same
    pos[good] = cand[good]
    # Rows that did not verify (a hash shared by two ids, or a truly unknown id): exact lookup.
    rest = np.flatnonzero(~good)
    if len(rest):
        exact = pc.index_in(pc.take(link_ids, arrays.array(rest)), value_set=parent_ids)
        pos[rest] = arrays.values(exact, -1)
    return pos


def _conversion(column: Column) -> Callable[[Any], Any] | None:
    """How one stored cell of ``column`` becomes the value the domain objects take (None: as
    stored). Text and ids are Arrow; the other kinds numpy (days, flags, enum codes, fen,
    counts); decimals a list of `Decimal`."""
    kind = column.kind
    if kind is ColumnKind.DATE:
        return lambda days: days_to_date(int(days))
    if kind is ColumnKind.BOOL:
        return bool
    if kind is ColumnKind.ENUM:
        assert column.enum is not None
        members = list(column.enum)
        return lambda code: members[int(code)]
    if kind is ColumnKind.MONEY:
        return lambda fen: Money.from_fen(int(fen))
    if kind is ColumnKind.COUNT:
        return int
    return None


def _cells(column: Column, parsed: Parsed, n: int) -> list[Any]:
    """Every value of a column as `Frame.value` gives it (``None`` where not recorded)."""
    v, kind = parsed.values, column.kind
    # The column as Python values first (one conversion for all its cells), then each value
    raw: list[Any]
    if kind in (ColumnKind.ID, ColumnKind.TEXT):
        raw = v.to_pylist()
    elif kind is ColumnKind.DECIMAL:
        raw = list(v)
    else:
        raw = v.tolist()
    convert = _conversion(column)
    if is_constant(parsed.recorded, True):
        return raw if convert is None else [convert(x) for x in raw]
    values: list[Any] = [None] * n
    for i in np.flatnonzero(parsed.recorded).tolist():  # an empty or unreadable cell: None
        values[i] = raw[i] if convert is None else convert(raw[i])
    return values


def reading_cells(compute: _F) -> _F:
    """For a rule's ``compute(frames, …)`` that builds domain objects from every row: each
    table's columns are read whole first (`Frame.read_cells`), and let go afterwards, so the
    result keeps none of them (explaining a row reads its cells one by one again)."""

    @functools.wraps(compute)
    def run(self: Any, frames: Mapping[str, Frame], *args: Any, **kwargs: Any) -> Any:
        for frame in frames.values():
            frame.read_cells(*frame.cols)
        try:
            return compute(self, frames, *args, **kwargs)
        finally:
            for frame in frames.values():
                frame.cells.clear()

    return run  # type: ignore[return-value]
