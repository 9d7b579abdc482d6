"""The checklist engine step by step (KPI-1..KPI-3, KPI-5, FOLLOW-6): per measure and outcome
the rule ID, message key, inputs and params of each indicator's step (compared whole), the
unit and scorecard head and summary steps, and the refusals compared whole."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Area, InputError, RuleError
from povertypolicy.explain import Step
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.indicators.engine import ChecklistName, Scorecard, Tally
from tests.error_texts import check_rule_error

from .test_indicators import BAZHONG, FOUR_HAVES, HEALTH, PROJECTS, SHAANXI, policy

N, F, S, U = ki.IndicatorName, ki.FigureName, ki.Status, pp.UnitLevel


def unit(
    level: pp.UnitLevel = U.TOWN, uid: str = "X", parent_id: str | None = None, **figures: Any
) -> pp.ReportingUnit:
    return pp.ReportingUnit(id=uid, level=level, figures=figures, parent_id=parent_id)


def run(pack: str, cl: str, level: pp.UnitLevel = U.TOWN, **figures: Any) -> Any:
    return ki.evaluate(unit(level, **figures), cl, policy(pack))


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

SIX = (
    "platform_organisation",
    "platform_staff",
    "platform_funds",
    "platform_premises",
    "platform_work",
    "platform_rules",
)


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


# -- the unit ------------------------------------------------------------------------------------


def test_unit_head_and_summary() -> None:
    r = run(FOUR_HAVES, "four_haves", transferred_labour=19, surplus_labour=20,
            zero_transfer_families=2)  # fmt: skip
    assert r.steps[0] == Step(
        rule="KPI-1",
        key="indicators.unit.head",
        inputs={"unit": "X", "level": U.TOWN, "checklist": ChecklistName.FOUR_HAVES},
    )
    assert r.steps[-1] == Step(
        rule="KPI-1",
        key="indicators.unit.summary",
        inputs={"status": S.NOT_MET, "met": 1, "not_met": 1, "not_reported": 7,
                "not_applicable": 0},
    )  # fmt: skip
    assert len(r.steps) == 2 + 9
    assert r.value.unit_id == "X"
    assert r.value.checklist == "four_haves"
    assert [c.value for c in ChecklistName] == [
        "four_haves", "health_check", "seven_haves", "self_inspection", "three_rates",
    ]  # fmt: skip


def test_a_checklist_of_ones_own_keeps_its_id() -> None:
    import attrs

    mine = attrs.evolve(ki.FOUR_HAVES, id="my_list")
    r = ki.evaluate(unit(), mine, policy(FOUR_HAVES))
    assert r.steps[0].inputs["checklist"] == "my_list"
    assert r.value.checklist == "my_list"


def test_evaluate_refuses_a_level_not_in_the_checklist() -> None:
    with pytest.raises(InputError) as exc:
        ki.evaluate(unit(U.SITE), "four_haves", policy(FOUR_HAVES))
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "rules.indicators.evaluate",
        "unit.level",
        U.SITE,
        "a level of the four_haves checklist: ['town', 'village']",
    )


@pytest.mark.parametrize(
    ("figure", "value", "expected"),
    [
        ("platform_staff", 1, "True or False"),
        ("surplus_labour", True, "a whole number >= 0"),
        ("surplus_labour", Decimal("2.5"), "a whole number >= 0"),
        ("inpatient_reimbursement_pct", True, "a percentage from 0 to 100"),
        ("inpatient_reimbursement_pct", Decimal("100.5"), "a percentage from 0 to 100"),
        ("house_floor_area", True, "a number >= 0"),
    ],
)
def test_a_figure_of_the_wrong_kind_is_refused(figure: str, value: Any, expected: str) -> None:
    where = {
        "platform_staff": (FOUR_HAVES, "four_haves", U.TOWN),
        "surplus_labour": (FOUR_HAVES, "four_haves", U.TOWN),
        "inpatient_reimbursement_pct": (HEALTH, "health_check", U.TOWN),
        "house_floor_area": (BAZHONG, "seven_haves", U.HOUSEHOLD),
    }[figure]
    pack, cl, level = where
    with pytest.raises(InputError) as exc:
        ki.evaluate(unit(level, **{figure: value}), cl, policy(pack))
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == ("ReportingUnit X", figure, value, expected)


def test_percent_of_100_is_accepted() -> None:
    r = run(HEALTH, "health_check", inpatient_reimbursement_pct=100)
    assert r.value.score(N.INPATIENT_REIMBURSEMENT).status is S.MET


# -- the scorecard -------------------------------------------------------------------------------


def test_scorecard_steps() -> None:
    p = policy(FOUR_HAVES)
    town = unit(uid="T1", zero_transfer_families=0)
    villages = [
        unit(U.VILLAGE, "V1", coordinators=1, parent_id="T1"),
        unit(U.VILLAGE, "V2", coordinators=0),
        unit(U.VILLAGE, "V3"),
    ]
    r = ki.scorecard(town, "four_haves", p, members=villages)
    own = ki.evaluate(town, "four_haves", p)
    assert r.steps[0] == Step(
        rule="KPI-1",
        key="indicators.scorecard.head",
        inputs={"unit": "T1", "checklist": ChecklistName.FOUR_HAVES, "members": 3},
    )
    assert r.steps[1:-2] == own.steps[1:-1]
    assert r.steps[-2] == Step(
        rule="KPI-1",
        key="indicators.scorecard.tally",
        inputs={
            "indicator": N.COORDINATORS,
            "level": U.VILLAGE,
            "units": 3,
            "met": 1,
            "not_met": 1,
            "not_reported": 1,
            "not_applicable": 0,
            "failing": ("V2",),
        },
        params=(p.param("indicators.four_haves_coordinators"),),
    )
    tally = Tally(
        indicator=N.COORDINATORS,
        level=U.VILLAGE,
        units=3,
        met=1,
        not_met=1,
        not_reported=1,
        not_applicable=0,
        not_met_ids=("V2",),
        not_reported_ids=("V3",),
    )
    assert r.value == Scorecard(
        unit_id="T1",
        checklist="four_haves",
        own=own.value,
        tallies=(tally,),
        members=tuple(ki.evaluate(v, "four_haves", p).value for v in villages),
    )
    statuses = [s.status for s in own.value.scores] + [S.NOT_MET]
    assert r.steps[-1] == Step(
        rule="KPI-1",
        key="indicators.scorecard.summary",
        inputs={
            "unit": "T1",
            "status": S.NOT_MET,
            "met": statuses.count(S.MET),
            "not_met": statuses.count(S.NOT_MET),
            "not_reported": statuses.count(S.NOT_REPORTED),
        },
    )
    assert r.value.status is S.NOT_MET


def test_scorecard_without_members_and_without_own_indicators() -> None:
    import attrs

    p = policy(FOUR_HAVES)
    villages_only = attrs.evolve(
        ki.FOUR_HAVES,
        id="villages_only",
        indicators=tuple(i for i in ki.FOUR_HAVES.indicators if i.level is U.VILLAGE),
    )
    town = unit(uid="T1")
    r = ki.scorecard(town, villages_only, p)
    assert r.value.own is None
    assert r.value.members == ()
    assert r.steps == (
        Step(
            rule="KPI-1",
            key="indicators.scorecard.head",
            inputs={"unit": "T1", "checklist": "villages_only", "members": 0},
        ),
        Step(
            rule="KPI-1",
            key="indicators.scorecard.no_units",
            inputs={
                "indicator": N.COORDINATORS,
                "level": U.VILLAGE,
                "units": 0,
                "met": 0,
                "not_met": 0,
                "not_reported": 0,
                "not_applicable": 0,
                "failing": (),
            },
            params=(p.param("indicators.four_haves_coordinators"),),
        ),
        Step(
            rule="KPI-1",
            key="indicators.scorecard.summary",
            inputs={"unit": "T1", "status": S.NOT_REPORTED, "met": 0, "not_met": 0,
                    "not_reported": 1},
        ),
    )  # fmt: skip
    assert r.value.tallies[0].status is S.NOT_REPORTED
    assert r.value.status is S.NOT_REPORTED
    # members of a level with no indicators in the list are not scored
    r = ki.scorecard(town, villages_only, p, members=[unit(U.PROJECT, "P1")])
    assert r.value.members == ()
    assert r.steps[0].inputs["members"] == 1


def test_scorecard_refusals_compared_whole() -> None:
    p = policy(FOUR_HAVES)
    town = unit(uid="T1")

    def refused(member: pp.ReportingUnit) -> tuple[object, ...]:
        with pytest.raises(InputError) as exc:
            ki.scorecard(town, "four_haves", p, members=[member])
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    assert refused(unit(U.VILLAGE, "V9", parent_id="T2")) == (
        "rules.indicators.scorecard",
        "members",
        "V9",
        "a unit of T1 (its parent_id is T2)",
    )
    assert refused(unit(U.TOWN, "T2")) == (
        "rules.indicators.scorecard",
        "members",
        "T2",
        "a unit below the town level",
    )


def test_tally_and_scorecard_status() -> None:
    def tally(**kw: int) -> Tally:
        counts = {"units": 0, "met": 0, "not_met": 0, "not_reported": 0, "not_applicable": 0}
        counts.update(kw)
        return Tally(indicator=N.COORDINATORS, level=U.VILLAGE, not_met_ids=(),
                     not_reported_ids=(), **counts)  # fmt: skip

    assert tally().status is S.NOT_REPORTED
    assert tally(units=2, met=1, not_met=1).status is S.NOT_MET
    assert tally(units=2, met=1, not_reported=1).status is S.NOT_REPORTED
    assert tally(units=1, met=1).status is S.MET
    assert tally(units=1, not_applicable=1).status is S.NOT_APPLICABLE
    card = Scorecard(unit_id="T", checklist="x", own=None, tallies=(tally(units=1, met=1),),
                     members=())  # fmt: skip
    assert card.status is S.MET


def test_a_flags_target_above_the_items_is_a_rule_error(tmp_path: Any) -> None:
    import textwrap

    path = tmp_path / "town.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-town"
            title = "某镇"
            issuer = "某镇"
            parent = "{FOUR_HAVES}"
            source = {{ document = "town-notice", section = "全文" }}

            [parameters."indicators.four_haves_platform_in_place"]
            unit = "count"
            bound = "inclusive"
            citation = {{ document = "town-notice", section = "一" }}
            values = [{{ from = 2022-01-01, value = 7 }}]
            """
        ),
        encoding="utf-8",
    )
    p = pp.Policy.load(path, on=policy(FOUR_HAVES).on)
    with pytest.raises(RuleError) as exc:
        ki.evaluate(unit(), "four_haves", p)
    assert exc.value.rule == "KPI-1"
    assert str(exc.value.message) == (
        "indicators.four_haves_platform_in_place asks for 7 items but the checklist lists 6"
    )
    shown = {"param": "indicators.four_haves_platform_in_place", "required": 7, "listed": 6}
    check_rule_error(exc.value, "indicators.error.too_few_items", shown)


