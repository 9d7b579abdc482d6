"""Every InputError of the monitoring rules (MON-1..MON-7) has its own code, its values and its
text in three locales (``check_input_error``); MON-6's counts are checked with its steps."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy.rules.monitoring import (
    calendar,
    level_history,
    screen,
    screening,
    support_measures,
    warning_level,
)
from tests.error_texts import check_input_error, refused, where

from .test_monitoring import ON, PACK, quiet


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


# -- MON-1, MON-2, MON-7 -----------------------------------------------------------------------


@pytest.mark.parametrize("rule", [screening, warning_level, screen, support_measures])
def test_what_is_not_a_case(policy: pp.Policy, rule: Any) -> None:
    err = refused(lambda: rule("H1", policy))
    assert where(err) == ("rules.monitoring", "case", "H1")
    check_input_error(err, "monitoring.error.not_a_case", {})
    assert err.text("zh_Hant") == "rules.monitoring.case：收到 'H1'，應為監測對象的資料"


# -- MON-4 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("cases", [[], ["H1"], (quiet(), None)])
def test_history_needs_case_records(policy: pp.Policy, cases: Any) -> None:
    err = refused(lambda: level_history(cases, policy))
    assert where(err) == ("level_history", "cases", cases)
    check_input_error(err, "monitoring.error.history_cases", {})


def test_history_is_of_one_household(policy: pp.Policy) -> None:
    cases = [quiet(household={"id": "H2"}), quiet(), quiet(household={"id": "H3"})]
    err = refused(lambda: level_history(cases, policy))
    assert where(err) == ("level_history", "cases", ["H1", "H2", "H3"])
    check_input_error(
        err, "monitoring.error.history_households", {"households": ["H1", "H2", "H3"]}
    )
    assert err.text("zh_Hans").startswith("level_history.cases：收到H1、H2和H3几户的评估记录")
    assert err.text("en").startswith("level_history.cases: got the assessments of H1, H2, and H3;")


def test_history_has_one_assessment_per_date(policy: pp.Policy) -> None:
    day = dt.date(2021, 3, 1)
    first = attrs.evolve(quiet(), assessed_on=day)
    cases = [attrs.evolve(first, assessed_on=dt.date(2021, 4, 1)), first, first]
    err = refused(lambda: level_history(cases, policy))
    assert where(err) == ("level_history", "assessed_on", day)
    check_input_error(err, "monitoring.error.history_same_date", {"on": day})
    assert err.text("zh_Hans") == (
        "level_history.assessed_on：2021年3月1日有两条评估记录，每个日期只能有一条"
    )


# -- MON-5 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (dt.datetime(2021, 1, 1, 9, 0), dt.date(2021, 2, 1), "start"),
        ("2021-01-01", dt.date(2021, 2, 1), "start"),
        (dt.date(2021, 1, 1), "2021-02-01", "end"),
        (dt.date(2021, 1, 1), None, "end"),
    ],
)
def test_calendar_dates_are_dates(policy: pp.Policy, start: Any, end: Any, field: str) -> None:
    err = refused(lambda: calendar(start, end, policy))
    assert (err.obj, err.field) == ("calendar", field)
    check_input_error(err, "core.error.date", {})


def test_calendar_ends_on_or_after_its_start(policy: pp.Policy) -> None:
    start, end = dt.date(2021, 2, 1), dt.date(2021, 1, 31)
    err = refused(lambda: calendar(start, end, policy))
    assert where(err) == ("calendar", "end", end)
    check_input_error(err, "monitoring.error.end_before_start", {"start": start})
    assert err.text("en") == (
        "calendar.end: got 2021-01-31; expected a day on or after the start (February 1, 2021)"
    )


def test_a_calendar_of_one_day_is_accepted(policy: pp.Policy) -> None:
    day = dt.date(2021, 2, 1)
    assert calendar(day, day, policy).value is not None
