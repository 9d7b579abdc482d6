"""MON-6 and MON-7 step by step: per branch the rule ID, message key, inputs, notes and citation
(what a wrong explanation would change, not only the answer)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import InputError, LabourCapacity, RiskFactor
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.monitoring import Measure, MeasureFor, spot_check, support_measures

from .test_monitoring import ON, PACK, case

SEED = "003_2d36845397adf6a3.txt"
FULL, PARTIAL, NONE = LabourCapacity.FULL, LabourCapacity.PARTIAL, LabourCapacity.NONE


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


# -- MON-6 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sampled", "doubtful", "key", "at_limit"),
    [
        (100, 3, "monitoring.spot.rescreen", False),
        (100, 1, "monitoring.spot.recheck", False),
        (50, 1, "monitoring.spot.recheck", True),
        (100, 2, "monitoring.spot.recheck", True),
        (1, 0, "monitoring.spot.recheck", False),
        (1, 1, "monitoring.spot.rescreen", False),
    ],
)
def test_MON_6_step_per_branch(
    policy: pp.Policy, sampled: int, doubtful: int, key: str, at_limit: bool
) -> None:
    r = spot_check("V1", sampled, doubtful, policy)
    rate = Fraction(doubtful, sampled)
    assert r.value == pp.rules.monitoring.SpotCheck(
        village="V1",
        sampled=sampled,
        doubtful=doubtful,
        rate=rate,
        rescreen_village=key.endswith("rescreen"),
    )
    notes = (
        (Note(kind=NoteKind.BOUNDARY, key="monitoring.note.spot_at_limit", args={"rate": 2}),)
        if at_limit
        else ()
    )
    assert r.steps == (
        Step(
            rule="MON-6",
            key=key,
            inputs={"village": "V1", "sampled": sampled, "doubtful": doubtful, "rate": rate * 100},
            params=(policy.param("monitoring.spot_check_doubtful_rate"),),
            notes=notes,
        ),
    )


@pytest.mark.parametrize(
    ("sampled", "doubtful", "field", "value", "expected"),
    [
        (0, 0, "sampled", 0, "a whole number >= 1"),
        (True, 0, "sampled", True, "a whole number >= 1"),
        ("5", 0, "sampled", "5", "a whole number >= 1"),
        (5.0, 0, "sampled", 5.0, "a whole number >= 1"),
        (10, -1, "doubtful", -1, "a whole number >= 0"),
        (10, False, "doubtful", False, "a whole number >= 0"),
        (10, None, "doubtful", None, "a whole number >= 0"),
        (10, 11, "doubtful", 11, "at most 10"),
    ],
)
def test_MON_6_refusals_compared_whole(
    policy: pp.Policy, sampled: Any, doubtful: Any, field: str, value: Any, expected: str
) -> None:
    with pytest.raises(InputError) as exc:
        spot_check("V1", sampled, doubtful, policy)
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected, e.code) == (
        "spot_check",
        field,
        value,
        expected,
        "core.error.input",
    )


def test_MON_6_one_sampled_none_doubtful_and_all_doubtful(policy: pp.Policy) -> None:
    assert spot_check("V1", 1, 0, policy).value.rate == 0
    assert spot_check("V1", 10, 10, policy).value.rate == 1


# -- MON-7 ------------------------------------------------------------------------------------

SECTIONS = {
    Measure.INDUSTRY: "篇8 §四(一)",
    Measure.SKILLS_TRAINING: "篇8 §四(二)",
    Measure.ORGANISED_MIGRATION: "篇8 §四(二)",
    Measure.LOCAL_JOBS: "篇8 §四(二)",
    Measure.PUBLIC_WELFARE_JOB: "篇8 §四(二)",
    Measure.SOCIAL_SECURITY: "篇8 §四(三)",
    Measure.EMERGENCY_ASSISTANCE: "篇8 §四(三)",
    Measure.INCENTIVES: "篇8 §四(四)",
    Measure.SOCIAL_SUPPORT: "篇8 §四(五)",
}
SUDDEN = {RiskFactor.SUDDEN_EVENT, RiskFactor.SERIOUS_ILLNESS, RiskFactor.DISASTER}
tri = st.sampled_from([True, False, None])


def expected_states(
    labour: tuple[LabourCapacity | None, ...], facts: dict[str, Any]
) -> dict[Measure, bool | None]:
    """MON-7 written out from the text, one measure at a time (the oracle of the tests below)."""
    if any(c in (FULL, PARTIAL) for c in labour):
        can_work: bool | None = True
    elif None in labour:
        can_work = None
    else:
        can_work = False

    def able(fact: bool | None) -> bool | None:
        if can_work is False or fact is False:
            return False
        if can_work is True and fact is True:
            return True
        return None

    risks = facts["risk_factors"]
    sudden = None if risks is None else bool(set(risks) & SUDDEN)
    hard = (facts["living_difficulty"], facts["severe_hardship"])
    difficulty = True if True in hard else (None if None in hard else False)
    if sudden is False or difficulty is False:
        emergency: bool | None = False
    elif sudden is True and difficulty is True:
        emergency = True
    else:
        emergency = None
    migrant = facts["wants_migrant_work"]
    return {
        Measure.INDUSTRY: facts["industry_conditions"],
        Measure.SKILLS_TRAINING: able(facts["wants_training"]),
        Measure.ORGANISED_MIGRATION: able(migrant),
        Measure.LOCAL_JOBS: able(None if migrant is None else not migrant),
        Measure.PUBLIC_WELFARE_JOB: able(facts["hard_to_employ"]),
        Measure.SOCIAL_SECURITY: None if can_work is None else not can_work,
        Measure.EMERGENCY_ASSISTANCE: emergency,
        Measure.INCENTIVES: facts["self_reliant"],
        Measure.SOCIAL_SUPPORT: True,
    }


def expected_steps(household: str, states: dict[Measure, bool | None]) -> tuple[Step, ...]:
    words = {True: "yes", False: "no", None: "unknown"}
    steps = [
        Step(
            rule="MON-7",
            key=f"monitoring.measure_step.{words[state]}",
            inputs={"measure": m, "basis": MeasureFor(m.value)},
            citation=Citation(document=SEED, section=SECTIONS[m]),
        )
        for m, state in states.items()
    ]
    measures = tuple(m for m, s in states.items() if s)
    unknown = tuple(m for m, s in states.items() if s is None)
    steps.append(
        Step(
            rule="MON-7",
            key="monitoring.measures.summary",
            inputs={"household": household, "measures": measures, "not_recorded": unknown},
        )
    )
    return tuple(steps)


@given(
    labour=st.lists(st.sampled_from([FULL, PARTIAL, NONE, None]), min_size=1, max_size=3),
    facts=st.fixed_dictionaries(
        {
            "industry_conditions": tri,
            "wants_training": tri,
            "wants_migrant_work": tri,
            "hard_to_employ": tri,
            "self_reliant": tri,
            "living_difficulty": tri,
            "severe_hardship": tri,
            "risk_factors": st.none() | st.frozensets(st.sampled_from(list(RiskFactor))),
        }
    ),
)
def test_MON_7_every_measure_step_by_step(
    labour: list[LabourCapacity | None], facts: dict[str, Any]
) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    r = support_measures(case(*labour, **facts), policy)
    states = expected_states(tuple(labour), facts)
    assert r.value == pp.rules.monitoring.SupportPlan(
        household_id="H1",
        measures=tuple(m for m, s in states.items() if s),
        not_recorded=tuple(m for m, s in states.items() if s is None),
    )
    assert r.steps == expected_steps("H1", states)


@pytest.mark.parametrize(
    ("labour", "facts", "measure", "state"),
    [
        # emergency help: a sudden event (or serious illness, disaster) and hardship
        (
            (FULL,),
            {"risk_factors": {RiskFactor.SERIOUS_ILLNESS}, "severe_hardship": True},
            Measure.EMERGENCY_ASSISTANCE,
            True,
        ),
        (
            (FULL,),
            {"risk_factors": {RiskFactor.DISASTER}, "living_difficulty": True},
            Measure.EMERGENCY_ASSISTANCE,
            True,
        ),
        (
            (FULL,),
            {"risk_factors": set(), "living_difficulty": True},
            Measure.EMERGENCY_ASSISTANCE,
            False,
        ),
        (
            (FULL,),
            {
                "risk_factors": {RiskFactor.SUDDEN_EVENT},
                "living_difficulty": False,
                "severe_hardship": False,
            },
            Measure.EMERGENCY_ASSISTANCE,
            False,
        ),
        (
            (FULL,),
            {"risk_factors": None, "living_difficulty": True},
            Measure.EMERGENCY_ASSISTANCE,
            None,
        ),
        # employment measures need a member who can work
        ((NONE, NONE), {"wants_training": True}, Measure.SKILLS_TRAINING, False),
        ((PARTIAL,), {"wants_training": True}, Measure.SKILLS_TRAINING, True),
        ((NONE, None), {"wants_training": True}, Measure.SKILLS_TRAINING, None),
        ((FULL,), {"wants_migrant_work": False}, Measure.LOCAL_JOBS, True),
        ((FULL,), {"wants_migrant_work": None}, Measure.LOCAL_JOBS, None),
        ((FULL,), {"hard_to_employ": False}, Measure.PUBLIC_WELFARE_JOB, False),
        ((NONE,), {}, Measure.SOCIAL_SECURITY, True),
        ((PARTIAL,), {}, Measure.SOCIAL_SECURITY, False),
        ((None,), {}, Measure.SOCIAL_SECURITY, None),
        ((FULL,), {"self_reliant": True}, Measure.INCENTIVES, True),
        ((FULL,), {}, Measure.SOCIAL_SUPPORT, True),
    ],
)
def test_MON_7_named_cases(
    policy: pp.Policy,
    labour: tuple[LabourCapacity | None, ...],
    facts: dict[str, Any],
    measure: Measure,
    state: bool | None,
) -> None:
    plan = support_measures(case(*labour, **facts), policy).value
    assert (measure in plan.measures) is (state is True)
    assert (measure in plan.not_recorded) is (state is None)


def test_MON_7_refuses_what_is_not_a_case(policy: pp.Policy) -> None:
    with pytest.raises(InputError) as exc:
        support_measures("H1", policy)  # type: ignore[arg-type]
    assert (exc.value.obj, exc.value.field) == ("rules.monitoring", "case")


def test_MON_7_reads_no_date(policy: pp.Policy) -> None:
    # no parameters: the plan is the same on any policy date
    later = policy.at(dt.date(2022, 1, 1))
    c = case(FULL, wants_training=True)
    assert support_measures(c, later).steps == support_measures(c, policy).steps
