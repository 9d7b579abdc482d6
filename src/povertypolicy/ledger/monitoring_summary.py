"""The monitoring ledger summary per village and township (监测台账汇总): MON-1, -3, -4, -6.

Counts by scope group, warning level and risk factor, levels changed since the last run, and the
villages whose spot check calls for a full re-screen. Built from the result of
``monitoring.screening`` (and, optionally, of ``monitoring.spot_check``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import pyarrow as pa

from ..domain.enums import RiskFactor, ScopeGroup
from ..errors import InputError
from . import arrays
from .engine import LedgerResult

__all__ = ["MonitoringSummary", "summarise"]

_STATUS = ("red", "yellow", "blue", "no_level", "risk_cleared", "undetermined")


@attrs.frozen(kw_only=True)
class MonitoringSummary:
    """Counts per village and per township, and the villages due for a re-screen; 汇总."""

    villages: pa.Table
    townships: pa.Table
    rescreen: tuple[str, ...]

    def text(self, locale: str = "zh_Hans") -> str:
        """The summary as lines of text, one per township and village."""
        from ..explain.render import format_value, render_message

        lines: list[str] = []
        for table, key in ((self.townships, "township"), (self.villages, "village")):
            for row in table.to_pylist():
                unit = (
                    row[key]
                    if key == "township"
                    else " ".join(filter(None, (row["township"], row["village"])))
                )
                lines.append(
                    render_message(
                        "monitoring.summary.unit",
                        {
                            "unit": unit or "—",
                            **{k: row[k] for k in ("households", "in_scope", "changed", *_STATUS)},
                        },
                        locale,
                    )
                )
                risks = [
                    f"{format_value(r, locale)} {row[f'risk_{r.value}']}"
                    for r in RiskFactor
                    if row[f"risk_{r.value}"]
                ]
                groups = [
                    f"{format_value(g, locale)} {row[f'group_{g.value}']}"
                    for g in ScopeGroup
                    if row[f"group_{g.value}"]
                ]
                lines.append(
                    render_message(
                        "monitoring.summary.detail",
                        {"groups": "; ".join(groups) or "—", "risks": "; ".join(risks) or "—"},
                        locale,
                    )
                )
        lines.append(
            render_message("monitoring.summary.rescreen", {"villages": self.rescreen}, locale)
        )
        return "\n".join(lines)

    def to_xlsx(self, path: str, *, locale: str = "zh_Hans") -> None:
        """Write the village and township tables and the text summary to an XLSX file."""
        from openpyxl import Workbook

        wb = Workbook()
        sheet = wb.active
        assert sheet is not None
        sheet.title = "summary"
        for line in self.text(locale).splitlines():
            sheet.append([line])
        for name, table in (("villages", self.villages), ("townships", self.townships)):
            ws = wb.create_sheet(name)
            ws.append(table.column_names)
            for row in table.to_pylist():
                ws.append([row[c] for c in table.column_names])
        wb.save(path)


def _counts(rows: Sequence[dict[str, Any]], keys: tuple[str, ...]) -> pa.Table:
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        k = tuple(row.get(key) for key in keys)
        g = groups.get(k)
        if g is None:
            g = dict(zip(keys, k, strict=True))
            g.update(households=0, in_scope=0, changed=0)
            g.update(dict.fromkeys(_STATUS, 0))
            g.update({f"group_{x.value}": 0 for x in ScopeGroup})
            g.update({f"risk_{x.value}": 0 for x in RiskFactor})
            groups[k] = g
        g["households"] += 1
        g["in_scope"] += row["scope"] == "in_scope"
        g[row["reason"]] += 1
        g["changed"] += bool(row.get("level_changed"))
        for x in (row["scope_groups"] or "").split(","):
            if x:
                g[f"group_{x}"] += 1
        for x in (row.get("risk_factors") or "").split(","):
            if x:
                g[f"risk_{x}"] += 1
    ordered = sorted(groups.values(), key=lambda g: tuple(str(g[k] or "") for k in keys))
    if not ordered:
        return pa.table({k: pa.nulls(0) for k in keys})
    # As pa.Table.from_pylist: the first row's keys; each column's type from its values (all
    # empty: null), built without pyarrow's Python conversion (which imports pandas).
    return pa.table({k: arrays.array([g.get(k) for g in ordered]) for k in ordered[0]})


def summarise(
    screening: LedgerResult, *, spot_checks: LedgerResult | None = None
) -> MonitoringSummary:
    """Counts per village and township of a ``monitoring.screening`` run; 监测台账汇总.

    With the result of a ``monitoring.spot_check`` run, the villages more than 2% doubtful are
    listed as due for a full re-screen (MON-6), and marked in the village table.
    """
    if screening.rule.name != "monitoring.screening":
        raise InputError(
            obj="summarise",
            field="screening",
            value=screening.rule.name,
            expected="a monitoring.screening result",
            code="ledger.error.wrong_result",
            extra={"rule": "monitoring.screening"},
        )
    rows = screening.arrow.select(
        [
            c
            for c in (
                "village",
                "township",
                "scope",
                "scope_groups",
                "reason",
                "risk_factors",
                "level_changed",
            )
            if c in screening.arrow.column_names
        ]
    ).to_pylist()
    rescreen: tuple[str, ...] = ()
    if spot_checks is not None:
        if spot_checks.rule.name != "monitoring.spot_check":
            raise InputError(
                obj="summarise",
                field="spot_checks",
                value=spot_checks.rule.name,
                expected="a monitoring.spot_check result",
                code="ledger.error.wrong_result",
                extra={"rule": "monitoring.spot_check"},
            )
        found = spot_checks.arrow.select(["village", "rescreen_village"]).to_pylist()
        rescreen = tuple(sorted(r["village"] for r in found if r["rescreen_village"]))
    villages = _counts(rows, ("township", "village"))
    if villages.num_rows:
        due = arrays.array(
            [v in rescreen for v in villages.column("village").to_pylist()], pa.bool_()
        )
        villages = villages.append_column("rescreen_village", due)
    return MonitoringSummary(
        villages=villages, townships=_counts(rows, ("township",)), rescreen=rescreen
    )
