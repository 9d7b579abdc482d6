"""Exact-arithmetic helpers shared by Money, Area and the rules."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy import Area
from povertypolicy._exact import exact_sum, round_half_up, scale_to_integers
from povertypolicy.units import total_square_metres


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(5, 2), 3), (Fraction(-5, 2), -3), (Fraction(249, 100), 2), (Fraction(7), 7)],
)
def test_round_half_up(value: Fraction, expected: int) -> None:
    assert round_half_up(value) == expected


def test_scale_to_integers_keeps_ratios() -> None:
    assert scale_to_integers([Decimal("0.5"), 1, Fraction(1, 3)]) == [3, 6, 2]
    assert scale_to_integers([Decimal(30), Decimal(10)]) == [30, 10]
    assert scale_to_integers([0, 0]) is None
    assert scale_to_integers([1, -1]) is None
    assert scale_to_integers([1.5]) is None  # type: ignore[list-item]
    assert scale_to_integers([True]) is None  # type: ignore[list-item]
    assert scale_to_integers([Decimal("NaN")]) is None


@given(st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=20))
def test_exact_sum_and_area_total(values: list[Fraction]) -> None:
    assert exact_sum(values) == sum(values, Fraction(0))
    areas = [Area.mu(v) for v in values]
    assert total_square_metres(areas) == sum(areas, Area.zero()).square_metres
