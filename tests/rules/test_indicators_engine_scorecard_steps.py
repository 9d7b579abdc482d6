"""The checklist engine's unit and scorecard step by step (KPI-1): the unit head and summary
steps, the scorecard's own, tally and summary steps, and the refusals and rule errors
compared whole."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import InputError, RuleError
from povertypolicy.explain import Step
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.indicators.engine import ChecklistName, Scorecard, Tally
from tests.error_texts import check_rule_error

from ._indicators_engine_steps import N, S, U, run, unit
from .test_indicators import BAZHONG, FOUR_HAVES, HEALTH, policy

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
