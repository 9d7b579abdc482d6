"""A data-quality report over a ledger: findings, totals per village, workbooks to send back;
数据清洗报告 (DATA-1..DATA-4, poverty-work-plan-samples 篇7)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import InputError
from ..explain import Result
from ..explain.citation import render_citation
from ..policy import Policy
from ..rules.data_quality.checks import CheckList, load_checks
from ..rules.data_quality.fields import Severity
from .arrays import array, flat, numpy, scalar, strings
from .data_quality import DataQuality
from .data_quality_findings import field_label
from .data_quality_tables import TABLES
from .engine import LedgerResult, run_arrow
from .frames import FrameKind, from_arrow, to_arrow

__all__ = ["QualityReport", "report"]


def _empty(name: str) -> pa.Table:
    """A table with the schema's columns and no rows (for a table the user did not give)."""
    return pa.table({c.name: pa.nulls(0, pa.string()) for c in TABLES[name].columns})


def report(
    policy: Policy | str | None = None,
    *,
    on: dt.date | None = None,
    households: Any = None,
    persons: Any = None,
    pairings: Any = None,
    beneficiaries: Any = None,
    checks: CheckList | str | os.PathLike[str] | None = None,
    columns: Mapping[str, str] | None = None,
    locale: str = "zh_Hans",
    today: dt.date | None = None,
    threads: int | None = None,
) -> QualityReport:
    """Check a poverty ledger before the national check; 数据清洗 (DATA-1..DATA-4).

    Give any of the four tables (a DataFrame, an Arrow table or a CSV / XLSX / Parquet
    path); the checks that need a table not given do not run, and the report says so.
    ``checks`` is a check list (default: the poverty-work-plan-samples 篇7 list; a county's own file
    may extend
    it); ``policy`` defaults to the list's pack, read on ``on`` (the check date).
    ``threads``: as in `run()`.
    """
    from ..explain.locales import normalise_locale

    found = load_checks(checks)
    if policy is None:
        policy = found.policy or "town-poverty-data-cleansing"
    if isinstance(policy, Policy):
        pol = policy if on is None else policy.at(on)
    elif on is None:
        raise InputError(
            obj="report",
            field="on",
            value=None,
            expected="the check date",
            code="ledger.error.policy_date",
            extra={"policy": policy},
        )
    else:
        pol = Policy.load(policy, on=on)
    given = {"households": households, "persons": persons, "pairings": pairings,
             "beneficiaries": beneficiaries}  # fmt: skip
    present = frozenset(k for k, v in given.items() if v is not None)
    if not present:
        raise InputError(
            obj="report",
            field="tables",
            value=None,
            expected="at least one table",
            code="ledger.error.no_tables",
            extra={"tables": list(given)},
        )
    arrows: dict[str, pa.Table] = {}
    kind: FrameKind | None = None
    for name, table in given.items():
        if table is None:
            arrows[name] = _empty(name)
            continue
        arrows[name], k = to_arrow(table, name=name)
        kind = kind or k
    assert kind is not None
    loc = normalise_locale(locale)
    rule = DataQuality(checks=found, given=present, locale=loc)
    result = run_arrow(
        rule, pol, arrows, kind=kind, columns=columns, locale=loc, today=today, threads=threads
    )
    return QualityReport(result=result, rule=rule, given=present, locale=loc)


def _label(key: str, locale: str, default: str | None = None) -> str:
    from ..explain.catalog import messages

    return messages(locale, key.split(".", 1)[0]).get(key, default if default is not None else key)


