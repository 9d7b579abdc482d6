"""Anti-return-to-poverty monitoring (防止返贫监测), poverty-work-plan-samples 篇8: MON-1..MON-7.

`screen()` runs MON-1 (scope groups) and MON-3 (warning level) on one
`MonitoringCase`; the ledger form ``monitoring.screening`` runs the
same over a whole monitoring ledger.
"""

from .calendar import Deadline, MonitoringCalendar, Task, calendar
from .history import Assessment, LevelChange, LevelHistory, level_history
from .screening import (
    IncomeThreshold,
    LevelCheck,
    LevelCondition,
    MonitoringAssessment,
    Screening,
    Status,
    WarningAssessment,
    income_threshold,
    screen,
    screening,
    warning_level,
)
from .spot_check import SpotCheck, spot_check
from .support import Measure, MeasureFor, SupportPlan, support_measures

__all__ = [
    "Assessment",
    "Deadline",
    "IncomeThreshold",
    "LevelChange",
    "LevelCheck",
    "LevelCondition",
    "LevelHistory",
    "Measure",
    "MeasureFor",
    "MonitoringAssessment",
    "MonitoringCalendar",
    "Screening",
    "SpotCheck",
    "Status",
    "SupportPlan",
    "Task",
    "WarningAssessment",
    "calendar",
    "income_threshold",
    "level_history",
    "screen",
    "screening",
    "spot_check",
    "support_measures",
    "warning_level",
]
