"""ID-1, ID-2, ID-5 step by step: per branch the rule ID, message key, inputs, notes and
citation (what a wrong explanation would change, not only the answer)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import (
    CardClass,
    Exclusion,
    InputError,
    LabourCapacity,
    Money,
    RuleError,
    VillageClass,
)
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.poverty import poverty_line
from povertypolicy.rules.registration import (
    AwardCheck,
    CardAssignment,
    EvaluationGroup,
    PairedHousehold,
    PairingCheck,
    PostingPeriod,
    ProcedureCheck,
    QuotaShare,
    QuotaSplit,
    RegistrationCondition,
    RegistrationEligibility,
    Replacement,
    SchoolingAndTraining,
    Stage,
    TargetCheck,
    VoteCheck,
    card_class,
    check_procedure,
    eligibility,
    evaluation_group,
    incidence_target,
    income_growth_target,
    industry_award,
    inpatient_rate,
    pairing,
    posting_period,
    replace_disqualified,
    schooling_and_training,
    seedlings,
    split_quota,
    vote,
)
from tests.error_texts import check_rule_error

from .test_registration import ASSESSED, LONGHUI, VILLAGES, WEIGHTS, applicant

SEED = "poverty-work-plan-samples"
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


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(LONGHUI, on=ASSESSED)


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


# -- ID-7 (support.py) ------------------------------------------------------------------------

JIANGXI = "jx-township-poverty-plan-2015"


@pytest.fixture(scope="module")
def jx() -> pp.Policy:
    return pp.Policy.load(JIANGXI, on=dt.date(2016, 1, 1))


def id7(key: str, inputs: dict[str, Any], params: tuple[Any, ...], **kw: Any) -> Step:
    return Step(rule="ID-7", key=key, inputs=inputs, params=params, **kw)


@pytest.mark.parametrize(
    ("amount", "within"),
    [("999.99", False), ("1000", True), ("5000", True), ("5000.01", False), ("3000", True)],
)
def test_ID_7_award_steps(jx: pp.Policy, amount: str, within: bool) -> None:
    r = industry_award(Money(amount), jx)
    assert r.value == AwardCheck(amount=Money(amount), within=within)
    key = "registration.award.within" if within else "registration.award.outside"
    rng = jx.param("registration.industry_award_range")
    assert r.steps == (id7(key, {"amount": Money(amount)}, (rng,)),)


def test_ID_7_schooling_step(jx: pp.Policy) -> None:
    r = schooling_and_training(3, 2, jx)
    school = jx.param("registration.vocational_school_subsidy")
    train = jx.param("registration.skills_training_subsidy")
    value = SchoolingAndTraining(schooling=school.money * 3, training=train.money * 2)
    assert r.value == value
    assert value.total == school.money * 3 + train.money * 2
    assert r.steps == (
        id7(
            "registration.schooling",
            {
                "years": 3,
                "schooling": value.schooling,
                "trainees": 2,
                "training": value.training,
                "total": value.total,
            },
            (school, train),
        ),
    )
    assert schooling_and_training(0, 0, jx).value.total == Money(0)


YELLOW_OK = PairedHousehold(household_id="A", card=CardClass.YELLOW, income_gain=Money(2000))
RED_OK = PairedHousehold(household_id="B", card=CardClass.RED, income_gain=Money(2500))


@pytest.mark.parametrize(
    ("households", "state", "count_ok", "wrong", "short", "unknown"),
    [
        ((YELLOW_OK, RED_OK), "ok", True, (), (), ()),
        ((YELLOW_OK,), "fails", False, (), (), ()),
        ((YELLOW_OK, RED_OK, RED_OK), "fails", False, (), (), ()),
        ((YELLOW_OK, attrs.evolve(RED_OK, card=CardClass.BLUE)), "fails", True, ("B",), (), ()),
        (
            (YELLOW_OK, attrs.evolve(RED_OK, income_gain=Money("1999.99"))),
            "fails",
            True,
            (),
            ("B",),
            (),
        ),
        ((YELLOW_OK, attrs.evolve(RED_OK, income_gain=None)), "unknown", True, (), (), ("B",)),
        ((YELLOW_OK, attrs.evolve(RED_OK, card=None)), "unknown", True, (), (), ("B",)),
        (
            (attrs.evolve(YELLOW_OK, income_gain=Money(1)), attrs.evolve(RED_OK, card=None)),
            "fails",
            True,
            (),
            ("A",),
            ("B",),
        ),
    ],
)
def test_ID_7_pairing_steps(
    jx: pp.Policy,
    households: tuple[PairedHousehold, ...],
    state: str,
    count_ok: bool,
    wrong: tuple[str, ...],
    short: tuple[str, ...],
    unknown: tuple[str, ...],
) -> None:
    r = pairing("C1", households, jx)
    assert r.value == PairingCheck(
        helper="C1", count_ok=count_ok, wrong_card=wrong, short_gain=short, not_recorded=unknown
    )
    assert r.value.ok is {"ok": True, "fails": False, "unknown": None}[state]
    params = (
        jx.param("registration.pairing_households"),
        jx.param("registration.pairing_min_income_gain"),
    )
    assert r.steps == (
        id7(
            f"registration.pairing.{state}",
            {
                "helper": "C1",
                "count": len(households),
                "wrong_card": wrong,
                "short_gain": short,
                "not_recorded": unknown,
            },
            params,
        ),
    )


@pytest.mark.parametrize(("given", "ok"), [(19, False), (20, True), (0, False), (25, True)])
def test_ID_7_seedlings_step(jx: pp.Policy, given: int, ok: bool) -> None:
    r = seedlings(given, jx)
    assert r.value is ok
    assert r.steps == (
        id7(
            "registration.seedlings",
            {"given": given, "ok": ok},
            (jx.param("registration.pomelo_seedlings_min"),),
        ),
    )


@pytest.mark.parametrize(
    ("base", "rate"),
    [(Decimal(80), Decimal(85)), (0, Decimal(5)), (Decimal(96), Decimal(100)), (100, Decimal(100))],
)
def test_ID_7_inpatient_step(jx: pp.Policy, base: Decimal | int, rate: Decimal) -> None:
    r = inpatient_rate(base, jx)  # type: ignore[arg-type]
    assert r.value == rate
    assert r.steps == (
        id7(
            "registration.inpatient",
            {"base": Decimal(base), "rate": rate},
            (jx.param("registration.inpatient_uplift"),),
            notes=(Note(kind=NoteKind.CONVENTION, key="registration.note.uplift_points"),),
        ),
    )


def test_ID_7_refusals_compared_whole(jx: pp.Policy) -> None:
    def refused(fn: Any, *args: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(InputError) as exc:
            fn(*args)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    assert refused(industry_award, 1000, jx) == ("industry_award", "amount", 1000, "a Money amount")
    count = "a whole number >= 0"
    assert refused(schooling_and_training, -1, 0, jx) == (
        "rules.registration",
        "student_years",
        -1,
        count,
    )
    assert refused(schooling_and_training, 0, True, jx) == (
        "rules.registration",
        "certified_trainees",
        True,
        count,
    )
    assert refused(seedlings, 2.0, jx) == ("rules.registration", "given", 2.0, count)
    for bad in (Decimal("-0.1"), Decimal("100.1"), True, 50.0):
        assert refused(inpatient_rate, bad, jx) == (
            "inpatient_rate",
            "base_rate",
            bad,
            "a percent 0..100",
        )


# -- ID-4, ID-6 (quota.py) --------------------------------------------------------------------

QUOTA_CITE = Citation(
    document=SEED,
    section="篇4 §四(一)1",
    quote="扶貧對象指標分解切忌搞平均主義,要根據各村發展和農民人均收入水平,按照比較好、一般、貧困、深度貧困四類標準對村先行分類,再按照分類分解扶貧對象指標",
)
VC = VillageClass


def test_ID_4_split_steps(policy: pp.Policy) -> None:
    r = split_quota(7, VILLAGES, policy, weights=WEIGHTS)
    quotas = [1, 1, 2, 3]
    took = [True, False, False, True]
    assert r.value == QuotaSplit(
        total=7,
        shares=tuple(
            QuotaShare(
                village=v, village_class=c, weight=Fraction(WEIGHTS[c]), quota=q, took_remainder=t
            )
            for (v, c), q, t in zip(VILLAGES.items(), quotas, took, strict=True)
        ),
    )
    assert r.value.of("丙村") == 2
    assert r.steps == (
        *(
            Step(
                rule="ID-4",
                key="registration.quota.share",
                inputs={"village": v, "class": c, "weight": Fraction(WEIGHTS[c]), "quota": q},
            )
            for (v, c), q in zip(VILLAGES.items(), quotas, strict=True)
        ),
        Step(
            rule="ID-4",
            key="registration.quota.total",
            inputs={"total": 7, "villages": 4},
            notes=(
                Note(
                    kind=NoteKind.ROUNDING,
                    key="registration.note.quota_remainder",
                    args={"villages": ("甲村", "丁村")},
                ),
                Note(kind=NoteKind.CONVENTION, key="registration.note.quota_weights_given"),
            ),
            citation=QUOTA_CITE,
        ),
    )


def test_ID_4_no_remainder_no_rounding_note_and_basis(policy: pp.Policy) -> None:
    r = split_quota(100, VILLAGES, policy, weights=WEIGHTS)
    assert [n.key for n in r.steps[-1].notes] == ["registration.note.quota_weights_given"]
    basis = {"甲村": 10, "乙村": 0, "丙村": 10, "丁村": 10}
    b = split_quota(80, VILLAGES, policy, weights=WEIGHTS, basis=basis).value
    assert [s.quota for s in b.shares] == [10, 0, 30, 40]
    assert [s.weight for s in b.shares] == [10, 0, 30, 40]
    zero = split_quota(0, VILLAGES, policy, weights=WEIGHTS).value
    assert [s.quota for s in zero.shares] == [0, 0, 0, 0]
    fractions = {VC.GOOD: Decimal("0.5"), VC.AVERAGE: Fraction(1, 3), VC.POOR: 0, VC.DEEPLY_POOR: 1}
    f = split_quota(11, VILLAGES, policy, weights=fractions).value
    assert sum(s.quota for s in f.shares) == 11
    assert f.shares[2].quota == 0


def test_ID_4_refusals_compared_whole(policy: pp.Policy) -> None:
    def refused(*args: Any, **kw: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(InputError) as exc:
            split_quota(*args, **kw)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    for bad in (-1, True, 1.0):
        assert refused(bad, VILLAGES, policy, weights=WEIGHTS) == (
            "split_quota",
            "total",
            bad,
            "a whole number >= 0",
        )
    assert refused(5, {}, policy, weights=WEIGHTS) == (
        "split_quota",
        "villages",
        {},
        "at least one village",
    )
    assert refused(5, {"甲村": "good"}, policy, weights=WEIGHTS) == (
        "split_quota",
        "villages[甲村]",
        "good",
        "a VillageClass",
    )
    for bad_basis in ({"甲村": 1}, dict.fromkeys(VILLAGES, -1), dict.fromkeys(VILLAGES, True)):
        got = refused(5, VILLAGES, policy, weights=WEIGHTS, basis=bad_basis)
        assert got[0] == "split_quota"
        assert got[1].startswith("basis[")
        assert got[3] == "a whole number >= 0"
    expected = "VillageClass → a weight >= 0 (int, Decimal or Fraction)"
    for bad_w in ({VC.GOOD: -1}, {VC.GOOD: True}, {VC.GOOD: 1.5}, {"good": 1}):
        assert refused(5, VILLAGES, policy, weights=bad_w) == (
            "split_quota",
            "weights",
            bad_w,
            expected,
        )
    with pytest.raises(RuleError) as zero:
        split_quota(5, VILLAGES, policy, weights=dict.fromkeys(VC, 0))
    assert (zero.value.rule, zero.value.message) == (
        "ID-4",
        "every village's weight is zero: nothing to split by",
    )
    check_rule_error(zero.value, "registration.error.quota_weights_zero", {})
    with pytest.raises(RuleError) as missing:
        split_quota(5, VILLAGES, policy, weights={VC.GOOD: 1, VC.POOR: 1})
    assert missing.value.message == (
        "no weight given for the village class(es) average, deeply_poor"
    )
    classes = {"classes": [VC.AVERAGE, VC.DEEPLY_POOR]}
    check_rule_error(missing.value, "registration.error.quota_weights_not_given", classes)
    with pytest.raises(RuleError) as none:
        split_quota(5, {"甲村": VC.GOOD, "乙村": VC.AVERAGE}, policy)
    assert none.value.rule == "ID-4"
    assert none.value.message == (
        "the quota follows the village class, but no weights are given for average, good: "
        "the text gives none, so pass weights= or load a pack with "
        "registration.quota_weight_<class>; an even split is not allowed (切忌搞平均主义)"
    )
    classes = {"classes": [VC.AVERAGE, VC.GOOD]}
    check_rule_error(none.value, "registration.error.quota_weights_not_set", classes)


@pytest.mark.parametrize(
    ("poor", "population", "met"), [(3, 100, True), (31, 1000, False), (0, 1, True), (1, 1, False)]
)
def test_ID_6_incidence_step(jx: pp.Policy, poor: int, population: int, met: bool) -> None:
    r = incidence_target(poor, population, jx)
    rate = Fraction(poor * 100, population)
    assert r.value == TargetCheck(value=rate, met=met)
    assert r.steps == (
        Step(
            rule="ID-6",
            key="registration.target.incidence",
            inputs={"poor": poor, "population": population, "rate": rate, "met": met},
            params=(jx.param("registration.incidence_target"),),
        ),
    )


@pytest.mark.parametrize(
    ("village", "county", "met"),
    [(Decimal(15), Decimal(10), True), (Decimal("14.99"), Decimal(10), False), (12, 5, True)],
)
def test_ID_6_growth_step(jx: pp.Policy, village: Decimal, county: Decimal, met: bool) -> None:
    r = income_growth_target(village, county, jx)
    gap = Fraction(Decimal(village)) - Fraction(Decimal(county))
    assert r.value == TargetCheck(value=gap, met=met)
    assert r.steps == (
        Step(
            rule="ID-6",
            key="registration.target.growth",
            inputs={"village": village, "county": county, "gap": gap, "met": met},
            params=(jx.param("registration.income_growth_margin"),),
        ),
    )


def test_ID_6_refusals_compared_whole(jx: pp.Policy) -> None:
    def refused(fn: Any, *args: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(InputError) as exc:
            fn(*args, jx)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    assert refused(incidence_target, -1, 10) == (
        "incidence_target",
        "poor_people",
        -1,
        "a whole number >= 0",
    )
    assert refused(incidence_target, 0, 0) == (
        "incidence_target",
        "rural_population",
        0,
        "a whole number >= 1",
    )
    assert refused(incidence_target, True, 10) == (
        "incidence_target",
        "poor_people",
        True,
        "a whole number >= 0",
    )
    assert refused(incidence_target, 11, 10) == (
        "incidence_target",
        "poor_people",
        11,
        "at most 10",
    )
    assert refused(income_growth_target, 1.5, Decimal(1)) == (
        "income_growth_target",
        "village_growth",
        1.5,
        "a Decimal percent",
    )
    assert refused(income_growth_target, Decimal(1), True) == (
        "income_growth_target",
        "county_growth",
        True,
        "a Decimal percent",
    )


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
