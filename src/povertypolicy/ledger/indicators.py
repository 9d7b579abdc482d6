"""Checklists over a ledger of towns, villages, households, sites or projects; 考核台账.

One registered rule per shipped checklist (``indicators.four_haves``, ``indicators.health_check``,
``indicators.seven_haves``, ``indicators.self_inspection``, ``follow_up.three_rates``). The
input is one table of units with one column per figure; the output is one row per indicator
per unit: met / not met / not reported / not applicable, the value, the threshold and the gap.
The object path: each row becomes a `ReportingUnit`
and `evaluate()` scores it, so the explanation is its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pyarrow as pa

from .._exact import round_half_up
from ..domain.indicators import ReportingUnit, UnitLevel
from ..errors import PovertyPolicyError
from ..explain import Result
from ..policy import Policy
from ..rules.indicators import CHECKLISTS, Checklist, FigureKind, Score, evaluate
from . import arrays
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame
from .schema import Column, ColumnKind, TableSchema

__all__ = ["units_schema"]

C = ColumnKind
_KINDS = {
    FigureKind.COUNT: C.COUNT,
    FigureKind.YES_NO: C.BOOL,
    FigureKind.QUANTITY: C.DECIMAL,
    FigureKind.PERCENT: C.DECIMAL,
}
_DECIMAL = pa.decimal128(24, 4)


def units_schema(cl: Checklist) -> TableSchema:
    """The input table of a checklist: the unit's id, level and parent, and every figure."""
    levels = ", ".join(level.value for level in cl.levels)
    base = (
        Column(name="unit_id", zh="单位编号", kind=C.ID, nullable=False,
               aliases=("單位編號", "编号", "編號"), doc="The unit's id (a town, village, …)."),
        Column(name="unit_name", zh="单位名称", kind=C.TEXT, required=False,
               aliases=("單位名稱", "名称", "名稱"), doc="The unit's name (shown only)."),
        Column(name="level", zh="层级", kind=C.ENUM, enum=UnitLevel, required=False, nullable=False,
               aliases=("層級", "单位类型", "單位類型"),
               doc=f"The unit's level ({levels}); absent: every row is a {cl.levels[0].value}."),
        Column(name="parent_id", zh="上级单位编号", kind=C.ID, required=False,
               aliases=("上級單位編號", "所属乡镇", "所屬鄉鎮"),
               doc="The town (or village) the unit belongs to (shown, and used by scorecards)."),
    )  # fmt: skip
    figures = tuple(
        Column(
            name=f.name.value,
            zh=f.zh,
            kind=_KINDS[f.kind],
            required=False,
            aliases=(f.hant,) if f.hant != f.zh else (),
            doc=f"{f.doc}{' (percent)' if f.kind is FigureKind.PERCENT else ''}.",
        )
        for f in cl.figures
    )
    return TableSchema(
        name="units",
        zh="考核单位",
        key="unit_id",
        doc="One row per unit that reports figures (乡镇、村、户、安置点、项目).",
        columns=base + figures,
    )


def unit_object(frame: Frame, row: int, cl: Checklist) -> ReportingUnit:
    """Row ``row`` of a units table as a `ReportingUnit`."""
    level = frame.value("level", row) if "level" in frame.cols else None
    figures = {f.name.value: frame.value(f.name.value, row) for f in cl.figures}
    return ReportingUnit(
        id=frame.value("unit_id", row),
        level=level or cl.levels[0],
        figures={k: v for k, v in figures.items() if v is not None},
        name=frame.value("unit_name", row) or "",
        parent_id=frame.value("parent_id", row),
    )


def _dec(value: Fraction | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(round_half_up(value * 10_000)).scaleb(-4)


def _score_row(unit: ReportingUnit, score: Score, rule: str) -> dict[str, Any]:
    return {
        "id": f"{unit.id}/{score.indicator.value}",
        "unit_id": unit.id,
        "unit_level": unit.level.value,
        "town_id": unit.parent_id,
        "indicator": score.indicator.value,
        "indicator_rule": rule,
        "reason": f"indicator_{score.status.value}",
        "indicator_value": _dec(score.value),
        "indicator_threshold": _dec(score.threshold),
        "indicator_gap": _dec(score.gap),
        "indicator_short_by": score.short_by,
        "indicator_missing": ", ".join(m.value for m in score.missing) or None,
    }


_TYPES: dict[str, pa.DataType] = {
    "id": pa.string(),
    "unit_id": pa.string(),
    "unit_level": pa.string(),
    "town_id": pa.string(),
    "indicator": pa.string(),
    "indicator_rule": pa.string(),
    "reason": pa.string(),
    "indicator_value": _DECIMAL,
    "indicator_threshold": _DECIMAL,
    "indicator_gap": _DECIMAL,
    "indicator_short_by": pa.int64(),
    "indicator_missing": pa.string(),
}


class ChecklistRule(LedgerRule):
    """A checklist over a units table: one row per indicator per unit; 指标考核."""

    checklist: Checklist
    output = "units"
    key = "id"  # "<unit_id>/<indicator>"
    per = "indicator of each unit"
    reasons = tuple(f"indicator_{s}" for s in ("met", "not_met", "not_reported", "not_applicable"))

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        units = frames["units"]
        rules = {i.id: i.rule for i in self.checklist.indicators}
        rows: list[int] = []
        out: list[dict[str, Any]] = []
        for i in np.flatnonzero(units.ok).tolist():
            try:
                unit = unit_object(units, i, self.checklist)
                scores = evaluate(unit, self.checklist, policy).value.scores
            except PovertyPolicyError as exc:
                log.add(
                    table="units",
                    rows=np.array([i]),
                    column="",
                    code="ledger.error.rule",
                    ids=units.ids().take(arrays.array([i], pa.int64())),
                    args={"detail": str(exc)},
                )
                units.bad[i] = True
                continue
            for score in scores:
                rows.append(i)
                out.append(_score_row(unit, score, rules[score.indicator]))
        cols: dict[str, pa.Array] = {}
        for name, kind in _TYPES.items():
            arr = arrays.array([r[name] for r in out], kind)
            if name in ("reason", "unit_level", "indicator", "indicator_rule"):
                arr = arr.dictionary_encode()
            cols[name] = arr
        return np.array(rows, np.int64), cols

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return evaluate(unit_object(frames["units"], row, self.checklist), self.checklist, policy)


def _register(name: str, cl: Checklist) -> type[LedgerRule]:
    attrs_: dict[str, Any] = {
        "__doc__": f"The {cl.id} checklist ({', '.join(cl.rules)}) per indicator per unit.",
        "name": name,
        "rule_ids": cl.rules,
        "title": f"ledger.rule.{name}",
        "tables": (units_schema(cl),),
        "checklist": cl,
    }
    return register(type(f"{cl.id.title().replace('_', '')}Rule", (ChecklistRule,), attrs_))


for _id, _cl in CHECKLISTS.items():
    _register("follow_up.three_rates" if _id == "three_rates" else f"indicators.{_id}", _cl)
