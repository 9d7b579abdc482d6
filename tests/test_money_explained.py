"""Money: the exact wording, codes and corner cases that mutation testing found unchecked."""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from povertypolicy import Money
from povertypolicy.errors import InputError
from povertypolicy.money import MAX_FEN, MAX_YUAN


def error_of(build: Any) -> InputError:
    with pytest.raises(InputError) as exc:
        build()
    return exc.value


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("x", "a decimal number"),
        (1.5, "an exact number (no floats)"),
        (True, "an exact number (no floats)"),
        (None, "an exact number (no floats)"),
    ],
)
def test_round_refuses_what_is_not_an_exact_number(amount: Any, expected: str) -> None:
    err = error_of(lambda: Money.round(amount))
    assert (err.obj, err.field, err.value, err.expected) == ("Money", "amount", amount, expected)


@pytest.mark.parametrize(
    ("amount", "fen"),
    [
        ("1.005", 101),
        ("1.004", 100),
        ("-1.005", -101),
        (Decimal("2.675"), 268),
        (Fraction(1, 3), 33),
        (Fraction(2, 3), 67),
        (Fraction(-1, 200), -1),
        (7, 700),
        ("  3.5 ", 350),
    ],
)
def test_round_is_half_up_to_the_fen(amount: Any, fen: int) -> None:
    assert Money.round(amount).fen == fen


def test_too_large_names_the_limit() -> None:
    err = error_of(lambda: Money(MAX_YUAN))
    assert (err.obj, err.field, err.value) == ("Money", "amount", MAX_YUAN)
    assert err.code == "core.error.money_magnitude"
    assert err.expected == f"an amount below {MAX_YUAN} yuan"
    assert err.extra == {"limit": str(MAX_YUAN)}
    assert "一百万亿元" in err.text("zh_Hans")
    assert error_of(lambda: Money(-MAX_YUAN)).code == "core.error.money_magnitude"
    assert error_of(lambda: Money(str(MAX_YUAN))).code == "core.error.money_magnitude"
    assert Money(MAX_YUAN - 1).fen == MAX_FEN - 100
    assert Money(str(-(MAX_YUAN - 1))).fen == -(MAX_FEN - 100)
    assert Money("99999999999999.99").fen == MAX_FEN - 1


def test_float_is_refused_with_a_pointer_to_amount_and_fen() -> None:
    with pytest.raises(TypeError) as exc:
        float(Money("2.50"))
    assert str(exc.value) == (
        "Money is exact and never a float: use money.amount (a Decimal of yuan) "
        "or money.fen (an int of fen); Decimal(money) is money.amount"
    )


def test_hash_agrees_with_equality_and_not_with_plain_numbers() -> None:
    assert hash(Money("1")) == hash(Money.from_fen(100))
    assert hash(Money("1")) != hash(Money("1.01"))
    assert hash(Money("1")) == hash(("Money", 100))
    assert len({Money("1"), Money.from_fen(100), Money("2")}) == 2


def test_comparisons_are_strict_where_they_should_be() -> None:
    one, two = Money("1"), Money("2")
    assert one < two
    assert not two < one
    assert not one < Money("1")
    assert two > one
    assert not one > two
    assert not one > Money("1")
    assert one <= Money("1")
    assert not two <= one
    assert one >= Money("1")
    assert not one >= two
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        assert getattr(one, op)(1) is NotImplemented


def test_sum_starts_from_zero_only() -> None:
    assert sum([Money("1"), Money("2")]) == Money("3")
    assert Money("1").__radd__(0) == Money("1")
    assert Money("1").__radd__(1) is NotImplemented
    assert Money("1").__radd__(False) is NotImplemented


def test_multiplication_by_each_exact_kind() -> None:
    assert Money("1.00") * 3 == Money("3")
    assert Money("1.00") * Fraction(1, 3) == Money("0.33")
    assert Money("0.05") * Decimal("0.5") == Money("0.03")
    assert Money("1").__mul__(True) is NotImplemented
    assert Money("1").__mul__(1.5) is NotImplemented  # type: ignore[arg-type]


def test_format_per_locale() -> None:
    assert Money("14000").format() == Money("14000").format("zh_Hans")
    assert Money("14000").format("en") != Money("14000").format("zh_Hans")
    assert "14,000.00" in Money("14000").format("en")


def test_pickle_and_immutability() -> None:
    assert pickle.loads(pickle.dumps(Money("3.21"))) == Money("3.21")
    with pytest.raises(AttributeError, match="immutable"):
        Money("1").x = 1  # type: ignore[attr-defined]
