"""Every InputError of the indicator rules (KPI-1..KPI-5) has its own code, its values and its
text in three locales (``check_input_error``); the English ``str(error)`` stays as it was."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.indicators.engine import ChecklistName
from tests.error_texts import check_input_error, refused, where

from .test_indicators import BAZHONG, FOUR_HAVES, HEALTH, PROJECTS, policy

U, F = pp.UnitLevel, ki.FigureName
CHECKLISTS = "four_haves, health_check, seven_haves, self_inspection, three_rates"


def unit(
    level: pp.UnitLevel = U.TOWN, uid: str = "X", parent_id: str | None = None, **figures: Any
) -> pp.ReportingUnit:
    return pp.ReportingUnit(id=uid, level=level, figures=figures, parent_id=parent_id)


# -- the checklist engine (KPI-1..KPI-3, KPI-5) ------------------------------------------------


def test_an_unknown_checklist() -> None:
    err = refused(lambda: ki.checklist("eight_haves"))
    assert where(err) == ("rules.indicators", "checklist", "eight_haves")
    check_input_error(err, "core.error.enum", {"choices": CHECKLISTS})
    err = refused(lambda: ki.evaluate(unit(), "eight_haves", policy(FOUR_HAVES)))
    check_input_error(err, "core.error.enum", {"choices": CHECKLISTS})


@pytest.mark.parametrize(
    ("figure", "value", "code", "pack", "cl", "level"),
    [
        ("platform_staff", 1, "core.error.boolean", FOUR_HAVES, "four_haves", U.TOWN),
        ("surplus_labour", True, "core.error.count", FOUR_HAVES, "four_haves", U.TOWN),
        ("surplus_labour", Decimal("2.5"), "core.error.count", FOUR_HAVES, "four_haves", U.TOWN),
        ("inpatient_reimbursement_pct", True, "core.error.percent", HEALTH, "health_check", U.TOWN),
        (
            "inpatient_reimbursement_pct",
            Decimal("100.5"),
            "core.error.percent",
            HEALTH,
            "health_check",
            U.TOWN,
        ),
        (
            "house_floor_area",
            True,
            "indicators.error.figure_quantity",
            BAZHONG,
            "seven_haves",
            U.HOUSEHOLD,
        ),
    ],
)
def test_a_figure_of_the_wrong_kind(
    figure: str, value: Any, code: str, pack: str, cl: str, level: pp.UnitLevel
) -> None:
    err = refused(lambda: ki.evaluate(unit(level, **{figure: value}), cl, policy(pack)))
    assert where(err) == ("ReportingUnit X", figure, value)
    check_input_error(err, code, {})


def test_a_ratio_numerator_above_its_denominator() -> None:
    u = unit(transferred_labour=21, surplus_labour=20)
    err = refused(lambda: ki.evaluate(u, "four_haves", policy(FOUR_HAVES)))
    assert where(err) == ("ReportingUnit X", "transferred_labour", 21)
    check_input_error(
        err, "indicators.error.figure_above", {"figure": F.SURPLUS_LABOUR, "limit": 20}
    )
    assert err.text("en") == (
        "ReportingUnit X.transferred_labour: got 21; expected at most the surplus rural labour (20)"
    )


def test_a_level_not_in_the_checklist() -> None:
    err = refused(lambda: ki.evaluate(unit(U.SITE), "four_haves", policy(FOUR_HAVES)))
    assert where(err) == ("rules.indicators.evaluate", "unit.level", U.SITE)
    extra = {
        "level": U.SITE,
        "checklist": ChecklistName.FOUR_HAVES,
        "levels": [U.TOWN, U.VILLAGE],
    }
    check_input_error(err, "indicators.error.level_not_in_checklist", extra)
    assert err.text("en") == (
        "rules.indicators.evaluate.unit.level: the four haves checklist has no indicators at "
        "the resettlement site level; expected one of its levels: town and village"
    )


def test_a_member_of_another_town() -> None:
    town, member = unit(uid="T1"), unit(U.VILLAGE, "V9", parent_id="T2")
    err = refused(lambda: ki.scorecard(town, "four_haves", policy(FOUR_HAVES), members=[member]))
    assert where(err) == ("rules.indicators.scorecard", "members", "V9")
    check_input_error(err, "indicators.error.member_of_other_town", {"town": "T1", "parent": "T2"})


def test_a_member_at_the_town_level() -> None:
    town, member = unit(uid="T1"), unit(U.TOWN, "T2")
    err = refused(lambda: ki.scorecard(town, "four_haves", policy(FOUR_HAVES), members=[member]))
    assert where(err) == ("rules.indicators.scorecard", "members", "T2")
    check_input_error(err, "indicators.error.member_level", {"level": U.TOWN})


# -- KPI-2, KPI-5: schedules -------------------------------------------------------------------


@pytest.mark.parametrize("year", [True, 2020.0, "2020", 1899, 2101])
def test_a_schedule_year(year: Any) -> None:
    err = refused(lambda: ki.schedule("health_check", year, policy(HEALTH)))
    assert where(err) == ("schedule", "year", year)
    check_input_error(err, "indicators.error.schedule_year", {})


@pytest.mark.parametrize("year", [1900, 2100])
def test_the_schedule_years_at_either_end_are_accepted(year: int) -> None:
    assert ki.schedule("health_check", year, policy(HEALTH)).value.year == year


def test_a_checklist_without_dates() -> None:
    err = refused(lambda: ki.schedule("four_haves", 2024, policy(PROJECTS)))
    assert where(err) == ("schedule", "checklist", "four_haves")
    choices = "health_check, self_inspection"
    check_input_error(err, "indicators.error.schedule_checklist", {"choices": choices})


# -- KPI-4: the budget split -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "by", "field", "code", "extra"),
    [
        (100, "shares", "budget", "core.error.money", {}),
        (Money("-0.01"), "shares", "budget", "core.error.money_negative", {}),
        (Money(1), "votes", "by", "core.error.enum", {"choices": "shares, amounts"}),
        (Money(1), "Shares", "by", "core.error.enum", {"choices": "shares, amounts"}),
    ],
)
def test_a_budget_split(budget: Any, by: str, field: str, code: str, extra: dict[str, Any]) -> None:
    err = refused(lambda: ki.split_budget(budget, policy(BAZHONG), by=by))
    assert (err.obj, err.field) == ("split_budget", field)
    check_input_error(err, code, extra)


def test_a_budget_of_zero_is_split() -> None:
    assert ki.split_budget(Money(0), policy(BAZHONG)).value is not None
