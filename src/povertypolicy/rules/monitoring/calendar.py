"""The monitoring calendar (poverty-work-plan-samples 篇8 §三(三)): MON-5;
预警名单、月报台账、数据交换、风险消除评估."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ...errors import InputError
from ...explain import Citation, Result
from ...explain.recorder import Recorder, convention
from ...policy import Policy
from .screening import SEED

__all__ = ["Deadline", "MonitoringCalendar", "Task", "calendar"]

_ONE_DAY = dt.timedelta(days=1)


class Task(enum.StrEnum):
    """A recurring monitoring task; 监测工作 (MON-5)."""

    __label__ = "monitoring.task"

    WARNING_LIST = "warning_list"
    MONTHLY_LEDGER = "monthly_ledger"
    DATA_EXCHANGE = "data_exchange"
    RISK_ASSESSMENT = "risk_assessment"


@attrs.frozen(kw_only=True)
class Deadline:
    """One period of a task and the day its work is due (the period's last day).

    Args:
        task: The monitoring task.
        period_start: First day of the period.
        period_end: Last day of the period: the day its work is due.
    """

    task: Task
    period_start: dt.date
    period_end: dt.date

    @property
    def due(self) -> dt.date:
        """The last day of the period: the list, ledger or exchange is due by then."""
        return self.period_end


@attrs.frozen(kw_only=True)
class MonitoringCalendar:
    """Every task period that overlaps ``start``..``end``; 监测工作日历 (MON-5).

    Args:
        start: First day asked for.
        end: Last day asked for.
        entries: Every task period that overlaps them, with its due day.
    """

    start: dt.date
    end: dt.date
    entries: tuple[Deadline, ...]

    def of(self, task: Task) -> tuple[Deadline, ...]:
        """The periods of one task, in date order."""
        return tuple(e for e in self.entries if e.task is task)


def _first_of_month(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _months(task: Task, start: dt.date, end: dt.date, n: int) -> list[Deadline]:
    from dateutil.relativedelta import relativedelta
    from dateutil.rrule import MONTHLY, rrule

    out = []
    for begin in rrule(
        MONTHLY, interval=n, bymonthday=1, dtstart=_first_of_month(start), until=end
    ):
        first = begin.date()
        out.append(
            Deadline(
                task=task, period_start=first, period_end=first + relativedelta(months=n) - _ONE_DAY
            )
        )
    return out


def _half_months(start: dt.date, end: dt.date, meaning: str) -> list[Deadline]:
    from dateutil.rrule import DAILY, MONTHLY, rrule

    task = Task.WARNING_LIST
    if meaning == "fifteen_days":
        starts = [d.date() for d in rrule(DAILY, interval=15, dtstart=start, until=end)]
        return [
            Deadline(task=task, period_start=s, period_end=s + dt.timedelta(days=14))
            for s in starts
        ]
    starts = [
        d.date()
        for d in rrule(MONTHLY, bymonthday=(1, 16), dtstart=_first_of_month(start), until=end)
    ]
    out = []
    for s in starts:
        if s.day == 1:
            last = s.replace(day=15)
        else:
            nxt = (s.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            last = nxt - _ONE_DAY
        if last >= start:
            out.append(Deadline(task=task, period_start=s, period_end=last))
    return out


def calendar(start: dt.date, end: dt.date, policy: Policy) -> Result[MonitoringCalendar]:
    """The monitoring tasks due from ``start`` to ``end`` as dates; 监测工作日历 (MON-5).

    Warning lists every half month (what "half a month" is comes from the pack; an emergency
    is reported at once), the ledger to the city every month, data exchange with the
    rural-revitalisation office at least every 2 months, risk-elimination assessment every
    2 months.
    """
    for name, d in (("start", start), ("end", end)):
        if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
            raise InputError(
                obj="calendar",
                field=name,
                value=d,
                expected="a datetime.date",
                code="core.error.date",
            )
    if end < start:
        raise InputError(
            obj="calendar",
            field="end",
            value=end,
            expected=f"on or after {start}",
            code="monitoring.error.end_before_start",
            extra={"start": start},
        )
    half = policy.param("monitoring.half_month")
    ledger = policy.param("monitoring.ledger_report_months")
    exchange = policy.param("monitoring.data_exchange_months")
    assess = policy.param("monitoring.risk_assessment_months")
    lists = _half_months(start, end, half.text)
    monthly = _months(Task.MONTHLY_LEDGER, start, end, ledger.integer)
    exchanges = _months(Task.DATA_EXCHANGE, start, end, exchange.integer)
    assessments = _months(Task.RISK_ASSESSMENT, start, end, assess.integer)
    rec = Recorder("MON-5")
    rec.step(
        "monitoring.calendar.warning_list",
        count=len(lists),
        first=lists[0].due if lists else None,
        params=(half,),
        notes=(
            convention(f"monitoring.note.half_month.{half.text}"),
            convention("monitoring.note.emergency_at_once"),
        ),
    )
    rec.step(
        "monitoring.calendar.monthly_ledger",
        count=len(monthly),
        months=ledger.integer,
        params=(ledger,),
    )
    rec.step(
        "monitoring.calendar.data_exchange",
        count=len(exchanges),
        months=exchange.integer,
        params=(exchange,),
        notes=(convention("monitoring.note.at_least_every"),),
    )
    rec.step(
        "monitoring.calendar.risk_assessment",
        count=len(assessments),
        months=assess.integer,
        params=(assess,),
        citation=Citation(document=SEED, section="篇8 §三(三)6"),
    )
    entries = sorted(
        (*lists, *monthly, *exchanges, *assessments),
        key=lambda e: (e.period_end, list(Task).index(e.task)),
    )
    value = MonitoringCalendar(start=start, end=end, entries=tuple(entries))
    return rec.result(value)
