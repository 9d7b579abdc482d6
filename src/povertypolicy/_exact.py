"""Exact-arithmetic helpers shared by Money, Area and the rules (no policy logic here)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

__all__ = ["exact_sum", "round_half_up", "round_ratio", "scale_to_integers"]


def round_ratio(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (denominator > 0, need not be in lowest terms) rounded to a
    whole number, halves away from zero (四舍五入); integer arithmetic only."""
    whole, rest = divmod(-numerator if numerator < 0 else numerator, denominator)
    if 2 * rest >= denominator:
        whole += 1
    return -whole if numerator < 0 else whole


def round_half_up(value: Fraction) -> int:
    """Round to a whole number, halves away from zero (四舍五入)."""
    numerator, denominator = value.as_integer_ratio()
    return round_ratio(numerator, denominator)


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of fractions, on a common denominator (faster than ``sum`` for many)."""
    num, den = 0, 1
    for f in values:
        n, d = f.as_integer_ratio()
        if den % d:
            common = math.lcm(den, d)
            num *= common // den
            den = common
        num += n * (den // d)
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
    ratios: list[tuple[int, int]] = []  # each weight in lowest terms, denominator > 0
    for w in weights:
        if type(w) is Fraction:  # the usual case here (areas)
            ratios.append(w.as_integer_ratio())
        elif type(w) is int:
            ratios.append((w, 1))
        elif isinstance(w, Decimal):
            if not w.is_finite():
                return None
            ratios.append(w.as_integer_ratio())
        elif isinstance(w, Fraction):
            ratios.append((w.numerator, w.denominator))
        else:  # floats, bools and other types
            return None
    denominator = math.lcm(*{d for _, d in ratios})
    ints = [n * (denominator // d) for n, d in ratios]
    if min(ints) < 0:  # each has its weight's sign
        return None
    return ints if sum(ints) > 0 else None