# -- the helpers on both sides of every threshold reading --------------------------------------


def _ratio_param(side: Any, bound: Any, value: str) -> Any:
    import attrs

    p = policy(FOUR_HAVES).param("indicators.four_haves_transfer_employment")
    return attrs.evolve(p, threshold=side, bound=bound, value=Decimal(value))


@pytest.mark.parametrize(
    ("side", "bound", "value", "num", "den", "expected"),
    [
        # at least 95% of 20 (19); more than 95% (20); at least 95% of 7 (6.65 → 7)
        ("lower", "inclusive", "95", 18, 20, 1),
        ("lower", "inclusive", "95", 19, 20, 0),
        ("lower", "exclusive", "95", 18, 20, 2),
        ("lower", "exclusive", "95", 19, 20, 1),
        ("lower", "inclusive", "95", 5, 7, 2),
        ("lower", "exclusive", "95", 5, 7, 2),
        ("lower", "exclusive", "100", 5, 7, None),  # more than 100%: never
        ("lower", "inclusive", "100", 7, 7, 0),
        # at most 10% of 20 (2); less than 10% (1); at most 10% of 7 (0.7 → 0)
        ("upper", "inclusive", "10", 5, 20, 3),
        ("upper", "exclusive", "10", 5, 20, 4),
        ("upper", "inclusive", "10", 2, 20, 0),
        ("upper", "inclusive", "10", 3, 7, 3),
        ("upper", "exclusive", "10", 3, 7, 3),
        ("upper", "exclusive", "0", 3, 7, None),  # less than 0%: never
        ("upper", "inclusive", "0", 3, 7, 3),
    ],
)
def test_ratio_short_by(
    side: str, bound: str, value: str, num: int, den: int, expected: int | None
) -> None:
    from povertypolicy.policy import Bound, Side
    from povertypolicy.rules.indicators.engine import _ratio_short_by

    p = _ratio_param(Side(side), Bound(bound), value)
    assert _ratio_short_by(p, num, den) == expected


