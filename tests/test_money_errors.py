"""Money: every refusal names the object, field, value, expectation and code exactly."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from povertypolicy import Money
from povertypolicy.errors import InputError

CASES: dict[str, Callable[[], Any]] = {
    "float": lambda: Money(1.5),
    "bool": lambda: Money(True),
    "none": lambda: Money(None),
    "text": lambda: Money("abc"),
    "inf_text": lambda: Money("inf"),
    "nan_decimal": lambda: Money(Decimal("NaN")),
    "places": lambda: Money("1.001"),
    "places_decimal": lambda: Money(Decimal("0.125")),
    "fen_str": lambda: Money.from_fen("100"),
    "fen_bool": lambda: Money.from_fen(True),
    "fen_float": lambda: Money.from_fen(1.0),
    "alloc_empty": lambda: Money("1").allocate([]),
    "alloc_float": lambda: Money("1").allocate([1.5, 1]),
    "alloc_bool": lambda: Money("1").allocate([True, 1]),
    "alloc_negative": lambda: Money("1").allocate([-1, 2]),
    "alloc_zero": lambda: Money("1").allocate([0, 0]),
    "alloc_nan": lambda: Money("1").allocate([Decimal("NaN"), 1]),
}

EXPECTED: dict[str, tuple[str, str, Any, str, str]] = {
    "float": (
        "Money",
        "amount",
        1.5,
        "a str, int or Decimal amount of yuan (floats are not exact)",
        "core.error.money",
    ),
    "bool": (
        "Money",
        "amount",
        True,
        "a str, int or Decimal amount of yuan (floats are not exact)",
        "core.error.money",
    ),
    "none": (
        "Money",
        "amount",
        None,
        "a str, int or Decimal amount of yuan (floats are not exact)",
        "core.error.money",
    ),
    "text": ("Money", "amount", "abc", "a decimal number of yuan", "core.error.money"),
    "inf_text": ("Money", "amount", "inf", "a finite amount", "core.error.money"),
    "nan_decimal": ("Money", "amount", Decimal("NaN"), "a finite amount", "core.error.money"),
    "places": (
        "Money",
        "amount",
        "1.001",
        "at most two decimal places (use Money.round for computed amounts)",
        "core.error.money_places",
    ),
    "places_decimal": (
        "Money",
        "amount",
        Decimal("0.125"),
        "at most two decimal places (use Money.round for computed amounts)",
        "core.error.money_places",
    ),
    "fen_str": ("Money", "fen", "100", "an int number of fen", "core.error.input"),
    "fen_bool": ("Money", "fen", True, "an int number of fen", "core.error.input"),
    "fen_float": ("Money", "fen", 1.0, "an int number of fen", "core.error.input"),
    "alloc_empty": ("Money.allocate", "weights", [], "at least one weight", "core.error.input"),
    "alloc_float": (
        "Money.allocate",
        "weights",
        1.5,
        "int, Decimal or Fraction weights (no floats)",
        "core.error.input",
    ),
    "alloc_bool": (
        "Money.allocate",
        "weights",
        True,
        "int, Decimal or Fraction weights (no floats)",
        "core.error.input",
    ),
    "alloc_negative": ("Money.allocate", "weights", -1, "finite weights >= 0", "core.error.input"),
    "alloc_zero": (
        "Money.allocate",
        "weights",
        [0, 0],
        "weights with a positive sum",
        "core.error.input",
    ),
    "alloc_nan": (
        "Money.allocate",
        "weights",
        Decimal("NaN"),
        "finite weights >= 0",
        "core.error.input",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_refusal_is_exact(name: str) -> None:
    with pytest.raises(InputError) as exc:
        CASES[name]()
    err = exc.value
    obj, field, value, expected, code = EXPECTED[name]
    assert (err.obj, err.field, err.expected, err.code) == (obj, field, expected, code)
    assert err.value == value or (err.value != err.value and value != value)
    assert type(err.value) is type(value)
    assert str(err) == f"{obj}.{field}: got {value!r}; expected {expected}"
