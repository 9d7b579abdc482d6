"""The fund plan of a contiguous-area programme and exact budget splits; 资金计划 (KPI-4).

poverty-work-plan-samples 篇1 §三: 44,366.5 万元 = infrastructure 15,069.5 (34%) + industry 18,176
(41%) + social
4,056 (9.1%) + household environment 7,065 (15.9%).
"""

from __future__ import annotations

import enum
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs

from ...errors import InputError, RuleError
from ...explain import NoteKind, Result
from ...explain.recorder import Recorder, note, warning
from ...money import Money
from ...policy import Parameter, Policy
from .._args import amount

__all__ = [
    "BudgetPart",
    "BudgetSplit",
    "FundLine",
    "FundPart",
    "FundPlan",
    "fund_plan",
    "split_budget",
]


class FundPart(enum.StrEnum):
    """A part of the fund plan; 资金用途 (KPI-4)."""

    __label__ = "indicators.fund_part"

    INFRASTRUCTURE = "infrastructure"
    INDUSTRY = "industry"
    SOCIAL = "social"
    HOUSEHOLD_ENVIRONMENT = "household_environment"


@attrs.frozen(kw_only=True)
class FundLine:
    """One part of the plan: its amount, its stated share and its exact share; 资金构成.

    Args:
        part: The part of the plan.
        amount: Its amount.
        stated_share: The share the plan states.
        exact_share: Amount ÷ total, exact.
    """

    part: FundPart
    amount: Money
    stated_share: Decimal
    exact_share: Fraction

    @property
    def share_consistent(self) -> bool:
        """Whether the stated share is the exact share rounded to the places it is written in."""
        exponent = self.stated_share.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        exact = Decimal(self.exact_share.numerator) / Decimal(self.exact_share.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) == self.stated_share


@attrs.frozen(kw_only=True)
class FundPlan:
    """The plan's total and its four parts; whether they add up exactly; 资金计划.

    Args:
        total: The plan's total.
        lines: Its four parts.
    """

    total: Money
    lines: tuple[FundLine, ...]

    @property
    def parts_total(self) -> Money:
        """The four amounts added up."""
        return sum((line.amount for line in self.lines), Money.zero())

    @property
    def adds_up(self) -> bool:
        """Whether the parts add up to the total to the fen."""
        return self.parts_total == self.total

    @property
    def shares_total(self) -> Decimal:
        """The stated shares added up (percent)."""
        return sum((line.stated_share for line in self.lines), Decimal(0))


_Row = tuple[FundPart, Money, Decimal, tuple[Parameter, Parameter]]


def _lines(policy: Policy) -> tuple[Money, list[_Row]]:
    total = policy.param("indicators.fund_total")
    rows: list[_Row] = []
    for part in FundPart:
        amount = policy.param(f"indicators.fund_{part.value}")
        share = policy.param(f"indicators.fund_share_{part.value}")
        rows.append((part, amount.money, share.decimal, (amount, share)))
    return total.money, rows


def fund_plan(policy: Policy) -> Result[FundPlan]:
    """The fund plan's four amounts and shares, checked to add up exactly; 资金计划 (KPI-4)."""
    total_p = policy.param("indicators.fund_total")
    total, rows = _lines(policy)
    if not total:
        raise RuleError(
            rule="KPI-4",
            message="the fund plan's total is zero",
            code="indicators.error.fund_total_zero",
        )
    lines = tuple(
        FundLine(
            part=part,
            amount=amount,
            stated_share=share,
            exact_share=Fraction(100 * amount.fen, total.fen),
        )
        for part, amount, share, _ in rows
    )
    plan = FundPlan(total=total, lines=lines)
    rec = Recorder("KPI-4")
    for line, (_, _, _, params) in zip(lines, rows, strict=True):
        exact = Decimal(line.exact_share.numerator) / Decimal(line.exact_share.denominator)
        rec.step(
            "indicators.fund.line",
            part=line.part,
            amount=line.amount,
            stated=line.stated_share,
            exact=exact.quantize(Decimal("0.001"), ROUND_HALF_UP),
            params=params,
            notes=(
                warning("indicators.note.share_inconsistent")
                if not line.share_consistent
                else None,
            ),
        )
    rec.step(
        "indicators.fund.adds_up" if plan.adds_up else "indicators.fund.does_not_add_up",
        parts=plan.parts_total,
        total=total,
        difference=abs(plan.parts_total - total),
        shares=plan.shares_total,
        params=(total_p,),
    )
    return rec.result(plan)


