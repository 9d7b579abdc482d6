"""Exact-arithmetic helpers shared by Money, Area and the rules (no policy logic here)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

__all__ = ["exact_sum", "round_half_up", "scale_to_integers"]


def round_half_up(value: Fraction) -> int:
    """Round to a whole number, halves away from zero (四舍五入)."""
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole = magnitude.numerator // magnitude.denominator
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return sign * whole


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of fractions, on a common denominator (faster than ``sum`` for many)."""
    num, den = 0, 1
    for f in values:
        d = f.denominator
        if den % d:
            common = math.lcm(den, d)
            num *= common // den
            den = common
        num += f.numerator * (den // d)
    return Fraction(num, den)


def scale_to_integers(weights: Sequence[int | Decimal | Fraction]) -> list[int] | None:
    """Non-negative int/Decimal/Fraction weights as integers in the same ratios.

    None when a weight is of another type, negative or not finite, or when all are zero.
    """
    whole: list[int] = []
    for w in weights:  # fast path: whole-number ints and Decimals (e.g. percent shares)
        if type(w) is int and w >= 0:
            whole.append(w)
        elif type(w) is Decimal and w.is_finite() and w >= 0 and w == int(w):
            whole.append(int(w))
        else:
            break
    else:
        return whole if sum(whole) > 0 else None
    denominator = 1
    exact: list[Fraction] = []
    for w in weights:
        if type(w) is int:
            if w < 0:
                return None
            exact.append(Fraction(w))
            continue
        if isinstance(w, Decimal):
            if not w.is_finite():
                return None
            w = Fraction(w)
        elif not isinstance(w, Fraction) or isinstance(w, bool):
            return None
        if w < 0:
            return None
        exact.append(w)
        denominator = math.lcm(denominator, w.denominator)
    ints = [f.numerator * (denominator // f.denominator) for f in exact]
    return ints if sum(ints) > 0 else None
