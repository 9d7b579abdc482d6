"""FOLLOW-4 and FOLLOW-5 (old_house.py) step by step: the demolition and reclamation deadlines
and the homestead award, per branch the rule ID, message key, inputs, parameters, notes and
citation; the refusals and the missing-deadline rule error compared whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import follow_up as fu
from tests.error_texts import check_rule_error

from ._follow_up_steps import D, M, fu_, member, refusal, relocated, view
from ._follow_up_steps import support_policy as support_policy  # fixture

# -- FOLLOW-4, FOLLOW-5 (old_house.py) ----------------------------------------------------------

SHAANXI = "sn-city-relocation-plan-2019"
SAFE = {"in_hazard_zone": False, "unsafe": False, "non_brick_concrete": False}


@pytest.mark.parametrize(("demolished", "key"), [(D(2019, 5, 1), "payable"), (None, "not_yet")])
def test_FOLLOW_5_award_steps(demolished: dt.date | None, key: str) -> None:
    policy = pp.Policy.load(SHAANXI, on=D(2019, 6, 1))
    rate = policy.param("follow_up.homestead_award_per_person")
    h = relocated(member("A"), member("B"), old_house=pp.OldHouse(demolished_on=demolished))
    r = fu.homestead_award(h, policy)
    amount = rate.money * 2
    assert r.value == fu.HomesteadAward(
        household_id="H1",
        people=2,
        per_person=rate.money,
        amount=amount,
        state=fu.AwardState(key),
    )
    assert r.value.payable_now == (amount if key == "payable" else M(0))
    assert view(r) == [
        (
            "FOLLOW-5",
            f"follow_up.award.{key}",
            {
                "household": "H1",
                "rate": rate.money,
                "people": 2,
                "amount": amount,
                "date": demolished,
            },
            (fu_("homestead_award_per_person"),),
            (("convention", "follow_up.note.award_on_vacating", {}),),
            None,
        )
    ]
    assert refusal(fu.homestead_award, "H1", policy)[:3] == (
        "rules.follow_up.homestead_award",
        "household",
        "H1",
    )


@pytest.mark.parametrize(
    ("demolished", "as_of", "state"),
    [
        (D(2019, 9, 1), D(2019, 11, 1), "on_time"),  # on the deadline itself
        (D(2019, 9, 2), D(2019, 11, 1), "late"),
        (None, D(2019, 9, 1), "pending"),
        (None, D(2019, 9, 2), "overdue"),
    ],
)
def test_FOLLOW_4_shaanxi_steps(demolished: dt.date | None, as_of: dt.date, state: str) -> None:
    policy = pp.Policy.load(SHAANXI, on=D(2019, 6, 1))
    house = pp.OldHouse(demolished_on=demolished, **SAFE)
    h = relocated(member("A"), moved_in_on=D(2019, 3, 1), old_house=house)
    r = fu.demolition(h, policy, as_of=as_of)
    v = r.value
    assert (v.state, v.deadline, v.decided_by, v.missing, v.demolished_on) == (
        fu.DemolitionState(state),
        D(2019, 9, 1),
        fu.LimitKind.TRANSITION,
        (),
        demolished,
    )
    steps = view(r)
    first = steps[0]
    assert first[:3] == (
        "FOLLOW-4",
        "follow_up.deadline.transition",
        {"deadline": D(2019, 9, 1), "moved_in_on": D(2019, 3, 1)},
    )
    assert first[5] == "中华人民共和国民法典"
    last = next(s for s in steps if s[1].startswith("follow_up.demolition."))
    notes = (("convention", "follow_up.note.earliest_limit", {}),) if len(v.limits) > 1 else ()
    assert last == (
        "FOLLOW-4",
        f"follow_up.demolition.{state}",
        {
            "household": "H1",
            "deadline": D(2019, 9, 1),
            "limit": fu.LimitKind.TRANSITION,
            "date": demolished,
            "as_of": as_of,
        },
        (),
        notes,
        None,
    )
    others = [s for s in steps if s[1].startswith("follow_up.deadline.") and s is not first]
    assert all(s[5] is None for s in others)  # only the transition period cites the Civil Code


def test_FOLLOW_4_not_recorded_step() -> None:
    policy = pp.Policy.load(SHAANXI, on=D(2019, 6, 1))
    h = relocated(member("A"), old_house=pp.OldHouse())
    r = fu.demolition(h, policy, as_of=D(2019, 11, 1))
    v = r.value
    assert v.state is fu.DemolitionState.NOT_RECORDED
    assert (v.deadline, v.decided_by) == (None, None)
    assert fu.OldHouseFact.MOVED_IN_ON in v.missing
    assert view(r)[-1] == (
        "FOLLOW-4",
        "follow_up.demolition.not_recorded",
        {"household": "H1", "missing": v.missing},
        (),
        (),
        None,
    )


@pytest.mark.parametrize(
    ("reclaimed", "as_of", "state"),
    [
        (D(2020, 12, 31), D(2021, 2, 1), "on_time"),
        (D(2021, 1, 1), D(2021, 2, 1), "late"),
        (None, D(2020, 12, 31), "pending"),
        (None, D(2021, 1, 1), "overdue"),
    ],
)
def test_FOLLOW_4_reclamation_steps(
    support_policy: pp.Policy, reclaimed: dt.date | None, as_of: dt.date, state: str
) -> None:
    house = pp.OldHouse(demolished_on=D(2020, 9, 30), reclaimed_on=reclaimed, **SAFE)
    h = relocated(member("A"), old_house=house)
    r = fu.demolition(h, support_policy, as_of=as_of)
    p = support_policy.param("follow_up.reclamation_deadline")
    assert (r.value.reclamation_deadline, r.value.reclamation_state) == (
        D(2020, 12, 31),
        fu.DemolitionState(state),
    )
    assert view(r)[-1] == (
        "FOLLOW-4",
        f"follow_up.reclamation.{state}",
        {"deadline": D(2020, 12, 31), "date": reclaimed, "as_of": as_of},
        (p.name,),
        (),
        None,
    )


def test_FOLLOW_4_refusals(support_policy: pp.Policy, tmp_path: Any) -> None:
    assert refusal(fu.demolition, "H1", support_policy, as_of=D(2021, 1, 1))[:3] == (
        "rules.follow_up.demolition",
        "household",
        "H1",
    )
    bare = pp.Policy.load("cn", on=D(2021, 1, 1))
    with pytest.raises(pp.RuleError) as exc:
        fu.demolition(relocated(member("A")), bare, as_of=D(2021, 1, 1))
    assert (exc.value.rule, exc.value.message) == (
        "FOLLOW-4",
        "the pack cn sets no demolition deadline",
    )
    check_rule_error(exc.value, "follow_up.error.no_demolition_deadline", {"pack": "cn"})
