"""The check list's conditions over whole ledger columns (DATA-2, DATA-4), three-valued.

The same verdicts as `povertypolicy.rules.data_quality.verdict()` on each row's record
(`record_of()`), computed on the typed columns: a clause on a fact not recorded is
unknown, an unreadable cell (in the errors table) is unknown even for ``missing``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParameterPeriodError
from ..money import Money
from ..policy import Policy
from ..rules.data_quality.checks import Check, Clause, Op
from ..rules.data_quality.conditions import ABSENT, UNREADABLE
from ..rules.data_quality.fields import FIELDS
from .arrays import array, filled
from .frame import Frame
from .parse import date_to_days, days_to_date

__all__ = [
    "Col",
    "column",
    "evaluate",
    "limits",
    "member_counts",
    "record_of",
    "values_at",
]

_TEXT = ("id", "text")


@attrs.frozen(kw_only=True)
class Col:
    """A field over a table's rows: kind, values (numpy, or Arrow text), recorded, unreadable."""

    kind: str | type[enum.StrEnum]
    values: Any
    recorded: np.ndarray
    unreadable: np.ndarray


def _own(frame: Frame, field: str) -> Col | None:
    parsed = frame.cols.get(field)
    if parsed is None:
        return None
    kind = FIELDS[frame.name][field]
    return Col(kind=kind, values=parsed.values, recorded=parsed.recorded, unreadable=parsed.bad)


def column(frames: Mapping[str, Frame], table: str, ref: str) -> Col | None:
    """Field ``ref`` over the rows of ``table`` (None: the ledger has no such column)."""
    frame = frames.get(table)
    if frame is None:
        return None
    if ref == "member_rows":
        persons = frames.get("persons")
        if persons is None or persons.parent is None:
            return None
        linked = persons.parent[persons.parent >= 0]
        counts = np.bincount(linked, minlength=len(frame)).astype(np.int64)
        n = len(frame)
        return Col(kind="count", values=counts, recorded=np.ones(n, bool),
                   unreadable=np.zeros(n, bool))  # fmt: skip
    head, _, rest = ref.partition(".")
    if head != "household" or rest not in FIELDS["households"]:
        return _own(frame, ref)
    parent = frame.parent
    households = frames.get("households")
    if parent is None or households is None:
        return None
    own = column(frames, "households", rest)
    if own is None:
        return None
    linked = parent >= 0
    safe = np.where(linked, parent, 0)
    if isinstance(own.values, pa.Array | pa.ChunkedArray):
        taken = pc.take(own.values, array(np.where(linked, parent, -1), mask=~linked))
        values: Any = taken
    else:
        values = own.values[safe] if len(own.values) else np.zeros(len(frame), np.int64)
    if not len(households):
        return Col(kind=own.kind, values=values, recorded=np.zeros(len(frame), bool),
                   unreadable=np.zeros(len(frame), bool))  # fmt: skip
    return Col(
        kind=own.kind,
        values=values,
        recorded=own.recorded[safe] & linked,
        unreadable=own.unreadable[safe] & linked,
    )


def _literal(value: Any, kind: str | type[enum.StrEnum]) -> Any:
    """A check list literal as the column stores it."""
    if isinstance(kind, type):
        return list(kind).index(value)
    if isinstance(value, Money):
        return value.fen
    if isinstance(value, dt.date):
        return date_to_days(value)
    return value


def _operand(
    frames: Mapping[str, Frame], table: str, clause: Clause, kind: Any, policy: Policy, n: int
) -> tuple[Any, np.ndarray] | None:
    """(values, known) of what the clause compares with; None if it cannot be read at all."""
    if clause.than is not None:
        other = column(frames, table, clause.than)
        if other is None:
            return None
        return other.values, other.recorded
    if clause.param is None:
        if clause.op is Op.IN:
            return [_literal(v, kind) for v in clause.value], np.ones(n, bool)
        return _literal(clause.value, kind), np.ones(n, bool)
    if clause.year is None:
        return _param_value(policy, clause.param, None), np.ones(n, bool)
    years = column(frames, table, clause.year)
    if years is None:
        return None
    out = np.zeros(n, np.int64)
    known = years.recorded.copy()
    for y in np.unique(years.values[known]).tolist():
        at = known & (years.values == y)
        v = _param_value(policy, clause.param, int(y))
        if v is None:
            known &= ~at
        else:
            out[at] = v
    return out, known


def _param_value(policy: Policy, name: str, year: int | None) -> int | None:
    at = policy if year is None else policy.at(dt.date(year, 12, 31))
    try:
        param = at.param(name)
    except ParameterPeriodError:
        return None
    value: int = _literal(param.value, "count")
    return value


def _compare(op: Op, left: Any, right: Any) -> np.ndarray:
    if isinstance(left, pa.Array | pa.ChunkedArray):
        if op is Op.IN:
            result = pc.is_in(left, value_set=array(right, pa.string()))
        elif isinstance(right, pa.Array | pa.ChunkedArray):
            result = (pc.equal if op is Op.EQ else pc.not_equal)(left, right)
        else:
            result = (pc.equal if op is Op.EQ else pc.not_equal)(left, array([right])[0])
        return filled(result, False)
    if op is Op.IN:
        return np.isin(left, np.array(right))
    fn = {Op.EQ: np.equal, Op.NE: np.not_equal, Op.LT: np.less, Op.LE: np.less_equal,
          Op.GT: np.greater, Op.GE: np.greater_equal}[op]  # fmt: skip
    out: np.ndarray = fn(left, right)
    return out