@attrs.define(eq=False)
class QualityReport:
    """A data-quality run: one row per finding, errors, totals per village and per check."""

    result: LedgerResult
    rule: DataQuality
    given: frozenset[str]
    locale: str

    @property
    def checks(self) -> CheckList:
        """The check list that ran."""
        return self.rule.checks

    def findings_arrow(self, locale: str | None = None) -> pa.Table:
        """The findings as Arrow, messages in ``locale`` (default: the report's)."""
        loc = locale or self.locale
        if loc == self.locale:
            return self.result.arrow
        table, _ = self.rule.findings.to_arrow(self.result.frames, self.checks, loc)
        return table

    @property
    def findings(self) -> Any:
        """The findings as the kind of table the ledger came in."""
        return self.result.table

    @property
    def errors(self) -> Any:
        """Cells that could not be read (the ledger errors table)."""
        return self.result.errors

    def __len__(self) -> int:
        return len(self.result)

    def explain(self, finding: str | None = None, *, row: int | None = None,
                locale: str | None = None) -> str:  # fmt: skip
        """Why a finding was raised: the single-record rule's own explanation."""
        return self.result.explain(finding, row=row, locale=locale or self.locale)

    def why(self, finding: str | None = None, *, row: int | None = None) -> Result[Any]:
        """The single-record rule's `Result` behind a finding."""
        return self.result.result(finding, row=row)

    # -- villages ------------------------------------------------------------------------

    def _village_of(self, table: str, rows: np.ndarray) -> pa.Array:
        """The village of each of ``rows`` of ``table`` (null: not recorded or not linked)."""
        frames = self.result.frames
        hh = frames["households"]
        if "village" not in hh.cols or not len(hh):
            return pa.nulls(len(rows), pa.string())
        village = hh.cols["village"]
        parent = frames[table].parent
        if table != "households" and parent is None:
            return pa.nulls(len(rows), pa.string())
        pos = rows if table == "households" else parent[rows]  # type: ignore[index]
        safe = np.where(pos >= 0, pos, 0)
        ok = (pos >= 0) & village.recorded[safe]
        names = pc.take(village.values, array(safe))
        return pc.if_else(array(ok), names, scalar(None, pa.string()))

    def errors_arrow(self, locale: str | None = None) -> pa.Table:
        """The errors table with each row's village."""
        errors = self.result.errors_arrow(locale or self.locale)
        villages = pa.nulls(errors.num_rows, pa.string())
        tables = np.array(errors.column("table").to_pylist(), dtype=object)
        rows = numpy(errors.column("row")) - 1
        for name in set(tables.tolist()):
            mine = tables == name
            got = self._village_of(name, rows[mine])
            villages = pc.replace_with_mask(villages, array(mine), got)
        return errors.add_column(0, "village", villages)

    def villages(self) -> list[str | None]:
        """Every village with households, findings or unreadable cells (None: not recorded)."""
        hh = self._village_of("households", np.arange(len(self.result.frames["households"])))
        seen: set[str | None] = set(pc.unique(hh).to_pylist())
        seen |= set(pc.unique(self.result.arrow.column("village")).to_pylist())
        seen |= set(pc.unique(self.errors_arrow().column("village")).to_pylist())
        named = sorted(v for v in seen if v is not None)
        return [*named, None] if None in seen else list(named)

    def by_village(self) -> Any:
        """Totals per village: households, persons, findings by severity, records with
        findings, unreadable cells; the kind of table the ledger came in."""
        return from_arrow(self.by_village_arrow(), self.result.kind)

    def by_village_arrow(self) -> pa.Table:
        """`by_village()` as Arrow."""
        frames = self.result.frames
        f = self.result.arrow
        sev = pc.cast(f.column("severity"), pa.string())
        counts = {
            "households": _counts(
                self._village_of("households", np.arange(len(frames["households"])))
            ),
            "persons": _counts(self._village_of("persons", np.arange(len(frames["persons"])))),
            "findings": _counts(f.column("village")),
        }
        for s in Severity:
            mine = pc.equal(sev, scalar(s.value, pa.string()))
            counts[s.value] = _counts(pc.filter(f.column("village"), mine))
        counts["records"] = _records(f)
        counts["unreadable"] = _counts(self.errors_arrow().column("village"))
        villages = self.villages()
        data: dict[str, Any] = {"village": strings(villages)}
        for name, found in counts.items():
            data[name] = array([found.get(v, 0) for v in villages], pa.int64())
        return pa.table(data)

    def coverage_arrow(self, locale: str | None = None) -> pa.Table:
        """Per check: rows looked at, findings, and rows it could not decide (not recorded)."""
        loc = locale or self.locale
        rows = []
        for c in self.checks.checks:
            n, fired, unknown = self.rule.coverage.get(c.code, (0, 0, 0))
            ran = (
                c.enabled
                and c.table in self.given
                and c.code in self.rule.coverage
                and c.code not in self.rule.absent
            )
            rows.append({
                "check": c.code, "title": title(c, loc), "rule": c.rule,
                "severity": c.severity.value, "table": c.table, "enabled": c.enabled,
                "ran": ran, "rows": n, "findings": fired, "unknown": unknown,
                "citation": render_citation(c.citation, loc),
            })  # fmt: skip
        if not rows:
            return pa.table({})
        # As pa.Table.from_pylist (the first row's keys, each column's type from its values).
        return pa.table({k: array([r[k] for r in rows]) for k in rows[0]})

    # -- text and files ------------------------------------------------------------------

    def text(self, locale: str | None = None) -> str:
        """The report's summary as lines of text."""
        from ..explain.render import render_message

        loc = locale or self.locale
        pol = self.result.policy
        f = self.result.arrow
        sev = pc.cast(f.column("severity"), pa.string()).to_pylist()
        villages = {v for v in f.column("village").to_pylist() if v is not None}
        records = {(t, r) for t, r in zip(f.column("table").to_pylist(),
                                          f.column("row").to_pylist(), strict=True)}  # fmt: skip
        lines = [
            render_message("data_quality.summary.head",
                           {"pack": pol.id, "on": pol.on, "checks": self.checks.id}, loc),
            render_message("data_quality.summary.findings", {
                "count": len(sev), "error": sev.count("error"), "doubt": sev.count("doubt"),
                "notice": sev.count("notice"), "records": len(records),
                "villages": len(villages)}, loc),
        ]  # fmt: skip
        errors = self.result.summary.error_rows
        if errors:
            lines.append(render_message("data_quality.summary.unreadable", {"count": errors}, loc))
        for name in TABLES:
            if name not in self.given:
                table = render_message(f"ledger.table.{name}", {}, loc)
                lines.append(
                    render_message("data_quality.summary.not_given", {"table": table}, loc)
                )
        frames = self.result.frames
        for c in self.checks.enabled():
            _, _, unknown = self.rule.coverage.get(c.code, (0, 0, 0))
            if c.table not in self.given:
                continue
            if c.code in self.rule.absent:
                fields = "、".join(
                    field_label(frames, c.table, f, loc) for f in self.rule.absent[c.code]
                )
                args: dict[str, Any] = {"title": title(c, loc), "fields": fields}
                lines.append(render_message("data_quality.summary.no_column", args, loc))
            elif unknown:
                args = {"title": title(c, loc), "count": unknown}
                lines.append(render_message("data_quality.summary.not_checked", args, loc))
        lines.extend(self.result.summary.text(loc).split("\n"))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text("en")

    def to_xlsx(
        self, path: str | os.PathLike[str], *, locale: str | None = None,
        village: str | None = None, only_village: bool = False,
    ) -> None:  # fmt: skip
        """Write the report as a workbook (findings, by village, unreadable cells, checks,
        summary); with ``village`` (or ``only_village`` for the not-recorded one) only that
        village's rows, ready to send back to it."""
        from .data_quality_xlsx import write_report

        write_report(self, path, locale=locale or self.locale, village=village,
                     filtered=village is not None or only_village)  # fmt: skip

    def to_xlsx_by_village(
        self, folder: str | os.PathLike[str], *, locale: str | None = None
    ) -> list[Path]:
        """One workbook per village in ``folder`` (``<village>.xlsx``), and the findings with
        no village recorded in one more; returns the paths written."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for v in self.villages():
            name = _label("data_quality.no_village", locale or self.locale) if v is None else v
            target = out / f"{_safe(name)}.xlsx"
            self.to_xlsx(target, locale=locale, village=v, only_village=v is None)
            written.append(target)
        return written


def _codes(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, list[Any]]:
    """Each cell's position among the distinct values (−1: null), and those values."""
    arr = flat(values)
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    encoded = arr.dictionary_encode()
    indices = encoded.indices
    codes = numpy(indices.fill_null(scalar(-1, indices.type))).astype(np.int64)
    return codes, encoded.dictionary.to_pylist()


