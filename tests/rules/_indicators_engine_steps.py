"""What the checklist-engine step tests share: short enum names, a reporting unit, one
checklist run and the six platform flags."""

from __future__ import annotations

from typing import Any

import povertypolicy as pp
from povertypolicy.rules import indicators as ki

from .test_indicators import policy

N, F, S, U = ki.IndicatorName, ki.FigureName, ki.Status, pp.UnitLevel


def unit(
    level: pp.UnitLevel = U.TOWN, uid: str = "X", parent_id: str | None = None, **figures: Any
) -> pp.ReportingUnit:
    return pp.ReportingUnit(id=uid, level=level, figures=figures, parent_id=parent_id)


def run(pack: str, cl: str, level: pp.UnitLevel = U.TOWN, **figures: Any) -> Any:
    return ki.evaluate(unit(level, **figures), cl, policy(pack))


SIX = (
    "platform_organisation",
    "platform_staff",
    "platform_funds",
    "platform_premises",
    "platform_work",
    "platform_rules",
)
