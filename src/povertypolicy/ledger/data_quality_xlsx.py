"""A data-quality report as a workbook a village can correct from; 数据清洗问题清单.xlsx.

Sheets: findings (问题清单: one row per finding, the village's own headers in 字段, the value
as recorded, what it should be, the message), totals by village, unreadable cells, the
check list with how many rows each check looked at and could not decide, and the summary.
Sheet names and headers in the report's locale; one village's rows only when asked.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from .arrays import scalar, strings
from .excel import DATE_FORMAT, _decoded, _plain, _Sheet, _width

if TYPE_CHECKING:
    from .data_quality_report import QualityReport

__all__ = ["write_report"]

_BATCH = 4096
_FINDINGS = ("village", "table", "row", "record_id", "household_id", "check", "title", "rule",
             "severity", "field", "value", "expected", "period_start", "period_end",
             "message")  # fmt: skip
_WIDTHS = {"village": 12, "table": 10, "row": 7, "record_id": 16, "household_id": 14,
           "check": 30, "title": 28, "rule": 8, "severity": 7, "field": 14, "value": 22,
           "expected": 20, "period_start": 12, "period_end": 12, "message": 70}  # fmt: skip
_VILLAGES = ("village", "households", "persons", "findings", "error", "doubt", "notice",
             "records", "unreadable")  # fmt: skip
_FALSE = scalar(False, pa.bool_())
_CHECKS = ("check", "title", "rule", "severity", "table", "rows", "findings", "unknown",
           "citation")  # fmt: skip


def _text(key: str, locale: str, **args: Any) -> str:
    from ..explain.render import render_message

    return render_message(key, args, locale)


def _header(name: str, locale: str) -> str:
    from ..explain.catalog import messages

    if name in ("error", "doubt", "notice"):
        return _text(f"data_quality.enum.severity.{name}", locale)
    return messages(locale, "data_quality").get(f"data_quality.column.{name}", name)


def _cell(sheet: _Sheet, name: str, value: Any, locale: str) -> Any:
    """A cell; each date column has its own styled cell (a write-only row holds the cell
    objects themselves, so two date columns must not share one)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return sheet.styled(f"date:{name}", value, fmt=DATE_FORMAT)
    return _plain(sheet, value, locale)


def _only(table: pa.Table, village: str | None, filtered: bool) -> pa.Table:
    if not filtered:
        return table
    column = table.column("village")
    if village is None:
        mask = pc.is_null(column)
    else:
        mask = pc.fill_null(pc.equal(column, scalar(village, pa.string())), _FALSE)
    return table.filter(mask)


def _write(wb: Any, title: str, names: Sequence[str], table: pa.Table, locale: str,
           convert: dict[str, Callable[[Any], Any]] | None = None) -> None:  # fmt: skip
    sheet = _Sheet(wb, title, [_header(n, locale) for n in names])
    sheet.size([max(_WIDTHS.get(n, 12), _width(_header(n, locale)) + 2) for n in names])
    sheet.head(table.num_rows)
    convert = convert or {}
    for batch in table.to_batches(max_chunksize=_BATCH):
        cols = []
        for n in names:
            values = _decoded(batch.column(batch.schema.get_field_index(n)))
            if n in convert:
                values = [convert[n](v) for v in values]
            cols.append(values)
        for row in zip(*cols, strict=True):
            sheet.append([_cell(sheet, n, v, locale) for n, v in zip(names, row, strict=True)])


def write_report(
    report: QualityReport,
    path: str | os.PathLike[str],
    *,
    locale: str,
    village: str | None = None,
    filtered: bool = False,
) -> None:
    """Write ``report`` as XLSX in ``locale``; with ``filtered``, only ``village``'s rows."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "writing Excel reports needs the excel extra: pip install 'povertypolicy[excel]'"
        ) from exc
    from ..explain.catalog import messages
    from ..explain.locales import normalise_locale
    from .data_quality_report import title

    loc = normalise_locale(locale)
    wb = Workbook(write_only=True)
    findings = _only(report.findings_arrow(loc), village, filtered)
    titles = {c.code: title(c, loc) for c in report.checks.checks}
    findings = findings.append_column(
        "title",
        strings([titles.get(c, c) for c in _decoded(findings.column("check"))]),
    )
    labels = messages(loc, "ledger")
    none = _text("data_quality.no_village", loc)
    convert: dict[str, Callable[[Any], Any]] = {
        "table": lambda t: labels.get(f"ledger.table.{t}", t),
        "severity": lambda s: _text(f"data_quality.enum.severity.{s}", loc),
        "village": lambda v: none if v is None else v,
    }
    _write(wb, _text("data_quality.xlsx.sheet.findings", loc), _FINDINGS, findings, loc, convert)
    villages = _only(report.by_village_arrow(), village, filtered)
    _write(wb, _text("data_quality.xlsx.sheet.villages", loc), _VILLAGES, villages, loc,
           {"village": convert["village"]})  # fmt: skip
    errors = _only(report.errors_arrow(loc), village, filtered)
    error_names = ("village", "table", "row", "id", "column", "value", "message")
    sheet = _Sheet(wb, _text("data_quality.xlsx.sheet.errors", loc),
                   [_text(f"ledger.xlsx.error.{c}", loc) if c != "village" else _header(c, loc)
                    for c in error_names])  # fmt: skip
    sheet.size([12, 10, 7, 16, 16, 22, 60])
    sheet.head(errors.num_rows)
    for row in errors.select(list(error_names)).to_pylist():
        row["village"] = convert["village"](row["village"])
        row["table"] = convert["table"](row["table"])
        sheet.append([_plain(sheet, row[c], loc) for c in error_names])
    coverage = report.coverage_arrow(loc)
    checks = coverage.filter(coverage.column("enabled"))  # a mask: an expression loads acero
    _write(wb, _text("data_quality.xlsx.sheet.checks", loc), _CHECKS, checks, loc,
           {"severity": convert["severity"], "table": convert["table"]})  # fmt: skip
    lines = report.text(loc).split("\n")
    summary = _Sheet(wb, _text("data_quality.xlsx.sheet.summary", loc), [])
    summary.size([max([_width(x) for x in lines] + [40]) + 2])
    for line in lines:
        summary.append([summary.text(line)])
    wb.save(os.fspath(path))