def _tally(codes: np.ndarray, names: list[Any]) -> dict[Any, int]:
    """How many of ``codes`` name each of ``names`` (None: the nulls, −1), those that occur."""
    n = np.bincount(codes + 1, minlength=len(names) + 1).tolist()
    out = {None: n[0]} if n[0] else {}
    out.update((name, c) for name, c in zip(names, n[1:], strict=True) if c)
    return out


def _counts(values: pa.Array | pa.ChunkedArray) -> dict[str | None, int]:
    """How many times each value (None included) occurs (not by Arrow's group_by, which
    loads its query engine and pandas)."""
    arr = flat(values)
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    found = pc.value_counts(arr)
    return dict(
        zip(found.field("values").to_pylist(), found.field("counts").to_pylist(), strict=True)
    )


def _records(findings: pa.Table) -> dict[str | None, int]:
    """Per village, how many distinct records (table, row) have findings (a record's village
    is its own or its household's: one per record)."""
    village, names = _codes(findings.column("village"))
    table, _ = _codes(findings.column("table"))
    row = numpy(findings.column("row")).astype(np.int64)
    _, first = np.unique(table * (int(row.max(initial=0)) + 1) + row, return_index=True)
    return _tally(village[first], names)


def title(check: Any, locale: str) -> str:
    """A check's title in ``locale`` (the check list's own, or the catalog's)."""
    if check.title is not None:
        return str(check.title.get(locale) or check.title["zh_Hans"])
    return _label(f"data_quality.title.{check.code}", locale, check.code)


def _safe(name: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name).strip() or "_"
