"""A ledger run as an Excel workbook a township office can read; 台账结果表.

Sheets: results (money in yuan, exact), errors (问题清单), explanations (计算说明, for small
runs) and the run summary (汇总); sheet names and headers in the run's locale. Needs the
``excel`` extra (openpyxl), imported only when a workbook is written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..errors import PovertyPolicyError
from . import arrays

if TYPE_CHECKING:
    from .engine import LedgerResult

__all__ = ["column_label", "write_xlsx", "yuan"]

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
_BATCH = 4096  # result rows converted to Python values at a time
_SAMPLE = 200  # rows looked at to size a column
_MAX_CELL = 32767  # characters Excel keeps in one cell
# Control characters Excel cannot store (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# Text openpyxl would otherwise store as a formula or an error value.
_ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})


def yuan(fen: int) -> Decimal:
    """Integer fen as exact yuan: ``Decimal(fen) / 100``, never through a float."""
    return Decimal(int(fen)) / 100


def _label(key: str, locale: str) -> str | None:
    from ..explain.catalog import messages

    return messages(locale, key.split(".", 1)[0]).get(key)


def column_label(name: str, locale: str) -> str:
    """A result column's header in ``locale`` (``ledger.column.<name>``), else its name."""
    return _label(f"ledger.column.{name}", locale) or name


def _text(key: str, locale: str, **args: Any) -> str:
    from ..explain.render import render_message

    return render_message(key, args, locale)


def _width(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count twice."""
    line = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _clean(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    if len(value) > _MAX_CELL:
        value = value[: _MAX_CELL - 1] + "…"
    return value


class _Sheet:
    """One write-only sheet: bold frozen header, column widths, cells streamed row by row."""

    def __init__(self, wb: Any, title: str, headers: Sequence[str]) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws = wb.create_sheet(title=title)
        self.headers = list(headers)
        self._font = Font(bold=True)
        self._fill = PatternFill("solid", fgColor="DDEBF7")
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._protos: dict[str, Any] = {}

    def size(self, widths: Sequence[int]) -> None:
        """Set column widths (call before any row is written)."""
        from openpyxl.utils import get_column_letter

        for j, w in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(j)].width = w

    def head(self, rows: int | None = None) -> None:
        """Write the header row, freeze it and put a filter on it."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self.ws.freeze_panes = "A2"
        if rows is not None and self.headers:
            last = get_column_letter(len(self.headers))
            self.ws.auto_filter.ref = f"A1:{last}{rows + 1}"
        cells = []
        for h in self.headers:
            cell = WriteOnlyCell(self.ws, value=_clean(h))
            cell.font = self._font
            cell.fill = self._fill
            cells.append(cell)
        self.ws.append(cells)

    def styled(self, key: str, value: Any, *, fmt: str | None = None, wrap: bool = False) -> Any:
        """A styled cell holding ``value``. A write-only sheet writes each row as it is
        appended, so one cell per style is reused rather than one made per value."""
        from openpyxl.cell import WriteOnlyCell

        cell = self._protos.get(key)
        if cell is None:
            cell = WriteOnlyCell(self.ws)
            if fmt is not None:
                cell.number_format = fmt
            if wrap:
                cell.alignment = self._wrap
            self._protos[key] = cell
        cell.value = value
        return cell

    def text(self, value: str) -> Any:
        """Text as a cell that stays text (no formula, no error value)."""
        value = _clean(value)
        if value.startswith("=") or value in _ERROR_CODES:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(self.ws, value=value)
            cell.data_type = "s"
            return cell
        return value

    def append(self, row: Iterable[Any]) -> None:
        self.ws.append(list(row))


def _plain(sheet: _Sheet, value: Any, locale: str) -> Any:
    """A Python value from Arrow as a cell value."""
    if value is None:
        return None
    if isinstance(value, str):
        return sheet.text(value)
    if isinstance(value, bool):
        return _text("core.yes" if value else "core.no", locale)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, dt.datetime):
        return sheet.styled("datetime", value.replace(tzinfo=None), fmt="yyyy-mm-dd hh:mm:ss")
    if isinstance(value, dt.date):
        return sheet.styled("date", value, fmt=DATE_FORMAT)
    return sheet.text(str(value))


def _decoded(column: pa.ChunkedArray | pa.Array) -> list[Any]:
    if isinstance(column, pa.ChunkedArray):
        column = arrays.flat(column)
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    values: list[Any] = column.to_pylist()
    return values


def _writer(sheet: _Sheet, name: str, type_: pa.DataType, locale: str) -> Callable[[Any], Any]:
    """How one result column's values become cells. Styled cells are made as each row is
    appended (see `_Sheet.styled()`), never ahead of it."""
    if name.endswith("_fen") and pa.types.is_integer(type_):
        key = f"money:{name}"
        return lambda v: None if v is None else sheet.styled(key, yuan(v), fmt=MONEY_FORMAT)
    if pa.types.is_date(type_):
        # One styled cell per date column: a row with two dates must show both.
        date_key = f"date:{name}"
        return lambda v: None if v is None else sheet.styled(date_key, v, fmt=DATE_FORMAT)
    return lambda v: _plain(sheet, v, locale)


