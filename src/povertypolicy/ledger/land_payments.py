"""Compensation over a ledger: LAND-3 split per payee, LAND-6 audit per payee; 补偿款台账.

Each case is one call of `split_compensation()` (and for the
audit `audit_payments()`); the numbers are those rules'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..domain.land import SOCIAL_SECURITY_FUND, AttachmentKind, LedgerEntry, PaymentLedger
from ..explain import Result
from ..policy import Policy
from ..rules import land as rules
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame, reading_cells
from .land import (
    CASE_ID,
    CASES,
    HOUSEHOLDS,
    PARCELS,
    PERSONS_BASIC,
    case_rows,
    expropriation_object,
    mark_bad,
    output_table,
    prepare_cases,
    solve_cases,
)
from .parse import date_to_days
from .schema import Column, ColumnKind, TableSchema

__all__ = [
    "ATTACHMENTS",
    "PAYMENTS",
    "Audit",
    "Split",
    "audit_result",
    "check_payments",
    "payment_ledger",
]

ATTACHMENTS = TableSchema(
    name="attachments",
    zh="地上附着物和青苗",
    key="attachment_id",
    link="case_id",
    doc="One row per ground attachment or young crops, with its owner and amount (LAND-3).",
    columns=(
        Column(
            name="attachment_id",
            zh="附着物编号",
            kind=ColumnKind.ID,
            nullable=False,
            aliases=("附著物編號", "补偿物编号", "補償物編號"),
            doc="The item's id.",
        ),
        CASE_ID,
        Column(
            name="kind",
            zh="补偿物类别",
            kind=ColumnKind.ENUM,
            enum=AttachmentKind,
            nullable=False,
            aliases=("補償物類別", "类别", "類別"),
            doc="地上附着物 / 青苗.",
        ),
        Column(
            name="owner",
            zh="所有权人",
            kind=ColumnKind.ID,
            nullable=False,
            aliases=("所有權人", "所有者", "所有人"),
            doc="Payee id of the owner (a household, a person, a company …).",
        ),
        Column(
            name="amount",
            zh="补偿金额",
            kind=ColumnKind.MONEY,
            nullable=False,
            aliases=("補償金額", "金额", "金額"),
            doc="The assessed compensation in yuan, more than 0.",
        ),
        Column(
            name="parcel",
            zh="所在地块编号",
            kind=ColumnKind.ID,
            required=False,
            aliases=("所在地塊編號", "所在地块", "所在地塊", "地块编号", "地塊編號"),
            doc="The parcel it stands on (a parcel of the same case).",
        ),
        Column(
            name="description",
            zh="说明",
            kind=ColumnKind.TEXT,
            required=False,
            aliases=("說明", "备注", "備註"),
            doc="What it is (shown only).",
        ),
    ),
)

# -- linking and holding -----------------------------------------------------------------------

PAYMENTS = TableSchema(
    name="payments",
    zh="补偿款支付",
    key="payment_id",
    link="case_id",
    doc="One row per payment of compensation made (支付记录, LAND-6).",
    columns=(
        Column(
            name="payment_id",
            zh="凭证号",
            kind=ColumnKind.ID,
            nullable=False,
            aliases=("憑證號", "支付编号", "支付編號", "流水号", "流水號"),
            doc="The voucher number; also the entry's reference.",
        ),
        CASE_ID,
        Column(
            name="payee",
            zh="收款方",
            kind=ColumnKind.ID,
            nullable=False,
            aliases=("收款人",),
            doc="Payee id: a party of the case (collective, household, owner, unit, fund).",
        ),
        Column(
            name="amount",
            zh="支付金额",
            kind=ColumnKind.MONEY,
            nullable=False,
            aliases=("支付金額", "金额", "金額"),
            doc="The amount paid in yuan, more than 0.",
        ),
        Column(
            name="paid_on",
            zh="支付日期",
            kind=ColumnKind.DATE,
            nullable=False,
            aliases=("付款日期",),
            doc="The date it was paid (not after the run's as_of).",
        ),
    ),
)


def _parties(frames: Mapping[str, Frame]) -> list[set[str]]:
    """Per case row: every payee id the case knows (as `Expropriation.parties`)."""
    cases = frames["cases"]
    out: list[set[str]] = []
    for c in range(len(cases)):
        found = {cases.value("social_security_account", c) or SOCIAL_SECURITY_FUND}
        for field in ("collective", "resettling_unit"):
            v = cases.value(field, c)
            if v is not None:
                found.add(v)
        out.append(found)
    for name, field in (("households", "household_id"), ("attachments", "owner")):
        frame = frames.get(name)
        if frame is None or frame.parent is None:
            continue
        values = frame.cols[field].values.to_pylist()
        for i, p in enumerate(frame.parent.tolist()):
            if p >= 0 and values[i] is not None:
                out[p].add(values[i])
    return out


def check_payments(frames: Mapping[str, Frame], as_of: dt.date | None, log: ErrorLog) -> None:
    """Payments: after the audit date, or to someone who is not a party of the case."""
    payments = frames["payments"]
    assert payments.parent is not None
    if as_of is not None:
        paid = payments.cols["paid_on"]
        late = np.flatnonzero(paid.recorded & (paid.values > date_to_days(as_of)))
        mark_bad(payments, late, "paid_on", "ledger.error.after_as_of", log, as_of=as_of)
    parties = _parties(frames)
    payee = payments.cols["payee"]
    names = payee.values.to_pylist()
    strangers = [
        i
        for i, p in enumerate(payments.parent.tolist())
        if p >= 0 and payee.recorded[i] and names[i] not in parties[p]
    ]
    mark_bad(payments, np.array(strangers, np.int64), "payee", "ledger.error.unknown_payee", log)


def payment_ledger(frames: Mapping[str, Frame], c: int) -> PaymentLedger:
    """The payment rows of case row ``c`` as a `PaymentLedger` (voucher as reference)."""
    payments = frames["payments"]
    return PaymentLedger(
        entries=tuple(
            LedgerEntry(
                payee=payments.value("payee", i),
                amount=payments.value("amount", i),
                paid_on=payments.value("paid_on", i),
                reference=payments.value("payment_id", i),
            )
            for i in case_rows(payments, c)
        )
    )


_ITEMS = tuple(rules.CompensationItem)
_TABLES = (CASES, PARCELS, HOUSEHOLDS, PERSONS_BASIC, ATTACHMENTS)


@register
class Split(LedgerRule):
    """LAND-3 per payee: what each payee of each case is due, per item, to the fen; 补偿款分配.

    One row per payee (not per item line): a row is one transfer to make, and the item
    columns keep the detail, so the *_fen totals are the county's totals per item.
    """

    name = "land.split"
    per = "payee of each case"
    rule_ids = ("LAND-1", "LAND-2", "LAND-3")
    title = "ledger.rule.land.split"
    tables = _TABLES
    output = "cases"
    key = "id"  # "<case_id>/<payee>"
    reasons = tuple(f"to_{k.value}" for k in rules.PayeeKind)

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        prepare_cases(frames, log)

    @reading_cells
    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        cases = frames["cases"]
        done = solve_cases(frames, log, lambda c: self.result(frames, c, policy).value)
        rows: list[int] = []
        out: list[dict[str, Any]] = []
        for c in sorted(done):
            split = done[c]
            case_id = cases.value("case_id", c)
            for p in split.payees:
                items = dict(p.items)
                row: dict[str, Any] = {
                    "id": f"{case_id}/{p.payee}",
                    "case_id": case_id,
                    "payee": p.payee,
                    "payee_kind": p.payee_kind.value,
                    "method": split.compensation.method.value,
                    "amount_fen": p.amount.fen,
                }
                for item in _ITEMS:
                    row[f"{item.value}_fen"] = items[item].fen if item in items else 0
                row["reason"] = f"to_{p.payee_kind.value}"
                rows.append(c)
                out.append(row)
        types: dict[str, pa.DataType] = {
            # The composite id replaces the engine's key column (case ids alone).
            "id": pa.string(),
            "case_id": pa.string(),
            "payee": pa.string(),
            "payee_kind": pa.string(),
            "method": pa.string(),
            "amount_fen": pa.int64(),
            **{f"{item.value}_fen": pa.int64() for item in _ITEMS},
            "reason": pa.string(),
        }
        return np.array(rows, np.int64), output_table(out, types)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return rules.split_compensation(expropriation_object(frames, row), policy)


def audit_result(
    frames: Mapping[str, Frame], c: int, policy: Policy, as_of: dt.date | None
) -> Result[rules.PaymentAudit]:
    """LAND-6 for case row ``c``: its split against its payment rows, as of ``as_of``.

    The due date is the case's ``due_on`` when recorded, else its ``plan_approved_on`` (or the
    approval date) plus the pack's payment period, as `audit_payments()` says.
    """
    cases = frames["cases"]
    split = rules.split_compensation(expropriation_object(frames, c), policy).value
    return rules.audit_payments(
        split,
        payment_ledger(frames, c),
        policy,
        due_on=cases.value("due_on", c),
        plan_approved_on=cases.value("plan_approved_on", c),
        as_of=as_of,
    )


@register
class Audit(LedgerRule):
    """LAND-6 per payee per case: due, paid, status, days late or overdue; 补偿款支付核查.

    ``as_of`` is the run's ``as_of=`` (the audit date); without it nothing is overdue.
    """

    name = "land.audit"
    per = "payee of each case"
    rule_ids = ("LAND-1", "LAND-2", "LAND-3", "LAND-6")
    title = "ledger.rule.land.audit"
    tables = (*_TABLES, PAYMENTS)
    output = "cases"
    key = "id"  # "<case_id>/<payee>"
    reasons = ("paid_in_full", "paid_late", "short", "overpaid", "never_paid", "not_due")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        prepare_cases(frames, log, lambda fs, lg: check_payments(fs, self.as_of, lg))

    @reading_cells
    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        cases = frames["cases"]
        done = solve_cases(frames, log, lambda c: self.result(frames, c, policy).value)
        rows: list[int] = []
        out: list[dict[str, Any]] = []
        for c in sorted(done):
            audit = done[c]
            case_id = cases.value("case_id", c)
            for p in audit.payees:
                reason = p.status.value
                if p.status is rules.PaymentStatus.PAID_IN_FULL and p.late_days:
                    reason = "paid_late"
                rows.append(c)
                out.append(
                    {
                        "id": f"{case_id}/{p.payee}",
                        "case_id": case_id,
                        "payee": p.payee,
                        "payee_kind": None if p.payee_kind is None else p.payee_kind.value,
                        "due_fen": p.due.fen,
                        "paid_fen": p.paid.fen,
                        "short_fen": max(p.due.fen - p.paid.fen, 0),
                        "over_fen": max(p.paid.fen - p.due.fen, 0),
                        "status": p.status.value,
                        "payments": p.payments,
                        "due_on": audit.due_on,
                        "completed_on": p.completed_on,
                        "late_days": p.late_days,
                        "overdue_days": p.overdue_days,
                        "reason": reason,
                    }
                )
        types = {
            # The composite id replaces the engine's key column (case ids alone).
            "id": pa.string(),
            "case_id": pa.string(),
            "payee": pa.string(),
            "payee_kind": pa.string(),
            "due_fen": pa.int64(),
            "paid_fen": pa.int64(),
            "short_fen": pa.int64(),
            "over_fen": pa.int64(),
            "status": pa.string(),
            "payments": pa.int64(),
            "due_on": pa.date32(),
            "completed_on": pa.date32(),
            "late_days": pa.int64(),
            "overdue_days": pa.int64(),
            "reason": pa.string(),
        }
        return np.array(rows, np.int64), output_table(out, types)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return audit_result(frames, row, policy, self.as_of)
