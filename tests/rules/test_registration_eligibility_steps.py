"""ID-1, ID-2, ID-5 step by step: per branch the rule ID, message key, inputs, notes and
citation (what a wrong explanation would change, not only the answer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import CardClass, Exclusion, InputError, LabourCapacity, Money
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.poverty import poverty_line
from povertypolicy.rules.registration import (
    CardAssignment,
    RegistrationCondition,
    RegistrationEligibility,
    card_class,
    eligibility,
)

from ._registration_steps import SEED
from ._registration_steps import policy as policy  # fixture
from .test_registration import ASSESSED, applicant

DIBAO = Citation(
    document=SEED,
    section="篇4 §三(一)",
    quote="民政部門已識別登記的農村低保對象,這次全部納入扶貧對象一并建檔立卡",
)
EXCLUSIONS = Citation(document=SEED, section="篇4 §三(一)", quote="“十一不評”")
PRIORITY = Citation(document=SEED, section="篇4 §三(一)", quote="計劃生育優先")
ABLE = Citation(document=SEED, section="篇4 §二(二)")
CARDS = Citation(document=SEED, section="篇5 §二(二)")
C = RegistrationCondition
FULL, PARTIAL, NONE = LabourCapacity.FULL, LabourCapacity.PARTIAL, LabourCapacity.NONE
BLUE, YELLOW = CardClass.BLUE, CardClass.YELLOW


def priority_step(priority: bool | None) -> Step:
    key = "registration.priority" if priority is not None else "registration.priority_not_recorded"
    return Step(rule="ID-2", key=key, inputs={"priority": priority}, citation=PRIORITY)


def age_step(policy: pp.Policy, age: int | None, person: str | None = "P1") -> Step:
    notes: tuple[Note, ...] = ()
    if age == 60:
        notes = (
            Note(kind=NoteKind.BOUNDARY, key="registration.note.age_at_limit", args={"age": 60}),
        )
    return Step(
        rule="ID-1",
        key="registration.labourer_age",
        inputs={"person": person, "age": age, "on": ASSESSED},
        params=(policy.param("registration.main_labourer_max_age"),),
        notes=notes,
    )


def income_steps(policy: pp.Policy, income: Money, ok: bool) -> list[Step]:
    line = poverty_line(2013, policy, rule="ID-1")
    notes: tuple[Note, ...] = ()
    if income == line.value:
        notes = (Note(kind=NoteKind.BOUNDARY, key="registration.note.income_at_line"),)
    return [
        *line.steps,
        Step(
            rule="ID-1",
            key="registration.income",
            inputs={"income": income, "line": line.value, "ok": ok},
            params=(policy.param("registration.income_line_multiple"),),
            notes=notes,
        ),
    ]


def summary(
    reason: str,
    failed: tuple[Any, ...] = (),
    unknown: tuple[Any, ...] = (),
    found: tuple[Any, ...] = (),
) -> Step:
    return Step(
        rule="ID-1",
        key=f"registration.summary.{reason}",
        inputs={"household": "H1", "failed": failed, "not_recorded": unknown, "exclusions": found},
    )


def test_ID_1_eligible_step_by_step(policy: pp.Policy) -> None:
    r = eligibility(applicant(family_planning_priority=True), policy)
    assert r.value == RegistrationEligibility(
        household_id="H1",
        reason="eligible",
        failed=(),
        not_recorded=(),
        exclusions=(),
        priority=True,
    )
    assert r.steps == (
        age_step(policy, 44),
        Step(
            rule="ID-1",
            key="registration.labourer_able",
            inputs={"capacity": FULL, "willing": True},
            citation=ABLE,
        ),
        *income_steps(policy, Money("2500"), True),
        Step(rule="ID-2", key="registration.exclusions", inputs={"found": ()}, citation=EXCLUSIONS),
        priority_step(True),
        summary("eligible"),
    )


def test_ID_1_dibao_household_is_included_step_by_step(policy: pp.Policy) -> None:
    r = eligibility(applicant(dibao=True, willing=False, family_planning_priority=False), policy)
    assert r.value == RegistrationEligibility(
        household_id="H1", reason="dibao", failed=(), not_recorded=(), exclusions=(), priority=False
    )
    assert r.value.eligible is True
    assert r.steps == (
        Step(rule="ID-1", key="registration.dibao", inputs={"household": "H1"}, citation=DIBAO),
        priority_step(False),
    )


def test_ID_1_dibao_not_recorded_is_said_first(policy: pp.Policy) -> None:
    a = applicant()
    unknown = attrs.evolve(a, household=attrs.evolve(a.household, dibao=None))
    r = eligibility(unknown, policy)
    assert r.value.reason == "eligible"  # eligible anyway: dibao does not matter
    assert r.steps[0] == Step(
        rule="ID-1",
        key="registration.dibao_not_recorded",
        inputs={"household": "H1"},
        citation=DIBAO,
    )
    assert r.steps[1:] == eligibility(a, policy).steps
    for reason, changed in (
        ("ineligible", {"willing": False}),
        ("excluded", {"exclusions": {Exclusion.WHOLE_HOUSEHOLD_AWAY}}),
        ("undetermined", {"willing": None}),
    ):
        base = applicant(**changed)
        assert eligibility(base, policy).value.reason == reason
        r = eligibility(
            attrs.evolve(base, household=attrs.evolve(base.household, dibao=None)), policy
        )
        assert r.value.reason == "undetermined"
        assert r.value.not_recorded[-1] is C.RURAL_DIBAO
        assert r.value.eligible is None
        assert r.steps[-1].key == "registration.summary.undetermined"
        assert r.steps[-1].inputs["not_recorded"] == r.value.not_recorded


@pytest.mark.parametrize(
    ("changes", "reason", "failed", "unknown"),
    [
        ({"willing": False}, "ineligible", (C.WILLING,), ()),
        (
            {"per_capita_net_income": Money("2736.01")},
            "ineligible",
            (C.INCOME_AT_OR_BELOW_LINE,),
            (),
        ),
        ({"willing": None}, "undetermined", (), (C.WILLING,)),
        (
            {"main_labourer_id": None},
            "undetermined",
            (),
            (C.MAIN_LABOURER_AGE, C.MAIN_LABOURER_ABLE),
        ),
        ({"per_capita_net_income": None}, "undetermined", (), (C.INCOME_AT_OR_BELOW_LINE,)),
        ({"exclusions": None}, "undetermined", (), (C.NOT_EXCLUDED,)),
        ({"willing": False, "exclusions": None}, "ineligible", (C.WILLING,), (C.NOT_EXCLUDED,)),
    ],
)
def test_ID_1_reason_and_summary_per_branch(
    policy: pp.Policy, changes: dict[str, Any], reason: str, failed: Any, unknown: Any
) -> None:
    r = eligibility(applicant(**changes), policy)
    assert (r.value.reason, r.value.failed, r.value.not_recorded) == (reason, failed, unknown)
    assert r.value.eligible is (None if reason == "undetermined" else reason == "eligible")
    assert r.steps[-1] == summary(reason, failed, unknown)
    assert r.steps[-2] == priority_step(None)


def test_ID_1_excluded_with_the_in_principle_note(policy: pp.Policy) -> None:
    found = {Exclusion.CHILDREN_NOT_SUPPORTING, Exclusion.WHOLE_HOUSEHOLD_AWAY}
    r = eligibility(applicant(exclusions=found), policy)
    ordered = tuple(e for e in Exclusion if e in found)
    assert (r.value.reason, r.value.exclusions) == ("excluded", ordered)
    assert r.value.failed == (C.NOT_EXCLUDED,)
    assert r.value.eligible is False
    excl = [s for s in r.steps if s.rule == "ID-2" and s.key.startswith("registration.exclusions")]
    assert excl == [
        Step(
            rule="ID-2",
            key="registration.exclusions",
            inputs={"found": ordered},
            notes=(Note(kind=NoteKind.DEFAULT, key="registration.note.in_principle"),),
            citation=EXCLUSIONS,
        )
    ]
    assert r.steps[-1] == summary("excluded", (C.NOT_EXCLUDED,), (), ordered)
    # an exclusion without the in-principle wording has no note
    r = eligibility(applicant(exclusions={Exclusion.WHOLE_HOUSEHOLD_AWAY}), policy)
    assert [s.notes for s in r.steps if s.key == "registration.exclusions"] == [()]


def test_ID_1_an_ID_1_failure_outranks_an_exclusion(policy: pp.Policy) -> None:
    r = eligibility(applicant(willing=False, exclusions={Exclusion.WHOLE_HOUSEHOLD_AWAY}), policy)
    assert r.value.reason == "ineligible"
    assert r.value.failed == (C.WILLING, C.NOT_EXCLUDED)


def test_ID_2_exclusions_not_checked_step(policy: pp.Policy) -> None:
    r = eligibility(applicant(exclusions=None), policy)
    assert [s for s in r.steps if s.rule == "ID-2" and "exclusions" in s.key] == [
        Step(
            rule="ID-2",
            key="registration.exclusions_unchecked",
            inputs={"found": ()},
            citation=EXCLUSIONS,
        )
    ]


@pytest.mark.parametrize(("born", "age"), [(dt.date(1953, 4, 10), 61), (dt.date(1953, 4, 11), 60)])
def test_ID_1_age_step_and_boundary_note(policy: pp.Policy, born: dt.date, age: int) -> None:
    r = eligibility(applicant(born), policy)
    assert r.steps[0] == age_step(policy, age)
    assert (C.MAIN_LABOURER_AGE in r.value.failed) is (age > 60)


@pytest.mark.parametrize(
    ("capacity", "ok"), [(FULL, True), (PARTIAL, True), (NONE, False), (None, None)]
)
def test_ID_1_able_step(
    policy: pp.Policy, capacity: LabourCapacity | None, ok: bool | None
) -> None:
    r = eligibility(applicant(capacity=capacity), policy)
    assert r.steps[1] == Step(
        rule="ID-1",
        key="registration.labourer_able",
        inputs={"capacity": capacity, "willing": True},
        citation=ABLE,
    )
    assert (C.MAIN_LABOURER_ABLE in r.value.failed) is (ok is False)
    assert (C.MAIN_LABOURER_ABLE in r.value.not_recorded) is (ok is None)


@pytest.mark.parametrize(
    ("income", "ok"), [(Money("2736"), True), (Money("2736.01"), False), (Money("0"), True)]
)
def test_ID_1_income_steps_and_boundary(policy: pp.Policy, income: Money, ok: bool) -> None:
    r = eligibility(applicant(per_capita_net_income=income), policy)
    steps = list(r.steps)
    start = steps.index(poverty_line(2013, policy, rule="ID-1").steps[0])
    assert steps[start : start + 2] == income_steps(policy, income, ok)


@pytest.mark.parametrize(
    ("changes", "year"), [({"per_capita_net_income": None}, "2013"), ({"income_year": None}, None)]
)
def test_ID_1_income_not_recorded_step(
    policy: pp.Policy, changes: dict[str, Any], year: str | None
) -> None:
    a = applicant(**changes)
    r = eligibility(a, policy)
    assert r.steps[2] == Step(
        rule="ID-1",
        key="registration.income_not_recorded",
        inputs={"income": a.per_capita_net_income, "year": year},
    )
    assert "poverty.line" not in [s.key for s in r.steps]


def test_ID_1_main_labourer_not_recorded(policy: pp.Policy) -> None:
    r = eligibility(applicant(main_labourer_id=None), policy)
    assert r.steps[0] == age_step(policy, None, person=None)
    assert r.steps[1].inputs == {"capacity": None, "willing": True}


def test_ID_rules_refuse_what_is_not_an_applicant(policy: pp.Policy) -> None:
    for rule in (eligibility, card_class):
        with pytest.raises(InputError) as exc:
            rule("H1", policy)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "rules.registration",
            "applicant",
            "H1",
            "an Applicant",
        )


# -- ID-5 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capacity", "more", "facts", "card", "key", "missing"),
    [
        (FULL, (), {"five_guarantee": True, "deep_poverty": True}, BLUE, "blue", ()),
        (NONE, (NONE,), {"five_guarantee": False, "deep_poverty": True}, BLUE, "blue", ()),
        (NONE, (NONE,), {"five_guarantee": None, "deep_poverty": None}, BLUE, "blue", ()),
        (FULL, (), {"five_guarantee": False, "deep_poverty": True}, CardClass.RED, "red", ()),
        (PARTIAL, (), {"five_guarantee": False, "deep_poverty": False}, YELLOW, "yellow", ()),
        (FULL, (), {"five_guarantee": None, "deep_poverty": True}, None, "undetermined",
         ("five_guarantee",)),
        (None, (), {"five_guarantee": False, "deep_poverty": True}, None, "undetermined",
         ("labour_capacity",)),
        (FULL, (), {"five_guarantee": False, "deep_poverty": None}, None, "undetermined",
         ("deep_poverty",)),
        (None, (), {"five_guarantee": None, "deep_poverty": None}, None, "undetermined",
         ("five_guarantee", "labour_capacity", "deep_poverty")),
    ],
)  # fmt: skip
def test_ID_5_card_step_per_branch(
    policy: pp.Policy,
    capacity: LabourCapacity | None,
    more: tuple[LabourCapacity | None, ...],
    facts: dict[str, Any],
    card: CardClass | None,
    key: str,
    missing: tuple[str, ...],
) -> None:
    r = card_class(applicant(capacity=capacity, more=more, **facts), policy)
    assert r.value == CardAssignment(household_id="H1", card=card, not_recorded=missing)
    assert r.steps == (
        Step(
            rule="ID-5",
            key=f"registration.card.{key}",
            inputs={
                "household": "H1",
                "card": card,
                "five_guarantee": facts["five_guarantee"],
                "deep": facts["deep_poverty"],
                "not_recorded": missing,
            },
            notes=(Note(kind=NoteKind.CONVENTION, key="registration.note.card_depth"),),
            citation=CARDS,
        ),
    )
