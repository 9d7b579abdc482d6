"""ID-7 (support.py) step by step: the industry award, schooling and training, pairing,
seedlings and inpatient rate, per branch the rule ID, message key, inputs, params and notes;
the refusals compared whole."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import CardClass, InputError, Money
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.registration import (
    AwardCheck,
    PairedHousehold,
    PairingCheck,
    SchoolingAndTraining,
    industry_award,
    inpatient_rate,
    pairing,
    schooling_and_training,
    seedlings,
)

from ._registration_steps import jx as jx  # fixture

# -- ID-7 (support.py) ------------------------------------------------------------------------


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
