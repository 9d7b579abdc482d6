"""The checklist engine: KPI-1 (city-four-haves-demonstration-towns-2022), KPI-2
(poverty-work-plan-samples 篇2), KPI-3 (篇1), KPI-5 (篇6) and FOLLOW-6 on
both sides of every threshold; not reported is never zero; scorecards per town."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.rules import follow_up as fu
from povertypolicy.rules import indicators as ki

FOUR_HAVES = "city-four-haves-demonstration-towns-2022"
HEALTH = "county-health-poverty-check"
BAZHONG = "sc-bazhong-contiguous-area-plan-2011"
PROJECTS = "town-poverty-project-self-inspection"
SHAANXI = "sn-city-relocation-plan-2019"
DATES = {
    FOUR_HAVES: dt.date(2022, 12, 1),
    HEALTH: dt.date(2020, 1, 1),
    BAZHONG: dt.date(2011, 6, 1),
    PROJECTS: dt.date(2020, 4, 1),
    SHAANXI: dt.date(2019, 11, 1),
}
N, S, U = ki.IndicatorName, ki.Status, pp.UnitLevel


def policy(pack: str) -> pp.Policy:
    return pp.Policy.load(pack, on=DATES[pack])


def score(pack: str, checklist: str, indicator: ki.IndicatorName, level: pp.UnitLevel = U.TOWN,
          **figures: Any) -> ki.Score:  # fmt: skip
    unit = pp.ReportingUnit(id="X", level=level, figures=figures)
    return ki.evaluate(unit, checklist, policy(pack)).value.score(indicator)


def four(indicator: ki.IndicatorName, level: pp.UnitLevel = U.TOWN, **figures: Any) -> ki.Score:
    return score(FOUR_HAVES, "four_haves", indicator, level, **figures)


# -- KPI-1 four haves --------------------------------------------------------------------------

SIX = ("organisation", "staff", "funds", "premises", "work", "rules")


def test_KPI_1_six_in_place_all_six_some_missing_some_unknown() -> None:
    all_six = {f"platform_{k}": True for k in SIX}
    assert four(N.PLATFORM_IN_PLACE, **all_six).status is S.MET
    five = {**all_six, "platform_funds": False}
    s = four(N.PLATFORM_IN_PLACE, **five)
    assert s.status is S.NOT_MET
    assert s.short_by == 1
    unknown = {**all_six, "platform_funds": None}
    s = four(N.PLATFORM_IN_PLACE, **unknown)
    assert s.status is S.NOT_REPORTED
    assert s.missing == (ki.FigureName.PLATFORM_FUNDS,)


@pytest.mark.parametrize(
    ("indicator", "num", "den", "met_at", "figures"),
    [
        (
            N.VILLAGE_STAFF_FULL_TIME,
            12,
            12,
            12,
            ("village_platform_full_time", "village_platform_staff"),
        ),
        (N.FOUR_HAVES_COVERAGE, 10000, 10000, 10000, ("villagers_four_haves", "villagers")),
        (N.TRANSFER_EMPLOYMENT, 1900, 2000, 1900, ("transferred_labour", "surplus_labour")),
        (N.PENSION_ENROLMENT, 5940, 6000, 5940, ("pension_insured", "pension_eligible")),
        (N.MEDICAL_INSURANCE, 9500, 10000, 9500, ("medically_insured", "villagers")),
        (N.TRAINING, 300, 300, 300, ("trained", "training_needed")),
        (N.CERTIFIED_STAFF, 19, 20, 19, ("certified_staff", "full_time_staff")),
    ],
)
def test_KPI_1_rates_on_both_sides_of_the_target(
    indicator: ki.IndicatorName, num: int, den: int, met_at: int, figures: tuple[str, str]
) -> None:
    at = four(indicator, **{figures[0]: met_at, figures[1]: den})
    assert at.status is S.MET
    assert at.short_by == 0
    below = four(indicator, **{figures[0]: met_at - 1, figures[1]: den})
    assert below.status is S.NOT_MET
    assert below.short_by == 1
    assert below.gap == Fraction(100, den)  # one person short is 100/den percentage points


def test_KPI_1_transfer_employment_seed_numbers_and_gap() -> None:
    s = four(N.TRANSFER_EMPLOYMENT, transferred_labour=1899, surplus_labour=2000)
    assert s.value == Fraction(1899 * 100, 2000)
    assert s.threshold == 95
    assert s.gap == Fraction(5, 100)
    assert s.short_by == 1


def test_KPI_1_zero_transfer_families_cleared_is_a_maximum_of_zero() -> None:
    assert four(N.ZERO_TRANSFER_FAMILIES, zero_transfer_families=0).status is S.MET
    s = four(N.ZERO_TRANSFER_FAMILIES, zero_transfer_families=1)
    assert s.status is S.NOT_MET
    assert s.gap == 1


def test_KPI_1_coordinators_per_village_both_sides() -> None:
    assert four(N.COORDINATORS, U.VILLAGE, coordinators=1).status is S.MET
    assert four(N.COORDINATORS, U.VILLAGE, coordinators=0).status is S.NOT_MET


def test_KPI_1_not_reported_is_never_zero_and_zero_denominator_is_not_applicable() -> None:
    missing = four(N.TRANSFER_EMPLOYMENT, transferred_labour=0)
    assert missing.status is S.NOT_REPORTED
    assert missing.missing == (ki.FigureName.SURPLUS_LABOUR,)
    assert four(N.ZERO_TRANSFER_FAMILIES).status is S.NOT_REPORTED
    nobody = four(N.TRAINING, trained=0, training_needed=0)
    assert nobody.status is S.NOT_APPLICABLE


def test_KPI_1_bad_figures_are_refused() -> None:
    with pytest.raises(pp.InputError):
        four(N.TRAINING, trained=301, training_needed=300)
    with pytest.raises(pp.InputError):
        four(N.TRAINING, trained=True, training_needed=300)
    with pytest.raises(pp.InputError):
        four(N.PLATFORM_IN_PLACE, platform_funds=1)
    with pytest.raises(pp.InputError):
        pp.ReportingUnit(id="X", level=U.TOWN, figures={"villagers": -1})
    with pytest.raises(pp.InputError):
        ki.evaluate(pp.ReportingUnit(id="X", level=U.SITE), "four_haves", policy(FOUR_HAVES))


def test_KPI_1_exclusive_bound_in_a_user_pack(tmp_path: Path) -> None:
    path = tmp_path / "city.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-city"
            title = "某市细则"
            issuer = "某市"
            parent = "{FOUR_HAVES}"
            source = {{ document = "city-notice", section = "全文" }}

            [parameters."indicators.four_haves_transfer_employment"]
            unit = "percent"
            bound = "exclusive"
            citation = {{ document = "city-notice", section = "二", quote = "转移就业率超过95%" }}
            values = [{{ from = 2022-01-01, value = "95" }}]
            """
        ),
        encoding="utf-8",
    )
    p = pp.Policy.load(path, on=DATES[FOUR_HAVES])
    unit = pp.ReportingUnit(
        id="T", level=U.TOWN, figures={"transferred_labour": 1900, "surplus_labour": 2000}
    )
    s = ki.evaluate(unit, "four_haves", p).value.score(N.TRANSFER_EMPLOYMENT)
    assert s.status is S.NOT_MET
    assert s.short_by == 1
    unit = pp.ReportingUnit(
        id="T", level=U.TOWN, figures={"transferred_labour": 1901, "surplus_labour": 2000}
    )
    assert ki.evaluate(unit, "four_haves", p).value.score(N.TRANSFER_EMPLOYMENT).status is S.MET