def _clause(
    frames: Mapping[str, Frame], table: str, clause: Clause, policy: Policy, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """(true, unknown) per row."""
    left = column(frames, table, clause.field)
    if left is None:
        return np.zeros(n, bool), np.ones(n, bool)
    if clause.op is Op.MISSING:
        return ~left.recorded & ~left.unreadable, left.unreadable.copy()
    if clause.op is Op.RECORDED:
        return left.recorded.copy(), left.unreadable.copy()
    right = _operand(frames, table, clause, left.kind, policy, n)
    if right is None:
        return np.zeros(n, bool), np.ones(n, bool)
    values, known_right = right
    known = left.recorded & known_right
    true = known & _compare(clause.op, left.values, values)
    return true, ~known


def evaluate(
    frames: Mapping[str, Frame], check: Check, policy: Policy
) -> tuple[np.ndarray, np.ndarray]:
    """(fires, unknown) per row of the check's table."""
    n = len(frames[check.table])
    fires = np.ones(n, bool)
    unknown = np.zeros(n, bool)
    false = np.zeros(n, bool)
    for clause in check.when:
        true, unk = _clause(frames, check.table, clause, policy, n)
        fires &= true
        unknown |= unk
        false |= ~true & ~unk
    return fires, unknown & ~false


def values_at(col: Col | None, rows: np.ndarray) -> list[Any]:
    """Domain values of a column at ``rows`` (None where not recorded)."""
    if col is None:
        return [None] * len(rows)
    rec = col.recorded[rows].tolist()
    if isinstance(col.values, pa.Array | pa.ChunkedArray):
        got = pc.take(col.values, array(rows)).to_pylist()
    else:
        got = col.values[rows].tolist()
    kind = col.kind
    if isinstance(kind, type):
        members = list(kind)
        conv: Any = lambda v: members[int(v)]  # noqa: E731
    elif kind == "money":
        conv = Money.from_fen
    elif kind == "date":
        conv = days_to_date
    elif kind == "bool":
        conv = bool
    else:
        conv = lambda v: v  # noqa: E731
    return [conv(v) if r else None for v, r in zip(got, rec, strict=True)]


def _one(frame: Frame, field: str, row: int) -> Any:
    parsed = frame.cols.get(field)
    if parsed is None:
        return ABSENT
    if parsed.bad[row]:
        return UNREADABLE
    return frame.value(field, row)


def member_counts(frames: Mapping[str, Frame]) -> np.ndarray | None:
    """Per household row, how many person rows name it (None without a linked persons table)."""
    col = column(frames, "households", "member_rows")
    return None if col is None else np.asarray(col.values)


def record_of(
    frames: Mapping[str, Frame], table: str, row: int, members: np.ndarray | None = None
) -> dict[str, Any]:
    """One row as the single-record rule takes it: every field the ledger has (its domain
    value, None if not recorded, `UNREADABLE` if in the errors table), the household's
    fields as ``household.<field>``, and ``member_rows`` for a household (``members``: the
    counts from `member_counts()`, computed once for many rows)."""
    frame = frames[table]
    out: dict[str, Any] = {}
    for field in FIELDS[table]:
        if field != "member_rows":
            out[field] = _one(frame, field, row)
    households = frames.get("households")
    if table == "households":
        counts = members if members is not None else member_counts(frames)
        if counts is not None:
            out["member_rows"] = int(counts[row])
    elif households is not None and frame.parent is not None:
        at = int(frame.parent[row])
        for field in FIELDS["households"]:
            if field == "member_rows":
                continue
            value = _one(households, field, at) if at >= 0 else None
            if value is not ABSENT:
                out[f"household.{field}"] = value
    return {k: v for k, v in out.items() if v is not ABSENT}


def limits(
    frames: Mapping[str, Frame], check: Check, rows: np.ndarray, policy: Policy
) -> tuple[list[Any], list[Any]]:
    """The ``limit`` and ``year`` each finding's message shows (as `message_args()`)."""
    n = len(rows)
    limit: list[Any] = [None] * n
    year: list[Any] = [None] * n
    for clause in check.when:
        if clause.year is not None and all(y is None for y in year):
            got = values_at(column(frames, check.table, clause.year), rows)
            year = [None if y is None else str(y) for y in got]
        if clause.field != check.field or clause.op in (Op.MISSING, Op.RECORDED):
            continue
        if any(v is not None for v in limit):
            continue
        if clause.than is not None:
            limit = values_at(column(frames, check.table, clause.than), rows)
        elif clause.param is None:
            limit = [clause.value] * n
        else:
            years = (
                [None] * n
                if clause.year is None
                else values_at(column(frames, check.table, clause.year), rows)
            )
            seen: dict[Any, Any] = {}
            for i, y in enumerate(years):
                if clause.year is not None and y is None:
                    continue
                if y not in seen:
                    at = policy if y is None else policy.at(dt.date(int(y), 12, 31))
                    try:
                        param = at.param(clause.param)
                        seen[y] = param.money if isinstance(param.value, Money) else param.value
                    except ParameterPeriodError:
                        seen[y] = None
                limit[i] = seen[y]
    return limit, year
