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
from povertypolicy.rules.monitoring import (
    Measure,
    MeasureFor,
    Task,
    calendar,
    spot_check,
    support_measures,
)
from tests.error_texts import check_input_error

from .test_monitoring import ON, PACK, case

SEED = "poverty-work-plan-samples"
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
    ("sampled", "doubtful", "field", "value", "expected", "code", "extra"),
    [
        (0, 0, "sampled", 0, "a whole number >= 1", "core.error.positive_count", {}),
        (True, 0, "sampled", True, "a whole number >= 1", "core.error.positive_count", {}),
        ("5", 0, "sampled", "5", "a whole number >= 1", "core.error.positive_count", {}),
        (5.0, 0, "sampled", 5.0, "a whole number >= 1", "core.error.positive_count", {}),
        (10, -1, "doubtful", -1, "a whole number >= 0", "core.error.count", {}),
        (10, False, "doubtful", False, "a whole number >= 0", "core.error.count", {}),
        (10, None, "doubtful", None, "a whole number >= 0", "core.error.count", {}),
        (
            10,
            11,
            "doubtful",
            11,
            "at most 10",
            "monitoring.error.doubtful_above_sampled",
            {"sampled": 10},
        ),
    ],
)
def test_MON_6_refusals_compared_whole(
    policy: pp.Policy,
    sampled: Any,
    doubtful: Any,
    field: str,
    value: Any,
    expected: str,
    code: str,
    extra: dict[str, Any],
) -> None:
    with pytest.raises(InputError) as exc:
        spot_check("V1", sampled, doubtful, policy)
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == ("spot_check", field, value, expected)
    check_input_error(e, code, extra)


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


# -- MON-5 ------------------------------------------------------------------------------------


def test_MON_5_steps(policy: pp.Policy) -> None:
    start, end = dt.date(2021, 1, 10), dt.date(2021, 3, 5)
    r = calendar(start, end, policy)
    half = policy.param("monitoring.half_month")
    ledger = policy.param("monitoring.ledger_report_months")
    exchange = policy.param("monitoring.data_exchange_months")
    assess = policy.param("monitoring.risk_assessment_months")
    lists = r.value.of(Task.WARNING_LIST)
    # the first half of January ends after the start: it is listed; so is March's first half
    assert [(e.period_start, e.due) for e in lists] == [
        (dt.date(2021, 1, 1), dt.date(2021, 1, 15)),
        (dt.date(2021, 1, 16), dt.date(2021, 1, 31)),
        (dt.date(2021, 2, 1), dt.date(2021, 2, 15)),
        (dt.date(2021, 2, 16), dt.date(2021, 2, 28)),
        (dt.date(2021, 3, 1), dt.date(2021, 3, 15)),
    ]
    assert [(e.period_start, e.due) for e in r.value.of(Task.MONTHLY_LEDGER)] == [
        (dt.date(2021, 1, 1), dt.date(2021, 1, 31)),
        (dt.date(2021, 2, 1), dt.date(2021, 2, 28)),
        (dt.date(2021, 3, 1), dt.date(2021, 3, 31)),
    ]
    assert [(e.period_start, e.due) for e in r.value.of(Task.DATA_EXCHANGE)] == [
        (dt.date(2021, 1, 1), dt.date(2021, 2, 28)),
        (dt.date(2021, 3, 1), dt.date(2021, 4, 30)),
    ]
    assert (r.value.start, r.value.end) == (start, end)
    assert r.steps == (
        Step(
            rule="MON-5",
            key="monitoring.calendar.warning_list",
            inputs={"count": 5, "first": dt.date(2021, 1, 15)},
            params=(half,),
            notes=(
                Note(kind=NoteKind.CONVENTION, key="monitoring.note.half_month.calendar_halves"),
                Note(kind=NoteKind.CONVENTION, key="monitoring.note.emergency_at_once"),
            ),
        ),
        Step(
            rule="MON-5",
            key="monitoring.calendar.monthly_ledger",
            inputs={"count": 3, "months": 1},
            params=(ledger,),
        ),
        Step(
            rule="MON-5",
            key="monitoring.calendar.data_exchange",
            inputs={"count": 2, "months": 2},
            params=(exchange,),
            notes=(Note(kind=NoteKind.CONVENTION, key="monitoring.note.at_least_every"),),
        ),
        Step(
            rule="MON-5",
            key="monitoring.calendar.risk_assessment",
            inputs={"count": 2, "months": 2},
            params=(assess,),
            citation=Citation(document=SEED, section="篇8 §三(三)6"),
        ),
    )
    # entries by due date, then in task order
    keys = [(e.period_end, list(Task).index(e.task)) for e in r.value.entries]
    assert keys == sorted(keys)
    assert r.value.entries[0] == lists[0]
    jan_31 = [e.task for e in r.value.entries if e.due == dt.date(2021, 1, 31)]
    assert jan_31 == [Task.WARNING_LIST, Task.MONTHLY_LEDGER]