def test_an_unreachable_ratio_step() -> None:
    import attrs

    from povertypolicy.policy import Bound

    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_transfer_employment")
    cl = ki.FOUR_HAVES
    ind = next(i for i in cl.indicators if i.id is N.TRANSFER_EMPLOYMENT)
    from povertypolicy.rules.indicators.engine import _score_ratio

    never = attrs.evolve(target, bound=Bound.EXCLUSIVE, value=Decimal("100"))
    u = unit(transferred_labour=3, surplus_labour=4)
    score, step = _score_ratio(ind, u, cl, never, (never,))
    assert step.key == "indicators.score.ratio.unreachable"
    assert step.inputs["short_by"] is None
    assert score.short_by is None
    assert score.status is S.NOT_MET


def test_number_and_shown_number() -> None:
    import attrs

    from povertypolicy.rules.indicators.engine import _number, _shown_number

    p = policy(FOUR_HAVES)
    count = p.param("indicators.four_haves_zero_transfer_families")
    ind = next(i for i in ki.FOUR_HAVES.indicators if i.id is N.ZERO_TRANSFER_FAMILIES)
    assert _number(ind, count) == 0
    assert _number(ind, attrs.evolve(count, value=Decimal("2.5"))) == Fraction(5, 2)
    for bad in ("two", True):
        with pytest.raises(RuleError) as exc:
            _number(ind, attrs.evolve(count, value=bad))
        assert exc.value.rule == "KPI-1"
        assert (
            str(exc.value.message) == "indicators.four_haves_zero_transfer_families is not a number"
        )
        shown = {"param": "indicators.four_haves_zero_transfer_families"}
        check_rule_error(exc.value, "indicators.error.not_a_number", shown)
    whole = _shown_number(count, Fraction(3))
    assert (whole, type(whole)) == (3, int)
    part = _shown_number(count, Fraction(5, 2))
    assert (part, type(part)) == (Decimal("2.50"), Decimal)
    assert str(_shown_number(count, Fraction(1, 3))) == "0.33"


