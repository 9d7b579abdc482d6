"""Money: every refusal names the object, field, value, expectation and its own code exactly,
and reads in all three locales."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from povertypolicy import Money
from povertypolicy.errors import InputError
from tests.error_texts import check_input_error

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
    "alloc_inf": lambda: Money("1").allocate([Decimal("Infinity"), 1]),
    "magnitude": lambda: Money("100000000000000"),
    "magnitude_int": lambda: Money(-(10**14)),
    "round_text": lambda: Money.round("abc"),
    "round_float": lambda: Money.round(0.5),
    "round_bool": lambda: Money.round(True),
    "round_nan": lambda: Money.round(Decimal("NaN")),
    "round_inf_text": lambda: Money.round("-Infinity"),
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
    "fen_str": ("Money", "fen", "100", "an int number of fen", "core.error.money_fen"),
    "fen_bool": ("Money", "fen", True, "an int number of fen", "core.error.money_fen"),
    "fen_float": ("Money", "fen", 1.0, "an int number of fen", "core.error.money_fen"),
    "alloc_empty": (
        "Money.allocate",
        "weights",
        [],
        "at least one weight",
        "core.error.weights_empty",
    ),
    "alloc_float": (
        "Money.allocate",
        "weights",
        1.5,
        "int, Decimal or Fraction weights (no floats)",
        "core.error.weight_type",
    ),
    "alloc_bool": (
        "Money.allocate",
        "weights",
        True,
        "int, Decimal or Fraction weights (no floats)",
        "core.error.weight_type",
    ),
    "alloc_negative": (
        "Money.allocate",
        "weights",
        -1,
        "finite weights >= 0",
        "core.error.weight_negative",
    ),
    "alloc_zero": (
        "Money.allocate",
        "weights",
        [0, 0],
        "weights with a positive sum",
        "core.error.weights_zero",
    ),
    "alloc_nan": (
        "Money.allocate",
        "weights",
        Decimal("NaN"),
        "finite weights >= 0",
        "core.error.weight_negative",
    ),
    "alloc_inf": (
        "Money.allocate",
        "weights",
        Decimal("Infinity"),
        "finite weights >= 0",
        "core.error.weight_negative",
    ),
    "magnitude": (
        "Money",
        "amount",
        "100000000000000",
        "an amount below 100000000000000 yuan",
        "core.error.money_magnitude",
    ),
    "magnitude_int": (
        "Money",
        "amount",
        -(10**14),
        "an amount below 100000000000000 yuan",
        "core.error.money_magnitude",
    ),
    "round_text": ("Money", "amount", "abc", "a decimal number", "core.error.money"),
    "round_float": ("Money", "amount", 0.5, "an exact number (no floats)", "core.error.money"),
    "round_bool": ("Money", "amount", True, "an exact number (no floats)", "core.error.money"),
    "round_nan": ("Money", "amount", Decimal("NaN"), "a finite amount", "core.error.money"),
    "round_inf_text": (
        "Money",
        "amount",
        Decimal("-Infinity"),
        "a finite amount",
        "core.error.money",
    ),
}

# The values a code's message names besides the object, the field and the value.
EXTRA: dict[str, dict[str, Any]] = {
    "magnitude": {"limit": "100000000000000"},
    "magnitude_int": {"limit": "100000000000000"},
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
    check_input_error(err, code, EXTRA.get(name, {}))