@attrs.frozen(kw_only=True)
class BudgetPart:
    """One part of a split budget; 分配金额.

    Args:
        part: The part of the plan.
        weight: Its weight in the split (a share, or an amount in yuan).
        amount: Its amount.
        took_rounding_fen: True when the exact split gave it a rounding fen.
    """

    part: FundPart
    weight: Decimal | int
    amount: Money
    took_rounding_fen: bool


@attrs.frozen(kw_only=True)
class BudgetSplit:
    """A budget split by the plan's shares (or amounts), adding up exactly; 资金分配.

    Args:
        budget: The budget split.
        by: ``shares`` (the stated shares) or ``amounts`` (the plan's amounts).
        parts: Each part; they add up to the budget.
    """

    budget: Money
    by: str
    parts: tuple[BudgetPart, ...]

    def amount(self, part: FundPart) -> Money:
        """The amount of one part."""
        return next(p.amount for p in self.parts if p.part is part)


def split_budget(budget: Money, policy: Policy, *, by: str = "shares") -> Result[BudgetSplit]:
    """Split ``budget`` by the plan's stated shares (``by="shares"``) or in proportion to its
    amounts (``by="amounts"``), to the fen, by largest remainder; 按比例分配 (KPI-4).

    The parts add up to the budget exactly; the explanation says which parts took a fen.
    """
    amount("split_budget", "budget", budget)
    if by not in ("shares", "amounts"):
        raise InputError(
            obj="split_budget",
            field="by",
            value=by,
            expected='"shares" or "amounts"',
            code="core.error.enum",
            extra={"choices": "shares, amounts"},
        )
    _, rows = _lines(policy)
    if by == "shares":
        weights: list[Decimal | int] = [share for _, _, share, _ in rows]
        if sum(weights) != 100:
            raise RuleError(
                rule="KPI-4",
                message=f"the plan's shares add up to {sum(weights)}%, not 100%; check the pack",
                code="indicators.error.fund_shares",
                extra={"total": sum(weights)},
            )
        params = tuple(p[1] for *_, p in rows)
    else:
        weights = [money.fen for _, money, _, _ in rows]
        params = tuple(p[0] for *_, p in rows)
    amounts, rounded = budget.allocate_with_remainder(weights)
    parts = tuple(
        BudgetPart(part=part, weight=w, amount=a, took_rounding_fen=i in rounded)
        for i, ((part, *_), w, a) in enumerate(zip(rows, weights, amounts, strict=True))
    )
    rec = Recorder("KPI-4")
    for i, p in enumerate(parts):
        rec.step(
            f"indicators.split.{by}",
            budget=budget,
            part=p.part,
            weight=p.weight if by == "shares" else Money.from_fen(int(p.weight)),
            amount=p.amount,
            params=(params[i],),
        )
    if rounded:
        fen = note(
            NoteKind.ROUNDING,
            "indicators.note.rounding",
            parts=tuple(parts[i].part for i in rounded),
            fen=len(rounded),
        )
    else:
        fen = note(NoteKind.ROUNDING, "indicators.note.no_rounding")
    rec.step(
        "indicators.split.total",
        budget=budget,
        total=sum(amounts, Money.zero()),
        notes=(fen,),
    )
    return rec.result(BudgetSplit(budget=budget, by=by, parts=parts))
