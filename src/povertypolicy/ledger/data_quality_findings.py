"""The findings of a data-quality run, one row each, with messages in a locale; 问题清单.

Checks add findings in batches of one check code (rows of one table, and the values each
finding's message shows); `FindingLog.to_arrow()` turns them into the findings table
with the record id, village, field (as the ledger heads it), value as written, what it
should be, the period, and the message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..rules.data_quality.checks import CheckList
from .arrays import array, numpy, repeat, scalar, strings
from .frame import Frame

__all__ = [
    "FINDING_COLUMNS",
    "TABLE_ORDER",
    "FindingLog",
    "cell_text",
    "field_label",
    "render",
]

#: Columns of the findings table, in order.
FINDING_COLUMNS = (
    "finding",
    "village",
    "table",
    "row",
    "record_id",
    "household_id",
    "check",
    "rule",
    "severity",
    "field",
    "value",
    "expected",
    "period_start",
    "period_end",
    "message",
)
#: The values of one message placeholder, one per finding: Python values, or a numpy array
#: (datetime64[D] dates, integers) formatted once per distinct value.
Values = Sequence[Any] | np.ndarray
TABLE_ORDER = ("households", "persons", "pairings", "beneficiaries")
_RECORD = {"households": "household_id", "persons": "person_id", "pairings": "pairing_id",
           "beneficiaries": "project_id"}  # fmt: skip
_UNKNOWN, _SLASH, _EMPTY = (scalar(t, pa.string()) for t in ("?", "/", ""))


@attrs.define
class _Batch:
    table: str
    code: str
    rows: np.ndarray
    args: Mapping[str, Values]
    expected: Sequence[str | None] | None
    start: np.ndarray | None
    end: np.ndarray | None
    ordinal: np.ndarray | None


@attrs.define
class FindingLog:
    """Findings gathered by the checks of one run, in batches of one code."""

    batches: list[_Batch] = attrs.field(factory=list)

    def add(
        self,
        *,
        table: str,
        code: str,
        rows: np.ndarray,
        args: Mapping[str, Values] | None = None,
        expected: Sequence[str | None] | None = None,
        start: np.ndarray | None = None,
        end: np.ndarray | None = None,
        ordinal: np.ndarray | None = None,
    ) -> None:
        """Record a finding ``code`` on each of ``rows`` (0-based rows of ``table``)."""
        rows = np.asarray(rows, np.int64)
        if len(rows):
            self.batches.append(
                _Batch(table, code, rows, dict(args or {}), expected, start, end, ordinal)
            )

    def __len__(self) -> int:
        return sum(len(b.rows) for b in self.batches)

    def locate(self, k: int) -> tuple[str, str, int]:
        """(table, code, source row) of the ``k``-th finding in batch order."""
        for b in self.batches:
            if k < len(b.rows):
                return b.table, b.code, int(b.rows[k])
            k -= len(b.rows)
        raise IndexError(k)

    def to_arrow(
        self, frames: Mapping[str, Frame], checks: CheckList, locale: str
    ) -> tuple[pa.Table, np.ndarray]:
        """The findings table, sorted by village, table, row and check order, and for each of
        its rows the position of the finding in `index()` order."""
        order = {c.code: i for i, c in enumerate(checks.checks)}
        parts = []
        at = 0
        for b in self.batches:
            parts.append(_part(b, frames, checks, locale, order, at))
            at += len(b.rows)
        if not parts:
            empty = {c: pa.nulls(0, pa.string()) for c in FINDING_COLUMNS}
            empty["row"] = pa.nulls(0, pa.int64())
            empty["period_start"] = pa.nulls(0, pa.date32())
            empty["period_end"] = pa.nulls(0, pa.date32())
            return pa.table(empty), np.zeros(0, np.int64)
        table = pa.concat_tables(parts)
        keys = ("village", "_t", "row", "_c", "_k")
        table = table.sort_by([(k, "ascending", "at_end") for k in keys])
        positions = numpy(table.column("_k"))
        table = table.drop_columns(["_t", "_c", "_k"])
        for name in ("check", "rule", "severity", "table"):
            i = table.column_names.index(name)
            table = table.set_column(i, name, pc.dictionary_encode(table.column(name)))
        return table, positions


def _village(frames: Mapping[str, Frame], table: str, rows: np.ndarray) -> pa.Array:
    households = frames.get("households")
    if households is None or "village" not in households.cols:
        return pa.nulls(len(rows), pa.string())
    village = households.cols["village"]
    if table == "households":
        at = rows
    else:
        parent = frames[table].parent
        if parent is None:
            return pa.nulls(len(rows), pa.string())
        at = parent[rows]
    safe = np.where(at >= 0, at, 0)
    ok = (at >= 0) & village.recorded[safe] if len(households) else np.zeros(len(rows), bool)
    if not len(households):
        return pa.nulls(len(rows), pa.string())
    got = pc.take(village.values, array(safe))
    return pc.if_else(array(ok), got, scalar(None, pa.string()))


def cell_text(frame: Frame, field: str, rows: np.ndarray) -> pa.Array:
    """The cells of ``field`` at ``rows`` as written in the ledger, as text (null if empty)."""
    header = frame.headers.get(field)
    if header is None:
        return pa.nulls(len(rows), pa.string())
    source = frame.source.column(header)
    source = source.combine_chunks() if isinstance(source, pa.ChunkedArray) else source
    if pa.types.is_dictionary(source.type):
        source = source.cast(source.type.value_type)
    cells = pc.take(source, array(rows))
    if pa.types.is_floating(cells.type):
        whole = pc.equal(pc.floor(cells), cells)
        as_int = pc.cast(pc.if_else(whole, cells, scalar(None, cells.type)), pa.int64(), safe=False)
        return pc.coalesce(pc.cast(as_int, pa.string()), pc.cast(cells, pa.string()))
    if pa.types.is_timestamp(cells.type):
        cells = pc.cast(cells, pa.date32())
    return pc.cast(cells, pa.string())


def field_label(frames: Mapping[str, Frame], table: str, field: str, locale: str) -> str:
    """A field as the ledger heads it (its own header); a column the ledger does not have by
    the schema's Chinese header (English: the field name)."""
    from ..explain.catalog import messages
    from .data_quality_tables import TABLES

    if field.startswith("household."):
        table, field = "households", field.split(".", 1)[1]
    frame = frames.get(table)
    header = None if frame is None else frame.headers.get(field)
    if header is not None:
        return header
    label = messages(locale, "data_quality").get(f"data_quality.field.{field}")
    if label is not None:
        return label
    try:
        column = TABLES[table].column(field)
    except KeyError:
        return field
    if locale == "zh_Hant":
        # The traditional header is the alias written character for character.
        same = [a for a in column.aliases if len(a) == len(column.zh) and a != column.zh]
        return same[0] if same else column.zh
    return column.zh if locale.startswith("zh") else field


