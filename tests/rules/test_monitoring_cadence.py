"""Monitoring, poverty-work-plan-samples 篇8: MON-4 history, MON-5 calendar, MON-6 spot checks,
MON-7 measures."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import InputError, LabourCapacity, Money, RiskFactor, WarningLevel
from povertypolicy.rules.monitoring import (
    LevelCondition,
    Measure,
    Task,
    calendar,
    level_history,
    spot_check,
    support_measures,
)

from .test_monitoring import ON, PACK, quiet

FULL, NONE = LabourCapacity.FULL, LabourCapacity.NONE


@pytest.fixture
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


def on(day: dt.date, c: pp.MonitoringCase) -> pp.MonitoringCase:
    import attrs

    return attrs.evolve(c, assessed_on=day)


# -- MON-4 ------------------------------------------------------------------------------------


def test_MON_4_history_dates_each_change_and_why(policy: pp.Policy) -> None:
    red = quiet(per_capita_disposable_income=Money("5000"), risk_factors={RiskFactor.DISASTER})
    recovered = quiet(risk_factors={RiskFactor.DISASTER})
    cleared = quiet(risk_cleared=True)
    cases = [
        on(dt.date(2021, 7, 1), cleared),
        on(dt.date(2021, 3, 1), red),
        on(dt.date(2021, 5, 1), recovered),
    ]
    r = level_history(cases, policy)
    h = r.value
    assert [a.on for a in h.assessments] == [
        dt.date(2021, 3, 1),
        dt.date(2021, 5, 1),
        dt.date(2021, 7, 1),
    ]
    assert [a.reason for a in h.assessments] == ["red", "no_level", "risk_cleared"]
    first, second = h.changes
    assert (first.on, first.before, first.after) == (dt.date(2021, 5, 1), "red", "no_level")
    assert LevelCondition.INCOME_BELOW_LINE in first.conditions_removed
    assert second.risks_removed == (RiskFactor.DISASTER,)
    assert h.current is None
    assert h.risk_cleared
    assert h.still_monitored
    assert "still monitored" in r.explain("en")


def test_MON_4_unchanged_reassessment_is_not_a_change(policy: pp.Policy) -> None:
    c = quiet(per_capita_disposable_income=Money("5000"))
    h = level_history([on(dt.date(2021, 3, 1), c), on(dt.date(2021, 4, 1), c)], policy).value
    assert h.changes == ()
    assert h.current is WarningLevel.RED


def test_MON_4_history_is_of_one_household_one_per_date(policy: pp.Policy) -> None:
    a = quiet()
    b = quiet(household={"id": "H2"})
    with pytest.raises(InputError):
        level_history([a, b], policy)
    with pytest.raises(InputError):
        level_history([a, a], policy)
    with pytest.raises(InputError):
        level_history([], policy)


# -- MON-5 ------------------------------------------------------------------------------------


def test_MON_5_calendar_year(policy: pp.Policy) -> None:
    cal = calendar(dt.date(2021, 1, 1), dt.date(2021, 12, 31), policy).value
    lists = cal.of(Task.WARNING_LIST)
    assert len(lists) == 24
    assert [e.due for e in lists[:4]] == [
        dt.date(2021, 1, 15),
        dt.date(2021, 1, 31),
        dt.date(2021, 2, 15),
        dt.date(2021, 2, 28),
    ]
    assert lists[3].period_start == dt.date(2021, 2, 16)
    monthly = cal.of(Task.MONTHLY_LEDGER)
    assert len(monthly) == 12
    assert monthly[1].due == dt.date(2021, 2, 28)
    exchanges = cal.of(Task.DATA_EXCHANGE)
    assert [e.due for e in exchanges[:2]] == [dt.date(2021, 2, 28), dt.date(2021, 4, 30)]
    assert len(exchanges) == 6
    assert len(cal.of(Task.RISK_ASSESSMENT)) == 6


def test_MON_5_leap_february_and_partial_first_half(policy: pp.Policy) -> None:
    cal = calendar(dt.date(2024, 2, 10), dt.date(2024, 3, 1), policy).value
    lists = cal.of(Task.WARNING_LIST)
    assert [(e.period_start, e.due) for e in lists] == [
        (dt.date(2024, 2, 1), dt.date(2024, 2, 15)),
        (dt.date(2024, 2, 16), dt.date(2024, 2, 29)),
        (dt.date(2024, 3, 1), dt.date(2024, 3, 15)),
    ]


def test_MON_5_half_month_as_fifteen_days(tmp_path: Any) -> None:
    from .test_monitoring import user_pack

    pol = user_pack(tmp_path, half_month="fifteen_days")
    lists = calendar(dt.date(2021, 1, 1), dt.date(2021, 2, 28), pol).value.of(Task.WARNING_LIST)
    assert [e.due for e in lists][:3] == [
        dt.date(2021, 1, 15),
        dt.date(2021, 1, 30),
        dt.date(2021, 2, 14),
    ]
    assert "every 15 days" in calendar(dt.date(2021, 1, 1), dt.date(2021, 2, 28), pol).explain("en")


def test_MON_5_end_before_start_is_an_error(policy: pp.Policy) -> None:
    with pytest.raises(InputError):
        calendar(dt.date(2021, 2, 1), dt.date(2021, 1, 1), policy)


# -- MON-6 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sampled", "doubtful", "rescreen"),
    [(100, 2, False), (100, 3, True), (50, 1, False), (51, 1, False), (49, 1, True), (1, 0, False)],
)
def test_MON_6_more_than_two_percent(
    policy: pp.Policy, sampled: int, doubtful: int, rescreen: bool
) -> None:
    r = spot_check("V1", sampled, doubtful, policy).value
    assert r.rate == Fraction(doubtful, sampled)
    assert r.rescreen_village is rescreen


def test_MON_6_exactly_two_percent_is_not_more(policy: pp.Policy) -> None:
    r = spot_check("V1", 50, 1, policy)
    assert not r.value.rescreen_village
    assert "excludes the figure itself" in r.explain("en")


@pytest.mark.parametrize(("sampled", "doubtful"), [(0, 0), (10, 11), (10, -1), (True, 0)])
def test_MON_6_bad_counts(policy: pp.Policy, sampled: Any, doubtful: Any) -> None:
    with pytest.raises(InputError):
        spot_check("V1", sampled, doubtful, policy)


@given(st.integers(1, 10_000), st.data())
def test_MON_6_decision_is_exact(sampled: int, data: st.DataObject) -> None:
    doubtful = data.draw(st.integers(0, sampled))
    policy = pp.Policy.load(PACK, on=ON)
    assert spot_check("V", sampled, doubtful, policy).value.rescreen_village is (
        doubtful * 100 > 2 * sampled
    )


# -- MON-7 ------------------------------------------------------------------------------------


def test_MON_7_able_household_measures(policy: pp.Policy) -> None:
    c = quiet(
        FULL,
        industry_conditions=True,
        wants_training=True,
        wants_migrant_work=False,
        hard_to_employ=True,
        self_reliant=False,
    )
    plan = support_measures(c, policy).value
    assert plan.measures == (
        Measure.INDUSTRY,
        Measure.SKILLS_TRAINING,
        Measure.LOCAL_JOBS,
        Measure.PUBLIC_WELFARE_JOB,
        Measure.SOCIAL_SUPPORT,
    )
    assert plan.not_recorded == ()


def test_MON_7_unable_household_gets_social_security_and_emergency_help(policy: pp.Policy) -> None:
    c = quiet(
        NONE,
        industry_conditions=False,
        wants_training=True,
        wants_migrant_work=True,
        hard_to_employ=True,
        self_reliant=True,
        risk_factors={RiskFactor.SUDDEN_EVENT},
        living_difficulty=True,
    )
    plan = support_measures(c, policy).value
    assert plan.measures == (
        Measure.SOCIAL_SECURITY,
        Measure.EMERGENCY_ASSISTANCE,
        Measure.INCENTIVES,
        Measure.SOCIAL_SUPPORT,
    )


def test_MON_7_organised_migration_and_unknowns(policy: pp.Policy) -> None:
    plan = support_measures(quiet(FULL, wants_migrant_work=True), policy).value
    assert Measure.ORGANISED_MIGRATION in plan.measures
    assert Measure.LOCAL_JOBS not in plan.measures
    assert Measure.INDUSTRY in plan.not_recorded
    nothing = support_measures(quiet(None), policy).value
    assert Measure.SOCIAL_SECURITY in nothing.not_recorded