def test_scorecard_refuses_what_is_not_a_unit() -> None:
    p = policy(FOUR_HAVES)
    for town, members, field in (("T1", [], "town"), (unit(uid="T1"), ["V1"], "members")):
        with pytest.raises(InputError) as exc:
            ki.scorecard(town, "four_haves", p, members=members)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.expected) == ("rules.indicators", field, "a ReportingUnit")


def test_a_tally_counts_each_status() -> None:
    import attrs

    from povertypolicy.rules.indicators.checklists import _checklist as build

    # the village indicator of the four haves, made conditional (the shipped conditional
    # checklists are not KPI-1's, and the catalogue lists scorecard() under KPI-1)
    coord = next(i for i in ki.FOUR_HAVES.indicators if i.id is N.COORDINATORS)
    cl = build("conditional", "KPI-1", attrs.evolve(coord, applies_when=F.HAS_SCHOOL))
    p = policy(FOUR_HAVES)
    villages = [
        unit(U.VILLAGE, "V1", has_school=False),
        unit(U.VILLAGE, "V2", has_school=False, coordinators=0),
        unit(U.VILLAGE, "V3", has_school=True, coordinators=1),
        unit(U.VILLAGE, "V4", has_school=True, coordinators=0),
        unit(U.VILLAGE, "V5", has_school=True),
    ]
    r = ki.scorecard(unit(uid="T1"), cl, p, members=villages)
    (t,) = r.value.tallies
    assert t == Tally(
        indicator=N.COORDINATORS,
        level=U.VILLAGE,
        units=5,
        met=1,
        not_met=1,
        not_reported=1,
        not_applicable=2,
        not_met_ids=("V4",),
        not_reported_ids=("V5",),
    )
    step = next(s for s in r.steps if s.key == "indicators.scorecard.tally")
    assert step.inputs["not_applicable"] == 2
    assert step.inputs["failing"] == ("V4",)
    assert step.rule == "KPI-1"