def test_MON_5_a_single_day(policy: pp.Policy) -> None:
    day = dt.date(2021, 1, 16)
    cal = calendar(day, day, policy).value
    assert [(e.task, e.period_start, e.due) for e in cal.of(Task.WARNING_LIST)] == [
        (Task.WARNING_LIST, dt.date(2021, 1, 16), dt.date(2021, 1, 31))
    ]
    assert len(cal.of(Task.MONTHLY_LEDGER)) == 1
    last = calendar(dt.date(2021, 1, 15), dt.date(2021, 1, 15), policy).value
    assert [e.due for e in last.of(Task.WARNING_LIST)] == [dt.date(2021, 1, 15)]


def test_MON_5_fifteen_days_steps(tmp_path: Any) -> None:
    from .test_monitoring import user_pack

    pol = user_pack(tmp_path, half_month="fifteen_days")
    r = calendar(dt.date(2021, 1, 3), dt.date(2021, 1, 20), pol)
    lists = r.value.of(Task.WARNING_LIST)
    assert [(e.period_start, e.due) for e in lists] == [
        (dt.date(2021, 1, 3), dt.date(2021, 1, 17)),
        (dt.date(2021, 1, 18), dt.date(2021, 2, 1)),
    ]
    assert r.steps[0].notes[0].key == "monitoring.note.half_month.fifteen_days"
    assert r.steps[0].inputs == {"count": 2, "first": dt.date(2021, 1, 17)}


def test_MON_5_refusals_compared_whole(policy: pp.Policy) -> None:
    moment = dt.datetime(2021, 1, 1, 9, 0)
    for args, field, value, expected in (
        ((moment, dt.date(2021, 2, 1)), "start", moment, "a datetime.date"),
        ((dt.date(2021, 1, 1), "2021-02-01"), "end", "2021-02-01", "a datetime.date"),
        ((dt.date(2021, 2, 1), dt.date(2021, 1, 31)), "end", dt.date(2021, 1, 31),
         "on or after 2021-02-01"),
    ):  # fmt: skip
        with pytest.raises(InputError) as exc:
            calendar(*args, policy)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == ("calendar", field, value, expected)


# -- MON-4 ------------------------------------------------------------------------------------

HISTORY_CITE = Citation(
    document=SEED,
    section="篇8 §三(四)",
    quote="并根據風險變化情況實時調整預警級別。對評估已消除風險的,在保持監測的基礎上,標記消除風險,取消預警級別",
)


def dated(day: dt.date, c: pp.MonitoringCase) -> pp.MonitoringCase:
    import attrs

    return attrs.evolve(c, assessed_on=day)


def test_MON_4_steps(policy: pp.Policy) -> None:
    from povertypolicy import Money, WarningLevel
    from povertypolicy.rules.monitoring import LevelCondition as Cond
    from povertypolicy.rules.monitoring import level_history
    from povertypolicy.rules.monitoring.screening import Status, _threshold

    from .test_monitoring import quiet

    red = quiet(per_capita_disposable_income=Money("5000"), risk_factors={RiskFactor.DISASTER})
    recovered = quiet(risk_factors={RiskFactor.DISASTER})
    cleared = quiet(risk_cleared=True, risk_factors=set())
    d1, d2, d3 = dt.date(2021, 3, 1), dt.date(2021, 5, 1), dt.date(2021, 7, 1)
    r = level_history([dated(d3, cleared), dated(d1, red), dated(d2, recovered)], policy)
    h = r.value
    assert h.household_id == "H1"
    assert [(a.on, a.level, a.reason, a.met, a.risk_factors) for a in h.assessments] == [
        (d1, WarningLevel.RED, "red", (Cond.INCOME_BELOW_LINE, Cond.RISK_FACTOR),
         (RiskFactor.DISASTER,)),
        (d2, None, "no_level", (Cond.RISK_FACTOR,), (RiskFactor.DISASTER,)),
        (d3, None, "risk_cleared", (), ()),
    ]  # fmt: skip
    assert h.changes == (
        pp.rules.monitoring.LevelChange(
            on=d2,
            before="red",
            after="no_level",
            conditions_added=(),
            conditions_removed=(Cond.INCOME_BELOW_LINE,),
            risks_added=(),
            risks_removed=(),
        ),
        pp.rules.monitoring.LevelChange(
            on=d3,
            before="no_level",
            after="risk_cleared",
            conditions_added=(),
            conditions_removed=(Cond.RISK_FACTOR,),
            risks_added=(),
            risks_removed=(RiskFactor.DISASTER,),
        ),
    )
    assert (h.current, h.risk_cleared, h.still_monitored) == (None, True, True)
    threshold = _threshold(policy)
    assert r.steps == (
        *threshold.steps,
        Step(
            rule="MON-4",
            key="monitoring.history.first",
            inputs={
                "on": d1,
                "status": Status.RED,
                "met": (Cond.INCOME_BELOW_LINE, Cond.RISK_FACTOR),
            },
            citation=HISTORY_CITE,
        ),
        Step(
            rule="MON-4",
            key="monitoring.history.changed",
            inputs={
                "on": d2,
                "before": Status.RED,
                "after": Status.NO_LEVEL,
                "added": (),
                "removed": (Cond.INCOME_BELOW_LINE,),
                "risks_added": (),
                "risks_removed": (),
            },
        ),
        Step(
            rule="MON-4",
            key="monitoring.history.changed",
            inputs={
                "on": d3,
                "before": Status.NO_LEVEL,
                "after": Status.RISK_CLEARED,
                "added": (),
                "removed": (Cond.RISK_FACTOR,),
                "risks_added": (),
                "risks_removed": (RiskFactor.DISASTER,),
            },
        ),
        Step(
            rule="MON-4",
            key="monitoring.history.summary",
            inputs={
                "household": "H1",
                "status": Status.RISK_CLEARED,
                "changes": 2,
                "cleared": True,
            },
        ),
    )


