"""LAND-6 (audit_payments) step by step: per payee the status, the message key, the inputs and
the notes (paid late, overdue, lateness not assessed), the due date's step and the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.land import PaymentStatus, audit_payments, split_compensation
from povertypolicy.rules.land._base import _CITE_000_PAY

from .test_land_split import pack_dir, policy_for, village_case

__all__ = ["pack_dir"]  # the fixture, shared with test_land_split

DUE_ON = dt.date(2019, 6, 1)  # approval 2019-03-01 + the pack's 3 months
S = PaymentStatus


@pytest.fixture
def policy(pack_dir: Path) -> pp.Policy:
    return policy_for(pack_dir)


@pytest.fixture
def split(policy: pp.Policy) -> pp.rules.land.CompensationSplit:
    return split_compensation(village_case(), policy).value


def entry(payee: str, amount: Money | str, on: dt.date) -> pp.LedgerEntry:
    money = amount if isinstance(amount, Money) else Money(amount)
    return pp.LedgerEntry(payee=payee, amount=money, paid_on=on)


def problem(payee: str, status: PaymentStatus, due: Money, paid: Money, *notes: Note) -> Step:
    return Step(
        rule="LAND-6",
        key="land.audit_problem",
        inputs={
            "payee": payee,
            "status": status,
            "due": due,
            "paid": paid,
            "difference": abs(paid - due),
        },
        notes=notes,
        citation=_CITE_000_PAY,
    )


def late(days: int) -> Note:
    return Note(kind=NoteKind.WARNING, key="land.note.paid_late", args={"days": days})


def overdue(days: int, as_of: dt.date) -> Note:
    return Note(kind=NoteKind.WARNING, key="land.note.overdue", args={"days": days, "as_of": as_of})


NOT_ASSESSED = Note(kind=NoteKind.WARNING, key="land.note.overdue_not_assessed")


def test_LAND_6_every_status_step_by_step(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    due = dict(split.due())
    as_of = dt.date(2019, 7, 1)
    ledger = [
        entry("V1", due["V1"], DUE_ON),  # in full on the due day: not late
        entry("H1", "50000", dt.date(2019, 4, 1)),
        entry("H1", due["H1"] - Money("50000"), dt.date(2019, 6, 11)),  # in full, 10 days late
        entry("H2", "1000", dt.date(2019, 4, 1)),  # short
        entry("orchard-co", "6000", dt.date(2019, 6, 2)),  # overpaid, 1 day late
        entry("H4", "300", dt.date(2019, 4, 1)),  # nothing due
    ]
    r = audit_payments(split, ledger, policy, as_of=as_of)
    a = r.value
    assert (a.due_on, a.as_of) == (DUE_ON, as_of)
    rows = {p.payee: (p.status, p.completed_on, p.late_days, p.overdue_days) for p in a.payees}
    assert rows == {
        "V1": (S.PAID_IN_FULL, DUE_ON, 0, None),
        "H1": (S.PAID_IN_FULL, dt.date(2019, 6, 11), 10, None),
        "H2": (S.SHORT, None, 0, 30),
        "H3": (S.NEVER_PAID, None, 0, 30),
        "orchard-co": (S.OVERPAID, dt.date(2019, 6, 2), 1, None),
        "H4": (S.NOT_DUE, None, 0, None),
    }
    assert [p.payee for p in a.payees] == ["V1", "H1", "H2", "H3", "orchard-co", "H4"]
    assert [p.payments for p in a.payees] == [1, 2, 1, 0, 1, 1]
    zero = Money.zero()
    assert r.steps == (
        Step(
            rule="LAND-6",
            key="land.due_date",
            inputs={"from": dt.date(2019, 3, 1), "due_on": DUE_ON},
            params=(policy.param("land.payment_period_months"),),
            notes=(Note(kind=NoteKind.CONVENTION, key="land.note.plan_date_assumed"),),
        ),
        problem("H1", S.PAID_IN_FULL, due["H1"], due["H1"], late(10)),
        problem("H2", S.SHORT, due["H2"], Money("1000"), overdue(30, as_of)),
        problem("H3", S.NEVER_PAID, due["H3"], zero, overdue(30, as_of)),
        problem("orchard-co", S.OVERPAID, due["orchard-co"], Money("6000"), late(1)),
        problem("H4", S.NOT_DUE, zero, Money("300")),
        Step(
            rule="LAND-6",
            key="land.audit_summary",
            inputs={
                "payees": 6,
                "problems": 5,
                "total_due": split.total,
                "total_paid": sum((e.amount for e in ledger), start=zero),
                "total_short": due["H2"] - Money("1000") + due["H3"],
                "total_over": Money("6000") - due["orchard-co"] + Money("300"),
            },
            citation=_CITE_000_PAY,
        ),
    )


def test_LAND_6_completed_on_is_the_payment_that_reaches_the_amount(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    owed = split.due()["H1"]
    ledger = [  # given out of order: sorted by date
        entry("H1", "1", dt.date(2019, 8, 1)),
        entry("H1", owed - Money("1"), dt.date(2019, 5, 1)),
        entry("H1", "1", dt.date(2019, 6, 2)),
    ]
    h1 = audit_payments(split, ledger, policy, as_of=dt.date(2019, 9, 1)).value.of("H1")
    assert (h1.status, h1.completed_on, h1.late_days) == (S.OVERPAID, dt.date(2019, 6, 2), 1)


def test_LAND_6_without_an_audit_date(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    owed = split.due()["H1"]
    r = audit_payments(split, [entry("H1", owed, dt.date(2019, 6, 3))], policy)
    assert r.value.as_of is None
    h1, h2 = r.value.of("H1"), r.value.of("H2")
    assert (h1.late_days, h1.overdue_days) == (2, None)
    assert (h2.status, h2.overdue_days) == (S.NEVER_PAID, None)
    steps = {s.inputs["payee"]: s.notes for s in r.steps if s.key == "land.audit_problem"}
    assert steps["H1"] == (late(2),)  # paid: its lateness is known without an audit date
    assert steps["H2"] == (NOT_ASSESSED,)


def test_LAND_6_audit_before_the_due_date_is_not_overdue(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    r = audit_payments(split, [], policy, as_of=dt.date(2019, 5, 1))
    h2 = r.value.of("H2")
    assert (h2.status, h2.overdue_days) == (S.NEVER_PAID, 0)
    assert [s.notes for s in r.steps if s.inputs.get("payee") == "H2"] == [()]
    on_the_day = audit_payments(split, [], policy, as_of=DUE_ON + dt.timedelta(days=1))
    assert on_the_day.value.of("H2").overdue_days == 1


def test_LAND_6_due_date_given_or_from_the_plan(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    given = audit_payments(split, [], policy, due_on=dt.date(2019, 12, 31))
    assert given.steps[0] == Step(
        rule="LAND-6", key="land.due_date_given", inputs={"due_on": dt.date(2019, 12, 31)}
    )
    plan = audit_payments(split, [], policy, plan_approved_on=dt.date(2019, 4, 15))
    assert plan.steps[0] == Step(
        rule="LAND-6",
        key="land.due_date",
        inputs={"from": dt.date(2019, 4, 15), "due_on": dt.date(2019, 7, 15)},
        params=(policy.param("land.payment_period_months"),),
    )
    assert plan.value.due_on == dt.date(2019, 7, 15)


def test_LAND_6_refusals_compared_whole(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    parties = ", ".join(sorted(split.parties))
    with pytest.raises(pp.InputError) as one:
        audit_payments(split, [entry("H9", "1", dt.date(2019, 4, 1))], policy)
    assert (one.value.obj, one.value.field, one.value.value, one.value.expected) == (
        "PaymentLedger",
        "payee",
        "H9",
        f"a party of this expropriation: {parties}",
    )
    two = [entry("H9", "1", dt.date(2019, 4, 1)), entry("H8", "1", dt.date(2019, 4, 1))]
    with pytest.raises(pp.InputError) as both:
        audit_payments(split, two, policy)
    assert both.value.value == ["H8", "H9"]
    with pytest.raises(pp.InputError) as after:
        audit_payments(
            split,
            [entry("H1", "1", dt.date(2019, 8, 1)), entry("H1", "1", dt.date(2019, 8, 2))],
            policy,
            as_of=dt.date(2019, 7, 31),
        )
    e = after.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "PaymentLedger",
        "paid_on",
        dt.date(2019, 8, 1),
        "a date on or before the audit date 2019-07-31",
    )
    # paid on the audit date itself is fine
    on_the_day = [entry("H1", "1", dt.date(2019, 7, 31))]
    assert audit_payments(split, on_the_day, policy, as_of=dt.date(2019, 7, 31)).value


def test_LAND_6_a_ledger_object_or_a_list(
    split: pp.rules.land.CompensationSplit, policy: pp.Policy
) -> None:
    entries = [entry("H1", "1", dt.date(2019, 4, 1))]
    as_list = audit_payments(split, entries, policy)
    as_ledger = audit_payments(split, pp.PaymentLedger(entries=tuple(entries)), policy)
    assert as_list.value == as_ledger.value
    assert as_list.steps == as_ledger.steps
