"""Area: exact conversions between m², mu, fen and hectares."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy import Area, AreaUnit, InputError


def test_exact_conversions() -> None:
    assert Area.mu(1).in_unit("m2") == Fraction(10_000, 15)
    assert Area.mu(15) == Area.hectares(1)
    assert Area.fen(10) == Area.mu(1)
    assert Area.hectares(1).in_unit(AreaUnit.MU) == 15
    assert Area.mu(1).rounded("m2") == Decimal("666.67")
    assert Area.m2("666.67") != Area.mu(1)  # 666.67 is a rounding, not the exact mu


def test_arithmetic_and_ratio() -> None:
    assert Area.mu("1.5") + Area.mu("0.5") == Area.mu(2)
    assert (Area.mu(3) - Area.mu(1)).unit is AreaUnit.MU
    assert Area.mu(2) * 3 == Area.mu(6)
    assert Area.mu(3) / Area.mu(2) == Fraction(3, 2)
    assert sum([Area.mu(1), Area.mu(2)]) == Area.mu(3)


def test_value_text_round_trip() -> None:
    a = Area.mu(1).to("m2")
    assert a.value_text() == "2000/3"
    assert Area(a.value_text(), a.unit) == a
    assert Area.mu("2.50").value_text() == "2.5"


@pytest.mark.parametrize("bad", [1.5, "x", True])
def test_bad_values(bad: object) -> None:
    with pytest.raises(InputError):
        Area(bad, "mu")  # type: ignore[arg-type]


def test_bad_unit() -> None:
    with pytest.raises(InputError, match="unit"):
        Area(1, "acre")


@given(st.fractions(min_value=0, max_value=10**6), st.sampled_from(list(AreaUnit)))
def test_conversion_round_trips_exactly(value: Fraction, unit: AreaUnit) -> None:
    a = Area(value, unit)
    for other in AreaUnit:
        assert a.to(other) == a
        assert a.to(other).to(unit).value == value
