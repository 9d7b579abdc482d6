"""The checklist engine's measures step by step (KPI-1..KPI-3, KPI-5, FOLLOW-6): ratios,
numbers and percentages, flags, conditions and alternatives, per outcome the rule ID, message
key, inputs and params of each indicator's step (compared whole)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from povertypolicy import Area, InputError
from povertypolicy.explain import Step
from povertypolicy.rules import indicators as ki

from ._indicators_engine_steps import SIX, F, N, S, U, run
from .test_indicators import BAZHONG, FOUR_HAVES, HEALTH, PROJECTS, SHAANXI, policy


def step_of(r: Any, indicator: ki.IndicatorName) -> Step:
    found = [s for s in r.steps if s.inputs.get("indicator") is indicator]
    assert len(found) == 1
    return found[0]


def param(pack: str, name: str) -> Any:
    return policy(pack).param(name if "." in name.split("_")[0] else f"indicators.{name}")


# -- ratios ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("num", "den", "key", "rate", "gap", "short_by", "status"),
    [
        (18, 20, "short", "90.00", "5.00", 1, S.NOT_MET),
        (19, 20, "met", "95.00", "0.00", 0, S.MET),
        (20, 20, "met", "100.00", "-5.00", 0, S.MET),
        (0, 3, "short", "0.00", "95.00", 3, S.NOT_MET),
        (2, 3, "short", "66.67", "28.33", 1, S.NOT_MET),
    ],
)
def test_ratio_steps(
    num: int, den: int, key: str, rate: str, gap: str, short_by: int, status: ki.Status
) -> None:
    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_transfer_employment")
    r = run(FOUR_HAVES, "four_haves", transferred_labour=num, surplus_labour=den)
    assert step_of(r, N.TRANSFER_EMPLOYMENT) == Step(
        rule="KPI-1",
        key=f"indicators.score.ratio.{key}",
        inputs={
            "indicator": N.TRANSFER_EMPLOYMENT,
            "numerator": num,
            "denominator": den,
            "rate": Decimal(rate),
            "target": target,
            "gap": Decimal(gap),
            "short_by": short_by,
        },
        params=(target,),
    )
    s = r.value.score(N.TRANSFER_EMPLOYMENT)
    assert s == ki.Score(
        indicator=N.TRANSFER_EMPLOYMENT,
        level=U.TOWN,
        status=status,
        value=Fraction(100 * num, den),
        threshold=Fraction(95),
        gap=Fraction(95) - Fraction(100 * num, den),
        short_by=short_by,
    )


def test_ratio_of_nobody_is_not_applicable_and_more_than_all_is_refused() -> None:
    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_transfer_employment")
    r = run(FOUR_HAVES, "four_haves", transferred_labour=0, surplus_labour=0)
    assert step_of(r, N.TRANSFER_EMPLOYMENT) == Step(
        rule="KPI-1",
        key="indicators.score.ratio.none",
        inputs={"indicator": N.TRANSFER_EMPLOYMENT, "figure": F.SURPLUS_LABOUR},
        params=(target,),
    )
    assert r.value.score(N.TRANSFER_EMPLOYMENT) == ki.Score(
        indicator=N.TRANSFER_EMPLOYMENT, level=U.TOWN, status=S.NOT_APPLICABLE
    )
    with pytest.raises(InputError) as exc:
        run(FOUR_HAVES, "four_haves", transferred_labour=21, surplus_labour=20)
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "ReportingUnit X",
        "transferred_labour",
        21,
        "at most surplus_labour (20)",
    )
    ok = run(FOUR_HAVES, "four_haves", transferred_labour=20, surplus_labour=20)
    assert ok.value.score(N.TRANSFER_EMPLOYMENT).status is S.MET


def test_ratio_missing_one_figure() -> None:
    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_transfer_employment")
    for figures, missing in (
        ({"surplus_labour": 3}, (F.TRANSFERRED_LABOUR,)),
        ({"transferred_labour": 3}, (F.SURPLUS_LABOUR,)),
    ):
        r = run(FOUR_HAVES, "four_haves", **figures)
        assert step_of(r, N.TRANSFER_EMPLOYMENT) == Step(
            rule="KPI-1",
            key="indicators.score.not_reported",
            inputs={"indicator": N.TRANSFER_EMPLOYMENT, "missing": missing},
            params=(target,),
        )
        assert r.value.score(N.TRANSFER_EMPLOYMENT) == ki.Score(
            indicator=N.TRANSFER_EMPLOYMENT, level=U.TOWN, status=S.NOT_REPORTED, missing=missing
        )


def test_ratio_with_a_due_date_shows_both_params() -> None:
    p = policy(SHAANXI)
    figures = {"relocated_households": 200, "moved_in_households": 199}
    r = run(SHAANXI, "three_rates", U.SITE, **figures)
    step = step_of(r, N.OCCUPANCY_RATE)
    target = p.param("follow_up.occupancy_rate_min")
    assert step.params == (target, p.param("follow_up.occupancy_due"))
    assert step.key == "indicators.score.ratio.short"
    assert step.inputs["short_by"] == 1
    assert step.inputs["rate"] == Decimal("99.50")
    assert step.rule == "FOLLOW-6"


# -- numbers and percentages -----------------------------------------------------------------


def test_number_steps_over_and_met_on_a_maximum() -> None:
    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_zero_transfer_families")
    for families, key, status in ((2, "over", S.NOT_MET), (0, "met", S.MET)):
        r = run(FOUR_HAVES, "four_haves", zero_transfer_families=families)
        assert step_of(r, N.ZERO_TRANSFER_FAMILIES) == Step(
            rule="KPI-1",
            key=f"indicators.score.number.{key}",
            inputs={
                "indicator": N.ZERO_TRANSFER_FAMILIES,
                "value": families,
                "target": target,
                "gap": families,
            },
            params=(target,),
        )
        assert r.value.score(N.ZERO_TRANSFER_FAMILIES) == ki.Score(
            indicator=N.ZERO_TRANSFER_FAMILIES,
            level=U.TOWN,
            status=status,
            value=Fraction(families),
            threshold=Fraction(0),
            gap=Fraction(families),
        )


def test_number_steps_in_square_metres_and_mu() -> None:
    p = policy(BAZHONG)
    r = run(
        BAZHONG,
        "seven_haves",
        U.HOUSEHOLD,
        house_floor_area=Decimal("24.5"),
        farmland_mu=Decimal("1.5"),
        large_animals_sold=0,
    )
    house = p.param("indicators.seven_haves_house_area")
    assert step_of(r, N.HOUSE) == Step(
        rule="KPI-3",
        key="indicators.score.number.short",
        inputs={
            "indicator": N.HOUSE,
            "value": Area.m2(Decimal("24.5")),
            "target": house,
            "gap": Area.m2(Decimal("55.5")),
        },
        params=(house,),
    )
    farm = p.param("indicators.seven_haves_farmland")
    assert step_of(r, N.FARMLAND) == Step(
        rule="KPI-3",
        key="indicators.score.number.met",
        inputs={
            "indicator": N.FARMLAND,
            "value": Area.mu(Decimal("1.5")),
            "target": farm,
            "gap": Area.mu(Decimal("0.5")),
        },
        params=(farm,),
    )
    assert r.value.score(N.FARMLAND).gap == Fraction(-1, 2)


def test_percent_steps() -> None:
    p = policy(HEALTH)
    r = run(
        HEALTH,
        "health_check",
        inpatient_reimbursement_pct=Decimal("89.5"),
        chronic_reimbursement_pct=80,
    )
    inpatient = p.param("indicators.health_inpatient_reimbursement")
    assert step_of(r, N.INPATIENT_REIMBURSEMENT) == Step(
        rule="KPI-2",
        key="indicators.score.percent.short",
        inputs={
            "indicator": N.INPATIENT_REIMBURSEMENT,
            "value": Decimal("89.50"),
            "target": inpatient,
            "gap": Decimal("0.50"),
        },
        params=(inpatient,),
    )
    chronic = p.param("indicators.health_chronic_reimbursement")
    assert step_of(r, N.CHRONIC_REIMBURSEMENT) == Step(
        rule="KPI-2",
        key="indicators.score.percent.met",
        inputs={
            "indicator": N.CHRONIC_REIMBURSEMENT,
            "value": Decimal("80.00"),
            "target": chronic,
            "gap": Decimal("0.00"),
        },
        params=(chronic,),
    )


def test_a_fractional_number_is_shown_to_two_places() -> None:
    r = run(BAZHONG, "seven_haves", U.HOUSEHOLD, large_animals_sold=3)
    step = step_of(r, N.LARGE_ANIMALS)
    assert step.inputs["value"] == 3
    assert step.inputs["gap"] == 2
    assert step.key == "indicators.score.number.met"


# -- flags --------------------------------------------------------------------------------------


def test_flags_steps() -> None:
    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_platform_in_place")
    r = run(FOUR_HAVES, "four_haves", platform_organisation=True, platform_staff=False)
    assert step_of(r, N.PLATFORM_IN_PLACE) == Step(
        rule="KPI-1",
        key="indicators.score.flags.short",
        inputs={
            "indicator": N.PLATFORM_IN_PLACE,
            "yes": 1,
            "items": 6,
            "target": target,
            "absent": (F.PLATFORM_STAFF,),
        },
        params=(target,),
    )
    missing = (F.PLATFORM_FUNDS, F.PLATFORM_PREMISES, F.PLATFORM_WORK, F.PLATFORM_RULES)
    assert r.value.score(N.PLATFORM_IN_PLACE) == ki.Score(
        indicator=N.PLATFORM_IN_PLACE,
        level=U.TOWN,
        status=S.NOT_MET,
        value=Fraction(1),
        threshold=Fraction(6),
        gap=Fraction(5),
        short_by=5,
        missing=missing,
    )
    all_six = run(FOUR_HAVES, "four_haves", **dict.fromkeys(SIX, True))
    assert step_of(all_six, N.PLATFORM_IN_PLACE).key == "indicators.score.flags.met"
    assert step_of(all_six, N.PLATFORM_IN_PLACE).inputs["absent"] == ()
    assert all_six.value.score(N.PLATFORM_IN_PLACE).short_by == 0
    assert all_six.value.score(N.PLATFORM_IN_PLACE).gap == 0
    # five yes, one unknown: could still be met, so not reported
    five = run(FOUR_HAVES, "four_haves", **dict.fromkeys(SIX[:5], True))
    assert step_of(five, N.PLATFORM_IN_PLACE) == Step(
        rule="KPI-1",
        key="indicators.score.not_reported",
        inputs={"indicator": N.PLATFORM_IN_PLACE, "missing": (F.PLATFORM_RULES,)},
        params=(target,),
    )


# -- conditions and alternatives -------------------------------------------------------------


def test_condition_steps() -> None:
    p = policy(PROJECTS)
    r = run(PROJECTS, "self_inspection", U.PROJECT, water_project=False, central_supply=True,
            water_tests_this_year=1)  # fmt: skip
    assert step_of(r, N.WATER_PROCEDURES) == Step(
        rule="KPI-5",
        key="indicators.score.not_applicable",
        inputs={"indicator": N.WATER_PROCEDURES, "condition": F.WATER_PROJECT},
    )
    assert r.value.score(N.WATER_PROCEDURES) == ki.Score(
        indicator=N.WATER_PROCEDURES, level=U.PROJECT, status=S.NOT_APPLICABLE
    )
    assert step_of(r, N.HOUSE_PROCEDURES) == Step(
        rule="KPI-5",
        key="indicators.score.not_reported",
        inputs={"indicator": N.HOUSE_PROCEDURES, "missing": (F.HOUSE_RENOVATION,)},
        params=(p.param("indicators.project_house_procedures"),),
    )
    assert r.value.score(N.HOUSE_PROCEDURES).missing == (F.HOUSE_RENOVATION,)
    tests = p.param("indicators.project_water_tests_per_year")
    assert step_of(r, N.WATER_TESTS) == Step(
        rule="KPI-5",
        key="indicators.score.number.met",
        inputs={"indicator": N.WATER_TESTS, "value": 1, "target": tests, "gap": 0},
        params=(tests,),
    )
    assert r.steps[-1] == Step(
        rule="KPI-5",
        key="indicators.unit.summary",
        inputs={
            "status": S.NOT_REPORTED,
            "met": 1,
            "not_met": 0,
            "not_reported": 3,
            "not_applicable": 1,
        },
    )


@pytest.mark.parametrize(
    ("large", "pigs", "status"),
    [
        (1, None, S.MET),
        (None, 5, S.MET),
        (0, 0, S.NOT_MET),
        (0, None, S.NOT_REPORTED),
        (None, None, S.NOT_REPORTED),
        (0, 5, S.MET),
    ],
)
def test_either_steps(large: int | None, pigs: int | None, status: ki.Status) -> None:
    figures = {
        k: v for k, v in (("large_animals_sold", large), ("pigs_sold", pigs)) if v is not None
    }
    r = run(BAZHONG, "seven_haves", U.HOUSEHOLD, **figures)
    either = step_of(r, N.LIVESTOCK)
    assert either == Step(
        rule="KPI-3",
        key="indicators.score.either",
        inputs={
            "indicator": N.LIVESTOCK,
            "first": N.LARGE_ANIMALS,
            "second": N.PIGS,
            "status": status,
        },
    )
    i = r.steps.index(either)
    assert r.steps[i - 2].inputs["indicator"] is N.LARGE_ANIMALS
    assert r.steps[i - 1].inputs["indicator"] is N.PIGS
    s = r.value.score(N.LIVESTOCK)
    assert s.status is status
    assert [p.indicator for p in s.parts] == [N.LARGE_ANIMALS, N.PIGS]
    assert s.missing == (*s.parts[0].missing, *s.parts[1].missing)
