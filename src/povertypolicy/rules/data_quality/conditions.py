"""DATA-2 and DATA-4 on one record: the check list's conditions, three-valued; 指标校验.

A clause on a fact that is not recorded is neither true nor false: the check is *not checked*
for that record (unknown is not zero), except ``missing`` / ``recorded``, which ask exactly that.
A check fires when every clause holds.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from ...errors import ParameterPeriodError
from ...explain import Note, Result
from ...explain.recorder import Recorder, convention
from ...policy import Parameter, Policy
from ...policy.spec import Kind
from .checks import Check, CheckList, Clause, Op, load_checks

__all__ = [
    "ABSENT",
    "UNREADABLE",
    "RecordCheck",
    "Verdict",
    "check_record",
    "clause_operand",
    "message_args",
    "verdict",
]

#: A record's field absent from the ledger (no such column): the check cannot run.
ABSENT: Any = object()
#: A cell that could not be read (it is in the errors table): unknown, even for ``missing``.
UNREADABLE: Any = object()


#: Shipped checks whose note is in the catalog (``data_quality.note.<code>``).
NOTED = frozenset(
    {
        "household.income_year_missing",
        "household.no_members",
        "household.out_of_poverty_below_line",
        "person.blue_card_full_labour",
        "project.service_basic_needs_unresolved",
        "project.industry_without_industry",
    }
)


class Verdict(enum.Enum):
    """A check on one record: it fires, it passes, or it cannot be decided (not checked)."""

    FIRES = "fires"
    PASSES = "passes"
    UNKNOWN = "unknown"


def _param(policy: Policy, name: str, year: Any) -> Parameter | None:
    at = policy if year is None else policy.at(dt.date(int(year), 12, 31))
    try:
        return at.param(name)
    except ParameterPeriodError:
        return None


def _typed(param: Parameter) -> Any:
    kind = param.kind
    if kind is Kind.MONEY:
        return param.money
    if kind is Kind.DATE:
        return param.date
    return param.integer


def clause_operand(clause: Clause, record: Mapping[str, Any], policy: Policy) -> Any:
    """What ``clause.field`` is compared with for this record (None: cannot be known)."""
    if clause.than is not None:
        other = record.get(clause.than, ABSENT)
        return None if other is ABSENT or other is UNREADABLE else other
    if clause.param is not None:
        year = None
        if clause.year is not None:
            year = record.get(clause.year, ABSENT)
            if year is ABSENT or year is None or year is UNREADABLE:
                return None
        param = _param(policy, clause.param, year)
        return None if param is None else _typed(param)
    return clause.value


def _truth(clause: Clause, record: Mapping[str, Any], policy: Policy) -> bool | None:
    left = record.get(clause.field, ABSENT)
    if left is ABSENT or left is UNREADABLE:
        return None
    if clause.op is Op.MISSING:
        return left is None
    if clause.op is Op.RECORDED:
        return left is not None
    if left is None:
        return None
    right = clause_operand(clause, record, policy)
    if right is None:
        return None
    op = clause.op
    if op is Op.IN:
        return left in right
    if op is Op.EQ:
        return bool(left == right)
    if op is Op.NE:
        return bool(left != right)
    if op is Op.LT:
        return bool(left < right)
    if op is Op.LE:
        return bool(left <= right)
    if op is Op.GT:
        return bool(left > right)
    return bool(left >= right)


def verdict(check: Check, record: Mapping[str, Any], policy: Policy) -> Verdict:
    """Whether ``check`` fires on ``record`` (field refs → domain values, None: not recorded)."""
    unknown = False
    for clause in check.when:
        truth = _truth(clause, record, policy)
        if truth is False:
            return Verdict.PASSES
        unknown = unknown or truth is None
    return Verdict.UNKNOWN if unknown else Verdict.FIRES


@attrs.frozen(kw_only=True)
class RecordCheck:
    """The condition checks of one record: which fired and which could not be checked.

    Args:
        table: The record's table.
        fired: Codes of the checks that fired.
        unknown: Codes of the checks that could not be decided for want of a fact.
    """

    table: str
    fired: tuple[str, ...]
    unknown: tuple[str, ...]


def message_args(check: Check, record: Mapping[str, Any], policy: Policy) -> dict[str, Any]:
    """The values a finding's message shows: ``value``, ``limit`` and ``year``."""
    value = record.get(check.field)
    args: dict[str, Any] = {"value": None if value is UNREADABLE else value, "limit": None}
    args["year"] = None
    for clause in check.when:
        if clause.year is not None and args["year"] is None:
            year = record.get(clause.year)
            args["year"] = None if year is None or year is UNREADABLE else str(year)
        compares = clause.op not in (Op.MISSING, Op.RECORDED)
        if clause.field == check.field and compares and args["limit"] is None:
            args["limit"] = clause_operand(clause, record, policy)
    return args


def check_record(
    table: str,
    record: Mapping[str, Any],
    policy: Policy,
    checks: CheckList | str | None = None,
) -> Result[RecordCheck]:
    """Every enabled condition check of ``table`` on one record; 指标校验 (DATA-2, DATA-4).

    ``record`` maps field references (``per_capita_net_income``, ``household.card_class``,
    ``member_rows``) to domain values; ``None`` is "not recorded", a field left out is "no
    such column". One step per check that fires, with its clause and citation; one step
    listing the checks that could not be decided.
    """
    found = load_checks(checks)
    fired: list[str] = []
    unknown: list[str] = []
    rec = Recorder(_rule(found, table))
    for check in found.enabled():
        if check.builtin or check.table != table:
            continue
        outcome = verdict(check, record, policy)
        if outcome is Verdict.PASSES:
            continue
        if outcome is Verdict.UNKNOWN:
            unknown.append(check.code)
            continue
        fired.append(check.code)
        args = message_args(check, record, policy)
        params = []
        for clause in check.when:
            if clause.param is not None:
                year = record.get(clause.year) if clause.year is not None else None
                param = _param(policy, clause.param, year)
                if param is not None:
                    params.append(param)
        notes: tuple[Note, ...] = ()
        if check.note and check.message is None and check.code in NOTED:
            notes = (convention(f"data_quality.note.{check.code}"),)
        elif check.note:
            notes = (convention("data_quality.note.check", text=check.note),)
        finding = Recorder(check.rule)  # each finding under its check's rule ID
        if check.message is None:
            finding.step(
                f"data_quality.finding.{check.code}",
                args,
                params=params,
                notes=notes,
                citation=check.citation,
            )
        else:
            shown = {k: "" if v is None else str(v) for k, v in args.items()}
            finding.step(
                "data_quality.step.custom",
                code=check.code,
                text=check.message["zh_Hans"].format(**shown),
                params=params,
                notes=notes,
                citation=check.citation,
            )
        rec.extend(finding.steps)
    if not fired:
        rec.step("data_quality.step.clean")
    if unknown:
        rec.step("data_quality.step.not_checked", codes=", ".join(unknown))
    return rec.result(RecordCheck(table=table, fired=tuple(fired), unknown=tuple(unknown)))


def _rule(found: CheckList, table: str) -> str:
    for check in found.enabled():
        if check.table == table and not check.builtin:
            return check.rule
    return "DATA-2"