def test_MON_4_same_level_facts_changed_and_unchanged(policy: pp.Policy) -> None:
    from povertypolicy import Money, WarningLevel
    from povertypolicy.rules.monitoring import LevelCondition as Cond
    from povertypolicy.rules.monitoring import level_history
    from povertypolicy.rules.monitoring.screening import Status

    from .test_monitoring import quiet

    low = quiet(per_capita_disposable_income=Money("5000"), risk_factors=set())
    more = quiet(
        per_capita_disposable_income=Money("5000"),
        risk_factors={RiskFactor.DISASTER, RiskFactor.SERIOUS_ILLNESS},
    )
    d1, d2, d3 = dt.date(2021, 3, 1), dt.date(2021, 4, 1), dt.date(2021, 5, 1)
    r = level_history([dated(d1, low), dated(d2, more), dated(d3, more)], policy)
    h = r.value
    assert [a.reason for a in h.assessments] == ["red", "red", "red"]
    assert h.current is WarningLevel.RED
    assert not h.risk_cleared
    (change,) = h.changes
    assert change.on == d2
    assert change.conditions_added == (Cond.RISK_FACTOR,)
    assert change.risks_added == tuple(
        x for x in RiskFactor if x in {RiskFactor.DISASTER, RiskFactor.SERIOUS_ILLNESS}
    )
    mon4 = [s for s in r.steps if s.rule == "MON-4"]
    assert [s.key for s in mon4] == [
        "monitoring.history.first",
        "monitoring.history.facts",
        "monitoring.history.same",
        "monitoring.history.summary",
    ]
    assert mon4[2].inputs == {"on": d3, "status": Status.RED}
    assert mon4[-1].inputs == {"household": "H1", "status": Status.RED, "changes": 1,
                               "cleared": False}  # fmt: skip
    # risks back to none: removed; risks not recorded count as none for the change
    back = level_history([dated(d1, more), dated(d2, low)], policy).value
    assert back.changes[0].risks_removed == change.risks_added
    assert back.changes[0].conditions_removed == (Cond.RISK_FACTOR,)
    unknown = quiet(per_capita_disposable_income=Money("5000"), risk_factors=None)
    u = level_history([dated(d1, more), dated(d2, unknown)], policy).value
    assert u.assessments[1].risk_factors is None
    assert u.changes[0].risks_removed == change.risks_added


def test_MON_4_refusals_compared_whole(policy: pp.Policy) -> None:
    from povertypolicy.rules.monitoring import level_history

    from .test_monitoring import quiet

    a, b = quiet(), quiet(household={"id": "H2"})

    def refused(cases: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(InputError) as exc:
            level_history(cases, policy)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    assert refused([]) == ("level_history", "cases", [], "MonitoringCase records")
    assert refused([a, "H1"]) == ("level_history", "cases", [a, "H1"], "MonitoringCase records")
    assert refused([a, b]) == (
        "level_history",
        "cases",
        ["H1", "H2"],
        "the assessments of one household",
    )
    assert refused([a, a]) == (
        "level_history",
        "assessed_on",
        a.assessed_on,
        "one assessment per date",
    )