def _value(b: _Batch, frames: Mapping[str, Frame], field: str) -> pa.Array:
    frame = frames[b.table]
    if field == "member_rows":
        return strings([None if v is None else str(v) for v in b.args.get("value", [])]
                       or [None] * len(b.rows))  # fmt: skip
    if field.startswith("household."):
        parent = frame.parent
        if parent is None:
            return pa.nulls(len(b.rows), pa.string())
        at = parent[b.rows]
        text = cell_text(frames["households"], field.split(".", 1)[1], np.maximum(at, 0))
        return pc.if_else(array(at >= 0), text, scalar(None, pa.string()))
    return cell_text(frame, field, b.rows)


def _part(
    b: _Batch,
    frames: Mapping[str, Frame],
    checks: CheckList,
    locale: str,
    order: Mapping[str, int],
    at: int,
) -> pa.Table:
    frame = frames[b.table]
    check = checks.get(b.code)
    n = len(b.rows)
    record = _RECORD[b.table]
    record_ids = cell_text(frame, record, b.rows) if record in frame.headers else pa.nulls(n)
    ordinal = b.ordinal if b.ordinal is not None else np.ones(n, np.int64)
    if b.table == "beneficiaries":
        record_key = pc.binary_join_element_wise(
            pc.fill_null(record_ids, _UNKNOWN),
            pc.fill_null(cell_text(frame, "household_id", b.rows), _UNKNOWN),
            _SLASH,
        )
    else:
        record_key = pc.fill_null(record_ids, _UNKNOWN)
    suffix = [f"/{k}" if k > 1 else "" for k in ordinal.tolist()]
    ids = pc.binary_join_element_wise(
        pc.binary_join_element_wise(record_key, scalar(b.code, pa.string()), _SLASH),
        strings(suffix),
        _EMPTY,
    )
    household = cell_text(frame, "household_id", b.rows)

    def dates(days: np.ndarray | None) -> pa.Array:
        if days is None:
            return pa.nulls(n, pa.date32())
        return array(days.astype(np.int32), pa.date32())

    return pa.table(
        {
            "finding": ids,
            "village": _village(frames, b.table, b.rows),
            "table": repeat(b.table, n, pa.string()),
            "row": array(b.rows + 1, pa.int64()),
            "record_id": record_ids,
            "household_id": household,
            "check": repeat(b.code, n, pa.string()),
            "rule": repeat(check.rule, n, pa.string()),
            "severity": repeat(check.severity.value, n, pa.string()),
            "field": repeat(field_label(frames, b.table, check.field, locale), n, pa.string()),
            "value": _value(b, frames, check.field),
            "expected": strings(b.expected) if b.expected is not None else pa.nulls(n, pa.string()),
            "period_start": dates(b.start),
            "period_end": dates(b.end),
            "message": render(check, b.args, n, locale),
            "_t": repeat(TABLE_ORDER.index(b.table), n, pa.int8()),
            "_c": repeat(order[b.code], n, pa.int32()),
            "_k": array(np.arange(at, at + n), pa.int64()),
        }
    )  # fmt: skip