@given(den=st.integers(1, 5000), data=st.data())
def test_KPI_1_property_ratio_status_and_short_by_are_exact(den: int, data: st.DataObject) -> None:
    num = data.draw(st.integers(0, den))
    s = four(N.TRANSFER_EMPLOYMENT, transferred_labour=num, surplus_labour=den)
    assert (s.status is S.MET) == (Fraction(100 * num, den) >= 95)
    assert s.short_by is not None
    more = num + s.short_by
    assert Fraction(100 * more, den) >= 95
    if s.short_by:
        assert Fraction(100 * (more - 1), den) < 95


# -- KPI-2 health check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "figure", "target"),
    [
        (N.INPATIENT_REIMBURSEMENT, "inpatient_reimbursement_pct", Decimal(90)),
        (N.CHRONIC_REIMBURSEMENT, "chronic_reimbursement_pct", Decimal(80)),
    ],
)
def test_KPI_2_reimbursement_ratios_both_sides(
    indicator: ki.IndicatorName, figure: str, target: Decimal
) -> None:
    assert score(HEALTH, "health_check", indicator, **{figure: target}).status is S.MET
    below = score(HEALTH, "health_check", indicator, **{figure: target - Decimal("0.01")})
    assert below.status is S.NOT_MET
    assert below.gap == Fraction(1, 100)
    with pytest.raises(pp.InputError):
        score(HEALTH, "health_check", indicator, **{figure: Decimal("100.01")})


