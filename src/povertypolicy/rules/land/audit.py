"""LAND-6: payments checked against what was due; 征地补偿款是否及时足额到位."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dateutil.relativedelta import relativedelta

from ...domain.land import PaymentLedger
from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder, convention, warning
from ...money import Money
from ...policy import Policy
from ._base import _CITE_000_PAY, _at
from .values import CompensationSplit, PayeeAudit, PaymentAudit, PaymentStatus

__all__ = ["audit_payments"]

# -- LAND-6: payment audit -------------------------------------------------------------------


def audit_payments(
    split: CompensationSplit,
    ledger: PaymentLedger | Sequence[Any],
    policy: Policy,
    *,
    due_on: dt.date | None = None,
    plan_approved_on: dt.date | None = None,
    as_of: dt.date | None = None,
) -> Result[PaymentAudit]:
    """Check payments against what was due: in full, short, overpaid, late, never paid.

    征地补偿款是否及时足额到位. LAND-6. The due date is ``due_on`` if given, else the
    compensation plan's approval date (default: the land approval date) plus the pack's
    payment period. A ledger payee that is not a party of the case raises InputError.
    Without ``as_of`` the lateness of what is still unpaid is not assessed, and says so.
    """
    if not isinstance(ledger, PaymentLedger):
        ledger = PaymentLedger(entries=tuple(ledger))
    unknown = sorted(ledger.payees() - split.parties)
    if unknown:
        raise InputError(
            obj="PaymentLedger",
            field="payee",
            value=unknown[0] if len(unknown) == 1 else unknown,
            expected="a party of this expropriation: " + ", ".join(sorted(split.parties)),
            code="land.error.unknown_payee",
            extra={"parties": sorted(split.parties)},
        )
    rec = Recorder("LAND-6")
    if due_on is None:
        pol, date_notes = _at(policy, split.approved_on)
        period_p = pol.param("land.payment_period_months")
        notes = list(date_notes)
        base = plan_approved_on
        if base is None:
            base = split.approved_on
            notes.append(convention("land.note.plan_date_assumed"))
        due_on = base + relativedelta(months=period_p.integer)
        rec.step("land.due_date", {"from": base, "due_on": due_on}, params=(period_p,), notes=notes)
    else:
        rec.step("land.due_date_given", due_on=due_on)
    if as_of is not None:
        late_entries = [e for e in ledger.entries if e.paid_on > as_of]
        if late_entries:
            raise InputError(
                obj="PaymentLedger",
                field="paid_on",
                value=late_entries[0].paid_on,
                expected=f"a date on or before the audit date {as_of}",
                code="land.error.paid_after_audit",
                extra={"as_of": as_of},
            )
    by_payee: dict[str, list[Any]] = {}
    for e in sorted(ledger.entries, key=lambda e: e.paid_on):
        by_payee.setdefault(e.payee, []).append(e)
    due = {p.payee: p for p in split.payees}
    names = [p.payee for p in split.payees] + sorted(set(by_payee) - set(due))
    audits: list[PayeeAudit] = []
    for name in names:
        d = due.get(name)
        amount_due = d.amount if d is not None else Money.zero()
        entries = by_payee.get(name, [])
        paid = Money.zero()
        completed: dt.date | None = None
        for e in entries:
            paid = paid + e.amount
            if completed is None and amount_due and paid >= amount_due:
                completed = e.paid_on
        if d is None:
            status = PaymentStatus.NOT_DUE
        elif not entries:
            status = PaymentStatus.NEVER_PAID
        elif paid < amount_due:
            status = PaymentStatus.SHORT
        elif paid > amount_due:
            status = PaymentStatus.OVERPAID
        else:
            status = PaymentStatus.PAID_IN_FULL
        late = max((completed - due_on).days, 0) if completed is not None else 0
        overdue: int | None = None
        if completed is None and d is not None and as_of is not None:
            overdue = max((as_of - due_on).days, 0)
        audit = PayeeAudit(
            payee=name,
            payee_kind=d.payee_kind if d is not None else None,
            due=amount_due,
            paid=paid,
            status=status,
            payments=len(entries),
            completed_on=completed,
            late_days=late,
            overdue_days=overdue,
        )
        audits.append(audit)
        if not audit.ok:
            not_assessed = completed is None and d is not None and as_of is None
            rec.step(
                "land.audit_problem",
                payee=name,
                status=status,
                due=amount_due,
                paid=paid,
                difference=abs(audit.difference),
                notes=(
                    warning("land.note.paid_late", days=late) if late else None,
                    warning("land.note.overdue", days=overdue, as_of=as_of) if overdue else None,
                    warning("land.note.overdue_not_assessed") if not_assessed else None,
                ),
                citation=_CITE_000_PAY,
            )
    value = PaymentAudit(due_on=due_on, as_of=as_of, payees=tuple(audits))
    rec.step(
        "land.audit_summary",
        payees=len(audits),
        problems=len(value.problems),
        total_due=value.total_due,
        total_paid=value.total_paid,
        total_short=value.total_short,
        total_over=value.total_over,
        citation=_CITE_000_PAY,
    )
    return rec.result(value)