def render(check: Any, args: Mapping[str, Values], n: int, locale: str) -> pa.Array:
    """Each finding's message: the catalog's ``data_quality.finding.<code>`` (or the check
    list's own text) filled with its values. Each distinct value is formatted once; the
    template's pieces are joined column-wise by Arrow."""
    import string

    from ..explain.catalog import message

    if check.message is not None:
        template = check.message.get(locale) or check.message["zh_Hans"]
    else:
        template = message(f"data_quality.finding.{check.code}", locale)
    parts: list[Any] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(scalar(literal.replace("{{", "{").replace("}}", "}"), pa.string()))
        if name is not None:
            parts.append(formatted(args.get(name, [None] * n), locale))
    if not parts:
        return repeat("", n, pa.string())
    if not any(isinstance(p, pa.Array) for p in parts):
        return repeat("".join(p.as_py() for p in parts), n, pa.string())
    joined: pa.Array = pc.binary_join_element_wise(*parts, _EMPTY)
    return joined


def formatted(values: Values, locale: str) -> pa.Array:
    """Values formatted for a message in ``locale``, each distinct value once."""
    from ..explain.render import format_value

    if isinstance(values, np.ndarray):
        distinct, inverse = np.unique(values, return_inverse=True)
        plain = distinct.tolist()  # datetime64[D] → date, int64 → int
        texts = strings([format_value(v, locale) for v in plain])
        taken: pa.Array = pc.take(texts, array(inverse.reshape(-1)))
        return taken
    cache: dict[Any, str] = {}
    out = []
    for v in values:
        if type(v) is str:
            out.append(v)
            continue
        key = (type(v), v)
        text = cache.get(key)
        if text is None:
            text = cache[key] = format_value(v, locale)
        out.append(text)
    return strings(out)


def day_dates(days: np.ndarray) -> np.ndarray:
    """Day numbers as a datetime64[D] array (messages format each distinct date once)."""
    out: np.ndarray = np.asarray(days, np.int64).astype("datetime64[D]")
    return out
