"""Tranche release and the demolition deduction (分期拨付、拆旧扣款), poverty-work-plan-samples 篇3:
HOUSE-3, HOUSE-4."""

from __future__ import annotations

import datetime as dt

from ..domain.housing import CONSTRUCTION, BuildProgress, Milestone
from ..errors import InputError, RuleError
from ..explain import Result
from ..explain.recorder import Recorder, warning
from ..money import Money
from ..policy import Policy
from .housing import (
    HousingSubsidy,
    TrancheRelease,
    TrancheState,
    TrancheStatus,
    _require,
)

__all__ = ["release_tranches"]


# -- HOUSE-3 release and HOUSE-4 deduction --------------------------------------------------------


def _check_order(progress: BuildProgress, as_of: dt.date) -> None:
    dates = [(m, progress.reached_on(m)) for m in CONSTRUCTION]
    for i, (milestone, reached) in enumerate(dates):
        if reached is None:
            for later, later_on in dates[i + 1 :]:
                if later_on is not None:
                    raise RuleError(
                        rule="HOUSE-3",
                        message=(
                            f"{later.value} reported on {later_on} but {milestone.value} was "
                            "never reported: tranches are released only in milestone order"
                        ),
                        code="housing.error.milestone_skipped",
                        extra={"later": later, "reported_on": later_on, "milestone": milestone},
                    )
            break
        before, before_on = dates[i - 1] if i else (milestone, reached)
        if before_on is not None and reached < before_on:
            raise RuleError(
                rule="HOUSE-3",
                message=(
                    f"{milestone.value} reported on {reached}, before {before.value} "
                    f"({before_on}): milestones must be reached in order"
                ),
                code="housing.error.milestone_order",
                extra={
                    "milestone": milestone,
                    "reached_on": reached,
                    "before": before,
                    "before_on": before_on,
                },
            )
    for milestone in Milestone:
        reached = progress.reached_on(milestone)
        if reached is not None and reached > as_of:
            raise RuleError(
                rule="HOUSE-3",
                message=f"{milestone.value} is dated {reached}, after the payment date {as_of}",
                code="housing.error.milestone_after_payment",
                extra={"milestone": milestone, "reached_on": reached, "as_of": as_of},
            )
    order = list(Milestone)
    for milestone in progress.paid:
        if progress.reached_on(milestone) is None:
            raise RuleError(
                rule="HOUSE-3",
                message=f"{milestone.value} is marked paid but its milestone was never reached",
                code="housing.error.paid_not_reached",
                extra={"milestone": milestone},
            )
        for earlier in order[: order.index(milestone)]:
            if earlier not in progress.paid:
                raise RuleError(
                    rule="HOUSE-3",
                    message=(
                        f"{milestone.value} is marked paid before {earlier.value}: "
                        "tranches are paid only in order"
                    ),
                    code="housing.error.paid_out_of_order",
                    extra={"milestone": milestone, "earlier": earlier},
                )


def _demolition(
    subsidy: HousingSubsidy, progress: BuildProgress, policy: Policy, as_of: dt.date
) -> Result[tuple[dict[Milestone, Money], Money]]:
    """HOUSE-4: the township's demolition cost, taken from the unpaid tranches, last first.

    Its value: the deduction from each tranche, and what the household still owes.
    """
    deadline = policy.param("housing.demolition_deadline")
    rec = Recorder("HOUSE-4")
    deductions = {m: Money.zero() for m in Milestone}
    owed = Money.zero()
    demolished_on = progress.old_house_demolished_on
    if demolished_on is None:
        key = (
            "housing.demolition.pending" if deadline.admits(as_of) else "housing.demolition.overdue"
        )
        rec.step(key, as_of=as_of, deadline=deadline.date, params=(deadline,))
    elif progress.demolished_by_township is None:
        raise RuleError(
            rule="HOUSE-4",
            message=(
                f"the old house was demolished on {demolished_on}, but whether the household "
                "or the township demolished it is not recorded (demolished_by_township): the "
                "township's cost would be deducted, so it cannot be assumed"
            ),
            code="housing.error.demolished_by_unknown",
            extra={"demolished_on": demolished_on},
        )
    elif not progress.demolished_by_township:
        key = (
            "housing.demolition.on_time"
            if deadline.admits(demolished_on)
            else "housing.demolition.late_by_household"
        )
        rec.step(key, date=demolished_on, deadline=deadline.date, params=(deadline,))
    elif deadline.admits(demolished_on):
        rec.step(
            "housing.demolition.township_early",
            date=demolished_on,
            cost=progress.demolition_cost,
            deadline=deadline.date,
            params=(deadline,),
            notes=(warning("housing.note.township_early"),),
        )
    else:
        cost = progress.demolition_cost
        assert cost is not None  # BuildProgress refuses a township demolition without its cost
        rec.step(
            "housing.demolition.township",
            date=demolished_on,
            cost=cost,
            deadline=deadline.date,
            params=(deadline,),
        )
        left = cost
        for tranche in reversed(subsidy.tranches):
            if tranche.milestone in progress.paid or not left:
                continue
            take = min(left, tranche.amount)
            if take:
                deductions[tranche.milestone] = take
                left -= take
                rec.step("housing.demolition.deducted", milestone=tranche.milestone, amount=take)
        if left:
            owed = left
            rec.step("housing.demolition.owed", excess=owed)
    return rec.result((deductions, owed))


