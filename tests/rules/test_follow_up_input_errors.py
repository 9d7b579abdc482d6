"""FOLLOW-1 .. FOLLOW-8: every bad input has its own error code, read in all three locales."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules import follow_up as fu
from tests.error_texts import check_input_error, refused

from .test_follow_up import SHAANXI, household, member, policy

D = dt.date
CHENGKOU = "cq-chengkou-subdistrict-relocation-follow-up-2020"


@pytest.fixture(scope="module")
def chengkou() -> pp.Policy:
    return pp.Policy.load(CHENGKOU, on=D(2020, 6, 1))


# -- FOLLOW-1 .. FOLLOW-5 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "kw"),
    [
        ("follow_up_checks", {"as_of": D(2021, 1, 1)}),
        ("training", {"as_of": D(2021, 1, 1)}),
        ("stable_employment", {}),
        ("transitional_dibao", {"as_of": D(2021, 1, 1)}),
        ("demolition", {"as_of": D(2021, 1, 1)}),
        ("homestead_award", {}),
    ],
)
def test_a_relocated_household_is_required(rule: str, kw: dict[str, Any]) -> None:
    pack = SHAANXI if rule == "demolition" else "county-relocation-follow-up-2020"
    e = refused(getattr(fu, rule), "H1", policy(pack), **kw)
    check_input_error(e, "follow_up.error.household_type", {"type": "RelocatedHousehold"})
    assert e.obj == f"rules.follow_up.{rule}"
    assert e.text("zh_Hans") == (
        f"rules.follow_up.{rule}.household：收到 'H1'，应为易地扶贫搬迁户（RelocatedHousehold）"
    )


@pytest.mark.parametrize("rule", ["follow_up_checks", "training", "transitional_dibao"])
def test_the_check_date_is_a_date(rule: str) -> None:
    moment = dt.datetime(2021, 1, 1)
    e = refused(getattr(fu, rule), household(), policy(), as_of=moment)
    check_input_error(e, "core.error.date", {})
    assert (e.obj, e.field) == (rule, "as_of")


def test_FOLLOW_1_a_training_after_the_check_date() -> None:
    h = household(member(trainings=(D(2020, 6, 2),)), settled_on=D(2020, 3, 15))
    e = refused(fu.training, h, policy(), as_of=D(2020, 6, 1))
    check_input_error(e, "follow_up.error.training_after_check", {"as_of": D(2020, 6, 1)})
    assert e.text("zh_Hans") == (
        "RelocatedMember P1.trainings：收到 2020-06-02，培训日期不得晚于核查日期2020年6月1日"
    )


# -- FOLLOW-6 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [Decimal("100.1"), 101, True])
def test_FOLLOW_6_integration_degree(bad: object) -> None:
    figures = {
        "relocated_households": 200, "moved_in_households": 200,
        "homesteads_to_vacate": 180, "homesteads_vacated": 179,
        "households_with_labour": 150, "households_supported": 120,
        "integration_degree": bad,
    }  # fmt: skip
    site = pp.ReportingUnit(id="S1", level=pp.UnitLevel.SITE, figures=figures)
    e = refused(fu.three_rates_one_degree, site, policy(SHAANXI))
    check_input_error(e, "follow_up.error.integration_degree", {})
    assert e.text("zh_Hant").startswith("ReportingUnit S1.integration_degree：收到 ")
    assert e.text("zh_Hant").endswith("應為0至100之間的百分數或百分制分數")


# -- FOLLOW-7 -----------------------------------------------------------------------------------


def test_FOLLOW_7_amounts(chengkou: pp.Policy) -> None:
    e = refused(fu.household_industry_topup, chengkou, requested=500)
    check_input_error(e, "core.error.money", {})
    e = refused(fu.industry_subsidy, fu.IndustryKind.OTHER, chengkou, basis=Money(-1))
    check_input_error(e, "core.error.money_negative", {})
    assert (e.obj, e.field) == ("industry_subsidy", "basis")
    e = refused(fu.in_home_business_subsidy, None, chengkou)
    check_input_error(e, "core.error.money", {})


def test_FOLLOW_7_kind_and_pens(chengkou: pp.Policy) -> None:
    e = refused(fu.industry_subsidy, "other", chengkou)
    choices = "IndustryKind.FOREST_GUESTHOUSE, IndustryKind.OTHER"
    check_input_error(e, "core.error.enum", {"choices": choices})
    e = refused(fu.livestock_pen_award, chengkou, pens_built=1)
    check_input_error(e, "core.error.boolean_or_unknown", {})
    assert e.text("zh_Hant") == "livestock_pen_award.pens_built：收到 1，應為是或否；未記錄時不填"


def test_FOLLOW_7_vegetable_plot(chengkou: pp.Policy) -> None:
    e = refused(fu.vegetable_plot_subsidy, 1, chengkou, first_year=2020)
    check_input_error(e, "core.error.area", {})
    e = refused(fu.vegetable_plot_subsidy, Area.zero(), chengkou, first_year=2020)
    check_input_error(e, "core.error.area_positive", {})
    e = refused(fu.vegetable_plot_subsidy, Area.mu("0.1"), chengkou, first_year="2020")
    check_input_error(e, "core.error.year", {})
    assert e.text("en") == (
        "vegetable_plot_subsidy.first_year: got '2020'; expected a calendar year such as 2013"
    )


@pytest.mark.parametrize("bad", [-1, True, 1.0])
def test_FOLLOW_7_FOLLOW_8_counts(chengkou: pp.Policy, bad: object) -> None:
    e = refused(fu.welfare_jobs, {"A": bad}, chengkou)
    check_input_error(e, "core.error.count", {})
    assert (e.obj, e.field) == ("welfare_jobs", "A")
    e = refused(fu.serious_illness_premium, bad, policy())
    check_input_error(e, "core.error.count", {})
    assert (e.obj, e.field) == ("serious_illness_premium", "people")
    e = refused(fu.serious_illness_premium, 1, policy(), years=bad)
    check_input_error(e, "core.error.count", {})
    assert (e.obj, e.field) == ("serious_illness_premium", "years")


def test_FOLLOW_7_placements(chengkou: pp.Policy) -> None:
    e = refused(fu.broker_award, ["P"], chengkou, as_of=D(2020, 6, 1))
    check_input_error(e, "core.error.item", {"item": "Placement"})
    late = pp.Placement(person_id="P", started_on=D(2020, 7, 1))
    e = refused(fu.enterprise_award, [late], chengkou, as_of=D(2020, 6, 1))
    check_input_error(e, "follow_up.error.started_after", {"as_of": D(2020, 6, 1)})
    assert e.text("zh_Hans") == (
        "Placement P.started_on：收到 2020-07-01，就业开始日期不得晚于所问日期2020年6月1日"
    )
