"""KPI-4 (fund plan, budget split) step by step: per line and part the rule ID, message key,
inputs, parameters and notes; every refusal compared whole."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules import indicators as ki
from tests.error_texts import check_rule_error

from .test_indicators import BAZHONG, DATES

P = ki.FundPart
AMOUNTS = {
    P.INFRASTRUCTURE: Money("150695000"),
    P.INDUSTRY: Money("181760000"),
    P.SOCIAL: Money("40560000"),
    P.HOUSEHOLD_ENVIRONMENT: Money("70650000"),
}
SHARES = {
    P.INFRASTRUCTURE: Decimal("34"),
    P.INDUSTRY: Decimal("41"),
    P.SOCIAL: Decimal("9.1"),
    P.HOUSEHOLD_ENVIRONMENT: Decimal("15.9"),
}
TOTAL = Money("443665000")


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(BAZHONG, on=DATES[BAZHONG])


def user_plan(tmp_path: Path, **values: str) -> pp.Policy:
    body = [
        'id = "my-plan"',
        'title = "某县资金计划"',
        'issuer = "某县"',
        f'parent = "{BAZHONG}"',
        'source = { document = "plan", section = "三" }',
    ]
    for name, value in values.items():
        unit = "percent" if "share" in name else "yuan"
        body += [
            "",
            f'[parameters."indicators.{name}"]',
            f'unit = "{unit}"',
            'citation = { document = "plan", section = "三" }',
            f'values = [{{ from = 2011-01-01, value = "{value}" }}]',
        ]
    path = tmp_path / "plan.toml"
    path.write_text(textwrap.dedent("\n".join(body)) + "\n", encoding="utf-8")
    return pp.Policy.load(path, on=DATES[BAZHONG])


def test_KPI_4_fund_plan_step_by_step(policy: pp.Policy) -> None:
    r = ki.fund_plan(policy)
    exact = {
        P.INFRASTRUCTURE: Decimal("33.966"),
        P.INDUSTRY: Decimal("40.968"),
        P.SOCIAL: Decimal("9.142"),
        P.HOUSEHOLD_ENVIRONMENT: Decimal("15.924"),
    }
    assert r.value == ki.FundPlan(
        total=TOTAL,
        lines=tuple(
            ki.FundLine(
                part=part,
                amount=AMOUNTS[part],
                stated_share=SHARES[part],
                exact_share=Fraction(100 * AMOUNTS[part].fen, TOTAL.fen),
            )
            for part in P
        ),
    )
    assert r.steps == (
        *(
            Step(
                rule="KPI-4",
                key="indicators.fund.line",
                inputs={
                    "part": part,
                    "amount": AMOUNTS[part],
                    "stated": SHARES[part],
                    "exact": exact[part],
                },
                params=(
                    policy.param(f"indicators.fund_{part.value}"),
                    policy.param(f"indicators.fund_share_{part.value}"),
                ),
            )
            for part in P
        ),
        Step(
            rule="KPI-4",
            key="indicators.fund.adds_up",
            inputs={"parts": TOTAL, "total": TOTAL, "difference": Money(0), "shares": 100},
            params=(policy.param("indicators.fund_total"),),
        ),
    )


def test_KPI_4_inconsistent_share_and_a_plan_that_does_not_add_up(tmp_path: Path) -> None:
    p = user_plan(tmp_path, fund_share_social="9.2", fund_social="40550000")
    r = ki.fund_plan(p)
    social = next(s for s in r.steps if s.inputs.get("part") is P.SOCIAL)
    assert social.notes == (Note(kind=NoteKind.WARNING, key="indicators.note.share_inconsistent"),)
    others = [s.notes for s in r.steps if s.inputs.get("part") not in (None, P.SOCIAL)]
    assert others == [(), (), ()]
    assert r.steps[-1] == Step(
        rule="KPI-4",
        key="indicators.fund.does_not_add_up",
        inputs={
            "parts": TOTAL - Money(10000),
            "total": TOTAL,
            "difference": Money(10000),
            "shares": Decimal("100.1"),
        },
        params=(p.param("indicators.fund_total"),),
    )
    assert not r.value.adds_up
    assert r.value.shares_total == Decimal("100.1")


@pytest.mark.parametrize(
    ("stated", "exact", "consistent"),
    [
        ("34", Fraction(3396, 100), True),
        ("34", Fraction(3350, 100), True),  # 33.5 rounds half up to 34
        ("34", Fraction(3349, 100), False),
        ("9.1", Fraction(9142, 1000), True),
        ("9.1", Fraction(915, 100), False),  # 9.15 rounds half up to 9.2
        ("9.10", Fraction(9104, 1000), True),
        ("9.10", Fraction(9106, 1000), False),
    ],
)
def test_KPI_4_share_consistency_rounds_to_the_places_written(
    stated: str, exact: Fraction, consistent: bool
) -> None:
    line = ki.FundLine(
        part=P.SOCIAL, amount=Money(1), stated_share=Decimal(stated), exact_share=exact
    )
    assert line.share_consistent is consistent


def test_KPI_4_a_zero_total_is_refused(tmp_path: Path) -> None:
    with pytest.raises(pp.RuleError) as exc:
        ki.fund_plan(user_plan(tmp_path, fund_total="0"))
    assert (exc.value.rule, exc.value.message) == ("KPI-4", "the fund plan's total is zero")
    check_rule_error(exc.value, "indicators.error.fund_total_zero", {})


@pytest.mark.parametrize("by", ["shares", "amounts"])
def test_KPI_4_split_step_by_step(policy: pp.Policy, by: str) -> None:
    budget = Money("1000000.01")
    r = ki.split_budget(budget, policy, by=by)
    amounts = [p.amount for p in r.value.parts]
    took = [p.took_rounding_fen for p in r.value.parts]
    assert sum(amounts, Money(0)) == budget
    assert [p.part for p in r.value.parts] == list(P)
    weights = [SHARES[p] for p in P] if by == "shares" else [AMOUNTS[p].fen for p in P]
    assert [p.weight for p in r.value.parts] == weights
    prefix = "fund_share_" if by == "shares" else "fund_"
    assert r.steps[:-1] == tuple(
        Step(
            rule="KPI-4",
            key=f"indicators.split.{by}",
            inputs={
                "budget": budget,
                "part": part,
                "weight": SHARES[part] if by == "shares" else AMOUNTS[part],
                "amount": amounts[i],
            },
            params=(policy.param(f"indicators.{prefix}{part.value}"),),
        )
        for i, part in enumerate(P)
    )
    rounded = tuple(part for part, t in zip(P, took, strict=True) if t)
    assert rounded
    assert r.steps[-1] == Step(
        rule="KPI-4",
        key="indicators.split.total",
        inputs={"budget": budget, "total": budget},
        notes=(
            Note(
                kind=NoteKind.ROUNDING,
                key="indicators.note.rounding",
                args={"parts": rounded, "fen": len(rounded)},
            ),
        ),
    )
    assert r.value == ki.BudgetSplit(budget=budget, by=by, parts=r.value.parts)


def test_KPI_4_split_without_rounding_says_so(policy: pp.Policy) -> None:
    r = ki.split_budget(Money("1000000"), policy)
    assert [str(p.amount) for p in r.value.parts] == [
        "340000.00",
        "410000.00",
        "91000.00",
        "159000.00",
    ]
    assert not any(p.took_rounding_fen for p in r.value.parts)
    assert r.steps[-1].notes == (Note(kind=NoteKind.ROUNDING, key="indicators.note.no_rounding"),)
    assert r.value.amount(P.SOCIAL) == Money("91000")
    zero = ki.split_budget(Money(0), policy)
    assert [p.amount for p in zero.value.parts] == [Money(0)] * 4


@pytest.mark.parametrize(
    ("budget", "by", "field", "expected"),
    [
        (Money("-0.01"), "shares", "budget", "a Money amount >= 0"),
        (100, "shares", "budget", "a Money amount >= 0"),
        (Money(1), "votes", "by", '"shares" or "amounts"'),
        (Money(1), "Shares", "by", '"shares" or "amounts"'),
    ],
)
def test_KPI_4_split_refusals_compared_whole(
    policy: pp.Policy, budget: object, by: str, field: str, expected: str
) -> None:
    with pytest.raises(pp.InputError) as exc:
        ki.split_budget(budget, policy, by=by)  # type: ignore[arg-type]
    e = exc.value
    value = budget if field == "budget" else by
    assert (e.obj, e.field, e.value, e.expected) == ("split_budget", field, value, expected)


def test_KPI_4_shares_not_adding_to_100_are_refused(tmp_path: Path) -> None:
    p = user_plan(tmp_path, fund_share_social="9.2")
    with pytest.raises(pp.RuleError) as exc:
        ki.split_budget(Money(100), p)
    assert (exc.value.rule, exc.value.message) == (
        "KPI-4",
        "the plan's shares add up to 100.1%, not 100%; check the pack",
    )
    check_rule_error(exc.value, "indicators.error.fund_shares", {"total": Decimal("100.1")})
    assert ki.split_budget(Money(100), p, by="amounts").value.parts  # amounts still split
