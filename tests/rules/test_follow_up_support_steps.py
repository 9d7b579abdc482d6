"""FOLLOW-1, FOLLOW-2, FOLLOW-3 and FOLLOW-8 (support.py) step by step: training, stable
employment, the transitional dibao and the serious-illness premium, per branch the rule ID,
message key, inputs, parameters, notes and citation; the refusals compared whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import follow_up as fu

from ._follow_up_steps import SETTLED, D, fu_, member, refusal, relocated, view
from ._follow_up_steps import support_policy as support_policy  # fixture

# -- FOLLOW-1, -2, -3 (support.py) ------------------------------------------------------------

DEADLINE = D(2021, 3, 15)  # a year from the day after settling, inclusive


@pytest.mark.parametrize(
    ("facts", "as_of", "state", "counted", "first"),
    [
        ({"trainings": (DEADLINE,)}, D(2021, 6, 1), "trained", 1, DEADLINE),  # on the last day
        ({"trainings": (DEADLINE + dt.timedelta(1),)}, D(2021, 6, 1), "overdue", 0, None),
        ({"trainings": (SETTLED,)}, D(2021, 6, 1), "trained", 1, SETTLED),  # the settling day
        ({"trainings": (SETTLED - dt.timedelta(1),)}, D(2021, 6, 1), "overdue", 0, None),
        ({"trainings": ()}, DEADLINE, "due", 0, None),  # the deadline itself: still due
        ({"trainings": ()}, DEADLINE + dt.timedelta(1), "overdue", 0, None),
        (
            {"trainings": (D(2020, 9, 1), D(2020, 5, 1))},
            D(2021, 6, 1),
            "trained",
            2,
            D(2020, 5, 1),
        ),
        ({"trainings": None}, D(2021, 6, 1), "not_recorded", 0, None),
        ({"wants_training": None}, D(2021, 6, 1), "not_recorded", 0, None),
        ({"wants_training": False, "trainings": None}, D(2021, 6, 1), "not_wanted", 0, None),
        (
            {"labour_capacity": pp.LabourCapacity.NONE, "wants_training": True},
            D(2021, 6, 1),
            "not_a_worker",
            0,
            None,
        ),
    ],
)
def test_FOLLOW_1_member_steps(
    support_policy: pp.Policy,
    facts: dict[str, Any],
    as_of: dt.date,
    state: str,
    counted: int,
    first: dt.date | None,
) -> None:
    r = fu.training(relocated(member("P1", **facts)), support_policy, as_of=as_of)
    assert r.value.members == (
        fu.MemberTraining(
            person_id="P1", state=fu.TrainingState(state), counted=counted, first_on=first
        ),
    )
    assert r.value.state is fu.TrainingState(state)
    assert (r.value.settled_on, r.value.deadline) == (SETTLED, DEADLINE)
    years = fu_("training_within_years")
    assert view(r) == [
        (
            "FOLLOW-1",
            "follow_up.training.deadline",
            {
                "household": "H1",
                "settled_on": SETTLED,
                "first_day": SETTLED + dt.timedelta(1),
                "deadline": DEADLINE,
            },
            (years, fu_("training_min_sessions")),
            (),
            "中华人民共和国民法典",
        ),
        (
            "FOLLOW-1",
            f"follow_up.training.{state}",
            {
                "person": "P1",
                "deadline": DEADLINE,
                "counted": counted,
                "first": first,
                "as_of": as_of,
            },
            (),
            (),
            None,
        ),
    ]


def test_FOLLOW_1_household_state_and_wanting(support_policy: pp.Policy) -> None:
    members = (
        member("A", trainings=(D(2020, 5, 1),)),
        member("B", wants_training=False),
        member("C", labour_capacity=pp.LabourCapacity.NONE),
        member("D", trainings=None),
        member("E"),
    )
    at = D(2020, 12, 1)
    r = fu.training(relocated(*members), support_policy, as_of=at)
    assert [m.state.value for m in r.value.members] == [
        "trained",
        "not_wanted",
        "not_a_worker",
        "not_recorded",
        "due",
    ]
    assert r.value.state is fu.TrainingState.NOT_RECORDED  # before due, after overdue
    assert r.value.wanting == 3
    late = fu.training(relocated(*members), support_policy, as_of=D(2021, 6, 1))
    assert late.value.state is fu.TrainingState.OVERDUE
    only = fu.training(relocated(members[1], members[2]), support_policy, as_of=at)
    assert only.value.state is fu.TrainingState.NOT_WANTED
    assert only.value.wanting == 0
    trained = fu.training(relocated(members[0], members[1]), support_policy, as_of=at)
    assert trained.value.state is fu.TrainingState.TRAINED


def test_FOLLOW_1_without_a_settling_date(support_policy: pp.Policy) -> None:
    r = fu.training(relocated(settled_on=None), support_policy, as_of=D(2021, 6, 1))
    assert (r.value.settled_on, r.value.deadline) == (None, None)
    assert view(r)[0] == (
        "FOLLOW-1",
        "follow_up.training.no_settled_date",
        {"household": "H1"},
        (fu_("training_within_years"),),
        (),
        None,
    )
    assert r.value.members[0].state is fu.TrainingState.NOT_RECORDED


def test_FOLLOW_1_a_training_after_the_check_date_is_refused(support_policy: pp.Policy) -> None:
    h = relocated(member("P1", trainings=(D(2021, 7, 1),)))
    assert refusal(fu.training, h, support_policy, as_of=D(2021, 6, 1)) == (
        "RelocatedMember P1",
        "trainings",
        D(2021, 7, 1),
        "dates on or before the check date 2021-06-01",
    )


@pytest.mark.parametrize(
    ("members", "state", "able", "employed", "undetermined", "unknown"),
    [
        ((member("A", stably_employed=True),), "met", ("A",), ("A",), (), ()),
        (
            (member("A", stably_employed=True, labour_capacity=None, wants_work=None),),
            "met",
            (),
            ("A",),
            (),
            (),
        ),
        ((member("A"), member("B")), "not_met", ("A", "B"), (), (), ()),
        ((member("A", wants_work=False),), "no_labour", (), (), (), ()),
        ((member("A", labour_capacity=pp.LabourCapacity.NONE),), "no_labour", (), (), (), ()),
        ((member("A", stably_employed=None),), "not_recorded", ("A",), (), ("A",), ()),
        ((member("A", wants_work=None),), "not_recorded", (), (), (), ("A",)),
        ((member("A"), member("B", wants_work=None)), "not_met", ("A",), (), (), ("B",)),
        (
            (member("A", labour_capacity=pp.LabourCapacity.PARTIAL),),
            "not_met",
            ("A",),
            (),
            (),
            (),
        ),
    ],
)
def test_FOLLOW_2_steps(
    support_policy: pp.Policy,
    members: tuple[pp.RelocatedMember, ...],
    state: str,
    able: tuple[str, ...],
    employed: tuple[str, ...],
    undetermined: tuple[str, ...],
    unknown: tuple[str, ...],
) -> None:
    r = fu.stable_employment(relocated(*members), support_policy)
    assert r.value == fu.EmploymentCheck(
        household_id="H1",
        state=fu.EmploymentState(state),
        able_and_willing=able,
        employed=employed,
        undetermined=undetermined,
        not_recorded=unknown,
    )
    notes: tuple[Any, ...] = (("convention", "follow_up.note.partial_capacity", {}),)
    if unknown:
        notes += (("warning", "follow_up.note.work_not_recorded", {"persons": ", ".join(unknown)}),)
    assert view(r) == [
        (
            "FOLLOW-2",
            f"follow_up.employment.{state}",
            {"household": "H1", "able": able, "employed": employed, "undetermined": undetermined},
            (fu_("stable_jobs_min_per_household"),),
            notes,
            None,
        )
    ]


DIBAO_FACTS: dict[str, Any] = {
    "registered_poor": True,
    "industry_support": False,
    "hardship": True,
    "property_within_limits": True,
}
HOUSE_CITE = "篇二 §三(三)3"
JAN_31 = D(2021, 1, 31)
C = fu.DibaoCondition


@pytest.mark.parametrize(
    ("facts", "as_of", "state", "failed", "unknown", "until", "notes"),
    [
        ({}, D(2021, 6, 1), "to_grant", (), (), None, ()),
        ({"dibao_granted_on": JAN_31}, D(2021, 7, 31), "in_period", (), (), D(2021, 7, 31), ()),
        ({"dibao_granted_on": JAN_31}, D(2021, 8, 1), "review_due", (), (), D(2021, 7, 31), ()),
        ({"registered_poor": False}, D(2021, 6, 1), "not_eligible", (C.REGISTERED_POOR,), (), None,
         ("grant_not_recorded",)),
        ({"industry_support": True, "dibao_granted_on": D(2021, 1, 1)}, D(2021, 6, 1),
         "not_eligible", (C.NO_INDUSTRY_SUPPORT,), (), D(2021, 7, 1), ("granted_not_eligible",)),
        ({"hardship": False, "property_within_limits": False}, D(2021, 6, 1), "not_eligible",
         (C.HARDSHIP, C.PROPERTY), (), None, ("grant_not_recorded",)),
        ({"hardship": None}, D(2021, 6, 1), "not_recorded", (), (C.HARDSHIP,), None, ()),
        ({"registered_poor": None, "industry_support": None}, D(2021, 6, 1), "not_recorded", (),
         (C.REGISTERED_POOR, C.NO_INDUSTRY_SUPPORT), None, ()),
        ({"hardship": False, "industry_support": None}, D(2021, 6, 1), "not_eligible",
         (C.HARDSHIP,), (C.NO_INDUSTRY_SUPPORT,), None, ("grant_not_recorded",)),
    ],
)  # fmt: skip
def test_FOLLOW_3_steps(
    support_policy: pp.Policy,
    facts: dict[str, Any],
    as_of: dt.date,
    state: str,
    failed: tuple[Any, ...],
    unknown: tuple[Any, ...],
    until: dt.date | None,
    notes: tuple[str, ...],
) -> None:
    h = relocated(member("A"), **{**DIBAO_FACTS, **facts})
    r = fu.transitional_dibao(h, support_policy, as_of=as_of)
    granted = h.dibao_granted_on
    assert r.value == fu.DibaoCheck(
        household_id="H1",
        state=fu.DibaoState(state),
        failed=failed,
        not_recorded=unknown,
        granted_on=granted,
        until=until,
    )
    assert r.value.eligible is (False if failed else (None if unknown else True))
    all_notes = (
        ("convention", "follow_up.note.relocation_house_not_counted", {}),
        *(("warning", f"follow_up.note.{n}", {}) for n in notes),
    )
    expected = [
        (
            "FOLLOW-3",
            f"follow_up.dibao.{state}",
            {
                "household": "H1",
                "failed": failed,
                "not_recorded": unknown,
                "granted_on": granted,
                "until": until,
                "as_of": as_of,
            },
            (fu_("dibao_months"),),
            all_notes,
            HOUSE_CITE if state == "not_eligible" else None,
        )
    ]
    if state in ("in_period", "review_due"):
        assert until is not None
        expected.append(
            (
                "FOLLOW-3",
                "follow_up.dibao.period",
                {"granted_on": granted, "until": until, "review": until + dt.timedelta(1)},
                (),
                (),
                "中华人民共和国民法典",
            )
        )
    assert view(r) == expected


def test_FOLLOW_3_a_member_in_a_job_is_no_employment_failed(support_policy: pp.Policy) -> None:
    h = relocated(member("A"), member("B", stably_employed=True), **DIBAO_FACTS)
    r = fu.transitional_dibao(h, support_policy, as_of=D(2021, 6, 1))
    assert r.value.failed == (C.NO_EMPLOYMENT,)
    h = relocated(member("A"), member("B", stably_employed=None), **DIBAO_FACTS)
    assert fu.transitional_dibao(h, support_policy, as_of=D(2021, 6, 1)).value.not_recorded == (
        C.NO_EMPLOYMENT,
    )


def test_support_rules_refuse_what_is_not_a_household(support_policy: pp.Policy) -> None:
    for name, fn, kw in (
        ("training", fu.training, {"as_of": D(2021, 6, 1)}),
        ("stable_employment", fu.stable_employment, {}),
        ("transitional_dibao", fu.transitional_dibao, {"as_of": D(2021, 6, 1)}),
    ):
        got = refusal(fn, "H1", support_policy, **kw)
        assert got[:3] == (f"rules.follow_up.{name}", "household", "H1"), name


@pytest.mark.parametrize(("people", "years", "total"), [(10, 1, 10), (3, 2, 6), (0, 1, 0)])
def test_FOLLOW_8_premium_step(people: int, years: int, total: int) -> None:
    policy = pp.Policy.load("jx-county-relocation-follow-up-measures", on=D(2021, 6, 1))
    rate = policy.param("follow_up.serious_illness_premium")
    r = fu.serious_illness_premium(people, policy, years=years)
    assert r.value == rate.money * total
    assert view(r) == [
        (
            "FOLLOW-8",
            "follow_up.premium",
            {"rate": rate.money, "people": people, "years": years, "total": rate.money * total},
            (fu_("serious_illness_premium"),),
            (),
            None,
        )
    ]
    assert fu.serious_illness_premium(people, policy).value == rate.money * people


@pytest.mark.parametrize(("people", "years", "field"), [(-1, 1, "people"), (1, True, "years")])
def test_FOLLOW_8_refusals(people: Any, years: Any, field: str) -> None:
    policy = pp.Policy.load("jx-county-relocation-follow-up-measures", on=D(2021, 6, 1))
    bad = people if field == "people" else years
    assert refusal(fu.serious_illness_premium, people, policy, years=years) == (
        "serious_illness_premium",
        field,
        bad,
        "a whole number >= 0",
    )
