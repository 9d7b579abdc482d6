"""Targets and checklists (考核指标与清单): KPI-1..KPI-5, and FOLLOW-6's three rates.

`evaluate()` scores one unit's figures on a checklist (met / not met / not reported, with
the gap to each threshold), `scorecard()` a town with its villages or households,
`fund_plan()` and `split_budget()` the poverty-work-plan-samples 篇1 fund plan, `schedule()` the
check
and self-inspection dates. The ledger forms are ``indicators.<checklist>``.
"""

from ...domain.indicators import ReportingUnit, UnitLevel
from ._model import Checklist, Figure, FigureKind, Indicator, Measure, Score, Status, UnitScores
from .checklists import (
    CHECKLISTS,
    FOUR_HAVES,
    HEALTH_CHECK,
    SELF_INSPECTION,
    SEVEN_HAVES,
    THREE_RATES,
    FigureName,
    IndicatorName,
    checklist,
)
from .engine import ChecklistName, Scorecard, Tally, evaluate, scorecard
from .fund_plan import (
    BudgetPart,
    BudgetSplit,
    FundLine,
    FundPart,
    FundPlan,
    fund_plan,
    split_budget,
)
from .schedule import Schedule, ScheduledTask, Task, schedule

__all__ = [
    "CHECKLISTS",
    "FOUR_HAVES",
    "HEALTH_CHECK",
    "SELF_INSPECTION",
    "SEVEN_HAVES",
    "THREE_RATES",
    "BudgetPart",
    "BudgetSplit",
    "Checklist",
    "ChecklistName",
    "Figure",
    "FigureKind",
    "FigureName",
    "FundLine",
    "FundPart",
    "FundPlan",
    "Indicator",
    "IndicatorName",
    "Measure",
    "ReportingUnit",
    "Schedule",
    "ScheduledTask",
    "Score",
    "Scorecard",
    "Status",
    "Tally",
    "Task",
    "UnitLevel",
    "UnitScores",
    "checklist",
    "evaluate",
    "fund_plan",
    "schedule",
    "scorecard",
    "split_budget",
]
