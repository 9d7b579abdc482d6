# ruff: noqa: E501 - the messages are compared whole, as users read them
"""HOUSE-1..HOUSE-4: every refusal says exactly what was wrong (rule, object, field, message)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import InputError, Milestone, Money, RuleError
from povertypolicy.rules.housing import earliest_approval, housing_subsidy, release_tranches
from tests.error_texts import check_rule_error

from .test_housing import ON, PACK, _built, _policy_with_shares, household

D = dt.date
policy = pp.Policy.load(PACK, on=ON)
sub = housing_subsidy(household(4), policy).value


def cases(tmp: Path) -> dict[str, Callable[[], Any]]:
    return {
        "posted_str": lambda: earliest_approval("2011-04-01", policy),
        "posted_datetime": lambda: earliest_approval(dt.datetime(2011, 4, 1), policy),
        "as_of_str": lambda: release_tranches(sub, pp.BuildProgress(), policy, as_of="2011-01-01"),
        "subsidy_wrong": lambda: release_tranches(
            "x", pp.BuildProgress(), policy, as_of=D(2011, 1, 1)
        ),
        "progress_wrong": lambda: release_tranches(sub, "x", policy, as_of=D(2011, 1, 1)),
        "withheld_exceeds": lambda: housing_subsidy(
            household(1), _policy_with_shares(tmp, (30, 30, 30, 10), withheld="3600")
        ),
        "withheld_equal": lambda: housing_subsidy(
            household(1), _policy_with_shares(tmp, (30, 30, 30, 10), withheld="3500")
        ),
        "shares": lambda: housing_subsidy(household(1), _policy_with_shares(tmp, (30, 30, 30, 20))),
        "skip": lambda: release_tranches(
            sub,
            pp.BuildProgress(foundation_accepted_on=D(2011, 6, 10), second_storey_on=D(2011, 8, 1)),
            policy,
            as_of=D(2011, 9, 1),
        ),
        "skip_first": lambda: release_tranches(
            sub, pp.BuildProgress(first_storey_on=D(2011, 8, 1)), policy, as_of=D(2011, 9, 1)
        ),
        "before": lambda: release_tranches(
            sub,
            pp.BuildProgress(foundation_accepted_on=D(2011, 7, 1), first_storey_on=D(2011, 6, 1)),
            policy,
            as_of=D(2011, 11, 1),
        ),
        "before2": lambda: release_tranches(
            sub,
            pp.BuildProgress(
                foundation_accepted_on=D(2011, 6, 1),
                first_storey_on=D(2011, 7, 1),
                second_storey_on=D(2011, 6, 15),
            ),
            policy,
            as_of=D(2011, 11, 1),
        ),
        "after": lambda: release_tranches(
            sub,
            pp.BuildProgress(foundation_accepted_on=D(2011, 12, 1)),
            policy,
            as_of=D(2011, 11, 1),
        ),
        "after_demolished": lambda: release_tranches(
            sub,
            pp.BuildProgress(
                foundation_accepted_on=D(2011, 6, 1),
                old_house_demolished_on=D(2011, 12, 1),
                demolished_by_township=False,
            ),
            policy,
            as_of=D(2011, 11, 1),
        ),
        "never": lambda: release_tranches(
            sub,
            pp.BuildProgress(foundation_accepted_on=D(2011, 6, 1), paid=[Milestone.FIRST_STOREY]),
            policy,
            as_of=D(2011, 11, 1),
        ),
        "order": lambda: release_tranches(
            sub,
            pp.BuildProgress(
                foundation_accepted_on=D(2011, 6, 1),
                first_storey_on=D(2011, 7, 1),
                paid=[Milestone.FIRST_STOREY],
            ),
            policy,
            as_of=D(2011, 11, 1),
        ),
        "who": lambda: release_tranches(
            sub, _built(old_house_demolished_on=D(2012, 1, 5)), policy, as_of=D(2012, 1, 10)
        ),
    }


EXPECTED: dict[str, tuple[type, str] | None] = {
    "posted_str": (
        InputError,
        "earliest_approval.posted_on: got '2011-04-01'; expected a datetime.date",
    ),
    "posted_datetime": (
        InputError,
        "earliest_approval.posted_on: got datetime.datetime(2011, 4, 1, 0, 0); expected a datetime.date",
    ),
    "as_of_str": (InputError, "release_tranches.as_of: got '2011-01-01'; expected a datetime.date"),
    "subsidy_wrong": (InputError, "rules.housing.subsidy: got 'x'; expected a HousingSubsidy"),
    "progress_wrong": (InputError, "rules.housing.progress: got 'x'; expected a BuildProgress"),
    "withheld_exceeds": (
        RuleError,
        "[HOUSE-2] the amount withheld per person exceeds the subsidy per person",
    ),
    "withheld_equal": None,
    "shares": (
        RuleError,
        "[HOUSE-3] the tranche shares add up to 110%, not 100%; check the policy pack",
    ),
    "skip": (
        RuleError,
        "[HOUSE-3] second_storey reported on 2011-08-01 but first_storey was never reported: tranches are released only in milestone order",
    ),
    "skip_first": (
        RuleError,
        "[HOUSE-3] first_storey reported on 2011-08-01 but foundation was never reported: tranches are released only in milestone order",
    ),
    "before": (
        RuleError,
        "[HOUSE-3] first_storey reported on 2011-06-01, before foundation (2011-07-01): milestones must be reached in order",
    ),
    "before2": (
        RuleError,
        "[HOUSE-3] second_storey reported on 2011-06-15, before first_storey (2011-07-01): milestones must be reached in order",
    ),
    "after": (
        RuleError,
        "[HOUSE-3] foundation is dated 2011-12-01, after the payment date 2011-11-01",
    ),
    "after_demolished": (
        RuleError,
        "[HOUSE-3] old_house_demolished is dated 2011-12-01, after the payment date 2011-11-01",
    ),
    "never": (
        RuleError,
        "[HOUSE-3] first_storey is marked paid but its milestone was never reached",
    ),
    "order": (
        RuleError,
        "[HOUSE-3] first_storey is marked paid before foundation: tranches are paid only in order",
    ),
    "who": (
        RuleError,
        "[HOUSE-4] the old house was demolished on 2012-01-05, but whether the household or the township demolished it is not recorded (demolished_by_township): the township's cost would be deducted, so it cannot be assumed",
    ),
}


F, S1, S2, OLD = Milestone  # foundation, first storey, second storey, old house demolished

# Each RuleError's own code and the values its message names.
CODES: dict[str, tuple[str, dict[str, Any]]] = {
    "withheld_exceeds": (
        "housing.error.withheld_exceeds_subsidy",
        {"withheld": Money("3600"), "subsidy": Money("3500")},
    ),
    "shares": ("housing.error.tranche_shares", {"total": Decimal("110")}),
    "skip": (
        "housing.error.milestone_skipped",
        {"later": S2, "reported_on": D(2011, 8, 1), "milestone": S1},
    ),
    "skip_first": (
        "housing.error.milestone_skipped",
        {"later": S1, "reported_on": D(2011, 8, 1), "milestone": F},
    ),
    "before": (
        "housing.error.milestone_order",
        {"milestone": S1, "reached_on": D(2011, 6, 1), "before": F, "before_on": D(2011, 7, 1)},
    ),
    "before2": (
        "housing.error.milestone_order",
        {"milestone": S2, "reached_on": D(2011, 6, 15), "before": S1, "before_on": D(2011, 7, 1)},
    ),
    "after": (
        "housing.error.milestone_after_payment",
        {"milestone": F, "reached_on": D(2011, 12, 1), "as_of": D(2011, 11, 1)},
    ),
    "after_demolished": (
        "housing.error.milestone_after_payment",
        {"milestone": OLD, "reached_on": D(2011, 12, 1), "as_of": D(2011, 11, 1)},
    ),
    "never": ("housing.error.paid_not_reached", {"milestone": S1}),
    "order": ("housing.error.paid_out_of_order", {"milestone": S1, "earlier": F}),
    "who": ("housing.error.demolished_by_unknown", {"demolished_on": D(2012, 1, 5)}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_refusal_says_exactly_what_was_wrong(tmp_path: Path, name: str) -> None:
    build = cases(tmp_path)[name]
    expected = EXPECTED[name]
    if expected is None:
        build()
        return
    kind, message = expected
    with pytest.raises(kind) as exc:
        build()
    assert str(exc.value) == message
    if isinstance(exc.value, RuleError):
        assert message.startswith(f"[{exc.value.rule}] ")
        check_rule_error(exc.value, *CODES[name])
    else:
        assert isinstance(exc.value, InputError)
        assert message.startswith(f"{exc.value.obj}.{exc.value.field}: ")


def test_HOUSE_2_funding_levels_must_add_up(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "bad-levels"
            title = "x"
            issuer = "x"
            parent = "{PACK}"
            source = {{ document = "x.txt", section = "§1" }}
            [parameters."housing.subsidy_per_person"]
            unit = "yuan_per_person"
            citation = {{ document = "x.txt", section = "§1" }}
            values = [{{ from = 2011-01-01, value = "4000" }}]
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as exc:
        housing_subsidy(household(1), pp.Policy.load(path, on=ON))
    assert str(exc.value) == (
        "[HOUSE-2] the funding levels add up to 3500.00 per person but the subsidy is "
        "4000.00 per person; check the policy pack"
    )
    levels = {"levels": Money("3500"), "subsidy": Money("4000")}
    check_rule_error(exc.value, "housing.error.funding_levels", levels)
    assert "每人3500元" in exc.value.text("zh_Hans")
    np = pytest.importorskip("numpy")
    pytest.importorskip("pyarrow")
    from povertypolicy.ledger.housing import subsidy_columns

    with pytest.raises(RuleError) as kernel:  # the ledger kernel: the same code and message
        subsidy_columns(np.array([1], dtype=np.int64), pp.Policy.load(path, on=ON))
    assert str(kernel.value) == str(exc.value)
    check_rule_error(kernel.value, "housing.error.funding_levels", levels)


def test_the_ledger_kernel_refuses_with_the_rules_code_and_message(tmp_path: Path) -> None:
    """HOUSE-2, HOUSE-3: the column kernel repeats the rule's checks with the same error."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("pyarrow")
    from povertypolicy.ledger.housing import allocate_rows, subsidy_columns

    bad = {
        "withheld_exceeds": _policy_with_shares(tmp_path, (30, 30, 30, 10), withheld="3600"),
        "shares": _policy_with_shares(tmp_path, (30, 30, 30, 20)),
    }
    for name, pol in bad.items():
        with pytest.raises(RuleError) as rule:
            housing_subsidy(household(1), pol)
        with pytest.raises(RuleError) as kernel:
            subsidy_columns(np.array([1], dtype=np.int64), pol)
        assert (str(kernel.value), kernel.value.code) == (str(rule.value), rule.value.code)
        check_rule_error(kernel.value, *CODES[name])
    with pytest.raises(RuleError) as zero:
        allocate_rows(np.array([100], dtype=np.int64), [Decimal(0), Decimal(0)])
    assert str(zero.value) == "[HOUSE-3] tranche weights must have a positive sum"
    check_rule_error(zero.value, "housing.error.tranche_weights", {})
    with pytest.raises(RuleError) as big:
        allocate_rows(np.array([2**61], dtype=np.int64), [Decimal(1), Decimal(3)])
    assert str(big.value) == "[HOUSE-3] amounts too large for the exact column split"
    check_rule_error(big.value, "housing.error.split_too_large", {})


def test_HOUSE_2_withheld_equal_to_the_subsidy_is_allowed(tmp_path: Path) -> None:
    s = housing_subsidy(household(2), _policy_with_shares(tmp_path, (30, 30, 30, 10), "3500"))
    assert s.value.net == Money.zero()
    assert s.value.withheld == s.value.gross == Money("7000")