@pytest.mark.parametrize(
    ("indicator", "figure"),
    [
        (N.FAMILY_DOCTOR, "family_doctor_contracted"),
        (N.BASIC_INSURANCE, "basic_insured"),
        (N.SERIOUS_ILLNESS_INSURANCE, "serious_illness_insured"),
        (N.MEDICAL_ASSISTANCE, "medical_assistance_covered"),
    ],
)
def test_KPI_2_everyone_registered_is_covered(indicator: ki.IndicatorName, figure: str) -> None:
    full = score(HEALTH, "health_check", indicator, registered_poor_people=812, **{figure: 812})
    assert full.status is S.MET
    short = score(HEALTH, "health_check", indicator, registered_poor_people=812, **{figure: 811})
    assert short.status is S.NOT_MET
    assert short.short_by == 1


def test_KPI_2_chronic_registry() -> None:
    assert (
        score(
            HEALTH, "health_check", N.CHRONIC_REGISTRY, chronic_patients=40, chronic_registered=40
        ).status
        is S.MET
    )
    assert (
        score(
            HEALTH, "health_check", N.CHRONIC_REGISTRY, chronic_patients=40, chronic_registered=39
        ).status
        is S.NOT_MET
    )


# -- KPI-3 seven haves ------------------------------------------------------------------------


def seven(
    indicator: ki.IndicatorName, level: pp.UnitLevel = U.HOUSEHOLD, **figures: Any
) -> ki.Score:
    return score(BAZHONG, "seven_haves", indicator, level, **figures)


@pytest.mark.parametrize(
    ("indicator", "figure", "at", "below"),
    [
        (N.HOUSE, "house_floor_area", Decimal(80), Decimal("79.99")),
        (N.FARMLAND, "farmland_mu", Decimal(1), Decimal("0.99")),
        (N.ORCHARD, "orchard_mu", Decimal(1), Decimal("0.99")),
        (N.TECH_PERSON, "farm_tech_people", 1, 0),
    ],
)
def test_KPI_3_household_quantities_both_sides(
    indicator: ki.IndicatorName, figure: str, at: Any, below: Any
) -> None:
    assert seven(indicator, **{figure: at}).status is S.MET
    assert seven(indicator, **{figure: below}).status is S.NOT_MET


@pytest.mark.parametrize(
    ("animals", "pigs", "status"),
    [
        (1, 0, S.MET),
        (0, 2, S.MET),
        (0, 1, S.NOT_MET),
        (None, 2, S.MET),
        (0, None, S.NOT_REPORTED),
        (None, None, S.NOT_REPORTED),
    ],
)
def test_KPI_3_one_large_animal_or_two_pigs(
    animals: int | None, pigs: int | None, status: ki.Status
) -> None:
    s = seven(N.LIVESTOCK, large_animals_sold=animals, pigs_sold=pigs)
    assert s.status is status
    assert [p.indicator for p in s.parts] == [N.LARGE_ANIMALS, N.PIGS]


