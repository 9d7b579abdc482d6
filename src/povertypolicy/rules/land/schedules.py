"""LAND-7 / LAND-12: campaign and transfer schedules; 工作时间安排."""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import MONTHLY, rrule

from ...errors import InputError, PolicyPackError
from ...explain import Result
from ...explain.recorder import Recorder, boundary, convention, warning
from ...policy import Parameter, Policy
from .values import CampaignPhase, CampaignSchedule, Phase, TransferSchedule

__all__ = ["campaign_schedule", "transfer_schedule"]

# -- LAND-7 / LAND-12: schedules -------------------------------------------------------------


def _month_day(policy: Policy, name: str, year: int) -> tuple[dt.date, Parameter]:
    param = policy.param(name)
    anchor = param.date
    try:
        return anchor.replace(year=year), param
    except ValueError:
        raise PolicyPackError(
            file=param.pack_id,
            key=f"parameters.{name}",
            problem=f"{anchor.month:02d}-{anchor.day:02d} does not exist in {year}",
            code="core.error.pack_month_day",
            extra={"month": anchor.month, "day": anchor.day, "year": year},
        ) from None


def campaign_schedule(year: int, policy: Policy) -> Result[CampaignSchedule]:
    """The governance campaign's four phases and report deadlines in a given year.

    失地农民基本保障专项治理：四个阶段及上报时限. LAND-7 (state-farm-landless-farmers-security-2022
    §三).
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise InputError(
            obj="campaign_schedule",
            field="year",
            value=year,
            expected="a year",
            code="core.error.year",
        )
    used: list[Parameter] = []

    def day(name: str) -> dt.date:
        d, p = _month_day(policy, f"land.campaign_{name}", year)
        used.append(p)
        return d

    phases = tuple(
        Phase(phase=phase, start=day(f"{phase.value}_start"), end=day(f"{phase.value}_end"))
        for phase in CampaignPhase
    )
    report1 = day("self_inspection_report_due")
    report2 = day("evaluation_report_due")
    end = day("end")
    coverage_p = policy.param("land.self_inspection_coverage")
    used.append(coverage_p)
    value = CampaignSchedule(
        year=year,
        phases=phases,
        self_inspection_report_due=report1,
        evaluation_report_due=report2,
        campaign_end=end,
        self_inspection_coverage=coverage_p.fraction,
    )
    last = phases[-1].end
    rec = Recorder("LAND-7")
    rec.step(
        "land.campaign",
        year=str(year),
        preparation_start=phases[0].start,
        preparation_end=phases[0].end,
        self_inspection_start=phases[1].start,
        self_inspection_end=phases[1].end,
        rectification_start=phases[2].start,
        rectification_end=phases[2].end,
        evaluation_start=phases[3].start,
        evaluation_end=phases[3].end,
        report1=report1,
        report2=report2,
        coverage=coverage_p.decimal,
        params=used,
        notes=(
            boundary("land.note.report_before"),
            warning("land.note.campaign_end_mismatch", end=end, last=last) if end != last else None,
        ),
    )
    return rec.result(value)


def _period_ends(start: dt.date, until: dt.date, frequency: str) -> tuple[dt.date, ...]:
    months = tuple(range(1, 13)) if frequency == "monthly" else (3, 6, 9, 12)
    rule = rrule(
        MONTHLY,
        dtstart=dt.datetime.combine(start, dt.time()),
        until=dt.datetime.combine(until, dt.time()),
        bymonth=months,
        bymonthday=-1,
    )
    return tuple(d.date() for d in rule)


def transfer_schedule(start: dt.date, until: dt.date, policy: Policy) -> Result[TransferSchedule]:
    """When money owed must reach the pension fund (monthly) and the risk reserve (quarterly).

    被征地农民参保资金按月划转、社保风险金按季到位. LAND-12 (zj-taizhou-2019-47 §二(三)).
    """
    for name, d in (("start", start), ("until", until)):
        if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
            raise InputError(
                obj="transfer_schedule",
                field=name,
                value=d,
                expected="a datetime.date",
                code="core.error.date",
            )
    if until < start:
        raise InputError(
            obj="transfer_schedule",
            field="until",
            value=until,
            expected=f"on or after {start}",
            code="land.error.until_before_start",
            extra={"start": start},
        )
    pension_p = policy.param("land.pension_fund_transfer_frequency")
    reserve_p = policy.param("land.risk_reserve_transfer_frequency")
    pension = _period_ends(start, until, pension_p.text)
    reserve = _period_ends(start, until, reserve_p.text)
    rec = Recorder("LAND-12")
    rec.step(
        "land.transfers",
        start=start,
        until=until,
        pension=len(pension),
        reserve=len(reserve),
        first_pension=pension[0] if pension else "—",
        first_reserve=reserve[0] if reserve else "—",
        params=(pension_p, reserve_p),
        notes=(convention("land.note.period_end"),),
    )
    return rec.result(TransferSchedule(pension_fund=pension, risk_reserve=reserve))
