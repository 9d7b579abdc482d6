"""Check and self-inspection schedules as dates; 排查与自查时间安排 (KPI-2, KPI-5).

The seeds give month and day only: the pack writes them in one year and the schedule puts
their month and day in the year asked about (29 February falls on the 28th in common years).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder, convention, warning
from ...policy import Parameter, Policy

__all__ = ["Schedule", "ScheduledTask", "Task", "schedule"]


class Task(enum.StrEnum):
    """A task of a check or self-inspection; 工作安排."""

    __label__ = "indicators.task"

    HEALTH_CHECK = "health_check"
    SELF_INSPECTION = "self_inspection"
    SELF_INSPECTION_REPORT = "self_inspection_report"
    INSPECTION_SUMMARY = "inspection_summary"
    SUPERVISION_REPORT = "supervision_report"
    WATER_TEST = "water_test"


@attrs.frozen(kw_only=True)
class ScheduledTask:
    """A task's first day (when it is a period) and the day it is due.

    Args:
        task: The task.
        start: Its first day, when it is a period; None: a single due day.
        due: The day it is due.
    """

    task: Task
    start: dt.date | None
    due: dt.date


@attrs.frozen(kw_only=True)
class Schedule:
    """The tasks of one checklist in one year, in date order; 时间安排.

    Args:
        checklist: The checklist's id.
        year: The year.
        tasks: Its tasks in date order.
    """

    checklist: str
    year: int
    tasks: tuple[ScheduledTask, ...]

    def of(self, task: Task) -> ScheduledTask:
        """The scheduled task ``task``."""
        return next(t for t in self.tasks if t.task is task)


def _in_year(param: Parameter, year: int) -> dt.date:
    d = param.date
    if d.month == 2 and d.day == 29 and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
        return dt.date(year, 2, 28)
    return d.replace(year=year)


def schedule(checklist: str, year: int, policy: Policy) -> Result[Schedule]:
    """The dates of the health check (篇2) or of the project self-inspection (篇6) in ``year``;
    排查、自查时间安排 (KPI-2, KPI-5)."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
        raise InputError(
            obj="schedule",
            field="year",
            value=year,
            expected="a year 1900..2100",
            code="indicators.error.schedule_year",
        )
    tasks: list[ScheduledTask] = []
    rec = Recorder("KPI-5")

    def period(task: Task, rule: str, start: str, end: str) -> None:
        s, e = policy.param(start), policy.param(end)
        item = ScheduledTask(task=task, start=_in_year(s, year), due=_in_year(e, year))
        tasks.append(item)
        rec.step(
            "indicators.schedule.period",
            task=task,
            start=item.start,
            due=item.due,
            params=(s, e),
            rule=rule,
        )

    def due(task: Task, name: str) -> None:
        p = policy.param(name)
        item = ScheduledTask(task=task, start=None, due=_in_year(p, year))
        tasks.append(item)
        rec.step(
            "indicators.schedule.due",
            task=task,
            due=item.due,
            params=(p,),
            notes=(convention("indicators.note.by_the_day"),),
        )

    if checklist == "health_check":
        period(
            Task.HEALTH_CHECK,
            "KPI-2",
            "indicators.health_check_start",
            "indicators.health_check_end",
        )
    elif checklist == "self_inspection":
        period(
            Task.SELF_INSPECTION,
            "KPI-5",
            "indicators.self_inspection_start",
            "indicators.self_inspection_end",
        )
        due(Task.SELF_INSPECTION_REPORT, "indicators.self_inspection_report_due")
        due(Task.INSPECTION_SUMMARY, "indicators.inspection_summary_due")
        if "indicators.supervision_report_due" in policy:
            due(Task.SUPERVISION_REPORT, "indicators.supervision_report_due")
        else:
            rec.step(
                "indicators.schedule.not_given",
                task=Task.SUPERVISION_REPORT,
                notes=(warning("indicators.note.garbled_month"),),
            )
        tests = policy.param("indicators.project_water_tests_per_year")
        item = ScheduledTask(
            task=Task.WATER_TEST, start=dt.date(year, 1, 1), due=dt.date(year, 12, 31)
        )
        tasks.append(item)
        rec.step(
            "indicators.schedule.water_test",
            times=tests.integer,
            start=item.start,
            due=item.due,
            params=(tests,),
            notes=(convention("indicators.note.calendar_year"),),
        )
    else:
        raise InputError(
            obj="schedule",
            field="checklist",
            value=checklist,
            expected='"health_check" or "self_inspection" (the checklists with dates)',
            code="indicators.error.schedule_checklist",
            extra={"choices": "health_check, self_inspection"},
        )
    ordered = tuple(sorted(tasks, key=lambda t: (t.due, list(Task).index(t.task))))
    return rec.result(Schedule(checklist=checklist, year=year, tasks=ordered))