def test_KPI_3_village_office_and_clinic_needs_both() -> None:
    both = seven(N.OFFICE_AND_CLINIC, U.VILLAGE, village_office=True, village_clinic=True)
    assert both.status is S.MET
    one = seven(N.OFFICE_AND_CLINIC, U.VILLAGE, village_office=True, village_clinic=False)
    assert one.status is S.NOT_MET


@pytest.mark.parametrize(
    ("has_school", "standard", "status"),
    [
        (True, True, S.MET),
        (True, False, S.NOT_MET),
        (False, None, S.NOT_APPLICABLE),
        (None, True, S.NOT_REPORTED),
    ],
)
def test_KPI_3_the_existing_school(
    has_school: bool | None, standard: bool | None, status: ki.Status
) -> None:
    assert (
        seven(N.SCHOOL, U.VILLAGE, has_school=has_school, school_standard=standard).status is status
    )


def test_KPI_3_pillar_industry_one_or_more() -> None:
    assert seven(N.PILLAR_INDUSTRY, U.VILLAGE, pillar_industries=1).status is S.MET
    assert seven(N.PILLAR_INDUSTRY, U.VILLAGE, pillar_industries=0).status is S.NOT_MET


# -- KPI-5 project self-inspection --------------------------------------------------------------


def project(indicator: ki.IndicatorName, **figures: Any) -> ki.Score:
    return score(PROJECTS, "self_inspection", indicator, U.PROJECT, **figures)


def test_KPI_5_renovation_procedures_all_three() -> None:
    done = {
        "house_appraisal": True,
        "house_construction_procedures": True,
        "house_completion_acceptance": True,
    }
    assert project(N.HOUSE_PROCEDURES, house_renovation=True, **done).status is S.MET
    gap = {**done, "house_completion_acceptance": False}
    assert project(N.HOUSE_PROCEDURES, house_renovation=True, **gap).status is S.NOT_MET
    assert project(N.HOUSE_PROCEDURES, house_renovation=False).status is S.NOT_APPLICABLE


def test_KPI_5_water_tested_at_least_once_a_year_for_a_central_supply() -> None:
    assert project(N.WATER_TESTS, central_supply=True, water_tests_this_year=1).status is S.MET
    assert project(N.WATER_TESTS, central_supply=True, water_tests_this_year=0).status is S.NOT_MET
    assert project(N.WATER_TESTS, central_supply=False).status is S.NOT_APPLICABLE
    assert project(N.WATER_TESTS, water_tests_this_year=3).status is S.NOT_REPORTED


def test_KPI_5_road_procedures_all_four() -> None:
    four_ok = {
        f"road_{k}": True for k in ("approval", "quality_inspection", "supervision", "acceptance")
    }
    assert project(N.ROAD_PROCEDURES, road_project=True, **four_ok).status is S.MET
    assert (
        project(
            N.ROAD_PROCEDURES, road_project=True, **{**four_ok, "road_supervision": False}
        ).status
        is S.NOT_MET
    )


def test_KPI_5_schedule_as_dates_of_the_year_asked() -> None:
    sched = ki.schedule("self_inspection", 2024, policy(PROJECTS)).value
    task = sched.of(ki.Task.SELF_INSPECTION)
    assert (task.start, task.due) == (dt.date(2024, 4, 16), dt.date(2024, 4, 22))
    assert sched.of(ki.Task.SELF_INSPECTION_REPORT).due == dt.date(2024, 4, 22)
    assert sched.of(ki.Task.INSPECTION_SUMMARY).due == dt.date(2024, 4, 22)
    assert sched.of(ki.Task.WATER_TEST).due == dt.date(2024, 12, 31)
    assert ki.Task.SUPERVISION_REPORT not in {t.task for t in sched.tasks}
    health = ki.schedule("health_check", 2020, policy(HEALTH)).value.of(ki.Task.HEALTH_CHECK)
    assert (health.start, health.due) == (dt.date(2020, 1, 16), dt.date(2020, 1, 22))
    with pytest.raises(pp.InputError):
        ki.schedule("four_haves", 2024, policy(FOUR_HAVES))