def test_gap_on_each_side() -> None:
    from povertypolicy.policy import Bound, Side
    from povertypolicy.rules.indicators.engine import _gap

    lower = _ratio_param(Side.LOWER, Bound.INCLUSIVE, "3")
    upper = _ratio_param(Side.UPPER, Bound.INCLUSIVE, "3")
    assert _gap(lower, Fraction(5), Fraction(3)) == -2
    assert _gap(upper, Fraction(5), Fraction(3)) == 2
    assert _gap(upper, Fraction(1), Fraction(3)) == -2


@pytest.mark.parametrize(
    ("flags", "status", "key"),
    [
        # at most 1 of the six platform items
        ({"platform_staff": True}, S.NOT_REPORTED, None),  # 1 yes, 5 unknown: could be 6
        (dict.fromkeys(SIX[:5], False) | {"platform_rules": True}, S.MET, "met"),
        (dict.fromkeys(SIX[:5], False), S.MET, "met"),  # 0 yes, 1 unknown: at most 1
        (dict.fromkeys(SIX[:4], False), S.NOT_REPORTED, None),  # 0 yes, 2 unknown
        ({"platform_staff": True, "platform_funds": True}, S.NOT_MET, "over"),  # 2 yes
        (dict.fromkeys(SIX[:2], True) | dict.fromkeys(SIX[2:], False), S.NOT_MET, "over"),
    ],
)
def test_flags_at_most(flags: dict[str, bool], status: ki.Status, key: str | None) -> None:
    """A maximum on flags: met only when it holds with every unknown item present; not met
    only when the items present already pass it (a fixed bug: unknowns made it not met)."""
    import attrs

    from povertypolicy.policy import Side
    from povertypolicy.rules.indicators.engine import _score_flags

    p = policy(FOUR_HAVES).param("indicators.four_haves_platform_in_place")
    most = attrs.evolve(p, threshold=Side.UPPER, value=1)
    ind = next(i for i in ki.FOUR_HAVES.indicators if i.id is N.PLATFORM_IN_PLACE)
    u = unit(**flags)
    score, step = _score_flags(ind, u, ki.FOUR_HAVES, most, (most,))
    assert score.status is status
    if key is None:
        assert step.key == "indicators.score.not_reported"
        return
    yes = sum(1 for v in flags.values() if v)
    assert step.key == f"indicators.score.flags.{key}"
    assert step.inputs["yes"] == yes
    assert score.gap == yes - 1
    if status is S.MET:
        assert score.short_by == 0
    else:  # over the maximum: how many items too many
        assert score.short_by == yes - 1