def _sample_width(header: str, values: Iterable[Any], money: bool) -> int:
    w = _width(header)
    for v in values:
        if v is None:
            continue
        text = f"{yuan(v):,.2f}" if money else str(v)
        w = max(w, _width(text))
    return min(max(w + 2, 8), 60)


def _results(wb: Any, result: LedgerResult, locale: str) -> None:
    table: pa.Table = result.arrow
    names = list(table.column_names)
    reason_at = names.index("reason") if "reason" in names else None
    headers = [column_label(n, locale) for n in names]
    reason_text: dict[str, str] = {}
    if reason_at is not None:
        headers.insert(reason_at + 1, _text("ledger.xlsx.reason_text", locale))
        for code in result.rule.reasons:
            reason_text[code] = _label(f"ledger.reason.{code}", locale) or code
    sheet = _Sheet(wb, _text("ledger.xlsx.sheet.results", locale), headers)
    head = table.slice(0, _SAMPLE)
    widths = [
        _sample_width(
            h,
            _decoded(head.column(n)),
            n.endswith("_fen") and pa.types.is_integer(table.schema.field(n).type),
        )
        for h, n in zip([column_label(n, locale) for n in names], names, strict=True)
    ]
    if reason_at is not None:
        sample = [reason_text.get(c, c) for c in _decoded(head.column("reason")) if c]
        widths.insert(reason_at + 1, _sample_width(headers[reason_at + 1], sample, False))
    sheet.size(widths)
    sheet.head(table.num_rows)
    writers = [_writer(sheet, n, table.schema.field(n).type, locale) for n in names]
    if reason_at is not None:
        writers.insert(
            reason_at + 1, lambda c: None if c is None else sheet.text(reason_text.get(c, c))
        )
    for batch in table.to_batches(max_chunksize=_BATCH):
        cols = [_decoded(batch.column(i)) for i in range(len(names))]
        if reason_at is not None:
            cols.insert(reason_at + 1, cols[reason_at])
        for values in zip(*cols, strict=True):
            sheet.append([w(v) for w, v in zip(writers, values, strict=True)])


_ERROR_HEADERS = ("table", "row", "id", "column", "value", "code", "message")


def _errors(wb: Any, result: LedgerResult, locale: str) -> None:
    errors: pa.Table = result.errors_arrow(locale)
    headers = [_text(f"ledger.xlsx.error.{c}", locale) for c in _ERROR_HEADERS]
    sheet = _Sheet(wb, _text("ledger.xlsx.sheet.errors", locale), headers)
    tables = {
        name: _label(f"ledger.table.{name}", locale) or name
        for name in set(_decoded(errors.column("table")))
    }
    head = errors.slice(0, _SAMPLE)
    widths = []
    for h, c in zip(headers, _ERROR_HEADERS, strict=True):
        sample = _decoded(head.column(c))
        if c == "table":
            sample = [tables.get(t, t) for t in sample]
        widths.append(_sample_width(h, sample, False))
    sheet.size(widths)
    sheet.head(errors.num_rows)
    for batch in errors.to_batches(max_chunksize=_BATCH):
        cols = [_decoded(batch.column(c)) for c in _ERROR_HEADERS]
        for table, row, *rest in zip(*cols, strict=True):
            sheet.append(
                [
                    sheet.text(tables.get(table, table)),
                    row,
                    *(None if v is None else sheet.text(str(v)) for v in rest),
                ]
            )


def _explanations(wb: Any, result: LedgerResult, locale: str) -> None:
    headers = [column_label(result.rule.key, locale), _text("ledger.xlsx.explanation", locale)]
    sheet = _Sheet(wb, _text("ledger.xlsx.sheet.explanations", locale), headers)
    sheet.size([20, 110])
    sheet.head(len(result))
    ids = _decoded(result.arrow.column(result.rule.key))
    for i, key in enumerate(ids):
        try:
            text = result.explain(row=i, locale=locale)
        except PovertyPolicyError as exc:  # a row computed once always explains; never lost
            text = str(exc)
        sheet.append([_plain(sheet, key, locale), sheet.styled("why", _clean(text), wrap=True)])


def _summary(wb: Any, lines: Sequence[str], locale: str) -> None:
    sheet = _Sheet(wb, _text("ledger.xlsx.sheet.summary", locale), [])
    sheet.size([max([_width(x) for x in lines] + [40]) + 2])
    for line in lines:
        sheet.append([sheet.text(line)])


def write_xlsx(
    result: LedgerResult, path: str | os.PathLike[str], *, locale: str, explain_limit: int
) -> None:
    """Write a ledger run as XLSX: results, errors, explanations (for at most
    ``explain_limit`` result rows) and summary, with sheet names and headers in ``locale``."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "writing Excel ledgers needs the excel extra: pip install 'povertypolicy[excel]'"
        ) from exc
    from ..explain.locales import normalise_locale

    loc = normalise_locale(locale)
    wb = Workbook(write_only=True)
    _results(wb, result, loc)
    _errors(wb, result, loc)
    lines = result.summary.text(loc).split("\n")
    if len(result) <= explain_limit:
        _explanations(wb, result, loc)
    else:
        lines.append(
            _text("ledger.xlsx.explain_skipped", loc, rows=len(result), limit=explain_limit)
        )
    _summary(wb, lines, loc)
    wb.save(os.fspath(path))