def test_KPI_5_a_county_gives_the_garbled_date_and_29_february(tmp_path: Path) -> None:
    path = tmp_path / "town.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-town"
            title = "某镇自查安排"
            issuer = "某镇"
            parent = "{PROJECTS}"
            source = {{ document = "town-notice", section = "全文" }}

            [parameters."indicators.supervision_report_due"]
            unit = "date"
            citation = {{ document = "town-notice", section = "四", quote = "2月29日前报送" }}
            values = [{{ from = 2016-01-01, value = 2016-02-29 }}]
            """
        ),
        encoding="utf-8",
    )
    p = pp.Policy.load(path, on=dt.date(2023, 1, 1))
    assert ki.schedule("self_inspection", 2023, p).value.of(
        ki.Task.SUPERVISION_REPORT
    ).due == dt.date(2023, 2, 28)
    assert ki.schedule("self_inspection", 2024, p).value.of(
        ki.Task.SUPERVISION_REPORT
    ).due == dt.date(2024, 2, 29)


# -- FOLLOW-6 three rates, one degree --------------------------------------------------------------


def test_FOLLOW_6_three_rates_of_a_site_both_sides() -> None:
    figures = {
        "relocated_households": 200, "moved_in_households": 200,
        "homesteads_to_vacate": 180, "homesteads_vacated": 179,
        "households_with_labour": 150, "households_supported": 120,
        "integration_degree": Decimal("86.5"),
    }  # fmt: skip
    site = pp.ReportingUnit(id="S1", level=U.SITE, figures=figures)
    result = fu.three_rates_one_degree(site, policy(SHAANXI))
    scores = {s.indicator: s for s in result.value.scores}
    assert scores[N.OCCUPANCY_RATE].status is S.MET
    assert scores[N.VACATING_RATE].status is S.NOT_MET
    assert scores[N.SUPPORT_RATE].status is S.MET  # 120/150 = 80%, 达到80%
    lower = pp.ReportingUnit(
        id="S1", level=U.SITE, figures={**figures, "households_supported": 119}
    )
    assert (
        ki.evaluate(lower, "three_rates", policy(SHAANXI)).value.score(N.SUPPORT_RATE).status
        is S.NOT_MET
    )
    assert any(s.key == "follow_up.integration.reported" for s in result.steps)
    assert "follow_up.occupancy_due" in {p.name for p in result.params}


# -- scorecards ---------------------------------------------------------------------------------


def _town(**figures: Any) -> pp.ReportingUnit:
    return pp.ReportingUnit(id="T1", level=U.TOWN, figures=figures)


def test_scorecard_counts_villages_and_names_the_failing_ones() -> None:
    villages = [
        pp.ReportingUnit(id=f"V{i}", level=U.VILLAGE, parent_id="T1", figures={"coordinators": c})
        for i, c in enumerate([1, 0, 2, None])
    ]
    card = ki.scorecard(_town(), "four_haves", policy(FOUR_HAVES), members=villages).value
    (tally,) = card.tallies
    assert (tally.units, tally.met, tally.not_met, tally.not_reported) == (4, 2, 1, 1)
    assert tally.not_met_ids == ("V1",)
    assert card.status is S.NOT_MET


def test_scorecard_without_villages_is_not_reported_for_village_items() -> None:
    card = ki.scorecard(_town(), "four_haves", policy(FOUR_HAVES)).value
    assert card.tallies[0].units == 0
    assert card.tallies[0].status is S.NOT_REPORTED


def test_scorecard_refuses_another_towns_village() -> None:
    stray = pp.ReportingUnit(id="V9", level=U.VILLAGE, parent_id="T2")
    with pytest.raises(pp.InputError):
        ki.scorecard(_town(), "four_haves", policy(FOUR_HAVES), members=[stray])


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_scorecard_explains_in_three_locales(locale: str) -> None:
    v = pp.ReportingUnit(id="V1", level=U.VILLAGE, parent_id="T1", figures={"coordinators": 0})
    text = ki.scorecard(
        _town(surplus_labour=100, transferred_labour=94),
        "four_haves",
        policy(FOUR_HAVES),
        members=[v],
    ).explain(locale)
    assert "KPI-1" in text
    assert "V1" in text
    assert "94" in text


@given(codes=st.lists(st.sampled_from([0, 1, 2, None]), max_size=12))
def test_scorecard_property_tallies_add_up(codes: list[int | None]) -> None:
    villages = [
        pp.ReportingUnit(id=f"V{i}", level=U.VILLAGE, parent_id="T1", figures={"coordinators": c})
        for i, c in enumerate(codes)
    ]
    (tally,) = ki.scorecard(
        _town(), "four_haves", policy(FOUR_HAVES), members=villages
    ).value.tallies
    assert tally.met + tally.not_met + tally.not_reported + tally.not_applicable == len(codes)
    assert tally.not_met == codes.count(0)
    assert tally.not_reported == codes.count(None)


# -- KPI-4 fund plan ----------------------------------------------------------------------------


def test_KPI_4_the_four_amounts_add_up_to_the_total() -> None:
    plan = ki.fund_plan(policy(BAZHONG)).value
    assert plan.total == pp.Money("443665000")
    assert plan.adds_up
    assert plan.shares_total == 100
    assert all(line.share_consistent for line in plan.lines)
    assert [str(line.amount) for line in plan.lines] == [
        "150695000.00",
        "181760000.00",
        "40560000.00",
        "70650000.00",
    ]


def test_KPI_4_a_plan_that_does_not_add_up_says_so(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-plan"
            title = "某县资金计划"
            issuer = "某县"
            parent = "{BAZHONG}"
            source = {{ document = "plan", section = "三" }}

            [parameters."indicators.fund_social"]
            unit = "yuan"
            citation = {{ document = "plan", section = "三", quote = "社会事业建设4055万元" }}
            values = [{{ from = 2011-01-01, value = "40550000" }}]
            """
        ),
        encoding="utf-8",
    )
    p = pp.Policy.load(path, on=DATES[BAZHONG])
    result = ki.fund_plan(p)
    assert not result.value.adds_up
    assert result.steps[-1].key == "indicators.fund.does_not_add_up"
    assert result.steps[-1].inputs["difference"] == pp.Money(10000)


