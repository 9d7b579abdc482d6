"""Tables in and out: pandas, polars, pyarrow, or a CSV / XLSX / Parquet path; Arrow in between."""

from __future__ import annotations

import csv
import enum
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..errors import InputError

if TYPE_CHECKING:
    from .schema import TableSchema

__all__ = ["FrameKind", "from_arrow", "read_path", "to_arrow"]

_SUFFIXES = (".csv", ".xlsx", ".parquet")  # the ledger files read (as errors name them)


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


def to_arrow(
    table: Any,
    *,
    name: str,
    sheet: str | None = None,
    schema: TableSchema | None = None,
    mapping: Mapping[str, str] | None = None,
) -> tuple[pa.Table, FrameKind]:
    """Any accepted table as an Arrow table, and the kind to give results back as.

    ``schema`` (and the user's header ``mapping``) let a CSV file be read with each
    column's type at once (see `read_path`)."""
    if isinstance(table, str | os.PathLike):
        return read_path(Path(table), sheet=sheet, schema=schema, mapping=mapping), FrameKind.ARROW
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
        code="ledger.error.table_type",
        extra={"libraries": ["pandas", "polars", "pyarrow"], "suffixes": list(_SUFFIXES)},
    )


def read_path(
    path: Path,
    *,
    sheet: str | None = None,
    schema: TableSchema | None = None,
    mapping: Mapping[str, str] | None = None,
) -> pa.Table:
    """Read a ledger file. CSV cells are read as text (so ids keep leading zeros), except
    the date, yes/no and enum columns of ``schema`` when every cell of one is plainly
    written (2011-03-20, true/false/是/否, …): those are typed by the reader, exactly as
    the ledger's own cell readers would read them, and a column with any other cell is
    read as text and checked cell by cell."""
    if not path.exists():
        raise InputError(
            obj="ledger",
            field="path",
            value=str(path),
            expected="an existing file",
            code="ledger.error.no_file",
        )
    suffix = path.suffix.lower()
    if suffix == ".parquet" or path.is_dir():
        import pyarrow.parquet as pq

        if path.is_dir():
            return pq.read_table(path)
        # One file: its own reader (pq.read_table also loads the dataset machinery).
        return pq.ParquetFile(path).read()
    if suffix in {".csv", ".txt"}:
        return _read_csv(path, schema, mapping)
    if suffix in {".xlsx", ".xlsm", ".xls"}:
        return _read_excel(path, sheet)
    raise InputError(
        obj="ledger",
        field="path",
        value=str(path),
        expected="a .csv, .xlsx or .parquet file",
        code="ledger.error.file_type",
        extra={"suffixes": list(_SUFFIXES)},
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
        raise InputError(
            obj="ledger",
            field="sheet",
            value=sheet,
            expected=f"one of {names}",
            code="core.error.enum",
            extra={"choices": ", ".join(names)},
        )
    # Every cell as text except dates, which Excel stores as numbers with a date format.
    loaded = reader.load_sheet(chosen)
    table: pa.Table = loaded.to_arrow()
    return table


def _read_csv(
    path: Path, schema: TableSchema | None, mapping: Mapping[str, str] | None
) -> pa.Table:
    """A CSV ledger as Arrow: typed columns where the schema allows, text elsewhere."""
    import pyarrow.csv as pacsv

    from .parse import FALSE_WORDS, TRUE_WORDS

    header = _csv_header(path)
    if header is not None:
        types = _csv_types(header, schema, mapping)
        read = pacsv.ReadOptions(column_names=header, skip_rows=1)
        parse = pacsv.ParseOptions(newlines_in_values=True)
        for _ in range(len(header) + 1):
            convert = pacsv.ConvertOptions(
                column_types=types,
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                true_values=_spellings(TRUE_WORDS),
                false_values=_spellings(FALSE_WORDS),
            )
            try:
                return pacsv.read_csv(
                    path, read_options=read, parse_options=parse, convert_options=convert
                )
            except pa.ArrowInvalid as exc:
                # A cell the typed reader refused: read that column as text, and let the
                # ledger's cell reader decide (a row error, or a spelling it accepts).
                failed = re.match(r"In CSV column #(\d+): CSV conversion error", str(exc))
                if failed is None or types[header[int(failed.group(1))]] == pa.string():
                    break
                types[header[int(failed.group(1))]] = pa.string()
    # Not UTF-8, ragged rows, repeated headers, …: the lenient reader, every cell as text.
    import polars as pl

    frame = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
    return frame.to_arrow()


def _csv_header(path: Path) -> list[str] | None:
    """The header row, or None when it is not plain UTF-8 or a name repeats."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), None)
    except (UnicodeDecodeError, csv.Error):
        return None
    if not header or len(set(header)) != len(header):
        return None
    return header


def _csv_types(
    header: list[str], schema: TableSchema | None, mapping: Mapping[str, str] | None
) -> dict[str, pa.DataType]:
    from .schema import ColumnKind

    types: dict[str, pa.DataType] = dict.fromkeys(header, pa.string())
    if schema is None:
        return types
    try:
        found = schema.resolve(header, "", mapping)
    except InputError:
        return types  # the run reports the missing columns
    typed = {
        ColumnKind.DATE: pa.date32(),
        ColumnKind.BOOL: pa.bool_(),
        ColumnKind.ENUM: pa.dictionary(pa.int32(), pa.string()),
    }
    for field, source in found.items():
        types[source] = typed.get(schema.column(field).kind, pa.string())
    return types


def _spellings(words: tuple[str, ...]) -> list[str]:
    """Cells the ledger's yes/no reader reads as one of ``words`` (it also trims and folds
    case, so the typed reader accepts a subset of what it would)."""
    return sorted({v for w in words for v in (w, w.upper(), w.title())})


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