def release_tranches(
    subsidy: HousingSubsidy, progress: BuildProgress, policy: Policy, *, as_of: dt.date
) -> Result[TrancheRelease]:
    """What to pay on ``as_of``, in order, less demolition cost; 分期拨付 (HOUSE-3, HOUSE-4).

    A report that skips a construction milestone (e.g. a second storey without a first) is
    refused with `RuleError`. The old-house tranche is paid only after the three
    construction tranches. When the township demolished the old house after the deadline, its
    cost is deducted from the unpaid tranches, last tranche first; any excess is reported as
    owed by the household, never as a negative payment.
    """
    _require(subsidy, HousingSubsidy, "subsidy", code="housing.error.subsidy_type")
    _require(progress, BuildProgress, "progress", code="housing.error.progress_type")
    if isinstance(as_of, dt.datetime) or not isinstance(as_of, dt.date):
        raise InputError(
            obj="release_tranches",
            field="as_of",
            value=as_of,
            expected="a datetime.date",
            code="core.error.date",
        )
    _check_order(progress, as_of)
    rec = Recorder("HOUSE-3")
    deductions, owed = rec.use(_demolition(subsidy, progress, policy, as_of))

    # HOUSE-3: release in order.
    statuses: list[TrancheStatus] = []
    blocked_by: Milestone | None = None
    for tranche in subsidy.tranches:
        m = tranche.milestone
        reached = progress.reached_on(m)
        deduction = deductions[m]
        if m in progress.paid:
            state, payable = TrancheState.PAID, Money.zero()
            rec.step("housing.release.paid", milestone=m, amount=tranche.amount)
        elif reached is None:
            state, payable = TrancheState.NOT_REACHED, Money.zero()
            blocked_by = blocked_by or m
            rec.step("housing.release.not_reached", milestone=m, amount=tranche.amount - deduction)
        elif blocked_by is not None:
            state, payable = TrancheState.WAITING, Money.zero()
            rec.step("housing.release.waiting", milestone=m, date=reached, earlier=blocked_by)
        else:
            state, payable = TrancheState.PAYABLE, tranche.amount - deduction
            rec.step(
                "housing.release.payable",
                milestone=m,
                date=reached,
                amount=tranche.amount,
                deduction=deduction,
                payable=payable,
            )
        statuses.append(
            TrancheStatus(
                milestone=m,
                amount=tranche.amount,
                reached_on=reached,
                state=state,
                deduction=deduction,
                payable=payable,
            )
        )
    paid_before = sum((s.amount for s in statuses if s.state is TrancheState.PAID), Money.zero())
    payable_now = sum((s.payable for s in statuses), Money.zero())
    deduction_total = sum(deductions.values(), Money.zero())
    rec.step(
        "housing.release.summary",
        as_of=as_of,
        payable=payable_now,
        paid=paid_before,
        deduction=deduction_total,
        owed=owed,
    )
    value = TrancheRelease(
        household_id=subsidy.household_id,
        as_of=as_of,
        tranches=tuple(statuses),
        paid_before=paid_before,
        payable_now=payable_now,
        deduction=deduction_total,
        owed_by_household=owed,
    )
    return rec.result(value)