def test_KPI_4_split_by_shares_adds_up_and_says_who_took_the_fen() -> None:
    result = ki.split_budget(pp.Money("1000000.01"), policy(BAZHONG))
    split = result.value
    assert [str(p.amount) for p in split.parts] == [
        "340000.00",
        "410000.01",
        "91000.00",
        "159000.00",
    ]
    assert sum((p.amount for p in split.parts), pp.Money(0)) == pp.Money("1000000.01")
    assert [p.took_rounding_fen for p in split.parts] == [False, True, False, False]


def test_KPI_4_split_by_the_plans_amounts() -> None:
    split = ki.split_budget(pp.Money("443665000"), policy(BAZHONG), by="amounts").value
    assert split.amount(ki.FundPart.INFRASTRUCTURE) == pp.Money("150695000")
    with pytest.raises(pp.InputError):
        ki.split_budget(pp.Money(1), policy(BAZHONG), by="votes")


@given(fen=st.integers(0, 10**12), by=st.sampled_from(["shares", "amounts"]))
def test_KPI_4_property_a_split_adds_up_to_the_fen(fen: int, by: str) -> None:
    p = policy(BAZHONG)
    split = ki.split_budget(pp.Money.from_fen(fen), p, by=by).value
    assert sum(part.amount.fen for part in split.parts) == fen
    weights = [Fraction(part.weight) for part in split.parts]
    total = sum(weights)
    for part, w in zip(split.parts, weights, strict=True):
        assert abs(part.amount.fen - fen * w / total) < 1
