"""The errors table of a ledger run: every row that was not used, with why; 问题清单."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import arrays

__all__ = ["ERRORS_SCHEMA", "ERROR_COLUMNS", "ErrorLog"]

#: Columns of the errors table, in order.
ERROR_COLUMNS = ("table", "row", "id", "column", "value", "code", "message")
#: The errors table's columns and types (as `ErrorLog.to_arrow()` writes them).
ERRORS_SCHEMA = pa.schema(
    [(name, pa.int64() if name == "row" else pa.string()) for name in ERROR_COLUMNS]
)


@attrs.define
class _Batch:
    table: str
    rows: np.ndarray  # 0-based positions in the source table
    ids: pa.Array | None
    column: str
    values: pa.Array | None
    code: str
    args: Mapping[str, Any]


@attrs.define
class ErrorLog:
    """Row errors gathered while a ledger is read and computed, in batches of one kind."""

    batches: list[_Batch] = attrs.field(factory=list)

    def add(
        self,
        *,
        table: str,
        rows: np.ndarray,
        column: str,
        code: str,
        ids: pa.Array | None = None,
        values: pa.Array | None = None,
        args: Mapping[str, Any] | None = None,
    ) -> None:
        """Record ``code`` for each of ``rows`` (0-based), with the cells' ids and values."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return
        self.batches.append(
            _Batch(
                table=table,
                rows=rows,
                ids=ids,
                column=column,
                values=values,
                code=code,
                args=dict(args or {}),
            )
        )

    def rows(self, table: str) -> np.ndarray:
        """The distinct 0-based rows of ``table`` that have an error, sorted."""
        parts = [b.rows for b in self.batches if b.table == table]
        if not parts:
            return np.zeros(0, np.int64)
        return np.unique(np.concatenate(parts))

    def __len__(self) -> int:
        return sum(len(b.rows) for b in self.batches)

    def codes(self) -> dict[str, int]:
        """How many errors of each code."""
        out: dict[str, int] = {}
        for b in self.batches:
            out[b.code] = out.get(b.code, 0) + len(b.rows)
        return out

    def to_arrow(self, locale: str) -> pa.Table:
        """The errors table: table, row (1-based, the header not counted), id, column, value,
        code and message in ``locale``; sorted by table and row."""
        from ..explain.render import render_message

        if not self.batches:
            return arrays.empty_table(ERRORS_SCHEMA)
        parts = []
        for b in self.batches:
            n = len(b.rows)
            text = render_message(b.code, {"column": b.column, **b.args}, locale)
            values = pa.nulls(n, pa.string()) if b.values is None else _as_text(b.values)
            ids = pa.nulls(n, pa.string()) if b.ids is None else _as_text(b.ids)
            parts.append(
                pa.table(
                    {
                        "table": arrays.repeat(b.table, n, pa.string()),
                        "row": arrays.array(b.rows + 1, pa.int64()),
                        "id": ids,
                        "column": arrays.repeat(b.column, n, pa.string()),
                        "value": values,
                        "code": arrays.repeat(b.code, n, pa.string()),
                        "message": arrays.repeat(text, n, pa.string()),
                    }
                )
            )
        table = pa.concat_tables(parts)
        return table.sort_by([("table", "ascending"), ("row", "ascending")])


def _as_text(values: pa.Array) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = arrays.flat(values)
    if pa.types.is_dictionary(values.type):
        values = values.cast(values.type.value_type)
    if pa.types.is_string(values.type):
        return values
    return pc.cast(values, pa.string())
