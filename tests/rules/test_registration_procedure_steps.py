"""ID-3 (procedure.py) step by step: the posting period, evaluation group, vote, replacement
of the disqualified and the stages in order, per branch the rule ID, message key, inputs,
params, notes and citation; the refusals compared whole."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import InputError
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.registration import (
    EvaluationGroup,
    PostingPeriod,
    ProcedureCheck,
    Replacement,
    Stage,
    VoteCheck,
    check_procedure,
    evaluation_group,
    posting_period,
    replace_disqualified,
    vote,
)

from ._registration_steps import SEED
from ._registration_steps import policy as policy  # fixture

# -- ID-3 (procedure.py) ----------------------------------------------------------------------

CIVIL_201 = Citation(
    law="中华人民共和国民法典",
    article="第二百零一条",
    quote="按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算",
)
REPLACE = Citation(
    document=SEED,
    section="篇4 §三(三)",
    quote="確有問題的要取消其扶貧對象資格,并從得票靠前的落選農戶中依次遞補",
)
STAGES = Citation(
    document=SEED,
    section="篇4 §三(二)",
    quote="戶主申請、村民小組提名、村民代表評議和票決、村委會審查、鄉鎮審核、區縣扶貧辦及民政局復核、區縣人民政府審批",
)
D = dt.date


def refused(fn: Any, *args: Any, **kw: Any) -> tuple[str, str, Any, str]:
    with pytest.raises(InputError) as exc:
        fn(*args, **kw)
    e = exc.value
    return (e.obj, e.field, e.value, e.expected)


@pytest.mark.parametrize(
    ("down", "days", "complies"),
    [(None, None, None), (D(2014, 4, 8), 7, True), (D(2014, 4, 7), 6, False), (D(2014, 4, 1), 0,
                                                                                False)],
)  # fmt: skip
def test_ID_3_posting_steps(
    policy: pp.Policy, down: dt.date | None, days: int | None, complies: bool | None
) -> None:
    posted = D(2014, 4, 1)
    r = posting_period(posted, policy, taken_down_on=down)
    minimum = policy.param("registration.posting_min_days")
    assert minimum.integer == 7
    assert r.value == PostingPeriod(
        posted_on=posted,
        first_day=D(2014, 4, 2),
        last_day=D(2014, 4, 8),
        next_stage_on=D(2014, 4, 9),
        taken_down_on=down,
        days=days,
        complies=complies,
    )
    steps = [
        Step(
            rule="ID-3",
            key="registration.posting",
            inputs={
                "posted_on": posted,
                "first": D(2014, 4, 2),
                "last": D(2014, 4, 8),
                "next": D(2014, 4, 9),
            },
            params=(minimum,),
            notes=(Note(kind=NoteKind.CONVENTION, key="registration.note.no_holiday_rule"),),
            citation=CIVIL_201,
        )
    ]
    if down is not None:
        steps.append(
            Step(
                rule="ID-3",
                key="registration.posting_kept" if complies else "registration.posting_short",
                inputs={"taken_down_on": down, "days": days, "minimum": 7},
            )
        )
    assert r.steps == tuple(steps)


def test_ID_3_posting_refusals(policy: pp.Policy) -> None:
    moment = dt.datetime(2014, 4, 1, 8)
    assert refused(posting_period, moment, policy) == (
        "rules.registration",
        "posted_on",
        moment,
        "a datetime.date",
    )
    assert refused(posting_period, D(2014, 4, 1), policy, taken_down_on="2014-04-09") == (
        "rules.registration",
        "taken_down_on",
        "2014-04-09",
        "a datetime.date",
    )
    assert refused(posting_period, D(2014, 4, 1), policy, taken_down_on=D(2014, 3, 31)) == (
        "posting_period",
        "taken_down_on",
        D(2014, 3, 31),
        "on or after 2014-04-01",
    )


@pytest.mark.parametrize(
    ("members", "groups", "key", "ok", "short"),
    [
        (30, {"一组": 2, "二组": 3}, "valid", True, ()),
        (29, {"一组": 2}, "invalid", False, ()),
        (30, {"一组": 1, "二组": 2, "三组": 0}, "invalid", True, ("一组", "三组")),
    ],
)
def test_ID_3_group_steps(
    policy: pp.Policy,
    members: int,
    groups: dict[str, int],
    key: str,
    ok: bool,
    short: tuple[str, ...],
) -> None:
    r = evaluation_group(members, groups, policy)
    assert r.value == EvaluationGroup(members=members, members_ok=ok, short_groups=short)
    assert r.value.valid is (key == "valid")
    assert r.steps == (
        Step(
            rule="ID-3",
            key=f"registration.group.{key}",
            inputs={"members": members, "groups": len(groups), "short": short},
            params=(
                policy.param("registration.evaluation_group_min_members"),
                policy.param("registration.evaluation_group_min_households"),
            ),
        ),
    )


def test_ID_3_group_refusals(policy: pp.Policy) -> None:
    count = "a whole number >= 0"
    assert refused(evaluation_group, -1, {"一组": 2}, policy) == (
        "rules.registration",
        "members",
        -1,
        count,
    )
    assert refused(evaluation_group, 30, {}, policy) == (
        "evaluation_group",
        "households_by_group",
        {},
        "the households taking part, for each villager group",
    )
    assert refused(evaluation_group, 30, {"一组": True}, policy) == (
        "rules.registration",
        "households_by_group[一组]",
        True,
        count,
    )


@pytest.mark.parametrize(
    ("voters", "participants", "approvals", "p_ok", "a_ok"),
    [
        (100, 80, 64, True, True),
        (100, 79, 79, False, True),
        (100, 80, 63, True, False),
        (10, 10, 10, True, True),
        (10, 10, 0, True, False),
    ],
)
def test_ID_3_vote_steps(
    policy: pp.Policy, voters: int, participants: int, approvals: int, p_ok: bool, a_ok: bool
) -> None:
    r = vote(voters, participants, approvals, policy)
    p, a = Fraction(participants, voters), Fraction(approvals, participants)
    assert r.value == VoteCheck(
        participation=p, approval=a, participation_ok=p_ok, approval_ok=a_ok
    )
    assert r.value.valid is (p_ok and a_ok)
    assert r.steps == (
        Step(
            rule="ID-3",
            key="registration.vote.valid" if p_ok and a_ok else "registration.vote.invalid",
            inputs={"participation": p * 100, "approval": a * 100},
            params=(
                policy.param("registration.min_participation"),
                policy.param("registration.min_approval"),
            ),
        ),
    )


def test_ID_3_vote_refusals(policy: pp.Policy) -> None:
    assert refused(vote, 0, 1, 1, policy) == (
        "rules.registration",
        "voters",
        0,
        "a whole number >= 1",
    )
    assert refused(vote, 10, 0, 0, policy) == (
        "rules.registration",
        "participants",
        0,
        "a whole number >= 1",
    )
    assert refused(vote, 10, 5, -1, policy) == (
        "rules.registration",
        "approvals",
        -1,
        "a whole number >= 0",
    )
    for args in ((10, 11, 5), (10, 5, 6)):
        assert refused(vote, *args, policy) == (
            "vote",
            "participants/approvals",
            args,
            "approvals <= participants <= voters",
        )


def test_ID_3_replacement_steps() -> None:
    votes = {"A": 50, "B": 40, "C": 30, "D": 30, "E": 30, "F": 10}
    r = replace_disqualified(votes, ["A", "B"], ["B", "A"], priority={"E"})
    # waiting: C, D, E (30 each; E first, family-planning), then F
    assert r.value == (
        Replacement(disqualified="B", replacement="E", votes=30),
        Replacement(disqualified="A", replacement="C", votes=30),
    )
    note = (Note(kind=NoteKind.CONVENTION, key="registration.note.vote_ties"),)
    assert r.steps == (
        Step(
            rule="ID-3",
            key="registration.replace",
            inputs={"out": "B", "in": "E", "votes": 30},
            notes=note,
            citation=REPLACE,
        ),
        Step(
            rule="ID-3",
            key="registration.replace",
            inputs={"out": "A", "in": "C", "votes": 30},
            notes=note,
            citation=REPLACE,
        ),
    )
    last = replace_disqualified({"A": 5, "B": 4, "C": 1}, ["A", "B"], ["A", "B"])
    assert last.value == (
        Replacement(disqualified="A", replacement="C", votes=1),
        Replacement(disqualified="B", replacement=None, votes=None),
    )
    assert last.steps[1] == Step(
        rule="ID-3",
        key="registration.replace_none",
        inputs={"out": "B", "in": None, "votes": None},
        notes=note,
        citation=REPLACE,
    )
    ordered = replace_disqualified({"A": 5, "X": 3, "Y": 3}, ["A"], ["A"]).value
    assert ordered[0].replacement == "X"  # a tie without priority: the order of votes
    assert replace_disqualified(votes, ["A"], []).value == ()


def test_ID_3_replacement_refusals() -> None:
    votes = {"A": 5, "B": 4}
    assert refused(replace_disqualified, {"A": -1}, [], []) == (
        "rules.registration",
        "votes[A]",
        -1,
        "a whole number >= 0",
    )
    assert refused(replace_disqualified, votes, ["Z"], []) == (
        "replace_disqualified",
        "selected",
        ["Z"],
        "applicants in votes",
    )
    assert refused(replace_disqualified, votes, ["A"], ["Q"]) == (
        "replace_disqualified",
        "disqualified",
        ["Q"],
        "applicants in votes",
    )
    assert refused(replace_disqualified, votes, ["A"], ["B"]) == (
        "replace_disqualified",
        "disqualified",
        ["B"],
        "households that were selected",
    )


def test_ID_3_procedure_steps() -> None:
    all_in_order = {s: D(2014, 1, 1) + dt.timedelta(days=i) for i, s in enumerate(Stage)}
    r = check_procedure(all_in_order)
    assert r.value == ProcedureCheck(missing=(), out_of_order=())
    assert r.value.complete
    assert r.steps == (
        Step(
            rule="ID-3",
            key="registration.procedure.complete",
            inputs={"missing": (), "out_of_order": ()},
            citation=STAGES,
        ),
    )
    same_day = dict.fromkeys(Stage, D(2014, 1, 1))
    assert check_procedure(same_day).value.complete  # on the same day is in order
    gaps = dict(all_in_order)
    del gaps[Stage.NOMINATED]
    gaps[Stage.TOWNSHIP_CHECKED] = D(2013, 12, 31)  # before the applications
    r = check_procedure(gaps)
    assert r.value == ProcedureCheck(
        missing=(Stage.NOMINATED,), out_of_order=(Stage.TOWNSHIP_CHECKED,)
    )
    assert not r.value.complete
    assert r.steps == (
        Step(
            rule="ID-3",
            key="registration.procedure.gaps",
            inputs={"missing": (Stage.NOMINATED,), "out_of_order": (Stage.TOWNSHIP_CHECKED,)},
            citation=STAGES,
        ),
    )
    # a stage out of order does not move the bar: the next stage is compared with the latest
    # stage in order before it
    later = dict(all_in_order)
    later[Stage.VOTED] = D(2013, 1, 1)
    assert check_procedure(later).value.out_of_order == (Stage.VOTED,)
    only_missing = {Stage.APPLIED: D(2014, 1, 1)}
    assert check_procedure(only_missing).value.out_of_order == ()
    assert len(check_procedure(only_missing).value.missing) == 6


def test_ID_3_procedure_refusals() -> None:
    assert refused(check_procedure, {"applied": D(2014, 1, 1)}) == (
        "check_procedure",
        "dates",
        "applied",
        "a Stage",
    )
    assert refused(check_procedure, {Stage.APPLIED: "2014-01-01"}) == (
        "rules.registration",
        "dates[applied]",
        "2014-01-01",
        "a datetime.date",
    )
