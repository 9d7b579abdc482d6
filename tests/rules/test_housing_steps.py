"""HOUSE-1..HOUSE-5: per branch, the rule ID, message key, inputs, parameters and notes of
every step, so that a wrong explanation fails a test even when the amount is right.

The inline traces name each branch's steps; ``snapshots/housing_steps.json`` holds the full
structured steps (no wording: catalogs may change without touching it) and the value.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Milestone, Money
from povertypolicy.domain.convert import jsonable
from povertypolicy.explain.result import Result
from povertypolicy.rules.housing import (
    earliest_approval,
    eligibility,
    housing_subsidy,
    release_tranches,
)

from .test_housing import ON, PACK, _built, household, mover

D = dt.date
SNAPSHOT = Path(__file__).parent / "snapshots" / "housing_steps.json"
policy = pp.Policy.load(PACK, on=ON)
sub = housing_subsidy(household(4), policy).value


APPLIED = D(2011, 3, 20)


def hh(*members: pp.Person, applied: dt.date | None = APPLIED) -> pp.Household:
    return pp.Household(id="H", members=list(members), relocation_applied_on=applied)


SCENARIOS: dict[str, Callable[[], Result[Any]]] = {
    "elig_all": lambda: eligibility(household(2), policy),
    "elig_born_late": lambda: eligibility(hh(mover("P1"), mover("P2", born=D(2011, 4, 1))), policy),
    "elig_hukou": lambda: eligibility(hh(mover("P1", hukou=pp.HukouType.NON_AGRICULTURAL)), policy),
    "elig_not_local": lambda: eligibility(hh(mover("P1", registered_locally=False)), policy),
    "elig_moved_away": lambda: eligibility(hh(mover("P1", lives_in_area=False)), policy),
    "elig_unrecorded": lambda: eligibility(hh(mover("P1", hukou=None)), policy),
    "elig_not_applied": lambda: eligibility(hh(mover("P1"), applied=None), policy),
    "posting": lambda: earliest_approval(D(2011, 4, 1), policy),
    "subsidy_4": lambda: housing_subsidy(household(4), policy),
    "subsidy_3": lambda: housing_subsidy(household(3), policy),
    "release_in_order": lambda: release_tranches(
        sub,
        pp.BuildProgress(foundation_accepted_on=D(2011, 6, 10), first_storey_on=D(2011, 7, 20)),
        policy,
        as_of=D(2011, 8, 1),
    ),
    "release_paid": lambda: release_tranches(
        sub,
        pp.BuildProgress(
            foundation_accepted_on=D(2011, 6, 10),
            first_storey_on=D(2011, 7, 20),
            paid=[Milestone.FOUNDATION],
        ),
        policy,
        as_of=D(2011, 8, 1),
    ),
    "release_waiting": lambda: release_tranches(
        sub,
        pp.BuildProgress(
            foundation_accepted_on=D(2011, 6, 10),
            old_house_demolished_on=D(2011, 12, 1),
            demolished_by_township=False,
        ),
        policy,
        as_of=D(2011, 12, 5),
    ),
    "township_on_time": lambda: release_tranches(
        sub,
        _built(
            old_house_demolished_on=D(2011, 12, 30),
            demolished_by_township=True,
            demolition_cost=Money("800"),
        ),
        policy,
        as_of=D(2012, 1, 5),
    ),
    "township_late": lambda: release_tranches(
        sub,
        _built(
            old_house_demolished_on=D(2011, 12, 31),
            demolished_by_township=True,
            demolition_cost=Money("800"),
        ),
        policy,
        as_of=D(2012, 1, 5),
    ),
    "township_owed": lambda: release_tranches(
        sub,
        _built(
            old_house_demolished_on=D(2012, 1, 3),
            demolished_by_township=True,
            demolition_cost=Money("1500.50"),
        ),
        policy,
        as_of=D(2012, 1, 5),
    ),
    "township_deducts_unreached": lambda: release_tranches(
        sub,
        pp.BuildProgress(
            foundation_accepted_on=D(2011, 6, 1),
            first_storey_on=D(2011, 7, 1),
            old_house_demolished_on=D(2012, 1, 5),
            demolished_by_township=True,
            demolition_cost=Money("1500"),
            paid=[Milestone.FOUNDATION],
        ),
        policy,
        as_of=D(2012, 1, 10),
    ),
    "household_on_time": lambda: release_tranches(
        sub,
        _built(old_house_demolished_on=D(2011, 12, 20), demolished_by_township=False),
        policy,
        as_of=D(2011, 12, 21),
    ),
    "household_late": lambda: release_tranches(
        sub,
        _built(old_house_demolished_on=D(2012, 1, 2), demolished_by_township=False),
        policy,
        as_of=D(2012, 1, 3),
    ),
    "standing": lambda: release_tranches(sub, _built(), policy, as_of=D(2012, 1, 2)),
    "pending": lambda: release_tranches(sub, _built(), policy, as_of=D(2011, 12, 30)),
}


def trace(r: Result[Any]) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return [(s.rule, s.key, tuple((n.kind.value, n.key) for n in s.notes)) for s in r.steps]


def structured(r: Result[Any]) -> dict[str, Any]:
    return {
        "value": jsonable(r.value),
        "steps": [
            {
                "rule": s.rule,
                "key": s.key,
                "inputs": jsonable(dict(s.inputs)),
                "params": [p.name for p in s.params],
                "notes": [[n.kind.value, n.key, jsonable(dict(n.args))] for n in s.notes],
            }
            for s in r.steps
        ],
    }


E1 = ("HOUSE-1", "housing.member.eligible", ())
N1 = ("HOUSE-1", "housing.member.ineligible", ())
U1 = ("HOUSE-1", "housing.member.undetermined", ())
SUM = ("HOUSE-1", "housing.eligibility.summary", ())
SUM_U = ("HOUSE-1", "housing.eligibility.summary", (("warning", "housing.note.undetermined"),))
SUBSIDY = [
    ("HOUSE-2", "housing.gross", ()),
    ("HOUSE-2", "housing.by_level", ()),
    ("HOUSE-2", "housing.withheld", ()),
    *[("HOUSE-3", "housing.tranche", ())] * 4,
    ("HOUSE-3", "housing.tranches_total", (("rounding", "housing.note.no_rounding"),)),
    ("HOUSE-5", "housing.timber", ()),
]
PAID = ("HOUSE-3", "housing.release.paid", ())
PAYABLE = ("HOUSE-3", "housing.release.payable", ())
NOT_REACHED = ("HOUSE-3", "housing.release.not_reached", ())
WAITING = ("HOUSE-3", "housing.release.waiting", ())
RELEASED = ("HOUSE-3", "housing.release.summary", ())


def demolition(key: str, *notes: tuple[str, str]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return ("HOUSE-4", f"housing.demolition.{key}", tuple(notes))


TRACES: dict[str, list[Any]] = {
    "elig_all": [E1, E1, SUM],
    "elig_born_late": [E1, N1, SUM],
    "elig_hukou": [N1, SUM],
    "elig_not_local": [N1, SUM],
    "elig_moved_away": [N1, SUM],
    "elig_unrecorded": [U1, SUM_U],
    "elig_not_applied": [U1, SUM_U],
    "posting": [
        ("HOUSE-1", "housing.posting", (("convention", "housing.note.posting_civil_code"),))
    ],
    "subsidy_4": [E1] * 4 + [SUM, *SUBSIDY],
    "subsidy_3": [E1] * 3 + [SUM, *SUBSIDY],
    "release_in_order": [
        demolition("pending"),
        PAYABLE,
        PAYABLE,
        NOT_REACHED,
        NOT_REACHED,
        RELEASED,
    ],
    "release_paid": [demolition("pending"), PAID, PAYABLE, NOT_REACHED, NOT_REACHED, RELEASED],
    "release_waiting": [
        demolition("on_time"),
        PAYABLE,
        NOT_REACHED,
        NOT_REACHED,
        WAITING,
        RELEASED,
    ],
    "township_on_time": [
        demolition("township_early", ("warning", "housing.note.township_early")),
        PAID,
        PAID,
        PAID,
        PAYABLE,
        RELEASED,
    ],
    "township_late": [
        demolition("township"),
        demolition("deducted"),
        PAID,
        PAID,
        PAID,
        PAYABLE,
        RELEASED,
    ],
    "township_owed": [
        demolition("township"),
        demolition("deducted"),
        demolition("owed"),
        PAID,
        PAID,
        PAID,
        PAYABLE,
        RELEASED,
    ],
    "township_deducts_unreached": [
        demolition("township"),
        demolition("deducted"),
        demolition("deducted"),
        PAID,
        PAYABLE,
        NOT_REACHED,
        WAITING,
        RELEASED,
    ],
    "household_on_time": [demolition("on_time"), PAID, PAID, PAID, PAYABLE, RELEASED],
    "household_late": [demolition("late_by_household"), PAID, PAID, PAID, PAYABLE, RELEASED],
    "standing": [demolition("overdue"), PAID, PAID, PAID, NOT_REACHED, RELEASED],
    "pending": [demolition("pending"), PAID, PAID, PAID, NOT_REACHED, RELEASED],
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_each_branch_names_its_rule_message_and_notes(name: str) -> None:
    assert trace(SCENARIOS[name]()) == TRACES[name]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_each_branch_records_its_inputs_parameters_and_value(name: str) -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]
    assert structured(SCENARIOS[name]()) == expected


@pytest.mark.parametrize(
    ("person", "failed"),
    [
        (mover("P1", born=D(2011, 4, 1)), ["born_before_cutoff"]),
        (mover("P1", hukou=pp.HukouType.NON_AGRICULTURAL), None),
        (mover("P1", registered_locally=False), None),
        (mover("P1", lives_in_area=False), None),
    ],
)
def test_an_ineligible_member_names_the_failed_condition(
    person: pp.Person, failed: list[str] | None
) -> None:
    step = eligibility(hh(person), policy).steps[0]
    assert step.key == "housing.member.ineligible"
    assert len(jsonable(step.inputs["failed"])) == 1
    if failed is not None:
        assert jsonable(step.inputs["failed"]) == failed
        assert step.inputs["birth_date"] == person.birth_date


def test_the_snapshot_covers_every_scenario() -> None:
    assert set(json.loads(SNAPSHOT.read_text(encoding="utf-8"))) == set(SCENARIOS) == set(TRACES)


def test_money_and_milestones_are_the_expected_types() -> None:
    r = release_tranches(
        sub,
        _built(
            old_house_demolished_on=D(2012, 1, 3),
            demolished_by_township=True,
            demolition_cost=Money("1500.50"),
        ),
        policy,
        as_of=D(2012, 1, 5),
    )
    assert [t.milestone for t in r.value.tranches] == list(Milestone)
    assert earliest_approval(D(2011, 4, 1), policy).value > D(2011, 4, 1)
