"""Tables in and out: pandas, polars, pyarrow, or a CSV / XLSX / Parquet path; Arrow in between."""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import InputError

__all__ = ["FrameKind", "from_arrow", "read_path", "to_arrow"]


class FrameKind(enum.StrEnum):
    """The kind of table a user gave, so the result comes back the same way."""

    ARROW = "arrow"
    PANDAS = "pandas"
    POLARS = "polars"


def _kind_of(table: Any) -> FrameKind | None:
    mod = type(table).__module__.split(".", 1)[0]
    if isinstance(table, pa.Table | pa.RecordBatch):
        return FrameKind.ARROW
    if mod == "pandas":
        return FrameKind.PANDAS
    if mod == "polars":
        return FrameKind.POLARS
    return None


def to_arrow(table: Any, *, name: str, sheet: str | None = None) -> tuple[pa.Table, FrameKind]:
    """Any accepted table as an Arrow table, and the kind to give results back as."""
    if isinstance(table, str | os.PathLike):
        return read_path(Path(table), sheet=sheet), FrameKind.ARROW
    kind = _kind_of(table)
    if kind is FrameKind.ARROW:
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        return table, kind
    if kind is FrameKind.POLARS:
        if type(table).__name__ == "LazyFrame":
            table = table.collect()
        return table.to_arrow(), kind
    if kind is FrameKind.PANDAS:
        return pa.Table.from_pandas(table, preserve_index=False), kind
    raise InputError(
        obj="ledger",
        field=name,
        value=type(table).__name__,
        expected="a pandas or polars DataFrame, a pyarrow Table, or a path to a .csv, .xlsx "
        "or .parquet file",
    )


def read_path(path: Path, *, sheet: str | None = None) -> pa.Table:
    """Read a ledger file. CSV cells are read as text (so ids keep leading zeros)."""
    if not path.exists():
        raise InputError(obj="ledger", field="path", value=str(path), expected="an existing file")
    suffix = path.suffix.lower()
    if suffix == ".parquet" or path.is_dir():
        import pyarrow.parquet as pq

        return pq.read_table(path)
    if suffix in {".csv", ".txt"}:
        import polars as pl

        frame = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
        return frame.to_arrow()
    if suffix in {".xlsx", ".xlsm", ".xls"}:
        return _read_excel(path, sheet)
    raise InputError(
        obj="ledger", field="path", value=str(path), expected="a .csv, .xlsx or .parquet file"
    )


def _read_excel(path: Path, sheet: str | None) -> pa.Table:
    try:
        import fastexcel
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "reading Excel ledgers needs the excel extra: pip install 'povertypolicy[excel]'"
        ) from exc
    reader = fastexcel.read_excel(str(path))
    names = reader.sheet_names
    if sheet is None:
        chosen: str | int = 0
    elif sheet in names:
        chosen = sheet
    else:
        raise InputError(obj="ledger", field="sheet", value=sheet, expected=f"one of {names}")
    # Every cell as text except dates, which Excel stores as numbers with a date format.
    loaded = reader.load_sheet(chosen)
    table: pa.Table = loaded.to_arrow()
    return table


def from_arrow(table: pa.Table, kind: FrameKind) -> Any:
    """An Arrow table as the kind of table the user gave."""
    if kind is FrameKind.PANDAS:
        import pandas as pd

        frame = table.to_pandas()
        # Integer and yes/no columns with empty cells stay integers / booleans (pandas'
        # nullable dtypes), never floats.
        nullable = {
            pa.int64(): pd.Int64Dtype(),
            pa.int32(): pd.Int32Dtype(),
            pa.int16(): pd.Int16Dtype(),
            pa.int8(): pd.Int8Dtype(),
            pa.bool_(): pd.BooleanDtype(),
        }
        for name in table.column_names:
            column = table.column(name)
            if column.null_count and column.type in nullable:
                frame[name] = column.to_pandas(types_mapper=nullable.get)
        return frame
    if kind is FrameKind.POLARS:
        import polars as pl

        return pl.from_arrow(table)
    return table
